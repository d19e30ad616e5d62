package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/candor-app/candor/data"
	"github.com/candor-app/candor/internal/iostreams"
	"github.com/candor-app/candor/internal/testutil"
	"github.com/candor-app/candor/questionnaire"
)

// Hostile input, end to end: files a stranger could hand a person (a download, an email)
// given to every command that reads that kind of file. Each must be refused with exit 1 and a
// message that says what is wrong and where, with no panic, no Go stack trace, and nothing
// written or changed. docs/hostile-inputs.md lists what the user sees; `go test -run
// TestHostile -v` prints it.

// snapshot is every file and folder under dir with its mode and a hash of its content.
func snapshot(t testing.TB, dir string) map[string]string {
	t.Helper()
	m := map[string]string{}
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil // unreadable: its name is enough
		}
		rel, _ := filepath.Rel(dir, path)
		info, err := d.Info()
		if err != nil {
			return nil
		}
		v := info.Mode().String()
		if info.Mode().IsRegular() {
			if b, err := os.ReadFile(path); err == nil {
				sum := sha256.Sum256(b)
				v += " " + hex.EncodeToString(sum[:8])
			}
		}
		m[rel] = v
		return nil
	})
	require.NoError(t, err)
	return m
}

// A small valid bank and two responses to it, the company hostile files keep.
const (
	goodBank = `candor: 1
id: hostile-good
version: 1.0.0
title: A good bank
questions:
  - {id: safe, text: "Do you feel safe?", type: yesno, required: true}
  - {id: hope, text: "How hopeful are you?", min: 1, max: 5}
scores:
  - id: hopeful
    label: Hope
    items: [hope]
    bands:
      - {max: 2, label: Low}
      - {label: High}
outcomes:
  - {id: done, title: Thank you}
`
	goodResponse  = "candor: 1\nkind: response\nbank: {id: hostile-good, version: 1.0.0}\nrespondent: Sam\nstatus: completed\nstarted: 2026-11-01T09:00:00Z\nupdated: 2026-11-01T09:05:00Z\nanswers:\n  safe: true\n  hope: 4\n"
	goodResponse2 = "candor: 1\nkind: response\nbank: {id: hostile-good, version: 1.0.0}\nrespondent: Alex\nstatus: completed\nstarted: 2026-11-08T09:00:00Z\nupdated: 2026-11-08T09:05:00Z\nanswers:\n  safe: true\n  hope: 2\n"
)

// hostileFile is one hostile input: how to make it, and what the message must say.
type hostileFile struct {
	name string
	// make writes the input at path (a file or a folder); nil means it does not exist.
	make func(t testing.TB, path string)
	// want are regular expressions the message must match; FILE stands for the file's name.
	want []string
	// root is true for inputs root can read anyway (a file without read permission).
	skipRoot bool
}

func writeFile(content string) func(testing.TB, string) {
	return func(t testing.TB, path string) {
		require.NoError(t, os.WriteFile(path, []byte(content), 0o600))
	}
}

// Builders of hostile content.
func bigFile() string {
	return "candor: 1\n# " + strings.Repeat("x", questionnaire.MaxFileSize) + "\n"
}

// aliasedText repeats a text of size bytes n times through an alias: under 4 MiB written,
// n times that expanded. line writes item i given the anchor's or an alias's YAML.
func aliasedText(top string, size, n int, line func(i int, value string) string) string {
	var b strings.Builder
	b.WriteString(top)
	b.WriteString(line(0, "&t "+strings.Repeat("x", size)))
	for i := 1; i <= n; i++ {
		b.WriteString(line(i, "*t"))
	}
	return b.String()
}

func billionLaughs(top string) string {
	var b strings.Builder
	b.WriteString(top)
	b.WriteString("l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n")
	for i := 1; i <= 9; i++ {
		fmt.Fprintf(&b, "l%d: &l%d [", i, i)
		for j := 0; j < 9; j++ {
			if j > 0 {
				b.WriteString(", ")
			}
			fmt.Fprintf(&b, "*l%d", i-1)
		}
		b.WriteString("]\n")
	}
	return b.String()
}

func deepNesting(top, key string) string {
	const depth = 10000
	return top + key + ": " + strings.Repeat("[", depth) + strings.Repeat("]", depth) + "\n"
}

// exprBank is a valid bank whose flag's condition is cond.
func exprBank(cond string) string {
	return "candor: 1\nid: big-rule\nversion: 1.0.0\ntitle: A big rule\nquestions:\n  - {id: hope, text: \"Hope?\", min: 1, max: 5}\nflags:\n  - id: low\n    title: Low\n    when: " + cond + "\n"
}

func manyQuestions(n int) string {
	var b strings.Builder
	b.WriteString("candor: 1\nid: many\nversion: 1.0.0\ntitle: Many\nquestions:\n")
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, "  - {id: q%d, text: \"Question %d?\", type: yesno}\n", i, i)
	}
	return b.String()
}

