package table

import (
	"errors"
	"fmt"
	"io"
	"runtime"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// outcomes reads a table and says what became of each row: "LINE ok", or "LINE CODE" for a
// refused row (its first problem's code), in order.
func outcomes(t *testing.T, src string, f Format) ([]string, []*Decoded) {
	t.Helper()
	rows, err := readAll(t, src, f, Options{})
	require.NoError(t, err)
	var out []string
	for _, d := range rows {
		if len(d.Problems) == 0 {
			out = append(out, fmt.Sprintf("%d ok", d.Row.Line))
			continue
		}
		out = append(out, fmt.Sprintf("%d %s", d.Row.Line, d.Problems[0].Code))
	}
	return out, rows
}

// Every row is scored or refused with its line: a quote never swallows the rows after it.
func TestEveryRowIsReadOrRefused(t *testing.T) {
	nul := "safe,note\n" + strings.Repeat("yes,padding to pass the first 4 KiB\n", 150) + "no,a\x00b\nno,after\n"
	cases := []struct {
		name   string
		format Format
		src    string
		want   []string
		// summary is a part of the first refused row's message.
		summary string
	}{
		{"TSV: a quote at the start of a cell is text", TSV,
			"safe\tnote\nno\t\"You never listen\" is what he says\nno\tb\nno\t\"c\nno\td\n",
			[]string{"2 ok", "3 ok", "4 ok", "5 ok"}, ""},
		{"TSV: a quoted tab is two cells, not one", TSV,
			"safe\tnote\nno\t\"a\tb\"\nno\tc\n",
			[]string{"2 table-cells", "3 ok"}, "this row has 3 cells; the header has 2 columns"},
		{"CSV: a quote never closed refuses its row alone", CSV,
			"safe,note\nno,\"oops\nno,b\nno,c\n",
			[]string{"2 table-unclosed", "3 ok", "4 ok"}, "cell 2 opens a quote that is never closed: the row would run to the end of the table (line 4); lines 3 to 4 are read again, as rows of their own"},
		{"CSV: a quote that closes on a later line with text after it", CSV,
			"safe,note\nno,\"oops\nno,b\nno,\"c\" x\nyes,d\n",
			[]string{"2 table-quote", "3 ok", "4 table-quote", "5 ok"}, "cell 2 opens a quote on this line that closes on line 4 with more text after it; lines 3 to 4 are read again"},
		{"CSV: a record over lines with another count of cells", CSV,
			"safe,note,mood\nno,\"oops\nno,b,1\nno,c\"\nyes,d,2\n",
			[]string{"2 table-span", "3 ok", "4 table-quote", "5 ok"}, "this row runs from line 2 to line 4 (a quoted cell holds line breaks) and has 2 cells; the header has 3 columns; lines 3 to 4 are read again"},
		{"CSV: a quoted cell with line breaks that closes cleanly is one row", CSV,
			"safe,note\nno,\"two\r\nlines\"\nyes,b\n",
			[]string{"2 ok", "4 ok"}, ""},
		{"CSV: a quote inside an unquoted cell", CSV,
			"safe,note\nno,he said \"hi\"\nyes,b\n",
			[]string{"2 table-quote", "3 ok"}, "cell 2 has a quote where CSV allows none"},
		{"CSV: a NUL byte after the first 4 KiB", CSV, nul,
			append(repeat("ok", 2, 150), "152 table-nul", "153 ok"), "cell 2 holds a NUL byte"},
		{"TSV: a NUL byte after the first 4 KiB", TSV, strings.ReplaceAll(nul, ",", "\t"),
			append(repeat("ok", 2, 150), "152 table-nul", "153 ok"), "cell 2 holds a NUL byte"},
		{"JSONL: a NUL byte after the first 4 KiB", JSONL,
			strings.Repeat(`{"note": "padding to pass the first 4 KiB"}`+"\n", 150) + "{\"note\": \"a\x00\"}\n{}\n",
			append(repeat("ok", 1, 150), "151 table-nul", "152 ok"), "this line holds a NUL byte"},
		{"JSONL: a key written twice", JSONL,
			`{"safe": "no", "safe": "yes"}` + "\n" + `{"safe": "no"}` + "\n",
			[]string{"1 table-duplicate-key", "2 ok"}, `key "safe" is written twice in this line`},
		{"JSONL: not one object", JSONL,
			`{"safe": "no"} {"safe": "yes"}` + "\n" + `{"safe": "no",}` + "\n[]\n",
			[]string{"1 table-not-object", "2 table-not-object", "3 table-not-object"}, "not a JSON object"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, rows := outcomes(t, c.src, c.format)
			assert.Equal(t, c.want, got)
			if c.summary == "" {
				return
			}
			for _, d := range rows {
				if len(d.Problems) > 0 {
					assert.Contains(t, d.Problems[0].Summary, c.summary)
					return
				}
			}
		})
	}
}

