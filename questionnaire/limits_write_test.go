package questionnaire

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/candor-app/candor/internal/yamlpos"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// textBank has n optional text questions t1..tn.
func textBank(t *testing.T, n int) *Bank {
	t.Helper()
	var b strings.Builder
	b.WriteString("candor: 1\nid: texts\nversion: 1.0.0\ntitle: Texts\nquestions:\n")
	for i := 1; i <= n; i++ {
		fmt.Fprintf(&b, "  - {id: t%d, type: text, text: \"Say something?\"}\n", i)
	}
	bank, ds := Load("texts.yaml", []byte(b.String()))
	require.NotNil(t, bank, "%v", ds)
	return bank
}

// TestCheckAnswerFits: the writer holds the reader's limits. Answers are given one by one
// as a session does (CheckAnswerFits, then SetAnswer and Marshal); every file written reads
// back, and the answer that would make it unreadable is refused with the limit it would
// pass. Before, 45 answers of 9 999 characters with commas (past 200 000 lines, commas and
// brackets) or 150 long CJK answers (4.5 MB) were saved and then refused by every reader.
func TestCheckAnswerFits(t *testing.T) {
	cases := []struct {
		name   string
		answer string
		n      int
		limit  string
	}{
		{"commas", strings.Repeat("a,", MaxTextAnswer/2-1) + "a", 45, "lines, commas and brackets"},
		{"CJK", strings.Repeat("心", MaxTextAnswer), 150, "4 MiB"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			require.LessOrEqual(t, len([]rune(c.answer)), MaxTextAnswer, "each answer alone is allowed")
			b := textBank(t, c.n)
			r := NewResponse(b, time.Date(2026, 11, 22, 9, 0, 0, 0, time.UTC))
			kept := 0
			var refused error
			for _, q := range b.Questions {
				if err := CheckAnswerFits(r, b, q, c.answer); err != nil {
					refused = err
					break
				}
				r.SetAnswer(q.ID, c.answer)
				out, err := r.Marshal(b)
				require.NoError(t, err, "an answer CheckAnswerFits let through is written")
				kept++
				if kept%10 == 0 || CheckAnswerFits(r, b, q, c.answer) != nil {
					// (reading every file back takes seconds; every tenth, and the last)
					back, ds := ReadResponse("r.yaml", out)
					require.NotNil(t, back, "after %d answers: %v", kept, ds)
					require.False(t, ds.HasErrors())
				}
			}
			require.Error(t, refused, "the answers that fit are refused once they would not")
			var tl *AnswerTooLargeError
			require.True(t, errors.As(refused, &tl))
			assert.Contains(t, refused.Error(), c.limit)
			assert.Greater(t, kept, c.n/2, "most of the answers fit")
			// The one refused would indeed have made the file unreadable (or come within
			// CheckAnswerFits's small margin of it).
			r.SetAnswer(b.Questions[kept].ID, c.answer)
			out, err := r.Marshal(b)
			var tooLarge *TooLargeError
			if err == nil {
				assert.True(t, len(out)+answerSlack > MaxFileSize || yamlpos.SyntaxCount(out)+answerSlack/16 > yamlpos.MaxNodes, "within the margin of a limit")
			} else {
				assert.True(t, errors.As(err, &tooLarge), "%v", err)
			}
		})
	}
}

// TestMarshalRefusesPastLimits: Marshal never writes a file its readers refuse.
func TestMarshalRefusesPastLimits(t *testing.T) {
	b := textBank(t, 3)
	r := NewResponse(b, time.Now())
	r.SetAnswer("t1", strings.Repeat("x", 3<<20))
	_, err := r.Marshal(b)
	require.NoError(t, err)
	r.SetAnswer("t2", strings.Repeat("x", 2<<20))
	_, err = r.Marshal(b)
	var tl *TooLargeError
	require.True(t, errors.As(err, &tl), "%v", err)
	assert.Equal(t, "the file would be larger than the 4 MiB candor reads back", err.Error())
	r.SetAnswer("t2", nil)
	r.SetAnswer("t1", strings.Repeat(",", yamlpos.MaxNodes))
	_, err = r.Marshal(b)
	assert.EqualError(t, err, "the file would have more than the 200000 lines, commas and brackets candor reads back")
}

// TestResumeRewriteFits: a response whose aliases repeat a text with commas reads (its
// values and text are under the limits) but would be written back past them: Marshal
// refuses it, so `take --resume` says so before changing anything. (A 1 MB response with
// aliases was rewritten as 10.5 MB before.)
func TestResumeRewriteFits(t *testing.T) {
	b := textBank(t, 2)
	var src strings.Builder
	src.WriteString("candor: 1\nkind: response\nbank: {id: texts, version: 1.0.0}\nanswers:\n  t1: &c \"" + strings.Repeat(",", 5000) + "\"\n")
	for i := 0; i < 50; i++ {
		fmt.Fprintf(&src, "  other%d: *c\n", i)
	}
	r, ds := ReadResponse("r.yaml", []byte(src.String()))
	require.NotNil(t, r, "%v", ds)
	_, err := r.Marshal(b)
	assert.EqualError(t, err, "the file would have more than the 200000 lines, commas and brackets candor reads back")
}