// hostileBanks are refused by every command that reads a bank.
func hostileBanks() []hostileFile {
	return []hostileFile{
		{name: "too-big", make: writeFile(bigFile()), want: []string{`FILE: .*larger than 4 MiB`}},
		{name: "billion-laughs", make: writeFile(billionLaughs("candor: 1\nid: lol\nversion: 1.0.0\ntitle: Laughs\n")), want: []string{`FILE:\d+:\d+: error: .*alias`}},
		{name: "deep-nesting", make: writeFile(deepNesting("candor: 1\nid: deep\nversion: 1.0.0\ntitle: Deep\n", "intro")), want: []string{`FILE:\d+:\d+: error: .*(nest|deep)`}},
		{name: "expr-too-many-nodes", make: writeFile(exprBank("hope > " + strings.Repeat("1+", 1200) + "1")), want: []string{`FILE:10:11: error: .*`}},
		{name: "aliased-help", make: writeFile(aliasedText("candor: 1\nid: aliased\nversion: 1.0.0\ntitle: Aliased\nquestions:\n", 3_300_000, 4000,
			func(i int, v string) string { return fmt.Sprintf("  - {id: q%d, text: \"Q?\", help: %s}\n", i, v) })),
			want: []string{`FILE:6:3: error: the file's aliases expand to more than 4 MiB of text`}},
		{name: "expr-nested-predicates", make: writeFile(exprBank("'let a = 1..1000; all(a, {all(a, {all(a, {# > 0})})})'")), want: []string{`FILE:10:\d+: error: the .when. of flag "low" would take about 1,001,001,000 steps to work out`}},
		{name: "expr-long-range", make: writeFile(exprBank("'hope > 0 and len(1..100000000) > 0'")), want: []string{`FILE:10:\d+: error: the .when. of flag "low" uses a range of 100,000,000 numbers`}},
		{name: "expr-too-long", make: writeFile(exprBank("hope > 1" + strings.Repeat(" ", 4000) + "+ 1")), want: []string{`FILE:10:11: error: .*longer than 4000 characters`}},
		{name: "too-many-questions", make: writeFile(manyQuestions(questionnaire.MaxQuestions + 1)), want: []string{`FILE:\d+:\d+: error: .*5000`}},
		{name: "invalid-utf8", make: writeFile("candor: 1\nid: bad\nversion: 1.0.0\ntitle: Caf\xe9\n"), want: []string{`FILE:4:11: error: the file is not valid UTF-8 text`}},
		{name: "nul-byte", make: writeFile("candor: 1\nid: bad\x00\n"), want: []string{`FILE:2:8: error: .*NUL`}},
		{name: "empty", make: writeFile(""), want: []string{`FILE:1:1: error: the file is empty`}},
		{name: "comments-only", make: writeFile("# nothing here\n"), want: []string{`FILE:1:1: error: the file is empty`}},
		{name: "folder", make: func(t testing.TB, p string) { require.NoError(t, os.Mkdir(p, 0o700)) }, want: []string{`FILE.*is a folder`}},
		{name: "missing", want: []string{`FILE.*no such file`}},
		{name: "unreadable", make: func(t testing.TB, p string) { require.NoError(t, os.WriteFile(p, []byte(goodBank), 0o000)) }, want: []string{`FILE.*permission denied`}, skipRoot: true},
		{name: "yaml-list", make: writeFile("- candor: 1\n- id: x\n"), want: []string{`FILE:1:1: error: .*mapping|FILE:1:1: error: .*list`}},
		{name: "yaml-scalar", make: writeFile("just some words\n"), want: []string{`FILE:1:1: error: `}},
		{name: "response-as-bank", make: writeFile(goodResponse), want: []string{`FILE:\d+:\d+: error: .*response`}},
		{name: "binary", make: writeFile("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), want: []string{`FILE:\d+:\d+: error: .*(UTF-8|NUL)`}},
	}
}

// hostileResponses are refused by every command that reads a response.
func hostileResponses() []hostileFile {
	head := "candor: 1\nkind: response\nbank: {id: hostile-good, version: 1.0.0}\n"
	return []hostileFile{
		{name: "too-big", make: writeFile(bigFile()), want: []string{`FILE: .*larger than 4 MiB`}},
		{name: "billion-laughs", make: writeFile(billionLaughs(head + "answers: {safe: true}\n")), want: []string{`FILE:\d+:\d+: error: .*alias`}},
		{name: "aliased-answer", make: writeFile(aliasedText(head+"answers:\n", 3<<20, 30000,
			func(i int, v string) string { return fmt.Sprintf("  a%d: %s\n", i, v) })),
			want: []string{`FILE:5:3: error: the file's aliases expand to more than 4 MiB of text`}},
		{name: "deep-nesting", make: writeFile(deepNesting(head, "answers")), want: []string{`FILE:\d+:\d+: error: .*(nest|deep)`}},
		{name: "invalid-utf8", make: writeFile(head + "respondent: Ren\xe9\nanswers: {safe: true}\n"), want: []string{`FILE:4:16: error: the file is not valid UTF-8 text`}},
		{name: "empty", make: writeFile(""), want: []string{`FILE:1:1: error: the (response|answers) file is empty`}},
		{name: "folder", make: func(t testing.TB, p string) { require.NoError(t, os.Mkdir(p, 0o700)) }, want: []string{`FILE.*(folder|no responses|\.yaml)`}},
		{name: "missing", want: []string{`FILE.*no such file`}},
		{name: "unreadable", make: func(t testing.TB, p string) { require.NoError(t, os.WriteFile(p, []byte(goodResponse), 0o000)) }, want: []string{`FILE.*permission denied`}, skipRoot: true},
		{name: "yaml-list", make: writeFile("- safe: true\n- hope: 3\n"), want: []string{`FILE:1:1: error: `}},
		{name: "yaml-scalar", make: writeFile("yes\n"), want: []string{`FILE:1:1: error: `}},
		{name: "bank-as-response", make: writeFile(goodBank), want: []string{`FILE:1:1: error: this file is a question bank, not a response`}},
		{name: "truncated", make: writeFile(goodResponse[:len(goodResponse)/2] + "\n  hope: [3,"), want: []string{`FILE:\d+:\d+: error: `}},
		{name: "truncated-mid-key", make: writeFile(goodResponse[:40]), want: []string{`FILE:\d+:\d+: error: `}},
	}
}

// bankCommands read a bank; FILE is the hostile bank, and good.yaml, a.yaml and b.yaml are
// a valid bank and two responses to it.
var bankCommands = [][]string{
	{"validate", "FILE"},
	{"test", "FILE"},
	{"show", "FILE"},
	{"take", "FILE", "--no-save"},
	{"take", "FILE"},
	{"take", "FILE", "--save", "new.yaml"},
	{"take", "FILE", "--answers", "a.yaml"},
	{"score", "--bank", "FILE", "a.yaml"},
	{"compare", "--bank", "FILE", "a.yaml", "b.yaml"},
	{"history", "--bank", "FILE", "a.yaml", "b.yaml"},
}

// responseCommands read a response; FILE is the hostile response.
var responseCommands = [][]string{
	{"score", "FILE"},
	{"score", "--bank", "good.yaml", "FILE"},
	{"score", "--bank", "good.yaml", "--format", "csv", "FILE"},
	{"compare", "--bank", "good.yaml", "FILE", "a.yaml"},
	{"compare", "--bank", "good.yaml", "a.yaml", "FILE"},
	{"history", "--bank", "good.yaml", "a.yaml", "FILE"},
	{"take", "good.yaml", "--answers", "FILE"},
	{"take", "--resume", "FILE"},
	{"take", "good.yaml", "--resume", "FILE"},
}

func TestHostileBanks(t *testing.T) {
	runHostile(t, hostileBanks(), bankCommands)
}

func TestHostileResponses(t *testing.T) {
	runHostile(t, hostileResponses(), responseCommands)
}

// hostileEnv is a fresh folder with the good bank and responses in it, and the hostile
// file named name (with extension .yaml).
func hostileEnv(t testing.TB, h hostileFile) (dir, file string) {
	dir = t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, "good.yaml"), []byte(goodBank), 0o600))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "a.yaml"), []byte(goodResponse), 0o600))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "b.yaml"), []byte(goodResponse2), 0o600))
	file = h.name + ".yaml"
	if h.make != nil {
		h.make(t, filepath.Join(dir, file))
	}
	return dir, file
}

