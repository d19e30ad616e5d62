package main

import (
	"bytes"
	"compress/gzip"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestArtifactIsFresh rebuilds the page engine and compares it with web/candor.wasm.gz, so
// that an engine older than its sources cannot land: a change to any package the page runs
// (ask, questionnaire, scoring, render, ...) needs `go run ./web/build` and the new file
// committed with it. It runs under CI (.ci/run) and with CANDOR_CHECK_WASM=1; a plain local
// `go test ./...` skips it, so that work in progress on those packages is not held up by a
// rebuild on every run (rebuild once with `go run ./web/build` before committing).
func TestArtifactIsFresh(t *testing.T) {
	ci := os.Getenv("CI") != ""
	if !ci && os.Getenv("CANDOR_CHECK_WASM") == "" {
		t.Skip("the page engine is compared with its sources under CI or with CANDOR_CHECK_WASM=1")
	}
	root, err := filepath.Abs(filepath.Join("..", ".."))
	require.NoError(t, err)
	readSources(t, root)
	err = Check(root)
	if errors.Is(err, ErrOtherGo) && !ci {
		t.Skip(err)
	}
	require.NoError(t, err)
}

// readSources reads every Go file of the module, so that go test's cache knows the result
// depends on them: a changed source runs the test again instead of reusing a pass.
func readSources(t *testing.T, root string) {
	t.Helper()
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (strings.HasPrefix(d.Name(), ".") || d.Name() == "node_modules" || d.Name() == "testdata") && path != root {
			return filepath.SkipDir
		}
		if !d.IsDir() && (strings.HasSuffix(path, ".go") || d.Name() == "go.mod" || d.Name() == "go.sum") {
			_, err := os.ReadFile(path)
			return err
		}
		return nil
	})
	require.NoError(t, err)
}

// TestGzipIsReproducible: the same bytes give the same gzip, with no time and no name in
// its header, and it unpacks to them.
func TestGzipIsReproducible(t *testing.T) {
	in := bytes.Repeat([]byte("candor wasm "), 10000)
	a, err := Gzip(in)
	require.NoError(t, err)
	b, err := Gzip(in)
	require.NoError(t, err)
	assert.Equal(t, a, b)
	assert.Equal(t, []byte{0x1f, 0x8b, 8, 0, 0, 0, 0, 0}, a[:8], "magic, deflate, no flags (no name), no time")
	zr, err := gzip.NewReader(bytes.NewReader(a))
	require.NoError(t, err)
	out, err := io.ReadAll(zr)
	require.NoError(t, err)
	assert.Equal(t, in, out)
}

// TestCommittedArtifacts: the committed files exist and agree with each other: the engine
// unpacks, and wasm_exec.js is a Go loader.
func TestCommittedArtifacts(t *testing.T) {
	web := filepath.Join("..")
	gz, err := os.ReadFile(filepath.Join(web, WasmGzName))
	require.NoError(t, err)
	zr, err := gzip.NewReader(bytes.NewReader(gz))
	require.NoError(t, err)
	wasm, err := io.ReadAll(zr)
	require.NoError(t, err)
	assert.Equal(t, []byte("\x00asm"), wasm[:4], "a WebAssembly module")
	exe, err := os.ReadFile(filepath.Join(web, WasmExeName))
	require.NoError(t, err)
	assert.Contains(t, string(exe), "globalThis.Go = class")
	v, err := os.ReadFile(filepath.Join(web, VersionName))
	require.NoError(t, err)
	assert.Regexp(t, `^go1\.\d+`, string(v))
}
