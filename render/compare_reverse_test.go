package render

import (
	"bytes"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/candor-app/candor/questionnaire"
)

// A change in a statement scored in reverse is told by its meaning, never as a bare
// "higher" or "lower" (docs/spec.md §4): a hurtful surprise that went from 6 to 2 is nearer
// to what helps.
func TestCompareReverseScoredItemByMeaning(t *testing.T) {
	b := loadBank(t, "weekly-check.yaml")
	before := compareSide(t, b, "Before", map[string]any{"feel_safe": true, "kept_word": 3.0, "hurtful_surprise": 6.0})
	after := compareSide(t, b, "After", map[string]any{"feel_safe": true, "kept_word": 5.0, "hurtful_surprise": 2.0})
	var buf bytes.Buffer
	require.NoError(t, Compare(&buf, b, before, after, CompareOptions{Format: "text", Width: 80}))
	out := buf.String()
	golden(t, "compare/reverse-improving.txt", out)
	assert.Contains(t, flat(out), "≠ different: After's answer is nearer to what helps, by 4 (this one is scored in reverse)")
	assert.Contains(t, out, "≠ different: After is 2 higher", "a statement scored the usual way keeps higher and lower")
	assert.NotContains(t, out, "4 lower")

	buf.Reset()
	require.NoError(t, Compare(&buf, b, after, before, CompareOptions{Format: "markdown"}))
	assert.Contains(t, buf.String(), "Before's answer is further from what helps, by 4 (this one is scored in reverse)")

	c := newComparison(nil, b, before, after)
	q := c.Questions[2]
	require.Equal(t, "hurtful_surprise", q.ID)
	assert.True(t, q.ReverseScored)
	assert.Equal(t, -4.0, *q.Difference, "the answers as given")
	assert.Equal(t, 4.0, *q.ItemDifference, "toward the score")
	assert.False(t, c.Questions[1].ReverseScored)
	assert.Equal(t, 2.0, *c.Questions[1].ItemDifference)
	assert.Nil(t, c.Questions[0].ItemDifference, "the safety question is in no score: no direction to tell")
	assert.False(t, c.Questions[0].ReverseScored)
}

// accountability's "my partner is partly to blame", from Agree to Strongly disagree: an
// improvement, not "3 lower".
func TestCompareBlameMovingAwayIsNearerToWhatHelps(t *testing.T) {
	b := loadBank(t, "accountability")
	week1 := compareSide(t, b, "Week 1", map[string]any{"feel_safe": true, "harmed_partner": false, "blamed_partner": 4.0})
	week8 := compareSide(t, b, "Week 8", map[string]any{"feel_safe": true, "harmed_partner": false, "blamed_partner": 1.0})
	var buf bytes.Buffer
	require.NoError(t, Compare(&buf, b, week1, week8, CompareOptions{Format: "text", Width: 200}))
	assert.Contains(t, buf.String(), "≠ different: Week 8's answer is nearer to what helps, by 3 (this one is scored in reverse)")
	assert.NotContains(t, buf.String(), "is 3 lower")
}

// A negative weight turns an item round as `reverse` does; a question its scores weigh in
// opposite directions has no direction to tell, and so no "higher" or "lower" either.
func TestCompareNegativeWeights(t *testing.T) {
	b, ds := questionnaire.Load("weights.yaml", []byte(`candor: 1
id: weights
version: 1.0.0
title: Weights
questions:
  - {id: calm, text: I felt calm., min: 1, max: 5}
  - {id: tense, text: I felt tense., min: 1, max: 5}
  - {id: both, text: I slept well., min: 1, max: 5}
scores:
  - {id: ease, label: Ease, items: [calm, tense, both], weights: {tense: -1}}
  - {id: rest, label: Rest, items: [both], weights: {both: -1}}
`))
	require.False(t, ds.HasErrors(), "%v", ds)
	a := compareSide(t, b, "A", map[string]any{"calm": 2.0, "tense": 2.0, "both": 2.0})
	bb := compareSide(t, b, "B", map[string]any{"calm": 4.0, "tense": 4.0, "both": 4.0})
	c := newComparison(nil, b, a, bb)
	byID := map[string]CompareQuestion{}
	for _, q := range c.Questions {
		byID[q.ID] = q
	}
	assert.False(t, byID["calm"].ReverseScored)
	assert.Equal(t, 2.0, *byID["calm"].ItemDifference)
	assert.True(t, byID["tense"].ReverseScored, "a negative weight")
	assert.Equal(t, -2.0, *byID["tense"].ItemDifference)
	assert.False(t, byID["both"].ReverseScored, "weighed both ways: no direction")
	assert.Nil(t, byID["both"].ItemDifference)

	var buf bytes.Buffer
	require.NoError(t, Compare(&buf, b, a, bb, CompareOptions{Format: "text", Width: 200}))
	out := buf.String()
	assert.Contains(t, out, "≠ different: B is 2 higher")
	assert.Contains(t, out, "≠ different: B's answer is further from what helps, by 2 (this one is scored in reverse)")
}
