package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"time"

	"filippo.io/age"
	"github.com/spf13/cobra"

	"github.com/candor-app/candor/ask"
	"github.com/candor-app/candor/ask/terminal"
	"github.com/candor-app/candor/data"
	"github.com/candor-app/candor/internal/text"
	"github.com/candor-app/candor/questionnaire"
	"github.com/candor-app/candor/questionnaire/diagtext"
	"github.com/candor-app/candor/render"
	"github.com/candor-app/candor/scoring"
	"github.com/candor-app/candor/store"
	"github.com/candor-app/candor/words"
)

// TakeOptions are the inputs of 'candor take'.
type TakeOptions struct {
	// Bank is a built-in id or a file; empty means the default bank (or, with Resume, the
	// built-in bank the response names).
	Bank string
	// Save is where to save; empty means a new file under the data folder.
	Save   string
	NoSave bool
	// Resume is a response file to continue.
	Resume     string
	Respondent string
	// Answers is a file of answers to score without asking.
	Answers string
	Format  string
	Width   int
	ASCII   bool
	// To are the counselors' public keys (age1…): when the person finishes, a copy of the
	// answers encrypted for them is written beside the working file. The bank's recipients
	// are added.
	To []string
	// Lang is the language to ask in (--lang); empty: the environment's, else the one a
	// resumed response was answered in, else the bank's own.
	Lang string
}

// NewCmdTake builds 'candor take [BANK]'.
func NewCmdTake(f *Factory, runF func(*TakeOptions) error) *cobra.Command {
	opts := &TakeOptions{}
	w := f.Words()
	cmd := &cobra.Command{
		Use:   "take [BANK]",
		Short: w.T("Answer a questionnaire, one question at a time"),
		Long: w.T(`Ask the questions of BANK (a built-in id or a file; default: %s) one at a
time, then print a summary of your answers.

While answering: type the number of a choice, or its words; y or n for yes or no. Type ? for
help with a question, b to go back, s or an empty line to skip an optional question, q to
save and stop.

Every answer is saved the moment you give it, in a file only you can read: by default a new
file in your data folder ($XDG_DATA_HOME/candor, or ~/.local/share/candor; on macOS
~/Library/Application Support/candor), or --save FILE.
Stopping at any point (q, Ctrl-C, the end of the input) keeps every answer; continue later
with --resume FILE.

Questions go to standard error and the summary to standard output, so
'candor take --format json > result.json' works. Without a terminal, one answer is read per
line: printf 'y\ny\nn\ny\n' | candor take

With --to KEY (your counselor's public key, age1…), or a bank that names its counselors'
keys, finishing also writes a copy of your answers encrypted so that only your counselor can
open it, beside the file they are saved in (NAME.age): send them that file. You are then
offered to delete the file only you can read.`, data.DefaultBank),
		Example: "  candor take\n" +
			"  candor take accountability --respondent Sam\n" +
			"  candor take --resume ~/.local/share/candor/candor-20261122-090000.yaml\n" +
			"  candor take my-bank.yaml --answers answers.yaml --format json\n" + // words:none: commands
			"  candor take trust-readiness --to age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p", // words:none: commands
		Args:              rangeArgs(0, 1, w.T("at most one bank")),
		ValidArgsFunction: bankCompletion,
	}
	cmd.RunE = runWith(opts, optionalArg(&opts.Bank), runF, func() error {
		return takeRun(commandContext(cmd), f, opts)
	})
	fl := cmd.Flags()
	fl.StringVar(&opts.Save, "save", "", w.T("save your answers in `FILE` (it must not hold other answers already)"))
	fl.BoolVar(&opts.NoSave, "no-save", false, w.T("do not save anything")) // words:none: the flag's name
	fl.StringVar(&opts.Resume, "resume", "", w.T("continue the answers saved in `FILE`"))
	fl.StringVar(&opts.Respondent, "respondent", "", w.T("a name or label kept with your answers"))
	fl.StringVar(&opts.Answers, "answers", "", w.T("answer from `FILE` (YAML or JSON: question id to answer, or a saved response) without asking"))
	fl.BoolVar(&opts.ASCII, "ascii", false, w.T("draw the summary with plain ASCII characters"))
	fl.StringArrayVar(&opts.To, "to", nil, w.T("when you finish, also write your answers encrypted for `KEY` (your counselor's public key, age1…; repeatable)"))
	langFlag(f, cmd, &opts.Lang, w.T("ask in `LANG` (such as es), where the bank is written in it (default: $LANG's language, else the bank's own)"))
	outputFlags(cmd, &opts.Format, &opts.Width, "text", "markdown", "html", "json", "fhir")
	// The flags' names (no-save, …) are not words: words:none on their lines.
	exclusiveFlags(cmd, w.T("--no-save saves nothing"), "no-save", "save")                                                 // words:none: flag names
	exclusiveFlags(cmd, w.T("--resume saves as it goes, in the file it continues"), "no-save", "resume")                   // words:none: flag names
	exclusiveFlags(cmd, w.T("--resume keeps saving in the file it continues"), "resume", "save")                           // words:none: flag names
	exclusiveFlags(cmd, w.T("--answers answers a new response; --resume continues one by asking"), "answers", "resume")    // words:none: flag names
	exclusiveFlags(cmd, w.T("--no-save saves nothing, not even the encrypted copy --to makes"), "no-save", "to")           // words:none: flag names
	exclusiveFlags(cmd, w.T("--to makes its copy when you finish answering, and --answers asks nothing"), "answers", "to") // words:none: flag names
	addPreRun(cmd, func(*cobra.Command, []string) error { return checkRecipients(opts.To) })
	return cmd
}

