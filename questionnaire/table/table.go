// Package table reads answers held in one table — a CSV or TSV file typed in from paper
// worksheets or exported from a form tool, or JSON Lines — one row a respondent. It matches
// the table's columns to a bank's questions (by question id, worksheet number, the question's
// exact text, or a mapping file), and turns each row into a response, reporting every bad
// cell as FILE:ROW:COLUMN with what is allowed.
//
// Reading is streaming: a Reader hands out raw rows in order, and Decode, which is safe to
// call from several goroutines, turns a row into a response. Memory stays flat however many
// rows there are.
package table

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unicode/utf8"

	"github.com/candor-app/candor/internal/suggest"
	"github.com/candor-app/candor/questionnaire"
)

// Format is a table's file format.
type Format int

// Table formats.
const (
	CSV Format = iota + 1
	TSV
	JSONL
)

// Formats lists the format names, as --table-format takes them.
var Formats = []string{"csv", "tsv", "jsonl"}

func (f Format) String() string {
	switch f {
	case CSV:
		return "csv"
	case TSV:
		return "tsv"
	case JSONL:
		return "jsonl"
	}
	return "unknown"
}

// ParseFormat reads a format name (csv, tsv, jsonl; any case).
func ParseFormat(name string) (Format, bool) {
	switch strings.ToLower(strings.TrimPrefix(name, ".")) {
	case "csv":
		return CSV, true
	case "tsv", "tab":
		return TSV, true
	case "jsonl", "ndjson":
		return JSONL, true
	}
	return 0, false
}

// FormatOf tells a table's format from its file name (.csv, .tsv, .jsonl); ok is false for
// any other name.
func FormatOf(path string) (Format, bool) {
	ext := filepath.Ext(path)
	if ext == "" {
		return 0, false
	}
	return ParseFormat(ext)
}

// Recognised columns that are not questions.
const (
	ColRespondent = "respondent"
	ColStarted    = "started"
	ColUpdated    = "updated"
	ColID         = "id"
)

// formColumns are the columns form tools (Google Forms, Microsoft Forms) add to an export,
// by lower-case header: the Col* column each stands for, or "" for one left out (and noted,
// FormNotes). An email address is the respondent; a name is, where there is no email column.
var formColumns = map[string]string{
	"timestamp":          ColUpdated, // Google Forms: when the form was sent
	"email address":      ColRespondent,
	"email":              ColRespondent,
	"name":               ColRespondent,
	"start time":         ColStarted, // Microsoft Forms
	"completion time":    ColUpdated,
	"last modified time": "",
	"total points":       "",
	"quiz feedback":      "",
	"points":             "",
	"feedback":           "",
	"score":              "",
}

// Limits of one table.
const (
	// maxCell is the longest cell read, in bytes: a text answer's limit with room for
	// multi-byte characters.
	maxCell = 4 * questionnaire.MaxTextAnswer
	// MaxColumns is the most columns a table may have.
	MaxColumns = 10000
	// MaxLine is the longest row read, in bytes: a JSON Lines line, or a CSV or TSV record
	// (all its lines). Nothing longer is held in memory: the rest of the row is skipped, and
	// the row refused.
	MaxLine = 4 << 20
)

// Problem codes (Diagnostic.Code): what kind of problem a row has, for callers that count or
// group problems. The Diagnostic's Pos names the row (its first line) and, where there is one,
// the column.
const (
	// CodeCell is a cell that is not an answer to its column's question (Pos.Col: its column).
	CodeCell = "table-cell"
	// CodeCells is a row with another number of cells than the header has.
	CodeCells = "table-cells"
	// CodeColumn is a header or JSON key that names no question of the bank.
	CodeColumn = "table-column"
	// CodeTwoColumns is a second column or key for one question (or extra column).
	CodeTwoColumns = "table-two-columns"
	// CodeQuote is a quote where CSV allows none (in a cell that does not start with one, or
	// text after a closing quote).
	CodeQuote = "table-quote"
	// CodeUnclosed is a CSV quoted cell that is never closed.
	CodeUnclosed = "table-unclosed"
	// CodeSpan is a CSV record that runs over several lines and does not close cleanly (it
	// has another number of cells than the header).
	CodeSpan = "table-span"
	// CodeTooLong is a row longer than MaxLine bytes.
	CodeTooLong = "table-too-long"
	// CodeNUL is a row holding a NUL byte.
	CodeNUL = "table-nul"
	// CodeNotObject is a JSON Lines line that is not a JSON object.
	CodeNotObject = "table-not-object"
	// CodeDuplicateKey is a JSON Lines key written twice in one line.
	CodeDuplicateKey = "table-duplicate-key"
	// CodeTooWide is a JSON Lines line with more keys than MaxColumns.
	CodeTooWide = "table-too-wide"
	// CodeMore counts a row's problems past MaxRowProblems (Summary says how many).
	CodeMore = "table-more"
)

