// Package cond compiles and runs the conditions of a bank (its `when` expressions, in the expr
// language) within limits: the names a condition uses, its type check, what can be judged
// from the condition alone (builtins that build too much, work that is unbounded:
// DisabledUse, CostProblem), its simple shape (Condition), and evaluation bounded in steps,
// memory, text built and pattern matching (ErrTooCostly). What a condition may name, and the
// answers it compares with, are the bank's to check (questionnaire).
package cond

import (
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"sync"

	"github.com/expr-lang/expr"
	"github.com/expr-lang/expr/ast"
	"github.com/expr-lang/expr/builtin"
	"github.com/expr-lang/expr/conf"
	"github.com/expr-lang/expr/parser"
	"github.com/expr-lang/expr/types"
	"github.com/expr-lang/expr/vm"
)

// MaxNodes bounds a condition's size (expr's node limit).
const MaxNodes = 1000

// MaxLen bounds a condition's source length.
const MaxLen = 4000

var keywords = []string{"and", "or", "not", "in", "matches", "contains", "startsWith", "endsWith", "true", "false", "nil", "let", "if", "else", "then"}

// Reserved reports whether id cannot be used as a name in conditions: a keyword or a builtin.
func Reserved(id string) bool {
	if slices.Contains(keywords, id) {
		return true
	}
	for _, f := range builtin.Builtins {
		if f.Name == id {
			return true
		}
	}
	return false
}

type identVisitor struct{ names []string }

func (v *identVisitor) Visit(node *ast.Node) {
	if id, ok := (*node).(*ast.IdentifierNode); ok && !slices.Contains(v.names, id.Value) {
		v.names = append(v.names, id.Value)
	}
}

// Names lists the names a condition uses, each once, in the order written; none when it
// does not parse.
func Names(src string) []string {
	tree, err := parser.Parse(src)
	if err != nil {
		return nil
	}
	v := &identVisitor{}
	ast.Walk(&tree.Node, v)
	return v.names
}

// Limits on the work one evaluation of an expression may do. An expression that would
// need more is refused at load where that can be seen from the expression alone (a range of
// constant bounds, predicates nested over such ranges), and otherwise stopped when it
// reaches the limit: it then does not hold, and Eval says why (ErrTooCostly).
const (
	// maxEvalSteps bounds the predicate calls (the `{...}` of all, any, map, filter, count,
	// ...) of one evaluation. A real condition makes a few dozen.
	maxEvalSteps = 100_000
	// maxEvalMemory is expr's memory budget for one evaluation (its units: roughly the
	// values it builds).
	maxEvalMemory = 1_000_000
	// maxEvalBuilt bounds the text (bytes) and list items that `+` and the string builtins
	// build in one evaluation.
	maxEvalBuilt = 1_000_000
	// maxRangeLen bounds a range written with constant bounds (`1..10`).
	maxRangeLen = 10_000
	// maxPattern bounds a pattern that `matches` takes from an answer (bytes); a pattern
	// written in the bank is checked when the bank loads.
	maxPattern = 1_000
	// maxMatchWork bounds the work of the `matches` with patterns from answers in one
	// evaluation: for each, the text's length times the pattern's (Go's regexp is linear in
	// both), and compiling a pattern not seen before costs ten times its length more.
	maxMatchWork = 10_000_000
)

// ErrTooCostly says an evaluation stopped at the limits above.
var ErrTooCostly = errors.New("working it out takes more than candor allows for a condition")

// stepFunc is the function stepPatch wraps around every predicate's body; a bank cannot name
// it (the type check runs without it, so it is an unknown name there).
const stepFunc = "__candor_step"

// evaluators hands out the evaluators of one expression, one to each evaluation running at
// the same time: each counts its own steps and text, so evaluations on several cores (a batch
// of responses) do not take turns. There are as many as ran at once, at most.
type evaluators struct {
	mu    sync.Mutex
	free  []*evaluator
	build func() (*evaluator, error)
}

// get takes a free evaluator, or compiles another (the expression compiled once already).
func (es *evaluators) get() (*evaluator, error) {
	es.mu.Lock()
	if n := len(es.free); n > 0 {
		e := es.free[n-1]
		es.free = es.free[:n-1]
		es.mu.Unlock()
		return e, nil
	}
	es.mu.Unlock()
	return es.build()
}

func (es *evaluators) put(e *evaluator) {
	es.mu.Lock()
	es.free = append(es.free, e)
	es.mu.Unlock()
}

