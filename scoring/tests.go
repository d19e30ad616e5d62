package scoring

import (
	"fmt"
	"math"
	"sort"
	"strings"

	"github.com/candor-app/candor/questionnaire"
)

// TestResult is the outcome of one of a bank's worked examples.
type TestResult struct {
	Name string `json:"name"`
	Pass bool   `json:"pass"`
	// Failures say, one per line, what was expected and what came out.
	Failures []string            `json:"failures,omitempty"`
	Pos      questionnaire.Pos   `json:"pos"`
	Test     *questionnaire.Test `json:"-"`
	Result   *Result             `json:"-"`
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
	fail := func(format string, args ...any) { tr.Failures = append(tr.Failures, fmt.Sprintf(format, args...)) }
	e := t.Expect
	if e.HasOutcome {
		got := ""
		if r.Outcome != nil {
			got = r.Outcome.ID
		}
		if got != e.Outcome {
			fail("outcome: expected %s, got %s", orNone(e.Outcome), orNone(got))
		}
	}
	byID := map[string]ScoreResult{}
	for _, s := range r.Scores {
		byID[s.ID] = s
	}
	for _, id := range sortedKeys(e.Scores) {
		want, got := e.Scores[id], byID[id].Value
		switch {
		case want == nil && got != nil:
			fail("score %s: expected no value (not enough answers), got %s", id, questionnaire.FormatNumber(*got))
		case want != nil && got == nil:
			fail("score %s: expected %s, got no value (%d of %d answered, %d needed)", id, questionnaire.FormatNumber(*want), byID[id].Answered, byID[id].Items, byID[id].Needed)
		case want != nil && math.Abs(*want-*got) > 1e-9:
			fail("score %s: expected %s, got %s", id, questionnaire.FormatNumber(*want), questionnaire.FormatNumber(*got))
		}
	}
	for _, id := range sortedKeys(e.Bands) {
		want, got := e.Bands[id], byID[id].Band
		if (want == nil) != (got == nil) || (want != nil && *want != *got) {
			fail("band of %s: expected %s, got %s", id, bandName(want), bandName(got))
		}
	}
	if e.HasFlags {
		var got []string
		for _, f := range r.Flags {
			got = append(got, f.ID)
		}
		want := append([]string(nil), e.Flags...)
		sort.Strings(want)
		sort.Strings(got)
		if strings.Join(want, ",") != strings.Join(got, ",") {
			fail("flags: expected [%s], got [%s]", strings.Join(want, ", "), strings.Join(got, ", "))
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

func orNone(s string) string {
	if s == "" {
		return "no outcome"
	}
	return s
}

func bandName(s *string) string {
	if s == nil {
		return "no band"
	}
	return fmt.Sprintf("%q", *s)
}
