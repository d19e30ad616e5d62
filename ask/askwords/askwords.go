// Package askwords says what an answering session reports (ask's codes and data) in the
// words of a language (words.Printer): why a typed answer is not one (ask.Problem), the
// ranges a question takes, an answer as a person reads it. The front ends that drive an
// ask.Session use it, `candor take` (ask/terminal) and the page (web/engine), so both say
// the same.
package askwords

import (
	"strconv"
	"strings"
	"time"

	"github.com/candor-app/candor/ask"
	"github.com/candor-app/candor/internal/text"
	"github.com/candor-app/candor/internal/yamlpos"
	"github.com/candor-app/candor/questionnaire"
	"github.com/candor-app/candor/render"
	"github.com/candor-app/candor/words"
)

// ProblemText says prob to the person, in one line, in p's language. It names no key of a
// front end: a front end that has keys (the terminal's ? and b) may say some codes its own
// way first.
func ProblemText(p *words.Printer, prob *ask.Problem) string {
	switch prob.Code {
	case ask.NotAnAnswer:
		return notAnAnswer(p, prob)
	case ask.NeedsAnswer:
		return p.T("This question needs an answer.")
	case ask.CannotSkip:
		return p.T("This question needs an answer to go on, so it can't be skipped.")
	case ask.AtFirst:
		return p.T("This is the first question, so there's nothing to go back to.")
	case ask.NotAsked:
		if prob.Typed != "" {
			return p.T("%s is not one of the questions asked.", Quote(p, prob.Typed))
		}
		return p.T("There's no question %d; the questions are numbered 1 to %d.", prob.N, prob.Total)
	case ask.NoQuestion:
		return p.T("Every question has been answered.")
	case ask.TooLarge:
		switch tl := prob.TooLarge; {
		case tl == nil:
			return p.T("That answer is too long to keep. Please make it shorter.")
		case tl.Bytes > questionnaire.MaxFileSize:
			return p.T("That answer is too long to keep: with it, the file of your answers would be larger than the %d MiB candor can read back. Please make it shorter.", questionnaire.MaxFileSize>>20)
		}
		return p.T("That answer is too long to keep: with it, the file of your answers would have more than the %s lines and commas candor can read back. Please make it shorter, or use fewer commas.", strconv.Itoa(yamlpos.MaxNodes))
	case ask.InfoOnly:
		return p.T("This is a statement to read; it takes no answer.")
	case ask.CannotDecline:
		return p.T("This question doesn't offer \"rather not answer\".")
	}
	return prob.Error()
}

// notAnAnswer says why a typed text is not an answer (prob.Reason).
// (A limit is written with its digits alone, 200000, as candor has always written it.)
func notAnAnswer(p *words.Printer, prob *ask.Problem) string {
	q := prob.Question
	typed := Quote(p, prob.Typed)
	switch prob.Reason {
	case ask.NoDecline:
		if q != nil && q.Required {
			return p.T("This question doesn't offer \"rather not say\"; please answer it when you're ready.")
		}
		return p.T("This question doesn't offer \"rather not say\", but it's optional: you can skip it.")
	case ask.NotSure:
		switch {
		case prob.Guidance == "":
			return p.T("It's okay not to be sure. Please type y for yes or n for no, whichever is closer for now.")
		case prob.GuidanceInHelp:
			return p.T("It's okay not to be sure. Please type y for yes or n for no; its help says: \"%s\"", prob.Guidance)
		}
		return p.T("It's okay not to be sure. Please type y for yes or n for no; the question says: \"%s\"", prob.Guidance)
	case ask.NotYesNo:
		return p.T("Please type y for yes or n for no (%s isn't one of those).", typed)
	case ask.NotAChoice:
		if prob.Suggestion != "" {
			return p.T("%s isn't one of the choices. Did you mean %s (%s)? Please type %s.", typed, prob.Suggestion, prob.SuggestionLabel, ChoiceRange(p, q))
		}
		return p.T("%s isn't one of the choices. Please type %s.", typed, ChoiceRange(p, q))
	case ask.NotChoices:
		if prob.Suggestion != "" {
			return p.T("%s isn't one of the choices. Did you mean %s (%s)? Type the numbers of the ones that fit, like %s.", typed, prob.Suggestion, prob.SuggestionLabel, example(p, q))
		}
		return p.T("%s isn't one of the choices. Type the numbers of the ones that fit, like %s.", typed, example(p, q))
	case ask.Exclusive:
		return p.T("%s goes on its own, so it can't be chosen together with %s. Please choose it alone, or leave it out.", Quote(p, prob.Alone), Quote(p, prob.With))
	case ask.NoChoices:
		return p.T("Please type the numbers of the choices that fit.")
	case ask.NotOnScale:
		return p.T("Please type a whole number from %s to %s (%s isn't one).", render.Number(p, q.Min), render.Number(p, q.Max), typed)
	case ask.OutOfRange:
		return p.T("Please type %s (%s is outside that).", NumberRange(p, q), typed)
	case ask.NotANumber:
		return p.T("Please type a number, like 3 or 2.5 (%s isn't one).", typed)
	case ask.DateOutOfRange:
		return p.T("Please type a date %s (%s is outside that).", DateRange(p, q), typed)
	case ask.NoSuchDay:
		if d := prob.Day; d != nil && d.Days > 0 {
			return p.T("%s isn't a day: %s has %d days. Please type a date as year-month-day, like 2026-11-27.", typed, p.MonthYear(d.Year, time.Month(d.Month)), d.Days)
		}
		return p.T("%s isn't a day: months go from 01 to 12. Please type a date as year-month-day, like 2026-11-27.", typed)
	case ask.NotADate:
		return p.T("Please type a date as year-month-day, like 2026-11-27 (%s isn't one).", typed)
	case ask.TooLong:
		return p.T("That's longer than %s characters; please keep it to one shorter line.", strconv.Itoa(questionnaire.MaxTextAnswer))
	}
	return prob.Error()
}

