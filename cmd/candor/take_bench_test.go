package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/candor-app/candor/bench/benchdata"
	"github.com/candor-app/candor/internal/iostreams"
)

// benchTakeInput is one typed line per question of benchdata.Bank(n): y for the yes/no
// questions (so every `when` holds and every question is asked), 1 for the others.
func benchTakeInput(n int) string {
	var b strings.Builder
	for i := range n {
		if i%7 == 0 {
			b.WriteString("y\n")
		} else {
			b.WriteString("1\n")
		}
	}
	return b.String()
}

// BenchmarkTake answers a generated bank of n questions from piped lines the way `candor
// take BANK --save FILE < answers` does: every answer saved (YAML, temp file, fsync,
// rename) before the next question. ms/answer is the wall time per answer, cpu-ms/answer
// the CPU time; a take that is linear per answer keeps ms/answer flat as n grows.
func BenchmarkTake(b *testing.B) {
	for _, n := range []int{300, 1000, 3000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			dir := b.TempDir()
			bank := filepath.Join(dir, "generated.yaml")
			if err := os.WriteFile(bank, benchdata.Bank(n), 0o600); err != nil {
				b.Fatal(err)
			}
			input := benchTakeInput(n)
			cpu := cpuTime()
			i := 0
			for b.Loop() {
				i++
				ios, in, _, errOut := iostreams.Test()
				in.WriteString(input)
				ios.ErrOut = io.Discard
				save := filepath.Join(dir, fmt.Sprintf("r%d.yaml", i))
				if err := takeRun(context.Background(), NewFactory(ios), &TakeOptions{Bank: bank, Save: save, Format: "json"}); err != nil {
					b.Fatal(err, errOut.String())
				}
			}
			b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(b.N*n), "ms/answer")
			b.ReportMetric(float64((cpuTime()-cpu).Milliseconds())/float64(b.N*n), "cpu-ms/answer")
		})
	}
}
