package engine

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/candor-app/candor/questionnaire"
)

const declineBank = `candor: 1
id: decline-page
version: 1.0.0
title: Declining
questions:
  - {id: safe, text: "Do you feel safe at home?", decline: true}
  - {id: plain, text: "Did you sleep?"}
flags:
  - {id: unsafe, when: safe == false, level: urgent, title: Safety first, text: Please reach out.}
outcomes:
  - {id: unsafe_first, when: unsafe, title: Safety first, text: Safety first.}
  - {id: fine, title: Thank you, text: Thank you.}
`

// TestDeclineInThePage: the page offers "rather not say" only where the question allows it;
// the decline call records it, Next with nothing chosen keeps it, the review says so apart
// from a skip, the file lists it under `declined`, and the summary names the safety
// question as still open.
func TestDeclineInThePage(t *testing.T) {
	e, err := New("d.yaml", []byte(declineBank), Options{}, now)
	require.NoError(t, err)
	r := call(t, e, "begin", nil)
	assert.True(t, r.View.Question.CanDecline)
	assert.False(t, r.View.Question.Declined)

	r = call(t, e, "decline", nil)
	require.Nil(t, r.Problem)
	assert.Equal(t, "plain", r.View.Question.ID)
	assert.False(t, r.View.Question.CanDecline, "offered only where allowed")
	r = call(t, e, "decline", nil)
	require.NotNil(t, r.Problem)
	assert.Equal(t, "cannot-decline", r.Problem.Code)

	r = call(t, e, "back", nil)
	assert.True(t, r.View.Question.Declined)
	r = call(t, e, "answer", map[string]string{"text": ""})
	require.Nil(t, r.Problem, "Next with nothing chosen keeps it")
	r = call(t, e, "answer", map[string]string{"text": "yes"})
	require.Equal(t, ScreenReview, r.View.Screen)
	require.Len(t, r.View.Review, 2)
	assert.True(t, r.View.Review[0].Declined)
	assert.False(t, r.View.Review[0].Skipped)
	assert.False(t, r.View.Review[0].Answered)

	r = call(t, e, "summary", nil)
	assert.Contains(t, r.View.End.SummaryHTML, "Do you feel safe at home?")
	f := call(t, e, "download", nil).File
	require.NotNil(t, f)
	assert.Contains(t, f.Text, "answers:\n  plain: true\ndeclined: [safe]\n")
	resp, ds := questionnaire.ReadResponse(f.Name, []byte(f.Text))
	require.NotNil(t, resp, "%v", ds)
	assert.Equal(t, questionnaire.Completed, resp.Status)
}