func runHostile(t *testing.T, files []hostileFile, commands [][]string) {
	for _, h := range files {
		t.Run(h.name, func(t *testing.T) {
			if h.skipRoot && os.Geteuid() == 0 {
				t.Skip("root may read any file")
			}
			dir, file := hostileEnv(t, h)
			t.Chdir(dir)
			for _, c := range commands {
				args := make([]string, len(c))
				for i, a := range c {
					args[i] = strings.ReplaceAll(a, "FILE", file)
				}
				name := strings.Join(args, " ")
				before := snapshot(t, dir)
				r := runCandor(t, dir, "y\n3\n", args...)
				t.Logf("candor %s\n  exit %d\n%s", name, r.code, indent(r.errOut))
				assert.Equal(t, exitBadInput, r.code, "candor %s: exit status\n%s", name, r.errOut)
				assertNoCrash(t, name, r)
				for _, w := range h.want {
					re := regexp.MustCompile("(?m)" + strings.ReplaceAll(w, "FILE", regexp.QuoteMeta(file)))
					assert.Regexp(t, re, r.errOut, "candor %s: the message must say what and where", name)
				}
				assert.Equal(t, before, snapshot(t, dir), "candor %s wrote or changed a file", name)
			}
		})
	}
}

// assertNoCrash fails on a panic or a Go stack trace in either stream.
func assertNoCrash(t *testing.T, name string, r candorRun) {
	t.Helper()
	for _, s := range []string{r.out, r.errOut} {
		assert.NotContains(t, s, "goroutine ", "candor %s printed a stack trace", name)
		assert.NotContains(t, s, "panic", "candor %s panicked", name)
		assert.NotContains(t, s, "runtime error", "candor %s", name)
	}
}

func indent(s string) string {
	var b strings.Builder
	for _, l := range strings.Split(strings.TrimRight(s, "\n"), "\n") {
		if len(l) > 300 {
			l = l[:300] + "…"
		}
		b.WriteString("    " + l + "\n")
	}
	return b.String()
}

// Accepted oddities: a byte order mark and Windows line ends are read like any other file,
// and positions in messages still count lines and columns as an editor shows them.
func TestHostileAccepted(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	crlf := func(s string) string { return strings.ReplaceAll(s, "\n", "\r\n") }
	files := map[string]string{
		"bom.yaml":       "\xef\xbb\xbf" + goodBank,
		"crlf.yaml":      crlf(goodBank),
		"bom-crlf.yaml":  "\xef\xbb\xbf" + crlf(goodBank),
		"a-bom.yaml":     "\xef\xbb\xbf" + goodResponse,
		"a-crlf.yaml":    crlf(goodResponse),
		"b.yaml":         goodResponse2,
		"bad-crlf.yaml":  crlf(strings.Replace(goodBank, "type: yesno", "type: yesnoo", 1)),
		"bad-bom.yaml":   "\xef\xbb\xbf" + strings.Replace(goodBank, "type: yesno", "type: yesnoo", 1),
		"resp-crlf.yaml": crlf(strings.Replace(goodResponse, "hope: 4", "hope: 9", 1)),
	}
	for name, content := range files {
		require.NoError(t, os.WriteFile(name, []byte(content), 0o600))
	}
	for _, bank := range []string{"bom.yaml", "crlf.yaml", "bom-crlf.yaml"} {
		for _, args := range [][]string{
			{"validate", bank},
			{"show", bank},
			{"take", bank, "--no-save"},
			{"score", "--bank", bank, "a-bom.yaml", "a-crlf.yaml"},
			{"compare", "--bank", bank, "a-crlf.yaml", "b.yaml"},
			{"history", "--bank", bank, "a-bom.yaml", "b.yaml"},
		} {
			r := runCandor(t, dir, "y\n3\n", args...)
			assert.Equal(t, exitOK, r.code, "candor %v:\n%s", args, r.errOut)
			assertNoCrash(t, strings.Join(args, " "), r)
		}
	}
	// The error is at line 6, column 59 (`type: yesnoo`), whatever the line ends; a BOM takes
	// no column.
	for _, bank := range []string{"bad-crlf.yaml", "bad-bom.yaml"} {
		r := runCandor(t, dir, "", "validate", bank)
		assert.Equal(t, exitBadInput, r.code)
		assert.Regexp(t, `(?m)^`+regexp.QuoteMeta(bank)+`:6:49: error: unknown question type "yesnoo"`, r.errOut)
		assert.NotContains(t, r.errOut, "\r", "no carriage return is echoed from the source line")
	}
	r := runCandor(t, dir, "", "score", "--bank", "good.yaml", "resp-crlf.yaml")
	_ = r
	require.NoError(t, os.WriteFile("good.yaml", []byte(goodBank), 0o600))
	r = runCandor(t, dir, "", "score", "--bank", "good.yaml", "resp-crlf.yaml")
	assert.Equal(t, exitBadInput, r.code)
	assert.Regexp(t, `(?m)^resp-crlf.yaml:10:9: error: 9 is outside the range of "hope"`, r.errOut)
	assert.NotContains(t, r.errOut, "\r")
}

// The JSON of diagnostics stays valid JSON whatever the file held.
func TestHostileJSONDiagnostics(t *testing.T) {
	for _, h := range hostileBanks() {
		if h.skipRoot && os.Geteuid() == 0 {
			continue
		}
		dir, file := hostileEnv(t, h)
		r := runCandor(t, dir, "", "validate", "--format", "json", filepath.Join(dir, file))
		assert.Equal(t, exitBadInput, r.code, h.name)
		var v any
		assert.NoError(t, json.Unmarshal([]byte(r.out), &v), "%s: stdout is not JSON:\n%s", h.name, r.out)
	}
}

var _ = bytes.Equal

// badTerminalRune reports a character that could change a terminal: a C0 control but newline
// and tab, DEL, a C1 control, a bidi override or isolate, a line or paragraph separator, an
// invisible character.
func badTerminalRune(r rune) bool {
	return (r < 0x20 && r != '\n' && r != '\t') || r == 0x7f || (r >= 0x80 && r < 0xa0) ||
		(r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069) || r == 0x2028 || r == 0x2029 ||
		invisibleRune(r)
}

// invisibleRune is a character a terminal shows as nothing, which could hide or disguise
// what a text says (#12 defect 11): bidi marks, zero-width characters, the word joiner,
// BOM, soft hyphen, Hangul fillers, tag characters, interlinear annotation controls and the
// deprecated format characters U+206A..206F.
func invisibleRune(r rune) bool {
	switch r {
	case 0x200e, 0x200f, 0x061c, 0x200b, 0x200c, 0x200d, 0x2060, 0xfeff, 0x00ad, 0x115f, 0x1160, 0x3164, 0xffa0:
		return true
	}
	return (r >= 0xe0000 && r <= 0xe007f) || (r >= 0xfff9 && r <= 0xfffb) || (r >= 0x206a && r <= 0x206f)
}