// MaxRowProblems is the most problems Decode gives for one row; one more says how many were
// left out, so that a row of 10,000 bad cells holds no more than a few kilobytes of words.
const MaxRowProblems = 50

// Options adjust how a table is read.
type Options struct {
	// Columns maps headers to question ids and option words to option values (--columns).
	Columns *Mapping
	// Ignore names columns to leave out (--ignore-columns); matched exactly, then in any case.
	Ignore []string
}

// Row is one raw row, in input order.
type Row struct {
	// Line is the row's first line in the file (1 is the header of a CSV or TSV file).
	Line int
	// End is the row's last line: Line, but for a CSV record whose quoted cell holds line
	// breaks.
	End int
	// N counts data rows from 1.
	N int
	// fields are a CSV or TSV row's cells; obj is a JSON Lines row.
	fields []string
	obj    map[string]json.RawMessage
	// problem is set for a row that cannot be read at all (Decode reports it).
	problem *Problem
}

// column is what one table column holds.
type column struct {
	header string
	// q is the question the column answers; nil for the recognised extra columns.
	q *questionnaire.Question
	// extra is one of the Col* names, or "" for a question; ignore is true for a column left out.
	extra  string
	ignore bool
	// formNote is true for a form tool's column left out (Reader.FormNotes).
	formNote bool
	// options maps a cell word (lower case) to an option value, from the mapping file.
	options map[string]any
	// cache keeps the answers of short cells already read: a table repeats the same few
	// words in a column thousands of times. Shared by the goroutines decoding rows.
	cache *cellCache
}

// cellCache remembers what short cells of one column mean. Every column of a table shares one
// count, so that a table keeps at most maxCached cells in all, however many columns or keys
// it has.
type cellCache struct {
	m sync.Map // cell -> cached
	n *atomic.Int32
}

type cached struct {
	v   any
	err error
}

const (
	maxCached     = 1 << 16
	maxCachedCell = 64
	// maxKeys is the most JSON Lines keys whose match is remembered: keys past it are
	// matched each time they come (a table of distinct unknown keys grows no memory).
	maxKeys = 1024
)

// value reads a cell through the cache: the matcher runs once per distinct word.
func (c *column) value(cell string) (any, error) {
	if c.cache == nil || len(cell) > maxCachedCell {
		return cellValue(c, cell)
	}
	if hit, ok := c.cache.m.Load(cell); ok {
		e := hit.(cached)
		return copyAnswer(e.v), e.err
	}
	v, err := cellValue(c, cell)
	if c.cache.n.Add(1) <= maxCached {
		c.cache.m.Store(cell, cached{v: copyAnswer(v), err: err})
	}
	return v, err
}

// copyAnswer copies a multi answer's list, so that no two responses share one.
func copyAnswer(v any) any {
	if l, ok := v.([]any); ok {
		return append([]any(nil), l...)
	}
	return v
}

// Reader reads a table's rows in order.
type Reader struct {
	name   string
	format Format
	bank   *questionnaire.Bank
	opt    Options
	// recs reads the lines (and, in CSV and TSV, the records) of the table.
	recs *records
	n    int
	// header is the header's line in a CSV or TSV file (1 but after blank lines), headerEnd
	// its last (a quoted header may hold line breaks).
	header, headerEnd int
	// cols are the CSV/TSV columns in header order; keys caches JSON Lines key matches, up
	// to maxKeys of them (nKeys counts them); cached counts the cells every column caches.
	cols []column
	// hasEmail is true when the header has an email column (a name column is then left out);
	// formNotes are the form tool's columns left out, in header order.
	hasEmail  bool
	formNotes []string
	keys      sync.Map
	nKeys     atomic.Int32
	cached    atomic.Int32
}

