package safefile

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"syscall"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Issue #12 defect 1: a lock path planted by someone else (a symbolic link to a victim, a
// hard link to it) is refused, and the victim is left exactly as it was.
func TestTryLockRefusesAPlantedLockPath(t *testing.T) {
	if !haveFlock {
		t.Skip("needs flock and O_NOFOLLOW")
	}
	for _, c := range []struct {
		name  string
		plant func(t *testing.T, lock, victim string)
		want  string
	}{
		{name: "symlink", plant: func(t *testing.T, lock, victim string) { require.NoError(t, os.Symlink(victim, lock)) }, want: "symbolic link"},
		{name: "dangling symlink", plant: func(t *testing.T, lock, victim string) {
			require.NoError(t, os.Remove(victim))
			require.NoError(t, os.Symlink(victim, lock))
		}, want: "symbolic link"},
		{name: "hard link", plant: func(t *testing.T, lock, victim string) { require.NoError(t, os.Link(victim, lock)) }, want: "hard links"},
		{name: "folder", plant: func(t *testing.T, lock, victim string) { require.NoError(t, os.Mkdir(lock, 0o700)) }, want: "is a directory"},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			victim := filepath.Join(dir, "victim.yaml")
			require.NoError(t, os.WriteFile(victim, []byte("precious answers\n"), 0o600))
			path := filepath.Join(dir, "r.yaml")
			c.plant(t, LockPath(path), victim)
			l, err := TryLock(path)
			require.Error(t, err)
			assert.Nil(t, l)
			assert.Contains(t, err.Error(), c.want)
			if got, err := os.ReadFile(victim); err == nil {
				assert.Equal(t, "precious answers\n", string(got), "the victim is untouched")
			} else {
				assert.True(t, os.IsNotExist(err), "a dangling link's target is not created: %v", err)
			}
		})
	}
}

// A lock file of another user (planted in a shared folder) is refused. Needs root to make one.
func TestTryLockRefusesAnotherUsersLockFile(t *testing.T) {
	if !haveFlock || os.Geteuid() != 0 {
		t.Skip("needs root to give a file to another user")
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "r.yaml")
	require.NoError(t, os.WriteFile(LockPath(path), []byte("their file\n"), 0o666))
	require.NoError(t, os.Chown(LockPath(path), 65534, 65534))
	_, err := TryLock(path)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "belongs to another user")
	got, _ := os.ReadFile(LockPath(path))
	assert.Equal(t, "their file\n", string(got))
}

// A lock file left by a killed candor (ours, regular) is taken over, not truncated.
func TestTryLockTakesOverAStaleLockFileWithoutTruncating(t *testing.T) {
	path := filepath.Join(t.TempDir(), "r.yaml")
	require.NoError(t, os.WriteFile(LockPath(path), []byte("12345\n"), 0o600))
	l, err := TryLock(path)
	require.NoError(t, err)
	got, err := os.ReadFile(LockPath(path))
	require.NoError(t, err)
	assert.Equal(t, "12345\n", string(got), "a file candor did not create is never truncated")
	require.NoError(t, l.Release())
	_, err = os.Stat(LockPath(path))
	assert.True(t, os.IsNotExist(err))
}

