package questionnaire

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/candor-app/candor/internal/yamlpos"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const header = "candor: 1\nid: sample\nversion: 1.0.0\ntitle: Sample\n"

// summaries lists the diagnostics as "line:col: summary".
func summaries(ds Diagnostics) []string {
	var out []string
	for _, d := range ds {
		out = append(out, fmt.Sprintf("%d:%d: %s", d.Pos.Line, d.Pos.Col, d.Summary))
	}
	return out
}

// TestSeveralIndependentErrors: one bank with mistakes in every part reports every one of
// them, in file order, not only the first.
func TestSeveralIndependentErrors(t *testing.T) {
	src := `candor: 1
id: Bad_Id
version: "1.0"
title: Several mistakes
questions:
  - id: a
    tpye: yesno
    text: A?
  - id: b
    text: B?
    when: nope == true
  - id: c
    type: scale
    text: C?
    min: 5
    max: 1
scores:
  - id: total
    label: Total
    items: [a, zz]
    bands:
      - {max: 2, label: Low}
      - {max: 1, label: High}
flags:
  - {id: f, when: a == true, level: loud, title: F}
outcomes:
  - {id: fallback, title: Fallback}
  - {id: late, when: f, title: Late}
`
	b, ds := Load("several.yaml", []byte(src))
	require.Nil(t, b)
	assert.Equal(t, []string{
		`2:5: bank id "Bad_Id" is not kebab-case`,
		`3:10: bank version "1.0" is not a semantic version`,
		"7:5: unknown key `tpye` in question \"a\"",
		`11:11: the ` + "`when`" + ` of question "b" names "nope", which is not a question, score or flag of this bank`,
		"15:10: scale question \"c\" needs `min` below `max` (min 5, max 1)",
		`20:16: score "total" names "zz", which is not a question of this bank`,
		`23:15: the bands of score "total" do not ascend: max 1 is not above the band before it (max 2)`,
		`25:37: unknown flag level "loud"`,
		"28:5: an outcome comes after the fallback, so it can never be chosen",
	}, summaries(ds))
}

// TestTooManyDiagnostics: at most 200 are shown, then one line counts the rest.
func TestTooManyDiagnostics(t *testing.T) {
	var sb strings.Builder
	sb.WriteString(header + "questions:\n")
	for i := range 300 {
		fmt.Fprintf(&sb, "  - {id: q%d, text: Q, tpye: yesno}\n", i)
	}
	b, ds := Load("many.yaml", []byte(sb.String()))
	require.Nil(t, b)
	require.Len(t, ds, maxDiagnostics+1)
	last := ds[len(ds)-1]
	assert.Equal(t, Error, last.Severity)
	assert.Equal(t, "and 100 more problems", last.Summary)
	assert.Equal(t, Pos{File: "many.yaml"}, last.Pos)
	// The ones shown are the first in the file.
	assert.Equal(t, 6, ds[0].Pos.Line)
	assert.Equal(t, 6+199, ds[199].Pos.Line)
}

// TestCollectedDiagnosticsAreBounded: a file with thousands of mistakes keeps only a bounded
// number in memory, and still counts them all.
func TestCollectedDiagnosticsAreBounded(t *testing.T) {
	var sb strings.Builder
	sb.WriteString(header + "questions:\n")
	for i := range 3000 {
		fmt.Fprintf(&sb, "  - {id: q%d, text: Q, tpye: yesno}\n", i)
	}
	b, ds := Load("many.yaml", []byte(sb.String()))
	require.Nil(t, b)
	require.Len(t, ds, maxDiagnostics+1)
	assert.Equal(t, "and 2800 more problems", ds[len(ds)-1].Summary)
}

// TestManyWarningsStillLoad: past 200 warnings and no error, the bank still loads and the
// count of the rest is a warning.
func TestManyWarningsStillLoad(t *testing.T) {
	var sb strings.Builder
	sb.WriteString(header + "questions:\n")
	for i := range 250 {
		fmt.Fprintf(&sb, "  - {id: q%d, text: Q}\n", i)
	}
	sb.WriteString("scores:\n  - {id: total, label: Total, items: [q0]}\n")
	b, ds := Load("warn.yaml", []byte(sb.String()))
	require.NotNil(t, b)
	require.Len(t, ds, maxDiagnostics+1)
	assert.False(t, ds.HasErrors())
	assert.Equal(t, "and 49 more problems", ds[len(ds)-1].Summary)
	assert.Equal(t, Warning, ds[len(ds)-1].Severity)
}

