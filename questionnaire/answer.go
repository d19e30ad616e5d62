package questionnaire

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Answers maps question ids to normalized answers: bool (yesno), float64 (scale, number,
// numeric choice), string (text, id choice), []any of option values (multi).
type Answers map[string]any

// MaxTextAnswer is the longest text answer kept, in characters.
const MaxTextAnswer = 10000

// ParseNode reads an answer written in YAML (a response file or a test). A null is nil.
func (q *Question) ParseNode(n *yaml.Node) (any, error) {
	for i := 0; n != nil && n.Kind == yaml.AliasNode && i < 8; i++ {
		n = n.Alias
	}
	if n == nil || (n.Kind == yaml.ScalarNode && n.Tag == "!!null") {
		return nil, nil
	}
	switch n.Kind {
	case yaml.ScalarNode:
		return q.ParseValue(scalarValue(n))
	case yaml.SequenceNode:
		if q.Type != Multi {
			return nil, fmt.Errorf("%q takes one answer, not a list", q.ID)
		}
		var vals []any
		for _, c := range n.Content {
			if c.Kind != yaml.ScalarNode {
				return nil, fmt.Errorf("%q: each chosen option must be a single value", q.ID)
			}
			vals = append(vals, scalarValue(c))
		}
		return q.ParseValue(vals)
	}
	return nil, fmt.Errorf("%q: an answer must be a single value or a list", q.ID)
}

// scalarValue decodes a scalar node into bool, float64 or string.
func scalarValue(n *yaml.Node) any {
	switch n.Tag {
	case "!!bool":
		b, _ := strconv.ParseBool(strings.ToLower(n.Value))
		return b
	case "!!int", "!!float":
		if f, ok := numberValue(n); ok {
			return f
		}
	}
	return n.Value
}

// ParseValue normalizes an answer given as a Go value (bool, a number, string, or a list for
// multi). Strings are read as a person would type them: "yes", "2", an option's label.
func (q *Question) ParseValue(v any) (any, error) {
	switch x := v.(type) {
	case int:
		v = float64(x)
	case int64:
		v = float64(x)
	}
	switch q.Type {
	case YesNo:
		switch x := v.(type) {
		case bool:
			return x, nil
		case string:
			if b, ok := ParseYesNo(x); ok {
				return b, nil
			}
		}
		return nil, fmt.Errorf("%q takes yes or no, not %s", q.ID, describe(v))
	case Choice:
		o := q.findOption(v)
		if o == nil {
			return nil, fmt.Errorf("%q has no option %s", q.ID, describe(v))
		}
		return o.Value, nil
	case Multi:
		list, ok := v.([]any)
		if !ok {
			list = []any{v}
		}
		out := make([]any, 0, len(list))
		for _, item := range list {
			o := q.findOption(item)
			if o == nil {
				return nil, fmt.Errorf("%q has no option %s", q.ID, describe(item))
			}
			for _, prev := range out {
				if prev == o.Value {
					return nil, fmt.Errorf("%q: option %s is chosen twice", q.ID, describe(item))
				}
			}
			out = append(out, o.Value)
		}
		return out, nil
	case Scale, Number:
		f, ok := v.(float64)
		if s, isStr := v.(string); isStr {
			if p, err := strconv.ParseFloat(strings.TrimSpace(s), 64); err == nil {
				f, ok = p, true
			} else if q.Type == Scale {
				for p, label := range q.Labels {
					if strings.EqualFold(strings.TrimSpace(s), label) {
						f, ok = float64(p), true
					}
				}
			}
		}
		if !ok || math.IsNaN(f) || math.IsInf(f, 0) {
			return nil, fmt.Errorf("%q takes a number, not %s", q.ID, describe(v))
		}
		if q.Type == Scale && f != math.Trunc(f) {
			return nil, fmt.Errorf("%q takes a whole number from %s to %s, not %s", q.ID, formatNumber(q.Min), formatNumber(q.Max), formatNumber(f))
		}
		if (q.HasMin && f < q.Min) || (q.HasMax && f > q.Max) {
			return nil, fmt.Errorf("%s is outside the range of %q (%s)", formatNumber(f), q.ID, q.RangeText())
		}
		return f, nil
	case Text:
		var s string
		switch x := v.(type) {
		case string:
			s = x
		case float64:
			s = formatNumber(x)
		case bool:
			s = strconv.FormatBool(x)
		default:
			return nil, fmt.Errorf("%q takes a line of text", q.ID)
		}
		if len([]rune(s)) > MaxTextAnswer {
			return nil, fmt.Errorf("the answer to %q is longer than %d characters", q.ID, MaxTextAnswer)
		}
		return s, nil
	}
	return nil, fmt.Errorf("%q has an unknown type", q.ID)
}

// findOption matches an option by value, by a number written as text, or by label (any case).
func (q *Question) findOption(v any) *Option {
	if o := q.Option(v); o != nil {
		return o
	}
	s, ok := v.(string)
	if !ok {
		return nil
	}
	s = strings.TrimSpace(s)
	if f, err := strconv.ParseFloat(s, 64); err == nil {
		if o := q.Option(f); o != nil {
			return o
		}
	}
	for _, o := range q.Options {
		if strings.EqualFold(s, o.Label) {
			return o
		}
	}
	if o := q.Option(strings.ToLower(s)); o != nil {
		return o
	}
	return nil
}

// ParseYesNo reads yes/no as a person or a file may write it.
func ParseYesNo(s string) (bool, bool) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "y", "yes", "true":
		return true, true
	case "n", "no", "false":
		return false, true
	}
	return false, false
}

