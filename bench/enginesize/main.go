// Command enginesize builds the page engine of each source tree given (enginebuild.Build, in
// a temporary folder; nothing is written under the trees) and prints its sizes, raw and
// gzipped as the page carries it: go run ./bench/enginesize BEFORE-TREE AFTER-TREE. A tree
// that builds two engines (without and with encryption) gets a line for each.
//
//	go run ./bench/enginesize -packages [-tags candor_plain] [-top 40] TREE
//
// prints instead the code of each package in the engine, largest first (packages.go).
package main

import (
	"bytes"
	"compress/gzip"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/candor-app/candor/web/enginebuild"
)

func main() {
	packages := flag.Bool("packages", false, "print the size of each package's code instead")
	tags := flag.String("tags", "", "with -packages: the build tags (candor_plain: the engine without encryption)")
	top := flag.Int("top", 40, "with -packages: how many packages")
	flag.Parse()
	for _, root := range flag.Args() {
		if *packages {
			if err := packageSizes(os.Stdout, root, *tags, *top); err != nil {
				fmt.Println(root, err)
				os.Exit(1)
			}
			continue
		}
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
