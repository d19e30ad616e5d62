package scoring

import (
	"encoding/json"
	"sort"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/candor-app/candor/questionnaire"
)

// itemsBank has one question of every scorable kind, each in a score of its own.
const itemsBank = `
candor: 1
id: items
version: 1.0.0
title: Items
choices:
  coded:
    - {value: never, label: Never, score: 0}
    - {value: often, label: Often, score: 5}
    - {value: always, label: Always, score: 7}
questions:
  - {id: yn, text: "Y?", type: yesno}
  - {id: yn_rev, text: "Y?", type: yesno, reverse: true}
  - id: num_choice
    text: "C?"
    choices: [{value: 1, label: One}, {value: 4, label: Four}, {value: 9, label: Nine}]
  - id: scored_choice
    text: "C?"
    choices: [{value: 1, label: One, score: 10}, {value: 2, label: Two, score: 20}]
  - {id: id_choice, text: "C?", choices: coded}
  - {id: id_choice_rev, text: "C?", choices: coded, reverse: true}
  - {id: sc, text: "S?", min: 1, max: 5}
  - {id: sc_rev, text: "S?", min: 1, max: 5, reverse: true}
  - {id: nb, text: "N?", type: number, min: -10, max: 100}
  - {id: nb_open, text: "N?", type: number}
  - id: mu
    text: "M?"
    type: multi
    choices: [{value: a, label: A, score: 1}, {value: b, label: B, score: 2}, {value: c, label: C, score: 4}]
  - id: mu_rev
    text: "M?"
    type: multi
    reverse: true
    choices: [{value: a, label: A, score: 1}, {value: b, label: B, score: 2}, {value: c, label: C, score: 4}]
scores:
  - {id: s_yn, label: x, items: [yn]}
  - {id: s_yn_rev, label: x, items: [yn_rev]}
  - {id: s_num_choice, label: x, items: [num_choice]}
  - {id: s_scored_choice, label: x, items: [scored_choice]}
  - {id: s_id_choice, label: x, items: [id_choice]}
  - {id: s_id_choice_rev, label: x, items: [id_choice_rev]}
  - {id: s_sc, label: x, items: [sc]}
  - {id: s_sc_rev, label: x, items: [sc_rev]}
  - {id: s_nb, label: x, items: [nb]}
  - {id: s_nb_open, label: x, items: [nb_open]}
  - {id: s_mu, label: x, items: [mu]}
  - {id: s_mu_rev, label: x, items: [mu_rev]}
`

// Every kind of item scores as docs/spec.md §1 says, with reverse keying over its own range.
func TestItemScores(t *testing.T) {
	b := loadBank(t, itemsBank)
	cases := []struct {
		q      string
		answer any
		want   float64
	}{
		{"yn", true, 1},
		{"yn", false, 0},
		{"yn_rev", true, 0}, // 0 + 1 − 1
		{"yn_rev", false, 1},
		{"num_choice", 4.0, 4}, // score defaults to the numeric value
		{"num_choice", 9.0, 9},
		{"scored_choice", 2.0, 20}, // an explicit score wins over the value
		{"id_choice", "often", 5},
		{"id_choice_rev", "often", 2},  // 0 + 7 − 5
		{"id_choice_rev", "always", 0}, // 0 + 7 − 7
		{"id_choice_rev", "never", 7},
		{"sc", 4.0, 4},
		{"sc_rev", 4.0, 2}, // 1 + 5 − 4
		{"sc_rev", 1.0, 5},
		{"sc_rev", 5.0, 1},
		{"nb", -2.5, -2.5},
		{"nb_open", 1234.5, 1234.5},
		{"mu", []any{}, 0}, // chose none: answered, scores 0
		{"mu", []any{"a", "c"}, 5},
		{"mu", []any{"a", "b", "c"}, 7},
		{"mu_rev", []any{"a", "c"}, 2}, // 0 + 7 − 5
		{"mu_rev", []any{}, 7},
	}
	for _, c := range cases {
		r := Score(b, questionnaire.Answers{c.q: c.answer}, Options{})
		s := scoreByID(t, r, "s_"+c.q)
		require.NotNil(t, s.Value, "%s = %v has no value", c.q, c.answer)
		assert.Equal(t, c.want, *s.Value, "%s = %v", c.q, c.answer)
		assert.Equal(t, 1, s.Answered)
	}
	// The possible range of each score, reversed or not.
	ranges := map[string][2]float64{"s_yn": {0, 1}, "s_yn_rev": {0, 1}, "s_num_choice": {1, 9}, "s_scored_choice": {10, 20},
		"s_id_choice_rev": {0, 7}, "s_sc_rev": {1, 5}, "s_nb": {-10, 100}, "s_mu": {0, 7}, "s_mu_rev": {0, 7}}
	r := Score(b, questionnaire.Answers{}, Options{})
	for id, want := range ranges {
		s := scoreByID(t, r, id)
		require.NotNil(t, s.Min, id)
		require.NotNil(t, s.Max, id)
		assert.Equal(t, want, [2]float64{*s.Min, *s.Max}, id)
	}
	open := scoreByID(t, r, "s_nb_open")
	assert.Nil(t, open.Min, "an open number item has no lowest score")
	assert.Nil(t, open.Max)
}