// TestTooManyQuestions counts questions across sections and says so once.
func TestTooManyQuestions(t *testing.T) {
	var sb strings.Builder
	sb.WriteString(header + "sections:\n")
	for s := range 3 {
		fmt.Fprintf(&sb, "  - id: s%d\n    questions:\n", s)
		for i := range 2000 {
			fmt.Fprintf(&sb, "      - {id: q%d_%d, text: Q}\n", s, i)
		}
	}
	b, ds := Load("big.yaml", []byte(sb.String()))
	require.Nil(t, b)
	require.Len(t, ds.Errors(), 1)
	assert.Equal(t, fmt.Sprintf("the bank has more than %d questions", MaxQuestions), ds[0].Summary)
	assert.Equal(t, 4012+1000, ds[0].Pos.Line, "at the first question over the limit")

	// Exactly the limit is fine.
	sb.Reset()
	sb.WriteString(header + "questions:\n")
	for i := range MaxQuestions {
		fmt.Fprintf(&sb, "  - {id: q%d, text: Q}\n", i)
	}
	b, ds = Load("limit.yaml", []byte(sb.String()))
	require.NotNil(t, b, ds.Error())
	assert.Len(t, b.Questions, MaxQuestions)
}

// TestLongLists: lists other than questions are bounded too.
func TestLongLists(t *testing.T) {
	var sb strings.Builder
	sb.WriteString(header + "questions: [{id: a, text: A}]\nsources:\n")
	for range yamlpos.MaxListLen + 5 {
		sb.WriteString("  - {title: T}\n")
	}
	b, ds := Load("sources.yaml", []byte(sb.String()))
	require.Nil(t, b)
	assert.Equal(t, []string{fmt.Sprintf("%d:5: `sources` has more than %d items", 7+yamlpos.MaxListLen, yamlpos.MaxListLen)}, summaries(ds))
}

// TestAliasBombs: aliases that multiply are refused with one clear message, wherever they are
// and however deep they go; the check does not expand them.
func TestAliasBombs(t *testing.T) {
	laughs := func(levels int, under string) string {
		var sb strings.Builder
		sb.WriteString(header)
		sb.WriteString("x0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n")
		for i := 1; i < levels; i++ {
			fmt.Fprintf(&sb, "x%d: &l%d [", i, i)
			for j := range 10 {
				if j > 0 {
					sb.WriteString(", ")
				}
				fmt.Fprintf(&sb, "*l%d", i-1)
			}
			sb.WriteString("]\n")
		}
		fmt.Fprintf(&sb, "%s*l%d\n", under, levels-1)
		return sb.String()
	}
	for _, tt := range []struct {
		name string
		src  string
	}{
		{"nine levels in questions", laughs(9, "questions: ")},
		{"thirty levels in sources", laughs(30, "sources: ")},
		{"under an unknown key", laughs(30, "nothing: ")},
		{"in a question's help", laughs(20, "questions:\n  - id: a\n    text: A\n    help: ")},
	} {
		t.Run(tt.name, func(t *testing.T) {
			b, ds := Load("laughs.yaml", []byte(tt.src))
			require.Nil(t, b)
			require.Len(t, ds, 1, ds.Error())
			assert.Equal(t, fmt.Sprintf("the file's aliases expand to more than %d YAML values", yamlpos.MaxNodes), ds[0].Summary)
			assert.Positive(t, ds[0].Pos.Line)
		})
	}
}

