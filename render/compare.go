package render

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"reflect"
	"strings"
	"time"

	"github.com/candor-app/candor/internal/text"
	"github.com/candor-app/candor/questionnaire"
	"github.com/candor-app/candor/scoring"
	"github.com/candor-app/candor/scoring/change"
	"github.com/candor-app/candor/words"
)

// CompareSide is one of the two responses compared.
type CompareSide struct {
	// Name is how the person is called in the comparison: the respondent, or the file name.
	Name     string
	Response *questionnaire.Response
	// Answers are the response's answers resolved against the bank.
	Answers questionnaire.Answers
	Result  *scoring.Result
	// Previous is the person's previous response kept (not marked unsafe or safety open),
	// scored with the same bank; nil when not known. A split alliance is then judged by a
	// fall since it (docs/spec.md §3).
	Previous *scoring.Result
}

// CompareOptions control a comparison's rendering.
type CompareOptions struct {
	// Format is "text", "markdown", "html" or "json".
	Format string
	// Width wraps text; 0 means 80.
	Width int
	// ASCII draws marks without symbols outside ASCII.
	ASCII bool
	// Words says candor's own words in the reader's language (docs/spec.md §4); nil is
	// English. The bank's words come from the bank.
	Words *words.Printer
}

// Comparison is two responses to one bank side by side; its JSON form is what
// `candor compare --format json` prints.
type Comparison struct {
	// CounselorOnly is set when either person raised a flag that is not a gentle note: an
	// urgent flag, a warning (what one partner reports of the other's behaviour, such as being
	// checked on), or a flag shown at once (a crisis pointer). Text and markdown then open
	// with a note that the comparison is for the counselor, not a joint session.
	CounselorOnly bool `json:"counselor_only"`
	// Safety is set when either person raised an urgent flag: the note then speaks of safety.
	Safety    bool              `json:"-"`
	Bank      scoring.BankInfo  `json:"bank"`
	A         ComparePerson     `json:"a"`
	B         ComparePerson     `json:"b"`
	Agreement CompareAgreement  `json:"agreement"`
	Questions []CompareQuestion `json:"questions"`
	Scores    []CompareScore    `json:"scores"`
	Flags     CompareFlags      `json:"flags"`
	Outcomes  CompareOutcomes   `json:"outcomes"`
	// SplitAlliance lists the scores (with `change.alert`) where one partner's rating fell while
	// the other's held: a split alliance (docs/spec.md §3); left out when none.
	SplitAlliance []CompareSplit `json:"split_alliance,omitempty"`

	// flags are A's and B's lines under "Flags", and notes their warnings but those about an
	// open safety question, which are among the flags (flagsAndNotes).
	flags, notes [2][]string
}

// ComparePerson names one side.
type ComparePerson struct {
	Name       string               `json:"name"`
	File       string               `json:"file"`
	Respondent string               `json:"respondent"`
	Status     questionnaire.Status `json:"status"`
	Started    *time.Time           `json:"started"`
	Updated    *time.Time           `json:"updated"`
	// Warnings are what reading and scoring the response found worth saying (a changed
	// bank, answers to questions the bank no longer has): always a list.
	Warnings []string `json:"warnings"`
	// Unsafe is set when an urgent flag was raised for this person, SafetyOpen when a safety
	// question they were asked has no answer: the side is marked, and shows no band in text
	// and markdown (docs/spec.md §4).
	Unsafe     bool `json:"unsafe"`
	SafetyOpen bool `json:"safety_open"`
}

// CompareAgreement counts the questions both answered (text questions aside) and those
// answered the same way.
type CompareAgreement struct {
	BothAnswered int `json:"both_answered"`
	Same         int `json:"same"`
}

// Answer states in a comparison.
const (
	AnswerGiven    = "answered"
	AnswerMissing  = "not_answered" // words:none: a state in the JSON, for programs
	AnswerSkipped  = "skipped"
	AnswerNotAsked = "not_asked" // words:none: a state in the JSON, for programs
	// AnswerDeclined is "I'd rather not answer": no answer, and not a skip.
	AnswerDeclined = "declined"
)

// CompareAnswer is one side's answer to a question.
type CompareAnswer struct {
	// State is answered, not_answered, skipped, declined or not_asked.
	State string `json:"state"`
	// Value is the answer as stored (true/false, a number, an option's value, a list).
	Value any `json:"value"`
	// Label is the answer in words: "Yes", an option's label, "5 (Very close)".
	Label string `json:"label"`
}

