package main

import (
	"cmp"
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/candor-app/candor/internal/safefile"
	"github.com/candor-app/candor/internal/text"
	"github.com/candor-app/candor/interop/fhir"
	"github.com/candor-app/candor/questionnaire"
	"github.com/candor-app/candor/store"
)

// ImportOptions are the inputs of 'candor import'.
type ImportOptions struct {
	File string
	// Output is the bank file to create; empty writes the bank to standard output.
	Output string
}

// NewCmdImport builds 'candor import FILE.json'.
func NewCmdImport(f *Factory, runF func(*ImportOptions) error) *cobra.Command {
	opts := &ImportOptions{}
	w := f.Words()
	cmd := &cobra.Command{
		Use:   "import FILE.json", // words:none: the command line's syntax
		Short: w.T("Make a question bank from a FHIR Questionnaire"),
		Long: w.T(`Make a question bank from an HL7 FHIR R4 Questionnaire (JSON), such as the PHQ-9 or
GAD-7 that LOINC publishes: its title and version, groups as sections, every question with
its answers and codes (also from a value set contained in the file), conditions
(enableWhen) as when, answer scores (ordinalValue, itemWeight), and a total that adds item
scores as a sum score.

Whatever the bank has no place for (other expressions, extensions, value sets by reference)
is listed as a warning with its place in the file (a JSON pointer), never dropped silently.
candor makes no bands, flags or outcomes up: add them yourself, then check the bank with
candor validate. The bank always passes candor validate as written.

The bank goes to standard output, or with -o to a new file (candor never overwrites one).
See docs/fhir.md for the whole mapping.`),
		Example: "  candor import phq-9.json -o phq-9.yaml\n" +
			"  candor import gad-7.json > gad-7.yaml",
		Args: rangeArgs(1, 1, w.T("one FHIR Questionnaire file (.json)")),
		RunE: runWith(opts, func(args []string) { opts.File = args[0] }, runF, func() error { return importRun(f, opts) }),
	}
	cmd.Flags().StringVarP(&opts.Output, "output", "o", "", w.T("write the bank to `FILE` (.yaml), a new file"))
	return cmd
}

func importRun(f *Factory, opts *ImportOptions) error {
	name := text.Sanitize(opts.File)
	w := f.Words()
	if opts.Output != "" && !store.IsYAMLName(opts.Output) {
		return usageError("%s", w.T("name the bank's file with .yaml at the end, such as %s.yaml: a bank is written in YAML", strings.TrimSuffix(text.Sanitize(opts.Output), ".json")))
	}
	if opts.Output != "" {
		// Refuse before any work, so that nothing is said of a bank that will not be written.
		if _, err := os.Lstat(opts.Output); err == nil {
			return badInput("%s", w.T("%s already exists; candor never overwrites it, so choose another name", text.Sanitize(opts.Output)))
		}
	}
	src, err := questionnaire.ReadFileLimited(opts.File)
	if err != nil {
		return badInput("%s: %s", name, fileProblem(f.Words(), err))
	}
	fb, warnings, err := fhir.Import(src)
	if err != nil {
		var fe *fhir.Error
		if errors.As(err, &fe) {
			return badInput("%s", importErrorText(name, fe))
		}
		return badInput("%s: %v", name, err)
	}
	y, err := fb.Marshal()
	if err != nil {
		return badInput("%s: %v", name, err)
	}
	bankName := cmp.Or(opts.Output, fb.ID+".yaml")
	b, ds := questionnaire.Load(bankName, y)
	for _, warn := range warnings {
		fmt.Fprintf(f.IO.ErrOut, "%s#%s: warning: %s\n", name, text.Sanitize(warn.Pointer), importWarningText(warn))
	}
	printDiagnostics(f, ds, map[string][]byte{bankName: y}, resolveWidth(f, 0))
	if ds.HasErrors() {
		return badInput("%s", w.T("%s: the bank made from it does not pass candor validate; this is a mistake in candor: please report it, with the file", name))
	}
	if opts.Output == "" {
		if _, err := f.IO.Out.Write(y); err != nil {
			return badInput("%s", w.T("writing output: %s", err))
		}
	} else if err := safefile.WriteNew(opts.Output, y); err != nil {
		return badInput("%s", createError(w, text.Sanitize(opts.Output), err))
	}
	where := w.T("It is on standard output.")
	if opts.Output != "" {
		where = w.T("It is in %s.", text.Sanitize(opts.Output))
	}
	e := f.IO.ErrOut
	w.Tw(e, "Imported %s: %s, %s, %s. %s\n", text.Sanitize(b.Title),
		w.T("%d questions", b.QuestionCount()), w.T("%d scores", len(b.Scores)), w.T("%d warnings", len(warnings)), where)
	w.Tw(e, "candor made no bands, flags or outcomes: add them yourself if the instrument has them, then run candor validate.\n")
	return nil
}

