package table

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"strings"
)

// How CSV and TSV are read (docs/spec.md, "Tables of answers"):
//
//   - A table is read one line at a time, and no line or record is read past MaxLine bytes:
//     the rest of a longer line is skipped, and its row refused.
//   - TSV is lines split on tabs, as the IANA text/tab-separated-values type defines it: a
//     cell holds no tab and no line break, and quotes are text like any other character
//     (form tools write them unquoted). A row is always one line.
//   - CSV follows RFC 4180: a cell that starts with a quote is quoted, ends at the next quote
//     that is not doubled, and may hold commas, doubled quotes and line breaks. A quote
//     anywhere else is a problem of its row. A record that runs over several lines is a row
//     only when it closes cleanly, with the header's number of cells; otherwise it is refused
//     naming the lines it covers, and the lines after its first are read again as rows of
//     their own, so that no row inside it is lost.
//   - Blank lines are passed over; a line with a NUL byte is refused.

// line is one line of the table, without its line ending.
type line struct {
	text []byte
	n    int
	// tooLong is set for a line longer than MaxLine (text is then empty).
	tooLong bool
	// single is set for a line read again after a refused record: a quote left open at its
	// end is a problem, not a line break.
	single bool
}

// record is one CSV or TSV record: its cells and the lines it covers, or its problem.
type record struct {
	cells       []string
	first, last int
	problem     *rowProblem
	// single is true for a line read again on its own after a refused record.
	single bool
}

// rowProblem is what is wrong with a record as a whole: a Code, the cell it was found in,
// and (CodeSpan) how many cells the record has.
type rowProblem struct {
	code  string
	cell  int
	cells int
}

// records reads a CSV or TSV table's records.
type records struct {
	br  *bufio.Reader
	sep byte
	// quotes is true for CSV: a cell starting with a quote is quoted.
	quotes bool
	// n is the last line read from br.
	n int
	// again holds lines of a refused record, read again before br.
	again []line
	// width is the header's count of cells, once read.
	width int
	// buf holds the line read last from br (a line kept longer is copied); cell is the cell
	// being read: both reused from row to row.
	buf, cell []byte
}

// readLine reads the next line: again's first, then br's. It returns io.EOF at the end.
func (r *records) readLine() (line, error) {
	if len(r.again) > 0 {
		l := r.again[0]
		r.again = r.again[1:]
		return l, nil
	}
	buf, tooLong, err := readBounded(r.br, r.buf)
	r.buf = reuse(buf)
	if len(buf) == 0 && !tooLong && err != nil {
		return line{}, err
	}
	r.n++
	if err != nil && !errors.Is(err, io.EOF) {
		return line{}, err
	}
	return line{text: buf, n: r.n, tooLong: tooLong}, nil
}

// reuse keeps a buffer for the next line, unless a long line made it large.
func reuse(buf []byte) []byte {
	if cap(buf) > 64<<10 {
		return nil
	}
	return buf[:0]
}

// readBounded reads one line of at most MaxLine bytes from br, without its line ending (\n or
// \r\n), into dst's storage. A longer line is read to its end and dropped: tooLong is true and
// buf empty. err is io.EOF only with the last line (which may be empty: then there is no line).
func readBounded(br *bufio.Reader, dst []byte) (buf []byte, tooLong bool, err error) {
	buf = dst[:0]
	for {
		part, err := br.ReadSlice('\n')
		if !tooLong && len(buf)+len(part) > MaxLine+2 { // +2: room for \r\n
			tooLong, buf = true, nil
		}
		if !tooLong {
			buf = append(buf, part...)
		}
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		if tooLong {
			if err != nil && !errors.Is(err, io.EOF) {
				return nil, true, err
			}
			return nil, true, nil
		}
		buf = bytes.TrimSuffix(buf, []byte("\n"))
		if err == nil || len(buf) > 0 {
			buf = bytes.TrimSuffix(buf, []byte("\r"))
		}
		if len(buf) > MaxLine {
			return nil, true, nil
		}
		return buf, false, err
	}
}

