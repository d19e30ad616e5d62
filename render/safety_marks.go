package render

import (
	"github.com/candor-app/candor/questionnaire"
	"github.com/candor-app/candor/scoring"
	"github.com/candor-app/candor/words"
)

// safetyMark is what the counselor's views of several responses (`history`, `compare`) say
// of one response whose safety is in doubt (docs/spec.md §4, "Counselor views of an unsafe
// response"): an urgent flag is raised, or a safety question was asked and left without an
// answer. Such a response keeps its scores, for the counselor, but is marked beside each of
// them, shows no band label (a band can read as a verdict: "Steadier" beside a week answered
// not safe), and is left out of a history's bars and trend.
type safetyMark struct {
	// Unsafe: an urgent flag is raised (scoring.Result.Urgent).
	Unsafe bool
	// Open: a safety question has no answer (scoring.Result.UnansweredSafety).
	Open bool
}

// safetyMarkOf is r's mark.
func safetyMarkOf(r *scoring.Result) safetyMark {
	return safetyMark{Unsafe: r.Urgent(), Open: len(r.UnansweredSafety) > 0}
}

// marked reports whether the response is marked: its bands are set aside and it is left out
// of a trend.
func (m safetyMark) marked() bool { return m.Unsafe || m.Open }

// words is the mark beside a value in p's words, "" for a response not marked: an urgent
// flag says more than an open question, so it is the one named when both hold.
func (m safetyMark) words(p *words.Printer) string {
	switch {
	case m.Unsafe:
		return p.T("urgent flag")
	case m.Open:
		return p.T("safety question open")
	}
	return ""
}

// csv is the mark in a CSV `safety` cell: "unsafe", "open" or "".
func (m safetyMark) csv() string {
	switch {
	case m.Unsafe:
		return "unsafe" // words:none: a CSV cell's code
	case m.Open:
		return "open" // words:none: a CSV cell's code
	}
	return ""
}

// markedValue is a score's value with its mark instead of its band: "83% (urgent flag)".
func markedValue(p *words.Printer, value string, m safetyMark) string {
	return p.T("%s (%s)", value, m.words(p))
}

// markedWhich lists the marks that occur among ms, in p's words for a sentence: `"(urgent
// flag)"`, `"(urgent flag) or (safety question open)"`; "" when none is marked.
func markedWhich(p *words.Printer, ms []safetyMark) string {
	var unsafe, open bool
	for _, m := range ms {
		unsafe = unsafe || m.Unsafe
		open = open || (m.Open && !m.Unsafe)
	}
	urgent, safety := p.T("(%s)", safetyMark{Unsafe: true}.words(p)), p.T("(%s)", safetyMark{Open: true}.words(p))
	switch {
	case unsafe && open:
		return p.T("%s or %s", urgent, safety)
	case unsafe:
		return urgent
	case open:
		return safety
	}
	return ""
}

// flagLines are one response's lines under "Flags" in the counselor's views of several
// responses (flagsAndNotes), in p's words.
func flagLines(p *words.Printer, b *questionnaire.Bank, r *scoring.Result) []string {
	lines, _ := flagsAndNotes(p, b, r)
	return lines
}

// flagsAndNotes are one response's lines under "Flags" in the counselor's views of several
// responses, and its notes: the lines are each flag raised, "Title (level)", then each
// safety question left open, in the words of its warning; the notes are its other warnings,
// which leave those out (safetyOpen, worked out once for both). In p's words; not sanitized.
func flagsAndNotes(p *words.Printer, b *questionnaire.Bank, r *scoring.Result) (lines, notes []string) {
	lines = []string{}
	for _, f := range r.Flags {
		lines = append(lines, p.T("%s (%s)", f.Title, levelWords(p, f.Level)))
	}
	open, notes := safetyOpen(b, r, Options{Counselor: true, Words: p})
	return append(lines, open...), notes
}

// levelWords is a flag's level in p's words ("urgent", "warning", "note").
func levelWords(p *words.Printer, l questionnaire.Level) string {
	switch l {
	case questionnaire.Urgent:
		return p.T("urgent")
	case questionnaire.Warn:
		return p.T("warning")
	case questionnaire.NoteLvl:
		return p.T("note")
	}
	return string(l)
}
