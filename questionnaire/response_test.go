package questionnaire

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// respBank has one question of every type.
const respBank = `candor: 1
id: every-type
version: 2.0.0
title: Every type
choices:
  often:
    - {value: never, label: Never, score: 0}
    - {value: sometimes, label: Sometimes, score: 1}
    - {value: often, label: Often, score: 2}
questions:
  - {id: safe, text: "Safe?", type: yesno}
  - id: level
    text: "Level?"
    choices: [{value: 1, label: One}, {value: 2, label: Two}, {value: 3, label: Three}]
  - {id: how_often, text: "How often?", choices: often}
  - id: helps
    text: "What helps?"
    type: multi
    choices: [{value: talk, label: Talking, score: 1}, {value: walk, label: Walking, score: 1}, {value: rest, label: Resting, score: 1}]
  - {id: hope, text: "Hope?", min: 1, max: 5, labels: {1: Not at all, 5: Fully}}
  - {id: hours, text: "Hours?", type: number, min: 0, max: 24}
  - {id: note, text: "Anything else?", type: text, required: false}
`

func respLoadBank(t *testing.T, src string) *Bank {
	t.Helper()
	b, ds := Load("bank.yaml", []byte(src))
	require.NotNil(t, b, "%v", ds)
	require.False(t, ds.HasErrors(), "%v", ds)
	return b
}

// respRead reads a response and requires it to parse.
func respRead(t *testing.T, src string) *Response {
	t.Helper()
	r, ds := ReadResponse("r.yaml", []byte(src))
	require.NotNil(t, r, "%v", ds)
	require.False(t, ds.HasErrors(), "%v", ds)
	return r
}

const respHead = "candor: 1\nkind: response\nbank: {id: every-type, version: 2.0.0}\n"

// Marshal → ReadResponse → Resolve gives back every answer, and the file's other fields.
func TestResponseRoundTrip(t *testing.T) {
	b := respLoadBank(t, respBank)
	now := time.Date(2026, 11, 22, 9, 0, 0, 500, time.FixedZone("CET", 3600))
	r := NewResponse(b, now)
	r.Respondent = "Sam: the \"first\" #1"
	want := Answers{
		"safe": false, "level": 2.0, "how_often": "often", "helps": []any{"walk", "talk"},
		"hope": 5.0, "hours": 7.5, "note": "line one\nline two: with \"quotes\" and # hash",
	}
	for _, q := range b.Questions { // in bank order
		r.SetAnswer(q.ID, want[q.ID])
	}
	r.SetSkipped("note", true)
	r.Status = Completed
	r.Updated = now.Add(250 * time.Second)

	raw, err := r.Marshal(b)
	require.NoError(t, err)
	text := string(raw)
	assert.Contains(t, text, "\n  safe: false\n", "yes/no is written true/false")
	assert.Contains(t, text, "started: 2026-11-22T08:00:00Z\n", "times in UTC, whole seconds")
	assert.Contains(t, text, "updated: 2026-11-22T08:04:10Z\n")

	back := respRead(t, text)
	assert.Equal(t, BankRef{ID: "every-type", Version: "2.0.0", Digest: b.Digest}, back.Bank)
	assert.Equal(t, r.Respondent, back.Respondent)
	assert.Equal(t, Completed, back.Status)
	assert.True(t, back.Started.Equal(time.Date(2026, 11, 22, 8, 0, 0, 0, time.UTC)))
	assert.True(t, back.Updated.Equal(time.Date(2026, 11, 22, 8, 4, 10, 0, time.UTC)))
	assert.Equal(t, []string{"note"}, back.Skipped)
	got, ds := back.Resolve(b)
	assert.Empty(t, ds)
	assert.Equal(t, want, got)

	// Writing what was read gives the same file.
	again, err := back.Marshal(b)
	require.NoError(t, err)
	assert.Equal(t, text, string(again))
}

// An empty response round-trips too.
func TestResponseRoundTripEmpty(t *testing.T) {
	b := respLoadBank(t, respBank)
	r := NewResponse(b, time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC))
	raw, err := r.Marshal(b)
	require.NoError(t, err)
	back := respRead(t, string(raw))
	got, ds := back.Resolve(b)
	assert.Empty(t, ds)
	assert.Empty(t, got)
	assert.Equal(t, InProgress, back.Status)
}