const methodsBank = `
candor: 1
id: methods
version: 1.0.0
title: Methods
questions:
  - {id: a, text: "A?", min: 0, max: 4}
  - {id: b, text: "B?", min: 0, max: 4}
  - {id: c, text: "C?", min: 0, max: 4}
  - {id: d, text: "D?", min: 0, max: 4}
scores:
  - id: total
    label: Sum
    items: [a, b, c, d]
    weights: {a: 2, c: 0.5}
    max_missing: 1
    bands: [{max: 7.5, label: Low}, {max: 8, label: Mid}, {label: High}]
  - id: avg
    label: Mean
    method: mean
    items: [a, b, c, d]
    weights: {a: 2, c: 0.5}
    max_missing: 2
    bands: [{max: 2, label: Low}, {label: High}]
  - id: pct
    label: Percent
    method: percent
    items: [a, b, c, d]
    weights: {a: 2, c: 0.5}
    max_missing: 1
    bands: [{max: 50, label: Low}, {label: High}]
  - id: rounded
    label: Rounded mean
    method: mean
    items: [a, b, c]
    round: 0
    max_missing: 1
    bands: [{max: 2, label: Low}, {label: High}]
  - id: two_places
    label: Two places
    items: [a, b, c, d]
    weights: {a: 2.675, b: 0, c: 0, d: 0}
    round: 2
    method: sum
    bands: [{label: Any}]
`

