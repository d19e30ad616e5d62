package render

import (
	"fmt"
	"strings"

	"github.com/candor-app/candor/questionnaire"
	"github.com/candor-app/candor/scoring"
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

// Words for the mark, beside a score's value: an urgent flag says more than an open question,
// so it is the one named when both hold.
const (
	markUrgent = "urgent flag"
	markOpen   = "safety question open"
)

// words is the mark beside a value, "" for a response not marked.
func (m safetyMark) words() string {
	switch {
	case m.Unsafe:
		return markUrgent
	case m.Open:
		return markOpen
	}
	return ""
}

// csv is the mark in a CSV `safety` cell: "unsafe", "open" or "".
func (m safetyMark) csv() string {
	switch {
	case m.Unsafe:
		return "unsafe"
	case m.Open:
		return "open"
	}
	return ""
}

// markedValue is a score's value with its mark instead of its band: "83% (urgent flag)".
func markedValue(value string, m safetyMark) string {
	return value + " (" + m.words() + ")"
}

// markedWhich lists the marks that occur among ms, in words for a sentence: `"(urgent
// flag)"`, `"(urgent flag) or (safety question open)"`; "" when none is marked.
func markedWhich(ms []safetyMark) string {
	var unsafe, open bool
	for _, m := range ms {
		switch m.words() {
		case markUrgent:
			unsafe = true
		case markOpen:
			open = true
		}
	}
	var parts []string
	if unsafe {
		parts = append(parts, "("+markUrgent+")")
	}
	if open {
		parts = append(parts, "("+markOpen+")")
	}
	return strings.Join(parts, " or ")
}

// flagLines are one response's lines under "Flags" in the counselor's views of several
// responses (flagsAndNotes).
func flagLines(b *questionnaire.Bank, r *scoring.Result) []string {
	lines, _ := flagsAndNotes(b, r)
	return lines
}

// flagsAndNotes are one response's lines under "Flags" in the counselor's views of several
// responses, and its notes: the lines are each flag raised, "Title (level)", then each
// safety question left open, in the words of its warning; the notes are its other warnings,
// which leave those out (safetyOpen, worked out once for both). Not sanitized.
func flagsAndNotes(b *questionnaire.Bank, r *scoring.Result) (lines, notes []string) {
	lines = []string{}
	for _, f := range r.Flags {
		lines = append(lines, fmt.Sprintf("%s (%s)", f.Title, f.Level))
	}
	open, notes := safetyOpen(b, r, Options{Counselor: true})
	return append(lines, open...), notes
}
