// Package safefile writes private files atomically: a temporary file in the same folder,
// written, synced and renamed over the target, so a reader sees the old file or the new one,
// never half of one.
package safefile

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
)

// DirMode and FileMode keep a person's answers readable by them alone.
const (
	DirMode  os.FileMode = 0o700
	FileMode os.FileMode = 0o600
)

// MkdirPrivate creates dir (and its parents) readable by the user alone.
func MkdirPrivate(dir string) error {
	if err := os.MkdirAll(dir, DirMode); err != nil {
		return fmt.Errorf("cannot create folder %s: %w", dir, err)
	}
	return nil
}

// WriteFile replaces path with data atomically, with mode 0600.
func WriteFile(path string, data []byte) error {
	_, err := writeAtomic(path, data, nil)
	return err
}

// syncFile flushes a file to disk; tests make it fail.
var syncFile = (*os.File).Sync

// writeAtomic writes data to a temporary file beside path, syncs it and renames it over
// path. With keep, keep runs on the synced file before the rename and the file is returned
// open (the caller closes it); a failure leaves path as it was and no temporary file.
func writeAtomic(path string, data []byte, keep func(*os.File) error) (*os.File, error) {
	tmp, err := writeTemp(path, data)
	if err != nil {
		return nil, err
	}
	name := tmp.Name()
	ok := false
	defer func() {
		if !ok {
			tmp.Close()
			os.Remove(name)
		}
	}()
	if keep != nil {
		if err := keep(tmp); err != nil {
			return nil, fmt.Errorf("cannot write %s: %w", path, err)
		}
	} else if err := tmp.Close(); err != nil {
		return nil, fmt.Errorf("cannot write %s: %w", path, err)
	}
	if err := os.Rename(name, path); err != nil {
		return nil, fmt.Errorf("cannot replace %s: %w", path, err)
	}
	ok = true
	syncDir(filepath.Dir(path))
	if keep == nil {
		return nil, nil
	}
	return tmp, nil
}

// writeTemp writes data to a new private temporary file beside path and syncs it; the file
// is returned open. A failure leaves no temporary file.
func writeTemp(path string, data []byte) (*os.File, error) {
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return nil, fmt.Errorf("cannot write in %s: %w", dir, err)
	}
	fail := func(err error) (*os.File, error) {
		tmp.Close()
		os.Remove(tmp.Name())
		return nil, err
	}
	if err := tmp.Chmod(FileMode); err != nil {
		return fail(fmt.Errorf("cannot make %s private: %w", tmp.Name(), err))
	}
	if _, err := tmp.Write(data); err != nil {
		return fail(fmt.Errorf("cannot write %s: %w", path, err))
	}
	if err := syncFile(tmp); err != nil {
		return fail(fmt.Errorf("cannot write %s to disk: %w", path, err))
	}
	return tmp, nil
}

// WriteNew writes data to path atomically, and only if nothing is at path yet (mode 0600):
// the data goes to a synced temporary file beside it, which is then linked as path. The link
// fails when path is taken, by anything (a file, a link, a FIFO, a device), so nothing is ever
// replaced and no reader sees part of the file. Where the file system cannot link, it falls
// back to CreateNew (exclusive, not atomic).
func WriteNew(path string, data []byte) error {
	tmp, err := writeTemp(path, data)
	if err != nil {
		return err
	}
	name := tmp.Name()
	defer os.Remove(name)
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("cannot write %s: %w", path, err)
	}
	if err := os.Link(name, path); err != nil {
		var le *os.LinkError
		switch {
		case errors.Is(err, fs.ErrExist):
			return existsError(path)
		case errors.As(err, &le) && (errors.Is(le.Err, fs.ErrPermission) || errors.Is(le.Err, errors.ErrUnsupported) || errors.Is(le.Err, syscall.EXDEV)):
			return CreateNew(path, data, FileMode)
		}
		return fmt.Errorf("cannot create %s: %w", path, err)
	}
	syncDir(filepath.Dir(path))
	return nil
}

// existsError is CreateNew's refusal of a path already taken; it is fs.ErrExist to
// errors.Is, so callers can pick another name without reading the message.
type existsError string

func (e existsError) Error() string {
	return string(e) + " already exists; candor never overwrites it, so choose another name"
}

func (existsError) Unwrap() error { return fs.ErrExist }

// CreateNew writes data to path only if no file is there yet (mode 0600).
func CreateNew(path string, data []byte, mode os.FileMode) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, mode)
	if err != nil {
		if os.IsExist(err) {
			return existsError(path)
		}
		return fmt.Errorf("cannot create %s: %w", path, err)
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		os.Remove(path)
		return fmt.Errorf("cannot write %s: %w", path, err)
	}
	if err := syncFile(f); err != nil {
		f.Close()
		os.Remove(path)
		return fmt.Errorf("cannot write %s: %w", path, err)
	}
	return f.Close()
}

// syncDir makes a rename durable; it is best effort, as some systems cannot sync folders.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}