// Weights, sum, mean, percent, prorating with weights, and rounding before banding, against
// values worked out by hand in each case's comment.
func TestMethods(t *testing.T) {
	b := loadBank(t, methodsBank)
	type want struct {
		value *float64
		band  *string
	}
	cases := []struct {
		name    string
		answers questionnaire.Answers
		scores  map[string]want
	}{
		{
			// sum: 2×4 + 4 + 0.5×4 + 4 = 18 (range 0..18); mean: 18 / 4.5 = 4; percent 100
			name:    "all highest",
			answers: questionnaire.Answers{"a": 4.0, "b": 4.0, "c": 4.0, "d": 4.0},
			scores: map[string]want{"total": {num(18), str("High")}, "avg": {num(4), str("High")},
				"pct": {num(100), str("High")}, "rounded": {num(4), str("High")}},
		},
		{
			// sum: 2×1 + 2 + 0.5×3 + 2 = 7.5 (top of Low); mean 7.5/4.5 = 1.666…;
			// percent 7.5/18 = 41.666…; rounded mean of a,b,c: (1+2+3)/3 = 2
			name:    "on a band's max",
			answers: questionnaire.Answers{"a": 1.0, "b": 2.0, "c": 3.0, "d": 2.0},
			scores: map[string]want{"total": {num(7.5), str("Low")}, "avg": {num(7.5 / 4.5), str("Low")},
				"pct": {num(7.5 / 18 * 100), str("Low")}, "rounded": {num(2), str("Low")}},
		},
		{
			// sum: 2×1 + 2 + 0.5×4 + 2 = 8 → Mid (above 7.5, up to 8); rounded (1+2+4)/3 =
			// 2.333 → 2 Low
			name:    "just above a band's max",
			answers: questionnaire.Answers{"a": 1.0, "b": 2.0, "c": 4.0, "d": 2.0},
			scores:  map[string]want{"total": {num(8), str("Mid")}, "rounded": {num(2), str("Low")}},
		},
		{
			// rounded: (2+3+3)/3 = 2.667 → 3, High (exact, it would be above 2 anyway)
			name:    "rounding moves a value across a band",
			answers: questionnaire.Answers{"a": 2.0, "b": 3.0, "c": 3.0, "d": 0.0},
			scores:  map[string]want{"rounded": {num(3), str("High")}},
		},
		{
			// rounded with one missing: (2+3)/2 = 2.5, half away from zero → 3, High
			name:    "rounding half up before banding",
			answers: questionnaire.Answers{"a": 2.0, "b": 3.0},
			scores:  map[string]want{"rounded": {num(3), str("High")}},
		},
		{
			// d missing (weight 1 of 4.5): weighted sum 2×4 + 4 + 0.5×4 = 14,
			// prorated 14 × 4.5/3.5 = 18; mean 14/3.5 = 4; percent 18/18 = 100
			name:    "prorating with weights",
			answers: questionnaire.Answers{"a": 4.0, "b": 4.0, "c": 4.0},
			scores: map[string]want{"total": {num(18), str("High")}, "avg": {num(4), str("High")},
				"pct": {num(100), str("High")}},
		},
		{
			// a missing (weight 2 of 4.5): 1 + 0.5×2 + 1 = 3, × 4.5/2.5 = 5.4; mean 3/2.5 =
			// 1.2; percent 5.4/18 = 30
			name:    "prorating a heavy item",
			answers: questionnaire.Answers{"b": 1.0, "c": 2.0, "d": 1.0},
			scores: map[string]want{"total": {num(5.4), str("Low")}, "avg": {num(1.2), str("Low")},
				"pct": {num(30), str("Low")}},
		},
		{
			// two missing: sum and percent allow 1, no value; mean allows 2: (2×3 + 1)/3 = 7/3
			name:    "beyond max_missing",
			answers: questionnaire.Answers{"a": 3.0, "b": 1.0},
			scores: map[string]want{"total": {nil, nil}, "pct": {nil, nil},
				"avg": {num(7.0 / 3), str("High")}},
		},
		{
			// a scale answer of 1 weighted 2.675 is exactly 2.675 as a decimal: 2.68, not 2.67
			name:    "decimal rounding",
			answers: questionnaire.Answers{"a": 1.0, "b": 0.0, "c": 0.0, "d": 0.0},
			scores:  map[string]want{"two_places": {num(2.68), str("Any")}},
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := Score(b, c.answers, Options{})
			for id, w := range c.scores {
				checkScore(t, r, id, w.value, w.band)
			}
		})
	}
}

