package main

import (
	"bytes"
	"io"
	"time"

	"github.com/spf13/cobra"

	"github.com/candor-app/candor/internal/safefile"
	"github.com/candor-app/candor/internal/text"
	"github.com/candor-app/candor/interop/fhir"
	"github.com/candor-app/candor/interop/redcap"
	"github.com/candor-app/candor/questionnaire"
	"github.com/candor-app/candor/scoring"
)

// ExportOptions are the inputs of 'candor export'.
type ExportOptions struct {
	Bank   string
	Format string
	// Output is the file to create; empty writes to standard output.
	Output string
}

// NewCmdExport builds 'candor export BANK --format fhir'.
func NewCmdExport(f *Factory, runF func(*ExportOptions) error) *cobra.Command {
	opts := &ExportOptions{}
	w := f.Words()
	cmd := &cobra.Command{
		Use:   "export BANK",
		Short: w.T("Write a bank in a clinic's format: FHIR Questionnaire, REDCap dictionary"),
		Long: w.T(`Write a question bank (a built-in id or a file) in a format other tools read.

--format fhir (the default) writes an HL7 FHIR R4 Questionnaire (JSON): the questions,
answers, codes and conditions where FHIR has a place for them, and the rest (scores, bands,
flags, outcomes, help for a summary, tests) in candor's own extensions, so that
candor import gives back the same bank. See docs/fhir.md.

--format redcap writes a REDCap data dictionary (CSV, the 18 standard columns) to upload as
an instrument: each question a field (yesno, radio, checkbox, text with validation, notes,
descriptive), each flag a descriptive field shown when it is raised, each score a calc field,
conditions as branching logic where REDCap can say them (otherwise a note in the field
annotation). See docs/redcap.md.

The export goes to standard output, or with -o to a new file (candor never overwrites one).`),
		Example: "  candor export trust-readiness --format fhir -o trust-readiness.json\n" +
			"  candor export accountability --format redcap -o accountability.csv\n" +
			"  candor export my-bank.yaml > my-bank.json", // words:none: a command line
		Args:              rangeArgs(1, 1, w.T("one bank (a built-in id or a file)")),
		ValidArgsFunction: bankCompletion,
		RunE:              runWith(opts, func(args []string) { opts.Bank = args[0] }, runF, func() error { return exportRun(f, opts) }),
	}
	formatFlag(cmd, &opts.Format, "fhir", "redcap")
	cmd.Flags().StringVarP(&opts.Output, "output", "o", "", w.T("write to `FILE`, a new file"))
	return cmd
}

func exportRun(f *Factory, opts *ExportOptions) error {
	b, err := loadBank(f, opts.Bank, resolveWidth(f, 0))
	if err != nil {
		return err
	}
	var out []byte
	if opts.Format == "redcap" {
		var buf bytes.Buffer
		err = redcap.Write(&buf, b)
		out = buf.Bytes()
	} else {
		out, err = fhir.Export(b)
		out = append(out, '\n')
	}
	w := f.Words()
	if err != nil {
		return badInput("%s", w.T("cannot export %s: %v", text.Sanitize(opts.Bank), err))
	}
	if opts.Output == "" {
		if _, err := f.IO.Out.Write(out); err != nil {
			return badInput("%s", w.T("writing output: %s", err))
		}
		return nil
	}
	if err := safefile.WriteNew(opts.Output, out); err != nil {
		return badInput("%s", createError(w, text.Sanitize(opts.Output), err))
	}
	return nil
}

// writeFHIRResponse writes one scored response as a FHIR QuestionnaireResponse (score and take
// --format fhir); newline ends it with a line break, as a file of its own.
func writeFHIRResponse(w io.Writer, b *questionnaire.Bank, answers questionnaire.Answers, resp *questionnaire.Response, r *scoring.Result, authored time.Time, newline bool) error {
	out, err := fhir.MarshalResponse(fhir.Response(b, fhir.Reply{Answers: answers, Declined: resp.Declined, Status: r.Status, Authored: authored}))
	if err != nil {
		return err
	}
	if newline {
		out = append(out, '\n')
	}
	_, err = w.Write(out)
	return err
}
