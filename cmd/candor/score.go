package main

import (
	"bytes"
	"encoding/json"
	"io"
	"path/filepath"
	"sync"

	"github.com/spf13/cobra"

	"github.com/candor-app/candor/data"
	"github.com/candor-app/candor/internal/batch"
	"github.com/candor-app/candor/questionnaire"
	"github.com/candor-app/candor/questionnaire/diagtext"
	"github.com/candor-app/candor/questionnaire/table"
	"github.com/candor-app/candor/render"
	"github.com/candor-app/candor/scoring"
	"github.com/candor-app/candor/store"
)

// ScoreOptions are the inputs of 'candor score'.
type ScoreOptions struct {
	// Responses are response files or folders of them.
	Responses []string
	// Bank is a bank file or built-in id to score with, instead of the one each response names.
	Bank   string
	Format string
	Width  int
	// ASCII draws bars without block characters.
	ASCII bool
	// Workers is how many responses are scored at once; 0 means runtime.GOMAXPROCS.
	Workers int
	// TableFormat reads every RESPONSE that is not a folder as a table of this format (csv,
	// tsv, jsonl); empty tells tables by their extension. "-" is standard input.
	TableFormat string
	// Lang is the language to show the bank's words in (--lang); empty: the environment's,
	// else the one each response was answered in.
	Lang string
	// Columns is a --columns mapping file for tables.
	Columns string
	// IgnoreColumns are table columns to leave out.
	IgnoreColumns []string
	// Items adds every question with its answer: a section in text and markdown, "items" in
	// JSON, one column a question in CSV.
	Items bool
	// OutDir, with --format csv, writes one table per bank into this folder
	// (<bank-id>.csv) instead of one table to standard output.
	OutDir string
	// Identities are key files that open encrypted responses (--identity).
	Identities []string

	// batchSize is how many consecutive responses a worker takes at a time; 0 chooses from
	// the count (tests set it).
	batchSize int
}

// NewCmdScore builds 'candor score RESPONSE...'.
func NewCmdScore(f *Factory, runF func(*ScoreOptions) error) *cobra.Command {
	opts := &ScoreOptions{}
	p := f.Words()
	cmd := &cobra.Command{
		Use:   "score RESPONSE...", // words:none: the command line's syntax
		Short: p.T("Score saved responses"),
		Long: p.T(`Score saved responses and print their summaries. A RESPONSE is a file written by
'candor take', or a folder: every .yaml and .yml file in it, in name order.

Each response is scored with the built-in bank it names, or with --bank (a file or a built-in
id). A response that cannot be read is reported and the others are still scored; the exit
status is then 1.

Formats: text (the default) and markdown print each summary; html prints one response's
summary as a web page (one file, nothing loaded from elsewhere); json prints the scored result
(one object for one response, one line per response for several, with "file" and
"respondent" added); csv prints one row per response for spreadsheets: file, respondent,
started, updated, status, then <score>_value and <score>_band for every score of the bank;
fhir prints an HL7 FHIR R4 QuestionnaireResponse (the answers, for the Questionnaire that
'candor export' writes), and for several responses one Bundle of them (docs/fhir.md).

A folder may hold responses to several banks. Summaries (text, markdown) and JSON lines are
then grouped by bank, in the order each bank first appears, a heading before each bank's
summaries. A CSV holds one bank's columns: the first bank's responses go to standard output,
and a note says how many answer other banks; --out-dir DIR writes one table per bank instead
(DIR/BANK-ID.csv, readable by you alone; an existing file is never replaced: the next free name
BANK-ID-2.csv is taken, and candor says which files it wrote). With --bank, a folder's
responses to other banks are left out, with a note.`),
		Example: "  candor score ~/.local/share/candor/candor-20261122-090000.yaml\n" + // words:none: a command line
			"  candor score --format csv ~/.local/share/candor/ > scores.csv\n" + // words:none: a command line
			"  candor score --format csv --out-dir tables ~/clients/\n" + // words:none: a command line
			"  candor score --bank my-bank.yaml --format json answers.yaml", // words:none: a command line
		Args: minArgs(1, p.T("at least one response file or folder")),
		RunE: runWith(opts, func(args []string) { opts.Responses = args }, runF, func() error { return scoreRun(f, opts) }),
	}
	bankFlag(cmd, &opts.Bank, p.T("score with this bank (a file or a built-in id) instead of the one each response names"))
	langFlag(f, cmd, &opts.Lang, p.T("show the bank's words in `LANG` (such as es or en), where it is written in it (default: $LANG's language, else the one answered in)"))
	outputFlags(cmd, &opts.Format, &opts.Width, "text", "markdown", "html", "json", "csv", "fhir")
	cmd.Flags().BoolVar(&opts.ASCII, "ascii", false, p.T("draw bars with plain ASCII characters"))
	cmd.Flags().BoolVar(&opts.Items, "items", false, p.T("show every question with its answer (in CSV: one column a question, for R, SPSS or a spreadsheet)"))
	cmd.Flags().StringVar(&opts.OutDir, "out-dir", "", p.T("with --format csv: write one table per bank into this `DIR` (BANK-ID.csv; never over an existing file)")) // words:none: the flag's name (its usage is a key)
	addPreRun(cmd, func(c *cobra.Command, args []string) error {
		if opts.OutDir != "" && opts.Format != "csv" {
			return usageError("%s", f.Words().T("--out-dir writes CSV tables, one per bank: add --format csv"))
		}
		if opts.Items && opts.Format == "fhir" {
			return usageError("%s", f.Words().T("--items adds questions to a summary or a table; --format fhir has every answer already"))
		}
		return nil
	})
	tableFlags(f, cmd, opts)
	identityFlag(cmd, &opts.Identities)
	return cmd
}

