package store

import (
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestRemember: the list of responses saved elsewhere holds each one once, by its absolute
// path, privately (0600 in the 0700 data folder); never the data folder's own files, and
// never a name with a line break in it (it would read back as two paths, one of them made
// up); forgetting drops only the paths named.
func TestRemember(t *testing.T) {
	s, data := newStore(t)
	here := t.TempDir()
	t.Chdir(here)
	list := filepath.Join(data, RememberedName)

	s.remember(filepath.Join(data, "own.yaml"))
	assert.NoFileExists(t, list, "the data folder's own files are listed anyway")

	s.remember(filepath.Join(here, "two.yaml"))
	s.remember("mine.yaml")
	s.remember(filepath.Join(here, "mine.yaml"))
	made := filepath.Join(here, "planted.yaml")
	s.remember(filepath.Join(here, "x.yaml\n"+made))
	s.remember(filepath.Join(here, "x.yaml\r"+made))
	raw, err := os.ReadFile(list)
	require.NoError(t, err)
	mine, two := filepath.Join(here, "mine.yaml"), filepath.Join(here, "two.yaml")
	assert.Equal(t, two+"\n"+mine+"\n", string(raw), "absolute, once each, no name with a line break")
	assert.Equal(t, []string{two, mine}, s.remembered())
	for path, mode := range map[string]os.FileMode{list: 0o600, data: 0o700} {
		st, err := os.Stat(path)
		require.NoError(t, err)
		assert.Equal(t, mode, st.Mode().Perm(), path)
	}

	s.forget(filepath.Join(here, "other.yaml"))
	assert.Equal(t, []string{two, mine}, s.remembered(), "forgetting what is not there keeps the rest")
	s.forget("mine.yaml")
	assert.Equal(t, []string{two}, s.remembered(), "a relative path is forgotten as its absolute one")
	s.forget(two)
	raw, err = os.ReadFile(list)
	require.NoError(t, err)
	assert.Empty(t, string(raw))
}

// TestRememberTogether: sessions that save elsewhere at the same moment (here goroutines;
// the lock is the same between processes) each stay remembered: no change to the list is
// written over by another made at once. Forgetting at the same time keeps the others too.
func TestRememberTogether(t *testing.T) {
	s, data := newStore(t)
	dir := t.TempDir()
	const n = 16
	var wg sync.WaitGroup
	paths := make([]string, n)
	for i := range n {
		paths[i] = filepath.Join(dir, fmt.Sprintf("r%02d.yaml", i))
		wg.Go(func() { s.remember(paths[i]) })
	}
	wg.Wait()
	assert.ElementsMatch(t, paths, s.remembered())

	for i := range n {
		if i%2 == 0 {
			wg.Go(func() { s.forget(paths[i]) })
		} else {
			wg.Go(func() { s.remember(filepath.Join(dir, fmt.Sprintf("more%02d.yaml", i))) })
		}
	}
	wg.Wait()
	var want []string
	for i := range n {
		if i%2 == 1 {
			want = append(want, paths[i], filepath.Join(dir, fmt.Sprintf("more%02d.yaml", i)))
		}
	}
	assert.ElementsMatch(t, want, s.remembered())
	assert.Empty(t, hidden(t, data), "no lock or temporary file is left")
}

// TestSaveRemembersAfterAFailure: a save whose file could not be remembered (the list could
// not be written) is remembered by the next save.
func TestSaveRemembersAfterAFailure(t *testing.T) {
	s, data := newStore(t)
	write(t, data, "a file where the data folder goes")
	path := filepath.Join(t.TempDir(), "mine.yaml")
	c, err := s.ClaimFile(path, "trust-readiness")
	require.NoError(t, err)
	defer c.Release()
	require.NoError(t, c.Save([]byte(response("in-progress", "2026-11-01T09:10:00Z"))), "remembering is never a reason to stop")
	require.NoError(t, os.Remove(data))
	require.NoError(t, c.Save([]byte(response("in-progress", "2026-11-01T09:20:00Z"))))
	assert.Equal(t, []string{path}, s.remembered())
}
