package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"go.yaml.in/yaml/v3"

	"github.com/candor-app/candor/data"
	"github.com/candor-app/candor/internal/safefile"
	"github.com/candor-app/candor/internal/text"
	"github.com/candor-app/candor/questionnaire"
	"github.com/candor-app/candor/scoring"
)

// AnswersOptions are the inputs of 'candor answers'.
type AnswersOptions struct {
	Format string
	Width  int
}

// NewCmdAnswers builds 'candor answers' and its subcommands.
func NewCmdAnswers(f *Factory, runF func(*AnswersOptions) error) *cobra.Command {
	opts := &AnswersOptions{}
	cmd := &cobra.Command{
		Use:   "answers",
		Short: "List, continue or delete the answers you saved",
		Long: `List the answers 'candor take' saved in your data folder, newest first: the questionnaire,
when, whether it is finished, how many questions have an answer, and the file.

  candor answers continue [BANK]   carry on with the latest unfinished one
  candor answers delete FILE...    delete answers (asks first; --yes for scripts)`,
		Example: "  candor answers\n  candor answers continue\n  candor answers delete ~/.local/share/candor/candor-20261127-055242.yaml",
		Args:    noArgs,
		RunE:    runWith(opts, nil, runF, func() error { return answersRun(f, opts) }),
	}
	outputFlags(cmd, &opts.Format, &opts.Width, "text", "json")
	cmd.AddCommand(NewCmdAnswersContinue(f, nil), NewCmdAnswersDelete(f, nil))
	return cmd
}

// savedAnswers is one file of the data folder as 'candor answers' lists it.
type savedAnswers struct {
	File     string               `json:"file"`
	Bank     string               `json:"bank,omitempty"`
	Title    string               `json:"title,omitempty"`
	Status   questionnaire.Status `json:"status"`
	Started  time.Time            `json:"started,omitzero"`
	Updated  time.Time            `json:"updated,omitzero"`
	Answered int                  `json:"answered"`
	// Problem says why the file cannot be read (status "unreadable").
	Problem string `json:"problem,omitempty"`
}

// unreadable is the status of a file in the data folder that is not a readable response.
const unreadable questionnaire.Status = "unreadable"

// listSaved reads the responses in the data folder, and those candor remembers saving
// elsewhere (remembered.go), newest first. Files that are not responses at all (no `kind:
// response`) are left out; damaged responses are listed, so they can be deleted. A
// remembered file that is gone is forgotten, silently.
func listSaved(f *Factory) (string, []savedAnswers, error) {
	dir, err := f.DataDir()
	if err != nil {
		return "", nil, badInput("%v", err)
	}
	entries, err := os.ReadDir(dir)
	if err != nil && !errors.Is(err, os.ErrNotExist) {
		return dir, nil, badInput("cannot read your data folder %s: %v", dir, err)
	}
	finder := &data.Finder{}
	var out []savedAnswers
	var gone []string
	for _, p := range remembered(f) {
		st, err := os.Stat(p)
		if errors.Is(err, os.ErrNotExist) || err == nil && !st.Mode().IsRegular() {
			gone = append(gone, p)
			continue
		}
		if s, ok := readSaved(finder, p); ok {
			out = append(out, s)
		} else {
			gone = append(gone, p) // no longer answers (another file took its name)
		}
	}
	if len(gone) > 0 {
		forget(f, gone...)
	}
	for _, e := range entries {
		name := e.Name()
		if strings.HasPrefix(name, ".") || !e.Type().IsRegular() || !isResponseName(name) {
			continue
		}
		if s, ok := readSaved(finder, filepath.Join(dir, name)); ok {
			out = append(out, s)
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if !out[i].Updated.Equal(out[j].Updated) {
			return out[i].Updated.After(out[j].Updated)
		}
		return out[i].File > out[j].File
	})
	return dir, out, nil
}

