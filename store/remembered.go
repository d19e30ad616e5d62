package store

import (
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/candor-app/candor/internal/safefile"
)

// RememberedName is the file in the data folder where the store remembers, privately
// (0600), the response files saved outside that folder (take --save, --resume of such a
// file), one absolute path a line, so that List finds them.
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

// writeRemembered writes the list (atomic, 0600, in the 0700 data folder).
func (s *Store) writeRemembered(paths []string) error {
	p, err := s.rememberedFile()
	if err != nil {
		return err
	}
	content := ""
	if len(paths) > 0 {
		content = strings.Join(paths, "\n") + "\n"
	}
	if err := safefile.MkdirPrivate(filepath.Dir(p)); err != nil {
		return err
	}
	return safefile.WriteFile(p, []byte(content))
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
// help, never a reason to stop: an error is ignored.
func (s *Store) remember(path string) {
	abs, ok := s.elsewhere(path)
	if !ok || strings.ContainsAny(abs, "\n\r") {
		return
	}
	list := s.remembered()
	if slices.Contains(list, abs) {
		return
	}
	_ = s.writeRemembered(append(list, abs))
}

// forget removes response files from the list (deleted, or gone).
func (s *Store) forget(paths ...string) {
	drop := map[string]bool{}
	for _, q := range paths {
		if abs, _ := s.elsewhere(q); abs != "" {
			drop[abs] = true
		}
	}
	list := s.remembered()
	kept := slices.DeleteFunc(slices.Clone(list), func(p string) bool { return drop[p] })
	if len(kept) != len(list) {
		_ = s.writeRemembered(kept)
	}
}
