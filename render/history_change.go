package render

import (
	"fmt"
	"math"
	"strings"

	"github.com/candor-app/candor/internal/text"
	"github.com/candor-app/candor/questionnaire"
	"github.com/candor-app/candor/scoring"
	"github.com/candor-app/candor/scoring/change"
	"github.com/candor-app/candor/words"
)

// scoreSeries is one score's change over a history (docs/spec.md §4 "Change over time"):
// what scoring/change found, point by point, for a score that declares `change:`.
type scoreSeries struct {
	// I is the score's index in the bank and in each result.
	I      int
	Change *questionnaire.Change
	// Cutoff is the cut-off used; nil for none.
	Cutoff  *float64
	LeftOut []bool
	Changes []change.Changes
	Alerts  [][]change.Alert
}

// historySeries is the series of every score of b that declares `change:`, in bank order.
// A response marked unsafe or with a safety question open is left out (docs/spec.md §4).
func historySeries(b *questionnaire.Bank, entries []HistoryEntry) []scoreSeries {
	var out []scoreSeries
	for i, sc := range b.Scores {
		if sc.Change == nil {
			continue
		}
		pts := make([]change.Point, len(entries))
		left := make([]bool, len(entries))
		for j, e := range entries {
			left[j] = e.Result.Unsafe()
			pts[j] = change.Point{Value: e.Result.Scores[i].Value, LeftOut: left[j]}
		}
		s := scoreSeries{I: i, Change: sc.Change, LeftOut: left, Changes: change.Series(sc.Change, pts), Alerts: change.Alerts(sc.Change, pts)}
		if c, ok := change.Cutoff(sc.Change); ok {
			s.Cutoff = &c
		}
		out = append(out, s)
	}
	return out
}

// seriesOf is score i's series, nil when it declares no `change:`.
func seriesOf(all []scoreSeries, i int) *scoreSeries {
	for k := range all {
		if all[k].I == i {
			return &all[k]
		}
	}
	return nil
}

// historyAlerted reports whether any response raised a counselor's alert.
func historyAlerted(all []scoreSeries) bool {
	for _, s := range all {
		for _, as := range s.Alerts {
			if len(as) > 0 {
				return true
			}
		}
	}
	return false
}

// --- words ---------------------------------------------------------------------------

// categoryWords names a change category in words, as text, markdown and HTML say it.
func categoryWords(p *words.Printer, c change.Category) string {
	switch c {
	case change.ReliableImprovement:
		return p.T("reliable improvement")
	case change.ReliableDeterioration:
		return p.T("reliable deterioration")
	case change.Recovered:
		return p.T("recovered")
	}
	return p.T("no reliable change")
}

// rciWords is "RCI 2.41", "RCI -1.2": two decimals are all the index can say. RCI, the
// reliable change index, keeps its name in every language.
func rciWords(p *words.Printer, rci float64) string {
	return "RCI " + Number(p, round2(rci)) // words:none: the index's name, as the literature writes it
}

// round2 keeps two decimals, as a computed number (an index, a cut-off) is shown.
func round2(f float64) float64 { return math.Round(f*100) / 100 }

// alertWords is a counselor's alert on score label in words: "For the counselor: Trust 2.5
// is below the bank's alert level of 3.", "For the counselor: Trust fell by 2 since the
// response before (5.5 to 3.5), at least the bank's alert change of 1.5."
func alertWords(p *words.Printer, label string, s scoreResultNumber, a change.Alert) string {
	switch a.Kind {
	case change.AlertBelow:
		return p.T("For the counselor: %s %s is below the bank's alert level of %s.", label, s(a.Value), s(a.Threshold))
	case change.AlertDrop:
		by, from, to, at := s(scoringDiff(a.Value, *a.Previous)), s(*a.Previous), s(a.Value), s(a.Threshold)
		if a.Value > *a.Previous { // a score where lower is better
			return p.T("For the counselor: %s rose by %s since the response before (%s to %s), at least the bank's alert change of %s.", label, by, from, to, at)
		}
		return p.T("For the counselor: %s fell by %s since the response before (%s to %s), at least the bank's alert change of %s.", label, by, from, to, at)
	}
	return ""
}

// scoringDiff is |a - b| without float noise.
func scoringDiff(a, b float64) float64 { return scoring.Clean(math.Abs(a - b)) }

// scoreResultNumber writes a number on a score's scale.
type scoreResultNumber func(float64) string

// reliableHead says how a change is judged reliable, with the bank's numbers.
func reliableHead(p *words.Printer, s *scoreSeries, num scoreResultNumber) string {
	c := s.Change
	r, sd := Number(p, c.Reliability), Number(p, c.SD)
	lower := c.Better == questionnaire.BetterLower
	if s.Cutoff != nil {
		cut := num(round2(*s.Cutoff))
		if lower {
			return p.T("Reliable change (Jacobson and Truax): a change counts as reliable when |RCI| is above 1.96, with the bank's reliability %s and spread (SD) %s; cut-off %s; lower is better.", r, sd, cut)
		}
		return p.T("Reliable change (Jacobson and Truax): a change counts as reliable when |RCI| is above 1.96, with the bank's reliability %s and spread (SD) %s; cut-off %s; higher is better.", r, sd, cut)
	}
	if lower {
		return p.T("Reliable change (Jacobson and Truax): a change counts as reliable when |RCI| is above 1.96, with the bank's reliability %s and spread (SD) %s; lower is better.", r, sd)
	}
	return p.T("Reliable change (Jacobson and Truax): a change counts as reliable when |RCI| is above 1.96, with the bank's reliability %s and spread (SD) %s; higher is better.", r, sd)
}