// CompareQuestion is one question with both answers.
type CompareQuestion struct {
	Number int           `json:"number"`
	ID     string        `json:"id"`
	Text   string        `json:"text"`
	Type   string        `json:"type"`
	A      CompareAnswer `json:"a"`
	B      CompareAnswer `json:"b"`
	// Same is whether both gave the same answer; null when not both answered, or for a
	// text question.
	Same *bool `json:"same"`
	// Difference is B's answer minus A's, for numbers, scales and numbered choices.
	Difference *float64 `json:"difference"`
	// ReverseScored is set for a question that counts in reverse: `reverse: true`, or a
	// negative weight in the scores it is in. Its difference is then told by its meaning,
	// never as a bare "higher" or "lower" (docs/spec.md §4).
	ReverseScored bool `json:"reverse_scored"`
	// ItemDifference is B's item score minus A's, reverse keying applied and turned round
	// by a negative weight: above 0 when B's answer counts more toward the scores the
	// question is in (nearer to what helps). Null when not both answered, for a question
	// in no score, or one whose scores weigh it in opposite directions.
	ItemDifference *float64 `json:"item_difference"`

	// q is the question, whose answers the report writes in the reader's words.
	q *questionnaire.Question
}

// CompareScoreValue is one side's score.
type CompareScoreValue struct {
	Value *float64 `json:"value"`
	Band  *string  `json:"band"`
	// Applies is false when none of the score's questions was asked of this side.
	Applies bool `json:"applies"`
	// SafetyFirst is set when an urgent flag was raised for this side, SafetyOpen when a
	// safety question of this side has no answer. A comparison is for the counselor: the
	// score is shown all the same, after the flags, marked and without its band in text and
	// markdown; the JSON keeps the exact band (docs/spec.md §4).
	SafetyFirst bool `json:"safety_first"`
	SafetyOpen  bool `json:"safety_open"`
}

// reportNotApplies stands for the value of a score none of whose questions was asked.
func reportNotApplies(p *words.Printer) string { return p.T("does not apply") }

// reportNotEnough stands for the value of a score with too few answers.
func reportNotEnough(p *words.Printer) string { return p.T("not enough answers") }

// CompareScore is one score on both sides.
type CompareScore struct {
	ID    string            `json:"id"`
	Label string            `json:"label"`
	Min   *float64          `json:"min"`
	Max   *float64          `json:"max"`
	A     CompareScoreValue `json:"a"`
	B     CompareScoreValue `json:"b"`
	// Difference is B's value minus A's; null when either has no value.
	Difference *float64 `json:"difference"`
}

// CompareFlags are the flags raised on each side.
type CompareFlags struct {
	A []scoring.FlagResult `json:"a"`
	B []scoring.FlagResult `json:"b"`
}

// CompareOutcomes are the headlines on each side.
type CompareOutcomes struct {
	A *scoring.OutcomeResult `json:"a"`
	B *scoring.OutcomeResult `json:"b"`
}

