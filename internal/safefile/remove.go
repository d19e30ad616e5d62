package safefile

import (
	"errors"
	"io/fs"
	"os"
)

// Remove deletes path, the temporary files killed saves of it left and its lock file, under
// its lock: while another process holds the lock it fails with an error wrapping ErrLocked,
// and nothing is removed. A path already gone is not an error (its leftovers still go).
func Remove(path string) error {
	l, err := TryLock(path) // removes the temporary files
	if err != nil {
		return err
	}
	return l.Remove()
}

// Remove deletes the locked file and the temporary files beside it, then lets go of the lock
// (which removes the lock file). The lock is released whatever happens.
func (l *Lock) Remove() error {
	if l == nil || l.f == nil {
		return errors.New("cannot delete the file: its lock was let go")
	}
	err := os.Remove(l.target)
	removeStaleTemps(l.target)
	if rerr := l.Release(); err == nil || errors.Is(err, fs.ErrNotExist) {
		err = rerr
	}
	return err
}
