package scoring

import (
	"encoding/json"
	"fmt"
	"math"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/candor-app/candor/questionnaire"
)

// Property tests over generated banks and answers. Each uses fixed seeds, so a failure
// reproduces; the seed is in the failure message.

// genQuestion describes a generated question.
type genQuestion struct {
	id      string
	typ     string // yesno, scale, choice, multi, number
	lo, hi  int    // scale and number bounds
	scores  []int  // choice and multi option scores (values are 1..n)
	reverse bool
	when    string
}

// genBank describes a generated bank with one score.
type genBank struct {
	qs         []genQuestion
	items      []string
	method     string
	weights    map[string]float64
	maxMissing int
	round      int // -1: not set
	bandMaxes  []float64
	openLast   bool
}

func (g *genBank) yaml() string {
	var b strings.Builder
	b.WriteString("candor: 1\nid: gen\nversion: 1.0.0\ntitle: Generated\nquestions:\n")
	for _, q := range g.qs {
		fmt.Fprintf(&b, "  - id: %s\n    text: Question %s\n    type: %s\n", q.id, q.id, q.typ)
		switch q.typ {
		case "scale", "number":
			fmt.Fprintf(&b, "    min: %d\n    max: %d\n", q.lo, q.hi)
		case "choice", "multi":
			b.WriteString("    choices:\n")
			for i, s := range q.scores {
				fmt.Fprintf(&b, "      - {value: %d, label: Option %d, score: %d}\n", i+1, i+1, s)
			}
		}
		if q.reverse {
			b.WriteString("    reverse: true\n")
		}
		if q.when != "" {
			fmt.Fprintf(&b, "    when: %s\n", q.when)
		}
	}
	fmt.Fprintf(&b, "scores:\n  - id: total\n    label: Total\n    method: %s\n    items: [%s]\n", g.method, strings.Join(g.items, ", "))
	if len(g.weights) > 0 {
		b.WriteString("    weights: {")
		first := true
		for _, id := range g.items {
			if w, ok := g.weights[id]; ok {
				if !first {
					b.WriteString(", ")
				}
				fmt.Fprintf(&b, "%s: %g", id, w)
				first = false
			}
		}
		b.WriteString("}\n")
	}
	fmt.Fprintf(&b, "    max_missing: %d\n", g.maxMissing)
	if g.round >= 0 {
		fmt.Fprintf(&b, "    round: %d\n", g.round)
	}
	b.WriteString("    bands:\n")
	for i, m := range g.bandMaxes {
		fmt.Fprintf(&b, "      - {max: %g, label: Band %d}\n", m, i+1)
	}
	if g.openLast {
		fmt.Fprintf(&b, "      - {label: Band %d}\n", len(g.bandMaxes)+1)
	}
	return b.String()
}

// generate makes a random bank. With conditions, some questions are asked only when an
// earlier yes/no is yes or an earlier scale is high enough: conditions that need an answer,
// so removing an answer can only make fewer questions asked.
func generate(rng *rand.Rand, conditions bool) *genBank {
	g := &genBank{weights: map[string]float64{}, round: -1}
	n := 1 + rng.IntN(6)
	for i := range n {
		q := genQuestion{id: fmt.Sprintf("q%d", i+1)}
		switch rng.IntN(5) {
		case 0:
			q.typ = "yesno"
		case 1:
			q.typ = "scale"
			q.lo = rng.IntN(5) - 2
			q.hi = q.lo + 1 + rng.IntN(5)
		case 2:
			q.typ = "number"
			q.lo = rng.IntN(5) - 2
			q.hi = q.lo + 1 + rng.IntN(5)
		case 3, 4:
			q.typ = "choice"
			if rng.IntN(2) == 0 {
				q.typ = "multi"
			}
			for range 2 + rng.IntN(3) {
				q.scores = append(q.scores, rng.IntN(7)-2)
			}
		}
		q.reverse = rng.IntN(3) == 0
		if conditions && i > 0 && rng.IntN(3) == 0 {
			p := g.qs[rng.IntN(i)]
			switch p.typ {
			case "yesno":
				q.when = p.id + " == true"
			case "scale", "number":
				q.when = fmt.Sprintf("%s >= %d", p.id, p.lo+1)
			}
		}
		g.qs = append(g.qs, q)
	}
	for _, q := range g.qs {
		if len(g.items) == 0 || rng.IntN(4) > 0 {
			g.items = append(g.items, q.id)
			if rng.IntN(3) == 0 {
				g.weights[q.id] = []float64{0.5, 2, 3, 1.5}[rng.IntN(4)]
			}
		}
	}
	g.method = "sum"
	if lo, hi := g.rangeOf(); hi > lo { // percent and mean need a range to spread over
		g.method = []string{"sum", "sum", "mean", "percent"}[rng.IntN(4)]
	}
	g.maxMissing = rng.IntN(len(g.items)) // the validator wants at least one answer
	if rng.IntN(3) == 0 {
		g.round = rng.IntN(3)
	}
	// Bands: a few ascending cut-offs inside the possible range; the last open, or at the top.
	lo, hi := g.rangeOf()
	cuts := map[float64]bool{}
	for range rng.IntN(4) {
		c := lo + math.Round(rng.Float64()*(hi-lo)*4)/4 // quarters, inside [lo, hi]
		cuts[c] = true
	}
	for c := range cuts {
		g.bandMaxes = append(g.bandMaxes, c)
	}
	sortFloats(g.bandMaxes)
	g.openLast = len(g.bandMaxes) == 0 || rng.IntN(2) == 0
	if !g.openLast && g.bandMaxes[len(g.bandMaxes)-1] < hi {
		g.bandMaxes = append(g.bandMaxes, hi)
	}
	return g
}

