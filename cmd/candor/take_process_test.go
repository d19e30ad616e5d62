//go:build unix

package main

import (
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/candor-app/candor/internal/testutil"
)

// TestTakeInterruptedBetweenAnswers starts a real `candor take`, answers through a pipe,
// interrupts it between answers and finds every answer in the file, with exit status 130.
// While it runs, a second `take --resume` of the same file is refused.
func TestTakeInterruptedBetweenAnswers(t *testing.T) {
	for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGTERM} {
		t.Run(sig.String(), func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "r.yaml")
			cmd := candorCmd(t, dir, "take", "--save", path)
			stdin, err := cmd.StdinPipe()
			require.NoError(t, err)
			var stdout, stderr testutil.SyncBuffer
			cmd.Stdout, cmd.Stderr = &stdout, &stderr
			require.NoError(t, cmd.Start())
			defer cmd.Process.Kill()

			_, err = io.WriteString(stdin, "y\n")
			require.NoError(t, err)
			waitFor(t, path, "feel_safe: true", &stderr)
			_, err = io.WriteString(stdin, "y\nn\n")
			require.NoError(t, err)
			waitFor(t, path, `want_to_trust: "no"`, &stderr)

			// The file is in use: a second session on it is refused, and changes nothing.
			before, err := os.ReadFile(path)
			require.NoError(t, err)
			second := candorCmd(t, dir, "take", "--resume", path)
			second.Stdin = strings.NewReader("y\ny\n")
			out, err := second.CombinedOutput()
			var ee *exec.ExitError
			require.True(t, errors.As(err, &ee), "the second take must fail: %v\n%s", err, out)
			assert.Equal(t, 1, ee.ExitCode())
			assert.Contains(t, string(out), "is open in another 'candor take' right now")
			after, err := os.ReadFile(path)
			require.NoError(t, err)
			assert.Equal(t, string(before), string(after))

			require.NoError(t, cmd.Process.Signal(sig))
			err = cmd.Wait()
			require.True(t, errors.As(err, &ee), "take must exit non-zero after %v: %v", sig, err)
			assert.Equal(t, exitInterrupted, ee.ExitCode())

			saved, err := os.ReadFile(path)
			require.NoError(t, err)
			assert.Contains(t, string(saved), "answers:\n  feel_safe: true\n  could_say_no: true\n  want_to_trust: \"no\"\n")
			assert.Contains(t, string(saved), "status: in-progress")
			assert.Contains(t, stderr.String(), "That's saved: every answer you gave is in this file:\n  "+path+"\n")
			assert.Contains(t, oneLine(stderr.String()), "candor take --resume "+path)
			assert.Empty(t, stdout.String(), "no summary after an interrupt")
			_, err = os.Stat(filepath.Join(dir, ".r.yaml.lock"))
			assert.True(t, os.IsNotExist(err), "the lock file is removed")

			// The lock is gone with the process: resuming now works and keeps both answers.
			third := candorCmd(t, dir, "take", "--resume", path, "--format", "json")
			third.Stdin = strings.NewReader("y\ny\n")
			out, err = third.Output()
			require.NoError(t, err)
			assert.Contains(t, string(out), `"id": "not_yet_want"`)
		})
	}
}

// TestResumeHintUnderGoRun: started with `go run`, the resume command printed is one that
// works from the source folder, not `candor take …` (which may not be installed).
func TestResumeHintUnderGoRun(t *testing.T) {
	if testing.Short() {
		t.Skip("builds candor with go run")
	}
	goBin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("go is not installed")
	}
	dir := t.TempDir()
	cmd := exec.Command(goBin, "run", "./cmd/candor", "take", "--width", "40", "--save", filepath.Join(dir, "r.yaml"))
	cmd.Dir = filepath.Join("..", "..")
	cmd.Env = append(os.Environ(), "HOME="+dir, "NO_COLOR=1")
	cmd.Stdin = strings.NewReader("y\nq\n")
	out, err := cmd.CombinedOutput()
	require.NoError(t, err, "%s", out)
	assert.Contains(t, string(out), "You can come back to it with:\n  go run ./cmd/candor take --resume \\\n      "+filepath.Join(dir, "r.yaml")+"\n")
}