// newComparison builds the comparison of a and b, both responses to bank b, its flag lines,
// notes and warnings in p's words.
func newComparison(p *words.Printer, bank *questionnaire.Bank, a, b CompareSide) *Comparison {
	c := &Comparison{
		CounselorOnly: a.Result.Private(bank) || b.Result.Private(bank),
		Safety:        a.Result.Urgent() || b.Result.Urgent(),
		Bank:          a.Result.Bank,
		A:             comparePerson(p, bank, a),
		B:             comparePerson(p, bank, b),
		Questions:     []CompareQuestion{},
		Scores:        []CompareScore{},
		Flags:         CompareFlags{A: nonNilFlags(a.Result.Flags), B: nonNilFlags(b.Result.Flags)},
		Outcomes:      CompareOutcomes{A: a.Result.Outcome, B: b.Result.Outcome},
	}
	for i, s := range []CompareSide{a, b} {
		c.flags[i], c.notes[i] = flagsAndNotes(p, bank, s.Result)
	}
	askedA, askedB := askedSet(a.Result), askedSet(b.Result)
	for _, q := range bank.Questions {
		if !q.Answerable() {
			continue // an info statement has no answers to compare
		}
		sign := scoring.ItemSign(bank, q)
		cq := CompareQuestion{Number: q.Number, ID: q.ID, Text: q.Text, Type: string(q.Type),
			A: compareAnswer(q, a, askedA), B: compareAnswer(q, b, askedB), ReverseScored: reverseScored(q, sign), q: q}
		if cq.A.State == AnswerGiven && cq.B.State == AnswerGiven && q.Type != questionnaire.Text {
			same := sameAnswer(a.Answers[q.ID], b.Answers[q.ID])
			cq.Same = &same
			c.Agreement.BothAnswered++
			if same {
				c.Agreement.Same++
			}
			if d, ok := answerDifference(q, a.Answers[q.ID], b.Answers[q.ID]); ok {
				cq.Difference = &d
			}
			if d, ok := itemDifference(q, sign, a.Answers[q.ID], b.Answers[q.ID]); ok {
				cq.ItemDifference = &d
			}
		}
		c.Questions = append(c.Questions, cq)
	}
	for i, sa := range a.Result.Scores {
		if i >= len(b.Result.Scores) {
			break
		}
		sb := b.Result.Scores[i]
		ma, mb := safetyMarkOf(a.Result), safetyMarkOf(b.Result)
		cs := CompareScore{ID: sa.ID, Label: sa.Label, Min: sa.Min, Max: sa.Max,
			A: CompareScoreValue{Value: sa.Value, Band: sa.Band, Applies: sa.Applies, SafetyFirst: ma.Unsafe, SafetyOpen: ma.Open},
			B: CompareScoreValue{Value: sb.Value, Band: sb.Band, Applies: sb.Applies, SafetyFirst: mb.Unsafe, SafetyOpen: mb.Open}}
		if sa.Value != nil && sb.Value != nil {
			d := scoring.Clean(*sb.Value - *sa.Value)
			cs.Difference = &d
		}
		c.Scores = append(c.Scores, cs)
		if i < len(bank.Scores) && !ma.marked() && !mb.marked() {
			if sp, ok := change.Split(bank.Scores[i].Change, rating(a, i), rating(b, i)); ok {
				c.SplitAlliance = append(c.SplitAlliance, compareSplit(sa.ID, bank.Scores[i].Change, sp))
			}
		}
	}
	return c
}

// rating is side s's value of score i, with its previous value when known.
func rating(s CompareSide, i int) change.Rating {
	r := change.Rating{Value: s.Result.Scores[i].Value}
	if s.Previous != nil && i < len(s.Previous.Scores) {
		r.Previous = s.Previous.Scores[i].Value
	}
	return r
}

// CompareSplit is one score where one partner's rating fell while the other's held.
type CompareSplit struct {
	Score string `json:"score"`
	// Rule is "fall" (each partner's previous rating known: below the level, or a drop since
	// the previous) or "below" (the level alone).
	Rule change.Rule `json:"rule"`
	// Fell is "a" or "b": whose rating fell.
	Fell string `json:"fell"`
	// Level is `alert.below`, Drop `alert.drop`; null when the bank declares none.
	Level *float64 `json:"level"`
	Drop  *float64 `json:"drop"`
	// Value is the fallen rating; Previous that partner's previous one and Fall how far it
	// moved the worse way since (negative when it rose), both null under "below".
	Value    float64  `json:"value"`
	Previous *float64 `json:"previous"`
	Fall     *float64 `json:"fall"`
	// Alerts are what fell: {kind: "below" | "drop", threshold, value, previous}.
	Alerts []change.Alert `json:"alerts"`
}

func compareSplit(id string, c *questionnaire.Change, sp change.SplitFall) CompareSplit {
	out := CompareSplit{Score: id, Rule: sp.Rule, Fell: [2]string{"a", "b"}[sp.Partner], Level: c.Alert.Below, Drop: c.Alert.Drop,
		Value: sp.Value, Previous: sp.Previous, Alerts: sp.Alerts}
	if sp.Fall != nil {
		f := scoring.Clean(*sp.Fall)
		out.Fall = &f
	}
	return out
}

