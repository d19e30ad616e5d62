package scoring

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/candor-app/candor/questionnaire"
)

// TestWarningJSON: a warning in words is written as its words (docs/spec.md §3); one no one
// has put in words yet keeps its code and data, never an empty string.
func TestWarningJSON(t *testing.T) {
	cases := []struct {
		name string
		w    Warning
		want string
	}{
		{"in words", Warning{Code: TooCostly, What: "flag", ID: "low", Text: "too much work"}, `"too much work"`},
		{"code and data", Warning{Code: TooCostly, What: "flag", ID: "low"}, `{"code":"too-costly","id":"low","what":"flag"}`},
		{"status claim", Warning{Code: StatusClaim, Claimed: questionnaire.Completed, Status: questionnaire.InProgress, Missing: []string{"a"}},
			`{"code":"status-claim","claimed":"completed","status":"in-progress","missing":["a"]}`},
		{"from a file", FileWarning(questionnaire.Diagnostic{Severity: questionnaire.Warning, Summary: "changed", Code: questionnaire.CodeBankDrift}), `"changed"`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := json.Marshal(c.w)
			require.NoError(t, err)
			assert.Equal(t, c.want, string(got))
			var back Warning
			require.NoError(t, json.Unmarshal(got, &back))
			if c.w.Text != "" {
				assert.Equal(t, Warning{Text: c.w.Text}, back, "words alone come back")
			} else {
				assert.Equal(t, c.w, back)
			}
		})
	}
	assert.Equal(t, Warning{Code: FromFile, Diagnostic: questionnaire.CodeBankDrift, Text: "changed"},
		FileWarning(questionnaire.Diagnostic{Summary: "changed", Code: questionnaire.CodeBankDrift}))
}
