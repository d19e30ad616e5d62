package render

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"io"
	"math"
	"sort"
	"strings"
	"time"

	"github.com/candor-app/candor/internal/text"
	"github.com/candor-app/candor/questionnaire"
	"github.com/candor-app/candor/scoring"
	"github.com/candor-app/candor/scoring/change"
	"github.com/candor-app/candor/words"
)

// HistoryEntry is one response in a person's history.
type HistoryEntry struct {
	Response *questionnaire.Response
	Result   *scoring.Result
}

// When is the time the response stands for: when it was started, else last updated; zero
// when the file says neither.
func (e HistoryEntry) When() time.Time {
	if e.Response == nil {
		return time.Time{}
	}
	if !e.Response.Started.IsZero() {
		return e.Response.Started
	}
	return e.Response.Updated
}

func (e HistoryEntry) file() string {
	if e.Response == nil {
		return ""
	}
	return e.Response.File
}

// HistoryOptions control a history's rendering.
type HistoryOptions struct {
	// Format is "text" (also ""), "markdown", "html", "csv" or "json".
	Format string
	// Width wraps text; 0 means 80.
	Width int
	// ASCII draws the charts without block characters.
	ASCII bool
	// Words says candor's own words in the reader's language (docs/spec.md §4); nil is
	// English. The bank's words come from the bank.
	Words *words.Printer
}

// SortHistory orders entries oldest first, as History does: `compare` of folders takes each
// person's latest response and the one kept before it in this order.
func SortHistory(entries []HistoryEntry) { sortHistory(entries) }

// sortHistory orders entries oldest first: by when they were started, then last updated,
// then file name, whatever order they were given in.
func sortHistory(entries []HistoryEntry) {
	sort.SliceStable(entries, func(i, j int) bool {
		a, b := entries[i], entries[j]
		as, bs := startedOf(a), startedOf(b)
		if !as.Equal(bs) {
			return as.Before(bs)
		}
		au, bu := updatedOf(a), updatedOf(b)
		if !au.Equal(bu) {
			return au.Before(bu)
		}
		return a.file() < b.file()
	})
}

func startedOf(e HistoryEntry) time.Time {
	if e.Response == nil {
		return time.Time{}
	}
	return e.Response.Started
}

func updatedOf(e HistoryEntry) time.Time {
	if e.Response == nil {
		return time.Time{}
	}
	return e.Response.Updated
}

// History writes how the scores of responses to bank b moved over time, oldest first.
// entries is sorted in place.
func History(w io.Writer, b *questionnaire.Bank, entries []HistoryEntry, opt HistoryOptions) error {
	sortHistory(entries)
	series := historySeries(b, entries)
	switch opt.Format {
	case "json":
		return historyJSON(w, opt.Words, b, entries, series)
	case "csv":
		return historyCSV(w, b, entries, series)
	case "markdown":
		_, err := io.WriteString(w, historyMarkdown(b, entries, series, opt))
		return err
	case "html":
		_, err := io.WriteString(w, historyHTML(b, entries, series, opt.Words))
		return err
	}
	bw := bufio.NewWriter(w)
	historyText(bw, b, entries, series, opt)
	return bw.Flush()
}

// historyRecord is one response as `candor history --format json` prints it. Unsafe and
// SafetyOpen mark a response left out of the trend (docs/spec.md §3 and §4).
type historyRecord struct {
	Date       *time.Time      `json:"date"`
	File       string          `json:"file"`
	Respondent string          `json:"respondent"`
	Unsafe     bool            `json:"unsafe"`
	SafetyOpen bool            `json:"safety_open"`
	Result     *scoring.Result `json:"result"`
	// Change is, for each score that declares `change:`, this response's point of its
	// series (docs/spec.md §3).
	Change map[string]*historyPoint `json:"change,omitempty"`
}

// historyPoint is one response's point of a score's series: the cut-off the series uses,
// the changes from the first and the previous kept response (absent on the first, on a
// response left out, and without a reliability), and the counselor's alerts.
type historyPoint struct {
	Cutoff             *float64       `json:"cutoff"`
	LeftOut            bool           `json:"left_out"`
	ChangeFromFirst    *change.Step   `json:"change_from_first,omitempty"`
	ChangeFromPrevious *change.Step   `json:"change_from_previous,omitempty"`
	Alerts             []change.Alert `json:"alerts,omitempty"`
}

