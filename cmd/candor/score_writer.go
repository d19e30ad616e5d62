package main

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"path/filepath"
	"slices"
	"strings"

	"github.com/candor-app/candor/internal/safefile"
	"github.com/candor-app/candor/internal/text"
	"github.com/candor-app/candor/interop/fhir"
	"github.com/candor-app/candor/questionnaire"
	"github.com/candor-app/candor/render"
	"github.com/candor-app/candor/words"
)

// scoreWriter writes results in order: summaries with a rule between them, or CSV rows.
// Output is buffered, and flushed whenever the next result is not ready yet and before
// anything goes to stderr, so the two streams stay in order on a terminal.
//
// Responses to several banks are grouped by bank, in the order each bank first appears: the
// first bank's results are written as they come, the others' are kept until the end. A CSV
// holds one bank (the others are counted and named in a note), or with --out-dir one table
// per bank, each written to its file at the end.
type scoreWriter struct {
	s   *scorer
	out *bufio.Writer
	csv *csv.Writer
	// groups are the banks met so far, in order; the first is written as it comes.
	groups []*scoreGroup
	byBank map[*questionnaire.Bank]*scoreGroup
	// otherBanks counts a folder's responses left out because they answer another bank than
	// --bank's, by bank id.
	otherBanks map[string]int
	// headed is true once the standard output CSV has its header: it is written with the
	// first row, or at the end of a run that scored nothing and failed nothing (no rows is a
	// result), never alone after a failure.
	headed bool
	failed bool
	// rows counts a table's rows and caps each kind of its problems (score_table.go).
	rows tableReport
}

// scoreGroup is one bank's results.
type scoreGroup struct {
	bank *questionnaire.Bank
	// n is how many results were written in the group.
	n int
	// buf holds the group's summaries or CSV rows until the end (nil for the group written
	// as it comes to standard output).
	buf *bytes.Buffer
	csv *csv.Writer
	// first is the group's first file, named in notes.
	first string
	// resources are the group's QuestionnaireResponses, for one Bundle at the end (--format
	// fhir, several responses).
	resources [][]byte
}

func newScoreWriter(s *scorer) *scoreWriter {
	w := &scoreWriter{s: s, out: bufio.NewWriterSize(s.f.IO.Out, 64<<10), byBank: map[*questionnaire.Bank]*scoreGroup{}, otherBanks: map[string]int{}}
	if s.opts.Format == "csv" && s.opts.OutDir == "" {
		w.csv = csv.NewWriter(w.out)
		if fixed := s.banks.Bank; fixed != nil {
			w.group(fixed, "")
		}
	}
	return w
}

// group returns bank b's group, starting it when b is new: the first group writes to
// standard output, the others to a buffer (with --out-dir, every group; in a CSV to standard
// output the other banks' rows are only counted, so they need none).
func (w *scoreWriter) group(b *questionnaire.Bank, path string) *scoreGroup {
	if g := w.byBank[b]; g != nil {
		return g
	}
	g := &scoreGroup{bank: b, first: path}
	switch {
	case w.s.opts.OutDir != "":
		g.buf = &bytes.Buffer{}
		g.csv = csv.NewWriter(g.buf)
		_ = g.csv.Write(w.s.csvHeader(b))
	case len(w.groups) > 0 && w.s.opts.Format != "csv":
		g.buf = &bytes.Buffer{}
	}
	w.groups = append(w.groups, g)
	w.byBank[b] = g
	return g
}