// taker carries one run of 'candor take'.
type taker struct {
	f     *Factory
	opts  *TakeOptions
	width int
	bank  *questionnaire.Bank
	resp  *questionnaire.Response
	// path is where answers are saved ("" with --no-save); file holds it (locked). Nothing
	// is written before the first answer (or skip), so stopping before it leaves no empty
	// file behind.
	path string
	file *store.Claim
	// warnings from reading a resumed response, added to the result.
	warnings []scoring.Warning
	// asIs is true for a resumed response that was finished: it is written again only once
	// the session changes an answer (step.Changed), so looking it over leaves it byte for byte.
	asIs bool
	// saved is the response resumed, adopted for the bank (ask.Adopt); nil for a new one.
	saved *ask.Saved
	step  *ask.Session
	// recipients are --to's and the bank's: who the encrypted copy is for.
	recipients []age.Recipient
	// w says candor's words to the person: the interface language for the bank answered
	// (languages.words), once it is known.
	w *words.Printer
	// saveMu is held while a save runs; over (under overMu) is set once the session has
	// ended by itself. See watchStop.
	saveMu sync.Mutex
	overMu sync.Mutex
	over   bool
}

// stopGrace is how long a signal waits for the session to end by itself (at once when it is
// waiting for an answer) before watchStop ends the process.
const stopGrace = 500 * time.Millisecond

// exitProcess ends the process (watchStop).
var exitProcess = os.Exit

// watchStop makes a signal end the session promptly even while it is busy (evaluating a slow
// `when` after an answer): if the session has not ended stopGrace after the signal, it waits
// for a save in progress, says what is saved, lets go of the lock and ends the process with
// exit 130. Every answer is saved before anything is evaluated, so nothing is lost.
func (t *taker) watchStop(ctx context.Context, done <-chan struct{}) {
	select {
	case <-done:
		return
	case <-ctx.Done():
	}
	select {
	case <-done:
		return
	case <-time.After(stopGrace):
	}
	t.overMu.Lock()
	if t.over {
		t.overMu.Unlock()
		return
	}
	t.saveMu.Lock() // held until the end: no save starts after this one
	e := t.f.IO.ErrOut
	fmt.Fprintln(e)
	t.sayStopped(e, nil)
	t.file.Release()
	exitProcess(exitInterrupted)
}

// words is the printer for what take says to the person: the interface language for the
// bank once it is found, the command's before.
func (t *taker) words() *words.Printer {
	if t.w != nil {
		return t.w
	}
	return t.f.Words()
}

// endSession marks the session as ended by itself: watchStop leaves the rest to it.
func (t *taker) endSession() {
	t.overMu.Lock()
	t.over = true
	t.overMu.Unlock()
}