// Answers as a person or another program may write them are read into their normal form.
func TestResponseAnswerForms(t *testing.T) {
	b := respLoadBank(t, respBank)
	cases := []struct {
		name, yaml string
		want       any
	}{
		{"yes", "safe: yes", true},
		{"no", "safe: no", false},
		{"Yes capitalised", "safe: Yes", true},
		{"y", "safe: y", true},
		{"true", "safe: true", true},
		{"quoted false", `safe: "false"`, false},
		{"choice by value", "level: 3", 3.0},
		{"choice by value as text", `level: "3"`, 3.0},
		{"choice by label", "level: Two", 2.0},
		{"choice by label, any case", "level: tWO", 2.0},
		{"id choice by value", "how_often: sometimes", "sometimes"},
		{"id choice by label", "how_often: Often", "often"},
		{"multi list", "helps: [talk, rest]", []any{"talk", "rest"}},
		{"multi by labels", "helps: [Walking, Resting]", []any{"walk", "rest"}},
		{"multi block list", "helps:\n    - talk", []any{"talk"}},
		{"multi one value", "helps: walk", []any{"walk"}},
		{"multi none", "helps: []", []any{}},
		{"scale", "hope: 3", 3.0},
		{"scale as float", "hope: 4.0", 4.0},
		{"scale by anchor label", "hope: fully", 5.0},
		{"number", "hours: 7.25", 7.25},
		{"number at a bound", "hours: 0", 0.0},
		{"text", "note: it is hard", "it is hard"},
		{"text that looks like a number", "note: 42", "42"},
		{"text that looks like yes", "note: yes", "yes"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := respRead(t, respHead+"answers:\n  "+c.yaml+"\n")
			got, ds := r.Resolve(b)
			require.Empty(t, ds)
			id := strings.SplitN(c.yaml, ":", 2)[0]
			assert.Equal(t, c.want, got[id])
		})
	}
	// An answer written null is no answer.
	r := respRead(t, respHead+"answers:\n  safe: null\n  hope: ~\n")
	got, ds := r.Resolve(b)
	assert.Empty(t, ds)
	assert.Empty(t, got)
}

// An answer that does not fit its question is an error at its file:line:col, naming the
// question, with what is allowed as the hint.
func TestResponseInvalidAnswers(t *testing.T) {
	b := respLoadBank(t, respBank)
	cases := []struct {
		name, yaml string
		col        int
		summary    string
		hint       string
	}{
		{"number for yes/no", "safe: 3", 9, `"safe" takes yes or no, not 3`, "answer yes or no"},
		{"word for yes/no", "safe: maybe", 9, `"safe" takes yes or no, not "maybe"`, "answer yes or no"},
		{"list for yes/no", "safe: [yes]", 9, `"safe" takes one answer, not a list`, "answer yes or no"},
		{"unknown option", "level: 7", 10, `"level" has no option 7`, "one of: 1 (One), 2 (Two), 3 (Three)"},
		{"unknown label", "how_often: always", 14, `"how_often" has no option "always"`, "one of: never (Never), sometimes (Sometimes), often (Often)"},
		{"unknown option in a list", "helps: [talk, swim]", 10, `"helps" has no option "swim"`, "any of: talk (Talking), walk (Walking), rest (Resting)"},
		{"option twice", "helps: [talk, Talking]", 10, `"helps": option "Talking" is chosen twice`, "any of:"},
		{"scale above", "hope: 6", 9, `6 is outside the range of "hope" (1 to 5)`, "a whole number from 1 to 5"},
		{"scale below", "hope: 0", 9, `0 is outside the range of "hope" (1 to 5)`, "a whole number from 1 to 5"},
		{"scale not whole", "hope: 2.5", 9, `"hope" takes a whole number from 1 to 5, not 2.5`, "a whole number from 1 to 5"},
		{"scale word", "hope: lots", 9, `"hope" takes a number, not "lots"`, "a whole number from 1 to 5"},
		{"number above", "hours: 25", 10, `25 is outside the range of "hours" (0 to 24)`, "a number, 0 to 24"},
		{"number infinite", "hours: .inf", 10, `"hours" takes a number`, "a number, 0 to 24"},
		{"number not a number", "hours: .nan", 10, `"hours" takes a number`, "a number, 0 to 24"},
		{"text as a list", "note: [a, b]", 9, `"note" takes one answer, not a list`, "a line of text"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := respRead(t, respHead+"answers:\n  "+c.yaml+"\n")
			got, ds := r.Resolve(b)
			require.Len(t, ds, 1, "%v", ds)
			d := ds[0]
			assert.Equal(t, Error, d.Severity)
			assert.Equal(t, Pos{File: "r.yaml", Line: 5, Col: c.col}, d.Pos)
			assert.Contains(t, d.Summary, c.summary)
			assert.Contains(t, d.Hint, c.hint)
			assert.Empty(t, got, "an invalid answer is not used")
		})
	}
	// Several bad answers are all reported; the good ones still resolve.
	r := respRead(t, respHead+"answers:\n  safe: 3\n  level: 2\n  hope: 9\n")
	got, ds := r.Resolve(b)
	require.Len(t, ds.Errors(), 2)
	assert.Equal(t, 5, ds[0].Pos.Line)
	assert.Equal(t, 7, ds[1].Pos.Line)
	assert.Equal(t, Answers{"level": 2.0}, got)
}

