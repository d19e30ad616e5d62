package render

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/candor-app/candor/questionnaire"
	"github.com/candor-app/candor/scoring"
)

// score and history build their CSV rows here: lead cells, each score's value and band (empty
// without a value), the raised flags, the outcome and the unanswered safety questions; cells
// from text are made safe.
func TestCSVHeaderAndRow(t *testing.T) {
	b := &questionnaire.Bank{Scores: []*questionnaire.Score{{ID: "a"}, {ID: "b"}}}
	assert.Equal(t, []string{"file", "status", "a_value", "a_band", "b_value", "b_band", "flags", "outcome", "outcome_open_on", "unanswered_safety"},
		CSVHeader(b, "file", "status"))
	assert.Equal(t, []string{"a_value", "a_band", "b_value", "b_band", "flags", "outcome", "outcome_open_on", "unanswered_safety"}, CSVHeader(b))

	v, band := -0.5, "=Low"
	r := &scoring.Result{
		Scores:  []scoring.ScoreResult{{ID: "a", Value: &v, Band: &band}, {ID: "b"}},
		Flags:   []scoring.FlagResult{{ID: "not_safe"}, {ID: "tired"}},
		Outcome: &scoring.OutcomeResult{ID: "safety_first"},

		UnansweredSafety: []string{"feel_safe", "could_say_no"},
	}
	assert.Equal(t, []string{"x.yaml", "completed", "-0.5", "'=Low", "", "", "not_safe tired", "safety_first", "", "feel_safe could_say_no"},
		CSVRow(b, r, "x.yaml", "completed"))
	assert.Equal(t, []string{"", "", "", "", "", ""}, CSVRow(&questionnaire.Bank{}, &scoring.Result{Scores: []scoring.ScoreResult{{ID: "a"}}}))
}
