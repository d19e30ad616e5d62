package scoring

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/candor-app/candor/questionnaire"
)

// FuzzScore builds a random valid bank from the fuzz bytes (questions of every type, scores
// with random methods, weights, max_missing and round, bands covering each score's range,
// flags and outcomes with simple conditions) and random answers, some of them invalid, and
// scores them. Invariants: no panic; every value lies within the score's [min, max] (give or
// take what `round` may carry it past); a value gets exactly one band when there are bands;
// asked ≥ answered; urgent flags come first; no outcome that does not name an urgent flag
// while one is raised. Seeds are in testdata/fuzz/FuzzScore, and plain `go test` replays them.
func FuzzScore(f *testing.F) {
	f.Add([]byte{})
	f.Add([]byte("\x05\x00\x01\x02\x03\x04\x05\x06\x07\x08\x09\x0a\x0b\x0c\x0d\x0e\x0f"))
	f.Add([]byte("candor fuzzes scores with many questions, weights, bands, flags and outcomes"))
	f.Add([]byte{7, 3, 3, 3, 3, 3, 3, 3, 3, 2, 1, 0, 2, 2, 2, 2, 2, 9, 9, 9, 9, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0})
	f.Fuzz(func(t *testing.T, data []byte) {
		g := &fuzzGen{data: data}
		spec := g.bank()
		b := spec.load(t)
		if b == nil {
			return
		}
		raw := spec.answers(g, b)
		answers := questionnaire.Answers{}
		for id, v := range raw {
			// What the command line does: answers that do not fit are refused.
			if n, err := b.Question(id).ParseValue(v); err == nil && n != nil {
				answers[id] = n
			}
		}
		r := Score(b, answers, Options{})
		checkResult(t, b, r)
		// Unchecked answers of any shape never make scoring panic.
		junk := questionnaire.Answers{}
		for id, v := range raw {
			junk[id] = v
		}
		_ = Score(b, junk, Options{})
	})
}

func checkResult(t *testing.T, b *questionnaire.Bank, r *Result) {
	t.Helper()
	if r.Asked < r.Answered || r.Asked > len(b.Questions) || r.Answered < 0 {
		t.Fatalf("asked %d, answered %d of %d questions", r.Asked, r.Answered, len(b.Questions))
	}
	if len(r.Scores) != len(b.Scores) {
		t.Fatalf("%d score results for %d scores", len(r.Scores), len(b.Scores))
	}
	for i, s := range r.Scores {
		sc := b.Scores[i]
		if s.Answered > s.Items || s.Needed < 1 || s.Needed > max(s.Items, 1) {
			t.Fatalf("score %s: answered %d of %d items, needs %d", s.ID, s.Answered, s.Items, s.Needed)
		}
		if s.Value == nil {
			if s.Band != nil {
				t.Fatalf("score %s has a band but no value", s.ID)
			}
			continue
		}
		v := *s.Value
		if math.IsNaN(v) || math.IsInf(v, 0) {
			t.Fatalf("score %s is %v", s.ID, v)
		}
		// Rounding may carry a value past the exact top or bottom by half a unit of the
		// last place kept (decided: it stays in the last band).
		slack := 1e-9 * math.Max(1, math.Abs(v))
		if sc.Round >= 0 {
			slack += 0.5 * math.Pow(10, -float64(sc.Round))
		}
		if s.Min != nil && v < *s.Min-slack {
			t.Fatalf("score %s is %v, below its minimum %v (answers: %v)\n%s", s.ID, v, *s.Min, r.Env, bankSrc(b))
		}
		if s.Max != nil && v > *s.Max+slack {
			t.Fatalf("score %s is %v, above its maximum %v (answers: %v)\n%s", s.ID, v, *s.Max, r.Env, bankSrc(b))
		}
		if len(sc.Bands) > 0 {
			if s.Band == nil {
				t.Fatalf("score %s = %v has no band of %d", s.ID, v, len(sc.Bands))
			}
			n := 0
			for _, band := range sc.Bands {
				if band.Label == *s.Band {
					n++
				}
			}
			if n != 1 {
				t.Fatalf("score %s = %v: band %q matches %d bands", s.ID, v, *s.Band, n)
			}
		} else if s.Band != nil {
			t.Fatalf("score %s has band %q but the score has no bands", s.ID, *s.Band)
		}
	}
	urgent := false
	for i, fl := range r.Flags {
		if i > 0 && fl.Level.Rank() < r.Flags[i-1].Level.Rank() {
			t.Fatalf("flag %s (%s) comes after %s (%s)", fl.ID, fl.Level, r.Flags[i-1].ID, r.Flags[i-1].Level)
		}
		urgent = urgent || fl.Level == questionnaire.Urgent
		if b.Flag(fl.ID) == nil {
			t.Fatalf("raised flag %q is not in the bank", fl.ID)
		}
	}
	if r.Outcome != nil {
		o := b.Outcome(r.Outcome.ID)
		if o == nil {
			t.Fatalf("outcome %q is not in the bank", r.Outcome.ID)
		}
		// Checked from the answers' side, not by the engine's own rule: every urgent flag the
		// outcome's condition names, evaluated afresh, and at least one of them is raised.
		if urgent {
			named := false
			for _, fl := range r.Flags {
				if fl.Level == questionnaire.Urgent && o.When != nil && slices.Contains(o.When.Names, fl.ID) {
					named = true
				}
			}
			if !named {
				t.Fatalf("outcome %q was chosen while an urgent flag is raised, and it names none that is raised", o.ID)
			}
		}
	}
}