// splitWords says a split alliance for the counselor, and by which rule it was judged.
func splitWords(p *words.Printer, c *Comparison, sp CompareSplit) string {
	low, held := text.Clean(c.A.Name), text.Clean(c.B.Name)
	if sp.Fell == "b" {
		low, held = held, low
	}
	ask := p.T("Worth asking each of them, on their own, how the session felt.")
	n := func(f float64) string { return Number(p, f) }
	if sp.Rule == change.RuleBelow {
		return p.T("Split alliance: %s's rating is below the bank's alert level of %s while %s's holds. With no previous rating of each to compare, only the level is used.",
			low, n(*sp.Level), held) + " " + ask
	}
	var dropped, below bool
	for _, a := range sp.Alerts {
		dropped, below = dropped || a.Kind == change.AlertDrop, below || a.Kind == change.AlertBelow
	}
	var w string
	switch {
	case dropped && below:
		w = p.T("Split alliance: %[1]s's rating fell by %[2]s since their previous rating (%[3]s to %[4]s), below the bank's alert level of %[5]s, while %[6]s's held (not down by %[7]s or more since their previous rating, nor below %[5]s).",
			low, n(*sp.Fall), n(*sp.Previous), n(sp.Value), n(*sp.Level), held, n(*sp.Drop))
	case dropped && sp.Level != nil:
		w = p.T("Split alliance: %s's rating fell by %s since their previous rating (%s to %s), while %s's held (not down by %s or more since their previous rating, nor below %s).",
			low, n(*sp.Fall), n(*sp.Previous), n(sp.Value), held, n(*sp.Drop), n(*sp.Level))
	case dropped:
		w = p.T("Split alliance: %s's rating fell by %s since their previous rating (%s to %s), while %s's held (not down by %s or more since their previous rating).",
			low, n(*sp.Fall), n(*sp.Previous), n(sp.Value), held, n(*sp.Drop))
	default:
		w = p.T("Split alliance: %s's rating is below the bank's alert level of %s (their previous rating was %s), while %s's held (not down by %s or more since their previous rating, nor below %s).",
			low, n(*sp.Level), n(*sp.Previous), held, n(*sp.Drop), n(*sp.Level))
	}
	return w + " " + ask
}

// splitFor is the split alliance on score id, nil when there is none.
func (c *Comparison) splitFor(id string) *CompareSplit {
	for k := range c.SplitAlliance {
		if c.SplitAlliance[k].Score == id {
			return &c.SplitAlliance[k]
		}
	}
	return nil
}

func comparePerson(w *words.Printer, bank *questionnaire.Bank, s CompareSide) ComparePerson {
	m := safetyMarkOf(s.Result)
	p := ComparePerson{Name: s.Name, Status: s.Result.Status, Warnings: warningTexts(w, bank, s.Result),
		Unsafe: m.Unsafe, SafetyOpen: m.Open}
	if r := s.Response; r != nil {
		p.File, p.Respondent = r.File, r.Respondent
		if !r.Started.IsZero() {
			t := r.Started
			p.Started = &t
		}
		if !r.Updated.IsZero() {
			t := r.Updated
			p.Updated = &t
		}
	}
	return p
}

func nonNilFlags(fs []scoring.FlagResult) []scoring.FlagResult {
	if fs == nil {
		return []scoring.FlagResult{}
	}
	return fs
}

func askedSet(r *scoring.Result) map[string]bool {
	m := make(map[string]bool, len(r.AskedIDs))
	for _, id := range r.AskedIDs {
		m[id] = true
	}
	return m
}

func compareAnswer(q *questionnaire.Question, s CompareSide, asked map[string]bool) CompareAnswer {
	if !asked[q.ID] {
		return CompareAnswer{State: AnswerNotAsked}
	}
	v, ok := s.Answers[q.ID]
	if !ok || v == nil {
		if s.Response != nil {
			for _, id := range s.Response.Declined {
				if id == q.ID {
					return CompareAnswer{State: AnswerDeclined}
				}
			}
			for _, id := range s.Response.Skipped {
				if id == q.ID {
					return CompareAnswer{State: AnswerSkipped}
				}
			}
		}
		return CompareAnswer{State: AnswerMissing}
	}
	return CompareAnswer{State: AnswerGiven, Value: v, Label: q.AnswerText(v)}
}

// sameAnswer compares two normalized answers; a multi answer is the same when the same
// options were chosen, in any order.
func sameAnswer(a, b any) bool {
	la, okA := a.([]any)
	lb, okB := b.([]any)
	if okA && okB {
		if len(la) != len(lb) {
			return false
		}
		for _, x := range la {
			found := false
			for _, y := range lb {
				found = found || x == y
			}
			if !found {
				return false
			}
		}
		return true
	}
	return reflect.DeepEqual(a, b)
}

// answerDifference is b minus a for number and scale answers, and for choices whose
// values are numbers (steps on an agreement scale).
func answerDifference(q *questionnaire.Question, a, b any) (float64, bool) {
	switch q.Type {
	case questionnaire.Scale, questionnaire.Number, questionnaire.Choice:
		fa, okA := a.(float64)
		fb, okB := b.(float64)
		if okA && okB {
			return scoring.Clean(fb - fa), true
		}
	case questionnaire.YesNo, questionnaire.Multi, questionnaire.Text, questionnaire.Date, questionnaire.Info:
		// no step of their own here (listed for the exhaustive check)
	}
	return 0, false
}

