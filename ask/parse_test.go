package ask

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/candor-app/candor/questionnaire"
)

// TestNotSureAtAYesNoQuestion: words of uncertainty at a yes/no question are met warmly,
// with the question's own guidance for not being sure when its text or help has one; other
// words get the plain y/n message.
func TestNotSureAtAYesNoQuestion(t *testing.T) {
	safety := &questionnaire.Question{ID: "feel_safe", Type: questionnaire.YesNo,
		Text: "Do you feel safe with your partner, physically and emotionally? If you're not sure, answer no.",
		Help: "Answer no as well if you feel safe only some of the time."}
	inHelp := &questionnaire.Question{ID: "q", Type: questionnaire.YesNo, Text: "Did you sleep well?",
		Help: "Think of the last week.\nIf in doubt, say no."}
	plain := &questionnaire.Question{ID: "p", Type: questionnaire.YesNo, Text: "Did you talk this week?"}
	const okay = "It's okay not to be sure. Please type y for yes or n for no"
	tests := []struct {
		q    *questionnaire.Question
		in   string
		want string
	}{
		{safety, "not sure", okay + `; the question says: "If you're not sure, answer no."`},
		{safety, "Not sure.", okay + `; the question says: "If you're not sure, answer no."`},
		{safety, "sometimes", okay + `; the question says: "If you're not sure, answer no."`},
		{safety, "idk", okay + `; the question says: "If you're not sure, answer no."`},
		{safety, "maybe", okay + `; the question says: "If you're not sure, answer no."`},
		{safety, "I don't know", okay + `; the question says: "If you're not sure, answer no."`},
		{safety, "i don’t know!", okay + `; the question says: "If you're not sure, answer no."`},
		{safety, "kind of", okay + `; the question says: "If you're not sure, answer no."`},
		{safety, "unsure", okay + `; the question says: "If you're not sure, answer no."`},
		{inHelp, "dunno", okay + `; its help says: "If in doubt, say no."`},
		{plain, "maybe", okay + ", whichever is closer for now."},
		{safety, "purple", `Please type y for yes or n for no ("purple" isn't one of those).`},
		{safety, "maybelline", `Please type y for yes or n for no ("maybelline" isn't one of those).`},
	}
	for _, tt := range tests {
		t.Run(tt.q.ID+"/"+tt.in, func(t *testing.T) {
			v, msg, _ := parse(tt.q, tt.in)
			assert.Nil(t, v)
			assert.Equal(t, tt.want, msg)
		})
	}
}

// TestADateThatIsNoDay: a date written right that names no day says why, warmly.
func TestADateThatIsNoDay(t *testing.T) {
	q := &questionnaire.Question{ID: "when", Type: questionnaire.Date, Text: "When?"}
	for in, want := range map[string]string{
		"2026-11-31": `"2026-11-31" isn't a day: November 2026 has 30 days. Please type a date as year-month-day, like 2026-11-27.`,
		"2026-02-29": `"2026-02-29" isn't a day: February 2026 has 28 days. Please type a date as year-month-day, like 2026-11-27.`,
		"2026-13-01": `"2026-13-01" isn't a day: months go from 01 to 12. Please type a date as year-month-day, like 2026-11-27.`,
		"next week":  `Please type a date as year-month-day, like 2026-11-27 ("next week" isn't one).`,
	} {
		_, msg, _ := parse(q, in)
		assert.Equal(t, want, msg, in)
	}
	_, msg, _ := parse(q, "2028-02-29")
	assert.Empty(t, msg, "a leap day")
}