// NewReader starts reading a table named name (for messages) from r. For CSV and TSV it reads
// the header and matches every column; an unmatched column is an error listing the nearest
// question ids. The error is questionnaire.Diagnostics.
func NewReader(r io.Reader, name string, format Format, b *questionnaire.Bank, opt Options) (*Reader, error) {
	br := bufio.NewReaderSize(r, 64<<10)
	skipBOM(br)
	if head, _ := br.Peek(4096); !looksLikeText(head) {
		t := &Reader{name: name}
		return nil, t.diag(1, 1, "the table is not text (it is not valid UTF-8, or holds NUL bytes)", "save it as CSV (UTF-8) from your spreadsheet, or check that this is the right file")
	}
	t := &Reader{name: name, format: format, bank: b, opt: opt}
	t.recs = &records{br: br, sep: ',', quotes: true}
	if format == JSONL {
		return t, nil
	}
	if format == TSV {
		t.recs.sep, t.recs.quotes = '\t', false
	}
	rec, err := t.recs.next()
	if errors.Is(err, io.EOF) {
		return nil, t.diag(1, 1, "the table is empty: it needs a header row naming the questions", "")
	}
	if err != nil {
		return nil, t.diag(t.recs.n, 0, "reading the table: "+err.Error(), "")
	}
	if rec.problem != nil {
		return nil, questionnaire.Diagnostics{t.recordProblem(rec)}
	}
	header := rec.cells
	t.header, t.headerEnd = rec.first, rec.last
	t.recs.width = len(header)
	for _, h := range header {
		if !utf8.ValidString(h) || strings.ContainsRune(h, 0) {
			return nil, t.diag(t.header, 1, "the table is not text (its header is not valid UTF-8)", "save it as CSV (UTF-8) from your spreadsheet, or check that this is the right file")
		}
	}
	if len(header) > MaxColumns {
		return nil, t.diag(t.header, 1, fmt.Sprintf("the header has %d columns, more than the %d candor reads", len(header), MaxColumns), "")
	}
	return t, t.matchHeader(header)
}

// looksLikeText reports whether the start of a table is UTF-8 text without NUL bytes (a
// character cut at the end of the peek is fine).
func looksLikeText(head []byte) bool {
	if bytes.IndexByte(head, 0) >= 0 {
		return false
	}
	for len(head) > 0 {
		r, size := utf8.DecodeRune(head)
		if r == utf8.RuneError && size <= 1 {
			return len(head) < utf8.UTFMax && !utf8.FullRune(head)
		}
		head = head[size:]
	}
	return true
}

// skipBOM drops a UTF-8 byte order mark, which spreadsheet programs write.
func skipBOM(br *bufio.Reader) {
	if b, err := br.Peek(3); err == nil && bytes.Equal(b, []byte{0xEF, 0xBB, 0xBF}) {
		_, _ = br.Discard(3)
	}
}

// FormNotes are the headers of the columns a form tool adds that say nothing candor keeps
// (Last modified time, Total points, …, and Name beside an email column): left out, for the
// caller to note once.
func (t *Reader) FormNotes() []string { return t.formNotes }

// formKey is a header as formColumns names it: lower case, its words single-spaced.
func formKey(h string) string { return strings.Join(strings.Fields(strings.ToLower(h)), " ") }

func (t *Reader) matchHeader(header []string) error {
	var ds questionnaire.Diagnostics
	for _, h := range header {
		if formColumns[formKey(h)] == ColRespondent && strings.Contains(formKey(h), "email") {
			t.hasEmail = true
		}
	}
	seen := map[*questionnaire.Question]int{}
	seenExtra := map[string]int{}
	t.cols = make([]column, len(header))
	for i, h := range header {
		c, err := t.match(h)
		if c.formNote {
			t.formNotes = append(t.formNotes, strings.TrimSpace(h))
		}
		pos := questionnaire.Pos{File: t.name, Line: t.header, Col: i + 1}
		if err != nil {
			ds = append(ds, diagAt(pos, err))
			continue
		}
		switch {
		case c.q != nil:
			if prev, dup := seen[c.q]; dup {
				ds = append(ds, questionnaire.Diagnostic{Severity: questionnaire.Error, Pos: pos, Code: CodeTwoColumns,
					Summary: fmt.Sprintf("column %d (%s) answers %q, as column %d does already", i+1, quoteHeader(h), c.q.ID, prev),
					Hint:    "keep one column for each question, or leave one out with --ignore-columns"})
				continue
			}
			seen[c.q] = i + 1
		case c.extra != "":
			if prev, dup := seenExtra[c.extra]; dup {
				ds = append(ds, questionnaire.Diagnostic{Severity: questionnaire.Error, Pos: pos, Code: CodeTwoColumns,
					Summary: fmt.Sprintf("column %d is a second %q column (the first is column %d)", i+1, c.extra, prev)})
				continue
			}
			seenExtra[c.extra] = i + 1
		}
		if c.q != nil && c.q.Type != questionnaire.Text {
			c.cache = &cellCache{n: &t.cached}
		}
		t.cols[i] = c
	}
	if len(ds) > 0 {
		return ds
	}
	return nil
}