// repeat is n outcomes "LINE what" from line first on.
func repeat(what string, first, n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = fmt.Sprintf("%d %s", first+i, what)
	}
	return out
}

func TestTSVQuotesAreText(t *testing.T) {
	_, rows := outcomes(t, "safe\tnote\nno\t\"You never listen\" is what he says\n", TSV)
	assert.Equal(t, `"You never listen" is what he says`, rows[0].Response.Answers["note"])
}

// A row longer than MaxLine is refused with its line, without being held in memory, and the
// rows after it are read.
func TestRowsPastTheLimit(t *testing.T) {
	long := strings.Repeat("x", MaxLine+10)
	cases := []struct {
		name   string
		format Format
		src    string
		want   []string
	}{
		{"CSV", CSV, "safe,note\nno," + long + "\nyes,b\n", []string{"2 table-too-long", "3 ok"}},
		{"TSV", TSV, "safe\tnote\nno\t" + long + "\nyes\tb\n", []string{"2 table-too-long", "3 ok"}},
		{"JSONL", JSONL, `{"note": "` + long + "\"}\n{}\n", []string{"1 table-too-long", "2 ok"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, _ := outcomes(t, c.src, c.format)
			assert.Equal(t, c.want, got)
		})
	}

	// A quoted cell over more lines than MaxLine bytes: its row is refused at the line that
	// passes the limit, and every line after its first is read again as a row (refused: one
	// cell each), so none is lost; the row after it is scored.
	lines := MaxLine/1000 + 10
	got, _ := outcomes(t, "safe,note\nno,\""+strings.Repeat(strings.Repeat("a", 999)+"\n", lines)+"\"\nyes,b\n", CSV)
	require.Len(t, got, lines+2)
	assert.Equal(t, "2 table-too-long", got[0])
	for i, g := range got[1 : len(got)-2] {
		assert.Equal(t, fmt.Sprintf("%d table-cells", i+3), g)
	}
	assert.Equal(t, fmt.Sprintf("%d table-unclosed", lines+2), got[len(got)-2], "the closing quote, on a line of its own, opens a quote")
	assert.Equal(t, fmt.Sprintf("%d ok", lines+3), got[len(got)-1])
}

// A record can be 4 MiB, not more: exactly at the limit it is read.
func TestRowAtTheLimit(t *testing.T) {
	cell := strings.Repeat("x", MaxLine-len("no,"))
	got, _ := outcomes(t, "safe,note\nno,"+cell+"\n", CSV)
	require.Len(t, got, 1)
	assert.NotEqual(t, "2 table-too-long", got[0])
}

// longLine reads as a line of n 'a' bytes, then a short row.
type longLine struct{ n, off int }

