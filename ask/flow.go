package ask

import (
	"time"

	"github.com/candor-app/candor/questionnaire"
)

// The screens of a session, and how one leads to the next: the flow every front end draws
// (docs/spec.md §4, "Review before the summary"). A front end shows what Screen says and
// calls the method for what the person did; it decides nothing of what comes next.

// Screen is what a front end shows now.
type Screen string

// The screens, in the order a person usually meets them.
const (
	// ScreenIntro: the bank's title and intro, with Count (or, resumed, Answered of the
	// total); Begin leaves it.
	ScreenIntro Screen = "intro"
	// ScreenQuestion: Current's question or statement.
	ScreenQuestion Screen = "question"
	// ScreenFlags: PendingAtOnce, before anything else; AckAtOnce leaves it.
	ScreenFlags Screen = "flags"
	// ScreenReview: every question asked with its answer (Review); Revise or Change changes
	// one, Finish goes on to the end, Back returns to the questions.
	ScreenReview Screen = "review"
	// ScreenEnd: the summary (or a thank-you); Back returns to the review.
	ScreenEnd Screen = "end"
)

// Screen is the screen to show now.
func (s *Session) Screen() Screen { return s.screen }

// Begin leaves the intro: to the flags the answers already raise (a response continued),
// else to the first question still open, or to the review when none is.
func (s *Session) Begin() {
	if s.screen != ScreenIntro {
		return
	}
	s.show(s.cur == nil)
}

// show moves to the next screen after a step: the flags raised and not yet shown come
// first; then the review (atEnd), or the current question.
func (s *Session) show(atEnd bool) {
	next := ScreenQuestion
	if atEnd {
		next = ScreenReview
	}
	if len(s.pending) > 0 {
		s.screen, s.afterFlags = ScreenFlags, next
		return
	}
	s.screen = next
}

// ShowReview shows the review before the questions are done (the page's "Review my
// answers"): Back returns to the question the person was on. A change being made from the
// review ends there.
func (s *Session) ShowReview() {
	s.screen, s.revising = ScreenReview, false
	s.suggestFor, s.suggestion = nil, nil
}

// Finish leaves the review for the end (the summary).
func (s *Session) Finish() { s.screen = ScreenEnd }

// Resumed reports whether the session continues a saved response (Resume): a front end
// welcomes the person back instead of introducing the questions.
func (s *Session) Resumed() bool { return s.resumed }

// Count is what the intro says of the questions: how many take an answer as the answers
// stand now, and whether that number is exact. It is not when some question that takes an
// answer is asked only under a `when` (its own or its section's): the number may change as
// the person answers. The front end chooses the words ("There is 1 question.", "There are
// about 12 questions").
func (s *Session) Count() (total int, exact bool) { return s.total, s.exact }

// exactCount reports whether every question of b that takes an answer is always asked.
func exactCount(b *questionnaire.Bank) bool {
	for _, q := range b.Questions {
		if q.Answerable() && (q.When != nil || q.Section != nil && q.Section.When != nil) {
			return false
		}
	}
	return true
}

// firstOfSection reports whether q is the first question asked in its section (statements
// included): where a front end shows the section's intro.
func (s *Session) firstOfSection(q *questionnaire.Question) bool {
	if q.Section == nil {
		return false
	}
	i := s.index(q)
	return i == 0 || s.asked[i-1].Section != q.Section
}

// Saved is a saved response made ready to continue with a bank by Adopt: resolved once.
type Saved struct {
	Response *questionnaire.Response
	// Answers are the response's answers that fit the bank, normalized.
	Answers questionnaire.Answers
	// Diagnostics are what resolving the response against the bank found: with an error it
	// cannot be continued with this bank (and it was left as it was); the warnings are the
	// front end's to say.
	Diagnostics questionnaire.Diagnostics
}

// Adopt makes resp, read from a file (a response saved by `candor take` or the page, or a
// plain mapping of question ids to answers), the one to continue with bank b, resolving it
// once (questionnaire.Response.Resolve). A mapping that names no bank is taken as answers to
// b, and one without a start time started at now. Unless resolving finds an error, resp is
// then rewritten: respondent, when not empty, replaces its own (as `take --respondent`
// does), and its answers are written as docs/spec.md §2 writes them (true/false, option
// values). Resume continues it without resolving it again.
func Adopt(b *questionnaire.Bank, resp *questionnaire.Response, respondent string, now time.Time) *Saved {
	if resp.Bank.ID == "" {
		resp.Bank = questionnaire.BankRef{ID: b.ID, Version: b.Version, Digest: b.Digest}
	}
	answers, ds := resp.Resolve(b)
	saved := &Saved{Response: resp, Answers: answers, Diagnostics: ds}
	if ds.HasErrors() {
		return saved
	}
	if resp.Started.IsZero() {
		resp.Started = now.UTC().Truncate(time.Second)
	}
	if respondent != "" {
		resp.Respondent = respondent
	}
	resp.Language = b.Translated() // the language it is answered in from now on (docs/spec.md §2)
	for _, q := range b.Questions {
		if v, ok := answers[q.ID]; ok {
			resp.SetAnswer(q.ID, v)
		}
	}
	return saved
}

// Resume starts a session over bank b that continues a saved response adopted with Adopt
// (without errors), as NewSession does a new one; Resumed reports it.
func Resume(b *questionnaire.Bank, saved *Saved, opt Options) *Session {
	s := openSession(b, saved.Response, saved.Answers, opt)
	s.resumed = true
	return s
}
