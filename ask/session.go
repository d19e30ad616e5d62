// Package ask is the answering session that any front end drives, one step at a time: the
// screen to show (intro, question, flags, review, end) and which question comes next, going
// back, skipping, changing an answer from the review (and asking what the change opened
// before the review comes back), progress ("3 of 12") and the intro's count, the first
// question of a section, re-evaluating `when` conditions, the flags to show the moment an
// answer raises them, reading and checking one typed answer, continuing a saved response
// (Adopt, Resume) and saving after every answer. It draws nothing, chooses no words and
// touches no terminal or file: the terminal `candor take` (package ask/terminal) and a
// browser page (built with GOOS=js GOARCH=wasm) call the same methods.
package ask

import (
	"errors"
	"reflect"
	"sort"
	"strings"
	"time"

	"github.com/candor-app/candor/questionnaire"
	"github.com/candor-app/candor/scoring"
)

// Options adjust a session.
type Options struct {
	// Save writes the response; it is called after every answer or skip, before anything
	// further is evaluated, and by Session.Save. Nil saves nothing.
	Save func(*questionnaire.Response) error
	// Now is the clock (time.Now when nil); it stamps the response's `updated`.
	Now func() time.Time
	// BackToIntro makes Back from the first question show the intro again, for a front end
	// that can (the page); without it Back there is a *Problem (AtFirst).
	BackToIntro bool
}

// Session is one person answering one bank: it records into a response and knows the
// question being asked. Its methods are not safe for concurrent use.
type Session struct {
	bank    *questionnaire.Bank
	resp    *questionnaire.Response
	answers questionnaire.Answers
	opt     Options

	// asked are the questions asked now (their `when` and their section's hold), info
	// statements included, in bank order. on[i] says whether bank question i is asked;
	// place[i] is its number among the asked questions that take an answer (0 for an info
	// statement or a question not asked); total is how many those are.
	asked []*questionnaire.Question
	on    []bool
	place []int
	total int
	// whenReads are the questions whose answers some `when` reads (directly or through a
	// score): only an answer to one of them can change which questions are asked.
	whenReads map[string]bool
	skipped   map[string]bool
	// declined are the questions answered "I'd rather not answer" (Decline): no answer,
	// but replied to.
	declined map[string]bool

	cur      *questionnaire.Question
	reopened bool
	// suggestFor is the question whose last answer was met with "did you mean" (a choice's
	// nearest option), and suggestion that option's value: a yes typed next picks it.
	suggestFor *questionnaire.Question
	suggestion any
	// revising is set by Revise and Change: answers return to the review (by way of the
	// questions the change opened: open now, and not in openBefore), not to the next
	// question; returnTo is the question to be current then (nil: the end).
	revising   bool
	openBefore map[string]bool
	returnTo   *questionnaire.Question
	// screen is the screen to show (Screen); afterFlags the one after the flags.
	screen, afterFlags Screen
	// exact is Count's: no question that takes an answer depends on a `when`.
	exact bool
	// resumed is set by Resume.
	resumed bool
	// changed is set once this session records an answer or skip that differs from the
	// response's (Changed).
	changed bool

	// open counts the asked, required questions without an answer; touched the asked
	// questions answered, or skipped and not required (the status: scoring.StatusOf's rule).
	open, touched int

	// atOnceReads are the questions the flags shown at once depend on (through scores and
	// other flags); nil when the bank has no such flag. shown are the flags already listed
	// by PendingAtOnce and acknowledged; pending the ones raised and not yet.
	atOnceReads map[string]bool
	shown       map[string]bool
	pending     []Flag
}

// Flag is a raised flag to show the person now.
type Flag struct {
	ID    string
	Level questionnaire.Level
	Title string
	Text  string
}

