package render

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/candor-app/candor/data"
	"github.com/candor-app/candor/questionnaire"
	"github.com/candor-app/candor/scoring"
	"github.com/candor-app/candor/words"
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

// TestCompareDates: each side says the day it was answered (started, else last updated) as
// the reader's language writes it, in UTC as the JSON; the JSON keeps the times.
func TestCompareDates(t *testing.T) {
	b := templateBank(t)
	side := func(name, file string, started, updated time.Time, status questionnaire.Status) CompareSide {
		s := compareSide(t, b, name, fullAnswers)
		s.Response = &questionnaire.Response{File: file, Started: started, Updated: updated, Status: status}
		s.Result.Status = status
		return s
	}
	sam := side("Sam", "sam.yaml", time.Date(2026, 11, 22, 23, 30, 0, 0, time.FixedZone("", -2*3600)), time.Time{}, questionnaire.Completed)
	alex := side("Alex", "", time.Time{}, time.Date(2026, 9, 1, 8, 0, 0, 0, time.UTC), questionnaire.InProgress)
	tests := []struct {
		lang, format string
		want         []string
	}{
		{"en", "text", []string{"sam.yaml, answered 23 Nov 2026", "answered 1 Sep 2026 (not finished)"}},
		{"en", "markdown", []string{"**Sam**: sam.yaml, answered 23 Nov 2026", "**Alex**: answered 1 Sep 2026 (not finished)"}},
		{"es", "text", []string{"sam.yaml, respondido el 23 nov 2026", "respondido el 1 sept 2026 (sin terminar)"}},
		{"es", "markdown", []string{"**Sam**: sam.yaml, respondido el 23 nov 2026", "**Alex**: respondido el 1 sept 2026 (sin terminar)"}},
		{"es", "json", []string{`"started": "2026-11-22T23:30:00-02:00"`, `"updated": "2026-09-01T08:00:00Z"`}},
	}
	for _, tc := range tests {
		t.Run(tc.lang+"/"+tc.format, func(t *testing.T) {
			var buf bytes.Buffer
			require.NoError(t, Compare(&buf, b, sam, alex, CompareOptions{Format: tc.format, Width: 80, Words: words.For(tc.lang)}))
			for _, w := range tc.want {
				assert.Contains(t, buf.String(), w)
			}
			if tc.format != "json" {
				assert.NotRegexp(t, `\d{4}-\d\d-\d\d`, buf.String(), "no ISO date for a person")
			}
		})
	}
}

// TestCompareAnswersInTheReadersNumbers: an answer's number and date are written as the
// reader's language writes them, the bank's label after a scale point kept as it is; the
// JSON keeps the answer and its plain label, for programs.
func TestCompareAnswersInTheReadersNumbers(t *testing.T) {
	b := templateBank(t)
	answers := map[string]any{}
	for id, v := range fullAnswers {
		answers[id] = v
	}
	answers["weeks_since"], answers["closeness"] = 2.5, 7.0 // last_good_talk is 2026-10-01
	tests := []struct {
		lang, format string
		want, not    []string
	}{
		{"en", "text", []string{"Sam    2.5\n", "Sam    7 (Very close)\n", "Sam    1 Oct 2026\n"}, []string{"2026-10-01"}},
		{"es", "text", []string{"Sam    2,5\n", "Sam    7 (Very close)\n", "Sam    1 oct 2026\n"}, []string{"2.5", "2026-10-01"}},
		{"es", "markdown", []string{"| 2,5 | 2,5 |", "| 7 (Very close) | 7 (Very close) |", "| 1 oct 2026 | 1 oct 2026 |"}, []string{"2.5", "2026-10-01"}},
		{"es", "json", []string{`"value": 2.5`, `"label": "2.5"`, `"label": "2026-10-01"`}, []string{"2,5", "1 oct 2026"}},
	}
	for _, tc := range tests {
		t.Run(tc.lang+"/"+tc.format, func(t *testing.T) {
			var buf bytes.Buffer
			require.NoError(t, Compare(&buf, b, compareSide(t, b, "Sam", answers), compareSide(t, b, "Alex", answers),
				CompareOptions{Format: tc.format, Width: 80, Words: words.For(tc.lang)}))
			for _, w := range tc.want {
				assert.Contains(t, buf.String(), w)
			}
			for _, w := range tc.not {
				assert.NotContains(t, buf.String(), w)
			}
		})
	}
}
