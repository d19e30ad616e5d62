// Package questionnaire holds the question-bank and response model: loading a bank from YAML
// into the model (the positioned reading is internal/yamlpos), validating it from the model
// into diagnostics (its conditions compiled by questionnaire/cond), answers, and reading and
// writing response files.
package questionnaire

import (
	"math"
	"strconv"
	"strings"
	"sync"

	"github.com/candor-app/candor/internal/yamlpos"
	"github.com/candor-app/candor/questionnaire/cond"
)

// FormatVersion is the bank format this package reads (`candor: 1`).
const FormatVersion = 1

// QuestionType is the kind of answer a question takes.
type QuestionType string

// The question types of docs/spec.md §1.
const (
	YesNo  QuestionType = "yesno"
	Choice QuestionType = "choice"
	Multi  QuestionType = "multi"
	Scale  QuestionType = "scale"
	Number QuestionType = "number"
	Text   QuestionType = "text"
	// Date is a calendar date, typed and stored as YYYY-MM-DD.
	Date QuestionType = "date"
	// Info is a statement shown in its place in the flow; it takes no answer.
	Info QuestionType = "info"
)

// Coding is a code from a terminology (LOINC, SNOMED CT, …) attached to a question, an
// option or a score, for clinical systems; candor keeps it and never interprets it.
type Coding struct {
	System  string `json:"system,omitempty"`
	Code    string `json:"code"`
	Display string `json:"display,omitempty"`
}

// How a score counts items that were not asked (Score.NotAsked) and items asked but left
// without an answer (Score.Missing).
const (
	// NotAskedExclude leaves a not-asked item out of the score entirely.
	NotAskedExclude = "exclude"
	// CountLowest counts the item as its lowest possible item score.
	CountLowest = "lowest"
	// MissingProrate estimates an unanswered item from the person's own answers.
	MissingProrate = "prorate"
)

// Level is how serious a flag is.
type Level string

// Flag levels, most serious first.
const (
	Urgent  Level = "urgent"
	Warn    Level = "warning"
	NoteLvl Level = "note"
)

// Rank orders levels: urgent 0, warning 1, note 2.
func (l Level) Rank() int {
	switch l {
	case Urgent:
		return 0
	case Warn:
		return 1
	}
	return 2
}

// Bank is a loaded, validated question bank.
type Bank struct {
	Format   int
	ID       string
	Version  string
	Title    string
	For      string
	Language string
	// Languages are the languages the bank is offered in, its own Language first: its
	// `languages`, or else its own and those of the translations beside it (docs/spec.md §1,
	// "Languages"). In gives the bank in one of them.
	Languages []string
	Intro     string
	// Outro is the bank's closing words, every part joined (OutroFor(false)); OutroParts
	// are its parts as written (`outro` as text is one part), each with whether it suggests
	// working on it together (docs/spec.md §1).
	Outro      string
	OutroParts []*TextPart
	// SafetyOpen is the bank's own words for a summary that gives no verdict because a
	// safety question is open (`safety_open`); nil for candor's default words.
	SafetyOpen *Notice
	// Decline is the bank's `decline`: the default of every question's Decline.
	Decline bool
	Sources []*Source
	// Recipients are the public keys (age X25519, age1…) of the counselors answers to this
	// bank are sent to, encrypted; each checked when the bank is read.
	Recipients []string
	// Choices are the named answer lists, in file order.
	Choices  []*ChoiceList
	Sections []*Section
	// Questions are all questions in asking order, across sections.
	Questions []*Question
	Scores    []*Score
	Flags     []*Flag
	Outcomes  []*Outcome
	Tests     []*Test

	// File is the name the bank was loaded from; Digest is "sha256:<hex>" of its bytes.
	File   string
	Digest string
	// Src is the file's text, for printing source lines in diagnostics.
	Src []byte

	Pos Pos

	// translations is the bank in each of Languages, itself included; nil with one language.
	translations map[string]*Bank
	// declared is what `languages` names, each with its place; nil without the key.
	declared []langDecl

	questionByID map[string]*Question
	scoreByID    map[string]*Score
	flagByID     map[string]*Flag
	// safety caches SafetyQuestions: a bank does not change once loaded.
	safetyOnce  sync.Once
	safety      map[string]bool
	outcomeByID map[string]*Outcome
	choiceByID  map[string]*ChoiceList
	sectionByID map[string]*Section
}

