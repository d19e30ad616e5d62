package render

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/candor-app/candor/data"
	"github.com/candor-app/candor/internal/testutil"
	"github.com/candor-app/candor/internal/text"
	"github.com/candor-app/candor/questionnaire"
	"github.com/candor-app/candor/scoring"
)

// fixedDate is when every golden summary was answered.
var fixedDate = time.Date(2026, 11, 22, 9, 4, 10, 0, time.UTC)

// loadBank loads a built-in bank by id, or a bank from testdata/banks by file name.
func loadBank(t testing.TB, name string) *questionnaire.Bank {
	t.Helper()
	var b *questionnaire.Bank
	var ds questionnaire.Diagnostics
	if strings.HasSuffix(name, ".yaml") {
		b, ds = questionnaire.LoadFile(filepath.Join("testdata", "banks", name))
	} else {
		b, ds = data.LoadBank(name)
	}
	require.False(t, ds.HasErrors(), "%s: %v", name, ds)
	require.NotNil(t, b)
	return b
}

// bankTest returns the answers of the bank's own worked example of that name: the bank's
// authors chose them as representative.
func bankTest(t testing.TB, b *questionnaire.Bank, name string) questionnaire.Answers {
	t.Helper()
	for _, bt := range b.Tests {
		if bt.Name == name {
			return bt.Answers
		}
	}
	t.Fatalf("bank %s has no test %q", b.ID, name)
	return nil
}

// with returns a copy of a with some answers changed.
func with(a questionnaire.Answers, kv ...any) questionnaire.Answers {
	c := questionnaire.Answers{}
	for k, v := range a {
		c[k] = v
	}
	for i := 0; i+1 < len(kv); i += 2 {
		c[kv[i].(string)] = kv[i+1]
	}
	return c
}

type summaryCase struct {
	name    string
	bank    string
	test    string // a worked example of the bank, or "" for answers
	answers questionnaire.Answers
	// change alters the worked example's answers.
	change []any
	opt    Options
	// result changes the scored result (warnings, a missing list).
	result func(*scoring.Result)
}

func (c summaryCase) run(t testing.TB) (*questionnaire.Bank, *scoring.Result) {
	b := loadBank(t, c.bank)
	a := c.answers
	if c.test != "" {
		a = bankTest(t, b, c.test)
	}
	if a == nil {
		a = questionnaire.Answers{}
	}
	r := scoring.Score(b, with(a, c.change...), scoring.Options{})
	if c.result != nil {
		c.result(r)
	}
	return b, r
}

// options are the case's options, with the save path filled in.
func (c summaryCase) options(b *questionnaire.Bank) Options {
	o := c.opt
	if o.SavedTo == autoSaved {
		o.SavedTo = "/home/sam/.local/share/candor/" + b.ID + "-20261122-090410.yaml"
	}
	return o
}

// autoSaved stands for where `candor take` saves a response to the case's bank.
const autoSaved = "(auto)"

// std gives a case the fixed date and a save path.
func std(o Options) Options {
	o.Date = fixedDate
	if o.SavedTo == "" {
		o.SavedTo = autoSaved
	}
	return o
}

