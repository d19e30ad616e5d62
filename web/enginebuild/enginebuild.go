// Package enginebuild builds the page engine of `candor form` (./web/wasm compiled for
// GOOS=js GOARCH=wasm) from source, reproducibly, and names the sources it is built from by
// one digest (docs/spec.md §4, form; docs/release.md). It is built twice from the same
// sources: without encryption (build tag PlainTag) for most pages, and with it for a page
// that encrypts the answers (Artifacts).
//
// The engine is not committed with each change: only a release commits one (web/candor.wasm.gz
// and web/candor-sealed.wasm.gz, with the digest of its sources in web/candor.wasm.sources), so
// that `go install …@TAG` has it. Everywhere else (a clone, CI, the browser tests) the engine is built from the sources
// here, and `candor form` run from a source tree whose digest differs from the released
// engine's builds it once into the user's cache (ForSource).
package enginebuild

import (
	"bytes"
	"cmp"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"

	"github.com/candor-app/candor/internal/safefile"
)

// ModulePath is candor's module: a source tree is candor's when its go.mod names it.
const ModulePath = "github.com/candor-app/candor"

// Package is the package compiled to WebAssembly.
const Package = "./web/wasm"

// PlainTag is the build tag of the engine without encryption (web/engine/seal_plain.go).
const PlainTag = "candor_plain"

// Artifacts are what a build gives: the gzipped engines, the Go toolchain's loader, the Go
// version that built them (a line) and the digest of the sources. The engine is built twice
// from the same sources: WasmGz without encryption (build tag PlainTag), for every page
// without counselors' keys, and WasmSealedGz with it (filippo.io/age: about 300 KB more
// gzipped), for a page that encrypts the answers (docs/spec.md §4, form).
type Artifacts struct {
	WasmGz       []byte
	WasmSealedGz []byte
	WasmExe      []byte
	Version      string
	Sources      string
}

// wasmEnv is the environment of every go command run for the engine: the same target, and
// nothing from the caller's environment that would change the output.
func wasmEnv() []string {
	var out []string
	for _, kv := range os.Environ() {
		k, _, _ := strings.Cut(kv, "=")
		switch k {
		case "GOOS", "GOARCH", "CGO_ENABLED", "GOFLAGS", "GOEXPERIMENT", "GOWASM", "GOAMD64":
			continue
		}
		out = append(out, kv)
	}
	return append(out, "GOOS=js", "GOARCH=wasm", "CGO_ENABLED=0", "GOFLAGS=", "GOEXPERIMENT=")
}

// goCmd runs `go args…` in dir for the engine's target and returns its standard output.
func goCmd(dir string, args ...string) ([]byte, error) {
	cmd := exec.Command("go", args...)
	cmd.Dir = dir
	cmd.Env = wasmEnv()
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		if errors.Is(err, exec.ErrNotFound) {
			return nil, errors.New("the Go toolchain (go) is not on the PATH")
		}
		return nil, fmt.Errorf("go %s: %v\n%s", args[0], err, strings.TrimSpace(stderr.String()))
	}
	return out, nil
}

// goEnv is one value of `go env`.
func goEnv(dir, name string) (string, error) {
	out, err := goCmd(dir, "env", name)
	return strings.TrimSpace(string(out)), err
}

// Root is the candor source tree holding dir (its go.mod's folder), or an error when dir is
// not inside one.
func Root(dir string) (string, error) {
	mod, err := goEnv(dir, "GOMOD")
	if err != nil {
		return "", err
	}
	if mod == "" || mod == os.DevNull {
		return "", fmt.Errorf("%s is not inside a Go module", dir)
	}
	b, err := os.ReadFile(mod)
	if err != nil {
		return "", err
	}
	if modulePath(b) != ModulePath {
		return "", fmt.Errorf("%s is not candor's source (its module is %q)", filepath.Dir(mod), modulePath(b))
	}
	return filepath.Dir(mod), nil
}

// modulePath is the path a go.mod's module line names.
func modulePath(gomod []byte) string {
	for _, line := range strings.Split(string(gomod), "\n") {
		if rest, ok := strings.CutPrefix(strings.TrimSpace(line), "module "); ok {
			return strings.Trim(strings.TrimSpace(rest), `"`)
		}
	}
	return ""
}

// listed is what `go list -json` says of a package, as far as the digest needs.
type listed struct {
	Dir            string
	GoFiles        []string
	IgnoredGoFiles []string
	EmbedFiles     []string
	Module         *struct{ Main bool }
}

