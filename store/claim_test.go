package store

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"filippo.io/age"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/candor-app/candor/internal/sealed"
	"github.com/candor-app/candor/questionnaire"
)

func TestClaimFile(t *testing.T) {
	for _, tc := range []struct {
		name    string
		content *string // nil: no file; the path is a folder when name says so
		folder  bool
		code    Code
		fresh   bool
		check   func(t *testing.T, e *Error)
	}{
		{name: "missing", fresh: true},
		{name: "empty", content: new("  \n")},
		{name: "folder", folder: true, code: IsFolder},
		{name: "bank", content: new(aBank), code: NotResponse, check: func(t *testing.T, e *Error) {
			require.NotEmpty(t, e.Diags.Errors())
			assert.Contains(t, e.Diags.Errors()[0].Summary, "bank")
		}},
		{name: "other bank", content: new(otherResponse), code: OtherBank, check: func(t *testing.T, e *Error) {
			assert.Equal(t, "accountability", e.Bank)
		}},
		{name: "same bank", content: new(response("in-progress", "2026-11-01T09:10:00Z")), code: HoldsAnswers, check: func(t *testing.T, e *Error) {
			assert.Equal(t, "trust-readiness", e.Bank)
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s, _ := newStore(t)
			dir := filepath.Join(t.TempDir(), "new", "folder")
			path := filepath.Join(dir, "r.yaml")
			switch {
			case tc.folder:
				require.NoError(t, os.MkdirAll(path, 0o700))
			case tc.content != nil:
				write(t, path, *tc.content)
			}
			c, err := s.ClaimFile(path, "trust-readiness")
			if tc.code != 0 {
				e := requireCode(t, err, tc.code)
				assert.Equal(t, path, e.Path)
				assert.Nil(t, c)
				if tc.check != nil {
					tc.check(t, e)
				}
				assert.Empty(t, hidden(t, dir), "a refused claim leaves no lock behind")
				if tc.content != nil {
					b, err := os.ReadFile(path)
					require.NoError(t, err)
					assert.Equal(t, *tc.content, string(b), "left as it was")
				}
				return
			}
			require.NoError(t, err)
			defer c.Release()
			assert.Equal(t, path, c.Path)
			assert.Equal(t, tc.fresh, c.Fresh())
			st, err := os.Stat(dir)
			require.NoError(t, err)
			assert.Equal(t, os.FileMode(0o700), st.Mode().Perm(), "the folder is made private")

			_, err = s.ClaimFile(path, "trust-readiness")
			requireCode(t, err, Locked)
			c.Release()
			assert.Empty(t, hidden(t, dir), "released: no lock left")
		})
	}
}

func TestClaimFileDevice(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("unix devices")
	}
	s, _ := newStore(t)
	_, err := s.ClaimFile("/dev/null", "trust-readiness")
	requireCode(t, err, NotRegular)
}

func TestClaimNewNamesAndSaves(t *testing.T) {
	s, data := newStore(t)
	started := time.Date(2026, 11, 22, 9, 0, 0, 0, time.FixedZone("x", 3600))
	stale := filepath.Join(data, ".candor-20261101-090000.yaml.77.tmp")
	write(t, stale, "answers: {feel_safe: false}\n")
	require.NoError(t, os.Chmod(data, 0o755))

	first, err := s.ClaimNew(started)
	require.NoError(t, err)
	defer first.Release()
	assert.Equal(t, filepath.Join(data, "candor-20261122-080000.yaml"), first.Path, "named by the UTC time")
	assert.True(t, first.Fresh())
	assert.NoFileExists(t, first.Path, "nothing is written before the first save")
	assert.NoFileExists(t, stale, "what killed sessions left is removed")
	st, err := os.Stat(data)
	require.NoError(t, err)
	assert.Equal(t, os.FileMode(0o700), st.Mode().Perm(), "the data folder is kept to its owner")

	second, err := s.ClaimNew(started)
	require.NoError(t, err, "a second session in the same second gets a name of its own")
	assert.Equal(t, filepath.Join(data, "candor-20261122-080000-2.yaml"), second.Path)
	second.Release()

	require.NoError(t, first.Save([]byte(response("in-progress", "2026-11-22T08:00:00Z"))))
	assert.False(t, first.Fresh())
	fi, err := os.Stat(first.Path)
	require.NoError(t, err)
	assert.Equal(t, os.FileMode(0o600), fi.Mode().Perm())
	assert.True(t, first.Holds())
	assert.NoFileExists(t, filepath.Join(data, RememberedName), "the data folder's own files are not remembered")

	require.NoError(t, first.Delete())
	assert.NoFileExists(t, first.Path)
	assert.Empty(t, hidden(t, data))
}

func TestClaimNewErrors(t *testing.T) {
	broken := errors.New("no home")
	_, err := New(func() (string, error) { return "", broken }).ClaimNew(time.Now())
	e := requireCode(t, err, NoDataDir)
	assert.ErrorIs(t, e, broken)

	s, data := newStore(t)
	started := time.Date(2026, 11, 22, 9, 0, 0, 0, time.UTC)
	for i := 1; i <= maxSameSecond; i++ {
		write(t, filepath.Join(data, NewName(started, i)), "")
	}
	_, err = s.ClaimNew(started)
	assert.Equal(t, data, requireCode(t, err, NoFreeName).Path)

	file := filepath.Join(t.TempDir(), "file")
	write(t, file, "")
	_, err = New(func() (string, error) { return filepath.Join(file, "data"), nil }).ClaimNew(started)
	requireCode(t, err, DataDirUnusable)
}