// TestDeepNesting: nesting is refused past the limit, whether written out or built by aliases.
func TestDeepNesting(t *testing.T) {
	for _, tt := range []struct {
		name string
		src  string
	}{
		{"brackets", header + "questions:\n  - id: a\n    text: " + strings.Repeat("[", 200) + strings.Repeat("]", 200) + "\n"},
		{"very many brackets", header + "x: " + strings.Repeat("[", 20000) + strings.Repeat("]", 20000) + "\n"},
		{"indentation", header + "x:\n" + func() string {
			var sb strings.Builder
			for i := range 100 {
				fmt.Fprintf(&sb, "%sk%d:\n", strings.Repeat(" ", 2*(i+1)), i)
			}
			return sb.String()
		}()},
	} {
		t.Run(tt.name, func(t *testing.T) {
			b, ds := Load("deep.yaml", []byte(tt.src))
			require.Nil(t, b)
			require.Len(t, ds, 1, ds.Error())
			assert.True(t, strings.Contains(ds[0].Summary, "nests more than") || strings.HasPrefix(ds[0].Summary, "YAML syntax"), ds[0].Summary)
		})
	}
}

// TestOddInputs are shapes a hand-written or generated bank may take; none may panic, each
// gives an error at a real place.
func TestOddInputs(t *testing.T) {
	for _, tt := range []struct {
		name, src, want string
	}{
		{"null question", header + "questions: [~]\n", "a question must be a mapping of `key: value` lines, not empty"},
		{"null questions", header + "questions:\n", "`questions` must be a list, not empty"},
		{"empty mapping question", header + "questions: [{}]\n", "a question is missing the required keys `id` and `text`"},
		{"null choice list", header + "choices: {a: ~}\nquestions: [{id: q, text: Q, choices: a}]\n", "choice list `a` must be a list, not empty"},
		{"null items", header + "questions: [{id: q, text: Q}]\nscores: [{id: s, label: S, items: ~}]\n", "a score's `items` must be a list, not empty"},
		{"null weights", header + "questions: [{id: q, text: Q}]\nscores: [{id: s, label: S, items: [q], weights: ~}]\n", "`weights` must map question ids to numbers"},
		{"null bands", header + "questions: [{id: q, text: Q}]\nscores: [{id: s, label: S, items: [q], bands: ~}]\n", "`bands` must be a list, not empty"},
		{"empty bands", header + "questions: [{id: q, text: Q}]\nscores: [{id: s, label: S, items: [q], bands: []}]\n", `score "s" has an empty ` + "`bands`" + ` list`},
		{"null test parts", header + "questions: [{id: q, text: Q}]\ntests: [{name: ~, answers: ~, expect: ~}]\n", "a test's `name` is empty"},
		{"null when", header + "questions: [{id: q, text: Q}]\nflags: [{id: f, when: ~, title: F}]\n", "the `when` of flag \"f\" is empty"},
		{"mapping as a key", header + "questions: [{id: q, text: Q}]\n? [a, b]\n: 1\n", "a key in bank \"sample\" must be a plain word"},
		{"alias to a scalar as id", header + "x: &name q\nquestions: [{id: *name, text: Q}]\n", "unknown key `x` in bank \"sample\""},
		{"one question twice by alias", header + "questions:\n  - &q {id: a, text: A}\n  - *q\n", `duplicate id "a" (question)`},
		{"alias as the questions", header + "sections:\n  - id: s\n    questions: &qs [{id: a, text: A}]\nquestions: *qs\n", "a bank has `sections` or `questions`, not both"},
		{"sections without questions", header + "sections: [{id: s, questions: []}]\n", `section "s" has no questions`},
		{"empty sections", header + "sections: []\n", "`sections` is empty"},
		{"number as a key", header + "questions: [{id: q, text: Q}]\n1: x\n", "unknown key `1` in bank \"sample\""},
		{"huge number", header + "questions: [{id: q, text: Q, min: 1e400, max: 2}]\n", "`min` must be a number, not \"1e400\""},
		{"NaN bound", header + "questions: [{id: q, text: Q, type: number, min: .nan}]\n", "`min` must be a number, not \".nan\""},
		{"huge scale", header + "questions: [{id: q, text: Q, min: 0, max: 1000000}]\n", `scale question "q" has more than 1000 points; use ` + "`type: number`"},
		{"huge round", header + "questions: [{id: q, text: Q}]\nscores: [{id: s, label: S, items: [q], round: 1e300}]\n", "`round` is out of range: 1e300"},
		{"long expression", header + "questions: [{id: q, text: Q}, {id: r, text: R, when: \"" + strings.Repeat("q or ", 1000) + "q\"}]\n", `the ` + "`when`" + ` of question "r" is longer than 4000 characters`},
		{"deep expression", header + "questions: [{id: q, text: Q}, {id: r, text: R, when: \"" + strings.Repeat("(", 1900) + "q" + strings.Repeat(")", 1900) + " ==\"}]\n", "the `when` of question \"r\""},
		{"two documents", header + "questions: [{id: q, text: Q}]\n---\ncandor: 1\n", "the file holds more than one YAML document"},
		{"tags", header + "questions: [{id: !!int 3, text: Q}]\n", "question id \"3\" is not a valid id"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			b, ds := Load("odd.yaml", []byte(tt.src))
			require.Nil(t, b, "must not load")
			require.True(t, ds.HasErrors())
			checkInvariants(t, "odd.yaml", ds)
			found := false
			for _, d := range ds.Errors() {
				found = found || strings.Contains(d.Summary, tt.want)
			}
			assert.True(t, found, "want %q in:\n%s", tt.want, strings.Join(summaries(ds), "\n"))
		})
	}
}

