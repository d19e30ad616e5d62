// Command build rebuilds the page engine of `candor form` reproducibly:
//
//	go run ./web/build
//
// It compiles ./web/wasm for GOOS=js GOARCH=wasm (-trimpath -buildvcs=false, no symbol
// table, no build id), gzips it with a fixed header (no time, no name), and writes
// web/candor.wasm.gz, web/wasm_exec.js (the Go toolchain's own loader) and
// web/candor.wasm.version (the Go version that built them). The same sources and the same
// Go version give the same bytes; TestArtifactIsFresh rebuilds and compares, so a stale
// engine cannot land. `go install` cannot run this step, so its results are committed and
// embedded in the candor binary (package web).
package main

import (
	"bytes"
	"compress/gzip"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
)

func main() {
	check := flag.Bool("check", false, "rebuild and compare with the committed files instead of writing them")
	flag.Parse()
	root, err := repoRoot()
	if err == nil {
		if *check {
			err = Check(root)
		} else {
			err = Write(root)
		}
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "build:", err)
		os.Exit(1)
	}
}

// Artifacts are the files the build writes, by name under web/.
type Artifacts struct {
	WasmGz  []byte
	WasmExe []byte
	Version string
}

// Names of the artifacts under web/.
const (
	WasmGzName  = "candor.wasm.gz"
	WasmExeName = "wasm_exec.js"
	VersionName = "candor.wasm.version"
)

// repoRoot is the folder holding go.mod.
func repoRoot() (string, error) {
	out, err := exec.Command("go", "env", "GOMOD").Output()
	if err != nil {
		return "", fmt.Errorf("go env GOMOD: %w", err)
	}
	mod := strings.TrimSpace(string(out))
	if mod == "" || mod == os.DevNull {
		return "", errors.New("run it inside the candor module")
	}
	return filepath.Dir(mod), nil
}

// goEnv is one value of `go env`.
func goEnv(name string) (string, error) {
	out, err := exec.Command("go", "env", name).Output()
	if err != nil {
		return "", fmt.Errorf("go env %s: %w", name, err)
	}
	return strings.TrimSpace(string(out)), nil
}

// Build compiles the engine and returns the artifacts, writing nothing under root.
func Build(root string) (*Artifacts, error) {
	version, err := goEnv("GOVERSION")
	if err != nil {
		return nil, err
	}
	goroot, err := goEnv("GOROOT")
	if err != nil {
		return nil, err
	}
	tmp, err := os.MkdirTemp("", "candor-wasm-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(tmp)
	out := filepath.Join(tmp, "candor.wasm")
	cmd := exec.Command("go", "build", "-trimpath", "-buildvcs=false", "-ldflags=-s -w -buildid=", "-o", out, "./web/wasm")
	cmd.Dir = root
	cmd.Env = append(cleanEnv(os.Environ()), "GOOS=js", "GOARCH=wasm", "CGO_ENABLED=0", "GOFLAGS=", "GOEXPERIMENT=")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		return nil, fmt.Errorf("go build ./web/wasm: %v\n%s", err, stderr.String())
	}
	wasm, err := os.ReadFile(out)
	if err != nil {
		return nil, err
	}
	gz, err := Gzip(wasm)
	if err != nil {
		return nil, err
	}
	exe, err := wasmExec(goroot)
	if err != nil {
		return nil, err
	}
	return &Artifacts{WasmGz: gz, WasmExe: exe, Version: version + "\n"}, nil
}

// cleanEnv drops what would change the build's output from the environment.
func cleanEnv(env []string) []string {
	var out []string
	for _, kv := range env {
		k, _, _ := strings.Cut(kv, "=")
		switch k {
		case "GOOS", "GOARCH", "CGO_ENABLED", "GOFLAGS", "GOEXPERIMENT", "GOWASM", "GOAMD64":
			continue
		}
		out = append(out, kv)
	}
	return out
}

// Gzip compresses b at the best level with a fixed header: no modification time, no name,
// so the same input always gives the same bytes.
func Gzip(b []byte) ([]byte, error) {
	var buf bytes.Buffer
	zw, err := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	if err != nil {
		return nil, err
	}
	if _, err := zw.Write(b); err != nil {
		return nil, err
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// wasmExec is the Go toolchain's JavaScript loader for js/wasm programs.
func wasmExec(goroot string) ([]byte, error) {
	for _, p := range []string{filepath.Join(goroot, "lib", "wasm", "wasm_exec.js"), filepath.Join(goroot, "misc", "wasm", "wasm_exec.js")} {
		if b, err := os.ReadFile(p); err == nil {
			return b, nil
		}
	}
	return nil, fmt.Errorf("no wasm_exec.js under %s (lib/wasm or misc/wasm)", goroot)
}

func (a *Artifacts) files() map[string][]byte {
	return map[string][]byte{WasmGzName: a.WasmGz, WasmExeName: a.WasmExe, VersionName: []byte(a.Version)}
}

// Write builds and writes the artifacts under root/web.
func Write(root string) error {
	a, err := Build(root)
	if err != nil {
		return err
	}
	for name, b := range a.files() {
		if err := os.WriteFile(filepath.Join(root, "web", name), b, 0o644); err != nil {
			return err
		}
	}
	fmt.Printf("web/%s: %d bytes (%s)\n", WasmGzName, len(a.WasmGz), strings.TrimSpace(a.Version))
	return nil
}

// ErrOtherGo says the committed engine was built by another Go version, so a rebuild here
// cannot be compared with it.
var ErrOtherGo = errors.New("built with another Go version")

// Check rebuilds and compares with the committed artifacts.
func Check(root string) error {
	committed, err := os.ReadFile(filepath.Join(root, "web", VersionName))
	if err != nil {
		return err
	}
	version, err := goEnv("GOVERSION")
	if err != nil {
		return err
	}
	if strings.TrimSpace(string(committed)) != version {
		return fmt.Errorf("%w: web/%s was built with %s, this is %s; rebuild with go run ./web/build",
			ErrOtherGo, WasmGzName, strings.TrimSpace(string(committed)), version)
	}
	a, err := Build(root)
	if err != nil {
		return err
	}
	var stale []string
	for name, b := range a.files() {
		have, err := os.ReadFile(filepath.Join(root, "web", name))
		if err != nil || !bytes.Equal(have, b) {
			stale = append(stale, "web/"+name)
		}
	}
	if len(stale) > 0 {
		sort.Strings(stale)
		return fmt.Errorf("%s %s not what the sources build now: run go run ./web/build and commit the result",
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
