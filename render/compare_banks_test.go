package render

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/candor-app/candor/data"
	"github.com/candor-app/candor/questionnaire"
	"github.com/candor-app/candor/scoring"
)

func bankSide(t *testing.T, id, name string, answers map[string]any) BankSide {
	t.Helper()
	return bankSideIn(t, id, "", name, answers)
}

// bankSideIn is bankSide with the bank in language lang ("" for its own).
func bankSideIn(t *testing.T, id, lang, name string, answers map[string]any) BankSide {
	t.Helper()
	b, ds := data.LoadBank(id)
	require.NotNil(t, b, "%v", ds)
	if lang != "" {
		b = b.In(lang)
		require.Equal(t, lang, b.Language)
	}
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

// seenDifferently are Sam's view of Alex (partner-view) and Alex's own answers
// (accountability), the banks in language lang ("" for their own): Alex said they made Sam
// afraid, and the two see the blame, the promises and the apology differently.
func seenDifferently(t *testing.T, lang string) (sam, alex BankSide) {
	t.Helper()
	alexAnswers := map[string]any{"harmed_partner": true}
	for k, v := range alexWork {
		if k != "harmed_partner" {
			alexAnswers[k] = v
		}
	}
	alexAnswers["blamed_partner"] = 1.0     // Alex: Strongly disagree that Sam is partly to blame
	alexAnswers["uncertain_promises"] = 1.0 // nor that the promises are uncertain
	alex = bankSideIn(t, "accountability", lang, "Alex", alexAnswers)
	// Sam sees most things as Alex does, but not the blame, the promises or the apology.
	view := map[string]any{"feel_safe": true, "could_say_no": true}
	for k, v := range alexAnswers {
		if k != "harmed_partner" && k != "feel_safe" {
			view[k] = v
		}
	}
	view["blamed_partner"], view["uncertain_promises"], view["sincere_apology"] = 5.0, 4.0, 2.0
	sam = bankSideIn(t, "partner-view", lang, "Sam", view)
	return sam, alex
}

// Sam's view of Alex (partner-view) beside Alex's own (accountability), Alex having said
// they made Sam afraid: the aligned scores of Alex are marked, without bands; the statements
// the two see most differently come before the summaries, each in its own words
// (docs/spec.md §4).
func TestCompareBanksSeenDifferently(t *testing.T) {
	sam, alex := seenDifferently(t, "")
	require.True(t, alex.Result.Urgent())

	for _, tt := range []struct {
		name string
		opt  CompareOptions
	}{
		{"seen-differently.txt", CompareOptions{Format: "text", Width: 80}},
		{"seen-differently.md", CompareOptions{Format: "markdown", Width: 80}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			require.NoError(t, CompareBanks(&buf, sam, alex, tt.opt))
			out := buf.String()
			golden(t, filepath.Join("compare", tt.name), out)
			head := out[:strings.Index(out, "Sam's summary")]
			assert.Contains(t, head, "Where the two of them see it most differently")
			assert.Contains(t, head, "My partner blames me, even partly, for what they did.")
			assert.Contains(t, head, "Part of me believes my partner is partly to blame for what I did.")
			assert.Contains(t, flat(head), "4 steps apart: Alex's answer is nearer to what helps.")
			assert.Contains(t, head, "(urgent flag)")
			for _, s := range alex.Result.Scores {
				if s.Band != nil {
					assert.NotContains(t, head, "("+*s.Band+")", "no band beside Alex's urgent flag")
					assert.NotContains(t, out, *s.Band, "nor in Alex's summary")
				}
			}
		})
	}

	c := NewBanksComparison(nil, sam, alex)
	require.Len(t, c.SeenDifferently, maxStatementGaps)
	first := c.SeenDifferently[0]
	assert.Equal(t, "blamed_partner", first.ID, "the largest gap first")
	assert.Equal(t, 1.0, first.Gap)
	assert.Equal(t, 4.0, *first.Steps)
	assert.Equal(t, "b", first.Nearer)
	assert.Equal(t, "Strongly agree", first.A.AnswerText)
	assert.Equal(t, "Strongly disagree", first.B.AnswerText)
	assert.False(t, c.A.Unsafe)
	assert.True(t, c.B.Unsafe)
	for i := 1; i < len(c.SeenDifferently); i++ {
		assert.GreaterOrEqual(t, c.SeenDifferently[i-1].Gap, c.SeenDifferently[i].Gap)
	}

	var buf bytes.Buffer
	require.NoError(t, CompareBanks(&buf, sam, alex, CompareOptions{Format: "json"}))
	var got map[string]any
	require.NoError(t, json.Unmarshal(buf.Bytes(), &got))
	gaps := got["seen_differently"].([]any)
	require.Len(t, gaps, maxStatementGaps)
	g := gaps[0].(map[string]any)
	assert.Equal(t, "blamed_partner", g["id"])
	assert.Equal(t, "b", g["nearer"])
	assert.Equal(t, 4.0, g["steps"])
	assert.Equal(t, true, got["b"].(map[string]any)["unsafe"])
}

// Nothing shared, or every shared answer in the same place: no section.
func TestCompareBanksNoGapNoSection(t *testing.T) {
	sam := bankSide(t, "trust-readiness", "Sam", samReadiness)
	alex := bankSide(t, "accountability", "Alex", alexWork)
	assert.Empty(t, NewBanksComparison(nil, sam, alex).SeenDifferently, "trust-readiness shares no scored statement with accountability")
	var buf bytes.Buffer
	require.NoError(t, CompareBanks(&buf, sam, alex, CompareOptions{Format: "text", Width: 80}))
	assert.NotContains(t, buf.String(), "see it most differently")

	same := map[string]any{"feel_safe": true, "could_say_no": true}
	for k, v := range alexWork {
		if k != "harmed_partner" && k != "feel_safe" {
			same[k] = v
		}
	}
	view := bankSide(t, "partner-view", "Sam", same)
	assert.Empty(t, NewBanksComparison(nil, view, alex).SeenDifferently, "the same answers sit in the same place")
}
