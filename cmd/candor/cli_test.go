package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A bank's name on the command line reaches the terminal sanitized, from test as from
// validate, whether it loads or not.
func TestBankNamesAreSanitizedInTestAndValidate(t *testing.T) {
	dir := t.TempDir()
	bad := "\x1b[2Jmissing.yaml"
	good := "\x1b[2Jbank.yaml"
	require.NoError(t, os.WriteFile(filepath.Join(dir, good), []byte("candor: 1\nid: b\nversion: 1.0.0\ntitle: B\nquestions:\n  - id: q\n    text: Q?\n"), 0o600))
	for _, cmd := range []string{"test", "validate"} {
		for _, name := range []string{bad, good} {
			t.Run(cmd+" "+name, func(t *testing.T) {
				r := runCandor(t, dir, "", cmd, filepath.Join(dir, name))
				assert.NotContains(t, r.out, "\x1b", "stdout")
				assert.NotContains(t, r.errOut, "\x1b", "stderr")
				assert.Contains(t, r.out, "^[[2J")
			})
		}
	}
}