func sortFloats(f []float64) {
	for i := 1; i < len(f); i++ {
		for j := i; j > 0 && f[j] < f[j-1]; j-- {
			f[j], f[j-1] = f[j-1], f[j]
		}
	}
}

// rangeOf is the score's possible range, worked out here independently of the engine.
func (g *genBank) rangeOf() (lo, hi float64) {
	var wsum float64
	for _, id := range g.items {
		q := g.question(id)
		a, b := q.itemRange()
		w := g.weight(id)
		lo, hi = lo+math.Min(w*a, w*b), hi+math.Max(w*a, w*b)
		wsum += w
	}
	switch g.method {
	case "mean":
		return lo / wsum, hi / wsum
	case "percent":
		return 0, 100
	}
	return lo, hi
}

func (g *genBank) weight(id string) float64 {
	if w, ok := g.weights[id]; ok {
		return w
	}
	return 1
}

func (g *genBank) question(id string) genQuestion {
	for _, q := range g.qs {
		if q.id == id {
			return q
		}
	}
	panic("no question " + id)
}

func (q genQuestion) itemRange() (lo, hi float64) {
	switch q.typ {
	case "yesno":
		return 0, 1
	case "scale", "number":
		return float64(q.lo), float64(q.hi)
	case "choice":
		lo, hi = math.Inf(1), math.Inf(-1)
		for _, s := range q.scores {
			lo, hi = math.Min(lo, float64(s)), math.Max(hi, float64(s))
		}
		return lo, hi
	}
	for _, s := range q.scores { // multi: any subset
		if s < 0 {
			lo += float64(s)
		} else {
			hi += float64(s)
		}
	}
	return lo, hi
}

// answerFor picks a random valid answer to q.
func answerFor(rng *rand.Rand, q genQuestion) any {
	switch q.typ {
	case "yesno":
		return rng.IntN(2) == 0
	case "scale", "number":
		return float64(q.lo + rng.IntN(q.hi-q.lo+1))
	case "choice":
		return float64(1 + rng.IntN(len(q.scores)))
	}
	out := []any{}
	for i := range q.scores {
		if rng.IntN(2) == 0 {
			out = append(out, float64(i+1))
		}
	}
	return out
}

// allAnswers lists every answer q can take (numbers as whole steps).
func allAnswers(q genQuestion) []any {
	switch q.typ {
	case "yesno":
		return []any{false, true}
	case "scale", "number":
		var out []any
		for v := q.lo; v <= q.hi; v++ {
			out = append(out, float64(v))
		}
		return out
	case "choice":
		var out []any
		for i := range q.scores {
			out = append(out, float64(i+1))
		}
		return out
	}
	var out []any
	for mask := 0; mask < 1<<len(q.scores); mask++ {
		sel := []any{}
		for i := range q.scores {
			if mask&(1<<i) != 0 {
				sel = append(sel, float64(i+1))
			}
		}
		out = append(out, sel)
	}
	return out
}

func loadGen(t *testing.T, g *genBank, seed uint64) *questionnaire.Bank {
	t.Helper()
	src := g.yaml()
	b, ds := questionnaire.Load("gen.yaml", []byte(src))
	require.NotNil(t, b, "seed %d: generated bank does not load:\n%v\n%s", seed, ds, src)
	return b
}

const propertySeeds = 200