// scoreOut is what one response prints: diagnostics for stderr, then its result for stdout.
type scoreOut struct {
	path string
	// respondent names a table's row in the heading of its summary.
	respondent string
	stderr     []byte
	stdout     []byte
	// failed is true when the response could not be scored (exit 1 at the end).
	failed bool
	// note is true for a message alone (stderr), with no result.
	note bool
	// bank and row are kept for CSV, whose header comes from the first bank scored.
	bank *questionnaire.Bank
	row  []string
	// otherBank is the bank id of a folder's response left out because it answers another
	// bank than --bank's.
	otherBank string
	// diags are a table's problems, written by the writer (which caps each kind of them)
	// instead of stderr; tableRow is set for a row of a table, scored or refused (counted).
	diags    questionnaire.Diagnostics
	tableRow bool
}

// scorer holds what every worker shares: the options and the banks, each loaded once.
type scorer struct {
	f      *Factory
	opts   *ScoreOptions
	width  int
	batch  bool
	color  bool
	colorE bool
	// unicode is whether the terminal can show block and box characters; ascii is --ascii or
	// its lack: worked out once, not for every response.
	unicode, ascii bool

	// banks finds each response's bank: --bank, or the built-in bank it names, loaded once.
	banks *data.Finder
	// langs picks the language each bank is shown in.
	langs *languages
	// tableOpt are --columns and --ignore-columns, for tables.
	tableOpt table.Options
	// tables is set when any RESPONSE is a table: the run ends with a count of its rows.
	tables bool
	// open reads response files and tables, opening encrypted ones.
	open *opener
	// tableWidth is the number of columns of a table's score CSV (refusedRow), worked out
	// once.
	tableWidth     int
	tableWidthOnce sync.Once
}

