// Package scoring is candor's pure scoring engine: a bank and answers in, a Result out
// (docs/spec.md §1 semantics, §3 result). It reads no files and keeps no state.
package scoring

import (
	"errors"
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"

	"github.com/candor-app/candor/questionnaire"
)

// Result is a scored response; its JSON form is docs/spec.md §3, key for key.
type Result struct {
	Bank     BankInfo       `json:"bank"`
	Status   string         `json:"status"`
	Asked    int            `json:"asked"`
	Answered int            `json:"answered"`
	Scores   []ScoreResult  `json:"scores"`
	Flags    []FlagResult   `json:"flags"`
	Outcome  *OutcomeResult `json:"outcome"`
	Warnings []string       `json:"warnings"`

	// AskedIDs lists the questions asked, in order (those whose `when` held).
	AskedIDs []string `json:"-"`
	// Env is every name's value as expressions saw it.
	Env map[string]any `json:"-"`
}

// Urgent reports whether an urgent flag is raised: the summary then puts safety first and
// sets scores aside.
func (r *Result) Urgent() bool {
	for _, f := range r.Flags {
		if f.Level == questionnaire.Urgent {
			return true
		}
	}
	return false
}

// NamesAny reports whether outcome o's condition names one of the flags in ids. The fallback
// (no condition) names none.
func NamesAny(o *questionnaire.Outcome, ids map[string]bool) bool {
	if o.When == nil {
		return false
	}
	for _, n := range o.When.Names {
		if ids[n] {
			return true
		}
	}
	return false
}

// BankInfo names the bank scored.
type BankInfo struct {
	ID      string `json:"id"`
	Version string `json:"version"`
	Title   string `json:"title"`
}

// ScoreResult is one score's value and meaning.
type ScoreResult struct {
	ID    string   `json:"id"`
	Label string   `json:"label"`
	Value *float64 `json:"value"`
	// Min and Max are the possible range; null when a number item leaves it open.
	Min      *float64 `json:"min"`
	Max      *float64 `json:"max"`
	Answered int      `json:"answered"`
	Items    int      `json:"items"`
	// Needed is how many items must be answered for the score to have a value.
	Needed   int     `json:"needed"`
	Prorated bool    `json:"prorated"`
	Band     *string `json:"band"`
	BandText string  `json:"band_text"`

	Score *questionnaire.Score `json:"-"`
}

// FlagResult is a raised flag.
type FlagResult struct {
	ID    string              `json:"id"`
	Level questionnaire.Level `json:"level"`
	Title string              `json:"title"`
	Text  string              `json:"text"`
}

// OutcomeResult is the verdict that heads the summary.
type OutcomeResult struct {
	ID    string `json:"id"`
	Title string `json:"title"`
	Text  string `json:"text"`
}

// Options adjust a scoring run.
type Options struct {
	// Status is the response's status; empty means decided from the answers: "completed"
	// when every asked, required question is answered.
	Status string
}

