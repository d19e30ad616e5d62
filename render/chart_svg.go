package render

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/candor-app/candor/questionnaire"
	"github.com/candor-app/candor/scoring"
	"github.com/candor-app/candor/scoring/change"
	"github.com/candor-app/candor/words"
)

// chartCSS styles the counselor's HTML reports with charts (`history` and `compare --format
// html`): each chart is an inline SVG drawn in currentColor, so it reads in light and dark
// and in black and white on paper, with the same numbers in a table beside it. Printing
// fits A4 and Letter alike (margins, no fixed page size) and keeps a chart with its table.
const chartCSS = /* words:none: CSS */ `.candor-report{line-height:1.5;max-width:48em}
.candor-report h1{font-size:1.5em;margin:.5em 0}
.candor-report h2{font-size:1.25em;margin:1.25em 0 .5em}
.candor-flags{border:3px solid currentColor;border-radius:.5em;padding:0 1em;margin:1em 0}
.candor-chart{width:100%;height:auto;max-width:44em;display:block}
.candor-report figure{margin:1em 0 2em}
.candor-report figcaption{font-size:.95em}
.candor-report table{border-collapse:collapse;margin:.5em 0;font-size:.95em}
.candor-report th,.candor-report td{border:1px solid currentColor;padding:.2em .5em;text-align:left;vertical-align:top}
.candor-report caption{text-align:left;font-weight:bold;padding:.25em 0}
.candor-report th[scope=row]{white-space:nowrap}
.candor-note{font-style:italic}
@media print{body{max-width:none;background:#fff;color:#000;padding:0}
.candor-report{max-width:none}
.candor-report figure,.candor-report table{break-inside:avoid}
@page{margin:15mm}}
`

// svgNum is a coordinate in an SVG, two decimals at most.
func svgNum(f float64) string { return questionnaire.FormatNumber(round2(f)) }

// The line chart's frame: a viewBox of chartW by chartH with the plot inside the margins.
const (
	chartW, chartH                     = 640.0, 280.0
	chartLeft, chartRight, chartTop    = 56.0, 120.0, 16.0
	chartBottom                        = 48.0
	plotW, plotH                       = chartW - chartLeft - chartRight, chartH - chartTop - chartBottom
	markerSize                         = 7.0
	dashCutoff, dashLeftOut, shadeBand = "6 4", "2 3", ".1"
)

