package render

import (
	"fmt"
	"math"
	"strings"

	"github.com/candor-app/candor/questionnaire"
	"github.com/candor-app/candor/questionnaire/cond"
	"github.com/candor-app/candor/words"
)

// whenInWords says in plain words when question q is asked, for a paper worksheet:
// `you answered "Yes" to question 3`, in p's language. ok is false when the condition is not
// one of the simple shapes it knows (comparisons of an earlier question with a value, joined
// by and / or); the worksheet then says the question may not apply.
func whenInWords(p *words.Printer, b *questionnaire.Bank, q *questionnaire.Question) (string, bool) {
	return conditionInWords(p, b, q.When)
}

// conditionInWords says in plain words when expression x holds, for the simple shapes
// whenInWords knows; ok is false for any other (or one that names a score or a flag). The
// shape comes from the questionnaire (Expr.Condition), which read it when it compiled x.
func conditionInWords(p *words.Printer, b *questionnaire.Bank, x *questionnaire.Expr) (string, bool) {
	c := x.Condition()
	if c == nil {
		return "", false
	}
	return whenWords(p, b, c)
}

func whenWords(p *words.Printer, b *questionnaire.Bank, c *cond.Condition) (string, bool) {
	switch c.Op {
	case "and", "or":
		l, ok1 := whenWords(p, b, c.Left)
		r, ok2 := whenWords(p, b, c.Right)
		if !ok1 || !ok2 {
			return "", false
		}
		if c.Op == "and" {
			return p.T("%s and %s", l, r), true
		}
		return p.T("%s, or %s", l, r), true
	}
	q := b.Question(c.Question)
	if q == nil {
		return "", false
	}
	switch c.Op {
	case "yes", "no":
		if q.Type == questionnaire.YesNo {
			return whenYesNo(p, q, c.Op == "yes"), true
		}
		return "", false
	case "in":
		if q.Type != questionnaire.Multi {
			return "", false
		}
		label, ok := whenOptionLabel(q, c.Value)
		if !ok {
			return "", false
		}
		return p.T("you ticked \"%s\" in question %d", label, q.Number), true
	}
	if c.Value == nil {
		switch c.Op {
		case "!=":
			return p.T("you answered question %d", q.Number), true
		case "==":
			return p.T("you left question %d blank", q.Number), true
		}
		return "", false
	}
	return whenComparison(p, q, c.Op, c.Value)
}

// whenYesNo says that yes/no question q was answered yes (or no), in the words the
// worksheet gives to tick.
func whenYesNo(p *words.Printer, q *questionnaire.Question, yes bool) string {
	if yes {
		return p.T("you answered \"Yes\" to question %d", q.Number)
	}
	return p.T("you answered \"No\" to question %d", q.Number)
}

// whenComparison says `question OP value` in words, by the question's type.
func whenComparison(p *words.Printer, q *questionnaire.Question, op string, v any) (string, bool) {
	num := q.Number
	switch q.Type {
	case questionnaire.YesNo:
		bv, isBool := v.(bool)
		if !isBool || (op != "==" && op != "!=") {
			return "", false
		}
		if op == "!=" {
			bv = !bv
		}
		return whenYesNo(p, q, bv), true
	case questionnaire.Choice:
		label, ok := whenOptionLabel(q, v)
		if !ok {
			return "", false
		}
		switch op {
		case "==":
			return p.T("you chose \"%s\" in question %d", label, num), true
		case "!=":
			return p.T("you chose something other than \"%s\" in question %d", label, num), true
		}
	case questionnaire.Scale, questionnaire.Number:
		f, isNum := v.(float64)
		if !isNum {
			return "", false
		}
		return numberInWords(p, q, op, f)
	case questionnaire.Multi, questionnaire.Text, questionnaire.Date, questionnaire.Info:
		// no step of their own here (listed for the exhaustive check)
	}
	return "", false
}

// numberInWords says `question OP f` for a scale or number question.
func numberInWords(p *words.Printer, q *questionnaire.Question, op string, f float64) (string, bool) {
	num := q.Number
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
	said := p.Decimal(n)
	if lbl, ok := q.Labels[int(f)]; ok && q.Type == questionnaire.Scale && n == questionnaire.FormatNumber(f) {
		said = fmt.Sprintf("%s (%s)", said, lbl)
	}
	n = said
	switch op {
	case "==":
		return p.T("your answer to question %d was %s", num, n), true
	case "!=":
		return p.T("your answer to question %d was not %s", num, n), true
	case ">":
		return p.T("your answer to question %d was more than %s", num, n), true
	case ">=":
		return p.T("your answer to question %d was %s or more", num, n), true
	case "<":
		return p.T("your answer to question %d was less than %s", num, n), true
	case "<=":
		return p.T("your answer to question %d was %s or less", num, n), true
	}
	return "", false
}

// whenOptionLabel is the label of q's option with value v.
func whenOptionLabel(q *questionnaire.Question, v any) (string, bool) {
	if o := q.Option(v); o != nil {
		return strings.TrimSpace(o.Label), true
	}
	return "", false
}
