// Command candor asks self-reflection questions from a YAML bank and turns the answers into a
// plain-text readiness summary. This package is the command line only: cobra wiring, one file
// per command (NewCmdX, its options, its run function), exit codes; the work is done by the
// packages it calls (docs/architecture.md).
package main

import (
	"os"

	"github.com/candor-app/candor/internal/iostreams"
)

func main() {
	os.Exit(Main(os.Args[1:], NewFactory(iostreams.System())))
}
