package render

import (
	"fmt"
	"sort"
	"strings"

	"github.com/candor-app/candor/questionnaire"
	"github.com/candor-app/candor/scoring/change"
)

// historyTitle is the HTML history's <title>: neutral, as every candor page's (the topic is
// in the heading only).
const historyTitle = "History"

// historyHTML is `history --format html`: the flags and alerts first, the table of scores by
// date, then each score as a line chart with the same numbers in a table beside it, and the
// change judged as in text (docs/spec.md §4 "Change over time"). Offline, no script.
func historyHTML(b *questionnaire.Bank, entries []HistoryEntry, series []scoreSeries) string {
	h := &htmlOut{}
	dates := historyDates(entries)
	h.raw(`<article class="candor-report">`)
	h.el("h1", b.Title)
	h.el("p", historySubtitle(entries))
	if historyFlagged(entries) || historyAlerted(series) {
		h.raw(`<section class="candor-flags">`)
		h.el("h2", "Flags")
		h.raw(`<ul>`)
		for i, e := range entries {
			for _, f := range append(flagLines(nil, b, e.Result), alertLines(b, entries, series, i)...) {
				h.raw(`<li><strong>` + esc(dates[i]) + `</strong>: ` + esc(oneLine(f)) + `</li>`)
			}
		}
		h.raw(`</ul>`)
		h.raw(`</section>`)
	}
	if len(b.Scores) == 0 {
		h.el("p", "This bank has no scores, so there is nothing to follow over time.")
	}
	for i := range b.Scores {
		s := seriesOf(series, i)
		h.raw(`<section>`)
		h.el("h2", historyLabel(entries, i))
		svg := historyChartSVG(entries, dates, i, s, fmt.Sprintf("chart-%d", i+1))
		if svg == "" {
			h.el("p", "No response has enough answers for this score yet.")
			h.raw(`</section>`)
			continue
		}
		h.raw(`<figure>`)
		h.raw(strings.TrimRight(svg, "\n"))
		var caption []string
		if legend := histLegend(entries[0].Result.Scores[i]); legend != "" {
			caption = append(caption, legend)
		}
		if c := histChange(entries, i); c != "" {
			caption = append(caption, c)
		}
		num := func(v float64) string { return histNumber(entries[0].Result.Scores[i], v) }
		caption = append(caption, changeSummary(s, dates, num)...)
		if key := chartKey(entries, s); key != "" {
			caption = append(caption, key)
		}
		h.raw(`<figcaption>`)
		for _, c := range caption {
			h.el("p", c)
		}
		h.raw(`</figcaption>`)
		h.raw(`</figure>`)
		h.historyTable(entries, dates, i, s)
		h.raw(`</section>`)
	}
	if note := historyMarkedNote(entries); note != "" {
		h.raw(`<p class="candor-note">` + esc(note) + `</p>`)
	}
	if note := noReliabilityNote(b); note != "" && len(b.Scores) > 0 {
		h.raw(`<p class="candor-note">` + esc(note) + `</p>`)
	}
	if ws := historyWarnings(b, entries, dates); len(ws) > 0 {
		h.el("h2", "About these responses")
		h.raw(`<ul>`)
		for _, w := range ws {
			h.el("li", w)
		}
		h.raw(`</ul>`)
	}
	h.raw(`</article>`)
	return htmlDocument(b, historyTitle, chartCSS, h.b.String())
}

// chartKey says what a history chart's marks mean: "" when it has none but the line.
func chartKey(entries []HistoryEntry, s *scoreSeries) string {
	var parts []string
	if s != nil && s.Cutoff != nil {
		parts = append(parts, "the dashed line is the cut-off")
	}
	if s != nil && s.Change.HasReliability() {
		parts = append(parts, "a triangle marks a reliable change since the response before, pointing the way the score moved: outlined for an improvement, filled for a deterioration, with a ring around the point when recovered")
	}
	for _, e := range entries {
		if e.Result.Unsafe() {
			parts = append(parts, "a dotted line with a cross at the foot is a response marked (urgent flag) or (safety question open), left out and not drawn")
			break
		}
	}
	if len(parts) == 0 {
		return ""
	}
	return "In the chart: " + strings.Join(parts, "; ") + "."
}

// historyTable is score i's numbers by date, as the chart above draws them: the value with
// its band (or its mark), and the change since the previous and the first response.
func (h *htmlOut) historyTable(entries []HistoryEntry, dates []string, i int, s *scoreSeries) {
	h.raw(`<table>`)
	h.raw(`<caption>` + esc(entries[0].Result.Scores[i].Label) + ` by date</caption>`)
	head := `<tr><th scope="col">Date</th><th scope="col">Value</th>`
	rel := s != nil && s.Change.HasReliability()
	if rel {
		head += `<th scope="col">Since the response before</th><th scope="col">Since the first</th>`
	}
	h.raw(`<thead>` + head + `</tr></thead>`)
	h.raw(`<tbody>`)
	for j, e := range entries {
		row := `<tr><th scope="row">` + esc(dates[j]) + `</th><td>` + esc(histValue(e, i)) + `</td>`
		if rel {
			for _, st := range []*change.Step{s.Changes[j].FromPrevious, s.Changes[j].FromFirst} {
				row += `<td>` + esc(stepWords(st, s.LeftOut[j])) + `</td>`
			}
		}
		h.raw(row + `</tr>`)
	}
	h.raw(`</tbody>`)
	h.raw(`</table>`)
}