// NewSession starts a session over bank b that records into resp (questionnaire.NewResponse
// for a new one). The answers resp already holds that fit b are kept (others stay in the
// file untouched); the session starts at the first question still open, and flags the
// answers already raise are pending at once. Nothing is saved until an answer is given or
// Save is called. It begins at the first question still open (or the info statements just
// before it).
//
// It shows the intro first (Screen). A saved response is continued with Adopt and Resume,
// which resolve it once.
func NewSession(b *questionnaire.Bank, resp *questionnaire.Response, opt Options) *Session {
	answers, _ := resp.Resolve(b)
	return openSession(b, resp, answers, opt)
}

// openSession starts a session over b recording into resp, which holds answers (resolved).
func openSession(b *questionnaire.Bank, resp *questionnaire.Response, answers questionnaire.Answers, opt Options) *Session {
	if opt.Now == nil {
		opt.Now = time.Now
	}
	if answers == nil {
		answers = questionnaire.Answers{}
	}
	s := &Session{bank: b, resp: resp, answers: answers, opt: opt, screen: ScreenIntro, exact: exactCount(b),
		whenReads: map[string]bool{}, skipped: map[string]bool{}, declined: map[string]bool{}, shown: map[string]bool{}}
	for _, q := range b.Questions {
		b.QuestionsRead(s.whenReads, q.When)
		if sec := q.Section; sec != nil && sec.Questions[0] == q {
			b.QuestionsRead(s.whenReads, sec.When)
		}
	}
	for _, id := range resp.Skipped {
		s.skipped[id] = true
	}
	for _, id := range resp.Declined {
		s.declined[id] = true
	}
	s.atOnceReads = atOnceReads(b)
	s.refreshAsked()
	s.updateStatus()
	s.cur = s.firstOpen()
	if s.cur != nil {
		// Begin with the statements just before it, which have not been passed yet.
		i := s.index(s.cur)
		for i > 0 && !s.asked[i-1].Answerable() {
			i--
		}
		s.cur = s.asked[i]
	}
	s.raiseFlags()
	return s
}

// Bank is the bank being answered.
func (s *Session) Bank() *questionnaire.Bank { return s.bank }

// Response is the response being recorded, as Options.Save receives it.
func (s *Session) Response() *questionnaire.Response { return s.resp }

// Answers are the answers given so far, normalized, including answers to questions that are
// no longer asked (scoring ignores those).
func (s *Session) Answers() questionnaire.Answers { return s.answers }

// Step is what to show now: one question, with where it stands.
type Step struct {
	// Question is the question to answer, or the info statement to read (Info); nil when
	// the session is done.
	Question *questionnaire.Question
	// Info is true for an info statement: it takes no answer; Continue (or an empty
	// Answer) moves on.
	Info bool
	// Number is the question's place among the questions asked now that take an answer
	// (1-based; 0 for an info statement), Total how many those are ("Question 3 of 12").
	// Total changes as answers change `when`s.
	Number, Total int
	// Section is the question's section, or nil; FirstOfSection is true when the question
	// is the first asked in it (statements included), where its intro is shown.
	Section        *questionnaire.Section
	FirstOfSection bool
	// Optional is true when the question can be skipped.
	Optional bool
	// CanDecline is true when the question may be answered "I'd rather not answer"
	// (Decline, or a decline word typed as the Answer); Declined when it was.
	CanDecline, Declined bool
	// Answer is the answer given before (normalized), and AnswerText it in words; HasAnswer
	// says whether there is one.
	Answer     any
	AnswerText string
	HasAnswer  bool
	// Reopened is true when the question comes round again: every later question had been
	// seen, and this one was still open (a required question left without an answer). A
	// question that a change made from the review opened is new, not reopened.
	Reopened bool
}

// Current is the step to show now. Its Question is nil once Done.
func (s *Session) Current() Step {
	q := s.cur
	if q == nil {
		return Step{Total: s.total}
	}
	st := Step{Question: q, Info: !q.Answerable(), Number: s.place[q.Index], Total: s.total,
		Section: q.Section, FirstOfSection: s.firstOfSection(q), Optional: !q.Required || !q.Answerable(),
		Reopened: s.reopened, CanDecline: q.Decline}
	if v, ok := s.answers[q.ID]; ok {
		st.Answer, st.HasAnswer, st.AnswerText = v, true, q.AnswerText(v)
	} else {
		st.Declined = s.declined[q.ID]
	}
	return st
}

