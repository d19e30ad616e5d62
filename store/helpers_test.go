package store

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"
)

// response is a response to the built-in bank trust-readiness, updated at updated, with
// status status.
func response(status, updated string) string {
	return "candor: 1\nkind: response\nbank: {id: trust-readiness, version: 2.0.0}\nstatus: " + status +
		"\nstarted: 2026-11-01T09:00:00Z\nupdated: " + updated + "\nanswers:\n  feel_safe: true\n"
}

// otherResponse is a response to another bank.
const otherResponse = "candor: 1\nkind: response\nbank: {id: accountability, version: 1.0.0}\nstatus: in-progress\nstarted: 2026-11-01T09:00:00Z\nupdated: 2026-11-01T09:00:00Z\nanswers: {}\n"

// aBank is a question bank: a YAML file that is not a response.
const aBank = "candor: 1\nid: mine\nversion: 1.0.0\ntitle: Mine\nquestions:\n  - {id: a, text: \"A?\", type: yesno}\noutcomes:\n  - {id: done, title: Thanks}\n"

// newStore is a store whose data folder is dir/data (not made yet), and that folder.
func newStore(t *testing.T) (*Store, string) {
	t.Helper()
	data := filepath.Join(t.TempDir(), "data")
	return New(func() (string, error) { return data, nil }), data
}

func write(t *testing.T, path, content string) {
	t.Helper()
	require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o700))
	require.NoError(t, os.WriteFile(path, []byte(content), 0o600))
}

// requireCode fails unless err is an *Error with code c, and returns it.
func requireCode(t *testing.T, err error, c Code) *Error {
	t.Helper()
	var e *Error
	require.True(t, errors.As(err, &e), "want a store error %v, got %v", c, err)
	require.Equal(t, c, e.Code, "%v", err)
	return e
}

// hidden are the names in dir starting with a dot (locks, temporary files).
func hidden(t *testing.T, dir string) []string {
	t.Helper()
	left, err := filepath.Glob(filepath.Join(dir, ".*"))
	require.NoError(t, err)
	return left
}
