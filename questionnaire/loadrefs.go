package questionnaire

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/candor-app/candor/internal/suggest"
	"github.com/candor-app/candor/internal/yamlpos"
	"go.yaml.in/yaml/v3"
)

// The parts of a bank that name others read before them: a score's items, weights and
// bands (after the questions), a test's answers and expectations (after everything else).

// scoreItems reads a score's `items`, the questions (read before it) it adds up, and
// `weights`, a factor for some of them.
func (l *loader) scoreItems(s *Score, sm map[string]yamlpos.Entry) {
	b := l.b
	e, ok := sm["items"]
	if !ok {
		return
	}
	var items []*yaml.Node
	if n := l.Resolve(e.Val, 3); n != nil && n.Kind == yaml.MappingNode {
		// `items: {section: ID}`, as SPEC §1 writes it: one section item.
		items = []*yaml.Node{n}
	} else {
		items = l.Sequence(e.Val, "a score's `items`", 3)
	}
	if items != nil && len(items) == 0 {
		l.errorf(l.pos(e.Val), "list the question ids it adds up", "score %q has no items", s.ID)
	}
	c := &itemCollector{l: l, s: s, seen: map[string]bool{}, seenSection: map[string]bool{}}
	for _, n := range items {
		n = l.Resolve(n, 4)
		if n == nil {
			continue
		}
		switch n.Kind {
		case yaml.ScalarNode:
			q := b.questionByID[n.Value]
			if q == nil {
				l.unknownQuestion(n, fmt.Sprintf("score %q", s.ID))
				continue
			}
			c.add(q, n)
		case yaml.MappingNode:
			c.section(n)
		default:
			l.errorf(l.pos(n), "write a question id, or `{section: ID}`", "a score item must be a question id or `{section: ID}`")
		}
	}
	// Keep items in bank order, whatever order they were listed in.
	isItem := make(map[*Question]bool, len(s.Items))
	for _, q := range s.Items {
		isItem[q] = true
	}
	ordered := make([]*Question, 0, len(s.Items))
	for _, q := range b.Questions {
		if isItem[q] {
			ordered = append(ordered, q)
		}
	}
	s.Items = ordered
	if s.MaxMissing > 0 && len(s.Items) > 0 && s.MaxMissing >= len(s.Items) {
		l.errorf(l.pos(sm["max_missing"].Val), fmt.Sprintf("at most %d for a score of %d items", len(s.Items)-1, len(s.Items)), "`max_missing` %d would let score %q have a value with no answers", s.MaxMissing, s.ID)
	}
	if e, ok := sm["weights"]; ok {
		l.scoreWeights(s, e, c.seen)
	}
	l.lowestNeedsMin(s, sm)
}

// lowestNeedsMin refuses `not_asked: lowest` and `missing: lowest` over an item with no lowest
// score (a number without `min`): it would count as minus infinity, leaving no value.
func (l *loader) lowestNeedsMin(s *Score, sm map[string]yamlpos.Entry) {
	for _, key := range []string{"not_asked", "missing"} {
		e, ok := sm[key]
		if !ok || (key == "not_asked" && s.NotAsked != CountLowest) || (key == "missing" && s.Missing != CountLowest) {
			continue
		}
		for _, q := range s.Items {
			if lo, _, _ := q.ScoreRange(); math.IsInf(lo, -1) {
				l.errorf(l.pos(e.Val), fmt.Sprintf("give %q a `min`, or leave `%s` out", q.ID, key),
					"score %q counts items as their lowest score (`%s: lowest`), but number question %q has no `min`, so it has no lowest score", s.ID, key, q.ID)
				break
			}
		}
	}
}

// itemCollector gathers the items of score s as they are listed, each question once.
type itemCollector struct {
	l                 *loader
	s                 *Score
	seen, seenSection map[string]bool
}

// add makes q an item, if it can be scored and is not one already.
func (c *itemCollector) add(q *Question, n *yaml.Node) {
	l, s := c.l, c.s
	if c.seen[q.ID] {
		l.errorf(l.pos(n), "list each question once; use `weights` to count one more", "question %q is in score %q twice", q.ID, s.ID)
		return
	}
	c.seen[q.ID] = true
	if !q.Scorable() {
		hint := "text answers have no score; remove it from `items`"
		switch q.Type {
		case Date:
			hint = "a date has no score; remove it from `items`"
		case Info:
			hint = "a statement takes no answer; remove it from `items`"
		case Text:
		default:
			hint = "give every option a `score`, or use number values"
		}
		l.errorf(l.pos(n), hint, "question %q cannot be scored (%s question)", q.ID, q.Type)
		return
	}
	s.Items = append(s.Items, q)
}

