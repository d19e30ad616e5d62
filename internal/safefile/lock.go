package safefile

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// ErrLocked means another candor is already working on the file.
var ErrLocked = errors.New("another candor is already using this file")

// Lock is held on a file while one process works on it. Release it when done.
//
// It is two locks. The lock file ".NAME.lock" beside the file guards the name, also before
// the file exists. An flock on the file itself guards its identity (device and inode), so a
// second session reaching the same file through a symbolic or hard link is kept out too.
// Every save replaces the file with a new one (rename), so the lock holds the file as it was
// when the lock was taken and the one each save puts in its place: a link made to either
// leads to a locked file.
type Lock struct {
	path   string   // the lock file
	target string   // the file it guards
	f      *os.File // the lock file, flocked
	// orig and cur are the guarded file as it was when locked and as the last save left it,
	// both flocked (nil before the file exists, or where flock is not available).
	orig, cur *os.File
	// last is the file at target as the lock found it or the last save left it (nil when
	// there was none).
	last os.FileInfo
}

// LockPath is the lock file that guards path: ".NAME.lock" in the same folder. It is a
// separate file because path itself is replaced (renamed over) on every save.
func LockPath(path string) string {
	return filepath.Join(filepath.Dir(path), "."+filepath.Base(path)+".lock")
}

// testHookLockOpened, when set, runs between opening a lock file and locking it (tests).
var testHookLockOpened func()

// TryLock takes the lock on path without waiting. It returns an error wrapping ErrLocked
// when another process holds it. The folder must exist. With the lock held, temporary files
// an earlier, killed save of path left behind are removed.
func TryLock(path string) (*Lock, error) {
	l := &Lock{path: LockPath(path), target: path}
	if err := l.lockName(); err != nil {
		return nil, err
	}
	if err := l.lockIdentity(); err != nil {
		l.Release()
		return nil, err
	}
	if st, err := os.Stat(path); err == nil {
		l.last = st
	}
	removeStaleTemps(path)
	return l, nil
}

// lockName takes the lock file. It is opened without following a symbolic link and never
// truncated, and it must be a regular file of ours with no other name: a lock path planted by
// someone else (a link to another file) is refused, never written through.
func (l *Lock) lockName() error {
	lp := l.path
	for attempt := 0; attempt < 5; attempt++ {
		f, created, err := openLockFile(lp)
		if err != nil {
			return err
		}
		if err := checkLockFile(f, lp); err != nil {
			f.Close()
			return err
		}
		if testHookLockOpened != nil {
			testHookLockOpened()
		}
		held, err := lockFile(f, lp)
		if err != nil {
			f.Close()
			return err
		}
		if !held {
			f.Close()
			return fmt.Errorf("%s: %w", l.target, ErrLocked)
		}
		// The holder before us may have removed the lock file after we opened it; a lock on a
		// removed file guards nothing, so check that ours is still the one at lp.
		if same(f, lp) {
			if created {
				fmt.Fprintf(f, "%d\n", os.Getpid())
			}
			l.f = f
			return nil
		}
		unlockFile(f, lp)
		f.Close()
	}
	return fmt.Errorf("%s: %w", l.target, ErrLocked)
}

// openLockFile creates the lock file, or opens the one there; created says which.
func openLockFile(lp string) (f *os.File, created bool, err error) {
	for i := 0; i < 5; i++ {
		f, err = os.OpenFile(lp, os.O_RDWR|os.O_CREATE|os.O_EXCL|oNoFollow, FileMode)
		if err == nil {
			return f, true, nil
		}
		if !errors.Is(err, fs.ErrExist) {
			break
		}
		f, err = os.OpenFile(lp, os.O_RDWR|oNoFollow, 0)
		if err == nil {
			return f, false, nil
		}
		if !errors.Is(err, fs.ErrNotExist) {
			break
		}
		// Removed between the two opens by the holder letting go: try again.
	}
	if isSymlink(lp) {
		return nil, false, fmt.Errorf("the lock file %s is a symbolic link; candor won't follow it (someone else may have put it there): remove it if it is yours", lp)
	}
	return nil, false, fmt.Errorf("cannot create the lock file %s: %w", lp, err)
}

func isSymlink(path string) bool {
	st, err := os.Lstat(path)
	return err == nil && st.Mode()&fs.ModeSymlink != 0
}

// checkLockFile refuses a lock file that is not a regular file of ours with one name.
func checkLockFile(f *os.File, lp string) error {
	st, err := f.Stat()
	if err != nil {
		return fmt.Errorf("cannot read the lock file %s: %w", lp, err)
	}
	if !st.Mode().IsRegular() {
		return fmt.Errorf("the lock file %s is not a regular file; candor won't use it: remove it if it is yours", lp)
	}
	if why := notOurs(st); why != "" {
		return fmt.Errorf("the lock file %s %s; candor won't use it (someone else may have put it there): remove it if it is yours", lp, why)
	}
	return nil
}

