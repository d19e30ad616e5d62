//go:build unix

package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/candor-app/candor/internal/testutil"
)

// tmuxSession runs a command in a detached tmux session on its own server, so a test can
// type into a real terminal and read the screen a person would see.
type tmuxSession struct {
	t      *testing.T
	socket string
}

func startTmux(t *testing.T, dir, command string) *tmuxSession {
	t.Helper()
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Skip("tmux is not installed")
	}
	s := &tmuxSession{t: t, socket: fmt.Sprintf("candor-test-%d-%d", os.Getpid(), time.Now().UnixNano())}
	s.run("-f", "/dev/null", "new-session", "-d", "-s", "take", "-x", "100", "-y", "50", "-c", dir, command)
	t.Cleanup(func() { _ = exec.Command("tmux", "-L", s.socket, "kill-server").Run() })
	return s
}

func (s *tmuxSession) run(args ...string) string {
	s.t.Helper()
	out, err := exec.Command("tmux", append([]string{"-L", s.socket}, args...)...).CombinedOutput()
	require.NoError(s.t, err, "tmux %v: %s", args, out)
	return string(out)
}

func (s *tmuxSession) screen() string { return s.run("capture-pane", "-p", "-t", "take", "-S", "-200") }

// waitScreen waits until the screen shows want (a deadline for a hung process only).
func (s *tmuxSession) waitScreen(want string) string {
	s.t.Helper()
	var scr string
	testutil.Eventually(s.t, fmt.Sprintf("the screen showing %q", want), func() bool {
		scr = s.screen()
		return strings.Contains(scr, want)
	}, func() string { return scr })
	return scr
}

// answerUnsafe answers trust-readiness as someone who does not feel safe (no, then Enter
// after the safety message, then yes to the four other questions) and returns the review's
// screen.
func (s *tmuxSession) answerUnsafe() string {
	s.t.Helper()
	s.waitScreen("(y/n, ? for help)")
	s.run("send-keys", "-t", "take", "n", "Enter")
	s.waitScreen("Press Enter when you're ready to go on")
	s.run("send-keys", "-t", "take", "Enter")
	for _, k := range []string{"y", "y", "y", "y"} {
		s.run("send-keys", "-t", "take", k, "Enter")
	}
	return s.waitScreen("Press Enter to see your summary.")
}

// TestTakeOnARealTerminal types answers into `candor take` in a terminal (tmux) and checks
// what the person sees: the intro, progress, numbered choices, their own typing, and after
// Ctrl-C where their answers are and how to come back.
func TestTakeOnARealTerminal(t *testing.T) {
	bin, err := exec.LookPath("candor")
	require.NoError(t, err)
	dir := t.TempDir()
	path := filepath.Join(dir, "r.yaml")
	command := fmt.Sprintf("env HOME=%s XDG_DATA_HOME=%s/data NO_COLOR=1 LANG=C.UTF-8 %s take repair-or-release --save %s; echo \"exit status $?\"; sleep 600",
		shellQuote(dir), shellQuote(dir), shellQuote(bin), shellQuote(path))
	tm := startTmux(t, dir, command)

	// Wait for the last line each screen draws (its prompt), not the first: the screen is
	// read while candor may still be writing.
	scr := tm.waitScreen("(y/n, ? for help)")
	assert.Contains(t, scr, "1 of 9")
	assert.Contains(t, scr, "Your answers are saved as you go, in a file only you can read:")
	assert.Contains(t, scr, "Repair, or let go?")

	tm.run("send-keys", "-t", "take", "y", "Enter")
	scr = tm.waitScreen("Type a number from 1 to 3")
	assert.Contains(t, scr, "2 of 9")
	assert.Contains(t, scr, "> y\n", "the person sees what they typed, on the prompt's line")
	// The values run 2, 1, 0: the choices are numbered in the order shown instead.
	assert.Contains(t, scr, "  1  Yes")
	assert.Contains(t, scr, "  2  Not sure yet")
	assert.Contains(t, scr, "  3  No")

	tm.run("send-keys", "-t", "take", "?", "Enter")
	tm.waitScreen("q saves your answers and stops.")

	tm.run("send-keys", "-t", "take", "-l", "not sure yet")
	tm.run("send-keys", "-t", "take", "Enter")
	tm.waitScreen("3 of 9")

	tm.run("send-keys", "-t", "take", "C-c")
	scr = tm.waitScreen("exit status")
	assert.Contains(t, scr, "Stopped. That's saved: every answer you gave is in")
	assert.Contains(t, oneLine(scr), "candor take --resume "+path)
	assert.Contains(t, scr, "exit status 130")

	saved, err := os.ReadFile(path)
	require.NoError(t, err)
	assert.Contains(t, string(saved), "  feel_safe: true\n  want_relationship: 1\n")
}

