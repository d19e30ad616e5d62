package data_test

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/candor-app/candor/data"
)

var recordVersions = flag.Bool("record-versions", false, "record the built-in banks' current versions and digests in testdata/versions.txt")

// A built-in bank that changes changes its version. Responses keep the version and digest of
// the bank they answered; the same version with another digest makes every earlier response
// warn that the bank "has changed since" (docs/spec.md §2), for nothing a person can act on.
// testdata/versions.txt records the digest of every version released; a bank whose content
// changed under a recorded version fails here until its version is raised, and a new version
// is recorded with `go test ./data -run TestBuiltinBankVersions -record-versions`.
func TestBuiltinBankVersions(t *testing.T) {
	path := filepath.Join("testdata", "versions.txt")
	raw, err := os.ReadFile(path)
	if err != nil && !os.IsNotExist(err) {
		t.Fatal(err)
	}
	known := map[string]string{} // "id version" -> digest
	var lines []string
	for _, l := range strings.Split(strings.TrimSpace(string(raw)), "\n") {
		if f := strings.Fields(l); len(f) == 3 {
			known[f[0]+" "+f[1]] = f[2]
			lines = append(lines, l)
		}
	}
	changed := false
	for _, id := range data.IDs() {
		b, ds := data.LoadBank(id)
		require.NotNil(t, b, "%v", ds)
		key := b.ID + " " + b.Version
		switch digest, ok := known[key]; {
		case ok && digest != b.Digest:
			t.Errorf("bank %s changed, but its version is still %s: raise `version` in data/banks/%s.yaml (responses to %s would all warn that the bank changed), then record it with -record-versions", id, b.Version, id, b.Version)
		case !ok && *recordVersions:
			lines = append(lines, fmt.Sprintf("%s %s %s", b.ID, b.Version, b.Digest))
			changed = true
		case !ok:
			t.Errorf("bank %s version %s is not recorded: run go test ./data -run TestBuiltinBankVersions -record-versions", id, b.Version)
		}
	}
	if changed {
		slices.Sort(lines)
		require.NoError(t, os.MkdirAll("testdata", 0o755))
		require.NoError(t, os.WriteFile(path, []byte(strings.Join(lines, "\n")+"\n"), 0o644))
	}
}
