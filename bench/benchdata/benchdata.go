// Package benchdata makes the inputs of candor's benchmarks and of bench/score.sh: a large
// generated bank, and response files as `candor take` saves them. It is used by benchmarks
// and bench tools only, never by the candor binary.
package benchdata

import (
	"encoding/csv"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/candor-app/candor/questionnaire"
)

// Bank returns the YAML of a valid bank of n questions (n ≥ 10) in sections of 50, with
// every question type, a shared choice list, whens, a score per section and one over every
// scorable item, an urgent flag and one flag per section, and outcomes on scores and flags.
func Bank(n int) []byte {
	var b strings.Builder
	b.WriteString(`candor: 1
id: generated
version: 1.0.0
title: A generated bank
for: benchmarks
language: en
intro: A bank written by a program, to measure candor.
outro: That is all.
choices:
  agree5:
    - {value: 1, label: Strongly disagree}
    - {value: 2, label: Disagree}
    - {value: 3, label: Neither}
    - {value: 4, label: Agree}
    - {value: 5, label: Strongly agree}
sections:
`)
	type sec struct {
		id    string
		items []string
		first string // its first yes/no question
	}
	var secs []sec
	var all []string
	for i := 0; i < n; i++ {
		if i%50 == 0 {
			s := sec{id: fmt.Sprintf("s%d", i/50)}
			secs = append(secs, s)
			fmt.Fprintf(&b, "  - id: %s\n    title: Section %d\n    intro: Questions %d onwards.\n    questions:\n", s.id, i/50+1, i+1)
		}
		s := &secs[len(secs)-1]
		id := fmt.Sprintf("q%d", i)
		fmt.Fprintf(&b, "      - id: %s\n        text: Question %d, asked plainly?\n", id, i)
		scorable := true
		switch i % 7 {
		case 0:
			b.WriteString("        type: yesno\n        help: A longer word about this question.\n")
			if s.first == "" {
				s.first = id
			}
		case 1:
			b.WriteString("        type: choice\n        choices: agree5\n")
		case 2:
			b.WriteString("        type: choice\n        choices: agree5\n        reverse: true\n")
		case 3:
			b.WriteString("        type: multi\n        choices:\n          - {value: a, label: One, score: 1}\n          - {value: b, label: Two, score: 2}\n          - {value: c, label: None, score: 0}\n")
		case 4:
			b.WriteString("        type: scale\n        min: 1\n        max: 7\n        labels: {1: Low, 7: High}\n")
		case 5:
			b.WriteString("        type: number\n        min: 0\n        max: 100\n        required: false\n")
		case 6:
			b.WriteString("        type: text\n        required: false\n")
			scorable = false
		}
		if i%7 == 4 && s.first != "" {
			fmt.Fprintf(&b, "        when: %s == true\n", s.first)
		}
		if scorable {
			s.items = append(s.items, id)
			all = append(all, id)
		}
	}
	b.WriteString("scores:\n")
	score := func(id, label string, items []string, method string) {
		fmt.Fprintf(&b, "  - id: %s\n    label: %s\n    method: %s\n    max_missing: %d\n    items: [%s]\n",
			id, label, method, len(items)/4, strings.Join(items, ", "))
		b.WriteString("    bands:\n      - max: 2\n        label: Low\n        text: A low score.\n      - max: 4\n        label: Middle\n        text: In between.\n      - label: High\n        text: A high score.\n")
	}
	for _, s := range secs {
		score(s.id+"_score", "Score of "+s.id, s.items, "mean")
	}
	score("total", "Everything", all, "mean")
	fmt.Fprintf(&b, "flags:\n  - id: not_safe\n    level: urgent\n    when: q0 == false\n    title: Safety first\n    text: Help comes first.\n")
	for _, s := range secs {
		fmt.Fprintf(&b, "  - id: %s_low\n    level: note\n    when: %s_score != nil and %s_score < 2\n    title: Low in %s\n    text: A note.\n", s.id, s.id, s.id, s.id)
	}
	b.WriteString(`outcomes:
  - id: safety
    when: not_safe
    title: Safety first
    text: Help first.
  - id: high
    when: total != nil and total > 4
    title: High
    text: A high total.
  - id: other
    title: Other
    text: Everything else.
tests:
  - name: not safe comes first
    answers: {q0: false}
    expect: {outcome: safety, flags: [not_safe]}
`)
	return []byte(b.String())
}

// Responses writes n response files to bank b into dir, as `candor take` saves them
// (<bank>-<date>-<time>-<n>.yaml, 0600), with random but valid answers: the same for the
// same seed. About one question in twenty is left unanswered; a response is in progress when
// a required question is.
func Responses(dir string, b *questionnaire.Bank, n int, seed uint64) error {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return err
	}
	rng := rand.New(rand.NewPCG(seed, 0))
	start := time.Date(2026, 9, 1, 9, 0, 0, 0, time.UTC)
	for i := range n {
		at := start.Add(time.Duration(i) * 37 * time.Second)
		src, err := Response(rng, b, at, i)
		if err != nil {
			return err
		}
		name := filepath.Join(dir, fmt.Sprintf("%s-%s-%06d.yaml", b.ID, at.Format("20060102-150405"), i))
		if err := os.WriteFile(name, src, 0o600); err != nil {
			return err
		}
	}
	return nil
}

