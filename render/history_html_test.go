package render

import (
	"bytes"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestHistoryHTMLGolden(t *testing.T) {
	b, entries := outcomeWeeks(t)
	var buf bytes.Buffer
	require.NoError(t, History(&buf, b, entries, HistoryOptions{Format: "html"}))
	out := buf.String()
	golden(t, "history/outcome-measure.html", out)
	assert.NotContains(t, out, "<script", "no script")
	assert.Contains(t, out, documentCSP, "the CSP of every candor page")
	assert.Equal(t, 3, strings.Count(out, "<svg"), "one chart per score")
	assert.Equal(t, 3, strings.Count(out, "<table>"), "each chart has its table")
	assert.Contains(t, out, `role="img" aria-labelledby="chart-1-title chart-1-desc"`)
	assert.Contains(t, out, `stroke-dasharray="6 4"`, "the cut-off is drawn")
	assert.Contains(t, out, "@media print")
	// The unsafe week (5) is crossed at the foot, never drawn on the line.
	assert.Contains(t, out, "<title>2026-09-29: urgent flag, left out</title>")
}

func TestHistoryHTMLWithoutChange(t *testing.T) {
	b, entries := historySet(t)
	var buf bytes.Buffer
	require.NoError(t, History(&buf, b, entries, HistoryOptions{Format: "html"}))
	golden(t, "history/template.html", buf.String())
	assert.NotContains(t, buf.String(), "cut-off")
}

func TestCompareHTMLGolden(t *testing.T) {
	b := loadBank(t, "session-check")
	a := compareSide(t, b, "Sam", map[string]any{"feel_safe": true, "heard": 5.0, "goals": 6.0, "approach": 6.0, "overall": 6.0})
	c := compareSide(t, b, "Alex", map[string]any{"feel_safe": true, "heard": 9.0, "goals": 8.0, "approach": 8.0, "overall": 9.0})
	var buf bytes.Buffer
	require.NoError(t, Compare(&buf, b, a, c, CompareOptions{Format: "html"}))
	out := buf.String()
	golden(t, "compare/session-check.html", out)
	assert.Contains(t, out, "Split alliance: Sam&#39;s rating is below the bank&#39;s alert level of 7 while Alex&#39;s holds.")
	assert.Equal(t, 1, strings.Count(out, "<svg"), "the diverging bar chart")
	assert.NotContains(t, out, "<script")
}