// readSaved reads one response; ok is false for a file that is not a response at all.
func readSaved(finder *data.Finder, path string) (savedAnswers, bool) {
	s := savedAnswers{File: path}
	raw, err := questionnaire.ReadFileLimited(path)
	if err != nil {
		s.Status, s.Problem = unreadable, err.Error()
		return s, true
	}
	resp, ds := questionnaire.ReadResponse(path, raw)
	if resp == nil {
		if !damagedResponse(raw) {
			return s, false
		}
		s.Status, s.Problem = unreadable, firstSummary(ds)
		return s, true
	}
	s.Bank, s.Title, s.Started, s.Updated = resp.Bank.ID, resp.Bank.ID, resp.Started, resp.Updated
	s.Status = resp.Status
	if b, _ := finder.ForResponse(resp); b != nil {
		s.Title = b.Title
		if answers, rds := resp.Resolve(b); !rds.HasErrors() {
			s.Answered = len(answers)
			s.Status = scoring.Score(b, answers, scoring.Options{Skipped: resp.Skipped, Declined: resp.Declined}).Status
		}
	} else {
		s.Answered = len(resp.Answers)
	}
	return s, true
}

// damagedResponse reports whether a file that does not read as a response was still written
// as one (a damaged or torn response, listed so it can be deleted), not some other file: its
// YAML is a mapping whose own top-level keys say `candor: 1` and `kind: response`, or, torn
// past reading, it starts with the two lines every response candor writes starts with. A bank
// (no kind), or a file that mentions "kind: response" in a comment, a string or deeper down,
// is not.
func damagedResponse(raw []byte) bool {
	var top struct {
		Candor any `yaml:"candor"`
		Kind   any `yaml:"kind"`
	}
	if err := yaml.Unmarshal(raw, &top); err != nil {
		return bytes.HasPrefix(raw, []byte("candor: 1\nkind: response\n"))
	}
	return fmt.Sprint(top.Candor) == "1" && top.Kind == "response"
}

