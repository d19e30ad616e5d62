package data_test

import (
	"bytes"
	"maps"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/candor-app/candor/data"
	"github.com/candor-app/candor/questionnaire"
	"github.com/candor-app/candor/render"
	"github.com/candor-app/candor/scoring"
)

// checkVerdict asserts the engine's guarantees of docs/spec.md §1 on one scored response:
// no hopeful outcome, nor hopeful band on a score that includes the item, while a warning
// sign is raised; nothing marked `together` shown while safety is in doubt; and an outcome
// with a safety question open only when every answer to it (and none) gives the same one.
// render is set for the answers whose summaries are also read, in every format.
func checkVerdict(t *testing.T, b *questionnaire.Bank, a questionnaire.Answers, r *scoring.Result, read bool) {
	t.Helper()
	signs := map[string]bool{}
	for _, w := range r.WarningSigns {
		signs[w.ID] = true
	}
	if r.Outcome != nil {
		o := b.Outcome(r.Outcome.ID)
		require.False(t, o.Hopeful && len(signs) > 0, "hopeful %s with a warning sign: %v", o.ID, a)
		require.False(t, o.Together && r.Unsafe(), "%s suggests working on it together while unsafe: %v", o.ID, a)
	}
	for _, s := range r.Scores {
		if !s.BandHopeful {
			continue
		}
		for _, q := range s.Score.Items {
			require.False(t, signs[q.ID], "hopeful band %v of %s with the warning sign %s: %v", *s.Band, s.ID, q.ID, a)
		}
	}
	unsafe := r.Unsafe()
	if unsafe {
		for _, f := range r.Flags {
			if b.Flag(f.ID).Together {
				require.Empty(t, f.Text, "flag %s's joint advice while unsafe: %v", f.ID, a)
			}
		}
		for _, s := range r.Scores {
			if s.Value != nil && s.BandText != "" {
				band := s.Score.BandFor(*s.Value)
				require.False(t, band != nil && band.Together, "band text of %s while unsafe: %v", s.ID, a)
			}
		}
	}
	if read && unsafe {
		for _, format := range []string{"text", "markdown", "html"} {
			for _, counselor := range []bool{false, true} {
				var buf bytes.Buffer
				require.NoError(t, render.Summary(&buf, b, r, render.Options{Format: format, Width: 100, Counselor: counselor}))
				out := strings.Join(strings.Fields(buf.String()), " ")
				for _, text := range togetherTexts(b) {
					require.NotContains(t, out, text, "%s counselor=%v while unsafe: %v", format, counselor, a)
				}
			}
		}
	}
	if len(r.UnansweredSafety) > 0 && r.Outcome != nil {
		// Every answer to the open safety questions (each option alone for a multi), and none.
		worlds := []questionnaire.Answers{maps.Clone(a)}
		for _, id := range r.UnansweredSafety {
			var next []questionnaire.Answers
			for _, w := range worlds {
				for _, v := range answerValues(b.Question(id)) {
					c := maps.Clone(w)
					if v != nil {
						c[id] = v
					}
					next = append(next, c)
				}
			}
			worlds = next
		}
		for _, w := range worlds {
			o := scoring.Score(b, w, scoring.Options{}).Outcome
			require.NotNil(t, o, "%s chosen with %v open, but %v gives none", r.Outcome.ID, r.UnansweredSafety, w)
			require.Equal(t, r.Outcome.ID, o.ID, "chosen with %v open, but %v gives another: %v", r.UnansweredSafety, w, a)
		}
	}
}

// togetherTexts are a bank's words marked `together`, as a summary prints them (words on one
// line): the first 40 characters of each, enough to find it.
func togetherTexts(b *questionnaire.Bank) []string {
	var out []string
	add := func(s string) {
		s = strings.Join(strings.Fields(s), " ")
		if len(s) > 40 {
			s = s[:40]
		}
		if s != "" {
			out = append(out, s)
		}
	}
	for _, o := range b.Outcomes {
		if o.Together {
			add(o.Text)
		}
	}
	for _, f := range b.Flags {
		if f.Together {
			add(f.Text)
		}
	}
	for _, s := range b.Scores {
		for _, band := range s.Bands {
			if band.Together {
				add(band.Text)
			}
		}
	}
	for _, p := range b.OutroParts {
		if p.Together {
			add(p.Text)
		}
	}
	return out
}

