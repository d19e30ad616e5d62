package ask

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/candor-app/candor/questionnaire"
	"github.com/candor-app/candor/scoring"
)

// The session's status follows scoring.StatusOf's one rule: only answers to and skips of
// questions asked now count as touched. A resumed file holding only an answer to a question
// no longer asked was saved as completed, then warned about as in progress (review
// finding 5a).
func TestSessionStatusCountsOnlyAskedQuestions(t *testing.T) {
	b, ds := questionnaire.Load("b.yaml", []byte(`candor: 1
id: b
version: 1.0.0
title: B
questions:
  - {id: go, text: "Go on?", required: false}
  - {id: more, text: "More?", when: go == true}
  - {id: final, text: "Final?", when: go == true}
`))
	require.NotNil(t, b, "%v", ds)
	resp := questionnaire.NewResponse(b, time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC))
	resp.SetAnswer("more", true)
	resp.SetSkipped("final", true)
	s := NewSession(b, resp, Options{})
	want := func() questionnaire.Status {
		asked := scoring.Asked(b, s.Answers(), nil)
		var qs []*questionnaire.Question
		for _, q := range b.Questions {
			if asked[q.ID] {
				qs = append(qs, q)
			}
		}
		return scoring.StatusOf(qs, s.Answers(), s.Response().Skipped, s.Response().Declined)
	}
	assert.Equal(t, questionnaire.InProgress, want())
	assert.Equal(t, want(), s.Response().Status, "on resume")
	require.NoError(t, s.Answer("no"))
	assert.Equal(t, questionnaire.Completed, s.Response().Status)
	assert.Equal(t, want(), s.Response().Status)
}