// Response returns the file of one random response to b, the i-th, started at at.
func Response(rng *rand.Rand, b *questionnaire.Bank, at time.Time, i int) ([]byte, error) {
	return random(rng, b, at, i).Marshal(b)
}

// Table writes n random responses to b as one CSV table (respondent, started, updated, then
// a column for each question, by id), as a form export or a typed-in worksheet holds them:
// yes/no as yes and no, several choices joined by ";". Row i holds the same answers as the
// i-th file Responses writes with the same seed.
func Table(w io.Writer, b *questionnaire.Bank, n int, seed uint64) error {
	cw := csv.NewWriter(w)
	header := []string{"respondent", "started", "updated"}
	for _, q := range b.Questions {
		header = append(header, q.ID)
	}
	if err := cw.Write(header); err != nil {
		return err
	}
	rng := rand.New(rand.NewPCG(seed, 0))
	start := time.Date(2026, 9, 1, 9, 0, 0, 0, time.UTC)
	row := make([]string, len(header))
	for i := range n {
		r := random(rng, b, start.Add(time.Duration(i)*37*time.Second), i)
		row[0], row[1], row[2] = r.Respondent, r.Started.Format(time.RFC3339), r.Updated.Format(time.RFC3339)
		for j, q := range b.Questions {
			row[3+j] = cell(r.Answers[q.ID])
		}
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// cell writes an answer as a table cell.
func cell(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case bool:
		if x {
			return "yes"
		}
		return "no"
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64)
	case []any:
		parts := make([]string, len(x))
		for i, p := range x {
			parts[i] = cell(p)
		}
		return strings.Join(parts, ";")
	}
	return fmt.Sprint(v)
}

// random is the i-th random response to b, started at at.
func random(rng *rand.Rand, b *questionnaire.Bank, at time.Time, i int) *questionnaire.Response {
	r := questionnaire.NewResponse(b, at)
	r.Updated = at.Add(time.Duration(60+rng.IntN(900)) * time.Second)
	if rng.IntN(4) != 0 {
		r.Respondent = fmt.Sprintf("p%06d", i)
	}
	for _, q := range b.Questions {
		if rng.IntN(20) == 0 {
			continue
		}
		if v := answer(rng, q); v != nil {
			r.SetAnswer(q.ID, v)
		}
	}
	// The file says what its answers make it (completed when every asked, required question
	// is answered), as take writes it; the draw keeps the random sequence of earlier versions.
	_ = rng.IntN(10)
	r.Status = questionnaire.Completed
	env := make(map[string]any, len(b.Questions))
	for _, q := range b.Questions {
		env[q.ID] = r.Answers[q.ID]
	}
	for _, q := range b.Questions {
		// (scoring has the full rule, with section conditions; the generated banks and the
		// instruments benchmarked have none, and scoring's own benchmarks import this package.)
		asked := q.When == nil
		if !asked {
			asked, _ = q.When.Eval(env)
		}
		if asked && q.Required && q.Answerable() && r.Answers[q.ID] == nil {
			r.Status = questionnaire.InProgress
		}
	}
	return r
}

// answer is a random valid answer to q, in the form a response file holds it.
func answer(rng *rand.Rand, q *questionnaire.Question) any {
	switch q.Type {
	case questionnaire.YesNo:
		return rng.IntN(5) != 0
	case questionnaire.Scale:
		return float64(int(q.Min) + rng.IntN(int(q.Max-q.Min)+1))
	case questionnaire.Number:
		lo, hi := 0, 100
		if q.HasMin {
			lo = int(q.Min)
		}
		if q.HasMax {
			hi = int(q.Max)
		}
		return float64(lo + rng.IntN(max(hi-lo, 0)+1))
	case questionnaire.Choice:
		if len(q.Options) == 0 {
			return nil
		}
		return q.Options[rng.IntN(len(q.Options))].Value
	case questionnaire.Multi:
		// An option that stands alone (exclusive) is chosen alone, as people can answer.
		var out, alone []any
		for _, o := range q.Options {
			if rng.IntN(3) == 0 {
				if o.Exclusive {
					alone = append(alone, o.Value)
				} else {
					out = append(out, o.Value)
				}
			}
		}
		if len(out) == 0 && len(alone) > 0 {
			return alone[:1]
		}
		if len(out) == 0 {
			return nil
		}
		return out
	case questionnaire.Text:
		return "some words of my own"
	case questionnaire.Date, questionnaire.Info:
		// no step of their own here (listed for the exhaustive check)
	}
	return nil
}