// Progress is the current question's place among the questions asked now and how many
// those are; at the end, place is 0.
func (s *Session) Progress() (place, total int) {
	st := s.Current()
	return st.Number, st.Total
}

// Done reports whether every question asked has been answered or skipped (or, for a
// required one, answered).
func (s *Session) Done() bool { return s.cur == nil }

// Answered is how many of the questions asked now have an answer.
func (s *Session) Answered() int {
	n := 0
	for _, q := range s.asked {
		if s.answers[q.ID] != nil {
			n++
		}
	}
	return n
}

// Problem says why a step could not be taken: an answer that does not fit its question, a
// required question that cannot be skipped. Nothing was recorded; the question stays. It
// holds codes and data, no words: a front end says it in its own (ask/askwords).
type Problem struct {
	// Code names the kind of problem.
	Code ProblemCode
	// Reason says why a text is not an answer (NotAnAnswer only).
	Reason Reason
	// Question is the question the problem is about (NotAnAnswer, CannotDecline, TooLarge).
	Question *questionnaire.Question
	// Typed is what was typed, cut to 30 columns (Short), or the part of a multi answer that
	// names no option (NotAChoice, NotChoices); the id asked for (NotAsked by id).
	Typed string
	// Suggestion is the number of the option a typo most likely meant ("2"), and
	// SuggestionLabel its label (sanitized); "" when none is close ("did you mean").
	Suggestion, SuggestionLabel string
	// Alone is the label of an option that goes on its own, chosen With another (Exclusive).
	Alone, With string
	// Guidance is the sentence of the question's text (or, with GuidanceInHelp, of its help)
	// that says what to answer when unsure (NotSure); "" when it has none.
	Guidance       string
	GuidanceInHelp bool
	// Day is the date typed that names no day (NoSuchDay).
	Day *questionnaire.NoSuchDayError
	// N is the number asked for, and Total how many questions are numbered (NotAsked by
	// number, from Revise).
	N, Total int
	// TooLarge says which limit of a saved file the answer would pass (TooLarge).
	TooLarge *questionnaire.AnswerTooLargeError
}

func (p *Problem) Error() string { // words:none: for developers; a front end says p in words
	if p.Reason != "" {
		return "ask: " + string(p.Code) + ": " + string(p.Reason)
	}
	return "ask: " + string(p.Code)
}

// ProblemCode is the kind of a Problem.
type ProblemCode string

// The kinds of Problem.
const (
	// NotAnAnswer: the text does not fit the question (Reason says why).
	NotAnAnswer ProblemCode = "not-an-answer"
	// NeedsAnswer: an empty answer to a required question without an earlier answer.
	NeedsAnswer ProblemCode = "needs-answer"
	// CannotSkip: Skip on a required question.
	CannotSkip ProblemCode = "cannot-skip"
	// AtFirst: Back on the first question (without Options.BackToIntro), or on the intro.
	AtFirst ProblemCode = "at-first"
	// NotAsked: GoTo a question that is not asked now.
	NotAsked ProblemCode = "not-asked"
	// NoQuestion: Answer or Skip when the session is done.
	NoQuestion ProblemCode = "no-question"
	// TooLarge: with this answer the saved file would be past what candor reads back
	// (questionnaire.CheckAnswerFits).
	TooLarge ProblemCode = "too-large"
	// InfoOnly: a non-empty Answer to an info statement, which takes none.
	InfoOnly ProblemCode = "info-only"
	// CannotDecline: Decline on a question that does not allow declining.
	CannotDecline ProblemCode = "cannot-decline"
)