// assertTerminalSafe fails when s holds invalid UTF-8 or a character badTerminalRune refuses.
func assertTerminalSafe(t *testing.T, what, s string) {
	t.Helper()
	if !utf8.ValidString(s) {
		t.Errorf("%s: not valid UTF-8: %q", what, s)
		return
	}
	for i, r := range s {
		if badTerminalRune(r) {
			lo := max(0, i-40)
			t.Errorf("%s: %U reaches the terminal at byte %d: %q", what, r, i, s[lo:min(len(s), i+40)])
			return
		}
	}
}

// assertJSONSafe requires valid JSON (one document, or one per line) with no raw control
// byte: encoding/json writes them as \u escapes.
func assertJSONSafe(t *testing.T, what, s string) {
	t.Helper()
	dec := json.NewDecoder(strings.NewReader(s))
	n := 0
	for {
		var v any
		err := dec.Decode(&v)
		if err == io.EOF {
			break
		}
		if !assert.NoError(t, err, "%s: not JSON:\n%s", what, s) {
			return
		}
		n++
	}
	assert.Positive(t, n, "%s: no JSON at all", what)
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 && c != '\n' {
			t.Errorf("%s: raw control byte %#x in JSON at %d", what, c, i)
			return
		}
	}
}

// TestHostileEscapes runs every command and format over a bank and responses with escape
// sequences, carriage returns, bells, backspaces, DEL, C1 controls, bidi overrides and NULs
// in every text (testdata/hostile/escapes-*.yaml), and over a file whose very name holds
// an escape sequence. Nothing of them reaches stdout or stderr; JSON stays valid JSON with
// the control characters escaped.
func TestHostileEscapes(t *testing.T) {
	dir := t.TempDir()
	src, err := filepath.Glob("testdata/hostile/escapes-*.yaml")
	require.NoError(t, err)
	require.NotEmpty(t, src)
	for _, p := range src {
		b, err := os.ReadFile(p)
		require.NoError(t, err)
		require.NoError(t, os.WriteFile(filepath.Join(dir, filepath.Base(p)), b, 0o600))
	}
	// A file name is text from outside too: a download can be named anything.
	evilName := "evil\x1b]0;pwned\x07\x1b[2J\u202e.yaml"
	b, err := os.ReadFile("testdata/hostile/escapes-invalid-bank.yaml")
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(filepath.Join(dir, evilName), b, 0o600))
	t.Chdir(dir)

	const (
		bank = "escapes-bank.yaml"
		r1   = "escapes-response.yaml"
		r2   = "escapes-response2.yaml"
	)
	type cmd struct {
		args  []string
		stdin string
		json  bool
	}
	var cmds []cmd
	add := func(json bool, args ...string) { cmds = append(cmds, cmd{args: args, json: json}) }
	for _, f := range []string{"text", "json"} {
		add(f == "json", "validate", "--format", f, bank, "escapes-failing-bank.yaml", "escapes-invalid-bank.yaml", "escapes-raw-bank.yaml", evilName, "no\x1b[2Jsuch.yaml")
		add(f == "json", "test", "--format", f, bank, "escapes-failing-bank.yaml")
	}
	for _, f := range []string{"text", "markdown"} {
		add(false, "show", "--format", f, bank)
		add(false, "show", "--format", f, "--width", "20", bank)
	}
	for _, f := range []string{"text", "markdown", "json"} {
		add(f == "json", "take", bank, "--answers", r1, "--format", f)
		add(f == "json", "take", bank, "--answers", "escapes-answers.yaml", "--format", f, "--no-save")
		add(f == "json", "compare", "--format", f, "--bank", bank, r1, r2)
		add(f == "json", "compare", "--format", f, "--bank", bank, r1, "escapes-response-otherbank.yaml")
	}
	for _, f := range []string{"text", "markdown", "json", "csv"} {
		add(f == "json", "score", "--format", f, "--bank", bank, r1, r2)
		add(f == "json", "score", "--format", f, "--bank", bank, "escapes-response-otherbank.yaml")
		add(f == "json", "score", "--format", f, "escapes-response-otherbank.yaml")
	}
	for _, f := range []string{"text", "json", "csv"} {
		add(f == "json", "history", "--format", f, "--bank", bank, r1, r2)
		add(f == "json", "history", "--format", f, "--bank", bank, r1, "escapes-response-otherbank.yaml")
		if f != "csv" {
			add(f == "json", "list", "--format", f)
		}
	}
	// An interactive session: every question, its help, a wrong answer, then the answers.
	session := "?\nmaybe\nn\n?\n2\n\n9\n2\n1\nmy \x1b]0;pwned\x07 words\n"
	cmds = append(cmds,
		cmd{args: []string{"take", bank, "--save", "s.yaml", "--respondent", "Me \x1b[2J\u202e"}, stdin: session},
		cmd{args: []string{"take", bank, "--save", "t.yaml"}, stdin: "?\ny\n"},
		cmd{args: []string{"take", "--resume", "t.yaml", "--format", "markdown"}, stdin: "b\n?\n2\n3\n1,2\nfine\n"},
		cmd{args: []string{"take", "--resume", r1}, stdin: ""},
		cmd{args: []string{"take", bank, "--save", r1}, stdin: "y\n"},
		cmd{args: []string{"take", "--resume", "escapes-response-otherbank.yaml"}, stdin: "y\n"},
		cmd{args: []string{"take", bank, "--resume", "escapes-response-otherbank.yaml"}, stdin: "y\n"},
		cmd{args: []string{"score", "s.yaml"}},
		cmd{args: []string{"take", "no\x1b[2Jbank"}},
		cmd{args: []string{"take", "--save", "x\x1b[2J/\x00"}},
		cmd{args: []string{"show", "\x1b]0;pwned\x07"}},
	)
	for _, c := range cmds {
		name := strings.Join(c.args, " ")
		t.Run(strings.Join(c.args[:min(3, len(c.args))], " "), func(t *testing.T) {
			r := runCandor(t, dir, c.stdin, c.args...)
			assertNoCrash(t, name, r)
			assert.Contains(t, []int{exitOK, exitBadInput, exitInterrupted}, r.code, "candor %q: exit %d\n%s", name, r.code, r.errOut)
			if c.json {
				if r.out != "" {
					assertJSONSafe(t, fmt.Sprintf("candor %q stdout", name), r.out)
				}
			} else {
				assertTerminalSafe(t, fmt.Sprintf("candor %q stdout", name), r.out)
			}
			assertTerminalSafe(t, fmt.Sprintf("candor %q stderr", name), r.errOut)
		})
	}
	// The session saved the words typed, without the control characters (a terminal sends
	// them for keys such as the arrows; nobody means them as words).
	saved, err := os.ReadFile("s.yaml")
	require.NoError(t, err)
	assert.Contains(t, string(saved), "note: my ]0;pwned words\n")
}

