package questionnaire_test

import (
	"math/rand/v2"
	"testing"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/candor-app/candor/bench/benchdata"
	"github.com/candor-app/candor/data"
	"github.com/candor-app/candor/questionnaire"
)

// BenchmarkLoadBuiltin loads and validates each built-in bank from the embedded files, as
// every command that uses one does.
func BenchmarkLoadBuiltin(b *testing.B) {
	for _, id := range data.IDs() {
		b.Run(id, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if bank, ds := data.LoadBank(id); bank == nil {
					b.Fatal(ds)
				}
			}
		})
	}
}

// BenchmarkLoadGenerated loads and validates a generated bank of 2,000 questions: sections,
// every question type, whens, a score per section and one over every item, flags and
// outcomes.
func BenchmarkLoadGenerated(b *testing.B) {
	src := benchdata.Bank(2000)
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		if bank, ds := questionnaire.Load("generated.yaml", src); bank == nil {
			b.Fatal(ds)
		}
	}
}

// benchResponse is one response file to bank id as `candor take` writes it.
func benchResponse(b *testing.B, bank *questionnaire.Bank) []byte {
	b.Helper()
	src, err := benchdata.Response(rand.New(rand.NewPCG(1, 0)), bank, time.Date(2026, 11, 22, 9, 0, 0, 0, time.UTC), 1)
	if err != nil {
		b.Fatal(err)
	}
	return src
}

// BenchmarkReadResponse reads one response and resolves it against its bank: what `candor
// score` does per file before scoring. Decode is the floor of bench/score.sh for the same
// bytes: the YAML library decoding them into a yaml.Node, nothing more.
func BenchmarkReadResponse(b *testing.B) {
	gen, ds := questionnaire.Load("generated.yaml", benchdata.Bank(100))
	if gen == nil {
		b.Fatal(ds)
	}
	def, ds := data.LoadBank(data.DefaultBank)
	if def == nil {
		b.Fatal(ds)
	}
	for _, bank := range []*questionnaire.Bank{def, gen} {
		src := benchResponse(b, bank)
		b.Run(bank.ID, func(b *testing.B) {
			b.SetBytes(int64(len(src)))
			b.ReportAllocs()
			for b.Loop() {
				r, ds := questionnaire.ReadResponse("r.yaml", src)
				if r == nil {
					b.Fatal(ds)
				}
				if _, ds := r.Resolve(bank); ds.HasErrors() {
					b.Fatal(ds)
				}
			}
		})
		b.Run(bank.ID+"/decode", func(b *testing.B) {
			b.SetBytes(int64(len(src)))
			b.ReportAllocs()
			for b.Loop() {
				var n yaml.Node
				if err := yaml.Unmarshal(src, &n); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
