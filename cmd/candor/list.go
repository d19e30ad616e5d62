package main

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/candor-app/candor/data"
	"github.com/candor-app/candor/internal/text"
	"github.com/candor-app/candor/questionnaire"
)

// ListOptions are the inputs of 'candor list'.
type ListOptions struct {
	Format string
	Width  int
}

// NewCmdList builds 'candor list'.
func NewCmdList(f *Factory, runF func(*ListOptions) error) *cobra.Command {
	opts := &ListOptions{}
	w := f.Words()
	cmd := &cobra.Command{
		Use:   "list",
		Short: w.T("List the built-in question banks"),
		Long: w.T(`List the question banks that come with candor: for each, its id (what you type after
'candor take'), its title, who it is for and how many questions it has.`),
		Example: "  candor list\n  candor list --format json",
		Args:    noArgs,
		RunE:    runWith(opts, nil, runF, func() error { return listRun(f, opts) }),
	}
	outputFlags(cmd, &opts.Format, &opts.Width, "text", "json")
	return cmd
}

// listedBank is one built-in bank as 'candor list --format json' prints it.
type listedBank struct {
	ID        string `json:"id"`
	Title     string `json:"title"`
	For       string `json:"for"`
	Version   string `json:"version"`
	Questions int    `json:"questions"`
	Default   bool   `json:"default"`
	// Languages are the languages it is written in, its own first (docs/spec.md §1).
	Languages []string `json:"languages"`
	// shown is the bank as the text shows it: in the interface's language when it is written
	// in it, else in its own.
	shown *questionnaire.Bank
}

func listRun(f *Factory, opts *ListOptions) error {
	// Short lines read better than a count pushed to the far edge of a wide terminal.
	width := min(resolveWidth(f, opts.Width), 64)
	var banks []listedBank
	langs := newLanguages(f, "")
	for _, id := range data.IDs() {
		b, ds := data.Builtin(id) // never a file of that name in the current folder
		if b == nil {
			// A built-in bank always loads (its tests make sure); say so plainly if not.
			printDiagnostics(f, ds, sourcesOf(id, ds), width)
			return errSilent1
		}
		banks = append(banks, listedBank{ID: b.ID, Title: b.Title, For: b.For, Version: b.Version,
			Questions: b.QuestionCount(), Default: id == data.DefaultBank, Languages: b.Languages, shown: langs.in(b, "")})
	}
	if opts.Format == "json" {
		if banks == nil {
			banks = []listedBank{}
		}
		enc := json.NewEncoder(f.IO.Out)
		enc.SetIndent("", "  ")
		return enc.Encode(banks)
	}
	w := f.Words()
	var out strings.Builder
	for i, lb := range banks {
		if i > 0 {
			out.WriteString("\n")
		}
		head := lb.ID
		if lb.Default {
			head = w.T("%s (the default)", lb.ID)
		}
		n := w.T("%d questions", lb.Questions)
		if gap := width - text.Width(head) - text.Width(n); gap >= 2 {
			out.WriteString(head + strings.Repeat(" ", gap) + n + "\n")
		} else {
			out.WriteString(head + ", " + n + "\n")
		}
		for _, l := range text.WrapIndent(text.Clean(lb.shown.Title), width, "    ", "    ") {
			out.WriteString(l + "\n")
		}
		if lb.shown.For != "" {
			for _, l := range text.WrapIndent(w.T("For %s", text.Clean(lb.shown.For)), width, "    ", "    ") {
				out.WriteString(l + "\n")
			}
		}
	}
	w.Tw(&out, "\nTake one with 'candor take ID', or print it with 'candor show ID'.\n")
	if more := otherLanguages(banks); len(more) > 0 {
		w.Tw(&out, "Also written in %s: add --lang %s.\n", strings.Join(more, ", "), more[0])
	}
	_, err := fmt.Fprint(f.IO.Out, out.String())
	return err
}

// otherLanguages are the languages some bank is written in besides the one it is shown in,
// sorted.
func otherLanguages(banks []listedBank) []string {
	var out []string
	for _, b := range banks {
		for _, l := range b.Languages {
			if l != b.shown.Language && !slices.Contains(out, l) {
				out = append(out, l)
			}
		}
	}
	slices.Sort(out)
	return out
}
