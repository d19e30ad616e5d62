package render

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/candor-app/candor/data"
	"github.com/candor-app/candor/internal/testutil"
	"github.com/candor-app/candor/internal/text"
	"github.com/candor-app/candor/questionnaire"
	"github.com/candor-app/candor/words"
)

func loadTestBank(t *testing.T, src string) *questionnaire.Bank {
	t.Helper()
	b, ds := questionnaire.Load("test.yaml", []byte(src))
	require.NotNil(t, b, "%v", ds)
	return b
}

// Every built-in bank and the init template print as a worksheet, in text and markdown.
func TestWorksheetGolden(t *testing.T) {
	banks := map[string]*questionnaire.Bank{}
	for _, id := range data.IDs() {
		b, ds := data.LoadBank(id)
		require.NotNil(t, b, "%v", ds)
		banks[id] = b
	}
	tmpl, ds := questionnaire.Load("template.yaml", data.Template("", ""))
	require.NotNil(t, tmpl, "%v", ds)
	banks["template"] = tmpl
	for name, b := range banks {
		for _, format := range []string{"text", "markdown"} {
			t.Run(name+"/"+format, func(t *testing.T) {
				var buf bytes.Buffer
				require.NoError(t, Worksheet(&buf, b, WorksheetOptions{Format: format, Width: 72}))
				ext := map[string]string{"text": "txt", "markdown": "md"}[format]
				golden(t, filepath.Join("worksheet", name+"."+ext), buf.String())
			})
		}
	}
}

// softwareSays matches a sentence about what the software does, which is not true on paper.
var softwareSays = regexp.MustCompile(`(?i)\bcandor (will|can|shows?|asks?|draws?|saves?)\b|\bpress (enter|a key)\b|\bclick\b|on (the|your) screen|\byou will be (pointed|shown|taken)\b|\btype (a|the|your|\?)`)

// On paper: the worksheet of every built-in bank and of the template says nothing about what
// the software will do, prints every flag whose words appear at once while answering (the
// crisis pointer too, not only the urgent ones), and has a place to write each answer.
func TestWorksheetIsForPaper(t *testing.T) {
	banks := map[string]*questionnaire.Bank{}
	for _, id := range data.IDs() {
		b, ds := data.LoadBank(id)
		require.NotNil(t, b, "%v", ds)
		banks[id] = b
	}
	tmpl, ds := questionnaire.Load("template.yaml", data.Template("", ""))
	require.NotNil(t, tmpl, "%v", ds)
	banks["template"] = tmpl
	sawAtOnce := false
	for name, b := range banks {
		for _, format := range []string{"text", "markdown"} {
			var buf bytes.Buffer
			require.NoError(t, Worksheet(&buf, b, WorksheetOptions{Format: format, Width: 72}))
			sheet := buf.String()
			flat := strings.Join(strings.Fields(sheet), " ")
			assert.Empty(t, softwareSays.FindString(flat), "%s (%s) speaks of the software on paper", name, format)
			for _, f := range b.Flags {
				if !f.ShowAtOnce() {
					continue
				}
				sawAtOnce = sawAtOnce || f.Level != questionnaire.Urgent
				assert.Contains(t, flat, strings.Join(strings.Fields(f.Text), " ")[:40], "%s (%s): flag %s is not on paper", name, format, f.ID)
			}
		}
	}
	assert.True(t, sawAtOnce, "no built-in bank has a non-urgent at-once flag: the check proves less than it says")
}

