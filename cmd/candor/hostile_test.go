package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/candor-app/candor/internal/iostreams"
	"github.com/candor-app/candor/questionnaire"
)

// Hostile input, end to end: files a stranger could hand a person (a download, an email)
// given to every command that reads that kind of file. Each must be refused with exit 1 and a
// message that says what is wrong and where, with no panic, no Go stack trace, and nothing
// written or changed. docs/hostile-inputs.md lists what the user sees; `go test -run
// TestHostile -v` prints it.

// hostileRun is one run of candor in-process.
type hostileRun struct {
	code        int
	out, errOut string
}

// runCandor runs Main in dir with stdin, no terminal and a fixed clock; the data folder is
// dir/data.
func runCandor(t testing.TB, dir, stdin string, args ...string) hostileRun {
	t.Helper()
	ios, in, out, errOut := iostreams.Test()
	in.WriteString(stdin)
	f := NewFactory(ios)
	f.Now = func() time.Time { return time.Date(2026, 11, 22, 9, 0, 0, 0, time.UTC) }
	f.DataDir = func() (string, error) { return filepath.Join(dir, "data"), nil }
	code := Main(args, f)
	return hostileRun{code: code, out: out.String(), errOut: errOut.String()}
}

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
func assertNoCrash(t *testing.T, name string, r hostileRun) {
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

// sortedKeys is for stable messages.
func sortedKeys(m map[string]string) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}

var _ = bytes.Equal

// badTerminalRune reports a character that could change a terminal: a C0 control but newline
// and tab, DEL, a C1 control, a bidi override or isolate, a line or paragraph separator.
func badTerminalRune(r rune) bool {
	return (r < 0x20 && r != '\n' && r != '\t') || r == 0x7f || (r >= 0x80 && r < 0xa0) ||
		(r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069) || r == 0x2028 || r == 0x2029
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