func answersRun(f *Factory, opts *AnswersOptions) error {
	dir, saved, err := listSaved(f)
	if err != nil {
		return err
	}
	if opts.Format == "json" {
		if saved == nil {
			saved = []savedAnswers{}
		}
		enc := json.NewEncoder(f.IO.Out)
		enc.SetIndent("", "  ")
		return enc.Encode(saved)
	}
	width := min(resolveWidth(f, opts.Width), text.MaxWidth)
	var b strings.Builder
	if len(saved) == 0 {
		fmt.Fprintf(&b, "You have no saved answers yet. Your data folder is:\n  %s\nStart with: candor take\n", text.Sanitize(dir))
		_, err := fmt.Fprint(f.IO.Out, b.String())
		return err
	}
	fmt.Fprintf(&b, "Your saved answers, newest first. Your data folder is:\n  %s\n", text.Sanitize(dir))
	unfinished := false
	dot := " · "
	if !f.IO.CanShowUnicode() {
		dot = " - "
	}
	for _, s := range saved {
		b.WriteString("\n")
		title := text.Clean(s.Title)
		if s.Status == unreadable {
			title = "Answers that cannot be read"
		}
		for _, l := range text.WrapIndent(title, width, "  ", "  ") {
			b.WriteString(l + "\n")
		}
		var line string
		switch s.Status {
		case unreadable:
			line = "cannot be read: " + text.Clean(s.Problem)
		case questionnaire.Completed:
			line = s.Updated.Local().Format("2 Jan 2006, 15:04") + dot + "finished" + dot + fmt.Sprintf("%d answered", s.Answered)
		default:
			unfinished = true
			line = s.Updated.Local().Format("2 Jan 2006, 15:04") + dot + "not finished" + dot + fmt.Sprintf("%d answered", s.Answered)
		}
		for _, l := range text.WrapIndent(line, width, "    ", "    ") {
			b.WriteString(l + "\n")
		}
		// A path is never split: a line of its own.
		b.WriteString("    " + text.Sanitize(s.File) + "\n")
	}
	b.WriteString("\n")
	if unfinished {
		b.WriteString("To carry on with the latest unfinished one: candor answers continue\n")
	}
	b.WriteString("To delete one: candor answers delete FILE\n")
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
	cmd := &cobra.Command{
		Use:   "continue [BANK]",
		Short: "Carry on with your latest unfinished answers",
		Long: `Carry on with the latest unfinished answers in your data folder (to BANK, when given), as
'candor take --resume FILE' does.`,
		Example:           "  candor answers continue\n  candor answers continue accountability",
		Args:              rangeArgs(0, 1, "at most one bank"),
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
	for _, s := range saved {
		if s.Status == questionnaire.InProgress && (id == "" || s.Bank == id) {
			return takeRun(ctx, f, &TakeOptions{Resume: s.File, Bank: bankFile, Format: opts.Format, Width: opts.Width})
		}
	}
	what := "unfinished answers"
	if id != "" {
		what = fmt.Sprintf("unfinished answers to %q", id)
	}
	start := "candor take"
	if opts.Bank != "" {
		start += " " + shellQuote(opts.Bank)
	}
	return badInput("there are no %s to continue, in your data folder or elsewhere. Your data folder is:\n  %s\nTo start, type:\n  %s", what, dir, start)
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
	cmd := &cobra.Command{
		Use:   "delete FILE...",
		Short: "Delete saved answers",
		Long: `Delete saved answers: each FILE (a path, or a name in your data folder) with the lock and
temporary files candor keeps beside it. Only candor's own answer files are deleted, never
answers open in a 'candor take' right now.

On a terminal it asks first; a script says --yes. --all deletes every answer file in your
data folder, after you type the word delete.`,
		Example: "  candor answers delete ~/.local/share/candor/candor-20261127-055242.yaml\n" +
			"  candor answers delete --all",
	}
	cmd.RunE = runWith(opts, func(args []string) { opts.Files = args }, runF, func() error {
		return answersDeleteRun(f, opts)
	})
	cmd.Args = func(c *cobra.Command, args []string) error {
		switch {
		case opts.All && len(args) > 0:
			return usageError("--all deletes every file; name files, or say --all, not both")
		case !opts.All && len(args) == 0:
			return usageError("%s needs the files to delete, or --all (see '%s --help')", c.CommandPath(), c.CommandPath())
		}
		return nil
	}
	cmd.Flags().BoolVar(&opts.All, "all", false, "delete every answer file in your data folder")
	cmd.Flags().BoolVarP(&opts.Yes, "yes", "y", false, "do not ask first (for scripts)")
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
			for _, h := range held {
				h.Close()
			}
			return err
		}
	}
	failed := false
	for _, h := range held {
		// Removed only if the file, and its folder, are still the ones shown: nothing swapped
		// in while candor asked is ever deleted (docs/spec.md §4, answers delete).
		err := h.Remove()
		p := text.Sanitize(h.Path())
		switch {
		case errors.Is(err, safefile.ErrLocked):
			failed = true
			fmt.Fprintf(f.IO.ErrOut, "candor: %s is open in a 'candor take' right now; it was not deleted. Finish or stop that one first.\n", p)
		case errors.Is(err, safefile.ErrChanged):
			failed = true
			fmt.Fprintf(f.IO.ErrOut, "candor: %s was not deleted: %v.\n", p, err)
		case err != nil:
			failed = true
			fmt.Fprintf(f.IO.ErrOut, "candor: could not delete %s: %v\n", p, err)
		default:
			forget(f, h.Path())
			fmt.Fprintf(f.IO.ErrOut, "Deleted %s\n", p)
		}
	}
	if failed {
		return errSilent1
	}
	return nil
}

