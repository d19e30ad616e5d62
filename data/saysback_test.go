package data_test

import (
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/candor-app/candor/data"
	"github.com/candor-app/candor/questionnaire"
	"github.com/candor-app/candor/scoring"
)

// quoted matches an answer's label quoted in a text ("no" or "not sure yet"): naming the
// choices is not saying which one the person picked.
var quoted = regexp.MustCompile(`"[^"]*"|“[^”]*”`)

// notSure matches a text telling the person they are not sure of an answer ("Not sure yet,
// and that's okay", "You are not sure whether …"), not advice such as "even if you're not
// sure it counts as abuse".
var notSure = regexp.MustCompile(`(?i)\bnot sure yet\b|\byou('re| are)( still)? not sure( yet)? (whether|if|about)\b|\bunsure\b|\bundecided\b`)

// unsureOption reports whether o is a "not sure" answer.
func unsureOption(o *questionnaire.Option) bool {
	return regexp.MustCompile(`(?i)\bnot sure\b|\bunsure\b|don't know`).MatchString(o.Label)
}

// Say back what people answered: in every built-in bank, when no answer is a "not sure"
// one, nothing the summary shows (headline, flags, band texts) tells the person they are not
// sure; so a "no" is never reported as "not sure". The check is not vacuous: some bank has
// a "not sure" answer, and a "not sure" answer does reach such a text.
func TestBuiltinBanksNeverSayNoAsNotSure(t *testing.T) {
	sawUnsureText := false
	for _, id := range data.IDs() {
		t.Run(id, func(t *testing.T) {
			b, ds := data.LoadBank(id)
			require.NotNil(t, b, "%v", ds)
			safeIDs := map[string]bool{}
			for q := range safety[id].safe {
				safeIDs[q] = true
			}
			for _, a := range answerSets(b, safeIDs) {
				unsure := false
				for qid, v := range a {
					if o := b.Question(qid).Option(v); o != nil && unsureOption(o) {
						unsure = true
					}
				}
				if unsure && sawUnsureText {
					continue // one is enough to show the check can see it
				}
				r := scoring.Score(b, a, scoring.Options{})
				var shown []string
				if r.Outcome != nil {
					shown = append(shown, r.Outcome.Title, r.Outcome.Text)
				}
				for _, f := range r.Flags {
					shown = append(shown, f.Title, f.Text)
				}
				for _, s := range r.Scores {
					shown = append(shown, s.BandText)
				}
				said := notSure.FindString(quoted.ReplaceAllString(strings.Join(shown, "\n"), ""))
				if unsure {
					sawUnsureText = sawUnsureText || said != ""
					continue
				}
				require.Empty(t, said, "%s: answers %v with no \"not sure\" answer are told they are not sure", id, a)
			}
		})
	}
	assert.True(t, sawUnsureText, "no bank's \"not sure\" answer reached a text that says so: the check proves nothing")
}
