package render

import (
	"fmt"
	"slices"
	"strings"

	"github.com/candor-app/candor/questionnaire"
	"github.com/candor-app/candor/scoring"
)

// WarningText says a result's warning in words (docs/spec.md §3), for the counselor's
// views and the JSON result: scoring gives only its code and data. b may be nil; a question
// is then named by its id alone.
func WarningText(b *questionnaire.Bank, w scoring.Warning) string {
	switch w.Code {
	case scoring.SafetyUnanswered:
		if q := bankQuestion(b, w.ID); q != nil {
			return fmt.Sprintf("The safety question %q (%s) has no answer; ask about it before anything else.",
				strings.TrimSpace(q.Text), w.ID)
		}
		return fmt.Sprintf("The safety question %q has no answer; ask about it before anything else.", w.ID)
	case scoring.TooCostly:
		return fmt.Sprintf("the `when` of %s %q takes more work to decide than candor allows, so it was taken as not holding", w.What, w.ID)
	case scoring.StatusClaim:
		return statusClaimText(w)
	}
	if w.Text != "" {
		return w.Text
	}
	return string(w.Code)
}

// Worded is r with every warning's Text set (WarningText), as JSON writes it; r itself is
// not changed.
func Worded(b *questionnaire.Bank, r *scoring.Result) *scoring.Result {
	c := *r
	c.Warnings = slices.Clone(r.Warnings)
	for i, w := range c.Warnings {
		if w.Text == "" {
			c.Warnings[i].Text = WarningText(b, w)
		}
	}
	return &c
}

// warningTexts is every warning of r in words.
func warningTexts(b *questionnaire.Bank, r *scoring.Result) []string {
	out := make([]string, len(r.Warnings))
	for i, w := range r.Warnings {
		out[i] = WarningText(b, w)
	}
	return out
}

func bankQuestion(b *questionnaire.Bank, id string) *questionnaire.Question {
	if b == nil {
		return nil
	}
	return b.Question(id)
}

// statusClaimText says that a response's file claims another status than its answers give.
func statusClaimText(w scoring.Warning) string {
	why := ""
	switch {
	case len(w.Missing) > 0:
		ids := make([]string, len(w.Missing))
		for i, id := range w.Missing {
			ids[i] = fmt.Sprintf("%q", id)
		}
		what := "required question " + ids[0] + " has"
		if len(ids) > 1 {
			what = "required questions " + strings.Join(ids[:len(ids)-1], ", ") + " and " + ids[len(ids)-1] + " have"
		}
		why = fmt.Sprintf(", but %s no answer", what)
	case w.Untouched:
		why = ", but it holds no answer"
	default:
		why = ", but every required question asked has an answer"
	}
	return fmt.Sprintf("the response file says it is %s%s; it is taken as %s", w.Claimed, why, statusWords(w.Status))
}

func statusWords(s questionnaire.Status) string {
	if s == questionnaire.InProgress {
		return "in progress"
	}
	return string(s)
}
