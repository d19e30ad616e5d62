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

// Reason says why a typed text is not an answer to its question (a NotAnAnswer Problem):
// codes, whose words a front end chooses (ask/askwords).
type Reason string

// The reasons a text is not an answer, and the Problem's data each comes with.
const (
	// NoDecline: "rather not say" at a question that does not offer it (Question.Required
	// says whether it may be skipped instead).
	NoDecline Reason = "no-decline"
	// NotSure: words of uncertainty at a yes/no question; Guidance is the question's own
	// advice for it, when it has some.
	NotSure Reason = "not-sure"
	// NotYesNo: anything else at a yes/no question (Typed).
	NotYesNo Reason = "not-yes-no"
	// NotAChoice: no option of a choice question (Typed; Suggestion when one is close).
	NotAChoice Reason = "not-a-choice"
	// NotChoices: a part of a multi answer that names no option (Typed is that part;
	// Suggestion when one is close).
	NotChoices Reason = "not-choices"
	// Exclusive: an option that goes on its own (Alone) chosen with another (With).
	Exclusive Reason = "exclusive"
	// NoChoices: a multi answer that names nothing.
	NoChoices Reason = "no-choices"
	// NotOnScale: not a whole number of the scale (Typed; the Question's Min and Max).
	NotOnScale Reason = "not-on-scale"
	// OutOfRange: a number outside the question's range (Typed; its Min, Max).
	OutOfRange Reason = "out-of-range"
	// NotANumber: not a number (Typed).
	NotANumber Reason = "not-a-number"
	// DateOutOfRange: a date outside the question's dates (Typed; its MinDate, MaxDate).
	DateOutOfRange Reason = "date-out-of-range"
	// NoSuchDay: a date written YYYY-MM-DD that names no day (Typed, Day).
	NoSuchDay Reason = "no-such-day"
	// NotADate: not a date written YYYY-MM-DD (Typed).
	NotADate Reason = "not-a-date"
	// TooLong: a text answer longer than questionnaire.MaxTextAnswer characters.
	TooLong Reason = "too-long"
)

// parse reads a typed answer with questionnaire's one matcher; a text that is not one is a
// *Problem saying why. A choice's "did you mean" also gives the option it suggests
// (suggest, its value), which a yes typed next picks (Session.Answer).
func parse(q *questionnaire.Question, in string) (v any, p *Problem, suggest any) {
	v, err := q.ParseText(in, true)
	if err == nil {
		return v, nil, nil
	}
	if q.Type == questionnaire.Choice {
		if o := q.NearestOption(in); o != nil {
			suggest = o.Value
		}
	}
	return nil, parseProblem(q, in, err), suggest
}

// parseProblem says why in is not an answer to q (err, from ParseText).
func parseProblem(q *questionnaire.Question, in string, err error) *Problem {
	p := &Problem{Code: NotAnAnswer, Question: q, Typed: Short(in)}
	if questionnaire.DeclineText(in) {
		// Only a question that allows it takes "rather not say" (Session.Answer checks first).
		p.Reason = NoDecline
		return p
	}
	switch q.Type {
	case questionnaire.YesNo:
		p.Reason = NotYesNo
		if questionnaire.Uncertain(in) {
			p.Reason = NotSure
			if p.Guidance = notSureGuidance(q.Text); p.Guidance == "" {
				p.Guidance = notSureGuidance(q.Help)
				p.GuidanceInHelp = p.Guidance != ""
			}
		}
		return p
	case questionnaire.Choice:
		p.Reason = NotAChoice
		p.suggest(q, in)
		return p
	case questionnaire.Multi:
		var oe *questionnaire.OptionError
		if errors.As(err, &oe) {
			bad := fmt.Sprint(oe.Value)
			p.Reason, p.Typed = NotChoices, Short(bad)
			p.suggest(q, bad)
			return p
		}
		if ex := (*questionnaire.ExclusiveError)(nil); errors.As(err, &ex) {
			p.Reason, p.Alone, p.With = Exclusive, text.Clean(ex.Alone), text.Clean(ex.With)
			return p
		}
		p.Reason = NoChoices
		return p
	case questionnaire.Scale:
		p.Reason = NotOnScale
		return p
	case questionnaire.Number:
		p.Reason = NotANumber
		if _, err := strconv.ParseFloat(in, 64); err == nil {
			p.Reason = OutOfRange
		}
		return p
	case questionnaire.Date:
		_, derr := questionnaire.ParseDate(in)
		p.Reason = NotADate
		if derr == nil {
			p.Reason = DateOutOfRange
		} else if errors.As(derr, &p.Day) {
			p.Reason = NoSuchDay
		}
		return p
	case questionnaire.Text, questionnaire.Info:
		// no step of their own here (listed for the exhaustive check)
	}
	p.Reason = TooLong
	return p
}

// suggest sets the option a typo most likely meant, by its number and label, when a label
// (or value) is close (questionnaire's one "did you mean").
func (p *Problem) suggest(q *questionnaire.Question, typed string) {
	o := q.NearestOption(typed)
	if o == nil {
		return
	}
	for i, x := range q.Options {
		if x == o {
			p.Suggestion, p.SuggestionLabel = q.OptionNumbers()[i], text.Clean(o.Label)
			return
		}
	}
}

// Short cuts s to 30 columns for quoting it back to the person.
func Short(s string) string { return text.Truncate(s, 30) }

// sentences splits prose into its sentences, each ending at its stop.
var sentences = regexp.MustCompile(`[^.!?]+(?:[.!?]+|$)`)

// notSureGuidance is the sentence of s that says what to do when unsure: one that starts
// with "If" and speaks of being sure or in doubt (in a Spanish bank, "Si" and seguro,
// segura or duda). "" when there is none.
func notSureGuidance(s string) string {
	for _, m := range sentences.FindAllString(s, -1) {
		sentence := strings.Join(strings.Fields(m), " ")
		lower := strings.ToLower(sentence)
		if strings.HasPrefix(lower, "if ") && (strings.Contains(lower, "sure") || strings.Contains(lower, "doubt")) ||
			strings.HasPrefix(lower, "si ") && (strings.Contains(lower, "segur") || strings.Contains(lower, "duda")) {
			return text.Clean(sentence)
		}
	}
	return ""
}
