package render

import (
	"fmt"
	"sort"
	"strings"

	"github.com/candor-app/candor/questionnaire"
	"github.com/candor-app/candor/scoring/change"
	"github.com/candor-app/candor/words"
)

// historyHTML is `history --format html`: the flags and alerts first, the table of scores by
// date, then each score as a line chart with the same numbers in a table beside it, and the
// change judged as in text (docs/spec.md §4 "Change over time"). Offline, no script.
func historyHTML(b *questionnaire.Bank, entries []HistoryEntry, series []scoreSeries, p *words.Printer) string {
	h := &htmlOut{}
	dates := historyDates(p, entries)
	h.raw(`<article class="candor-report">`)
	h.el("h1", b.Title)
	h.el("p", historySubtitle(p, entries))
	if historyFlagged(entries) || historyAlerted(series) {
		h.raw(`<section class="candor-flags">`)
		h.el("h2", p.T("Flags"))
		h.raw(`<ul>`)
		for i, e := range entries {
			for _, f := range append(flagLines(p, b, e.Result), alertLines(p, b, entries, series, i)...) {
				h.raw(`<li><strong>` + esc(dates[i]) + `</strong>: ` + esc(oneLine(f)) + `</li>`)
			}
		}
		h.raw(`</ul>`)
		h.raw(`</section>`)
	}
	if len(b.Scores) == 0 {
		h.el("p", noScoresNote(p))
	}
	for i := range b.Scores {
		s := seriesOf(series, i)
		h.raw(`<section>`)
		h.el("h2", historyLabel(p, entries, i))
		svg := historyChartSVG(p, entries, dates, i, s, fmt.Sprintf("chart-%d", i+1))
		if svg == "" {
			h.el("p", noValueYet(p))
			h.raw(`</section>`)
			continue
		}
		h.raw(`<figure>`)
		h.raw(strings.TrimRight(svg, "\n"))
		var caption []string
		if legend := histLegend(p, entries[0].Result.Scores[i]); legend != "" {
			caption = append(caption, legend)
		}
		if c := histChange(p, entries, i); c != "" {
			caption = append(caption, c)
		}
		num := func(v float64) string { return histNumber(p, entries[0].Result.Scores[i], v) }
		caption = append(caption, changeSummary(p, s, dates, num)...)
		if key := chartKey(p, entries, s); key != "" {
			caption = append(caption, key)
		}
		h.raw(`<figcaption>`)
		for _, c := range caption {
			h.el("p", c)
		}
		h.raw(`</figcaption>`)
		h.raw(`</figure>`)
		h.historyTable(p, entries, dates, i, s)
		h.raw(`</section>`)
	}
	if note := historyMarkedNote(p, entries); note != "" {
		h.raw(`<p class="candor-note">` + esc(note) + `</p>`)
	}
	if note := noReliabilityNote(p, b); note != "" && len(b.Scores) > 0 {
		h.raw(`<p class="candor-note">` + esc(note) + `</p>`)
	}
	if ws := historyWarnings(b, entries, dates); len(ws) > 0 {
		h.el("h2", p.T("About these responses"))
		h.raw(`<ul>`)
		for _, w := range ws {
			h.el("li", w)
		}
		h.raw(`</ul>`)
	}
	h.raw(`</article>`)
	// The <title> is neutral, as every candor page's: the topic is in the heading only.
	return htmlDocument(b, p.T("History"), chartCSS, h.b.String())
}

// chartKey says what a history chart's marks mean: "" when it has none but the line.
func chartKey(p *words.Printer, entries []HistoryEntry, s *scoreSeries) string {
	var parts []string
	if s != nil && s.Cutoff != nil {
		parts = append(parts, p.T("the dashed line is the cut-off"))
	}
	if s != nil && s.Change.HasReliability() {
		parts = append(parts, p.T("a triangle marks a reliable change since the response before, pointing the way the score moved: outlined for an improvement, filled for a deterioration, with a ring around the point when recovered"))
	}
	for _, e := range entries {
		if e.Result.Unsafe() {
			parts = append(parts, p.T("a dotted line with a cross at the foot is a response marked (urgent flag) or (safety question open), left out and not drawn"))
			break
		}
	}
	if len(parts) == 0 {
		return ""
	}
	// Each part is a whole clause; the key lists them.
	return p.T("In the chart: %s.", strings.Join(parts, "; "))
}

// historyTable is score i's numbers by date, as the chart above draws them: the value with
// its band (or its mark), and the change since the previous and the first response.
func (h *htmlOut) historyTable(p *words.Printer, entries []HistoryEntry, dates []string, i int, s *scoreSeries) {
	h.raw(`<table>`)
	h.raw(`<caption>` + esc(p.T("%s by date", entries[0].Result.Scores[i].Label)) + `</caption>`)
	head := `<tr>` + colHead(p.T("Date")) + colHead(p.T("Value"))
	rel := s != nil && s.Change.HasReliability()
	if rel {
		head += colHead(p.T("Since the response before")) + colHead(p.T("Since the first"))
	}
	h.raw(`<thead>` + head + `</tr></thead>`)
	h.raw(`<tbody>`)
	for j, e := range entries {
		row := `<tr><th scope="row">` + esc(dates[j]) + `</th><td>` + esc(histValue(p, e, i)) + `</td>`
		if rel {
			for _, st := range []*change.Step{s.Changes[j].FromPrevious, s.Changes[j].FromFirst} {
				row += `<td>` + esc(stepWords(p, st, s.LeftOut[j])) + `</td>`
			}
		}
		h.raw(row + `</tr>`)
	}
	h.raw(`</tbody>`)
	h.raw(`</table>`)
}