// evaluator runs one compiled expression, one evaluation at a time, counting its steps.
type evaluator struct {
	program *vm.Program
	machine vm.VM
	steps   int
	built   int
	matched int
}

// wrapCall is a call of the function name with n as its argument, at n's place.
func wrapCall(name string, n ast.Node) *ast.CallNode { return callAt(n, name, n) }

// callAt is a call of the function name with args, at the place of node at.
func callAt(at ast.Node, name string, args ...ast.Node) *ast.CallNode {
	callee := &ast.IdentifierNode{Value: name}
	callee.SetLocation(at.Location())
	call := &ast.CallNode{Callee: callee, Arguments: args}
	call.SetLocation(at.Location())
	return call
}

func (e *evaluator) step(params ...any) (any, error) {
	e.steps++
	if e.steps > maxEvalSteps {
		return nil, ErrTooCostly
	}
	return params[0], nil
}

// growFunc is the function stepPatch wraps around every `+` and every builtin that builds
// text or a list; like stepFunc, a bank cannot name it.
const growFunc = "__candor_grow"

// grown lists the builtins whose result grow charges: each builds text or a list no larger
// than its arguments, so charging after the fact bounds what an evaluation builds.
var grown = map[string]bool{"upper": true, "lower": true, "trim": true, "trimPrefix": true, "trimSuffix": true,
	"string": true, "split": true, "splitAfter": true, "toBase64": true, "fromBase64": true}

// growthBuiltins are expr's builtins that can build, in one call, text or a list far larger
// than their arguments before expr charges its memory budget (`repeat(repeat("ab", 100000),
// 1000000)` asks for 200 GB): not available in candor expressions.
var growthBuiltins = []string{"repeat", "replace", "join", "concat", "flatten", "toJSON"}

// disableGrowth turns growthBuiltins off at compile (DisabledUse reports them first, clearly).
var disableGrowth = func(c *conf.Config) {
	for _, name := range growthBuiltins {
		expr.DisableBuiltin(name)(c)
	}
}

// DisabledUse finds the first use of one of growthBuiltins in the expression tree.
func DisabledUse(src string, root ast.Node) (At, string) {
	var at At
	var found string
	var walk func(n ast.Node)
	walk = func(n ast.Node) {
		if found != "" || n == nil {
			return
		}
		name := ""
		switch n := n.(type) {
		case *ast.BuiltinNode:
			name = n.Name
		case *ast.IdentifierNode:
			name = n.Value
		}
		if slices.Contains(growthBuiltins, name) {
			found, at = name, PlaceOf(src, n)
			return
		}
		for _, ch := range children(n) {
			walk(ch)
		}
	}
	walk(root)
	return at, found
}

// grow charges the text or list an operation built to the evaluation's budget.
func (e *evaluator) grow(params ...any) (any, error) {
	switch v := params[0].(type) {
	case string:
		e.built += len(v)
	case []any:
		e.built += len(v)
	}
	if e.built > maxEvalBuilt {
		return nil, ErrTooCostly
	}
	return params[0], nil
}

// errMissingAnswer: a condition could not be decided because an answer it reads is missing.
var errMissingAnswer = errors.New("the condition depends on a missing answer")

// matchFunc is the function stepPatch puts in place of a `matches` whose pattern is not
// written out in the bank (taken from an answer); like stepFunc, a bank cannot name it.
const matchFunc = "__candor_match"

// match is `text matches pattern` for a pattern from an answer: the pattern is bounded
// (maxPattern), compiled once for all evaluations (patternCache), and compiling and matching
// are charged to the evaluation (maxMatchWork).
func (e *evaluator) match(params ...any) (any, error) {
	text, ok1 := params[0].(string)
	pattern, ok2 := params[1].(string)
	if !ok1 || !ok2 {
		if params[0] == nil || params[1] == nil {
			return nil, errMissingAnswer
		}
		return nil, fmt.Errorf("matches compares text with a pattern, not %T with %T", params[0], params[1])
	}
	if len(pattern) > maxPattern {
		return nil, ErrTooCostly
	}
	re, err := patterns.get(pattern, func() {
		e.matched += 10 * len(pattern)
	})
	if err != nil {
		return nil, err
	}
	e.matched += (len(text) + 1) * (len(pattern) + 1)
	if e.matched > maxMatchWork {
		return nil, ErrTooCostly
	}
	return re.MatchString(text), nil
}

