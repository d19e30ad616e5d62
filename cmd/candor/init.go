package main

import (
	"errors"
	"io/fs"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/spf13/cobra"

	"github.com/candor-app/candor/data"
	"github.com/candor-app/candor/internal/safefile"
	"github.com/candor-app/candor/internal/text"
	"github.com/candor-app/candor/store"
	"github.com/candor-app/candor/words"
)

// InitOptions are the inputs of 'candor init'.
type InitOptions struct {
	File  string
	ID    string
	Title string
}

// NewCmdInit builds 'candor init FILE'.
func NewCmdInit(f *Factory, runF func(*InitOptions) error) *cobra.Command {
	opts := &InitOptions{}
	w := f.Words()
	cmd := &cobra.Command{
		Use:   "init FILE", // words:none: the command line's syntax
		Short: w.T("Start a new question bank from a commented example"),
		Long: w.T(`Write a new question bank to FILE to start from: a complete, working example with a
note on every key, in plain words. It shows every kind of question, scores, flags (among
them a safety flag), outcomes and the worked examples that check them.

candor never overwrites a file: if FILE exists, choose another name.

The bank's id is taken from the file name when it can be (my-bank.yaml gives my-bank), or
from --id.`),
		Example: "  candor init my-bank.yaml\n" + // words:none: command lines
			"  candor init week-one.yaml --title \"Week one check-in\"", // words:none: a command line, its title an example
		Args: rangeArgs(1, 1, w.T("the name of the file to create")),
		RunE: runWith(opts, func(args []string) { opts.File = args[0] }, runF, func() error { return initRun(f, opts) }),
	}
	cmd.Flags().StringVar(&opts.ID, "id", "", w.T("the bank's id (lower-case letters, digits and dashes)"))
	cmd.Flags().StringVar(&opts.Title, "title", "", w.T("the bank's title"))
	return cmd
}

// createError says in one sentence, in w's language, why path could not be created, naming
// it once.
func createError(w *words.Printer, path string, err error) string {
	switch {
	case errors.Is(err, fs.ErrExist):
		return w.T("%s already exists; candor never overwrites it, so choose another name", path)
	case errors.Is(err, fs.ErrNotExist):
		return w.T("cannot create %s: the folder %s does not exist; create it first, or choose another place", path, filepath.Dir(path))
	case text.WithoutPath(err) != err: // the operating system's words, without the path
		return w.T("cannot create %s: %v", path, text.WithoutPath(err))
	}
	return err.Error()
}

var initIDRE = regexp.MustCompile(`^[a-z][a-z0-9-]*$`) // words:none: a pattern

func initRun(f *Factory, opts *InitOptions) error {
	w := f.Words()
	if !store.IsYAMLName(opts.File) {
		// A bank is YAML; and a file named like a built-in bank, with no ending, would be
		// read instead of it by `candor take NAME` in this folder.
		return usageError("%s", w.T("name the new bank's file with .yaml at the end, such as %s.yaml: a bank is written in YAML", strings.TrimSuffix(filepath.Base(opts.File), filepath.Ext(opts.File))))
	}
	id := opts.ID
	if id != "" && !initIDRE.MatchString(id) {
		return usageError("%s", w.T("--id %q is not a bank id: use lower-case letters, digits and dashes, starting with a letter, such as my-bank", id))
	}
	if id == "" {
		id = bankIDFromFile(opts.File)
	}
	title := strings.TrimSpace(opts.Title)
	if strings.ContainsAny(title, "\n\r") {
		return usageError("%s", w.T("--title must be on one line"))
	}
	if err := safefile.CreateNew(opts.File, data.Template(id, title), safefile.FileMode); err != nil {
		return badInput("%s", createError(w, opts.File, err))
	}
	name := text.Sanitize(opts.File)
	arg := name
	if strings.ContainsAny(arg, " '\"$`\\") {
		arg = "'" + strings.ReplaceAll(arg, "'", `'\''`) + "'"
	}
	chose := w.T("Its id is %s.", id)
	if opts.ID == "" {
		chose = w.T("Its id is %s, taken from the file name (change it with --id, or in the file).", id)
	}
	if id == "" {
		chose = w.T("Its id is %s for now: give it one of your own in the file.", data.TemplateID)
	}
	w.Tw(f.IO.Out, `Your new question bank is in %s.
%s

It is a complete, working example, with notes for you on every part. Next:
  1. Open it in a text editor and make it your own: change the words, keep what
     you need, delete the rest.
  2. Check it after each change:   candor validate %s
  3. Try it as your client would:  candor take %s
  4. Print it for paper:           candor show %s
`, name, chose, arg, arg, arg)
	return nil
}

// bankIDFromFile derives a bank id from a file name: "Week Two.yaml" gives week-two. Letters
// are lower-cased, every run of other characters becomes one dash, and what cannot start an
// id is dropped. It returns "" when nothing usable is left.
func bankIDFromFile(path string) string {
	base := filepath.Base(path)
	base = strings.TrimSuffix(base, filepath.Ext(base)) // .yaml or .yml in any case (checked)
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(base) {
		switch {
		case r >= 'a' && r <= 'z', b.Len() > 0 && r >= '0' && r <= '9':
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash = false
		default:
			dash = true
		}
	}
	if id := b.String(); initIDRE.MatchString(id) {
		return id
	}
	return ""
}