// historyChartSVG draws score i over the entries as a line chart: its bands as shaded
// regions (labelled at the right), the cut-off as a dashed line, each kept response a point
// on the line, reliable changes since the previous response marked (a triangle pointing the
// way the score moved, filled for a deterioration, a ring for recovered), and each response
// left out (unsafe, safety open) a dotted line with a cross at the foot, its value not drawn.
// id makes the title and description ids unique in the page.
func historyChartSVG(p *words.Printer, entries []HistoryEntry, dates []string, i int, s *scoreSeries, id string) string {
	first := entries[0].Result.Scores[i]
	lo, hi, ok := histRange(entries, i)
	if !ok {
		return ""
	}
	if s != nil && s.Cutoff != nil {
		lo, hi = math.Min(lo, *s.Cutoff), math.Max(hi, *s.Cutoff)
	}
	y := func(v float64) float64 { return chartTop + plotH - (v-lo)/(hi-lo)*plotH }
	n := len(entries)
	x := func(j int) float64 {
		if n == 1 {
			return chartLeft + plotW/2
		}
		return chartLeft + float64(j)*plotW/float64(n-1)
	}
	num := func(v float64) string { return histNumber(p, first, v) }
	var b strings.Builder
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" class="candor-chart" viewBox="0 0 %s %s" role="img" aria-labelledby="%s-title %s-desc">`+"\n",
		svgNum(chartW), svgNum(chartH), id, id)
	fmt.Fprintf(&b, `<title id="%s-title">%s</title>`+"\n", id, esc(p.T("%s over %d responses", first.Label, n)))
	fmt.Fprintf(&b, `<desc id="%s-desc">%s</desc>`+"\n", id, esc(chartDesc(p, entries, dates, i, s, num)))
	b.WriteString(`<g fill="currentColor" stroke="none" font-family="system-ui,sans-serif" font-size="12">` + "\n")
	// Bands: shaded every other one, each labelled at the right.
	if sc := first.Score; sc != nil {
		from := lo
		for k, band := range sc.Bands {
			to := hi
			if band.HasMax {
				to = math.Min(band.Max, hi)
			}
			if to > from {
				op := shadeBand
				if k%2 == 1 {
					op = ".2"
				}
				fmt.Fprintf(&b, `<rect x="%s" y="%s" width="%s" height="%s" fill-opacity="%s"/>`+"\n",
					svgNum(chartLeft), svgNum(y(to)), svgNum(plotW), svgNum(y(from)-y(to)), op)
				fmt.Fprintf(&b, `<text x="%s" y="%s" dominant-baseline="middle">%s</text>`+"\n",
					svgNum(chartLeft+plotW+8), svgNum((y(from)+y(to))/2), esc(band.Label))
			}
			from = math.Max(from, to)
		}
	}
	// Axes: the ends of the range and the band boundaries.
	fmt.Fprintf(&b, `<path d="M%s %sV%sH%s" fill="none" stroke="currentColor"/>`+"\n",
		svgNum(chartLeft), svgNum(chartTop), svgNum(chartTop+plotH), svgNum(chartLeft+plotW))
	ticks := []float64{lo, hi}
	if sc := first.Score; sc != nil {
		for _, band := range sc.Bands {
			if band.HasMax && band.Max > lo && band.Max < hi {
				ticks = append(ticks, band.Max)
			}
		}
	}
	for _, v := range ticks {
		fmt.Fprintf(&b, `<text x="%s" y="%s" text-anchor="end" dominant-baseline="middle">%s</text>`+"\n", svgNum(chartLeft-6), svgNum(y(v)), esc(num(v)))
	}
	// The cut-off.
	if s != nil && s.Cutoff != nil {
		cy := svgNum(y(*s.Cutoff))
		fmt.Fprintf(&b, `<line x1="%s" y1="%s" x2="%s" y2="%s" stroke="currentColor" stroke-width="2" stroke-dasharray="%s"/>`+"\n",
			svgNum(chartLeft), cy, svgNum(chartLeft+plotW), cy, dashCutoff)
		fmt.Fprintf(&b, `<text x="%s" y="%s" font-style="italic">%s</text>`+"\n", svgNum(chartLeft+4), svgNum(y(*s.Cutoff)-5), esc(p.T("cut-off %s", num(round2(*s.Cutoff)))))
	}
	// Dates under the axis: every one when they fit, else every k-th and the last; the time
	// of day, when two responses share a day, on a line of its own.
	days, times := axisDates(p, entries, dates)
	step := dateStep(days)
	for j := range entries {
		if (j%step != 0 || n-1-j < step) && j != n-1 && j != 0 {
			continue // the last date's label stands alone: the one before it would overlap
		}
		tm := ""
		if times[j] != "" {
			tm = fmt.Sprintf(`<tspan x="%s" dy="1.2em">%s</tspan>`, svgNum(x(j)), esc(times[j]))
		}
		fmt.Fprintf(&b, `<text x="%s" y="%s" text-anchor="middle">%s%s</text>`+"\n", svgNum(x(j)), svgNum(chartTop+plotH+18), esc(days[j]), tm)
	}
	// The line through the kept responses, then their points and marks.
	var pts []string
	for j, e := range entries {
		if v := e.Result.Scores[i].Value; v != nil && !e.Result.Unsafe() {
			pts = append(pts, svgNum(x(j))+","+svgNum(y(*v)))
		}
	}
	if len(pts) > 1 {
		fmt.Fprintf(&b, `<polyline points="%s" fill="none" stroke="currentColor" stroke-width="2"/>`+"\n", strings.Join(pts, " "))
	}
	for j, e := range entries {
		v := e.Result.Scores[i].Value
		if e.Result.Unsafe() {
			m := safetyMarkOf(e.Result)
			fmt.Fprintf(&b, `<g><title>%s</title><line x1="%s" y1="%s" x2="%s" y2="%s" stroke="currentColor" stroke-dasharray="%s"/><path d="M%s %sl8 8m0 -8l-8 8" stroke="currentColor" stroke-width="2"/></g>`+"\n",
				esc(p.T("%s: %s, left out", dates[j], m.words(p))), svgNum(x(j)), svgNum(chartTop), svgNum(x(j)), svgNum(chartTop+plotH), dashLeftOut,
				svgNum(x(j)-4), svgNum(chartTop+plotH-12))
			continue
		}
		if v == nil {
			continue
		}
		px, py := x(j), y(*v)
		label := dates[j] + ": " + num(*v)
		var st *change.Step
		if s != nil {
			st = s.Changes[j].FromPrevious
		}
		if st != nil && st.Category != change.NoReliableChange {
			label = p.T("%s: %s, %s since the response before (%s)", dates[j], num(*v), categoryWords(p, st.Category), rciWords(p, st.RCI))
		}
		fmt.Fprintf(&b, `<g><title>%s</title>`, esc(label))
		fmt.Fprintf(&b, `<circle cx="%s" cy="%s" r="4" stroke="currentColor" stroke-width="2" fill-opacity="0"/>`, svgNum(px), svgNum(py))
		if st != nil && st.Category != change.NoReliableChange {
			b.WriteString(changeMarker(px, py, st.RCI < 0, st.Category))
		}
		b.WriteString("</g>\n")
	}
	b.WriteString("</g>\n</svg>\n")
	return b.String()
}