// Score scores answers against bank b. Answers must be normalized (questionnaire.Answers);
// answers to questions that are not asked do not count.
func Score(b *questionnaire.Bank, answers questionnaire.Answers, opt Options) *Result {
	r := &Result{
		Bank:     BankInfo{ID: b.ID, Version: b.Version, Title: b.Title},
		Scores:   []ScoreResult{},
		Flags:    []FlagResult{},
		Warnings: []string{},
	}
	env := make(map[string]any, len(b.Questions)+len(b.Scores)+len(b.Flags))
	for _, q := range b.Questions {
		env[q.ID] = nil
	}
	asked := asked(b, answers, env, func(q *questionnaire.Question) {
		r.Warnings = append(r.Warnings, tooCostly("question", q.ID))
	})
	missingRequired := false
	for _, q := range b.Questions {
		if !asked[q.ID] {
			continue
		}
		r.AskedIDs = append(r.AskedIDs, q.ID)
		r.Asked++
		if answers[q.ID] != nil {
			r.Answered++
		} else if q.Required {
			missingRequired = true
		}
	}
	for _, s := range b.Scores {
		sr := scoreOne(s, answers, asked)
		r.Scores = append(r.Scores, sr)
		if sr.Value != nil {
			env[s.ID] = *sr.Value
		} else {
			env[s.ID] = nil
		}
	}
	raisedUrgent := map[string]bool{}
	for _, f := range b.Flags {
		ok, err := f.When.Eval(env)
		if errors.Is(err, questionnaire.ErrTooCostly) {
			r.Warnings = append(r.Warnings, tooCostly("flag", f.ID))
		}
		env[f.ID] = ok
		if ok {
			r.Flags = append(r.Flags, FlagResult{ID: f.ID, Level: f.Level, Title: f.Title, Text: f.Text})
			if f.Level == questionnaire.Urgent {
				raisedUrgent[f.ID] = true
			}
		}
	}
	sort.SliceStable(r.Flags, func(i, j int) bool { return r.Flags[i].Level.Rank() < r.Flags[j].Level.Rank() })
	for _, o := range b.Outcomes {
		// While an urgent flag is raised, only an outcome written for a raised one may be
		// chosen, so nobody who said they are not safe is ever told they are ready.
		if len(raisedUrgent) > 0 && !NamesAny(o, raisedUrgent) {
			continue
		}
		ok, err := o.When.Eval(env)
		if errors.Is(err, questionnaire.ErrTooCostly) {
			r.Warnings = append(r.Warnings, tooCostly("outcome", o.ID))
		}
		if ok {
			r.Outcome = &OutcomeResult{ID: o.ID, Title: o.Title, Text: o.Text}
			break
		}
	}
	r.Status = opt.Status
	if r.Status == "" {
		r.Status = questionnaire.Completed
		if missingRequired {
			r.Status = questionnaire.InProgress
		}
	}
	r.Env = env
	return r
}

// Asked evaluates every question's `when` in order and returns the set of questions asked.
// env receives each asked question's answer (nil when unanswered or not asked); pass nil
// when not needed.
func Asked(b *questionnaire.Bank, answers questionnaire.Answers, env map[string]any) map[string]bool {
	return asked(b, answers, env, nil)
}

// tooCostly is the warning for a condition stopped at questionnaire's evaluation limits.
func tooCostly(what, id string) string {
	return fmt.Sprintf("the `when` of %s %q takes more work to decide than candor allows, so it was taken as not holding", what, id)
}

// asked is Asked, calling tooCostly (when not nil) for each question whose `when` was stopped
// at the evaluation limits.
func asked(b *questionnaire.Bank, answers questionnaire.Answers, env map[string]any, tooCostly func(*questionnaire.Question)) map[string]bool {
	if env == nil {
		env = make(map[string]any, len(b.Questions))
		for _, q := range b.Questions {
			env[q.ID] = nil
		}
	}
	asked := make(map[string]bool, len(b.Questions))
	for _, q := range b.Questions {
		ok, err := q.When.Eval(env)
		if tooCostly != nil && errors.Is(err, questionnaire.ErrTooCostly) {
			tooCostly(q)
		}
		if !ok {
			continue
		}
		asked[q.ID] = true
		if v, has := answers[q.ID]; has && v != nil {
			env[q.ID] = v
		}
	}
	return asked
}

