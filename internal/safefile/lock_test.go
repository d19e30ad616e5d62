package safefile

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestTryLockRefusesASecondHolder(t *testing.T) {
	path := filepath.Join(t.TempDir(), "answers.yaml")
	first, err := TryLock(path)
	require.NoError(t, err)

	_, err = TryLock(path)
	require.Error(t, err)
	assert.True(t, errors.Is(err, ErrLocked), "got %v", err)

	st, err := os.Stat(LockPath(path))
	require.NoError(t, err)
	assert.Equal(t, os.FileMode(0o600), st.Mode().Perm())

	require.NoError(t, first.Release())
	require.NoError(t, first.Release(), "releasing twice is harmless")
	_, err = os.Stat(LockPath(path))
	assert.True(t, os.IsNotExist(err), "the lock file is removed")

	again, err := TryLock(path)
	require.NoError(t, err, "after release the lock can be taken again")
	require.NoError(t, again.Release())
}

func TestLockPathIsHiddenNextToTheFile(t *testing.T) {
	assert.Equal(t, filepath.Join("dir", ".r.yaml.lock"), LockPath(filepath.Join("dir", "r.yaml")))
}

func TestWriteFileIsPrivate(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "a", "b")
	require.NoError(t, MkdirPrivate(dir))
	path := filepath.Join(dir, "r.yaml")
	require.NoError(t, WriteFile(path, []byte("one")))
	require.NoError(t, WriteFile(path, []byte("two")))
	got, err := os.ReadFile(path)
	require.NoError(t, err)
	assert.Equal(t, "two", string(got))
	st, err := os.Stat(path)
	require.NoError(t, err)
	assert.Equal(t, os.FileMode(0o600), st.Mode().Perm())
	dst, err := os.Stat(dir)
	require.NoError(t, err)
	assert.Equal(t, os.FileMode(0o700), dst.Mode().Perm())
	left, _ := filepath.Glob(filepath.Join(dir, ".*tmp"))
	assert.Empty(t, left, "no temporary file is left behind")
}

// TestRemoveTakesTheLockAndTheLeftovers: Remove deletes a response, its lock file and the
// temporary files of killed saves, and nothing of a file another session holds.
func TestRemoveTakesTheLockAndTheLeftovers(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "r.yaml")
	other := filepath.Join(dir, "other.yaml")
	for _, p := range []string{path, filepath.Join(dir, ".r.yaml.123.tmp"), other, filepath.Join(dir, ".other.yaml.9.tmp")} {
		require.NoError(t, os.WriteFile(p, []byte("x"), 0o600))
	}
	require.NoError(t, remove(path))
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	assert.Equal(t, []string{".other.yaml.9.tmp", "other.yaml"}, names, "only r.yaml's files go")
	require.NoError(t, remove(path), "already gone is not an error")

	held, err := TryLock(other)
	require.NoError(t, err)
	defer held.Release()
	err = remove(other)
	require.ErrorIs(t, err, ErrLocked)
	_, err = os.Stat(other)
	assert.NoError(t, err, "a file another session holds is kept")
}

// remove deletes path as a session does (under its lock, with its leftovers): TryLock, then
// Lock.Remove; while another process holds the lock it fails with ErrLocked.
func remove(path string) error {
	l, err := TryLock(path)
	if err != nil {
		return err
	}
	return l.Remove()
}
