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