const askedBank = `
candor: 1
id: asked
version: 1.0.0
title: Asked
questions:
  - {id: together, text: "Still together?", type: yesno}
  - {id: talk, text: "Do you talk?", when: together == true, min: 0, max: 3}
  - {id: hope, text: "Hopeful?", min: 0, max: 3}
  - {id: note, text: "Anything else?", type: text, required: false}
  - {id: extra, text: "Extra?", min: 0, max: 3, required: false}
scores:
  - id: closeness
    label: Closeness
    items: [talk, hope]
    max_missing: 1
    bands: [{max: 3, label: Low}, {label: High}]
flags:
  - {id: quiet, when: talk == 0, title: Quiet, text: x}
outcomes:
  - {id: apart, when: together == false, title: Apart, text: x}
  - {id: talking, when: talk >= 2, title: Talking, text: x}
  - {id: other, title: Other, text: x}
`

// A question whose `when` does not hold is not asked: an answer it has does not count, not for
// `answered`, not for scores (`not_asked: exclude` leaves it out), and expressions see nil.
func TestAskedAndSkipped(t *testing.T) {
	b := loadBank(t, askedBank)
	cases := []struct {
		name              string
		answers           questionnaire.Answers
		asked, answered   int
		status            questionnaire.Status
		value             *float64
		prorated          bool
		flags             []string
		outcome           string
		askedIDs          []string
		closenessAnswered int
	}{
		{"together, all answered", questionnaire.Answers{"together": true, "talk": 3.0, "hope": 2.0},
			5, 3, "completed", num(5), false, []string{}, "talking", []string{"together", "talk", "hope", "note", "extra"}, 2},
		// talk is not asked: its answer does not exist; with `not_asked: exclude` closeness is
		// over hope alone (2), not prorated
		{"apart, an answer to a question not asked", questionnaire.Answers{"together": false, "talk": 0.0, "hope": 2.0},
			4, 2, "completed", num(2), false, []string{}, "apart", []string{"together", "hope", "note", "extra"}, 1},
		// together unanswered: talk's `when` cannot hold; nothing decides an outcome but the fallback
		{"first question unanswered", questionnaire.Answers{"hope": 1.0},
			4, 1, "in-progress", num(1), false, []string{}, "other", []string{"together", "hope", "note", "extra"}, 1},
		// optional questions left out (skipped) do not keep a response in progress
		{"optional ones skipped", questionnaire.Answers{"together": true, "talk": 0.0, "hope": 0.0},
			5, 3, "completed", num(0), false, []string{"quiet"}, "other", []string{"together", "talk", "hope", "note", "extra"}, 2},
		{"a required one unanswered", questionnaire.Answers{"together": true, "hope": 3.0},
			5, 2, "in-progress", num(6), true, []string{}, "other", []string{"together", "talk", "hope", "note", "extra"}, 1},
		{"nothing", questionnaire.Answers{},
			4, 0, "in-progress", nil, false, []string{}, "other", []string{"together", "hope", "note", "extra"}, 0},
		{"text and optional answered", questionnaire.Answers{"together": true, "talk": 2.0, "hope": 2.0, "note": "hi", "extra": 1.0},
			5, 5, "completed", num(4), false, []string{}, "talking", []string{"together", "talk", "hope", "note", "extra"}, 2},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := Score(b, c.answers, Options{})
			assert.Equal(t, c.asked, r.Asked, "asked")
			assert.Equal(t, c.answered, r.Answered, "answered")
			assert.Equal(t, c.askedIDs, r.AskedIDs)
			assert.Equal(t, c.status, r.Status)
			s := scoreByID(t, r, "closeness")
			if c.value == nil {
				assert.Nil(t, s.Value)
			} else if assert.NotNil(t, s.Value) {
				assert.Equal(t, *c.value, *s.Value)
			}
			assert.Equal(t, c.prorated, s.Prorated)
			assert.Equal(t, c.closenessAnswered, s.Answered)
			assert.Equal(t, c.flags, flagIDs(r))
			require.NotNil(t, r.Outcome)
			assert.Equal(t, c.outcome, r.Outcome.ID)
			if !contains(c.askedIDs, "talk") {
				assert.Nil(t, r.Env["talk"], "a question not asked is nil in expressions")
			}
		})
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

