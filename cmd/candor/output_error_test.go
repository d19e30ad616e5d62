package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/candor-app/candor/internal/iostreams"
)

// TestWriteErrorIsNotUsage: with results going to a full disk (/dev/full), every command
// ends with exit 1 and says it could not write, never exit 2 with "Run 'candor --help' for
// usage" and never exit 0 as if its output had been written (issue #12, defect 8).
func TestWriteErrorIsNotUsage(t *testing.T) {
	if _, err := os.Stat("/dev/full"); err != nil {
		t.Skip("needs /dev/full")
	}
	dir := t.TempDir()
	t.Chdir(dir)
	require.NoError(t, os.WriteFile("good.yaml", []byte(goodBank), 0o600))
	require.NoError(t, os.WriteFile("a.yaml", []byte(goodResponse), 0o600))
	require.NoError(t, os.WriteFile("b.yaml", []byte(goodResponse2), 0o600))
	for _, c := range []struct {
		args  []string
		stdin string
	}{
		{args: []string{"validate", "good.yaml"}},
		{args: []string{"validate", "--format", "json", "good.yaml"}},
		{args: []string{"test", "good.yaml"}},
		{args: []string{"show", "good.yaml"}},
		{args: []string{"take", "good.yaml", "--no-save"}, stdin: "y\n3\n"},
		{args: []string{"take", "good.yaml", "--answers", "a.yaml", "--no-save", "--format", "json"}},
		{args: []string{"score", "--bank", "good.yaml", "a.yaml"}},
		{args: []string{"score", "--bank", "good.yaml", "--format", "json", "a.yaml"}},
		{args: []string{"score", "--bank", "good.yaml", "--format", "csv", "a.yaml", "b.yaml"}},
		{args: []string{"compare", "--bank", "good.yaml", "a.yaml", "b.yaml"}},
		{args: []string{"history", "--bank", "good.yaml", "a.yaml", "b.yaml"}},
		{args: []string{"list"}},
		{args: []string{"schema"}},
		{args: []string{"version"}},
		{args: []string{"completion", "bash"}},
		{args: []string{"--help"}},
		{args: []string{"score", "--help"}},
	} {
		name := strings.Join(c.args, " ")
		t.Run(name, func(t *testing.T) {
			full, err := os.OpenFile("/dev/full", os.O_WRONLY, 0)
			require.NoError(t, err)
			defer full.Close()
			ios, in, _, errOut := iostreams.Test()
			ios.Out = full
			in.WriteString(c.stdin)
			f := NewFactory(ios)
			f.Now = func() time.Time { return time.Date(2026, 11, 22, 9, 0, 0, 0, time.UTC) }
			f.DataDir = func() (string, error) { return filepath.Join(dir, "data"), nil }
			code := Main(c.args, f)
			assert.Equal(t, exitBadInput, code, errOut.String())
			assert.Regexp(t, `candor: (writing output|cannot write the (results|summary)): (write /dev/full: )?no space left on device\n$`, errOut.String())
			assert.Equal(t, 1, strings.Count(errOut.String(), "no space left"), "said once")
			assert.NotContains(t, errOut.String(), "--help' for usage")
		})
	}
}

// TestUsageErrorsStillExit2: the write-error path does not swallow real usage errors.
func TestUsageErrorsStillExit2(t *testing.T) {
	for _, args := range [][]string{
		{"no-such-command"},
		{"score", "--no-such-flag"},
		{"version", "extra"},
	} {
		r := runCandor(t, t.TempDir(), "", args...)
		assert.Equal(t, exitUsage, r.code, "%v: %s", args, r.errOut)
	}
}
