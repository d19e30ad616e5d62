// Package testutil holds the helpers candor's tests share: golden files refreshed with
// -update, a buffer safe to write from another goroutine, and a wait for something a running
// process will do. Only tests import it.
package testutil

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// update is -update: `go test ./render/ -update` rewrites the golden files of the package
// (and, in cmd/candor, the testscript cmp files) with what the code now gives. Read the diff.
var update = flag.Bool("update", false, "rewrite golden files (and testscript cmp files) with what the code now gives")

// Update reports whether the test run was asked to rewrite golden files.
func Update() bool { return *update }

// Golden compares got with the file at path, or with -update writes it there (creating its
// folder). A missing file or a difference fails the test and says how to refresh.
func Golden(t testing.TB, path string, got []byte) {
	t.Helper()
	if *update {
		require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o755))
		require.NoError(t, os.WriteFile(path, got, 0o644))
		return
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "missing golden file %s; to create it, run the test with -update", path)
	assert.Equal(t, string(want), string(got), "differs from %s; if intended, run the test with -update and read the diff", path)
}

// SyncBuffer is a bytes.Buffer safe to write from one goroutine (a process's output copier)
// while another reads it.
type SyncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *SyncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

// String returns what was written so far.
func (s *SyncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// patience is how long Eventually waits: a deadline for a hung process, not a slow one, so
// nothing measures speed with it.
const patience = 30 * time.Second

// Eventually waits until cond holds, checking every 10 ms, or fails the test after patience
// saying it never saw what, followed by detail() (e.g. the process's stderr) when given.
func Eventually(t testing.TB, what string, cond func() bool, detail func() string) {
	t.Helper()
	deadline := time.Now().Add(patience)
	for !cond() {
		if time.Now().After(deadline) {
			more := ""
			if detail != nil {
				more = "\n" + detail()
			}
			t.Fatalf("never saw %s%s", what, more)
		}
		time.Sleep(10 * time.Millisecond)
	}
}