// reverseScored reports whether q counts in reverse: `reverse: true`, or weighed against the
// scores it is in: sign is its scoring.ItemSign (docs/spec.md §4).
func reverseScored(q *questionnaire.Question, sign int) bool {
	return q.Scorable() && (q.Reverse || sign < 0)
}

// itemDifference is b's item score minus a's, reverse keying applied and turned round by a
// negative weight: above 0 when b's answer counts more toward the scores q is in. ok is false
// when either has no item score, or q has no direction (sign, its scoring.ItemSign, is 0).
func itemDifference(q *questionnaire.Question, sign int, a, b any) (float64, bool) {
	xa, okA := q.ItemScore(a)
	xb, okB := q.ItemScore(b)
	if !okA || !okB || sign == 0 {
		return 0, false
	}
	return scoring.Clean(float64(sign) * (xb - xa)), true
}

// Compare writes the comparison of a and b, two responses to bank b.
func Compare(w io.Writer, bank *questionnaire.Bank, a, b CompareSide, opt CompareOptions) error {
	c := newComparison(opt.Words, bank, a, b)
	switch opt.Format {
	case "json":
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(c)
	case "markdown":
		_, err := io.WriteString(w, compareMarkdown(c, opt.Words))
		return err
	case "html":
		_, err := io.WriteString(w, compareHTML(bank, c, opt.Words))
		return err
	}
	bw := bufio.NewWriter(w)
	compareText(bw, c, opt)
	return bw.Flush()
}

// --- words shared by text and markdown ----------------------------------------------

// cmpWarnings lists each side's warnings as "Sam: the response was given to version ...";
// those about an open safety question are among the flags instead.
func cmpWarnings(c *Comparison) []string {
	var out []string
	for i, p := range []ComparePerson{c.A, c.B} {
		for _, w := range c.notes[i] {
			out = append(out, text.Clean(p.Name)+": "+text.Clean(w))
		}
	}
	return out
}

// cmpDate is the day one side was answered (started, else last updated), as the reader's
// language writes it: "22 Nov 2026"; "" when the file says neither. In UTC, as the JSON.
func cmpDate(pr *words.Printer, p ComparePerson) string {
	switch {
	case p.Started != nil:
		return pr.Date(p.Started.UTC())
	case p.Updated != nil:
		return pr.Date(p.Updated.UTC())
	}
	return ""
}

// cmpWho describes one side: "sam.yaml, answered 22 Nov 2026 (not finished)".
func cmpWho(pr *words.Printer, p ComparePerson) string {
	var s string
	d := cmpDate(pr, p)
	switch {
	case p.File != "" && d != "":
		s = pr.T("%s, answered %s", text.Clean(p.File), d)
	case d != "":
		s = pr.T("answered %s", d)
	default:
		s = text.Clean(p.File)
	}
	if p.Status == questionnaire.InProgress {
		s += " " + pr.T("(not finished)")
	}
	return strings.TrimSpace(s)
}

func cmpAgreementLine(p *words.Printer, c *Comparison) string {
	a, b := text.Clean(c.A.Name), text.Clean(c.B.Name)
	n := c.Agreement.BothAnswered
	switch {
	case n == 0:
		return p.T("%s and %s have no answered questions in common yet.", a, b)
	case c.Agreement.Same == 0 && n == 1:
		return p.T("%s and %s gave different answers to the one question they both answered.", a, b)
	case c.Agreement.Same == 0:
		return p.T("%s and %s gave different answers to all %d questions they both answered.", a, b, n)
	case c.Agreement.Same == n && n == 1:
		return p.T("%s and %s gave the same answer to the one question they both answered.", a, b)
	case c.Agreement.Same == n:
		return p.T("%s and %s gave the same answer to all %d questions they both answered.", a, b, n)
	}
	return p.T("%s and %s gave the same answer to %d of the %d questions they both answered.", a, b, c.Agreement.Same, n)
}

// headlineWords is one side's headline: the outcome's title, "none", or why there is none
// yet while a safety question is open. Not sanitized.
func headlineWords(p *words.Printer, o *scoring.OutcomeResult, side ComparePerson) string {
	switch {
	case o != nil:
		return o.Title
	case side.SafetyOpen:
		return p.T("none yet: a safety question has no answer")
	}
	return p.T("none")
}