// columnError is an unmatched header, with what to do about it.
type columnError struct{ summary, hint string }

func (e *columnError) Error() string { return e.summary }

func diagAt(pos questionnaire.Pos, err error) questionnaire.Diagnostic {
	d := questionnaire.Diagnostic{Severity: questionnaire.Error, Pos: pos, Summary: err.Error()}
	var ce *columnError
	if errors.As(err, &ce) {
		d.Hint, d.Code = ce.hint, CodeColumn
	}
	return d
}

func quoteHeader(h string) string {
	if h == "" {
		return "with no name"
	}
	return strconv.Quote(h)
}

// match finds what a header names: a question (by mapping, id, worksheet number or exact
// text), a recognised extra column, or an ignored column.
func (t *Reader) match(h string) (column, error) {
	key := strings.TrimSpace(h)
	c := column{header: h}
	for _, ig := range t.opt.Ignore {
		if ig == h || ig == key || strings.EqualFold(ig, key) {
			c.ignore = true
			return c, nil
		}
	}
	if m := t.opt.Columns; m != nil {
		if id, ok := m.Columns[key]; ok {
			if id == "" {
				c.ignore = true
				return c, nil
			}
			if q := t.bank.Question(id); q != nil {
				c.q, c.options = q, m.Options[q.ID]
				return c, nil
			}
			switch id {
			case ColRespondent, ColStarted, ColUpdated, ColID:
				c.extra = id
				return c, nil
			}
			return c, &columnError{fmt.Sprintf("the mapping sends column %s to %q, which is not a question of bank %q", quoteHeader(h), id, t.bank.ID), t.nearestHint(id)}
		}
	}
	if q := t.bank.Question(key); q != nil {
		c.q = q
	} else if q := t.byNumber(key); q != nil {
		c.q = q
	} else if q := t.byText(key); q != nil {
		c.q = q
	} else {
		switch low := strings.ToLower(key); low {
		case ColRespondent, ColStarted, ColUpdated, ColID:
			c.extra = low
			return c, nil
		}
		if col, ok := formColumns[formKey(key)]; ok {
			if col == "" || (col == ColRespondent && t.hasEmail && !strings.Contains(strings.ToLower(key), "email")) {
				c.ignore, c.formNote = true, true
				return c, nil
			}
			c.extra = col
			return c, nil
		}
		if q := t.bank.Question(strings.ToLower(key)); q != nil {
			c.q = q
		}
	}
	if c.q == nil {
		return c, &columnError{fmt.Sprintf("column %s is not a question of bank %q", quoteHeader(h), t.bank.ID), t.nearestHint(key)}
	}
	if m := t.opt.Columns; m != nil && c.options == nil {
		c.options = m.Options[c.q.ID]
	}
	return c, nil
}

func (t *Reader) nearestHint(key string) string {
	ids := make([]string, 0, len(t.bank.Questions))
	for _, q := range t.bank.Questions {
		ids = append(ids, q.ID)
	}
	hint := "name a question by its id, its number on the worksheet or its exact text; map other headers with --columns, or leave the column out with --ignore-columns"
	if s := suggest.DidYouMean(key, ids, ""); s != "" {
		return s + " " + hint
	}
	if len(ids) > 8 {
		ids = append(ids[:8:8], "…")
	}
	return hint + "; the bank's questions: " + strings.Join(ids, ", ")
}

// byNumber matches a worksheet number ("3", "Q3", "3."), as `candor show` numbers questions
// (info statements have none).
func (t *Reader) byNumber(key string) *questionnaire.Question {
	n, ok := questionnaire.WorksheetNumber(key)
	if !ok {
		return nil
	}
	return t.bank.ByNumber(n)
}