var summaryCases = []summaryCase{
	// Every built-in bank with representative answers.
	{name: "trust-readiness-ready", bank: "trust-readiness", test: "safe and three yeses mean ready", opt: std(Options{Respondent: "Sam"})},
	{name: "trust-readiness-not-yet", bank: "trust-readiness", test: "pain bigger than love", opt: std(Options{})},
	{name: "trust-readiness-none", bank: "trust-readiness", test: "three noes", opt: std(Options{})},
	{name: "trust-readiness-unsafe", bank: "trust-readiness", test: "not feeling safe comes first even with three yeses", opt: std(Options{})},
	{name: "trust-readiness-in-progress", bank: "trust-readiness", test: "unanswered readiness questions give no score and the fallback", opt: std(Options{})},
	{name: "accountability-steady", bank: "accountability", test: "every step in place and safe", opt: std(Options{})},
	{name: "accountability-mixed", bank: "accountability", test: "a mixed picture", opt: std(Options{Respondent: "Alex"})},
	{name: "accountability-prorated", bank: "accountability", test: "one unanswered item is prorated", opt: std(Options{})},
	{name: "accountability-early", bank: "accountability", test: "reverse-keyed items count against the score", opt: std(Options{})},
	{name: "accountability-unsafe-both", bank: "accountability", test: "a mixed picture", change: []any{"feel_safe", false, "harmed_partner", true}, opt: std(Options{})},
	{name: "repair-or-release-repair", bank: "repair-or-release", test: "all yes and safe leans toward repair", opt: std(Options{})},
	{name: "repair-or-release-release", bank: "repair-or-release", test: "forgiving, the hurt and the changes all no lean away from repair", opt: std(Options{})},
	{name: "repair-or-release-unsafe", bank: "repair-or-release", test: "not feeling safe comes first even when all else is yes", opt: std(Options{})},
	{name: "repair-or-release-too-few", bank: "repair-or-release", test: "too few answers", opt: std(Options{})},
	{name: "what-trust-is-clear", bank: "what-trust-is", test: "a clear picture without checking", opt: std(Options{})},
	{name: "what-trust-is-checking", bank: "what-trust-is", test: "checking seen as part of trust", opt: std(Options{})},
	{name: "what-trust-is-too-few", bank: "what-trust-is", test: "too few answers", opt: std(Options{})},
	{name: "what-trust-is-afraid", bank: "what-trust-is", test: "being afraid to refuse comes first, and being checked on is named as control", opt: std(Options{})},
	{name: "what-trust-is-fear-both-ways", bank: "what-trust-is", test: "fear on both sides gives both pointers", opt: std(Options{})},
	{name: "repair-or-release-impasse", bank: "repair-or-release", test: "both truly trying and the hurt cannot ease is an impasse no one is to blame for", opt: std(Options{})},
	{name: "partner-view-mixed", bank: "partner-view", test: "a mixed view", opt: std(Options{})},
	{name: "weekly-trust-hard", bank: "weekly-trust", test: "a hard week with a hurtful surprise", opt: std(Options{})},
	{name: "trust-readiness-unsure", bank: "trust-readiness", test: "not sure the love is more than the pain", opt: std(Options{})},

	// Edge cases.
	{name: "no-scores", bank: "no-scores.yaml", answers: questionnaire.Answers{"talked": false}, opt: std(Options{})},
	{name: "bare", bank: "bare.yaml", answers: questionnaire.Answers{"q": true}, opt: Options{}},
	{name: "every-kind-of-score", bank: "mixed-methods.yaml",
		answers: questionnaire.Answers{"a": 4.0, "b": 3.0, "c": -2.0, "d": 12.5}, opt: std(Options{})},
	{name: "long-texts", bank: "long-texts.yaml", answers: questionnaire.Answers{"a": 3.0, "b": 4.0},
		opt: std(Options{SavedTo: "/home/someone/with/a/rather/deep/folder/structure/that/goes/on/candor/responses/long-texts-2026-11-22T09-04-10.yaml", Respondent: "Someone with a long name who answered"})},
	{name: "long-texts-40", bank: "long-texts.yaml", answers: questionnaire.Answers{"a": 3.0, "b": 4.0},
		opt: std(Options{Width: 40, SavedTo: "/home/someone/with/a/rather/deep/folder/structure/that/goes/on/candor/responses/long-texts-2026-11-22T09-04-10.yaml"})},
	{name: "narrow-40", bank: "accountability", test: "a mixed picture", change: []any{"feel_safe", false}, opt: std(Options{Width: 40})},
	{name: "narrow-20", bank: "trust-readiness", test: "not feeling safe comes first even with three yeses", opt: std(Options{Width: 20})},
	{name: "ascii", bank: "accountability", test: "one unanswered item is prorated", opt: std(Options{ASCII: true})},
	{name: "ascii-narrow", bank: "trust-readiness", test: "not feeling safe comes first even with three yeses", opt: std(Options{ASCII: true, Width: 28})},
	{name: "color-scores", bank: "accountability", test: "a mixed picture", change: []any{"counselling", 1.0}, opt: std(Options{Color: true})},
	{name: "color", bank: "trust-readiness", test: "not feeling safe comes first even with three yeses", opt: std(Options{Color: true})},
	{name: "control-characters", bank: "control.yaml", answers: questionnaire.Answers{"safe": false, "n": 4.0},
		opt: std(Options{Respondent: "Sam\x1b[2J\a", SavedTo: "/tmp/evil\x1b]0;title\a\r.yaml"}),
		result: func(r *scoring.Result) {
			r.Warnings = append(r.Warnings, scoring.Warning{Code: scoring.FromFile, Text: "warning with \x1b[31mcolor\x1b[0m and \r return"})
		}},
	{name: "control-characters-safe", bank: "control.yaml",
		answers: questionnaire.Answers{"safe": true, "n": 4.0, "words": "I \x1b[2Jmean it\a,\rtruly.\n\n- first\n- \x1b]0;title\asecond"},
		opt:     std(Options{Source: "/tmp/evil\x1b]0;title\a\r.yaml"})},
	{name: "warnings", bank: "trust-readiness", test: "safe and three yeses mean ready",
		opt: std(Options{}),
		result: func(r *scoring.Result) {
			r.Warnings = append(r.Warnings,
				scoring.Warning{Code: scoring.FromFile, Text: "These answers were given to version 0.9.0 of this questionnaire; it is now 1.0.0. The summary uses the current version."},
				scoring.Warning{Code: scoring.FromFile, Text: "Your answers include one to a question this questionnaire no longer asks (old_question); it is kept in your file but not counted."})
		}},
	{name: "no-date-no-file", bank: "trust-readiness", test: "three noes", opt: Options{}},
}

