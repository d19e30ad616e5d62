package questionnaire

import (
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// cmpBank is a bank with one of each kind of question a condition compares, and a flag whose
// condition is cond.
func cmpBank(cond string) string {
	return `candor: 1
id: c
version: 1.0.0
title: C
questions:
  - id: honest_talks
    text: How often?
    choices:
      - {value: never, label: Never}
      - {value: often, label: Often}
  - id: how_much
    text: How much?
    choices: [{value: 0, label: None}, {value: 1, label: Some}, {value: 3, label: A lot}]
  - id: kinds
    text: Which?
    type: multi
    choices: [{value: friends, label: Friends}, {value: family, label: Family}]
  - id: safe
    text: Safe?
  - id: closeness
    text: Close?
    min: 1
    max: 7
  - id: weeks
    text: Weeks?
    type: number
    min: 0
flags:
  - id: f
    when: |-
      ` + cond + `
    title: F
`
}

// whenLine is the 1-based line of src's `    when:`.
func whenLine(src string) int {
	for i, l := range strings.Split(src, "\n") {
		if strings.HasPrefix(l, "    when: ") {
			return i + 1
		}
	}
	return 0
}

// Comparing a choice or multi answer with a value it does not have is an error at the literal,
// with the nearest value, or the value of a label written instead of it.
func TestComparisonWithAValueThatIsNotAnOption(t *testing.T) {
	tests := []struct {
		cond, literal, hint string
	}{
		{`honest_talks == "Often"`, `"Often"`, "that is a label; the value is `often`"},
		{`honest_talks != 'oftne'`, `'oftne'`, "did you mean `often`?"},
		{`not ("sometimes" == honest_talks)`, `"sometimes"`, "its values: never, often"},
		{`honest_talks in ['never', 'Often']`, `'Often'`, "that is a label; the value is `often`"},
		{`how_much == 2`, `2`, "its values: 0, 1, 3"},
		{`safe and 'Friends' in kinds`, `'Friends'`, "that is a label; the value is `friends`"},
		{`'frends' in kinds`, `'frends'`, "did you mean `friends`?"},
	}
	for _, tt := range tests {
		t.Run(tt.cond, func(t *testing.T) {
			b, ds := Load("c.yaml", []byte(cmpBank(tt.cond)))
			require.Nil(t, b)
			errs := ds.Errors()
			require.Len(t, errs, 1, "%v", ds)
			assert.Contains(t, errs[0].Summary, "not one of its option values")
			assert.Equal(t, tt.hint, errs[0].Hint)
			// The caret is at the literal, on the line after `    when: |-`.
			assert.Equal(t, whenLine(cmpBank(tt.cond))+1, errs[0].Pos.Line)
			assert.Equal(t, len("      ")+strings.Index(tt.cond, tt.literal)+1, errs[0].Pos.Col)
		})
	}
	for _, ok := range []string{`honest_talks == "often"`, `honest_talks != nil`, `honest_talks in ["never", "often"]`, `how_much == 3`, `"family" in kinds`, `safe == false`} {
		b, ds := Load("c.yaml", []byte(cmpBank(ok)))
		assert.NotNil(t, b, "%s: %v", ok, ds)
	}
}

// A yes/no answer compared with anything but true or false is an error.
func TestYesNoComparedWithText(t *testing.T) {
	for _, cond := range []string{`safe == "yes"`, `safe != 1`, `safe in [true, "no"]`} {
		b, ds := Load("c.yaml", []byte(cmpBank(cond)))
		require.Nil(t, b, cond)
		require.Len(t, ds.Errors(), 1, "%v", ds)
		assert.Contains(t, ds.Errors()[0].Hint, "true")
	}
}

// A comparison that holds for every answer in the question's range, or for none, is a warning
// naming the range; the bank still loads.
func TestComparisonOutsideTheRange(t *testing.T) {
	tests := []struct{ cond, summary string }{
		{`closeness > 9`, "`closeness > 9` never holds, since \"closeness\" is a scale from 1 to 7"},
		{`9 < closeness`, "`closeness > 9` never holds"},
		{`closeness >= 1`, "`closeness >= 1` always holds, since \"closeness\" is a scale from 1 to 7"},
		{`closeness == 2.5`, "`closeness == 2.5` never holds"},
		{`closeness != 0`, "`closeness != 0` always holds"},
		{`weeks < 0`, "`weeks < 0` never holds, since \"weeks\" is a number at least 0"},
		{`how_much > 3`, "`how_much > 3` never holds, since \"how_much\" is a choice with values from 0 to 3"},
	}
	for _, tt := range tests {
		t.Run(tt.cond, func(t *testing.T) {
			b, ds := Load("c.yaml", []byte(cmpBank(tt.cond)))
			require.NotNil(t, b, "%v", ds)
			var ws []string
			for _, d := range ds {
				if strings.Contains(d.Summary, "holds") {
					ws = append(ws, d.Summary)
				}
			}
			require.Len(t, ws, 1, "%v", ds)
			assert.Contains(t, ws[0], tt.summary)
		})
	}
	for _, ok := range []string{`closeness > 6`, `closeness <= 6`, `closeness == 7`, `weeks > 1000`, `how_much >= 1`} {
		b, ds := Load("c.yaml", []byte(cmpBank(ok)))
		require.NotNil(t, b)
		for _, d := range ds {
			assert.NotContains(t, d.Summary, "holds", ok)
		}
	}
}

// Text left from `candor init`'s starter bank is a warning.
func TestPlaceholderTextIsAWarning(t *testing.T) {
	src := cmpBank("safe == false") + `sources:
  - {title: A book, author: Your name, url: "https://example.org/where-to-read-more"}
  - {title: The real book, author: A. Author}
`
	b, all := Load("c.yaml", []byte(src))
	require.NotNil(t, b)
	var ds Diagnostics
	for _, d := range all {
		if strings.Contains(d.Summary, "placeholder") {
			ds = append(ds, d)
		}
	}
	require.Len(t, ds, 1, "%v", all)
	assert.Equal(t, Warning, ds[0].Severity)
	assert.Contains(t, ds[0].Summary, `placeholder text, such as "Your name"`)
	assert.Equal(t, CodePlaceholder, ds[0].Code)
	assert.Equal(t, whenLine(src)+4, ds[0].Pos.Line)
}

// The new keys load: code on a question, an option and a score; not_asked and missing; the
// mapping form of items; a section's when; info and date questions.
func TestNewKeysLoad(t *testing.T) {
	src := `candor: 1
id: k
version: 1.0.0
title: K
sections:
  - id: a
    questions:
      - {id: intro_note, type: info, text: Read this first., help: More.}
      - id: q1
        text: Q1
        code: {system: http://loinc.org, code: 44250-9, display: Little interest}
        choices:
          - {value: 0, label: No, code: {system: http://loinc.org, code: LA6568-5}}
          - {value: 1, label: Yes}
      - {id: seen, type: date, text: "When?", min: 2020-01-01, max: today}
  - id: b
    when: q1 == 1 and seen != nil and seen >= date("2021-01-01")
    questions:
      - {id: q2, text: Q2, min: 0, max: 3}
scores:
  - id: s
    label: S
    items: {section: b}
    not_asked: lowest
    missing: lowest
    code: {system: http://loinc.org, code: 44261-6}
  - {id: t, label: T, items: [q1, q2]}
`
	b, ds := Load("k.yaml", []byte(src))
	require.NotNil(t, b, "%v", ds)
	assert.Empty(t, ds)
	assert.Equal(t, Info, b.Question("intro_note").Type)
	assert.False(t, b.Question("intro_note").Required)
	assert.Equal(t, &Coding{System: "http://loinc.org", Code: "44250-9", Display: "Little interest"}, b.Question("q1").Code)
	assert.Equal(t, "LA6568-5", b.Question("q1").Options[0].Code.Code)
	assert.Equal(t, "2020-01-01", b.Question("seen").MinDate)
	assert.Equal(t, Today, b.Question("seen").MaxDate)
	require.NotNil(t, b.Sections[1].When)
	s := b.Score("s")
	assert.Equal(t, []*Question{b.Question("q2")}, s.Items)
	assert.Equal(t, CountLowest, s.NotAsked)
	assert.Equal(t, CountLowest, s.Missing)
	assert.Equal(t, "44261-6", s.Code.Code)
	assert.Equal(t, NotAskedExclude, b.Score("t").NotAsked)
	assert.Equal(t, MissingProrate, b.Score("t").Missing)
	assert.Equal(t, 3, b.QuestionCount())
}

// Mistakes in the new keys are errors that say what and where.
func TestNewKeysMistakes(t *testing.T) {
	base := `candor: 1
id: k
version: 1.0.0
title: K
questions:
  - {id: note, type: info, text: Note}
  - {id: q1, text: Q1, min: 0, max: 3}
`
	tests := []struct{ extra, want string }{
		{"  - {id: d, type: date, text: D, min: 2020-13-01}\n", "`min` of a date question is not a date"},
		{"  - {id: d, type: date, text: D, min: 2021-01-01, max: 2020-01-01}\n", "has `min` after `max`"},
		{"  - {id: x, text: X, when: note == true}\n", "which is a statement to read, with no answer"},
		{"  - {id: x, text: X, code: {system: s}}\n", "missing the required key `code`"},
		{"scores:\n  - {id: s, label: S, items: [q1], not_asked: lowst}\n", "did you mean `lowest`?"},
		{"scores:\n  - {id: s, label: S, items: [q1], missing: zero}\n", "unknown `missing` \"zero\""},
		{"scores:\n  - {id: s, label: S, items: [note]}\n", `question "note" cannot be scored`},
		{"  - {id: d, type: date, text: D}\nflags:\n  - {id: f, when: d > \"2020-01-01\", title: F}\n", "cannot be used between"},
	}
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			b, ds := Load("k.yaml", []byte(base+tt.extra))
			require.Nil(t, b)
			require.NotEmpty(t, ds.Errors())
			all := ""
			for _, d := range ds.Errors() {
				all += d.Summary + " / " + d.Hint + "\n"
			}
			assert.Contains(t, all, tt.want)
		})
	}
}

