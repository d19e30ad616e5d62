package questionnaire

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestAnswerErrorCodes: every value that is not an answer says why as a code with its data
// (a front end's words), and as the diagnostic's English.
func TestAnswerErrorCodes(t *testing.T) {
	yn := &Question{ID: "yn", Type: YesNo}
	scale := &Question{ID: "s", Type: Scale, Min: 1, Max: 5, HasMin: true, HasMax: true}
	num := &Question{ID: "n", Type: Number, Min: 0, Max: 10, HasMin: true, HasMax: true}
	text := &Question{ID: "t", Type: Text}
	date := &Question{ID: "d", Type: Date, MinDate: "2020-01-01", MaxDate: "2021-01-01"}
	multi := &Question{ID: "m", Type: Multi, Options: []*Option{{Value: "a", Label: "A"}, {Value: "b", Label: "B"}}}
	info := &Question{ID: "i", Type: Info}
	long := make([]rune, MaxTextAnswer+1)
	for i := range long {
		long[i] = 'x'
	}
	tests := []struct {
		q     *Question
		v     any
		code  AnswerCode
		value any
		msg   string
	}{
		{yn, "maybe", AnswerNotYesNo, "maybe", `"yn" takes yes or no, not "maybe"`},
		{scale, 2.5, AnswerNotWhole, 2.5, `"s" takes a whole number from 1 to 5, not 2.5`},
		{scale, 9.0, AnswerOutOfRange, 9.0, `9 is outside the range of "s" (1 to 5)`},
		{num, "lots", AnswerNotNumber, "lots", `"n" takes a number, not "lots"`},
		{text, []any{"a"}, AnswerNotText, []any{"a"}, `"t" takes a line of text`},
		{text, string(long), AnswerTooLong, nil, `the answer to "t" is longer than 10000 characters`},
		{date, 3.0, AnswerNotDate, 3.0, `"d" takes a date written YYYY-MM-DD, not 3`},
		{date, "soon", AnswerNotDate, "soon", `"d" takes a date written YYYY-MM-DD, such as 2026-11-27, not "soon"`},
		{date, "2019-12-31", AnswerBeforeEarliest, "2019-12-31", `2019-12-31 is before the earliest date "d" takes (from 2020-01-01 to 2021-01-01)`},
		{date, "2021-01-02", AnswerAfterLatest, "2021-01-02", `2021-01-02 is after the latest date "d" takes (from 2020-01-01 to 2021-01-01)`},
		{multi, []any{"a", "a"}, AnswerChosenTwice, "a", `"m": option "a" is chosen twice`},
		{info, "x", AnswerInfo, "x", `"i" is a statement to read; it takes no answer`},
	}
	for _, tt := range tests {
		t.Run(tt.msg, func(t *testing.T) {
			_, err := tt.q.ParseValue(tt.v)
			var ae *AnswerError
			require.ErrorAs(t, err, &ae)
			assert.Equal(t, tt.code, ae.Code)
			assert.Equal(t, tt.q.ID, ae.Question)
			assert.Equal(t, tt.value, ae.Value)
			assert.EqualError(t, err, tt.msg)
		})
	}
	_, err := date.ParseValue("2021-02-30")
	var ae *AnswerError
	require.ErrorAs(t, err, &ae)
	assert.Equal(t, AnswerNoSuchDay, ae.Code)
	assert.Equal(t, &NoSuchDayError{Year: 2021, Month: 2, Days: 28}, ae.Day)
	var nd *NoSuchDayError
	assert.True(t, errors.As(err, &nd), "the day that is none is still found through the error")
	assert.EqualError(t, err, "2021-02-30 is not a day: February 2021 has 28 days")
}
