// Command candor asks self-reflection questions from a YAML bank and turns the answers into a
// plain-text readiness summary.
package main

import (
	"os"

	"github.com/candor-app/candor/internal/iostreams"
)

func main() {
	os.Exit(Main(os.Args[1:], NewFactory(iostreams.System())))
}
