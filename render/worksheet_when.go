package render

import (
	"fmt"
	"math"
	"strings"

	"github.com/expr-lang/expr/ast"
	"github.com/expr-lang/expr/parser"

	"github.com/candor-app/candor/questionnaire"
)

// WhenInWords says in plain words when question q is asked, for a paper worksheet:
// `you answered "Yes" to question 3`. ok is false when the condition is not one of the
// simple shapes it knows (comparisons of an earlier question with a value, joined by and /
// or); the worksheet then says the question may not apply.
func WhenInWords(b *questionnaire.Bank, q *questionnaire.Question) (string, bool) {
	return ConditionInWords(b, q.When)
}

// ConditionInWords says in plain words when expression x holds, for the simple shapes
// WhenInWords knows; ok is false for any other (or one that names a score or a flag).
func ConditionInWords(b *questionnaire.Bank, x *questionnaire.Expr) (string, bool) {
	if x == nil {
		return "", false
	}
	tree, err := parser.Parse(x.Source)
	if err != nil || tree == nil {
		return "", false
	}
	return whenWords(b, tree.Node, 0)
}

func whenWords(b *questionnaire.Bank, n ast.Node, depth int) (string, bool) {
	if depth > 8 {
		return "", false
	}
	switch x := n.(type) {
	case *ast.IdentifierNode:
		if q := b.Question(x.Value); q != nil && q.Type == questionnaire.YesNo {
			return fmt.Sprintf("you answered %q to question %d", q.AnswerText(true), q.Number), true
		}
	case *ast.UnaryNode:
		if x.Operator == "not" || x.Operator == "!" {
			if id, ok := x.Node.(*ast.IdentifierNode); ok {
				if q := b.Question(id.Value); q != nil && q.Type == questionnaire.YesNo {
					return fmt.Sprintf("you answered %q to question %d", q.AnswerText(false), q.Number), true
				}
			}
		}
	case *ast.BinaryNode:
		switch x.Operator {
		case "and", "&&", "or", "||":
			l, ok1 := whenWords(b, x.Left, depth+1)
			r, ok2 := whenWords(b, x.Right, depth+1)
			if !ok1 || !ok2 {
				return "", false
			}
			if x.Operator == "and" || x.Operator == "&&" {
				return l + " and " + r, true
			}
			return l + ", or " + r, true
		case "in":
			// "value" in multi_question
			id, ok := x.Right.(*ast.IdentifierNode)
			if !ok {
				return "", false
			}
			q := b.Question(id.Value)
			v, ok := whenLiteral(x.Left)
			if q == nil || !ok || q.Type != questionnaire.Multi {
				return "", false
			}
			label, ok := whenOptionLabel(q, v)
			if !ok {
				return "", false
			}
			return fmt.Sprintf("you ticked %q in question %d", label, q.Number), true
		}
		return whenComparison(b, x)
	}
	return "", false
}

// whenComparison reads `question OP value` (or `value OP question`).
func whenComparison(b *questionnaire.Bank, x *ast.BinaryNode) (string, bool) {
	op := x.Operator
	id, ok := x.Left.(*ast.IdentifierNode)
	lit := x.Right
	if !ok {
		if id, ok = x.Right.(*ast.IdentifierNode); !ok {
			return "", false
		}
		lit = x.Left
		switch op {
		case "<":
			op = ">"
		case ">":
			op = "<"
		case "<=":
			op = ">="
		case ">=":
			op = "<="
		}
	}
	q := b.Question(id.Value)
	if q == nil {
		return "", false
	}
	num := q.Number
	if _, isNil := lit.(*ast.NilNode); isNil {
		switch op {
		case "!=":
			return fmt.Sprintf("you answered question %d", num), true
		case "==":
			return fmt.Sprintf("you left question %d blank", num), true
		}
		return "", false
	}
	v, ok := whenLiteral(lit)
	if !ok {
		return "", false
	}
	switch q.Type {
	case questionnaire.YesNo:
		bv, isBool := v.(bool)
		if !isBool || (op != "==" && op != "!=") {
			return "", false
		}
		if op == "!=" {
			bv = !bv
		}
		return fmt.Sprintf("you answered %q to question %d", q.AnswerText(bv), num), true
	case questionnaire.Choice:
		label, ok := whenOptionLabel(q, v)
		if !ok {
			return "", false
		}
		switch op {
		case "==":
			return fmt.Sprintf("you chose %q in question %d", label, num), true
		case "!=":
			return fmt.Sprintf("you chose something other than %q in question %d", label, num), true
		}
	case questionnaire.Scale, questionnaire.Number:
		f, isNum := v.(float64)
		if !isNum {
			return "", false
		}
		n := questionnaire.FormatNumber(f)
		if q.Type == questionnaire.Scale && f == math.Trunc(f) {
			// Whole points read better as "3 or more" than "more than 2".
			switch op {
			case ">":
				op, n = ">=", questionnaire.FormatNumber(f+1)
			case "<":
				op, n = "<=", questionnaire.FormatNumber(f-1)
			}
		}
		if lbl, ok := q.Labels[int(f)]; ok && q.Type == questionnaire.Scale && n == questionnaire.FormatNumber(f) {
			n = fmt.Sprintf("%s (%s)", n, lbl)
		}
		switch op {
		case "==":
			return fmt.Sprintf("your answer to question %d was %s", num, n), true
		case "!=":
			return fmt.Sprintf("your answer to question %d was not %s", num, n), true
		case ">":
			return fmt.Sprintf("your answer to question %d was more than %s", num, n), true
		case ">=":
			return fmt.Sprintf("your answer to question %d was %s or more", num, n), true
		case "<":
			return fmt.Sprintf("your answer to question %d was less than %s", num, n), true
		case "<=":
			return fmt.Sprintf("your answer to question %d was %s or less", num, n), true
		}
	}
	return "", false
}

// whenLiteral reads a constant: bool, float64 or string.
func whenLiteral(n ast.Node) (any, bool) {
	switch x := n.(type) {
	case *ast.BoolNode:
		return x.Value, true
	case *ast.IntegerNode:
		return float64(x.Value), true
	case *ast.FloatNode:
		return x.Value, true
	case *ast.StringNode:
		return x.Value, true
	case *ast.UnaryNode:
		if x.Operator == "-" {
			if v, ok := whenLiteral(x.Node); ok {
				if f, isNum := v.(float64); isNum {
					return -f, true
				}
			}
		}
	case *ast.IdentifierNode:
		switch x.Value {
		case "true":
			return true, true
		case "false":
			return false, true
		}
	}
	return nil, false
}

// whenOptionLabel is the label of q's option with value v.
func whenOptionLabel(q *questionnaire.Question, v any) (string, bool) {
	if o := q.Option(v); o != nil {
		return strings.TrimSpace(o.Label), true
	}
	return "", false
}
