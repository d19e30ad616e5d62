package scoring

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/candor-app/candor/questionnaire"
)

const highlightBank = `candor: 1
id: hl
version: 1.0.0
title: Highlights
choices:
  agree5:
    - {value: 1, label: Strongly disagree}
    - {value: 2, label: Disagree}
    - {value: 3, label: Neither}
    - {value: 4, label: Agree}
    - {value: 5, label: Strongly agree}
questions:
  - {id: gate, text: "Go on?"}
  - {id: q1, text: I listen., choices: agree5}
  - {id: q2, text: I own it., choices: agree5}
  - {id: q3, text: I blame them., choices: agree5, reverse: true}
  - {id: q4, text: I keep promises., choices: agree5, when: gate}
  - {id: q5, text: Days kept this week, type: scale, min: 0, max: 7, required: false}
scores:
  - id: low
    label: Low
    items: [q1, q2, q3, q4, q5]
    method: mean
    max_missing: 2
    highlight: lowest 2
  - id: high
    label: High
    items: [q1, q2, q3, q4, q5]
    method: mean
    max_missing: 2
    highlight: highest 1
  - id: plain
    label: Plain
    items: [q1, q2]
`

func highlightIDs(s ScoreResult) []string {
	var ids []string
	for _, h := range s.Highlights {
		ids = append(ids, h.ID)
	}
	return ids
}

// A score's `highlight` lists the answered, asked items whose answers sit lowest (highest)
// in their own range, reverse keying applied, ties in bank order; never one at the other end.
func TestHighlights(t *testing.T) {
	b := loadBank(t, highlightBank)
	for _, tt := range []struct {
		name      string
		answers   questionnaire.Answers
		low, high []string
	}{
		{"reverse keying counts: agreeing with blame sits lowest",
			questionnaire.Answers{"gate": true, "q1": 4.0, "q2": 3.0, "q3": 5.0, "q4": 4.0},
			[]string{"q3", "q2"}, []string{"q1"}},
		{"ties go in bank order",
			questionnaire.Answers{"gate": true, "q1": 2.0, "q2": 2.0, "q3": 4.0, "q4": 2.0, "q5": 7.0},
			[]string{"q1", "q2"}, []string{"q5"}},
		{"own ranges: 3 of 0-7 sits lower than 3 of 1-5",
			questionnaire.Answers{"gate": true, "q1": 3.0, "q2": 3.0, "q3": 3.0, "q4": 3.0, "q5": 3.0},
			[]string{"q5"}, []string{"q1"}},
		{"not asked and unanswered are left out",
			questionnaire.Answers{"gate": false, "q1": 5.0, "q2": 4.0, "q3": 1.0, "q4": 1.0},
			[]string{"q2"}, []string{"q1"}},
		{"all the same: nothing stands out",
			questionnaire.Answers{"gate": true, "q1": 3.0, "q2": 3.0, "q3": 3.0, "q4": 3.0},
			nil, nil},
	} {
		t.Run(tt.name, func(t *testing.T) {
			r := Score(b, tt.answers, Options{})
			assert.Equal(t, tt.low, highlightIDs(scoreByID(t, r, "low")))
			assert.Equal(t, tt.high, highlightIDs(scoreByID(t, r, "high")))
			assert.Empty(t, scoreByID(t, r, "plain").Highlights, "no highlight asked for")
		})
	}
}

// A highlight quotes the statement and says the answer in words, as stored and as read.
func TestHighlightQuotesTheAnswer(t *testing.T) {
	b := loadBank(t, highlightBank)
	r := Score(b, questionnaire.Answers{"gate": true, "q1": 4.0, "q2": 2.0, "q3": 1.0, "q4": 4.0}, Options{})
	got := scoreByID(t, r, "low").Highlights
	assert.Equal(t, []Highlight{{ID: "q2", Text: "I own it.", Answer: 2.0, AnswerText: "Disagree"}}, got[:1])
}

// Without enough answers for a value, nothing is highlighted.
func TestNoHighlightsWithoutAValue(t *testing.T) {
	b := loadBank(t, highlightBank)
	r := Score(b, questionnaire.Answers{"gate": true, "q1": 1.0}, Options{})
	s := scoreByID(t, r, "low")
	assert.Nil(t, s.Value)
	assert.Empty(t, s.Highlights)
}