func (l *longLine) Read(p []byte) (int, error) {
	tail := "\nyes,b\n"
	if l.off >= l.n+len(tail) {
		return 0, io.EOF
	}
	k := 0
	for k < len(p) && l.off < l.n {
		p[k] = 'a'
		k++
		l.off++
	}
	for k < len(p) && l.off >= l.n && l.off < l.n+len(tail) {
		p[k] = tail[l.off-l.n]
		k++
		l.off++
	}
	return k, nil
}

// Memory stays flat on a huge line: 1 GB (64 MiB with -short) in one row allocates less than
// 6 × MaxLine in all (the row's buffer grows to MaxLine, then the line is skipped; measured
// with runtime.MemStats, not time).
func TestHugeLineMemory(t *testing.T) {
	n := 1 << 30
	if testing.Short() {
		n = 64 << 20
	}
	for _, f := range []Format{CSV, TSV, JSONL} {
		t.Run(f.String(), func(t *testing.T) {
			head := "safe,note\n"
			if f == TSV {
				head = "safe\tnote\n"
			}
			if f == JSONL {
				head = ""
			}
			src := io.MultiReader(strings.NewReader(head), &longLine{n: n})
			b := kinds(t)
			var before, after runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&before)
			r, err := NewReader(src, "big", f, b, Options{})
			require.NoError(t, err)
			row, err := r.Next()
			require.NoError(t, err)
			d := r.Decode(row)
			require.NotEmpty(t, d.Problems)
			assert.Equal(t, CodeTooLong, d.Problems[0].Code)
			_, err = r.Next()
			require.NoError(t, err, "the row after it is read")
			runtime.ReadMemStats(&after)
			t.Logf("reading a %d-byte line allocated %d bytes", n, after.TotalAlloc-before.TotalAlloc)
			assert.Less(t, after.TotalAlloc-before.TotalAlloc, uint64(6*MaxLine), "bytes allocated reading a %d-byte line", n)
		})
	}
}

// 100,000 lines of distinct unknown keys keep at most maxKeys matches, and allocate the same
// per line at the end as at the start.
func TestDistinctKeysKeepMemoryFlat(t *testing.T) {
	n := 100000
	if testing.Short() {
		n = 10000
	}
	pr, pw := io.Pipe()
	go func() {
		for i := range n {
			fmt.Fprintf(pw, "{\"unknown_%d\": \"yes\", \"mood_%d\": 1}\n", i, i)
		}
		pw.Close()
	}()
	r, err := NewReader(pr, "keys.jsonl", JSONL, kinds(t), Options{})
	require.NoError(t, err)
	rows := 0
	for {
		row, err := r.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		require.NoError(t, err)
		d := r.Decode(row)
		require.Len(t, d.Problems, 2)
		rows++
	}
	assert.Equal(t, n, rows)
	kept := 0
	r.keys.Range(func(any, any) bool { kept++; return true })
	assert.Equal(t, maxKeys, kept)
}

// A row says at most MaxRowProblems problems, then how many more (Decode does it for every
// format); a JSON line of more keys than MaxColumns is refused whole.
func TestRowProblemsAreBounded(t *testing.T) {
	keys := make([]string, 0, MaxColumns+1)
	for i := range MaxColumns + 1 {
		keys = append(keys, fmt.Sprintf(`"k%d": 1`, i))
	}
	wide := "{" + strings.Join(keys, ", ") + "}\n"
	narrow := "{" + strings.Join(keys[:MaxRowProblems+7], ", ") + "}\n"
	got, rows := outcomes(t, wide+narrow, JSONL)
	assert.Equal(t, []string{"1 table-too-wide", "2 table-column"}, got)
	assert.Equal(t, "this line has 10001 keys, more than the 10000 columns candor reads", rows[0].Problems[0].Summary)
	require.Len(t, rows[1].Problems, MaxRowProblems+1)
	more := rows[1].Problems[MaxRowProblems]
	assert.Equal(t, CodeMore, more.Code)
	assert.Equal(t, "answers.jsonl:2: and 7 more problems in this row", more.Error())

}