// cmpAnswerWords is one side's answer a to question q in words, or why there is none.
func cmpAnswerWords(p *words.Printer, q CompareQuestion, a CompareAnswer) string {
	switch a.State {
	case AnswerGiven:
		if q.q == nil {
			return text.Clean(a.Label)
		}
		return text.Clean(AnswerWords(p, q.q, a.Value))
	case AnswerSkipped:
		return p.T("(skipped)")
	case AnswerDeclined:
		return p.T("(rather not say)")
	case AnswerNotAsked:
		return p.T("(not asked)")
	}
	return p.T("(no answer)")
}

// cmpDiffWords says how far apart two numbers are, with names: "Alex is 2 higher".
func cmpDiffWords(p *words.Printer, d float64, nameB string) string {
	n := Number(p, math.Abs(d))
	if d > 0 {
		return p.T("%s is %s higher", text.Clean(nameB), n)
	}
	return p.T("%s is %s lower", text.Clean(nameB), n)
}

// cmpMark is the agreement mark of a question: "= the same", "≠ different: Alex is 2
// higher", or "" when it does not apply. A question scored in reverse is told by its
// meaning: "≠ different: Alex's answer is nearer to what helps, by 3 (this one is scored in
// reverse)", never as a bare "higher" or "lower" (docs/spec.md §4).
func cmpMark(p *words.Printer, q CompareQuestion, nameB string, ascii bool) string {
	if q.Same == nil {
		return ""
	}
	if *q.Same {
		return "= " + p.T("the same")
	}
	mark := "≠ " + p.T("different")
	if ascii {
		mark = "<> " + p.T("different")
	}
	switch {
	case q.ReverseScored:
		if words := reverseDiffWords(p, q, nameB); words != "" {
			mark += ": " + words
		}
	case q.Difference != nil && *q.Difference != 0:
		mark += ": " + cmpDiffWords(p, *q.Difference, nameB)
	}
	return mark
}

// reverseDiffWords tells the difference in a question scored in reverse by its meaning:
// "Alex's answer is nearer to what helps, by 3 (this one is scored in reverse)"; "" when
// its meaning cannot be told (its scores weigh it in opposite directions).
func reverseDiffWords(p *words.Printer, q CompareQuestion, nameB string) string {
	if q.ItemDifference == nil || *q.ItemDifference == 0 {
		return ""
	}
	name, nearer := text.Clean(nameB), *q.ItemDifference > 0
	if q.Difference != nil && *q.Difference != 0 {
		by := Number(p, math.Abs(*q.Difference))
		if nearer {
			return p.T("%s's answer is nearer to what helps, by %s (this one is scored in reverse)", name, by)
		}
		return p.T("%s's answer is further from what helps, by %s (this one is scored in reverse)", name, by)
	}
	if nearer {
		return p.T("%s's answer is nearer to what helps (this one is scored in reverse)", name)
	}
	return p.T("%s's answer is further from what helps (this one is scored in reverse)", name)
}

// cmpScoreValue is one side's score: "62 (Part of the way)", or "100 (urgent flag)" for a
// side marked for safety (docs/spec.md §4).
func cmpScoreValue(p *words.Printer, v CompareScoreValue) string {
	if v.Value == nil {
		if !v.Applies {
			return reportNotApplies(p)
		}
		return reportNotEnough(p)
	}
	s := Number(p, *v.Value)
	if m := (safetyMark{Unsafe: v.SafetyFirst, Open: v.SafetyOpen}); m.marked() {
		return markedValue(p, s, m)
	}
	if v.Band != nil && *v.Band != "" {
		s += " (" + text.Clean(*v.Band) + ")"
	}
	return s
}

func cmpScoreDiff(p *words.Printer, s CompareScore, nameB string) string {
	switch {
	case s.Difference == nil:
		return p.T("no difference to show")
	case *s.Difference == 0:
		return p.T("the same")
	}
	return cmpDiffWords(p, *s.Difference, nameB)
}

// rangeWords is a score's range: "1 to 5".
func rangeWords(p *words.Printer, lo, hi string) string { return p.T("%s to %s", lo, hi) }

func cmpRange(p *words.Printer, s CompareScore) string {
	if s.Min == nil || s.Max == nil {
		return ""
	}
	return rangeWords(p, Number(p, *s.Min), Number(p, *s.Max))
}