// filesToDelete checks every file before anything is deleted: each is a candor response (or
// a damaged one), found as given or in the data folder, and is held (its folder open, its
// identity kept) so that what is deleted after the question is what was shown.
func filesToDelete(f *Factory, opts *AnswersDeleteOptions) ([]*safefile.Held, error) {
	var files []string
	if opts.All {
		dir, saved, err := listSaved(f)
		if err != nil {
			return nil, err
		}
		for _, s := range saved {
			if _, out := elsewhere(f, s.File); !out {
				files = append(files, s.File) // --all: the data folder's, not those saved elsewhere
			}
		}
		if len(files) == 0 {
			fmt.Fprintf(f.IO.ErrOut, "There are no saved answers in your data folder, so nothing was deleted. It is:\n  %s\n", text.Sanitize(dir))
			return nil, nil
		}
	} else {
		for _, p := range opts.Files {
			path, err := findSavedFile(f, p)
			if err != nil {
				return nil, err
			}
			files = append(files, path)
		}
	}
	held := make([]*safefile.Held, 0, len(files))
	for _, p := range files {
		h, err := safefile.Hold(p)
		if err != nil {
			for _, h := range held {
				h.Close()
			}
			return nil, badInput("cannot delete %s: %v; nothing was deleted", p, err)
		}
		held = append(held, h)
	}
	return held, nil
}

// findSavedFile is p, or p in the data folder; it must hold a candor response. A bare name
// found both here and in the data folder is refused: the person names the one they mean.
func findSavedFile(f *Factory, p string) (string, error) {
	path := p
	if filepath.Base(p) == p {
		if dir, derr := f.DataDir(); derr == nil {
			inData := filepath.Join(dir, p)
			_, hereErr := os.Lstat(p)
			_, dataErr := os.Lstat(inData)
			switch {
			case hereErr == nil && dataErr == nil && !sameFile(p, inData):
				return "", badInput("%s is both in this folder and in your data folder (%s); say which with its path, such as ./%s or %s. Nothing was deleted.",
					p, text.Sanitize(inData), p, text.Sanitize(inData))
			case errors.Is(hereErr, os.ErrNotExist) && dataErr == nil:
				path = inData
			}
		}
	}
	st, err := os.Lstat(path)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return "", badInput("%s: no such file; nothing was deleted", p)
	case err != nil:
		return "", badInput("cannot read %s: %v; nothing was deleted", p, err)
	case !st.Mode().IsRegular():
		return "", badInput("%s is not a regular file; candor deletes only the answer files it saved. Nothing was deleted.", p)
	}
	raw, err := questionnaire.ReadFileLimited(path)
	if err != nil {
		return "", badInput("cannot read %s: %v; nothing was deleted", p, err)
	}
	if resp, _ := questionnaire.ReadResponse(path, raw); resp == nil && !damagedResponse(raw) {
		return "", badInput("%s is not a candor answers file; candor deletes only the answer files it saved. Nothing was deleted.", p)
	}
	return path, nil
}

// sameFile reports whether a and b are one file.
func sameFile(a, b string) bool {
	sa, errA := os.Stat(a)
	sb, errB := os.Stat(b)
	return errA == nil && errB == nil && os.SameFile(sa, sb)
}

// confirmDelete asks before deleting, on a terminal: y (or yes) for files, the word delete
// for --all. Without a terminal it refuses: a script says --yes.
func confirmDelete(f *Factory, files []string, all bool) error {
	if !f.IO.IsStdinTTY() {
		return badInput("candor asks before deleting answers, and there is no terminal to ask on; to delete without asking, add --yes. Nothing was deleted.")
	}
	e := f.IO.ErrOut
	fmt.Fprintln(e, "These answers will be deleted for good; they cannot be brought back:")
	for _, p := range files {
		fmt.Fprintf(e, "  %s\n", text.Sanitize(p))
	}
	word := "y"
	if all {
		word = "delete"
		fmt.Fprint(e, "To delete all of them, type the word delete and press Enter: ")
	} else {
		fmt.Fprint(e, "Delete them? Type y and press Enter (anything else keeps them): ")
	}
	line, err := bufio.NewReader(f.IO.In).ReadString('\n')
	if err != nil {
		fmt.Fprintln(e)
	}
	var ok bool
	if all {
		ok = strings.EqualFold(strings.TrimSpace(line), word)
	} else {
		yes, isYes := questionnaire.ParseYesNo(line)
		ok = yes && isYes
	}
	if !ok {
		fmt.Fprintln(e, "Nothing was deleted.")
		return errSilent1
	}
	return nil
}