func takeRun(ctx context.Context, f *Factory, opts *TakeOptions) error {
	// A name that is not UTF-8 could not be written to the file, and the first answer with it.
	opts.Respondent = strings.ToValidUTF8(opts.Respondent, "\uFFFD")
	// From here on, Ctrl-C, SIGTERM and a closed terminal (SIGHUP) end the session calmly:
	// every answer is already saved, and the lock is let go.
	ctx, stop := signal.NotifyContext(ctx, os.Interrupt, syscall.SIGTERM, syscall.SIGHUP)
	defer stop()
	t := &taker{f: f, opts: opts, width: resolveWidth(f, opts.Width)}
	defer func() { t.file.Release() }()
	if opts.Answers != "" {
		return t.fromFile()
	}
	var err error
	if opts.Resume != "" {
		_, err = t.resume()
	} else {
		err = t.start()
	}
	if err != nil {
		return err
	}
	return t.session(ctx)
}

// start loads the bank and prepares a new response and where to save it.
func (t *taker) start() error {
	if err := t.findBank(nil, nil); err != nil {
		return err
	}
	t.resp = questionnaire.NewResponse(t.bank, t.f.Now())
	t.resp.Respondent = t.opts.Respondent
	if b := t.opts.Bank; b != "" && !data.IsBuiltin(t.bank.ID) {
		// Answered from a file: the response says where, so --resume finds it again.
		if abs, err := filepath.Abs(b); err == nil {
			t.resp.Bank.File = strings.ToValidUTF8(abs, "\uFFFD")
		}
	}
	t.sayUnfinished()
	switch {
	case t.opts.NoSave:
		return nil
	case t.opts.Save != "":
		return t.claim(t.opts.Save)
	}
	return t.claimDefault()
}

// sayUnfinished says, before a new session, that unfinished answers to the same bank are
// saved in the data folder, and how to carry on with them instead.
func (t *taker) sayUnfinished() {
	_, saved, err := t.f.Store().List()
	if err != nil {
		return
	}
	s, ok := store.Unfinished(saved, t.bank.ID)
	if !ok {
		return
	}
	bank := t.opts.Bank
	if bank == "" {
		bank = t.bank.ID
	}
	cmd := selfCommand() + " answers continue " + shellQuote(bank) // words:none: a command to type
	msg := t.words().T("You have unfinished answers to this questionnaire from %s. To carry on with them instead, stop here (q) and type:",
		t.words().DateTime(s.Updated.Local()))
	for _, l := range text.Wrap(msg, min(t.width, text.MaxWidth)) {
		fmt.Fprintln(t.f.IO.ErrOut, l)
	}
	fmt.Fprintf(t.f.IO.ErrOut, "  %s\n\n", text.Sanitize(cmd))
}

// claim makes path the save file (store.ClaimFile: locked, holding nothing candor would
// lose by writing over it).
func (t *taker) claim(path string) error {
	c, err := t.f.Store().ClaimFile(path, t.bank.ID)
	if err != nil {
		return saveError(t.words(), err, t.bank.ID)
	}
	t.file, t.path = c, path
	return nil
}

// claimDefault picks a new file in the data folder (store.ClaimNew).
func (t *taker) claimDefault() error {
	c, err := t.f.Store().ClaimNew(t.resp.Started)
	if err != nil {
		return newFileError(t.words(), err)
	}
	t.file, t.path = c, c.Path
	return nil
}

