package scoring

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/candor-app/candor/questionnaire"
)

// TestStatusDerived (issue #12 defect 12): the status is worked out from the answers against
// the bank, never taken from the file. A file that says `completed` with no answers, or with
// a required answer missing, is in progress, with a warning naming why; a claim that agrees
// gives no warning.
func TestStatusDerived(t *testing.T) {
	b := loadBank(t, askedBank) // together, talk (when together), hope required; note, extra optional
	all := questionnaire.Answers{"together": true, "talk": 3.0, "hope": 2.0}
	claim := func(claimed, status questionnaire.Status, untouched bool, missing ...string) *Warning {
		return &Warning{Code: StatusClaim, Claimed: claimed, Status: status, Missing: missing, Untouched: untouched}
	}
	cases := []struct {
		name    string
		answers questionnaire.Answers
		skipped []string
		claim   questionnaire.Status
		status  questionnaire.Status
		warning *Warning
	}{
		{"no answers, file says completed", questionnaire.Answers{}, nil, "completed", "in-progress",
			claim("completed", "in-progress", true, "together", "hope")},
		{"a required answer missing", questionnaire.Answers{"together": false, "note": "x"}, nil, "completed", "in-progress",
			claim("completed", "in-progress", false, "hope")},
		{"a required answer asked by a when missing", questionnaire.Answers{"together": true, "hope": 2.0}, nil, "completed", "in-progress",
			claim("completed", "in-progress", false, "talk")},
		{"every required answer, optional ones left", all, nil, "completed", "completed", nil},
		{"every required answer, file says in-progress", all, nil, "in-progress", "completed",
			claim("in-progress", "completed", false)},
		{"required not asked", questionnaire.Answers{"together": false, "hope": 0.0}, nil, "completed", "completed", nil},
		{"no claim", questionnaire.Answers{}, nil, "", "in-progress", nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := Score(b, c.answers, Options{Status: c.claim, Skipped: c.skipped})
			assert.Equal(t, c.status, r.Status)
			if c.warning == nil {
				assert.Empty(t, r.Warnings)
			} else {
				assert.Equal(t, []Warning{*c.warning}, r.Warnings)
			}
		})
	}
}

// TestStatusUntouched: with only optional questions, a response with neither an answer nor a
// skip was not taken (in progress); one that skipped them all is completed.
func TestStatusUntouched(t *testing.T) {
	b := loadBank(t, `candor: 1
id: optional
version: 1.0.0
title: Optional
questions:
  - {id: a, text: "A?", type: yesno, required: false}
  - {id: b, text: "B?", type: yesno, required: false}
`)
	r := Score(b, questionnaire.Answers{}, Options{Status: questionnaire.Completed})
	assert.Equal(t, questionnaire.InProgress, r.Status)
	assert.Equal(t, []Warning{{Code: StatusClaim, Claimed: questionnaire.Completed, Status: questionnaire.InProgress, Untouched: true}}, r.Warnings)

	r = Score(b, questionnaire.Answers{}, Options{Status: questionnaire.Completed, Skipped: []string{"a", "b"}})
	assert.Equal(t, questionnaire.Completed, r.Status)
	assert.Empty(t, r.Warnings)
	assert.Equal(t, questionnaire.Completed, StatusOf(b.Questions, questionnaire.Answers{"a": true}, nil, nil))
	assert.Equal(t, questionnaire.InProgress, StatusOf(b.Questions, nil, nil, nil))
}
