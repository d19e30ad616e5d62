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
