package store

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/candor-app/candor/internal/safefile"
)

// RememberedName is the file in the data folder where the store remembers, privately
// (0600), the response files saved outside that folder (take --save, --resume of such a
// file), one absolute path a line, so that List finds them. It is changed under its lock
// (changeList), so that sessions saving at once are each remembered.
const RememberedName = "saved-elsewhere.txt"

// rememberedFile is the path of the list, in the data folder.
func (s *Store) rememberedFile() (string, error) {
	dir, err := s.Dir()
	if err != nil {
		return "", err
	}
	return filepath.Join(dir, RememberedName), nil
}

// remembered reads the list; a missing or unreadable list is empty.
func (s *Store) remembered() []string {
	p, err := s.rememberedFile()
	if err != nil {
		return nil
	}
	raw, err := os.ReadFile(p)
	if err != nil {
		return nil
	}
	var out []string
	for _, l := range strings.Split(string(raw), "\n") {
		if l = strings.TrimSpace(l); l != "" && filepath.IsAbs(l) && !slices.Contains(out, l) {
			out = append(out, l)
		}
	}
	return out
}

// listWait is how long a change to the list waits for another candor's change to end.
const listWait = 2 * time.Second

// changeList changes the list under its lock (safefile.TryLock, waiting up to listWait for
// another candor's change), so that two sessions changing it at once keep each other's
// changes: change gets the list as it is now and returns it changed, or ok false to leave it.
// The list is written atomically, 0600, in the 0700 data folder.
func (s *Store) changeList(change func([]string) ([]string, bool)) error {
	p, err := s.rememberedFile()
	if err != nil {
		return err
	}
	if err := safefile.MkdirPrivate(filepath.Dir(p)); err != nil {
		return err
	}
	deadline := time.Now().Add(listWait)
	l, err := safefile.TryLock(p)
	for errors.Is(err, safefile.ErrLocked) && time.Now().Before(deadline) {
		time.Sleep(5 * time.Millisecond)
		l, err = safefile.TryLock(p)
	}
	if err != nil {
		return err
	}
	defer l.Release()
	paths, ok := change(s.remembered())
	if !ok {
		return nil
	}
	content := ""
	if len(paths) > 0 {
		content = strings.Join(paths, "\n") + "\n"
	}
	return l.WriteFile([]byte(content))
}

// elsewhere is path made absolute, and whether it is outside the data folder (only those
// are remembered: the data folder's own files are listed anyway).
func (s *Store) elsewhere(path string) (string, bool) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", false
	}
	dir, err := s.Dir()
	if err != nil {
		return abs, true
	}
	if d, err := filepath.Abs(dir); err == nil && filepath.Dir(abs) == d {
		return abs, false
	}
	return abs, true
}

// remember adds a response file saved outside the data folder to the list. Remembering is a
// help, never a reason to stop: it reports whether path is remembered now (or needs not be),
// so that a save after one that could not remember it tries again.
func (s *Store) remember(path string) bool {
	abs, ok := s.elsewhere(path)
	if !ok || strings.ContainsAny(abs, "\n\r") || slices.Contains(s.remembered(), abs) {
		return true
	}
	return s.changeList(func(list []string) ([]string, bool) {
		return append(list, abs), !slices.Contains(list, abs)
	}) == nil
}

// forget removes response files from the list (deleted, or gone). A list without them is
// left as it is (and a data folder not made yet, unmade).
func (s *Store) forget(paths ...string) {
	drop := map[string]bool{}
	for _, q := range paths {
		if abs, _ := s.elsewhere(q); abs != "" {
			drop[abs] = true
		}
	}
	if !slices.ContainsFunc(s.remembered(), func(p string) bool { return drop[p] }) {
		return
	}
	_ = s.changeList(func(list []string) ([]string, bool) {
		kept := slices.DeleteFunc(slices.Clone(list), func(p string) bool { return drop[p] })
		return kept, len(kept) != len(list)
	})
}
