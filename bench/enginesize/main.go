// Command enginesize builds the page engine of each source tree given (enginebuild.Build, in
// a temporary folder; nothing is written under the trees) and prints its sizes, raw and
// gzipped as the page carries it: go run ./bench/enginesize BEFORE-TREE AFTER-TREE.
package main

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"os"

	"github.com/candor-app/candor/web/enginebuild"
)

func main() {
	for _, root := range os.Args[1:] {
		a, err := enginebuild.Build(root)
		if err != nil {
			fmt.Println(root, err)
			os.Exit(1)
		}
		zr, err := gzip.NewReader(bytes.NewReader(a.WasmGz))
		if err != nil {
			fmt.Println(root, err)
			os.Exit(1)
		}
		n, err := io.Copy(io.Discard, zr)
		if err != nil {
			fmt.Println(root, err)
			os.Exit(1)
		}
		fmt.Printf("%s: wasm %d bytes, gzipped %d bytes\n", root, n, len(a.WasmGz))
	}
}
