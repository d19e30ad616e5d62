package store

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"filippo.io/age"

	"github.com/candor-app/candor/internal/safefile"
	"github.com/candor-app/candor/internal/sealed"
	"github.com/candor-app/candor/questionnaire"
)

// Claim is a response file a session saves in, locked while the session holds it. The
// methods of a nil Claim (nothing saved: --no-save) do nothing.
type Claim struct {
	// Path is the file.
	Path  string
	store *Store
	lock  *safefile.Lock
	// fresh is true while Path holds nothing of the session's yet: it did not exist when
	// claimed, and nothing was written. Nothing need be written before the first answer, so
	// stopping before it leaves no empty file behind.
	fresh bool
	// remembered is true once Path is in the list of responses saved elsewhere.
	remembered bool
}

// Fresh reports whether the file holds nothing of this session's yet (it did not exist when
// claimed, and nothing was saved).
func (c *Claim) Fresh() bool { return c != nil && c.fresh }

// Holds reports whether the file at Path is still the one the claim's lock holds (the last
// save's), not one another program put in its place.
func (c *Claim) Holds() bool { return c != nil && c.lock.Holds() }

// Release lets go of the file (its lock). It is safe to call more than once.
func (c *Claim) Release() {
	if c != nil {
		c.lock.Release()
	}
}

// Save writes data to the file (atomically, 0600, through the lock, which keeps each new
// file locked as it replaces the old one). A file saved outside the data folder is then
// remembered, so that List finds it (tried again at the next save when the list could not
// be written). Its error is the file system's (safefile's), not an *Error: the caller says it
// as it is, with the file.
func (c *Claim) Save(data []byte) error {
	if err := c.lock.WriteFile(data); err != nil {
		return err
	}
	if !c.remembered {
		c.remembered = c.store.remember(c.Path)
	}
	c.fresh = false
	return nil
}

// Delete deletes the file with its lock and temporary files, and forgets it; the claim is
// released. Its error is the file system's (safefile's), as Save's.
func (c *Claim) Delete() error {
	if err := c.lock.Remove(); err != nil {
		return err
	}
	c.store.forget(c.Path)
	return nil
}

// ClaimFile makes path the file a new response to the bank bankID is saved in: its folder
// exists (created 0700 if missing), it is locked, and it holds nothing candor would lose by
// writing over it: it is missing or empty. A response is refused (HoldsAnswers, or OtherBank
// for another bank's), and so is any other file (NotResponse).
func (s *Store) ClaimFile(path, bankID string) (*Claim, error) {
	if st, err := os.Stat(path); err == nil && st.IsDir() {
		return nil, &Error{Code: IsFolder, Path: path}
	} else if err == nil && !st.Mode().IsRegular() {
		// A device or a pipe: reading it may never end (/dev/zero), and a save would replace it.
		return nil, &Error{Code: NotRegular, Path: path}
	}
	if err := safefile.MkdirPrivate(filepath.Dir(path)); err != nil {
		return nil, &Error{Code: Failed, Path: path, Err: err}
	}
	c, err := s.lockFile(path)
	if err != nil {
		return nil, err
	}
	_, err = os.Stat(path)
	var raw []byte
	if err == nil {
		raw, err = questionnaire.ReadFileLimited(path)
	}
	switch {
	case errors.Is(err, os.ErrNotExist):
		c.fresh = true
		return c, nil
	case err != nil:
		err = &Error{Code: Unreadable, Path: path, Err: err}
	case len(strings.TrimSpace(string(raw))) == 0:
		return c, nil // an empty file (from mktemp or touch) holds nothing to lose
	default:
		old, ds := questionnaire.ReadResponse(path, raw)
		switch {
		case old == nil:
			err = &Error{Code: NotResponse, Path: path, Diags: ds}
		case old.Bank.ID != bankID:
			err = &Error{Code: OtherBank, Path: path, Bank: old.Bank.ID}
		default:
			err = &Error{Code: HoldsAnswers, Path: path, Bank: bankID}
		}
	}
	c.Release()
	return nil, err
}

// lockFile locks path (its folder exists) for a claim.
func (s *Store) lockFile(path string) (*Claim, error) {
	l, err := safefile.TryLock(path)
	if errors.Is(err, safefile.ErrLocked) {
		return nil, &Error{Code: Locked, Path: path, Err: err}
	}
	if err != nil {
		return nil, &Error{Code: Failed, Path: path, Err: err}
	}
	return &Claim{Path: path, store: s, lock: l}, nil
}

