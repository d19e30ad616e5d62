package render

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/candor-app/candor/questionnaire"
	"github.com/candor-app/candor/scoring"
)

// A counselor's view of one response (`candor score`) shows every score, with its band,
// after the urgent flags and never instead of them; the person's own summary (`take`) sets
// the scores aside, and its JSON says so.
func TestCounselorSeesEveryScoreAfterTheUrgentFlags(t *testing.T) {
	b := templateBank(t)
	r := compareSide(t, b, "", unsafeAnswers()).Result
	require.True(t, r.Urgent())
	for _, format := range []string{"text", "markdown", "html"} {
		t.Run(format, func(t *testing.T) {
			var own, counselor bytes.Buffer
			require.NoError(t, Summary(&own, b, r, Options{Format: format, Width: 80}))
			require.NoError(t, Summary(&counselor, b, r, Options{Format: format, Width: 80, Counselor: true, Source: "r.yaml"}))
			flat := strings.Join(strings.Fields(counselor.String()), " ")
			safety := strings.Index(flat, "Your safety comes first")
			require.GreaterOrEqual(t, safety, 0)
			for _, s := range r.Scores {
				at := strings.Index(flat, s.Label)
				assert.Greater(t, at, safety, "score %s after the urgent flag", s.ID)
				require.NotNil(t, s.Band)
				assert.Contains(t, flat, *s.Band)
				assert.NotContains(t, strings.Join(strings.Fields(own.String()), " "), *s.Band, "the person's own summary sets it aside")
			}
			assert.NotContains(t, flat, "set aside")
			assert.Contains(t, strings.Join(strings.Fields(own.String()), " "), "Your scores are set aside here for now")
		})
	}
	var own, counselor bytes.Buffer
	require.NoError(t, Summary(&own, b, r, Options{Format: "json"}))
	require.NoError(t, Summary(&counselor, b, r, Options{Format: "json", Counselor: true}))
	var o, c map[string]any
	require.NoError(t, json.Unmarshal(own.Bytes(), &o))
	require.NoError(t, json.Unmarshal(counselor.Bytes(), &c))
	assert.Equal(t, true, o["scores_set_aside"])
	assert.NotContains(t, c, "scores_set_aside")
	assert.Len(t, o["scores"], len(r.Scores), "the data keeps the scores")
	// Band texts and highlights read as a verdict: set aside like the text summary's
	// (review finding 5d); the counselor's JSON keeps them.
	withText := 0
	for i, sc := range o["scores"].([]any) {
		m := sc.(map[string]any)
		assert.Equal(t, "", m["band_text"], "score %v", m["id"])
		assert.NotContains(t, m, "highlights")
		if r.Scores[i].BandText != "" {
			withText++
			assert.Equal(t, r.Scores[i].BandText, c["scores"].([]any)[i].(map[string]any)["band_text"])
		}
	}
	require.Positive(t, withText, "the test needs a band text to set aside")

	safe := compareSide(t, b, "", fullAnswers).Result
	own.Reset()
	require.NoError(t, Summary(&own, b, safe, Options{Format: "json"}))
	assert.NotContains(t, own.String(), "scores_set_aside")
}