func (w *scoreWriter) write(out *scoreOut) error {
	st := w.s.f.IO
	if out.otherBank != "" {
		w.otherBanks[out.otherBank]++
		return nil
	}
	if out.tableRow || len(out.diags) > 0 {
		out.stderr = append(out.stderr, w.rows.add(w.s, out)...)
	}
	if len(out.stderr) > 0 {
		if err := w.flush(); err != nil {
			return err
		}
		if _, err := st.ErrOut.Write(out.stderr); err != nil {
			return err
		}
	}
	if out.failed {
		w.failed = true
		if out.row == nil {
			return nil
		}
		// A table's refused row: still a row of the CSV, marked refused.
	}
	if out.note {
		return nil
	}
	g := w.group(out.bank, out.path)
	if w.s.opts.Format == "csv" {
		g.n++
		switch {
		case g.csv != nil:
			return g.csv.Write(out.row)
		case g != w.groups[0]:
			return nil // another bank than the table's: counted, and named in a note at the end
		}
		if err := w.header(); err != nil {
			return err
		}
		return w.csv.Write(out.row)
	}
	if w.s.opts.Format == "fhir" && w.s.batch {
		g.n++
		g.resources = append(g.resources, out.stdout)
		return nil
	}
	dst := io.Writer(w.out)
	if g.buf != nil {
		dst = g.buf
	}
	if w.s.batch && w.s.opts.Format != "json" {
		if g.n == 0 {
			if err := w.heading(dst, g); err != nil {
				return err
			}
		}
		if err := w.separator(dst, g.n, out.path, out.respondent); err != nil {
			return err
		}
	}
	g.n++
	_, err := dst.Write(out.stdout)
	return err
}

// heading names a bank before its summaries, in a run of several responses.
func (w *scoreWriter) heading(dst io.Writer, g *scoreGroup) error {
	title := text.Clean(g.bank.Title)
	id := text.Sanitize(g.bank.ID)
	p := w.s.langs.words(g.bank)
	var h string
	if w.s.opts.Format == "markdown" {
		h = "# " + p.T("Responses to %s (%s)", render.MarkdownEscape(title), render.MarkdownEscape(id)) + "\n\n"
		if g != w.groups[0] {
			h = "\n---\n\n" + h
		}
	} else {
		rule := "═"
		if !w.s.unicode {
			rule = "="
		}
		lines := text.Wrap(p.T("Responses to %s (%s)", title, id), w.s.width)
		wide := 0
		for _, l := range lines {
			wide = max(wide, text.Width(l))
		}
		h = strings.Join(lines, "\n") + "\n" + strings.Repeat(rule, wide) + "\n\n"
		if g != w.groups[0] {
			h = "\n\n" + h
		}
	}
	_, err := io.WriteString(dst, h)
	return err
}

// bundle writes every response of a run, bank by bank, as one FHIR Bundle.
func (w *scoreWriter) bundle() error {
	var all [][]byte
	for _, g := range w.groups {
		all = append(all, g.resources...)
	}
	out, err := fhir.MarshalBundle(all)
	if err != nil {
		return err
	}
	_, err = w.out.Write(append(out, '\n'))
	return err
}

// otherBanksNote says how many responses in the folders given were left out for answering
// other banks than bankID (score and history with --bank), by bank.
func otherBanksNote(p *words.Printer, bankID string, counts map[string]int) string {
	var parts []string
	for _, id := range slices.Sorted(maps.Keys(counts)) {
		parts = append(parts, p.T("%d to %q", counts[id], text.Sanitize(id)))
	}
	return p.T("note: responses in the folder that answer other banks than %q were left out: %s.", bankID, strings.Join(parts, ", "))
}

// separator puts a rule with the file's name (after a table row's respondent, when it names
// one) before each summary of a batch; n is how many summaries of its bank came before.
func (w *scoreWriter) separator(dst io.Writer, n int, path, respondent string) error {
	name := text.Sanitize(path)
	var sep string
	if w.s.opts.Format == "markdown" {
		// Escaped as every other field is: a file name is text from outside
		// (docs/hostile-inputs.md).
		sep = fmt.Sprintf("*%s*\n\n", render.MarkdownEscape(path))
		if n > 0 {
			sep = "---\n\n" + sep
		}
	} else {
		rule := "─"
		if !w.s.unicode {
			rule = "-"
		}
		if respondent != "" {
			dot := "·"
			if !w.s.unicode {
				dot = "-"
			}
			name = text.Clean(respondent) + " " + dot + " " + name
		}
		head := rule + rule + " " + name + " "
		sep = head + strings.Repeat(rule, max(w.s.width-text.Width(head), 3)) + "\n\n"
	}
	if n > 0 {
		sep = "\n" + sep
	}
	_, err := io.WriteString(dst, sep)
	return err
}