// Question returns the question with the given id, or nil.
func (b *Bank) Question(id string) *Question { return b.questionByID[id] }

// Score returns the score with the given id, or nil.
func (b *Bank) Score(id string) *Score { return b.scoreByID[id] }

// Flag returns the flag with the given id, or nil.
func (b *Bank) Flag(id string) *Flag { return b.flagByID[id] }

// Outcome returns the outcome with the given id, or nil.
func (b *Bank) Outcome(id string) *Outcome { return b.outcomeByID[id] }

// SafetyQuestions is the set of questions whose answers an urgent flag's condition depends
// on, directly or through a score (QuestionsRead). It is worked out once; do not change it.
func (b *Bank) SafetyQuestions() map[string]bool {
	b.safetyOnce.Do(func() {
		b.safety = map[string]bool{}
		for _, f := range b.Flags {
			if f.Level == Urgent {
				b.QuestionsRead(b.safety, f.When)
			}
		}
	})
	return b.safety
}

// QuestionsRead adds to into (made when nil, and returned) the questions whose answers the
// conditions xs depend on: the questions they name, the items of the scores they name, and
// so on through the flags they name. It is the one rule for "what could change this
// condition": what a flag shown at once reads, what an urgent flag's safety questions are.
func (b *Bank) QuestionsRead(into map[string]bool, xs ...*Expr) map[string]bool {
	if into == nil {
		into = map[string]bool{}
	}
	seen := map[string]bool{}
	var visit func(names []string)
	visit = func(names []string) {
		for _, n := range names {
			if seen[n] {
				continue
			}
			seen[n] = true
			switch {
			case b.Question(n) != nil:
				into[n] = true
			case b.Score(n) != nil:
				for _, q := range b.Score(n).Items {
					into[q.ID] = true
				}
			case b.Flag(n) != nil && b.Flag(n).When != nil:
				visit(b.Flag(n).When.Names)
			}
		}
	}
	for _, x := range xs {
		if x != nil {
			visit(x.Names)
		}
	}
	return into
}

// TextPart is one part of a text that may be left out: `together` marks words that suggest
// talking with the partner or working on it together, never shown while safety is in doubt
// (docs/spec.md §1).
type TextPart struct {
	Text     string
	Together bool
	Pos      Pos
}

// Notice is a title and a text, such as `safety_open`.
type Notice struct {
	Title string
	Text  string
	Pos   Pos
}

// OutroFor is the bank's closing words to show: the parts marked `together` are left out
// when unsafe (an urgent flag raised or a safety question open; docs/spec.md §1). Each part
// continues the paragraph the one before it ended (they are joined by a line break, which
// prose reflows); blank lines inside a part separate paragraphs.
func (b *Bank) OutroFor(unsafe bool) string {
	var parts []string
	for _, p := range b.OutroParts {
		if p.Together && unsafe {
			continue
		}
		if t := strings.TrimSpace(p.Text); t != "" {
			parts = append(parts, p.Text)
		}
	}
	return strings.Join(parts, "\n")
}

// Source credits the material a bank draws on.
type Source struct {
	Title  string
	Author string
	URL    string
	Note   string
	Pos    Pos
}

// ChoiceList is a named list of options, reused by questions.
type ChoiceList struct {
	ID      string
	Options []*Option
	Pos     Pos
}

// Value is an option's stored code: a number or an id.
type Value = any

// Option is one answer of a choice or multi question.
type Option struct {
	// Value is float64 or string.
	Value Value
	Label string
	// Score is the option's weight; HasScore is false for an option that has none (an id
	// value without `score`), which makes the question unscorable.
	Score    float64
	HasScore bool
	Code     *Coding
	// Exclusive (`exclusive: true`, multi questions only) is an option that stands alone,
	// such as "Nobody right now": chosen with another option, the answer is refused.
	Exclusive bool
	Pos       Pos
}

