// Package terminal is the terminal view of an answering session (`candor take`): it draws the
// current step of an ask.Session as text and feeds each typed line to it (an answer, or ?
// for help, b to go back, s to skip, r for "rather not say" where allowed, q to stop). What
// comes next, what an answer means and when it is saved are the session's; this package
// only reads lines and writes text.
package terminal

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/candor-app/candor/ask"
	"github.com/candor-app/candor/ask/askwords"
	"github.com/candor-app/candor/internal/text"
	"github.com/candor-app/candor/questionnaire"
	"github.com/candor-app/candor/words"
)

// Options adjust a terminal session.
type Options struct {
	// Width wraps text; 0 means 80.
	Width int
	// Color makes question text bold (on a terminal only).
	Color bool
	// Terminal is true when the person types at a terminal, which echoes what they type.
	// Off a terminal the session ends each prompt line itself and draws nothing else.
	Terminal bool
	// Saved is a saved response to continue (ask.Adopt, without errors), in place of a new
	// one: the session welcomes the person back.
	Saved *ask.Saved
	// Save writes the response; it is called after every change. Nil saves nothing.
	Save func(*questionnaire.Response) error
	// SavedTo is the file Save writes, named after a flag shown at once so the person knows
	// what to delete if someone else uses this computer. Empty says nothing.
	SavedTo string
	// Now is the clock (time.Now when nil).
	Now func() time.Time
	// Words says candor's words in the person's language (nil: English).
	Words *words.Printer
}

// Status is how a session ended.
type Status int

// How a session ends.
const (
	// Finished: every question that is asked has been answered or skipped.
	Finished Status = iota
	// Quit: the person typed q.
	Quit
	// EndOfInput: the input ended before the last question.
	EndOfInput
	// Interrupted: the context ended (Ctrl-C, SIGTERM).
	Interrupted
)

func (s Status) String() string {
	switch s {
	case Finished:
		return "finished"
	case Quit:
		return "quit"
	case EndOfInput:
		return "end of input" // words:none: a status's name, for developers
	}
	return "interrupted"
}

// Session asks a bank's questions at a terminal (or from piped lines) and records the
// answers in a response, through an ask.Session.
type Session struct {
	step *ask.Session
	in   Prompter
	out  io.Writer
	opt  Options
	w    *words.Printer

	lastSection *questionnaire.Section
	introShown  map[*questionnaire.Section]bool
}

// New starts a session over bank b that records into resp (or continues opt.Saved); the
// answers resp already holds that fit b are kept.
func New(b *questionnaire.Bank, resp *questionnaire.Response, in Prompter, out io.Writer, opt Options) *Session {
	if opt.Width <= 0 {
		opt.Width = text.DefaultWidth
	}
	aopt := ask.Options{Save: opt.Save, Now: opt.Now}
	var step *ask.Session
	if opt.Saved != nil {
		step = ask.Resume(b, opt.Saved, aopt)
	} else {
		step = ask.NewSession(b, resp, aopt)
	}
	return &Session{step: step, in: in, out: out, opt: opt, w: opt.Words, introShown: map[*questionnaire.Section]bool{}}
}

// Step is the ask.Session this view draws.
func (t *Session) Step() *ask.Session { return t.step }

// Answers are the answers given so far, normalized, including answers to questions that are
// no longer asked (scoring ignores those).
func (t *Session) Answers() questionnaire.Answers { return t.step.Answers() }

// errStop ends the question loop with a status.
type errStop struct{ status Status }

func (e *errStop) Error() string { return e.status.String() }