// patternCache keeps the patterns answers gave, compiled, for every evaluation of every
// expression: the newest maxCachedPatterns, so memory stays bounded however many answers a
// table holds.
type patternCache struct {
	mu    sync.Mutex
	byPat map[string]*regexp.Regexp
	order []string
}

const maxCachedPatterns = 256

var patterns = &patternCache{byPat: map[string]*regexp.Regexp{}}

// get is pattern compiled; compiling calls charge first (a compile error is the
// condition's error).
func (c *patternCache) get(pattern string, charge func()) (*regexp.Regexp, error) {
	c.mu.Lock()
	re, ok := c.byPat[pattern]
	c.mu.Unlock()
	if ok {
		return re, nil
	}
	charge()
	re, err := regexp.Compile(pattern)
	if err != nil {
		return nil, fmt.Errorf("the pattern %q cannot be used: %v", pattern, err)
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, ok := c.byPat[pattern]; !ok {
		if len(c.order) >= maxCachedPatterns {
			delete(c.byPat, c.order[0])
			c.order = c.order[1:]
		}
		c.byPat[pattern] = re
		c.order = append(c.order, pattern)
	}
	return re, nil
}

// stepPatch makes every predicate body go through stepFunc, which counts the call, every
// `+` and builtin in grown through growFunc, which charges what it built, and every
// `matches` whose pattern is not written out through matchFunc.
type stepPatch struct{}

func (stepPatch) Visit(node *ast.Node) {
	switch n := (*node).(type) {
	case *ast.BinaryNode:
		switch {
		case n.Operator == "+":
			*node = wrapCall(growFunc, n)
		case n.Operator == "matches":
			if _, written := n.Right.(*ast.StringNode); !written {
				*node = callAt(n, matchFunc, n.Left, n.Right)
			}
		}
		return
	case *ast.BuiltinNode:
		if grown[n.Name] {
			*node = wrapCall(growFunc, n)
		}
		return
	}
	p, ok := (*node).(*ast.PredicateNode)
	if !ok {
		return
	}
	p.Node = wrapCall(stepFunc, p.Node)
}

// Check type-checks condition src with the names it may use and their types: it must be
// true or false, at most MaxNodes large, and use no builtin that builds too much. The error
// is expr's (a *file.Error, with a line and column inside src, for most).
func Check(src string, names types.Map) error {
	_, err := expr.Compile(src, expr.Env(names), expr.AsBool(), expr.MaxNodes(MaxNodes), expr.Optimize(false), disableGrowth)
	return err
}

// A Program is a condition compiled to run, by any number of goroutines at once.
type Program struct {
	eval *evaluators
}

// Compile compiles condition src to run, given the names it reads from the environment
// (those of Names that are not its own `let` names); check it first (Check).
func Compile(src string, names []string) (*Program, error) {
	env := types.Map{}
	for _, name := range names {
		env[name] = types.Any
	}
	build := func() (*evaluator, error) {
		e := &evaluator{machine: vm.VM{MemoryBudget: maxEvalMemory}}
		run, err := expr.Compile(src, expr.Env(env), expr.MaxNodes(MaxNodes),
			expr.Function(stepFunc, e.step), expr.Function(growFunc, e.grow), expr.Function(matchFunc, e.match),
			expr.Patch(stepPatch{}), disableGrowth)
		e.program = run
		return e, err
	}
	first, err := build()
	if err != nil {
		return nil, err
	}
	return &Program{eval: &evaluators{free: []*evaluator{first}, build: build}}, nil
}

// Eval runs the condition against env (names to values, nil for unanswered). A condition
// that cannot be decided, such as a comparison with a missing answer, or one that takes more
// work than the limits allow (ErrTooCostly), does not hold; err says why.
func (p *Program) Eval(env map[string]any) (bool, error) {
	e, err := p.eval.get()
	if err != nil {
		return false, err
	}
	defer p.eval.put(e)
	e.steps, e.built, e.matched = 0, 0, 0
	out, err := e.machine.Run(e.program, env)
	if err != nil {
		if errors.Is(err, ErrTooCostly) || strings.Contains(err.Error(), "memory budget exceeded") {
			return false, ErrTooCostly
		}
		return false, err
	}
	b, ok := out.(bool)
	if !ok {
		if out == nil {
			return false, errMissingAnswer
		}
		return false, fmt.Errorf("the condition gave %v, not true or false", out)
	}
	return b, nil
}
