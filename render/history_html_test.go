package render

import (
	"bytes"
	"encoding/json"
	"fmt"
	"html"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/candor-app/candor/scoring/change"
	"github.com/candor-app/candor/words"
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
	assert.Contains(t, out, "<title>29 Sep 2026: urgent flag, left out</title>")
}

// The dates under a chart's axis: the first and the last always, at most 8, and never one
// running into the next, however many responses, in English and Spanish; when two share a
// day, each with its time of day on a second line.
func TestHistoryChartDatesNeverOverlap(t *testing.T) {
	b := templateBank(t)
	axisDate := regexp.MustCompile(`<text x="([0-9.]+)" y="` + svgNum(chartTop+plotH+18) + `" text-anchor="middle">([^<]*)(?:<tspan x="([0-9.]+)" dy="1.2em">([^<]*)</tspan>)?</text>`)
	for _, lang := range []string{"en", "es"} {
		for _, sameDay := range []bool{false, true} {
			for n := 1; n <= 30; n++ {
				t.Run(fmt.Sprintf("%s/same day %v/%d", lang, sameDay, n), func(t *testing.T) {
					var entries []HistoryEntry
					for i := range n {
						d := time.Date(2026, 9, 20, 9, 0, 0, 0, time.UTC).AddDate(0, 0, 7*i)
						if sameDay {
							d = time.Date(2026, 9, 20, 9, 0, 0, 0, time.UTC).AddDate(0, 0, 7*(i/2)).Add(time.Duration(i%2) * 8 * time.Hour)
						}
						entries = append(entries, historyEntry(t, b, "", d, d, fullAnswers))
					}
					p := words.For(lang)
					var buf bytes.Buffer
					require.NoError(t, History(&buf, b, entries, HistoryOptions{Format: "html", Words: p}))
					dates := historyDates(p, entries)
					chart := buf.String()[:strings.Index(buf.String(), "</svg>")]
					labels := axisDate.FindAllStringSubmatch(chart, -1)
					require.NotEmpty(t, labels)
					assert.LessOrEqual(t, len(labels), 8)
					// A label is the day, and the time of day on a line of its own when two
					// responses share a day.
					says := func(l []string) string {
						if l[4] == "" {
							return html.UnescapeString(l[2])
						}
						assert.Equal(t, l[1], l[3], "the time under its day")
						return p.T("%s, %s", html.UnescapeString(l[2]), l[4])
					}
					assert.Equal(t, dates[0], says(labels[0]), "the first date")
					assert.Equal(t, dates[n-1], says(labels[len(labels)-1]), "the last date")
					prevEnd := -1.0
					for _, l := range labels {
						assert.Equal(t, sameDay && n > 1, l[4] != "", "a time of day only when two responses share a day")
						x, err := strconv.ParseFloat(l[1], 64)
						require.NoError(t, err)
						w := labelWidth(html.UnescapeString(l[2]))
						assert.GreaterOrEqual(t, x-w/2, 0.0, "%q inside the chart", l[2])
						assert.LessOrEqual(t, x+w/2, chartW, "%q inside the chart", l[2])
						if prevEnd >= 0 {
							assert.GreaterOrEqual(t, x-w/2, prevEnd+labelGap, "%q runs into the date before it", l[2])
						}
						prevEnd = x + w/2
					}
				})
			}
		}
	}
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

// TestCompareSplitByFall: with each partner's previous rating known, a split alliance is a
// fall (a drop of alert.drop or more, or below the level) on one side while the other held;
// the JSON says what fell and by how much, the text which rule applied.
func TestCompareSplitByFall(t *testing.T) {
	b := loadBank(t, "session-check")
	rate := func(name string, v float64) CompareSide {
		return compareSide(t, b, name, map[string]any{"feel_safe": true, "heard": v, "goals": v, "approach": v, "overall": v})
	}
	tests := []struct {
		name      string
		sam, alex [2]float64 // previous, now
		want      string
		fell      string
		fall      float64
		kinds     []change.AlertKind
	}{
		{"a drop above the level", [2]float64{9, 7}, [2]float64{8, 8}, "Split alliance: Sam's rating fell by 2 since their previous rating (9 to 7), while Alex's held (not down by 1.5 or more since their previous rating, nor below 7).", "a", 2, []change.AlertKind{change.AlertDrop}},
		{"below and a drop", [2]float64{8, 8}, [2]float64{8, 5}, "Split alliance: Alex's rating fell by 3 since their previous rating (8 to 5), below the bank's alert level of 7, while Sam's held", "b", 3, []change.AlertKind{change.AlertBelow, change.AlertDrop}},
		{"below while rising", [2]float64{5, 6}, [2]float64{9, 9}, "Split alliance: Sam's rating is below the bank's alert level of 7 (their previous rating was 5), while Alex's held", "a", -1, []change.AlertKind{change.AlertBelow}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, c := rate("Sam", tt.sam[1]), rate("Alex", tt.alex[1])
			a.Previous, c.Previous = rate("Sam", tt.sam[0]).Result, rate("Alex", tt.alex[0]).Result
			var txt, js bytes.Buffer
			require.NoError(t, Compare(&txt, b, a, c, CompareOptions{}))
			assert.Contains(t, strings.Join(strings.Fields(txt.String()), " "), tt.want)
			require.NoError(t, Compare(&js, b, a, c, CompareOptions{Format: "json"}))
			var got Comparison
			require.NoError(t, json.Unmarshal(js.Bytes(), &got))
			require.Len(t, got.SplitAlliance, 1)
			sp := got.SplitAlliance[0]
			assert.Equal(t, change.RuleFall, sp.Rule)
			assert.Equal(t, tt.fell, sp.Fell)
			require.NotNil(t, sp.Fall)
			assert.InDelta(t, tt.fall, *sp.Fall, 1e-9)
			var kinds []change.AlertKind
			for _, al := range sp.Alerts {
				kinds = append(kinds, al.Kind)
			}
			assert.Equal(t, tt.kinds, kinds)
		})
	}

	// Both fell by the drop: no split, though only one is below the level.
	a, c := rate("Sam", 6), rate("Alex", 7)
	a.Previous, c.Previous = rate("Sam", 8).Result, rate("Alex", 9).Result
	var buf bytes.Buffer
	require.NoError(t, Compare(&buf, b, a, c, CompareOptions{}))
	assert.NotContains(t, buf.String(), "Split alliance")
	// The same ratings with no previous known: the level alone.
	a.Previous, c.Previous = nil, nil
	buf.Reset()
	require.NoError(t, Compare(&buf, b, a, c, CompareOptions{}))
	assert.Contains(t, strings.Join(strings.Fields(buf.String()), " "), "Split alliance: Sam's rating is below the bank's alert level of 7 while Alex's holds. With no previous rating of each to compare, only the level is used.")
}