// Answers to questions the bank does not have are warnings, with a guess at the intended id,
// and are kept when the response is written again.
func TestResponseUnknownAnswersKept(t *testing.T) {
	b := respLoadBank(t, respBank)
	src := respHead + "answers:\n  safe: yes\n  hpoe: 3\n  old_question: [a, b]\n"
	r := respRead(t, src)
	got, ds := r.Resolve(b)
	require.Len(t, ds, 2)
	for _, d := range ds {
		assert.Equal(t, Warning, d.Severity)
	}
	assert.Equal(t, Pos{File: "r.yaml", Line: 6, Col: 9}, ds[0].Pos)
	assert.Equal(t, `answer to "hpoe", which bank "every-type" does not have`, ds[0].Summary)
	assert.Contains(t, ds[0].Hint, "did you mean `hope`?")
	assert.Contains(t, ds[1].Summary, `"old_question"`)
	assert.Equal(t, Answers{"safe": true}, got)

	// Rewriting (as take does after a new answer) keeps them, after the bank's questions.
	r.SetAnswer("hope", 4.0)
	raw, err := r.Marshal(b)
	require.NoError(t, err)
	assert.Contains(t, string(raw), "answers:\n  safe: \"yes\"\n  hope: 4\n  hpoe: 3\n  old_question: [a, b]\n")
	back := respRead(t, string(raw))
	assert.Equal(t, 3.0, back.Answers["hpoe"])
	assert.Equal(t, []any{"a", "b"}, back.Answers["old_question"])
}

// A response to another version of the bank, or to a changed bank of the same version, is
// scored with a warning; a response to another bank is an error.
func TestResponseBankMismatch(t *testing.T) {
	b := respLoadBank(t, respBank)
	cases := []struct {
		name, bank string
		severity   Severity
		pos        Pos
		summary    string
	}{
		{"same", "{id: every-type, version: 2.0.0, digest: \"" + b.Digest + "\"}", -1, Pos{}, ""},
		{"no version given", "{id: every-type}", -1, Pos{}, ""},
		{"other version", "{id: every-type, version: 1.4.0}", Warning, Pos{File: "r.yaml", Line: 3, Col: 33},
			`the response was given to version 1.4.0 of "every-type"; this is version 2.0.0`},
		{"same version, other digest", "{id: every-type, version: 2.0.0, digest: \"sha256:00\"}", Warning, Pos{File: "r.yaml", Line: 3, Col: 48},
			`bank "every-type" has changed since this response was given (same version 2.0.0, different content)`},
		{"other bank", "{id: another, version: 2.0.0}", Error, Pos{File: "r.yaml", Line: 3, Col: 12},
			`this response answers bank "another", not "every-type"`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := respRead(t, "candor: 1\nkind: response\nbank: "+c.bank+"\nanswers: {safe: yes}\n")
			got, ds := r.Resolve(b)
			if c.severity < 0 {
				assert.Empty(t, ds)
				assert.Equal(t, Answers{"safe": true}, got)
				return
			}
			require.Len(t, ds, 1, "%v", ds)
			assert.Equal(t, c.severity, ds[0].Severity)
			assert.Equal(t, c.pos, ds[0].Pos)
			assert.Equal(t, c.summary, ds[0].Summary)
			if c.severity == Warning {
				assert.Equal(t, Answers{"safe": true}, got, "scored all the same")
			}
		})
	}
}

