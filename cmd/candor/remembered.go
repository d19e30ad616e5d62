package main

import (
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/candor-app/candor/internal/safefile"
)

// rememberedName is the file in the data folder where candor remembers, privately (0600),
// the answer files it saved outside that folder (take --save, --resume of such a file), one
// absolute path a line, so that `answers` lists them and `answers continue` finds them.
const rememberedName = "saved-elsewhere.txt"

// rememberedFile is the path of the list, in the data folder.
func rememberedFile(f *Factory) (string, error) {
	dir, err := f.DataDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(dir, rememberedName), nil
}

// remembered reads the list; a missing or unreadable list is empty.
func remembered(f *Factory) []string {
	p, err := rememberedFile(f)
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
func writeRemembered(f *Factory, paths []string) error {
	p, err := rememberedFile(f)
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
func elsewhere(f *Factory, path string) (string, bool) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", false
	}
	dir, err := f.DataDir()
	if err != nil {
		return abs, true
	}
	if d, err := filepath.Abs(dir); err == nil && filepath.Dir(abs) == d {
		return abs, false
	}
	return abs, true
}

// remember adds an answer file saved outside the data folder to the list. Remembering is a
// help, never a reason to stop: an error is ignored.
func remember(f *Factory, path string) {
	abs, ok := elsewhere(f, path)
	if !ok || strings.ContainsAny(abs, "\n\r") {
		return
	}
	list := remembered(f)
	if slices.Contains(list, abs) {
		return
	}
	_ = writeRemembered(f, append(list, abs))
}

// forget removes an answer file from the list (deleted, or gone).
func forget(f *Factory, paths ...string) {
	drop := map[string]bool{}
	for _, q := range paths {
		if abs, _ := elsewhere(f, q); abs != "" {
			drop[abs] = true
		}
	}
	list := remembered(f)
	kept := slices.DeleteFunc(slices.Clone(list), func(p string) bool { return drop[p] })
	if len(kept) != len(list) {
		_ = writeRemembered(f, kept)
	}
}