// A safety question left without an answer is named first in every summary and in the
// counselor's views (compare, history); no headline is chosen and no band text is shown.
func TestUnansweredSafetyQuestionIsNamedEverywhere(t *testing.T) {
	b := templateBank(t)
	answers := map[string]any{}
	for k, v := range fullAnswers {
		answers[k] = v
	}
	delete(answers, "feel_safe")
	side := compareSide(t, b, "Sam", answers)
	r := side.Result
	require.Equal(t, []string{"feel_safe"}, r.UnansweredSafety)
	name := `"Do you feel safe with your partner, physically and emotionally?" (feel_safe) has no answer`
	for _, format := range []string{"text", "markdown", "html", "json"} {
		for _, counselor := range []bool{false, true} {
			var buf bytes.Buffer
			require.NoError(t, Summary(&buf, b, r, Options{Format: format, Width: 200, Counselor: counselor}))
			out := flat(buf.String())
			said := name
			if !counselor && format != "json" {
				said = `You have not answered "Do you feel safe with your partner, physically and emotionally?" yet. It is one of the safety questions, so this summary gives no verdict until you do.`
			}
			assert.Contains(t, out, said, "%s counselor=%v", format, counselor)
			if format == "text" || format == "markdown" {
				assert.Less(t, strings.Index(out, said), strings.Index(out, "A check-in on rebuilding trust"), "named before the title")
				assert.Equal(t, 1, strings.Count(out, "feel safe with your partner"), "named once")
			}
			for _, s := range b.Scores {
				for _, band := range s.Bands {
					assert.NotContains(t, out, strings.TrimSpace(band.Text[:20]), "no band text")
				}
			}
		}
	}
	assert.Nil(t, r.Outcome, "feel_safe decides the verdict: none, not the fallback (docs/spec.md §1)")
	assert.Equal(t, []string{"feel_safe"}, r.OutcomeOpenOn)
	other := compareSide(t, b, "Alex", fullAnswers)
	for _, format := range []string{"text", "markdown", "json"} {
		var buf bytes.Buffer
		require.NoError(t, Compare(&buf, b, side, other, CompareOptions{Format: format, Width: 200}))
		assert.Contains(t, flat(buf.String()), name, "compare %s", format)
		buf.Reset()
		h := historyEntry(t, b, "w1.yaml", day(1), day(1), answers)
		require.NoError(t, History(&buf, b, []HistoryEntry{h}, HistoryOptions{Format: format, Width: 200}))
		assert.Contains(t, flat(buf.String()), name, "history %s", format)
	}
}

// flat is rendered output as one line of words, unescaped (markdown, HTML, JSON).
func flat(s string) string {
	s = strings.NewReplacer("&#34;", `"`, `\"`, `"`, `\_`, "_", "&#39;", "'").Replace(s)
	return strings.Join(strings.Fields(s), " ")
}

// A score none of whose questions was asked says it does not apply, in the summary and the
// counselor's views, and never "not enough answers".
func TestScoreThatDoesNotApply(t *testing.T) {
	b := loadTestBank(t, `candor: 1
id: na
version: 1.0.0
title: Not asked
questions:
  - {id: drinks, text: "Do you drink?"}
  - {id: how_much, text: "How much?", min: 0, max: 4, when: drinks == true}
scores:
  - {id: amount, label: Amount, items: [how_much]}
`)
	a := questionnaire.Answers{"drinks": false}
	side := CompareSide{Name: "Sam", Answers: a, Result: scoring.Score(b, a, scoring.Options{})}
	require.False(t, side.Result.Scores[0].Applies)
	for _, format := range []string{"text", "markdown", "html"} {
		var buf bytes.Buffer
		require.NoError(t, Summary(&buf, b, side.Result, Options{Format: format, Width: 200}))
		assert.Contains(t, buf.String(), "This does not apply: none of its questions was asked.", format)
		assert.NotContains(t, buf.String(), "Not enough answers", format)
	}
	var buf bytes.Buffer
	require.NoError(t, Summary(&buf, b, side.Result, Options{Format: "json"}))
	assert.Contains(t, buf.String(), `"applies": false`)
	buf.Reset()
	require.NoError(t, Compare(&buf, b, side, side, CompareOptions{Format: "text", Width: 200}))
	assert.Contains(t, buf.String(), "Sam   does not apply")
	buf.Reset()
	h := HistoryEntry{Response: &questionnaire.Response{File: "w.yaml", Started: day(1), Updated: day(1)}, Result: side.Result}
	require.NoError(t, History(&buf, b, []HistoryEntry{h}, HistoryOptions{Format: "text", Width: 200}))
	assert.Contains(t, buf.String(), "does not apply")
}

// A score that counts a skipped item as its lowest answer says so.
func TestFilledLowestIsSaid(t *testing.T) {
	b := loadTestBank(t, `candor: 1
id: fl
version: 1.0.0
title: Filled
questions:
  - {id: a, text: A, min: 0, max: 3}
  - {id: b, text: B, min: 0, max: 3}
scores:
  - {id: s, label: Total, items: [a, b], max_missing: 1, missing: lowest}
`)
	r := scoring.Score(b, questionnaire.Answers{"a": 2.0}, scoring.Options{})
	for _, format := range []string{"text", "markdown", "html"} {
		var buf bytes.Buffer
		require.NoError(t, Summary(&buf, b, r, Options{Format: format, Width: 200}))
		assert.Contains(t, buf.String(), "1 of its 2 questions has no answer and counts as the lowest answer.", format)
	}
}
