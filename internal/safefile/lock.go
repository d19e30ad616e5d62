package safefile

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
)

// ErrLocked means another candor is already working on the file.
var ErrLocked = errors.New("another candor is already using this file")

// Lock is held on a file while one process works on it. Release it when done.
type Lock struct {
	path string
	f    *os.File
}

// LockPath is the lock file that guards path: ".NAME.lock" in the same folder. It is a
// separate file because path itself is replaced (renamed over) on every save.
func LockPath(path string) string {
	return filepath.Join(filepath.Dir(path), "."+filepath.Base(path)+".lock")
}

// TryLock takes the lock on path without waiting. It returns an error wrapping ErrLocked
// when another process holds it. The folder must exist.
func TryLock(path string) (*Lock, error) {
	lp := LockPath(path)
	for attempt := 0; attempt < 5; attempt++ {
		f, err := os.OpenFile(lp, os.O_RDWR|os.O_CREATE, FileMode)
		if err != nil {
			return nil, fmt.Errorf("cannot create the lock file %s: %w", lp, err)
		}
		held, err := lockFile(f, lp)
		if err != nil {
			f.Close()
			return nil, err
		}
		if !held {
			f.Close()
			return nil, fmt.Errorf("%s: %w", path, ErrLocked)
		}
		// The holder before us may have removed the lock file after we opened it; a lock on a
		// removed file guards nothing, so check that ours is still the one at lp.
		if same(f, lp) {
			f.Truncate(0)
			fmt.Fprintf(f, "%d\n", os.Getpid())
			return &Lock{path: lp, f: f}, nil
		}
		unlockFile(f, lp)
		f.Close()
	}
	return nil, fmt.Errorf("%s: %w", path, ErrLocked)
}

func same(f *os.File, path string) bool {
	a, err1 := f.Stat()
	b, err2 := os.Stat(path)
	return err1 == nil && err2 == nil && os.SameFile(a, b)
}

// Release removes the lock file and lets others in. It is safe to call more than once.
func (l *Lock) Release() error {
	if l == nil || l.f == nil {
		return nil
	}
	// Remove while still holding the lock, so nobody locks a file that is about to go.
	err := os.Remove(l.path)
	unlockFile(l.f, l.path)
	l.f.Close()
	l.f = nil
	if err != nil && !os.IsNotExist(err) {
		return err
	}
	return nil
}