var ansiRE = regexp.MustCompile("\x1b\\[[0-9;]*m")

// checkText checks what every text summary must hold, whatever the golden file says.
func checkText(t *testing.T, out string, opt Options) {
	t.Helper()
	width := text.EffectiveWidth(opt.Width)
	plain := out
	if opt.Color {
		assert.Contains(t, out, "\x1b[", "color on writes escape codes")
		plain = ansiRE.ReplaceAllString(out, "")
	}
	for i, line := range strings.Split(strings.TrimSuffix(plain, "\n"), "\n") {
		assert.LessOrEqual(t, text.Width(line), width, "line %d is wider than %d: %q", i+1, width, line)
		assert.Equal(t, strings.TrimRight(line, " "), line, "line %d ends in spaces", i+1)
	}
	for _, r := range plain {
		if r != '\n' && isControlRune(r) {
			t.Errorf("control character %U reaches the terminal", r)
		}
	}
	if opt.ASCII {
		for _, r := range []string{"█", "░", "╭", "│", "─", "━", "•"} {
			assert.NotContains(t, out, r, "ASCII mode draws no %s", r)
		}
	}
	assert.NotContains(t, out, "\n\n\n\n", "at most two blank lines in a row")
	assert.True(t, strings.HasSuffix(out, "\n") && !strings.HasSuffix(out, "\n\n"), "ends with exactly one newline")
}

func isControlRune(r rune) bool {
	return r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) || r == '\u2028' || r == '\u2029' ||
		(r >= '\u202a' && r <= '\u202e') || (r >= '\u2066' && r <= '\u2069')
}

func TestSummaryText(t *testing.T) {
	for _, c := range summaryCases {
		t.Run(c.name, func(t *testing.T) {
			b, r := c.run(t)
			var buf bytes.Buffer
			opt := c.options(b)
			require.NoError(t, Summary(&buf, b, r, opt))
			out := buf.String()
			checkText(t, out, opt)
			if !opt.Color {
				assert.NotContains(t, out, "\x1b", "no escape codes without color")
			}
			golden(t, filepath.Join("summary", c.name+".txt"), out)
		})
	}
}

func TestSummaryMarkdown(t *testing.T) {
	for _, name := range []string{"trust-readiness-ready", "accountability-mixed", "accountability-unsafe-both",
		"trust-readiness-in-progress", "what-trust-is-checking", "long-texts", "control-characters", "control-characters-safe", "warnings", "ascii", "bare"} {
		c := findCase(t, name)
		t.Run(name, func(t *testing.T) {
			b, r := c.run(t)
			opt := c.options(b)
			opt.Format = "markdown"
			var buf bytes.Buffer
			require.NoError(t, Summary(&buf, b, r, opt))
			out := buf.String()
			assert.NotContains(t, out, "\x1b", "markdown carries no escape codes")
			for _, r := range out {
				if r != '\n' && isControlRune(r) {
					t.Errorf("control character %U in markdown", r)
				}
			}
			golden(t, filepath.Join("summary", name+".md"), out)
		})
	}
}

func TestSummaryJSON(t *testing.T) {
	for _, name := range []string{"trust-readiness-ready", "accountability-unsafe-both", "trust-readiness-in-progress", "bare", "control-characters"} {
		c := findCase(t, name)
		t.Run(name, func(t *testing.T) {
			b, r := c.run(t)
			opt := c.options(b)
			opt.Format = "json"
			var buf bytes.Buffer
			require.NoError(t, Summary(&buf, b, r, opt))
			var m map[string]any
			require.NoError(t, json.Unmarshal(buf.Bytes(), &m))
			for _, k := range []string{"bank", "status", "asked", "answered", "scores", "flags", "outcome", "warnings"} {
				assert.Contains(t, m, k)
			}
			golden(t, filepath.Join("summary", name+".json"), buf.String())
		})
	}
}