// Section groups questions under a title.
type Section struct {
	ID        string
	Title     string
	Intro     string
	Questions []*Question
	// When is the condition for asking the section's questions at all; nil always holds.
	When *Expr
	Pos  Pos
}

// Question is one question of a bank.
type Question struct {
	ID      string
	Text    string
	Help    string
	Type    QuestionType
	Options []*Option
	// ChoiceList names the shared list the options came from, if any.
	ChoiceList string
	// Min and Max bound scale and number answers; HasMin/HasMax say whether they were given.
	Min, Max       float64
	HasMin, HasMax bool
	Labels         map[int]string
	// MinDate and MaxDate bound a date answer: "YYYY-MM-DD", "today", or "" for no bound.
	MinDate, MaxDate string
	Required         bool
	// Decline (`decline: true`, or the bank's `decline`) lets the person answer "I'd rather
	// not answer": a declined answer is no answer for scores and safety, kept apart from a
	// skip (Response.Declined). Never set on an info statement.
	Decline bool
	When    *Expr
	Reverse bool
	Code    *Coding
	// WarningSign lists the answers that are a warning sign (`warning_sign`), normalized as
	// ParseValue gives them: a bool, an option's value, a scale point (docs/spec.md §1).
	WarningSign []Value
	// Section is the section the question belongs to, or nil.
	Section *Section
	// Index is the question's place in Bank.Questions.
	Index int
	// Number is the question's number as a person sees it, counting only questions that
	// take an answer (1, 2, …); 0 for an info statement.
	Number int
	Pos    Pos
}

// Scorable reports whether the question yields an item score.
func (q *Question) Scorable() bool {
	switch q.Type {
	case Text, Date, Info:
		return false
	case Choice, Multi:
		for _, o := range q.Options {
			if !o.HasScore {
				return false
			}
		}
		return len(q.Options) > 0
	case YesNo, Scale, Number:
		// no step of their own here (listed for the exhaustive check)
	}
	return true
}

// RaisesWarning reports whether answer v is one of the question's warning signs: for a
// multi question, whether any option chosen is (docs/spec.md §1).
func (q *Question) RaisesWarning(v any) bool {
	if v == nil || len(q.WarningSign) == 0 {
		return false
	}
	if list, ok := v.([]any); ok {
		for _, x := range list {
			if q.RaisesWarning(x) {
				return true
			}
		}
		return false
	}
	for _, w := range q.WarningSign {
		if w == v {
			return true
		}
	}
	return false
}

// Answerable reports whether the question takes an answer (every type but info).
func (q *Question) Answerable() bool { return q.Type != Info }

// bounds is a number question's `min` and `max`, infinite where it has none.
func (q *Question) bounds() (lo, hi float64) {
	lo, hi = math.Inf(-1), math.Inf(1)
	if q.HasMin {
		lo = q.Min
	}
	if q.HasMax {
		hi = q.Max
	}
	return lo, hi
}

// ScoreRange is the lowest and highest item score the question can give. Bounds may be
// infinite for a number question without min or max. ok is false for unscorable questions.
func (q *Question) ScoreRange() (lo, hi float64, ok bool) {
	if !q.Scorable() {
		return 0, 0, false
	}
	switch q.Type {
	case YesNo:
		return 0, 1, true
	case Scale:
		return q.Min, q.Max, true
	case Number:
		lo, hi = q.bounds()
		return lo, hi, true
	case Choice:
		lo, hi = math.Inf(1), math.Inf(-1)
		for _, o := range q.Options {
			lo, hi = math.Min(lo, o.Score), math.Max(hi, o.Score)
		}
		return lo, hi, true
	case Multi:
		for _, o := range q.Options {
			if o.Score < 0 {
				lo += o.Score
			} else {
				hi += o.Score
			}
		}
		return lo, hi, true
	case Text, Date, Info:
		// no step of their own here (listed for the exhaustive check)
	}
	return 0, 0, false
}

// Option returns the option whose value equals v, or nil.
func (q *Question) Option(v Value) *Option {
	for _, o := range q.Options {
		if o.Value == v {
			return o
		}
	}
	return nil
}

// Method is how a score combines its items (`method` in a bank).
type Method string

