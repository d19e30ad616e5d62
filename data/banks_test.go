package data_test

import (
	"regexp"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/candor-app/candor/data"
	"github.com/candor-app/candor/questionnaire"
	"github.com/candor-app/candor/scoring"
)

// Every built-in bank loads without a warning, credits its sources, passes its own tests,
// and those tests cover every outcome and every flag.
func TestBuiltinBanks(t *testing.T) {
	require.NotEmpty(t, data.IDs())
	for _, id := range data.IDs() {
		t.Run(id, func(t *testing.T) {
			b, ds := data.LoadBank(id)
			require.NotNil(t, b, "%v", ds)
			assert.Empty(t, ds, "no warnings in a built-in bank")
			assert.NotEmpty(t, b.Sources, "credits the articles it draws on")
			assert.NotEmpty(t, b.Outro, "has a closing line")
			outcomes, flags := map[string]bool{}, map[string]bool{}
			for _, r := range scoring.RunTests(b) {
				assert.True(t, r.Pass, "test %q: %v", r.Name, r.Failures)
				outcomes[r.Test.Expect.Outcome] = true
				for _, f := range r.Test.Expect.Flags {
					flags[f] = true
				}
			}
			for _, o := range b.Outcomes {
				assert.True(t, outcomes[o.ID], "no test expects outcome %s", o.ID)
			}
			for _, f := range b.Flags {
				assert.True(t, flags[f.ID], "no test raises flag %s", f.ID)
			}
		})
	}
}

// Safety texts point to local emergency and support services and never invent a phone
// number: no run of three or more digits in any flag or outcome.
func TestBuiltinBanksInventNoPhoneNumbers(t *testing.T) {
	digits := regexp.MustCompile(`\d(?:[\s().-]?\d){2,}`)
	for _, id := range data.IDs() {
		b, _ := data.LoadBank(id)
		require.NotNil(t, b)
		for _, f := range b.Flags {
			assert.False(t, digits.MatchString(f.Title+" "+f.Text), "%s: flag %s has a number: %q", id, f.ID, f.Text)
		}
		for _, o := range b.Outcomes {
			assert.False(t, digits.MatchString(o.Title+" "+o.Text), "%s: outcome %s has a number", id, o.ID)
		}
	}
}

// A person who does not say they feel safe is never told they are ready: every combination
// of yes, no and unanswered for the default bank's four questions.
func TestTrustReadinessNeverReadyWithoutSafety(t *testing.T) {
	b, ds := data.LoadBank(data.DefaultBank)
	require.NotNil(t, b, "%v", ds)
	values := []any{true, false, nil}
	ids := []string{"feel_safe", "want_to_trust", "love_outweighs_pain", "could_survive"}
	var walk func(i int, a questionnaire.Answers)
	seen := 0
	walk = func(i int, a questionnaire.Answers) {
		if i == len(ids) {
			seen++
			r := scoring.Score(b, a, scoring.Options{})
			got := ""
			if r.Outcome != nil {
				got = r.Outcome.ID
			}
			if a["feel_safe"] != true {
				assert.NotEqual(t, "ready", got, "answers %v", a)
			}
			if a["feel_safe"] == false {
				assert.True(t, r.Urgent(), "answers %v", a)
				assert.Equal(t, "safety_first", got, "answers %v", a)
			}
			if got == "ready" {
				assert.Equal(t, questionnaire.Answers{"feel_safe": true, "want_to_trust": true, "love_outweighs_pain": true, "could_survive": true}, a)
			}
			return
		}
		for _, v := range values {
			next := questionnaire.Answers{}
			for k, x := range a {
				next[k] = x
			}
			if v != nil {
				next[ids[i]] = v
			}
			walk(i+1, next)
		}
	}
	walk(0, questionnaire.Answers{})
	assert.Equal(t, 81, seen)
}
