package scoring

import (
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/candor-app/candor/questionnaire"
	"github.com/candor-app/candor/questionnaire/cond"
)

// maxWorlds is how many combinations of answers to the open safety questions the engine
// tries before it gives no verdict (docs/spec.md §1).
const maxWorlds = 512

// maxScalePoints and maxMultiOptions bound the answers of one open safety question that are
// tried: a longer scale or more options give no verdict while the question is open.
const (
	maxScalePoints  = 101
	maxMultiOptions = 9
)

// world is what the outcome rules see for one set of answers: every name's value, the
// urgent flags raised, whether a warning sign is raised, whether a safety question is open.
type world struct {
	env          map[string]any
	raisedUrgent map[string]bool
	warned, open bool
}

// worldOf works out the world of answers: asked questions, scores, flags, warning signs.
func worldOf(b *questionnaire.Bank, answers questionnaire.Answers) (world, map[string]bool) {
	c := compute(b, answers, nil)
	return c.world(warningSigns(b, answers, c.asked), unansweredSafety(b, answers, c.asked)), c.asked
}

// world is the world the outcome rules see in c, given its warning signs and the safety
// questions it leaves open: for Score and for each world the verdict tries.
func (c computed) world(signs []WarningSign, open []string) world {
	return world{env: c.env, raisedUrgent: c.raisedUrgent, warned: len(signs) > 0, open: len(open) > 0}
}

// choose is the index of the outcome chosen in world w, or -1 for none: the first whose
// condition holds among those that may be chosen. tooCostly, when not nil, is told of each
// outcome whose condition was stopped at the evaluation limits.
func choose(b *questionnaire.Bank, w world, tooCostly func(id string)) int {
	for i, o := range b.Outcomes {
		// While an urgent flag is raised, only an outcome written for a raised one may be
		// chosen, so nobody who said they are not safe is ever told they are ready.
		if len(w.raisedUrgent) > 0 && !NamesAny(o, w.raisedUrgent) {
			continue
		}
		// A hopeful verdict is never chosen while a warning sign is raised, nor one that
		// suggests working on it together while safety is in doubt (docs/spec.md §1).
		if o.Hopeful && w.warned || o.Together && (w.open || len(w.raisedUrgent) > 0) {
			continue
		}
		ok, err := o.When.Eval(w.env)
		if tooCostly != nil && errors.Is(err, cond.ErrTooCostly) {
			tooCostly(o.ID)
		}
		if ok {
			return i
		}
	}
	return -1
}

// chooseOutcome sets the verdict. With no safety question open it is the outcome chosen in
// the answers' world. With some open, an outcome is chosen only if it would be chosen
// whatever they turn out to be (each possible answer, and none): every world has the same
// one. Otherwise there is no verdict and OutcomeOpenOn names the open questions that decide
// it (docs/spec.md §1).
func (r *Result) chooseOutcome(b *questionnaire.Bank, answers questionnaire.Answers, w world) {
	chosen := choose(b, w, func(id string) { r.Warnings = append(r.Warnings, tooCostly("outcome", id)) })
	if len(r.UnansweredSafety) > 0 {
		var decide []string
		chosen, decide = holdsInEveryWorld(b, answers, r.UnansweredSafety)
		if chosen < 0 {
			r.OutcomeOpenOn = decide
		}
	}
	if chosen >= 0 {
		o := b.Outcomes[chosen]
		r.Outcome = &OutcomeResult{ID: o.ID, Title: o.Title, Text: o.Text, Hopeful: o.Hopeful}
	}
}

// outcomeWorld is one world tried: the answers given to the open safety questions (by id;
// nil for no answer) and the outcome chosen.
type outcomeWorld struct {
	given  map[string]any
	chosen int
}

// holdsInEveryWorld tries every combination of answers to the open safety questions (a
// question asked only in some of them is tried there too) and returns the outcome chosen
// in all of them, or -1 and the questions of open (in its order) whose answer changes the
// choice: all of open when that cannot be told, when an open question's answers cannot be
// listed (number, text, date) or when there are more than maxWorlds combinations.
func holdsInEveryWorld(b *questionnaire.Bank, answers questionnaire.Answers, open []string) (int, []string) {
	safety := b.SafetyQuestions()
	var worlds []outcomeWorld
	given := map[string]any{}
	var try func(ans questionnaire.Answers) bool
	try = func(ans questionnaire.Answers) bool {
		w, asked := worldOf(b, ans)
		for _, q := range b.Questions {
			if _, done := given[q.ID]; done || !safety[q.ID] || !asked[q.ID] || !q.Answerable() || ans[q.ID] != nil {
				continue
			}
			dom, ok := domain(q)
			if !ok {
				return false
			}
			for _, v := range dom {
				next := maps.Clone(ans)
				next[q.ID] = v
				given[q.ID] = v
				if !try(next) {
					return false
				}
			}
			delete(given, q.ID)
			return true
		}
		if len(worlds) >= maxWorlds {
			return false
		}
		worlds = append(worlds, outcomeWorld{given: maps.Clone(given), chosen: choose(b, w, nil)})
		return true
	}
	if !try(answers) {
		return -1, open
	}
	same := true
	for _, w := range worlds[1:] {
		same = same && w.chosen == worlds[0].chosen
	}
	if same && len(worlds) > 0 {
		return worlds[0].chosen, nil
	}
	return -1, deciding(worlds, open)
}

