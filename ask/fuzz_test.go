package ask

import (
	"strings"
	"testing"

	"github.com/candor-app/candor/questionnaire"
)

// FuzzSteps drives the step API with any sequence of actions (a line each: "<" back, ">"
// continue, "-" skip, "@id" go to, anything else an answer): it never panics, the step
// always stands within the questions asked, every recorded answer fits its question, the
// review numbers the asked questions 1..Total, and what is saved reads back as the same
// answers.
func FuzzSteps(f *testing.F) {
	for _, seed := range []string{
		"y\nred\nwarm\n1 2\n7\n3\n2020-01-01\n-",
		">\n<\n<\nn\n@safe\ny\n@hope\n4.5\n8\ncompletely",
		"\n\n-\n-\n@note\nx\n<\n<\n<\n<\n<\n<\n<\n<\n<",
		"yes\nLIGHT  BLUE\n,\n2 2 2\n@colour\n1\n\n9999-99-99\n2030-12-31",
	} {
		f.Add(seed)
	}
	b, ds := questionnaire.LoadFile("testdata/steps.yaml")
	if b == nil {
		f.Fatalf("%v", ds)
	}
	f.Fuzz(func(t *testing.T, input string) {
		resp := questionnaire.NewResponse(b, fixed)
		s := NewSession(b, resp, Options{Save: func(r *questionnaire.Response) error {
			_, err := r.Marshal(b)
			return err
		}})
		for _, line := range strings.Split(input, "\n") {
			switch {
			case line == "<":
				_ = s.Back()
			case line == ">":
				_ = s.Continue()
			case line == "-":
				_ = s.Skip()
			case strings.HasPrefix(line, "@"):
				_ = s.GoTo(line[1:])
			default:
				_ = s.Answer(line)
			}
			s.AckAtOnce()
			st := s.Current()
			if st.Number < 0 || st.Number > st.Total || (st.Question != nil && !st.Info && st.Number == 0) {
				t.Fatalf("step %d of %d at %v", st.Number, st.Total, st.Question)
			}
		}
		for id, v := range s.Answers() {
			q := b.Question(id)
			if q == nil {
				t.Fatalf("answer to unknown question %q", id)
			}
			if _, err := q.ParseValue(v); err != nil {
				t.Fatalf("answer %v to %q does not fit: %v", v, id, err)
			}
		}
		review := s.Review()
		for i, it := range review {
			if it.Number != i+1 {
				t.Fatalf("review item %d numbered %d", i, it.Number)
			}
		}
		if _, total := s.Progress(); total != len(review) {
			t.Fatalf("review lists %d questions, progress counts %d", len(review), total)
		}
		raw, err := resp.Marshal(b)
		if err != nil {
			t.Fatal(err)
		}
		back, ds := questionnaire.ReadResponse("r.yaml", raw)
		if back == nil {
			t.Fatalf("saved response does not read back: %v\n%s", ds, raw)
		}
		got, ds := back.Resolve(b)
		if ds.HasErrors() || len(got) != len(s.Answers()) {
			t.Fatalf("saved %d answers, read back %d (%v)\n%s", len(s.Answers()), len(got), ds, raw)
		}
	})
}
