package safefile

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/candor-app/candor/internal/text"
)

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

// ErrChanged means a file picked for deletion is no longer the one picked: it was replaced,
// moved, or its folder was (say, swapped for a link) while candor waited for an answer.
var ErrChanged = errors.New("it changed or moved while candor was asking, so it was left alone")

// Held is a file picked for deletion: its folder, held open, and the file's identity when it
// was picked. Remove deletes it only if both are still the same.
type Held struct {
	path string
	name string
	root *os.Root
	info fs.FileInfo
	// dir is the folder's path as Hold found it (a link stays a link: its own identity).
	dir fs.FileInfo
}

// Hold picks path for deletion: it must be a regular file (not a link). Call Remove, or
// Close to let it go. Its errors do not repeat the path: the caller names it.
func Hold(path string) (*Held, error) {
	root, err := os.OpenRoot(filepath.Dir(path))
	if err != nil {
		return nil, text.WithoutPath(err)
	}
	name := filepath.Base(path)
	dir, err := os.Lstat(filepath.Dir(path))
	if err != nil {
		root.Close()
		return nil, text.WithoutPath(err)
	}
	info, err := root.Lstat(name)
	if err == nil && !info.Mode().IsRegular() {
		err = errors.New("not a regular file")
	}
	if err != nil {
		root.Close()
		return nil, text.WithoutPath(err)
	}
	return &Held{path: path, name: name, root: root, info: info, dir: dir}, nil
}

// Path is the file held.
func (h *Held) Path() string { return h.path }

// Close lets the file go without deleting it.
func (h *Held) Close() error { return h.root.Close() }

// Remove deletes the held file, its leftovers and its lock file, under its lock (an error
// wrapping ErrLocked while another process holds it), and only if it and its folder are still
// the ones picked (else ErrChanged, and nothing is removed). The file is removed through the
// folder held open since Hold, never through a path a link could redirect.
func (h *Held) Remove() error {
	defer h.root.Close()
	if err := h.same(); err != nil {
		return err
	}
	l, err := TryLock(h.path)
	if err != nil {
		return err
	}
	if err := h.same(); err != nil {
		l.Release()
		return err
	}
	err = h.root.Remove(h.name)
	removeStaleTemps(h.path)
	if rerr := l.Release(); err == nil {
		err = rerr
	}
	return err
}

// same checks that the name in the held folder is still the file picked, and that the
// folder's path still leads to the held folder.
func (h *Held) same() error {
	now, err := h.root.Lstat(h.name)
	if err != nil || !os.SameFile(h.info, now) {
		return ErrChanged
	}
	here, err := h.root.Stat(".")
	if err != nil {
		return ErrChanged
	}
	if dir, err := os.Lstat(filepath.Dir(h.path)); err != nil || !os.SameFile(h.dir, dir) {
		return ErrChanged
	}
	if there, err := os.Stat(filepath.Dir(h.path)); err != nil || !os.SameFile(here, there) {
		return ErrChanged
	}
	return nil
}