// fuzzGen reads choices from the fuzz bytes; past their end every choice is 0.
type fuzzGen struct {
	data []byte
	i    int
}

func (g *fuzzGen) n(k int) int {
	if k <= 1 || g.i >= len(g.data) {
		if k > 1 {
			return 0
		}
		return 0
	}
	v := int(g.data[g.i])
	g.i++
	return v % k
}

type fq struct {
	id      string
	typ     string
	lo, hi  int   // scale; number when hasLo/hasHi
	hasLo   bool  // number
	hasHi   bool  // number
	values  []int // choice/multi option scores
	idVals  bool  // options have id values (with scores)
	reverse bool
	when    string
	req     bool
}

func (q *fq) bounded() bool {
	return q.typ != "number" || (q.hasLo && q.hasHi)
}

type fscore struct {
	id         string
	items      []string
	method     string
	weights    map[string]float64
	maxMissing int
	round      int
	bands      int // 0: none
}

type fflag struct {
	id, when, level string
}

type foutcome struct {
	id, when string
}

type fbank struct {
	qs       []*fq
	scores   []*fscore
	flags    []fflag
	outcomes []foutcome
}

var fuzzWeights = []float64{1, 2, 0.5, 3, 1.5, 1}

func (g *fuzzGen) bank() *fbank {
	b := &fbank{}
	nq := 1 + g.n(8)
	types := []string{"yesno", "choice", "multi", "scale", "number", "text"}
	for i := 0; i < nq; i++ {
		q := &fq{id: fmt.Sprintf("q%d", i+1), typ: types[g.n(len(types))]}
		switch q.typ {
		case "scale":
			q.lo = g.n(5) - 2
			q.hi = q.lo + 1 + g.n(9)
		case "number":
			q.hasLo, q.hasHi = g.n(3) > 0, g.n(3) > 0
			q.lo = g.n(11) - 5
			q.hi = q.lo + 1 + g.n(100)
		case "choice", "multi":
			k := 2 + g.n(4)
			q.idVals = g.n(2) == 0
			for j := 0; j < k; j++ {
				q.values = append(q.values, g.n(7)-2)
			}
			if !q.idVals {
				// Numeric values score themselves; they must differ.
				base := g.n(5) - 2
				for j := range q.values {
					base += 1 + g.n(2)
					q.values[j] = base
				}
			}
		}
		q.reverse = q.typ != "text" && q.bounded() && g.n(4) == 0
		q.req = g.n(3) == 0
		if i > 0 && g.n(4) == 0 {
			p := b.qs[g.n(i)]
			switch p.typ {
			case "yesno":
				q.when = p.id + " == true"
			case "scale", "number":
				q.when = fmt.Sprintf("%s >= %d", p.id, p.lo+g.n(3))
			}
		}
		b.qs = append(b.qs, q)
	}
	var scorable []*fq
	for _, q := range b.qs {
		if q.typ != "text" {
			scorable = append(scorable, q)
		}
	}
	if len(scorable) > 0 {
		ns := g.n(4)
		for i := 0; i < ns; i++ {
			s := &fscore{id: fmt.Sprintf("s%d", i+1), method: []string{"sum", "mean", "percent"}[g.n(3)], round: g.n(5) - 1, weights: map[string]float64{}}
			for _, q := range scorable {
				if g.n(3) > 0 {
					s.items = append(s.items, q.id)
					if g.n(3) == 0 {
						s.weights[q.id] = fuzzWeights[g.n(len(fuzzWeights))]
					}
				}
			}
			if len(s.items) == 0 {
				s.items = []string{scorable[g.n(len(scorable))].id}
			}
			s.maxMissing = g.n(len(s.items))
			s.bands = g.n(5)
			b.scores = append(b.scores, s)
		}
	}
	levels := []string{"urgent", "warning", "note", ""}
	nf := g.n(4)
	for i := 0; i < nf; i++ {
		fl := fflag{id: fmt.Sprintf("f%d", i+1), level: levels[g.n(len(levels))]}
		fl.when = b.condition(g)
		b.flags = append(b.flags, fl)
	}
	no := g.n(5)
	for i := 0; i < no; i++ {
		o := foutcome{id: fmt.Sprintf("o%d", i+1)}
		switch {
		case i == no-1 && g.n(2) == 0:
			// the fallback
		case len(b.flags) > 0 && g.n(2) == 0:
			o.when = b.flags[g.n(len(b.flags))].id
			if g.n(3) == 0 {
				o.when = "not " + o.when
			}
		default:
			o.when = b.condition(g)
		}
		b.outcomes = append(b.outcomes, o)
	}
	return b
}

