package render

import (
	"bytes"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/candor-app/candor/internal/testutil"
	"github.com/candor-app/candor/questionnaire"
	"github.com/candor-app/candor/scoring"
)

// Warning signs are named first, in the person's words; a hopeful band or outcome is not
// shown while one stands; texts marked `together` never while safety is in doubt; an open
// safety question that decides the verdict gives the bank's `safety_open` words instead
// (docs/spec.md §1), in every format.
func TestVerdictsNeverHideAWarningSign(t *testing.T) {
	b := loadBank(t, "warning-signs.yaml")
	for _, c := range []struct {
		name            string
		answers         questionnaire.Answers
		want, dont      []string
		outcome         string
		withheldTogeter bool
	}{
		{"safe-and-steady", questionnaire.Answers{"feel_safe": true, "blame": 1.0, "owned": 2.0, "kept": 2.0},
			[]string{"You are doing much of the work", "Well grounded", "Keep talking together", "talk it through together"},
			[]string{"Worth pausing on first"}, "steady", false},
		{"warning-sign", questionnaire.Answers{"feel_safe": true, "blame": 2.0, "owned": 2.0, "kept": 2.0},
			[]string{"Worth pausing on first", "Part of me believes my partner is partly to blame.", "You answered:", "Agree", "Steady", "Its usual words are left out here", "talk it through together", "Name it to your partner"},
			[]string{"You are doing much of the work", "Well grounded", "Keep talking together"}, "building", false},
		{"safety-open", questionnaire.Answers{"blame": 2.0, "owned": 2.0, "kept": 2.0},
			[]string{"Your safety first", "This check-in waits for your answer about safety", "You have not answered", "About blame"},
			[]string{"You are doing much of the work", "Part of the way", "talk it through together", "Name it to your partner", "Keep talking together"}, "", true},
		{"not-safe", questionnaire.Answers{"feel_safe": false, "blame": 2.0, "owned": 2.0, "kept": 2.0},
			[]string{"Safety first", "About blame"},
			[]string{"You are doing much of the work", "talk it through together", "Name it to your partner", "Keep talking together"}, "safety_first", true},
	} {
		t.Run(c.name, func(t *testing.T) {
			r := scoring.Score(b, c.answers, scoring.Options{})
			if c.outcome == "" {
				assert.Nil(t, r.Outcome)
			} else {
				require.NotNil(t, r.Outcome)
				assert.Equal(t, c.outcome, r.Outcome.ID)
			}
			for _, format := range []string{"text", "markdown", "html", "json"} {
				for _, counselor := range []bool{false, true} {
					var buf bytes.Buffer
					require.NoError(t, Summary(&buf, b, r, Options{Format: format, Width: 100, Counselor: counselor}))
					out := flat(buf.String())
					for _, w := range c.want {
						if format == "json" && !strings.Contains(w, "partner") && !strings.Contains(w, "Steady") {
							continue // JSON carries data, not candor's words
						}
						if counselor && (w == "Worth pausing on first" || w == "You have not answered" || w == "Its usual words are left out here") {
							continue // a counselor's view words them for the counselor
						}
						assert.Contains(t, out, w, "%s counselor=%v", format, counselor)
					}
					for _, d := range c.dont {
						if d == "talk it through together" && format == "json" {
							continue // the outro is the bank's, not the result's
						}
						assert.NotContains(t, out, d, "%s counselor=%v", format, counselor)
					}
					if format == "text" && !counselor {
						first := strings.Index(out, "Worth pausing on first")
						if first >= 0 && r.Outcome != nil {
							assert.Less(t, first, strings.Index(out, r.Outcome.Title), "the signs come before the headline")
						}
						testutil.Golden(t, filepath.Join("testdata", "summary", "warning-signs-"+c.name+".txt"), buf.Bytes())
					}
					if format == "json" {
						assert.Equal(t, c.withheldTogeter, strings.Contains(out, `"together_withheld": true`), "counselor=%v", counselor)
					}
				}
			}
		})
	}
}

// The JSON result says which outcome and bands are hopeful and lists the warning signs.
func TestVerdictJSON(t *testing.T) {
	b := loadBank(t, "warning-signs.yaml")
	r := scoring.Score(b, questionnaire.Answers{"feel_safe": true, "blame": 2.0, "owned": 2.0, "kept": 2.0}, scoring.Options{})
	var buf bytes.Buffer
	require.NoError(t, Summary(&buf, b, r, Options{Format: "json"}))
	out := buf.String()
	assert.Contains(t, out, `"warning_signs": [
    {
      "id": "blame",
      "text": "Part of me believes my partner is partly to blame.",
      "answer": 2,
      "answer_text": "Agree"
    }
  ]`)
	assert.Contains(t, out, `"band": null,
      "band_text": "",
      "band_hopeful": false,
      "band_withheld": true`)
	assert.Contains(t, out, `"band": "Steady",
      "band_text": "You keep your word.",
      "band_hopeful": true`)
	assert.Contains(t, out, `"hopeful": false`)
	r = scoring.Score(b, questionnaire.Answers{"blame": 1.0, "owned": 2.0, "kept": 2.0}, scoring.Options{})
	buf.Reset()
	require.NoError(t, Summary(&buf, b, r, Options{Format: "json"}))
	assert.Contains(t, buf.String(), fmt.Sprintf("%q: null,\n  %q: [\n    %q\n  ]", "outcome", "outcome_open_on", "feel_safe"))
}