const safetyBank = `
candor: 1
id: safety
version: 1.0.0
title: Safety
questions:
  - {id: safe, text: "Safe?", type: yesno}
  - {id: ready, text: "Ready?", type: yesno}
  - {id: tired, text: "Tired?", type: yesno, required: false}
flags:
  - {id: low_energy, when: tired == true, level: note, title: Rest, text: x}
  - {id: unsure, when: ready == false, title: Unsure, text: x}
  - {id: not_safe, when: safe == false, level: urgent, title: Safety first, text: x}
outcomes:
  - {id: ready, when: ready == true, title: Ready, text: x}
  - {id: later, title: Later, text: x}
`

var safetyBankWithOutcome = strings.Replace(safetyBank, "outcomes:\n", "outcomes:\n  - {id: safety_first, when: not_safe, title: Safety first, text: x}\n", 1)

// Flags come urgent first; while an urgent flag is raised only an outcome that names an
// urgent flag can be chosen, so nobody who is not safe is told they are ready.
func TestFlagsAndUrgentOutcome(t *testing.T) {
	b := loadBank(t, safetyBank)
	r := Score(b, questionnaire.Answers{"safe": false, "ready": false, "tired": true}, Options{})
	assert.Equal(t, []string{"not_safe", "unsure", "low_energy"}, flagIDs(r), "urgent, then warning, then note")
	assert.Equal(t, questionnaire.Warn, r.Flags[1].Level, "level defaults to warning")
	assert.Nil(t, r.Outcome, "no outcome names the urgent flag: none is eligible, not even the fallback")

	r = Score(b, questionnaire.Answers{"safe": false, "ready": true}, Options{})
	assert.Nil(t, r.Outcome, "ready must not be chosen while not safe")

	r = Score(b, questionnaire.Answers{"safe": true, "ready": true}, Options{})
	require.NotNil(t, r.Outcome)
	assert.Equal(t, "ready", r.Outcome.ID)

	r = Score(b, questionnaire.Answers{"safe": true}, Options{})
	require.NotNil(t, r.Outcome)
	assert.Equal(t, "later", r.Outcome.ID, "a comparison with a missing answer does not hold")
	assert.Empty(t, r.Flags)

	b2 := loadBank(t, safetyBankWithOutcome)
	r = Score(b2, questionnaire.Answers{"safe": false, "ready": true}, Options{})
	require.NotNil(t, r.Outcome)
	assert.Equal(t, "safety_first", r.Outcome.ID, "the outcome for the urgent flag")
	r = Score(b2, questionnaire.Answers{"safe": true, "ready": true}, Options{})
	require.NotNil(t, r.Outcome)
	assert.Equal(t, "ready", r.Outcome.ID)
}

// The JSON result has docs/spec.md §3's keys, key for key (plus `needed`), with null for a value and
// band without enough answers and for no outcome, and arrays (never null) for lists.
func TestJSONKeys(t *testing.T) {
	b := loadBank(t, safetyBank+`
scores:
  - {id: readiness, label: Readiness, items: [ready], bands: [{max: 0, label: No}, {label: Yes}]}
`)
	r := Score(b, questionnaire.Answers{"safe": false}, Options{})
	raw, err := json.Marshal(r)
	require.NoError(t, err)
	var m map[string]any
	require.NoError(t, json.Unmarshal(raw, &m))
	assert.Equal(t, []string{"answered", "asked", "bank", "flags", "outcome", "scores", "status", "warnings"}, keys(m))
	assert.Equal(t, []string{"id", "title", "version"}, keys(m["bank"].(map[string]any)))
	assert.Nil(t, m["outcome"])
	assert.Equal(t, []any{}, m["warnings"])
	score := m["scores"].([]any)[0].(map[string]any)
	assert.Equal(t, []string{"answered", "applies", "band", "band_hopeful", "band_text", "id", "items", "label", "max", "min", "needed", "prorated", "value"}, keys(score))
	assert.Nil(t, score["value"])
	assert.Nil(t, score["band"])
	flag := m["flags"].([]any)[0].(map[string]any)
	assert.Equal(t, []string{"id", "level", "text", "title"}, keys(flag))
	assert.Equal(t, "urgent", flag["level"])

	r = Score(b, questionnaire.Answers{"safe": true, "ready": true}, Options{})
	raw, err = json.Marshal(r)
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(raw, &m))
	assert.Equal(t, []string{"hopeful", "id", "text", "title"}, keys(m["outcome"].(map[string]any)))
	assert.Equal(t, []any{}, m["flags"])
	score = m["scores"].([]any)[0].(map[string]any)
	assert.Equal(t, 1.0, score["value"])
	assert.Equal(t, "Yes", score["band"])
}