// resume reads the response to continue, after locking it, and its bank.
func (t *taker) resume() (questionnaire.Answers, error) {
	path := t.opts.Resume
	c, raw, err := t.f.Store().Reopen(path)
	if err != nil {
		return nil, resumeError(t.words(), err)
	}
	t.file = c
	sources := map[string][]byte{path: raw}
	resp, ds := questionnaire.ReadResponse(path, raw)
	if resp == nil {
		t.printDiags(ds, sources)
		t.words().Tw(t.f.IO.ErrOut, "candor: this file cannot be resumed as it is, and has not been changed:\n  %s\n", text.Sanitize(path))
		return nil, errSilent1
	}
	if err := t.findBank(resp, func(r *questionnaire.Response) string {
		return t.words().T("name its file: candor take --resume %s BANK-FILE", shellQuote(r.File))
	}); err != nil {
		return nil, err
	}
	// Decided before the respondent given is adopted.
	t.asIs = resp.ClaimedStatus() == questionnaire.Completed && (t.opts.Respondent == "" || t.opts.Respondent == resp.Respondent)
	saved := ask.Adopt(t.bank, resp, t.opts.Respondent, t.f.Now())
	answers, rds := saved.Answers, saved.Diagnostics
	kept := rds[:0:0]
	for _, d := range rds {
		switch d.Code {
		case questionnaire.CodeOtherBank:
			d.Hint = resumeHintIn(t.words(), d.Data["bank"], shellQuote(path))
		case questionnaire.CodeBankDrift:
			// Said to the person in plain words; the counselor's commands say it their way.
			drift := t.words().T("This questionnaire has changed a little since you started; your answers still count.")
			t.warnings = append(t.warnings, scoring.Warning{Code: scoring.FromFile, Diagnostic: d.Code, Text: drift})
			fmt.Fprintf(t.f.IO.ErrOut, "%s\n\n", drift)
			continue
		}
		kept = append(kept, d)
	}
	rds = kept
	t.printDiags(rds, sources)
	if rds.HasErrors() {
		t.words().Tw(t.f.IO.ErrOut, "candor: this file cannot be resumed with this bank, and has not been changed:\n  %s\n", text.Sanitize(path))
		return nil, errSilent1
	}
	if _, err := resp.Marshal(t.bank); err != nil {
		// Written back, what its aliases stand for would be spelled out past the limits.
		return nil, badInput("%s", t.words().T("%s cannot be resumed: %v. It has not been changed.", path, err))
	}
	t.keepWarnings(rds)
	t.saved = saved
	t.resp = resp
	t.path = path
	return answers, nil
}

// findBank sets the bank to answer with: BANK when given; else the built-in bank resp names
// (never a file of that name in the current folder), or the default built-in bank when there
// is no response. hint says how to name the file of a bank that is not built in.
func (t *taker) findBank(resp *questionnaire.Response, hint func(*questionnaire.Response) string) error {
	var b *questionnaire.Bank
	var ds questionnaire.Diagnostics
	file := t.opts.Bank
	switch {
	case t.opts.Bank != "":
		b, ds = data.LoadBank(t.opts.Bank)
	case resp != nil:
		b, ds = (&data.Finder{Hint: hint}).ForResponse(resp)
		file = resp.File
	default:
		b, ds = data.Builtin(data.DefaultBank)
	}
	// A bank's warnings are for its author and the counselor (validate, show, score, …), not
	// for the person answering it: take shows only the errors that stop it.
	b, err := shownBank(t.f, b, ds.Errors(), file, t.width)
	answered := ""
	if resp != nil {
		answered = resp.Language
	}
	langs := newLanguages(t.f, t.opts.Lang)
	t.bank = langs.in(b, answered)
	t.w = langs.words(t.bank)
	if resp != nil && t.bank != nil {
		resp.Language = t.bank.Translated() // the language it is answered in from now on
	}
	return err
}

func (t *taker) printDiags(ds questionnaire.Diagnostics, sources map[string][]byte) {
	if len(ds) > 0 {
		_ = diagtext.Write(t.f.IO.ErrOut, advisedIn(t.words(), ds), sources, diagtext.Options{Color: t.f.IO.ColorEnabledStderr(), Width: t.width})
	}
}

func (t *taker) save(r *questionnaire.Response) error {
	if t.path == "" {
		return nil
	}
	t.saveMu.Lock()
	defer t.saveMu.Unlock()
	if t.file.Fresh() && len(r.Answers) == 0 && len(r.Skipped) == 0 && len(r.Declined) == 0 && r.Status != questionnaire.Completed {
		return nil // nothing to keep yet: no empty file is left if the person stops now
	}
	if t.asIs && (t.step == nil || !t.step.Changed()) {
		return nil // a finished response, looked over and left as it was
	}
	return t.write(r)
}

// write saves r in the claimed file (remembered when it is outside the data folder, so
// `answers` lists it and `answers continue` finds it).
func (t *taker) write(r *questionnaire.Response) error {
	data, err := r.Marshal(t.bank)
	if err != nil {
		return err
	}
	return t.file.Save(data)
}