// Score methods.
const (
	// Sum adds up the item scores, each times its weight.
	Sum Method = "sum"
	// Mean divides that sum by the sum of the weights.
	Mean Method = "mean"
	// Percent places the sum between the lowest and highest possible sums, 0 to 100.
	Percent Method = "percent"
)

// Score is a computed scale over some questions.
type Score struct {
	ID    string
	Label string
	// Items are the questions the score adds up, in bank order.
	Items      []*Question
	Method     Method
	Weights    map[string]float64
	MaxMissing int
	// NotAsked is how an item that was not asked counts: NotAskedExclude or CountLowest.
	NotAsked string
	// Missing is how an item asked but unanswered counts: MissingProrate or CountLowest.
	Missing string
	Code    *Coding
	// Round is the number of decimal places kept before banding; -1 keeps the exact value.
	Round int
	Bands []*Band
	// Highlight names the statements the summary quotes under the score; nil for none.
	Highlight *Highlight
	// Theme tags what the score is about, so that `compare` can align it with a score of
	// another bank that has the same id or the same theme; "" for none.
	Theme string
	// Change is what reliable change and counselor alerts need (`change:`); nil for none.
	Change *Change
	Pos    Pos
}

// The ends a score's `highlight` may pick from.
const (
	HighlightLowest  = "lowest"
	HighlightHighest = "highest"
)

// Highlight is a score's `highlight: lowest N` (or `highest N`): the summary lists the N
// answered items that count lowest (highest) toward the score, each with its answer.
type Highlight struct {
	// Which is HighlightLowest or HighlightHighest.
	Which string
	N     int
}

// Weight returns the weight of item q (1 when not given).
func (s *Score) Weight(id string) float64 {
	if w, ok := s.Weights[id]; ok {
		return w
	}
	return 1
}

// SumRange is the lowest and highest weighted sum of the score's items, all answered.
func (s *Score) SumRange() (lo, hi float64) { return s.SumRangeOver(s.Items) }

// SumRangeOver is the lowest and highest weighted sum of the given items of the score, all
// answered: the range of one response in which only those items count.
func (s *Score) SumRangeOver(items []*Question) (lo, hi float64) {
	for _, q := range items {
		// Reversing maps an item's range onto itself, so it does not change the score's.
		a, b, _ := q.ScoreRange()
		w := s.Weight(q.ID)
		x, y := w*a, w*b
		if x > y {
			x, y = y, x
		}
		lo, hi = lo+x, hi+y
	}
	return lo, hi
}

// Range is the lowest and highest value the score can take with every item answered.
func (s *Score) Range() (lo, hi float64) { return s.RangeOver(s.Items) }

// RangeOver is the lowest and highest value the score can take when only the given items
// count (those asked, when `not_asked: exclude` leaves the others out).
func (s *Score) RangeOver(items []*Question) (lo, hi float64) {
	switch s.Method {
	case Percent:
		return 0, 100
	case Mean:
		lo, hi = s.SumRangeOver(items)
		var wsum float64
		for _, q := range items {
			wsum += s.Weight(q.ID)
		}
		if wsum != 0 {
			lo, hi = lo/wsum, hi/wsum
		}
		return min(lo, hi), max(lo, hi)
	}
	return s.SumRangeOver(items)
}

// Band is one range of score values with its meaning.
type Band struct {
	// Max is the band's upper bound, inclusive; HasMax is false for an open last band.
	Max    float64
	HasMax bool
	Label  string
	Text   string
	// Hopeful marks a band whose words are hopeful (`hopeful: true`): not shown for a score
	// one of whose items is answered with a warning sign (docs/spec.md §1).
	Hopeful bool
	// Together marks a text that suggests working on it together (`together: true`).
	Together bool
	Pos      Pos
}

// BandFor returns the band holding value v: the first whose max is at least v.
func (s *Score) BandFor(v float64) *Band {
	for _, b := range s.Bands {
		if !b.HasMax || v <= b.Max {
			return b
		}
	}
	return nil
}

// Flag is a rule that raises a warning or a safety message.
type Flag struct {
	ID    string
	When  *Expr
	Level Level
	Title string
	Text  string
	// AtOnce is true for `show: at_once`: the flag's text appears during the session the
	// moment an answer raises it, not only in the summary.
	AtOnce bool
	// Together marks a text that suggests working on it together (`together: true`): the
	// flag's text is left out while safety is in doubt (docs/spec.md §1).
	Together bool
	Pos      Pos
}