// section adds the questions of a `{section: ID}` item.
func (c *itemCollector) section(n *yaml.Node) {
	l, b, s := c.l, c.l.b, c.s
	m := l.Mapping(n, "a section item", []string{"section"}, []string{"section"}, 4)
	e, ok := m["section"]
	if !ok {
		return
	}
	id, _ := l.Str(e.Val, "`section`", 5)
	sec := b.sectionByID[id]
	if sec == nil {
		var ids []string
		for _, x := range b.Sections {
			ids = append(ids, x.ID)
		}
		hint := "the bank's sections: " + strings.Join(ids, ", ")
		if len(ids) == 0 {
			hint = "this bank has no sections; list question ids instead"
		}
		hint = suggest.DidYouMean(id, ids, hint)
		l.errorf(l.pos(e.Val), hint, "unknown section %q", id)
		return
	}
	if c.seenSection[id] {
		l.errorf(l.pos(e.Val), "list each section once", "section %q is in score %q twice", id, s.ID)
		return
	}
	c.seenSection[id] = true
	// A section score takes every question of the section but its text, date
	// and info ones, which have no score.
	for _, q := range sec.Questions {
		if q.Type != Text && q.Type != Date && q.Type != Info {
			c.add(q, e.Val)
		}
	}
}

// scoreWeights reads a score's `weights`: a factor for some of its items (seen).
func (l *loader) scoreWeights(s *Score, e yamlpos.Entry, seen map[string]bool) {
	b := l.b
	n := l.Resolve(e.Val, 3)
	if n == nil {
		return
	}
	if n.Kind != yaml.MappingNode {
		l.errorf(l.pos(n), "write `{question_id: factor}`", "`weights` must map question ids to numbers")
		return
	}
	s.Weights = map[string]float64{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		q := b.questionByID[k.Value]
		switch {
		case q == nil:
			l.unknownQuestion(k, fmt.Sprintf("a weight of score %q", s.ID))
			continue
		case !seen[q.ID]:
			l.errorf(l.pos(k), "add it to `items`, or remove its weight", "weight for question %q, which is not an item of score %q", k.Value, s.ID)
			continue
		}
		if f, ok := l.Number(v, "a weight", 4); ok {
			if f == 0 {
				l.warnf(l.pos(v), "remove the question from `items` instead", "weight 0 makes question %q count for nothing", k.Value)
			}
			s.Weights[k.Value] = f
		}
	}
}

// scoreRange checks that a score has a range it can be reported on: a mean needs weights
// that do not add up to 0, a percent a bounded range that is more than one point. It
// reports whether the range can be checked against the bands.
func (l *loader) scoreRange(s *Score, sm map[string]yamlpos.Entry) bool {
	if len(s.Items) == 0 {
		return false
	}
	switch s.Method {
	case Mean:
		var wsum float64
		for _, q := range s.Items {
			wsum += s.Weight(q.ID)
		}
		if wsum == 0 {
			p := s.Pos
			if n := sm["weights"].Val; n != nil {
				p = l.pos(n)
			}
			l.errorf(p, "a mean divides by the sum of the weights; make them add up to more than 0", "the weights of score %q add up to 0", s.ID)
			return false
		}
	case Percent:
		lo, hi := s.SumRange()
		switch {
		case isInf(lo) || isInf(hi):
			var open []string
			for _, q := range s.Items {
				if a, b, _ := q.ScoreRange(); isInf(a) || isInf(b) {
					open = append(open, q.ID)
				}
			}
			l.errorf(s.Pos, fmt.Sprintf("give %s both `min` and `max`, or use `method: sum`", strings.Join(quoteAll(open), ", ")),
				"percent score %q has no upper or lower limit, so it has no percent", s.ID)
			return false
		case hi-lo <= 0:
			l.errorf(s.Pos, "a percent is a place between the lowest and highest possible score; with every answer scoring the same there is none",
				"percent score %q has no range: every possible answer gives the same sum, %s", s.ID, formatNumber(lo))
			return false
		}
	}
	return true
}

func quoteAll(ids []string) []string {
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = "`" + id + "`"
	}
	return out
}

