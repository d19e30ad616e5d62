package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/candor-app/candor/internal/text"
	"github.com/candor-app/candor/questionnaire"
	"github.com/candor-app/candor/scoring"
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
	cmd := &cobra.Command{
		Use:   "test BANK...",
		Short: "Run the worked examples (tests) of question banks",
		Long: `Run the tests written in each bank (a file, or a built-in id): answers given, and the
outcome, scores, bands and flags they must lead to. Each test prints PASS or FAIL; a failing
test shows what it expected and what came out.

Exit status is 0 when every test passes, 1 when any fails or a bank cannot be loaded.`,
		Example:           "  candor test my-bank.yaml\n  candor test --format json banks/*.yaml",
		Args:              minArgs(1, "at least one bank file"),
		ValidArgsFunction: bankCompletion,
		RunE:              runWith(opts, func(args []string) { opts.Banks = args }, runF, func() error { return testRun(f, opts) }),
	}
	outputFlags(cmd, &opts.Format, &opts.Width, "text", "json")
	return cmd
}

func testRun(f *Factory, opts *TestOptions) error {
	width := resolveWidth(f, opts.Width)
	total, passed, unloaded := 0, 0, 0
	// Only errors are shown: warnings are validate's business, and a note says there are some.
	reports, failed := checkBanks(opts.Banks, false, func(rep bankReport, b *questionnaire.Bank, ds questionnaire.Diagnostics) {
		if opts.Format != "text" {
			return
		}
		name := text.Sanitize(rep.File)
		if b == nil {
			unloaded++
			printDiagnostics(f, rep.Diagnostics, sourcesOf(rep.File, rep.Diagnostics), width)
			n := len(rep.Diagnostics)
			fmt.Fprintf(f.IO.Out, "%s: cannot be tested, %d %s\n", name, n, plural(n, "error", "errors"))
			return
		}
		ok := 0
		for _, t := range rep.Tests {
			if t.Pass {
				ok++
				fmt.Fprintf(f.IO.Out, "PASS %s\n", text.Sanitize(t.Name))
				continue
			}
			fmt.Fprintf(f.IO.Out, "FAIL %s\n", text.Sanitize(t.Name))
			printTestFailures(f, []scoring.TestResult{t})
		}
		total += len(rep.Tests)
		passed += ok
		n := len(rep.Tests)
		switch {
		case n == 0:
			fmt.Fprintf(f.IO.Out, "%s: no tests\n", name)
		case ok == n:
			fmt.Fprintf(f.IO.Out, "%s: ok, %d of %d %s passed\n", name, ok, n, plural(n, "test", "tests"))
		default:
			fmt.Fprintf(f.IO.Out, "%s: FAILED, %d of %d %s passed\n", name, ok, n, plural(n, "test", "tests"))
		}
		if w := len(ds.Warnings()); w > 0 {
			fmt.Fprintf(f.IO.ErrOut, "candor: note: %s has %d %s; 'candor validate %s' shows %s\n",
				name, w, plural(w, "warning", "warnings"), text.Sanitize(shellQuote(rep.File)), plural(w, "it", "them"))
		}
	})
	if opts.Format == "json" {
		if err := writeReports(f, reports); err != nil {
			return err
		}
	} else if len(opts.Banks) > 1 {
		status := "ok"
		if failed {
			status = "FAILED"
		}
		line := fmt.Sprintf("%s: %d of %d %s passed in %d banks", status, passed, total, plural(total, "test", "tests"), len(opts.Banks))
		if unloaded > 0 {
			line += fmt.Sprintf("; %d %s could not be loaded", unloaded, plural(unloaded, "bank", "banks"))
		}
		fmt.Fprintln(f.IO.Out, line)
	}
	if failed {
		return errSilent1
	}
	return nil
}