// A stored date answer stays valid when a `today` bound moves past it; a new answer must
// respect it.
func TestDateTodayBoundIsCheckedWhenAnswering(t *testing.T) {
	defer func(c func() time.Time) { Clock = c }(Clock)
	Clock = func() time.Time { return time.Date(2026, 11, 27, 12, 0, 0, 0, time.Local) }
	b, ds := Load("k.yaml", []byte(`candor: 1
id: k
version: 1.0.0
title: K
questions:
  - {id: next_talk, type: date, text: "When?", min: today}
`))
	require.NotNil(t, b, "%v", ds)
	q := b.Question("next_talk")
	_, err := q.ParseValue("2026-11-26")
	assert.ErrorContains(t, err, "before the earliest date")
	v, err := q.ParseValue("2026-11-27")
	require.NoError(t, err)
	assert.Equal(t, "2026-11-27", v)

	r, rds := ReadResponse("r.yaml", []byte("candor: 1\nkind: response\nbank: {id: k, version: 1.0.0}\nanswers:\n  next_talk: '2026-11-01'\n"))
	require.NotNil(t, r, "%v", rds)
	answers, rds := r.Resolve(b)
	assert.Empty(t, rds.Errors())
	assert.Equal(t, "2026-11-01", answers["next_talk"])

	// With the day it was saved known, a stored date is held to that day's `today`.
	saved := func(answer, updated string) Diagnostics {
		r, rds := ReadResponse("r.yaml", []byte("candor: 1\nkind: response\nbank: {id: k, version: 1.0.0}\nupdated: "+updated+"\nanswers:\n  next_talk: '"+answer+"'\n"))
		require.NotNil(t, r, "%v", rds)
		_, rds = r.Resolve(b)
		return rds.Errors()
	}
	assert.Empty(t, saved("2026-11-01", "2026-10-30T12:00:00Z"), "on or after the day it was saved")
	assert.NotEmpty(t, saved("2026-10-01", "2026-10-30T12:00:00Z"), "before the day it was saved")
}