// readTrustResponse reads a response to the default bank and returns its answers, failing
// when the file is not a valid response.
func readTrustResponse(t *testing.T, path string) (*questionnaire.Response, questionnaire.Answers) {
	t.Helper()
	r, ds := questionnaire.ReadResponseFile(path)
	require.NotNil(t, r, "%s is not a valid response: %v", path, ds)
	b, ds := data.LoadBank("trust-readiness")
	require.NotNil(t, b, "%v", ds)
	a, ds := r.Resolve(b)
	require.False(t, ds.HasErrors(), "%v", ds)
	return r, a
}

// TestHostileInterrupts stops a real `candor take` at several points, by SIGINT, SIGTERM,
// SIGHUP and the end of its input: before the first answer, in the middle of typing an
// answer (no Enter yet), and while the summary is written. Each leaves a valid response
// with every answer given (the one being typed is not given yet), or no file at all when
// nothing was answered yet, no lock file, and exit status 130 (or 0 when the summary was
// already out). Between answers is
// TestTakeInterruptedBetweenAnswers; the end of input between answers is take_resume.txtar.
func TestHostileInterrupts(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("signals are unix")
	}
	bin, err := exec.LookPath("candor")
	require.NoError(t, err)
	type stop struct {
		name string
		// typed is what is typed before stopping; prompts is how many "Question N of 5"
		// prompts to wait for first.
		typed   string
		prompts int
		// want is the answers the file must hold.
		want questionnaire.Answers
		// done is true when every question is answered (the summary is being written).
		done bool
	}
	stops := []stop{
		{name: "before-first-answer", prompts: 1, want: questionnaire.Answers{}},
		{name: "mid-line-first", typed: "y", prompts: 1, want: questionnaire.Answers{}},
		{name: "mid-line-fourth", typed: "y\ny\nn\ny", prompts: 4, want: questionnaire.Answers{"feel_safe": true, "could_say_no": true, "want_to_trust": "no"}},
		{name: "during-summary", typed: "y\ny\ny\ny\ny\n", prompts: 5, done: true,
			want: questionnaire.Answers{"feel_safe": true, "could_say_no": true, "want_to_trust": "yes", "love_outweighs_pain": "yes", "could_survive": "yes"}},
	}
	for _, sig := range []os.Signal{syscall.SIGINT, syscall.SIGTERM, syscall.SIGHUP, nil} {
		sigName := "EOF"
		if sig != nil {
			sigName = sig.String()
		}
		for _, st := range stops {
			for _, saveTo := range []string{"--save", "default"} {
				t.Run(sigName+"/"+st.name+"/"+saveTo, func(t *testing.T) {
					dir := t.TempDir()
					args := []string{"take"}
					if saveTo == "--save" {
						args = append(args, "--save", filepath.Join(dir, "r.yaml"))
					}
					cmd := exec.Command(bin, args...)
					cmd.Dir = dir
					cmd.Env = append(os.Environ(), "HOME="+dir, "XDG_DATA_HOME="+filepath.Join(dir, "data"), "NO_COLOR=1", "CANDOR_DATA_DIR=")
					stdin, err := cmd.StdinPipe()
					require.NoError(t, err)
					var stdout, stderr testutil.SyncBuffer
					cmd.Stdout, cmd.Stderr = &stdout, &stderr
					require.NoError(t, cmd.Start())
					defer func() { _ = cmd.Process.Kill() }()

					_, err = io.WriteString(stdin, st.typed)
					require.NoError(t, err)
					prompt := fmt.Sprintf("Question %d of 5", st.prompts)
					testutil.Eventually(t, prompt, func() bool { return strings.Contains(stderr.String(), prompt) }, stderr.String)
					path := filepath.Join(dir, "r.yaml")
					findDefault := func() bool {
						m, _ := filepath.Glob(filepath.Join(dir, "data", "candor", "candor-*.yaml"))
						if len(m) == 1 {
							path = m[0]
						}
						return len(m) == 1
					}
					if saveTo == "default" && len(st.want) > 0 {
						testutil.Eventually(t, "the file in the data folder", findDefault, stderr.String)
					}
					if st.done {
						// The last answer is saved (status completed) before the summary.
						testutil.Eventually(t, "the completed file", func() bool {
							b, _ := os.ReadFile(path)
							return strings.Contains(string(b), "status: completed")
						}, stderr.String)
					}
					if sig == nil {
						require.NoError(t, stdin.Close())
					} else {
						require.NoError(t, cmd.Process.Signal(sig))
					}
					code, killed := exitStatus(cmd.Wait(), sig)
					if st.done {
						// Everything is saved before the summary. A signal during the summary
						// ends calmly (0 or 130); one that lands after the run has finished,
						// once candor has let go of signals on its way out, ends the process
						// as the signal does by default, with nothing left to lose: the
						// checks below still find the completed file and no lock.
						if !killed {
							assert.Contains(t, []int{exitOK, exitInterrupted}, code, "stderr:\n%s", stderr.String())
						}
					} else {
						assert.Equal(t, exitInterrupted, code, "stderr:\n%s", stderr.String())
						assert.Empty(t, stdout.String(), "no summary after a stop")
					}
					assert.NotContains(t, stderr.String(), "goroutine ")
					if saveTo == "default" {
						findDefault()
					}
					if len(st.want) == 0 && !(sig == nil && st.name == "mid-line-first") {
						// Stopped before the first answer (issue #16): no empty file is left,
						// and nothing claims there is one.
						assert.Contains(t, stderr.String(), "Stopped before the first answer, so nothing was saved.")
						assert.NotContains(t, stderr.String(), "is in ")
						left, _ := filepath.Glob(filepath.Join(dir, "*.yaml"))
						more, _ := filepath.Glob(filepath.Join(dir, "data", "candor", "*"))
						hidden, _ := filepath.Glob(filepath.Join(dir, "data", "candor", ".*"))
						hidden2, _ := filepath.Glob(filepath.Join(dir, ".*"))
						assert.Empty(t, append(append(append(left, more...), hidden...), hidden2...), "no file is left behind")
						return
					}
					if !st.done {
						assert.Contains(t, stderr.String(), "every answer you gave is in this file:\n  "+path+"\n")
					}

					r, answers := readTrustResponse(t, path)
					if st.name == "mid-line-first" && sig == nil || st.name == "mid-line-fourth" && sig == nil {
						// At the end of the input, the last line counts even without Enter:
						// `printf 'y\nn'` answers two questions.
						assert.Len(t, answers, len(st.want)+1)
					} else {
						assert.Equal(t, st.want, answers)
					}
					if st.done {
						assert.Equal(t, questionnaire.Completed, r.Status)
					} else {
						assert.Equal(t, questionnaire.InProgress, r.Status)
					}
					assertKeptPrivate(t, path, saveTo == "default")
				})
			}
		}
	}
}