// TestReviewAndDeleteOnARealTerminal: after an urgent flag and the last question, the person
// sees every answer numbered, changes one by its number, sees the summary, and deletes the
// file when offered; then `candor answers delete` asks before deleting another.
func TestReviewAndDeleteOnARealTerminal(t *testing.T) {
	bin, err := exec.LookPath("candor")
	require.NoError(t, err)
	dir := t.TempDir()
	path := filepath.Join(dir, "r.yaml")
	other := filepath.Join(dir, "other.yaml")
	env := fmt.Sprintf("env HOME=%s XDG_DATA_HOME=%s/data NO_COLOR=1 LANG=C.UTF-8 COLUMNS=60 ", shellQuote(dir), shellQuote(dir))
	command := env + fmt.Sprintf("%s take --save %s; echo \"exit status $?\"; %s answers delete %s; echo \"delete status $?\"; sleep 600",
		shellQuote(bin), shellQuote(path), shellQuote(bin), shellQuote(other))
	require.NoError(t, os.WriteFile(other, []byte("candor: 1\nkind: response\nbank: {id: trust-readiness, version: 3.0.0}\nanswers: {feel_safe: true}\n"), 0o600))
	tm := startTmux(t, dir, command)

	scr := tm.answerUnsafe()
	assert.Contains(t, scr, "Here are your answers:")
	assert.Contains(t, scr, "  3  Do I want to trust them again?")
	assert.Contains(t, scr, "     Your answer: Yes")

	tm.run("send-keys", "-t", "take", "3", "Enter")
	tm.waitScreen("Your answer so far: Yes. Press Enter to keep it")
	tm.run("send-keys", "-t", "take", "3", "Enter")
	scr = tm.waitScreen("Press Enter to see your summary.")
	assert.Contains(t, scr, "     Your answer: No")
	tm.run("send-keys", "-t", "take", "Enter")

	scr = tm.waitScreen("or just press Enter to keep it.")
	assert.Contains(t, scr, "They are in this file:\n  "+path+"\nType d (or delete) and press Enter to delete it")
	saved, err := os.ReadFile(path)
	require.NoError(t, err)
	assert.Contains(t, string(saved), "  want_to_trust: \"no\"\n", "the changed answer was saved")
	tm.run("send-keys", "-t", "take", "-l", " Delete ")
	tm.run("send-keys", "-t", "take", "Enter")
	scr = tm.waitScreen("exit status")
	assert.Contains(t, scr, "Deleted. Your answers are no longer in")
	assert.Contains(t, scr, "exit status 0")
	_, err = os.Stat(path)
	assert.True(t, os.IsNotExist(err), "the file is gone")
	_, err = os.Stat(filepath.Join(dir, ".r.yaml.lock"))
	assert.True(t, os.IsNotExist(err), "its lock file too")

	scr = tm.waitScreen("Delete them? Type y and press Enter")
	assert.Contains(t, scr, other)
	tm.run("send-keys", "-t", "take", "y", "Enter")
	scr = tm.waitScreen("delete status")
	assert.Contains(t, scr, "delete status 0")
	_, err = os.Stat(other)
	assert.True(t, os.IsNotExist(err))
}

// TestDeleteWordsOnARealTerminal answers a bank with an urgent flag on a real terminal
// (tmux), once for each reply to the offer to delete: yes, y, delete and d (any case) delete
// the file; no, keep and anything else keep it and say "Kept: FILE".
func TestDeleteWordsOnARealTerminal(t *testing.T) {
	if testing.Short() {
		t.Skip("a terminal session per word")
	}
	bin, err := exec.LookPath("candor")
	require.NoError(t, err)
	for _, tc := range []struct {
		reply   string
		deleted bool
	}{
		{"yes", true}, {"Y", true}, {"delete", true}, {"D", true},
		{"no", false}, {"keep", false}, {"please delete it", false},
	} {
		t.Run(tc.reply, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "r.yaml")
			env := fmt.Sprintf("env HOME=%s XDG_DATA_HOME=%s/data NO_COLOR=1 LANG=C.UTF-8 COLUMNS=80 ", shellQuote(dir), shellQuote(dir))
			command := env + fmt.Sprintf("%s take --save %s; echo \"exit status $?\"; sleep 600", shellQuote(bin), shellQuote(path))
			tm := startTmux(t, dir, command)
			tm.answerUnsafe()
			tm.run("send-keys", "-t", "take", "Enter")
			tm.waitScreen("or just press Enter to keep it.")
			tm.run("send-keys", "-t", "take", "-l", tc.reply)
			tm.run("send-keys", "-t", "take", "Enter")
			scr := tm.waitScreen("exit status")
			assert.Contains(t, scr, "> "+tc.reply+"\n", "the person sees their reply")
			assert.Contains(t, scr, "exit status 0")
			_, err := os.Stat(path)
			if tc.deleted {
				assert.Contains(t, strings.ReplaceAll(scr, "\n", ""), "Deleted. Your answers are no longer in this file:  "+path)
				assert.True(t, os.IsNotExist(err), "the file is gone")
				return
			}
			assert.Contains(t, strings.ReplaceAll(scr, "\n", ""), "Kept: "+path)
			assert.NotContains(t, scr, "Deleted")
			assert.NoError(t, err, "the file is kept")
		})
	}
}