// session asks the questions, then prints the summary or how to come back.
func (t *taker) session(ctx context.Context) error {
	e := t.f.IO.ErrOut
	rs, err := recipientsFor(t.opts.To, t.bank)
	if err != nil {
		return badInput("%v", err) // --to and the bank's were checked when read
	}
	t.recipients = rs
	if t.path != "" {
		t.w.Tw(e, "Your answers are saved as you go, in a file only you can read:\n  %s\n\n", text.Sanitize(t.path))
	} else {
		t.w.Tw(e, "Your answers won't be saved this time (--no-save).\n\n")
	}
	var save func(*questionnaire.Response) error
	if t.path != "" {
		save = t.save
	}
	// Watched from here: starting the session already works out the resumed answers' whens.
	done := make(chan struct{})
	go t.watchStop(ctx, done)
	in := terminal.NewLineReader(t.f.IO.In)
	s := terminal.New(t.bank, t.resp, in, e, terminal.Options{
		Width:    min(t.width, text.MaxWidth),
		Color:    t.f.IO.ColorEnabledStderr(),
		Terminal: t.f.IO.IsStdinTTY(),
		Saved:    t.saved,
		Save:     save,
		SavedTo:  t.path,
		Now:      t.f.Now,
		Words:    t.w,
	})
	t.step = s.Step()
	status, err := s.Run(ctx)
	t.endSession()
	close(done)
	if err != nil {
		fmt.Fprintln(e)
		why := t.sessionError(err)
		switch {
		case t.path == "":
			return badInput("%s", why)
		case t.file.Holds():
			// Said only when true: the file there is the one the last save wrote.
			return badInput("%s", t.w.T("%s. Every answer before it is in this file:\n  %s", why, t.path))
		}
		return badInput("%s", t.w.T("%s. Nothing from this session could be saved in this file:\n  %s", why, t.path))
	}
	switch status {
	case terminal.Finished:
		r, err := t.summary(s.Answers())
		if err != nil {
			return err
		}
		sealedCopy, err := t.sealCopy()
		if err != nil {
			return err
		}
		return t.offerDelete(ctx, in, r.Private(t.bank), sealedCopy)
	case terminal.Quit:
		fmt.Fprintln(e)
		if t.path == "" {
			t.w.Tw(e, "You stopped before the end. Nothing was saved, as you asked (--no-save).\n")
			return nil
		}
		if t.file.Fresh() {
			t.w.Tw(e, "You stopped before the first answer, so there was nothing to save.\n")
			return nil
		}
		t.w.Tw(e, "That's saved. You can come back to it with:\n  %s\n", t.resumeCommand())
		if len(t.recipients) > 0 {
			t.w.Tw(e, "The copy for your counselor, which only they can open, is made when you finish.\n")
		}
		return t.offerDelete(ctx, in, scoring.Score(t.bank, s.Answers(), scoring.Options{}).Private(t.bank), false)
	}
	// Interrupted, or the input ended: every answer is already saved; save once more so the
	// file's time is current, and say how to come back.
	fmt.Fprintln(e)
	t.sayStopped(e, t.save(t.resp))
	return errInterrupted
}

// sessionError says why the session ended in an error: a save that failed (ask.SaveError),
// the input that could not be read (terminal.ReadError).
func (t *taker) sessionError(err error) string {
	var se *ask.SaveError
	var re *terminal.ReadError
	switch {
	case errors.As(err, &se) && se.Answer:
		return t.w.T("your last answer could not be saved: %v", se.Err)
	case errors.As(err, &se):
		return t.w.T("your answers could not be saved: %v", se.Err)
	case errors.As(err, &re):
		return t.w.T("cannot read your answer: %v", re.Err)
	}
	return err.Error()
}

