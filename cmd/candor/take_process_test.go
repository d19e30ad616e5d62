//go:build unix

package main

import (
	"bytes"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// syncBuffer is a bytes.Buffer safe to write from a process's output copier and read here.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
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

// waitFor waits until file holds want, or fails after a generous deadline (a hung process,
// not a slow one: nothing here measures speed).
func waitFor(t *testing.T, path, want string, stderr *syncBuffer) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for time.Now().Before(deadline) {
		if b, err := os.ReadFile(path); err == nil && strings.Contains(string(b), want) {
			return
		}
		time.Sleep(10 * time.Millisecond)
	}
	b, _ := os.ReadFile(path)
	t.Fatalf("%s never showed %q; it holds:\n%s\nstderr:\n%s", path, want, b, stderr.String())
}

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
			var stdout, stderr syncBuffer
			cmd.Stdout, cmd.Stderr = &stdout, &stderr
			require.NoError(t, cmd.Start())
			defer cmd.Process.Kill()

			_, err = io.WriteString(stdin, "y\n")
			require.NoError(t, err)
			waitFor(t, path, "feel_safe: true", &stderr)
			_, err = io.WriteString(stdin, "n\n")
			require.NoError(t, err)
			waitFor(t, path, "want_to_trust: false", &stderr)

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
			assert.Contains(t, string(saved), "answers:\n  feel_safe: true\n  want_to_trust: false\n")
			assert.Contains(t, string(saved), "status: in-progress")
			assert.Contains(t, stderr.String(), "That's saved: every answer you gave is in "+path)
			assert.Contains(t, stderr.String(), "candor take --resume "+path)
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
