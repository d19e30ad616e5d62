package ask

import (
	"errors"
	"fmt"
	"strconv"

	"github.com/candor-app/candor/internal/text"
	"github.com/candor-app/candor/questionnaire"
)

// parse reads a typed answer with questionnaire's one matcher; msg explains in one line why
// it is not one.
func parse(q *questionnaire.Question, in string) (v any, msg string) {
	v, err := q.ParseText(in, true)
	if err == nil {
		return v, ""
	}
	quoted := strconv.Quote(Short(in))
	switch q.Type {
	case questionnaire.YesNo:
		return nil, fmt.Sprintf("Please type y for yes or n for no (%s isn't one of those).", quoted)
	case questionnaire.Choice:
		return nil, fmt.Sprintf("%s isn't one of the choices. Please type %s.", quoted, ChoiceRange(q))
	case questionnaire.Multi:
		var oe *questionnaire.OptionError
		if errors.As(err, &oe) {
			return nil, fmt.Sprintf("%s isn't one of the choices. Type the numbers of the ones that fit, like %s.",
				strconv.Quote(Short(fmt.Sprint(oe.Value))), example(q.OptionNumbers()))
		}
		return nil, "Please type the numbers of the choices that fit."
	case questionnaire.Scale:
		return nil, fmt.Sprintf("Please type a whole number from %s to %s (%s isn't one).", num(q.Min), num(q.Max), quoted)
	case questionnaire.Number:
		if _, err := strconv.ParseFloat(in, 64); err == nil {
			return nil, fmt.Sprintf("Please type a number%s (%s is outside that).", NumberRange(q), quoted)
		}
		return nil, fmt.Sprintf("Please type a number, like 3 or 2.5 (%s isn't one).", quoted)
	case questionnaire.Date:
		if _, err := questionnaire.ParseDate(in); err == nil {
			return nil, fmt.Sprintf("Please type a date %s (%s is outside that).", q.DateRangeText(), quoted)
		}
		return nil, fmt.Sprintf("Please type a date as year-month-day, like 2026-11-27 (%s isn't one).", quoted)
	}
	return nil, fmt.Sprintf("That's longer than %d characters; please keep it to one shorter line.", questionnaire.MaxTextAnswer)
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

func num(f float64) string { return questionnaire.FormatNumber(f) }

func example(nums []string) string {
	if len(nums) >= 3 {
		return nums[0] + ", " + nums[2]
	}
	return nums[0]
}

// Short cuts s to 30 columns for quoting it back to the person.
func Short(s string) string { return text.Truncate(s, 30) }
