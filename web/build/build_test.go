package main

import (
	"bytes"
	"compress/gzip"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/candor-app/candor/web/enginebuild"
)

// TestReleasedEngineIsWhatItsSourcesBuild: while the sources the page runs are the ones the
// committed engine names (web/candor.wasm.sources: at a release, and until an engine source
// changes), rebuilding them gives the committed bytes. After a change the committed engine
// is simply the last release's, and `candor form` builds its own (docs/release.md), so there
// is nothing to compare. The rebuild takes a while: under CI or with CANDOR_CHECK_WASM=1.
func TestReleasedEngineIsWhatItsSourcesBuild(t *testing.T) {
	ci := os.Getenv("CI") != ""
	if !ci && os.Getenv("CANDOR_CHECK_WASM") == "" {
		t.Skip("the released engine is rebuilt under CI or with CANDOR_CHECK_WASM=1")
	}
	root, err := filepath.Abs(filepath.Join("..", ".."))
	require.NoError(t, err)
	committed, err := os.ReadFile(filepath.Join(root, "web", enginebuild.SourcesName))
	require.NoError(t, err)
	now, err := enginebuild.SourceDigest(root)
	require.NoError(t, err)
	if strings.TrimSpace(string(committed)) != now {
		t.Skip("the engine's sources changed since the release; the committed engine is the release's")
	}
	err = Check(root)
	if errors.Is(err, ErrOtherGo) && !ci {
		t.Skip(err)
	}
	require.NoError(t, err)
}

// TestCommittedArtifacts: the released files exist and agree with each other: the engine
// unpacks, wasm_exec.js is a Go loader, and the version and sources are named.
func TestCommittedArtifacts(t *testing.T) {
	web := filepath.Join("..")
	gz, err := os.ReadFile(filepath.Join(web, enginebuild.WasmGzName))
	require.NoError(t, err)
	zr, err := gzip.NewReader(bytes.NewReader(gz))
	require.NoError(t, err)
	wasm, err := io.ReadAll(zr)
	require.NoError(t, err)
	assert.Equal(t, []byte("\x00asm"), wasm[:4], "a WebAssembly module")
	exe, err := os.ReadFile(filepath.Join(web, enginebuild.WasmExeName))
	require.NoError(t, err)
	assert.Contains(t, string(exe), "globalThis.Go = class")
	v, err := os.ReadFile(filepath.Join(web, enginebuild.VersionName))
	require.NoError(t, err)
	assert.Regexp(t, `^go1\.\d+`, string(v))
	s, err := os.ReadFile(filepath.Join(web, enginebuild.SourcesName))
	require.NoError(t, err)
	assert.Regexp(t, `^sha256:[0-9a-f]{64}\n$`, string(s))
}