func (l *loader) unknownQuestion(n *yaml.Node, where string) {
	hint := ""
	if !l.busy() {
		// Past the diagnostics shown, hints are not worth their time.
		var ids []string
		for _, q := range l.b.Questions {
			ids = append(ids, q.ID)
		}
		hint = suggest.DidYouMean(n.Value, ids, hint)
	}
	what := "is not a question of this bank"
	if l.b.scoreByID[n.Value] != nil {
		what, hint = "is a score, not a question", "scores cannot be items of scores; list its questions"
	}
	l.errorf(l.pos(n), hint, "%s names %q, which %s", where, n.Value, what)
}

// bands checks that a score's bands ascend, have labels, and cover its whole possible range.
func (l *loader) bands(s *Score, sm map[string]yamlpos.Entry, checkRange bool) {
	e, ok := sm["bands"]
	if !ok {
		return
	}
	items := l.List(e.Val, "`bands`", 3)
	if items == nil {
		return
	}
	if len(items) == 0 {
		l.errorf(l.pos(e.Val), "", "score %q has an empty `bands` list", s.ID)
		return
	}
	ascending := true
	for i, n := range items {
		bm := l.Mapping(n, "a band", bandKeys, []string{"label"}, 4)
		if bm == nil {
			continue
		}
		band := &Band{Pos: l.pos(n), Label: l.optStr(bm, "label", "a band's `label`"), Text: l.optStr(bm, "text", "a band's `text`"),
			Hopeful: l.optBool(bm, "hopeful", 5), Together: l.optBool(bm, "together", 5)}
		if me, ok := bm["max"]; ok {
			band.Max, band.HasMax = l.Number(me.Val, "a band's `max`", 5)
		} else if i != len(items)-1 {
			l.errorf(band.Pos, "only the last band may leave out `max`", "band %q has no `max`", band.Label)
		}
		if k := len(s.Bands); k > 0 && band.HasMax && s.Bands[k-1].HasMax && band.Max <= s.Bands[k-1].Max {
			ascending = false
			l.errorf(l.pos(bm["max"].Val), "list bands from the lowest to the highest `max`", "the bands of score %q do not ascend: max %s is not above the band before it (max %s)", s.ID, formatNumber(band.Max), formatNumber(s.Bands[k-1].Max))
		}
		s.Bands = append(s.Bands, band)
	}
	if !checkRange || !ascending || len(s.Bands) != len(items) {
		return
	}
	lo, hi := s.Range()
	last := s.Bands[len(s.Bands)-1]
	if last.HasMax && last.Max < hi {
		hint := fmt.Sprintf("raise the last band's `max` to %s, or leave it out", formatNumber(hi))
		if isInf(hi) {
			hint = "a number item has no `max`, so leave the last band's `max` out"
		}
		l.errorf(last.Pos, hint, "the bands of score %q stop at %s, but it can reach %s", s.ID, formatNumber(last.Max), formatRange(hi))
	}
	prev := math.Inf(-1)
	for i, band := range s.Bands {
		switch {
		case band.HasMax && band.Max < lo && i < len(s.Bands)-1:
			l.warnf(band.Pos, fmt.Sprintf("score %q is never below %s", s.ID, formatNumber(lo)), "band %q can never be reached", band.Label)
		case i > 0 && prev >= hi:
			l.warnf(band.Pos, fmt.Sprintf("score %q is never above %s", s.ID, formatNumber(hi)), "band %q can never be reached", band.Label)
		}
		if band.HasMax {
			prev = band.Max
		}
	}
}

func formatRange(f float64) string {
	if isInf(f) {
		return "any value"
	}
	return formatNumber(f)
}

// test reads a test's `answers` and `expect`, which name questions, scores, flags and
// outcomes read before it.
func (l *loader) test(t *Test, tm map[string]yamlpos.Entry) {
	if e, ok := tm["answers"]; ok {
		l.testAnswers(t, e)
	}
	e, ok := tm["expect"]
	if !ok {
		return
	}
	em := l.Mapping(e.Val, "a test's `expect`", expectKeys, nil, 3)
	if em == nil {
		return
	}
	t.Expect.Pos = l.pos(e.Val)
	if oe, ok := em["outcome"]; ok {
		l.expectOutcome(t, oe)
	}
	l.expectScores(t, em)
	if fe, ok := em["flags"]; ok {
		l.expectFlags(t, fe)
	}
}

