package render

import (
	"io"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/candor-app/candor/bench/benchdata"
	"github.com/candor-app/candor/data"
	"github.com/candor-app/candor/questionnaire"
	"github.com/candor-app/candor/scoring"
)

// BenchmarkSummary renders the summary of one scored response in each format: to the
// default bank, and to a generated bank of 200 questions (5 scores with bands, flags).
func BenchmarkSummary(b *testing.B) {
	def, ds := data.LoadBank(data.DefaultBank)
	if def == nil {
		b.Fatal(ds)
	}
	gen, ds := questionnaire.Load("generated.yaml", benchdata.Bank(200))
	if gen == nil {
		b.Fatal(ds)
	}
	at := time.Date(2026, 11, 22, 9, 0, 0, 0, time.UTC)
	for _, bank := range []*questionnaire.Bank{def, gen} {
		src, err := benchdata.Response(rand.New(rand.NewPCG(1, 0)), bank, at, 1)
		if err != nil {
			b.Fatal(err)
		}
		resp, ds := questionnaire.ReadResponse("r.yaml", src)
		if resp == nil {
			b.Fatal(ds)
		}
		// The first question of both is about safety: answer yes, so that the summary shows
		// scores and bands rather than help first.
		resp.SetAnswer(bank.Questions[0].ID, true)
		answers, ds := resp.Resolve(bank)
		if ds.HasErrors() {
			b.Fatal(ds)
		}
		r := scoring.Score(bank, answers, scoring.Options{Status: resp.Status})
		for _, format := range []string{"text", "markdown", "json"} {
			b.Run(bank.ID+"/"+format, func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					if err := Summary(io.Discard, bank, r, Options{Format: format, Width: 80, Date: at, SavedTo: "r.yaml"}); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}
