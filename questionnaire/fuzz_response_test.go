package questionnaire_test

import (
	"bytes"
	"errors"
	"reflect"
	"testing"
	"time"

	"github.com/candor-app/candor/data"
	"github.com/candor-app/candor/questionnaire"
)

// everyTypeBank has one question of each type, so that answers of every kind are resolved.
const everyTypeBank = `candor: 1
id: every-type
version: 2.0.0
title: Every type
questions:
  - {id: safe, text: "Safe?", type: yesno}
  - {id: level, text: "Level?", choices: [{value: 1, label: One}, {value: 2, label: Two}]}
  - id: helps
    text: "What helps?"
    type: multi
    choices: [{value: talk, label: Talking, score: 1}, {value: walk, label: Walking, score: 1}]
  - {id: hope, text: "Hope?", min: 1, max: 5, labels: {1: Not at all, 5: Fully}}
  - {id: hours, text: "Hours?", type: number, min: 0, max: 24}
  - {id: note, text: "Anything else?", type: text}
`

// fuzzBanks are the banks responses are resolved against: every built-in bank and
// everyTypeBank, by id.
func fuzzBanks(f *testing.F) map[string]*questionnaire.Bank {
	f.Helper()
	banks := map[string]*questionnaire.Bank{}
	for _, id := range data.IDs() {
		b, ds := data.LoadBank(id)
		if b == nil {
			f.Fatalf("built-in bank %s does not load: %v", id, ds)
		}
		banks[b.ID] = b
	}
	b, ds := questionnaire.Load("every-type.yaml", []byte(everyTypeBank))
	if b == nil {
		f.Fatalf("every-type bank does not load: %v", ds)
	}
	banks[b.ID] = b
	return banks
}

// FuzzReadResponse reads arbitrary response files and resolves them against a bank.
// Invariants: no panic; either a response or an error, never both; every diagnostic names
// the file, and every error a line and column; a response that reads can be written back
// (Marshal) and read again to the same answers, skipped list, bank and respondent, and
// resolves to the same normalized answers. Seeds: responses written by Marshal, hostile
// ones below, and testdata/fuzz/FuzzReadResponse (every input that once failed).
func FuzzReadResponse(f *testing.F) {
	banks := fuzzBanks(f)
	now := time.Date(2026, 11, 22, 9, 0, 0, 0, time.UTC)
	et := banks["every-type"]
	r := questionnaire.NewResponse(et, now)
	for id, v := range map[string]any{"safe": true, "level": 2.0, "helps": []any{"walk"}, "hope": 5.0, "hours": 7.5, "note": "line one\nline \x1b[2J two: \"q\" # h"} {
		r.SetAnswer(id, v)
	}
	r.SetSkipped("note", true)
	r.Respondent = "Sam \u202e"
	if raw, err := r.Marshal(et); err == nil {
		f.Add(raw)
		f.Add(bytes.ReplaceAll(raw, []byte("\n"), []byte("\r\n")))
		f.Add(append([]byte("\xef\xbb\xbf"), raw...))
		f.Add(raw[:len(raw)/2])
	}
	tr := banks["trust-readiness"]
	r2 := questionnaire.NewResponse(tr, now)
	for i, q := range tr.Questions {
		if i%2 == 0 && len(q.Options) > 0 {
			r2.SetAnswer(q.ID, q.Options[0].Value)
		} else if q.Type == questionnaire.YesNo {
			r2.SetAnswer(q.ID, i%3 == 0)
		}
	}
	if raw, err := r2.Marshal(tr); err == nil {
		f.Add(raw)
	}
	for _, s := range []string{
		"",
		"candor: 1\nkind: response\nbank: {id: every-type}\nanswers: {}\n",
		"candor: 1\nkind: response\nbank: {id: every-type, version: 9.9.9}\nanswers:\n  safe: maybe\n  hope: 9\n  helps: [walk, walk]\n  hours: .nan\n  zzz: 1\n",
		"candor: 1\nkind: response\nbank: {id: every-type}\nanswers: &a {safe: *a}\n",
		"candor: 1\nkind: response\nbank: {id: every-type}\nanswers:\n  note: !!binary aGVsbG8=\n  hope: 0x3\n  hours: 1e400\n",
		"candor: 1\nid: every-type\nversion: 1.0.0\ntitle: x\nquestions: []\n",
		"- a\n- b\n",
		"just a line",
		"candor: 1\nkind: response\nbank: {id: every-type}\nstarted: yesterday\nstatus: done\nanswers: [1]\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, raw []byte) {
		const name = "fuzz-response.yaml"
		r, ds := questionnaire.ReadResponse(name, raw)
		if (r == nil) != ds.HasErrors() {
			t.Fatalf("response %v with diagnostics %v", r != nil, ds)
		}
		checkPositions(t, name, ds)
		if r == nil {
			return
		}
		b := banks[r.Bank.ID]
		if b == nil {
			b = et
		}
		answers, rds := r.Resolve(b)
		checkPositions(t, name, rds)

		out, err := r.Marshal(b)
		var tooLarge *questionnaire.TooLargeError
		if errors.As(err, &tooLarge) && bytes.Contains(raw, []byte("*")) {
			// Aliases spelled out past the limits: written back, it would not be read, so
			// Marshal refuses (and `take --resume` with it).
			return
		}
		if err != nil {
			t.Fatalf("a response that reads cannot be written: %v", err)
		}
		back, bds := questionnaire.ReadResponse(name, out)
		if back == nil {
			t.Fatalf("a written response does not read back: %v\n%s", bds, out)
		}
		if !reflect.DeepEqual(normal(r.Answers), normal(back.Answers)) {
			t.Fatalf("answers changed on the way through the file:\n%#v\n%#v\n%s", r.Answers, back.Answers, out)
		}
		if !reflect.DeepEqual(r.Skipped, back.Skipped) || r.Bank != back.Bank || r.Respondent != back.Respondent || r.Status != back.Status {
			t.Fatalf("the response changed on the way through the file:\n%#v\n%#v\n%s", r, back, out)
		}
		answers2, rds2 := back.Resolve(b)
		if rds.HasErrors() != rds2.HasErrors() || !reflect.DeepEqual(normalAnswers(answers), normalAnswers(answers2)) {
			t.Fatalf("the written response resolves differently:\n%#v %v\n%#v %v\n%s", answers, rds, answers2, rds2, out)
		}
	})
}

// checkPositions requires every diagnostic to name the file and every error a place in it.
func checkPositions(t *testing.T, name string, ds questionnaire.Diagnostics) {
	t.Helper()
	for _, d := range ds {
		if d.Pos.File != name || d.Summary == "" {
			t.Fatalf("diagnostic without a file or a summary: %#v", d)
		}
		if d.Severity == questionnaire.Error && (d.Pos.Line < 1 || d.Pos.Col < 1) {
			t.Fatalf("error without a line and column: %#v", d)
		}
		if d.Pos.Line < 0 || (d.Pos.Line > 0 && d.Pos.Col < 1) {
			t.Fatalf("diagnostic with a bad position: %#v", d)
		}
	}
}

// normal maps nil lists to empty ones, which the file cannot tell apart.
func normal(m map[string]any) map[string]any {
	out := make(map[string]any, len(m))
	for k, v := range m {
		if l, ok := v.([]any); ok && len(l) == 0 {
			v = []any{}
		}
		out[k] = v
	}
	return out
}

func normalAnswers(a questionnaire.Answers) map[string]any { return normal(a) }