// testAnswers reads a test's `answers`, each checked as an answer to its question.
func (l *loader) testAnswers(t *Test, e yamlpos.Entry) {
	b := l.b
	t.Answers = Answers{}
	n := l.Resolve(e.Val, 3)
	if n == nil {
		return
	}
	if n.Kind != yaml.MappingNode {
		l.errorf(l.pos(n), "write `{question_id: answer, ...}`", "a test's `answers` must map question ids to answers")
		return
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		q := b.questionByID[k.Value]
		if q == nil {
			l.unknownQuestion(k, fmt.Sprintf("test %q", t.Name))
			continue
		}
		if v.Kind == yaml.ScalarNode && q.Declines(v.Value) {
			t.Declined = append(t.Declined, q.ID)
			continue
		}
		val, err := q.ParseNode(v)
		if err != nil {
			l.errorf(l.pos(v), q.Allowed(), "test %q: %v", t.Name, err)
			continue
		}
		if val != nil {
			t.Answers[q.ID] = val
		}
	}
}

// expectOutcome reads a test's `expect.outcome`: an outcome id, or null for none.
func (l *loader) expectOutcome(t *Test, oe yamlpos.Entry) {
	b := l.b
	t.Expect.HasOutcome = true
	n := l.Scalar(oe.Val, "`outcome`", 4)
	if n == nil || n.Tag == "!!null" {
		return
	}
	t.Expect.Outcome = n.Value
	if b.outcomeByID[n.Value] == nil {
		var ids []string
		for _, o := range b.Outcomes {
			ids = append(ids, o.ID)
		}
		hint := suggest.DidYouMean(n.Value, ids, "outcomes: "+strings.Join(ids, ", "))
		l.errorf(l.pos(n), hint, "test %q expects outcome %q, which the bank does not have", t.Name, n.Value)
	}
}

// expectScores reads a test's `expect.scores` and `expect.bands`.
func (l *loader) expectScores(t *Test, em map[string]yamlpos.Entry) {
	b := l.b
	scoreRef := func(k *yaml.Node) bool {
		if b.scoreByID[k.Value] != nil {
			return true
		}
		var ids []string
		for _, s := range b.Scores {
			ids = append(ids, s.ID)
		}
		hint := suggest.DidYouMean(k.Value, ids, "")
		l.errorf(l.pos(k), hint, "test %q names score %q, which the bank does not have", t.Name, k.Value)
		return false
	}
	if se, ok := em["scores"]; ok {
		t.Expect.Scores = expectByScore(l, se.Val, scoreRef, "`expect.scores` must map score ids to values", "write `{score_id: value}`",
			func(k, v *yaml.Node) (float64, bool) { return l.Number(v, "an expected score", 5) })
	}
	if be, ok := em["bands"]; ok {
		t.Expect.Bands = expectByScore(l, be.Val, scoreRef, "`expect.bands` must map score ids to band labels", "write `{score_id: band label}`",
			func(k, v *yaml.Node) (string, bool) {
				label, ok := l.Str(v, "an expected band", 5)
				if ok && !slices.ContainsFunc(b.scoreByID[k.Value].Bands, func(band *Band) bool { return band.Label == label }) {
					l.errorf(l.pos(v), "", "test %q expects band %q, which score %q does not have", t.Name, label, k.Value)
				}
				return label, ok
			})
	}
}

// expectFlags reads a test's `expect.flags`: the ids of every flag raised.
func (l *loader) expectFlags(t *Test, fe yamlpos.Entry) {
	b := l.b
	t.Expect.HasFlags = true
	t.Expect.Flags = []string{}
	for _, n := range l.Sequence(fe.Val, "`expect.flags`", 4) {
		id, ok := l.Str(n, "a flag id", 5)
		if !ok {
			continue
		}
		if b.flagByID[id] == nil {
			var ids []string
			for _, f := range b.Flags {
				ids = append(ids, f.ID)
			}
			hint := suggest.DidYouMean(id, ids, "")
			l.errorf(l.pos(n), hint, "test %q names flag %q, which the bank does not have", t.Name, id)
			continue
		}
		t.Expect.Flags = append(t.Expect.Flags, id)
	}
}

// expectByScore reads a test's `expect.scores` or `expect.bands`: a mapping from score ids
// (checked by known) to a value read by read, or null for "no value".
func expectByScore[V any](l *loader, n *yaml.Node, known func(*yaml.Node) bool, notMapping, hint string, read func(k, v *yaml.Node) (V, bool)) map[string]*V {
	out := map[string]*V{}
	n = l.Resolve(n, 4)
	if n == nil {
		return out
	}
	if n.Kind != yaml.MappingNode {
		l.errorf(l.pos(n), hint, "%s", notMapping)
		return out
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if !known(k) {
			continue
		}
		if v.Kind == yaml.ScalarNode && v.Tag == "!!null" {
			out[k.Value] = nil
			continue
		}
		if x, ok := read(k, v); ok {
			out[k.Value] = &x
		}
	}
	return out
}
