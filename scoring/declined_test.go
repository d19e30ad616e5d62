package scoring

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/candor-app/candor/questionnaire"
)

// declinedBank: a safety question and three scored items that may be declined; the score
// prorates one missing item.
const declinedBank = `candor: 1
id: declined
version: 1.0.0
title: Declined
decline: true
questions:
  - {id: safe, text: "Safe?"}
  - {id: q1, text: "One?", min: 0, max: 3}
  - {id: q2, text: "Two?", min: 0, max: 3}
  - {id: q3, text: "Three?", min: 0, max: 3}
scores:
  - {id: total, label: Total, items: [q1, q2, q3], max_missing: 1}
flags:
  - {id: unsafe, when: safe == false, level: urgent, title: Safety, text: Safety.}
outcomes:
  - {id: unsafe_first, when: unsafe, title: Safety first, text: Safety first.}
  - {id: high, when: total >= 6, title: High, text: High.}
  - {id: low, title: Low, text: Low.}
`

// TestDeclinedIsMissing: a declined answer is no answer for scores (prorated like a skipped
// one), leaves a safety question open, and counts as a reply for the status.
func TestDeclinedIsMissing(t *testing.T) {
	b := loadBank(t, declinedBank)
	answers := questionnaire.Answers{"safe": true, "q1": 3.0, "q2": 3.0}
	declined := Score(b, answers, Options{Declined: []string{"q3"}})
	skipped := Score(b, answers, Options{Skipped: []string{"q3"}})

	total := scoreByID(t, declined, "total")
	require.NotNil(t, total.Value)
	assert.Equal(t, 9.0, *total.Value, "prorated from the two answered: 6 × 3/2")
	assert.True(t, total.Prorated)
	assert.Equal(t, 2, total.Answered)
	assert.Equal(t, scoreByID(t, skipped, "total"), total, "as a skipped item")
	assert.Equal(t, []string{"q3"}, declined.Declined)
	assert.Empty(t, skipped.Declined)
	assert.Equal(t, 3, declined.Answered, "a declined question is not answered")
	assert.Equal(t, questionnaire.Completed, declined.Status, "but it is replied to")

	// Two declined: past max_missing, no value.
	r := Score(b, questionnaire.Answers{"safe": true, "q1": 3.0}, Options{Declined: []string{"q2", "q3"}})
	assert.Nil(t, scoreByID(t, r, "total").Value)
	assert.Equal(t, questionnaire.Completed, r.Status)

	// A required question left without a reply keeps the response in progress.
	r = Score(b, questionnaire.Answers{"safe": true, "q1": 3.0, "q2": 3.0}, Options{})
	assert.Equal(t, questionnaire.InProgress, r.Status)
}

// TestDeclinedInBankTests: a bank's worked example may answer `declined` where declining is
// allowed, and is scored so.
func TestDeclinedInBankTests(t *testing.T) {
	b := loadBank(t, declinedBank+`tests:
  - name: safety declined leaves no verdict but the fallback
    answers: {safe: declined, q1: 3, q2: 3, q3: 3}
    expect: {scores: {total: 9}, flags: []}
  - name: one item declined is prorated
    answers: {safe: yes, q1: 3, q2: 3, q3: rather not say}
    expect: {outcome: high, scores: {total: 9}}
`)
	assert.Equal(t, []string{"safe"}, b.Tests[0].Declined)
	for _, tr := range RunTests(b) {
		assert.Empty(t, tr.Failures, tr.Name)
	}
}

// TestDeclinedSafetyStaysOpen: a declined safety question is an unanswered one: named in
// unanswered_safety and the warnings, and no outcome but the fallback is chosen.
func TestDeclinedSafetyStaysOpen(t *testing.T) {
	b := loadBank(t, declinedBank)
	r := Score(b, questionnaire.Answers{"q1": 3.0, "q2": 3.0, "q3": 3.0}, Options{Declined: []string{"safe"}})
	assert.Equal(t, []string{"safe"}, r.UnansweredSafety)
	assert.Equal(t, []string{"safe"}, r.Declined)
	assert.Contains(t, r.Warnings, Warning{Code: SafetyUnanswered, ID: "safe"})
	assert.True(t, r.Outcome == nil || r.Outcome.ID != "high", "no verdict past an open safety question")
	assert.Equal(t, questionnaire.Completed, r.Status)
	assert.True(t, b.AllowsDecline())

	// A declined question that is answered after all is answered; one not asked is not listed.
	r = Score(b, questionnaire.Answers{"safe": true}, Options{Declined: []string{"safe", "nothing"}})
	assert.Empty(t, r.Declined)
	assert.Empty(t, r.UnansweredSafety)
}
