// Command gen writes N response files for a built-in bank (or a bank file) into a folder, as
// `candor take` saves them, for bench/score.sh. The answers are random but the same for the
// same seed.
//
//	go run ./bench/gen -n 100000 -bank trust-readiness DIR
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/candor-app/candor/bench/benchdata"
	"github.com/candor-app/candor/data"
)

func main() {
	n := flag.Int("n", 100000, "how many response files to write")
	bankID := flag.String("bank", data.DefaultBank, "the bank the responses answer: a built-in id or a file")
	seed := flag.Uint64("seed", 1, "random seed")
	flag.Usage = func() {
		fmt.Fprintln(os.Stderr, "usage: gen [-n N] [-bank ID] [-seed S] DIR")
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
	if err := benchdata.Responses(flag.Arg(0), b, *n, *seed); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}
