package store

import (
	"errors"
	"os"
	"path/filepath"

	"github.com/candor-app/candor/internal/safefile"
	"github.com/candor-app/candor/questionnaire"
)

// Find is the saved response p names: p itself, or, for a bare name that is no file here, p
// in the data folder. It must be a regular file holding a candor response (or a damaged
// one). A bare name that is a file both here and in the data folder is Ambiguous: the caller
// asks which one is meant.
func (s *Store) Find(p string) (string, error) {
	path := p
	if filepath.Base(p) == p {
		if dir, derr := s.Dir(); derr == nil {
			inData := filepath.Join(dir, p)
			_, hereErr := os.Lstat(p)
			_, dataErr := os.Lstat(inData)
			switch {
			case hereErr == nil && dataErr == nil && !sameFile(p, inData):
				return "", &Error{Code: Ambiguous, Path: p, Other: inData}
			case errors.Is(hereErr, os.ErrNotExist) && dataErr == nil:
				path = inData
			}
		}
	}
	st, err := os.Lstat(path)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return "", &Error{Code: NotFound, Path: p}
	case err != nil:
		return "", &Error{Code: Unreadable, Path: p, Err: err}
	case !st.Mode().IsRegular():
		return "", &Error{Code: NotRegular, Path: p}
	}
	raw, err := questionnaire.ReadFileLimited(path)
	if err != nil {
		return "", &Error{Code: Unreadable, Path: p, Err: err}
	}
	if resp, ds := questionnaire.ReadResponse(path, raw); resp == nil && !damagedResponse(raw) {
		return "", &Error{Code: NotResponse, Path: p, Diags: ds}
	}
	return path, nil
}

// sameFile reports whether a and b are one file.
func sameFile(a, b string) bool {
	sa, errA := os.Stat(a)
	sb, errB := os.Stat(b)
	return errA == nil && errB == nil && os.SameFile(sa, sb)
}

// Held is a saved response picked for deletion: its folder held open, its identity kept
// (safefile.Hold).
type Held struct {
	h *safefile.Held
}

// Path is the file, as it was named.
func (h *Held) Path() string { return h.h.Path() }

// Hold picks every file for deletion before anything is deleted, so that what Delete removes
// after the person was asked is what they were shown. If one cannot be held, none is (Failed,
// naming it).
func Hold(files []string) ([]*Held, error) {
	held := make([]*Held, 0, len(files))
	for _, p := range files {
		h, err := safefile.Hold(p)
		if err != nil {
			Release(held)
			return nil, &Error{Code: Failed, Path: p, Err: err}
		}
		held = append(held, &Held{h: h})
	}
	return held, nil
}

// Release lets go of held files without deleting them.
func Release(held []*Held) {
	for _, h := range held {
		h.h.Close()
	}
}

// Delete deletes a held file, with its lock and temporary files, only if it and its folder
// are still the ones held (Changed otherwise), and not while a session has it open (Locked);
// then forgets it, if it was remembered.
func (s *Store) Delete(h *Held) error {
	err := h.h.Remove()
	switch {
	case errors.Is(err, safefile.ErrLocked):
		return &Error{Code: Locked, Path: h.Path(), Err: err}
	case errors.Is(err, safefile.ErrChanged):
		return &Error{Code: Changed, Path: h.Path(), Err: err}
	case err != nil:
		return &Error{Code: Failed, Path: h.Path(), Err: err}
	}
	s.forget(h.Path())
	return nil
}
