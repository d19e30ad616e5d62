package questionnaire

import "fmt"

// AnswerError says why a value is not an answer to a question, as a code and the data a
// front end needs to say it in its own words (docs/architecture.md, "Words go the other
// way"). Error() is the diagnostic's English, for the author of a file of answers.
// OptionError (no option named) and ExclusiveError (an option that stands alone, chosen with
// another) are the choice questions' own.
type AnswerError struct {
	Code AnswerCode
	// Question is the question's id.
	Question string
	// Value is the answer given, or the part of it that is wrong: an option chosen twice, the
	// number read, the date written.
	Value any
	// Day is the date written that names no day (AnswerNoSuchDay).
	Day *NoSuchDayError
	// q is the question, for its range in Error().
	q *Question
}

// AnswerCode is the kind of an AnswerError.
type AnswerCode string

// The kinds of AnswerError.
const (
	// AnswerList: a list given to a question that takes one answer.
	AnswerList AnswerCode = "list"
	// AnswerNotScalar: an item of a multi answer's list that is not a single value.
	AnswerNotScalar AnswerCode = "not-scalar"
	// AnswerShape: an answer that is neither a single value nor a list.
	AnswerShape AnswerCode = "shape"
	// AnswerNotYesNo: not yes or no, at a yes/no question.
	AnswerNotYesNo AnswerCode = "not-yes-no"
	// AnswerInfo: an answer to an info statement, which takes none.
	AnswerInfo AnswerCode = "info"
	// AnswerUnknownType: the question's type is none candor knows.
	AnswerUnknownType AnswerCode = "unknown-type"
	// AnswerChosenTwice: an option of a multi answer chosen twice (Value).
	AnswerChosenTwice AnswerCode = "chosen-twice"
	// AnswerNotNumber: not a number, at a scale or number question.
	AnswerNotNumber AnswerCode = "not-a-number"
	// AnswerNotWhole: a number that is not whole, on a scale (Value, the number).
	AnswerNotWhole AnswerCode = "not-whole"
	// AnswerOutOfRange: a number outside the question's min and max (Value, the number).
	AnswerOutOfRange AnswerCode = "out-of-range"
	// AnswerNotText: not text, at a text question.
	AnswerNotText AnswerCode = "not-text"
	// AnswerTooLong: a text answer longer than MaxTextAnswer characters.
	AnswerTooLong AnswerCode = "too-long"
	// AnswerNotDate: not a date written YYYY-MM-DD.
	AnswerNotDate AnswerCode = "not-a-date"
	// AnswerNoSuchDay: a date written YYYY-MM-DD that names no day (Day).
	AnswerNoSuchDay AnswerCode = "no-such-day"
	// AnswerBeforeEarliest, AnswerAfterLatest: a date (Value) outside the question's dates.
	AnswerBeforeEarliest AnswerCode = "before-earliest"
	AnswerAfterLatest    AnswerCode = "after-latest"
)

func answerError(q *Question, code AnswerCode, v any) *AnswerError {
	return &AnswerError{Code: code, Question: q.ID, Value: v, q: q}
}

func (e *AnswerError) Error() string {
	id := e.Question
	switch e.Code {
	case AnswerList:
		return fmt.Sprintf("%q takes one answer, not a list", id)
	case AnswerNotScalar:
		return fmt.Sprintf("%q: each chosen option must be a single value", id)
	case AnswerShape:
		return fmt.Sprintf("%q: an answer must be a single value or a list", id)
	case AnswerNotYesNo:
		return fmt.Sprintf("%q takes yes or no, not %s", id, describe(e.Value))
	case AnswerInfo:
		return fmt.Sprintf("%q is a statement to read; it takes no answer", id)
	case AnswerChosenTwice:
		return fmt.Sprintf("%q: option %s is chosen twice", id, describe(e.Value))
	case AnswerNotNumber:
		return fmt.Sprintf("%q takes a number, not %s", id, describe(e.Value))
	case AnswerNotWhole:
		return fmt.Sprintf("%q takes a whole number from %s to %s, not %s", id, formatNumber(e.q.Min), formatNumber(e.q.Max), describe(e.Value))
	case AnswerOutOfRange:
		return fmt.Sprintf("%s is outside the range of %q (%s)", describe(e.Value), id, e.q.RangeText())
	case AnswerNotText:
		return fmt.Sprintf("%q takes a line of text", id)
	case AnswerTooLong:
		return fmt.Sprintf("the answer to %q is longer than %d characters", id, MaxTextAnswer)
	case AnswerNotDate:
		if _, ok := e.Value.(string); ok {
			return fmt.Sprintf("%q takes a date written YYYY-MM-DD, such as 2026-11-27, not %s", id, describe(e.Value))
		}
		return fmt.Sprintf("%q takes a date written YYYY-MM-DD, not %s", id, describe(e.Value))
	case AnswerNoSuchDay:
		return fmt.Sprintf("%v is not a day: %v", e.Value, e.Day)
	case AnswerBeforeEarliest:
		return fmt.Sprintf("%v is before the earliest date %q takes (%s)", e.Value, id, e.q.DateRangeText())
	case AnswerAfterLatest:
		return fmt.Sprintf("%v is after the latest date %q takes (%s)", e.Value, id, e.q.DateRangeText())
	}
	return fmt.Sprintf("%q has an unknown type", id)
}

// Unwrap is the day that is none (AnswerNoSuchDay), else nil.
func (e *AnswerError) Unwrap() error {
	if e.Day == nil {
		return nil
	}
	return e.Day
}