// axisDates are the dates under a chart's axis: each response's day and, when its label
// has one (two responses share a day), its time of day for a second line; a label on one
// line ("20 Oct 2026, 09:30") would be too wide to leave room for its neighbours.
func axisDates(p *words.Printer, entries []HistoryEntry, dates []string) (days, times []string) {
	days, times = slices.Clone(dates), make([]string, len(dates))
	for j, e := range entries {
		if t := e.When().UTC(); !t.IsZero() && dates[j] != p.Date(t) {
			days[j], times[j] = p.Date(t), t.Format("15:04") // words:none: a time of day, as words.Printer.DateTime writes it in every language
		}
	}
	return days, times
}

// The widths of a date under the axis in the chart's font (12px, system-ui), estimated
// from DejaVu Sans, the widest common one: a digit 0.64em, a letter 0.55em on average, a
// space or a punctuation mark 0.32em; and the least room left between two dates.
const labelDigitW, labelLetterW, labelNarrowW, labelGap = 7.68, 6.6, 3.84, 4.0

// labelWidth is the estimated width of label s in the chart.
func labelWidth(s string) float64 {
	w := 0.0
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			w += labelDigitW
		case strings.ContainsRune(" ,.:", r):
			w += labelNarrowW
		default:
			w += labelLetterW
		}
	}
	return w
}

// dateStep is how many responses apart the dates under a chart's axis are written: at most
// 8 of them, and far enough apart that the widest ("29 Sep 2026") never runs into the next.
func dateStep(dates []string) int {
	n := len(dates)
	step := max(1, int(math.Ceil(float64(n)/8)))
	if n < 2 {
		return step
	}
	widest := 0.0
	for _, d := range dates {
		widest = math.Max(widest, labelWidth(d))
	}
	return max(step, int(math.Ceil((widest+labelGap)/(plotW/float64(n-1)))))
}

// changeMarker marks a reliable change at a point: a triangle above it pointing up when the
// score rose, below it pointing down when it fell; filled for a deterioration, outlined for
// an improvement, with a ring around the point when recovered.
func changeMarker(px, py float64, fell bool, c change.Category) string {
	dy, tip := -14.0, -markerSize
	if fell {
		dy, tip = 14.0, markerSize
	}
	cy := py + dy
	fill := `fill-opacity="0" stroke="currentColor" stroke-width="1.5"`
	if c == change.ReliableDeterioration {
		fill = `stroke="none"`
	}
	m := fmt.Sprintf(`<path d="M%s %sL%s %sL%s %sZ" %s/>`, svgNum(px), svgNum(cy+tip), svgNum(px-markerSize), svgNum(cy-tip), svgNum(px+markerSize), svgNum(cy-tip), fill)
	if c == change.Recovered {
		m += fmt.Sprintf(`<circle cx="%s" cy="%s" r="8" stroke="currentColor" stroke-width="1.5" fill-opacity="0"/>`, svgNum(px), svgNum(py))
	}
	return m
}