func findCase(t *testing.T, name string) summaryCase {
	for _, c := range summaryCases {
		if c.name == name {
			return c
		}
	}
	t.Fatalf("no case %q", name)
	return summaryCase{}
}

func TestJSONListsAreNeverNull(t *testing.T) {
	var buf bytes.Buffer
	require.NoError(t, JSON(&buf, nil, nil, &scoring.Result{Bank: scoring.BankInfo{ID: "x", Version: "1.0.0", Title: "X"}, Status: "completed"}))
	var m map[string]json.RawMessage
	require.NoError(t, json.Unmarshal(buf.Bytes(), &m))
	assert.Equal(t, "[]", string(m["scores"]))
	assert.Equal(t, "[]", string(m["flags"]))
	assert.Equal(t, "[]", string(m["warnings"]))
	assert.Equal(t, "null", string(m["outcome"]))
}

func TestJSONKeysAreSpec(t *testing.T) {
	c := findCase(t, "every-kind-of-score")
	b, r := c.run(t)
	var buf bytes.Buffer
	require.NoError(t, JSON(&buf, nil, b, r))
	var m struct {
		Scores []map[string]any `json:"scores"`
	}
	require.NoError(t, json.Unmarshal(buf.Bytes(), &m))
	require.Len(t, m.Scores, len(b.Scores))
	for _, s := range m.Scores {
		for _, k := range []string{"id", "label", "value", "min", "max", "answered", "items", "needed", "prorated", "band", "band_text"} {
			assert.Contains(t, s, k)
		}
	}
	// Not enough answers: value and band are null, never 0.
	none := m.Scores[6]
	assert.Equal(t, "none_answered", none["id"])
	assert.Nil(t, none["value"])
	assert.Nil(t, none["band"])
}

func TestUnknownFormat(t *testing.T) {
	c := findCase(t, "trust-readiness-ready")
	b, r := c.run(t)
	err := Summary(&bytes.Buffer{}, b, r, Options{Format: "yaml"})
	require.Error(t, err)
	assert.Contains(t, err.Error(), `"yaml"`)
	require.Error(t, Summary(&bytes.Buffer{}, b, nil, Options{}))
}

// TestUrgentComesFirst: whoever said they are not safe reads about help before anything
// else, in text, markdown and HTML.
func TestUrgentComesFirst(t *testing.T) {
	for _, name := range []string{"trust-readiness-unsafe", "accountability-unsafe-both", "repair-or-release-unsafe", "narrow-20"} {
		c := findCase(t, name)
		for _, format := range []string{"text", "markdown", "html"} {
			t.Run(name+"/"+format, func(t *testing.T) {
				b, r := c.run(t)
				opt := c.options(b)
				opt.Format = format
				var buf bytes.Buffer
				require.NoError(t, Summary(&buf, b, r, opt))
				out := buf.String()
				if format == "html" {
					out = htmlText(t, out)
				}
				require.NotEmpty(t, r.Flags)
				first := strings.Index(out, firstWords(r.Flags[0].Title))
				require.GreaterOrEqual(t, first, 0, "the urgent flag's title is shown")
				for _, f := range r.Flags {
					if f.Level == questionnaire.Urgent {
						assert.Contains(t, strings.Join(strings.Fields(out), " "), firstWords(f.Text))
					}
				}
				assert.Less(t, first, strings.Index(out, firstWords(r.Bank.Title)), "before the bank's title")
				require.NotNil(t, r.Outcome)
				assert.Less(t, first, strings.Index(out, firstWords(r.Outcome.Title)), "before the outcome")
				if format == "text" {
					// The end of a long summary, which stays on the screen, points back up.
					tail := out[max(0, len(out)-600):]
					tail = strings.Join(strings.Fields(strings.NewReplacer("│", " ", "|", " ").Replace(tail)), " ")
					assert.Contains(t, tail, "at the top of this summary")
					assert.Contains(t, tail, firstWords(r.Flags[0].Title))
				}
				// No score, and no band that could read as a verdict, while safety comes first.
				assert.Contains(t, strings.Join(strings.Fields(out), " "), "Your scores are set aside here for now")
				for _, s := range r.Scores {
					if s.Band != nil {
						assert.NotContains(t, out, *s.Band)
					}
				}
			})
		}
	}
}

