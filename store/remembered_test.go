package store

import (
	"os"
	"path/filepath"
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