// Run asks questions until the person has looked over the review and goes on to the
// summary, or quits, or the input ends or ctx is done: it draws the screen the session
// shows (ask.Session.Screen) and passes on what the person typed. Every answer is saved
// (Options.Save) as soon as it is given. An error means an answer could not be saved, or
// the input failed.
func (t *Session) Run(ctx context.Context) (Status, error) {
	if t.step.Resumed() {
		t.welcomeBack()
	} else {
		t.intro()
	}
	if err := t.step.Save(); err != nil {
		return Interrupted, err
	}
	t.step.Begin()
	thanked := t.step.Done() // a finished response: welcomeBack said so
	for {
		var err error
		switch t.step.Screen() {
		case ask.ScreenFlags:
			err = t.showAtOnce(ctx)
		case ask.ScreenReview:
			if err := t.step.Save(); err != nil {
				return Interrupted, err
			}
			if !thanked && t.step.Done() {
				t.blank()
				t.say(t.w.T("That's every question. Thank you for taking the time."))
				thanked = true
			}
			err = t.review(ctx)
		case ask.ScreenEnd:
			return Finished, nil
		default:
			err = t.ask(ctx)
		}
		if err != nil {
			return stopStatus(err)
		}
	}
}

// review lists every answer, numbered, and reads which to change: a number makes that
// question current, b the last one; an empty line, or the end of the input, goes on to the
// summary; q stops.
func (t *Session) review(ctx context.Context) error {
	items := t.step.Review()
	if len(items) == 0 {
		t.step.Finish()
		return nil
	}
	t.blank()
	t.say(t.w.T("Here are your answers:"))
	w := len(strconv.Itoa(items[len(items)-1].Number))
	for _, it := range items {
		num := fmt.Sprintf("  %*d  ", w, it.Number)
		indent := strings.Repeat(" ", len(num))
		for _, l := range text.WrapIndent(text.Clean(it.Question.Text), t.opt.Width, num, indent) {
			fmt.Fprintln(t.out, l)
		}
		t.sayIndented(t.reviewAnswer(it), indent)
	}
	t.blank()
	t.say(t.w.T("To change an answer, type its number. Press Enter to see your summary.") + " " + t.reviewKeys())
	for {
		in, err := t.readLine(ctx)
		var st *errStop
		switch {
		case errors.As(err, &st) && st.status == EndOfInput:
			t.step.Finish() // piped answers that end here: on to the summary
			return nil
		case err != nil:
			return err
		case in == "":
			t.step.Finish()
			return nil
		case strings.EqualFold(in, "q"):
			return t.quit()
		case strings.EqualFold(in, "b"):
			// The session goes back to the last question asked; its answer brings the
			// review back.
			if t.step.Back() == nil {
				return nil
			}
		case in == "?":
			t.reviewHelp(items[0].Number, items[len(items)-1].Number)
			continue
		}
		n, convErr := strconv.Atoi(in)
		if convErr == nil && t.step.Revise(n) == nil {
			return nil
		}
		t.say(t.w.T("Please type a number from %d to %d, or press Enter to see your summary (? for help).",
			items[0].Number, items[len(items)-1].Number))
	}
}

// reviewAnswer is an answer as the review lists it, under its question.
func (t *Session) reviewAnswer(it ask.ReviewItem) string {
	switch {
	case it.Answer != nil:
		return t.w.T("Your answer: %s", t.describeAnswer(it.Question, it.Answer))
	case it.Declined:
		return t.w.T("(rather not say)")
	case it.Skipped:
		return t.w.T("(skipped)")
	}
	return t.w.T("(no answer yet)")
}

// stopStatus turns the error that ended the question loop into how the session ended.
func stopStatus(err error) (Status, error) {
	var st *errStop
	if errors.As(err, &st) {
		return st.status, nil
	}
	return Interrupted, err
}

// readLine reads one typed line; it ends the session (errStop) when the input ends or ctx
// is done.
func (t *Session) readLine(ctx context.Context) (string, error) {
	t.prompt()
	raw, err := t.in.ReadLine(ctx)
	if !t.opt.Terminal {
		// Nothing echoed the typed line, so end the prompt's line here.
		fmt.Fprintln(t.out)
	}
	switch {
	case err == nil:
		return strings.TrimSpace(raw), nil
	case ctx.Err() != nil:
		return "", &errStop{Interrupted}
	case errors.Is(err, io.EOF):
		return "", &errStop{EndOfInput}
	}
	return "", &ReadError{Err: err}
}

