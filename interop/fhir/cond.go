package fhir

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/candor-app/candor/interop/bankfile"
)

// when says an item's enableWhen as a candor `when` (docs/fhir.md): each condition on a
// question before the item, joined by `and` (enableBehavior all) or `or` (any). A condition
// that cannot be said is warned about and left out.
func (im *importer) when(it *Item, ptr string) string {
	var parts []string
	for i, ew := range it.EnableWhen {
		if c, why := im.condition(ew); why != "" {
			im.warn(WarnCondition, fmt.Sprintf("%s/enableWhen/%d", ptr, i), why)
		} else {
			parts = append(parts, c)
		}
	}
	if len(parts) == 1 {
		return parts[0]
	}
	join := " and "
	if it.EnableBehavior == "any" {
		join = " or "
	}
	for i, p := range parts {
		if strings.ContainsAny(p, " ") {
			parts[i] = "(" + p + ")"
		}
	}
	return strings.Join(parts, join)
}

// condition is one enableWhen as an expression, or why it cannot be one.
func (im *importer) condition(ew EnableWhen) (string, string) {
	t := im.byLink[ew.Question]
	if t == nil || t.score || t.q.Type == "info" {
		return "", CondUnknown
	}
	id := t.q.ID
	if ew.Operator == "exists" {
		if ew.AnswerBoolean == nil {
			return "", CondOperator
		}
		if *ew.AnswerBoolean {
			return id + " != nil", ""
		}
		return id + " == nil", ""
	}
	ops := map[string]string{"=": "==", "!=": "!=", ">": ">", "<": "<", ">=": ">=", "<=": "<="}
	op, ok := ops[ew.Operator]
	if !ok {
		return "", CondOperator
	}
	var lit string
	switch {
	case ew.AnswerBoolean != nil && t.q.Type == "yesno":
		lit = strconv.FormatBool(*ew.AnswerBoolean)
	case ew.AnswerCoding != nil && t.codes != nil:
		v, ok := t.codes[ew.AnswerCoding.Code]
		if !ok {
			return "", CondAnswer
		}
		lit = literal(v)
	case ew.AnswerString != nil && t.codes != nil:
		v, ok := t.codes[*ew.AnswerString]
		if !ok {
			return "", CondAnswer
		}
		lit = literal(v)
	case ew.AnswerInteger != nil && t.codes != nil:
		v, ok := t.codes[strconv.FormatInt(*ew.AnswerInteger, 10)]
		if !ok {
			return "", CondAnswer
		}
		lit = literal(v)
	case ew.AnswerInteger != nil && isNumber(t.q):
		lit = strconv.FormatInt(*ew.AnswerInteger, 10)
	case ew.AnswerDecimal != nil && isNumber(t.q):
		lit = strconv.FormatFloat(*ew.AnswerDecimal, 'g', -1, 64)
	case ew.AnswerString != nil && t.q.Type == "text":
		lit = strconv.Quote(*ew.AnswerString)
	case ew.AnswerDate != "" && t.q.Type == "date" && dateRE.MatchString(ew.AnswerDate):
		lit = "date(" + strconv.Quote(ew.AnswerDate) + ")"
	default:
		return "", CondOperator
	}
	if t.q.Type == "multi" {
		switch op {
		case "==":
			return lit + " in " + id, ""
		case "!=":
			return "not (" + lit + " in " + id + ")", ""
		}
		return "", CondOperator
	}
	if (t.q.Type == "yesno" || t.codes != nil && strings.HasPrefix(lit, `"`)) && op != "==" && op != "!=" {
		return "", CondOperator
	}
	return id + " " + op + " " + lit, ""
}

var dateRE = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)

func isNumber(q *bankfile.Question) bool { return q.Type == "number" || q.Type == "scale" }

// literal writes an option value in an expression.
func literal(v any) string {
	if f, ok := v.(float64); ok {
		return strconv.FormatFloat(f, 'g', -1, 64)
	}
	return strconv.Quote(fmt.Sprint(v))
}
