package main

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/candor-app/candor/data"
	"github.com/candor-app/candor/internal/text"
	"github.com/candor-app/candor/questionnaire"
	"github.com/candor-app/candor/scoring"
	"github.com/candor-app/candor/words"
)

// ValidateOptions are the inputs of 'candor validate'.
type ValidateOptions struct {
	Banks  []string
	Format string
	Width  int
}

// NewCmdValidate builds 'candor validate BANK...'.
func NewCmdValidate(f *Factory, runF func(*ValidateOptions) error) *cobra.Command {
	opts := &ValidateOptions{}
	w := f.Words()
	cmd := &cobra.Command{
		Use:   "validate BANK...",
		Short: w.T("Check question banks and run their tests"),
		Long: w.T(`Check each bank (a file, or a built-in id) for every mistake at once, printed as
FILE:LINE:COL with the line and a hint, then run the bank's own tests.

Exit status is 0 when every bank is clean (warnings allowed), 1 when any has an error or a
failing test.`),
		Example:           "  candor validate my-bank.yaml\n  candor validate --format json banks/*.yaml", // words:none: command lines
		Args:              minArgs(1, w.T("at least one bank file")),
		ValidArgsFunction: bankCompletion,
		RunE:              runWith(opts, func(args []string) { opts.Banks = args }, runF, func() error { return validateRun(f, opts) }),
	}
	outputFlags(cmd, &opts.Format, &opts.Width, "text", "json")
	return cmd
}

// bankReport is one bank's validation, as --format json prints it.
type bankReport struct {
	File        string                    `json:"file"`
	OK          bool                      `json:"ok"`
	Diagnostics questionnaire.Diagnostics `json:"diagnostics"`
	Tests       []languageTest            `json:"tests"`
	// Languages are the bank's languages when it has more than one (docs/spec.md §1).
	Languages []string `json:"languages,omitempty"`
}

// languageTest is a test's result in one of the bank's languages: a bank with a translation
// runs each test once in each (docs/spec.md §4).
type languageTest struct {
	scoring.TestResult
	Language string `json:"language"`
}

func validateRun(f *Factory, opts *ValidateOptions) error {
	width := resolveWidth(f, opts.Width)
	reports, failed := checkBanks(f.Words(), opts.Banks, true, func(rep bankReport, b *questionnaire.Bank, ds questionnaire.Diagnostics) {
		if opts.Format != "text" {
			return
		}
		printDiagnostics(f, ds, sourcesOf(rep.File, ds), width)
		printTestFailures(f, rep.Tests)
		writeValidateLine(f, rep.File, b, ds, rep.Tests)
	})
	if opts.Format == "json" {
		if err := writeReports(f, reports); err != nil {
			return err
		}
	}
	if failed {
		return errSilent1
	}
	return nil
}

// checkBanks loads each bank (a file or a built-in id) and runs its tests: the loop
// validate and test share. A report keeps every diagnostic, or without keepWarnings just
// the errors. each is called after each bank, for text output, with all the diagnostics.
// failed is true when any bank cannot be loaded or fails a test.
// The advice after coded diagnostics is in w's language.
func checkBanks(w *words.Printer, args []string, keepWarnings bool, each func(rep bankReport, b *questionnaire.Bank, ds questionnaire.Diagnostics)) (reports []bankReport, failed bool) {
	reports = make([]bankReport, 0, len(args))
	for _, arg := range args {
		b, ds := data.LoadBank(arg)
		rep := bankReport{File: arg, Diagnostics: advisedIn(w, ds), Tests: []languageTest{}}
		if !keepWarnings {
			rep.Diagnostics = rep.Diagnostics.Errors()
		}
		if rep.Diagnostics == nil {
			rep.Diagnostics = questionnaire.Diagnostics{}
		}
		if b != nil {
			// A bank's tests run in each of its languages: a translation's answer by its words.
			for _, lang := range b.Languages {
				for _, t := range wordedTests(scoring.RunTests(b.In(lang))) {
					rep.Tests = append(rep.Tests, languageTest{TestResult: t, Language: lang})
				}
			}
			if len(b.Languages) > 1 {
				rep.Languages = b.Languages
			}
		}
		rep.OK = b != nil && allPass(rep.Tests)
		failed = failed || !rep.OK
		reports = append(reports, rep)
		each(rep, b, ds)
	}
	return reports, failed
}

// writeReports prints the reports as JSON (--format json).
func writeReports(f *Factory, reports []bankReport) error {
	enc := json.NewEncoder(f.IO.Out)
	enc.SetIndent("", "  ")
	return enc.Encode(reports)
}