// Answer reads text as the answer to the current question (questionnaire's one matcher,
// with the numbers shown before options). An empty text keeps an earlier answer (or an
// earlier "rather not answer"), or skips an optional question. Where the question allows
// declining, a text that says so ("rather not say", "decline": Question.Declines) declines
// it, as Decline does. A text that does not fit is a *Problem and changes nothing.
// Otherwise the answer is recorded and saved (Options.Save) before anything is evaluated,
// then the `when`s and flags are brought up to date and the session moves to the next
// question. Another error means the save failed: the answer is recorded, the session stays.
// Right after a "did you mean" (a choice's nearest option, in a NotAnAnswer Problem), a yes
// (y, yes, …) picks the option suggested; any other text is read as usual.
func (s *Session) Answer(text string) error {
	q := s.cur
	if q == nil {
		return &Problem{Code: NoQuestion}
	}
	text = strings.TrimSpace(text)
	sugFor, sug := s.suggestFor, s.suggestion
	s.suggestFor, s.suggestion = nil, nil
	if yes, ok := questionnaire.ParseYesNo(text); ok && yes && sugFor == q && sug != nil {
		return s.record(q, sug, false, false)
	}
	if !q.Answerable() {
		if text != "" {
			return &Problem{Code: InfoOnly}
		}
		return s.Continue()
	}
	if text == "" {
		if s.replied(q) {
			s.advance(q)
			return nil
		}
		if !q.Required {
			return s.record(q, nil, true, false)
		}
		return &Problem{Code: NeedsAnswer, Question: q}
	}
	if q.Declines(text) {
		return s.record(q, nil, false, true)
	}
	v, p, suggest := parse(q, text)
	if p != nil {
		if suggest != nil {
			s.suggestFor, s.suggestion = q, suggest
		}
		return p
	}
	if err := questionnaire.CheckAnswerFits(s.resp, s.bank, q, v); err != nil {
		p := &Problem{Code: TooLarge, Question: q}
		errors.As(err, &p.TooLarge) // nil for a file that could not be written at all
		return p
	}
	return s.record(q, v, false, false)
}

// Continue moves on from an info statement (or from a question, keeping its answer, when
// it has one). A question that still needs an answer is a *Problem (NeedsAnswer).
func (s *Session) Continue() error {
	q := s.cur
	if q == nil {
		return &Problem{Code: NoQuestion}
	}
	if q.Answerable() && !s.replied(q) {
		return &Problem{Code: NeedsAnswer, Question: q}
	}
	s.advance(q)
	return nil
}

// Decline answers the current question "I'd rather not answer" (removing an answer given
// before), saves, and moves on: no answer for any score, and a safety question stays open,
// but the question is replied to. A question that does not allow it (`decline`) is a
// *Problem (CannotDecline).
func (s *Session) Decline() error {
	q := s.cur
	if q == nil {
		return &Problem{Code: NoQuestion}
	}
	if !q.Decline {
		return &Problem{Code: CannotDecline, Question: q}
	}
	return s.record(q, nil, false, true)
}

// Skip leaves the current optional question without an answer (removing one given before),
// saves, and moves on. A required question is a *Problem (CannotSkip).
func (s *Session) Skip() error {
	q := s.cur
	if q == nil {
		return &Problem{Code: NoQuestion}
	}
	if !q.Answerable() {
		return s.Continue()
	}
	if q.Required {
		return &Problem{Code: CannotSkip, Question: q}
	}
	return s.record(q, nil, true, false)
}

// Back goes back one screen: from the end to the review; from the review to the question
// the person left for it (ShowReview), or the last one asked when done; from a question to
// the one asked before it (the last one when done). At the first question it is a *Problem
// (AtFirst), or, with Options.BackToIntro, the intro. On the flags it does nothing: they
// are read first.
func (s *Session) Back() error {
	switch s.screen {
	case ScreenEnd:
		s.screen = ScreenReview
		return nil
	case ScreenFlags:
		return nil
	case ScreenReview:
		if s.cur != nil {
			s.screen, s.reopened = ScreenQuestion, false
			return nil
		}
	}
	end := len(s.asked)
	if s.cur != nil {
		end = s.index(s.cur)
	}
	if end == 0 {
		if s.opt.BackToIntro && s.screen == ScreenQuestion {
			s.screen = ScreenIntro
			return nil
		}
		return &Problem{Code: AtFirst}
	}
	s.cur, s.reopened = s.asked[end-1], false // still revising, if it was
	s.screen = ScreenQuestion
	s.suggestFor, s.suggestion = nil, nil
	return nil
}

