package render

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/candor-app/candor/internal/text"
	"github.com/candor-app/candor/questionnaire"
	"github.com/candor-app/candor/scoring"
)

// Tests from the second review of the summary, compare and history.

func summaryOf(t *testing.T, b *questionnaire.Bank, side CompareSide, opt Options) string {
	t.Helper()
	var buf bytes.Buffer
	require.NoError(t, Summary(&buf, b, side.Result, opt))
	return buf.String()
}

func unsafeAnswers() map[string]any {
	a := map[string]any{}
	for k, v := range fullAnswers {
		a[k] = v
	}
	a["feel_safe"] = false
	return a
}

func TestSummaryDropsOutroWhileUrgent(t *testing.T) {
	b := templateBank(t)
	outro := firstWords(b.Outro)
	require.NotEmpty(t, outro)
	for _, format := range []string{"text", "markdown"} {
		t.Run(format, func(t *testing.T) {
			safe := summaryOf(t, b, compareSide(t, b, "", fullAnswers), Options{Format: format})
			assert.Contains(t, safe, outro, "the closing words end a summary without an urgent flag")

			unsafe := compareSide(t, b, "", unsafeAnswers())
			require.True(t, unsafe.Result.Urgent())
			out := summaryOf(t, b, unsafe, Options{Format: format})
			assert.NotContains(t, out, outro, "no closing words while an urgent flag is raised")
			assert.Contains(t, out, "Your safety comes first")
		})
	}
}

func TestSummaryShowsOwnWords(t *testing.T) {
	b := templateBank(t)
	q := b.Question("anything_else")
	require.NotNil(t, q)
	answers := unsafeAnswers()
	answers["feel_safe"] = true
	answers["anything_else"] = "I want us to try,\x1b[2J and I am scared."
	for _, format := range []string{"text", "markdown"} {
		t.Run(format, func(t *testing.T) {
			out := summaryOf(t, b, compareSide(t, b, "", answers), Options{Format: format})
			heading := strings.Index(out, "In your own words")
			require.GreaterOrEqual(t, heading, 0, out)
			assert.Contains(t, out[heading:], firstWords(q.Text))
			assert.Contains(t, out[heading:], "I want us to try")
			assert.NotContains(t, out, "\x1b", "the answer is sanitized")
			closer := strings.Index(out, "A closer look")
			require.GreaterOrEqual(t, closer, 0)
			assert.Less(t, closer, heading, "after the scores")
			if n := strings.Index(out, "Worth noticing"); n >= 0 {
				assert.Less(t, heading, n, "before the notes")
			}
			assert.Less(t, heading, strings.Index(out, "Sources"))
		})
	}

	t.Run("kept while urgent", func(t *testing.T) {
		a := unsafeAnswers()
		a["anything_else"] = "Please call me first."
		out := summaryOf(t, b, compareSide(t, b, "", a), Options{})
		assert.Contains(t, out, "In your own words")
		assert.Contains(t, out, "Please call me first.")
	})
	t.Run("left out when not answered", func(t *testing.T) {
		a := unsafeAnswers()
		a["feel_safe"] = true
		delete(a, "anything_else")
		out := summaryOf(t, b, compareSide(t, b, "", a), Options{})
		assert.NotContains(t, out, "In your own words")
	})
	t.Run("wrapped and indented", func(t *testing.T) {
		a := unsafeAnswers()
		a["feel_safe"] = true
		a["anything_else"] = strings.Repeat("words that go on ", 20)
		out := summaryOf(t, b, compareSide(t, b, "", a), Options{Width: 40})
		for _, l := range strings.Split(out, "\n") {
			assert.LessOrEqual(t, text.Width(l), 40, l)
			if strings.Contains(l, "words that go on") {
				assert.True(t, strings.HasPrefix(l, "    "), "indented: %q", l)
			}
		}
	})
	t.Run("not in json", func(t *testing.T) {
		a := unsafeAnswers()
		a["anything_else"] = "private words"
		out := summaryOf(t, b, compareSide(t, b, "", a), Options{Format: "json"})
		assert.NotContains(t, out, "private words")
	})
}

func TestSummarySourceNamesTheFileRead(t *testing.T) {
	b := templateBank(t)
	side := compareSide(t, b, "", fullAnswers)
	for _, format := range []string{"text", "markdown"} {
		out := summaryOf(t, b, side, Options{Format: format, Source: "sam.yaml", SavedTo: "elsewhere.yaml"})
		assert.Contains(t, out, "Answers from", format)
		assert.Contains(t, out, "sam.yaml", format)
		assert.NotContains(t, out, "saved in", format)
		assert.NotContains(t, out, "elsewhere.yaml", format)

		out = summaryOf(t, b, side, Options{Format: format, SavedTo: "elsewhere.yaml"})
		assert.Contains(t, out, "Your answers are saved in", format)
		assert.NotContains(t, out, "Answers from", format)
	}
	unsafe := summaryOf(t, b, compareSide(t, b, "", unsafeAnswers()), Options{Source: "sam.yaml"})
	assert.NotContains(t, unsafe, "kept with your answers", "a counselor reading a file is not told the scores are kept for them")
}

