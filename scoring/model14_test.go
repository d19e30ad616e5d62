package scoring

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/candor-app/candor/questionnaire"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// PHQ-9 with `missing: lowest` (phq9-fhir.yaml) against the prorating PHQ-9 (phq9.yaml), by
// hand: items 1-8 = 2,2,2,1,1,1,1,0 (sum 10), item 9 skipped. FHIR's calculated total adds
// the answered items: 10. Prorating gives 10 × 9/8 = 11.25.
func TestPHQ9SkippedItemNineFHIRTotal(t *testing.T) {
	a := answersOf("phq9_", 2, 2, 2, 1, 1, 1, 1, 0, -1)
	fhir := Score(loadInstrument(t, "phq9-fhir.yaml"), a, Options{})
	checkScore(t, fhir, "total", num(10), str("Moderate"))
	s := scoreByID(t, fhir, "total")
	assert.False(t, s.Prorated, "a skipped item counted as its lowest is not an estimate")
	assert.Equal(t, 1, s.FilledLowest)
	assert.Equal(t, 8, s.Answered)
	assert.Equal(t, 9, s.Items)

	prorated := Score(loadInstrument(t, "phq9.yaml"), a, Options{})
	checkScore(t, prorated, "total", num(11.25), str("Moderate"))
	assert.True(t, scoreByID(t, prorated, "total").Prorated)

	// More missing than max_missing (8): nothing answered, no total.
	none := Score(loadInstrument(t, "phq9-fhir.yaml"), questionnaire.Answers{}, Options{})
	checkScore(t, none, "total", nil, nil)
}

// The LOINC codes of the FHIR PHQ-9 come through to the JSON result: the score's, each asked
// question's and each chosen option's.
func TestCodesAreKeptInTheResult(t *testing.T) {
	r := Score(loadInstrument(t, "phq9-fhir.yaml"), answersOf("phq9_", 0, 1, 2, 3, 0, 0, 0, 0, 0), Options{})
	s := scoreByID(t, r, "total")
	require.NotNil(t, s.Code)
	assert.Equal(t, questionnaire.Coding{System: "http://loinc.org", Code: "44261-6", Display: "Patient Health Questionnaire 9 item (PHQ-9) total score"}, *s.Code)
	require.Len(t, r.Answers, 10, "one entry per asked, coded question")
	assert.Nil(t, r.Answers[9].Value, "item 10 was asked and left without an answer")
	assert.Empty(t, r.Answers[9].AnswerCodes)
	assert.Equal(t, "phq9_3", r.Answers[2].ID)
	assert.Equal(t, "44259-0", r.Answers[2].Code.Code)
	require.Len(t, r.Answers[2].AnswerCodes, 1)
	assert.Equal(t, "LA6570-1", r.Answers[2].AnswerCodes[0].Code, "More than half the days")
	raw, err := json.Marshal(r)
	require.NoError(t, err)
	assert.Contains(t, string(raw), `"code":{"system":"http://loinc.org","code":"44261-6"`)
	assert.Contains(t, string(raw), `"answer_codes":[{"system":"http://loinc.org","code":"LA6571-9"}]`)

	// A bank without codes adds no `answers` to its result.
	plain, err := json.Marshal(Score(loadInstrument(t, "phq9.yaml"), answersOf("phq9_", 0, 0, 0, 0, 0, 0, 0, 0, 0), Options{}))
	require.NoError(t, err)
	assert.NotContains(t, string(plain), `"answers"`)
	assert.NotContains(t, string(plain), `"code"`)
}