// GoTo makes the question with id current, to see or change its answer, and goes on from
// it to the next question. A question that is not asked now is a *Problem (NotAsked).
func (s *Session) GoTo(id string) error {
	q, err := s.asking(id)
	if err != nil {
		return err
	}
	s.cur, s.reopened, s.revising = q, false, false
	s.screen = ScreenQuestion
	s.suggestFor, s.suggestion = nil, nil
	return nil
}

// asking is the question with id when it is asked now, else a *Problem (NotAsked).
func (s *Session) asking(id string) (*questionnaire.Question, error) {
	q := s.bank.Question(id)
	if q == nil || !s.on[q.Index] {
		return nil, &Problem{Code: NotAsked, Typed: id}
	}
	return q, nil
}

// Revise is Change for question number n of the review list (ReviewItem.Number), as the
// terminal's review reads it. A number not in the list is a *Problem (NotAsked).
func (s *Session) Revise(n int) error {
	for _, q := range s.asked {
		if q.Answerable() && s.place[q.Index] == n {
			s.change(q)
			return nil
		}
	}
	return &Problem{Code: NotAsked, N: n, Total: s.total}
}

// Change makes the question with id current, to change its answer from the review: after
// it is answered, kept, skipped or declined, the session asks any question the new answer
// opened (asked now, and not open before the change), then shows the review again, with
// the question the person left for it current (none when done). Going back from it is
// allowed as ever. A question that is not asked now is a *Problem (NotAsked).
func (s *Session) Change(id string) error {
	q, err := s.asking(id)
	if err != nil {
		return err
	}
	s.change(q)
	return nil
}

func (s *Session) change(q *questionnaire.Question) {
	s.openBefore = map[string]bool{}
	for _, o := range s.asked {
		if s.isOpen(o) {
			s.openBefore[o.ID] = true
		}
	}
	s.returnTo = s.cur
	s.cur, s.reopened, s.revising = q, false, true
	s.screen = ScreenQuestion
	s.suggestFor, s.suggestion = nil, nil
}

// Changed reports whether this session has recorded an answer or a skip that differs from
// what the response held when the session began: a front end leaves a finished response
// that was only looked over as it was, byte for byte.
func (s *Session) Changed() bool { return s.changed }

// ReviewItem is one asked question with its answer, for a review list.
type ReviewItem struct {
	// Number is the question's place among the questions asked ("3" of "Question 3 of 12").
	Number   int
	Question *questionnaire.Question
	// Answer is the normalized answer (nil when none), AnswerText it in words ("" when none).
	Answer     any
	AnswerText string
	// Skipped is true when the question was skipped (it has no answer); Declined when it
	// was answered "I'd rather not answer" (it has no answer either).
	Skipped, Declined bool
}

// Review lists every question asked now that takes an answer, in order, numbered, with its
// answer.
func (s *Session) Review() []ReviewItem {
	out := make([]ReviewItem, 0, s.total)
	for _, q := range s.asked {
		if !q.Answerable() {
			continue
		}
		it := ReviewItem{Number: s.place[q.Index], Question: q, Answer: s.answers[q.ID]}
		if it.Answer != nil {
			it.AnswerText = q.AnswerText(it.Answer)
		} else {
			it.Skipped, it.Declined = s.skipped[q.ID], s.declined[q.ID]
		}
		out = append(out, it)
	}
	return out
}

// PendingAtOnce lists the raised flags to show now, before the next question: urgent flags
// and flags with `show: at_once` that an answer has raised and that have not been
// acknowledged (AckAtOnce), most serious first. A flag is listed once per session.
func (s *Session) PendingAtOnce() []Flag { return s.pending }

