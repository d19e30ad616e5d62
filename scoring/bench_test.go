package scoring

import "testing"

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