// header writes the standard output CSV's header once, for the first bank.
func (w *scoreWriter) header() error {
	if w.headed || w.csv == nil || len(w.groups) == 0 {
		return nil
	}
	w.headed = true
	return w.csv.Write(w.s.csvHeader(w.groups[0].bank))
}

// finish writes what was kept for the end: the other banks' summaries after the first's, the
// tables of --out-dir, and the notes about responses left out.
func (w *scoreWriter) finish() error {
	if err := w.finishOutput(); err != nil {
		return err
	}
	return w.rows.finish(w.s)
}

func (w *scoreWriter) finishOutput() error {
	if w.s.opts.OutDir != "" {
		return w.writeTables()
	}
	if !w.failed {
		if err := w.header(); err != nil {
			return err
		}
	}
	if w.s.opts.Format == "fhir" && w.s.batch {
		if err := w.bundle(); err != nil {
			return err
		}
	} else if w.s.opts.Format != "csv" {
		for _, g := range w.groups[min(1, len(w.groups)):] {
			if _, err := w.out.Write(g.buf.Bytes()); err != nil {
				return err
			}
		}
	}
	if err := w.flush(); err != nil {
		return err
	}
	var notes []string
	if w.s.opts.Format == "csv" && len(w.groups) > 1 {
		p := w.s.langs.words(w.groups[0].bank)
		var other []string
		for _, g := range w.groups[1:] {
			other = append(other, p.T("%d to %q (such as %s)", g.n, g.bank.ID, text.Sanitize(g.first)))
		}
		notes = append(notes, p.T("note: this table holds the responses to %q; those to other banks are not in it: %s. Use --out-dir DIR for one table per bank, or --bank BANK for one bank's responses.",
			w.groups[0].bank.ID, strings.Join(other, ", ")))
	}
	if len(w.otherBanks) > 0 {
		notes = append(notes, otherBanksNote(w.s.langs.words(w.s.banks.Bank), w.s.banks.Bank.ID, w.otherBanks))
	}
	for _, n := range notes {
		if _, err := fmt.Fprintln(w.s.f.IO.ErrOut, strings.Join(text.Wrap(n, w.s.width), "\n")); err != nil {
			return err
		}
	}
	return nil
}

// writeTables writes each bank's table of --out-dir into its own new file (0600 in a folder
// made 0700), taking BANK-ID-2.csv, -3 … rather than replacing a file, and says where.
func (w *scoreWriter) writeTables() error {
	dir := w.s.opts.OutDir
	if err := safefile.MkdirPrivate(dir); err != nil {
		return err
	}
	for _, g := range w.groups {
		g.csv.Flush()
		if err := g.csv.Error(); err != nil {
			return err
		}
		path, err := createFree(dir, g.bank.ID, ".csv", g.buf.Bytes())
		if err != nil {
			return err
		}
		w.s.langs.words(g.bank).Tw(w.s.f.IO.ErrOut, "Wrote %d responses to %q to %s\n", g.n, g.bank.ID, text.Sanitize(path))
	}
	if len(w.groups) == 0 {
		w.s.f.Words().Tw(w.s.f.IO.ErrOut, "No responses were scored, so no table was written.\n")
	}
	return nil
}

// createFree writes data to DIR/NAME.EXT, or NAME-2.EXT, NAME-3.EXT … when taken: never over
// an existing file.
func createFree(dir, name, ext string, data []byte) (string, error) {
	for i := 1; ; i++ {
		path := filepath.Join(dir, name+ext)
		if i > 1 {
			path = filepath.Join(dir, fmt.Sprintf("%s-%d%s", name, i, ext))
		}
		err := safefile.CreateNew(path, data, safefile.FileMode)
		if err == nil || i >= 1000 || !errors.Is(err, fs.ErrExist) {
			return path, err
		}
	}
}

// flush writes out everything buffered.
func (w *scoreWriter) flush() error {
	if w.csv != nil {
		w.csv.Flush()
		if err := w.csv.Error(); err != nil {
			return err
		}
	}
	return w.out.Flush()
}
