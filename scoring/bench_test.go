package scoring

import (
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/candor-app/candor/bench/benchdata"
	"github.com/candor-app/candor/data"
	"github.com/candor-app/candor/questionnaire"
)

// BenchmarkScoreDASS21 scores the 21-item, three-subscale instrument with one answer missing.
func BenchmarkScoreDASS21(b *testing.B) {
	bank := loadInstrument(b, "dass21.yaml")
	answers := answersOf("dass_", 1, 2, -1, 0, 3, 1, 2, 1, 0, 2, 1, 1, 2, 3, 0, 1, 1, 2, 1, 0, 2)
	b.ReportAllocs()
	for b.Loop() {
		Score(bank, answers, Options{})
	}
}

// BenchmarkScorePHQ9 includes an expression (the urgent flag) on every run.
func BenchmarkScorePHQ9(b *testing.B) {
	bank := loadInstrument(b, "phq9.yaml")
	answers := answersOf("phq9_", 1, 1, 1, 1, 0, 0, 0, 0, 1)
	answers["phq9_10"] = 2.0
	b.ReportAllocs()
	for b.Loop() {
		Score(bank, answers, Options{})
	}
}

// benchAnswers loads a bank and resolves one random response to it, as `candor score` does.
func benchAnswers(b *testing.B, bank *questionnaire.Bank) questionnaire.Answers {
	b.Helper()
	src, err := benchdata.Response(rand.New(rand.NewPCG(1, 0)), bank, time.Date(2026, 11, 22, 9, 0, 0, 0, time.UTC), 1)
	if err != nil {
		b.Fatal(err)
	}
	r, ds := questionnaire.ReadResponse("r.yaml", src)
	if r == nil {
		b.Fatal(ds)
	}
	answers, ds := r.Resolve(bank)
	if ds.HasErrors() {
		b.Fatal(ds)
	}
	return answers
}

// BenchmarkScore scores one response to each built-in bank, and to a generated bank of 2,000
// questions (41 scores, one over 1,700 items, 41 flags with expressions), as `candor score`
// does for each file.
func BenchmarkScore(b *testing.B) {
	var banks []*questionnaire.Bank
	for _, id := range data.IDs() {
		bank, ds := data.LoadBank(id)
		if bank == nil {
			b.Fatal(ds)
		}
		banks = append(banks, bank)
	}
	gen, ds := questionnaire.Load("generated.yaml", benchdata.Bank(2000))
	if gen == nil {
		b.Fatal(ds)
	}
	banks = append(banks, gen)
	for _, bank := range banks {
		answers := benchAnswers(b, bank)
		b.Run(fmt.Sprintf("%s-%d", bank.ID, len(bank.Questions)), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				Score(bank, answers, Options{Status: questionnaire.Completed})
			}
		})
	}
}

// BenchmarkFlagsAgainstScore: what ask pays after each answer to show flags at once,
// Flags against the whole of Score (the verdict's worlds included), on a bank with an
// open safety question.
func BenchmarkFlagsAgainstScore(b *testing.B) {
	bank, ds := data.LoadBank("accountability")
	if bank == nil {
		b.Fatal(ds)
	}
	answers := questionnaire.Answers{}
	for _, q := range bank.Questions[len(bank.Questions)/2:] {
		if len(q.Options) > 0 {
			answers[q.ID] = q.Options[0].Value
		}
	}
	b.Run("Score", func(b *testing.B) {
		for b.Loop() {
			Score(bank, answers, Options{})
		}
	})
	b.Run("Flags", func(b *testing.B) {
		for b.Loop() {
			Flags(bank, answers)
		}
	})
}