func TestCompareCounselorOnly(t *testing.T) {
	b := templateBank(t)
	for _, tc := range []struct {
		name    string
		a, b    map[string]any
		counsel bool
	}{
		{"neither", fullAnswers, fullAnswers, false},
		{"first", unsafeAnswers(), fullAnswers, true},
		{"second", fullAnswers, unsafeAnswers(), true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a, c := compareSide(t, b, "Sam", tc.a), compareSide(t, b, "Alex", tc.b)
			for _, format := range []string{"text", "markdown"} {
				var buf bytes.Buffer
				require.NoError(t, Compare(&buf, b, a, c, CompareOptions{Format: format}))
				out := buf.String()
				if !tc.counsel {
					assert.NotContains(t, out, "counselor only", format)
					continue
				}
				i := strings.Index(out, "For the counselor only")
				require.GreaterOrEqual(t, i, 0, format)
				assert.Less(t, i, strings.Index(out, text.Clean(b.Title)), "%s: the note comes first", format)
				assert.Contains(t, strings.Join(strings.Fields(out), " "), "joint session", format)
			}
			var buf bytes.Buffer
			require.NoError(t, Compare(&buf, b, a, c, CompareOptions{Format: "json"}))
			var got map[string]any
			require.NoError(t, json.Unmarshal(buf.Bytes(), &got))
			assert.Equal(t, tc.counsel, got["counselor_only"])
		})
	}
}

func TestCompareCarriesWarnings(t *testing.T) {
	b := templateBank(t)
	a, c := compareSide(t, b, "Sam", fullAnswers), compareSide(t, b, "Alex", fullAnswers)
	a.Result.Warnings = append(a.Result.Warnings, scoring.Warning{Code: scoring.FromFile, Text: "the response was given to version 0.9 of \"template\""})
	var buf bytes.Buffer
	require.NoError(t, Compare(&buf, b, a, c, CompareOptions{Format: "json"}))
	var got struct {
		A, B struct{ Warnings []string }
	}
	require.NoError(t, json.Unmarshal(buf.Bytes(), &got))
	assert.Equal(t, []string{"the response was given to version 0.9 of \"template\""}, got.A.Warnings)
	assert.NotNil(t, got.B.Warnings)
	assert.Empty(t, got.B.Warnings)
	assert.Contains(t, buf.String(), `"warnings": []`, "always a list")
	for _, format := range []string{"text", "markdown"} {
		buf.Reset()
		require.NoError(t, Compare(&buf, b, a, c, CompareOptions{Format: format}))
		assert.Contains(t, buf.String(), "version 0.9", format)
		assert.Contains(t, buf.String(), "About this comparison", format)
	}
}

func TestHistoryCSVKeepsBandsAndAddsFlags(t *testing.T) {
	b := templateBank(t)
	safe := historyEntry(t, b, "w1.yaml", day(1), day(1), fullAnswers)
	unsafe := historyEntry(t, b, "w2.yaml", day(8), day(8), unsafeAnswers())
	require.True(t, unsafe.Result.Urgent())
	var buf bytes.Buffer
	require.NoError(t, History(&buf, b, []HistoryEntry{safe, unsafe}, HistoryOptions{Format: "csv"}))
	rows, err := csv.NewReader(&buf).ReadAll()
	require.NoError(t, err)
	require.Len(t, rows, 3)
	head := rows[0]
	n := len(head)
	require.GreaterOrEqual(t, n, 4)
	assert.Equal(t, []string{"flags", "outcome", "outcome_open_on", "unanswered_safety", "safety"}, head[n-5:])
	n -= 3 // the flags and the outcome are before outcome_open_on, unanswered_safety and safety
	assert.Equal(t, "unsafe", rows[2][len(head)-1], "the unsafe row is marked")
	for _, row := range rows[1:] {
		assert.NotContains(t, strings.Join(row, ","), "set aside", "the band stays exact")
	}
	var ids []string
	for _, f := range unsafe.Result.Flags {
		ids = append(ids, f.ID)
	}
	assert.Equal(t, strings.Join(ids, " "), rows[2][n-2])
	assert.True(t, strings.HasPrefix(rows[2][n-2], "not_safe"), "urgent first")
	require.NotNil(t, unsafe.Result.Outcome)
	assert.Equal(t, unsafe.Result.Outcome.ID, rows[2][n-1])
	for i, s := range unsafe.Result.Scores {
		if s.Band != nil {
			assert.Equal(t, *s.Band, rows[2][6+2*i+1], "band of %s", s.ID)
		}
	}
}

