// Command build writes a release's page engine into web/ (docs/release.md):
//
//	go run ./web/build          # at a release only: web/candor.wasm.gz and the files beside it
//	go run ./web/build -check   # the committed engine is what these sources build
//
// It compiles ./web/wasm for GOOS=js GOARCH=wasm reproducibly (package web/enginebuild) and
// writes web/candor.wasm.gz and web/candor-sealed.wasm.gz (the engine without and with
// encryption: enginebuild.Artifacts), web/wasm_exec.js (the Go toolchain's own loader),
// web/candor.wasm.version (the Go version that built them) and web/candor.wasm.sources (the
// digest of the sources). These are committed for a release only, so that
// `go install …/cmd/candor@TAG` embeds an engine; between releases nothing rebuilds them, and
// `candor form`, CI and the browser tests build the engine from source instead.
package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/candor-app/candor/web/enginebuild"
)

func main() {
	check := flag.Bool("check", false, "rebuild and compare with the committed files instead of writing them")
	flag.Parse()
	wd, err := os.Getwd()
	if err != nil {
		fail(err)
	}
	root, err := enginebuild.Root(wd)
	if err == nil {
		if *check {
			err = Check(root)
		} else {
			err = Write(root)
		}
	}
	if err != nil {
		fail(err)
	}
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "build:", err)
	os.Exit(1)
}

// Write builds and writes the artifacts under root/web.
func Write(root string) error {
	a, err := enginebuild.Build(root)
	if err != nil {
		return err
	}
	for _, f := range a.Files() {
		if err := os.WriteFile(filepath.Join(root, "web", f.Name), f.Data, 0o644); err != nil {
			return err
		}
	}
	fmt.Printf("web/%s: %d bytes, web/%s: %d bytes (%s, sources %s)\n", enginebuild.WasmGzName, len(a.WasmGz),
		enginebuild.WasmSealedGzName, len(a.WasmSealedGz), strings.TrimSpace(a.Version), a.Sources)
	return nil
}

// ErrOtherGo says the committed engine was built by another Go version, so a rebuild here
// cannot be compared with it.
var ErrOtherGo = errors.New("built with another Go version")

// Check rebuilds and compares with the committed artifacts.
func Check(root string) error {
	committed, err := os.ReadFile(filepath.Join(root, "web", enginebuild.VersionName))
	if err != nil {
		return err
	}
	a, err := enginebuild.Build(root)
	if err != nil {
		return err
	}
	if strings.TrimSpace(string(committed)) != strings.TrimSpace(a.Version) {
		return fmt.Errorf("%w: web/%s was built with %s, this is %s",
			ErrOtherGo, enginebuild.WasmGzName, strings.TrimSpace(string(committed)), strings.TrimSpace(a.Version))
	}
	var stale []string
	for _, f := range a.Files() {
		have, err := os.ReadFile(filepath.Join(root, "web", f.Name))
		if err != nil || !bytes.Equal(have, f.Data) {
			stale = append(stale, "web/"+f.Name)
		}
	}
	if len(stale) > 0 {
		sort.Strings(stale)
		return fmt.Errorf("%s %s not what the sources build now: at a release, run go run ./web/build and commit the result (docs/release.md)",
			strings.Join(stale, ", "), plural(len(stale), "is", "are"))
	}
	return nil
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