// ShowAtOnce reports whether the flag's text is shown the moment an answer raises it:
// urgent flags always are, other flags when the bank says `show: at_once`.
func (f *Flag) ShowAtOnce() bool { return f.Level == Urgent || f.AtOnce }

// Outcome is a verdict; the first whose condition holds heads the summary.
type Outcome struct {
	ID    string
	When  *Expr // nil for the fallback
	Title string
	Text  string
	// Hopeful marks a hopeful verdict (`hopeful: true`): never chosen while a warning sign
	// is raised (docs/spec.md §1).
	Hopeful bool
	// Together marks a verdict that suggests working on it together (`together: true`):
	// never chosen while safety is in doubt.
	Together bool
	Pos      Pos
}

// Test is a worked example the bank must satisfy.
type Test struct {
	Name    string
	Answers Answers
	// Declined are the questions the test answers `declined` ("I'd rather not answer").
	Declined []string
	Expect   Expect
	Pos      Pos
}

// Expect is what a test expects. Nil maps and pointers mean "not checked".
type Expect struct {
	// Outcome is the expected outcome id; HasOutcome says whether it is checked ("" = none).
	Outcome    string
	HasOutcome bool
	// Scores maps a score id to its expected value, nil for "not enough answers".
	Scores map[string]*float64
	// Bands maps a score id to its expected band label, nil for no band.
	Bands map[string]*string
	// Flags is the exact set of raised flags, when HasFlags.
	Flags    []string
	HasFlags bool
	Pos      Pos
}

// Expr is a condition (a `when`) as written, at Pos, compiled once the bank is loaded.
type Expr struct {
	Source string
	Pos    Pos
	// Names are the identifiers the expression uses.
	Names []string
	// place finds a place inside Source in the file, for diagnostics.
	place yamlpos.Place
	prog  *cond.Program
	// shape is the expression's simple shape (Condition), worked out when it is compiled.
	shape    *cond.Condition
	shapeSet bool
}

// Eval runs the condition against env (names to values, nil for unanswered); nil always
// holds. A condition that cannot be decided, such as a comparison with a missing answer, or
// one that takes more work than the limits allow (cond.ErrTooCostly), does not hold; err says
// why.
func (x *Expr) Eval(env map[string]any) (bool, error) {
	if x == nil {
		return true, nil
	}
	return x.prog.Eval(env)
}

// Condition is x in one of the simple shapes a worksheet can say in words, or nil when it is
// not one of them (x nil included).
func (x *Expr) Condition() *cond.Condition {
	if x == nil {
		return nil
	}
	if x.shapeSet {
		return x.shape
	}
	// An expression built by hand rather than loaded: work it out now.
	return cond.ShapeOf(x.Source)
}

// QuestionCount is how many questions the bank asks at most: every question but its info
// statements.
func (b *Bank) QuestionCount() int {
	n := 0
	for _, q := range b.Questions {
		if q.Answerable() {
			n++
		}
	}
	return n
}

// ByNumber returns the question numbered n on the worksheet (Question.Number: the questions
// that take an answer, counted 1, 2, … in bank order, as `candor show` prints them), or nil.
func (b *Bank) ByNumber(n int) *Question {
	if n < 1 {
		return nil
	}
	// Numbers count up in bank order, so question n is at index n-1 or after it.
	for _, q := range b.Questions[min(n-1, len(b.Questions)):] {
		if q.Number == n {
			return q
		}
	}
	return nil
}

// WorksheetNumber reads a question's number as people copy it from a worksheet: "3", "Q3",
// "q3" or "3."; ok is false for anything else (a leading zero or sign included).
func WorksheetNumber(key string) (n int, ok bool) {
	k := strings.TrimSuffix(strings.TrimPrefix(strings.TrimPrefix(strings.TrimSpace(key), "Q"), "q"), ".")
	n, err := strconv.Atoi(k)
	if err != nil || n < 1 || k != strconv.Itoa(n) {
		return 0, false
	}
	return n, true
}
