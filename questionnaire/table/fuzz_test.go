package table

import (
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/candor-app/candor/questionnaire"
)

// FuzzTable reads any bytes as a CSV, TSV or JSON Lines table of the kinds bank: it never
// panics or hangs, every problem names the table and a line, and every decoded row's
// answers fit their questions. Seeds under testdata/fuzz/FuzzTable are replayed by go test.
func FuzzTable(f *testing.F) {
	b := kinds(f)
	for _, s := range []string{
		"safe,mood,helps,note\nyes,2,walks;music,hi\n",
		"\ufeff1,2,3\r\ny,Several days,light blue\r\n",
		"safe\tnote\nno\t\"quoted\ttab\"\n",
		`{"safe": true, "helps": ["walks"], "hope": 3}` + "\n{}\n[1]\n",
		"respondent,started\nA,2026-11-01\n,bad\n",
		"safe,\"unclosed\nyes,\"\n",
	} {
		for _, format := range []Format{CSV, TSV, JSONL} {
			f.Add(s, uint8(format))
		}
	}
	f.Fuzz(func(t *testing.T, src string, format uint8) {
		fm := Format(format%3 + 1)
		r, err := NewReader(strings.NewReader(src), "t", fm, b, Options{Ignore: []string{"x"}})
		if err != nil {
			checkDiags(t, err)
			return
		}
		for range 10000 {
			row, err := r.Next()
			if errors.Is(err, io.EOF) {
				return
			}
			if err != nil {
				checkDiags(t, err)
				if row == nil {
					return
				}
				continue
			}
			d := r.Decode(row)
			if len(d.Problems) > 0 {
				checkDiags(t, d.Problems)
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