// byText matches a question's exact text, as Google and Microsoft Forms name their columns
// (white space and case aside).
func (t *Reader) byText(key string) *questionnaire.Question {
	k := strings.Join(strings.Fields(key), " ")
	for _, q := range t.bank.Questions {
		if strings.EqualFold(k, strings.Join(strings.Fields(q.Text), " ")) {
			return q
		}
	}
	return nil
}

// Name is the table's name in messages.
func (t *Reader) Name() string { return t.name }

// Next returns the next row, or io.EOF after the last. A row that cannot be read at all (a
// broken quote, a line that is not JSON, a NUL byte, a row past MaxLine) comes with its
// problem, which Decode reports, and reading goes on after it. An error is only a failure to
// read the input.
func (t *Reader) Next() (*Row, error) {
	if t.format == JSONL {
		return t.nextJSON()
	}
	rec, err := t.recs.next()
	if err != nil {
		if errors.Is(err, io.EOF) {
			return nil, io.EOF
		}
		return nil, t.diag(t.recs.n, 0, "reading the table: "+err.Error(), "")
	}
	t.n++
	row := &Row{Line: rec.first, End: rec.last, N: t.n, fields: rec.cells}
	if rec.problem != nil {
		p := t.recordProblem(rec)
		row.problem = &p
	}
	return row, nil
}

// recordProblem says what is wrong with a CSV or TSV record that cannot be read.
func (t *Reader) recordProblem(rec record) Problem {
	p := rec.problem
	d := Problem{Severity: questionnaire.Error, Pos: questionnaire.Pos{File: t.name, Line: rec.first, Col: p.cell}, Code: p.code}
	// again says that the lines of a refused record are read again as rows.
	again := ""
	if rec.last > rec.first {
		again = fmt.Sprintf("; lines %d to %d are read again, as rows of their own", rec.first+1, rec.last)
		if rec.last == rec.first+1 {
			again = fmt.Sprintf("; line %d is read again, as a row of its own", rec.last)
		}
	}
	quoting := `a cell with a comma, quote or line break is written in quotes, each quote inside doubled: "He said ""stop"", then left"`
	switch p.code {
	case CodeTooLong:
		d.Summary = fmt.Sprintf("this row is longer than the %d MiB candor reads in a row", MaxLine>>20)
		if rec.last > rec.first {
			d.Summary = fmt.Sprintf("a quoted cell opens on this line and runs on to line %d, past the %d MiB candor reads in a row%s", rec.last, MaxLine>>20, again)
		}
		d.Hint = "a row holds one person's answers; check that this is the right file"
	case CodeNUL:
		d.Summary = fmt.Sprintf("cell %d holds a NUL byte, which is not text", p.cell)
		d.Hint = "the file may be damaged: save the table again as CSV (UTF-8) from your spreadsheet, or check that this is the right file"
	case CodeQuote:
		d.Summary = fmt.Sprintf("cell %d has a quote where CSV allows none", p.cell)
		if rec.last > rec.first {
			d.Summary = fmt.Sprintf("cell %d opens a quote on this line that closes on line %d with more text after it%s", p.cell, rec.last, again)
		}
		d.Hint = quoting
	case CodeUnclosed:
		switch {
		case rec.single:
			d.Summary = fmt.Sprintf("cell %d opens a quote that does not close on this line (read on its own: it was inside a row that could not be read)", p.cell)
		case rec.last > rec.first:
			d.Summary = fmt.Sprintf("cell %d opens a quote that is never closed: the row would run to the end of the table (line %d)%s", p.cell, rec.last, again)
		default:
			d.Summary = fmt.Sprintf("cell %d opens a quote that is never closed", p.cell)
		}
		d.Hint = quoting
	case CodeSpan:
		d.Summary = fmt.Sprintf("this row runs from line %d to line %d (a quoted cell holds line breaks) and has %d cells; the header has %d columns%s", rec.first, rec.last, p.cells, t.recs.width, again)
		d.Hint = quoting
	}
	return d
}

func (t *Reader) diag(line, col int, summary, hint string) questionnaire.Diagnostics {
	return questionnaire.Diagnostics{{Severity: questionnaire.Error, Pos: questionnaire.Pos{File: t.name, Line: line, Col: col}, Summary: summary, Hint: hint}}
}