// offerDelete offers, at the end of a session whose answers raise a flag that may be private
// (scoring's Result.Private: urgent, a warning, or one shown at once), or once an encrypted
// copy for the counselor is written (sealedCopy), to delete the file that holds them: a reply
// that says delete (deleteReply) deletes it (with its lock and temporary files); anything
// else, or the end of the input, keeps it and says so.
func (t *taker) offerDelete(ctx context.Context, in terminal.Prompter, private, sealedCopy bool) error {
	if t.path == "" || !t.file.Holds() || !private && !sealedCopy {
		return nil
	}
	e := t.f.IO.ErrOut
	fmt.Fprintln(e)
	w := min(t.width, text.MaxWidth)
	why := t.w.T("If someone else can use this computer and you'd rather they never see your answers, you can delete them now. They are in this file:")
	if !private {
		why = t.w.T("You need the file your answers are saved in only to change them later. If you'd rather not keep it on this computer, you can delete it now:")
	}
	for _, l := range text.Wrap(why, w) {
		fmt.Fprintln(e, l)
	}
	fmt.Fprintf(e, "  %s\n", text.Sanitize(t.path))
	for _, l := range text.Wrap(t.w.T("Type d (or delete) and press Enter to delete it, or just press Enter to keep it."), w) {
		fmt.Fprintln(e, l)
	}
	fmt.Fprint(e, "> ")
	line, err := in.ReadLine(ctx)
	if !t.f.IO.IsStdinTTY() {
		fmt.Fprintln(e)
	}
	if err != nil || !deleteReply(line) {
		t.w.Tw(e, "Kept: %s\n", text.Sanitize(t.path))
		return nil
	}
	if err := t.file.Delete(); err != nil {
		return badInput("%s", t.w.T("could not delete %s: %v", t.path, err))
	}
	t.w.Tw(e, "Deleted. Your answers are no longer in this file:\n  %s\n", text.Sanitize(t.path))
	return nil
}

// deleteReply reports whether a reply to the offer to delete says to delete: yes, y,
// delete or d (in Spanish also sí, si or borrar), in any case, spaces around ignored.
// Anything else keeps the file.
func deleteReply(line string) bool {
	switch strings.ToLower(strings.TrimSpace(line)) {
	case "yes", "y", "delete", "d", "sí", "si", "borrar":
		return true
	}
	return false
}

// sayStopped says what is saved after a stop, given the error of the last save.
func (t *taker) sayStopped(e io.Writer, saveErr error) {
	w := t.words()
	switch {
	case t.path == "":
		w.Tw(e, "Stopped. Nothing was saved, as you asked (--no-save).\n")
		return
	case saveErr == nil && t.file.Fresh():
		w.Tw(e, "Stopped before the first answer, so nothing was saved.\n")
		return
	case saveErr == nil && t.file.Holds():
		w.Tw(e, "Stopped. That's saved: every answer you gave is in this file:\n  %s\n", text.Sanitize(t.path))
	case saveErr != nil && t.file.Holds():
		w.Tw(e, "Stopped. Your answers up to now are in this file:\n  %s\n", text.Sanitize(t.path))
	case saveErr != nil:
		w.Tw(e, "Stopped. Your answers could not be saved (%v) in this file:\n  %s\n", saveErr, text.Sanitize(t.path))
		return
	default:
		w.Tw(e, "Stopped. Another file has taken the place of the one your answers were saved in:\n  %s\n", text.Sanitize(t.path))
		return
	}
	w.Tw(e, "You can come back to it with:\n  %s\n", t.resumeCommand())
}

// resumeCommand is the command that continues this response, as lines to print indented by
// two spaces: one line when it fits the width, else one part a line joined by " \\" (a shell
// reads them as one command), so no path or flag is ever broken. Started with `go run`, the
// command is `go run ./cmd/candor`, which works from the source folder.
func (t *taker) resumeCommand() string {
	parts := append(strings.Fields(selfCommand()), "take", "--resume", shellQuote(t.path))
	if b := t.opts.Bank; b != "" {
		// A bank file must be named again; a built-in bank (named in any case) is found by
		// the id the response keeps.
		if _, err := os.Stat(b); err == nil || !data.IsBuiltin(t.bank.ID) {
			parts = append(parts, shellQuote(b))
		}
	}
	return text.Sanitize(commandLines(parts, min(t.width, text.MaxWidth)-2))
}

// commandLines lays out a command's words within width: all on one line when they fit; else
// the command and its flag on the first line and each argument on a line of its own, lines
// ending in " \\".
func commandLines(parts []string, width int) string {
	one := strings.Join(parts, " ")
	if text.Width(one) <= width {
		return one
	}
	i := len(parts) - 1
	for i > 0 && !strings.HasPrefix(parts[i], "-") {
		i--
	}
	lines := []string{strings.Join(parts[:i+1], " ")}
	for _, p := range parts[i+1:] {
		lines = append(lines, "    "+p)
	}
	return strings.Join(lines, " \\\n  ")
}