func TestLoadFileErrors(t *testing.T) {
	dir := t.TempDir()
	big := filepath.Join(dir, "big.yaml")
	require.NoError(t, os.WriteFile(big, make([]byte, MaxFileSize+1), 0o600))

	for _, tt := range []struct {
		name, path, want string
	}{
		{"missing", filepath.Join(dir, "missing.yaml"), "no such file"},
		{"folder", dir, "is a folder, not a file"},
		{"too large", big, "the file is larger than 4 MiB"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			b, ds := LoadFile(tt.path)
			require.Nil(t, b)
			require.Len(t, ds, 1)
			assert.Contains(t, ds[0].Summary, tt.want)
			assert.Equal(t, tt.path, ds[0].Pos.File)
		})
	}

	// Load refuses too large input on its own too.
	b, ds := Load("big.yaml", make([]byte, MaxFileSize+1))
	require.Nil(t, b)
	assert.Contains(t, ds[0].Summary, "larger than 4 MiB")
	assert.Equal(t, "big.yaml", ds[0].Pos.File)
}

func TestLoadFS(t *testing.T) {
	fsys := fstest.MapFS{
		"banks/ok.yaml":  {Data: []byte(header + "questions: [{id: a, text: A}]\n")},
		"banks/bad.yaml": {Data: []byte(header + "questions: []\n")},
	}
	b, ds := LoadFS(fsys, "banks/ok.yaml")
	require.NotNil(t, b, ds.Error())
	assert.Equal(t, "banks/ok.yaml", b.File)
	assert.True(t, strings.HasPrefix(b.Digest, "sha256:"))
	assert.Equal(t, "sample", b.ID)

	b, ds = LoadFS(fsys, "banks/bad.yaml")
	require.Nil(t, b)
	assert.Equal(t, []string{"5:12: `questions` is empty"}, summaries(ds))

	b, ds = LoadFS(fsys, "banks/none.yaml")
	require.Nil(t, b)
	assert.Equal(t, "no such file", ds[0].Summary)
}

// TestBOM: a byte order mark is skipped, and positions still count from the text.
func TestBOM(t *testing.T) {
	b, ds := Load("bom.yaml", []byte("\xef\xbb\xbf"+header+"questions: [{id: a, text: A}]\n"))
	require.NotNil(t, b, ds.Error())
	_, ds = Load("bom.yaml", []byte("\xef\xbb\xbf"+header+"titel: x\nquestions: [{id: a, text: A}]\n"))
	assert.Equal(t, []string{"5:1: unknown key `titel` in bank \"sample\""}, summaries(ds))
}