// Issue #12 defect 6: the lock is on the file's identity, so a second session reaching the
// same response through a symbolic or hard link is kept out, before and after saves replace
// the file.
func TestTryLockHoldsTheFileThroughLinks(t *testing.T) {
	if !haveFlock {
		t.Skip("needs flock")
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "r.yaml")
	hard := filepath.Join(dir, "hard.yaml")
	soft := filepath.Join(dir, "soft.yaml")
	require.NoError(t, os.WriteFile(path, []byte("v1\n"), 0o600))
	require.NoError(t, os.Link(path, hard))
	require.NoError(t, os.Symlink("r.yaml", soft))

	l, err := TryLock(path)
	require.NoError(t, err)
	refused := func(when string) {
		t.Helper()
		for _, p := range []string{path, hard, soft} {
			other, err := TryLock(p)
			if !assert.ErrorIs(t, err, ErrLocked, "%s: %s", when, p) {
				other.Release()
			}
		}
	}
	refused("before a save")
	require.NoError(t, l.WriteFile([]byte("v2\n")))
	require.NoError(t, l.WriteFile([]byte("v3\n")))
	refused("after saves replaced the file") // hard.yaml is still the first file, r.yaml the third
	hard3 := filepath.Join(dir, "hard3.yaml")
	require.NoError(t, os.Link(path, hard3))
	_, err = TryLock(hard3)
	assert.ErrorIs(t, err, ErrLocked, "a link made to the current file")
	got, err := os.ReadFile(path)
	require.NoError(t, err)
	assert.Equal(t, "v3\n", string(got))

	require.NoError(t, l.Release())
	for _, p := range []string{path, hard, soft, hard3} {
		again, err := TryLock(p)
		require.NoError(t, err, "after release: %s", p)
		require.NoError(t, again.Release())
	}
}

// The recheck after locking: when the holder lets go between our opening the lock file and
// locking it, the file we opened is gone; the lock we take must be on the lock file that is
// there now, so a third session is still refused.
func TestTryLockRechecksAfterTheHolderLetsGo(t *testing.T) {
	path := filepath.Join(t.TempDir(), "r.yaml")
	first, err := TryLock(path)
	require.NoError(t, err)
	testHookLockOpened = func() {
		testHookLockOpened = nil
		require.NoError(t, first.Release()) // removes the lock file we just opened
	}
	defer func() { testHookLockOpened = nil }()
	second, err := TryLock(path)
	require.NoError(t, err)
	defer second.Release()
	st, err := os.Stat(LockPath(path))
	require.NoError(t, err, "a lock file is there while the second session holds it")
	mine, err := second.f.Stat()
	require.NoError(t, err)
	assert.True(t, os.SameFile(st, mine), "the second session holds the lock file that is there")
	_, err = TryLock(path)
	assert.ErrorIs(t, err, ErrLocked, "a third session is refused")
}

// Issue #12 defect 5: temporary files a killed save left behind (holding answers) are removed
// when the response is next locked; nothing else is touched.
func TestTryLockRemovesStaleTemporaryFiles(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "r.yaml")
	write := func(name string) {
		require.NoError(t, os.WriteFile(filepath.Join(dir, name), []byte("answers: {a: 1}\n"), 0o600))
	}
	write("r.yaml")
	write(".r.yaml.123456.tmp")
	write(".r.yaml.7.tmp")
	keep := []string{".r.yaml.notes.tmp", ".other.yaml.1.tmp", ".r.yaml.lock.1.tmp", "r.yaml.1.tmp", ".r.yaml..tmp"}
	for _, k := range keep {
		write(k)
	}
	require.NoError(t, os.Mkdir(filepath.Join(dir, ".r.yaml.9.tmp"), 0o700))
	keep = append(keep, ".r.yaml.9.tmp", "r.yaml")
	if haveFlock {
		require.NoError(t, os.Symlink("r.yaml", filepath.Join(dir, ".r.yaml.8.tmp")))
		keep = append(keep, ".r.yaml.8.tmp")
	}
	l, err := TryLock(path)
	require.NoError(t, err)
	require.NoError(t, l.Release())
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	var got []string
	for _, e := range entries {
		got = append(got, e.Name())
	}
	sort.Strings(keep)
	assert.Equal(t, keep, got)
}

func failSync(t *testing.T) {
	t.Helper()
	syncFile = func(*os.File) error { return syscall.EIO }
	t.Cleanup(func() { syncFile = (*os.File).Sync })
}