// Reversing twice is the identity. A reversed question's score is min + max − the plain score
// and stays in range; and, reversing twice, a bank with every reverse flag toggled scores
// mirrored answers exactly as the original bank scores the originals.
func TestPropertyReverseTwice(t *testing.T) {
	for seed := uint64(1); seed <= propertySeeds; seed++ {
		rng := rand.New(rand.NewPCG(seed, 1))
		g := generate(rng, false)
		b := loadGen(t, g, seed)
		for _, q := range b.Questions {
			lo, hi, ok := q.ScoreRange()
			require.True(t, ok)
			plain, reversed := *q, *q
			plain.Reverse, reversed.Reverse = false, true
			for _, a := range allAnswers(g.question(q.ID)) {
				x, ok1 := plain.ItemScore(a)
				r, ok2 := reversed.ItemScore(a)
				require.True(t, ok1 && ok2, "seed %d %s %v", seed, q.ID, a)
				assert.Equal(t, lo+hi-x, r, "seed %d: %s = %v reversed", seed, q.ID, a)
				assert.True(t, r >= lo && r <= hi, "seed %d: reversed score stays in range", seed)
			}
		}
		// Bank level: toggling every reverse flag and mirroring every answer (x → lo+hi−x on a
		// scale or number, yes ↔ no) leaves every sum unchanged.
		mirrored := *g
		mirrored.qs = nil
		for _, q := range g.qs {
			q.reverse = !q.reverse
			mirrored.qs = append(mirrored.qs, q)
		}
		mb := loadGen(t, &mirrored, seed)
		a, ma := questionnaire.Answers{}, questionnaire.Answers{}
		mirrorable := true
		for _, q := range g.qs {
			v := answerFor(rng, q)
			a[q.id] = v
			switch q.typ {
			case "yesno":
				ma[q.id] = !v.(bool)
			case "scale", "number":
				ma[q.id] = float64(q.lo+q.hi) - v.(float64)
			default:
				mirrorable = false
			}
		}
		if mirrorable {
			r1, r2 := Score(b, a, Options{}), Score(mb, ma, Options{})
			assert.Equal(t, r1.Scores[0].Value, r2.Scores[0].Value, "seed %d: mirrored answers to mirrored bank", seed)
		}
	}
}

// With nothing missing, prorating changes nothing: the value is the same whatever
// max_missing allows, and it is not marked prorated.
func TestPropertyNoMissingNoProrating(t *testing.T) {
	for seed := uint64(1); seed <= propertySeeds; seed++ {
		rng := rand.New(rand.NewPCG(seed, 2))
		g := generate(rng, false)
		strict := *g
		strict.maxMissing = 0
		loose := *g
		loose.maxMissing = len(g.items) - 1
		b1, b2 := loadGen(t, &strict, seed), loadGen(t, &loose, seed)
		a := questionnaire.Answers{}
		for _, q := range g.qs {
			a[q.id] = answerFor(rng, q)
		}
		s1, s2 := Score(b1, a, Options{}).Scores[0], Score(b2, a, Options{}).Scores[0]
		require.NotNil(t, s1.Value, "seed %d: every item answered", seed)
		require.NotNil(t, s2.Value, "seed %d", seed)
		assert.Equal(t, *s1.Value, *s2.Value, "seed %d", seed)
		assert.False(t, s1.Prorated, "seed %d", seed)
		assert.False(t, s2.Prorated, "seed %d", seed)
		assert.Equal(t, len(g.items), s2.Answered)
	}
}

