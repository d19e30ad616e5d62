package main

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/candor-app/candor/scoring"
)

// TestFailureText: scoring says how a bank's worked example failed in codes and data;
// validate and test say it in words.
func TestFailureText(t *testing.T) {
	f64 := func(v float64) *float64 { return &v }
	str := func(s string) *string { return &s }
	cases := []struct {
		f    scoring.Failure
		want string
	}{
		{scoring.Failure{Code: scoring.FailOutcome, WantID: "ready", GotID: ""}, "outcome: expected ready, got no outcome"},
		{scoring.Failure{Code: scoring.FailOutcome, WantID: "", GotID: "ready"}, "outcome: expected no outcome, got ready"},
		{scoring.Failure{Code: scoring.FailScore, ID: "avg", GotValue: f64(1.666666667)},
			"score avg: expected no value (not enough answers), got 1.666666667"},
		{scoring.Failure{Code: scoring.FailScore, ID: "avg", WantValue: f64(2), Answered: 1, Items: 3, Needed: 2},
			"score avg: expected 2, got no value (1 of 3 answered, 2 needed)"},
		{scoring.Failure{Code: scoring.FailScore, ID: "avg", WantValue: f64(5.0/3 + 1e-6), GotValue: f64(1.666666667)},
			"score avg: expected 1.6666676666666667, got 1.666666667"},
		{scoring.Failure{Code: scoring.FailBand, ID: "avg", WantBand: str("High"), GotBand: nil}, `band of avg: expected "High", got no band`},
		{scoring.Failure{Code: scoring.FailFlags, WantFlags: []string{"high", "low", "other"}, GotFlags: []string{"high", "low"}},
			"flags: expected [high, low, other], got [high, low]"},
		{scoring.Failure{Code: scoring.FailFlags, WantFlags: []string{}, GotFlags: []string{"high", "low"}}, "flags: expected [], got [high, low]"},
	}
	for _, c := range cases {
		t.Run(c.want, func(t *testing.T) {
			assert.Equal(t, c.want, failureText(c.f))
		})
	}
	ts := wordedTests([]scoring.TestResult{{Failures: []scoring.Failure{cases[0].f}}})
	assert.Equal(t, cases[0].want, ts[0].Failures[0].Text, "JSON writes the words")
}
