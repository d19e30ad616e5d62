package questionnaire

import (
	"fmt"
	"strings"
)

// AnswerText is an answer to q in words, as a person reads it: "Yes" or "No", a choice's
// label, "5 (Very close)" for a labelled point on a scale, a number, the labels of a multi
// answer joined with commas ("none of these" for an empty one), a text answer trimmed.
// v is a normalized answer (NormalizeAnswer); anything else is printed as it is. The words
// come from the bank or the person: pass them through Sanitize before a terminal.
func (q *Question) AnswerText(v any) string {
	switch q.Type {
	case YesNo:
		if b, ok := v.(bool); ok {
			if b {
				return "Yes"
			}
			return "No"
		}
	case Choice:
		if o := q.Option(v); o != nil {
			return strings.TrimSpace(o.Label)
		}
	case Multi:
		list, ok := v.([]any)
		if !ok {
			break
		}
		if len(list) == 0 {
			return "none of these"
		}
		labels := make([]string, 0, len(list))
		for _, x := range list {
			if o := q.Option(x); o != nil {
				labels = append(labels, strings.TrimSpace(o.Label))
			} else {
				labels = append(labels, fmt.Sprint(x))
			}
		}
		return strings.Join(labels, ", ")
	case Scale, Number:
		if f, ok := v.(float64); ok {
			s := formatNumber(f)
			if l, ok := q.Labels[int(f)]; ok && q.Type == Scale && float64(int(f)) == f {
				s += " (" + strings.TrimSpace(l) + ")"
			}
			return s
		}
	case Text:
		if s, ok := v.(string); ok {
			return strings.TrimSpace(s)
		}
	case Date, Info:
		// no step of their own here (listed for the exhaustive check)
	}
	if v == nil {
		return ""
	}
	return fmt.Sprint(v)
}
