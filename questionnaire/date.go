package questionnaire

import (
	"errors"
	"fmt"
	"strings"
	"time"
)

// DateLayout is how a date answer is typed and stored: an ISO 8601 calendar date.
const DateLayout = "2006-01-02"

// Today is the word a date question's `min` or `max` uses for the day it is answered.
const Today = "today"

// Clock gives the day `today` means for date bounds; tests set it. It is the local date.
var Clock = time.Now

// NoSuchDayError is a date written YYYY-MM-DD that names no day: 2026-11-31, 2026-13-01.
// Month is 1-12 when the month exists (then Days is how many days it has), else the month
// written.
type NoSuchDayError struct {
	Year, Month, Days int
}

func (e *NoSuchDayError) Error() string {
	if e.Days == 0 {
		return fmt.Sprintf("there is no month %d (months go from 01 to 12)", e.Month)
	}
	return fmt.Sprintf("%s %d has %d days", time.Month(e.Month), e.Year, e.Days)
}

// noSuchDay is the NoSuchDayError of s, or nil when s is not written YYYY-MM-DD or is a day.
func noSuchDay(s string) *NoSuchDayError {
	var y, m, d int
	if len(s) != len(DateLayout) {
		return nil
	}
	if n, err := fmt.Sscanf(s, "%4d-%2d-%2d", &y, &m, &d); n != 3 || err != nil {
		return nil
	}
	if m < 1 || m > 12 {
		return &NoSuchDayError{Year: y, Month: m}
	}
	days := time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day()
	if d < 1 || d > days {
		return &NoSuchDayError{Year: y, Month: m, Days: days}
	}
	return nil
}

// ParseDate reads an ISO 8601 calendar date (YYYY-MM-DD) as midnight UTC.
func ParseDate(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	t, err := time.Parse(DateLayout, s)
	if err != nil || len(s) != len(DateLayout) {
		if nd := noSuchDay(s); nd != nil {
			return time.Time{}, nd
		}
		return time.Time{}, fmt.Errorf("not a date written YYYY-MM-DD")
	}
	return t, nil
}

// dateBound is a bound's date: itself, or the day `today` means (YYYY-MM-DD) for `today`
// ("" when that day is not known: the bound is then not checked).
func dateBound(s, today string) string {
	if s == Today {
		return today
	}
	return s
}

// DateRangeText says which dates a date question takes: "from 2020-01-01 to today", "no
// later than today", or "any date".
func (q *Question) DateRangeText() string {
	switch lo, hi := q.MinDate, q.MaxDate; {
	case lo != "" && hi != "":
		return fmt.Sprintf("from %s to %s", lo, hi)
	case lo != "":
		return fmt.Sprintf("no earlier than %s", lo)
	case hi != "":
		return fmt.Sprintf("no later than %s", hi)
	}
	return "any date"
}

// parseDateAnswer normalizes a date answer to YYYY-MM-DD within the question's bounds, with
// `today` the local date now (as an answer is given).
func (q *Question) parseDateAnswer(v any) (any, error) {
	return q.parseDate(v, Clock().Format(DateLayout))
}

// parseDate normalizes a date answer within the question's bounds, `today` meaning the day
// given (YYYY-MM-DD): for an answer stored on an earlier day, the day it was stored, so that it
// stays valid when the day moves on and a date after that day is still refused; "" when that
// day is not known, and `today` bounds are then not checked.
func (q *Question) parseDate(v any, today string) (any, error) {
	var s string
	switch x := v.(type) {
	case string:
		s = strings.TrimSpace(x)
	case time.Time:
		s = x.Format(DateLayout)
	default:
		return nil, answerError(q, AnswerNotDate, v)
	}
	if _, err := ParseDate(s); err != nil {
		if nd := (*NoSuchDayError)(nil); errors.As(err, &nd) {
			e := answerError(q, AnswerNoSuchDay, s)
			e.Day = nd
			return nil, e
		}
		return nil, answerError(q, AnswerNotDate, v)
	}
	// Dates written YYYY-MM-DD order as text does.
	bound := func(b string) string { return dateBound(b, today) }
	if lo := bound(q.MinDate); lo != "" && s < lo {
		return nil, answerError(q, AnswerBeforeEarliest, s)
	}
	if hi := bound(q.MaxDate); hi != "" && s > hi {
		return nil, answerError(q, AnswerAfterLatest, s)
	}
	return s, nil
}

// EnvValue is an answer as expressions see it: a date answer is a time (so that it compares
// by time, with `date("2026-01-01")` or `now()`); every other answer is itself.
func (q *Question) EnvValue(v any) any {
	if q.Type == Date {
		if s, ok := v.(string); ok {
			if t, err := ParseDate(s); err == nil {
				return t
			}
		}
	}
	return v
}
