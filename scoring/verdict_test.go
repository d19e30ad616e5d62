package scoring

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/candor-app/candor/questionnaire"
)

// phq9Outcomes is the PHQ-9 of issue 21: item 9 read by an urgent flag, and outcomes whose
// fallback is the most reassuring one.
const phq9Outcomes = `
candor: 1
id: phq9-outcomes
version: 1.0.0
title: PHQ-9 with outcomes
choices:
  frequency:
    - {value: 0, label: Not at all, score: 0}
    - {value: 1, label: Several days, score: 1}
    - {value: 2, label: More than half the days, score: 2}
    - {value: 3, label: Nearly every day, score: 3}
questions:
  - {id: q1, text: Little interest, choices: frequency}
  - {id: q2, text: Feeling down, choices: frequency}
  - {id: q3, text: Sleep, choices: frequency}
  - {id: q4, text: Tired, choices: frequency}
  - {id: q5, text: Appetite, choices: frequency}
  - {id: q6, text: Feeling bad about yourself, choices: frequency}
  - {id: q7, text: Concentrating, choices: frequency}
  - {id: q8, text: Moving slowly, choices: frequency}
  - {id: q9, text: Thoughts that you would be better off dead, choices: frequency}
scores:
  - {id: total, label: Total, items: [q1, q2, q3, q4, q5, q6, q7, q8, q9], max_missing: 2, round: 0}
flags:
  - {id: self_harm, when: q9 != nil and q9 > 0, level: urgent, title: Care, text: Please tell someone today.}
outcomes:
  - {id: follow_up, when: self_harm || total >= 10, title: Follow up}
  - {id: incomplete, when: total == nil, title: Incomplete}
  - {id: routine, title: "No further evaluation indicated. Re-screen as needed."}
`

func phq9(values ...int) questionnaire.Answers { return answersOf("q", values...) }

// An outcome is chosen with a safety question open only when it holds whatever the answer
// (docs/spec.md §1): the PHQ-9 and trust-readiness cases of issue 21.
func TestOutcomeHoldsInEveryWorld(t *testing.T) {
	b := loadBank(t, phq9Outcomes)
	trust, ds := questionnaire.LoadFile("../data/banks/trust-readiness.yaml")
	require.NotNil(t, trust, "%v", ds)
	const m = -1
	for _, c := range []struct {
		name    string
		bank    *questionnaire.Bank
		answers questionnaire.Answers
		outcome string
		openOn  []string
	}{
		{"severe with q9 skipped is follow_up", b, phq9(3, 3, 3, 3, 2, 2, 1, 1, m), "follow_up", nil},
		{"total 5 with q9 open: q9 decides", b, phq9(1, 1, 1, 1, 1, 0, 0, 0, m), "", []string{"q9"}},
		{"total 5 with q9 answered 0 is routine", b, phq9(1, 1, 1, 1, 1, 0, 0, 0, 0), "routine", nil},
		{"q9 answered raises the flag", b, phq9(0, 0, 0, 0, 0, 0, 0, 0, 1), "follow_up", nil},
		{"too few answers and q9 open: q9 decides", b, phq9(1, m, m, m, m, m, m, m, m), "", []string{"q9"}},
		{"trust-readiness: three yeses, safety skipped", trust,
			questionnaire.Answers{"could_say_no": true, "want_to_trust": "yes", "love_outweighs_pain": "yes", "could_survive": "yes"}, "", []string{"feel_safe"}},
		{"trust-readiness: nothing answered", trust, questionnaire.Answers{}, "", []string{"feel_safe", "could_say_no"}},
		{"trust-readiness: not safe", trust, questionnaire.Answers{"feel_safe": false}, "safety_first", nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			r := Score(c.bank, c.answers, Options{})
			if c.outcome == "" {
				assert.Nil(t, r.Outcome)
			} else {
				require.NotNil(t, r.Outcome)
				assert.Equal(t, c.outcome, r.Outcome.ID)
			}
			assert.Equal(t, c.openOn, r.OutcomeOpenOn)
		})
	}
}

