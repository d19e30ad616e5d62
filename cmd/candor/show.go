package main

import (
	"github.com/spf13/cobra"

	"github.com/candor-app/candor/internal/text"
	"github.com/candor-app/candor/render"
	"github.com/candor-app/candor/words"
)

// ShowOptions are the inputs of 'candor show'.
type ShowOptions struct {
	Bank   string
	Format string
	Width  int
	// Lang is the language to print the bank's words in (--lang).
	Lang string
}

// NewCmdShow builds 'candor show BANK'.
func NewCmdShow(f *Factory, runF func(*ShowOptions) error) *cobra.Command {
	opts := &ShowOptions{}
	w := f.Words()
	cmd := &cobra.Command{
		Use:   "show BANK",
		Short: w.T("Print a bank as a worksheet to fill in on paper"),
		Long: w.T(`Print a question bank (a built-in id or a file) as a worksheet, for people who would
rather answer on paper: every question numbered, with its help, boxes to tick, points to
circle and lines to write on, the introduction, the closing words and the sources.

Scores are left out; the words of a safety flag are printed, because on paper nothing else
can show them when they are needed. Save it to a file and print that:
  candor show trust-readiness > worksheet.txt`),
		Example: "  candor show trust-readiness\n" +
			"  candor show my-bank.yaml --format markdown > my-bank.md\n" + // words:none: a command line
			"  candor show accountability --width 70\n" +
			"  candor show trust-readiness --lang es",
		Args:              rangeArgs(1, 1, w.T("one bank (a built-in id or a file)")),
		ValidArgsFunction: bankCompletion,
		RunE:              runWith(opts, func(args []string) { opts.Bank = args[0] }, runF, func() error { return showRun(f, opts) }),
	}
	langFlag(f, cmd, &opts.Lang, w.T("print the bank's words in `LANG` (such as es), where it is written in it (default: $LANG's language, else the bank's own)"))
	outputFlags(cmd, &opts.Format, &opts.Width, "text", "markdown")
	return cmd
}

func showRun(f *Factory, opts *ShowOptions) error {
	// Paper is narrow: up to DefaultWidth (80) columns unless asked for more.
	width := min(resolveWidth(f, opts.Width), text.DefaultWidth)
	if opts.Width > 0 {
		width = resolveWidth(f, opts.Width)
	}
	b, err := loadBank(f, opts.Bank, width)
	if err != nil {
		return err
	}
	langs := newLanguages(f, opts.Lang)
	b = langs.in(b, "")
	// A sheet is one page for the person answering: candor's words on it are in the
	// language the bank is printed in, when candor speaks it (docs/spec.md §4).
	p := langs.words(b)
	if words.Speaks(b.Language) {
		p = words.For(b.Language)
	}
	return render.Worksheet(f.IO.Out, b, render.WorksheetOptions{Format: opts.Format, Width: width, Words: p})
}