func scoreRun(f *Factory, opts *ScoreOptions) error {
	s := &scorer{
		f: f, opts: opts, width: resolveWidth(f, opts.Width),
		color: f.IO.ColorEnabled(), colorE: f.IO.ColorEnabledStderr(),
		unicode: f.IO.CanShowUnicode(), ascii: opts.ASCII || !f.IO.CanShowUnicode(),
		langs: newLanguages(f, opts.Lang),
		banks: &data.Finder{Hint: func(r *questionnaire.Response) string {
			return f.Words().T("score it with the bank's file: candor score --bank FILE %s", shellQuote(r.File))
		}},
	}
	open, openErr := newOpener(f, opts.Identities)
	if openErr != nil {
		return openErr
	}
	s.open = open
	if opts.Bank != "" {
		b, err := loadBank(f, opts.Bank, s.width)
		if err != nil {
			return err
		}
		s.banks.Bank = b
		if err := s.loadColumns(); err != nil {
			return err
		}
	}
	sources, count, folders := s.expand(opts.Responses)
	s.batch = len(opts.Responses) > 1 || count > 1 || folders
	if s.batch && opts.Format == "html" {
		return usageError("%s", f.Words().T("--format html writes one response's summary as a page; score one file at a time"))
	}
	defer batch.TuneGC(count)()
	items := func(yield func(scoreItem) bool) {
		for _, src := range sources {
			for it := range src.items() {
				if !yield(it) {
					return
				}
			}
		}
	}
	w := newScoreWriter(s)
	failed := false
	// Results are written in the order given, as soon as each is ready; when the next is not
	// ready, what is written so far is shown.
	err := batch.Ordered(items, s.item, func(out *scoreOut) error {
		err := w.write(out) // may leave a response out of a CSV, and mark it failed
		failed = failed || out.failed
		return err
	}, batch.Options{Workers: opts.Workers, Size: opts.batchSize, Count: count, Wait: w.flush})
	if err == nil {
		err = w.finish()
	}
	if err == nil {
		err = w.flush()
	}
	if err != nil {
		return badInput("%s", f.Words().T("cannot write the results: %v", err))
	}
	if failed {
		return errSilent1
	}
	return nil
}

// scoreItem is a response file to score, a table's row (row set), or (out set) a folder's
// or table's error to report.
type scoreItem struct {
	path string
	out  *scoreOut
	row  *tableRow
	// inFolder is true for a file found in a folder (not named on the command line).
	inFolder bool
}

// item scores one item: a folder's error is reported in its place.
func (s *scorer) item(it scoreItem) *scoreOut {
	switch {
	case it.out != nil:
		return it.out
	case it.row != nil:
		return s.tableRow(it.row)
	}
	return s.one(it.path, it.inFolder)
}

// scoreSource is one RESPONSE argument: a file, a folder's response files, or a folder's
// error.
type scoreSource struct {
	path string
	// names are a folder's response files; nil for a file.
	names *batch.Names
	out   *scoreOut
	// table is set for a table of answers, one row a response.
	table *scoreTable
}

// items yields the source's files (joined to the folder's path one at a time, so that only
// the names are held for a large folder), or its error.
func (src scoreSource) items() func(yield func(scoreItem) bool) {
	return func(yield func(scoreItem) bool) {
		switch {
		case src.out != nil:
			yield(scoreItem{out: src.out})
		case src.table != nil:
			src.table.items(yield)
		case src.names == nil:
			yield(scoreItem{path: src.path})
		default:
			for n := range src.names.All() {
				if !yield(scoreItem{path: filepath.Join(src.path, n), inFolder: true}) {
					return
				}
			}
		}
	}
}

