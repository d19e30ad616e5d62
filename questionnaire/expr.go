package questionnaire

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/candor-app/candor/internal/suggest"
	"github.com/expr-lang/expr"
	"github.com/expr-lang/expr/ast"
	"github.com/expr-lang/expr/builtin"
	"github.com/expr-lang/expr/conf"
	"github.com/expr-lang/expr/file"
	"github.com/expr-lang/expr/parser"
	"github.com/expr-lang/expr/types"
	"github.com/expr-lang/expr/vm"
)

// singleEqualsRE finds `=` written for comparison.
var singleEqualsRE = regexp.MustCompile(`(^|[^=!<>])=($|[^=])`)

var (
	notBoolRE  = regexp.MustCompile(`expected bool, but got (.+)$`)
	tokenRE    = regexp.MustCompile(`^unexpected token \w+\("(.*)"\)$`)
	mismatchRE = regexp.MustCompile(`^invalid operation: (\S+) \(mismatched types (.+) and (.+)\)$`)
)

// typeWord names a type of the expr language in a counselor's words.
func typeWord(t string) string {
	switch t {
	case "bool":
		return "a yes/no answer (true or false)"
	case "int", "float64", "int64", "float", "integer":
		return "a number"
	case "string":
		return "text"
	case "[]interface {}", "array":
		return "a list"
	case "nil":
		return "nil"
	case "time.Time":
		return "a date"
	case "interface {}":
		return "a value of any kind"
	}
	return t
}

// maxExprNodes bounds an expression's size (expr's node limit).
const maxExprNodes = 1000

// maxExprLen bounds an expression's source length.
const maxExprLen = 4000

var keywords = []string{"and", "or", "not", "in", "matches", "contains", "startsWith", "endsWith", "true", "false", "nil", "let", "if", "else", "then"}

// reservedName reports whether id cannot be used as a name in expressions.
func reservedName(id string) bool {
	if contains(keywords, id) {
		return true
	}
	for _, f := range builtin.Builtins {
		if f.Name == id {
			return true
		}
	}
	return false
}

// scope is the set of names an expression may use, with the types used to check it.
type scope struct {
	check types.Map
	// outOfScope explains names that exist but may not be used here ("which is asked later").
	outOfScope map[string]string
	all        []string
}

func newScope() *scope {
	return &scope{check: types.Map{}, outOfScope: map[string]string{}}
}

func (s *scope) add(name string, t types.Type) {
	s.check[name] = t
	s.all = append(s.all, name)
}

// answerType is the type an answer has in expressions.
func answerType(q *Question) types.Type {
	switch q.Type {
	case YesNo:
		return types.Bool
	case Scale, Number:
		return types.Float64
	case Text:
		return types.String
	case Date:
		return types.TypeOf(time.Time{})
	case Multi:
		return types.TypeOf([]any{})
	case Choice:
		if len(q.Options) > 0 {
			switch q.Options[0].Value.(type) {
			case float64:
				return types.Float64
			case string:
				return types.String
			}
		}
	}
	return types.Any
}

// compile compiles the condition x, as written, against sc. It reports every problem at its
// place inside the expression and reports whether x compiled.
func (c *checker) compile(x *Expr, what string, sc *scope) bool {
	src := x.Source
	// Compile against only the names the expression uses: a bank may have thousands of
	// names, and expr builds its environment on every compile. A name that is not in scope
	// stays out, so expr reports it as unknown.
	names := identifiers(src)
	check, runEnv := types.Map{}, types.Map{}
	for _, name := range names {
		if t, ok := sc.check[name]; ok {
			check[name], runEnv[name] = t, types.Any
		}
	}
	tree, parseErr := parser.Parse(src)
	if parseErr == nil {
		if at, name := disabledUse(src, tree.Node); name != "" {
			c.errorf(c.inside(x, at), "it can build text or lists too large to work out; compare, count or add up answers instead",
				"%s uses `%s`, which is not available in candor expressions", what, name)
			return false
		}
	}
	if _, err := expr.Compile(src, expr.Env(check), expr.AsBool(), expr.MaxNodes(maxExprNodes), expr.Optimize(false), disableGrowth); err != nil {
		c.exprError(x, what, sc, err)
		return false
	}
	x.Names = names
	if parseErr == nil {
		if at, msg := costProblem(src, tree.Node); msg != "" {
			c.errorf(c.inside(x, at), "a condition looks at a few answers; name the numbers it needs, or split it into a score or a flag",
				"%s %s", what, msg)
			return false
		}
		if !c.checkComparisons(x, what, tree.Node, sc) {
			return false
		}
		x.cond, x.condSet = conditionNode(tree.Node, 0), true
	}
	build := func() (*evaluator, error) {
		e := &evaluator{machine: vm.VM{MemoryBudget: maxEvalMemory}}
		run, err := expr.Compile(src, expr.Env(runEnv), expr.MaxNodes(maxExprNodes),
			expr.Function(stepFunc, e.step), expr.Function(growFunc, e.grow), expr.Function(matchFunc, e.match),
			expr.Patch(stepPatch{}), disableGrowth)
		e.program = run
		return e, err
	}
	first, err := build()
	if err != nil {
		c.exprError(x, what, sc, err)
		return false
	}
	x.eval = &evaluators{free: []*evaluator{first}, build: build}
	return true
}

