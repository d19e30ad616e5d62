package main

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/candor-app/candor/internal/text"
	"github.com/candor-app/candor/questionnaire"
	"github.com/candor-app/candor/render"
	"github.com/candor-app/candor/store"
	"github.com/candor-app/candor/words"
)

// HistoryOptions are the inputs of 'candor history'.
type HistoryOptions struct {
	Files  []string
	Bank   string
	Format string
	Width  int
	// Identities are key files that open encrypted responses (--identity).
	Identities []string
	// Lang is the language to show the bank's words in (--lang).
	Lang string
}

// NewCmdHistory builds 'candor history RESPONSE...'.
func NewCmdHistory(f *Factory, runF func(*HistoryOptions) error) *cobra.Command {
	opts := &HistoryOptions{}
	p := f.Words()
	cmd := &cobra.Command{
		Use:   "history RESPONSE...", // words:none: the command line's syntax
		Short: p.T("Follow one person's scores over time"),
		Long: p.T(`Show how one person's scores moved over time, from responses to the same bank taken
weeks apart. They are put in order by the date in each file (oldest first), whatever order
you name them in. A folder stands for its response files (*.yaml, *.yml, *.age).

You see a table of every score by date with its band, and a chart of each score across the
dates with the band boundaries marked. --format markdown gives the same table and charts
for notes; --format csv one row per response for a spreadsheet (each score and its band,
the flags raised and the outcome, and a safety mark); --format json the full results.
Warnings about a response (a changed bank, answers to questions it no longer has) are shown
with them.

A response with an urgent flag, or with a safety question left unanswered, keeps its
scores but shows no band: each value is marked "(urgent flag)" or "(safety question open)",
its bars are not drawn and it is left out of the change from the first to the latest.

A score whose bank declares its reliability and spread (a score's change: keys, from a
published source) is judged as Jacobson and Truax (1991) do: each change from the first
response and from the previous one is a reliable improvement, a reliable deterioration, no
reliable change (|RCI| up to 1.96), or recovered (a reliable improvement that crosses the
cut-off). Marked responses are left out of it. Other scores show movement only, and say
why. A score with an alert (session-check's) raises a flag for the counselor when it falls
below its level, or by its drop since the response before.

--format html draws each score as a line chart (bands shaded, the cut-off dashed, reliable
changes and marked responses marked) with the same numbers in a table, in one page that
works offline, without scripts, and prints in black and white.

The bank is the built-in one the responses name, or --bank FILE for a bank of your own.`),
		Example: "  candor history sam-*.yaml\n" + // words:none: a command line
			"  candor history sam-*.yaml --format html > sam.html\n" + // words:none: a command line
			"  candor history sam/\n" + // words:none: a command line
			"  candor history week1.yaml week4.yaml week8.yaml --bank my-bank.yaml\n" + // words:none: a command line
			"  candor history sam-*.yaml --format csv > sam.csv", // words:none: a command line
		Args: minArgs(1, p.T("at least one response file")),
		RunE: runWith(opts, func(args []string) { opts.Files = args }, runF, func() error { return historyRun(f, opts) }),
	}
	bankFlag(cmd, &opts.Bank, p.T("the bank the responses answer (a file or a built-in id), when it is not built in"))
	langFlag(f, cmd, &opts.Lang, p.T("show the bank's words in `LANG` (such as es or en), where it is written in it (default: $LANG's language, else the first response's)"))
	outputFlags(cmd, &opts.Format, &opts.Width, "text", "markdown", "html", "csv", "json")
	identityFlag(cmd, &opts.Identities)
	return cmd
}

