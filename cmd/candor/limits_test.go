package main

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestTakeSavesOnlyWhatItReads (issue #12 defect 2): `take` once saved 45 text answers of
// 9 999 characters with commas, and `score` and `--resume` then refused the file (past 200 000
// lines, commas and brackets). Now the answer that would make the file unreadable is refused
// at the prompt, with the limit, and what was saved reads back.
func TestTakeSavesOnlyWhatItReads(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	var bank strings.Builder
	bank.WriteString("candor: 1\nid: texts\nversion: 1.0.0\ntitle: Texts\nquestions:\n")
	for i := 1; i <= 45; i++ {
		fmt.Fprintf(&bank, "  - {id: t%d, type: text, text: \"Say something?\"}\n", i)
	}
	require.NoError(t, os.WriteFile("texts.yaml", []byte(bank.String()), 0o600))
	answer := strings.Repeat("a,", 4999) + "a"
	r := runCandor(t, dir, strings.Repeat(answer+"\n", 45), "take", "texts.yaml", "--save", "r.yaml")
	assert.Contains(t, r.errOut, "That answer is too long to keep") // the terminal wraps the rest
	assert.Contains(t, r.errOut, "200000 lines and commas candor can read back")
	assertNoCrash(t, "take", r)

	r = runCandor(t, dir, "", "score", "--bank", "texts.yaml", "r.yaml")
	assert.Equal(t, exitOK, r.code, r.errOut)
	r = runCandor(t, dir, "", "take", "--resume", "r.yaml", "texts.yaml")
	assert.NotEqual(t, exitBadInput, r.code, r.errOut)
	assert.NotContains(t, r.errOut, "cannot be resumed")
}

// TestResumeNeverRewritesPastLimits: a response whose aliases repeat a text full of commas
// reads, but written back it would be past what candor reads: `take --resume` says so and
// leaves the file as it was.
func TestResumeNeverRewritesPastLimits(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	require.NoError(t, os.WriteFile("texts.yaml", []byte("candor: 1\nid: texts\nversion: 1.0.0\ntitle: Texts\nquestions:\n  - {id: t1, type: text, text: \"Say?\"}\n  - {id: t2, type: text, text: \"More?\"}\n"), 0o600))
	var src strings.Builder
	src.WriteString("candor: 1\nkind: response\nbank: {id: texts, version: 1.0.0}\nanswers:\n  t1: &c \"" + strings.Repeat(",", 5000) + "\"\n")
	for i := 0; i < 50; i++ {
		fmt.Fprintf(&src, "  other%d: *c\n", i)
	}
	require.NoError(t, os.WriteFile("r.yaml", []byte(src.String()), 0o600))
	r := runCandor(t, dir, "more\n", "take", "--resume", "r.yaml", "texts.yaml")
	assert.Equal(t, exitBadInput, r.code)
	assert.Contains(t, r.errOut, "r.yaml cannot be resumed: the file would have more than the 200000 lines, commas and brackets candor reads back. It has not been changed.")
	got, err := os.ReadFile("r.yaml")
	require.NoError(t, err)
	assert.Equal(t, src.String(), string(got))
}
