package ask

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/candor-app/candor/questionnaire"
	"github.com/candor-app/candor/scoring"
)

func newDeclineSession(t *testing.T, resp *questionnaire.Response) (*Session, *[]*questionnaire.Response) {
	t.Helper()
	b := loadBank(t, "decline.yaml")
	if resp == nil {
		resp = questionnaire.NewResponse(b, fixed)
	}
	var saved []*questionnaire.Response
	s := NewSession(b, resp, Options{Now: func() time.Time { return fixed }, Save: func(r *questionnaire.Response) error {
		c := *r
		c.Declined = append([]string(nil), r.Declined...)
		saved = append(saved, &c)
		return nil
	}})
	return s, &saved
}

// TestDecline: "I'd rather not answer" is its own reply, where a question allows it: a
// required question so replied to is no longer open, the review says so apart from a skip,
// it is saved under `declined`, and scores see no answer.
func TestDecline(t *testing.T) {
	s, saved := newDeclineSession(t, nil)

	st := at(t, s, "safe", 1, 4)
	assert.True(t, st.CanDecline)
	assert.False(t, st.Optional)
	require.NoError(t, s.Decline())
	require.NotEmpty(t, *saved, "saved at once")
	assert.Equal(t, []string{"safe"}, (*saved)[len(*saved)-1].Declined)

	// The typed words decline too, in any case and with any punctuation.
	at(t, s, "mood", 2, 4)
	require.NoError(t, s.Answer("I'd rather not say."))

	// Where declining is not allowed: the words are an answer that does not fit, and
	// Decline is a problem.
	st = at(t, s, "plain", 3, 4)
	assert.False(t, st.CanDecline)
	assert.Equal(t, CannotDecline, problem(t, s.Decline()))
	assert.Equal(t, NotAnAnswer, problem(t, s.Answer("rather not say")))
	require.NoError(t, s.Answer("y"))

	// At a text question the word is checked before the text is taken as the answer.
	at(t, s, "words", 4, 4)
	require.NoError(t, s.Answer("decline"))
	assert.True(t, s.Done(), "every required question replied to")
	assert.Equal(t, questionnaire.Completed, s.Response().Status)

	items := s.Review()
	require.Len(t, items, 4)
	assert.True(t, items[0].Declined)
	assert.False(t, items[0].Skipped)
	assert.Nil(t, items[0].Answer)
	assert.True(t, items[1].Declined)
	assert.False(t, items[2].Declined)
	assert.True(t, items[3].Declined)

	resp := s.Response()
	assert.Equal(t, []string{"safe", "mood", "words"}, resp.Declined)
	assert.Empty(t, resp.Skipped)
	assert.Equal(t, questionnaire.Answers{"plain": true}, s.Answers())

	// Scores see no answer: the safety question stays open, the score has no value.
	r := scoring.Score(s.Bank(), s.Answers(), scoring.Options{Declined: resp.Declined})
	assert.Equal(t, []string{"safe"}, r.UnansweredSafety)
	assert.Nil(t, r.Scores[0].Value)
	assert.Equal(t, []string{"safe", "mood", "words"}, r.Declined)
}

// TestDeclineChangedAndKept: going back to a declined question shows it declined; Enter
// keeps it; an answer replaces it (and the other way round); a skip is not a decline.
func TestDeclineChangedAndKept(t *testing.T) {
	s, _ := newDeclineSession(t, nil)
	require.NoError(t, s.Decline())
	require.NoError(t, s.GoTo("safe"))
	st := s.Current()
	assert.True(t, st.Declined)
	assert.False(t, st.HasAnswer)
	require.NoError(t, s.Answer(""), "Enter keeps it")
	at(t, s, "mood", 2, 4)

	require.NoError(t, s.GoTo("safe"))
	require.NoError(t, s.Answer("no"))
	assert.Empty(t, s.Response().Declined, "an answer replaces it")
	assert.Len(t, s.PendingAtOnce(), 1, "and the answer raises its flag")
	s.AckAtOnce()

	require.NoError(t, s.GoTo("safe"))
	require.NoError(t, s.Decline())
	assert.Equal(t, []string{"safe"}, s.Response().Declined)
	_, has := s.Answers()["safe"]
	assert.False(t, has, "a decline replaces the answer")

	require.NoError(t, s.GoTo("words"))
	require.NoError(t, s.Skip())
	assert.Equal(t, []string{"words"}, s.Response().Skipped)
	assert.Equal(t, []string{"safe"}, s.Response().Declined, "a skip is not a decline")
	require.NoError(t, s.GoTo("words"))
	require.NoError(t, s.Decline())
	assert.Empty(t, s.Response().Skipped, "a decline is not a skip")
	assert.Equal(t, []string{"safe", "words"}, s.Response().Declined)
}

// TestDeclineResumed: a response's `declined` questions are replied to when it is resumed.
func TestDeclineResumed(t *testing.T) {
	resp, ds := questionnaire.ReadResponse("r.yaml", []byte("candor: 1\nkind: response\nbank: {id: decline-steps, version: 1.0.0}\n"+
		"answers: {mood: 3, plain: true}\ndeclined: [safe]\n"))
	require.Empty(t, ds)
	s, _ := newDeclineSession(t, resp)
	at(t, s, "words", 4, 4)
	require.NoError(t, s.Answer(""))
	assert.True(t, s.Done())
	assert.Equal(t, questionnaire.Completed, s.Response().Status)
	assert.True(t, s.Review()[0].Declined)
}

// TestDeclineCountsAsTouched: a response whose only reply is a decline is completed, as
// scoring.StatusOf says.
func TestDeclineCountsAsTouched(t *testing.T) {
	b, ds := questionnaire.Load("b.yaml", []byte("candor: 1\nid: b\nversion: 1.0.0\ntitle: B\nquestions:\n  - {id: a, text: \"A?\", required: false, decline: true}\n"))
	require.NotNil(t, b, "%v", ds)
	s := NewSession(b, questionnaire.NewResponse(b, fixed), Options{})
	require.NoError(t, s.Decline())
	assert.Equal(t, questionnaire.Completed, s.Response().Status)
	assert.Equal(t, scoring.StatusOf(b.Questions, s.Answers(), nil, s.Response().Declined), s.Response().Status)
}

// TestParseDeclineWordsWhereNotAllowed: the decline words at a question without `decline`
// are explained, not read as a wrong answer.
func TestParseDeclineWordsWhereNotAllowed(t *testing.T) {
	b, ds := questionnaire.Load("b.yaml", []byte("candor: 1\nid: b\nversion: 1.0.0\ntitle: B\nquestions:\n"+
		"  - {id: a, text: \"A?\"}\n  - {id: b, text: \"B?\", min: 1, max: 5, required: false}\n  - {id: c, text: \"C?\", decline: true}\n"))
	require.NotNil(t, b, "%v", ds)
	for _, tc := range []struct {
		id, in string
		want   Reason
	}{
		{"a", "rather not say", NoDecline},
		{"b", "Prefer not to say", NoDecline},
		{"a", "pass", NotYesNo},
	} {
		v, p, _ := parse(b.Question(tc.id), tc.in)
		assert.Nil(t, v)
		require.NotNil(t, p)
		assert.Equal(t, tc.want, p.Reason, "%s %q", tc.id, tc.in)
	}
	// Where it is allowed, the session declines before parsing; parse itself never declines.
	v, p, _ := parse(b.Question("c"), "yes")
	assert.Equal(t, true, v)
	assert.Nil(t, p)
}