func historyRun(f *Factory, opts *HistoryOptions) error {
	width := resolveWidth(f, opts.Width)
	files, inFolder, err := responseFiles(f.Words(), opts.Files)
	if err != nil {
		return err
	}
	o, err := newOpener(f, opts.Identities)
	if err != nil {
		return err
	}
	resps, readDs, err := readResponses(f, o, files, width)
	if err != nil {
		return err
	}
	langs := newLanguages(f, opts.Lang)
	b, rs, err := scoreFolders(f, resps, readDs, inFolder, opts.Bank, width, "history", langs)
	if err != nil {
		return err
	}
	entries := make([]render.HistoryEntry, len(rs))
	for i, r := range rs {
		entries[i] = render.HistoryEntry{Response: r.Response, Result: r.Result}
	}
	p := langs.words(b)
	if note := differentPeopleNote(p, entries); note != "" {
		fmt.Fprintln(f.IO.ErrOut, "candor: "+note)
	}
	return render.History(f.IO.Out, b, entries, render.HistoryOptions{
		Format: opts.Format, Width: width, ASCII: !f.IO.CanShowUnicode(), Words: p,
	})
}

// scoreFolders scores responses read from files and folders (inFolder[i] says which): with
// --bank, as score does, a folder's responses to other banks than its are left out with a note
// and a file named on its own is scored as it is (docs/spec.md §4); without, all must answer
// the one bank they name.
func scoreFolders(f *Factory, resps []*questionnaire.Response, readDs []questionnaire.Diagnostics, inFolder []bool, bankArg string, width int, verb string, langs *languages) (*questionnaire.Bank, []scoredResponse, error) {
	if bankArg == "" || !slices.Contains(inFolder, true) {
		return scoreResponses(f, resps, readDs, bankArg, width, verb, langs)
	}
	b, err := loadBank(f, bankArg, width)
	if err != nil {
		return nil, nil, err
	}
	others := map[string]int{}
	kept, keptDs := resps[:0:0], readDs[:0:0]
	for i, r := range resps {
		if inFolder[i] && r.Bank.ID != b.ID {
			others[r.Bank.ID]++
			continue
		}
		kept, keptDs = append(kept, r), append(keptDs, readDs[i])
	}
	if len(others) > 0 {
		fmt.Fprintln(f.IO.ErrOut, strings.Join(text.Wrap(otherBanksNote(langs.words(b), b.ID, others), width), "\n"))
	}
	if len(kept) == 0 {
		return nil, nil, badInput("%s", langs.words(b).T("none of the responses answer bank %q", b.ID))
	}
	b = langs.in(b, kept[0].Language)
	rs, err := scoreEach(f, langs.words(b), b, kept, keptDs, width)
	return b, rs, err
}

// differentPeopleNote warns when the responses may be from more than one person: they name
// different people, or some name a person and some name no one. "" when they are one
// person's (or all name no one).
func differentPeopleNote(p *words.Printer, entries []render.HistoryEntry) string {
	names, unnamed := render.HistoryPeople(entries)
	who := text.Sanitize(strings.Join(names, ", "))
	switch {
	case len(names) > 1 && unnamed == 0:
		return p.T("note: these responses name different people (%s); history follows one person over time, and 'candor compare' puts two side by side", who)
	case len(names) > 0 && unnamed > 0:
		return p.T("note: these responses may be from different people (%s, and %d that name no one); history follows one person over time, and 'candor compare' puts two side by side", who, unnamed)
	}
	return ""
}

// responseFiles turns each folder among args into its response files (*.yaml, *.yml, *.age, sorted
// by name), as score does; files are kept as given (reading them reports what is wrong).
// inFolder[i] says whether files[i] came from a folder.
func responseFiles(w *words.Printer, args []string) (files []string, inFolder []bool, err error) {
	for _, arg := range args {
		names, isDir, ferr := store.Folder(arg)
		switch {
		case !isDir:
			files, inFolder = append(files, arg), append(inFolder, false)
			continue
		case ferr != nil:
			return nil, nil, badInput("%s: %s", arg, folderProblem(w, ferr))
		}
		for n := range names.All() {
			files, inFolder = append(files, filepath.Join(arg, n)), append(inFolder, true)
		}
	}
	return files, inFolder, nil
}
