package main

import (
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
)

// packageSizes builds the engine of root with tags (its function names kept: the engine a
// page carries has none) and prints the bytes of WebAssembly code of each package, largest
// first, with what that code gzips to on its own: `go tool nm` does not read WebAssembly.
// Data (strings, tables, type and function information: the data section) is given as one
// line.
func packageSizes(w io.Writer, root, tags string, top int) error {
	tmp, err := os.MkdirTemp("", "candor-enginesize-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	out := filepath.Join(tmp, "engine.wasm")
	cmd := exec.Command("go", "build", "-tags="+tags, "-trimpath", "-o", out, "./web/wasm")
	cmd.Dir = root
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm", "CGO_ENABLED=0")
	if msg, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("go build: %v\n%s", err, msg)
	}
	wasm, err := os.ReadFile(out)
	if err != nil {
		return err
	}
	code, data, err := wasmCode(wasm)
	if err != nil {
		return err
	}
	list := exec.Command("go", "list", "-tags="+tags, "-deps", "./web/wasm")
	list.Dir, list.Env = root, cmd.Env
	deps, err := list.Output()
	if err != nil {
		return fmt.Errorf("go list: %v", err)
	}
	pkgs := strings.Fields(string(deps))
	type row struct {
		pkg       string
		size, gz  int
		functions []byte
	}
	by := map[string]*row{}
	total := 0
	for name, body := range code {
		p := packageOf(name, pkgs)
		if by[p] == nil {
			by[p] = &row{pkg: p}
		}
		by[p].size += len(body)
		by[p].functions = append(by[p].functions, body...)
		total += len(body)
	}
	rows := make([]*row, 0, len(by))
	for _, r := range by {
		r.gz = gzipSize(r.functions)
		rows = append(rows, r)
	}
	slices.SortFunc(rows, func(a, b *row) int { return b.size - a.size })
	fmt.Fprintf(w, "%s (tags %q): code %d bytes in %d packages, data %d bytes (%d gzipped)\n", root, tags, total, len(rows), len(data), gzipSize(data))
	fmt.Fprintf(w, "%10s %10s  %s\n", "code", "gzipped", "package")
	for _, r := range rows[:min(top, len(rows))] {
		fmt.Fprintf(w, "%10d %10d  %s\n", r.size, r.gz, r.pkg)
	}
	return nil
}

// wasmCode reads a WebAssembly module: each function's body by its name (the name section),
// and the data section.
func wasmCode(b []byte) (code map[string][]byte, data []byte, err error) {
	if len(b) < 8 || string(b[:4]) != "\x00asm" {
		return nil, nil, errors.New("not WebAssembly")
	}
	var bodies [][]byte
	names := map[int]string{}
	imported := 0
	r := bytes.NewReader(b[8:])
	for r.Len() > 0 {
		id, _ := r.ReadByte()
		size, err := binary.ReadUvarint(r)
		if err != nil || size > uint64(r.Len()) {
			return nil, nil, errors.New("a damaged section")
		}
		sec := make([]byte, size)
		_, _ = io.ReadFull(r, sec)
		s := bytes.NewReader(sec)
		switch id {
		case 2: // imports: functions imported come first in the index space
			n, _ := binary.ReadUvarint(s)
			for range n {
				skipName(s)
				skipName(s)
				kind, _ := s.ReadByte()
				if kind != 0 {
					return nil, nil, errors.New("an import that is not a function")
				}
				_, _ = binary.ReadUvarint(s)
				imported++
			}
		case 10: // code
			n, _ := binary.ReadUvarint(s)
			for range n {
				l, _ := binary.ReadUvarint(s)
				body := make([]byte, l)
				_, _ = io.ReadFull(s, body)
				bodies = append(bodies, body)
			}
		case 11: // data
			data = sec
		case 0: // custom: the name section's function names
			if readName(s) != "name" {
				continue
			}
			for s.Len() > 0 {
				sub, _ := s.ReadByte()
				l, _ := binary.ReadUvarint(s)
				part := make([]byte, l)
				_, _ = io.ReadFull(s, part)
				if sub != 1 {
					continue
				}
				p := bytes.NewReader(part)
				n, _ := binary.ReadUvarint(p)
				for range n {
					idx, _ := binary.ReadUvarint(p)
					names[int(idx)] = readName(p)
				}
			}
		}
	}
	code = map[string][]byte{}
	for i, body := range bodies {
		name := names[imported+i]
		if name == "" {
			name = fmt.Sprintf("function %d", imported+i)
		}
		code[name] = body
	}
	return code, data, nil
}

func readName(r *bytes.Reader) string {
	l, _ := binary.ReadUvarint(r)
	b := make([]byte, min(int(l), r.Len()))
	_, _ = io.ReadFull(r, b)
	return string(b)
}

func skipName(r *bytes.Reader) { readName(r) }

// packageOf is the package (one of pkgs) of a function's name as the Go linker writes it in
// WebAssembly: the package path with every character but letters, digits and dots made _
// ("github.com_expr_lang_expr_vm.__VM_.Run"), then a dot. The longest such prefix wins;
// the functions of none (the linker's own: type equality, wrappers) are "(other)".
func packageOf(name string, pkgs []string) string {
	best := ""
	for _, p := range pkgs {
		s := strings.Map(func(r rune) rune {
			if r == '.' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' {
				return r
			}
			return '_'
		}, p)
		if len(p) > len(best) && strings.HasPrefix(name, s+".") {
			best = p
		}
	}
	if best == "" {
		return "(other)"
	}
	return best
}

func gzipSize(b []byte) int {
	var buf bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	_, _ = zw.Write(b)
	_ = zw.Close()
	return buf.Len()
}
