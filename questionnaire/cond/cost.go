package cond

import (
	"fmt"
	"strconv"

	"github.com/expr-lang/expr/ast"
	"github.com/expr-lang/expr/file"
)

// At is a place inside a condition: Line from 1, Col a rune column from 0.
type At struct{ Line, Col int }

// CostProblem finds what makes an expression's work unbounded or too large, judged from the
// expression alone: a range of constant bounds longer than maxRangeLen, or predicates over
// such ranges (or over lists written out) that would take more than maxEvalSteps calls. It
// returns where and what, or "".
func CostProblem(src string, root ast.Node) (At, string) {
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
		return At{}, ""
	}
	return PlaceOf(src, c.at), c.msg
}

// PlaceOf is the place of node n in condition src (its location is a rune offset).
func PlaceOf(src string, n Located) At {
	at := At{Line: 1}
	for i, r := range []rune(src) {
		if i >= n.Location().From {
			break
		}
		at.Col++
		if r == '\n' {
			at.Line, at.Col = at.Line+1, 0
		}
	}
	return at
}

type coster struct {
	at    Located
	worst ast.Node
	msg   string
}

// Located is a node whose place can be reported (every ast.Node).
type Located interface{ Location() file.Location }

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