// Broken, cut-short or wrong files give a clear error with a place, never a panic or a
// half-read response.
func TestResponseCorruptFiles(t *testing.T) {
	cases := []struct {
		name, src string
		pos       string
		summary   string
	}{
		{"empty", "", "r.yaml:1:1", "the response file is empty"},
		{"only spaces", "  \n\n", "r.yaml:1:1", "the response file is empty"},
		{"cut short in a flow list", respHead + "answers:\n  helps: [talk, wa", "r.yaml:", "YAML syntax"},
		{"cut short in a quoted string", respHead + "answers:\n  note: \"it was", "r.yaml:", "YAML syntax"},
		{"cut short before answers", "candor: 1\nkind: response\nbank: {id: every-type", "r.yaml:", "YAML syntax"},
		{"missing answers", respHead, "r.yaml:1:1", "missing the required key `answers`"},
		{"a NUL byte", respHead + "answers: {safe: yes}\n\x00\x00", "r.yaml:5:1", "NUL byte"},
		{"not UTF-8", respHead + "answers: {note: \xff\xfe}\n", "r.yaml:4:17", "not valid UTF-8"},
		{"a list, not a response", "- a\n- b\n", "r.yaml:1:1", "must be a mapping"},
		{"a bank", respBank, "r.yaml:1:1", "this file is a question bank, not a response"},
		{"another kind", "candor: 1\nkind: bank\nbank: {id: x}\nanswers: {}\n", "r.yaml:2:7", `this file is a "bank", not a response`},
		{"another format", "candor: 2\nkind: response\nbank: {id: x}\nanswers: {}\n", "r.yaml:1:9", "unknown response format version 2"},
		{"unknown status", respHead + "status: done\nanswers: {}\n", "r.yaml:4:9", `unknown status "done"`},
		{"bad date", respHead + "started: yesterday\nanswers: {}\n", "r.yaml:4:10", "`started` is not a date and time"},
		{"answered twice", respHead + "answers:\n  safe: yes\n  safe: no\n", "r.yaml:", "answered twice"},
		{"answers a list", respHead + "answers: [yes, no]\n", "r.yaml:4:10", "`answers` must map question ids to answers"},
		{"answer a mapping", respHead + "answers:\n  safe: {a: b}\n", "r.yaml:5:9", `the answer to "safe" must be a single value or a list`},
		{"unknown key", respHead + "answer: {}\n", "r.yaml:4:1", "unknown key `answer`"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var r *Response
			var ds Diagnostics
			require.NotPanics(t, func() { r, ds = ReadResponse("r.yaml", []byte(c.src)) })
			assert.Nil(t, r, "no half-read response")
			require.True(t, ds.HasErrors())
			var found bool
			for _, d := range ds.Errors() {
				if strings.Contains(d.Summary, c.summary) {
					found = true
					assert.True(t, strings.HasPrefix(d.Pos.String(), c.pos), "%s at %s, want %s", d.Summary, d.Pos, c.pos)
					assert.Greater(t, d.Pos.Line, 0, "an error has a line")
				}
			}
			assert.True(t, found, "no error says %q in %v", c.summary, ds)
		})
	}
}

// ReadResponseFile names the file when it cannot be read.
func TestReadResponseFileErrors(t *testing.T) {
	dir := t.TempDir()
	r, ds := ReadResponseFile(dir + "/missing.yaml")
	assert.Nil(t, r)
	require.Len(t, ds, 1)
	assert.Equal(t, dir+"/missing.yaml", ds[0].Pos.File)
	assert.Equal(t, "no such file", ds[0].Summary)

	r, ds = ReadResponseFile(dir)
	assert.Nil(t, r)
	require.Len(t, ds, 1)
	assert.Contains(t, ds[0].Summary, "is a folder, not a file")
}

