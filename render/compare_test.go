package render

import (
	"bytes"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/candor-app/candor/data"
	"github.com/candor-app/candor/questionnaire"
	"github.com/candor-app/candor/scoring"
)

func compareSide(t *testing.T, b *questionnaire.Bank, name string, answers map[string]any) CompareSide {
	t.Helper()
	norm := questionnaire.Answers{}
	for id, v := range answers {
		q := b.Question(id)
		require.NotNil(t, q, id)
		nv, err := q.ParseValue(v)
		require.NoError(t, err)
		norm[id] = nv
	}
	return CompareSide{Name: name, Answers: norm, Result: scoring.Score(b, norm, scoring.Options{})}
}

func templateBank(t *testing.T) *questionnaire.Bank {
	t.Helper()
	b, ds := questionnaire.Load("template.yaml", data.Template("", ""))
	require.NotNil(t, b, "%v", ds)
	return b
}

var fullAnswers = map[string]any{
	"feel_safe": true, "want_to_rebuild": true, "feel_heard": 4.0, "still_hurts": 2.0,
	"honest_talks": "sometimes", "closeness": 5.0, "weeks_since": 20.0,
	"support_from": []any{"friends", "family"}, "seeing_counselor": true, "counselor_helps": 3.0,
	"anything_else": "thank you", "last_good_talk": "2026-10-01",
}

func TestCompareIdenticalIsFullAgreement(t *testing.T) {
	b := templateBank(t)
	a := compareSide(t, b, "Sam", fullAnswers)
	same := map[string]any{}
	for k, v := range fullAnswers {
		same[k] = v
	}
	same["support_from"] = []any{"family", "friends"} // the same options, in another order
	c := newComparison(nil, b, a, compareSide(t, b, "Alex", same))

	assert.Equal(t, 11, c.Agreement.BothAnswered, "every question but the text one (and the info statement, which takes no answer)")
	assert.Equal(t, c.Agreement.BothAnswered, c.Agreement.Same)
	for _, q := range c.Questions {
		if q.Type == "text" {
			assert.Nil(t, q.Same, "a text answer is shown, not judged")
			continue
		}
		require.NotNil(t, q.Same, q.ID)
		assert.True(t, *q.Same, q.ID)
		if q.Difference != nil {
			assert.Zero(t, *q.Difference, q.ID)
		}
	}
	for _, s := range c.Scores {
		require.NotNil(t, s.Difference, s.ID)
		assert.Zero(t, *s.Difference, s.ID)
	}
	var buf bytes.Buffer
	require.NoError(t, Compare(&buf, b, a, a, CompareOptions{Format: "text", Width: 80}))
	assert.Contains(t, buf.String(), "gave the same answer to all 11 questions they both answered.")
	assert.NotContains(t, buf.String(), "different")
}

func TestCompareDifferences(t *testing.T) {
	b := templateBank(t)
	other := map[string]any{}
	for k, v := range fullAnswers {
		other[k] = v
	}
	other["closeness"] = 2.0
	other["feel_heard"] = 5.0
	other["feel_safe"] = false
	other["seeing_counselor"] = false // so counselor_helps is not asked
	delete(other, "weeks_since")
	c := newComparison(nil, b, compareSide(t, b, "Sam", fullAnswers), compareSide(t, b, "Alex", other))

	byID := map[string]CompareQuestion{}
	for _, q := range c.Questions {
		byID[q.ID] = q
	}
	require.NotNil(t, byID["closeness"].Difference)
	assert.Equal(t, -3.0, *byID["closeness"].Difference)
	assert.Equal(t, 1.0, *byID["feel_heard"].Difference)
	assert.False(t, *byID["feel_safe"].Same)
	assert.Equal(t, "No", byID["feel_safe"].B.Label)
	assert.Equal(t, AnswerNotAsked, byID["counselor_helps"].B.State)
	assert.Equal(t, AnswerMissing, byID["weeks_since"].B.State)
	assert.Nil(t, byID["weeks_since"].Same)
	assert.Equal(t, "5", byID["closeness"].A.Label)
	assert.Equal(t, "2", byID["closeness"].B.Label)
	assert.Equal(t, "Friends, Family", byID["support_from"].A.Label)
	assert.Equal(t, "Sometimes", byID["honest_talks"].A.Label)
	assert.Equal(t, []scoring.FlagResult{}, c.Flags.A)
	require.Len(t, c.Flags.B, 1)
	assert.Equal(t, "not_safe", c.Flags.B[0].ID)

	var buf bytes.Buffer
	require.NoError(t, Compare(&buf, b, compareSide(t, b, "Sam", fullAnswers), compareSide(t, b, "Alex", other), CompareOptions{Format: "text", Width: 80}))
	out := buf.String()
	assert.Contains(t, out, "≠ different: Alex is 3 lower")
	assert.Contains(t, out, "Alex   14 (urgent flag)", "a comparison is for the counselor: every score, after the flags, marked instead of banded")
	assert.Less(t, strings.Index(out, "Your safety comes first (urgent)"), strings.Index(out, "Alex   14"), "the flags come first")
	assert.Contains(t, out, "Sam    19 (Some solid ground)")
	assert.Contains(t, out, "Alex   Your safety comes first (urgent)")
	assert.Less(t, bytes.Index(buf.Bytes(), []byte("Flags")), bytes.Index(buf.Bytes(), []byte("Scores")), "flags come before scores")

	buf.Reset()
	require.NoError(t, Compare(&buf, b, compareSide(t, b, "Sam", fullAnswers), compareSide(t, b, "Alex", other), CompareOptions{Format: "text", Width: 80, ASCII: true}))
	assert.Contains(t, buf.String(), "<> different: Alex is 3 lower")
	for _, r := range buf.String() {
		require.Less(t, r, rune(128), "ASCII output has %q", r)
	}
}

func TestCompareSanitizesNamesAndAnswers(t *testing.T) {
	b := templateBank(t)
	a := compareSide(t, b, "Sam\x1b[2J", map[string]any{"anything_else": "hi\x1b]0;pwned\x07"})
	var buf bytes.Buffer
	for _, f := range []string{"text", "markdown"} {
		buf.Reset()
		require.NoError(t, Compare(&buf, b, a, a, CompareOptions{Format: f, Width: 60}))
		assert.NotContains(t, buf.String(), "\x1b", f)
		assert.NotContains(t, buf.String(), "\x07", f)
	}
}
