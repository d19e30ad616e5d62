package ask

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/candor-app/candor/questionnaire"
)

// A date typed at the prompt is read as YYYY-MM-DD and held to `today` as it is given; an
// AUDIT-like `when` naming a score of earlier answers decides which questions follow.
func TestDateTodayAndScoreInWhenThroughTheSession(t *testing.T) {
	defer func(c func() time.Time) { questionnaire.Clock = c }(questionnaire.Clock)
	questionnaire.Clock = func() time.Time { return time.Date(2026, 11, 27, 9, 0, 0, 0, time.Local) }
	b, ds := questionnaire.Load("b.yaml", []byte(`candor: 1
id: b
version: 1.0.0
title: B
sections:
  - id: first
    questions:
      - {id: when_last, type: date, text: "When?", max: today}
      - {id: q1, text: Q1, min: 0, max: 4}
      - {id: q2, text: Q2, min: 0, max: 4}
  - id: more
    when: first_two > 2
    questions:
      - {id: note, type: info, text: A few more.}
      - {id: q3, text: Q3, min: 0, max: 4}
scores:
  - {id: first_two, label: First two, items: [q1, q2]}
  - {id: total, label: All, items: [q1, q2, q3], not_asked: lowest}
`))
	require.NotNil(t, b, "%v", ds)
	s := NewSession(b, questionnaire.NewResponse(b, fixed), Options{Now: func() time.Time { return fixed }})
	assert.Equal(t, NotAnAnswer, problem(t, s.Answer("2026-11-28")), "after today")
	assert.Equal(t, NotAnAnswer, problem(t, s.Answer("27/11/2026")))
	require.NoError(t, s.Answer("2026-11-27"))
	assert.Equal(t, "2026-11-27", s.Answers()["when_last"])
	require.NoError(t, s.Answer("1"))
	require.NoError(t, s.Answer("1"))
	assert.True(t, s.Done(), "first_two is 2: the section is not asked")
	require.NoError(t, s.Back())
	require.NoError(t, s.Answer("2"))
	st := s.Current()
	require.False(t, s.Done(), "first_two is 3: the section is asked")
	assert.True(t, st.Info)
	require.NoError(t, s.Answer(""))
	assert.Equal(t, "q3", s.Current().Question.ID)
	assert.Equal(t, 4, s.Current().Total)
}
