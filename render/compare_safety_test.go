package render

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/candor-app/candor/questionnaire"
	"github.com/candor-app/candor/scoring"
)

// Two responses to one bank, one side answered not safe (or left the safety question open)
// with every statement at its best: the counselor sees the score, marked beside it, and no
// band (docs/spec.md §4).
func TestCompareMarksAnUnsafeSide(t *testing.T) {
	b := loadBank(t, "weekly-check.yaml")
	sam := compareSide(t, b, "Sam", map[string]any{"feel_safe": true, "kept_word": 4.0, "hurtful_surprise": 4.0})
	for _, tc := range []struct {
		name    string
		alex    map[string]any
		mark    string
		headine string // "" for the engine's own
	}{
		{"one-unsafe", map[string]any{"feel_safe": false, "kept_word": 7.0, "hurtful_surprise": 1.0}, "100 (urgent flag)", "Safety first"},
		{"one-open", map[string]any{"kept_word": 7.0, "hurtful_surprise": 1.0}, "100 (safety question open)", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			alex := compareSide(t, b, "Alex", tc.alex)
			band := *alex.Result.Scores[0].Band
			require.Equal(t, "Steadier", band)
			for _, f := range []string{"txt", "md"} {
				var buf bytes.Buffer
				require.NoError(t, Compare(&buf, b, sam, alex, CompareOptions{Format: map[string]string{"txt": "text", "md": "markdown"}[f], Width: 80}))
				out := buf.String()
				golden(t, filepath.Join("compare", tc.name+"."+f), out)
				assert.Contains(t, out, tc.mark)
				assert.Contains(t, out, "50 (Some)", "the other side keeps its band")
				assert.NotContains(t, out, band, "no hopeful band beside the mark")
				assert.Contains(t, out, tc.headine) // the headline of an open one is the engine's (issue 21, point 1)
			}

			var buf bytes.Buffer
			require.NoError(t, Compare(&buf, b, sam, alex, CompareOptions{Format: "json"}))
			var got struct {
				A, B   map[string]any
				Scores []struct {
					A, B map[string]any
				}
			}
			require.NoError(t, json.Unmarshal(buf.Bytes(), &got))
			unsafe := tc.name == "one-unsafe"
			assert.Equal(t, false, got.A["unsafe"])
			assert.Equal(t, false, got.A["safety_open"])
			assert.Equal(t, unsafe, got.B["unsafe"])
			assert.Equal(t, !unsafe, got.B["safety_open"])
			assert.Equal(t, unsafe, got.Scores[0].B["safety_first"])
			assert.Equal(t, !unsafe, got.Scores[0].B["safety_open"])
			assert.Equal(t, band, got.Scores[0].B["band"], "JSON keeps the exact band, for clinical use")
		})
	}
}

// The case: Alex, who said they had hurt their partner, at 100% on accountability;
// no band beside the urgent flag, whatever its label.
func TestCompareAccountabilityUnsafeShowsNoBand(t *testing.T) {
	b := loadBank(t, "accountability")
	best := map[string]any{"feel_safe": true, "harmed_partner": true}
	for _, q := range b.Questions {
		if q.Type == questionnaire.Choice {
			best[q.ID] = 5.0
			if q.Reverse {
				best[q.ID] = 1.0
			}
		}
	}
	alex := compareSide(t, b, "Alex", best)
	require.True(t, alex.Result.Urgent())
	middle := map[string]any{"feel_safe": true, "harmed_partner": false}
	for _, q := range b.Questions {
		if q.Type == questionnaire.Choice {
			middle[q.ID] = 3.0
		}
	}
	sam := compareSide(t, b, "Sam", middle)
	for _, f := range []string{"text", "markdown"} {
		var buf bytes.Buffer
		require.NoError(t, Compare(&buf, b, sam, alex, CompareOptions{Format: f, Width: 100}))
		out := flat(buf.String())
		for _, s := range alex.Result.Scores {
			if s.Band != nil {
				assert.NotContains(t, out, questionnaire.FormatNumber(*s.Value)+" ("+*s.Band+")", f)
			}
		}
		assert.Contains(t, out, "5 (urgent flag)", f)
	}
}

// While a safety question is open and the engine chose no outcome, the headline says why.
func TestHeadlineWords(t *testing.T) {
	assert.Equal(t, "none", headlineWords(nil, nil, ComparePerson{}))
	assert.Equal(t, "none yet: a safety question has no answer", headlineWords(nil, nil, ComparePerson{SafetyOpen: true}))
	assert.Equal(t, "Safety first", headlineWords(nil, &scoring.OutcomeResult{Title: "Safety first"}, ComparePerson{Unsafe: true}))
}