func TestReopen(t *testing.T) {
	s, _ := newStore(t)
	dir := t.TempDir()
	path := filepath.Join(dir, "r.yaml")
	content := response("in-progress", "2026-11-01T09:10:00Z")
	write(t, path, content)

	_, _, err := s.Reopen(filepath.Join(dir, "missing.yaml"))
	requireCode(t, err, NotFound)
	_, _, err = s.Reopen(dir)
	requireCode(t, err, IsFolder)
	if runtime.GOOS != "windows" {
		_, _, err = s.Reopen("/dev/null")
		requireCode(t, err, NotRegular)
	}

	c, raw, err := s.Reopen(path)
	require.NoError(t, err)
	assert.Equal(t, content, string(raw))
	assert.False(t, c.Fresh())
	_, _, err = s.Reopen(path)
	requireCode(t, err, Locked)
	c.Release()
	assert.Empty(t, hidden(t, dir))
}

func TestSaveRemembersFilesElsewhere(t *testing.T) {
	s, data := newStore(t)
	path := filepath.Join(t.TempDir(), "mine.yaml")
	c, err := s.ClaimFile(path, "trust-readiness")
	require.NoError(t, err)
	defer c.Release()
	require.NoError(t, c.Save([]byte(response("in-progress", "2026-11-01T09:10:00Z"))))
	require.NoError(t, c.Save([]byte(response("in-progress", "2026-11-01T09:20:00Z"))))
	list, err := os.ReadFile(filepath.Join(data, RememberedName))
	require.NoError(t, err)
	assert.Equal(t, path+"\n", string(list), "remembered once")

	_, saved, err := s.List()
	require.NoError(t, err)
	require.Len(t, saved, 1)
	assert.Equal(t, path, saved[0].File)
	assert.True(t, saved[0].Elsewhere)

	require.NoError(t, c.Delete())
	list, err = os.ReadFile(filepath.Join(data, RememberedName))
	require.NoError(t, err)
	assert.Empty(t, string(list), "a deleted file is forgotten")
}

func TestNilClaim(t *testing.T) {
	var c *Claim
	assert.False(t, c.Fresh())
	assert.False(t, c.Holds())
	c.Release()
}

func TestNamesAndPaths(t *testing.T) {
	at := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	assert.Equal(t, "candor-20260102-030405.yaml", NewName(at, 1))
	assert.Equal(t, "candor-20260102-030405-7.yaml", NewName(at, 7))
	assert.Equal(t, "/a/r.age", SealedPath("/a/r.yaml"))
	assert.Equal(t, "/a/r.age", SealedPath("/a/r"))
	for name, want := range map[string][2]bool{
		"r.yaml": {true, true}, "R.YML": {true, true}, "r.age": {false, true}, "r.AGE": {false, true},
		"r.txt": {false, false}, "yaml": {false, false},
	} {
		assert.Equal(t, want[0], IsYAMLName(name), name)
		assert.Equal(t, want[1], IsResponseName(name), name)
	}
}

func TestErrorText(t *testing.T) {
	err := &Error{Code: Unreadable, Path: "r.yaml", Err: errors.New("permission denied")}
	assert.Equal(t, "store: r.yaml: unreadable: permission denied", err.Error())
	assert.Equal(t, "store: locked", (&Error{Code: Locked}).Error())
	assert.Equal(t, "code 99", Code(99).String())
}

func TestSealCopy(t *testing.T) {
	s, _ := newStore(t)
	dir := t.TempDir()
	path := filepath.Join(dir, "r.yaml")
	c, err := s.ClaimFile(path, "trust-readiness")
	require.NoError(t, err)
	defer c.Release()
	id, err := age.GenerateX25519Identity()
	require.NoError(t, err)
	rs := []age.Recipient{id.Recipient()}

	_, err = c.SealCopy(rs)
	requireCode(t, err, Unreadable) // nothing saved yet

	content := response("completed", "2026-11-01T09:10:00Z")
	require.NoError(t, c.Save([]byte(content)))
	dst, err := c.SealCopy(rs)
	require.NoError(t, err)
	assert.Equal(t, filepath.Join(dir, "r.age"), dst)
	raw, err := os.ReadFile(dst)
	require.NoError(t, err)
	assert.True(t, sealed.Is(raw))
	plain, err := sealed.Open(raw, 1<<20, []age.Identity{id})
	require.NoError(t, err)
	assert.Equal(t, content, string(plain))
	st, err := os.Stat(dst)
	require.NoError(t, err)
	assert.Equal(t, os.FileMode(0o600), st.Mode().Perm())
	saved, err := os.ReadFile(path)
	require.NoError(t, err)
	assert.Equal(t, content, string(saved), "the saved file is left as it is")

	_, err = c.SealCopy(nil)
	requireCode(t, err, NotSealed)
	require.NoError(t, os.Remove(dst))
	require.NoError(t, os.Mkdir(dst, 0o700))
	_, err = c.SealCopy(rs)
	assert.Equal(t, dst, requireCode(t, err, Failed).Path)
}

func TestReopenUnreadable(t *testing.T) {
	s, _ := newStore(t)
	dir := t.TempDir()
	path := filepath.Join(dir, "r.yaml")
	write(t, path, strings.Repeat("#", questionnaire.MaxFileSize+1))
	_, _, err := s.Reopen(path)
	assert.ErrorIs(t, requireCode(t, err, Unreadable), questionnaire.ErrTooLarge)
	assert.Empty(t, hidden(t, dir), "the lock is let go")
}
