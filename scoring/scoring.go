// Package scoring is candor's pure scoring engine: a bank and answers in, a Result out
// (docs/spec.md §1 semantics, §3 result). It reads no files and keeps no state.
package scoring

import (
	"cmp"
	"errors"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/candor-app/candor/questionnaire"
	"github.com/candor-app/candor/questionnaire/cond"
)

// Result is a scored response; its JSON form is docs/spec.md §3, key for key.
type Result struct {
	Bank     BankInfo             `json:"bank"`
	Status   questionnaire.Status `json:"status"`
	Asked    int                  `json:"asked"`
	Answered int                  `json:"answered"`
	Scores   []ScoreResult        `json:"scores"`
	Flags    []FlagResult         `json:"flags"`
	Outcome  *OutcomeResult       `json:"outcome"`
	// OutcomeOpenOn lists, when Outcome is null for that reason, the open safety questions
	// whose answer decides the verdict (docs/spec.md §1, §3).
	OutcomeOpenOn []string `json:"outcome_open_on,omitempty"`
	// WarningSigns are the answers given that the bank marks as warning signs, in bank order.
	WarningSigns []WarningSign `json:"warning_signs,omitempty"`
	// Warnings are codes and data (Warning); render and the commands choose their words.
	Warnings []Warning `json:"warnings"`
	// UnansweredSafety lists the asked questions without an answer whose answer could raise
	// an urgent flag: while there are any, no band text is given and an outcome is chosen
	// only if every answer to them would choose it (docs/spec.md §1).
	UnansweredSafety []string `json:"unanswered_safety,omitempty"`
	// Declined lists, in bank order, the asked questions answered "I'd rather not answer"
	// (Options.Declined): missing for every score, open if they are safety questions.
	Declined []string `json:"declined,omitempty"`
	// ScoresSetAside is set by the person's own summary (`take`) while an urgent flag is
	// raised, when their scores are not shown to them.
	ScoresSetAside bool `json:"scores_set_aside,omitempty"`
	// Answers carries the clinical codes of the answers (SDC/FHIR interop): one entry for
	// each asked question that has a `code` or whose chosen option has one.
	Answers []AnswerCode `json:"answers,omitempty"`

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

// Private reports whether r raised a flag that may be private: any flag that is not a
// gentle note (an urgent flag, or a warning such as what one partner reports of the other's
// behaviour, being checked on), or one bank b shows at once while answering (a crisis
// pointer). Such answers are not for another's eyes: `take` then offers to delete the file,
// the page says where a downloaded file may sit, and a comparison is for the counselor only.
// It is the one rule for "private"; b may be nil (only the levels count then).
func (r *Result) Private(b *questionnaire.Bank) bool {
	for _, f := range r.Flags {
		if f.Level != questionnaire.NoteLvl {
			return true
		}
		if b != nil {
			if bf := b.Flag(f.ID); bf != nil && bf.ShowAtOnce() {
				return true
			}
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
	// BandHopeful is true when the band shown is a hopeful one (docs/spec.md §3).
	BandHopeful bool `json:"band_hopeful"`
	// BandWithheld is true when the score's hopeful band is not shown because one of its
	// items is answered with a warning sign (docs/spec.md §1).
	BandWithheld bool `json:"band_withheld,omitempty"`
	// Applies is false when none of the score's items was asked (`not_asked: exclude`):
	// the score does not apply to this response, and Value is null.
	Applies bool                  `json:"applies"`
	Code    *questionnaire.Coding `json:"code,omitempty"`
	// Highlights are the statements the score's `highlight` picks, each with the person's
	// answer, lowest (or highest) first; none without a `highlight` or a value.
	Highlights []Highlight `json:"highlights,omitempty"`
	// FilledLowest is how many unanswered items counted as their lowest score
	// (`missing: lowest`).
	FilledLowest int `json:"-"`

	Score *questionnaire.Score `json:"-"`
}

// Highlight is one statement a score's `highlight` picks: the question and the person's
// answer, as stored and in words.
type Highlight struct {
	ID         string `json:"id"`
	Text       string `json:"text"`
	Answer     any    `json:"answer"`
	AnswerText string `json:"answer_text"`
}

// AnswerCode is one answer with the codes of its question and chosen options.
type AnswerCode struct {
	ID          string                  `json:"id"`
	Code        *questionnaire.Coding   `json:"code,omitempty"`
	Value       any                     `json:"value"`
	AnswerCodes []*questionnaire.Coding `json:"answer_codes,omitempty"`
}

// FlagResult is a raised flag.
type FlagResult struct {
	ID    string              `json:"id"`
	Level questionnaire.Level `json:"level"`
	Title string              `json:"title"`
	Text  string              `json:"text"`
	// TogetherWithheld is true when the flag's text, which suggests working on it together,
	// is left out because safety is in doubt (docs/spec.md §1).
	TogetherWithheld bool `json:"together_withheld,omitempty"`
}

// OutcomeResult is the verdict that heads the summary.
type OutcomeResult struct {
	ID    string `json:"id"`
	Title string `json:"title"`
	Text  string `json:"text"`
	// Hopeful is the outcome's `hopeful` (docs/spec.md §3).
	Hopeful bool `json:"hopeful"`
}

// WarningSign is an answer the bank marks as a warning sign: the question, its text (the
// person's statement) and the answer, as stored and in words.
type WarningSign struct {
	ID         string `json:"id"`
	Text       string `json:"text"`
	Answer     any    `json:"answer"`
	AnswerText string `json:"answer_text"`
}

// Options adjust a scoring run.
type Options struct {
	// Status is the status the response's file claims ("" when there is none). The result's
	// status is always derived from the answers (StatusOf); when the claim differs, the
	// result carries a warning saying so.
	Status questionnaire.Status
	// Skipped are the questions the response lists as skipped.
	Skipped []string
	// Declined are the questions the response lists as declined ("I'd rather not answer"):
	// no answer for scores and safety, but a reply for the status.
	Declined []string
}

// Score scores answers against bank b. Answers must be normalized (questionnaire.Answers);
// answers to questions that are not asked do not count.
func Score(b *questionnaire.Bank, answers questionnaire.Answers, opt Options) *Result {
	r := &Result{
		Bank:     BankInfo{ID: b.ID, Version: b.Version, Title: b.Title},
		AskedIDs: make([]string, 0, len(b.Questions)),
		Flags:    []FlagResult{},
		Warnings: []Warning{},
	}
	c := compute(b, answers, func(what, id string) {
		r.Warnings = append(r.Warnings, tooCostly(what, id))
	})
	env, asked := c.env, c.asked
	askedQs := r.countAsked(b, answers, asked)
	r.Scores = c.scores
	r.keepFlags(c.raised)
	r.UnansweredSafety = unansweredSafety(b, answers, asked)
	r.WarningSigns = warningSigns(b, answers, asked)
	r.chooseOutcome(b, answers, c.world(r.WarningSigns, r.UnansweredSafety))
	r.holdBack(b, answers, asked)
	if len(r.UnansweredSafety) > 0 {
		for i := range r.Scores {
			// A band's words can read as a verdict; they wait for the safety answer.
			r.Scores[i].BandText = ""
		}
		for _, id := range r.UnansweredSafety {
			r.Warnings = append(r.Warnings, Warning{Code: SafetyUnanswered, ID: id})
		}
	}
	r.Declined = declinedAsked(askedQs, answers, opt.Declined)
	missing, untouched, status := statusOf(askedQs, answers, opt.Skipped, opt.Declined)
	r.Status = status
	if opt.Status != "" && opt.Status != status {
		r.Warnings = append(r.Warnings, Warning{Code: StatusClaim, Claimed: opt.Status, Status: status, Missing: missing, Untouched: untouched})
	}
	r.Env = env
	return r
}

// Flags are the flags answers raise, urgent first, as Score gives them (a `together` flag's
// text withheld while safety is in doubt), without the rest of Score's work: no verdict, no
// bands, no status. For a front end showing flags as they are raised (ask), after every
// answer.
func Flags(b *questionnaire.Bank, answers questionnaire.Answers) []FlagResult {
	c := compute(b, answers, nil)
	r := &Result{Flags: []FlagResult{}}
	r.keepFlags(c.raised)
	r.UnansweredSafety = unansweredSafety(b, answers, c.asked)
	r.holdBackFlags(b)
	return r.Flags
}

// Unsafe reports whether safety is in doubt: an urgent flag is raised or a safety question
// is open. Texts marked `together` are not shown then (docs/spec.md §1).
func (r *Result) Unsafe() bool { return r.Urgent() || len(r.UnansweredSafety) > 0 }

// countAsked lists the questions asked (answerable ones whose `when` holds), counts those
// answered, keeps the codes of the answers, and returns the questions asked.
func (r *Result) countAsked(b *questionnaire.Bank, answers questionnaire.Answers, asked map[string]bool) (askedQs []*questionnaire.Question) {
	askedQs = make([]*questionnaire.Question, 0, len(b.Questions))
	for _, q := range b.Questions {
		if !asked[q.ID] || !q.Answerable() {
			continue
		}
		askedQs = append(askedQs, q)
		r.AskedIDs = append(r.AskedIDs, q.ID)
		r.Asked++
		if answers[q.ID] != nil {
			r.Answered++
		}
		if c := answerCode(q, answers[q.ID]); c != nil {
			r.Answers = append(r.Answers, *c)
		}
	}
	return askedQs
}

// computed is what a bank's answers give before any verdict: every name's value as
// expressions see it, the questions asked, the scores (in bank order), the flags raised (in
// bank order) and the ids of the urgent ones among them.
type computed struct {
	env          map[string]any
	asked        map[string]bool
	scores       []ScoreResult
	raised       []*questionnaire.Flag
	raisedUrgent map[string]bool
}

// compute works out the questions asked, then every score, then every flag in bank order (a
// flag may name one before it). It is the first step of Score and of each world the verdict
// tries (worldOf). tooCostly, when not nil, is told "section", "question" or "flag" and the
// id of each whose condition was stopped at the evaluation limits.
func compute(b *questionnaire.Bank, answers questionnaire.Answers, tooCostly func(what, id string)) computed {
	env := make(map[string]any, len(b.Questions)+len(b.Scores)+len(b.Flags))
	for _, q := range b.Questions {
		env[q.ID] = nil
	}
	c := computed{env: env, asked: asked(b, answers, env, tooCostly), scores: make([]ScoreResult, 0, len(b.Scores)), raisedUrgent: map[string]bool{}}
	for _, s := range b.Scores {
		sr := scoreOne(s, answers, c.asked)
		c.scores = append(c.scores, sr)
		env[s.ID] = nil
		if sr.Value != nil {
			env[s.ID] = *sr.Value
		}
	}
	for _, f := range b.Flags {
		ok, err := f.When.Eval(env)
		if tooCostly != nil && errors.Is(err, cond.ErrTooCostly) {
			tooCostly("flag", f.ID)
		}
		env[f.ID] = ok
		if ok {
			c.raised = append(c.raised, f)
			if f.Level == questionnaire.Urgent {
				c.raisedUrgent[f.ID] = true
			}
		}
	}
	return c
}

// keepFlags keeps the flags raised, most urgent first.
func (r *Result) keepFlags(raised []*questionnaire.Flag) {
	for _, f := range raised {
		r.Flags = append(r.Flags, FlagResult{ID: f.ID, Level: f.Level, Title: f.Title, Text: f.Text})
	}
	slices.SortStableFunc(r.Flags, func(a, b FlagResult) int { return a.Level.Rank() - b.Level.Rank() })
}

// declinedAsked lists, in bank order, the asked questions among declined that have no answer.
func declinedAsked(asked []*questionnaire.Question, answers questionnaire.Answers, declined []string) []string {
	if len(declined) == 0 {
		return nil
	}
	var out []string
	for _, q := range asked {
		if answers[q.ID] == nil && slices.Contains(declined, q.ID) {
			out = append(out, q.ID)
		}
	}
	return out
}

// unansweredSafety lists, in bank order, the asked questions without an answer that an
// urgent flag's condition depends on, directly or through a score: their answer could have
// raised it.
func unansweredSafety(b *questionnaire.Bank, answers questionnaire.Answers, asked map[string]bool) []string {
	named := b.SafetyQuestions()
	var out []string
	for _, q := range b.Questions {
		if named[q.ID] && asked[q.ID] && q.Answerable() && answers[q.ID] == nil {
			out = append(out, q.ID)
		}
	}
	return out
}

// answerCode is the coded form of an answer, for a question or chosen option with a `code`;
// nil when neither has one.
func answerCode(q *questionnaire.Question, v any) *AnswerCode {
	var opts []*questionnaire.Coding
	switch x := v.(type) {
	case []any:
		for _, item := range x {
			if o := q.Option(item); o != nil && o.Code != nil {
				opts = append(opts, o.Code)
			}
		}
	case nil:
	default:
		if o := q.Option(x); o != nil && o.Code != nil {
			opts = append(opts, o.Code)
		}
	}
	if q.Code == nil && len(opts) == 0 {
		return nil
	}
	return &AnswerCode{ID: q.ID, Code: q.Code, Value: v, AnswerCodes: opts}
}

// Asked evaluates every section's and question's `when` in order and returns the set of
// questions asked (info statements shown included). env receives each asked question's
// answer as expressions see it (nil when unanswered or not asked), and the value, from the
// answers so far, of each score a question's `when` names; pass nil when not needed.
func Asked(b *questionnaire.Bank, answers questionnaire.Answers, env map[string]any) map[string]bool {
	return asked(b, answers, env, nil)
}

// tooCostly is the warning for a condition stopped at questionnaire's evaluation limits.
func tooCostly(what, id string) Warning { return Warning{Code: TooCostly, What: what, ID: id} }

// asked is Asked, calling tooCostly (when not nil) with "section" or "question" and the id
// of each whose `when` was stopped at the evaluation limits.
func asked(b *questionnaire.Bank, answers questionnaire.Answers, env map[string]any, tooCostly func(what, id string)) map[string]bool {
	if env == nil {
		env = make(map[string]any, len(b.Questions))
		for _, q := range b.Questions {
			env[q.ID] = nil
		}
	}
	asked := make(map[string]bool, len(b.Questions))
	sectionOn := true
	for _, q := range b.Questions {
		if sec := q.Section; sec != nil && sec.Questions[0] == q {
			scoresSoFar(b, sec.When, answers, asked, env)
			var err error
			sectionOn, err = sec.When.Eval(env)
			if tooCostly != nil && errors.Is(err, cond.ErrTooCostly) {
				tooCostly("section", sec.ID)
			}
		}
		if !sectionOn {
			continue
		}
		scoresSoFar(b, q.When, answers, asked, env)
		ok, err := q.When.Eval(env)
		if tooCostly != nil && errors.Is(err, cond.ErrTooCostly) {
			tooCostly("question", q.ID)
		}
		if !ok {
			continue
		}
		asked[q.ID] = true
		if v, has := answers[q.ID]; has && v != nil && q.Answerable() {
			env[q.ID] = q.EnvValue(v)
		}
	}
	return asked
}

// scoresSoFar puts into env the value of each score condition x names, from the answers
// given so far: validation made sure every item of such a score comes before.
func scoresSoFar(b *questionnaire.Bank, x *questionnaire.Expr, answers questionnaire.Answers, asked map[string]bool, env map[string]any) {
	if x == nil {
		return
	}
	for _, n := range x.Names {
		if s := b.Score(n); s != nil {
			env[n] = nil
			if sr := scoreOne(s, answers, asked); sr.Value != nil {
				env[n] = *sr.Value
			}
		}
	}
}

// tally is what a score's items gave for one response.
type tally struct {
	counted           []*questionnaire.Question
	sum, wAll, wKnown float64
	answered, lowest  int
	unanswered        []*questionnaire.Question
}

// tallyItems adds up s's items: those not asked are left out (`not_asked: exclude`) or count
// as their lowest score (`lowest`); those asked and unanswered are listed for later.
func tallyItems(s *questionnaire.Score, answers questionnaire.Answers, asked map[string]bool) tally {
	t := tally{counted: make([]*questionnaire.Question, 0, len(s.Items))}
	for _, q := range s.Items {
		if !asked[q.ID] && s.NotAsked != questionnaire.CountLowest {
			continue
		}
		t.counted = append(t.counted, q)
		w := s.Weight(q.ID)
		t.wAll += w
		if !asked[q.ID] {
			lo, _, _ := q.ScoreRange()
			t.sum += w * lo
			t.wKnown += w
			t.lowest++
			continue
		}
		x, ok := q.ItemScore(answers[q.ID])
		if !ok {
			t.unanswered = append(t.unanswered, q)
			continue
		}
		t.answered++
		t.sum += w * x
		t.wKnown += w
	}
	return t
}

func scoreOne(s *questionnaire.Score, answers questionnaire.Answers, asked map[string]bool) ScoreResult {
	sr := ScoreResult{ID: s.ID, Label: s.Label, Code: s.Code, Score: s}
	t := tallyItems(s, answers, asked)
	items := t.counted
	if len(items) == 0 {
		// No item of the score was asked: it does not apply to this person.
		items = s.Items
	} else {
		sr.Applies = true
	}
	sr.Items = len(t.counted)
	sr.Answered = t.answered
	sr.Needed = max(len(t.counted)-s.MaxMissing, 1)
	lo, hi := s.RangeOver(items)
	if !math.IsInf(lo, 0) && !math.IsNaN(lo) {
		sr.Min = &lo
	}
	if !math.IsInf(hi, 0) && !math.IsNaN(hi) {
		sr.Max = &hi
	}
	missing := len(t.unanswered)
	// Too many missing answers: no value ("not enough answers"), never 0.
	if !sr.Applies || t.answered+t.lowest == 0 || missing > s.MaxMissing || t.wKnown == 0 {
		return sr
	}
	v, ok := t.value(s, &sr, items, lo, hi)
	if !ok {
		// Out of float range (huge number answers): report no value rather than nonsense.
		return sr
	}
	sr.Value = &v
	sr.Highlights = highlights(s, answers, asked)
	sr.band(s, v)
	return sr
}

// value is the score's value from the tally of its items: the method applied, missing answers
// counted lowest or prorated (as sr records), rounded; not ok when it is out of float range
// or is a percent of a range of zero width.
func (t tally) value(s *questionnaire.Score, sr *ScoreResult, items []*questionnaire.Question, lo, hi float64) (float64, bool) {
	missing := len(t.unanswered)
	sum, wKnown := t.sum, t.wKnown
	if missing > 0 && s.Missing == questionnaire.CountLowest {
		for _, q := range t.unanswered {
			ilo, _, _ := q.ScoreRange()
			w := s.Weight(q.ID)
			sum += w * ilo
			wKnown += w
		}
		sr.FilledLowest = missing
	} else {
		sr.Prorated = missing > 0
	}
	// total is the weighted sum, prorated from the person's own answered items when some
	// are missing: weighted sum × Σ all weights / Σ answered weights.
	total := sum
	if sr.Prorated {
		total = sum * t.wAll / wKnown
	}
	var v float64
	switch s.Method {
	case questionnaire.Mean:
		v = sum / wKnown
	case questionnaire.Percent:
		slo, shi := s.SumRangeOver(items)
		if !(shi > slo) {
			// No room to move (every item counted has a single possible score): a share
			// of nothing is no value, not 0%.
			return 0, false
		}
		v = (total - slo) / (shi - slo) * 100
	default:
		v = total
	}
	if sr.Prorated {
		// An estimate never goes past what complete answers could give: with items of
		// different ranges prorating alone can (one 0-5 item standing in for three 4-point ones).
		v = math.Max(lo, math.Min(hi, v))
	}
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return 0, false
	}
	// Keep away float noise (0.1+0.2) before rounding and banding.
	v = roundTo(v, max(noisePlaces, s.Round+2))
	if s.Round >= 0 {
		v = roundTo(v, s.Round)
	}
	if v == 0 {
		v = 0 // no negative zero
	}
	return v, true
}

// band sets the band value v falls in.
func (sr *ScoreResult) band(s *questionnaire.Score, v float64) {
	if band := bandOf(s, v); band != nil {
		label := band.Label
		sr.Band, sr.BandText, sr.BandHopeful = &label, band.Text, band.Hopeful
	}
}

// bandOf is the band of score s that value v falls in, or nil when s has none.
func bandOf(s *questionnaire.Score, v float64) *questionnaire.Band {
	band := s.BandFor(v)
	if band == nil && len(s.Bands) > 0 {
		// The value is past the last band's max, which the validator proved reaches the
		// highest score with every item counted. Either rounding carried it past (a mean of
		// at most 2.5 rounded to 3, or a top of 3/7 kept to 9 decimals), or items that were
		// not asked left the score (`not_asked: exclude`) and the rest reach further (a sum
		// without an item whose scores are all negative; a mean of the higher items only).
		// Either way it belongs to the last band, the one for the highest values.
		band = s.Bands[len(s.Bands)-1]
	}
	return band
}

// highlights picks the statements a score's `highlight: lowest N` (or `highest N`) names:
// of its items asked and answered, the N whose answers sit lowest (highest) in their own
// item's score range, reverse keying applied (a negative weight turns an item round), ties
// in bank order. An answer at the other end (as high as the highest answer, for `lowest`)
// is never listed, so when every answer is the same there is nothing to single out.
func highlights(s *questionnaire.Score, answers questionnaire.Answers, asked map[string]bool) []Highlight {
	h := s.Highlight
	if h == nil {
		return nil
	}
	type item struct {
		q   *questionnaire.Question
		pos float64
	}
	var items []item
	for _, q := range s.Items {
		if !asked[q.ID] {
			continue
		}
		x, ok := q.ItemScore(answers[q.ID])
		if !ok {
			continue
		}
		if p, ok := unitPlace(q, x); ok {
			x = p
		}
		if s.Weight(q.ID) < 0 {
			x = -x
		}
		if h.Which == questionnaire.HighlightHighest {
			x = -x
		}
		items = append(items, item{q, x})
	}
	if len(items) == 0 {
		return nil
	}
	slices.SortStableFunc(items, func(a, b item) int { return cmp.Compare(a.pos, b.pos) })
	other := items[len(items)-1].pos
	var out []Highlight
	for _, it := range items {
		if len(out) == h.N || it.pos >= other {
			break
		}
		v := answers[it.q.ID]
		out = append(out, Highlight{ID: it.q.ID, Text: it.q.Text, Answer: v, AnswerText: it.q.AnswerText(v)})
	}
	return out
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