// AUDIT (WHO): questions 2-3 are asked only after a "yes" to drinking; questions 4-8 (a section)
// only when AUDIT-C is above question 1 alone, that is when 2 + 3 > 0; skipped questions score 0
// (`not_asked: lowest`). Every expected total is the hand sum of the WHO item scores.
func TestAUDITSkipRule(t *testing.T) {
	b := loadInstrument(t, "audit.yaml")
	all := func(v ...int) questionnaire.Answers { return answersOf("audit_", v...) }
	const m = -1
	cases := []struct {
		name       string
		answers    questionnaire.Answers
		asked      []string
		auditC     float64
		total      float64
		zone       string
		answeredIn int
	}{
		{"never drinks: 9 and 10 only", all(0, m, m, m, m, m, m, m, 0, 2),
			[]string{"audit_1", "audit_9", "audit_10"}, 0, 2, "Zone I", 3},
		// q1 3, q2 0 + q3 0 = 0: the dependence section is skipped; 3 + 0 + 4 = 7
		{"drinks, never heavily: section skipped", all(3, 0, 0, m, m, m, m, m, 0, 4),
			[]string{"audit_1", "audit_2", "audit_3", "audit_9", "audit_10"}, 3, 7, "Zone I", 5},
		// the same with answers to 4-8 given anyway: not asked, they count 0
		{"answers to skipped questions count 0", all(3, 0, 0, 4, 4, 4, 4, 4, 0, 4),
			[]string{"audit_1", "audit_2", "audit_3", "audit_9", "audit_10"}, 3, 7, "Zone I", 5},
		// q3 1 makes AUDIT-C 4 > 3: asked; 3+0+1 + 2+2+1+1+1 + 2 + 0 = 13
		{"heavy drinking once: section asked", all(3, 0, 1, 2, 2, 1, 1, 1, 2, 0),
			[]string{"audit_1", "audit_2", "audit_3", "audit_4", "audit_5", "audit_6", "audit_7", "audit_8", "audit_9", "audit_10"}, 4, 13, "Zone II", 10},
		// 4+4+4 + 4×5 + 4 + 4 = 40
		{"maximum", all(4, 4, 4, 4, 4, 4, 4, 4, 4, 4),
			[]string{"audit_1", "audit_2", "audit_3", "audit_4", "audit_5", "audit_6", "audit_7", "audit_8", "audit_9", "audit_10"}, 12, 40, "Zone IV", 10},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := Score(b, c.answers, Options{})
			assert.Equal(t, c.asked, r.AskedIDs)
			require.NotNil(t, scoreByID(t, r, "audit_c").Value)
			assert.Equal(t, c.auditC, *scoreByID(t, r, "audit_c").Value)
			checkScore(t, r, "audit", num(c.total), str(c.zone))
			s := scoreByID(t, r, "audit")
			assert.Equal(t, 10, s.Items, "with `not_asked: lowest` every item counts")
			assert.Equal(t, c.answeredIn, s.Answered)
			assert.False(t, s.Prorated)
			assert.Equal(t, questionnaire.Completed, r.Status)
		})
	}
}

const notAskedBank = `
candor: 1
id: not-asked
version: 1.0.0
title: Not asked
questions:
  - {id: drinks, text: "Do you drink?"}
  - {id: a, text: A, min: 0, max: 4, when: drinks == true}
  - {id: b, text: B, min: 0, max: 4, when: drinks == true}
  - {id: c, text: C, min: 0, max: 4}
scores:
  - {id: ab_sum, label: AB, items: [a, b]}
  - {id: ab_low, label: AB lowest, items: [a, b], not_asked: lowest}
  - {id: abc_pct, label: ABC percent, items: [a, b, c], method: percent, max_missing: 1}
  - {id: abc_mean, label: ABC mean, items: [a, b, c], method: mean}
  - {id: abc_missing_low, label: ABC missing lowest, items: [a, b, c], missing: lowest, max_missing: 1}
`