// Every kind of question has a place to write its answer; an info statement has none and no
// number.
func TestWorksheetAnswerSpaces(t *testing.T) {
	b := loadTestBank(t, `candor: 1
id: kinds
version: 1.0.0
title: Kinds
questions:
  - {id: i, type: info, text: Read this first.}
  - {id: yn, type: yesno, text: Yes or no}
  - {id: c, text: Pick, choices: [{value: 1, label: One}, {value: 2, label: Two}]}
  - {id: m, type: multi, text: Any, choices: [{value: 1, label: One}, {value: 2, label: Two}]}
  - {id: s, text: Scale, min: 1, max: 5}
  - {id: n, type: number, text: Number}
  - {id: d, type: date, text: When}
  - {id: t, type: text, text: Words}
`)
	for _, tt := range []struct{ format, want string }{
		{"text", "Read this first.\n\n1. Yes or no\n\n   [ ] Yes    [ ] No\n\n2. Pick\n\n   Tick one:\n   [ ] One\n   [ ] Two\n\n3. Any\n\n   Tick all that apply:\n   [ ] One\n   [ ] Two\n\n4. Scale\n\n   Circle one:   1   2   3   4   5\n\n5. Number\n\n   Write a number: ____________________\n\n6. When\n\n   Write a date (year, month, day):  ____ - __ - __\n\n7. Words\n\n   _____"},
		{"markdown", "Read this first.\n\n**1.** Yes or no\n\n- [ ] Yes\n- [ ] No\n\n**2.** Pick\n\nTick one:\n\n- [ ] One\n- [ ] Two\n\n**3.** Any\n\nTick all that apply:\n\n- [ ] One\n- [ ] Two\n\n**4.** Scale\n\nCircle one: 1 · 2 · 3 · 4 · 5\n\n**5.** Number\n\nWrite a number: \\_\\_"},
	} {
		var buf bytes.Buffer
		require.NoError(t, Worksheet(&buf, b, WorksheetOptions{Format: tt.format, Width: 40}))
		assert.Contains(t, buf.String(), tt.want, tt.format)
	}
}

// Golden files of banks that no longer exist would go stale unnoticed.
func TestWorksheetGoldenHasNoStrays(t *testing.T) {
	entries, err := os.ReadDir(filepath.Join("testdata", "worksheet"))
	if os.IsNotExist(err) && testutil.Update() {
		return
	}
	require.NoError(t, err)
	known := map[string]bool{"template": true}
	for _, id := range data.IDs() {
		known[id] = true
	}
	for _, e := range entries {
		name := strings.TrimSuffix(strings.TrimSuffix(e.Name(), ".txt"), ".md")
		assert.True(t, known[name], "stray golden file %s", e.Name())
	}
}

func TestWorksheetLines(t *testing.T) {
	b := loadTestBank(t, `candor: 1
id: t
version: 1.0.0
title: "T\x1b[31m"
choices:
  agree:
    - {value: 1, label: "No\x07pe"}
    - {value: 2, label: Yes please}
questions:
  - {id: a, type: yesno, text: "Safe?"}
  - {id: b, choices: agree, text: Pick, when: a == true}
  - {id: c, min: 1, max: 5, labels: {1: Low, 5: High}, text: Rate}
  - {id: d, type: number, min: 0, text: How many, required: false}
  - {id: e, type: text, text: Say, when: c >= 3 and b == 2}
  - {id: f, type: multi, text: Any, choices: [{value: x, label: X}, {value: y, label: Y}]}
  - {id: g, type: yesno, text: Odd, when: "len(string(d)) > 3"}
`)
	var buf bytes.Buffer
	require.NoError(t, Worksheet(&buf, b, WorksheetOptions{Format: "text", Width: 60}))
	out := buf.String()
	for _, want := range []string{
		"T^[[31m\n",
		"\n1. Safe?\n",
		"   [ ] Yes    [ ] No\n",
		"   (Answer this only if you answered \"Yes\" to question 1.)\n",
		"   Tick one:\n   [ ] No^Gpe\n   [ ] Yes please\n",
		"   Circle one:   1   2   3   4   5\n",
		"   1 = Low, 5 = High\n",
		"   (You may leave this one blank if you prefer.)\n",
		"   Write a number (at least 0): ___",
		"   Tick all that apply:\n   [ ] X\n   [ ] Y\n",
	} {
		assert.Contains(t, out, want)
	}
	flat := strings.Join(strings.Fields(out), " ")
	for _, want := range []string{
		`(Answer this only if your answer to question 3 was 3 or more and you chose "Yes please" in question 2.)`,
		"(This question may not apply to you; if it doesn't, leave it blank.)",
	} {
		assert.Contains(t, flat, want)
	}
	assert.NotContains(t, out, "\x1b")
	assert.NotContains(t, out, "\a")
	for _, l := range strings.Split(out, "\n") {
		assert.LessOrEqual(t, text.Width(l), 60, "line too wide: %q", l)
	}
}