// stepWords is a change in a table cell: "reliable improvement (RCI 2.41)", "left out" for a
// marked response, "" when there is none.
func stepWords(p *words.Printer, st *change.Step, leftOut bool) string {
	switch {
	case leftOut:
		return p.T("left out")
	case st == nil:
		return ""
	}
	if st.CrossedCutoff && st.Category != change.Recovered {
		return p.T("%s (%s, crossed the cut-off)", categoryWords(p, st.Category), rciWords(p, st.RCI))
	}
	return categoryWords(p, st.Category) + " (" + rciWords(p, st.RCI) + ")"
}

// colHead is a table's column heading.
func colHead(s string) string { return `<th scope="col">` + esc(s) + `</th>` }

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

// compareHTML is `compare --format html`: the counselor's note, both people, flags and
// headlines, the scores (with a split alliance named), and the questions where they differ
// most as a diverging bar chart with the same numbers in a table.
func compareHTML(bank *questionnaire.Bank, c *Comparison, p *words.Printer) string {
	h := &htmlOut{}
	nameA, nameB := c.A.Name, c.B.Name
	h.raw(`<article class="candor-report">`)
	if c.CounselorOnly {
		h.raw(`<p class="candor-flags">` + esc(c.note(p)) + `</p>`)
	}
	h.el("h1", c.Bank.Title)
	h.el("p", cmpAgreementLine(p, c))
	if len(c.flags[0])+len(c.flags[1]) > 0 {
		h.raw(`<section class="candor-flags">`)
		h.el("h2", p.T("Flags"))
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
		h.el("h2", p.T("Scores"))
		h.raw(`<table>`)
		h.raw(`<thead><tr>` + colHead(p.T("Score")) + colHead(nameA) + colHead(nameB) + colHead(p.T("Difference")) + `</tr></thead>`)
		h.raw(`<tbody>`)
		for _, s := range c.Scores {
			h.raw(`<tr><th scope="row">` + esc(s.Label) + `</th><td>` + esc(cmpScoreValue(p, s.A)) + `</td><td>` + esc(cmpScoreValue(p, s.B)) + `</td><td>` + esc(cmpScoreDiff(p, s, nameB)) + `</td></tr>`)
		}
		h.raw(`</tbody>`)
		h.raw(`</table>`)
		for _, sp := range c.SplitAlliance {
			h.raw(`<p><strong>` + esc(splitWords(p, c, sp)) + `</strong></p>`)
		}
	}
	if bars := compareBars(c, 10); len(bars) > 0 {
		differ := p.T("Where they differ most")
		h.el("h2", differ)
		h.raw(`<figure>`)
		h.raw(strings.TrimRight(divergingSVG(p, bars, nameA, nameB, "differ"), "\n"))
		h.raw(`<figcaption><p>` + esc(p.T("The %d questions where their answers differ most, counted as toward the scores (reverse keying applied): a bar to the right means %s's answer counts more, to the left %s's.", len(bars), nameB, nameA)) + `</p></figcaption>`)
		h.raw(`</figure>`)
		h.raw(`<table>`)
		h.raw(`<caption>` + esc(differ) + `</caption>`)
		h.raw(`<thead><tr>` + colHead(p.T("Question")) + colHead(nameA) + colHead(nameB) + colHead(p.T("Difference")) + `</tr></thead>`)
		h.raw(`<tbody>`)
		for _, br := range bars {
			for _, q := range c.Questions {
				if fmt.Sprintf("%d. %s", q.Number, oneLine(q.Text)) == br.Label {
					h.raw(`<tr><th scope="row">` + esc(br.Label) + `</th><td>` + esc(cmpAnswerWords(p, q, q.A)) + `</td><td>` + esc(cmpAnswerWords(p, q, q.B)) + `</td><td>` + esc(Number(p, br.Diff)) + `</td></tr>`)
				}
			}
		}
		h.raw(`</tbody>`)
		h.raw(`</table>`)
	}
	if ws := cmpWarnings(c); len(ws) > 0 {
		h.el("h2", p.T("About this comparison"))
		h.raw(`<ul>`)
		for _, w := range ws {
			h.el("li", w)
		}
		h.raw(`</ul>`)
	}
	h.raw(`</article>`)
	// The <title> is neutral: the topic is in the heading only. The page is in the bank's
	// language, as its words are.
	return htmlDocument(bank, p.T("Comparison"), chartCSS, h.b.String())
}
