// Command enginesize builds the page engine of each source tree given (enginebuild.Build, in
// a temporary folder; nothing is written under the trees) and prints its sizes, raw and
// gzipped as the page carries it: go run ./bench/enginesize BEFORE-TREE AFTER-TREE. A tree
// that builds two engines (without and with encryption) gets a line for each.
package main

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/candor-app/candor/web/enginebuild"
)

func main() {
	for _, root := range os.Args[1:] {
		abs, err := filepath.Abs(root)
		if err != nil {
			fmt.Println(root, err)
			os.Exit(1)
		}
		a, err := enginebuild.Build(abs)
		if err != nil {
			fmt.Println(root, err)
			os.Exit(1)
		}
		report(root, "", a.WasmGz)
		if len(a.WasmSealedGz) > 0 {
			report(root, " (with encryption)", a.WasmSealedGz)
		}
	}
}

// report prints the sizes of one gzipped engine.
func report(root, which string, gz []byte) {
	zr, err := gzip.NewReader(bytes.NewReader(gz))
	if err != nil {
		fmt.Println(root, err)
		os.Exit(1)
	}
	n, err := io.Copy(io.Discard, zr)
	if err != nil {
		fmt.Println(root, err)
		os.Exit(1)
	}
	fmt.Printf("%s%s: wasm %d bytes, gzipped %d bytes\n", root, which, n, len(gz))
}