// sinceBefore says the dates of each reliable change of one category since the response
// before: "Reliable improvement since the response before: 6 Oct 2026 (RCI 2.41)."
func sinceBefore(p *words.Printer, c change.Category, at string) string {
	switch c {
	case change.ReliableDeterioration:
		return p.T("Reliable deterioration since the response before: %s.", at)
	case change.ReliableImprovement:
		return p.T("Reliable improvement since the response before: %s.", at)
	}
	return p.T("Recovered since the response before: %s.", at)
}

// changeSummary is what the text, markdown and HTML say under a score's chart about
// reliable change: from the first to the latest kept response, then each reliable change
// since the response before, deteriorations named first. nil when the score makes no
// reliability judgement.
func changeSummary(p *words.Printer, s *scoreSeries, dates []string, num scoreResultNumber) []string {
	if s == nil || !s.Change.HasReliability() {
		return nil
	}
	lines := []string{reliableHead(p, s, num)}
	last := -1
	for j, ch := range s.Changes {
		if ch.FromFirst != nil {
			last = j
		}
	}
	if last >= 0 {
		st := s.Changes[last].FromFirst
		if st.CrossedCutoff && st.Category != change.Recovered {
			lines = append(lines, p.T("From the first to the latest: %s (%s, crossing the cut-off).", categoryWords(p, st.Category), rciWords(p, st.RCI)))
		} else {
			lines = append(lines, p.T("From the first to the latest: %s (%s).", categoryWords(p, st.Category), rciWords(p, st.RCI)))
		}
	}
	for _, want := range []change.Category{change.ReliableDeterioration, change.ReliableImprovement, change.Recovered} {
		var at []string
		for j, ch := range s.Changes {
			if st := ch.FromPrevious; st != nil && st.Category == want {
				at = append(at, dates[j]+" ("+rciWords(p, st.RCI)+")")
			}
		}
		if len(at) > 0 {
			lines = append(lines, sinceBefore(p, want, strings.Join(at, ", ")))
		}
	}
	return lines
}

// noReliabilityNote says why no reliability judgement is made for the scores without
// `change.reliability` and `sd`: "" when every score has them.
func noReliabilityNote(p *words.Printer, b *questionnaire.Bank) string {
	var without []string
	for _, sc := range b.Scores {
		if !sc.Change.HasReliability() {
			without = append(without, text.Clean(sc.Label))
		}
	}
	switch {
	case len(without) == 0:
		return ""
	case len(without) == len(b.Scores):
		return p.T("Only movement is shown: this bank gives no published reliability and spread for its scores, so no change is judged reliable or not.")
	case len(without) == 1:
		return p.T("Only movement is shown for %s: the bank gives no published reliability and spread for it, so no change is judged reliable or not.", without[0])
	}
	return p.T("Only movement is shown for %s: the bank gives no published reliability and spread for them, so no change is judged reliable or not.", strings.Join(without, ", "))
}

// alertLines are the counselor's alerts response j raised, in words, for the Flags.
func alertLines(p *words.Printer, b *questionnaire.Bank, entries []HistoryEntry, series []scoreSeries, j int) []string {
	var out []string
	for _, s := range series {
		sr := entries[j].Result.Scores[s.I]
		num := func(v float64) string { return histNumber(p, sr, v) }
		for _, a := range s.Alerts[j] {
			out = append(out, alertWords(p, text.Clean(b.Scores[s.I].Label), num, a))
		}
	}
	return out
}

// changeCSVHeader are the change columns of a history CSV: for each score with a
// reliability, <id>_cutoff, then <id>_rci_from_first, <id>_category_from_first,
// <id>_crossed_cutoff_from_first and the same _from_previous; for each score with an
// alert, <id>_alerts (the kinds, separated by spaces).
func changeCSVHeader(b *questionnaire.Bank, series []scoreSeries) []string {
	var h []string
	for _, s := range series {
		id := b.Scores[s.I].ID
		if s.Change.HasReliability() {
			h = append(h, id+"_cutoff")
			for _, from := range []string{"_from_first", "_from_previous"} { // words:none: CSV column names, for programs
				h = append(h, id+"_rci"+from, id+"_category"+from, id+"_crossed_cutoff"+from)
			}
		}
		if s.Change.Alert != nil {
			h = append(h, id+"_alerts")
		}
	}
	return h
}

// changeCSVRow are response j's cells under changeCSVHeader: empty where it has no change.
func changeCSVRow(series []scoreSeries, j int) []string {
	var row []string
	for _, s := range series {
		if s.Change.HasReliability() {
			cut := ""
			if s.Cutoff != nil {
				cut = questionnaire.FormatNumber(*s.Cutoff)
			}
			row = append(row, cut)
			for _, st := range []*change.Step{s.Changes[j].FromFirst, s.Changes[j].FromPrevious} {
				if st == nil {
					row = append(row, "", "", "")
					continue
				}
				row = append(row, questionnaire.FormatNumber(st.RCI), string(st.Category), fmt.Sprint(st.CrossedCutoff))
			}
		}
		if s.Change.Alert != nil {
			kinds := make([]string, len(s.Alerts[j]))
			for k, a := range s.Alerts[j] {
				kinds[k] = string(a.Kind)
			}
			row = append(row, strings.Join(kinds, " "))
		}
	}
	return row
}
