package terminal

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"

	"github.com/candor-app/candor/internal/text"
	"github.com/candor-app/candor/questionnaire"
)

// FuzzSession types anything at a session: it never panics, never writes an escape code,
// and every answer it records is one its question accepts.
func FuzzSession(f *testing.F) {
	for _, seed := range []string{
		strings.Join(allAnswers, "\n"),
		"?\nb\ns\nq",
		"y\n0\nred\n\x1b[2J\nb\nb\n1, 2, 3\n",
		"n\n2\n2\n1 2 3 3\n7\n-0\n\n\n",
		"yes\n1e9\nLIGHT BLUE\n,,,\n\u202e\n",
	} {
		f.Add(seed)
	}
	b, ds := questionnaire.LoadFile("../testdata/kinds.yaml")
	if b == nil {
		f.Fatalf("%v", ds)
	}
	f.Fuzz(func(t *testing.T, input string) {
		lines := Lines(strings.Split(input, "\n"))
		for i := range lines {
			lines[i] = text.Strip(lines[i])
		}
		var out bytes.Buffer
		resp := questionnaire.NewResponse(b, time.Unix(0, 0))
		s := New(b, resp, &lines, &out, Options{Save: func(r *questionnaire.Response) error {
			_, err := r.Marshal(b)
			return err
		}})
		if _, err := s.Run(context.Background()); err != nil {
			t.Fatalf("run: %v", err)
		}
		if strings.ContainsRune(out.String(), '\x1b') {
			t.Fatalf("an escape code reached the output")
		}
		for id, v := range s.Answers() {
			q := b.Question(id)
			if q == nil {
				t.Fatalf("answer to unknown question %q", id)
			}
			if got, err := q.ParseValue(v); err != nil {
				t.Fatalf("answer %v to %q does not fit: %v", v, id, err)
			} else if q.Type != questionnaire.Multi && got != v {
				t.Fatalf("answer %v to %q is not normalized (%v)", v, id, got)
			}
		}
		// What is saved reads back as the same answers.
		raw, err := resp.Marshal(b)
		if err != nil {
			t.Fatal(err)
		}
		back, ds := questionnaire.ReadResponse("r.yaml", raw)
		if back == nil {
			t.Fatalf("saved response does not read back: %v\n%s", ds, raw)
		}
		got, ds := back.Resolve(b)
		if ds.HasErrors() {
			t.Fatalf("saved answers do not resolve: %v\n%s", ds, raw)
		}
		if len(got) != len(s.Answers()) {
			t.Fatalf("saved %d answers, read back %d\n%s", len(s.Answers()), len(got), raw)
		}
	})
}