func TestCSVCell(t *testing.T) {
	for in, want := range map[string]string{
		"plain": "plain", "=1+2": "'=1+2", "+x": "'+x", "-x": "'-x", "@x": "'@x",
		"a\x1b[2Jb": "a[2Jb", "": "",
		"fine;=9+9;":         "fine;'=9+9;",
		"Sam\t=2+2\t":        "Sam\t'=2+2\t",
		"\t=1":               "'\t'=1",
		"a,@SUM(A1)":         "a,'@SUM(A1)",
		"one\n-2+3":          "one\n'-2+3",
		";\t=x":              ";'\t'=x",
		"-3":                 "-3",
		"+2.5":               "+2.5",
		"1e-3":               "1e-3",
		"-3 days":            "'-3 days",
		"a-b=c":              "a-b=c",
		"Strongly agree; -2": "Strongly agree; -2",
	} {
		got := CSVCell(in)
		if in == "a\x1b[2Jb" {
			assert.NotContains(t, got, "\x1b")
			continue
		}
		assert.Equal(t, want, got, in)
	}
}

// TestCSVCellHoweverSplit: written by encoding/csv and split again on a comma, a semicolon
// or a tab, honouring quotes or not, no part of a hostile cell starts with a formula
// character (OWASP), unless it is a plain number.
func TestCSVCellHoweverSplit(t *testing.T) {
	hostile := []string{"fine;=9+9;", "Sam\t=2+2\t", "\t=1", "=HYPERLINK(\"x\")", "a,+1", "x\r\n@y", ";;=z", "\"=1\"", " =1", "a;\t;-b", "\x00=1"}
	var buf strings.Builder
	cw := csv.NewWriter(&buf)
	for _, h := range hostile {
		require.NoError(t, cw.Write([]string{"r", CSVCell(h), "1"}))
	}
	cw.Flush()
	for _, sep := range []rune{',', ';', '\t'} {
		// As a spreadsheet that honours quotes reads it.
		cr := csv.NewReader(strings.NewReader(buf.String()))
		cr.Comma, cr.LazyQuotes, cr.FieldsPerRecord = sep, true, -1
		rows, err := cr.ReadAll()
		require.NoError(t, err)
		var cells []string
		for _, row := range rows {
			cells = append(cells, row...)
		}
		// As one that does not: every line split on the separator, quotes kept.
		for _, line := range strings.FieldsFunc(buf.String(), func(r rune) bool { return r == '\n' || r == '\r' }) {
			cells = append(cells, strings.Split(line, string(sep))...)
		}
		for _, c := range cells {
			if c == "" || plainNumber.MatchString(c) {
				continue
			}
			assert.False(t, csvFormulaStart([]rune(c)[0]), "split on %q, a cell starts with a formula character: %q", sep, c)
		}
	}
}

func TestHistoryMarkdown(t *testing.T) {
	b := templateBank(t)
	entries := []HistoryEntry{
		historyEntry(t, b, "w2.yaml", day(8), day(8), unsafeAnswers()),
		historyEntry(t, b, "w1.yaml", day(1), day(1), fullAnswers),
	}
	entries[0].Result.Warnings = append(entries[0].Result.Warnings, scoring.Warning{Code: scoring.FromFile, Text: "answer to \"gone\", which bank \"template\" does not have"})
	var buf bytes.Buffer
	require.NoError(t, History(&buf, b, entries, HistoryOptions{Format: "markdown"}))
	out := buf.String()
	assert.True(t, strings.HasPrefix(out, "# "), out)
	assert.Contains(t, out, "## Scores by date")
	assert.Contains(t, out, "| Date |")
	assert.Contains(t, out, "| 1 Oct 2026 |")
	table := out[strings.Index(out, "## Scores by date"):]
	assert.Less(t, strings.Index(table, "| 1 Oct 2026"), strings.Index(table, "| 8 Oct 2026"), "oldest first")
	assert.Contains(t, out, "```\n")
	assert.Equal(t, 0, strings.Count(out, "```")%2, "code blocks are closed")
	assert.Contains(t, out, "## Flags")
	assert.Contains(t, out, "does not have", "warnings are shown")
	golden(t, "history/template.md", out)
}

func TestHistoryTextShowsWarnings(t *testing.T) {
	b := templateBank(t)
	e := historyEntry(t, b, "w1.yaml", day(1), day(1), fullAnswers)
	e.Result.Warnings = append(e.Result.Warnings, scoring.Warning{Code: scoring.FromFile, Text: "bank \"template\" has changed since this response was given"})
	var buf bytes.Buffer
	require.NoError(t, History(&buf, b, []HistoryEntry{e}, HistoryOptions{}))
	assert.Contains(t, buf.String(), "About these responses")
	assert.Contains(t, buf.String(), "1 Oct 2026 (w1.yaml): bank")
}
