package data_test

import (
	"fmt"
	"maps"
	"math"
	"math/rand/v2"
	"regexp"
	"strings"
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

// phoneNumber is a run of three or more digits, maybe spaced or punctuated: a phone number no
// built-in bank (or its translation) may invent.
var phoneNumber = regexp.MustCompile(`\d(?:[\s().-]?\d){2,}`)

// Safety texts point to local emergency and support services and never invent a phone
// number: no run of three or more digits in any flag or outcome.
func TestBuiltinBanksInventNoPhoneNumbers(t *testing.T) {
	for _, id := range data.IDs() {
		b, _ := data.LoadBank(id)
		require.NotNil(t, b)
		for _, f := range b.Flags {
			assert.False(t, phoneNumber.MatchString(f.Title+" "+f.Text), "%s: flag %s has a number: %q", id, f.ID, f.Text)
		}
		for _, o := range b.Outcomes {
			assert.False(t, phoneNumber.MatchString(o.Title+" "+o.Text), "%s: outcome %s has a number", id, o.ID)
		}
	}
}

// safety lists, for each built-in bank, its safety questions with the answer that says "safe",
// and the hopeful outcomes (a verdict that reads as "ready" or "doing well") that must never
// reach anyone who has not given every one of those answers.
var safety = map[string]struct {
	safe    questionnaire.Answers
	hopeful []string
}{
	"trust-readiness":   {questionnaire.Answers{"feel_safe": true, "could_say_no": true}, []string{"ready"}},
	"repair-or-release": {questionnaire.Answers{"feel_safe": true}, []string{"lean_repair"}},
	"accountability":    {questionnaire.Answers{"feel_safe": true, "harmed_partner": false}, []string{"steady"}},
	"what-trust-is":     {questionnaire.Answers{"feel_safe": true, "could_say_no": true, "partner_could_say_no": true}, []string{"clear_picture"}},
	"weekly-trust":      {questionnaire.Answers{"feel_safe": true}, []string{"steady_week"}},
	"partner-view":      {questionnaire.Answers{"feel_safe": true, "could_say_no": true}, []string{"steady"}},
	// A rating of a session gives no verdict: it has no hopeful outcome (noVerdict).
	"session-check": {questionnaire.Answers{"feel_safe": true}, nil},
}

// noVerdict are the built-in banks that give no verdict on the relationship (a session
// rating): no hopeful outcome for the best answers to reach, no warning signs, and no joint
// advice (each partner answers on their own). Their safety answers are still checked.
var noVerdict = map[string]bool{"session-check": true}

// answerValues are the answers a question can have, nil (unanswered) first: yes and no, each
// option (a multi: each option alone), each point of a scale.
func answerValues(q *questionnaire.Question) []any {
	vals := []any{nil}
	switch q.Type {
	case questionnaire.YesNo:
		vals = append(vals, true, false)
	case questionnaire.Choice:
		for _, o := range q.Options {
			vals = append(vals, o.Value)
		}
	case questionnaire.Multi:
		for _, o := range q.Options {
			vals = append(vals, []any{o.Value})
		}
	case questionnaire.Scale:
		for x := q.Min; x <= q.Max; x++ {
			vals = append(vals, x)
		}
	}
	return vals
}

// best is the answer that raises q's item score the most (nil for a question without one).
func best(q *questionnaire.Question) any {
	var top any
	hi := math.Inf(-1)
	for _, v := range answerValues(q)[1:] {
		if x, ok := q.ItemScore(v); ok && x > hi {
			top, hi = v, x
		}
	}
	return top
}

// answerSets are the answers a bank's safety invariants are checked against: every combination
// of its safety answers (safe, not safe, unanswered) with, for the other questions, every
// combination when there are at most 70,000 of them, otherwise the best answer to each, the
// worst, and 300 random mixes. (The best leaves questions outside every score unanswered.)
func answerSets(b *questionnaire.Bank, safeIDs map[string]bool) []questionnaire.Answers {
	var safetyQs, others []*questionnaire.Question
	for _, q := range b.Questions {
		if safeIDs[q.ID] {
			safetyQs = append(safetyQs, q)
		} else if q.Type != questionnaire.Text {
			others = append(others, q)
		}
	}
	product := func(qs []*questionnaire.Question, limit int) ([]questionnaire.Answers, bool) {
		sets := []questionnaire.Answers{{}}
		for _, q := range qs {
			var next []questionnaire.Answers
			for _, a := range sets {
				for _, v := range answerValues(q) {
					c := maps.Clone(a)
					if v != nil {
						c[q.ID] = v
					}
					next = append(next, c)
				}
			}
			if len(next) > limit {
				return nil, false
			}
			sets = next
		}
		return sets, true
	}
	safetySets, _ := product(safetyQs, 1000)
	// Every combination where there are few; with -short, fewer count as few, and larger
	// banks get the extremes and a seeded sample below (the full run enumerates up to 70,000).
	limit := 70000
	if testing.Short() {
		limit = 2000
	}
	rest, ok := product(others, limit)
	if !ok {
		scored := map[*questionnaire.Question]bool{}
		for _, sc := range b.Scores {
			for _, q := range sc.Items {
				scored[q] = true
			}
		}
		top, bottom := questionnaire.Answers{}, questionnaire.Answers{}
		for _, q := range others {
			vals := answerValues(q)
			if v := best(q); v != nil && scored[q] {
				top[q.ID] = v
			}
			bottom[q.ID] = vals[len(vals)-1]
		}
		rest = []questionnaire.Answers{top, bottom}
		rnd := rand.New(rand.NewPCG(17, 2026))
		for range 300 {
			a := questionnaire.Answers{}
			for _, q := range others {
				vals := answerValues(q)
				if v := vals[rnd.IntN(len(vals))]; v != nil {
					a[q.ID] = v
				}
			}
			rest = append(rest, a)
		}
	}
	var out []questionnaire.Answers
	for _, s := range safetySets {
		for _, r := range rest {
			a := maps.Clone(r)
			maps.Copy(a, s)
			out = append(out, a)
		}
	}
	return out
}

// Nobody who has not answered every safety question as safe is given a hopeful verdict;
// an unsafe answer always raises an urgent flag and heads the summary with it; the best
// answers with every safety question answered safe do reach a hopeful verdict, so the check
// is not vacuous.
func TestBuiltinBanksNeverHopefulWithoutSafety(t *testing.T) {
	for _, id := range data.IDs() {
		t.Run(id, func(t *testing.T) {
			s, ok := safety[id]
			require.True(t, ok, "bank %s: list its safety questions and hopeful outcomes here", id)
			b, ds := data.LoadBank(id)
			require.NotNil(t, b, "%v", ds)
			safeIDs := map[string]bool{}
			for q := range s.safe {
				require.NotNil(t, b.Question(q), "no question %s", q)
				safeIDs[q] = true
			}
			hopeful := map[string]bool{}
			for _, o := range s.hopeful {
				require.NotNil(t, b.Outcome(o), "no outcome %s", o)
				hopeful[o] = true
			}
			sets := answerSets(b, safeIDs)
			reached := 0
			for _, a := range sets {
				r := scoring.Score(b, a, scoring.Options{})
				got := ""
				if r.Outcome != nil {
					got = r.Outcome.ID
				}
				allSafe, anyUnsafe := true, false
				for q, v := range s.safe {
					allSafe = allSafe && a[q] == v
					anyUnsafe = anyUnsafe || (a[q] != nil && a[q] != v)
				}
				if hopeful[got] {
					reached++
					require.True(t, allSafe, "%s without every safety answer: %v", got, a)
				}
				if anyUnsafe {
					require.True(t, r.Urgent(), "an unsafe answer raises an urgent flag: %v", a)
					if r.Outcome == nil {
						// Another safety question is open and its answer decides which
						// safety headline (docs/spec.md §1).
						require.NotEmpty(t, r.OutcomeOpenOn, "an unsafe answer has a safety headline, or names the question that decides it: %v", a)
						continue
					}
					raised := map[string]bool{}
					for _, f := range r.Flags {
						if f.Level == questionnaire.Urgent {
							raised[f.ID] = true
						}
					}
					require.True(t, scoring.NamesAny(b.Outcome(got), raised), "%s does not speak to safety: %v", got, a)
				}
			}
			if !noVerdict[id] {
				assert.Positive(t, reached, "no answers reach a hopeful outcome")
			}
			t.Logf("%s: %d answer sets", id, len(sets))
		})
	}
}

// trust-readiness: ready only with a safe "yes" to all three; a "no" is never said back as
// "not sure", nor as "still open"; the band says how many of the three are a "yes".
func TestTrustReadinessSaysWhatWasAnswered(t *testing.T) {
	b, ds := data.LoadBank(data.DefaultBank)
	require.NotNil(t, b, "%v", ds)
	sets := answerSets(b, map[string]bool{"feel_safe": true, "could_say_no": true})
	require.Len(t, sets, 3*3*4*4*4)
	for _, a := range sets {
		r := scoring.Score(b, a, scoring.Options{})
		got := ""
		if r.Outcome != nil {
			got = r.Outcome.ID
		}
		if got == "ready" {
			assert.Equal(t, questionnaire.Answers{"feel_safe": true, "could_say_no": true, "want_to_trust": "yes", "love_outweighs_pain": "yes", "could_survive": "yes"}, a)
		}
		unsure := false
		for _, v := range a {
			unsure = unsure || v == "unsure"
		}
		texts := ""
		if r.Outcome != nil {
			texts = r.Outcome.Title + " " + r.Outcome.Text
		}
		for _, f := range r.Flags {
			texts += " " + f.Title + " " + f.Text
		}
		if !unsure {
			assert.NotContains(t, strings.ToLower(texts), "not sure", "answers %v (%s)", a, got)
		}
		rd := r.Scores[0]
		answeredAll := true
		for _, q := range b.Questions {
			answeredAll = answeredAll && a[q.ID] != nil
		}
		if answeredAll && !unsure { // "2 of the 3 are a yes" and a clear no: nothing is "still open"
			assert.NotContains(t, strings.ToLower(texts+" "+rd.BandText), "open", "answers %v (%s): every question has a clear answer", a, got)
		}
		if rd.Value != nil && a["feel_safe"] != nil && a["could_say_no"] != nil { // without them, band texts wait (the engine)
			yes := int(*rd.Value)
			want := fmt.Sprintf("%d of the 3", yes)
			switch yes {
			case 0:
				want = "None of the 3"
			case 3:
				want = "All 3"
			}
			assert.Contains(t, rd.BandText, want, "answers %v", a)
		}
	}
}

// accountability: someone who has hurt or frightened their partner and also feels unsafe is
// not answered as a victim only, nor only as the one who did harm: the headline gives both
// pointers, and both urgent flags are raised.
func TestAccountabilityUnsafeAndHarmedGetsBothPointers(t *testing.T) {
	b, ds := data.LoadBank("accountability")
	require.NotNil(t, b, "%v", ds)
	r := scoring.Score(b, questionnaire.Answers{"feel_safe": false, "harmed_partner": true}, scoring.Options{})
	require.NotNil(t, r.Outcome)
	assert.Equal(t, "safety_both", r.Outcome.ID)
	var raised []string
	for _, f := range r.Flags {
		raised = append(raised, f.ID)
	}
	assert.ElementsMatch(t, []string{"not_safe", "risk_of_harm"}, raised)
	said := strings.Join(strings.Fields(r.Outcome.Text), " ")
	assert.Contains(t, said, "domestic violence and abuse services", "the pointer for their own safety")
	assert.Contains(t, said, "stop hurting or frightening a partner", "the pointer for the harm they have done")
}

// what-trust-is: being checked on by the partner is a warning (control) only when the person
// could not say no without being afraid; when they could, it is a note about reassurance
// offered freely; with that question open, neither (the open safety question speaks).
func TestWhatTrustIsBeingCheckedDependsOnSayingNo(t *testing.T) {
	b, ds := data.LoadBank("what-trust-is")
	require.NotNil(t, b, "%v", ds)
	for _, sayNo := range []any{true, false, nil} {
		for _, checks := range [][]any{{"checks_phone", "tracks_me"}, {"none_of_these"}, nil} {
			a := questionnaire.Answers{"feel_safe": true, "partner_could_say_no": true}
			if sayNo != nil {
				a["could_say_no"] = sayNo
			}
			if checks != nil {
				a["partner_checks_me"] = checks
			}
			r := scoring.Score(b, a, scoring.Options{})
			raised := map[string]bool{}
			for _, f := range r.Flags {
				raised[f.ID] = true
			}
			checked := checks != nil && checks[0] != "none_of_these"
			assert.Equal(t, checked && sayNo == false, raised["checked_by_partner"], "warning, answers %v", a)
			assert.Equal(t, checked && sayNo == true, raised["checked_freely"], "note, answers %v", a)
			assert.Equal(t, sayNo == false, raised["afraid_to_say_no"], "urgent, answers %v", a)
			if f := b.Flag("checked_by_partner"); assert.NotNil(t, f) {
				assert.Equal(t, questionnaire.Warn, f.Level)
			}
			if f := b.Flag("checked_freely"); assert.NotNil(t, f) {
				assert.Equal(t, questionnaire.NoteLvl, f.Level)
			}
		}
	}
}

// The question "could you say no to your partner without being afraid?" is a safety question
// wherever it is asked: a "no" raises an urgent flag and heads the summary with safety, as
// feel_safe does, whatever else was answered.
func TestSayingNoIsASafetyQuestion(t *testing.T) {
	for _, id := range []string{"trust-readiness", "partner-view", "what-trust-is"} {
		b, ds := data.LoadBank(id)
		require.NotNil(t, b, "%v", ds)
		require.NotNil(t, b.Question("could_say_no"), id)
		s := safety[id]
		require.Equal(t, true, s.safe["could_say_no"], "%s lists could_say_no among its safety answers", id)
		a := maps.Clone(s.safe)
		a["could_say_no"] = false
		r := scoring.Score(b, a, scoring.Options{})
		require.True(t, r.Urgent(), "%s: a no raises an urgent flag", id)
		require.NotNil(t, r.Outcome, id)
		assert.Contains(t, []string{"safety_first", "checked_and_afraid"}, r.Outcome.ID, id)
	}
}

// repair-or-release: the answers lean toward repair only for someone who wants the
// relationship (a plain "yes"): until you are sure you want to rebuild, the rest can't move.
// Every combination of the six questions that lean one way or the other, safe.
func TestRepairOrReleaseLeansToRepairOnlyWhenWanted(t *testing.T) {
	b, ds := data.LoadBank("repair-or-release")
	require.NotNil(t, b, "%v", ds)
	ids := []string{"want_relationship", "can_forgive", "hurt_can_ease", "partner_responsible", "both_committed", "changes_possible"}
	sets := []questionnaire.Answers{{"feel_safe": true}}
	for _, id := range ids {
		var next []questionnaire.Answers
		for _, a := range sets {
			for _, v := range answerValues(b.Question(id)) {
				c := maps.Clone(a)
				if v != nil {
					c[id] = v
				}
				next = append(next, c)
			}
		}
		sets = next
	}
	require.Len(t, sets, 4096)
	reached := 0
	for _, a := range sets {
		r := scoring.Score(b, a, scoring.Options{})
		if r.Outcome != nil && r.Outcome.ID == "lean_repair" {
			reached++
			assert.Equal(t, float64(2), a["want_relationship"], "lean_repair without a plain yes to wanting it: %v", a)
		}
		if a["want_relationship"] == float64(1) {
			assert.NotEqual(t, "lean_repair", r.Outcome.ID, "%v", a)
		}
	}
	assert.Positive(t, reached)
}