// Every built-in bank, over the answer sets of TestBuiltinBanksNeverHopefulWithoutSafety
// (every combination where there are few, the best, the worst and random mixes with a fixed
// seed otherwise), keeps the guarantees of checkVerdict; one set in 40 of those where safety
// is in doubt is also rendered and read.
func TestBuiltinBanksVerdictGuarantees(t *testing.T) {
	for _, id := range data.IDs() {
		t.Run(id, func(t *testing.T) {
			b, ds := data.LoadBank(id)
			require.NotNil(t, b, "%v", ds)
			safeIDs := map[string]bool{}
			for q := range safety[id].safe {
				safeIDs[q] = true
			}
			unsafe := 0
			for _, a := range answerSets(b, safeIDs) {
				r := scoring.Score(b, a, scoring.Options{})
				// The flags shown as they are raised (ask, after each answer) are Score's.
				if !assert.Equal(t, r.Flags, scoring.Flags(b, a), "scoring.Flags of %v", a) {
					return
				}
				read := false
				if r.Unsafe() {
					unsafe++
					read = unsafe%40 == 1
				}
				checkVerdict(t, b, a, r, read)
			}
			if id != "trust-readiness" && !noVerdict[id] { // its texts point to a counselor of one's own
				require.NotEmpty(t, togetherTexts(b), "%s marks its joint advice `together`", id)
			}
		})
	}
}

// The patterns of issue 21: every answer at its best and every safety answer safe, but one
// item answered with a warning sign. No hopeful outcome, no hopeful band on its scores, the
// sign named; and the same answers without the sign do reach a hopeful outcome.
func TestBuiltinBanksWarningSignsHoldBackHope(t *testing.T) {
	for _, id := range data.IDs() {
		t.Run(id, func(t *testing.T) {
			if noVerdict[id] {
				t.Skip("gives no verdict to hold back")
			}
			b, ds := data.LoadBank(id)
			require.NotNil(t, b, "%v", ds)
			top := maps.Clone(safety[id].safe)
			scored := map[string]bool{}
			for _, s := range b.Scores {
				for _, q := range s.Items {
					scored[q.ID] = true
				}
			}
			for _, q := range b.Questions {
				if _, set := top[q.ID]; set || !scored[q.ID] {
					continue // as answerSets' best: questions outside every score unanswered
				}
				v := best(q)
				if q.RaisesWarning(v) {
					// The best of the answers that are no warning sign.
					v = nil
					for _, x := range answerValues(q)[1:] {
						if !q.RaisesWarning(x) {
							v = x
						}
					}
				}
				if v != nil {
					top[q.ID] = v
				}
			}
			r := scoring.Score(b, top, scoring.Options{})
			require.Empty(t, r.WarningSigns, "the best answers raise no warning sign")
			require.NotNil(t, r.Outcome)
			require.True(t, r.Outcome.Hopeful, "the best answers reach a hopeful outcome, not %s", r.Outcome.ID)
			signed := 0
			for _, q := range b.Questions {
				for _, v := range q.WarningSign {
					signed++
					a := maps.Clone(top)
					a[q.ID] = v
					if q.Type == questionnaire.Multi {
						a[q.ID] = []any{v}
					}
					r := scoring.Score(b, a, scoring.Options{})
					require.NotEmpty(t, r.WarningSigns, "%s = %v is a warning sign", q.ID, v)
					assert.Equal(t, q.ID, r.WarningSigns[0].ID)
					checkVerdict(t, b, a, r, true)
					var buf bytes.Buffer
					require.NoError(t, render.Summary(&buf, b, r, render.Options{Width: 100}))
					out := strings.Join(strings.Fields(buf.String()), " ")
					assert.Contains(t, out, strings.Join(strings.Fields(q.Text), " ")[:30], "the sign is named in the person's words")
				}
			}
			if id == "trust-readiness" || id == "repair-or-release" {
				assert.Zero(t, signed, "%s marks no warning sign", id)
				return
			}
			assert.Positive(t, signed, "%s marks its warning signs", id)
		})
	}
}
