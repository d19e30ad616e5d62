package scoring

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/candor-app/candor/questionnaire"
)

// privateBank raises one flag of each kind: urgent, a warning, a note shown at once, and a
// note kept for the end.
const privateBank = `candor: 1
id: private-flags
version: 1.0.0
title: Private flags
questions:
  - {id: safe, text: "Safe?"}
  - {id: checked, text: "Checked on?"}
  - {id: heavy, text: "Too much?"}
  - {id: rested, text: "Rested?"}
flags:
  - {id: unsafe, when: safe == false, level: urgent, title: Safety, text: Safety.}
  - {id: checking, when: checked == true, level: warning, title: Checked, text: Checked.}
  - {id: too_much, when: heavy == true, level: note, show: at_once, title: Breathe, text: Breathe.}
  - {id: tired, when: rested == false, level: note, title: Rest, text: Rest.}
outcomes:
  - {id: unsafe_first, when: unsafe, title: Safety first, text: Safety first.}
  - {id: done, title: Thanks, text: Thanks.}
`

// TestPrivate: any flag that is not a note kept for the end makes the answers private (the
// one rule behind take's offer to delete, the page's download note and compare's
// counselor-only view).
func TestPrivate(t *testing.T) {
	b := loadBank(t, privateBank)
	for _, tc := range []struct {
		name    string
		answers questionnaire.Answers
		want    bool
	}{
		{"nothing raised", questionnaire.Answers{"safe": true, "checked": false, "heavy": false, "rested": true}, false},
		{"urgent", questionnaire.Answers{"safe": false}, true},
		{"warning", questionnaire.Answers{"checked": true}, true},
		{"note shown at once", questionnaire.Answers{"heavy": true}, true},
		{"note at the end only", questionnaire.Answers{"rested": false}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := Score(b, tc.answers, Options{})
			assert.Equal(t, tc.want, r.Private(b))
		})
	}
	// Without the bank, only the levels count.
	assert.False(t, Score(b, questionnaire.Answers{"heavy": true}, Options{}).Private(nil))
}