// inside is the place in the file of a place inside condition x.
func (c *checker) inside(x *Expr, at exprAt) Pos {
	line, col := x.place.At(c.b.Src, at.line, at.col)
	return Pos{File: c.file, Line: line, Col: col}
}

// exprError reports an expr compile error at its column inside the YAML source.
func (c *checker) exprError(x *Expr, what string, sc *scope, err error) {
	var fe *file.Error
	if !errors.As(err, &fe) {
		msg, hint := err.Error(), ""
		if m := notBoolRE.FindStringSubmatch(msg); m != nil {
			msg = fmt.Sprintf("must be true or false, but gives %s", typeWord(m[1]))
			hint = "a condition compares, such as `total >= 3` or `feel_safe == false`"
		}
		c.errorf(x.Pos, hint, "%s %s", what, msg)
		return
	}
	msg, hint := fe.Message, ""
	if strings.Contains(msg, "exceeds maximum allowed nodes") {
		c.errorf(x.Pos, "split the rule into a score or a flag and name it", "%s is too large (more than %d parts)", what, maxExprNodes)
		return
	}
	if name, ok := strings.CutPrefix(msg, "unknown name "); ok {
		if why, known := sc.outOfScope[name]; known {
			msg, hint = fmt.Sprintf("%s names %q, %s", what, name, why), ""
			switch {
			case strings.Contains(why, "asked later"):
				hint = "a question's `when` may only name questions asked before it"
			case strings.Contains(why, "of this section"):
				hint = "a section's `when` may only name questions asked before the section"
			case strings.Contains(why, "not yet asked"):
				hint = "a question's `when` may name a score only once every question it adds up has been asked"
			case strings.Contains(why, "statement"):
				hint = "an info statement takes no answer, so a condition cannot name it"
			case strings.Contains(why, "flag"):
				hint = "flags are known only to outcomes"
			case strings.Contains(why, "score"):
				hint = "scores are known to flags and outcomes, not while asking"
			}
		} else {
			msg = fmt.Sprintf("%s names %q, which is not a question, score or flag of this bank", what, name)
			if c.busy() {
				// Past the diagnostics shown, hints are not worth their time.
			} else if yesNoWord(name) {
				hint = "for a yes/no answer write `== true` or `== false`"
			} else if h := c.optionHint(name); h != "" {
				hint = h
			} else if s := suggest.Nearest(name, sc.all); s != "" {
				hint = suggest.Hint(s)
			}
		}
	} else {
		if m := tokenRE.FindStringSubmatch(msg); m != nil {
			msg = fmt.Sprintf("unexpected `%s`", m[1])
		} else if msg == "unexpected token EOF" {
			msg = "the condition ends before it is complete"
		}
		if m := mismatchRE.FindStringSubmatch(msg); m != nil {
			msg = fmt.Sprintf("`%s` cannot be used between %s and %s", m[1], typeWord(m[2]), typeWord(m[3]))
		}
		msg = what + ": " + msg
		switch {
		case strings.Contains(fe.Message, "expected bool"):
			hint = "a condition must be true or false, such as `score >= 3`"
		case singleEqualsRE.MatchString(x.Source):
			hint = "compare with `==`, not `=`"
		case strings.Contains(fe.Message, "mismatched types bool"):
			hint = "a yes/no answer is true or false: write `question == true`"
		case strings.Contains(fe.Message, "time.Time"):
			hint = "a date compares with a date: write `date(\"2026-01-01\")`, or `now()` for today"
		}
	}
	c.errorf(c.inside(x, exprAt{fe.Line, fe.Column}), hint, "%s", msg)
}