// stepWords is a change in a table cell: "reliable improvement (RCI 2.41)", "left out" for a
// marked response, "" when there is none.
func stepWords(st *change.Step, leftOut bool) string {
	switch {
	case leftOut:
		return "left out"
	case st == nil:
		return ""
	}
	w := categoryWords(st.Category) + " (" + rciWords(st.RCI)
	if st.CrossedCutoff && st.Category != change.Recovered {
		w += ", crossed the cut-off"
	}
	return w + ")"
}

// compareBars are the questions where the two differ most, by item difference (reverse keying
// applied), at most n, largest first; ties in bank order.
func compareBars(c *Comparison, n int) []itemBar {
	var bars []itemBar
	for _, q := range c.Questions {
		if q.ItemDifference != nil && *q.ItemDifference != 0 {
			bars = append(bars, itemBar{Label: fmt.Sprintf("%d. %s", q.Number, oneLine(q.Text)), Diff: *q.ItemDifference})
		}
	}
	sort.SliceStable(bars, func(i, j int) bool { return abs(bars[i].Diff) > abs(bars[j].Diff) })
	return bars[:min(n, len(bars))]
}

func abs(f float64) float64 {
	if f < 0 {
		return -f
	}
	return f
}

// compareTitle is the HTML comparison's neutral <title>.
const compareTitle = "Comparison"

// compareHTML is `compare --format html`: the counselor's note, both people, flags and
// headlines, the scores (with a split alliance named), and the questions where they differ
// most as a diverging bar chart with the same numbers in a table.
func compareHTML(c *Comparison) string {
	h := &htmlOut{}
	nameA, nameB := c.A.Name, c.B.Name
	h.raw(`<article class="candor-report">`)
	if c.CounselorOnly {
		h.raw(`<p class="candor-flags">` + esc(c.note()) + `</p>`)
	}
	h.el("h1", c.Bank.Title)
	h.el("p", cmpAgreementLine(c))
	if len(c.flags[0])+len(c.flags[1]) > 0 {
		h.raw(`<section class="candor-flags">`)
		h.el("h2", "Flags")
		h.raw(`<ul>`)
		for k, name := range []string{nameA, nameB} {
			for _, f := range c.flags[k] {
				h.raw(`<li><strong>` + esc(name) + `</strong>: ` + esc(oneLine(f)) + `</li>`)
			}
		}
		h.raw(`</ul>`)
		h.raw(`</section>`)
	}
	if len(c.Scores) > 0 {
		h.el("h2", "Scores")
		h.raw(`<table>`)
		h.raw(`<thead><tr><th scope="col">Score</th><th scope="col">` + esc(nameA) + `</th><th scope="col">` + esc(nameB) + `</th><th scope="col">Difference</th></tr></thead>`)
		h.raw(`<tbody>`)
		for _, s := range c.Scores {
			h.raw(`<tr><th scope="row">` + esc(s.Label) + `</th><td>` + esc(cmpScoreValue(s.A)) + `</td><td>` + esc(cmpScoreValue(s.B)) + `</td><td>` + esc(cmpScoreDiff(s, nameB)) + `</td></tr>`)
		}
		h.raw(`</tbody>`)
		h.raw(`</table>`)
		for _, sp := range c.SplitAlliance {
			h.raw(`<p><strong>` + esc(splitWords(c, sp)) + `</strong></p>`)
		}
	}
	if bars := compareBars(c, 10); len(bars) > 0 {
		h.el("h2", "Where they differ most")
		h.raw(`<figure>`)
		h.raw(strings.TrimRight(divergingSVG(bars, nameA, nameB, "differ"), "\n"))
		h.raw(`<figcaption><p>` + esc(fmt.Sprintf("The %d questions where their answers differ most, counted as toward the scores (reverse keying applied): a bar to the right means %s's answer counts more, to the left %s's.", len(bars), nameB, nameA)) + `</p></figcaption>`)
		h.raw(`</figure>`)
		h.raw(`<table>`)
		h.raw(`<caption>Where they differ most</caption>`)
		h.raw(`<thead><tr><th scope="col">Question</th><th scope="col">` + esc(nameA) + `</th><th scope="col">` + esc(nameB) + `</th><th scope="col">Difference</th></tr></thead>`)
		h.raw(`<tbody>`)
		for _, br := range bars {
			for _, q := range c.Questions {
				if fmt.Sprintf("%d. %s", q.Number, oneLine(q.Text)) == br.Label {
					h.raw(`<tr><th scope="row">` + esc(br.Label) + `</th><td>` + esc(cmpAnswerWords(q.A)) + `</td><td>` + esc(cmpAnswerWords(q.B)) + `</td><td>` + esc(questionnaire.FormatNumber(br.Diff)) + `</td></tr>`)
				}
			}
		}
		h.raw(`</tbody>`)
		h.raw(`</table>`)
	}
	if ws := cmpWarnings(c); len(ws) > 0 {
		h.el("h2", "About this comparison")
		h.raw(`<ul>`)
		for _, w := range ws {
			h.el("li", w)
		}
		h.raw(`</ul>`)
	}
	h.raw(`</article>`)
	return htmlDocument(nil, compareTitle, chartCSS, h.b.String())
}
