// Command gen writes N response files for a built-in bank (or a bank file) into a folder, as
// `candor take` saves them, for bench/score.sh; or, with -table, one CSV table of N rows, for
// bench/table.sh. The answers are random but the same for the same seed (row i of the table
// holds the answers of file i).
//
//	go run ./bench/gen -n 100000 -bank trust-readiness DIR
//	go run ./bench/gen -n 100000 -bank scoring/testdata/instruments/phq9.yaml -table FILE.csv
package main

import (
	"bufio"
	"flag"
	"fmt"
	"os"

	"github.com/candor-app/candor/bench/benchdata"
	"github.com/candor-app/candor/data"
	"github.com/candor-app/candor/questionnaire"
)

func main() {
	n := flag.Int("n", 100000, "how many response files to write")
	bankID := flag.String("bank", data.DefaultBank, "the bank the responses answer: a built-in id or a file")
	seed := flag.Uint64("seed", 1, "random seed")
	table := flag.Bool("table", false, "write one CSV table to the file named, instead of response files to a folder")
	flag.Usage = func() {
		fmt.Fprintln(os.Stderr, "usage: gen [-n N] [-bank ID] [-seed S] DIR\n       gen -table [-n N] [-bank ID] [-seed S] FILE.csv")
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() != 1 {
		flag.Usage()
		os.Exit(2)
	}
	b, ds := data.LoadBank(*bankID)
	if b == nil {
		fmt.Fprintf(os.Stderr, "gen: cannot load bank %q: %v\n", *bankID, ds)
		os.Exit(1)
	}
	if *table {
		err := writeTable(flag.Arg(0), b, *n, *seed)
		if err != nil {
			fmt.Fprintln(os.Stderr, "gen:", err)
			os.Exit(1)
		}
		return
	}
	if err := benchdata.Responses(flag.Arg(0), b, *n, *seed); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

func writeTable(path string, b *questionnaire.Bank, n int, seed uint64) error {
	f, err := os.OpenFile(path, os.O_CREATE|os.O_TRUNC|os.O_WRONLY, 0o600)
	if err != nil {
		return err
	}
	w := bufio.NewWriterSize(f, 1<<20)
	if err := benchdata.Table(w, b, n, seed); err != nil {
		f.Close()
		return err
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
