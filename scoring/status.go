package scoring

import "github.com/candor-app/candor/questionnaire"

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