func (t *Reader) nextJSON() (*Row, error) {
	for {
		l, err := t.recs.readLine()
		if errors.Is(err, io.EOF) {
			return nil, io.EOF
		}
		if err != nil {
			return nil, t.diag(t.recs.n, 0, "reading the table: "+err.Error(), "")
		}
		line := l.text
		if !l.tooLong && len(bytes.TrimSpace(line)) == 0 {
			continue
		}
		t.n++
		row := &Row{Line: l.n, End: l.n, N: t.n}
		problem := func(code, summary, hint string) {
			row.problem = &Problem{Severity: questionnaire.Error, Pos: questionnaire.Pos{File: t.name, Line: l.n, Col: 1}, Code: code, Summary: summary, Hint: hint}
		}
		switch {
		case l.tooLong:
			problem(CodeTooLong, fmt.Sprintf("this line is longer than the %d MiB candor reads in a row", MaxLine>>20), "a line holds one person's answers; check that this is the right file")
		case bytes.IndexByte(line, 0) >= 0:
			problem(CodeNUL, "this line holds a NUL byte, which is not text", "the file may be damaged; check that this is the right file")
		default:
			obj, dup, ok := decodeObject(line)
			switch {
			case !ok:
				problem(CodeNotObject, "this line is not a JSON object of answers", `write one object a line, such as {"feel_safe": "yes", "want_to_trust": "no"}`)
			case dup != "":
				problem(CodeDuplicateKey, fmt.Sprintf("key %q is written twice in this line", dup), "give each question one answer a line")
			case len(obj) > MaxColumns:
				problem(CodeTooWide, fmt.Sprintf("this line has %d keys, more than the %d columns candor reads", len(obj), MaxColumns), "a line holds one person's answers; check that this is the right file")
			default:
				row.obj = obj
			}
		}
		return row, nil
	}
}

// decodeObject reads a JSON Lines line as one object: its keys and their raw values. dup is
// the first key written twice (encoding/json would keep the last value without a word).
func decodeObject(line []byte) (obj map[string]json.RawMessage, dup string, ok bool) {
	dec := json.NewDecoder(bytes.NewReader(line))
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		return nil, "", false
	}
	obj = map[string]json.RawMessage{}
	for dec.More() {
		tok, err := dec.Token()
		key, isKey := tok.(string)
		if err != nil || !isKey {
			return nil, "", false
		}
		var raw json.RawMessage
		if dec.Decode(&raw) != nil {
			return nil, "", false
		}
		if _, seen := obj[key]; seen && dup == "" {
			dup = key
		}
		obj[key] = raw
	}
	if tok, err := dec.Token(); err != nil || tok != json.Delim('}') {
		return nil, "", false
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return nil, "", false
	}
	return obj, dup, true
}

// Problem is a bad cell or row: where, what, and what is allowed.
type Problem = questionnaire.Diagnostic

// Decoded is a row turned into a response.
type Decoded struct {
	Row *Row
	// Response holds the row's answers, normalized; nil when the row has problems.
	Response *questionnaire.Response
	// Problems are the row's bad cells; a row with any is left out of scoring.
	Problems questionnaire.Diagnostics
	// Partial is what could be read of a row with problems (its respondent and times name
	// it in output; its answers are never scored); nil when the row has none.
	Partial *questionnaire.Response
}

// Label names the row in output: its respondent, else "row N" (its line in the file).
func (d *Decoded) Label() string {
	if d.Response != nil && d.Response.Respondent != "" {
		return d.Response.Respondent
	}
	return fmt.Sprintf("row %d", d.Row.Line)
}

// Decode turns a row into a response to the reader's bank. It is safe to call from several
// goroutines at once (each row is decoded on its own).
func (t *Reader) Decode(row *Row) *Decoded {
	out := &Decoded{Row: row}
	resp := &questionnaire.Response{
		Bank:    questionnaire.BankRef{ID: t.bank.ID, Version: t.bank.Version, Digest: t.bank.Digest},
		Answers: make(map[string]any, len(t.bank.Questions)),
		Order:   make([]string, 0, len(t.bank.Questions)),
		File:    t.name + ":" + strconv.Itoa(row.Line),
	}
	switch {
	case row.problem != nil:
		out.Problems = questionnaire.Diagnostics{*row.problem}
	case row.obj != nil:
		t.decodeJSON(row, resp, out)
	default:
		t.decodeFields(row, resp, out)
	}
	if len(out.Problems) == 0 {
		out.Response = resp
	} else {
		out.Partial = resp
	}
	if n := len(out.Problems) - MaxRowProblems; n > 0 {
		out.Problems = append(out.Problems[:MaxRowProblems:MaxRowProblems], questionnaire.Diagnostic{Severity: questionnaire.Error,
			Pos: questionnaire.Pos{File: t.name, Line: row.Line}, Code: CodeMore, Summary: fmt.Sprintf("and %d more problems in this row", n)})
	}
	return out
}

