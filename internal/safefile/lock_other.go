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

// haveFlock: only the lock file's name guards the file here.
const haveFlock = false

// oNoFollow: without O_NOFOLLOW, a symbolic link is refused after opening (see notOurs).
const oNoFollow = 0

// notOurs cannot tell owners apart here; it refuses nothing.
func notOurs(st os.FileInfo) string { return "" }

// openIdentity: without flock, the file itself is not locked.
func openIdentity(path string) (*os.File, error) { return nil, nil }

// ownedByMe cannot tell owners apart here.
func ownedByMe(st os.FileInfo) bool { return true }
