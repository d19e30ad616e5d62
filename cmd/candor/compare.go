package main

import (
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/candor-app/candor/data"
	"github.com/candor-app/candor/internal/text"
	"github.com/candor-app/candor/questionnaire"
	"github.com/candor-app/candor/render"
	"github.com/candor-app/candor/scoring"
	"github.com/candor-app/candor/words"
)

// CompareOptions are the inputs of 'candor compare'.
type CompareOptions struct {
	A, B   string
	Bank   string
	Format string
	Width  int
	// Identities are key files that open encrypted responses (--identity).
	Identities []string
	// Lang is the language to show the bank's words in (--lang).
	Lang string
}

// NewCmdCompare builds 'candor compare A B'.
func NewCmdCompare(f *Factory, runF func(*CompareOptions) error) *cobra.Command {
	opts := &CompareOptions{}
	p := f.Words()
	cmd := &cobra.Command{
		Use:   "compare A B", // words:none: the command line's syntax
		Short: p.T("Put two responses side by side"),
		Long: p.T(`Put two saved responses to the same question bank side by side: two partners, or
one person before and after. Each person is named by the name in their file (or by the
file's name). A or B may also be a folder of that person's responses (*.yaml, *.yml,
*.age): their latest response is compared, and the one they answered before it is used to
see a fall (one answered not safe, or with a safety question open, is skipped, as history
does). With --bank ID, a folder's responses to other banks are left out.

You see the flags raised for each, each score with both values, both bands and the
difference, and every question with both answers and whether they are the same; a
statement scored in reverse is told by what the change means ("nearer to what helps").
When either person said they are not safe, it opens with a note that it is for the
counselor only, not for a joint session, and their scores are marked "(urgent flag)"
instead of banded (likewise "(safety question open)").

The bank is the built-in one the responses name, or --bank FILE for a bank of your own.

Two responses to different built-in banks (one partner answered trust-readiness, the other
accountability) are shown for the counselor only: the flags of both first, the scores the
banks share (the same score id, or the same theme) in one table, the statements both banks
ask that the two see most differently (accountability and partner-view), then each
person's summary, side by side when the width leaves each 40 columns (--width 83 or more),
else one after the other.

A split alliance is named under a score with an alert (session-check's): one partner's
rating fell while the other's held. Given two folders, a rating fell when it is below the
bank's alert level or dropped by its alert change or more since that partner's previous
response; given files, no previous is known, so only the level is used, and it says so.

--format html writes one page, offline and without scripts, for the counselor's notes: the
scores, a split alliance named, and the questions where the two differ most as a bar
chart, with the same numbers in a table.`),
		Example: "  candor compare sam.yaml alex.yaml\n" + // words:none: a command line
			"  candor compare sam-trust-readiness.yaml alex-accountability.yaml --width 120\n" + // words:none: a command line
			"  candor compare before.yaml after.yaml --bank my-bank.yaml\n" + // words:none: a command line
			"  candor compare sam/ alex/ --bank session-check\n" + // words:none: a command line
			"  candor compare sam.yaml alex.yaml --format markdown > session-notes.md\n" + // words:none: a command line
			"  candor compare sam.yaml alex.yaml --format html > session.html", // words:none: a command line
		Args: rangeArgs(2, 2, p.T("two response files or folders")),
		RunE: runWith(opts, func(args []string) { opts.A, opts.B = args[0], args[1] }, runF, func() error { return compareRun(f, opts) }),
	}
	bankFlag(cmd, &opts.Bank, p.T("the bank the responses answer (a file or a built-in id), when it is not built in"))
	langFlag(f, cmd, &opts.Lang, p.T("show the bank's words in `LANG` (such as es or en), where it is written in it (default: $LANG's language, else the first response's)"))
	outputFlags(cmd, &opts.Format, &opts.Width, "text", "markdown", "html", "json")
	identityFlag(cmd, &opts.Identities)
	return cmd
}