// TestDateMaxTodayIsTheDayItWasSaved: a date after a `max: today` bound is refused when it
// comes back in a saved response, judged against the day the response was last updated
// (issue 22, docs/hostile-inputs.md).
func TestDateMaxTodayIsTheDayItWasSaved(t *testing.T) {
	defer func(c func() time.Time) { Clock = c }(Clock)
	Clock = func() time.Time { return time.Date(2026, 12, 6, 12, 0, 0, 0, time.Local) }
	b, ds := Load("k.yaml", []byte(`candor: 1
id: k
version: 1.0.0
title: K
questions:
  - {id: when, type: date, text: "When did it happen?", max: today}
`))
	require.NotNil(t, b, "%v", ds)
	for _, c := range []struct {
		answer, updated string
		ok              bool
	}{
		{"2026-11-20", "2026-11-21T09:00:00Z", true},
		{"2026-11-21", "2026-11-21T09:00:00Z", true},
		{"2026-11-25", "2026-11-21T09:00:00Z", false}, // after the day it was saved, though before today
		{"2099-01-01", "2026-11-21T09:00:00Z", false},
	} {
		r, rds := ReadResponse("r.yaml", []byte("candor: 1\nkind: response\nbank: {id: k, version: 1.0.0}\nupdated: "+c.updated+"\nanswers:\n  when: '"+c.answer+"'\n"))
		require.NotNil(t, r, "%v", rds)
		_, rds = r.Resolve(b)
		if c.ok {
			assert.Empty(t, rds.Errors(), c.answer)
		} else {
			require.NotEmpty(t, rds.Errors(), c.answer)
			assert.Contains(t, rds.Errors()[0].Summary, "is after the latest date", c.answer)
		}
	}
}