// flagSection writes "Flags": each person's lines (flagLines) under their name padded to
// nw, "none" for one without; one line when neither has any.
func (t *reportText) flagSection(p *words.Printer, names [2]string, nw int, lines [2][]string) {
	t.heading(p.T("Flags"))
	if len(lines[0])+len(lines[1]) == 0 {
		t.line("  " + p.T("No flags were raised for either of them."))
		return
	}
	for i, ls := range lines {
		name := text.Pad(names[i], nw)
		if len(ls) == 0 {
			t.line("  " + name + "   " + p.T("none"))
			continue
		}
		for j, l := range ls {
			first := "  " + name + "   "
			if j > 0 {
				first = strings.Repeat(" ", nw+5)
			}
			t.wrapped(text.Clean(l), first, strings.Repeat(" ", nw+5))
		}
	}
}

// mdFlagSection is flagSection in markdown.
func (m *mdOut) flagSection(p *words.Printer, names [2]string, lines [2][]string) {
	m.block("## " + p.T("Flags"))
	if len(lines[0])+len(lines[1]) == 0 {
		m.block(p.T("No flags were raised for either of them."))
		return
	}
	var out []string
	for i, ls := range lines {
		name := cmpCell(names[i])
		if len(ls) == 0 {
			out = append(out, "- **"+name+"**: "+p.T("none"))
		}
		for _, l := range ls {
			out = append(out, "- **"+name+"**: "+MarkdownEscape(l))
		}
	}
	m.block(out...)
}

// --- text ---------------------------------------------------------------------------

func compareText(w *bufio.Writer, c *Comparison, opt CompareOptions) {
	p := opt.Words
	t := newReportText(w, opt.Width, opt.ASCII)
	if c.CounselorOnly {
		t.framedNote(c.note(p))
	}
	nameA, nameB := text.Clean(c.A.Name), text.Clean(c.B.Name)
	nw := max(text.Width(nameA), text.Width(nameB))
	title := text.Clean(c.Bank.Title)
	t.wrapped(title, "", "")
	t.line(Rule(t.g.HeavyRule, min(text.Width(title), t.width)))
	t.line(p.T("Two responses side by side"))
	t.line("")
	for _, person := range []ComparePerson{c.A, c.B} {
		who := cmpWho(p, person)
		pad := text.Pad(text.Clean(person.Name), nw)
		if who == "" {
			t.line("  " + pad)
			continue
		}
		t.wrapped(who, "  "+pad+"   ", strings.Repeat(" ", nw+5))
	}
	t.line("")
	t.wrapped(cmpAgreementLine(p, c), "", "")

	// Flags come first, as in a summary: a safety flag is never below the fold, nor is a
	// safety question left open.
	t.flagSection(p, [2]string{nameA, nameB}, nw, c.flags)

	if c.Outcomes.A != nil || c.Outcomes.B != nil {
		t.heading(p.T("Headlines"))
		for i, o := range []*scoring.OutcomeResult{c.Outcomes.A, c.Outcomes.B} {
			words := text.Clean(headlineWords(p, o, []ComparePerson{c.A, c.B}[i]))
			t.wrapped(words, "  "+text.Pad([]string{nameA, nameB}[i], nw)+"   ", strings.Repeat(" ", nw+5))
		}
	}

	if len(c.Scores) > 0 {
		t.heading(p.T("Scores"))
		for i, s := range c.Scores {
			if i > 0 {
				t.line("")
			}
			label := text.Clean(s.Label)
			if r := cmpRange(p, s); r != "" {
				label += " (" + r + ")"
			}
			t.wrapped(label, "  ", "  ")
			t.wrapped(cmpScoreValue(p, s.A), "    "+text.Pad(nameA, nw)+"   ", strings.Repeat(" ", nw+7))
			t.wrapped(cmpScoreValue(p, s.B), "    "+text.Pad(nameB, nw)+"   ", strings.Repeat(" ", nw+7))
			t.wrapped(cmpScoreDiff(p, s, c.B.Name), "    ", "    ")
			if sp := c.splitFor(s.ID); sp != nil {
				t.wrapped(splitWords(p, c, *sp), "    ", "    ")
			}
		}
	}

	t.heading(p.T("Answers"))
	num := len(fmt.Sprint(len(c.Questions)))
	ind := strings.Repeat(" ", num+4)
	for i, q := range c.Questions {
		if i > 0 {
			t.line("")
		}
		t.wrapped(text.Clean(q.Text), fmt.Sprintf("  %*d. ", num, q.Number), ind)
		t.wrapped(cmpAnswerWords(p, q, q.A), ind+text.Pad(nameA, nw)+"   ", ind+strings.Repeat(" ", nw+3))
		t.wrapped(cmpAnswerWords(p, q, q.B), ind+text.Pad(nameB, nw)+"   ", ind+strings.Repeat(" ", nw+3))
		if m := cmpMark(p, q, c.B.Name, opt.ASCII); m != "" {
			t.wrapped(m, ind, ind+"  ")
		}
	}

	if ws := cmpWarnings(c); len(ws) > 0 {
		t.heading(p.T("About this comparison"))
		for _, w := range ws {
			t.wrapped(w, "  "+t.g.Bullet+" ", "    ")
		}
	}
}

