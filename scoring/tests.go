package scoring

import (
	"encoding/json"
	"math"
	"slices"
	"sort"

	"github.com/candor-app/candor/questionnaire"
)

// TestResult is the outcome of one of a bank's worked examples.
type TestResult struct {
	Name string `json:"name"`
	Pass bool   `json:"pass"`
	// Failures say what was expected and what came out, as codes and data; the command
	// that shows them chooses the words (docs/spec.md §3).
	Failures []Failure           `json:"failures,omitempty"`
	Pos      questionnaire.Pos   `json:"pos"`
	Test     *questionnaire.Test `json:"-"`
	Result   *Result             `json:"-"`
}

// FailureCode names what a worked example expected that did not come out.
type FailureCode string

const (
	// FailOutcome: another outcome (WantID, GotID; "" for none).
	FailOutcome FailureCode = "outcome"
	// FailScore: another value of score ID (WantValue, GotValue; nil for none, and then
	// Answered, Items and Needed say why).
	FailScore FailureCode = "score"
	// FailBand: another band of score ID (WantBand, GotBand; nil for none).
	FailBand FailureCode = "band"
	// FailFlags: other flags raised (WantFlags, GotFlags, sorted).
	FailFlags FailureCode = "flags"
)

// Failure is one way a worked example came out otherwise than it expects.
type Failure struct {
	Code                    FailureCode `json:"code"`
	ID                      string      `json:"id,omitempty"`
	WantID                  string      `json:"want_id,omitempty"`
	GotID                   string      `json:"got_id,omitempty"`
	WantValue               *float64    `json:"want_value,omitempty"`
	GotValue                *float64    `json:"got_value,omitempty"`
	Answered, Items, Needed int         `json:"-"`
	WantBand                *string     `json:"want_band,omitempty"`
	GotBand                 *string     `json:"got_band,omitempty"`
	WantFlags               []string    `json:"want_flags,omitempty"`
	GotFlags                []string    `json:"got_flags,omitempty"`
	// Text is the failure in words, set by the command that shows it; JSON writes a
	// failure as its Text (docs/spec.md §3).
	Text string `json:"-"`
}

// MarshalJSON writes f as its words (Text); a failure no one has put in words yet is
// written as its code and data instead.
func (f Failure) MarshalJSON() ([]byte, error) {
	if f.Text != "" {
		return json.Marshal(f.Text)
	}
	type data Failure // without this method
	return json.Marshal(data(f))
}

// RunTests runs every test of bank b.
func RunTests(b *questionnaire.Bank) []TestResult {
	out := make([]TestResult, 0, len(b.Tests))
	for _, t := range b.Tests {
		out = append(out, runTest(b, t))
	}
	return out
}

// runTest runs one worked example and compares it with what it expects.
func runTest(b *questionnaire.Bank, t *questionnaire.Test) TestResult {
	r := Score(b, t.Answers, Options{Declined: t.Declined})
	tr := TestResult{Name: t.Name, Pos: t.Pos, Test: t, Result: r}
	fail := func(f Failure) { tr.Failures = append(tr.Failures, f) }
	e := t.Expect
	if e.HasOutcome {
		got := ""
		if r.Outcome != nil {
			got = r.Outcome.ID
		}
		if got != e.Outcome {
			fail(Failure{Code: FailOutcome, WantID: e.Outcome, GotID: got})
		}
	}
	byID := map[string]ScoreResult{}
	for _, s := range r.Scores {
		byID[s.ID] = s
	}
	for _, id := range sortedKeys(e.Scores) {
		want, got := e.Scores[id], byID[id].Value
		if (want == nil) != (got == nil) || want != nil && math.Abs(*want-*got) > 1e-9 {
			s := byID[id]
			fail(Failure{Code: FailScore, ID: id, WantValue: want, GotValue: got, Answered: s.Answered, Items: s.Items, Needed: s.Needed})
		}
	}
	for _, id := range sortedKeys(e.Bands) {
		want, got := e.Bands[id], byID[id].Band
		if (want == nil) != (got == nil) || (want != nil && *want != *got) {
			fail(Failure{Code: FailBand, ID: id, WantBand: want, GotBand: got})
		}
	}
	if e.HasFlags {
		got := []string{}
		for _, f := range r.Flags {
			got = append(got, f.ID)
		}
		want := append([]string{}, e.Flags...)
		sort.Strings(want)
		sort.Strings(got)
		if !slices.Equal(want, got) {
			fail(Failure{Code: FailFlags, WantFlags: want, GotFlags: got})
		}
	}
	tr.Pass = len(tr.Failures) == 0
	return tr
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