// assertKeptPrivate checks that a response left by a stopped take is its owner's alone (0600,
// and its folder 0700 when candor made it: ownFolder), with no lock or temporary file beside it.
func assertKeptPrivate(t *testing.T, path string, ownFolder bool) {
	t.Helper()
	info, err := os.Stat(path)
	require.NoError(t, err)
	assert.Equal(t, os.FileMode(0o600), info.Mode().Perm())
	dirInfo, err := os.Stat(filepath.Dir(path))
	require.NoError(t, err)
	if ownFolder {
		assert.Equal(t, os.FileMode(0o700), dirInfo.Mode().Perm())
	}
	left, _ := filepath.Glob(filepath.Join(filepath.Dir(path), ".*"))
	assert.Empty(t, left, "no lock or temporary file is left behind")
}

// exitStatus is a finished process's exit code, and whether sig (when not nil) ended it.
func exitStatus(err error, sig os.Signal) (code int, killed bool) {
	var ee *exec.ExitError
	if !errors.As(err, &ee) {
		return 0, false
	}
	ws, ok := ee.Sys().(syscall.WaitStatus)
	return ee.ExitCode(), sig != nil && ok && ws.Signaled() && ws.Signal() == sig
}

// TestHostileFilePermissions: answers are kept private even where the folders around them are
// not. candor's own data folder, made readable by others, is closed again (0700); a response
// is created 0600 whatever the folder; a rewrite (every answer saves) keeps 0600 and leaves no
// temporary file behind. (The usual cases are in take.txtar and take_save.txtar.)
func TestHostileFilePermissions(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("unix permissions")
	}
	dir := t.TempDir()
	t.Chdir(dir)
	own := filepath.Join(dir, "data")
	require.NoError(t, os.MkdirAll(own, 0o755))
	require.NoError(t, os.Chmod(own, 0o755))
	r := runCandor(t, dir, "y\ny\n", "take")
	assert.Equal(t, exitInterrupted, r.code, r.errOut)
	info, err := os.Stat(own)
	require.NoError(t, err)
	assert.Equal(t, os.FileMode(0o700), info.Mode().Perm(), "candor's data folder is closed to others")
	files, err := os.ReadDir(own)
	require.NoError(t, err)
	require.Len(t, files, 1, "one response and nothing else (no temporary or lock file)")
	fi, err := files[0].Info()
	require.NoError(t, err)
	assert.Equal(t, os.FileMode(0o600), fi.Mode().Perm())

	// --save into a shared folder: the folder is the person's choice, the file still private.
	shared := filepath.Join(dir, "shared")
	require.NoError(t, os.Mkdir(shared, 0o777))
	require.NoError(t, os.Chmod(shared, 0o777))
	path := filepath.Join(shared, "r.yaml")
	r = runCandor(t, dir, "y\n", "take", "--save", path)
	assert.Equal(t, exitInterrupted, r.code, r.errOut)
	fi, err = os.Stat(path)
	require.NoError(t, err)
	assert.Equal(t, os.FileMode(0o600), fi.Mode().Perm())
	// Resuming rewrites the file after every answer: still 0600, even if it was loosened.
	require.NoError(t, os.Chmod(path, 0o644))
	r = runCandor(t, dir, "y\nn\ny\n", "take", "--resume", path)
	assert.Equal(t, exitInterrupted, r.code, r.errOut)
	fi, err = os.Stat(path)
	require.NoError(t, err)
	assert.Equal(t, os.FileMode(0o600), fi.Mode().Perm())
	left, _ := filepath.Glob(filepath.Join(shared, ".*"))
	assert.Empty(t, left)
	_, answers := readTrustResponse(t, path)
	assert.Equal(t, questionnaire.Answers{"feel_safe": true, "could_say_no": true, "want_to_trust": "no", "love_outweighs_pain": "yes"}, answers)
}

// BenchmarkHostileBanks measures how long `candor validate` takes to refuse each hostile bank
// (docs/hostile-inputs.md records the numbers). No test asserts a time.
func BenchmarkHostileBanks(b *testing.B) {
	benchHostile(b, hostileBanks(), []string{"validate", "FILE"})
}

// BenchmarkHostileResponses measures how long `candor score` takes to refuse each hostile
// response.
func BenchmarkHostileResponses(b *testing.B) {
	benchHostile(b, hostileResponses(), []string{"score", "--bank", "good.yaml", "FILE"})
}

func benchHostile(b *testing.B, files []hostileFile, command []string) {
	for _, h := range files {
		b.Run(h.name, func(b *testing.B) {
			if h.skipRoot && os.Geteuid() == 0 {
				b.Skip("root may read any file")
			}
			dir, file := hostileEnv(b, h)
			args := make([]string, len(command))
			for i, a := range command {
				args[i] = strings.ReplaceAll(a, "FILE", filepath.Join(dir, file))
				if a == "good.yaml" {
					args[i] = filepath.Join(dir, a)
				}
			}
			b.ResetTimer()
			for b.Loop() {
				if r := runCandor(b, dir, "", args...); r.code != exitBadInput {
					b.Fatalf("exit %d:\n%s", r.code, r.errOut)
				}
			}
		})
	}
}

// BenchmarkHostileNearLimits loads the slowest files the limits still let through to the
// YAML parser: just under the 200000 lines and items the loader reads, and nesting just
// under its depth, each refused by the checks that follow.
func BenchmarkHostileNearLimits(b *testing.B) {
	head := "candor: 1\nid: near\nversion: 1.0.0\ntitle: Near the limits\n"
	nest := strings.Repeat("[", 60) + "1" + strings.Repeat("]", 60) + ","
	cases := []struct{ name, src string }{
		{"190k-list-items", head + "sources:\n" + strings.Repeat("- a\n", 190_000)},
		{"190k-flow-items", head + "intro: [" + strings.Repeat("1,", 190_000) + "1]\n"},
		{"2500x60-nested", head + "intro: [" + strings.Repeat(nest, 2500) + "1]\n"},
		{"5000-questions", manyQuestions(questionnaire.MaxQuestions)},
		{"5001-questions", manyQuestions(questionnaire.MaxQuestions + 1)},
	}
	for _, c := range cases {
		src := []byte(c.src)
		b.Run(c.name, func(b *testing.B) {
			b.SetBytes(int64(len(src)))
			for b.Loop() {
				questionnaire.Load("near.yaml", src)
			}
		})
	}
}

