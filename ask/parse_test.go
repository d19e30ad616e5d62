package ask

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/candor-app/candor/questionnaire"
)

// TestNotSureAtAYesNoQuestion: words of uncertainty at a yes/no question are NotSure, with
// the question's own guidance for not being sure when its text or help has one (in English
// or Spanish); other words are NotYesNo. ask/askwords says them.
func TestNotSureAtAYesNoQuestion(t *testing.T) {
	safety := &questionnaire.Question{ID: "feel_safe", Type: questionnaire.YesNo,
		Text: "Do you feel safe with your partner, physically and emotionally? If you're not sure, answer no.",
		Help: "Answer no as well if you feel safe only some of the time."}
	inHelp := &questionnaire.Question{ID: "q", Type: questionnaire.YesNo, Text: "Did you sleep well?",
		Help: "Think of the last week.\nIf in doubt, say no."}
	spanish := &questionnaire.Question{ID: "es", Type: questionnaire.YesNo,
		Text: "¿Te sientes a salvo con tu pareja? Si no estás segura o seguro, responde que no."}
	plain := &questionnaire.Question{ID: "p", Type: questionnaire.YesNo, Text: "Did you talk this week?"}
	const says = "If you're not sure, answer no."
	tests := []struct {
		q        *questionnaire.Question
		in       string
		reason   Reason
		guidance string
		inHelp   bool
	}{
		{safety, "not sure", NotSure, says, false},
		{safety, "Not sure.", NotSure, says, false},
		{safety, "sometimes", NotSure, says, false},
		{safety, "idk", NotSure, says, false},
		{safety, "maybe", NotSure, says, false},
		{safety, "I don't know", NotSure, says, false},
		{safety, "i don’t know!", NotSure, says, false},
		{safety, "kind of", NotSure, says, false},
		{safety, "unsure", NotSure, says, false},
		{inHelp, "dunno", NotSure, "If in doubt, say no.", true},
		{spanish, "no estoy segura", NotSure, "Si no estás segura o seguro, responde que no.", false},
		{plain, "maybe", NotSure, "", false},
		{safety, "purple", NotYesNo, "", false},
		{safety, "maybelline", NotYesNo, "", false},
	}
	for _, tt := range tests {
		t.Run(tt.q.ID+"/"+tt.in, func(t *testing.T) {
			v, p, _ := parse(tt.q, tt.in)
			assert.Nil(t, v)
			require.NotNil(t, p)
			assert.Equal(t, NotAnAnswer, p.Code)
			assert.Equal(t, tt.reason, p.Reason)
			assert.Equal(t, tt.guidance, p.Guidance)
			assert.Equal(t, tt.inHelp, p.GuidanceInHelp)
			assert.Equal(t, tt.in, p.Typed)
		})
	}
}

// TestADateThatIsNoDay: a date written right that names no day says which, with its month's
// days; one written otherwise is not a date.
func TestADateThatIsNoDay(t *testing.T) {
	q := &questionnaire.Question{ID: "when", Type: questionnaire.Date, Text: "When?"}
	for in, want := range map[string]*questionnaire.NoSuchDayError{
		"2026-11-31": {Year: 2026, Month: 11, Days: 30},
		"2026-02-29": {Year: 2026, Month: 2, Days: 28},
		"2026-13-01": {Year: 2026, Month: 13},
		"next week":  nil,
	} {
		_, p, _ := parse(q, in)
		require.NotNil(t, p, in)
		assert.Equal(t, want, p.Day, in)
		if want == nil {
			assert.Equal(t, NotADate, p.Reason, in)
		} else {
			assert.Equal(t, NoSuchDay, p.Reason, in)
		}
	}
	_, p, _ := parse(q, "2028-02-29")
	assert.Nil(t, p, "a leap day")
}

// TestParseProblemData: each kind of answer that does not fit gives its reason and the data
// a front end needs to say it.
func TestParseProblemData(t *testing.T) {
	opts := []*questionnaire.Option{{Value: "a", Label: "Not at all"}, {Value: "b", Label: "Sometimes"}, {Value: "c", Label: "Often", Exclusive: true}}
	choice := &questionnaire.Question{ID: "c", Type: questionnaire.Choice, Options: opts}
	multi := &questionnaire.Question{ID: "m", Type: questionnaire.Multi, Options: opts}
	scale := &questionnaire.Question{ID: "s", Type: questionnaire.Scale, Min: 1, Max: 5}
	number := &questionnaire.Question{ID: "n", Type: questionnaire.Number, Min: 0, Max: 10, HasMin: true, HasMax: true}
	date := &questionnaire.Question{ID: "d", Type: questionnaire.Date, MinDate: "2020-01-01"}
	declines := &questionnaire.Question{ID: "y", Type: questionnaire.YesNo, Required: true}
	tests := []struct {
		name string
		q    *questionnaire.Question
		in   string
		want Problem
	}{
		{"choice", choice, "sometmes", Problem{Reason: NotAChoice, Typed: "sometmes", Suggestion: "2", SuggestionLabel: "Sometimes"}},
		{"choice far", choice, "purple", Problem{Reason: NotAChoice, Typed: "purple"}},
		{"multi part", multi, "1, oftn", Problem{Reason: NotChoices, Typed: "oftn", Suggestion: "3", SuggestionLabel: "Often"}},
		{"exclusive", multi, "1 3", Problem{Reason: Exclusive, Typed: "1 3", Alone: "Often", With: "Not at all"}},
		{"scale", scale, "2.5", Problem{Reason: NotOnScale, Typed: "2.5"}},
		{"number out", number, "11", Problem{Reason: OutOfRange, Typed: "11"}},
		{"number", number, "lots", Problem{Reason: NotANumber, Typed: "lots"}},
		{"date out", date, "2019-05-05", Problem{Reason: DateOutOfRange, Typed: "2019-05-05"}},
		{"no decline", declines, "rather not say", Problem{Reason: NoDecline, Typed: "rather not say"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, p, _ := parse(tt.q, tt.in)
			require.NotNil(t, p)
			want := tt.want
			want.Code, want.Question = NotAnAnswer, tt.q
			assert.Equal(t, &want, p)
		})
	}
}
