// Package safefile writes private files atomically: a temporary file in the same folder,
// written, synced and renamed over the target, so a reader sees the old file or the new one,
// never half of one.
package safefile

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
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
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return nil, fmt.Errorf("cannot write in %s: %w", dir, err)
	}
	name := tmp.Name()
	ok := false
	defer func() {
		if !ok {
			tmp.Close()
			os.Remove(name)
		}
	}()
	if err := tmp.Chmod(FileMode); err != nil {
		return nil, fmt.Errorf("cannot make %s private: %w", name, err)
	}
	if _, err := tmp.Write(data); err != nil {
		return nil, fmt.Errorf("cannot write %s: %w", path, err)
	}
	if err := syncFile(tmp); err != nil {
		return nil, fmt.Errorf("cannot write %s to disk: %w", path, err)
	}
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
	syncDir(dir)
	if keep == nil {
		return nil, nil
	}
	return tmp, nil
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