func keys(m map[string]any) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func TestRoundTo(t *testing.T) {
	cases := []struct {
		v      float64
		places int
		want   float64
	}{
		{2.675, 2, 2.68},
		{1.005, 2, 1.01},
		{2.5, 0, 3},
		{3.5, 0, 4},
		{-2.5, 0, -3},
		{0.1 + 0.2, 9, 0.3},
		{9.995, 2, 10},
		{0.0049, 2, 0},
		{1234567.891, 1, 1234567.9},
		{4.4999, 0, 4},
		{28.0 / 3, 9, 9.333333333},
		{7, 3, 7},
		{1e300, 2, 1e300},
	}
	for _, c := range cases {
		assert.Equal(t, c.want, roundTo(c.v, c.places), "roundTo(%v, %d)", c.v, c.places)
	}
}

// Rounding may carry a value past the highest possible score, and so past a last band that
// ends there: it stays in that band (the validator proved it reaches the top).
func TestRoundingPastTheTop(t *testing.T) {
	b := loadBank(t, `
candor: 1
id: top
version: 1.0.0
title: Top
questions:
  - {id: a, text: A, min: 0, max: 2}
  - {id: b, text: B, min: 0, max: 3}
  - {id: n, text: N, type: number, min: -1, max: 0}
scores:
  - id: avg
    label: Mean
    method: mean
    items: [a, b]
    round: 0
    bands: [{max: 1, label: Low}, {max: 2.5, label: High}]
  - id: thirds
    label: Thirds
    method: mean
    items: [a, n]
    weights: {n: 2}
    bands: [{max: 0, label: Low}, {max: 0.6666666666666666, label: High}]
`)
	// mean (2+3)/2 = 2.5, rounded half up to 3, above the top of 2.5
	r := Score(b, questionnaire.Answers{"a": 2.0, "b": 3.0, "n": 0.0}, Options{})
	checkScore(t, r, "avg", num(3), str("High"))
	// weighted mean (2 + 2×0)/3 = 2/3, kept to 9 decimals 0.666666667, above the float 2/3
	checkScore(t, r, "thirds", num(2.0/3), str("High"))
	s := scoreByID(t, r, "thirds")
	assert.Greater(t, *s.Value, *s.Max, "the case this test is for")
	// (1+1)/2 = 1 stays Low; (1 + 2×(−1))/3 = −1/3 is Low
	r = Score(b, questionnaire.Answers{"a": 1.0, "b": 1.0, "n": -1.0}, Options{})
	checkScore(t, r, "avg", num(1), str("Low"))
	checkScore(t, r, "thirds", num(-1.0/3), str("Low"))
}

