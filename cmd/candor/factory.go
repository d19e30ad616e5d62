package main

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/candor-app/candor/data"
	"github.com/candor-app/candor/internal/iostreams"
	"github.com/candor-app/candor/internal/sealed"
	"github.com/candor-app/candor/internal/text"
	"github.com/candor-app/candor/questionnaire"
	"github.com/candor-app/candor/questionnaire/diagtext"
	"github.com/candor-app/candor/store"
	"github.com/candor-app/candor/words"
)

// Exit codes (docs/spec.md §4).
const (
	exitOK          = 0
	exitBadInput    = 1
	exitUsage       = 2
	exitInterrupted = 130
)

// Factory carries what commands share: the streams, the clock and where data lives.
type Factory struct {
	IO  *iostreams.IOStreams
	Now func() time.Time
	// DataDir is where responses are saved by default (store.DefaultDir).
	DataDir func() (string, error)
	// words is the interface language set by a command's --lang (words.Match), "" for the
	// environment's: see Words.
	words string
}

// Words says candor's words in the language of the interface: the command's --lang when it
// has one and candor speaks it, else the environment's (LC_ALL, LC_MESSAGES, LANG), else
// English (docs/spec.md §14).
func (f *Factory) Words() *words.Printer {
	if f.words != "" {
		return words.For(f.words)
	}
	return words.For(envLanguage(f.IO.Getenv))
}

// Store is the store of saved responses, in the data folder.
func (f *Factory) Store() *store.Store {
	return store.New(f.DataDir)
}

// NewFactory returns the factory for a real run.
func NewFactory(io *iostreams.IOStreams) *Factory {
	return &Factory{IO: io, Now: time.Now, DataDir: store.DefaultDir}
}

// exitError ends a command with a code. An empty message means it was already printed.
type exitError struct {
	code int
	msg  string
	// key, when set, is the message as a catalogue key with its args, said by Main in the
	// interface's language: for the checks shared by every command, which have no words of
	// their own (usageErrorKey).
	key  string
	args []any
}

func (e *exitError) Error() string { return e.text(nil) }

// text is the message in p's language.
func (e *exitError) text(p *words.Printer) string {
	if e.key == "" {
		return e.msg
	}
	return p.T(e.key, e.args...)
}

// badInput is exit 1 with a message.
func badInput(format string, args ...any) error {
	return &exitError{code: exitBadInput, msg: fmt.Sprintf(format, args...)}
}

// usageError is exit 2 with a message.
func usageError(format string, args ...any) error {
	return &exitError{code: exitUsage, msg: fmt.Sprintf(format, args...)}
}

// usageErrorKey is exit 2 with the message key (a catalogue key, its line marked words:key),
// said in the interface's language when Main prints it.
func usageErrorKey(key string, args ...any) error {
	return &exitError{code: exitUsage, key: key, args: args}
}

// errSilent1 ends with exit 1 after the command printed what was wrong.
var errSilent1 = &exitError{code: exitBadInput}

// errInterrupted ends with exit 130 after progress was saved and said.
var errInterrupted = &exitError{code: exitInterrupted}

// Main runs candor with args and returns the exit code.
func Main(args []string, f *Factory) int {
	out := &outWriter{w: f.IO.Out}
	f.IO.Out = out
	defer func() { f.IO.Out = out.w }()
	root := NewCmdRoot(f)
	markRunErrors(root)
	root.SetArgs(args)
	root.SetIn(f.IO.In)
	root.SetOut(out)
	root.SetErr(f.IO.ErrOut)
	err := root.Execute()
	var ee *exitError
	isExit := errors.As(err, &ee)
	var re *runError
	switch {
	case out.err != nil && !(isExit && (ee.msg != "" || ee.key != "") && ee.code != exitUsage):
		// Results that could not be written are a failure, not a usage error, and never
		// a silent success (a full disk, a closed file).
		fmt.Fprintln(f.IO.ErrOut, "candor: "+f.Words().T("writing output: %s", text.Sanitize(text.WithoutPath(out.err).Error())))
		if isExit && ee.code == exitInterrupted {
			return exitInterrupted
		}
		return exitBadInput
	case err == nil:
		return exitOK
	case isExit:
		if msg := ee.text(f.Words()); msg != "" {
			fmt.Fprintln(f.IO.ErrOut, "candor: "+text.Sanitize(msg))
		}
		return ee.code
	case errors.As(err, &re):
		fmt.Fprintln(f.IO.ErrOut, "candor: "+text.Sanitize(re.err.Error()))
		return exitBadInput
	}
	// Anything cobra itself refuses (unknown command or flag, wrong arguments) is usage.
	fmt.Fprintln(f.IO.ErrOut, "candor: "+text.Sanitize(err.Error()))
	f.Words().Tw(f.IO.ErrOut, "Run 'candor --help' for usage.\n")
	return exitUsage
}

// runError is an error a command returned while running: exit 1, never usage.
type runError struct{ err error }

func (e *runError) Error() string { return e.err.Error() }

// markRunErrors marks the errors commands return while running (runError): only what
// cobra refuses before a command runs is a usage error.
func markRunErrors(c *cobra.Command) {
	if run := c.RunE; run != nil {
		c.RunE = func(cmd *cobra.Command, args []string) error {
			err := run(cmd, args)
			var ee *exitError
			if err != nil && !errors.As(err, &ee) {
				return &runError{err: err}
			}
			return err
		}
	}
	for _, sub := range c.Commands() {
		markRunErrors(sub)
	}
}