// expand turns folders into their response files (*.yaml, *.yml, *.age, sorted by name). A folder
// that cannot be read, or holds no response files, becomes an error in its place. It returns
// the sources, how many responses and errors they give, and whether any argument is a folder.
//
// Output comes in name order, so a folder's names are all read before the first is scored:
// the one part of memory that grows with the count, kept small (see batch.ReadDir).
func (s *scorer) expand(args []string) (sources []scoreSource, count int, folders bool) {
	for _, arg := range args {
		if t := s.asTable(arg); t != nil {
			s.tables = true
			sources = append(sources, scoreSource{path: arg, table: t})
			count += t.estimate
			folders = true // a table holds many responses
			continue
		}
		names, isDir, err := store.Folder(arg)
		switch {
		case !isDir:
			sources = append(sources, scoreSource{path: arg}) // reading it reports what is wrong
			count++
			continue
		case err != nil:
			sources = append(sources, scoreSource{out: s.folderError(arg, folderProblem(s.f.Words(), err))})
			count++
		default:
			sources = append(sources, scoreSource{path: arg, names: names})
			count += names.Len()
		}
	}
	return sources, count, folders
}

// folderError is the failed output for a folder that gives no responses.
func (s *scorer) folderError(dir, summary string) *scoreOut {
	var buf bytes.Buffer
	ds := fileError(dir, summary)
	_ = diagtext.Write(&buf, advisedIn(s.f.Words(), ds), nil, diagtext.Options{Color: s.colorE, Width: s.width})
	return &scoreOut{path: dir, stderr: buf.Bytes(), failed: true}
}

// one reads, checks, scores and renders one response. It never panics on bad input: every
// problem becomes a diagnostic in out.stderr.
//
// A response in a folder that answers another bank than --bank's is left out (otherBank set).
func (s *scorer) one(path string, inFolder bool) *scoreOut {
	raw, err := s.open.read(path)
	if err != nil {
		return s.failed(path, nil, fileError(path, fileProblem(s.f.Words(), err)))
	}
	resp, ds := questionnaire.ReadResponse(path, raw)
	if resp == nil {
		return s.failed(path, raw, ds)
	}
	if fixed := s.banks.Bank; inFolder && fixed != nil && resp.Bank.ID != "" && resp.Bank.ID != fixed.ID {
		return &scoreOut{path: path, otherBank: resp.Bank.ID}
	}
	b, bds := s.banks.ForResponse(resp)
	ds = append(ds, bds...)
	if b == nil {
		return s.failed(path, raw, ds)
	}
	b = s.langs.in(b, resp.Language)
	return s.scored(path, raw, b, resp, ds)
}

// diagnostics prints ds as stderr text, quoting lines of raw (the file at path) when given.
func (s *scorer) diagnostics(path string, raw []byte, ds questionnaire.Diagnostics) []byte {
	if len(ds) == 0 {
		return nil
	}
	var buf bytes.Buffer
	var sources map[string][]byte
	if raw != nil {
		sources = map[string][]byte{path: raw}
	}
	_ = diagtext.Write(&buf, advisedIn(s.f.Words(), ds), sources, diagtext.Options{Color: s.colorE, Width: s.width})
	return buf.Bytes()
}

// failed is the output of a response that cannot be scored.
func (s *scorer) failed(path string, raw []byte, ds questionnaire.Diagnostics) *scoreOut {
	return &scoreOut{path: path, stderr: s.diagnostics(path, raw, ds), failed: true}
}

// scored scores resp with b and renders it; ds are what reading it found so far.
func (s *scorer) scored(path string, raw []byte, b *questionnaire.Bank, resp *questionnaire.Response, ds questionnaire.Diagnostics) *scoreOut {
	answers, r, rds := scoreResponse(s.langs.words(b), b, resp)
	ds = append(ds, rds...)
	if r == nil {
		return s.failed(path, raw, ds)
	}
	return s.output(path, raw, b, resp, answers, r, ds)
}

