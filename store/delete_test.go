package store

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestFind(t *testing.T) {
	s, data := newStore(t)
	here := t.TempDir()
	t.Chdir(here)
	write(t, filepath.Join(data, "only-there.yaml"), response("in-progress", "2026-11-01T09:10:00Z"))
	write(t, filepath.Join(data, "both.yaml"), response("in-progress", "2026-11-01T09:10:00Z"))
	write(t, "both.yaml", response("completed", "2026-11-01T09:10:00Z"))
	write(t, "local.yaml", response("completed", "2026-11-01T09:10:00Z"))
	write(t, "torn.yaml", "candor: 1\nkind: response\nbank: {id: [\n")
	write(t, "bank.yaml", aBank)
	require.NoError(t, os.Symlink("local.yaml", "link.yaml"))
	require.NoError(t, os.Mkdir("folder.yaml", 0o700))

	for _, tc := range []struct {
		name, want string
		code       Code
	}{
		{name: "only-there.yaml", want: filepath.Join(data, "only-there.yaml")},
		{name: "local.yaml", want: "local.yaml"},
		{name: "./both.yaml", want: "./both.yaml"},
		{name: "torn.yaml", want: "torn.yaml"},
		{name: "both.yaml", code: Ambiguous},
		{name: "missing.yaml", code: NotFound},
		{name: "link.yaml", code: NotRegular},
		{name: "folder.yaml", code: NotRegular},
		{name: "bank.yaml", code: NotResponse},
	} {
		got, err := s.Find(tc.name)
		if tc.code != 0 {
			e := requireCode(t, err, tc.code)
			assert.Equal(t, tc.name, e.Path, "the name as given")
			if tc.code == Ambiguous {
				assert.Equal(t, filepath.Join(data, "both.yaml"), e.Other)
			}
			continue
		}
		require.NoError(t, err, tc.name)
		assert.Equal(t, tc.want, got, tc.name)
	}

	// In the data folder itself, a bare name is one file, not two.
	t.Chdir(data)
	got, err := s.Find("both.yaml")
	require.NoError(t, err)
	assert.Equal(t, "both.yaml", got)
}

func TestHoldAndDelete(t *testing.T) {
	s, data := newStore(t)
	a := filepath.Join(data, "a.yaml")
	b := filepath.Join(data, "b.yaml")
	c := filepath.Join(data, "c.yaml")
	elsewhere := filepath.Join(t.TempDir(), "e.yaml")
	for _, p := range []string{a, b, c, elsewhere} {
		write(t, p, response("in-progress", "2026-11-01T09:10:00Z"))
	}
	s.remember(elsewhere)

	open := openFiles(t)
	_, err := Hold([]string{a, filepath.Join(data, "missing.yaml")})
	assert.Equal(t, filepath.Join(data, "missing.yaml"), requireCode(t, err, Failed).Path, "one that cannot be held: none is")
	if open >= 0 {
		assert.Equal(t, open, openFiles(t), "the ones held before it are let go")
	}

	held, err := Hold([]string{a, b, c, elsewhere})
	require.NoError(t, err)
	// b is swapped for another file while the person is asked; c is open in a session.
	write(t, b+".new", "precious")
	require.NoError(t, os.Rename(b+".new", b))
	claim, _, err := s.Reopen(c)
	require.NoError(t, err)
	defer claim.Release()

	assert.NoError(t, s.Delete(held[0]))
	assert.NoFileExists(t, a)
	assert.Equal(t, b, requireCode(t, s.Delete(held[1]), Changed).Path)
	got, err := os.ReadFile(b)
	require.NoError(t, err)
	assert.Equal(t, "precious", string(got), "what was swapped in is left alone")
	requireCode(t, s.Delete(held[2]), Locked)
	assert.FileExists(t, c)
	require.NoError(t, s.Delete(held[3]))
	assert.NoFileExists(t, elsewhere)
	assert.Empty(t, s.remembered(), "a deleted file is forgotten")
}

// openFiles is how many files this process has open, or -1 where that is not known.
func openFiles(t *testing.T) int {
	t.Helper()
	fds, err := os.ReadDir("/proc/self/fd")
	if err != nil {
		return -1
	}
	return len(fds)
}