// importErrorText says why a file cannot be imported: a diagnostic of the imported file,
// with its place in it, in English as a bank file's are (docs/spec.md §4).
func importErrorText(name string, e *fhir.Error) string {
	at := ""
	if e.Pointer != "" {
		at = " at " + text.Sanitize(e.Pointer) // words:none: an imported file's diagnostic
	}
	detail := text.Sanitize(e.Detail)
	switch e.Code {
	case fhir.ErrNotJSON:
		return fmt.Sprintf("%s: not JSON%s (%s); candor imports FHIR R4 Questionnaires written as JSON", name, at, detail) // words:none: an imported file's diagnostic
	case fhir.ErrTooDeep:
		return fmt.Sprintf("%s: nested more than %d levels deep%s; no questionnaire nests so deep", name, fhir.MaxDepth, at) // words:none: an imported file's diagnostic
	case fhir.ErrNotQuestionnaire:
		if e.Detail == "" {
			return fmt.Sprintf("%s: not a FHIR resource (it has no resourceType); candor imports a Questionnaire", name) // words:none: an imported file's diagnostic
		}
		return fmt.Sprintf("%s: a %s, not a Questionnaire; candor imports a Questionnaire", name, detail) // words:none: an imported file's diagnostic
	case fhir.ErrBundle:
		return fmt.Sprintf("%s: a Bundle holding %s; save the Questionnaire on its own in a file and import that", name, cmp.Or(detail, "nothing")) // words:none: an imported file's diagnostic
	case fhir.ErrShape:
		return fmt.Sprintf("%s%s: expected %s; is it a FHIR R4 Questionnaire?", name, at, detail) // words:none: an imported file's diagnostic
	case fhir.ErrNoQuestions:
		return fmt.Sprintf("%s: none of its items is a question candor can ask", name) // words:none: an imported file's diagnostic
	case fhir.ErrTooMany:
		limit := map[string]string{"questions": fmt.Sprint(questionnaire.MaxQuestions), "sections": fmt.Sprint(fhir.MaxSections), "options": fmt.Sprint(fhir.MaxOptions)}[e.Detail]
		return fmt.Sprintf("%s%s: more %s than a bank may have (%s)", name, at, detail, limit) // words:none: an imported file's diagnostic
	case fhir.ErrInvalid:
		return fmt.Sprintf("%s: the bank made from it would not pass candor validate: %s", name, detail) // words:none: an imported file's diagnostic
	}
	return fmt.Sprintf("%s%s: %s", name, at, detail)
}

// importWarningText says in words what a warning of import means: a diagnostic of the
// imported file, in English as a bank file's are (docs/spec.md §4).
func importWarningText(w fhir.Warning) string {
	d := text.Sanitize(w.Detail)
	switch w.Code {
	case fhir.WarnMember:
		return fmt.Sprintf("%q is not kept: a bank has no place for it", d) // words:none: an imported file's diagnostic
	case fhir.WarnExtension:
		return fmt.Sprintf("the extension %s is not kept", d) // words:none: an imported file's diagnostic
	case fhir.WarnExpression:
		return fmt.Sprintf("the expression %s is not kept: candor reads only a sum of item scores", text.Truncate(d, 60)) // words:none: an imported file's diagnostic
	case fhir.WarnValueSet:
		return fmt.Sprintf("the value set %s is not kept: candor reads only the answers written in the file", d) // words:none: an imported file's diagnostic
	case fhir.WarnType:
		from, to, _ := strings.Cut(d, ">")
		if to == "" {
			return fmt.Sprintf("an item of type %s cannot be asked in candor; it is left out", from) // words:none: an imported file's diagnostic
		}
		return fmt.Sprintf("an item of type %s is imported as a %s question", from, to) // words:none: an imported file's diagnostic
	case fhir.WarnOpenChoice:
		return "open-choice: its free-text answer is not kept; it is imported as a choice" // words:none: an imported file's diagnostic
	case fhir.WarnRepeats:
		return "repeats is not kept: in candor only a choice takes several answers" // words:none: an imported file's diagnostic
	case fhir.WarnNested:
		return fmt.Sprintf("the item %s, nested in another, is taken out into its section", d) // words:none: an imported file's diagnostic
	case fhir.WarnCondition:
		why := map[string]string{
			fhir.CondUnknown:  "it names no question before this one",                         // words:none: an imported file's diagnostic
			fhir.CondOperator: "candor cannot say it",                                         // words:none: an imported file's diagnostic
			fhir.CondAnswer:   "it compares with an answer that is not one of the question's", // words:none: an imported file's diagnostic
		}[w.Detail]
		return fmt.Sprintf("this condition is not kept (%s), so the item is always asked", why) // words:none: an imported file's diagnostic
	case fhir.WarnVersion:
		return fmt.Sprintf("the version is not like 1.0.0; the bank's version is %s", d) // words:none: an imported file's diagnostic
	case fhir.WarnTitle:
		return fmt.Sprintf("no title; the bank is titled %q", d) // words:none: an imported file's diagnostic
	case fhir.WarnNoText:
		return fmt.Sprintf("a question without text; its text is its linkId %q", d) // words:none: an imported file's diagnostic
	case fhir.WarnValue:
		return fmt.Sprintf("the extension %s has a value of another shape than FHIR gives it; not kept", d) // words:none: an imported file's diagnostic
	case fhir.WarnOwn:
		return fmt.Sprintf("candor's own extensions in it do not make a valid bank (%s); they are not kept, the rest is imported as from any other tool", d) // words:none: an imported file's diagnostic
	case fhir.WarnBounds:
		return "minValue and maxValue are not kept: they are not of the question's kind, or the lowest is above the highest" // words:none: an imported file's diagnostic
	case fhir.WarnContained:
		return fmt.Sprintf("the contained %s is not kept: no question takes its answers from it", d) // words:none: an imported file's diagnostic
	case fhir.WarnTopLevel:
		return "this total adds the answers of the items at the top of the file only, and its questions are in a group; candor adds every scored question before it, as a total means" // words:none: an imported file's diagnostic
	case fhir.WarnCalculated:
		return fmt.Sprintf("the calculated item %s is not a sum of item scores; it is left out", d) // words:none: an imported file's diagnostic
	}
	return fmt.Sprintf("%s: %s", w.Code, d)
}
