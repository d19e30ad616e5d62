package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/candor-app/candor/data"
	"github.com/candor-app/candor/internal/text"
	"github.com/candor-app/candor/questionnaire"
	"github.com/candor-app/candor/store"
)

// AnswersOptions are the inputs of 'candor answers'.
type AnswersOptions struct {
	Format string
	Width  int
}

// NewCmdAnswers builds 'candor answers' and its subcommands.
func NewCmdAnswers(f *Factory, runF func(*AnswersOptions) error) *cobra.Command {
	opts := &AnswersOptions{}
	w := f.Words()
	cmd := &cobra.Command{
		Use:   "answers",
		Short: w.T("List, continue or delete the answers you saved"),
		Long: w.T(`List the answers 'candor take' saved in your data folder, newest first: the questionnaire,
when, whether it is finished, how many questions have an answer, and the file.

  candor answers continue [BANK]   carry on with the latest unfinished one
  candor answers delete FILE...    delete answers (asks first; --yes for scripts)`),
		Example: "  candor answers\n  candor answers continue\n  candor answers delete ~/.local/share/candor/candor-20261127-055242.yaml", // words:none: examples of commands
		Args:    noArgs,
		RunE:    runWith(opts, nil, runF, func() error { return answersRun(f, opts) }),
	}
	outputFlags(cmd, &opts.Format, &opts.Width, "text", "json")
	cmd.AddCommand(NewCmdAnswersContinue(f, nil), NewCmdAnswersDelete(f, nil))
	return cmd
}

// listSaved lists the saved responses (store.List), newest first, with the data folder.
func listSaved(f *Factory) (string, []store.Saved, error) {
	dir, saved, err := f.Store().List()
	if err != nil {
		return dir, nil, listError(f.Words(), err)
	}
	return dir, saved, nil
}

func answersRun(f *Factory, opts *AnswersOptions) error {
	dir, saved, err := listSaved(f)
	if err != nil {
		return err
	}
	if opts.Format == "json" {
		if saved == nil {
			saved = []store.Saved{}
		}
		enc := json.NewEncoder(f.IO.Out)
		enc.SetIndent("", "  ")
		return enc.Encode(saved)
	}
	width := min(resolveWidth(f, opts.Width), text.MaxWidth)
	w := f.Words()
	var b strings.Builder
	if len(saved) == 0 {
		w.Tw(&b, "You have no saved answers yet. Your data folder is:\n  %s\nStart with: candor take\n", text.Sanitize(dir))
		_, err := fmt.Fprint(f.IO.Out, b.String())
		return err
	}
	w.Tw(&b, "Your saved answers, newest first. Your data folder is:\n  %s\n", text.Sanitize(dir))
	unfinished := false
	dot := " · "
	if !f.IO.CanShowUnicode() {
		dot = " - "
	}
	for _, s := range saved {
		b.WriteString("\n")
		title := text.Clean(s.Title)
		if s.Status == store.StatusUnreadable {
			title = w.T("Answers that cannot be read")
		}
		for _, l := range text.WrapIndent(title, width, "  ", "  ") {
			b.WriteString(l + "\n")
		}
		// The date, the status and the count: three phrases, each whole, in a row.
		var line string
		switch s.Status {
		case store.StatusUnreadable:
			line = w.T("cannot be read: %s", text.Clean(s.Problem))
		case questionnaire.Completed:
			line = w.DateTime(s.Updated.Local()) + dot + w.T("finished") + dot + w.T("%d answered", s.Answered)
		default:
			unfinished = true
			line = w.DateTime(s.Updated.Local()) + dot + w.T("not finished") + dot + w.T("%d answered", s.Answered)
		}
		for _, l := range text.WrapIndent(line, width, "    ", "    ") {
			b.WriteString(l + "\n")
		}
		// A path is never split: a line of its own.
		b.WriteString("    " + text.Sanitize(s.File) + "\n")
	}
	b.WriteString("\n")
	if unfinished {
		w.Tw(&b, "To carry on with the latest unfinished one: candor answers continue\n")
	}
	w.Tw(&b, "To delete one: candor answers delete FILE\n")
	_, err = fmt.Fprint(f.IO.Out, b.String())
	return err
}

