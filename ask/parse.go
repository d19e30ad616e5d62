package ask

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/candor-app/candor/internal/text"
	"github.com/candor-app/candor/questionnaire"
)

// parse reads a typed answer with questionnaire's one matcher; msg explains in one line why
// it is not one. A choice's "did you mean" also gives the option it suggests (suggest, its
// value), which a yes typed next picks (Session.Answer).
func parse(q *questionnaire.Question, in string) (v any, msg string, suggest any) {
	v, err := q.ParseText(in, true)
	if err == nil {
		return v, "", nil
	}
	if q.Type == questionnaire.Choice {
		if o := q.NearestOption(in); o != nil {
			suggest = o.Value
		}
	}
	v, msg = parseProblem(q, in, err)
	return v, msg, suggest
}

// parseProblem explains in one line why in is not an answer to q (err, from ParseText).
func parseProblem(q *questionnaire.Question, in string, err error) (v any, msg string) {
	if questionnaire.DeclineText(in) {
		// Only a question that allows it takes "rather not say" (Session.Answer checks first).
		if q.Required {
			return nil, "This question doesn't offer \"rather not say\"; please answer it when you're ready."
		}
		return nil, "This question doesn't offer \"rather not say\", but it's optional: you can skip it."
	}
	quoted := strconv.Quote(Short(in))
	switch q.Type {
	case questionnaire.YesNo:
		if questionnaire.Uncertain(in) {
			return nil, notSureMessage(q)
		}
		return nil, fmt.Sprintf("Please type y for yes or n for no (%s isn't one of those).", quoted)
	case questionnaire.Choice:
		if o := nearestOption(q, in); o != "" {
			return nil, fmt.Sprintf("%s isn't one of the choices. Did you mean %s? Please type %s.", quoted, o, ChoiceRange(q))
		}
		return nil, fmt.Sprintf("%s isn't one of the choices. Please type %s.", quoted, ChoiceRange(q))
	case questionnaire.Multi:
		var oe *questionnaire.OptionError
		if errors.As(err, &oe) {
			bad := fmt.Sprint(oe.Value)
			mean := ""
			if o := nearestOption(q, bad); o != "" {
				mean = " Did you mean " + o + "?"
			}
			return nil, fmt.Sprintf("%s isn't one of the choices.%s Type the numbers of the ones that fit, like %s.",
				strconv.Quote(Short(bad)), mean, example(q.OptionNumbers()))
		}
		if ex := (*questionnaire.ExclusiveError)(nil); errors.As(err, &ex) {
			return nil, fmt.Sprintf("%q goes on its own, so it can't be chosen together with %q. Please choose it alone, or leave it out.",
				text.Clean(ex.Alone), text.Clean(ex.With))
		}
		return nil, "Please type the numbers of the choices that fit."
	case questionnaire.Scale:
		return nil, fmt.Sprintf("Please type a whole number from %s to %s (%s isn't one).", questionnaire.FormatNumber(q.Min), questionnaire.FormatNumber(q.Max), quoted)
	case questionnaire.Number:
		if _, err := strconv.ParseFloat(in, 64); err == nil {
			return nil, fmt.Sprintf("Please type a number%s (%s is outside that).", NumberRange(q), quoted)
		}
		return nil, fmt.Sprintf("Please type a number, like 3 or 2.5 (%s isn't one).", quoted)
	case questionnaire.Date:
		_, derr := questionnaire.ParseDate(in)
		if derr == nil {
			return nil, fmt.Sprintf("Please type a date %s (%s is outside that).", q.DateRangeText(), quoted)
		}
		if nd := (*questionnaire.NoSuchDayError)(nil); errors.As(derr, &nd) {
			if nd.Days == 0 {
				return nil, fmt.Sprintf("%s isn't a day: months go from 01 to 12. Please type a date as year-month-day, like 2026-11-27.", quoted)
			}
			return nil, fmt.Sprintf("%s isn't a day: %v. Please type a date as year-month-day, like 2026-11-27.", quoted, nd)
		}
		return nil, fmt.Sprintf("Please type a date as year-month-day, like 2026-11-27 (%s isn't one).", quoted)
	case questionnaire.Text, questionnaire.Info:
		// no step of their own here (listed for the exhaustive check)
	}
	return nil, fmt.Sprintf("That's longer than %d characters; please keep it to one shorter line.", questionnaire.MaxTextAnswer)
}

// nearestOption is the option a typo most likely meant, as "2 (Not sure yet)", or "" when no
// label (or value) is close (questionnaire's one "did you mean").
func nearestOption(q *questionnaire.Question, typed string) string {
	o := q.NearestOption(typed)
	if o == nil {
		return ""
	}
	for i, x := range q.Options {
		if x == o {
			return fmt.Sprintf("%s (%s)", q.OptionNumbers()[i], text.Clean(o.Label))
		}
	}
	return ""
}

// ChoiceRange says which numbers pick a choice: "a number from 1 to 5".
func ChoiceRange(q *questionnaire.Question) string {
	nums := q.OptionNumbers()
	if len(nums) == 0 {
		return "a number"
	}
	return fmt.Sprintf("a number from %s to %s", nums[0], nums[len(nums)-1])
}

// NumberRange is " from 1 to 10", " of at least 0", " up to 10" or "": the range a number
// question takes, to follow "a number".
func NumberRange(q *questionnaire.Question) string {
	switch {
	case q.HasMin && q.HasMax:
		return " from " + q.RangeText() // "from 1 to 7"
	case q.HasMin || q.HasMax:
		return " of " + q.RangeText() // "of at least 0", "of at most 10"
	}
	return ""
}

func example(nums []string) string {
	if len(nums) >= 3 {
		return nums[0] + ", " + nums[2]
	}
	return nums[0]
}

// Short cuts s to 30 columns for quoting it back to the person.
func Short(s string) string { return text.Truncate(s, 30) }

// notSureMessage answers "not sure" at a yes/no question: it is okay, and the question's
// own guidance for it ("If you're not sure, answer no.") when its text or help has one.
func notSureMessage(q *questionnaire.Question) string {
	msg := "It's okay not to be sure. Please type y for yes or n for no"
	if g := notSureGuidance(q.Text); g != "" {
		return msg + `; the question says: "` + g + `"`
	}
	if g := notSureGuidance(q.Help); g != "" {
		return msg + `; its help says: "` + g + `"`
	}
	return msg + ", whichever is closer for now."
}

// sentences splits prose into its sentences, each ending at its stop.
var sentences = regexp.MustCompile(`[^.!?]+(?:[.!?]+|$)`)

// notSureGuidance is the sentence of s that says what to do when unsure: one that starts
// with "If" and speaks of being sure or in doubt. "" when there is none.
func notSureGuidance(s string) string {
	for _, m := range sentences.FindAllString(s, -1) {
		sentence := strings.Join(strings.Fields(m), " ")
		lower := strings.ToLower(sentence)
		if strings.HasPrefix(lower, "if ") && (strings.Contains(lower, "sure") || strings.Contains(lower, "doubt")) {
			return text.Clean(sentence)
		}
	}
	return ""
}