// --- markdown -----------------------------------------------------------------------

// cmpCell is text for a markdown table cell.
func cmpCell(s string) string {
	if s == "" {
		return " "
	}
	return MarkdownEscape(s)
}

func compareMarkdown(c *Comparison, p *words.Printer) string {
	var m mdOut
	if c.CounselorOnly {
		m.block("> **" + MarkdownEscape(c.note(p)) + "**")
	}
	nameA, nameB := cmpCell(c.A.Name), cmpCell(c.B.Name)
	m.block("# "+MarkdownEscape(c.Bank.Title), "", p.T("Two responses side by side"))
	var who []string
	for _, person := range []ComparePerson{c.A, c.B} {
		line := "- **" + cmpCell(person.Name) + "**"
		if s := cmpWho(p, person); s != "" {
			line += ": " + MarkdownEscape(s)
		}
		who = append(who, line)
	}
	m.block(who...)
	m.block(MarkdownEscape(cmpAgreementLine(p, c)))

	m.flagSection(p, [2]string{c.A.Name, c.B.Name}, c.flags)

	if c.Outcomes.A != nil || c.Outcomes.B != nil {
		m.block("## " + p.T("Headlines"))
		var lines []string
		for i, o := range []*scoring.OutcomeResult{c.Outcomes.A, c.Outcomes.B} {
			words := MarkdownEscape(headlineWords(p, o, []ComparePerson{c.A, c.B}[i]))
			lines = append(lines, "- **"+[]string{nameA, nameB}[i]+"**: "+words)
		}
		m.block(lines...)
	}

	if len(c.Scores) > 0 {
		m.block("## " + p.T("Scores"))
		rows := []string{
			"| " + p.T("Score") + " | " + nameA + " | " + nameB + " | " + p.T("Difference") + " |",
			"|---|---|---|---|",
		}
		for _, s := range c.Scores {
			label := s.Label
			if r := cmpRange(p, s); r != "" {
				label += " (" + r + ")"
			}
			rows = append(rows, "| "+cmpCell(label)+" | "+cmpCell(cmpScoreValue(p, s.A))+" | "+cmpCell(cmpScoreValue(p, s.B))+" | "+cmpCell(cmpScoreDiff(p, s, c.B.Name))+" |")
		}
		m.block(rows...)
		for _, sp := range c.SplitAlliance {
			m.block(MarkdownEscape(splitWords(p, c, sp)))
		}
	}

	m.block("## " + p.T("Answers"))
	rows := []string{
		"| # | " + p.T("Question") + " | " + nameA + " | " + nameB + " | |",
		"|---|---|---|---|---|",
	}
	for _, q := range c.Questions {
		rows = append(rows, fmt.Sprintf("| %d | %s | %s | %s | %s |", q.Number, cmpCell(q.Text),
			cmpCell(cmpAnswerWords(p, q, q.A)), cmpCell(cmpAnswerWords(p, q, q.B)), cmpMark(p, q, MarkdownEscape(c.B.Name), false)))
	}
	m.block(rows...)

	m.notes(p.T("About this comparison"), cmpWarnings(c))
	return m.b.String()
}

// framedNote draws a note in a frame, then a blank line: the counselor-only note a comparison
// opens with.
func (t *reportText) framedNote(s string) {
	inner := t.width - 6
	if t.width < 30 {
		inner = t.width
	}
	for _, l := range Frame(text.Wrap(s, inner), t.width, t.g, Style{}) {
		t.line(l)
	}
	t.line("")
}

// note is the counselor-only note the comparison opens with: about safety when either person
// raised an urgent flag (counselorOnly), else about a flag that may be private.
func (c *Comparison) note(p *words.Printer) string {
	if c.Safety {
		return counselorOnly(p)
	}
	return p.T("For the counselor only: one of them raised a flag here that may be private (what they said about the other, or a moment that felt too much). Read it on your own first, and talk with each person alone before sharing anything in a joint session.")
}

// counselorOnly opens a comparison in which either person raised an urgent flag.
func counselorOnly(p *words.Printer) string {
	return p.T("For the counselor only: this comparison shows what each person answered about their safety. Please don't share it in a joint session; talk with each person on their own first.")
}