func (t *Reader) decodeFields(row *Row, resp *questionnaire.Response, out *Decoded) {
	if len(row.fields) != len(t.cols) && !(len(row.fields) == 1 && row.fields[0] == "" && len(t.cols) > 1) {
		out.Problems = append(out.Problems, questionnaire.Diagnostic{Severity: questionnaire.Error, Code: CodeCells,
			Pos:     questionnaire.Pos{File: t.name, Line: row.Line, Col: 1},
			Summary: fmt.Sprintf("this row has %d cells; the header has %d columns", len(row.fields), len(t.cols)),
			Hint:    "every row needs one cell for each column, empty for a question not answered"})
		return
	}
	for i, cell := range row.fields {
		c := &t.cols[i]
		if c.ignore {
			continue
		}
		pos := questionnaire.Pos{File: t.name, Line: row.Line, Col: i + 1}
		if err := t.setCell(c, cell, resp); err != nil {
			out.Problems = append(out.Problems, cellProblem(pos, c, cell, err))
		}
	}
}

func (t *Reader) decodeJSON(row *Row, resp *questionnaire.Response, out *Decoded) {
	// Keys in a fixed order, so that problems and answers never depend on map order.
	keys := make([]string, 0, len(row.obj))
	for key := range row.obj {
		keys = append(keys, key)
	}
	slices.Sort(keys)
	seen := make(map[string]string, len(keys))
	for _, key := range keys {
		raw := row.obj[key]
		c, err := t.jsonColumn(key)
		pos := questionnaire.Pos{File: t.name, Line: row.Line, Col: 1}
		if err != nil {
			out.Problems = append(out.Problems, diagAt(pos, err))
			continue
		}
		if c.ignore {
			continue
		}
		what := c.extra
		if c.q != nil {
			what = c.q.ID
		}
		if first, dup := seen[what]; dup {
			out.Problems = append(out.Problems, questionnaire.Diagnostic{Severity: questionnaire.Error, Pos: pos, Code: CodeTwoColumns,
				Summary: fmt.Sprintf("keys %q and %q both answer %q", first, key, what),
				Hint:    "give each question one answer a line"})
			continue
		}
		seen[what] = key
		cell, ok := jsonCell(raw)
		if !ok {
			out.Problems = append(out.Problems, cellProblem(pos, c, string(raw), errors.New("an answer is a string, a number, true or false, or a list of them")))
			continue
		}
		if err := t.setCell(c, cell, resp); err != nil {
			out.Problems = append(out.Problems, cellProblem(pos, c, cell, err))
		}
	}
	out.Problems.Sort()
}

// jsonColumn matches a JSON Lines key, once per key for the first maxKeys keys (after them, a
// key is matched each time it comes, so that distinct keys never grow memory): rows are
// decoded by several goroutines, so the matches are kept in a sync.Map.
func (t *Reader) jsonColumn(key string) (*column, error) {
	if v, ok := t.keys.Load(key); ok {
		m := v.(keyMatch)
		return m.c, m.err
	}
	c, err := t.match(key)
	keep := t.nKeys.Add(1) <= maxKeys
	if keep && c.q != nil && c.q.Type != questionnaire.Text {
		c.cache = &cellCache{n: &t.cached}
	}
	m := keyMatch{c: &c, err: err}
	if err != nil {
		m.c = nil
	}
	if keep {
		t.keys.Store(key, m)
	}
	return m.c, m.err
}

type keyMatch struct {
	c   *column
	err error
}

// parseTime reads a started or updated cell: RFC 3339, or a date and time as spreadsheets
// write them, in UTC; one candor could not write back (past 9999 in UTC) is not a time.
func parseTime(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	// Then as form tools export them (Google Forms, Microsoft Forms: year/month/day, or
	// month/day/year).
	for _, layout := range []string{time.RFC3339, "2006-01-02 15:04:05", "2006-01-02T15:04:05", "2006-01-02 15:04", "2006-01-02",
		"2006/01/02 15:04:05", "2006/01/02 15:04", "1/2/2006 15:04:05", "1/2/2006 15:04", "1/2/06 15:04:05", "1/2/06 15:04", "1/2/2006 3:04:05 PM", "1/2/2006 3:04 PM"} {
		if tm, err := time.Parse(layout, s); err == nil {
			return tm.UTC(), questionnaire.StampFits(tm)
		}
	}
	return time.Time{}, false
}

