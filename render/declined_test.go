package render

import (
	"bytes"
	"encoding/csv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/candor-app/candor/questionnaire"
	"github.com/candor-app/candor/scoring"
	"github.com/candor-app/candor/words"
)

// declinedResult scores testdata/banks/declined.yaml with the safety question and one item
// declined ("rather not say").
func declinedResult(t *testing.T) (*questionnaire.Bank, *scoring.Result) {
	t.Helper()
	b := loadBank(t, "declined.yaml")
	r := scoring.Score(b, questionnaire.Answers{"q1": 4.0, "q2": 4.0, "sleep": true},
		scoring.Options{Declined: []string{"feel_safe", "q3"}})
	return b, r
}

// TestDeclinedGolden: a declined answer in every format: the JSON lists it apart from the
// unanswered ones (`declined`), the summary says "rather not say" (to the person, and to a
// counselor with the ids), and the declined safety question is still open.
func TestDeclinedGolden(t *testing.T) {
	b, r := declinedResult(t)
	for _, tc := range []struct {
		file string
		opt  Options
	}{
		{"declined.json", Options{Format: "json"}},
		{"declined.txt", Options{Format: "text", Width: 80, Date: fixedDate}},
		{"declined-counselor.txt", Options{Format: "text", Width: 80, Date: fixedDate, Counselor: true, Source: "week.yaml"}},
		{"declined.md", Options{Format: "markdown", Date: fixedDate}},
		{"declined.html", Options{Format: "html", Date: fixedDate}},
		// candor's words in Spanish around an English bank's.
		{"es/declined.txt", Options{Format: "text", Width: 80, Date: fixedDate, Words: words.For("es")}},
		{"es/declined-counselor.txt", Options{Format: "text", Width: 80, Date: fixedDate, Counselor: true, Source: "week.yaml", Words: words.For("es")}},
	} {
		t.Run(tc.file, func(t *testing.T) {
			var buf bytes.Buffer
			require.NoError(t, Summary(&buf, b, r, tc.opt))
			golden(t, "summary/"+tc.file, buf.String())
		})
	}
}

// TestDeclinedCSV: a bank that lets questions be declined has a declined column; one that
// does not keeps its columns as they were.
func TestDeclinedCSV(t *testing.T) {
	b, r := declinedResult(t)
	assert.Equal(t, []string{"file", "week_value", "week_band", "flags", "outcome", "outcome_open_on", "unanswered_safety", "declined"}, CSVHeader(b, "file"))
	// The declined safety question is open: no verdict, and it decides one.
	assert.Equal(t, []string{"w.yaml", "4", "A steadier week", "", "", "feel_safe", "feel_safe", "feel_safe q3"}, CSVRow(r, "w.yaml"))
	none := scoring.Score(b, questionnaire.Answers{"feel_safe": true, "q1": 4.0}, scoring.Options{Skipped: []string{"q2"}})
	assert.Equal(t, []string{"w.yaml", "", "", "", "noted", "", "", ""}, CSVRow(none, "w.yaml"), "nothing declined: an empty cell, as a skip leaves it")

	var buf bytes.Buffer
	cw := csv.NewWriter(&buf)
	require.NoError(t, cw.Write(CSVHeader(b, "file")))
	require.NoError(t, cw.Write(CSVRow(r, "w.yaml")))
	require.NoError(t, cw.Write(CSVRow(none, "n.yaml")))
	cw.Flush()
	golden(t, "summary/declined.csv", buf.String())

	plain := &questionnaire.Bank{Scores: []*questionnaire.Score{{ID: "a"}}}
	assert.Equal(t, []string{"a_value", "a_band", "flags", "outcome", "outcome_open_on", "unanswered_safety"}, CSVHeader(plain))
}

// TestCompareDeclined: compare shows a declined answer as "(rather not say)", its state
// declined, apart from a skip.
func TestCompareDeclined(t *testing.T) {
	b := loadBank(t, "declined.yaml")
	side := func(name string, answers questionnaire.Answers, resp *questionnaire.Response) CompareSide {
		return CompareSide{Name: name, Answers: answers, Response: resp,
			Result: scoring.Score(b, answers, scoring.Options{Skipped: resp.Skipped, Declined: resp.Declined})}
	}
	ra := &questionnaire.Response{Declined: []string{"q3"}}
	rb := &questionnaire.Response{Skipped: []string{"q3"}}
	a := side("Sam", questionnaire.Answers{"feel_safe": true, "q1": 4.0, "q2": 4.0, "sleep": true}, ra)
	c := newComparison(nil, b, a, side("Alex", questionnaire.Answers{"feel_safe": true, "q1": 3.0, "q2": 4.0, "sleep": true}, rb))
	var q3 CompareQuestion
	for _, q := range c.Questions {
		if q.ID == "q3" {
			q3 = q
		}
	}
	assert.Equal(t, AnswerDeclined, q3.A.State)
	assert.Equal(t, AnswerSkipped, q3.B.State)
	var buf bytes.Buffer
	require.NoError(t, Compare(&buf, b, a, a, CompareOptions{Format: "text", Width: 100}))
	assert.Contains(t, buf.String(), "(rather not say)")
	buf.Reset()
	require.NoError(t, Compare(&buf, b, a, a, CompareOptions{Format: "json"}))
	assert.True(t, strings.Contains(buf.String(), `"state": "declined"`))
}

// TestWorksheetDecline: on paper, a question that may be declined says how.
func TestWorksheetDecline(t *testing.T) {
	b := loadBank(t, "declined.yaml")
	for _, format := range []string{"text", "markdown"} {
		var buf bytes.Buffer
		require.NoError(t, Worksheet(&buf, b, WorksheetOptions{Format: format}))
		out := strings.Join(strings.Fields(buf.String()), " ")
		assert.Equal(t, 4, strings.Count(out, `If you'd rather not answer, write "rather not say".`), format)
	}
	assert.True(t, questionnaire.DeclineText("rather not say"), "the words the worksheet gives are read back")
}