// TestDefaults: what a bank gets when it leaves keys out (docs/bank-format.md).
func TestDefaults(t *testing.T) {
	b, ds := Load("d.yaml", []byte(header+`questions:
  - {id: yn, text: A}
  - {id: ch, text: B, choices: [{value: 1, label: One}, {value: 2, label: Two}]}
  - {id: sc, text: C, min: 1, max: 5}
  - {id: nu, text: D, type: number, min: 0}
scores:
  - {id: s, label: S, items: [yn, ch, sc, nu]}
flags:
  - {id: f, when: yn == false, title: F}
`))
	require.NotNil(t, b, ds.Error())
	assert.Equal(t, "en", b.Language)
	assert.Equal(t, YesNo, b.Question("yn").Type)
	assert.Equal(t, Choice, b.Question("ch").Type)
	assert.Equal(t, Scale, b.Question("sc").Type)
	assert.Equal(t, Number, b.Question("nu").Type)
	for _, q := range b.Questions {
		assert.True(t, q.Required, q.ID)
	}
	s := b.Score("s")
	assert.Equal(t, Sum, s.Method)
	assert.Equal(t, -1, s.Round)
	assert.Zero(t, s.MaxMissing)
	assert.Equal(t, 1.0, s.Weight("yn"))
	assert.Equal(t, Warn, b.Flag("f").Level)
	assert.Equal(t, 2.0, b.Question("ch").Options[1].Score, "a number value is its own score")
}

// TestDocumentMarkers: `---` before the bank and `...` after it are fine; only a second
// document is refused.
func TestDocumentMarkers(t *testing.T) {
	for _, src := range []string{
		"---\n" + header + "questions: [{id: a, text: A}]\n",
		header + "questions: [{id: a, text: A}]\n...\n",
		"%YAML 1.1\n---\n" + header + "questions: [{id: a, text: A}]\n",
	} {
		b, ds := Load("m.yaml", []byte(src))
		assert.NotNil(t, b, "%q: %v", src, ds)
	}
}

// TestHugeFiles: a file with hundreds of thousands of values is refused with one clear
// message, before it can take much time or memory.
func TestHugeFiles(t *testing.T) {
	var many strings.Builder
	many.WriteString(header + "x:\n")
	for i := range yamlpos.MaxNodes/2 + 1000 {
		fmt.Fprintf(&many, "  k%d: v\n", i)
	}
	for _, tt := range []struct{ name, src, want string }{
		{"a long list", header + "x:\n" + strings.Repeat("- a\n", MaxFileSize/4-100), "the file has more than 200000 lines, commas and brackets, far more than any bank or response"},
		{"a long flow list", header + "x: [" + strings.Repeat("a,", MaxFileSize/2-100) + "a]\n", "the file has more than 200000 lines, commas and brackets, far more than any bank or response"},
		{"many keys", many.String(), "the file has more than 200000 YAML values"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			require.LessOrEqual(t, len(tt.src), MaxFileSize)
			b, ds := Load("huge.yaml", []byte(tt.src))
			require.Nil(t, b)
			assert.Equal(t, []string{"1:1: " + tt.want}, summaries(ds))
		})
	}
}

// TestAliasedText: every reader refuses a file whose aliases repeat a long text past 4 MiB (a
// 3 MiB answer aliased 30 000 times grew `take --resume` past 4 GB; a 3.3 MB help text aliased
// 4 000 times made `show` write 12.6 GB), at the smallest part that is too large.
func TestAliasedText(t *testing.T) {
	var b strings.Builder
	b.WriteString("candor: 1\nkind: response\nbank: {id: x, version: 1.0.0}\nanswers:\n  a0: &t " + strings.Repeat("x", 3<<20) + "\n")
	for i := 1; i <= 30000; i++ {
		fmt.Fprintf(&b, "  a%d: *t\n", i)
	}
	src := []byte(b.String())
	const want = "the file's aliases expand to more than 4 MiB of text, past what candor reads"
	r, ds := ReadResponse("r.yaml", src)
	assert.Nil(t, r)
	if assert.Len(t, ds, 1) {
		assert.Equal(t, want, ds[0].Summary)
		assert.Equal(t, Pos{File: "r.yaml", Line: 5, Col: 3}, ds[0].Pos)
	}
	r, ds = ReadAnswers("r.yaml", src, nil)
	assert.Nil(t, r)
	if assert.Len(t, ds, 1) {
		assert.Equal(t, want, ds[0].Summary)
	}
	bank, ds := Load("b.yaml", []byte("candor: 1\nid: b\nversion: 1.0.0\ntitle: &t "+strings.Repeat("x", 3<<20)+"\nintro: *t\n"))
	assert.Nil(t, bank)
	if assert.Len(t, ds, 1) {
		assert.Equal(t, want, ds[0].Summary)
	}
}