// condition is a simple condition on a question or a score.
func (b *fbank) condition(g *fuzzGen) string {
	if len(b.scores) > 0 && g.n(2) == 0 {
		return fmt.Sprintf("%s >= %d", b.scores[g.n(len(b.scores))].id, g.n(10)-2)
	}
	q := b.qs[g.n(len(b.qs))]
	switch q.typ {
	case "yesno":
		return q.id + " == " + []string{"true", "false"}[g.n(2)]
	case "scale", "number":
		return fmt.Sprintf("%s <= %d", q.id, q.lo+g.n(4))
	}
	return q.id + " != nil"
}

func (b *fbank) yaml(ranges map[string][2]float64) string {
	var w strings.Builder
	w.WriteString("candor: 1\nid: fuzz\nversion: 1.0.0\ntitle: Fuzz\nquestions:\n")
	for _, q := range b.qs {
		fmt.Fprintf(&w, "  - id: %s\n    text: Question %s?\n    type: %s\n", q.id, q.id, q.typ)
		switch q.typ {
		case "scale":
			fmt.Fprintf(&w, "    min: %d\n    max: %d\n", q.lo, q.hi)
		case "number":
			if q.hasLo {
				fmt.Fprintf(&w, "    min: %d\n", q.lo)
			}
			if q.hasHi {
				fmt.Fprintf(&w, "    max: %d\n", q.hi)
			}
		case "choice", "multi":
			w.WriteString("    choices:\n")
			for j, v := range q.values {
				if q.idVals {
					fmt.Fprintf(&w, "      - {value: opt%d, label: Option %d, score: %d}\n", j+1, j+1, v)
				} else {
					fmt.Fprintf(&w, "      - {value: %d, label: Option %d}\n", v, j+1)
				}
			}
		}
		if q.reverse {
			w.WriteString("    reverse: true\n")
		}
		if q.req {
			w.WriteString("    required: true\n")
		}
		if q.when != "" {
			fmt.Fprintf(&w, "    when: %s\n", q.when)
		}
	}
	if len(b.scores) > 0 {
		w.WriteString("scores:\n")
	}
	for _, s := range b.scores {
		fmt.Fprintf(&w, "  - id: %s\n    label: Score %s\n    items: [%s]\n    method: %s\n", s.id, s.id, strings.Join(s.items, ", "), s.method)
		if len(s.weights) > 0 {
			var ws []string
			for _, id := range s.items {
				if x, ok := s.weights[id]; ok {
					ws = append(ws, fmt.Sprintf("%s: %g", id, x))
				}
			}
			fmt.Fprintf(&w, "    weights: {%s}\n", strings.Join(ws, ", "))
		}
		if s.maxMissing > 0 {
			fmt.Fprintf(&w, "    max_missing: %d\n", s.maxMissing)
		}
		if s.round >= 0 {
			fmt.Fprintf(&w, "    round: %d\n", s.round)
		}
		rg, ok := ranges[s.id]
		if s.bands == 0 || !ok {
			continue
		}
		w.WriteString("    bands:\n")
		lo, hi := rg[0], rg[1]
		open := math.IsInf(lo, 0) || math.IsInf(hi, 0) || s.bands == 1
		for k := 1; k <= s.bands; k++ {
			if k == s.bands && open {
				fmt.Fprintf(&w, "      - {label: Band %d}\n", k)
				continue
			}
			var top float64
			switch {
			case math.IsInf(lo, 0) || math.IsInf(hi, 0):
				top = float64(k * 3)
			case k == s.bands:
				top = hi
			default:
				top = lo + (hi-lo)*float64(k)/float64(s.bands)
			}
			fmt.Fprintf(&w, "      - {max: %s, label: Band %d, text: Text of band %d}\n", questionnaire.FormatNumber(top), k, k)
		}
	}
	if len(b.flags) > 0 {
		w.WriteString("flags:\n")
	}
	for _, fl := range b.flags {
		fmt.Fprintf(&w, "  - id: %s\n    when: %s\n    title: Flag %s\n", fl.id, fl.when, fl.id)
		if fl.level != "" {
			fmt.Fprintf(&w, "    level: %s\n", fl.level)
		}
	}
	if len(b.outcomes) > 0 {
		w.WriteString("outcomes:\n")
	}
	for _, o := range b.outcomes {
		fmt.Fprintf(&w, "  - id: %s\n    title: Outcome %s\n", o.id, o.id)
		if o.when != "" {
			fmt.Fprintf(&w, "    when: %s\n", o.when)
		}
	}
	return w.String()
}