// TestHostileSaveTargets: --save never reads without limit and never replaces what is not a
// response: a device (/dev/zero would be read forever; /dev/null would be replaced by a
// file when running as root), a file over the size limit, a question bank, a response to
// another bank. Each is refused with exit 1 and left as it was.
func TestHostileSaveTargets(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	require.NoError(t, os.WriteFile("big.yaml", []byte(bigFile()), 0o600))
	require.NoError(t, os.WriteFile("bank.yaml", []byte(goodBank), 0o600))
	require.NoError(t, os.WriteFile("other.yaml", []byte(goodResponse), 0o600))
	cases := map[string]string{
		"big.yaml":   `cannot read big.yaml: the file is larger than 4 MiB`,
		"bank.yaml":  `bank.yaml already exists and is not a candor response \(this file is a question bank, not a response\); candor won't write over it`,
		"other.yaml": `other.yaml holds answers to "hostile-good"; candor won't write answers to "trust-readiness" over them`,
	}
	if runtime.GOOS != "windows" {
		cases["/dev/null"] = `/dev/null is not a regular file; --save needs a file name`
		cases["/dev/zero"] = `/dev/zero is not a regular file; --save needs a file name`
	}
	for target, want := range cases {
		before := snapshot(t, dir)
		r := runCandor(t, dir, "y\ny\ny\ny\n", "take", "--save", target)
		assert.Equal(t, exitBadInput, r.code, "%s:\n%s", target, r.errOut)
		assert.Regexp(t, want, r.errOut)
		assertNoCrash(t, "take --save "+target, r)
		assert.Equal(t, before, snapshot(t, dir), "take --save %s changed a file", target)
	}
	if runtime.GOOS != "windows" {
		info, err := os.Stat("/dev/null")
		require.NoError(t, err)
		assert.Equal(t, os.ModeCharDevice, info.Mode()&os.ModeCharDevice, "/dev/null is still a device")
	}
}

// TestHostileExpressions: conditions that would build huge lists or strings are stopped by
// expr's memory budget; the condition then does not hold, and candor goes on.
func TestHostileExpressions(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	require.NoError(t, os.WriteFile("r.yaml", []byte("candor: 1\nkind: response\nbank: {id: big-rule}\nanswers: {hope: 3}\n"), 0o600))
	for _, cond := range []string{
		// Their cost depends on the answer (hope is 3), so they pass validate and are stopped
		// when they run: 900³ predicate calls (minutes without the step budget), a range and a
		// string past expr's memory budget.
		"let a = 1..(int(hope) * 300); all(a, {all(a, {all(a, {# > 0})})})",
		"hope > 0 and count(1..(int(hope) * 1000000000), # > 0) > 0",
		`hope > 0 and len(reduce(1..(int(hope) * 10), #acc + #acc, "ab")) > 0`, // text doubling
		"hope > 0 and len(map(1..(int(hope) * 33333333), #)) > 0",
		"hope > 0 and hope in 1..5", // a control: this one holds
	} {
		require.NoError(t, os.WriteFile("b.yaml", []byte(exprBank("'"+cond+"'")), 0o600))
		r := runCandor(t, dir, "", "validate", "b.yaml")
		assert.Equal(t, exitOK, r.code, "%s:\n%s", cond, r.errOut)
		r = runCandor(t, dir, "", "score", "--bank", "b.yaml", "--format", "json", "r.yaml")
		assert.Equal(t, exitOK, r.code, "%s:\n%s", cond, r.errOut)
		assertNoCrash(t, cond, r)
		var res struct {
			Flags    []struct{ ID string } `json:"flags"`
			Warnings []string              `json:"warnings"`
		}
		require.NoError(t, json.Unmarshal([]byte(r.out), &res), r.out)
		if strings.Contains(cond, " in ") {
			assert.Len(t, res.Flags, 1, "%s holds", cond)
			assert.Empty(t, res.Warnings)
		} else {
			assert.Empty(t, res.Flags, "%s cannot be worked out, so it does not hold", cond)
			assert.Equal(t, []string{"the `when` of flag \"low\" takes more work to decide than candor allows, so it was taken as not holding"}, res.Warnings)
		}
	}
}

// TestHostileGrowthBuiltins: `repeat` and the other builtins that can build huge text in one
// call are refused by validate (before: out of memory, a stack trace, exit 2).
func TestHostileGrowthBuiltins(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	cond := `hope > 0 and len(repeat(repeat("ab", 100000), 1000000)) > 0`
	require.NoError(t, os.WriteFile("b.yaml", []byte(exprBank("'"+cond+"'")), 0o600))
	r := runCandor(t, dir, "", "validate", "b.yaml")
	assert.Equal(t, exitBadInput, r.code, r.errOut)
	assertNoCrash(t, cond, r)
	assert.Contains(t, r.errOut, "uses `repeat`, which is not available in candor expressions")
}

// TestHostileRespondent: a --respondent that is not UTF-8 (a name pasted from elsewhere) once
// made the first save fail, losing the first answer; it is kept with U+FFFD in place of the
// bytes that are not text.
func TestHostileRespondent(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	for _, args := range [][]string{
		{"take", "--save", "a.yaml", "--respondent", "Sam\xff\x1b[2J"},
		{"take", "--answers", "a.yaml", "--save", "b.yaml", "--respondent", "\xfe"},
		{"take", "--resume", "a.yaml", "--respondent", "Ren\xe9"},
	} {
		r := runCandor(t, dir, "y\nn\n", args...)
		assert.Contains(t, []int{exitOK, exitInterrupted}, r.code, "%v:\n%s", args, r.errOut)
		assertTerminalSafe(t, fmt.Sprint(args), r.errOut)
		assertTerminalSafe(t, fmt.Sprint(args), r.out)
	}
	resp, answers := readTrustResponse(t, "a.yaml")
	assert.Equal(t, "Ren\uFFFD", resp.Respondent)
	assert.Len(t, answers, 4)
	resp, _ = readTrustResponse(t, "b.yaml")
	assert.Equal(t, "\uFFFD", resp.Respondent)
}

