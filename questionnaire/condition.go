package questionnaire

import (
	"github.com/expr-lang/expr/ast"
	"github.com/expr-lang/expr/parser"
)

// A Condition is a `when` expression in one of the simple shapes a paper worksheet can say in
// words: one question compared with a constant, or such comparisons joined by and / or. The
// loader works it out when it compiles the expression; Expr.Condition returns it.
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

// Condition is x in one of the simple shapes a worksheet can say in words, or nil when it is
// not one of them (x nil included).
func (x *Expr) Condition() *Condition {
	if x == nil {
		return nil
	}
	if x.condSet {
		return x.cond
	}
	// An expression built by hand rather than loaded: work it out now.
	return conditionOf(x.Source)
}

// conditionOf reads the simple shape of expression src, or nil.
func conditionOf(src string) *Condition {
	tree, err := parser.Parse(src)
	if err != nil || tree == nil {
		return nil
	}
	return conditionNode(tree.Node, 0)
}

func conditionNode(n ast.Node, depth int) *Condition {
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
			l, r := conditionNode(x.Left, depth+1), conditionNode(x.Right, depth+1)
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
			v, ok := literalOf(x.Left)
			if !ok || v.value == nil {
				return nil
			}
			return &Condition{Op: "in", Question: id.Value, Value: v.value}
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
	v, ok := literalOf(lit)
	if !ok || v.value == nil && op != "==" && op != "!=" {
		return nil
	}
	return &Condition{Op: op, Question: id.Value, Value: v.value}
}
