package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/candor-app/candor/internal/text"
	"github.com/candor-app/candor/questionnaire"
	"github.com/candor-app/candor/questionnaire/table"
	"github.com/candor-app/candor/render"
	"github.com/candor-app/candor/scoring"
	"github.com/candor-app/candor/words"
)

// tableFlags adds the flags of `candor score` that read tables of answers.
func tableFlags(f *Factory, cmd *cobra.Command, opts *ScoreOptions) {
	cmd.Flags().StringVar(&opts.TableFormat, "table-format", "", f.Words().T("read each RESPONSE as a table of this format: csv, tsv or jsonl (needed for - , standard input)"))
	cmd.Flags().StringVar(&opts.Columns, "columns", "", f.Words().T("a mapping `FILE` from a table's headers to question ids, and from its words to answers"))
	cmd.Flags().StringSliceVar(&opts.IgnoreColumns, "ignore-columns", nil, f.Words().T("table columns to leave out, by header (comma-separated)"))
	addPreRun(cmd, func(c *cobra.Command, args []string) error {
		if opts.TableFormat != "" {
			if _, ok := table.ParseFormat(opts.TableFormat); !ok {
				return usageError("%s", f.Words().T("--table-format %q is not a table format: use %s", opts.TableFormat, strings.Join(table.Formats, ", ")))
			}
		}
		tables := false
		for _, a := range args {
			if a == "-" && opts.TableFormat == "" {
				return usageError("%s", f.Words().T("reading a table from standard input (-) needs --table-format csv, tsv or jsonl"))
			}
			if _, ok := tableFormatOf(a); ok || a == "-" || opts.TableFormat != "" {
				tables = true
			}
		}
		if !tables && (c.Flags().Changed("columns") || c.Flags().Changed("ignore-columns")) {
			return usageError("%s", f.Words().T("--columns and --ignore-columns are for tables of answers (.csv, .tsv, .jsonl)"))
		}
		if tables && opts.Bank == "" {
			return usageError("%s", f.Words().T("a table of answers needs --bank: the bank its columns answer (a built-in id or a file)"))
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
			yield(scoreItem{out: t.s.failed(name, nil, fileError(name, fileProblem(t.s.f.Words(), err)))})
			return
		}
		defer f.Close()
		if st, err := f.Stat(); err == nil && st.IsDir() {
			yield(scoreItem{out: t.s.failed(name, nil, fileError(name, t.s.f.Words().T("a table of answers is a file, not a folder")))})
			return
		}
		if in, err = t.s.open.reader(name, f); err != nil {
			yield(scoreItem{out: t.s.failed(name, nil, fileError(name, fileProblem(t.s.f.Words(), err)))})
			return
		}
	}
	r, err := table.NewReader(in, name, t.format, t.s.banks.Bank, t.s.tableOpt)
	if err != nil {
		yield(scoreItem{out: &scoreOut{path: name, diags: asDiagnostics(name, err), failed: true}})
		return
	}
	if notes := r.FormNotes(); len(notes) > 0 {
		// Said once: the form tool's columns that hold nothing candor keeps.
		quoted := make([]string, len(notes))
		for i, n := range notes {
			quoted[i] = strconv.Quote(n)
		}
		if !yield(scoreItem{out: &scoreOut{path: name, note: true, stderr: t.s.diagnostics(name, nil, questionnaire.Diagnostics{{
			Severity: questionnaire.Warning, Pos: questionnaire.Pos{File: name, Line: 1},
			Summary: t.s.f.Words().T("left out: %[2]s, columns a form tool adds that candor does not keep", len(notes), strings.Join(quoted, ", "))}})}}) {
			return
		}
	}
	for rows := 0; ; rows++ {
		row, err := r.Next()
		if errors.Is(err, io.EOF) {
			if rows == 0 {
				// Not an error (an export of nobody yet), but worth saying.
				yield(scoreItem{out: &scoreOut{path: name, note: true, stderr: t.s.diagnostics(name, nil, questionnaire.Diagnostics{{
					Severity: questionnaire.Warning, Pos: questionnaire.Pos{File: name},
					Summary: t.s.f.Words().T("the table has no rows of answers")}})}})
			}
			return
		}
		if err != nil {
			// The input itself failed (a row that cannot be read comes as a row, with its
			// problem): nothing more can be read.
			yield(scoreItem{out: t.s.failed(name, nil, asDiagnostics(name, err))})
			return
		}
		if !yield(scoreItem{path: name, row: &tableRow{r: r, row: row}}) {
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
	return fileError(name, err.Error())
}

// fileError is the one error about a file as a whole (no line), as diagnostics print it.
func fileError(file, summary string) questionnaire.Diagnostics {
	return questionnaire.Diagnostics{{Severity: questionnaire.Error, Pos: questionnaire.Pos{File: file}, Summary: summary}}
}

// tableRow decodes and scores one row. A row with a bad cell is left out and reported; its
// place in the output stays empty.
func (s *scorer) tableRow(tr *tableRow) *scoreOut {
	path := tr.r.Name() + ":" + strconv.Itoa(tr.row.Line)
	d := tr.r.Decode(tr.row)
	if len(d.Problems) > 0 {
		out := &scoreOut{path: path, diags: d.Problems, failed: true, tableRow: true}
		if s.opts.Format == "csv" {
			// Still a row of the CSV, marked refused, so nothing vanishes from the file a
			// counselor opens.
			out.bank, out.row = s.banks.Bank, s.refusedRow(path, d)
		}
		return out
	}
	// The row's answers are already read by the bank's own matcher (Decode): score them as
	// they are, without reading them a second time.
	answers := questionnaire.Answers(d.Response.Answers)
	r := scoring.Score(s.banks.Bank, answers, scoring.Options{Declined: d.Response.Declined})
	out := s.output(path, nil, s.banks.Bank, d.Response, answers, r, nil)
	out.tableRow, out.respondent = true, d.Response.Respondent
	return out
}

// refusedRow is a refused table row as a score CSV row: what the row says of who and when,
// the status "refused", no result, and the first problem (and how many more) at the end.
func (s *scorer) refusedRow(path string, d *table.Decoded) []string {
	s.tableWidthOnce.Do(func() { s.tableWidth = len(s.csvHeader(s.banks.Bank)) })
	row := make([]string, s.tableWidth)
	row[0] = render.CSVCell(path)
	copy(row[1:], render.ResponseCSVCells(d.Partial, refusedStatus))
	// A cell of a table for programs, beside the table package's own (English) problem.
	why := d.Problems[0].Error()
	if n := len(d.Problems) - 1; n > 0 {
		why += fmt.Sprintf(" (and %d more %s)", n, plural(n, "problem", "problems")) // words:none: a CSV cell for programs, in the words of the problem it follows
	}
	row[len(row)-1] = render.CSVCell(why)
	return row
}

// maxLikeThis is how many problems of one kind a run shows; the rest are counted, in one line
// at the end.
const maxLikeThis = 20

// tableReport counts the rows of a run's tables, and shows at most maxLikeThis problems of
// each kind (a kind: one table's problems of one Code, and for bad cells of one column).
type tableReport struct {
	read, scored, refused int
	// seen counts each kind's problems; over lists the kinds past the cap, in the order they
	// passed it, with their first problem.
	seen map[string]int
	over []questionnaire.Diagnostic
}

// add counts one output of a table (a row, or a table's own problems) and returns its
// problems as stderr text, leaving out those past the cap of their kind.
func (t *tableReport) add(s *scorer, out *scoreOut) []byte {
	if out.tableRow {
		t.read++
		if out.failed {
			t.refused++
		} else {
			t.scored++
		}
	}
	if t.seen == nil {
		t.seen = map[string]int{}
	}
	kept := out.diags[:0:0]
	for _, d := range out.diags {
		kind := problemKind(d)
		if kind == "" {
			kept = append(kept, d)
			continue
		}
		t.seen[kind]++
		switch n := t.seen[kind]; {
		case n <= maxLikeThis:
			kept = append(kept, d)
		case n == maxLikeThis+1:
			t.over = append(t.over, d)
		}
	}
	return s.diagnostics(out.path, nil, kept)
}

// problemKind is what problems count as one kind for the cap: a table's, of one code, and for
// bad cells of one column; "" for a problem that is always shown.
func problemKind(d questionnaire.Diagnostic) string {
	switch d.Code {
	case "":
		return ""
	case table.CodeCell:
		return d.Pos.File + "\x00" + d.Code + "\x00" + strconv.Itoa(d.Pos.Col)
	}
	return d.Pos.File + "\x00" + d.Code
}

// finish says how many problems of each kind were not shown, then how many rows the tables
// had: "N rows read, M scored, K refused", the run's last line.
func (t *tableReport) finish(s *scorer) error {
	if !s.tables {
		return nil
	}
	var more questionnaire.Diagnostics
	for _, d := range t.over {
		n := t.seen[problemKind(d)] - maxLikeThis
		more = append(more, questionnaire.Diagnostic{Severity: d.Severity, Pos: questionnaire.Pos{File: d.Pos.File},
			Summary: s.f.Words().T("and %d more like this (%s)", n, kindWords(s.f.Words(), d))})
	}
	if _, err := s.f.IO.ErrOut.Write(s.diagnostics("", nil, more)); err != nil {
		return err
	}
	_, err := s.f.Words().Tw(s.f.IO.ErrOut, "%d rows read, %d scored, %d refused\n", t.read, t.scored, t.refused)
	return err
}

// kindWords names a kind of problem, for the line that counts those not shown.
func kindWords(p *words.Printer, d questionnaire.Diagnostic) string {
	switch d.Code {
	case table.CodeCell:
		return p.T("cells of column %d that are not answers", d.Pos.Col)
	case table.CodeCells:
		return p.T("rows with another number of cells than the header has columns")
	case table.CodeColumn:
		return p.T("columns that are not questions of the bank")
	case table.CodeTwoColumns:
		return p.T("columns or keys for a question already answered")
	case table.CodeQuote:
		return p.T("rows with a quote where CSV allows none")
	case table.CodeUnclosed:
		return p.T("rows with a quote that is never closed")
	case table.CodeSpan:
		return p.T("rows over several lines that do not close cleanly")
	case table.CodeTooLong:
		return p.T("rows too long to read")
	case table.CodeNUL:
		return p.T("rows holding a NUL byte")
	case table.CodeNotObject:
		return p.T("lines that are not JSON objects of answers")
	case table.CodeDuplicateKey:
		return p.T("lines with a key written twice")
	case table.CodeTooWide:
		return p.T("lines with too many keys")
	case table.CodeMore:
		return p.T("rows with more problems than shown")
	}
	return p.T("problems like the ones above")
}

// loadColumns reads --columns against the bank.
func (s *scorer) loadColumns() error {
	s.tableOpt.Ignore = s.opts.IgnoreColumns
	if s.opts.Columns == "" {
		return nil
	}
	raw, err := questionnaire.ReadFileLimited(s.opts.Columns)
	if err != nil {
		return badInput("%s: %s", s.opts.Columns, fileProblem(s.f.Words(), err))
	}
	m, err := table.ReadMapping(raw, s.banks.Bank)
	if err != nil {
		return badInput("%s", mappingMessage(s.f.Words(), s.opts.Columns, err))
	}
	s.tableOpt.Columns = m
	return nil
}

// mappingMessage says what is wrong with a --columns file, for a counselor: where, what, and
// what a mapping file looks like, in p's language.
func mappingMessage(p *words.Printer, name string, err error) string {
	var me *table.MappingError
	if !errors.As(err, &me) {
		return name + ": " + err.Error()
	}
	where := text.Sanitize(name)
	if me.Line > 0 {
		where += ":" + strconv.Itoa(me.Line)
	}
	var shape string
	switch me.Got {
	case table.ShapeValue:
		shape = p.T("a single value")
	case table.ShapeList:
		shape = p.T("a list")
	case table.ShapeMapping:
		shape = p.T("a mapping")
	}
	looks := p.T("a mapping file has `columns:`, each table header with the question id it answers (`Q1_safe: feel_safe`), and optionally `options:`, each question id with its words and their answers (`feel_safe: {\"1\": yes, \"2\": no}`)")
	key, id := strconv.Quote(me.Key), strconv.Quote(me.ID)
	var what string
	switch me.Problem {
	case table.MappingSyntax:
		msg := me.Err.Error()
		msg = strings.TrimPrefix(msg, "yaml: ")
		if i := strings.Index(msg, ": "); strings.HasPrefix(msg, "line ") && i > 0 {
			if n, err := strconv.Atoi(msg[len("line "):i]); err == nil {
				where, msg = text.Sanitize(name)+":"+strconv.Itoa(n), msg[i+2:]
			}
		}
		what = p.T("this is not YAML that candor can read (%s); %s", msg, looks)
	case table.MappingEmpty:
		what = p.T("the file is empty; %s", looks)
	case table.MappingNotMapping:
		what = p.T("the file is %s, not a mapping; %s", shape, looks)
	case table.MappingUnknownKey:
		what = p.T("`%s` is not part of a mapping file; %s", me.Key, looks)
	case table.MappingColumns:
		what = p.T("`columns:` is %s; it lists table headers, each with the question id it answers, such as `Q1_safe: feel_safe` (an empty id, `\"\"`, leaves the column out)", shape)
	case table.MappingColumnValue:
		what = p.T("column %s is sent to %s; give it one question id, or `\"\"` to leave the column out", key, shape)
	case table.MappingOptions:
		what = p.T("`options:` is %s; it lists question ids, each with its words and the answers they mean, such as `feel_safe: {\"1\": yes, \"2\": no}`", shape)
	case table.MappingOptionWords:
		what = p.T("the options of %s are %s; give its words with the answers they mean, such as `%s: {\"1\": yes, \"2\": no}`", id, shape, me.ID)
	case table.MappingOptionValue:
		what = p.T("word %s of %s means %s; a word means one answer, such as `yes` or `2`", key, id, shape)
	case table.MappingNoQuestion:
		what = p.T("`options` names %s, which is not a question of bank %q", id, me.Bank)
	case table.MappingBadAnswer:
		what = p.T("word %s of %s: %s (%s)", key, id, me.Err.Error(), me.Allowed)
	case table.MappingTwice:
		switch me.In {
		case "":
			what = p.T("%s is written twice in the file; keep one", key)
		case "columns", "options":
			what = p.T("%s is written twice in `%s:`; keep one", key, me.In)
		default:
			what = p.T("%s is written twice in the options of %q; keep one", key, me.In)
		}
	case table.MappingAlias:
		what = p.T("a mapping file does not use aliases (`*name`); write the value out")
	default:
		what = err.Error()
	}
	return where + ": " + text.Sanitize(what)
}