// `not_asked: exclude` (the default) leaves not-asked items out entirely: a score none of whose
// items was asked does not apply (null, applies false); percent and mean are over the asked
// items. `lowest` counts them as their lowest score. `missing: lowest` counts an asked,
// unanswered item as its lowest score instead of prorating.
func TestNotAskedAndMissing(t *testing.T) {
	b := loadBank(t, notAskedBank)

	r := Score(b, questionnaire.Answers{"drinks": false, "c": 3.0}, Options{})
	ab := scoreByID(t, r, "ab_sum")
	assert.False(t, ab.Applies, "no item asked: does not apply")
	assert.Nil(t, ab.Value)
	assert.Equal(t, 0, ab.Items)
	low := scoreByID(t, r, "ab_low")
	assert.True(t, low.Applies)
	checkScore(t, r, "ab_low", num(0), nil)
	// percent over c alone: 3 of 0..4 = 75 (counting a and b as missing it would be prorated
	// from c, or have no value with 2 missing > max_missing 1)
	checkScore(t, r, "abc_pct", num(75), nil)
	pct := scoreByID(t, r, "abc_pct")
	assert.Equal(t, 1, pct.Items)
	assert.False(t, pct.Prorated)
	assert.Equal(t, 0.0, *pct.Min)
	checkScore(t, r, "abc_mean", num(3), nil)

	// Asked: a 4, b unanswered, c 2. Prorated: (4 + 2) × 3/2 = 9 → percent 9/12 = 75;
	// missing lowest: 4 + 0 + 2 = 6.
	r = Score(b, questionnaire.Answers{"drinks": true, "a": 4.0, "c": 2.0}, Options{})
	checkScore(t, r, "abc_pct", num(75), nil)
	assert.True(t, scoreByID(t, r, "abc_pct").Prorated)
	checkScore(t, r, "abc_missing_low", num(6), nil)
	ml := scoreByID(t, r, "abc_missing_low")
	assert.False(t, ml.Prorated)
	assert.Equal(t, 1, ml.FilledLowest)
	assert.True(t, scoreByID(t, r, "ab_sum").Applies)
	checkScore(t, r, "ab_sum", nil, nil) // b missing, max_missing 0

	// Two missing is more than max_missing 1: no value, lowest or not.
	r = Score(b, questionnaire.Answers{"drinks": true, "c": 2.0}, Options{})
	checkScore(t, r, "abc_missing_low", nil, nil)
}

const sectionWhenBank = `
candor: 1
id: section-when
version: 1.0.0
title: Section when
sections:
  - id: first
    questions:
      - {id: together, text: "Still together?"}
      - {id: x, text: X, min: 0, max: 3}
  - id: couple
    when: together == true and x >= 1
    questions:
      - {id: talk, text: Talk, min: 0, max: 3}
      - {id: plan, text: Plan, min: 0, max: 3, when: talk >= 2}
  - id: last
    questions:
      - {id: hope, text: Hope, min: 0, max: 3, when: couple_score >= 4}
scores:
  - id: couple_score
    label: Couple
    items: {section: couple}
`

// A section's `when` decides whether any of its questions is asked; the questions' own `when`
// still applies inside it. A question's `when` may name a score whose items come before it,
// worked out from the answers so far. `items: {section: ID}` is the mapping form.
func TestSectionWhenAndScoreInWhen(t *testing.T) {
	b := loadBank(t, sectionWhenBank)
	require.Len(t, b.Score("couple_score").Items, 2, "the mapping form of items")
	cases := []struct {
		answers questionnaire.Answers
		asked   []string
	}{
		{questionnaire.Answers{"together": false, "x": 3.0, "talk": 3.0, "plan": 3.0, "hope": 1.0}, []string{"together", "x"}},
		{questionnaire.Answers{"together": true, "x": 0.0, "talk": 3.0}, []string{"together", "x"}},
		{questionnaire.Answers{"together": true, "x": 1.0, "talk": 1.0}, []string{"together", "x", "talk"}},
		// talk 2 asks plan; couple_score 2 + 1 = 3 < 4: hope not asked
		{questionnaire.Answers{"together": true, "x": 1.0, "talk": 2.0, "plan": 1.0}, []string{"together", "x", "talk", "plan"}},
		// 2 + 2 = 4: hope asked
		{questionnaire.Answers{"together": true, "x": 1.0, "talk": 2.0, "plan": 2.0}, []string{"together", "x", "talk", "plan", "hope"}},
	}
	for i, c := range cases {
		r := Score(b, c.answers, Options{})
		assert.Equal(t, c.asked, r.AskedIDs, "case %d", i)
	}
}

