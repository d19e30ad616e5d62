package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/candor-app/candor/internal/text"
	"github.com/candor-app/candor/questionnaire"
)

// TestOptions are the inputs of 'candor test'.
type TestOptions struct {
	Banks  []string
	Format string
	Width  int
}

// NewCmdTest builds 'candor test BANK...'.
func NewCmdTest(f *Factory, runF func(*TestOptions) error) *cobra.Command {
	opts := &TestOptions{}
	w := f.Words()
	cmd := &cobra.Command{
		Use:   "test BANK...",
		Short: w.T("Run the worked examples (tests) of question banks"),
		Long: w.T(`Run the tests written in each bank (a file, or a built-in id): answers given, and the
outcome, scores, bands and flags they must lead to. Each test prints PASS or FAIL, with the
language it ran in; a failing test shows what it expected and what came out.

Exit status is 0 when every test passes, 1 when any fails or a bank cannot be loaded.`),
		Example:           "  candor test my-bank.yaml\n  candor test --format json banks/*.yaml", // words:none: command lines
		Args:              minArgs(1, w.T("at least one bank file")),
		ValidArgsFunction: bankCompletion,
		RunE:              runWith(opts, func(args []string) { opts.Banks = args }, runF, func() error { return testRun(f, opts) }),
	}
	outputFlags(cmd, &opts.Format, &opts.Width, "text", "json")
	return cmd
}

func testRun(f *Factory, opts *TestOptions) error {
	width := resolveWidth(f, opts.Width)
	w := f.Words()
	out := f.IO.Out
	total, passed, unloaded := 0, 0, 0
	// Only errors are shown: warnings are validate's business, and a note says there are some.
	reports, failed := checkBanks(w, opts.Banks, false, func(rep bankReport, b *questionnaire.Bank, ds questionnaire.Diagnostics) {
		if opts.Format != "text" {
			return
		}
		name := text.Sanitize(rep.File)
		if b == nil {
			unloaded++
			printDiagnostics(f, rep.Diagnostics, sourcesOf(rep.File, rep.Diagnostics), width)
			fmt.Fprintln(out, w.T("%s: cannot be tested, %d errors", name, len(rep.Diagnostics)))
			return
		}
		ok := 0
		for _, t := range rep.Tests {
			// PASS and FAIL stay as they are in every language, as go test and TAP print them.
			if t.Pass {
				ok++
				fmt.Fprintf(out, "PASS %s (%s)\n", text.Sanitize(t.Name), text.Sanitize(t.Language))
				continue
			}
			fmt.Fprintf(out, "FAIL %s (%s)\n", text.Sanitize(t.Name), text.Sanitize(t.Language))
			printTestFailures(f, []languageTest{t})
		}
		total += len(rep.Tests)
		passed += ok
		n := len(rep.Tests)
		switch {
		case n == 0:
			fmt.Fprintln(out, w.T("%s: no tests", name))
		case ok == n:
			fmt.Fprintln(out, w.T("%s: ok, %d of %d tests passed", name, ok, n))
		default:
			fmt.Fprintln(out, w.T("%s: FAILED, %d of %d tests passed", name, ok, n))
		}
		if n := len(ds.Warnings()); n > 0 {
			fmt.Fprintln(f.IO.ErrOut, "candor: "+w.T("note: %s has %d warnings; 'candor validate %s' shows them", name, n, text.Sanitize(shellQuote(rep.File))))
		}
	})
	if opts.Format == "json" {
		if err := writeReports(f, reports); err != nil {
			return err
		}
	} else if len(opts.Banks) > 1 {
		line := w.T("ok: %d of %d tests passed in %d banks", passed, total, len(opts.Banks))
		if failed {
			line = w.T("FAILED: %d of %d tests passed in %d banks", passed, total, len(opts.Banks))
		}
		if unloaded > 0 {
			line += w.T("; %d banks could not be loaded", unloaded)
		}
		fmt.Fprintln(out, line)
	}
	if failed {
		return errSilent1
	}
	return nil
}
