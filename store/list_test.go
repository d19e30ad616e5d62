package store

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/candor-app/candor/questionnaire"
)

func TestList(t *testing.T) {
	s, data := newStore(t)
	dir, saved, err := s.List()
	require.NoError(t, err, "a data folder not made yet holds nothing")
	assert.Equal(t, data, dir)
	assert.Empty(t, saved)

	write(t, filepath.Join(data, "old.yaml"), response("in-progress", "2026-11-01T09:10:00Z"))
	write(t, filepath.Join(data, "new.yml"), response("completed", "2026-11-03T09:10:00Z"))
	write(t, filepath.Join(data, "mid.yaml"), otherResponse)
	write(t, filepath.Join(data, "torn.yaml"), "candor: 1\nkind: response\nbank: {id: [\n")
	write(t, filepath.Join(data, "mine.yaml"), aBank)
	write(t, filepath.Join(data, "unknown.yaml"), "candor: 1\nkind: response\nbank: {id: unknown-bank}\nstatus: completed\nupdated: 2026-10-01T09:00:00Z\nanswers: {a: 1, b: 2}\n")
	write(t, filepath.Join(data, "notes.txt"), response("in-progress", "2026-11-09T09:10:00Z"))
	write(t, filepath.Join(data, ".hidden.yaml"), response("in-progress", "2026-11-09T09:10:00Z"))
	elsewhere := filepath.Join(t.TempDir(), "kept.yaml")
	write(t, elsewhere, response("in-progress", "2026-11-02T09:10:00Z"))
	gone := filepath.Join(t.TempDir(), "gone.yaml")
	write(t, filepath.Join(data, RememberedName), elsewhere+"\n"+gone+"\nnot/absolute.yaml\n"+elsewhere+"\n")

	_, saved, err = s.List()
	require.NoError(t, err)
	var files []string
	for _, sv := range saved {
		files = append(files, filepath.Base(sv.File))
	}
	assert.Equal(t, []string{"new.yml", "kept.yaml", "old.yaml", "mid.yaml", "unknown.yaml", "torn.yaml"}, files,
		"newest first; a bank, other files and hidden ones are left out; a damaged response is listed")

	byName := map[string]Saved{}
	for _, sv := range saved {
		byName[filepath.Base(sv.File)] = sv
	}
	assert.Equal(t, questionnaire.InProgress, byName["new.yml"].Status, "the status its answers give, not the one it claims")
	assert.Equal(t, 1, byName["new.yml"].Answered)
	assert.Equal(t, questionnaire.Completed, byName["unknown.yaml"].Status, "no bank to score with: the status it claims")
	assert.Equal(t, 2, byName["unknown.yaml"].Answered)
	assert.Equal(t, "unknown-bank", byName["unknown.yaml"].Title)
	assert.NotEqual(t, "trust-readiness", byName["new.yml"].Title, "the bank's title")
	assert.True(t, byName["kept.yaml"].Elsewhere)
	assert.False(t, byName["old.yaml"].Elsewhere)
	assert.Equal(t, StatusUnreadable, byName["torn.yaml"].Status)
	assert.NotEmpty(t, byName["torn.yaml"].Problem)

	list, err := os.ReadFile(filepath.Join(data, RememberedName))
	require.NoError(t, err)
	assert.Equal(t, elsewhere+"\n", string(list), "a file gone is forgotten")

	latest, ok := Unfinished(saved, "")
	require.True(t, ok)
	assert.Equal(t, "new.yml", filepath.Base(latest.File), "the latest unfinished one")
	latest, ok = Unfinished(saved, "accountability")
	require.True(t, ok)
	assert.Equal(t, "mid.yaml", filepath.Base(latest.File))
	_, ok = Unfinished(saved, "nothing")
	assert.False(t, ok)
}

func TestListUnreadableFolder(t *testing.T) {
	s, data := newStore(t)
	write(t, data, "a file, not a folder")
	_, _, err := s.List()
	assert.Equal(t, data, requireCode(t, err, Unreadable).Path)
}

func TestDamagedResponse(t *testing.T) {
	for raw, want := range map[string]bool{
		"candor: 1\nkind: response\nanswers: 3\n":    true,
		"candor: 1\nkind: response\nbank: {id: [\n":  true,
		"candor: 1\nkind: [response\n":               false,
		aBank:                                        false,
		"# kind: response\ncandor: 1\nid: x\n":       false,
		"candor: 1\nnested: {kind: response}\n":      false,
		"candor: 2\nkind: response\nanswers: {}\n":   false,
		"candor: 1\nkind: responses\nanswers: {}\n":  false,
		"- candor: 1\n  kind: response\n":            false,
		"candor: 1\nkind: response\nx: \"unclosed\n": true,
	} {
		assert.Equal(t, want, damagedResponse([]byte(raw)), raw)
	}
}

func TestFolder(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "r.yaml")
	write(t, file, "")
	names, isDir, err := Folder(file)
	assert.False(t, isDir)
	assert.NoError(t, err)
	assert.Nil(t, names)

	empty := filepath.Join(dir, "empty")
	require.NoError(t, os.Mkdir(empty, 0o700))
	write(t, filepath.Join(empty, "notes.txt"), "")
	_, isDir, err = Folder(empty)
	assert.True(t, isDir)
	assert.Equal(t, empty, requireCode(t, err, Empty).Path)

	write(t, filepath.Join(dir, "b.age"), "")
	write(t, filepath.Join(dir, "a.YML"), "")
	names, isDir, err = Folder(dir)
	require.NoError(t, err)
	assert.True(t, isDir)
	var got []string
	for n := range names.All() {
		got = append(got, n)
	}
	assert.Equal(t, []string{"a.YML", "b.age", "r.yaml"}, got)
}

// TestListSameTime: responses updated in the same second are listed in one order, whatever
// the order the folder gives: by file name, the greater first.
func TestListSameTime(t *testing.T) {
	s, data := newStore(t)
	for _, name := range []string{"candor-20261101-091000.yaml", "candor-20261101-091000-2.yaml", "b.yaml"} {
		write(t, filepath.Join(data, name), response("in-progress", "2026-11-01T09:10:00Z"))
	}
	_, saved, err := s.List()
	require.NoError(t, err)
	var files []string
	for _, sv := range saved {
		files = append(files, filepath.Base(sv.File))
	}
	assert.Equal(t, []string{"candor-20261101-091000.yaml", "candor-20261101-091000-2.yaml", "b.yaml"}, files)
}
