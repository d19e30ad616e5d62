// Package data holds the built-in question banks, embedded in the binary, and the one bank
// lookup every command uses: LoadBank (a BANK argument) and Finder (the bank a response names).
package data

import (
	"embed"
	"io/fs"
	"os"
	"path"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/candor-app/candor/internal/suggest"
	"github.com/candor-app/candor/questionnaire"
)

//go:embed banks/*.yaml banks/*/*.yaml
var banks embed.FS

// DefaultBank is the bank `candor take` runs without one named.
const DefaultBank = "trust-readiness"

// FS returns the built-in banks as a file system of banks/<id>.yaml.
func FS() fs.FS { return banks }

// IDs lists the built-in bank ids, sorted, the default first.
func IDs() []string {
	entries, _ := fs.ReadDir(banks, "banks")
	var ids []string
	for _, e := range entries {
		if id, ok := strings.CutSuffix(e.Name(), ".yaml"); ok {
			ids = append(ids, id)
		}
	}
	sort.SliceStable(ids, func(i, j int) bool {
		if (ids[i] == DefaultBank) != (ids[j] == DefaultBank) {
			return ids[i] == DefaultBank
		}
		return ids[i] < ids[j]
	})
	return ids
}

// IsBuiltin reports whether id names a built-in bank (exactly: BuiltinID matches any case).
// It is a map lookup, cheap enough for every response of a large batch.
func IsBuiltin(id string) bool {
	return builtinSet()[id]
}

// builtinSet is the built-in ids, read from the embedded files once.
var builtinSet = sync.OnceValue(func() map[string]bool {
	set := map[string]bool{}
	for _, id := range IDs() {
		set[id] = true
	}
	return set
})

// Source returns a built-in bank's file text.
func Source(id string) ([]byte, bool) {
	if !IsBuiltin(id) {
		return nil, false
	}
	b, err := fs.ReadFile(banks, path.Join("banks", id+".yaml"))
	return b, err == nil
}

// BuiltinID returns the built-in bank id that name spells in any case ("Accountability" is
// accountability), and whether there is one.
func BuiltinID(name string) (string, bool) {
	if strings.ContainsAny(name, "/\\") {
		return "", false
	}
	for _, id := range IDs() {
		if strings.EqualFold(id, name) {
			return id, true
		}
	}
	return "", false
}

// idsWithWord are the built-in ids that word is part of: one of the words between their
// dashes, or their beginning ("weekly" is part of weekly-trust; "trust" of three).
func idsWithWord(word string) []string {
	word = strings.ToLower(strings.TrimSpace(word))
	if len(word) < 3 {
		return nil
	}
	var out []string
	for _, id := range IDs() {
		if strings.HasPrefix(id, word) || slices.Contains(strings.Split(id, "-"), word) {
			out = append(out, id)
		}
	}
	return out
}

// LoadBank loads BANK as the command line names it (the "BANK argument -> bank" lookup every
// command uses; Finder is "response -> its bank"): a path to a file, or a built-in id in any
// case. A name that is both an existing file and a built-in id is the file, because the user
// typed it; a bank a response names is found by Finder, which never reads the current folder.
func LoadBank(arg string) (*questionnaire.Bank, questionnaire.Diagnostics) {
	if _, err := os.Stat(arg); err == nil {
		return questionnaire.LoadFile(arg)
	}
	if id, ok := BuiltinID(arg); ok {
		return Builtin(id)
	}
	if !strings.ContainsAny(arg, "/\\.") {
		hint := "built-in banks: " + strings.Join(IDs(), ", ")
		var near []string
		if s := suggest.Nearest(strings.ToLower(arg), IDs()); s != "" {
			near = []string{s}
		} else {
			near = idsWithWord(arg)
		}
		switch {
		case len(near) == 1:
			hint = suggest.Hint(near...) + " " + hint
		case len(near) > 1:
			hint = suggest.Hint(near...)
		}
		return nil, questionnaire.Diagnostics{{
			Severity: questionnaire.Error,
			Pos:      questionnaire.Pos{File: arg},
			Summary:  "no such file, and no built-in bank of that name",
			Hint:     hint,
			Code:     CodeUnknownBank,
			Data:     map[string]string{"near": strings.Join(near, " "), "builtin": strings.Join(IDs(), " ")},
		}}
	}
	return questionnaire.LoadFile(arg)
}
