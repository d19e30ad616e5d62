package questionnaire_test

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/candor-app/candor/questionnaire"
	"github.com/candor-app/candor/questionnaire/diagtext"
)

// FuzzLoad feeds the loader arbitrary files. Seeds: every bank of the corpus and of the repo,
// plus testdata/fuzz/FuzzLoad (which keeps every input that once failed). Invariants: no
// panic; either a bank or at least one error, never both; every diagnostic names the file
// and, when it has a line, a line and column of at least 1; the same input gives the same
// diagnostics; printing them works.
func FuzzLoad(f *testing.F) {
	for _, pattern := range []string{
		"testdata/invalid/*.yaml", "testdata/valid/*.yaml",
		"../data/banks/*.yaml", "../scoring/testdata/instruments/*.yaml",
	} {
		files, _ := filepath.Glob(pattern)
		for _, path := range files {
			if src, err := os.ReadFile(path); err == nil && len(src) < 64<<10 {
				f.Add(src)
			}
		}
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		const name = "fuzz.yaml"
		b, ds := questionnaire.Load(name, src)
		if b == nil && !ds.HasErrors() {
			t.Fatalf("no bank and no error: %v", ds)
		}
		if b != nil && ds.HasErrors() {
			t.Fatalf("a bank despite errors: %v", ds)
		}
		if len(ds) > questionnaire.MaxDiagnostics+1 {
			t.Fatalf("%d diagnostics, more than the %d shown", len(ds), questionnaire.MaxDiagnostics)
		}
		for _, d := range ds {
			if d.Pos.File != name {
				t.Fatalf("diagnostic without the file name: %#v", d)
			}
			if d.Pos.Line < 0 || (d.Pos.Line > 0 && d.Pos.Col < 1) {
				t.Fatalf("diagnostic with a bad position: %#v", d)
			}
			if d.Summary == "" {
				t.Fatalf("diagnostic without a summary: %#v", d)
			}
		}
		var out1, out2 bytes.Buffer
		if err := diagtext.Write(&out1, ds, map[string][]byte{name: src}, diagtext.Options{Width: 80}); err != nil {
			t.Fatal(err)
		}
		_, ds2 := questionnaire.Load(name, src)
		if err := diagtext.Write(&out2, ds2, map[string][]byte{name: src}, diagtext.Options{Width: 80}); err != nil {
			t.Fatal(err)
		}
		if out1.String() != out2.String() {
			t.Fatalf("Load is not deterministic:\n%s\n---\n%s", out1.String(), out2.String())
		}
		if b != nil {
			// A loaded bank is usable: every question is found by its id, every score's
			// range can be computed.
			for _, q := range b.Questions {
				if b.Question(q.ID) != q {
					t.Fatalf("question %q is not found by its id", q.ID)
				}
			}
			for _, s := range b.Scores {
				s.Range()
				for _, q := range s.Items {
					if !q.Scorable() {
						t.Fatalf("score %q has an unscorable item %q", s.ID, q.ID)
					}
				}
			}
		}
	})
}
