package scoring

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/candor-app/candor/questionnaire"
)

// checkerBank has a mean score that takes values a tolerance could blur (means of thirds)
// and two flags.
const checkerBank = `candor: 1
id: checker
version: 1.0.0
title: Checker
questions:
  - {id: a, type: scale, min: 0, max: 4, text: A}
  - {id: b, type: scale, min: 0, max: 4, text: B}
  - {id: c, type: scale, min: 0, max: 4, text: C}
scores:
  - {id: avg, label: Average, method: mean, items: [a, b, c], max_missing: 1}
flags:
  - {id: low, level: warning, title: Low, text: Low., when: "a < 1"}
  - {id: high, level: note, title: High, text: High., when: "b > 3"}
`

func f64(v float64) *float64 { return &v }

// TestRunTestChecker makes the `candor test` checker fail on each kind of wrong expectation:
// a wrong flag list, a value where none is expected (and none where one is), and a value off
// by more than 1e-9; and pass a value within 1e-9 of the exact one.
func TestRunTestChecker(t *testing.T) {
	b := loadBank(t, checkerBank)
	flags := func(want, got []string) Failure { return Failure{Code: FailFlags, WantFlags: want, GotFlags: got} }
	// a=0, b=4, c=1: mean 5/3 = 1.666…, flags low and high.
	all := questionnaire.Answers{"a": 0.0, "b": 4.0, "c": 1.0}
	// one answer of three: too many missing for max_missing 1, so no value.
	one := questionnaire.Answers{"a": 2.0}
	cases := []struct {
		name    string
		answers questionnaire.Answers
		expect  questionnaire.Expect
		fails   []Failure
	}{
		{"right flags", all, questionnaire.Expect{HasFlags: true, Flags: []string{"high", "low"}}, nil},
		{"flags in another order", all, questionnaire.Expect{HasFlags: true, Flags: []string{"low", "high"}}, nil},
		{"a flag missing from the list", all, questionnaire.Expect{HasFlags: true, Flags: []string{"low"}},
			[]Failure{flags([]string{"low"}, []string{"high", "low"})}},
		{"another flag in its place", all, questionnaire.Expect{HasFlags: true, Flags: []string{"low", "other"}},
			[]Failure{flags([]string{"low", "other"}, []string{"high", "low"})}},
		{"a flag too many", all, questionnaire.Expect{HasFlags: true, Flags: []string{"high", "low", "other"}},
			[]Failure{flags([]string{"high", "low", "other"}, []string{"high", "low"})}},
		{"no flags expected", all, questionnaire.Expect{HasFlags: true, Flags: []string{}},
			[]Failure{flags([]string{}, []string{"high", "low"})}},
		{"flags not checked", all, questionnaire.Expect{}, nil},
		{"no value expected, one given", all, questionnaire.Expect{Scores: map[string]*float64{"avg": nil}},
			[]Failure{{Code: FailScore, ID: "avg", GotValue: f64(1.666666667), Answered: 3, Items: 3, Needed: 2}}},
		{"no value expected, none given", one, questionnaire.Expect{Scores: map[string]*float64{"avg": nil}}, nil},
		{"a value expected, none given", one, questionnaire.Expect{Scores: map[string]*float64{"avg": f64(2)}},
			[]Failure{{Code: FailScore, ID: "avg", WantValue: f64(2), Answered: 1, Items: 3, Needed: 2}}},
		{"the exact value", all, questionnaire.Expect{Scores: map[string]*float64{"avg": f64(5.0 / 3)}}, nil},
		{"within 1e-9", all, questionnaire.Expect{Scores: map[string]*float64{"avg": f64(5.0/3 + 5e-10)}}, nil},
		{"off by 1e-6", all, questionnaire.Expect{Scores: map[string]*float64{"avg": f64(5.0/3 + 1e-6)}},
			[]Failure{{Code: FailScore, ID: "avg", WantValue: f64(5.0/3 + 1e-6), GotValue: f64(1.666666667), Answered: 3, Items: 3, Needed: 2}}},
		{"off by a third", all, questionnaire.Expect{Scores: map[string]*float64{"avg": f64(2)}},
			[]Failure{{Code: FailScore, ID: "avg", WantValue: f64(2), GotValue: f64(1.666666667), Answered: 3, Items: 3, Needed: 2}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			tr := runTest(b, &questionnaire.Test{Name: c.name, Answers: c.answers, Expect: c.expect})
			assert.Equal(t, c.fails, tr.Failures)
			assert.Equal(t, len(c.fails) == 0, tr.Pass)
		})
	}
}

// TestRunTestsRunsEvery runs a bank's own tests through RunTests: one passes, one fails.
func TestRunTestsRunsEvery(t *testing.T) {
	b := loadBank(t, checkerBank+`tests:
  - name: right
    answers: {a: 0, b: 4, c: 1}
    expect: {flags: [low, high]}
  - name: wrong
    answers: {a: 0, b: 4, c: 1}
    expect: {flags: [low]}
`)
	rs := RunTests(b)
	require.Len(t, rs, 2)
	assert.True(t, rs[0].Pass, "%v", rs[0].Failures)
	assert.False(t, rs[1].Pass)
}

// TestFailureJSON: a failure in words is written as its words (docs/spec.md §3); one no one
// has put in words yet keeps its code and data.
func TestFailureJSON(t *testing.T) {
	got, err := json.Marshal([]Failure{
		{Code: FailFlags, WantFlags: []string{"low"}, GotFlags: []string{}, Text: "flags: expected [low], got []"},
		{Code: FailScore, ID: "avg", WantValue: f64(2), Answered: 1, Items: 3, Needed: 2},
	})
	require.NoError(t, err)
	assert.Equal(t, `["flags: expected [low], got []",{"code":"score","id":"avg","want_value":2}]`, string(got))
}