// chartDesc describes a history chart for screen readers, sentence by sentence; the
// numbers are in the table beside it.
func chartDesc(p *words.Printer, entries []HistoryEntry, dates []string, i int, s *scoreSeries, num func(float64) string) string {
	first := entries[0].Result.Scores[i]
	var kept []int
	left := 0
	for j, e := range entries {
		if e.Result.Unsafe() {
			left++
			continue
		}
		if e.Result.Scores[i].Value != nil {
			kept = append(kept, j)
		}
	}
	d := p.T("Line chart of %s by date, oldest first.", first.Label)
	if len(kept) > 0 {
		a, z := kept[0], kept[len(kept)-1]
		d = p.T("Line chart of %s by date, oldest first, from %s on %s to %s on %s.", first.Label,
			num(*entries[a].Result.Scores[i].Value), dates[a], num(*entries[z].Result.Scores[i].Value), dates[z])
	}
	// The marks, each a whole clause, listed after the bands.
	var parts []string
	if s != nil && s.Cutoff != nil {
		parts = append(parts, p.T("the dashed line is the cut-off, %s", num(round2(*s.Cutoff))))
	}
	if s != nil && s.Change.HasReliability() {
		parts = append(parts, p.T("triangles mark reliable changes since the response before (filled: deterioration), a ring recovered"))
	}
	if left > 0 {
		parts = append(parts, p.T("%d marked responses (an urgent flag or a safety question open) are crossed at the foot and not drawn", left))
	}
	marks := p.T("Bands are shaded.")
	if len(parts) > 0 {
		marks = p.T("Bands are shaded; %s.", strings.Join(parts, "; "))
	}
	return d + " " + marks + " " + p.T("The table below has the same numbers.")
}

// itemBar is one question where two partners' answers differ, for a diverging bar chart.
type itemBar struct {
	Label string
	// Diff is B's item score minus A's, reverse keying applied.
	Diff float64
}

// divergingSVG draws bars left (toward A) or right (toward B) of a centre line, one per
// item, each labelled with its number; the widest difference spans half the plot.
func divergingSVG(p *words.Printer, bars []itemBar, nameA, nameB, id string) string {
	rowH, top, labelW := 26.0, 28.0, 40.0
	h := top + rowH*float64(len(bars)) + 12
	w := 640.0
	mid := labelW + (w-labelW)/2
	half := (w - labelW) / 2 * 0.85
	maxD := 0.0
	for _, br := range bars {
		maxD = math.Max(maxD, math.Abs(br.Diff))
	}
	if maxD == 0 {
		maxD = 1
	}
	var b strings.Builder
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" class="candor-chart" viewBox="0 0 %s %s" role="img" aria-labelledby="%s-title %s-desc">`+"\n", svgNum(w), svgNum(h), id, id)
	fmt.Fprintf(&b, `<title id="%s-title">%s</title>`+"\n", id, esc(p.T("Where %s and %s differ most", nameA, nameB)))
	fmt.Fprintf(&b, `<desc id="%s-desc">%s %s</desc>`+"\n", id,
		// The names are escaped; the sentence's apostrophes need not be, in an element's text.
		p.T("Diverging bar chart of %d questions: a bar to the right means %s's answer counts more toward the scores, to the left %s's.", len(bars), esc(nameB), esc(nameA)),
		esc(p.T("The table below has the same numbers.")))
	b.WriteString(`<g fill="currentColor" font-family="system-ui,sans-serif" font-size="12">` + "\n")
	fmt.Fprintf(&b, `<text x="%s" y="16" text-anchor="end">%s</text><text x="%s" y="16">%s</text>`+"\n", svgNum(mid-8), esc(p.T("◀ %s higher", nameA)), svgNum(mid+8), esc(p.T("%s higher ▶", nameB)))
	for k, br := range bars {
		yy := top + rowH*float64(k)
		bw := math.Abs(br.Diff) / maxD * half
		bx := mid
		if br.Diff < 0 {
			bx = mid - bw
		}
		fmt.Fprintf(&b, `<g><title>%s: %s</title><text x="0" y="%s" dominant-baseline="middle">%s</text><rect x="%s" y="%s" width="%s" height="%s" fill-opacity=".75"/></g>`+"\n",
			esc(br.Label), esc(Number(p, scoring.Clean(br.Diff))), svgNum(yy+rowH/2), esc(p.T("Q%s", strings.SplitN(br.Label, ".", 2)[0])),
			svgNum(bx), svgNum(yy+4), svgNum(bw), svgNum(rowH-8))
	}
	fmt.Fprintf(&b, `<line x1="%s" y1="%s" x2="%s" y2="%s" stroke="currentColor" stroke-width="2"/>`+"\n", svgNum(mid), svgNum(top-4), svgNum(mid), svgNum(h-8))
	b.WriteString("</g>\n</svg>\n")
	return b.String()
}
