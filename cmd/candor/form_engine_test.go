package main

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/candor-app/candor/web"
	"github.com/candor-app/candor/web/enginebuild"
)

func TestIsRelease(t *testing.T) {
	for v, want := range map[string]bool{
		"v1.2.3":                               true,
		"v0.4.0":                               true,
		"v1.0.0-rc.1":                          true,
		"(devel)":                              false,
		"":                                     false,
		"v0.0.0-20261206191244-0123456789ab":   false,
		"v1.2.4-0.20261206191244-0123456789ab": false,
		"v1.2.3+dirty":                         false,
	} {
		assert.Equal(t, want, isRelease(v), v)
	}
}

// TestFormEngine: which engine the page of `candor form` runs (docs/release.md).
func TestFormEngine(t *testing.T) {
	released := web.Engine{Gz: []byte("released"), Exec: []byte("loader"), Sources: "sha256:" + strings.Repeat("0", 64)}
	root, err := enginebuild.Root(".")
	require.NoError(t, err)
	builtGz, err := enginebuild.Gzip([]byte("built"))
	require.NoError(t, err)
	builds := 0
	source := func(version, dir string) engineSource {
		cache := t.TempDir()
		return engineSource{
			version:  version,
			dir:      dir,
			cacheDir: func() (string, error) { return cache, nil },
			modCache: func() string { return "" },
			build: func(root string) (*enginebuild.Artifacts, error) {
				builds++
				d, err := enginebuild.SourceDigest(root)
				return &enginebuild.Artifacts{WasmGz: builtGz, WasmSealedGz: builtGz, WasmExe: []byte("loader"), Sources: d}, err
			},
			released: released,
		}
	}
	t.Run("a release runs its own engine", func(t *testing.T) {
		var out strings.Builder
		assert.Equal(t, released, source("v1.2.3", root).engine(&out))
		assert.Empty(t, out.String())
		assert.Zero(t, builds)
	})
	t.Run("a source tree builds its engine once", func(t *testing.T) {
		s := source("(devel)", filepath.Join(root, "scoring"))
		var out strings.Builder
		eng := s.engine(&out)
		assert.Equal(t, builtGz, eng.Gz)
		assert.Contains(t, out.String(), "Building the page engine from the source in "+root+", once")
		out.Reset()
		eng = s.engine(&out)
		assert.Equal(t, builtGz, eng.Gz, "from the cache")
		assert.Empty(t, out.String())
		assert.Equal(t, 1, builds)
	})
	t.Run("a source tree the released engine was built from runs it", func(t *testing.T) {
		d, err := enginebuild.SourceDigest(root)
		require.NoError(t, err)
		s := source("(devel)", root)
		s.released.Sources = d
		var out strings.Builder
		assert.Equal(t, "released", string(s.engine(&out).Gz))
		assert.Empty(t, out.String())
	})
	t.Run("no source: the released engine, and a note", func(t *testing.T) {
		var out strings.Builder
		assert.Equal(t, released, source("(devel)", t.TempDir()).engine(&out))
		assert.Contains(t, out.String(), "runs\nthe engine of the last release")
	})
	t.Run("a binary built in a clone, run elsewhere, builds from that clone", func(t *testing.T) {
		s := source("(devel)", t.TempDir())
		s.builtIn = filepath.Join(root, "cmd", "candor")
		var out strings.Builder
		assert.Equal(t, builtGz, s.engine(&out).Gz)
	})
	t.Run("go install at a commit builds from the module cache", func(t *testing.T) {
		s := source("v0.0.0-20261206191244-0123456789ab", t.TempDir())
		mc := t.TempDir()
		s.modCache = func() string { return mc }
		require.NoError(t, os.MkdirAll(filepath.Join(mc, "github.com", "candor-app"), 0o755))
		require.NoError(t, os.Symlink(root, filepath.Join(mc, "github.com", "candor-app", "candor@"+s.version)))
		var out strings.Builder
		assert.Equal(t, builtGz, s.engine(&out).Gz)
	})
	t.Run("a failed build falls back, saying so", func(t *testing.T) {
		s := source("(devel)", root)
		s.build = func(string) (*enginebuild.Artifacts, error) { return nil, errors.New("go build: no space\nmore") }
		var out strings.Builder
		assert.Equal(t, released, s.engine(&out))
		assert.Contains(t, out.String(), "cannot build the page engine from the source in "+root+" (go build: no space)")
	})
}
