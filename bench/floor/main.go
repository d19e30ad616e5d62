// Command floor is the floor `candor score` is measured against in bench/score.sh: it merely
// reads the response files of the folders and files given and decodes each into a yaml.Node,
// with the YAML library candor uses, on all cores. Folders are listed as candor lists them
// (*.yaml and *.yml, sorted by name). It prints how many files it decoded.
//
//	go run ./bench/floor DIR...
package main

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"sync/atomic"

	"go.yaml.in/yaml/v3"
)

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: floor DIR_OR_FILE...")
		os.Exit(2)
	}
	var files []string
	for _, arg := range os.Args[1:] {
		st, err := os.Stat(arg)
		if err != nil || !st.IsDir() {
			files = append(files, arg)
			continue
		}
		entries, err := os.ReadDir(arg)
		if err != nil {
			fmt.Fprintln(os.Stderr, "floor:", err)
			os.Exit(1)
		}
		var names []string
		for _, e := range entries {
			ext := strings.ToLower(filepath.Ext(e.Name()))
			if (ext == ".yaml" || ext == ".yml") && !e.IsDir() {
				names = append(names, e.Name())
			}
		}
		sort.Strings(names)
		for _, n := range names {
			files = append(files, filepath.Join(arg, n))
		}
	}
	jobs := make(chan string, 256)
	var decoded, failed atomic.Int64
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for path := range jobs {
				src, err := os.ReadFile(path)
				if err != nil {
					failed.Add(1)
					continue
				}
				var doc yaml.Node
				if err := yaml.Unmarshal(src, &doc); err != nil {
					failed.Add(1)
					continue
				}
				decoded.Add(1)
			}
		}()
	}
	for _, f := range files {
		jobs <- f
	}
	close(jobs)
	wg.Wait()
	fmt.Printf("%d decoded, %d failed\n", decoded.Load(), failed.Load())
	if failed.Load() > 0 {
		os.Exit(1)
	}
}