// load loads the generated bank twice: first without bands to learn each score's range, then
// with bands that cover it. A generated bank that does not load is a failure of the
// generator or of the validator, never skipped.
func (b *fbank) load(t *testing.T) *questionnaire.Bank {
	t.Helper()
	src := b.yaml(nil)
	bank, ds := questionnaire.Load("fuzz.yaml", []byte(src))
	if bank == nil {
		if rejectable(ds) {
			return nil
		}
		t.Fatalf("generated bank does not load:\n%s\n%v", src, ds)
	}
	ranges := map[string][2]float64{}
	for _, s := range bank.Scores {
		lo, hi := s.Range()
		ranges[s.ID] = [2]float64{lo, hi}
	}
	src = b.yaml(ranges)
	bank, ds = questionnaire.Load("fuzz.yaml", []byte(src))
	if bank == nil {
		if rejectable(ds) {
			return nil
		}
		t.Fatalf("generated bank with bands does not load:\n%s\n%v", src, ds)
	}
	return bank
}

// rejectable reports diagnostics a random bank may rightly get: a percent score without a
// range, or a reverse-keyed item without both bounds.
func rejectable(ds questionnaire.Diagnostics) bool {
	for _, d := range ds.Errors() {
		s := d.Summary
		if !strings.Contains(s, "has no range") && !strings.Contains(s, "no upper or lower limit") &&
			!strings.Contains(s, "add up to 0") && !strings.Contains(s, "do not ascend") {
			return false
		}
	}
	return true
}

// answers gives every question a random answer: none, a valid one, or one that does not fit.
func (b *fbank) answers(g *fuzzGen, bank *questionnaire.Bank) map[string]any {
	out := map[string]any{}
	for _, q := range b.qs {
		pick := g.n(5)
		if pick == 0 {
			continue
		}
		valid := pick < 4
		switch q.typ {
		case "yesno":
			if valid {
				out[q.id] = g.n(2) == 0
			} else {
				out[q.id] = "maybe"
			}
		case "scale":
			if valid {
				out[q.id] = float64(q.lo + g.n(q.hi-q.lo+1))
			} else {
				out[q.id] = float64(q.hi + 1 + g.n(3))
			}
		case "number":
			switch {
			case !valid:
				out[q.id] = "many"
			case q.hasLo && q.hasHi:
				out[q.id] = float64(q.lo) + float64(g.n(1000))/1000*float64(q.hi-q.lo)
			default:
				out[q.id] = float64(g.n(200)-100) * math.Pow(10, float64(g.n(7)))
			}
		case "choice", "multi":
			opts := bank.Question(q.id).Options
			if !valid {
				out[q.id] = "no such option"
				continue
			}
			if q.typ == "choice" {
				out[q.id] = opts[g.n(len(opts))].Value
				continue
			}
			var list []any
			for _, o := range opts {
				if g.n(2) == 0 {
					list = append(list, o.Value)
				}
			}
			if g.n(8) == 0 && len(list) > 0 {
				list = append(list, list[0]) // chosen twice: refused
			}
			out[q.id] = list
		case "text":
			out[q.id] = strings.Repeat("words ", g.n(5))
		}
	}
	return out
}

func bankSrc(b *questionnaire.Bank) string { return string(b.Src) }
