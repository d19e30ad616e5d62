//go:build unix

package main

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/candor-app/candor/internal/testutil"
)

// slowBank has a yes/no question `a` and n questions whose `when` reads `a` and is allowed
// (within the limits on one evaluation) but costly: each evaluation takes about 90,000
// predicate calls, so answering `a` starts seconds to minutes of work.
func slowBank(n int) string {
	var b strings.Builder
	b.WriteString("candor: 1\nid: slow\nversion: 1.0.0\ntitle: Slow\nquestions:\n")
	b.WriteString("  - {id: a, text: \"Go on?\", type: yesno, required: true}\n")
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, "  - {id: q%d, text: \"Q%d?\", type: yesno, when: \"a and count(1..300, {count(1..300, {a and # > 0}) == 300}) == 300\"}\n", i, i)
	}
	b.WriteString("outcomes:\n  - {id: done, title: Thanks}\n")
	return b.String()
}

// waitExit waits for cmd, failing after a generous deadline (a process that does not end,
// not a slow one), and returns its exit code.
func waitExit(t *testing.T, cmd *exec.Cmd, stderr *testutil.SyncBuffer) int {
	t.Helper()
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			return ee.ExitCode()
		}
		require.NoError(t, err)
		return 0
	case <-time.After(30 * time.Second):
		_ = cmd.Process.Kill()
		t.Fatalf("take did not end after the signal; stderr:\n%s", stderr.String())
	}
	return -1
}

// Issue #12 defect 3 (the signal): a signal ends take promptly with the file saved even while
// a slow `when` is being worked out after an answer (the answer is saved before anything is
// evaluated). Without the watch on signals, take would finish the evaluation first (minutes).
func TestTakeSignalDuringSlowWhen(t *testing.T) {
	for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGTERM, syscall.SIGHUP} {
		t.Run(sig.String(), func(t *testing.T) {
			dir := t.TempDir()
			require.NoError(t, os.WriteFile(filepath.Join(dir, "slow.yaml"), []byte(slowBank(4000)), 0o600))
			path := filepath.Join(dir, "r.yaml")
			cmd := candorCmd(t, dir, "take", "slow.yaml", "--save", path)
			stdin, err := cmd.StdinPipe()
			require.NoError(t, err)
			var stdout, stderr testutil.SyncBuffer
			cmd.Stdout, cmd.Stderr = &stdout, &stderr
			require.NoError(t, cmd.Start())
			defer func() { _ = cmd.Process.Kill() }()
			_, err = stdin.Write([]byte("y\n"))
			require.NoError(t, err)
			waitFor(t, path, "a: true", &stderr) // saved; the evaluation runs now

			require.NoError(t, cmd.Process.Signal(sig))
			assert.Equal(t, exitInterrupted, waitExit(t, cmd, &stderr), "stderr:\n%s", stderr.String())
			saved, err := os.ReadFile(path)
			require.NoError(t, err)
			assert.Contains(t, string(saved), "answers:\n  a: true\n")
			assert.Contains(t, stderr.String(), "That's saved: every answer you gave is in this file:\n  "+path+"\n")
			assert.Contains(t, oneLine(stderr.String()), "candor take --resume "+path)
			assert.Empty(t, stdout.String())
			left, _ := filepath.Glob(filepath.Join(dir, ".*"))
			assert.Empty(t, left, "no lock or temporary file is left behind")
		})
	}
}

// The same while a resumed session starts: its answers' slow whens are worked out before the
// first question, and a signal then ends take promptly with the file as it was.
func TestTakeSignalWhileResumingSlowWhen(t *testing.T) {
	dir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, "slow.yaml"), []byte(slowBank(4000)), 0o600))
	path := filepath.Join(dir, "r.yaml")
	first := candorCmd(t, dir, "take", "slow.yaml", "--save", path)
	first.Stdin = strings.NewReader("y\n")
	var stderr testutil.SyncBuffer
	first.Stderr = &stderr
	require.NoError(t, first.Start())
	defer func() { _ = first.Process.Kill() }()
	waitFor(t, path, "a: true", &stderr)
	require.NoError(t, first.Process.Signal(syscall.SIGINT))
	assert.Equal(t, exitInterrupted, waitExit(t, first, &stderr))
	before, err := os.ReadFile(path)
	require.NoError(t, err)

	var stderr2 testutil.SyncBuffer
	second := candorCmd(t, dir, "take", "--resume", path, "slow.yaml")
	second.Stdin = strings.NewReader("")
	second.Stderr = &stderr2
	require.NoError(t, second.Start())
	defer func() { _ = second.Process.Kill() }()
	testutil.Eventually(t, "the session starting", func() bool {
		return strings.Contains(stderr2.String(), "Your answers are saved as you go")
	}, stderr2.String)
	require.NoError(t, second.Process.Signal(syscall.SIGTERM))
	assert.Equal(t, exitInterrupted, waitExit(t, second, &stderr2), "stderr:\n%s", stderr2.String())
	assert.Contains(t, stderr2.String(), "That's saved: every answer you gave is in this file:\n  "+path+"\n")
	after, err := os.ReadFile(path)
	require.NoError(t, err)
	assert.Equal(t, string(before), string(after))
	left, _ := filepath.Glob(filepath.Join(dir, ".*"))
	assert.Empty(t, left, "no lock or temporary file is left behind")
}

