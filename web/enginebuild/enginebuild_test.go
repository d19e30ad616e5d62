package enginebuild

import (
	"bytes"
	"compress/gzip"
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

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

// TestDigest: the digest changes with any file's content or path and with the Go version,
// and not with the order files are named in.
func TestDigest(t *testing.T) {
	root := t.TempDir()
	write := func(name, content string) {
		require.NoError(t, os.MkdirAll(filepath.Dir(filepath.Join(root, name)), 0o755))
		require.NoError(t, os.WriteFile(filepath.Join(root, name), []byte(content), 0o644))
	}
	write("go.mod", "module x\n")
	write("a/a.go", "package a\n")
	write("b/b.go", "package b\n")
	d := func(version string, files ...string) string {
		s, err := Digest(root, version, files)
		require.NoError(t, err)
		return s
	}
	base := d("go1.26.8", "go.mod", "go.sum", "a/a.go", "b/b.go")
	assert.Regexp(t, `^sha256:[0-9a-f]{64}$`, base)
	assert.Equal(t, base, d("go1.26.8", "b/b.go", "a/a.go", "go.sum", "go.mod", "a/a.go"), "order and repeats do not count")
	assert.NotEqual(t, base, d("go1.26.9", "go.mod", "go.sum", "a/a.go", "b/b.go"), "another Go")
	assert.NotEqual(t, base, d("go1.26.8", "go.mod", "go.sum", "a/a.go"), "a file fewer")
	write("a/a.go", "package a // changed\n")
	assert.NotEqual(t, base, d("go1.26.8", "go.mod", "go.sum", "a/a.go", "b/b.go"), "a file changed")
	_, err := Digest(root, "go1.26.8", []string{"missing.go"})
	assert.Error(t, err, "a named source that is gone is an error")
}

// TestSourceDigestOfThisTree: candor's own tree is found from a folder inside it, and its
// digest covers the packages the page runs: changing a file of one of them changes it.
func TestSourceDigestOfThisTree(t *testing.T) {
	if testing.Short() {
		t.Skip("runs go list")
	}
	root, err := Root(".")
	require.NoError(t, err)
	assert.FileExists(t, filepath.Join(root, "web", "enginebuild", "enginebuild.go"))
	a, err := SourceDigest(root)
	require.NoError(t, err)
	b, err := SourceDigest(root)
	require.NoError(t, err)
	assert.Equal(t, a, b)
}

// TestRootRefusesAnotherModule: a folder of another module, or of none, is not candor's
// source.
func TestRootRefusesAnotherModule(t *testing.T) {
	other := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(other, "go.mod"), []byte("module example.com/other\n\ngo 1.26\n"), 0o644))
	_, err := Root(other)
	assert.ErrorContains(t, err, `its module is "example.com/other"`)
	_, err = Root(t.TempDir())
	assert.Error(t, err)
	assert.Equal(t, ModulePath, modulePath([]byte("// c\nmodule \"github.com/candor-app/candor\"\n")))
}

// TestCached: an engine is built once for a digest and read back after; a damaged entry is
// built again; the cache keeps the newest few.
func TestCached(t *testing.T) {
	cache := t.TempDir()
	gz, err := Gzip([]byte("\x00asm engine"))
	require.NoError(t, err)
	sealedGz, err := Gzip([]byte("\x00asm engine with encryption"))
	require.NoError(t, err)
	builds := 0
	builder := func(digest string) func() (*Artifacts, error) {
		return func() (*Artifacts, error) {
			builds++
			return &Artifacts{WasmGz: gz, WasmSealedGz: sealedGz, WasmExe: []byte("loader"), Version: "go1.26.8\n", Sources: digest}, nil
		}
	}
	digest := func(c byte) string { return "sha256:" + string(bytes.Repeat([]byte{c}, 64)) }

	a, built, err := Cached(cache, digest('a'), builder(digest('a')))
	require.NoError(t, err)
	assert.True(t, built)
	assert.Equal(t, gz, a.WasmGz)
	a, built, err = Cached(cache, digest('a'), builder(digest('a')))
	require.NoError(t, err)
	assert.False(t, built, "the second call reads the cache")
	assert.Equal(t, "loader", string(a.WasmExe))
	assert.Equal(t, gz, a.WasmGz)
	assert.Equal(t, sealedGz, a.WasmSealedGz)
	assert.Equal(t, 1, builds)
	info, err := os.Stat(filepath.Join(cache, "aaaaaaaaaaaaaaaa", WasmGzName))
	require.NoError(t, err)
	assert.Equal(t, os.FileMode(0o600), info.Mode().Perm())

	// A damaged engine is built again.
	require.NoError(t, os.WriteFile(filepath.Join(cache, "aaaaaaaaaaaaaaaa", WasmGzName), gz[:len(gz)-4], 0o600))
	_, built, err = Cached(cache, digest('a'), builder(digest('a')))
	require.NoError(t, err)
	assert.True(t, built)
	// So is an entry without the engine with encryption (one written before there were two).
	require.NoError(t, os.Remove(filepath.Join(cache, "aaaaaaaaaaaaaaaa", WasmSealedGzName)))
	_, built, err = Cached(cache, digest('a'), builder(digest('a')))
	require.NoError(t, err)
	assert.True(t, built)
	require.NoError(t, os.WriteFile(filepath.Join(cache, "aaaaaaaaaaaaaaaa", WasmSealedGzName), sealedGz[:len(sealedGz)-4], 0o600))
	_, built, err = Cached(cache, digest('a'), builder(digest('a')))
	require.NoError(t, err)
	assert.True(t, built)

	// Sources that changed during the build: the engine is used, not kept.
	_, built, err = Cached(cache, digest('b'), builder(digest('c')))
	require.NoError(t, err)
	assert.True(t, built)
	assert.NoDirExists(t, filepath.Join(cache, "bbbbbbbbbbbbbbbb"))

	// The newest three stay.
	for i, c := range []byte("defg") {
		_, _, err := Cached(cache, digest(c), builder(digest(c)))
		require.NoError(t, err)
		old := time.Now().Add(time.Duration(i-10) * time.Hour)
		require.NoError(t, os.Chtimes(filepath.Join(cache, string(bytes.Repeat([]byte{c}, 16)), SourcesName), old, old))
	}
	_, _, err = Cached(cache, digest('h'), builder(digest('h')))
	require.NoError(t, err)
	entries, err := os.ReadDir(cache)
	require.NoError(t, err)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	assert.ElementsMatch(t, []string{"aaaaaaaaaaaaaaaa", "gggggggggggggggg", "hhhhhhhhhhhhhhhh"}, names, "a and h are new, g the newest of the aged")

	// A failing build is an error, and nothing is kept.
	_, _, err = Cached(cache, digest('i'), func() (*Artifacts, error) { return nil, errors.New("no go") })
	assert.EqualError(t, err, "no go")
	_, _, err = Cached(cache, "sha256:../../x", builder("x"))
	assert.ErrorContains(t, err, "not a source digest")
}
