package render

import (
	"path/filepath"
	"testing"

	"github.com/candor-app/candor/internal/testutil"
)

// golden compares got with testdata/name, or writes it there with -update
// (go test ./render/ -update).
func golden(t *testing.T, name, got string) {
	t.Helper()
	testutil.Golden(t, filepath.Join("testdata", name), []byte(got))
}