// selfCommand is how to run this candor again: "candor", or, when it was started with
// `go run` (its executable in the go-build cache), "go run ./cmd/candor".
func selfCommand() string {
	// go run builds into $GOTMPDIR/go-buildN/bNNN/exe/candor (a test binary is not in exe/).
	exe, err := os.Executable()
	if dir := filepath.ToSlash(filepath.Dir(exe)); err == nil && strings.Contains(dir, "/go-build") && strings.HasSuffix(dir, "/exe") {
		return "go run ./cmd/candor"
	}
	return "candor"
}

// keepWarnings keeps the warnings of reading a response (resumed, or from --answers) for
// the summary.
func (t *taker) keepWarnings(ds questionnaire.Diagnostics) {
	for _, d := range ds.Warnings() {
		t.warnings = append(t.warnings, scoring.FileWarning(d))
	}
}

// summary scores the answers, prints the summary to stdout and returns the result.
func (t *taker) summary(answers questionnaire.Answers) (*scoring.Result, error) {
	r := scoring.Score(t.bank, answers, scoring.Options{Skipped: t.resp.Skipped, Declined: t.resp.Declined})
	r.Warnings = append(r.Warnings, t.warnings...)
	machine := t.opts.Format == "json" || t.opts.Format == "fhir"
	if !machine {
		fmt.Fprintln(t.f.IO.ErrOut)
	}
	var err error
	if t.opts.Format == "fhir" {
		err = writeFHIRResponse(t.f.IO.Out, t.bank, answers, t.resp, r, t.resp.Updated, true)
	} else {
		err = render.Summary(t.f.IO.Out, t.bank, r, render.Options{
			Format:     t.opts.Format,
			Width:      t.width,
			Color:      t.f.IO.ColorEnabled(),
			ASCII:      t.opts.ASCII || !t.f.IO.CanShowUnicode(),
			Date:       t.resp.Updated,
			SavedTo:    t.path,
			Respondent: t.resp.Respondent,
			Words:      t.words(),
		})
	}
	if err != nil {
		return nil, badInput("%s", t.words().T("cannot write the summary: %v", err))
	}
	// The text and markdown summaries name the file themselves; say it here when they are
	// not on the screen.
	if t.path != "" && (machine || !t.f.IO.IsStdoutTTY()) {
		t.words().Tw(t.f.IO.ErrOut, "\nYour answers are saved in this file:\n  %s\n", text.Sanitize(t.path))
	}
	return r, nil
}

// fromFile answers from --answers FILE and prints the summary.
func (t *taker) fromFile() error {
	path := t.opts.Answers
	resp, ds := questionnaire.ReadAnswersFile(path, nil)
	sources := map[string][]byte{}
	if raw, err := questionnaire.ReadFileLimited(path); err == nil {
		sources[path] = raw
	}
	if resp == nil {
		t.printDiags(ds, sources)
		return errSilent1
	}
	named := resp
	if resp.Bank.ID == "" {
		named = nil // a plain map of answers: the default bank
	}
	if err := t.findBank(named, func(r *questionnaire.Response) string {
		return t.words().T("name its file: candor take BANK-FILE --answers %s", shellQuote(r.File))
	}); err != nil {
		return err
	}
	b := t.bank
	saved := ask.Adopt(b, resp, t.opts.Respondent, t.f.Now())
	answers := saved.Answers
	ds = append(ds, saved.Diagnostics...)
	t.printDiags(ds, sources)
	if ds.HasErrors() {
		return errSilent1
	}
	t.keepWarnings(ds)
	resp.Updated = t.f.Now().UTC().Truncate(time.Second)
	resp.Status = scoring.Score(b, answers, scoring.Options{Skipped: resp.Skipped, Declined: resp.Declined}).Status
	t.resp = resp
	if t.opts.Save != "" {
		if err := t.claim(t.opts.Save); err != nil {
			return err
		}
		// Asked to save these answers, even none.
		if err := t.write(resp); err != nil {
			return badInput("%s", t.words().T("cannot save the answers: %v", err))
		}
	}
	_, err := t.summary(answers)
	return err
}

// shellQuote quotes s for a POSIX shell when it needs it.
func shellQuote(s string) string {
	if s != "" && strings.Trim(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./+:@%=,") == "" {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}