// output renders one scored response (a CSV row, or its summary) with what reading it found.
func (s *scorer) output(path string, raw []byte, b *questionnaire.Bank, resp *questionnaire.Response, answers questionnaire.Answers, r *scoring.Result, ds questionnaire.Diagnostics) *scoreOut {
	addWarnings(r, ds)
	out := &scoreOut{path: path, bank: b, stderr: s.diagnostics(path, raw, ds)}
	if s.opts.Format == "csv" {
		out.row = csvRow(path, b, resp, r)
		if s.opts.Items {
			lead := len(scoreCSVLead)
			out.row = append(out.row[:lead:lead], append(render.CSVItemCells(b, answers), out.row[lead:]...)...)
		}
		if s.tables {
			out.row = append(out.row, "") // refused_because
		}
		return out
	}
	var buf bytes.Buffer
	if err := s.render(&buf, b, r, resp, answers); err != nil {
		return s.failed(path, nil, fileError(path, s.f.Words().T("cannot write the summary: %v", err)))
	}
	out.stdout = buf.Bytes()
	return out
}

// scoreLine is one line of JSON Lines: the docs/spec.md §3 result with the file and respondent
// (and with --items, every question and its answer).
type scoreLine struct {
	File       string  `json:"file"`
	Respondent *string `json:"respondent"`
	*scoring.Result
	Items []render.Item `json:"items,omitempty"`
}

// withItems is one response's JSON result with --items.
type withItems struct {
	*scoring.Result
	Items []render.Item `json:"items"`
}

func (s *scorer) render(w io.Writer, b *questionnaire.Bank, r *scoring.Result, resp *questionnaire.Response, answers questionnaire.Answers) error {
	var items []render.Item
	if s.opts.Items {
		items = render.Items(b, answers, r)
	}
	p := s.langs.words(b)
	switch {
	case s.opts.Format == "json" && s.batch:
		line := scoreLine{File: resp.File, Result: render.Worded(p, b, r), Items: items}
		if resp.Respondent != "" {
			line.Respondent = &resp.Respondent
		}
		return json.NewEncoder(w).Encode(line)
	case s.opts.Format == "json" && s.opts.Items:
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(withItems{Result: render.Worded(p, b, r), Items: items})
	}
	date := resp.Updated
	if date.IsZero() {
		date = resp.Started
	}
	if s.opts.Format == "fhir" {
		return writeFHIRResponse(w, b, answers, resp, r, date, !s.batch)
	}
	err := render.Summary(w, b, r, render.Options{
		Words:      p,
		Format:     s.opts.Format,
		Width:      s.width,
		Color:      s.color,
		ASCII:      s.ascii,
		Date:       date,
		Source:     resp.File,
		Counselor:  true,
		Respondent: resp.Respondent,
	})
	if err == nil && s.opts.Items && (s.opts.Format == "text" || s.opts.Format == "markdown") {
		err = render.ItemsText(w, p, items, s.opts.Format, s.width, s.ascii)
	}
	return err
}

// scoreCSVLead are the columns of a score CSV before render.CSVHeader's.
var scoreCSVLead = append([]string{"file"}, render.ResponseCSVLead...)

// csvHeader is the CSV header for bank b: the lead columns, with --items a column for every
// question, then the scores, flags and outcome.
func (s *scorer) csvHeader(b *questionnaire.Bank) []string {
	lead := scoreCSVLead
	if s.opts.Items {
		lead = append(append([]string(nil), lead...), render.CSVItemHeader(b)...)
	}
	h := render.CSVHeader(b, lead...)
	if s.tables {
		// A table's refused rows are rows of the CSV too (status "refused"), saying why.
		h = append(h, refusedColumn)
	}
	return h
}

// refusedColumn is the last column of a score CSV when tables are read: why a row was
// refused (empty for a scored row).
const refusedColumn = "refused_because"

// refusedStatus is the status cell of a table's refused row.
const refusedStatus = "refused"

// csvRow is one response's row.
func csvRow(path string, b *questionnaire.Bank, resp *questionnaire.Response, r *scoring.Result) []string {
	return render.CSVRow(b, r, append([]string{render.CSVCell(path)}, render.ResponseCSVCells(resp, r.Status)...)...)
}