// Issue #12 defect 6: while one take holds a response, a second one reaching the same file
// through a hard link or a symbolic link is refused, and the file keeps the first one's
// answers (before the fix the second one locked ".hard.yaml.lock" and split the answers).
func TestTakeLockFollowsTheFileNotTheName(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "r.yaml")
	first := candorCmd(t, dir, "take", "--save", path)
	stdin, err := first.StdinPipe()
	require.NoError(t, err)
	var stderr testutil.SyncBuffer
	first.Stderr = &stderr
	require.NoError(t, first.Start())
	defer func() { _ = first.Process.Kill() }()
	_, err = stdin.Write([]byte("y\n"))
	require.NoError(t, err)
	waitFor(t, path, "feel_safe: true", &stderr)
	require.NoError(t, os.Link(path, filepath.Join(dir, "hard.yaml")))
	require.NoError(t, os.Symlink("r.yaml", filepath.Join(dir, "soft.yaml")))

	for _, other := range []string{"hard.yaml", "soft.yaml"} {
		second := candorCmd(t, dir, "take", "--resume", other)
		second.Stdin = strings.NewReader("n\nn\n")
		out, err := second.CombinedOutput()
		var ee *exec.ExitError
		require.True(t, errors.As(err, &ee), "%s: %s", other, out)
		assert.Equal(t, exitBadInput, ee.ExitCode(), "%s: %s", other, out)
		assert.Contains(t, string(out), "is open in another 'candor take' right now", other)
	}

	require.NoError(t, first.Process.Signal(syscall.SIGINT))
	assert.Equal(t, exitInterrupted, waitExit(t, first, &stderr))
	saved, err := os.ReadFile(path)
	require.NoError(t, err)
	assert.Contains(t, string(saved), "answers:\n  feel_safe: true\n")
	assert.NotContains(t, string(saved), "want_to_trust", "the refused sessions answered nothing")
}

// Issue #12 defect 5: temporary files holding answers, left by a save that was killed, do not
// outlive their response: a take in the data folder removes those of responses deleted
// since, and resuming a response removes its own.
func TestTakeRemovesStaleTemporaryFiles(t *testing.T) {
	dir := t.TempDir()
	data := filepath.Join(dir, "data", "candor")
	require.NoError(t, os.MkdirAll(data, 0o700))
	orphan := filepath.Join(data, ".candor-20261101-090000.yaml.2851.tmp")
	require.NoError(t, os.WriteFile(orphan, []byte("answers: {feel_safe: false}\n"), 0o600))
	kept := filepath.Join(data, "trust-readiness-20261102-090000.yaml")
	require.NoError(t, os.WriteFile(kept, []byte("answers: {feel_safe: true}\n"), 0o600))
	staleLock := filepath.Join(data, ".trust-readiness-20261102-090000.yaml.lock")
	staleTemp := filepath.Join(data, ".trust-readiness-20261102-090000.yaml.77.tmp")
	require.NoError(t, os.WriteFile(staleLock, []byte("123\n"), 0o600))
	require.NoError(t, os.WriteFile(staleTemp, []byte("answers: {feel_safe: false}\n"), 0o600))

	cmd := candorCmd(t, dir, "take")
	cmd.Stdin = strings.NewReader("y\n")
	out, err := cmd.CombinedOutput()
	var ee *exec.ExitError
	require.True(t, errors.As(err, &ee), "%s", out)
	_, err = os.Stat(orphan)
	assert.True(t, os.IsNotExist(err), "the orphan temporary file is removed")
	for _, p := range []string{staleLock, staleTemp} {
		_, err = os.Stat(p)
		assert.True(t, os.IsNotExist(err), "left by a killed session, removed: %s", p)
	}
	_, err = os.Stat(kept)
	assert.NoError(t, err, "the response itself stays")

	path := filepath.Join(dir, "r.yaml")
	first := candorCmd(t, dir, "take", "--save", path)
	first.Stdin = strings.NewReader("y\n")
	_, _ = first.CombinedOutput()
	stale := filepath.Join(dir, ".r.yaml.99.tmp")
	require.NoError(t, os.WriteFile(stale, []byte("answers: {feel_safe: false}\n"), 0o600))
	again := candorCmd(t, dir, "take", "--resume", path)
	again.Stdin = strings.NewReader("")
	_, _ = again.CombinedOutput()
	_, err = os.Stat(stale)
	assert.True(t, os.IsNotExist(err), "resuming removes the response's own stale temporary file")
}