func compareRun(f *Factory, opts *CompareOptions) error {
	width := resolveWidth(f, opts.Width)
	o, err := newOpener(f, opts.Identities)
	if err != nil {
		return err
	}
	var files [2][]string
	var folder [2]bool
	for i, arg := range []string{opts.A, opts.B} {
		fs, inFolder, err := responseFiles(f.Words(), []string{arg})
		if err != nil {
			return err
		}
		files[i], folder[i] = fs, inFolder[0]
	}
	if folder[0] || folder[1] {
		return compareFolders(f, o, opts, files, folder, width)
	}
	resps, readDs, err := readResponses(f, o, []string{opts.A, opts.B}, width)
	if err != nil {
		return err
	}
	if resps[0].Bank.ID != resps[1].Bank.ID {
		return compareBanks(f, opts, resps, readDs, width)
	}
	langs := newLanguages(f, opts.Lang)
	b, rs, err := scoreResponses(f, resps, readDs, opts.Bank, width, "compare", langs)
	if err != nil {
		return err
	}
	return compareScored(f, opts, b, [2]scoredResponse{rs[0], rs[1]}, [2]*scoring.Result{}, width)
}

// compareScored writes the comparison of two scored responses to bank b, each with its
// person's previous kept result (nil when not known).
func compareScored(f *Factory, opts *CompareOptions, b *questionnaire.Bank, rs [2]scoredResponse, previous [2]*scoring.Result, width int) error {
	p := newLanguages(f, opts.Lang).words(b)
	names := responseNames(p, rs[:])
	sides := make([]render.CompareSide, 2)
	for i, r := range rs {
		sides[i] = render.CompareSide{Name: names[i], Response: r.Response, Answers: r.Answers, Result: r.Result, Previous: previous[i]}
	}
	return render.Compare(f.IO.Out, b, sides[0], sides[1], render.CompareOptions{
		Format: opts.Format, Width: width, ASCII: !f.IO.CanShowUnicode(), Words: p,
	})
}

// compareFolders compares two people when either is named by a folder of their responses
// to one bank: each person's latest response (in history's order), with the one kept before
// it (not marked unsafe or safety open), so that a split alliance is judged by a fall since
// each partner's previous rating (docs/spec.md §3 and §4). A file stands for one response,
// with no previous.
func compareFolders(f *Factory, o *opener, opts *CompareOptions, files [2][]string, folder [2]bool, width int) error {
	var resps []*questionnaire.Response
	var readDs []questionnaire.Diagnostics
	var inFolder []bool
	side := map[*questionnaire.Response]int{}
	for i, fs := range files {
		rs, ds, err := readResponses(f, o, fs, width)
		if err != nil {
			return err
		}
		for _, r := range rs {
			side[r] = i
			inFolder = append(inFolder, folder[i])
		}
		resps, readDs = append(resps, rs...), append(readDs, ds...)
	}
	langs := newLanguages(f, opts.Lang)
	b, scored, err := scoreFolders(f, resps, readDs, inFolder, opts.Bank, width, "compare", langs)
	if err != nil {
		return err
	}
	var latest [2]scoredResponse
	var previous [2]*scoring.Result
	for i, arg := range []string{opts.A, opts.B} {
		var entries []render.HistoryEntry
		byResponse := map[*questionnaire.Response]scoredResponse{}
		for _, r := range scored {
			if side[r.Response] == i {
				entries = append(entries, render.HistoryEntry{Response: r.Response, Result: r.Result})
				byResponse[r.Response] = r
			}
		}
		if len(entries) == 0 {
			return badInput("%s", langs.words(b).T("none of the responses in %s answer bank %q", arg, b.ID))
		}
		render.SortHistory(entries)
		last := len(entries) - 1
		latest[i] = byResponse[entries[last].Response]
		for k := last - 1; k >= 0 && previous[i] == nil; k-- {
			if !entries[k].Result.Unsafe() {
				previous[i] = entries[k].Result
			}
		}
	}
	if note := sessionDatesNote(langs.words(b), latest); note != "" {
		fmt.Fprintln(f.IO.ErrOut, strings.Join(text.Wrap(note, width), "\n"))
	}
	return compareScored(f, opts, b, latest, previous, width)
}