// Every save is synced before it replaces the file: a failing sync is reported, the old file
// is kept and no temporary file is left (a test seam makes Sync fail).
func TestWriteFileReportsAFailedSync(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "r.yaml")
	require.NoError(t, os.WriteFile(path, []byte("old\n"), 0o600))
	l, err := TryLock(path)
	require.NoError(t, err)
	defer l.Release()
	failSync(t)
	for name, write := range map[string]func() error{
		"WriteFile":      func() error { return WriteFile(path, []byte("new\n")) },
		"Lock.WriteFile": func() error { return l.WriteFile([]byte("new\n")) },
	} {
		err := write()
		require.Error(t, err, name)
		assert.True(t, errors.Is(err, syscall.EIO), "%s: %v", name, err)
		assert.Contains(t, err.Error(), "cannot write "+path+" to disk")
		got, err := os.ReadFile(path)
		require.NoError(t, err)
		assert.Equal(t, "old\n", string(got), name)
		left, _ := filepath.Glob(filepath.Join(dir, ".*tmp"))
		assert.Empty(t, left, "%s: no temporary file is left behind", name)
	}
	fresh := filepath.Join(dir, "new.yaml")
	err = CreateNew(fresh, []byte("x"), 0o600)
	require.Error(t, err)
	assert.True(t, errors.Is(err, syscall.EIO), "CreateNew: %v", err)
	_, err = os.Stat(fresh)
	assert.True(t, os.IsNotExist(err), "CreateNew leaves no half file")
}

// Holds is true only while the file at the path is the one this lock last wrote (or found)
// and the user's own: what take's messages rely on to say "every answer is in FILE".
func TestLockHolds(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "r.yaml")
	l, err := TryLock(path)
	require.NoError(t, err)
	defer l.Release()
	assert.False(t, l.Holds(), "nothing written yet")
	require.NoError(t, l.WriteFile([]byte("a\n")))
	assert.True(t, l.Holds())
	require.NoError(t, os.Remove(path))
	assert.False(t, l.Holds(), "the file was removed")
	require.NoError(t, os.WriteFile(path, []byte("someone else's\n"), 0o600))
	assert.False(t, l.Holds(), "another file took the name")
	require.NoError(t, l.WriteFile([]byte("b\n")))
	assert.True(t, l.Holds())
	if os.Geteuid() == 0 && haveFlock {
		require.NoError(t, os.Chown(path, 65534, 65534))
		assert.False(t, l.Holds(), "the file belongs to another user")
	}
}

// Issue #12 defect 5, the other half: RemoveStale removes the temporary files killed saves
// left (also of a response deleted since) and lock files nobody holds, but nothing of a
// session still running.
func TestRemoveStale(t *testing.T) {
	dir := t.TempDir()
	write := func(name string) {
		require.NoError(t, os.WriteFile(filepath.Join(dir, name), []byte("answers: {a: 1}\n"), 0o600))
	}
	write(".gone.yaml.123.tmp")
	write(".gone.yaml.456.tmp")
	write(".gone.yaml.lock")
	write("here.yaml")
	write(".here.yaml.1.tmp")
	write(".here.yaml.lock")
	write(".left.yaml.lock")
	write("notes.tmp")
	write(".lock")
	busy, err := TryLock(filepath.Join(dir, "busy.yaml")) // a session before its first save
	require.NoError(t, err)
	write(".busy.yaml.3.tmp") // its save in progress
	defer busy.Release()

	RemoveStale(dir)
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	var got []string
	for _, e := range entries {
		got = append(got, e.Name())
	}
	assert.Equal(t, []string{".busy.yaml.3.tmp", ".busy.yaml.lock", ".lock", "here.yaml", "notes.tmp"}, got)
}

