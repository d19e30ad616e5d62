//go:build !(linux || darwin || freebsd || netbsd || openbsd || dragonfly)

package safefile

import (
	"os"
	"sync"
)

// Without flock the lock is a second file created exclusively next to the lock file: it
// exists while a process holds the lock. A crash can leave it behind; the error then says
// which file to remove.
var fallbackMu sync.Mutex

func lockFile(f *os.File, name string) (bool, error) {
	fallbackMu.Lock()
	defer fallbackMu.Unlock()
	g, err := os.OpenFile(name+".held", os.O_WRONLY|os.O_CREATE|os.O_EXCL, FileMode)
	if err != nil {
		if os.IsExist(err) {
			return false, nil
		}
		return false, err
	}
	g.Close()
	return true, nil
}

func unlockFile(f *os.File, name string) {
	os.Remove(name + ".held")
}