// sessionDatesNote says when the two latest responses compared were started on different
// days: a split alliance is read from two ratings of one session. "" when the same day, or
// either has no date.
func sessionDatesNote(p *words.Printer, rs [2]scoredResponse) string {
	a, b := rs[0].Response.Started, rs[1].Response.Started
	if a.IsZero() || b.IsZero() || a.UTC().Format(time.DateOnly) == b.UTC().Format(time.DateOnly) {
		return ""
	}
	return p.T("note: the latest responses compared were answered on different days (%s: %s, %s: %s); a split alliance reads two ratings of the same session.",
		text.Sanitize(rs[0].Response.File), p.Date(a.UTC()), text.Sanitize(rs[1].Response.File), p.Date(b.UTC()))
}

// scoredResponse is a response read, resolved against its bank and scored.
type scoredResponse struct {
	Response *questionnaire.Response
	Answers  questionnaire.Answers
	Result   *scoring.Result
}

// compareBanks compares two responses to different banks, each scored with the built-in bank
// it names (--bank cannot name two).
func compareBanks(f *Factory, opts *CompareOptions, resps []*questionnaire.Response, readDs []questionnaire.Diagnostics, width int) error {
	p := f.Words()
	if opts.Format == "html" {
		return badInput("%s", p.T("%s answers bank %q but %s answers bank %q; --format html draws two responses to one bank: use text, markdown or json for two banks",
			resps[0].File, resps[0].Bank.ID, resps[1].File, resps[1].Bank.ID))
	}
	if opts.Bank != "" {
		return badInput("%s", p.T("%s answers bank %q but %s answers bank %q, and --bank names one bank; compare two responses to different banks when both banks are built in",
			resps[0].File, resps[0].Bank.ID, resps[1].File, resps[1].Bank.ID))
	}
	sides := make([]render.BankSide, 2)
	var scored []scoredResponse
	langs := newLanguages(f, opts.Lang)
	for i := range resps {
		b, rs, err := scoreResponses(f, resps[i:i+1], readDs[i:i+1], "", width, "compare", langs)
		if err != nil {
			return err
		}
		scored = append(scored, rs[0])
		sides[i].Bank = b
	}
	// Two banks: the interface speaks --lang, the environment's language, else the first
	// bank's.
	p = langs.words(sides[0].Bank)
	names := responseNames(p, scored)
	for i, r := range scored {
		sides[i].CompareSide = render.CompareSide{Name: names[i], Response: r.Response, Answers: r.Answers, Result: r.Result}
	}
	return render.CompareBanks(f.IO.Out, sides[0], sides[1], render.CompareOptions{
		Format: opts.Format, Width: width, ASCII: !f.IO.CanShowUnicode(), Words: p,
	})
}

// readResponses reads response files, printing what reading them found; any that cannot be
// read ends the command with exit 1.
func readResponses(f *Factory, o *opener, files []string, width int) ([]*questionnaire.Response, []questionnaire.Diagnostics, error) {
	resps := make([]*questionnaire.Response, 0, len(files))
	readDs := make([]questionnaire.Diagnostics, 0, len(files))
	failed := false
	for _, file := range files {
		raw, err := o.read(file)
		if err != nil {
			ds := fileError(file, fileProblem(f.Words(), err))
			printDiagnostics(f, ds, nil, width)
			failed = true
			continue
		}
		r, ds := questionnaire.ReadResponse(file, raw)
		printDiagnostics(f, ds, map[string][]byte{file: raw}, width)
		if r == nil {
			failed = true
			continue
		}
		resps = append(resps, r)
		readDs = append(readDs, ds)
	}
	if failed {
		return nil, nil, errSilent1
	}
	return resps, readDs, nil
}