func describe(v any) string {
	switch x := v.(type) {
	case nil:
		return "an empty answer"
	case string:
		return strconv.Quote(truncate(x, 40))
	case float64:
		return formatNumber(x)
	case bool:
		if x {
			return "true"
		}
		return "false"
	case []any:
		return "a list"
	}
	return fmt.Sprint(v)
}

// RangeText says which numbers a number question takes: "0 to 10", "at least 0", "at most
// 10" or "any number".
func (q *Question) RangeText() string {
	switch {
	case q.HasMin && q.HasMax:
		return fmt.Sprintf("%s to %s", formatNumber(q.Min), formatNumber(q.Max))
	case q.HasMin:
		return fmt.Sprintf("at least %s", formatNumber(q.Min))
	case q.HasMax:
		return fmt.Sprintf("at most %s", formatNumber(q.Max))
	}
	return "any number"
}

// Allowed says in a few words what answers the question takes.
func (q *Question) Allowed() string {
	switch q.Type {
	case YesNo:
		return "answer yes or no"
	case Choice, Multi:
		parts := make([]string, 0, len(q.Options))
		for _, o := range q.Options {
			parts = append(parts, fmt.Sprintf("%s (%s)", formatValue(o.Value), o.Label))
		}
		prefix := "one of: "
		if q.Type == Multi {
			prefix = "any of: "
		}
		return prefix + strings.Join(parts, ", ")
	case Scale:
		return fmt.Sprintf("a whole number from %s to %s", formatNumber(q.Min), formatNumber(q.Max))
	case Number:
		return "a number, " + q.RangeText()
	}
	return "a line of text"
}

// ItemScore is the score an answer gives, with reverse keying applied. ok is false when the
// answer is missing or the question has no score.
func (q *Question) ItemScore(answer any) (float64, bool) {
	if answer == nil || !q.Scorable() {
		return 0, false
	}
	var x float64
	switch q.Type {
	case YesNo:
		b, ok := answer.(bool)
		if !ok {
			return 0, false
		}
		if b {
			x = 1
		}
	case Scale, Number:
		f, ok := answer.(float64)
		if !ok {
			return 0, false
		}
		x = f
	case Choice:
		o := q.Option(answer)
		if o == nil {
			return 0, false
		}
		x = o.Score
	case Multi:
		list, ok := answer.([]any)
		if !ok {
			return 0, false
		}
		for _, v := range list {
			if o := q.Option(v); o != nil {
				x += o.Score
			}
		}
	default:
		return 0, false
	}
	if q.Reverse {
		lo, hi, _ := q.ScoreRange()
		x = lo + hi - x
	}
	return x, true
}