// Quote is s between the quotes of p's language, "s" in English and «s» in Spanish, with
// what strconv.Quote escapes escaped (a control character typed never reaches the screen
// as it is); in English it is strconv.Quote(s) byte for byte.
func Quote(p *words.Printer, s string) string {
	q := strconv.Quote(s)
	q = q[1 : len(q)-1]
	if p.T("\"%s\"", "") != `""` {
		q = strings.ReplaceAll(q, `\"`, `"`) // «a"b»: a quote needs no escape between other marks
	}
	return p.T("\"%s\"", q)
}

// Count says how many questions there are (ask.Session.Count): exactly, or about as many
// when some depend on the answers; the terminal and the page say it alike.
func Count(p *words.Printer, n int, exact bool) string {
	if exact {
		return p.T("There are %d questions.", n)
	}
	return p.T("There are about %d questions; a few depend on your answers.", n)
}

// ChoiceRange says which numbers pick a choice: "a number from 1 to 5".
func ChoiceRange(p *words.Printer, q *questionnaire.Question) string {
	nums := q.OptionNumbers()
	if len(nums) == 0 {
		return p.T("a number")
	}
	return p.T("a number from %s to %s", nums[0], nums[len(nums)-1])
}

// NumberRange says which numbers a number question takes: "a number from 1 to 10", "a
// number of at least 0", "a number of at most 10", or "a number".
func NumberRange(p *words.Printer, q *questionnaire.Question) string {
	switch {
	case q.HasMin && q.HasMax:
		return p.T("a number from %s to %s", render.Number(p, q.Min), render.Number(p, q.Max))
	case q.HasMin:
		return p.T("a number of at least %s", render.Number(p, q.Min))
	case q.HasMax:
		return p.T("a number of at most %s", render.Number(p, q.Max))
	}
	return p.T("a number")
}

// DateRange says which dates a date question takes, written as they are typed
// (YYYY-MM-DD): "from 2020-01-01 to today", "no earlier than 2020-01-01", "no later than
// today"; "" for any date.
func DateRange(p *words.Printer, q *questionnaire.Question) string {
	lo, hi := dateBound(p, q.MinDate), dateBound(p, q.MaxDate)
	switch {
	case lo != "" && hi != "":
		return p.T("from %s to %s", lo, hi)
	case lo != "":
		return p.T("no earlier than %s", lo)
	case hi != "":
		return p.T("no later than %s", hi)
	}
	return ""
}

// dateBound is a date bound in words: itself, or "today".
func dateBound(p *words.Printer, s string) string {
	if s == questionnaire.Today {
		return p.T("today")
	}
	return text.Sanitize(s)
}

// example is the numbers of a multi question's choices as an answer may name them: "1, 3".
func example(p *words.Printer, q *questionnaire.Question) string {
	nums := q.OptionNumbers()
	switch {
	case len(nums) >= 3:
		return p.T("%s, %s", nums[0], nums[2])
	case len(nums) > 0:
		return nums[0]
	}
	return ""
}