// NewName is the name of a new response started at started, in the data folder:
// candor-<UTC time>.yaml, or candor-<UTC time>-N.yaml for the Nth started in the same second.
// The name does not say what the answers are about (the bank id is inside), for a shared
// computer.
func NewName(started time.Time, n int) string {
	base := "candor-" + started.UTC().Format("20060102-150405")
	if n > 1 {
		return fmt.Sprintf("%s-%d.yaml", base, n)
	}
	return base + ".yaml"
}

// maxSameSecond is how many responses started in one second get a name (NoFreeName after).
const maxSameSecond = 99

// ClaimNew picks a new file in the data folder for a response started at started (NewName):
// the data folder is made (0700, tightened to its owner if it was open to others) and cleared
// of what killed sessions left (temporary files, lock files); the name is locked, and no
// file has it. Nothing is written: the first save makes the file.
func (s *Store) ClaimNew(started time.Time) (*Claim, error) {
	dir, err := s.Dir()
	if err != nil {
		return nil, err
	}
	if err := safefile.MkdirPrivate(dir); err != nil {
		return nil, &Error{Code: DataDirUnusable, Path: dir, Err: err}
	}
	if st, err := os.Stat(dir); err == nil && st.Mode().Perm()&0o077 != 0 {
		// candor's own folder: keep it to its owner.
		_ = os.Chmod(dir, safefile.DirMode)
	}
	safefile.RemoveStale(dir)
	for i := 1; i <= maxSameSecond; i++ {
		// The name is ours once its lock is and no file has it.
		path := filepath.Join(dir, NewName(started, i))
		if _, err := os.Lstat(path); err == nil {
			continue
		}
		l, err := safefile.TryLock(path)
		if errors.Is(err, safefile.ErrLocked) {
			continue // another candor started this second
		}
		if err != nil {
			return nil, &Error{Code: DataDirUnusable, Path: dir, Err: err}
		}
		if _, err := os.Lstat(path); err == nil {
			l.Release()
			continue
		}
		return &Claim{Path: path, store: s, lock: l, fresh: true}, nil
	}
	return nil, &Error{Code: NoFreeName, Path: dir}
}

// Reopen locks the response file at path to continue it, and reads it. Nothing is written
// until the session saves.
func (s *Store) Reopen(path string) (*Claim, []byte, error) {
	st, err := os.Stat(path)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return nil, nil, &Error{Code: NotFound, Path: path}
	case err != nil:
		return nil, nil, &Error{Code: Unreadable, Path: path, Err: err}
	case st.IsDir():
		return nil, nil, &Error{Code: IsFolder, Path: path}
	case !st.Mode().IsRegular():
		// A pipe would block the open for ever, past Ctrl-C; answers are saved back to a file.
		return nil, nil, &Error{Code: NotRegular, Path: path}
	}
	c, err := s.lockFile(path)
	if err != nil {
		return nil, nil, err
	}
	raw, err := questionnaire.ReadFileLimited(path)
	if err != nil {
		c.Release()
		return nil, nil, &Error{Code: Unreadable, Path: path, Err: err}
	}
	return c, raw, nil
}

// SealCopy writes a copy of the saved file encrypted for rs beside it (SealedPath: armored
// age, 0600, atomic) and returns its path. The saved file is left as it is. Its errors:
// Unreadable (the saved file), NotSealed (encrypting), Failed (writing the copy, Path).
func (c *Claim) SealCopy(rs []age.Recipient) (string, error) {
	plain, err := questionnaire.ReadFileLimited(c.Path)
	if err != nil {
		return "", &Error{Code: Unreadable, Path: c.Path, Err: err}
	}
	out, err := sealed.Seal(plain, rs)
	clear(plain)
	if err != nil {
		return "", &Error{Code: NotSealed, Path: c.Path, Err: err}
	}
	dst := SealedPath(c.Path)
	if err := safefile.WriteFile(dst, out); err != nil {
		return "", &Error{Code: Failed, Path: dst, Err: err}
	}
	return dst, nil
}

// SealedPath is where the encrypted copy of the response at path goes: beside it, NAME.age.
func SealedPath(path string) string {
	return strings.TrimSuffix(path, filepath.Ext(path)) + ".age"
}