func TestWhenInWords(t *testing.T) {
	b := loadTestBank(t, `candor: 1
id: t
version: 1.0.0
title: T
questions:
  - {id: safe, type: yesno, text: "Safe?"}
  - {id: mood, min: 1, max: 7, labels: {7: Great}, text: Mood}
  - {id: often, text: Often, choices: [{value: never, label: Never}, {value: daily, label: Every day}]}
  - {id: who, type: multi, text: Who, choices: [{value: mum, label: My mum}, {value: dad, label: My dad}]}
  - {id: weeks, type: number, text: Weeks}
  - {id: q, type: text, text: Q}
`)
	tests := []struct {
		when string
		want string
		ok   bool
	}{
		{"safe", `you answered "Yes" to question 1`, true},
		{"not safe", `you answered "No" to question 1`, true},
		{"!safe", `you answered "No" to question 1`, true},
		{"safe == false", `you answered "No" to question 1`, true},
		{"safe != true", `you answered "No" to question 1`, true},
		{"mood > 3", "your answer to question 2 was 4 or more", true},
		{"3 < mood", "your answer to question 2 was 4 or more", true},
		{"mood <= 2", "your answer to question 2 was 2 or less", true},
		{"mood == 7", "your answer to question 2 was 7 (Great)", true},
		{"weeks > 2.5", "your answer to question 5 was more than 2.5", true},
		{"weeks < 10", "your answer to question 5 was less than 10", true},
		{`often == "daily"`, `you chose "Every day" in question 3`, true},
		{`often != "never"`, `you chose something other than "Never" in question 3`, true},
		{`"dad" in who`, `you ticked "My dad" in question 4`, true},
		{"weeks != nil", "you answered question 5", true},
		{"safe and mood >= 5", `you answered "Yes" to question 1 and your answer to question 2 was 5 or more`, true},
		{"safe or weeks > 1", `you answered "Yes" to question 1, or your answer to question 5 was more than 1`, true},
		{`often == "sometimes"`, "", false},
		{"mood + 1 > 3", "", false},
		{"len(who) > 1", "", false},
	}
	for _, tc := range tests {
		t.Run(tc.when, func(t *testing.T) {
			q := &questionnaire.Question{ID: "z", Index: 9, When: &questionnaire.Expr{Source: tc.when}}
			got, ok := whenInWords(nil, b, q)
			assert.Equal(t, tc.ok, ok)
			assert.Equal(t, tc.want, got)
		})
	}
}

func TestWorksheetMarkdownEscapesBankText(t *testing.T) {
	b := loadTestBank(t, `candor: 1
id: t
version: 1.0.0
title: "# Not *a* heading\x1b[1m"
sources:
  - {title: "A [link](javascript:alert(1))", url: "javascript:alert(1)"}
questions:
  - {id: a, type: choice, text: "<b>bold</b>?", choices: [{value: 1, label: "**loud**"}, {value: 2, label: "_quiet_"}]}
`)
	var buf bytes.Buffer
	require.NoError(t, Worksheet(&buf, b, WorksheetOptions{Format: "markdown"}))
	out := buf.String()
	assert.Contains(t, out, `# \# Not \*a\* heading^\[\[1m`)
	assert.Contains(t, out, `**1.** \<b\>bold\</b\>?`)
	assert.Contains(t, out, `- [ ] \*\*loud\*\*`)
	assert.Contains(t, out, `- [ ] \_quiet\_`)
	assert.Contains(t, out, "- A \\[link\\](javascript:alert(1)), javascript:alert(1)\n", "only web addresses become links")
	assert.NotContains(t, out, "\x1b")
}