// AckAtOnce marks the pending flags as shown, and leaves the flags screen for what comes
// after them: the question, or the review.
func (s *Session) AckAtOnce() {
	for _, f := range s.pending {
		s.shown[f.ID] = true
	}
	s.pending = nil
	if s.screen == ScreenFlags {
		s.screen = s.afterFlags
	}
}

// Save brings the response's status up to date, stamps its time and saves it
// (Options.Save): a front end calls it when the session starts, stops and finishes.
func (s *Session) Save() error {
	s.updateStatus()
	if err := s.write(); err != nil {
		return &SaveError{Err: err}
	}
	return nil
}

// SaveError is a save that failed (Options.Save's error, Err): of the last answer given
// (Answer), or of the whole response when the session starts, stops or finishes
// (Session.Save). A front end says it in its words.
type SaveError struct {
	Answer bool
	Err    error
}

func (e *SaveError) Error() string { return "ask: save: " + e.Err.Error() } // words:none: for developers

func (e *SaveError) Unwrap() error { return e.Err }

// save saves the response after an answer.
func (s *Session) save() error {
	if err := s.write(); err != nil {
		return &SaveError{Answer: true, Err: err}
	}
	return nil
}

// write stamps the response's time and hands it to Options.Save.
func (s *Session) write() error {
	s.resp.Updated = s.opt.Now().UTC().Truncate(time.Second)
	if s.opt.Save == nil {
		return nil
	}
	return s.opt.Save(s.resp)
}

// record stores an answer (or a skip, or a decline) and saves it before anything is
// evaluated; then it brings the asked questions, the status and the flags up to date and
// moves on.
func (s *Session) record(q *questionnaire.Question, v any, skipped, declined bool) error {
	if old, had := s.answers[q.ID]; (had && v != nil && reflect.DeepEqual(old, v)) ||
		(!had && v == nil && s.skipped[q.ID] == skipped && s.declined[q.ID] == declined) {
		// The answer it had (or the skip, or the decline): nothing to record, nothing to save.
		s.advance(q)
		return nil
	}
	s.changed = true
	asked := s.place[q.Index] > 0 // asked, and takes an answer
	if q.Required && asked {
		if had, has := s.replied(q), v != nil || declined; had && !has {
			s.open++
		} else if !had && has {
			s.open--
		}
	}
	wasTouched := asked && s.isTouched(q)
	if v == nil {
		delete(s.answers, q.ID)
	} else {
		s.answers[q.ID] = v
	}
	s.resp.SetAnswer(q.ID, v)
	s.resp.SetSkipped(q.ID, skipped)
	s.resp.SetDeclined(q.ID, declined)
	s.skipped[q.ID], s.declined[q.ID] = skipped, declined
	s.touched += btoi(asked && s.isTouched(q)) - btoi(wasTouched)
	// The status from the questions asked before this answer: no `when` runs before the
	// answer is safe in the file.
	s.updateStatus()
	before := s.resp.Status
	if err := s.save(); err != nil {
		return err
	}
	// Only an answer that a `when` reads can change which questions are asked, and only
	// one that a flag shown at once depends on (or a change in what is asked) can raise
	// one: other answers evaluate nothing, so each answer costs little whatever the bank's
	// size.
	whens := s.whenReads[q.ID]
	if whens {
		s.refreshAsked()
		if s.updateStatus(); s.resp.Status != before {
			if err := s.save(); err != nil {
				return err
			}
		}
	}
	if whens || s.atOnceReads[q.ID] {
		s.raiseFlags()
	}
	s.advance(q)
	return nil
}

// atOnceReads lists the questions whose answers the flags shown at once depend on: the
// names their `when`s read, the items of the scores among them, and so on through other
// flags. It is nil when no flag is shown at once.
func atOnceReads(b *questionnaire.Bank) map[string]bool {
	var out map[string]bool
	for _, f := range b.Flags {
		if f.ShowAtOnce() {
			out = b.QuestionsRead(out, f.When)
		}
	}
	return out
}

