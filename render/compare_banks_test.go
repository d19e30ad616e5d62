package render

import (
	"bytes"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/candor-app/candor/data"
	"github.com/candor-app/candor/questionnaire"
	"github.com/candor-app/candor/scoring"
)

func bankSide(t *testing.T, id, name string, answers map[string]any) BankSide {
	t.Helper()
	b, ds := data.LoadBank(id)
	require.NotNil(t, b, "%v", ds)
	return BankSide{CompareSide: compareSide(t, b, name, answers), Bank: b}
}

var (
	samReadiness = map[string]any{"feel_safe": true, "could_say_no": true, "want_to_trust": "yes", "love_outweighs_pain": "unsure", "could_survive": "no"}
	alexWork     = map[string]any{"feel_safe": true, "harmed_partner": false, "owned_it": 4.0, "was_specific": 2.0,
		"listened_without_defending": 3.0, "named_the_hurt": 4.0, "blamed_partner": 4.0, "explained_first": 2.0,
		"sincere_apology": 4.0, "apology_over_time": 4.0, "change_plan": 4.0, "uncertain_promises": 2.0,
		"follow_through": 4.0, "honest_now": 4.0, "ask_needs": 4.0, "gave_space": 3.0, "reassurance": 4.0, "expect_soon": 2.0, "counselling": 3.0,
		"able_to_change": 4.0, "connection": 3.0, "gratitude": 4.0, "check_ins": 2.0}
)

// Two partners' responses to different banks, as the counselor reads them: narrow (one after
// the other), wide (side by side), markdown and JSON.
func TestCompareBanksGolden(t *testing.T) {
	sam := bankSide(t, "trust-readiness", "Sam", samReadiness)
	alex := bankSide(t, "accountability", "Alex", alexWork)
	view := map[string]any{"feel_safe": true, "could_say_no": true}
	for k := range alexWork {
		if k != "harmed_partner" && k != "feel_safe" {
			view[k] = 2.0 + float64(len(k)%3)
		}
	}
	samView := bankSide(t, "partner-view", "Sam", view)
	for _, tt := range []struct {
		name string
		a, b BankSide
		opt  CompareOptions
	}{
		{"two-banks-80.txt", sam, alex, CompareOptions{Format: "text", Width: 80}},
		{"two-banks-120.txt", sam, alex, CompareOptions{Format: "text", Width: 120}},
		{"shared-scores.md", samView, alex, CompareOptions{Format: "markdown", Width: 80}},
		{"shared-scores.json", samView, alex, CompareOptions{Format: "json"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			require.NoError(t, CompareBanks(&buf, tt.a, tt.b, tt.opt))
			golden(t, filepath.Join("compare", tt.name), buf.String())
		})
	}
}

// Scores are lined up by id first, then by theme; each of B's scores once, in A's order.
func TestAlignScores(t *testing.T) {
	res := func(scores ...[2]string) *scoring.Result {
		r := &scoring.Result{}
		for _, s := range scores {
			r.Scores = append(r.Scores, scoring.ScoreResult{ID: s[0], Label: s[0], Score: &questionnaire.Score{ID: s[0], Theme: s[1]}})
		}
		return r
	}
	a := res([2]string{"trust", ""}, [2]string{"owning", "acknowledging"}, [2]string{"alone", "x"}, [2]string{"talk", "talking"})
	b := res([2]string{"seen_owning", "acknowledging"}, [2]string{"trust", "talking"}, [2]string{"talk2", "talking"})
	got := AlignScores(a, b)
	var pairs [][3]string
	for _, r := range got {
		pairs = append(pairs, [3]string{r.A.ID, r.B.ID, r.By})
	}
	assert.Equal(t, [][3]string{{"trust", "trust", "id"}, {"owning", "seen_owning", "theme"}, {"talk", "talk2", "theme"}}, pairs)
	assert.Equal(t, "acknowledging", got[1].Theme)
	assert.Empty(t, AlignScores(res([2]string{"a", ""}), res([2]string{"b", ""})), "nothing shared, nothing aligned")
}