// outWriter remembers the first error writing results, so a failed write is reported even
// where the code writing did not check it.
type outWriter struct {
	w   io.Writer
	err error
}

func (o *outWriter) Write(p []byte) (int, error) {
	if o.err != nil {
		return 0, o.err
	}
	n, err := o.w.Write(p)
	if err != nil {
		o.err = err
	}
	return n, err
}

// formatFlag adds --format with the allowed values and checks it before the command runs.
func formatFlag(cmd *cobra.Command, target *string, allowed ...string) {
	*target = allowed[0]
	cmd.Flags().StringVar(target, "format", allowed[0], "")
	_ = cmd.Flags().SetAnnotation("format", formatsAnnotation, allowed)
	sharedFlagWords(cmd, nil)
	_ = cmd.RegisterFlagCompletionFunc("format", cobra.FixedCompletions(allowed, cobra.ShellCompDirectiveNoFileComp))
	addPreRun(cmd, func(*cobra.Command, []string) error {
		ok := false
		for _, a := range allowed {
			ok = ok || *target == a
		}
		if !ok {
			formats := strings.Join(allowed, ", ")
			return usageErrorKey("unknown --format %q: use %s", *target, formats) // words:key
		}
		return nil
	})
}

// formatsAnnotation holds the values --format allows, for its help.
const formatsAnnotation = "candor-formats"

// sharedFlagWords are the help of the flags many commands share (--format, --width,
// --identity), in w's language: said when the flag is added, in English, and again by
// helpWords in the environment's.
func sharedFlagWords(cmd *cobra.Command, w *words.Printer) {
	fl := cmd.Flags()
	if f := fl.Lookup("format"); f != nil {
		f.Usage = w.T("output format: %s", strings.Join(f.Annotations[formatsAnnotation], ", "))
	}
	if f := fl.Lookup("width"); f != nil {
		f.Usage = w.T("wrap text at `N` columns, at least %d (default 0: the terminal's width, or 80)", text.MinWidth)
	}
	if f := fl.Lookup("identity"); f != nil {
		f.Usage = w.T("open encrypted answers (age) with the key in `FILE` (repeatable; default: $%s)", identityEnv)
	}
}

// bankFlag adds --bank FILE|ID, the bank to read responses with when it is not the built-in
// one they name; usage completes built-in ids.
func bankFlag(cmd *cobra.Command, target *string, usage string) {
	cmd.Flags().StringVar(target, "bank", "", usage)
	_ = cmd.RegisterFlagCompletionFunc("bank", bankCompletion)
}

// widthFlag adds --width; 0 means the terminal's width, or 80 off a terminal. A negative
// width is a usage error.
func widthFlag(cmd *cobra.Command, target *int) {
	cmd.Flags().IntVar(target, "width", 0, "")
	sharedFlagWords(cmd, nil)
	addPreRun(cmd, func(*cobra.Command, []string) error {
		if *target < 0 {
			return usageErrorKey("--width %d: give a number of columns, %d or more (0 means the terminal's width)", *target, text.MinWidth) // words:key
		}
		return nil
	})
}

// resolveWidth returns the width to wrap at.
func resolveWidth(f *Factory, flag int) int {
	if flag > 0 {
		return max(flag, text.MinWidth)
	}
	return f.IO.Width()
}

// bankCompletion completes BANK arguments with built-in ids (files complete as usual).
func bankCompletion(cmd *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
	return data.IDs(), cobra.ShellCompDirectiveDefault
}

// printDiagnostics prints diagnostics to stderr as the user asked (text or json).
func printDiagnostics(f *Factory, ds questionnaire.Diagnostics, sources map[string][]byte, width int) {
	if len(ds) == 0 {
		return
	}
	_ = diagtext.Write(f.IO.ErrOut, advisedIn(f.Words(), ds), sources, diagtext.Options{Color: f.IO.ColorEnabledStderr(), Width: width})
}

// loadBank loads BANK (a built-in id or a file) with data.LoadBank and prints its diagnostics,
// warnings too; with errors it returns errSilent1.
func loadBank(f *Factory, arg string, width int) (*questionnaire.Bank, error) {
	b, ds := data.LoadBank(arg)
	return shownBank(f, b, ds, arg, width)
}

// shownBank prints the diagnostics of finding a bank (warnings are never dropped) and turns
// no bank into errSilent1.
func shownBank(f *Factory, b *questionnaire.Bank, ds questionnaire.Diagnostics, file string, width int) (*questionnaire.Bank, error) {
	printDiagnostics(f, ds, sourcesOf(file, ds), width)
	if b == nil {
		return nil, errSilent1
	}
	return b, nil
}

// sourcesOf reads the files named by diagnostics so their lines can be shown.
func sourcesOf(arg string, ds questionnaire.Diagnostics) map[string][]byte {
	out := map[string][]byte{}
	for _, d := range ds {
		if _, done := out[d.Pos.File]; done || d.Pos.Line == 0 {
			continue
		}
		if src, ok := data.Source(strings.TrimSuffix(strings.TrimPrefix(d.Pos.File, "banks/"), ".yaml")); ok && strings.HasPrefix(d.Pos.File, "banks/") {
			out[d.Pos.File] = src
			continue
		}
		// An encrypted file's lines are not the response's: it is not quoted.
		if src, err := questionnaire.ReadFileLimited(d.Pos.File); err == nil && !sealed.Is(src) {
			out[d.Pos.File] = src
		}
	}
	return out
}