// A prorated estimate never goes past what complete answers could give: with items of
// different ranges, prorating alone could (one 0–5 item standing in for two yes/no ones).
func TestProratedEstimateStaysInRange(t *testing.T) {
	b := loadBank(t, `
candor: 1
id: mixed
version: 1.0.0
title: Mixed
questions:
  - {id: a, text: A, min: 0, max: 5}
  - {id: b, text: B, type: yesno}
  - {id: c, text: C, type: yesno}
scores:
  - id: total
    label: Total
    items: [a, b, c]
    max_missing: 2
    bands: [{max: 3, label: Low}, {max: 7, label: High}]
`)
	// a = 5 alone: 5 × 3/1 = 15, past the most complete answers give (5 + 1 + 1 = 7): 7
	r := Score(b, questionnaire.Answers{"a": 5.0}, Options{})
	checkScore(t, r, "total", num(7), str("High"))
	// a = 2 alone: 2 × 3 = 6, inside the range, kept
	r = Score(b, questionnaire.Answers{"a": 2.0}, Options{})
	checkScore(t, r, "total", num(6), str("High"))
	// b = yes alone: 1 × 3 = 3
	r = Score(b, questionnaire.Answers{"b": true}, Options{})
	checkScore(t, r, "total", num(3), str("Low"))
}

// With two urgent flags, an outcome that names only the one NOT raised is not eligible: it was
// written for another situation, and choosing it showed "You are ready" under a self-harm
// message (found in review). Only an outcome naming a raised urgent flag may be chosen.
func TestUrgentOutcomeMustNameARaisedFlag(t *testing.T) {
	b := loadBank(t, `
candor: 1
id: two-urgent
version: 1.0.0
title: Two urgent flags
questions:
  - {id: safe, text: "Safe?"}
  - {id: hurt_self, text: "Thoughts of hurting yourself?"}
  - {id: want, text: "Want to?"}
flags:
  - {id: not_safe, when: safe == false, level: urgent, title: Not safe}
  - {id: self_harm, when: hurt_self == true, level: urgent, title: Self harm}
outcomes:
  - {id: safety_first, when: not_safe, title: Safety first}
  - {id: ready, when: not not_safe and want == true, title: You are ready}
  - {id: fallback, title: Not yet}
`)
	tests := []struct {
		name    string
		answers questionnaire.Answers
		outcome string
	}{
		{"self harm raised, not_safe not raised: ready is not eligible", questionnaire.Answers{"safe": true, "hurt_self": true, "want": true}, ""},
		{"not_safe raised: its own outcome", questionnaire.Answers{"safe": false, "hurt_self": false, "want": true}, "safety_first"},
		{"both raised: the outcome naming a raised one", questionnaire.Answers{"safe": false, "hurt_self": true, "want": true}, "safety_first"},
		{"nothing raised: ready", questionnaire.Answers{"safe": true, "hurt_self": false, "want": true}, "ready"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := Score(b, tt.answers, Options{})
			got := ""
			if r.Outcome != nil {
				got = r.Outcome.ID
			}
			assert.Equal(t, tt.outcome, got)
			assert.Equal(t, len(r.Flags) > 0, r.Urgent())
		})
	}
}

// Items not asked can leave a score whose other items reach past the bands' range (found by
// FuzzScore): the value still gets the last band, never none.
func TestValuePastTheBandsWhenItemsAreNotAskedGetsTheLastBand(t *testing.T) {
	b, ds := questionnaire.Load("b.yaml", []byte(`candor: 1
id: b
version: 1.0.0
title: B
questions:
  - {id: gate, text: "Gate?", reverse: true}
  - id: neg
    text: "Negative?"
    when: gate == true
    choices: [{value: a, label: A, score: -2}, {value: b, label: B, score: -2}]
scores:
  - id: s
    label: S
    items: [gate, neg]
    bands:
      - {max: -1.5, label: Low}
      - {max: -1, label: High}
`))
	require.False(t, ds.HasErrors(), ds.Error())
	r := Score(b, questionnaire.Answers{"gate": false}, Options{})
	require.NotNil(t, r.Scores[0].Value)
	assert.Equal(t, 1.0, *r.Scores[0].Value, "gate=no reversed scores 1; neg was not asked")
	require.NotNil(t, r.Scores[0].Band)
	assert.Equal(t, "High", *r.Scores[0].Band)
}