// ReadError is a typed line that could not be read (Err): the input failed.
type ReadError struct{ Err error }

func (e *ReadError) Error() string { return "terminal: read: " + e.Err.Error() } // words:none: for developers; take says it in words

func (e *ReadError) Unwrap() error { return e.Err }

// quit saves and ends the session as the person asked.
func (t *Session) quit() error {
	if err := t.step.Save(); err != nil {
		return err
	}
	return &errStop{Quit}
}

// ask shows the current question and reads lines until the session moves on (an answer, a
// skip, going back) or stops.
func (t *Session) ask(ctx context.Context) error {
	st := t.step.Current()
	if st.Reopened {
		t.say(t.w.T("There's a question still open, so here it is again."))
	}
	t.showQuestion(st)
	if st.Info && !t.opt.Terminal {
		// Off a terminal every line read is an answer: a statement does not wait.
		return t.step.Continue()
	}
	if st.Info {
		t.say(t.w.T("Press Enter to go on (b goes back, q stops)."))
	}
	for {
		in, err := t.readLine(ctx)
		if err != nil {
			return err
		}
		switch strings.ToLower(in) {
		case "?":
			if st.Info {
				t.say(t.w.T("Press Enter to go on, b to go back, or q to stop."))
				continue
			}
			t.help(st.Question)
			continue
		case "b":
			err = t.step.Back()
		case "q":
			return t.quit()
		case "s":
			err = t.step.Skip()
		case "r":
			if !st.CanDecline {
				err = t.step.Answer(in)
				break
			}
			err = t.step.Decline()
		default:
			err = t.step.Answer(in)
		}
		var p *ask.Problem
		if errors.As(err, &p) {
			t.say(t.problemWords(p))
			continue
		}
		return err
	}
}

// problemWords says a problem in the terminal's words, which name its keys.
func (t *Session) problemWords(p *ask.Problem) string {
	switch p.Code {
	case ask.NeedsAnswer:
		return t.w.T("This question needs an answer. Take your time; type ? if you'd like help.")
	case ask.CannotSkip:
		return t.w.T("This question needs an answer to go on, so it can't be skipped. Type ? for help, or b to go back.")
	case ask.AtFirst:
		return t.w.T("This is the first question, so there's nothing to go back to. Take your time.")
	case ask.InfoOnly:
		return t.w.T("There's nothing to answer here. Press Enter to go on, b to go back, or q to stop.")
	}
	return askwords.ProblemText(t.w, p)
}

// showAtOnce shows the flags an answer has just raised that are shown at once (urgent ones
// and `show: at_once`): safety comes before any further question. On a terminal it then
// waits for Enter, so the message stays on the screen until the person has read it; off a
// terminal every line read is an answer, so it does not wait.
func (t *Session) showAtOnce(ctx context.Context) error {
	flags := t.step.PendingAtOnce()
	if len(flags) == 0 {
		return nil
	}
	t.step.AckAtOnce()
	for _, f := range flags {
		t.blank()
		t.sayBold(f.Title)
		t.sayBank(f.Text, "")
	}
	t.blank()
	if t.opt.Save != nil && t.opt.SavedTo != "" {
		t.say(t.w.T("Your answers are kept in this file:"))
		t.sayIndented(t.opt.SavedTo, "  ")
		t.say(t.w.T("If someone else can use this computer, you may want to delete it when you're done. Next time, 'candor take --no-save' keeps nothing at all."))
	}
	if !t.opt.Terminal {
		t.say(t.w.T("You can go on when you're ready, or type q to stop here."))
		return nil
	}
	t.say(t.w.T("Press Enter when you're ready to go on, or q to stop."))
	for {
		in, err := t.readLine(ctx)
		if err != nil {
			return err
		}
		switch strings.ToLower(in) {
		case "":
			return nil
		case "q":
			return t.quit()
		}
		t.say(t.w.T("Take all the time you need. Press Enter to go on, or type q to stop."))
	}
}
