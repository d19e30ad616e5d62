package questionnaire_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/candor-app/candor/internal/testutil"
	"github.com/candor-app/candor/questionnaire"
	"github.com/candor-app/candor/questionnaire/diagtext"
)

// corpusFiles lists the bank files under testdata/<dir>.
func corpusFiles(t testing.TB, dir string) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("testdata", dir, "*.yaml"))
	require.NoError(t, err)
	return files
}

// renderDiags loads src as name and prints its diagnostics as `candor validate` does, no color, 80
// columns wide.
func renderDiags(t testing.TB, name string, src []byte) (*questionnaire.Bank, questionnaire.Diagnostics, string) {
	t.Helper()
	b, ds := questionnaire.Load(name, src)
	var out bytes.Buffer
	require.NoError(t, diagtext.Write(&out, ds, map[string][]byte{name: src}, diagtext.Options{Width: 80}))
	return b, ds, out.String()
}

// TestInvalidCorpus loads every bank under testdata/invalid and compares its diagnostics with
// the golden file next to it. Each must fail to load.
func TestInvalidCorpus(t *testing.T) {
	files := corpusFiles(t, "invalid")
	require.GreaterOrEqual(t, len(files), 45, "the corpus of invalid banks")
	for _, path := range files {
		name := filepath.Base(path)
		t.Run(strings.TrimSuffix(name, ".yaml"), func(t *testing.T) {
			src, err := os.ReadFile(path)
			require.NoError(t, err)
			b, ds, got := renderDiags(t, name, src)
			assert.Nil(t, b, "an invalid bank gives no bank")
			require.True(t, ds.HasErrors(), "an invalid bank has at least one error")
			questionnaire.CheckInvariants(t, name, ds)

			testutil.Golden(t, strings.TrimSuffix(path, ".yaml")+".golden", []byte(got))
		})
	}
}

// TestValidCorpus loads every bank under testdata/valid: no errors, no warnings.
func TestValidCorpus(t *testing.T) {
	files := corpusFiles(t, "valid")
	require.NotEmpty(t, files)
	for _, path := range files {
		t.Run(filepath.Base(path), func(t *testing.T) {
			b, ds := questionnaire.LoadFile(path)
			var out bytes.Buffer
			_ = diagtext.Write(&out, ds, map[string][]byte{path: mustReadFile(t, path)}, diagtext.Options{})
			require.NotNil(t, b, out.String())
			assert.Empty(t, ds, out.String())
		})
	}
}

// TestRepoBanksLoad loads every built-in bank and every published instrument: no errors.
func TestRepoBanksLoad(t *testing.T) {
	var files []string
	for _, pattern := range []string{"../data/banks/*.yaml", "../scoring/testdata/instruments/*.yaml"} {
		m, err := filepath.Glob(pattern)
		require.NoError(t, err)
		files = append(files, m...)
	}
	require.GreaterOrEqual(t, len(files), 4)
	for _, path := range files {
		t.Run(filepath.Base(path), func(t *testing.T) {
			b, ds := questionnaire.LoadFile(path)
			var out bytes.Buffer
			_ = diagtext.Write(&out, ds, map[string][]byte{path: mustReadFile(t, path)}, diagtext.Options{})
			require.NotNil(t, b, out.String())
			assert.False(t, ds.HasErrors(), out.String())
			assert.NotEmpty(t, b.Questions)
		})
	}
}

func mustReadFile(t testing.TB, path string) []byte {
	t.Helper()
	src, err := os.ReadFile(path)
	require.NoError(t, err)
	return src
}

// TestFlagShowAtOnce: urgent flags are always shown at once, other flags only with
// `show: at_once`.
func TestFlagShowAtOnce(t *testing.T) {
	src, err := os.ReadFile(filepath.Join("testdata", "valid", "every-feature.yaml"))
	require.NoError(t, err)
	b, ds := questionnaire.Load("every-feature.yaml", src)
	require.False(t, ds.HasErrors(), ds.Error())
	for id, want := range map[string]bool{"unsafe": true, "many_lies": true, "quiet": false} {
		f := b.Flag(id)
		require.NotNil(t, f, id)
		assert.Equal(t, want, f.ShowAtOnce(), id)
	}
}