// scoreResponses checks that the responses answer one bank, loads it (the built-in one they
// name, or bankArg), in the language langs picks (the first response's, without --lang or
// the environment's), and scores each.
func scoreResponses(f *Factory, resps []*questionnaire.Response, readDs []questionnaire.Diagnostics, bankArg string, width int, verb string, langs *languages) (*questionnaire.Bank, []scoredResponse, error) {
	for _, r := range resps[1:] {
		if r.Bank.ID != resps[0].Bank.ID {
			return nil, nil, badInput("%s", f.Words().T("%s answers bank %q but %s answers bank %q; %s needs responses to the same bank",
				resps[0].File, resps[0].Bank.ID, r.File, r.Bank.ID, verb))
		}
	}
	var b *questionnaire.Bank
	var err error
	if bankArg != "" {
		b, err = loadBank(f, bankArg, width)
	} else {
		fb, ds := (&data.Finder{}).ForResponse(resps[0])
		b, err = shownBank(f, fb, ds, resps[0].File, width)
	}
	if err != nil {
		return nil, nil, err
	}
	b = langs.in(b, resps[0].Language)
	out, err := scoreEach(f, langs.words(b), b, resps, readDs, width)
	return b, out, err
}

// scoreEach scores each response against bank b, printing what scoring found; a response
// that cannot be scored ends the command with exit 1.
func scoreEach(f *Factory, w *words.Printer, b *questionnaire.Bank, resps []*questionnaire.Response, readDs []questionnaire.Diagnostics, width int) ([]scoredResponse, error) {
	failed := false
	out := make([]scoredResponse, 0, len(resps))
	for i, r := range resps {
		answers, res, ds := scoreResponse(w, b, r)
		printDiagnostics(f, ds, sourcesOf(r.File, ds), width)
		if res == nil {
			failed = true
			continue
		}
		addWarnings(res, readDs[i]) // from reading the file
		out = append(out, scoredResponse{Response: r, Answers: answers, Result: res})
	}
	if failed {
		return nil, errSilent1
	}
	return out, nil
}

// responseNames names each response by its respondent, or its file name (without .yaml, .yml
// or .age) when it has none; names that would be the same get their file name added, and
// names still the same (one file named twice) get "(first)", "(second)" (in p's language) so
// the sides can be told apart.
func responseNames(p *words.Printer, rs []scoredResponse) []string {
	names := make([]string, len(rs))
	count := map[string]int{}
	for i, r := range rs {
		names[i] = strings.TrimSpace(r.Response.Respondent)
		if names[i] == "" {
			base := filepath.Base(r.Response.File)
			names[i] = strings.TrimSuffix(strings.TrimSuffix(strings.TrimSuffix(base, ".age"), ".yaml"), ".yml")
			if names[i] == "" {
				names[i] = base
			}
		}
		count[names[i]]++
	}
	for i, r := range rs {
		if count[names[i]] > 1 && strings.TrimSpace(r.Response.Respondent) != "" {
			names[i] = fmt.Sprintf("%s (%s)", names[i], filepath.Base(r.Response.File))
		} else if count[names[i]] > 1 {
			names[i] = r.Response.File
		}
	}
	count = map[string]int{}
	for _, n := range names {
		count[n]++
	}
	seen := map[string]int{}
	for i, n := range names {
		if count[n] > 1 {
			seen[n]++
			names[i] = fmt.Sprintf("%s (%s)", n, ordinal(p, seen[n]))
		}
	}
	return names
}

// ordinals are "first", "second", ... up to ten, in words.
var ordinals = []string{"first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"} // words:key

// ordinal is "first", "second", ... in words up to ten, then "11th", "22nd" and so on, in
// p's language (the form chosen by CLDR's ordinal rules).
func ordinal(p *words.Printer, n int) string {
	if n >= 1 && n <= len(ordinals) {
		return p.T(ordinals[n-1])
	}
	return p.T("%dth", n)
}