// Info statements are shown (in Asked) but never count as asked or answered questions; a
// date answer is YYYY-MM-DD, within min and max (`today` is the local date), and compares by
// time in expressions.
func TestInfoAndDate(t *testing.T) {
	b := loadInstrument(t, "apgar.yaml")
	defer func(c func() time.Time) { questionnaire.Clock = c }(questionnaire.Clock)
	questionnaire.Clock = func() time.Time { return time.Date(2026, 11, 27, 10, 0, 0, 0, time.Local) }

	q := b.Question("birth_date")
	for in, want := range map[string]any{"2026-11-27": "2026-11-27", " 2024-02-29 ": "2024-02-29", "2000-01-01": "2000-01-01"} {
		v, err := q.ParseValue(in)
		require.NoError(t, err, in)
		assert.Equal(t, want, v)
	}
	for _, in := range []string{"2026-11-28", "1999-12-31", "27/11/2026", "2026-2-3", "2023-02-29", "today", ""} {
		_, err := q.ParseValue(in)
		assert.Error(t, err, in)
	}
	_, err := b.Question("how_to").ParseValue("ok")
	assert.ErrorContains(t, err, "takes no answer")

	signs := questionnaire.Answers{"appearance": 2.0, "pulse": 2.0, "grimace": 2.0, "activity": 2.0, "respiration": 2.0}
	with := func(date string) questionnaire.Answers {
		a := questionnaire.Answers{"birth_date": date}
		for k, v := range signs {
			a[k] = v
		}
		return a
	}
	r := Score(b, with("2024-12-31"), Options{})
	asked := Asked(b, with("2024-12-31"), nil)
	assert.True(t, asked["how_to"], "an info statement is shown")
	assert.True(t, asked["late_entry"], "2024-12-31 < 2025-01-01")
	assert.Equal(t, 6, r.Asked, "statements are not questions asked")
	assert.Equal(t, 6, r.Answered)
	assert.NotContains(t, r.AskedIDs, "how_to")
	assert.Equal(t, time.Date(2024, 12, 31, 0, 0, 0, 0, time.UTC), r.Env["birth_date"])
	assert.Equal(t, questionnaire.Completed, r.Status)

	assert.False(t, Asked(b, with("2025-01-01"), nil)["late_entry"], "the same day is not before it")
	assert.False(t, Asked(b, signs, nil)["late_entry"], "no date: the condition cannot hold")
}

const safetyOpenBank = `
candor: 1
id: safety-open
version: 1.0.0
title: Safety open
questions:
  - {id: feel_safe, text: "Do you feel safe?"}
  - {id: ready_q, text: "Ready?"}
scores:
  - {id: readiness, label: Readiness, items: [ready_q], bands: [{max: 0, label: Not yet, text: not yet}, {label: Ready, text: You are ready}]}
flags:
  - {id: not_safe, when: feel_safe == false, level: urgent, title: Safety, text: help}
outcomes:
  - {id: safety_first, when: not_safe, title: Safety first}
  - {id: ready, when: ready_q == true, title: Ready}
  - {id: careful, when: ready_q == true and feel_safe != false, title: Ready so far}
  - {id: open, title: Still open}
`

// A question that can raise an urgent flag and has no answer is named in the result's warnings
// and unanswered_safety; no band text is given, and only the fallback may be chosen: an
// outcome that names the open question (`feel_safe != false` holds for no answer) gives no
// verdict either (review finding 2).
func TestUnansweredSafetyQuestion(t *testing.T) {
	b := loadBank(t, safetyOpenBank)
	r := Score(b, questionnaire.Answers{"ready_q": true}, Options{})
	assert.Equal(t, []string{"feel_safe"}, r.UnansweredSafety)
	assert.Nil(t, r.Outcome, "`careful` names feel_safe and holds while it is open, but not when it is false: no verdict")
	assert.Equal(t, []string{"feel_safe"}, r.OutcomeOpenOn)
	s := scoreByID(t, r, "readiness")
	assert.Equal(t, "", s.BandText)
	require.NotNil(t, s.Band)
	require.Len(t, r.Warnings, 1)
	assert.Equal(t, Warning{Code: SafetyUnanswered, ID: "feel_safe"}, r.Warnings[0])

	r = Score(b, questionnaire.Answers{"ready_q": true, "feel_safe": true}, Options{})
	assert.Empty(t, r.UnansweredSafety)
	assert.Equal(t, "ready", r.Outcome.ID)
	assert.Equal(t, "You are ready", scoreByID(t, r, "readiness").BandText)
	assert.Empty(t, r.Warnings)
}