// Text a YAML 1.1 reader (PyYAML, spreadsheet importers) would read as something else is
// written in quotes in a response file, and every text reads back as itself.
func TestResponseQuotesTextAYAML11ReaderWouldMisread(t *testing.T) {
	quoted := []string{
		"yes", "Yes", "YES", "no", "No", "on", "On", "OFF", "off", "y", "Y", "n", "N", "true", "False",
		"~", "null", "Null", "NULL", "", " padded", "trailing ",
		"11:11", "1:30:00", "190:20:30.15", "2026-11-27", "2026-1-2", "2001-12-14t21:59:43.10-05:00", "2001-12-14 21:59:43",
		"1_000", "0777", "0o17", "0x1F", "0b1010", "12", "-3", "+7", "1.5", ".5", "1e3", "6.8523015e+5", "3.", ".inf", "-.Inf", ".NaN",
		"=", "<<",
	}
	plain := []string{"often", "never", "nobody", "yesterday", "one two", "1.0.0", "v2", "on time", "abc:def", "no_answer"}
	cases := map[string]bool{}
	for _, s := range quoted {
		cases[s] = true
	}
	for _, s := range plain {
		cases[s] = false
	}
	for s, wantQuoted := range cases {
		t.Run(s, func(t *testing.T) {
			r := &Response{Bank: BankRef{ID: "b", Version: "1.0.0"}, Status: Completed, Respondent: s, Answers: map[string]any{"note": s, "multi": []any{s}}}
			raw, err := r.Marshal(nil)
			require.NoError(t, err)
			text := string(raw)
			if wantQuoted {
				assert.Contains(t, text, "note: \""+s+"\"\n")
				if s != "" {
					assert.Contains(t, text, "respondent: \""+s+"\"\n")
				}
				assert.Contains(t, text, "multi: [\""+s+"\"]\n")
			} else {
				assert.Contains(t, text, "note: "+s+"\n")
			}
			back, ds := ReadResponse("r.yaml", raw)
			require.NotNil(t, back, "%v\n%s", ds, text)
			assert.Equal(t, s, back.Answers["note"], "reads back as the same text")
			assert.Equal(t, s, back.Respondent)
		})
	}
}

// A date answer is stored as quoted text: a YAML reader would otherwise make it a timestamp.
func TestDateAnswerIsStoredQuoted(t *testing.T) {
	r := &Response{Bank: BankRef{ID: "b", Version: "1.0.0"}, Answers: map[string]any{"born": "2026-11-27"}}
	raw, err := r.Marshal(nil)
	require.NoError(t, err)
	assert.Contains(t, string(raw), `born: "2026-11-27"`)
}

// A section's `when` may name only what comes before the section; a date compared with text
// is an error that says how to write a date.
func TestSectionWhenAndDateMistakes(t *testing.T) {
	src := `candor: 1
id: s
version: 1.0.0
title: S
sections:
  - id: a
    questions:
      - {id: a1, text: A1}
  - id: b
    when: b1 == true
    questions:
      - {id: b1, text: B1}
      - {id: d, type: date, text: D}
      - {id: c2, type: info, text: C2, when: 'd > "2020-01-01"'}
`
	b, ds := Load("s.yaml", []byte(src))
	require.Nil(t, b)
	errs := ds.Errors()
	require.Len(t, errs, 2, "%v", ds)
	assert.Contains(t, errs[0].Summary, `the `+"`when`"+` of section "b" names "b1", which is a question of this section`)
	assert.Equal(t, "a section's `when` may only name questions asked before the section", errs[0].Hint)
	assert.Contains(t, errs[1].Summary, "between a date and text")
	assert.Contains(t, errs[1].Hint, `date("2026-01-01")`)
}