func allPass(ts []languageTest) bool {
	for _, t := range ts {
		if !t.Pass {
			return false
		}
	}
	return true
}

// printTestFailures shows each failing test, and the language it ran in, with what it
// expected and got.
func printTestFailures(f *Factory, ts []languageTest) {
	for _, t := range ts {
		if t.Pass {
			continue
		}
		fmt.Fprintf(f.IO.ErrOut, "%s: test %q (%s) failed\n", text.Sanitize(t.Pos.String()), text.Sanitize(t.Name), text.Sanitize(t.Language)) // words:none: a bank file's diagnostic
		for _, fail := range t.Failures {
			fmt.Fprintf(f.IO.ErrOut, "      - %s\n", text.Sanitize(failureText(fail)))
		}
	}
}

// writeValidateLine is a bank's summary line: "my-bank.yaml: ok (5 questions, 42 of 42
// tests passed, in en and es)". Each part in parentheses is a phrase of its own.
func writeValidateLine(f *Factory, arg string, b *questionnaire.Bank, ds questionnaire.Diagnostics, ts []languageTest) {
	w := f.Words()
	name := text.Sanitize(arg)
	if b == nil {
		fmt.Fprintln(f.IO.Out, w.T("%s: %d errors", name, len(ds.Errors())))
		return
	}
	passed := 0
	for _, t := range ts {
		if t.Pass {
			passed++
		}
	}
	parts := []string{w.T("%d questions", b.QuestionCount()), w.T("no tests")}
	if len(ts) > 0 {
		parts[1] = w.T("%d of %d tests passed", passed, len(ts))
	}
	if len(b.Languages) > 1 {
		parts = append(parts, w.T("in %s", text.Sanitize(andList(w, b.Languages))))
	}
	if n := len(ds.Warnings()); n > 0 {
		parts = append(parts, w.T("%d warnings", n))
	}
	list := strings.Join(parts, ", ")
	if passed < len(ts) {
		fmt.Fprintln(f.IO.Out, w.T("%s: FAILED (%s)", name, list))
		return
	}
	fmt.Fprintln(f.IO.Out, w.T("%s: ok (%s)", name, list))
}

// andList is "a and b", "a, b and c" in w's language.
func andList(w *words.Printer, items []string) string { return w.List(items...) }

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// wordedTests gives every failure of ts its words (failureText), as JSON writes them.
func wordedTests(ts []scoring.TestResult) []scoring.TestResult {
	for i := range ts {
		for j, fail := range ts[i].Failures {
			ts[i].Failures[j].Text = failureText(fail)
		}
	}
	return ts
}

// failureText says what a bank's worked example expected and what came out instead: a
// diagnostic of the bank file, in English (docs/spec.md §4).
func failureText(f scoring.Failure) string {
	switch f.Code {
	case scoring.FailOutcome:
		return fmt.Sprintf("outcome: expected %s, got %s", outcomeName(f.WantID), outcomeName(f.GotID)) // words:none: a bank file's diagnostic
	case scoring.FailScore:
		switch {
		case f.WantValue == nil && f.GotValue != nil:
			return fmt.Sprintf("score %s: expected no value (not enough answers), got %s", f.ID, questionnaire.FormatNumber(*f.GotValue)) // words:none: a bank file's diagnostic
		case f.WantValue != nil && f.GotValue == nil:
			return fmt.Sprintf("score %s: expected %s, got no value (%d of %d answered, %d needed)", f.ID, questionnaire.FormatNumber(*f.WantValue), f.Answered, f.Items, f.Needed) // words:none: a bank file's diagnostic
		case f.WantValue != nil:
			return fmt.Sprintf("score %s: expected %s, got %s", f.ID, questionnaire.FormatNumber(*f.WantValue), questionnaire.FormatNumber(*f.GotValue)) // words:none: a bank file's diagnostic
		}
	case scoring.FailBand:
		return fmt.Sprintf("band of %s: expected %s, got %s", f.ID, bandName(f.WantBand), bandName(f.GotBand)) // words:none: a bank file's diagnostic
	case scoring.FailFlags:
		return fmt.Sprintf("flags: expected [%s], got [%s]", strings.Join(f.WantFlags, ", "), strings.Join(f.GotFlags, ", ")) // words:none: a bank file's diagnostic
	}
	if f.Text != "" {
		return f.Text
	}
	return string(f.Code)
}

func outcomeName(id string) string {
	if id == "" {
		return "no outcome" // words:none: a bank file's diagnostic
	}
	return id
}

func bandName(s *string) string {
	if s == nil {
		return "no band" // words:none: a bank file's diagnostic
	}
	return fmt.Sprintf("%q", *s)
}