// SourceDigest names everything the engine built from root depends on: the Go version, go.mod
// and go.sum (every dependency's version), and each file of candor's own packages that
// ./web/wasm imports for js/wasm (Go files, those a build tag leaves out too, and embedded
// files), so that it names both engines (Artifacts). Equal digests build the same engines.
func SourceDigest(root string) (string, error) {
	version, err := goEnv(root, "GOVERSION")
	if err != nil {
		return "", err
	}
	out, err := goCmd(root, "list", "-deps", "-json=Dir,GoFiles,IgnoredGoFiles,EmbedFiles,Module", Package)
	if err != nil {
		return "", err
	}
	files := []string{"go.mod", "go.sum"}
	dec := json.NewDecoder(bytes.NewReader(out))
	for {
		var p listed
		if err := dec.Decode(&p); errors.Is(err, io.EOF) {
			break
		} else if err != nil {
			return "", fmt.Errorf("go list: %v", err)
		}
		if p.Module == nil || !p.Module.Main {
			continue
		}
		rel, err := filepath.Rel(root, p.Dir)
		if err != nil {
			return "", err
		}
		for _, f := range slices.Concat(p.GoFiles, p.IgnoredGoFiles, p.EmbedFiles) {
			files = append(files, filepath.ToSlash(filepath.Join(rel, f)))
		}
	}
	return Digest(root, version, files)
}

// Digest is the digest of the Go version and the named files under root (slash-separated
// paths): each file's path and content, in path order, so that moving or changing any of
// them changes it.
func Digest(root, goVersion string, files []string) (string, error) {
	files = slices.Clone(files)
	slices.Sort(files)
	files = slices.Compact(files)
	h := sha256.New()
	fmt.Fprintf(h, "candor page engine\x00%s\x00", goVersion)
	for _, f := range files {
		b, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(f)))
		if err != nil && !(errors.Is(err, os.ErrNotExist) && f == "go.sum") {
			return "", err
		}
		fmt.Fprintf(h, "%s\x00%d\x00", f, len(b))
		h.Write(b)
	}
	return "sha256:" + hex.EncodeToString(h.Sum(nil)), nil
}