// jsonCell turns a JSON value into cell text: strings as they are, numbers and booleans as
// written, a list as its items joined with ";".
func jsonCell(raw json.RawMessage) (string, bool) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 {
		return "", false
	}
	switch raw[0] {
	case '"':
		var s string
		if json.Unmarshal(raw, &s) != nil {
			return "", false
		}
		return s, true
	case '[':
		var items []json.RawMessage
		if json.Unmarshal(raw, &items) != nil {
			return "", false
		}
		parts := make([]string, 0, len(items))
		for _, it := range items {
			s, ok := jsonCell(it)
			if !ok || strings.HasPrefix(strings.TrimSpace(string(it)), "[") {
				return "", false
			}
			parts = append(parts, s)
		}
		return strings.Join(parts, ";"), true
	case 'n':
		return "", string(raw) == "null"
	case '{':
		return "", false
	}
	return string(raw), true
}

func cellProblem(pos questionnaire.Pos, c *column, cell string, err error) questionnaire.Diagnostic {
	d := questionnaire.Diagnostic{Severity: questionnaire.Error, Pos: pos, Code: CodeCell}
	what := "column " + quoteHeader(c.header)
	if c.q != nil && c.header != c.q.ID {
		what += " (" + c.q.ID + ")"
	}
	d.Summary = what + ": " + err.Error()
	if c.q != nil {
		d.Hint = c.q.Allowed()
	}
	return d
}

// setCell reads one cell into the response.
func (t *Reader) setCell(c *column, cell string, resp *questionnaire.Response) error {
	if len(cell) > maxCell {
		return fmt.Errorf("the cell holds %d bytes, more than the %d candor reads", len(cell), maxCell)
	}
	if !utf8.ValidString(cell) {
		return errors.New("the cell is not valid UTF-8 text; save the table as UTF-8")
	}
	switch c.extra {
	case ColRespondent:
		resp.Respondent = strings.TrimSpace(cell)
		return nil
	case ColID:
		if resp.Respondent == "" {
			resp.Respondent = strings.TrimSpace(cell)
		}
		return nil
	case ColStarted, ColUpdated:
		if strings.TrimSpace(cell) == "" {
			return nil
		}
		tm, ok := parseTime(cell)
		if !ok {
			return fmt.Errorf("%q is not a date and time; write it as 2026-11-27T09:00:00Z or 2026-11-27", cell)
		}
		if c.extra == ColStarted {
			resp.Started = tm
		} else {
			resp.Updated = tm
		}
		return nil
	}
	if c.q.Declines(strings.TrimSpace(cell)) {
		// `declined` (or "rather not say"): no answer, kept apart from an empty cell.
		resp.SetDeclined(c.q.ID, true)
		return nil
	}
	v, err := c.value(cell)
	if err != nil || v == nil {
		return err
	}
	resp.Answers[c.q.ID] = v
	resp.Order = append(resp.Order, c.q.ID)
	return nil
}

// cellValue reads a cell as the question's answer, with the same words as --answers; nil for
// an empty cell.
func cellValue(c *column, cell string) (any, error) {
	s := strings.TrimSpace(cell)
	if s == "" {
		return nil, nil
	}
	q := c.q
	if q.Type == questionnaire.Multi {
		parts := strings.FieldsFunc(s, func(r rune) bool { return r == ';' || r == ',' || r == '\n' })
		items := make([]any, 0, len(parts))
		for _, p := range parts {
			if p = strings.TrimSpace(p); p != "" {
				items = append(items, mapOption(c, p))
			}
		}
		if len(items) == 0 {
			return nil, nil
		}
		return q.ParseValue(items)
	}
	if q.Type == questionnaire.Text {
		return q.ParseValue(cell)
	}
	return q.ParseValue(mapOption(c, s))
}

func mapOption(c *column, s string) any {
	if c.options != nil {
		if v, ok := c.options[strings.ToLower(s)]; ok {
			return v
		}
	}
	return s
}