// firstWords is the start of a text, short enough not to be wrapped at 20 columns.
func firstWords(s string) string {
	w := strings.Fields(s)
	if len(w) > 2 {
		w = w[:2]
	}
	return strings.Join(w, " ")
}

// TestNotEnoughAnswersIsNeverZero: a score without a value says why and shows no bar or 0.
func TestNotEnoughAnswersIsNeverZero(t *testing.T) {
	c := findCase(t, "every-kind-of-score")
	b, r := c.run(t)
	for _, format := range []string{"text", "markdown"} {
		var buf bytes.Buffer
		require.NoError(t, Summary(&buf, b, r, Options{Format: format}))
		out := buf.String()
		for _, s := range r.Scores {
			if s.Value != nil {
				continue
			}
			i := strings.Index(out, s.Label)
			require.GreaterOrEqual(t, i, 0)
			block := out[i:]
			end := "\n\n"
			if format == "markdown" {
				end = "\n#"
			}
			if j := strings.Index(block, end); j >= 0 {
				block = block[:j]
			}
			for _, g := range []string{"█", "░", " 0 /", "0%"} {
				assert.NotContains(t, block, g, "%s: %s", format, s.ID)
			}
			assert.Contains(t, block, "Not enough answers yet")
		}
	}
	got := map[string]string{}
	for _, s := range r.Scores {
		if s.Value == nil {
			got[s.ID] = notEnough(nil, s)
		}
	}
	assert.Equal(t, map[string]string{
		"one_missing":   "Not enough answers yet. You answered 1 of its 2 questions, and it needs both.",
		"none_answered": "Not enough answers yet. None of its 2 questions has an answer so far, and it needs at least 1.",
		"single":        "Not enough answers yet: its question has no answer so far.",
	}, got)
}

// TestEveryBankFitsEveryWidth lays out every worked example of every built-in bank at
// many widths, in every style, and checks no line is too wide.
func TestEveryBankFitsEveryWidth(t *testing.T) {
	for _, id := range data.IDs() {
		b := loadBank(t, id)
		for _, bt := range b.Tests {
			r := scoring.Score(b, bt.Answers, scoring.Options{})
			for _, w := range []int{0, 1, 20, 25, 29, 30, 33, 40, 47, 60, 79, 80, 100, 200} {
				for _, style := range []Options{{}, {ASCII: true}, {Color: true}} {
					opt := std(style)
					opt.Width = w
					opt.SavedTo = "/home/sam/.local/share/candor/" + id + "-20261122-090410.yaml"
					var buf bytes.Buffer
					require.NoError(t, Summary(&buf, b, r, opt))
					t.Run(id+"/"+bt.Name, func(t *testing.T) { checkText(t, buf.String(), opt) })
				}
			}
		}
	}
}

// TestDocsExamples keeps docs/examples.md true: every example there is what the renderer
// writes today. Each example is the fenced block after a line `<!-- example: NAME -->`;
// -update rewrites them.
func TestDocsExamples(t *testing.T) {
	path := filepath.Join("..", "docs", "examples.md")
	raw, err := os.ReadFile(path)
	require.NoError(t, err)
	doc := string(raw)
	marker := regexp.MustCompile("(?m)^<!-- example: ([a-z0-9-]+)\\.(txt|md) -->\n```[a-z]*\n")
	found := marker.FindAllStringSubmatchIndex(doc, -1)
	require.NotEmpty(t, found, "no examples in %s", path)
	var b strings.Builder
	last := 0
	for _, m := range found {
		name, ext := doc[m[2]:m[3]], doc[m[4]:m[5]]
		end := strings.Index(doc[m[1]:], "```\n")
		require.GreaterOrEqual(t, end, 0, "example %s is not closed", name)
		c := findCase(t, name)
		bank, r := c.run(t)
		opt := c.options(bank)
		if ext == "md" {
			opt.Format = "markdown"
		}
		var buf bytes.Buffer
		require.NoError(t, Summary(&buf, bank, r, opt))
		if !testutil.Update() {
			assert.Equal(t, buf.String(), doc[m[1]:m[1]+end], "%s shows %s.%s as the renderer writes it today; run go test ./render/ -run TestDocsExamples -update", path, name, ext)
		}
		b.WriteString(doc[last:m[1]])
		b.WriteString(buf.String())
		last = m[1] + end
	}
	b.WriteString(doc[last:])
	if testutil.Update() {
		require.NoError(t, os.WriteFile(path, []byte(b.String()), 0o644))
	}
}