// SetAnswer and SetSkipped keep order and never duplicate.
func TestResponseSetAnswerAndSkipped(t *testing.T) {
	b := respLoadBank(t, respBank)
	r := NewResponse(b, time.Unix(0, 0))
	r.SetAnswer("hope", 3.0)
	r.SetAnswer("safe", true)
	r.SetAnswer("hope", 4.0)
	assert.Equal(t, []string{"hope", "safe"}, r.Order)
	r.SetAnswer("hope", nil)
	assert.Equal(t, []string{"safe"}, r.Order)
	assert.NotContains(t, r.Answers, "hope")
	r.SetSkipped("note", true)
	r.SetSkipped("note", true)
	r.SetSkipped("hours", true)
	r.SetSkipped("note", false)
	assert.Equal(t, []string{"hours"}, r.Skipped)
}

// A response with hundreds of problems lists the first 200 and says how many more there are,
// as a bank does, instead of dropping them silently.
func TestReadResponseCapsDiagnostics(t *testing.T) {
	var b strings.Builder
	b.WriteString("candor: 1\nkind: response\nbank: {id: trust-readiness}\nanswers:\n")
	for i := range 300 {
		fmt.Fprintf(&b, "  q%d: {nested: %d}\n", i, i)
	}
	r, ds := ReadResponse("many.yaml", []byte(b.String()))
	require.Nil(t, r)
	require.Len(t, ds, maxDiagnostics+1)
	last := ds[len(ds)-1]
	assert.Equal(t, "and 100 more problems", last.Summary)
	assert.Equal(t, Error, last.Severity)
}

// TestTimestampsCandorCannotWriteBack: a time past the year 9999 in UTC (an offset near the
// end of 9999) is refused where it is read, since RFC 3339 in UTC cannot write it back
// (issue 22, docs/hostile-inputs.md).
func TestTimestampsCandorCannotWriteBack(t *testing.T) {
	for stamp, ok := range map[string]bool{
		"9999-12-31T18:59:59-05:00": true,
		"9999-12-31T23:00:00-05:00": false,
		"0000-01-01T00:30:00+01:00": false,
		"2026-11-22T09:00:00Z":      true,
	} {
		r, ds := ReadResponse("r.yaml", []byte("candor: 1\nkind: response\nbank: {id: k, version: 1.0.0}\nstarted: "+stamp+"\nanswers: {}\n"))
		if ok {
			require.NotNil(t, r, "%s: %v", stamp, ds)
			assert.True(t, StampFits(r.Started), stamp)
			continue
		}
		require.True(t, ds.HasErrors(), stamp)
		assert.Contains(t, ds.Errors()[0].Summary, "past the year 9999 in UTC", stamp)
	}
}

// TestResolveCodesWhatCommandsActOn: a response read with another bank, and one given to
// another version of its bank, carry codes, so commands act on the kind and never on the
// wording or the place in the list (issue 23).
func TestResolveCodesWhatCommandsActOn(t *testing.T) {
	b, ds := Load("k.yaml", []byte("candor: 1\nid: k\nversion: 2.0.0\ntitle: K\nquestions:\n  - {id: q, type: yesno, text: Q}\n"))
	require.NotNil(t, b, "%v", ds)
	for src, code := range map[string]string{
		"candor: 1\nkind: response\nbank: {id: other, version: 2.0.0}\nanswers: {q: yes}\n":      CodeOtherBank,
		"candor: 1\nkind: response\nbank: {id: k, version: 1.0.0}\nanswers: {q: yes, gone: 1}\n": CodeBankDrift,
	} {
		r, rds := ReadResponse("r.yaml", []byte(src))
		require.NotNil(t, r, "%v", rds)
		_, rds = r.Resolve(b)
		var codes []string
		for _, d := range rds {
			codes = append(codes, d.Code)
		}
		assert.Contains(t, codes, code, src)
	}
}
