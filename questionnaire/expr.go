package questionnaire

import (
	"errors"
	"fmt"
	"regexp"
	"strings"
	"time"

	"github.com/candor-app/candor/internal/suggest"
	"github.com/candor-app/candor/questionnaire/cond"
	"github.com/expr-lang/expr/file"
	"github.com/expr-lang/expr/parser"
	"github.com/expr-lang/expr/types"
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
	names := cond.Names(src)
	check := types.Map{}
	var inScope []string
	for _, name := range names {
		if t, ok := sc.check[name]; ok {
			check[name] = t
			inScope = append(inScope, name)
		}
	}
	tree, parseErr := parser.Parse(src)
	if parseErr == nil {
		if at, name := cond.DisabledUse(src, tree.Node); name != "" {
			c.errorf(c.inside(x, at), "it can build text or lists too large to work out; compare, count or add up answers instead",
				"%s uses `%s`, which is not available in candor expressions", what, name)
			return false
		}
	}
	if err := cond.Check(src, check); err != nil {
		c.exprError(x, what, sc, err)
		return false
	}
	x.Names = names
	if parseErr == nil {
		if at, msg := cond.CostProblem(src, tree.Node); msg != "" {
			c.errorf(c.inside(x, at), "a condition looks at a few answers; name the numbers it needs, or split it into a score or a flag",
				"%s %s", what, msg)
			return false
		}
		if !c.checkComparisons(x, what, tree.Node, sc) {
			return false
		}
		x.shape, x.shapeSet = cond.Shape(tree.Node), true
	}
	prog, err := cond.Compile(src, inScope)
	if err != nil {
		c.exprError(x, what, sc, err)
		return false
	}
	x.prog = prog
	return true
}

// inside is the place in the file of a place inside condition x.
func (c *checker) inside(x *Expr, at cond.At) Pos {
	line, col := x.place.At(c.b.Src, at.Line, at.Col)
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
		c.errorf(x.Pos, "split the rule into a score or a flag and name it", "%s is too large (more than %d parts)", what, cond.MaxNodes)
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
	c.errorf(c.inside(x, cond.At{Line: fe.Line, Col: fe.Column}), hint, "%s", msg)
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
