package cond

import (
	"github.com/expr-lang/expr/ast"
	"github.com/expr-lang/expr/parser"
)

// A Condition is a `when` expression in one of the simple shapes a paper worksheet can say in
// words: one question compared with a constant, or such comparisons joined by and / or. The
// loader works it out when it compiles the expression (Shape); questionnaire's
// Expr.Condition returns it.
type Condition struct {
	// Op is "and" or "or" (Left and Right are set), or what is asked of Question:
	//   "yes", "no"                        the bare name (`safe`) or its negation (`not safe`)
	//   "==", "!=", "<", "<=", ">", ">="   compared with Value (the question on the left:
	//                                      `3 < mood` reads `mood > 3`); Value nil is `nil`
	//   "in"                               Value ticked in a multi question (`"dad" in who`)
	Op          string
	Left, Right *Condition
	// Question is the id compared; it may name a score or a flag, which a worksheet cannot
	// ask about.
	Question string
	// Value is a bool, float64, string, or nil.
	Value any
}

// ShapeOf is the simple shape of condition src, or nil when it has none.
func ShapeOf(src string) *Condition {
	tree, err := parser.Parse(src)
	if err != nil || tree == nil {
		return nil
	}
	return Shape(tree.Node)
}

// Shape is the simple shape of the condition parsed as n, or nil when it has none.
func Shape(n ast.Node) *Condition { return shape(n, 0) }

func shape(n ast.Node, depth int) *Condition {
	if depth > 8 {
		return nil
	}
	switch x := n.(type) {
	case *ast.IdentifierNode:
		return &Condition{Op: "yes", Question: x.Value}
	case *ast.UnaryNode:
		if x.Operator == "not" || x.Operator == "!" {
			if id, ok := x.Node.(*ast.IdentifierNode); ok {
				return &Condition{Op: "no", Question: id.Value}
			}
		}
	case *ast.BinaryNode:
		switch x.Operator {
		case "and", "&&", "or", "||":
			l, r := shape(x.Left, depth+1), shape(x.Right, depth+1)
			if l == nil || r == nil {
				return nil
			}
			op := "or"
			if x.Operator == "and" || x.Operator == "&&" {
				op = "and"
			}
			return &Condition{Op: op, Left: l, Right: r}
		case "in":
			id, ok := x.Right.(*ast.IdentifierNode)
			if !ok {
				return nil
			}
			v, ok := Literal(x.Left)
			if !ok || v == nil {
				return nil
			}
			return &Condition{Op: "in", Question: id.Value, Value: v}
		}
		return comparison(x)
	}
	return nil
}

// comparison reads `question OP value` (or `value OP question`).
func comparison(x *ast.BinaryNode) *Condition {
	op := x.Operator
	if _, ok := flipped[op]; !ok {
		return nil
	}
	id, ok := x.Left.(*ast.IdentifierNode)
	lit := x.Right
	if !ok {
		if id, ok = x.Right.(*ast.IdentifierNode); !ok {
			return nil
		}
		lit, op = x.Left, flipped[op]
	}
	v, ok := Literal(lit)
	if !ok || v == nil && op != "==" && op != "!=" {
		return nil
	}
	return &Condition{Op: op, Question: id.Value, Value: v}
}

// Literal reads n as a constant written in a condition: a string, a float64 (integers too, and
// negated numbers), a bool, or nil.
func Literal(n ast.Node) (v any, ok bool) {
	switch x := n.(type) {
	case *ast.StringNode:
		return x.Value, true
	case *ast.IntegerNode:
		return float64(x.Value), true
	case *ast.FloatNode:
		return x.Value, true
	case *ast.BoolNode:
		return x.Value, true
	case *ast.NilNode:
		return nil, true
	case *ast.UnaryNode:
		if x.Operator == "-" {
			if v, ok := Literal(x.Node); ok {
				if f, isNum := v.(float64); isNum {
					return -f, true
				}
			}
		}
	}
	return nil, false
}

// flipped is the operator with its two sides swapped: 3 < x is x > 3.
var flipped = map[string]string{"<": ">", ">": "<", "<=": ">=", ">=": "<=", "==": "==", "!=": "!="}

// Flip is comparison op with its two sides swapped (3 < x is x > 3); ok is false when op is
// not a comparison.
func Flip(op string) (flippedOp string, ok bool) {
	flippedOp, ok = flipped[op]
	return flippedOp, ok
}
