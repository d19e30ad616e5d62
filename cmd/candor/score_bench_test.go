package main

import (
	"io"
	"testing"

	"github.com/candor-app/candor/bench/benchdata"
	"github.com/candor-app/candor/data"
	"github.com/candor-app/candor/internal/iostreams"
)

// benchResponses writes n responses to the default bank into a temporary folder.
func benchResponses(b *testing.B, n int) string {
	b.Helper()
	bank, ds := data.LoadBank(data.DefaultBank)
	if bank == nil {
		b.Fatal(ds)
	}
	dir := b.TempDir()
	if err := benchdata.Responses(dir, bank, n, 1); err != nil {
		b.Fatal(err)
	}
	return dir
}

// BenchmarkScoreBatch scores a folder of 1,000 responses the way `candor score DIR` does
// (listing, reading, checking, scoring, writing in order on every core), in each format.
// ns/file is the time per response.
func BenchmarkScoreBatch(b *testing.B) {
	const n = 1000
	dir := benchResponses(b, n)
	for _, format := range []string{"csv", "json", "text"} {
		b.Run(format, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				ios, _, _, errOut := iostreams.Test()
				ios.Out = io.Discard
				if err := scoreRun(NewFactory(ios), &ScoreOptions{Responses: []string{dir}, Format: format}); err != nil {
					b.Fatal(err, errOut.String())
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/file")
		})
	}
}

// BenchmarkMain runs whole commands in-process through Main, as the binary does after
// start-up: `candor list` and `candor validate trust-readiness` (which runs the bank's tests).
func BenchmarkMain(b *testing.B) {
	for _, args := range [][]string{{"list"}, {"validate", data.DefaultBank}} {
		b.Run(args[0], func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				ios, _, _, errOut := iostreams.Test()
				ios.Out = io.Discard
				if code := Main(args, NewFactory(ios)); code != 0 {
					b.Fatal(code, errOut.String())
				}
			}
		})
	}
}