// TestWriteNewNeverReplaces: WriteNew writes a new private file whole, and refuses a path
// that is taken by anything, leaving it as it was and no temporary file behind.
func TestWriteNewNeverReplaces(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "page.html")
	require.NoError(t, WriteNew(path, []byte("new")))
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	assert.Equal(t, "new", string(b))
	info, err := os.Stat(path)
	require.NoError(t, err)
	assert.Equal(t, os.FileMode(0o600), info.Mode().Perm())

	fifo := filepath.Join(dir, "fifo")
	require.NoError(t, syscall.Mkfifo(fifo, 0o600))
	link := filepath.Join(dir, "link")
	require.NoError(t, os.Symlink(filepath.Join(dir, "elsewhere"), link))
	for _, taken := range []string{path, fifo, link, dir} {
		err := WriteNew(taken, []byte("other"))
		assert.ErrorIs(t, err, fs.ErrExist, taken)
	}
	b, err = os.ReadFile(path)
	require.NoError(t, err)
	assert.Equal(t, "new", string(b), "the file is as it was")
	assert.NoFileExists(t, filepath.Join(dir, "elsewhere"), "the link is not followed")
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	assert.Len(t, entries, 3, "no temporary file is left")
}

// TestHeldRemoveChecksAfterWaiting: a file picked for deletion is deleted only if it, and the
// folder it is in, are still the ones picked; a swap while candor waits (the file replaced,
// or its folder replaced by a link to another) leaves everything alone.
func TestHeldRemoveChecksAfterWaiting(t *testing.T) {
	write := func(path, content string) {
		require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o700))
		require.NoError(t, os.WriteFile(path, []byte(content), 0o600))
	}
	t.Run("unchanged: deleted, with its leftovers", func(t *testing.T) {
		dir := t.TempDir()
		p := filepath.Join(dir, "r.yaml")
		write(p, "answers")
		write(filepath.Join(dir, ".r.yaml.123.tmp"), "left")
		h, err := Hold(p)
		require.NoError(t, err)
		require.NoError(t, h.Remove())
		entries, err := os.ReadDir(dir)
		require.NoError(t, err)
		assert.Empty(t, entries)
	})
	t.Run("the file replaced", func(t *testing.T) {
		dir := t.TempDir()
		p := filepath.Join(dir, "r.yaml")
		write(p, "answers")
		h, err := Hold(p)
		require.NoError(t, err)
		write(filepath.Join(dir, "other"), "precious")
		require.NoError(t, os.Rename(filepath.Join(dir, "other"), p))
		assert.ErrorIs(t, h.Remove(), ErrChanged)
		b, err := os.ReadFile(p)
		require.NoError(t, err)
		assert.Equal(t, "precious", string(b))
	})
	t.Run("the folder replaced by a link", func(t *testing.T) {
		base := t.TempDir()
		dir := filepath.Join(base, "data")
		p := filepath.Join(dir, "r.yaml")
		write(p, "answers")
		victim := filepath.Join(base, "victim", "r.yaml")
		write(victim, "precious")
		h, err := Hold(p)
		require.NoError(t, err)
		require.NoError(t, os.Rename(dir, filepath.Join(base, "moved")))
		require.NoError(t, os.Symlink(filepath.Join(base, "victim"), dir))
		assert.ErrorIs(t, h.Remove(), ErrChanged)
		assert.FileExists(t, victim)
		assert.FileExists(t, filepath.Join(base, "moved", "r.yaml"))
	})
	t.Run("a folder reached through a link that stays", func(t *testing.T) {
		base := t.TempDir()
		write(filepath.Join(base, "real", "r.yaml"), "answers")
		require.NoError(t, os.Symlink(filepath.Join(base, "real"), filepath.Join(base, "link")))
		h, err := Hold(filepath.Join(base, "link", "r.yaml"))
		require.NoError(t, err)
		require.NoError(t, h.Remove())
		assert.NoFileExists(t, filepath.Join(base, "real", "r.yaml"))
	})
	t.Run("a link is not held", func(t *testing.T) {
		dir := t.TempDir()
		write(filepath.Join(dir, "target"), "x")
		require.NoError(t, os.Symlink(filepath.Join(dir, "target"), filepath.Join(dir, "r.yaml")))
		_, err := Hold(filepath.Join(dir, "r.yaml"))
		assert.ErrorContains(t, err, "not a regular file")
	})
}