// deciding lists the questions of open whose answer alone changes the outcome in some pair
// of worlds that agree on every other question; all of open when none does on its own.
func deciding(worlds []outcomeWorld, open []string) []string {
	var out []string
	for _, id := range open {
		seen := map[string]int{}
		for _, w := range worlds {
			if _, ok := w.given[id]; !ok {
				continue
			}
			k := keyWithout(w.given, id)
			if c, ok := seen[k]; ok && c != w.chosen {
				out = append(out, id)
				break
			}
			seen[k] = w.chosen
		}
	}
	if len(out) == 0 {
		return open
	}
	return out
}

// keyWithout is a world's answers but the one to question id, as text.
func keyWithout(given map[string]any, id string) string {
	ids := make([]string, 0, len(given))
	for k := range given {
		if k != id {
			ids = append(ids, k)
		}
	}
	slices.Sort(ids)
	var sb strings.Builder
	for _, k := range ids {
		fmt.Fprintf(&sb, "%s=%#v;", k, given[k])
	}
	return sb.String()
}

// domain lists every answer question q takes, and no answer (nil), as scoring sees them; not
// ok when they cannot be listed: a number, text or date, a long scale, many options.
func domain(q *questionnaire.Question) ([]any, bool) {
	out := []any{nil}
	switch q.Type {
	case questionnaire.YesNo:
		return append(out, true, false), true
	case questionnaire.Choice:
		for _, o := range q.Options {
			out = append(out, o.Value)
		}
		return out, true
	case questionnaire.Scale:
		if q.Max-q.Min+1 > maxScalePoints {
			return nil, false
		}
		for v := q.Min; v <= q.Max; v++ {
			out = append(out, v)
		}
		return out, true
	case questionnaire.Multi:
		n := len(q.Options)
		if n > maxMultiOptions {
			return nil, false
		}
		for mask := 0; mask < 1<<n; mask++ {
			chosen := []any{}
			exclusive := false
			for i, o := range q.Options {
				if mask&(1<<i) != 0 {
					chosen = append(chosen, o.Value)
					exclusive = exclusive || o.Exclusive
				}
			}
			if exclusive && len(chosen) > 1 {
				continue // an exclusive option stands alone
			}
			out = append(out, chosen)
		}
		return out, true
	case questionnaire.Number, questionnaire.Text, questionnaire.Date, questionnaire.Info:
		// no step of their own here (listed for the exhaustive check)
	}
	return nil, false
}

// warningSigns lists, in bank order, the asked questions answered with a warning sign.
func warningSigns(b *questionnaire.Bank, answers questionnaire.Answers, asked map[string]bool) []WarningSign {
	var out []WarningSign
	for _, q := range b.Questions {
		if v := answers[q.ID]; asked[q.ID] && q.RaisesWarning(v) {
			out = append(out, WarningSign{ID: q.ID, Text: q.Text, Answer: v, AnswerText: q.AnswerText(v)})
		}
	}
	return out
}

// holdBack leaves out what must not be shown (docs/spec.md §1): a hopeful band of a score
// one of whose items is answered with a warning sign, and, while safety is in doubt, the
// texts of bands and flags that suggest working on it together.
func (r *Result) holdBack(b *questionnaire.Bank, answers questionnaire.Answers, asked map[string]bool) {
	unsafe := r.Unsafe()
	for i := range r.Scores {
		sr := &r.Scores[i]
		if sr.Band == nil || sr.Score == nil || sr.Value == nil {
			continue
		}
		band := bandOf(sr.Score, *sr.Value)
		if band == nil {
			continue
		}
		if band.Hopeful && slices.ContainsFunc(sr.Score.Items, func(q *questionnaire.Question) bool {
			return asked[q.ID] && q.RaisesWarning(answers[q.ID])
		}) {
			sr.Band, sr.BandText, sr.BandHopeful, sr.BandWithheld = nil, "", false, true
			continue
		}
		if band.Together && unsafe {
			sr.BandText = ""
		}
	}
	r.holdBackFlags(b)
}

// holdBackFlags withholds, while safety is in doubt (Unsafe), the text of each flag raised
// that suggests working on it together (docs/spec.md §1): for Score and Flags alike.
func (r *Result) holdBackFlags(b *questionnaire.Bank) {
	if !r.Unsafe() {
		return
	}
	for i := range r.Flags {
		if f := b.Flag(r.Flags[i].ID); f != nil && f.Together {
			r.Flags[i].Text, r.Flags[i].TogetherWithheld = "", true
		}
	}
}