// TestHostileResumeTargets: --resume needs the file candor saved. A pipe (a FIFO named like a
// response) would block the open for ever, past Ctrl-C; a device is not a response either.
func TestHostileResumeTargets(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("unix devices and pipes")
	}
	dir := t.TempDir()
	t.Chdir(dir)
	targets := []string{"/dev/null", "/dev/zero"}
	if mkfifo, err := exec.LookPath("mkfifo"); err == nil {
		require.NoError(t, exec.Command(mkfifo, filepath.Join(dir, "pipe.yaml")).Run())
		targets = append(targets, "pipe.yaml")
	}
	for _, target := range targets {
		r := runCandor(t, dir, "y\n", "take", "--resume", target)
		assert.Equal(t, exitBadInput, r.code, "%s:\n%s", target, r.errOut)
		assert.Contains(t, r.errOut, target+" is not a regular file; --resume needs the response file candor take saved")
		assertNoCrash(t, target, r)
	}
}

// TestHostileEscapesOnTerminal is TestHostileEscapes' text commands as a terminal sees them,
// colors on: the only escape codes are the SGR colors candor writes itself.
func TestHostileEscapesOnTerminal(t *testing.T) {
	dir := t.TempDir()
	src, err := filepath.Glob("testdata/hostile/escapes-*.yaml")
	require.NoError(t, err)
	for _, p := range src {
		b, err := os.ReadFile(p)
		require.NoError(t, err)
		require.NoError(t, os.WriteFile(filepath.Join(dir, filepath.Base(p)), b, 0o600))
	}
	t.Chdir(dir)
	sgrCode := regexp.MustCompile("\x1b\\[[0-9;]*m")
	const bank, r1, r2 = "escapes-bank.yaml", "escapes-response.yaml", "escapes-response2.yaml"
	for _, c := range []struct {
		args  []string
		stdin string
	}{
		{args: []string{"validate", bank, "escapes-invalid-bank.yaml", "escapes-raw-bank.yaml"}},
		{args: []string{"test", bank, "escapes-failing-bank.yaml"}},
		{args: []string{"show", bank}},
		{args: []string{"take", bank, "--save", "s.yaml"}, stdin: "?\nmaybe\nn\n?\n2\n\n9\n2\n1\nwords\n"},
		{args: []string{"take", bank, "--answers", r1, "--no-save"}},
		{args: []string{"score", "--bank", bank, r1, r2}},
		{args: []string{"compare", "--bank", bank, r1, r2}},
		{args: []string{"history", "--bank", bank, r1, r2}},
		{args: []string{"list"}},
	} {
		t.Run(c.args[0], func(t *testing.T) {
			ios, in, out, errOut := iostreams.Test()
			ios.SetTTY(true, true, true)
			ios.SetWidth(60)
			ios.Getenv = func(k string) string {
				if k == "TERM" {
					return "xterm-256color"
				}
				return map[string]string{"LANG": "C.UTF-8"}[k]
			}
			in.WriteString(c.stdin)
			f := NewFactory(ios)
			f.Now = func() time.Time { return time.Date(2026, 11, 22, 9, 0, 0, 0, time.UTC) }
			f.DataDir = func() (string, error) { return filepath.Join(dir, "data"), nil }
			code := Main(c.args, f)
			assert.Contains(t, []int{exitOK, exitBadInput, exitInterrupted}, code, errOut.String())
			name := strings.Join(c.args, " ")
			assertNoCrash(t, name, candorRun{out: out.String(), errOut: errOut.String()})
			if c.args[0] == "score" {
				assert.Contains(t, out.String(), "\x1b[", "colors are on, as on a terminal")
			}
			assertTerminalSafe(t, name+" stdout", sgrCode.ReplaceAllString(out.String(), ""))
			assertTerminalSafe(t, name+" stderr", sgrCode.ReplaceAllString(errOut.String(), ""))
		})
	}
}

// TestHostileFolderWithPipe: `candor score FOLDER` reads the response files in it, not a pipe
// named like one (reading it would wait for ever).
func TestHostileFolderWithPipe(t *testing.T) {
	mkfifo, err := exec.LookPath("mkfifo")
	if err != nil || runtime.GOOS == "windows" {
		t.Skip("needs mkfifo")
	}
	dir := t.TempDir()
	t.Chdir(dir)
	require.NoError(t, os.Mkdir("answers", 0o700))
	require.NoError(t, os.WriteFile("good.yaml", []byte(goodBank), 0o600))
	require.NoError(t, os.WriteFile("answers/a.yaml", []byte(goodResponse), 0o600))
	require.NoError(t, exec.Command(mkfifo, "answers/b.yaml").Run())
	done := make(chan candorRun, 1)
	go func() { done <- runCandor(t, dir, "", "score", "--bank", "good.yaml", "--format", "csv", "answers") }()
	var r candorRun
	select {
	case r = <-done:
	case <-time.After(30 * time.Second): // a hang, not a slow run
		t.Fatal("candor score waited for ever on the pipe")
	}
	assert.Equal(t, exitOK, r.code, r.errOut)
	assert.Equal(t, 2, strings.Count(r.out, "\n"), "a header and the one response:\n%s", r.out)
}

// A pipe, device or socket named on the command line is refused before it is opened (opening a
// pipe waits for a writer), by every command that reads a bank, a response or an answers file.
func TestHostileNamedPipeArgument(t *testing.T) {
	mkfifo, err := exec.LookPath("mkfifo")
	if err != nil || runtime.GOOS == "windows" {
		t.Skip("needs mkfifo")
	}
	dir := t.TempDir()
	t.Chdir(dir)
	require.NoError(t, os.WriteFile("good.yaml", []byte(goodBank), 0o600))
	require.NoError(t, exec.Command(mkfifo, "pipe.yaml").Run())
	for _, args := range [][]string{
		{"validate", "pipe.yaml"},
		{"test", "pipe.yaml"},
		{"show", "pipe.yaml"},
		{"take", "pipe.yaml", "--no-save"},
		{"take", "good.yaml", "--answers", "pipe.yaml", "--no-save"},
		{"score", "--bank", "good.yaml", "pipe.yaml"},
		{"compare", "--bank", "good.yaml", "pipe.yaml", "pipe.yaml"},
		{"history", "--bank", "good.yaml", "pipe.yaml"},
	} {
		done := make(chan candorRun, 1)
		go func() { done <- runCandor(t, dir, "", args...) }()
		select {
		case r := <-done:
			assert.Equal(t, exitBadInput, r.code, "%v: %s", args, r.errOut)
			assert.Contains(t, r.errOut, "pipe.yaml is not a regular file", "%v", args)
		case <-time.After(30 * time.Second): // a hang, not a slow run
			t.Fatalf("candor %v waited for ever on the pipe", args)
		}
	}
}
