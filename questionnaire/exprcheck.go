package questionnaire

import (
	"fmt"
	"math"
	"strings"

	"github.com/candor-app/candor/internal/suggest"
	"github.com/candor-app/candor/questionnaire/cond"
	"github.com/expr-lang/expr/ast"
)

// A comparison of an answer with a literal is checked against the question: a choice or
// multi answer is one of its option values, a yes/no answer is true or false. A value that
// is not one can never match, so the condition would silently never (or always) hold: that
// is an error. A comparison with a number that holds for every answer in a question's range,
// or for none, is a warning.

// literal is a constant written in an expression.
type literal struct {
	node  ast.Node
	value any // string, float64, bool, or nil
}

// literalOf reads n as a constant, if it is one.
func literalOf(n ast.Node) (literal, bool) {
	v, ok := cond.Literal(n)
	return literal{n, v}, ok
}

type cmpVisitor struct {
	c    *checker
	x    *Expr
	what string
	sc   *scope
	bad  bool
}

// checkComparisons checks every comparison of an answer with a constant in condition x, whose
// tree is root; it reports whether there was no error.
func (c *checker) checkComparisons(x *Expr, what string, root ast.Node, sc *scope) bool {
	v := &cmpVisitor{c: c, x: x, what: what, sc: sc}
	ast.Walk(&root, v)
	return !v.bad
}

// question is the question an identifier in scope names, or nil.
func (v *cmpVisitor) question(n ast.Node) *Question {
	id, ok := n.(*ast.IdentifierNode)
	if !ok {
		return nil
	}
	if _, in := v.sc.check[id.Value]; !in {
		return nil
	}
	return v.c.b.questionByID[id.Value]
}

func (v *cmpVisitor) Visit(node *ast.Node) {
	b, ok := (*node).(*ast.BinaryNode)
	if !ok {
		return
	}
	op := b.Operator
	switch op {
	case "==", "!=", "<", ">", "<=", ">=":
		q, lit, ok := v.sides(b.Left, b.Right)
		if !ok {
			q, lit, ok = v.sides(b.Right, b.Left)
			op, _ = cond.Flip(op)
		}
		if !ok {
			return
		}
		v.compare(q, op, lit, b.Left)
	case "in", "not in":
		if q := v.question(b.Left); q != nil && (q.Type == Choice || q.Type == YesNo) {
			if arr, ok := b.Right.(*ast.ArrayNode); ok {
				for _, e := range arr.Nodes {
					if lit, ok := literalOf(e); ok {
						v.compare(q, "==", lit, b.Left)
					}
				}
			}
		}
		if q := v.question(b.Right); q != nil && q.Type == Multi {
			if lit, ok := literalOf(b.Left); ok {
				v.option(q, lit)
			}
		}
	}
}

// sides reads a comparison as question op literal.
func (v *cmpVisitor) sides(a, c ast.Node) (*Question, literal, bool) {
	q := v.question(a)
	if q == nil {
		return nil, literal{}, false
	}
	lit, ok := literalOf(c)
	return q, lit, ok
}

func (v *cmpVisitor) at(n ast.Node) Pos {
	return v.c.inside(v.x, cond.PlaceOf(v.x.Source, n))
}

func (v *cmpVisitor) compare(q *Question, op string, lit literal, whole ast.Node) {
	if lit.value == nil {
		return // `x == nil` asks whether it has an answer
	}
	switch q.Type {
	case Choice:
		if op == "==" || op == "!=" {
			v.option(q, lit)
			return
		}
	case YesNo:
		if _, isBool := lit.value.(bool); !isBool {
			hint := "a yes/no answer is true or false: write `" + q.ID + " == true` or `" + q.ID + " == false`"
			v.c.errorf(v.at(lit.node), hint, "%s compares yes/no question %q with %s, which it can never be", v.what, q.ID, describe(lit.value))
			v.bad = true
		}
		return
	}
	f, isNum := lit.value.(float64)
	if !isNum {
		return
	}
	lo, hi, ok := answerRange(q)
	if !ok {
		return
	}
	never, always := holds(op, f, lo, hi, q.Type == Scale)
	if !never && !always {
		return
	}
	word, hint := "never holds", "check the number against the question's range"
	if always {
		word, hint = "always holds", "the condition does not need it, or the number is not the one meant"
	}
	v.c.warnf(v.at(whole), hint, "%s: `%s %s %s` %s, since %q is %s", v.what, q.ID, op, formatNumber(f), word, q.ID, rangeWords(q, lo, hi))
}

