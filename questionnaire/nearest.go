package questionnaire

import (
	"strings"

	"github.com/candor-app/candor/internal/suggest"
)

// NearestOption is the option of a choice or multi question that typed most likely meant, by
// its label or its value (a typo, as suggest.Nearest judges), or nil when none is close: the "did you
// mean" of an answer.
func (q *Question) NearestOption(typed string) *Option {
	var words []string
	var opts []*Option
	for _, o := range q.Options {
		words = append(words, strings.ToLower(strings.Join(strings.Fields(o.Label), " ")))
		opts = append(opts, o)
		if v, ok := o.Value.(string); ok {
			words = append(words, strings.ToLower(v))
			opts = append(opts, o)
		}
	}
	near := suggest.Nearest(strings.Join(strings.Fields(typed), " "), words)
	if near == "" {
		return nil
	}
	for i, w := range words {
		if w == near {
			return opts[i]
		}
	}
	return nil
}