func scoreOne(s *questionnaire.Score, answers questionnaire.Answers, asked map[string]bool) ScoreResult {
	sr := ScoreResult{ID: s.ID, Label: s.Label, Items: len(s.Items), Score: s}
	sr.Needed = max(len(s.Items)-s.MaxMissing, 1)
	lo, hi := s.Range()
	if !math.IsInf(lo, 0) && !math.IsNaN(lo) {
		sr.Min = &lo
	}
	if !math.IsInf(hi, 0) && !math.IsNaN(hi) {
		sr.Max = &hi
	}
	var sum, wAll, wAnswered float64
	for _, q := range s.Items {
		w := s.Weight(q.ID)
		wAll += w
		// An item not asked (its `when` did not hold) counts as missing.
		if !asked[q.ID] {
			continue
		}
		x, ok := q.ItemScore(answers[q.ID])
		if !ok {
			continue
		}
		sr.Answered++
		sum += w * x
		wAnswered += w
	}
	missing := sr.Items - sr.Answered
	// Too many missing answers: no value ("not enough answers"), never 0.
	if sr.Answered == 0 || missing > s.MaxMissing || wAnswered == 0 {
		return sr
	}
	sr.Prorated = missing > 0
	// total is the weighted sum, prorated from the person's own answered items when some
	// are missing: weighted sum × Σ all weights / Σ answered weights.
	total := sum
	if sr.Prorated {
		total = sum * wAll / wAnswered
	}
	var v float64
	switch s.Method {
	case "mean":
		v = sum / wAnswered
	case "percent":
		slo, shi := s.SumRange()
		if shi > slo {
			v = (total - slo) / (shi - slo) * 100
		}
	default:
		v = total
	}
	if sr.Prorated {
		// An estimate never goes past what complete answers could give: with items of
		// different ranges prorating alone can (one 0-5 item standing in for three 4-point ones).
		v = math.Max(lo, math.Min(hi, v))
	}
	if math.IsNaN(v) || math.IsInf(v, 0) {
		// Out of float range (huge number answers): report no value rather than nonsense.
		return sr
	}
	// Keep away float noise (0.1+0.2) before rounding and banding.
	v = roundTo(v, max(noisePlaces, s.Round+2))
	if s.Round >= 0 {
		v = roundTo(v, s.Round)
	}
	if v == 0 {
		v = 0 // no negative zero
	}
	sr.Value = &v
	band := s.BandFor(v)
	if band == nil && len(s.Bands) > 0 && sr.Max != nil && v > *sr.Max {
		// Rounding carried the value past the highest possible score (a mean of at most
		// 2.5 rounded to 3, or a top of 3/7 kept to 9 decimals) and so past the last band's
		// max: it still belongs to the last band, which the validator proved reaches the
		// highest possible score.
		band = s.Bands[len(s.Bands)-1]
	}
	if band != nil {
		label := band.Label
		sr.Band, sr.BandText = &label, band.Text
	}
	return sr
}

// noisePlaces is how many decimals a computed value keeps before `round` and banding: enough
// for any real score, few enough to drop float noise such as 0.1+0.2 = 0.30000000000000004.
const noisePlaces = 9

// roundTo rounds v to places decimals, half away from zero, as a person rounds the decimal
// number: 2.675 to 2 places is 2.68 (float arithmetic alone would give 2.67, because the
// float nearest 2.675 is slightly below it). The decimal taken is the shortest one that reads
// back as v.
func roundTo(v float64, places int) float64 {
	if v == 0 || math.IsNaN(v) || math.IsInf(v, 0) || places < 0 {
		return v
	}
	s := strconv.FormatFloat(math.Abs(v), 'f', -1, 64)
	dot := strings.IndexByte(s, '.')
	if dot < 0 || len(s)-dot-1 <= places {
		return v // already has no more decimals than asked
	}
	// digits is the number scaled by 10^places, truncated; up says whether to add one.
	digits := []byte(s[:dot] + s[dot+1:dot+1+places])
	up := s[dot+1+places] >= '5'
	if up {
		i := len(digits) - 1
		for ; i >= 0; i-- {
			if digits[i] == '9' {
				digits[i] = '0'
				continue
			}
			digits[i]++
			break
		}
		if i < 0 {
			digits = append([]byte{'1'}, digits...)
		}
	}
	out := string(digits[:len(digits)-places])
	if places > 0 {
		out += "." + string(digits[len(digits)-places:])
	}
	r, err := strconv.ParseFloat(out, 64)
	if err != nil {
		return v
	}
	if v < 0 {
		r = -r
	}
	return r
}