// answerRange is the lowest and highest answer a question takes, for a number comparison.
func answerRange(q *Question) (lo, hi float64, ok bool) {
	switch q.Type {
	case Scale:
		return q.Min, q.Max, q.HasMin && q.HasMax
	case Number:
		lo, hi = q.bounds()
		return lo, hi, q.HasMin || q.HasMax
	case Choice:
		lo, hi = math.Inf(1), math.Inf(-1)
		for _, o := range q.Options {
			f, isNum := o.Value.(float64)
			if !isNum {
				return 0, 0, false
			}
			lo, hi = math.Min(lo, f), math.Max(hi, f)
		}
		return lo, hi, len(q.Options) > 0
	}
	return 0, 0, false
}

// holds says whether `x op c` holds for no x in [lo, hi], or for every one (whole numbers only
// on a scale).
func holds(op string, c, lo, hi float64, whole bool) (never, always bool) {
	inRange := c >= lo && c <= hi && (!whole || c == math.Trunc(c))
	switch op {
	case "==":
		return !inRange, lo == hi && c == lo
	case "!=":
		return lo == hi && c == lo, !inRange
	case ">":
		return hi <= c, lo > c
	case ">=":
		return hi < c, lo >= c
	case "<":
		return lo >= c, hi < c
	case "<=":
		return lo > c, hi <= c
	}
	return false, false
}

// rangeWords says a question's range: "a scale from 1 to 7", "a number from 0 to 10", "a
// choice with values 0 to 3".
func rangeWords(q *Question, lo, hi float64) string {
	switch q.Type {
	case Scale:
		return fmt.Sprintf("a scale from %s to %s", formatNumber(lo), formatNumber(hi))
	case Choice:
		return fmt.Sprintf("a choice with values from %s to %s", formatNumber(lo), formatNumber(hi))
	}
	return "a number " + q.RangeText()
}

// option reports lit when it is not one of q's option values.
func (v *cmpVisitor) option(q *Question, lit literal) {
	if lit.value == nil || q.Option(lit.value) != nil {
		return
	}
	var values []string
	for _, o := range q.Options {
		values = append(values, formatValue(o.Value))
	}
	hint := "its values: " + strings.Join(values, ", ")
	if s, isText := lit.value.(string); isText {
		if o := labelled(q, s); o != nil {
			hint = fmt.Sprintf("that is a label; the value is `%s`", formatValue(o.Value))
		} else if near := suggest.Nearest(s, values); near != "" {
			hint = suggest.Hint(near)
		} else if o := q.findOption(s); o != nil {
			hint = fmt.Sprintf("the value is `%s`", formatValue(o.Value))
		}
	}
	if f, isNum := lit.value.(float64); isNum {
		if o := q.Option(formatNumber(f)); o != nil {
			hint = fmt.Sprintf("the value is the id '%s', in quotes", formatValue(o.Value))
		}
	}
	v.c.errorf(v.at(lit.node), hint, "%s compares %s question %q with %s, which is not one of its option values, so it can never match",
		v.what, q.Type, q.ID, describe(lit.value))
	v.bad = true
}

// labelled is the option whose label is s (any case and spacing, as answers are read), or nil.
func labelled(q *Question, s string) *Option {
	for _, o := range q.Options {
		if sameWords(o.Label, s) {
			return o
		}
	}
	return nil
}