// lockIdentity flocks the guarded file itself, if it exists.
func (l *Lock) lockIdentity() error {
	for attempt := 0; attempt < 5; attempt++ {
		f, err := openIdentity(l.target)
		if err != nil || f == nil {
			return nil // nothing there yet (or not a file): the first save locks it
		}
		held, err := lockFile(f, l.target)
		if err != nil || !held {
			f.Close()
			if err != nil {
				return err
			}
			return fmt.Errorf("%s: %w", l.target, ErrLocked)
		}
		// A holder's save may have put a new file in its place since we opened it.
		if same(f, l.target) {
			l.orig = f
			return nil
		}
		unlockFile(f, l.target)
		f.Close()
	}
	return fmt.Errorf("%s: %w", l.target, ErrLocked)
}

func same(f *os.File, path string) bool {
	a, err1 := f.Stat()
	b, err2 := os.Stat(path)
	return err1 == nil && err2 == nil && os.SameFile(a, b)
}

// WriteFile replaces the locked file with data, as WriteFile does, and keeps the new file
// locked from before it takes the name.
func (l *Lock) WriteFile(data []byte) error {
	if l == nil {
		return errors.New("cannot save: the file was never locked")
	}
	if l.f == nil {
		return fmt.Errorf("cannot save %s: its lock was let go", l.target)
	}
	var keep func(*os.File) error
	if haveFlock {
		keep = lockTemp
	}
	f, err := writeAtomic(l.target, data, keep)
	if err != nil {
		return err
	}
	if l.cur != nil {
		l.cur.Close()
	}
	l.cur = f
	if st, err := os.Stat(l.target); err == nil {
		l.last = st
	}
	return nil
}

// Holds reports whether the file at the locked path is the one the last save wrote (before
// any save, the one that was there when the lock was taken) and the user's own: whether what
// it holds is what this process put or found there.
func (l *Lock) Holds() bool {
	if l == nil || l.last == nil {
		return false
	}
	st, err := os.Stat(l.target)
	return err == nil && os.SameFile(st, l.last) && ownedByMe(st)
}

// lockTemp locks a new file before it takes the name of the locked one.
func lockTemp(tmp *os.File) error {
	held, err := lockFile(tmp, tmp.Name())
	if err == nil && !held {
		err = fmt.Errorf("%s: %w", tmp.Name(), ErrLocked)
	}
	return err
}

// Release removes the lock file and lets others in. It is safe to call more than once.
func (l *Lock) Release() error {
	if l == nil || l.f == nil {
		return nil
	}
	// Remove while still holding the lock, so nobody locks a file that is about to go.
	var err error
	if same(l.f, l.path) {
		err = os.Remove(l.path)
	}
	for _, f := range []*os.File{l.cur, l.orig} {
		if f != nil {
			f.Close()
		}
	}
	l.cur, l.orig = nil, nil
	unlockFile(l.f, l.path)
	l.f.Close()
	l.f = nil
	if err != nil && !os.IsNotExist(err) {
		return err
	}
	return nil
}

// removeStaleTemps removes the temporary files a save of path left when it was killed
// before its rename: ".NAME.<digits>.tmp" beside it, regular files of ours. Only the holder
// of path's lock calls it, and only a holder of that lock writes those files, so none of them
// belongs to a save still running.
func removeStaleTemps(path string) {
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		if !isTempOf(e.Name(), base) || !e.Type().IsRegular() {
			continue
		}
		p := filepath.Join(dir, e.Name())
		if st, err := os.Lstat(p); err == nil && st.Mode().IsRegular() && notOurs(st) == "" {
			os.Remove(p)
		}
	}
}

// isTempOf reports whether name is one of WriteFile's temporary files for base.
func isTempOf(name, base string) bool {
	mid, ok := strings.CutPrefix(name, "."+base+".")
	if !ok {
		return false
	}
	mid, ok = strings.CutSuffix(mid, ".tmp")
	if !ok || mid == "" {
		return false
	}
	return strings.Trim(mid, "0123456789") == ""
}

// RemoveStale removes, in dir, what killed sessions left behind: temporary files holding
// answers (".NAME.<digits>.tmp", also of responses deleted since) and lock files nobody holds
// (".NAME.lock"). Each NAME is locked for a moment, so nothing a live session holds or is
// writing is touched.
func RemoveStale(dir string) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	seen := map[string]bool{}
	for _, e := range entries {
		base, ok := tempBase(e.Name())
		if !ok {
			base, ok = lockBase(e.Name())
		}
		if !ok || seen[base] || !e.Type().IsRegular() {
			continue
		}
		seen[base] = true
		if l, err := TryLock(filepath.Join(dir, base)); err == nil {
			l.Release()
		}
	}
}

// lockBase is the file a lock file guards: ".r.yaml.lock" -> "r.yaml".
func lockBase(name string) (string, bool) {
	rest, ok := strings.CutSuffix(name, ".lock")
	if !ok || len(rest) < 2 || rest[0] != '.' {
		return "", false
	}
	return rest[1:], true
}

// tempBase is the file a temporary file name belongs to: ".r.yaml.123.tmp" -> "r.yaml".
func tempBase(name string) (string, bool) {
	rest, ok := strings.CutSuffix(name, ".tmp")
	if !ok || !strings.HasPrefix(rest, ".") {
		return "", false
	}
	i := strings.LastIndexByte(rest, '.')
	if i <= 1 {
		return "", false
	}
	base := rest[1:i]
	return base, isTempOf(name, base)
}
