package main

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/candor-app/candor/questionnaire"
	"github.com/candor-app/candor/questionnaire/table"
	"github.com/candor-app/candor/scoring"
)

// tableFlags adds the flags of `candor score` that read tables of answers.
func tableFlags(cmd *cobra.Command, opts *ScoreOptions) {
	cmd.Flags().StringVar(&opts.TableFormat, "table-format", "", "read each RESPONSE as a table of this format: csv, tsv or jsonl (needed for - , standard input)")
	cmd.Flags().StringVar(&opts.Columns, "columns", "", "a mapping `FILE` from a table's headers to question ids, and from its words to answers")
	cmd.Flags().StringSliceVar(&opts.IgnoreColumns, "ignore-columns", nil, "table columns to leave out, by header (comma-separated)")
	addPreRun(cmd, func(c *cobra.Command, args []string) error {
		if opts.TableFormat != "" {
			if _, ok := table.ParseFormat(opts.TableFormat); !ok {
				return usageError("--table-format %q is not a table format: use %s", opts.TableFormat, strings.Join(table.Formats, ", "))
			}
		}
		tables := false
		for _, a := range args {
			if a == "-" && opts.TableFormat == "" {
				return usageError("reading a table from standard input (-) needs --table-format csv, tsv or jsonl")
			}
			if _, ok := tableFormatOf(a); ok || a == "-" || opts.TableFormat != "" {
				tables = true
			}
		}
		if !tables && (c.Flags().Changed("columns") || c.Flags().Changed("ignore-columns")) {
			return usageError("--columns and --ignore-columns are for tables of answers (.csv, .tsv, .jsonl)")
		}
		if tables && opts.Bank == "" {
			return usageError("a table of answers needs --bank: the bank its columns answer (a built-in id or a file)")
		}
		return nil
	})
}

// tableFormatOf is the table format a file's name ends with (.csv, .tsv, .jsonl), before an
// .age ending for an encrypted table (ids.csv.age).
func tableFormatOf(name string) (table.Format, bool) {
	if ext := filepath.Ext(name); strings.EqualFold(ext, ".age") {
		name = strings.TrimSuffix(name, ext)
	}
	return table.FormatOf(name)
}

// scoreTable is a RESPONSE argument that is a table of answers, one row a response.
type scoreTable struct {
	s      *scorer
	path   string
	format table.Format
	// estimate guesses the row count from the file's size, to size the work.
	estimate int
}

// asTable returns the table an argument names (by --table-format, or by its extension), or nil.
func (s *scorer) asTable(arg string) *scoreTable {
	f, ok := table.ParseFormat(s.opts.TableFormat)
	if !ok {
		if f, ok = tableFormatOf(arg); !ok {
			return nil
		}
	}
	st, err := os.Stat(arg)
	if err == nil && st.IsDir() {
		return nil
	}
	t := &scoreTable{s: s, path: arg, format: f, estimate: 1}
	if err == nil {
		t.estimate = max(int(st.Size()/64), 1)
	}
	return t
}

// tableRow is one row to score, with the reader that decodes it.
type tableRow struct {
	r   *table.Reader
	row *table.Row
	err error
}

// items reads the table's rows, in order, one at a time: memory stays flat however many rows.
// A table that cannot be opened or whose header does not match is one failed item.
func (t *scoreTable) items(yield func(scoreItem) bool) {
	name := t.path
	var in io.Reader
	if t.path == "-" {
		name, in = "stdin", t.s.f.IO.In
	} else {
		f, err := questionnaire.OpenFile(t.path)
		if err != nil {
			yield(scoreItem{out: t.s.failed(name, nil, questionnaire.Diagnostics{{Severity: questionnaire.Error, Pos: questionnaire.Pos{File: name}, Summary: err.Error()}})})
			return
		}
		defer f.Close()
		if st, err := f.Stat(); err == nil && st.IsDir() {
			yield(scoreItem{out: t.s.failed(name, nil, questionnaire.Diagnostics{{Severity: questionnaire.Error, Pos: questionnaire.Pos{File: name}, Summary: "a table of answers is a file, not a folder"}})})
			return
		}
		if in, err = t.s.open.reader(name, f); err != nil {
			yield(scoreItem{out: t.s.failed(name, nil, questionnaire.Diagnostics{{Severity: questionnaire.Error, Pos: questionnaire.Pos{File: name}, Summary: err.Error()}})})
			return
		}
	}
	r, err := table.NewReader(in, name, t.format, t.s.banks.Bank, t.s.tableOpt)
	if err != nil {
		yield(scoreItem{out: t.s.failed(name, nil, asDiagnostics(name, err))})
		return
	}
	for rows := 0; ; rows++ {
		row, err := r.Next()
		if errors.Is(err, io.EOF) {
			if rows == 0 {
				// Not an error (an export of nobody yet), but worth saying.
				yield(scoreItem{out: &scoreOut{path: name, note: true, stderr: t.s.diagnostics(name, nil, questionnaire.Diagnostics{{
					Severity: questionnaire.Warning, Pos: questionnaire.Pos{File: name},
					Summary: "the table has no rows of answers"}})}})
			}
			return
		}
		if err != nil && row == nil {
			// A CSV or TSV row that cannot be read ends the table: what follows it cannot be
			// told apart from it.
			yield(scoreItem{out: t.s.failed(name, nil, asDiagnostics(name, err))})
			return
		}
		if !yield(scoreItem{path: name, row: &tableRow{r: r, row: row, err: err}}) {
			return
		}
	}
}

// asDiagnostics turns an error of the table package into diagnostics.
func asDiagnostics(name string, err error) questionnaire.Diagnostics {
	var ds questionnaire.Diagnostics
	if errors.As(err, &ds) {
		return ds
	}
	return questionnaire.Diagnostics{{Severity: questionnaire.Error, Pos: questionnaire.Pos{File: name}, Summary: err.Error()}}
}

// tableRow decodes and scores one row. A row with a bad cell is left out and reported; its
// place in the output stays empty.
func (s *scorer) tableRow(tr *tableRow) *scoreOut {
	path := tr.r.Name() + ":" + strconv.Itoa(tr.row.Line)
	if tr.err != nil {
		return s.failed(path, nil, asDiagnostics(tr.r.Name(), tr.err))
	}
	d := tr.r.Decode(tr.row)
	if len(d.Problems) > 0 {
		return s.failed(path, nil, d.Problems)
	}
	// The row's answers are already read by the bank's own matcher (Decode): score them as
	// they are, without reading them a second time.
	answers := questionnaire.Answers(d.Response.Answers)
	r := scoring.Score(s.banks.Bank, answers, scoring.Options{})
	return s.output(path, nil, s.banks.Bank, d.Response, answers, r, nil)
}

// loadColumns reads --columns against the bank.
func (s *scorer) loadColumns() error {
	s.tableOpt.Ignore = s.opts.IgnoreColumns
	if s.opts.Columns == "" {
		return nil
	}
	raw, err := questionnaire.ReadFileLimited(s.opts.Columns)
	if err != nil {
		return badInput("%s: %v", s.opts.Columns, err)
	}
	m, err := table.ReadMapping(s.opts.Columns, raw, s.banks.Bank)
	if err != nil {
		return badInput("%v", err)
	}
	s.tableOpt.Columns = m
	return nil
}
