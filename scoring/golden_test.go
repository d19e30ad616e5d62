package scoring

import (
	"encoding/json"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/candor-app/candor/internal/testutil"
	"github.com/candor-app/candor/questionnaire"
)

// Golden JSON results (docs/spec.md §3) for representative cases, in testdata/golden. Refresh them
// after an intended change with `go test ./scoring -update`, and read the diff.
func TestGoldenResults(t *testing.T) {
	const m = -1
	trust, ds := questionnaire.LoadFile("../data/banks/trust-readiness.yaml")
	require.NotNil(t, trust, "%v", ds)
	cases := []struct {
		name    string
		bank    *questionnaire.Bank
		answers questionnaire.Answers
		status  questionnaire.Status
	}{
		{"rses-high", loadInstrument(t, "rses.yaml"), answersOf("rses_", 3, 0, 3, 3, 1, 1, 3, 1, 1, 3), ""},
		{"rses-prorated", loadInstrument(t, "rses.yaml"), answersOf("rses_", 1, 2, 2, 2, 2, 2, 2, 2, m, m), ""},
		{"rses-not-enough-answers", loadInstrument(t, "rses.yaml"), answersOf("rses_", m, m, m, 3, 0, 0, 3, 0, 0, 3), ""},
		{"phq9-prorated-between-cutoffs", loadInstrument(t, "phq9.yaml"), answersOf("phq9_", 1, 1, 1, 1, 0, 0, 0, 0, m), ""},
		{"phq9-urgent-without-total", loadInstrument(t, "phq9.yaml"), answersOf("phq9_", m, m, m, m, m, m, 0, 0, 2), ""},
		{"dass21-subscales", loadInstrument(t, "dass21.yaml"), answersOf("dass_", 1, 2, m, 0, 3, 1, 2, 1, 0, 2, 1, 1, 2, 3, 0, 1, 1, 2, 1, 0, 2), ""},
		{"trust-readiness-ready", trust, questionnaire.Answers{"feel_safe": true, "could_say_no": true, "want_to_trust": "yes", "love_outweighs_pain": "yes", "could_survive": "yes"}, "completed"},
		{"trust-readiness-not-safe", trust, questionnaire.Answers{"feel_safe": false, "could_say_no": true, "want_to_trust": "yes", "love_outweighs_pain": "yes", "could_survive": "yes"}, "completed"},
		{"trust-readiness-nothing-answered", trust, questionnaire.Answers{}, "in-progress"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := json.MarshalIndent(Score(c.bank, c.answers, Options{Status: c.status}), "", "  ")
			require.NoError(t, err)
			got = append(got, '\n')
			testutil.Golden(t, filepath.Join("testdata", "golden", c.name+".json"), got)
		})
	}
}