func historyJSON(w io.Writer, p *words.Printer, b *questionnaire.Bank, entries []HistoryEntry, series []scoreSeries) error {
	out := make([]historyRecord, 0, len(entries))
	for j, e := range entries {
		m := safetyMarkOf(e.Result)
		rec := historyRecord{File: e.file(), Unsafe: m.Unsafe, SafetyOpen: m.Open, Result: Worded(p, b, e.Result)}
		if t := e.When(); !t.IsZero() {
			t = t.UTC()
			rec.Date = &t
		}
		if e.Response != nil {
			rec.Respondent = e.Response.Respondent
		}
		for _, s := range series {
			if rec.Change == nil {
				rec.Change = map[string]*historyPoint{}
			}
			rec.Change[b.Scores[s.I].ID] = &historyPoint{Cutoff: s.Cutoff, LeftOut: s.LeftOut[j],
				ChangeFromFirst: s.Changes[j].FromFirst, ChangeFromPrevious: s.Changes[j].FromPrevious, Alerts: s.Alerts[j]}
		}
		out = append(out, rec)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

func historyCSV(w io.Writer, b *questionnaire.Bank, entries []HistoryEntry, series []scoreSeries) error {
	cw := csv.NewWriter(w)
	// The `safety` column marks a response left out of the trend (docs/spec.md §4): its
	// bands stay exact here, as in every CSV, for clinical use.
	// After date and file, the score CSV's lead columns: respondent, started, updated, status.
	// Then each score's change columns (changeCSVHeader), after `safety`.
	if err := cw.Write(append(append(CSVHeader(b, append([]string{"date", "file"}, ResponseCSVLead...)...), "safety"), changeCSVHeader(b, series)...)); err != nil {
		return err
	}
	for j, e := range entries {
		lead := append([]string{CSVTime(e.When()), CSVCell(e.file())}, ResponseCSVCells(e.Response, e.Result.Status)...)
		if err := cw.Write(append(append(CSVRow(b, e.Result, lead...), safetyMarkOf(e.Result).csv()), changeCSVRow(series, j)...)); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// --- text ---------------------------------------------------------------------------

// histText is the history report's text writer, with its table and charts.
type histText struct {
	*reportText
	series []scoreSeries
	p      *words.Printer
}

// historyDates labels each entry by its date as the reader's language writes it ("1 Sep
// 2026", "1 sept 2026"), with the time of day ("20 Oct 2026, 09:30") when two fall on the
// same day, so that each label names one response. Times are in UTC, as the JSON and CSV
// give them.
func historyDates(p *words.Printer, entries []HistoryEntry) []string {
	seen := map[string]bool{}
	withTime := false
	for _, e := range entries {
		if e.When().IsZero() {
			continue
		}
		d := p.Date(e.When().UTC())
		if seen[d] {
			withTime = true
			break
		}
		seen[d] = true
	}
	out := make([]string, len(entries))
	for i, e := range entries {
		switch t := e.When().UTC(); {
		case t.IsZero():
			out[i] = p.T("no date")
		case withTime:
			out[i] = p.DateTime(t)
		default:
			out[i] = p.Date(t)
		}
	}
	return out
}

// histNumber is a number on score s's scale: "40%" for a percent score (as the summary
// shows it), "2.4" otherwise.
func histNumber(p *words.Printer, s scoring.ScoreResult, v float64) string {
	n := Number(p, v)
	if s.Score != nil && s.Score.Method == questionnaire.Percent {
		n += "%"
	}
	return n
}

// histValue is a score's value and band in words: "2.4 Just starting". History is for the
// counselor: every score is shown, also while an urgent flag is raised (the flags come
// first), but a marked response shows its mark instead of its band: "83% (urgent flag)"
// (docs/spec.md §4).
func histValue(p *words.Printer, e HistoryEntry, i int) string {
	s := e.Result.Scores[i]
	if s.Value == nil {
		if !s.Applies {
			return reportNotApplies(p)
		}
		return reportNotEnough(p)
	}
	v := histNumber(p, s, *s.Value)
	if m := safetyMarkOf(e.Result); m.marked() {
		return markedValue(p, v, m)
	}
	if s.Band != nil && *s.Band != "" {
		v += " " + text.Clean(*s.Band)
	}
	return v
}

func historyText(w *bufio.Writer, b *questionnaire.Bank, entries []HistoryEntry, series []scoreSeries, opt HistoryOptions) {
	p := opt.Words
	t := &histText{newReportText(w, opt.Width, opt.ASCII), series, p}
	dates := historyDates(p, entries)
	title := text.Clean(b.Title)
	t.wrapped(title, "", "")
	t.line(Rule(t.g.HeavyRule, min(text.Width(title), t.width)))
	t.wrapped(historySubtitle(p, entries), "", "")

	// Flags first: a safety flag on any date is never below the fold, nor is a safety
	// question left open.
	if historyFlagged(entries) || historyAlerted(series) {
		t.heading(p.T("Flags"))
		dw := maxWidth(dates)
		// On a narrow terminal the dates leave too little room beside them: each goes on a
		// line of its own, above its flags.
		stacked := dw+5 > t.width/2
		for i, e := range entries {
			for j, f := range append(flagLines(p, b, e.Result), alertLines(p, b, entries, series, i)...) {
				if stacked {
					if j == 0 {
						t.wrapped(dates[i], "  ", "  ")
					}
					t.wrapped(text.Clean(f), "    ", "    ")
					continue
				}
				first := "  " + text.Pad(dates[i], dw) + "   "
				if j > 0 {
					first = strings.Repeat(" ", dw+5)
				}
				t.wrapped(text.Clean(f), first, strings.Repeat(" ", dw+5))
			}
		}
	}

	if len(b.Scores) == 0 {
		t.line("")
		t.line(noScoresNote(p))
	} else {
		t.heading(p.T("Scores by date"))
		t.table(b, entries, dates)
		if note := historyMarkedNote(p, entries); note != "" {
			t.line("")
			t.wrapped(note, "  ", "  ")
		}
		for i := range b.Scores {
			t.chart(entries, dates, i)
		}
		if note := noReliabilityNote(p, b); note != "" {
			t.line("")
			t.wrapped(note, "  ", "  ")
		}
	}

	if ws := historyWarnings(b, entries, dates); len(ws) > 0 {
		t.heading(p.T("About these responses"))
		for _, w := range ws {
			t.wrapped(w, "  "+t.g.Bullet+" ", "    ")
		}
	}
}

// historyWarnings lists each response's warnings (a changed bank, answers to questions it
// no longer has) as "20 Nov 2026 (sam.yaml): ...". Those about an open safety question are
// among the flags instead.
func historyWarnings(b *questionnaire.Bank, entries []HistoryEntry, dates []string) []string {
	var out []string
	for i, e := range entries {
		who := dates[i]
		if f := e.file(); f != "" {
			who += " (" + text.Clean(f) + ")"
		}
		_, rest := safetyOpen(b, e.Result, Options{Counselor: true})
		for _, w := range rest {
			out = append(out, who+": "+text.Clean(w))
		}
	}
	return out
}

// historyFlagged reports whether any response raised a flag or left a safety question open.
func historyFlagged(entries []HistoryEntry) bool {
	for _, e := range entries {
		if len(e.Result.Flags) > 0 || len(e.Result.UnansweredSafety) > 0 {
			return true
		}
	}
	return false
}

// historyMarkedNote is the one line that says what the marks mean, when a response is marked
// (docs/spec.md §4); "" when none is.
func historyMarkedNote(p *words.Printer, entries []HistoryEntry) string {
	ms := make([]safetyMark, len(entries))
	for i, e := range entries {
		ms[i] = safetyMarkOf(e.Result)
	}
	which := markedWhich(p, ms)
	if which == "" {
		return ""
	}
	return p.T("Responses marked %s keep their scores but show no band, and are left out of the bars and of the change from the first to the latest.", which)
}

// noScoresNote says why a history of a bank without scores shows none.
func noScoresNote(p *words.Printer) string {
	return p.T("This bank has no scores, so there is nothing to follow over time.")
}

// historySubtitle is "Sam: 3 responses, oldest first (1 not finished)".
func historySubtitle(p *words.Printer, entries []HistoryEntry) string {
	sub := p.T("%d responses, oldest first", len(entries))
	if who := historyWho(entries); who != "" {
		sub = who + ": " + sub
	}
	unfinished := 0
	for _, e := range entries {
		if e.Result.Status == questionnaire.InProgress {
			unfinished++
		}
	}
	switch {
	case unfinished == 1 && len(entries) == 1:
		sub += " " + p.T("(not finished)")
	case unfinished > 0:
		sub += " " + p.T("(%d not finished)", unfinished)
	}
	return sub
}

// historyWho names the person when every response names the same one. A response that
// names no one may be someone else's: then no one is named, so its flags are never put
// under another person's name.
func historyWho(entries []HistoryEntry) string {
	names, unnamed := HistoryPeople(entries)
	if len(names) == 1 && unnamed == 0 {
		return text.Clean(names[0])
	}
	return ""
}

// HistoryPeople is who the responses name: each name once, sorted, and how many responses
// name no one.
func HistoryPeople(entries []HistoryEntry) (names []string, unnamed int) {
	seen := map[string]bool{}
	for _, e := range entries {
		name := ""
		if e.Response != nil {
			name = strings.TrimSpace(e.Response.Respondent)
		}
		switch {
		case name == "":
			unnamed++
		case !seen[name]:
			seen[name] = true
			names = append(names, name)
		}
	}
	sort.Strings(names)
	return names, unnamed
}

func maxWidth(ss []string) int {
	n := 0
	for _, s := range ss {
		n = max(n, text.Width(s))
	}
	return n
}

// table prints every score by date: one column per score when they fit side by side,
// else one block per date.
func (t *histText) table(b *questionnaire.Bank, entries []HistoryEntry, dates []string) {
	p := t.p
	date := p.T("Date")
	dw := max(maxWidth(dates), text.Width(date))
	cols := make([]int, len(b.Scores))
	heads := make([]string, len(b.Scores))
	total := 2 + dw
	for i, s := range b.Scores {
		heads[i] = text.Clean(s.Label)
		cols[i] = text.Width(heads[i])
		for _, e := range entries {
			cols[i] = max(cols[i], text.Width(histValue(p, e, i)))
		}
		total += 3 + cols[i]
	}
	if total <= t.width {
		row := "  " + text.Pad(date, dw)
		for i, h := range heads {
			row += "   " + text.Pad(h, cols[i])
		}
		t.line(row)
		for j, e := range entries {
			row := "  " + text.Pad(dates[j], dw)
			for i := range e.Result.Scores {
				row += "   " + text.Pad(histValue(p, e, i), cols[i])
			}
			t.line(row)
		}
		return
	}
	lw := maxWidth(heads)
	for j, e := range entries {
		if j > 0 {
			t.line("")
		}
		head := "  " + dates[j]
		if f := e.file(); f != "" {
			head += "   " + text.Clean(f)
		}
		if text.Width(head) > t.width {
			t.wrapped(head, "  ", "    ")
		} else {
			t.line(head)
		}
		for i := range e.Result.Scores {
			if lw+8 < t.width/2 {
				t.wrapped(histValue(p, e, i), "    "+text.Pad(heads[i], lw)+"   ", strings.Repeat(" ", lw+7))
			} else {
				t.wrapped(heads[i]+": "+histValue(p, e, i), "    ", "      ")
			}
		}
	}
}

// chart draws score i across the dates: a bar per date on the score's range, with the band
// boundaries marked on every bar and on the axis below.
func (t *histText) chart(entries []HistoryEntry, dates []string, i int) {
	t.heading(text.Clean(historyLabel(t.p, entries, i)))
	t.chartBody(entries, dates, i)
}

// chartBody draws score i's bars, axis, band legend and change, without a heading.
func (t *histText) chartBody(entries []HistoryEntry, dates []string, i int) {
	p := t.p
	first := entries[0].Result.Scores[i]
	lo, hi, ok := histRange(entries, i)
	if !ok {
		t.line("  " + noValueYet(p))
		return
	}
	dw := maxWidth(dates)
	vw := 0
	for _, e := range entries {
		vw = max(vw, text.Width(histValue(p, e, i)))
	}
	// The bars start after the dates; on a narrow terminal, where a bar would not fit beside
	// its date, the date goes on a line of its own above it.
	lead := 2 + dw + 2
	stacked := lead+10 > t.width
	if stacked {
		lead = 4
	}
	ind := strings.Repeat(" ", lead)
	cells := t.width - lead - (2 + vw)
	if cells < 10 {
		// Too narrow for the value beside the bar: it goes on the next line.
		cells = max(6, t.width-lead)
		vw = -1
	}
	cells = min(cells, 40)
	bounds, boundVals := bandMarks(first, lo, hi, cells)
	num := func(v float64) string { return histNumber(p, first, v) }
	isBound := map[int]bool{}
	for _, p := range bounds {
		isBound[p] = true
	}
	for j, e := range entries {
		bar := strings.Repeat(" ", cells) // a marked response is not drawn: it is no peak
		if !e.Result.Unsafe() {
			bar = t.bar(e.Result.Scores[i], lo, hi, cells, isBound)
		}
		row := "  " + text.Pad(dates[j], dw) + "  " + bar
		if stacked {
			t.wrapped(dates[j], "  ", "  ")
			row = ind + bar
		}
		if vw < 0 {
			t.line(row)
			t.wrapped(histValue(p, e, i), ind, ind)
			continue
		}
		t.line(row + "  " + histValue(p, e, i))
	}
	t.line(ind + axisLine(num, lo, hi, cells, bounds, boundVals))
	if legend := histLegend(p, first); legend != "" {
		t.wrapped(legend, ind, ind)
	}
	if change := histChange(p, entries, i); change != "" {
		t.wrapped(change, "  ", "  ")
	}
	for _, l := range changeSummary(p, seriesOf(t.series, i), dates, num) {
		t.wrapped(l, "  ", "  ")
	}
}

// bandMarks are the cells where the bands of score s meet on a chart of lo to hi, and the
// values there.
func bandMarks(s scoring.ScoreResult, lo, hi float64, cells int) (bounds []int, boundVals []float64) {
	sc := s.Score
	if sc == nil {
		return nil, nil
	}
	for _, band := range sc.Bands {
		if !band.HasMax || band.Max <= lo || band.Max >= hi {
			continue
		}
		p := int(math.Round((band.Max - lo) / (hi - lo) * float64(cells)))
		if p > 0 && p < cells {
			bounds = append(bounds, p)
			boundVals = append(boundVals, band.Max)
		}
	}
	return bounds, boundVals
}

// bar draws one response's bar: filled up to its value, band boundaries marked, blank when
// it has no value.
func (t *histText) bar(s scoring.ScoreResult, lo, hi float64, cells int, isBound map[int]bool) string {
	filled := -1
	if s.Value != nil {
		frac := 0.0
		if hi > lo {
			frac = math.Max(0, math.Min(1, (*s.Value-lo)/(hi-lo)))
		}
		filled = int(math.Round(frac * float64(cells)))
	}
	var bar strings.Builder
	for c := 0; c < cells; c++ {
		switch {
		case c < filled:
			bar.WriteString(t.g.BarFull)
		case isBound[c]:
			bar.WriteString(t.g.V)
		case filled < 0:
			bar.WriteString(" ")
		default:
			bar.WriteString(t.g.BarEmpty)
		}
	}
	return bar.String()
}

// axisLine is the axis under the bars: the ends of the range and the band boundaries under
// their marks, where they fit.
func axisLine(num scoreResultNumber, lo, hi float64, cells int, bounds []int, boundVals []float64) string {
	axis := []rune(strings.Repeat(" ", cells))
	put := func(at int, s string) bool {
		r := []rune(s)
		if at < 0 || at+len(r) > len(axis) {
			return false
		}
		for k := max(0, at-1); k < min(len(axis), at+len(r)+1); k++ {
			if axis[k] != ' ' {
				return false
			}
		}
		copy(axis[at:], r)
		return true
	}
	put(0, num(lo))
	hiS := num(hi)
	put(cells-len([]rune(hiS)), hiS)
	for k, p := range bounds {
		put(p, num(boundVals[k]))
	}
	return strings.TrimRight(string(axis), " ")
}

// histRange is the range a score's chart spans: its possible range, or the values seen
// when the range is open. ok is false when no response has a value for it.
func histRange(entries []HistoryEntry, i int) (lo, hi float64, ok bool) {
	s := entries[0].Result.Scores[i]
	if s.Min != nil && s.Max != nil && *s.Max > *s.Min {
		lo, hi, ok = *s.Min, *s.Max, true
	}
	seenLo, seenHi, seen := math.Inf(1), math.Inf(-1), false
	for _, e := range entries {
		if v := e.Result.Scores[i].Value; v != nil {
			seenLo, seenHi, seen = math.Min(seenLo, *v), math.Max(seenHi, *v), true
		}
	}
	if !seen {
		return 0, 0, false
	}
	if !ok {
		lo, hi = math.Min(seenLo, 0), seenHi
		if hi <= lo {
			hi = lo + 1
		}
	}
	return lo, hi, true
}

// histLegend lists the bands: "Bands: Not yet up to 1, Getting closer up to 2, Ready to
// begin above."
func histLegend(p *words.Printer, s scoring.ScoreResult) string {
	if s.Score == nil || len(s.Score.Bands) == 0 {
		return ""
	}
	var parts []string
	for _, b := range s.Score.Bands {
		if b.HasMax {
			parts = append(parts, p.T("%s up to %s", text.Clean(b.Label), histNumber(p, s, b.Max)))
		} else {
			parts = append(parts, p.T("%s above", text.Clean(b.Label)))
		}
	}
	return p.T("Bands: %s.", strings.Join(parts, ", "))
}

// noValueYet stands for a score's chart when no response has a value for it.
func noValueYet(p *words.Printer) string {
	return p.T("No response has enough answers for this score yet.")
}

// histChange says how the score moved from the first value to the latest, leaving out the
// marked responses (docs/spec.md §4): a week answered not safe is no step forward.
func histChange(p *words.Printer, entries []HistoryEntry, i int) string {
	var first, last *float64
	var n int
	for _, e := range entries {
		if e.Result.Unsafe() {
			continue
		}
		if v := e.Result.Scores[i].Value; v != nil {
			if first == nil {
				first = v
			}
			last = v
			n++
		}
	}
	if n < 2 {
		return ""
	}
	s := entries[0].Result.Scores[i]
	from, to := histNumber(p, s, *first), histNumber(p, s, *last)
	d := scoring.Clean(*last - *first)
	// A percent score moves by points: "up 33 points", never "up 33%" (a third more).
	if s.Score != nil && s.Score.Method == questionnaire.Percent {
		switch {
		case d > 0:
			return p.T("From the first to the latest: up %v points, from %s to %s.", d, from, to)
		case d < 0:
			return p.T("From the first to the latest: down %v points, from %s to %s.", -d, from, to)
		}
	}
	switch {
	case d > 0:
		return p.T("From the first to the latest: up %s, from %s to %s.", Number(p, d), from, to)
	case d < 0:
		return p.T("From the first to the latest: down %s, from %s to %s.", Number(p, -d), from, to)
	}
	return p.T("From the first to the latest: no change, %s at both.", from)
}

// --- markdown -----------------------------------------------------------------------

// historyLabel is a score's label with its range: "Readiness (1 to 5)".
func historyLabel(p *words.Printer, entries []HistoryEntry, i int) string {
	first := entries[0].Result.Scores[i]
	label := first.Label
	if lo, hi, ok := histRange(entries, i); ok && first.Min != nil && first.Max != nil {
		label += " (" + rangeWords(p, histNumber(p, first, lo), histNumber(p, first, hi)) + ")"
	}
	return label
}

func historyMarkdown(b *questionnaire.Bank, entries []HistoryEntry, series []scoreSeries, opt HistoryOptions) string {
	p := opt.Words
	var m mdOut
	dates := historyDates(p, entries)
	m.block("# " + MarkdownEscape(b.Title))
	m.block(MarkdownEscape(historySubtitle(p, entries)))

	if historyFlagged(entries) || historyAlerted(series) {
		m.block("## " + p.T("Flags"))
		var lines []string
		for i, e := range entries {
			for _, f := range append(flagLines(p, b, e.Result), alertLines(p, b, entries, series, i)...) {
				lines = append(lines, "- **"+MarkdownEscape(dates[i])+"**: "+MarkdownEscape(f))
			}
		}
		m.block(lines...)
	}

	if len(b.Scores) == 0 {
		m.block(noScoresNote(p))
	} else {
		m.block("## " + p.T("Scores by date"))
		head, rule := "| "+p.T("Date")+" |", "|---|"
		for i := range b.Scores {
			head += " " + cmpCell(entries[0].Result.Scores[i].Label) + " |"
			rule += "---|"
		}
		rows := []string{head, rule}
		for j, e := range entries {
			row := "| " + cmpCell(dates[j]) + " |"
			for i := range e.Result.Scores {
				row += " " + cmpCell(histValue(p, e, i)) + " |"
			}
			rows = append(rows, row)
		}
		m.block(rows...)
		if note := historyMarkedNote(p, entries); note != "" {
			m.block(MarkdownEscape(note))
		}
		for i := range b.Scores {
			m.block("### " + MarkdownEscape(historyLabel(p, entries, i)))
			var buf strings.Builder
			bw := bufio.NewWriter(&buf)
			t := &histText{newReportText(bw, opt.Width, opt.ASCII), series, p}
			t.chartBody(entries, dates, i)
			_ = bw.Flush()
			body := strings.TrimRight(buf.String(), "\n")
			fence := "```"
			for strings.Contains(body, fence) {
				fence += "`"
			}
			m.block(append(append([]string{fence}, strings.Split(body, "\n")...), fence)...)
		}
		if note := noReliabilityNote(p, b); note != "" {
			m.block(MarkdownEscape(note))
		}
	}

	m.notes(p.T("About these responses"), historyWarnings(b, entries, dates))
	return m.b.String()
}
