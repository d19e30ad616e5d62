package fhir_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/candor-app/candor/interop/fhir"
	"github.com/candor-app/candor/questionnaire"
)

// Whatever the file, import gives an error or a bank that loads without errors (within
// candor's limits), and never panics.
func FuzzImport(f *testing.F) {
	for _, name := range []string{"phq-9.json", "gad-7.json", "mappings/types.json", "mappings/groups.json", "mappings/totals.json"} {
		src, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(src)
	}
	f.Add([]byte(`{"resourceType":"Questionnaire","item":[{"linkId":"a","type":"boolean","enableWhen":[{"question":"a","operator":"exists","answerBoolean":true}]}]}`))
	f.Fuzz(func(t *testing.T, src []byte) {
		b, _, err := fhir.Import(src)
		if err != nil {
			return
		}
		y, err := b.Marshal()
		if err != nil {
			t.Fatal(err)
		}
		if len(y) > questionnaire.MaxFileSize {
			return
		}
		if _, ds := questionnaire.Load("fuzz.yaml", y); ds.HasErrors() {
			t.Fatalf("%v\n%s\n%s", ds, src, y)
		}
	})
}