// yesNoWord reports whether name is how a person might write a yes/no answer.
func yesNoWord(name string) bool {
	switch strings.ToLower(name) {
	case "yes", "no", "y", "n":
		return true
	}
	return false
}

// optionHint is the hint for a name that is a choice of some question (its value or its
// label, in any case): a choice is compared by its value, and a text value goes in quotes.
func (c *checker) optionHint(name string) string {
	for _, q := range c.b.Questions {
		for _, o := range q.Options {
			v, isText := o.Value.(string)
			if !strings.EqualFold(o.Label, name) && !(isText && strings.EqualFold(v, name)) {
				continue
			}
			if isText {
				return fmt.Sprintf("a choice is compared by its value, in quotes: write '%s'", v)
			}
			if f, ok := o.Value.(float64); ok {
				return fmt.Sprintf("a choice is compared by its value: write %s for %q", FormatNumber(f), o.Label)
			}
		}
	}
	return ""
}

type identVisitor struct{ names []string }

func (v *identVisitor) Visit(node *ast.Node) {
	if id, ok := (*node).(*ast.IdentifierNode); ok && !contains(v.names, id.Value) {
		v.names = append(v.names, id.Value)
	}
}

// identifiers lists the names an expression uses.
func identifiers(src string) []string {
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

// disableGrowth turns growthBuiltins off at compile (disabledUse reports them first, clearly).
var disableGrowth = func(c *conf.Config) {
	for _, name := range growthBuiltins {
		expr.DisableBuiltin(name)(c)
	}
}

// disabledUse finds the first use of one of growthBuiltins in the expression tree.
func disabledUse(src string, root ast.Node) (exprAt, string) {
	var at exprAt
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
		if contains(growthBuiltins, name) {
			found, at = name, placeOf(src, n)
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

// Eval runs the expression against env (names to values, nil for unanswered). A condition
// that cannot be decided, such as a comparison with a missing answer, or one that takes more
// work than the limits allow (ErrTooCostly), does not hold; err says why.
func (x *Expr) Eval(env map[string]any) (bool, error) {
	if x == nil {
		return true, nil
	}
	e, err := x.eval.get()
	if err != nil {
		return false, err
	}
	defer x.eval.put(e)
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

// exprAt is a place inside an expression: 1-based line, 0-based rune column.
type exprAt struct{ line, col int }

// costProblem finds what makes an expression's work unbounded or too large, judged from the
// expression alone: a range of constant bounds longer than maxRangeLen, or predicates over
// such ranges (or over lists written out) that would take more than maxEvalSteps calls. It
// returns where and what, or "".
func costProblem(src string, root ast.Node) (exprAt, string) {
	c := &coster{}
	total := c.cost(root, map[string]int{})
	if c.msg == "" && total > maxEvalSteps {
		c.msg = fmt.Sprintf("would take about %s steps to work out; candor stops a condition at %d", approx(total), maxEvalSteps)
		c.at = root
		if c.worst != nil {
			c.at = c.worst
		}
	}
	if c.msg == "" {
		return exprAt{}, ""
	}
	return placeOf(src, c.at), c.msg
}

// placeOf is the line and column of node n in the expression src (its location is a rune
// offset).
func placeOf(src string, n atNode) exprAt {
	at := exprAt{line: 1}
	for i, r := range []rune(src) {
		if i >= n.Location().From {
			break
		}
		at.col++
		if r == '\n' {
			at.line, at.col = at.line+1, 0
		}
	}
	return at
}

type coster struct {
	at    atNode
	worst ast.Node
	msg   string
}

// atNode is a node whose place can be reported.
type atNode interface{ Location() file.Location }

// saturate keeps cost arithmetic far from overflow.
const saturate = 1 << 40

// cost estimates the steps (predicate calls) n takes; vars are the sizes of the lists
// `let` names hold.
func (c *coster) cost(n ast.Node, vars map[string]int) int {
	switch n := n.(type) {
	case *ast.BuiltinNode:
		if len(n.Arguments) >= 2 {
			if p, ok := n.Arguments[1].(*ast.PredicateNode); ok {
				iters := c.size(n.Arguments[0], vars)
				body := c.cost(p.Node, vars)
				total := min(c.cost(n.Arguments[0], vars)+iters*(1+body), saturate)
				for _, a := range n.Arguments[2:] {
					total = min(total+c.cost(a, vars), saturate)
				}
				if total > maxEvalSteps && c.worst == nil {
					c.worst = n
				}
				return total
			}
		}
	case *ast.VariableDeclaratorNode:
		v := c.cost(n.Value, vars)
		inner := make(map[string]int, len(vars)+1)
		for k, s := range vars {
			inner[k] = s
		}
		inner[n.Name] = c.size(n.Value, vars)
		return min(v+c.cost(n.Expr, inner), saturate)
	case *ast.BinaryNode:
		if n.Operator == ".." {
			c.size(n, vars) // checks the range's length
		}
	}
	total := 0
	for _, ch := range children(n) {
		total = min(total+c.cost(ch, vars), saturate)
	}
	return total
}

// size estimates how many items a list-valued node holds: known for ranges of constant
// bounds, lists written out, and names `let` gave such a list; 1 otherwise (answers hold a
// few items; a range over an answer is bounded when it runs).
func (c *coster) size(n ast.Node, vars map[string]int) int {
	switch n := n.(type) {
	case *ast.BinaryNode:
		if n.Operator != ".." {
			break
		}
		lo, okLo := intConst(n.Left)
		hi, okHi := intConst(n.Right)
		if !okLo || !okHi {
			break
		}
		s := max(hi-lo+1, 0)
		if s > maxRangeLen && c.msg == "" {
			c.msg = fmt.Sprintf("uses a range of %s numbers (%d..%d); a condition may use at most %d", approx(s), lo, hi, maxRangeLen)
			c.at = n
		}
		return s
	case *ast.ArrayNode:
		return len(n.Nodes)
	case *ast.IdentifierNode:
		if s, ok := vars[n.Value]; ok {
			return s
		}
	case *ast.BuiltinNode:
		switch n.Name {
		case "map", "filter", "sortBy", "sort", "reverse", "uniq", "flatten", "concat":
			if len(n.Arguments) > 0 {
				return c.size(n.Arguments[0], vars)
			}
		}
	}
	return 1
}

// intConst reads an integer constant, possibly negated.
func intConst(n ast.Node) (int, bool) {
	switch n := n.(type) {
	case *ast.IntegerNode:
		return n.Value, true
	case *ast.UnaryNode:
		if v, ok := intConst(n.Node); ok && n.Operator == "-" {
			return -v, true
		}
	}
	return 0, false
}

// children lists a node's direct children.
func children(n ast.Node) []ast.Node {
	switch n := n.(type) {
	case *ast.UnaryNode:
		return []ast.Node{n.Node}
	case *ast.BinaryNode:
		return []ast.Node{n.Left, n.Right}
	case *ast.ChainNode:
		return []ast.Node{n.Node}
	case *ast.MemberNode:
		return []ast.Node{n.Node, n.Property}
	case *ast.SliceNode:
		return nonNil(n.Node, n.From, n.To)
	case *ast.CallNode:
		return append([]ast.Node{n.Callee}, n.Arguments...)
	case *ast.BuiltinNode:
		return n.Arguments
	case *ast.PredicateNode:
		return []ast.Node{n.Node}
	case *ast.VariableDeclaratorNode:
		return []ast.Node{n.Value, n.Expr}
	case *ast.SequenceNode:
		return n.Nodes
	case *ast.ConditionalNode:
		return []ast.Node{n.Cond, n.Exp1, n.Exp2}
	case *ast.ArrayNode:
		return n.Nodes
	case *ast.MapNode:
		return n.Pairs
	case *ast.PairNode:
		return []ast.Node{n.Key, n.Value}
	}
	return nil
}

func nonNil(ns ...ast.Node) []ast.Node {
	out := ns[:0]
	for _, n := range ns {
		if n != nil {
			out = append(out, n)
		}
	}
	return out
}

// approx writes a large count readably: 1000000000 as "1,000,000,000", past 10^12 "more than
// a trillion".
func approx(n int) string {
	if n >= 1e12 {
		return "more than a trillion"
	}
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}