// Build compiles the engines from the source tree at root, writing nothing under it: the same
// sources and Go version always give the same bytes (-trimpath, no VCS stamp, no symbol
// table, no build id, gzip with a fixed header).
func Build(root string) (*Artifacts, error) {
	sources, err := SourceDigest(root)
	if err != nil {
		return nil, err
	}
	version, err := goEnv(root, "GOVERSION")
	if err != nil {
		return nil, err
	}
	goroot, err := goEnv(root, "GOROOT")
	if err != nil {
		return nil, err
	}
	tmp, err := os.MkdirTemp("", "candor-wasm-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(tmp)
	plain, err := buildGz(root, filepath.Join(tmp, "candor.wasm"), PlainTag)
	if err != nil {
		return nil, err
	}
	sealing, err := buildGz(root, filepath.Join(tmp, "candor-sealed.wasm"), "")
	if err != nil {
		return nil, err
	}
	exe, err := wasmExec(goroot)
	if err != nil {
		return nil, err
	}
	return &Artifacts{WasmGz: plain, WasmSealedGz: sealing, WasmExe: exe, Version: version + "\n", Sources: sources}, nil
}

// buildGz compiles the engine with the build tags given (comma-separated; "" for none) into
// out and returns it gzipped.
func buildGz(root, out, tags string) ([]byte, error) {
	if _, err := goCmd(root, "build", "-tags="+tags, "-trimpath", "-buildvcs=false", "-ldflags=-s -w -buildid=", "-o", out, Package); err != nil {
		return nil, err
	}
	wasm, err := os.ReadFile(out)
	if err != nil {
		return nil, err
	}
	return Gzip(wasm)
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

// Names of an engine's files, in web/ (a release) and in a cache entry.
const (
	WasmGzName       = "candor.wasm.gz"
	WasmSealedGzName = "candor-sealed.wasm.gz"
	WasmExeName      = "wasm_exec.js"
	VersionName      = "candor.wasm.version"
	SourcesName      = "candor.wasm.sources"
)

// File is one of an engine's files: its name (in web/ for a release, in a cache entry) and
// its bytes.
type File struct {
	Name string
	Data []byte
}

// Files are the engine's files, the sources digest last: a set of them without it is
// incomplete (a cache entry is read only once it is there).
func (a *Artifacts) Files() []File {
	return []File{{WasmGzName, a.WasmGz}, {WasmSealedGzName, a.WasmSealedGz}, {WasmExeName, a.WasmExe}, {VersionName, []byte(a.Version)}, {SourcesName, []byte(a.Sources + "\n")}}
}

// UserCacheDir is where built engines are kept for this user: candor's folder in the
// user's cache (os.UserCacheDir). `candor form` and the tests share it, so an engine is
// built once for each state of the sources, not once for each run.
func UserCacheDir() (string, error) {
	d, err := os.UserCacheDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(d, "candor", "page-engine"), nil
}

// CachedTree is the engine of the source tree holding dir, from the user's cache
// (UserCacheDir) or built now and kept there; the tests of candor's page run it.
func CachedTree(dir string) (*Artifacts, error) {
	root, err := Root(dir)
	if err != nil {
		return nil, err
	}
	digest, err := SourceDigest(root)
	if err != nil {
		return nil, err
	}
	cache, err := UserCacheDir()
	if err != nil {
		return nil, err
	}
	a, _, err := Cached(cache, digest, func() (*Artifacts, error) { return Build(root) })
	return a, err
}

// keepCached is how many engines the cache keeps (the newest): a developer moving between
// branches reuses them; older ones are removed when a new one is stored.
const keepCached = 3

// Cached is an engine for the sources named by digest: from cacheDir when an earlier call
// stored one, or else built by build (Build, in real use) and stored there (0600 files in
// 0700 folders, written atomically). built reports whether it was built now.
func Cached(cacheDir, digest string, build func() (*Artifacts, error)) (a *Artifacts, built bool, err error) {
	name := strings.TrimPrefix(digest, "sha256:")
	if len(name) < 16 || strings.ContainsAny(name, `/\.`) {
		return nil, false, fmt.Errorf("not a source digest: %q", digest)
	}
	dir := filepath.Join(cacheDir, name[:16])
	if a, err := readCached(dir, digest); err == nil {
		return a, false, nil
	}
	a, err = build()
	if err != nil {
		return nil, false, err
	}
	if a.Sources != digest {
		// The sources changed while they were built: use this engine, keep none.
		return a, true, nil
	}
	if err := safefile.MkdirPrivate(dir); err != nil {
		return nil, false, err
	}
	for _, f := range a.Files() {
		if err := safefile.WriteFile(filepath.Join(dir, f.Name), f.Data); err != nil {
			return nil, false, err
		}
	}
	prune(cacheDir, keepCached)
	return a, true, nil
}

// readCached reads a complete cache entry for digest.
func readCached(dir, digest string) (*Artifacts, error) {
	src, err := os.ReadFile(filepath.Join(dir, SourcesName))
	if err != nil {
		return nil, err
	}
	if strings.TrimSpace(string(src)) != digest {
		return nil, errors.New("another engine")
	}
	a := &Artifacts{Sources: digest}
	if a.WasmGz, err = readGz(filepath.Join(dir, WasmGzName)); err != nil {
		return nil, err
	}
	if a.WasmSealedGz, err = readGz(filepath.Join(dir, WasmSealedGzName)); err != nil {
		return nil, err
	}
	if a.WasmExe, err = os.ReadFile(filepath.Join(dir, WasmExeName)); err != nil {
		return nil, err
	}
	v, err := os.ReadFile(filepath.Join(dir, VersionName))
	if err != nil {
		return nil, err
	}
	a.Version = string(v)
	return a, nil
}

// readGz reads a gzipped engine of the cache, whole: a damaged one is an error.
func readGz(path string) ([]byte, error) {
	gz, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	if zr, err := gzip.NewReader(bytes.NewReader(gz)); err != nil {
		return nil, err
	} else if _, err := io.Copy(io.Discard, zr); err != nil {
		return nil, fmt.Errorf("damaged engine in the cache: %v", err)
	}
	return gz, nil
}

// prune removes all but the keep newest engines under cacheDir. It is tidying only: a
// failure leaves the entries where they are.
func prune(cacheDir string, keep int) {
	entries, err := os.ReadDir(cacheDir)
	if err != nil {
		return
	}
	type entry struct {
		path string
		mod  int64
	}
	var all []entry
	for _, e := range entries {
		if !e.IsDir() {
			continue
		}
		info, err := os.Stat(filepath.Join(cacheDir, e.Name(), SourcesName))
		if err != nil {
			continue
		}
		all = append(all, entry{filepath.Join(cacheDir, e.Name()), info.ModTime().UnixNano()})
	}
	slices.SortFunc(all, func(a, b entry) int { return cmp.Compare(b.mod, a.mod) })
	for i := keep; i < len(all); i++ {
		os.RemoveAll(all[i].path)
	}
}
