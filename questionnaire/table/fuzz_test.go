package table

import (
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/candor-app/candor/questionnaire"
)

// fuzzMarks are what FuzzTable puts into its input, anywhere: quotes, the separators (comma,
// semicolon, tab) and line breaks.
var fuzzMarks = []string{`"`, ",", ";", "\t", "\n", "\r\n", `""`, "\r", "{", "}", ":"}

// withMarks inserts marks into src: each pair of bytes of marks is a place (spread over the
// whole input, so that every position can be reached) and which mark goes there.
func withMarks(src string, marks []byte) string {
	b := []byte(src)
	for i := 0; i+1 < len(marks); i += 2 {
		pos := int(marks[i]) * (len(b) + 1) / 256
		m := fuzzMarks[int(marks[i+1])%len(fuzzMarks)]
		b = append(b[:pos], append([]byte(m), b[pos:]...)...)
	}
	return string(b)
}

// FuzzTable reads any bytes, with quotes, separators and line breaks put in every position,
// as a CSV, TSV or JSON Lines table of the kinds bank: it never panics or hangs, every problem
// names the table and a line and has a Code, every decoded row's answers fit their questions,
// and no row is lost: every line that is not blank is the first line of a row, or inside a
// row read whole (a CSV record whose quoted cell holds line breaks). Seeds under
// testdata/fuzz/FuzzTable are replayed by go test.
func FuzzTable(f *testing.F) {
	b := kinds(f)
	for _, s := range []string{
		"safe,mood,helps,note\nyes,2,walks;music,hi\n",
		"\ufeff1,2,3\r\ny,Several days,light blue\r\n",
		"safe\tnote\nno\t\"quoted\ttab\"\n",
		`{"safe": true, "helps": ["walks"], "hope": 3}` + "\n{}\n[1]\n",
		"respondent,started\nA,2026-11-01\n,bad\n",
		"safe,\"unclosed\nyes,\"\n",
		"safe,note\nno,\"You never listen\" is what he says\nno,b\nno,\"c\nno,d\n",
		"safe,note,mood\nno,\"oops\nno,b,1\nno,c\"\nyes,d,2\n",
		`{"safe": "no", "safe": "yes"}` + "\n",
	} {
		for _, format := range []Format{CSV, TSV, JSONL} {
			f.Add(s, uint8(format), []byte{})
			f.Add(s, uint8(format), []byte{128, 0, 40, 4, 200, 3})
		}
	}
	f.Fuzz(func(t *testing.T, src string, format uint8, marks []byte) {
		if len(marks) > 64 {
			marks = marks[:64]
		}
		src = withMarks(src, marks)
		fm := Format(format%3 + 1)
		r, err := NewReader(strings.NewReader(src), "t", fm, b, Options{Ignore: []string{"x"}})
		if err != nil {
			checkDiags(t, err)
			return
		}
		// covered[line] is true for a line that is a row's first, or inside a row read whole.
		covered := map[int]bool{}
		last := 0
		for range 10000 {
			row, err := r.Next()
			if errors.Is(err, io.EOF) {
				checkEveryLine(t, src, fm, r, covered)
				return
			}
			if err != nil {
				t.Fatalf("an error reading from memory: %v", err)
			}
			if row.Line <= last || row.End < row.Line {
				t.Fatalf("row lines %d to %d after a row at line %d", row.Line, row.End, last)
			}
			if fm != CSV && row.End != row.Line {
				t.Fatalf("a %s row over lines %d to %d", fm, row.Line, row.End)
			}
			last = row.Line
			covered[row.Line] = true
			d := r.Decode(row)
			if row.problem == nil {
				for l := row.Line; l <= row.End; l++ {
					covered[l] = true
				}
			}
			if len(d.Problems) > 0 {
				checkDiags(t, d.Problems)
				for _, p := range d.Problems {
					if p.Code == "" {
						t.Fatalf("a row's problem without a code: %+v", p)
					}
				}
				continue
			}
			if d.Response == nil {
				t.Fatal("a row with no problems and no response")
			}
			for id, v := range d.Response.Answers {
				q := b.Question(id)
				if q == nil {
					t.Fatalf("an answer to %q, which the bank does not have", id)
				}
				if _, err := q.ParseValue(v); err != nil {
					t.Fatalf("decoded answer %v to %q does not fit: %v", v, id, err)
				}
			}
		}
		t.Fatal("more than 10,000 rows from a fuzz input")
	})
}

// checkEveryLine fails when a line of src that is not blank (nor the header) is neither a
// row's first line nor inside a row read whole.
func checkEveryLine(t *testing.T, src string, fm Format, r *Reader, covered map[int]bool) {
	t.Helper()
	src = strings.TrimPrefix(src, "\ufeff")
	lines := strings.Split(src, "\n")
	if lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	for i, l := range lines {
		n := i + 1
		blank := strings.TrimSuffix(l, "\r") == ""
		if fm == JSONL {
			blank = len(bytes.TrimSpace([]byte(l))) == 0
		}
		if blank || (fm != JSONL && n <= r.headerEnd) {
			continue
		}
		if !covered[n] {
			t.Fatalf("line %d (%q) is in no row", n, l)
		}
	}
}

func checkDiags(t *testing.T, err error) {
	t.Helper()
	if err == nil {
		return
	}
	var ds questionnaire.Diagnostics
	if !errors.As(err, &ds) {
		t.Fatalf("an error that is not diagnostics: %v", err)
	}
	if len(ds) == 0 {
		t.Fatal("empty diagnostics as an error")
	}
	for _, d := range ds {
		if d.Pos.File != "t" || d.Summary == "" {
			t.Fatalf("a problem without its place or words: %+v", d)
		}
	}
}
