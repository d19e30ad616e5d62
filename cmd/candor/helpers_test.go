package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/candor-app/candor/internal/iostreams"
	"github.com/candor-app/candor/internal/testutil"
)

// Helpers the tests of cmd/candor share: candor in-process (runCandor), candor as a process
// (candorCmd), and a wait for what that process saves (waitFor). Golden files, the
// synchronized buffer and the wait itself are internal/testutil's.

// candorRun is one run of candor in-process.
type candorRun struct {
	code        int
	out, errOut string
}

// runCandor runs Main in dir with stdin, no terminal and a fixed clock; the data folder is
// dir/data.
func runCandor(t testing.TB, dir, stdin string, args ...string) candorRun {
	t.Helper()
	ios, in, out, errOut := iostreams.Test()
	in.WriteString(stdin)
	f := NewFactory(ios)
	f.Now = func() time.Time { return time.Date(2026, 11, 22, 9, 0, 0, 0, time.UTC) }
	f.DataDir = func() (string, error) { return filepath.Join(dir, "data"), nil }
	code := Main(args, f)
	return candorRun{code: code, out: out.String(), errOut: errOut.String()}
}

// candorCmd runs the test binary as candor (TestMain put it on PATH under that name).
func candorCmd(t *testing.T, dir string, args ...string) *exec.Cmd {
	t.Helper()
	bin, err := exec.LookPath("candor")
	require.NoError(t, err)
	cmd := exec.Command(bin, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "HOME="+dir, "XDG_DATA_HOME="+filepath.Join(dir, "data"), "NO_COLOR=1")
	return cmd
}

// waitFor waits until the file at path holds want; on a hung process it fails with what the
// file holds and the process's stderr.
func waitFor(t *testing.T, path, want string, stderr *testutil.SyncBuffer) {
	t.Helper()
	testutil.Eventually(t, path+" holding "+want, func() bool {
		b, err := os.ReadFile(path)
		return err == nil && strings.Contains(string(b), want)
	}, func() string {
		b, _ := os.ReadFile(path)
		return "it holds:\n" + string(b) + "\nstderr:\n" + stderr.String()
	})
}

// oneLine joins a resume command that resumeCommand split over lines (" \\" and an indented
// next line) back into one, as a shell reads it.
func oneLine(s string) string { return strings.ReplaceAll(s, " \\\n      ", " ") }
