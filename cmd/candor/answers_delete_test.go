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

const savedResponse = `candor: 1
kind: response
bank: {id: trust-readiness, version: 2.0.0}
status: in-progress
started: 2026-11-01T09:00:00Z
updated: 2026-11-01T09:10:00Z
answers:
  feel_safe: true
`

// swapOnRead is a person at the terminal who answers y, while something else swaps files
// between the question and the answer.
type swapOnRead struct {
	swap func()
	done bool
}

func (s *swapOnRead) Read(p []byte) (int, error) {
	if !s.done {
		s.done = true
		s.swap()
	}
	return copy(p, "y\n"), nil
}

// TestAnswersDeleteChecksAfterAsking: what `answers delete` removes after the question is
// what it showed: a file swapped in, or a folder replaced by a link while it waited, is left
// alone and said so (issue 22, docs/hostile-inputs.md).
func TestAnswersDeleteChecksAfterAsking(t *testing.T) {
	run := func(t *testing.T, dir string, swap func(), args ...string) candorRun {
		ios, _, out, errOut := iostreams.Test()
		ios.In = &swapOnRead{swap: swap}
		ios.SetTTY(true, false, true)
		f := NewFactory(ios)
		f.Now = func() time.Time { return time.Date(2026, 11, 22, 9, 0, 0, 0, time.UTC) }
		f.DataDir = func() (string, error) { return filepath.Join(dir, "data"), nil }
		code := Main(append([]string{"answers", "delete"}, args...), f)
		return candorRun{code: code, out: out.String(), errOut: errOut.String()}
	}
	write := func(path, content string) {
		require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o700))
		require.NoError(t, os.WriteFile(path, []byte(content), 0o600))
	}

	t.Run("the file swapped", func(t *testing.T) {
		dir := t.TempDir()
		p := filepath.Join(dir, "data", "r.yaml")
		write(p, savedResponse)
		r := run(t, dir, func() {
			write(filepath.Join(dir, "data", "x"), "precious")
			require.NoError(t, os.Rename(filepath.Join(dir, "data", "x"), p))
		}, p)
		assert.Equal(t, 1, r.code)
		assert.Contains(t, r.errOut, "r.yaml was not deleted: it changed or moved while candor was asking, so it was left alone.")
		b, err := os.ReadFile(p)
		require.NoError(t, err)
		assert.Equal(t, "precious", string(b))
	})
	t.Run("the folder replaced by a link", func(t *testing.T) {
		dir := t.TempDir()
		p := filepath.Join(dir, "data", "r.yaml")
		write(p, savedResponse)
		victim := filepath.Join(dir, "victim", "r.yaml")
		write(victim, "precious")
		r := run(t, dir, func() {
			require.NoError(t, os.Rename(filepath.Join(dir, "data"), filepath.Join(dir, "moved")))
			require.NoError(t, os.Symlink(filepath.Join(dir, "victim"), filepath.Join(dir, "data")))
		}, p)
		assert.Equal(t, 1, r.code)
		assert.Contains(t, r.errOut, "was not deleted: it changed or moved")
		assert.FileExists(t, victim)
	})
	t.Run("unchanged", func(t *testing.T) {
		dir := t.TempDir()
		p := filepath.Join(dir, "data", "r.yaml")
		write(p, savedResponse)
		r := run(t, dir, func() {}, p)
		assert.Equal(t, 0, r.code, r.errOut)
		assert.Contains(t, r.errOut, "Deleted "+p)
		assert.NoFileExists(t, p)
	})
}