// Only the open safety questions whose answer changes the verdict are named; an answer
// domain that cannot be listed (a number) gives no verdict, naming every open one.
func TestOutcomeOpenOnNamesWhatDecides(t *testing.T) {
	b := loadBank(t, `
candor: 1
id: two-open
version: 1.0.0
title: Two open
questions:
  - {id: afraid, text: "Are you afraid?"}
  - {id: hurt, text: "Do you think of hurting yourself?"}
  - {id: drinks, text: "How many drinks a day?", type: number, min: 0}
  - {id: want, text: "Do you want to go on?"}
flags:
  - {id: fear, when: afraid == true, level: urgent, title: Safety, text: help}
  - {id: harm, when: hurt == true, level: urgent, title: Care, text: care}
  - {id: drinking, when: drinks != nil and drinks > 20, level: urgent, title: Drinking, text: care}
outcomes:
  - {id: harm_first, when: harm, title: Care first}
  - {id: safety, when: fear or drinking, title: Safety first}
  - {id: go, when: want == true, title: Go on}
  - {id: open, title: Open}
`)
	// With hurt raised, harm_first holds whatever afraid is; drinks is answered.
	r := Score(b, questionnaire.Answers{"hurt": true, "drinks": 0.0, "want": true}, Options{})
	require.NotNil(t, r.Outcome)
	assert.Equal(t, "harm_first", r.Outcome.ID)
	// With hurt false, only afraid decides.
	r = Score(b, questionnaire.Answers{"hurt": false, "drinks": 0.0, "want": true}, Options{})
	assert.Nil(t, r.Outcome)
	assert.Equal(t, []string{"afraid"}, r.OutcomeOpenOn)
	// Both open: each decides.
	r = Score(b, questionnaire.Answers{"drinks": 0.0, "want": true}, Options{})
	assert.Nil(t, r.Outcome)
	assert.Equal(t, []string{"afraid", "hurt"}, r.OutcomeOpenOn)
	// A number cannot be tried answer by answer: no verdict, every open question named.
	r = Score(b, questionnaire.Answers{"afraid": false, "hurt": true, "want": true}, Options{})
	assert.Nil(t, r.Outcome)
	assert.Equal(t, []string{"drinks"}, r.OutcomeOpenOn)
}

// A question asked only after an open safety question's answer is tried too: here the
// second safety question is asked only when the first is answered yes.
func TestOpenSafetyFollowsWhen(t *testing.T) {
	b := loadBank(t, `
candor: 1
id: nested
version: 1.0.0
title: Nested
questions:
  - {id: partner, text: "Do you have a partner?"}
  - {id: afraid, text: "Are you afraid of them?", when: partner == true}
  - {id: want, text: "Do you want to go on?"}
flags:
  - {id: fear, when: afraid == true, level: urgent, title: Safety, text: help}
outcomes:
  - {id: safety, when: fear, title: Safety first}
  - {id: go, when: want == true, title: Go on, hopeful: true}
  - {id: open, title: Open}
`)
	r := Score(b, questionnaire.Answers{"partner": false, "want": true}, Options{})
	require.NotNil(t, r.Outcome, "afraid is not asked, so nothing is open")
	assert.Equal(t, "go", r.Outcome.ID)
	assert.True(t, r.Outcome.Hopeful)
	r = Score(b, questionnaire.Answers{"partner": true, "want": true}, Options{})
	assert.Nil(t, r.Outcome)
	assert.Equal(t, []string{"afraid"}, r.OutcomeOpenOn)
}

// warningBank has warning signs in two scores, hopeful bands and outcomes, and texts that
// suggest working on it together.
const warningBank = `
candor: 1
id: warnings
version: 1.0.0
title: Warnings
outro:
  - Whatever you answered, you can come back.
  - {text: Talk it over with your partner., together: true}
choices:
  agree:
    - {value: 1, label: Disagree, score: 1}
    - {value: 2, label: Agree, score: 2}
questions:
  - {id: feel_safe, text: "Do you feel safe?"}
  - {id: blame, text: My partner is partly to blame., choices: agree, warning_sign: [2]}
  - {id: owned, text: I owned what I did., choices: agree}
  - {id: kept, text: I kept my word., choices: agree}
  - {id: ways, text: "Which do you do?", type: multi, choices: [{value: phone, label: Check the phone, score: 1}, {value: talk, label: Talk, score: 0}], warning_sign: [phone]}
scores:
  - id: owning
    label: Owning it
    items: [blame, owned]
    bands:
      - {max: 2, label: Starting}
      - {label: Well grounded, text: Keep going together., hopeful: true, together: true}
  - id: keeping
    label: Keeping your word
    items: [kept]
    bands:
      - {max: 1, label: Starting}
      - {label: Steady, hopeful: true}
flags:
  - {id: not_safe, when: feel_safe == false, level: urgent, title: Safety, text: help}
  - {id: checking, when: ways != nil, level: note, title: Checking, text: Talk with your partner about it., together: true}
outcomes:
  - {id: safety_first, when: not_safe, title: Safety first}
  - {id: steady, when: owning >= 3 and keeping >= 2, title: Steady, hopeful: true}
  - {id: talk, when: owning >= 3, title: Talk it over, together: true}
  - {id: keep_going, title: Keep going}
`

