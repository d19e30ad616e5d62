package render

import (
	"fmt"
	"slices"

	"github.com/candor-app/candor/questionnaire"
	"github.com/candor-app/candor/scoring"
	"github.com/candor-app/candor/words"
)

// WarningText says a result's warning in p's words (docs/spec.md §3), for the counselor's
// views and the JSON result: scoring gives only its code and data. b may be nil; a question
// is then named by its id alone. A warning found reading the file (FromFile) keeps the words
// of its diagnostic, which stay English (diagnostics of files are for their authors).
func WarningText(p *words.Printer, b *questionnaire.Bank, w scoring.Warning) string {
	switch w.Code {
	case scoring.SafetyUnanswered:
		if q := bankQuestion(b, w.ID); q != nil {
			return p.T("The safety question %s (%s) has no answer; ask about it before anything else.",
				quote(p, q.Text), w.ID)
		}
		return p.T("The safety question %q has no answer; ask about it before anything else.", w.ID)
	case scoring.TooCostly:
		return tooCostlyText(p, w)
	case scoring.StatusClaim:
		return statusClaimText(p, w)
	}
	if w.Text != "" {
		return w.Text
	}
	return string(w.Code)
}

// tooCostlyText says that a `when` took more work to decide than candor allows.
func tooCostlyText(p *words.Printer, w scoring.Warning) string {
	switch w.What {
	case "section":
		return p.T("the `when` of section %q takes more work to decide than candor allows, so it was taken as not holding", w.ID)
	case "question":
		return p.T("the `when` of question %q takes more work to decide than candor allows, so it was taken as not holding", w.ID)
	case "flag":
		return p.T("the `when` of flag %q takes more work to decide than candor allows, so it was taken as not holding", w.ID)
	case "outcome":
		return p.T("the `when` of outcome %q takes more work to decide than candor allows, so it was taken as not holding", w.ID)
	}
	return p.T("the `when` of %s %q takes more work to decide than candor allows, so it was taken as not holding", w.What, w.ID)
}

// Worded is r with every warning's Text set (WarningText, in p's words), as JSON writes it;
// r itself is not changed.
func Worded(p *words.Printer, b *questionnaire.Bank, r *scoring.Result) *scoring.Result {
	c := *r
	c.Warnings = slices.Clone(r.Warnings)
	for i, w := range c.Warnings {
		if w.Text == "" {
			c.Warnings[i].Text = WarningText(p, b, w)
		}
	}
	return &c
}

// warningTexts is every warning of r in p's words.
func warningTexts(p *words.Printer, b *questionnaire.Bank, r *scoring.Result) []string {
	out := make([]string, len(r.Warnings))
	for i, w := range r.Warnings {
		out[i] = WarningText(p, b, w)
	}
	return out
}

func bankQuestion(b *questionnaire.Bank, id string) *questionnaire.Question {
	if b == nil {
		return nil
	}
	return b.Question(id)
}

// statusClaimText says that a response's file claims another status than its answers give;
// the claimed status is the file's own word.
func statusClaimText(p *words.Printer, w scoring.Warning) string {
	status := statusWords(p, w.Status)
	switch {
	case len(w.Missing) == 1:
		return p.T("the response file says it is %s, but required question %q has no answer; it is taken as %s", w.Claimed, w.Missing[0], status)
	case len(w.Missing) > 1:
		ids := make([]string, len(w.Missing))
		for i, id := range w.Missing {
			ids[i] = fmt.Sprintf("%q", id)
		}
		list := p.List(ids...)
		return p.T("the response file says it is %s, but required questions %s have no answer; it is taken as %s", w.Claimed, list, status)
	case w.Untouched:
		return p.T("the response file says it is %s, but it holds no answer; it is taken as %s", w.Claimed, status)
	}
	return p.T("the response file says it is %s, but every required question asked has an answer; it is taken as %s", w.Claimed, status)
}

func statusWords(p *words.Printer, s questionnaire.Status) string {
	switch s {
	case questionnaire.InProgress:
		return p.T("in progress")
	case questionnaire.Completed:
		return p.T("completed")
	}
	return string(s)
}