// spanishBanks are the banks printed as Spanish worksheets: trust-readiness's translation and
// a bank written in Spanish with a condition of every shape the worksheet says in words.
func spanishBanks(t *testing.T) map[string]*questionnaire.Bank {
	t.Helper()
	tr := loadBank(t, "trust-readiness").In("es")
	require.Equal(t, "es", tr.Language)
	return map[string]*questionnaire.Bank{"trust-readiness": tr, "cuando": loadBank(t, "cuando-es.yaml")}
}

// englishOnSheet matches candor's own English words on a worksheet (the banks' text has none).
var englishOnSheet = regexp.MustCompile(`\b(Name|Date|For|Part|Sources|Yes|Tick|Circle|Write a|Answer this|This (part|question|is|may)|You may|rather not|Please also read|this is for you|it is for you|you (answered|chose|ticked|left)|your answer|by|and|or|today)\b`)

// The worksheet in Spanish, in text and markdown: every word of candor's is Spanish.
func TestWorksheetSpanishGolden(t *testing.T) {
	for name, b := range spanishBanks(t) {
		for _, format := range []string{"text", "markdown"} {
			t.Run(name+"/"+format, func(t *testing.T) {
				var buf bytes.Buffer
				require.NoError(t, Worksheet(&buf, b, WorksheetOptions{Format: format, Width: 72, Words: words.For("es")}))
				ext := map[string]string{"text": "txt", "markdown": "md"}[format]
				golden(t, filepath.Join("worksheet-es", name+"."+ext), buf.String())
				sheet := buf.String()
				if name == "trust-readiness" {
					// Its sources name English articles, and say who translated it in English too.
					sheet, _, _ = strings.Cut(sheet, "Fuentes")
				}
				assert.Empty(t, englishOnSheet.FindAllString(sheet, -1), "English on the Spanish sheet")
			})
		}
	}
}

// The words a worksheet gives to tick and to write, in English and in Spanish, are read back
// as the answers they stand for: its yes and no as yes and no, "rather not say" as
// declining.
func TestWorksheetWordsReadBack(t *testing.T) {
	b := loadBank(t, "cuando-es.yaml")
	yesNo := map[string]*regexp.Regexp{
		"text":     regexp.MustCompile(`\[ \] (\S+) +\[ \] (\S+)\n`),
		"markdown": regexp.MustCompile(`\n- \[ \] (\S+)\n- \[ \] (\S+)\n\n`),
	}
	quoted := regexp.MustCompile(`["«]([^"«»]+)["»]`)
	for _, lang := range []string{"en", "es"} {
		p := words.For(lang)
		note := p.T("If you'd rather not answer, write \"rather not say\".")
		m := quoted.FindStringSubmatch(note)
		require.NotNil(t, m, "%s: the note quotes the words to write: %q", lang, note)
		assert.True(t, b.Question("dormir").Declines(m[1]), "%s: %q is read as declining", lang, m[1])
		for format, re := range yesNo {
			var buf bytes.Buffer
			require.NoError(t, Worksheet(&buf, b, WorksheetOptions{Format: format, Width: 100, Words: p}))
			sheet := buf.String()
			assert.Contains(t, strings.Join(strings.Fields(sheet), " "), note, "%s %s", lang, format)
			boxes := re.FindAllStringSubmatch(sheet, -1)
			require.Len(t, boxes, 2, "%s %s: the two yes/no questions", lang, format)
			for _, box := range boxes {
				for i, want := range []bool{true, false} {
					got, err := b.Question("seguro").ParseText(box[i+1], false)
					require.NoError(t, err, "%s %s: %q", lang, format, box[i+1])
					assert.Equal(t, want, got, "%s %s: %q", lang, format, box[i+1])
				}
			}
		}
	}
}