// While a warning sign is raised no hopeful outcome is chosen, and a score that includes
// the item shows no hopeful band; other scores keep theirs (docs/spec.md §1).
func TestWarningSignsHoldBackHope(t *testing.T) {
	b := loadBank(t, warningBank)
	good := questionnaire.Answers{"feel_safe": true, "blame": 1.0, "owned": 2.0, "kept": 2.0}
	r := Score(b, good, Options{})
	require.NotNil(t, r.Outcome)
	assert.Equal(t, "steady", r.Outcome.ID)
	assert.True(t, r.Outcome.Hopeful)
	assert.Empty(t, r.WarningSigns)
	owning := scoreByID(t, r, "owning")
	assert.Equal(t, "Well grounded", *owning.Band)
	assert.True(t, owning.BandHopeful)
	assert.Equal(t, "Keep going together.", owning.BandText, "safe: a together text is shown")

	bad := questionnaire.Answers{"feel_safe": true, "blame": 2.0, "owned": 2.0, "kept": 2.0}
	r = Score(b, bad, Options{})
	require.NotNil(t, r.Outcome)
	assert.Equal(t, "talk", r.Outcome.ID, "steady is skipped as if false")
	assert.False(t, r.Outcome.Hopeful)
	assert.Equal(t, []WarningSign{{ID: "blame", Text: "My partner is partly to blame.", Answer: 2.0, AnswerText: "Agree"}}, r.WarningSigns)
	owning = scoreByID(t, r, "owning")
	assert.Nil(t, owning.Band, "the hopeful band of a score with the item is withheld")
	assert.Empty(t, owning.BandText)
	assert.False(t, owning.BandHopeful)
	assert.True(t, owning.BandWithheld)
	require.NotNil(t, owning.Value, "the score stays")
	keeping := scoreByID(t, r, "keeping")
	assert.Equal(t, "Steady", *keeping.Band, "a score without the item keeps its band")
	assert.True(t, keeping.BandHopeful)

	// A multi answer raises the sign when any chosen option is one.
	r = Score(b, questionnaire.Answers{"feel_safe": true, "blame": 1.0, "owned": 2.0, "kept": 2.0, "ways": []any{"talk", "phone"}}, Options{})
	assert.Equal(t, "talk", r.Outcome.ID)
	require.Len(t, r.WarningSigns, 1)
	assert.Equal(t, "ways", r.WarningSigns[0].ID)
	r = Score(b, questionnaire.Answers{"feel_safe": true, "blame": 1.0, "owned": 2.0, "kept": 2.0, "ways": []any{"talk"}}, Options{})
	assert.Equal(t, "steady", r.Outcome.ID)
}

// While an urgent flag is raised or a safety question is open, nothing that suggests working
// on it together is chosen or shown (docs/spec.md §1).
func TestTogetherWithheldWhileUnsafe(t *testing.T) {
	b := loadBank(t, warningBank)
	safe := questionnaire.Answers{"feel_safe": true, "blame": 2.0, "owned": 2.0, "ways": []any{"phone"}}
	r := Score(b, safe, Options{})
	assert.Equal(t, "talk", r.Outcome.ID)
	require.Len(t, r.Flags, 1)
	assert.Equal(t, "Talk with your partner about it.", r.Flags[0].Text)
	assert.False(t, r.Unsafe())

	for name, a := range map[string]questionnaire.Answers{
		"not safe":  {"feel_safe": false, "blame": 1.0, "owned": 2.0, "kept": 2.0, "ways": []any{"phone"}},
		"safe open": {"blame": 1.0, "owned": 2.0, "kept": 2.0, "ways": []any{"phone"}},
	} {
		t.Run(name, func(t *testing.T) {
			r := Score(b, a, Options{})
			assert.True(t, r.Unsafe())
			if r.Outcome != nil {
				assert.False(t, b.Outcome(r.Outcome.ID).Together)
			}
			for _, f := range r.Flags {
				if f.ID == "checking" {
					assert.Empty(t, f.Text)
					assert.True(t, f.TogetherWithheld)
				}
			}
			assert.Empty(t, scoreByID(t, r, "owning").BandText)
			assert.Equal(t, "Whatever you answered, you can come back.", b.OutroFor(r.Unsafe()))
		})
	}
	assert.Equal(t, "Whatever you answered, you can come back.\nTalk it over with your partner.", b.OutroFor(false))
}

// An outcome marked `together` is passed over while unsafe even when its condition holds
// there (here it names the urgent flag itself).
func TestTogetherOutcomePassedOverWhileUnsafe(t *testing.T) {
	b := loadBank(t, `
candor: 1
id: together-outcome
version: 1.0.0
title: Together
questions:
  - {id: feel_safe, text: "Do you feel safe?"}
  - {id: want, text: "Do you want to go on?"}
flags:
  - {id: not_safe, when: feel_safe == false, level: urgent, title: Safety, text: help}
outcomes:
  - {id: talk, when: not_safe or want == true, title: Talk it over with your partner, together: true}
  - {id: safety, when: not_safe, title: Safety first}
  - {id: open, title: Open}
`)
	r := Score(b, questionnaire.Answers{"feel_safe": true, "want": true}, Options{})
	assert.Equal(t, "talk", r.Outcome.ID)
	r = Score(b, questionnaire.Answers{"feel_safe": false, "want": true}, Options{})
	assert.Equal(t, "safety", r.Outcome.ID)
	r = Score(b, questionnaire.Answers{"want": true}, Options{})
	assert.Nil(t, r.Outcome)
	assert.Equal(t, []string{"feel_safe"}, r.OutcomeOpenOn)
}