// AnswersContinueOptions are the inputs of 'candor answers continue'.
type AnswersContinueOptions struct {
	// Bank limits the choice to answers to this bank (a built-in id or a file).
	Bank   string
	Format string
	Width  int
}

// NewCmdAnswersContinue builds 'candor answers continue [BANK]'.
func NewCmdAnswersContinue(f *Factory, runF func(*AnswersContinueOptions) error) *cobra.Command {
	opts := &AnswersContinueOptions{}
	w := f.Words()
	cmd := &cobra.Command{
		Use:   "continue [BANK]", // words:none: the command line's syntax
		Short: w.T("Carry on with your latest unfinished answers"),
		Long: w.T(`Carry on with the latest unfinished answers in your data folder (to BANK, when given), as
'candor take --resume FILE' does.`),
		Example:           "  candor answers continue\n  candor answers continue accountability", // words:none: examples of commands
		Args:              rangeArgs(0, 1, w.T("at most one bank")),
		ValidArgsFunction: bankCompletion,
	}
	cmd.RunE = runWith(opts, optionalArg(&opts.Bank), runF, func() error {
		return answersContinueRun(commandContext(cmd), f, opts)
	})
	outputFlags(cmd, &opts.Format, &opts.Width, "text", "markdown", "html", "json")
	return cmd
}

func answersContinueRun(ctx context.Context, f *Factory, opts *AnswersContinueOptions) error {
	id, bankFile := "", ""
	if opts.Bank != "" {
		lb, ds := data.LoadBank(opts.Bank)
		b, err := shownBank(f, lb, ds.Errors(), opts.Bank, resolveWidth(f, opts.Width)) // as take: no author's warnings
		if err != nil {
			return err
		}
		id = b.ID
		if !data.IsBuiltin(opts.Bank) {
			bankFile = opts.Bank
		}
	}
	dir, saved, err := listSaved(f)
	if err != nil {
		return err
	}
	if s, ok := store.Unfinished(saved, id); ok {
		return takeRun(ctx, f, &TakeOptions{Resume: s.File, Bank: bankFile, Format: opts.Format, Width: opts.Width})
	}
	start := "candor take"
	if opts.Bank != "" {
		start += " " + shellQuote(opts.Bank)
	}
	w := f.Words()
	if id != "" {
		return badInput("%s", w.T("there are no unfinished answers to %q to continue, in your data folder or elsewhere. Your data folder is:\n  %s\nTo start, type:\n  %s", id, dir, start))
	}
	return badInput("%s", w.T("there are no unfinished answers to continue, in your data folder or elsewhere. Your data folder is:\n  %s\nTo start, type:\n  %s", dir, start))
}

// AnswersDeleteOptions are the inputs of 'candor answers delete'.
type AnswersDeleteOptions struct {
	Files []string
	All   bool
	Yes   bool
}

// NewCmdAnswersDelete builds 'candor answers delete FILE...'.
func NewCmdAnswersDelete(f *Factory, runF func(*AnswersDeleteOptions) error) *cobra.Command {
	opts := &AnswersDeleteOptions{}
	w := f.Words()
	cmd := &cobra.Command{
		Use:   "delete FILE...", // words:none: the command line's syntax
		Short: w.T("Delete saved answers"),
		Long: w.T(`Delete saved answers: each FILE (a path, or a name in your data folder) with the lock and
temporary files candor keeps beside it. Only candor's own answer files are deleted, never
answers open in a 'candor take' right now.

On a terminal it asks first; a script says --yes. --all deletes every answer file in your
data folder, after you type the word delete.`),
		Example: "  candor answers delete ~/.local/share/candor/candor-20261127-055242.yaml\n" + // words:none: examples of commands
			"  candor answers delete --all", // words:none: a command line
	}
	cmd.RunE = runWith(opts, func(args []string) { opts.Files = args }, runF, func() error {
		return answersDeleteRun(f, opts)
	})
	cmd.Args = func(c *cobra.Command, args []string) error {
		switch {
		case opts.All && len(args) > 0:
			return usageError("%s", w.T("--all deletes every file; name files, or say --all, not both"))
		case !opts.All && len(args) == 0:
			return usageError("%s", w.T("%s needs the files to delete, or --all (see '%s --help')", c.CommandPath(), c.CommandPath()))
		}
		return nil
	}
	cmd.Flags().BoolVar(&opts.All, "all", false, w.T("delete every answer file in your data folder"))
	cmd.Flags().BoolVarP(&opts.Yes, "yes", "y", false, w.T("do not ask first (for scripts)"))
	return cmd
}

