package scoring

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/candor-app/candor/questionnaire"
)

// An urgent flag that names a score made of safety questions (review finding 1).
const safetyScoreBank = `
candor: 1
id: safety-score
version: 1.0.0
title: Safety through a score
questions:
  - {id: safe_home, text: "Are you afraid at home?"}
  - {id: safe_out, text: "Are you afraid outside?"}
  - {id: want, text: "Do you want to go on?"}
scores:
  - {id: danger, label: Danger, items: [safe_home, safe_out], max_missing: 1, bands: [{max: 0, label: Calm, text: All calm}, {label: Afraid, text: afraid}]}
  - {id: wish, label: Wish, items: [want], bands: [{max: 0, label: No, text: not yet}, {label: Yes, text: You are ready}]}
flags:
  - {id: alarm, when: danger >= 1, level: urgent, title: Safety, text: help}
outcomes:
  - {id: ready, when: want == true, title: Ready}
  - {id: open, title: Still open}
`

// A safety question reached through a score (and a flag naming that flag) is open while
// unanswered: no verdict (its answer decides it), no band text, a notice for each.
func TestUnansweredSafetyThroughScore(t *testing.T) {
	b := loadBank(t, safetyScoreBank)
	for name, a := range map[string]questionnaire.Answers{
		"none answered": {"want": true},
		"one answered":  {"want": true, "safe_home": false},
	} {
		t.Run(name, func(t *testing.T) {
			r := Score(b, a, Options{})
			assert.Empty(t, flagIDs(r), "prorated to 0: the flag stays down")
			var open []string
			for _, id := range []string{"safe_home", "safe_out"} {
				if _, ok := a[id]; !ok {
					open = append(open, id)
				}
			}
			assert.Equal(t, open, r.UnansweredSafety)
			assert.Nil(t, r.Outcome, "no verdict while a safety question that decides it is open")
			assert.Equal(t, open, r.OutcomeOpenOn)
			assert.Equal(t, "", scoreByID(t, r, "wish").BandText)
		})
	}
	r := Score(b, questionnaire.Answers{"want": true, "safe_home": false, "safe_out": false}, Options{})
	assert.Empty(t, r.UnansweredSafety)
	assert.Equal(t, "ready", r.Outcome.ID)
}

const twoUrgentBank = `
candor: 1
id: two-urgent
version: 1.0.0
title: Two urgent flags
questions:
  - {id: feel_safe, text: "Do you feel safe?"}
  - {id: hurt, text: "Do you think of hurting yourself?"}
  - {id: want, text: "Do you want to go on?"}
flags:
  - {id: not_safe, when: feel_safe == false, level: urgent, title: Safety, text: help}
  - {id: self_harm, when: hurt == true, level: urgent, title: Care, text: care}
outcomes:
  - {id: safety_first, when: not_safe or self_harm, title: Safety first}
  - {id: careful, when: want == true and feel_safe != false, title: Ready so far}
  - {id: open, title: Still open}
`

// While a safety question is open an outcome is chosen only if it holds whatever the
// answer turns out to be (docs/spec.md §1); the fallback is no way around it.
func TestOpenSafetyChoosesOnlyWhatHoldsInEveryWorld(t *testing.T) {
	b := loadBank(t, twoUrgentBank)
	r := Score(b, questionnaire.Answers{"want": true, "hurt": false}, Options{})
	assert.Equal(t, []string{"feel_safe"}, r.UnansweredSafety)
	assert.Nil(t, r.Outcome, "feel_safe decides between safety_first and careful")
	assert.Equal(t, []string{"feel_safe"}, r.OutcomeOpenOn)

	r = Score(b, questionnaire.Answers{"want": true, "hurt": true}, Options{})
	assert.Equal(t, []string{"feel_safe"}, r.UnansweredSafety)
	assert.Equal(t, "safety_first", r.Outcome.ID, "an outcome for the raised flag")

	r = Score(b, questionnaire.Answers{"want": true, "hurt": false, "feel_safe": true}, Options{})
	assert.Equal(t, "careful", r.Outcome.ID)
}

// A percent score whose asked items all have a zero-width range has no value, not 0%
// (review finding 5c).
func TestPercentOfZeroWidthRange(t *testing.T) {
	b := loadBank(t, `
candor: 1
id: zero-width
version: 1.0.0
title: Zero width
questions:
  - {id: go, text: "Go on?"}
  - {id: fixed, text: "How many?", type: number, min: 3, max: 3}
  - {id: more, text: "More?", when: go == true}
scores:
  - {id: pct, label: Share, method: percent, items: [fixed, more]}
`)
	r := Score(b, questionnaire.Answers{"go": false, "fixed": 3.0}, Options{})
	checkScore(t, r, "pct", nil, nil)
	r = Score(b, questionnaire.Answers{"go": true, "fixed": 3.0, "more": true}, Options{})
	checkScore(t, r, "pct", num(100), nil)
}

// A section's `when` stopped at the work limit is named as the section's, not as its first
// question's (review finding 5b).
func TestTooCostlySectionIsNamed(t *testing.T) {
	b := loadBank(t, `
candor: 1
id: costly-section
version: 1.0.0
title: Costly section
sections:
  - id: first
    questions:
      - {id: n, text: "How many?", type: number, min: 0, max: 100000}
  - id: later
    when: 'let a = 1..int(n); all(a, {all(a, {all(a, {# > 0})})})'
    questions:
      - {id: q, text: "Q?"}
`)
	r := Score(b, questionnaire.Answers{"n": 1000.0}, Options{})
	require.Len(t, r.Warnings, 1)
	assert.Equal(t, Warning{Code: TooCostly, What: "section", ID: "later"}, r.Warnings[0])
}

// A flag's `when` stopped at the work limit is named as the flag's, and the flag is not
// raised.
func TestTooCostlyFlagIsNamed(t *testing.T) {
	b := loadBank(t, `
candor: 1
id: costly-flag
version: 1.0.0
title: Costly flag
questions:
  - {id: n, text: "How many?", type: number, min: 0, max: 100000}
flags:
  - {id: heavy, when: 'let a = 1..int(n); all(a, {all(a, {all(a, {# > 0})})})', level: note, title: Heavy, text: heavy}
`)
	r := Score(b, questionnaire.Answers{"n": 1000.0}, Options{})
	assert.Equal(t, []Warning{{Code: TooCostly, What: "flag", ID: "heavy"}}, r.Warnings)
	assert.Empty(t, r.Flags)
}
