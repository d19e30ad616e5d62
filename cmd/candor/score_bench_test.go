package main

import (
	"io"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"testing"

	"go.yaml.in/yaml/v3"

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
// ns/file is the wall time per response, cpu-ns/file the CPU time (all cores, user and
// system) per response, which a busy machine disturbs less.
func BenchmarkScoreBatch(b *testing.B) {
	const n = 1000
	dir := benchResponses(b, n)
	for _, format := range []string{"csv", "json", "text"} {
		b.Run(format, func(b *testing.B) {
			b.ReportAllocs()
			cpu := cpuTime()
			for b.Loop() {
				ios, _, _, errOut := iostreams.Test()
				ios.Out = io.Discard
				if err := scoreRun(NewFactory(ios), &ScoreOptions{Responses: []string{dir}, Format: format}); err != nil {
					b.Fatal(err, errOut.String())
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/file")
			b.ReportMetric(float64((cpuTime()-cpu).Nanoseconds())/float64(b.N*n), "cpu-ns/file")
		})
	}
	// The floor of bench/score.sh, in-process: read and YAML-decode the same files on every
	// core, nothing more.
	b.Run("floor", func(b *testing.B) {
		b.ReportAllocs()
		cpu := cpuTime()
		for b.Loop() {
			if err := floor(dir); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/file")
		b.ReportMetric(float64((cpuTime()-cpu).Nanoseconds())/float64(b.N*n), "cpu-ns/file")
	})
}

// floor lists dir, then reads and decodes every file into a yaml.Node on every core.
func floor(dir string) error {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return err
	}
	jobs := make(chan string, 64)
	errs := make(chan error, runtime.GOMAXPROCS(0))
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var first error
			for path := range jobs {
				src, err := os.ReadFile(path)
				if err == nil {
					var n yaml.Node
					err = yaml.Unmarshal(src, &n)
				}
				if err != nil && first == nil {
					first = err
				}
			}
			errs <- first
		}()
	}
	for _, e := range entries {
		jobs <- filepath.Join(dir, e.Name())
	}
	close(jobs)
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
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

// BenchmarkScoreTable scores a CSV table of 10,000 PHQ-9 rows the way `candor score --bank
// phq9.yaml TABLE.csv` does (reading, matching, decoding, scoring, writing in order on every
// core). bench/table.sh measures the same against pandas.
func BenchmarkScoreTable(b *testing.B) {
	const n = 10000
	bank, ds := data.LoadBank(filepath.Join("..", "..", "scoring", "testdata", "instruments", "phq9.yaml"))
	if bank == nil {
		b.Fatal(ds)
	}
	path := filepath.Join(b.TempDir(), "phq9.csv")
	f, err := os.Create(path)
	if err != nil {
		b.Fatal(err)
	}
	if err := benchdata.Table(f, bank, n, 1); err != nil {
		b.Fatal(err)
	}
	f.Close()
	for _, format := range []string{"csv", "json"} {
		b.Run(format, func(b *testing.B) {
			b.ReportAllocs()
			cpu := cpuTime()
			for b.Loop() {
				ios, _, _, errOut := iostreams.Test()
				ios.Out = io.Discard
				opts := &ScoreOptions{Responses: []string{path}, Bank: bank.File, Format: format}
				if err := scoreRun(NewFactory(ios), opts); err != nil {
					b.Fatal(err, errOut.String())
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/row")
			b.ReportMetric(float64((cpuTime()-cpu).Nanoseconds())/float64(b.N*n), "cpu-ns/row")
		})
	}
}