// refreshAsked evaluates every question's `when` in order (scoring.Asked).
func (s *Session) refreshAsked() {
	set := scoring.Asked(s.bank, s.answers, nil)
	s.asked = s.asked[:0]
	if s.place == nil {
		s.place = make([]int, len(s.bank.Questions))
		s.on = make([]bool, len(s.bank.Questions))
	}
	s.open, s.total, s.touched = 0, 0, 0
	for i, q := range s.bank.Questions {
		s.place[i], s.on[i] = 0, set[q.ID]
		if !set[q.ID] {
			continue
		}
		s.asked = append(s.asked, q)
		if !q.Answerable() {
			continue
		}
		s.total++
		s.place[i] = s.total
		if q.Required && !s.replied(q) {
			s.open++
		}
		if s.isTouched(q) {
			s.touched++
		}
	}
}

// updateStatus marks the response completed when every asked, required question has an
// answer and something was answered or skipped (scoring.StatusOf).
func (s *Session) updateStatus() {
	// StatusOf's rule, from the counts kept as answers come (O(1) an answer).
	s.resp.Status = scoring.StatusFrom(s.open, s.total, s.touched > 0)
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

// isTouched reports whether q counts as touched for the status (scoring.StatusOf): answered
// or declined, or skipped when not required.
func (s *Session) isTouched(q *questionnaire.Question) bool {
	return s.replied(q) || !q.Required && s.skipped[q.ID]
}

// replied reports whether q has an answer, or was declined ("I'd rather not answer"): a
// required question so replied to is no longer open.
func (s *Session) replied(q *questionnaire.Question) bool {
	return s.answers[q.ID] != nil || s.declined[q.ID]
}

// raiseFlags adds the flags shown at once that the answers now raise to the pending ones.
func (s *Session) raiseFlags() {
	if s.atOnceReads == nil {
		return
	}
	r := scoring.Score(s.bank, s.answers, scoring.Options{})
	for _, f := range r.Flags {
		if s.shown[f.ID] || s.isPending(f.ID) {
			continue
		}
		if bf := s.bank.Flag(f.ID); bf == nil || !bf.ShowAtOnce() {
			continue
		}
		s.pending = append(s.pending, Flag{ID: f.ID, Level: f.Level, Title: f.Title, Text: f.Text})
	}
}

func (s *Session) isPending(id string) bool {
	for _, f := range s.pending {
		if f.ID == id {
			return true
		}
	}
	return false
}

// index is the number of asked questions that come before q in the bank.
func (s *Session) index(q *questionnaire.Question) int {
	return sort.Search(len(s.asked), func(i int) bool { return s.asked[i].Index >= q.Index })
}

// advance moves from q to the next question asked; after the last, to the first one still
// open (Reopened), or to the end (the review). While a change is made from the review, it
// moves to the first question the change opened, or back to the review. Flags raised and
// not yet shown come first.
func (s *Session) advance(q *questionnaire.Question) {
	s.reopened = false
	if s.revising {
		for _, o := range s.asked {
			if s.isOpen(o) && !s.openBefore[o.ID] {
				s.cur = o
				s.show(false)
				return
			}
		}
		s.revising = false
		s.cur = s.returnTo
		if s.cur == nil || !s.on[s.cur.Index] {
			s.cur = s.firstOpen()
		}
		s.show(true)
		return
	}
	i := s.index(q)
	if i < len(s.asked) && s.asked[i] == q {
		i++
	}
	if i < len(s.asked) {
		s.cur = s.asked[i]
		s.show(false)
		return
	}
	s.cur = s.firstOpen()
	s.reopened = s.cur != nil
	s.show(s.cur == nil)
}

// firstOpen is the first asked question that is open (isOpen).
func (s *Session) firstOpen() *questionnaire.Question {
	for _, q := range s.asked {
		if s.isOpen(q) {
			return q
		}
	}
	return nil
}

// isOpen reports whether q takes an answer and is neither answered nor skipped, or is a
// required one left unanswered.
func (s *Session) isOpen(q *questionnaire.Question) bool {
	return q.Answerable() && !s.replied(q) && (q.Required || !s.skipped[q.ID])
}
