package scoring

import (
	"fmt"
	"strings"

	"github.com/candor-app/candor/questionnaire"
)

// StatusOf derives a response's status from its answers, never from what its file says:
// completed when every asked question that needs an answer (`required`) has one, and the
// person answered or skipped at least one asked question (a response with neither was not
// taken); in progress otherwise. asked are the questions asked now (their `when` held);
// skipped and declined are the ids the response lists as skipped and declined. A declined
// question ("I'd rather not answer") has been replied to: it counts as a required
// question's reply, though it is no answer for any score.
func StatusOf(asked []*questionnaire.Question, answers questionnaire.Answers, skipped, declined []string) questionnaire.Status {
	_, _, status := statusOf(asked, answers, skipped, declined)
	return status
}

// statusOf is StatusOf with why: the required questions asked without an answer, and
// whether nothing at all was answered or skipped.
func statusOf(asked []*questionnaire.Question, answers questionnaire.Answers, skipped, declined []string) (missing []string, untouched bool, status questionnaire.Status) {
	skip := make(map[string]bool, len(skipped))
	for _, id := range skipped {
		skip[id] = true
	}
	decl := make(map[string]bool, len(declined))
	for _, id := range declined {
		decl[id] = true
	}
	touched, answerable := false, false
	for _, q := range asked {
		if !q.Answerable() {
			continue
		}
		answerable = true
		switch {
		case answers[q.ID] != nil, decl[q.ID]:
			touched = true
		case q.Required:
			missing = append(missing, q.ID)
		case skip[q.ID]:
			touched = true
		}
	}
	untouched = answerable && !touched
	return missing, untouched, statusFrom(len(missing), answerable, touched)
}

// StatusFrom is StatusOf's rule from counts: open is how many asked, required questions have
// no answer, asked how many asked questions take an answer, touched whether any of them was
// answered or skipped.
func StatusFrom(open, asked int, touched bool) questionnaire.Status {
	return statusFrom(open, asked > 0, touched)
}

func statusFrom(open int, answerable, touched bool) questionnaire.Status {
	if open > 0 || answerable && !touched {
		return questionnaire.InProgress
	}
	return questionnaire.Completed
}

// statusWarning says that a response's file claims another status than its answers give.
func statusWarning(claimed, derived questionnaire.Status, missing []string, untouched bool) string {
	why := ""
	switch {
	case len(missing) > 0:
		ids := make([]string, len(missing))
		for i, id := range missing {
			ids[i] = fmt.Sprintf("%q", id)
		}
		what := "required question " + ids[0] + " has"
		if len(ids) > 1 {
			what = "required questions " + strings.Join(ids[:len(ids)-1], ", ") + " and " + ids[len(ids)-1] + " have"
		}
		why = fmt.Sprintf(", but %s no answer", what)
	case untouched:
		why = ", but it holds no answer"
	default:
		why = ", but every required question asked has an answer"
	}
	return fmt.Sprintf("the response file says it is %s%s; it is taken as %s", claimed, why, statusWords(derived))
}

func statusWords(s questionnaire.Status) string {
	if s == questionnaire.InProgress {
		return "in progress"
	}
	return string(s)
}