// next reads the next record, passing over blank lines; io.EOF after the last.
func (r *records) next() (record, error) {
	for {
		l, err := r.readLine()
		if err != nil {
			return record{}, err
		}
		if l.tooLong {
			return record{first: l.n, last: l.n, problem: &rowProblem{code: CodeTooLong, cell: 1}}, nil
		}
		if len(l.text) == 0 {
			continue
		}
		var rec record
		if r.quotes {
			if rec, err = r.csv(l); err != nil {
				return record{}, err
			}
		} else {
			rec = record{first: l.n, last: l.n}
			for cell := range bytes.SplitSeq(l.text, []byte{r.sep}) {
				rec.cells = append(rec.cells, string(cell))
			}
		}
		if rec.problem == nil {
			for i, c := range rec.cells {
				if strings.IndexByte(c, 0) >= 0 {
					rec.problem = &rowProblem{code: CodeNUL, cell: i + 1}
					break
				}
			}
		}
		return rec, nil
	}
}

// csv reads a CSV record that starts with line first, reading more lines while a quoted cell
// is open.
func (r *records) csv(first line) (record, error) {
	rec := record{first: first.n, last: first.n, single: first.single, cells: make([]string, 0, max(r.width, 1))}
	kept := []line{first} // the record's lines, to read again if it is refused
	size := len(first.text)
	text, i := first.text, 0
	cell := r.cell[:0]
	defer func() { r.cell = reuse(cell) }()
	// refuse ends the record with a problem. A record over several lines gives its lines
	// after the first back to be read again: each on its own, but the last as it comes (a
	// quote in it may start a record of its own).
	refuse := func(code string, next *line) (record, error) {
		rec.problem = &rowProblem{code: code, cell: len(rec.cells) + 1}
		if len(kept) > 1 || next != nil {
			again := make([]line, 0, len(kept))
			for j, l := range kept[1:] {
				l.single = j < len(kept)-2 || next != nil
				again = append(again, l)
			}
			if next != nil {
				again = append(again, *next)
			}
			r.again = append(again, r.again...)
		}
		rec.cells = nil
		return rec, nil
	}
	for {
		if i < len(text) && text[i] == '"' {
			i++
			for {
				j := bytes.IndexByte(text[i:], '"')
				if j < 0 {
					// The line ends inside the quotes: the cell goes on on the next line.
					cell = append(cell, text[i:]...)
					if first.single {
						return refuse(CodeUnclosed, nil)
					}
					// The line read last is in r.buf, which the next line takes.
					kept[len(kept)-1].text = bytes.Clone(text)
					l, err := r.readLine()
					switch {
					case errors.Is(err, io.EOF):
						return refuse(CodeUnclosed, nil)
					case err != nil:
						return record{}, err
					case l.tooLong || size+len(l.text)+1 > MaxLine:
						rec.last = l.n
						return refuse(CodeTooLong, &l)
					}
					size += len(l.text) + 1
					kept = append(kept, l)
					rec.last = l.n
					cell = append(cell, '\n')
					text, i = l.text, 0
					continue
				}
				cell = append(cell, text[i:i+j]...)
				i += j + 1
				if i < len(text) && text[i] == '"' {
					cell = append(cell, '"')
					i++
					continue
				}
				break
			}
			if i < len(text) && text[i] != r.sep {
				return refuse(CodeQuote, nil)
			}
		} else {
			end := len(text)
			if j := bytes.IndexByte(text[i:], r.sep); j >= 0 {
				end = i + j
			}
			if bytes.IndexByte(text[i:end], '"') >= 0 {
				return refuse(CodeQuote, nil)
			}
			cell = append(cell, text[i:end]...)
			i = end
		}
		rec.cells = append(rec.cells, string(cell))
		cell = cell[:0]
		if i >= len(text) {
			break
		}
		i++ // the separator
		if i == len(text) {
			rec.cells = append(rec.cells, "") // a separator at the end: one more, empty cell
			break
		}
	}
	if rec.last > rec.first && r.width > 0 && len(rec.cells) != r.width {
		n := len(rec.cells)
		rec, err := refuse(CodeSpan, nil)
		rec.problem.cell, rec.problem.cells = 1, n
		return rec, err
	}
	return rec, nil
}