// Every possible total of a score falls in exactly one band (each band holds the values above
// the previous band's max up to its own), the engine picks that band, and the value lies in
// the score's possible range.
func TestPropertyEveryTotalInOneBand(t *testing.T) {
	checked := 0
	for seed := uint64(1); seed <= propertySeeds; seed++ {
		rng := rand.New(rand.NewPCG(seed, 3))
		g := generate(rng, false)
		b := loadGen(t, g, seed)
		// Every combination of answers to the score's items, when there are not too many.
		combos := 1
		var choices [][]any
		for _, id := range g.items {
			all := allAnswers(g.question(id))
			choices = append(choices, all)
			combos *= len(all)
		}
		if combos > 4000 {
			continue
		}
		idx := make([]int, len(choices))
		for {
			a := questionnaire.Answers{}
			for i, id := range g.items {
				a[id] = choices[i][idx[i]]
			}
			s := Score(b, a, Options{}).Scores[0]
			require.NotNil(t, s.Value, "seed %d", seed)
			v := *s.Value
			require.NotNil(t, s.Min)
			require.NotNil(t, s.Max)
			// Rounding may carry a value up to half a unit of its last place past the range.
			slack := 1e-9
			if g.round >= 0 {
				slack = 0.5 * math.Pow(10, -float64(g.round))
			}
			assert.True(t, v >= *s.Min-slack && v <= *s.Max+slack, "seed %d: %v outside %v..%v", seed, v, *s.Min, *s.Max)
			// A rounded value past the highest possible score belongs to the top band.
			v = math.Min(v, *s.Max)
			in := []string{}
			prev := math.Inf(-1)
			for i, band := range b.Scores[0].Bands {
				if v > prev && (!band.HasMax || v <= band.Max) {
					in = append(in, band.Label)
				}
				if band.HasMax {
					prev = band.Max
				} else if i != len(b.Scores[0].Bands)-1 {
					t.Fatalf("seed %d: only the last band may be open", seed)
				}
			}
			require.Len(t, in, 1, "seed %d: value %v is in bands %v\n%s", seed, v, in, g.yaml())
			require.NotNil(t, s.Band, "seed %d: value %v (%v)\n%s", seed, *s.Value, v, g.yaml())
			assert.Equal(t, in[0], *s.Band, "seed %d: value %v", seed, v)
			checked++
			// next combination
			k := 0
			for ; k < len(idx); k++ {
				idx[k]++
				if idx[k] < len(choices[k]) {
					break
				}
				idx[k] = 0
			}
			if k == len(idx) {
				break
			}
		}
	}
	assert.Greater(t, checked, 1000, "enough totals were checked")
}

// Removing an answer never raises `answered`, `asked`, or a score's answered count, and
// never brings back a value while the score counts as many items. (The
// generated conditions need an answer to hold; a `when` such as `q1 != true`, which holds
// when q1 is unanswered, could make a question asked once q1's answer is removed.)
func TestPropertyRemovingAnswers(t *testing.T) {
	for seed := uint64(1); seed <= propertySeeds; seed++ {
		rng := rand.New(rand.NewPCG(seed, 4))
		g := generate(rng, true)
		b := loadGen(t, g, seed)
		a := questionnaire.Answers{}
		for _, q := range g.qs {
			if rng.IntN(5) > 0 {
				a[q.id] = answerFor(rng, q)
			}
		}
		prev := Score(b, a, Options{})
		for len(a) > 0 {
			var ids []string
			for _, q := range g.qs {
				if _, ok := a[q.id]; ok {
					ids = append(ids, q.id)
				}
			}
			delete(a, ids[rng.IntN(len(ids))])
			r := Score(b, a, Options{})
			assert.LessOrEqual(t, r.Answered, prev.Answered, "seed %d", seed)
			assert.LessOrEqual(t, r.Asked, prev.Asked, "seed %d", seed)
			assert.LessOrEqual(t, r.Scores[0].Answered, prev.Scores[0].Answered, "seed %d", seed)
			if prev.Scores[0].Value == nil && r.Scores[0].Items == prev.Scores[0].Items {
				// (With fewer items asked, fewer can be missing: `not_asked: exclude`.)
				assert.Nil(t, r.Scores[0].Value, "seed %d: fewer answers never bring a value back", seed)
			}
			prev = r
		}
		assert.Equal(t, 0, prev.Answered)
		assert.Nil(t, prev.Scores[0].Value, "seed %d: with nothing answered there is no value, never 0", seed)
	}
}

// Score is deterministic: the same bank and answers give the same result every time, also
// from a second, separately built answers map (Go randomizes map iteration, so any
// dependence on it would show across runs).
func TestPropertyDeterministic(t *testing.T) {
	for seed := uint64(1); seed <= propertySeeds; seed++ {
		rng := rand.New(rand.NewPCG(seed, 5))
		g := generate(rng, true)
		b := loadGen(t, g, seed)
		a := questionnaire.Answers{}
		for _, q := range g.qs {
			if rng.IntN(4) > 0 {
				a[q.id] = answerFor(rng, q)
			}
		}
		again := questionnaire.Answers{}
		for i := len(g.qs) - 1; i >= 0; i-- {
			if v, ok := a[g.qs[i].id]; ok {
				again[g.qs[i].id] = v
			}
		}
		j1, err := json.Marshal(Score(b, a, Options{}))
		require.NoError(t, err)
		for range 3 {
			j2, err := json.Marshal(Score(b, again, Options{}))
			require.NoError(t, err)
			require.JSONEq(t, string(j1), string(j2), "seed %d", seed)
		}
	}
}
