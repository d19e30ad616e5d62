//go:build linux || darwin || freebsd || netbsd || openbsd || dragonfly

package safefile

import (
	"errors"
	"fmt"
	"os"
	"syscall"
)

// lockFile takes an advisory flock on f without waiting; held is false if another process
// has it. The kernel drops the lock when the process ends, however it ends.
func lockFile(f *os.File, name string) (held bool, err error) {
	for {
		err = syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
		if !errors.Is(err, syscall.EINTR) {
			break
		}
	}
	switch {
	case err == nil:
		return true, nil
	case errors.Is(err, syscall.EWOULDBLOCK):
		return false, nil
	}
	return false, fmt.Errorf("cannot lock %s: %w", name, err)
}

func unlockFile(f *os.File, name string) {
	syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
}

// haveFlock: the file itself is locked too (its identity).
const haveFlock = true

// oNoFollow makes opening a symbolic link fail.
const oNoFollow = syscall.O_NOFOLLOW

// notOurs says why a file is not one candor may treat as its own ("" when it is): another
// user's, or with a second name (a hard link to some other file).
func notOurs(st os.FileInfo) string {
	sys, ok := st.Sys().(*syscall.Stat_t)
	switch {
	case !ok:
		return ""
	case !ownedByMe(st):
		return "belongs to another user"
	case sys.Nlink > 1:
		return "has other names (hard links)"
	}
	return ""
}

// ownedByMe reports whether the file belongs to this process's user.
func ownedByMe(st os.FileInfo) bool {
	sys, ok := st.Sys().(*syscall.Stat_t)
	return !ok || int(sys.Uid) == os.Geteuid()
}

// openIdentity opens path to flock the file itself; nil when it is missing or not a regular
// file (a pipe is opened without waiting for a writer, then left alone).
func openIdentity(path string) (*os.File, error) {
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, err
	}
	if st, err := f.Stat(); err != nil || !st.Mode().IsRegular() {
		f.Close()
		return nil, err
	}
	return f, nil
}
