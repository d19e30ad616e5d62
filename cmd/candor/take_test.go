package main

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/candor-app/candor/internal/iostreams"
)

// runTake runs `candor take` in-process with a fixed clock and data folder.
func runTake(t *testing.T, dataDir, input string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	io, in, out, errOut := iostreams.Test()
	in.WriteString(input)
	f := &Factory{IO: io, Now: func() time.Time { return time.Date(2026, 11, 22, 9, 0, 0, 0, time.UTC) },
		DataDir: func() (string, error) { return dataDir, nil }}
	code = Main(append([]string{"take"}, args...), f)
	return code, out.String(), errOut.String()
}

func TestTakeDefaultFileIsNamedByBankAndTimeAndPrivate(t *testing.T) {
	dataDir := filepath.Join(t.TempDir(), "share", "candor")
	code, _, stderr := runTake(t, dataDir, "y\nq\n")
	require.Equal(t, 0, code, stderr)
	first := filepath.Join(dataDir, "candor-20261122-090000.yaml")
	assert.Contains(t, stderr, first)
	assert.Contains(t, oneLine(stderr), "candor take --resume "+first)

	// A second session in the same second gets a name of its own: nothing is written over.
	code, _, stderr = runTake(t, dataDir, "n\nq\n")
	require.Equal(t, 0, code, stderr)
	second := filepath.Join(dataDir, "candor-20261122-090000-2.yaml")
	assert.Contains(t, stderr, second)

	for path, answer := range map[string]string{first: "feel_safe: true", second: "feel_safe: false"} {
		st, err := os.Stat(path)
		require.NoError(t, err)
		assert.Equal(t, os.FileMode(0o600), st.Mode().Perm(), path)
		b, err := os.ReadFile(path)
		require.NoError(t, err)
		assert.Contains(t, string(b), answer)
	}
	for _, dir := range []string{dataDir, filepath.Dir(dataDir)} {
		st, err := os.Stat(dir)
		require.NoError(t, err)
		assert.Equal(t, os.FileMode(0o700), st.Mode().Perm(), dir)
	}
	left, _ := filepath.Glob(filepath.Join(dataDir, ".*"))
	assert.Empty(t, left, "no lock or temporary file is left behind")
}

func TestTakeTightensAnOpenDataFolder(t *testing.T) {
	dataDir := filepath.Join(t.TempDir(), "candor")
	require.NoError(t, os.Mkdir(dataDir, 0o755))
	require.NoError(t, os.Chmod(dataDir, 0o755))
	code, _, stderr := runTake(t, dataDir, "q\n")
	require.Equal(t, 0, code, stderr)
	st, err := os.Stat(dataDir)
	require.NoError(t, err)
	assert.Equal(t, os.FileMode(0o700), st.Mode().Perm())
}

func TestShellQuote(t *testing.T) {
	for in, want := range map[string]string{
		"/home/sam/r.yaml": "/home/sam/r.yaml",
		"my answers.yaml":  "'my answers.yaml'",
		"it's.yaml":        `'it'\''s.yaml'`,
		"~/r.yaml":         "'~/r.yaml'",
		"$HOME/r.yaml":     "'$HOME/r.yaml'",
		"":                 "''",
	} {
		assert.Equal(t, want, shellQuote(in), in)
	}
}