func answersDeleteRun(f *Factory, opts *AnswersDeleteOptions) error {
	held, err := filesToDelete(f, opts)
	if err != nil || len(held) == 0 {
		return err
	}
	files := make([]string, len(held))
	for i, h := range held {
		files[i] = h.Path()
	}
	if !opts.Yes {
		if err := confirmDelete(f, files, opts.All); err != nil {
			store.Release(held)
			return err
		}
	}
	failed := false
	st := f.Store()
	for _, h := range held {
		// Removed only if the file, and its folder, are still the ones shown: nothing swapped
		// in while candor asked is ever deleted (docs/spec.md §4, answers delete).
		err := st.Delete(h)
		failed = failed || err != nil
		fmt.Fprint(f.IO.ErrOut, deleteWords(f.Words(), h.Path(), err))
	}
	if failed {
		return errSilent1
	}
	return nil
}

// filesToDelete checks every file before anything is deleted: each is a candor response (or
// a damaged one), found as given or in the data folder, and is held (its folder open, its
// identity kept) so that what is deleted after the question is what was shown.
func filesToDelete(f *Factory, opts *AnswersDeleteOptions) ([]*store.Held, error) {
	var files []string
	if opts.All {
		dir, saved, err := listSaved(f)
		if err != nil {
			return nil, err
		}
		for _, s := range saved {
			if !s.Elsewhere {
				files = append(files, s.File) // --all: the data folder's, not those saved elsewhere
			}
		}
		if len(files) == 0 {
			f.Words().Tw(f.IO.ErrOut, "There are no saved answers in your data folder, so nothing was deleted. It is:\n  %s\n", text.Sanitize(dir))
			return nil, nil
		}
	} else {
		st := f.Store()
		for _, p := range opts.Files {
			path, err := st.Find(p)
			if err != nil {
				return nil, findError(f.Words(), err)
			}
			files = append(files, path)
		}
	}
	held, err := store.Hold(files)
	if err != nil {
		return nil, findError(f.Words(), err)
	}
	return held, nil
}

// confirmDelete asks before deleting, on a terminal: y (or yes) for files, the word delete
// for --all. Without a terminal it refuses: a script says --yes.
func confirmDelete(f *Factory, files []string, all bool) error {
	w := f.Words()
	if !f.IO.IsStdinTTY() {
		return badInput("%s", w.T("candor asks before deleting answers, and there is no terminal to ask on; to delete without asking, add --yes. Nothing was deleted."))
	}
	e := f.IO.ErrOut
	w.Tw(e, "These answers will be deleted for good; they cannot be brought back:\n")
	for _, p := range files {
		fmt.Fprintf(e, "  %s\n", text.Sanitize(p))
	}
	// The word to type for --all is the interface's (borrar), or delete in any language.
	word := w.T("delete")
	if all {
		w.Tw(e, "To delete all of them, type the word %s and press Enter: ", word)
	} else {
		w.Tw(e, "Delete them? Type y and press Enter (anything else keeps them): ")
	}
	line, err := bufio.NewReader(f.IO.In).ReadString('\n')
	if err != nil {
		fmt.Fprintln(e)
	}
	var ok bool
	if all {
		typed := strings.TrimSpace(line)
		ok = strings.EqualFold(typed, word) || strings.EqualFold(typed, "delete")
	} else {
		yes, isYes := questionnaire.ParseYesNo(line)
		ok = yes && isYes
	}
	if !ok {
		w.Tw(e, "Nothing was deleted.\n")
		return errSilent1
	}
	return nil
}
