package questionnaire

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/expr-lang/expr/types"
	"go.yaml.in/yaml/v3"
)

// validate is the second pass: everything that refers to something else.
func (l *loader) validate() {
	b := l.b
	sc := l.unansweredScope()
	// Items first: a question's `when` may name a score whose items all come before it.
	for _, s := range b.Scores {
		l.scoreItems(s)
	}
	for _, q := range b.Questions {
		l.questionWhen(sc, q)
	}
	for _, s := range b.Scores {
		l.bands(s, l.scoreRange(s))
	}
	for _, s := range b.Scores {
		if _, in := sc.check[s.ID]; s.ID != "" && !in {
			delete(sc.outOfScope, s.ID)
			sc.add(s.ID, types.Float64)
		}
	}
	for _, f := range b.Flags {
		if e, ok := l.fNodes[f]["when"]; ok {
			f.When = l.compile(e.val, fmt.Sprintf("the `when` of flag %q", f.ID), sc)
		}
	}
	for _, f := range b.Flags {
		if f.ID != "" {
			delete(sc.outOfScope, f.ID)
			sc.add(f.ID, types.Bool)
		}
	}
	for _, o := range b.Outcomes {
		if e, ok := l.oNodes[o]["when"]; ok {
			o.When = l.compile(e.val, fmt.Sprintf("the `when` of outcome %q", o.ID), sc)
		}
	}
	for _, t := range b.Tests {
		l.test(t)
	}
	// Warnings about what is unused would mostly echo the errors (a question whose `when`
	// did not compile looks unused); they come once the errors are fixed.
	if !l.diags.list.HasErrors() {
		l.warnings()
	}
}

// unansweredScope is the scope of `when` expressions before any question: every question, score
// and flag named, each with the reason it cannot be used yet.
func (l *loader) unansweredScope() *scope {
	b := l.b
	sc := newScope()
	for _, q := range b.Questions {
		if q.ID != "" {
			sc.outOfScope[q.ID] = "which is asked later"
		}
	}
	for _, s := range b.Scores {
		if s.ID != "" {
			sc.outOfScope[s.ID] = "which is a score"
		}
	}
	for _, f := range b.Flags {
		if f.ID != "" {
			sc.outOfScope[f.ID] = "which is a flag"
		}
	}
	return sc
}

// questionWhen compiles the `when` of q (and of the section q opens) in the scope of the
// questions before it, then brings q's answer into scope for those after it.
func (l *loader) questionWhen(sc *scope, q *Question) {
	l.scoresBefore(sc, q)
	if sec := q.Section; sec != nil && len(sec.Questions) > 0 && sec.Questions[0] == q {
		if e, ok := l.secNodes[sec]["when"]; ok {
			l.sectionWhen(sc, sec, e)
		}
	}
	if e, ok := l.qNodes[q]["when"]; ok {
		if q.ID != "" {
			sc.outOfScope[q.ID] = "which is this question itself"
		}
		q.When = l.compile(e.val, fmt.Sprintf("the `when` of question %q", q.ID), sc)
	}
	if q.ID == "" {
		return
	}
	if q.Type == Info {
		sc.outOfScope[q.ID] = "which is a statement to read, with no answer"
		return
	}
	delete(sc.outOfScope, q.ID)
	sc.add(q.ID, answerType(q))
}

// sectionWhen compiles a section's `when`, which cannot name the section's own questions.
func (l *loader) sectionWhen(sc *scope, sec *Section, e entry) {
	for _, x := range sec.Questions {
		if x.ID != "" {
			sc.outOfScope[x.ID] = "which is a question of this section"
		}
	}
	sec.When = l.compile(e.val, fmt.Sprintf("the `when` of section %q", sec.ID), sc)
	for _, x := range sec.Questions {
		if x.ID != "" {
			sc.outOfScope[x.ID] = "which is asked later"
		}
	}
}

func (l *loader) scoreItems(s *Score) {
	b := l.b
	sm := l.sNodes[s]
	e, ok := sm["items"]
	if !ok {
		return
	}
	var items []*yaml.Node
	if n := l.resolve(e.val, 3); n != nil && n.Kind == yaml.MappingNode {
		// `items: {section: ID}`, as SPEC §1 writes it: one section item.
		items = []*yaml.Node{n}
	} else {
		items = l.sequence(e.val, "a score's `items`", 3)
	}
	if items != nil && len(items) == 0 {
		l.errorf(l.pos(e.val), "list the question ids it adds up", "score %q has no items", s.ID)
	}
	c := &itemCollector{l: l, s: s, seen: map[string]bool{}, seenSection: map[string]bool{}}
	for _, n := range items {
		n = l.resolve(n, 4)
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
		l.errorf(l.pos(sm["max_missing"].val), fmt.Sprintf("at most %d for a score of %d items", len(s.Items)-1, len(s.Items)), "`max_missing` %d would let score %q have a value with no answers", s.MaxMissing, s.ID)
	}
	if e, ok := sm["weights"]; ok {
		l.scoreWeights(s, e, c.seen)
	}
	l.lowestNeedsMin(s, sm)
}

// lowestNeedsMin refuses `not_asked: lowest` and `missing: lowest` over an item with no lowest
// score (a number without `min`): it would count as minus infinity, leaving no value.
func (l *loader) lowestNeedsMin(s *Score, sm map[string]entry) {
	for _, key := range []string{"not_asked", "missing"} {
		e, ok := sm[key]
		if !ok || (key == "not_asked" && s.NotAsked != CountLowest) || (key == "missing" && s.Missing != CountLowest) {
			continue
		}
		for _, q := range s.Items {
			if lo, _, _ := q.ScoreRange(); math.IsInf(lo, -1) {
				l.errorf(l.pos(e.val), fmt.Sprintf("give %q a `min`, or leave `%s` out", q.ID, key),
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
	m := l.mapping(n, "a section item", []string{"section"}, []string{"section"}, 4)
	e, ok := m["section"]
	if !ok {
		return
	}
	id, _ := l.str(e.val, "`section`", 5)
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
		hint = DidYouMean(id, ids, hint)
		l.errorf(l.pos(e.val), hint, "unknown section %q", id)
		return
	}
	if c.seenSection[id] {
		l.errorf(l.pos(e.val), "list each section once", "section %q is in score %q twice", id, s.ID)
		return
	}
	c.seenSection[id] = true
	// A section score takes every question of the section but its text, date
	// and info ones, which have no score.
	for _, q := range sec.Questions {
		if q.Type != Text && q.Type != Date && q.Type != Info {
			c.add(q, e.val)
		}
	}
}

// scoreWeights reads a score's `weights`: a factor for some of its items (seen).
func (l *loader) scoreWeights(s *Score, e entry, seen map[string]bool) {
	b := l.b
	n := l.resolve(e.val, 3)
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
		if f, ok := l.number(v, "a weight", 4); ok {
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
func (l *loader) scoreRange(s *Score) bool {
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
			if n := l.sNodes[s]["weights"].val; n != nil {
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
		hint = DidYouMean(n.Value, ids, hint)
	}
	what := "is not a question of this bank"
	if l.b.scoreByID[n.Value] != nil {
		what, hint = "is a score, not a question", "scores cannot be items of scores; list its questions"
	}
	l.errorf(l.pos(n), hint, "%s names %q, which %s", where, n.Value, what)
}

// bands checks that a score's bands ascend, have labels, and cover its whole possible range.
func (l *loader) bands(s *Score, checkRange bool) {
	e, ok := l.sNodes[s]["bands"]
	if !ok {
		return
	}
	items := l.list(e.val, "`bands`", 3)
	if items == nil {
		return
	}
	if len(items) == 0 {
		l.errorf(l.pos(e.val), "", "score %q has an empty `bands` list", s.ID)
		return
	}
	ascending := true
	for i, n := range items {
		bm := l.mapping(n, "a band", bandKeys, []string{"label"}, 4)
		if bm == nil {
			continue
		}
		band := &Band{Pos: l.pos(n), Label: l.optStr(bm, "label", "a band's `label`"), Text: l.optStr(bm, "text", "a band's `text`"),
			Hopeful: l.optBool(bm, "hopeful", 5), Together: l.optBool(bm, "together", 5)}
		if me, ok := bm["max"]; ok {
			band.Max, band.HasMax = l.number(me.val, "a band's `max`", 5)
		} else if i != len(items)-1 {
			l.errorf(band.Pos, "only the last band may leave out `max`", "band %q has no `max`", band.Label)
		}
		if k := len(s.Bands); k > 0 && band.HasMax && s.Bands[k-1].HasMax && band.Max <= s.Bands[k-1].Max {
			ascending = false
			l.errorf(l.pos(bm["max"].val), "list bands from the lowest to the highest `max`", "the bands of score %q do not ascend: max %s is not above the band before it (max %s)", s.ID, formatNumber(band.Max), formatNumber(s.Bands[k-1].Max))
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

func (l *loader) test(t *Test) {
	tm := l.tNodes[t]
	if e, ok := tm["answers"]; ok {
		l.testAnswers(t, e)
	}
	e, ok := tm["expect"]
	if !ok {
		return
	}
	em := l.mapping(e.val, "a test's `expect`", expectKeys, nil, 3)
	if em == nil {
		return
	}
	t.Expect.Pos = l.pos(e.val)
	if oe, ok := em["outcome"]; ok {
		l.expectOutcome(t, oe)
	}
	l.expectScores(t, em)
	if fe, ok := em["flags"]; ok {
		l.expectFlags(t, fe)
	}
}

// testAnswers reads a test's `answers`, each checked as an answer to its question.
func (l *loader) testAnswers(t *Test, e entry) {
	b := l.b
	t.Answers = Answers{}
	n := l.resolve(e.val, 3)
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
func (l *loader) expectOutcome(t *Test, oe entry) {
	b := l.b
	t.Expect.HasOutcome = true
	n := l.scalar(oe.val, "`outcome`", 4)
	if n == nil || n.Tag == "!!null" {
		return
	}
	t.Expect.Outcome = n.Value
	if b.outcomeByID[n.Value] == nil {
		var ids []string
		for _, o := range b.Outcomes {
			ids = append(ids, o.ID)
		}
		hint := DidYouMean(n.Value, ids, "outcomes: "+strings.Join(ids, ", "))
		l.errorf(l.pos(n), hint, "test %q expects outcome %q, which the bank does not have", t.Name, n.Value)
	}
}

// expectScores reads a test's `expect.scores` and `expect.bands`.
func (l *loader) expectScores(t *Test, em map[string]entry) {
	b := l.b
	scoreRef := func(k *yaml.Node) bool {
		if b.scoreByID[k.Value] != nil {
			return true
		}
		var ids []string
		for _, s := range b.Scores {
			ids = append(ids, s.ID)
		}
		hint := DidYouMean(k.Value, ids, "")
		l.errorf(l.pos(k), hint, "test %q names score %q, which the bank does not have", t.Name, k.Value)
		return false
	}
	if se, ok := em["scores"]; ok {
		t.Expect.Scores = expectByScore(l, se.val, scoreRef, "`expect.scores` must map score ids to values", "write `{score_id: value}`",
			func(k, v *yaml.Node) (float64, bool) { return l.number(v, "an expected score", 5) })
	}
	if be, ok := em["bands"]; ok {
		t.Expect.Bands = expectByScore(l, be.val, scoreRef, "`expect.bands` must map score ids to band labels", "write `{score_id: band label}`",
			func(k, v *yaml.Node) (string, bool) {
				label, ok := l.str(v, "an expected band", 5)
				if ok && !slices.ContainsFunc(b.scoreByID[k.Value].Bands, func(band *Band) bool { return band.Label == label }) {
					l.errorf(l.pos(v), "", "test %q expects band %q, which score %q does not have", t.Name, label, k.Value)
				}
				return label, ok
			})
	}
}

// expectFlags reads a test's `expect.flags`: the ids of every flag raised.
func (l *loader) expectFlags(t *Test, fe entry) {
	b := l.b
	t.Expect.HasFlags = true
	t.Expect.Flags = []string{}
	for _, n := range l.sequence(fe.val, "`expect.flags`", 4) {
		id, ok := l.str(n, "a flag id", 5)
		if !ok {
			continue
		}
		if b.flagByID[id] == nil {
			var ids []string
			for _, f := range b.Flags {
				ids = append(ids, f.ID)
			}
			hint := DidYouMean(id, ids, "")
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
	n = l.resolve(n, 4)
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

func (l *loader) warnings() {
	b := l.b
	used := map[string]bool{}
	for _, s := range b.Scores {
		for _, q := range s.Items {
			used[q.ID] = true
		}
	}
	mark := func(x *Expr) {
		if x != nil {
			for _, n := range x.Names {
				used[n] = true
			}
		}
	}
	for _, q := range b.Questions {
		mark(q.When)
	}
	for _, sec := range b.Sections {
		mark(sec.When)
	}
	for _, f := range b.Flags {
		mark(f.When)
	}
	for _, o := range b.Outcomes {
		mark(o.When)
	}
	if len(b.Scores)+len(b.Flags)+len(b.Outcomes) > 0 {
		for _, q := range b.Questions {
			if q.ID != "" && q.Type != Text && q.Type != Info && q.Type != Date && !used[q.ID] {
				l.warnf(q.Pos, "that is fine for a question asked only for reflection", "question %q is not used by any score, flag or outcome", q.ID)
			}
		}
	}
	l.lenientSafetyScores()
	for _, f := range b.Flags {
		if f.Level != Urgent || f.ID == "" || len(b.Outcomes) == 0 {
			continue
		}
		named := false
		for _, o := range b.Outcomes {
			if o.When != nil && contains(o.When.Names, f.ID) {
				named = true
			}
		}
		if !named {
			l.warnf(f.Pos, fmt.Sprintf("add an outcome such as `{id: safety_first, when: %s, ...}` before the others", f.ID), "while urgent flag %q is raised no outcome can be chosen, because none names it", f.ID)
		}
	}
	l.unblockedHopeful()
	l.placeholders()
}

// unblockedHopeful warns about hopeful outcomes nothing can hold back: the bank marks no
// answer as a warning sign and has no urgent flag (docs/spec.md §1).
func (l *loader) unblockedHopeful() {
	b := l.b
	for _, q := range b.Questions {
		if len(q.WarningSign) > 0 {
			return
		}
	}
	for _, f := range b.Flags {
		if f.Level == Urgent {
			return
		}
	}
	for _, o := range b.Outcomes {
		if o.Hopeful {
			l.warnf(o.Pos, "mark the answers that should hold it back with `warning_sign`, or add an urgent flag for safety",
				"hopeful outcome %q can be chosen whatever the answers: no warning sign or urgent flag can hold it back", o.ID)
		}
	}
}

// lenientSafetyScores warns about an urgent flag whose condition names a score that lets
// items be missing (`max_missing` above 0): a skipped safety question is then prorated or
// counted as lowest and could keep the flag down. (Scoring still treats the skipped question
// as open; the warning is for the bank's author.)
func (l *loader) lenientSafetyScores() {
	for _, f := range l.b.Flags {
		if f.Level != Urgent || f.When == nil {
			continue
		}
		for _, n := range f.When.Names {
			if s := l.b.Score(n); s != nil && s.MaxMissing > 0 {
				l.warnf(f.Pos, "set `max_missing: 0` on a score that safety questions feed, or name those questions in the flag's `when`",
					"urgent flag %q depends on score %q, which allows %d missing item(s) (missing: %s): a skipped safety question could keep the flag down", f.ID, s.ID, s.MaxMissing, s.Missing)
			}
		}
	}
}

// placeholderTexts is the text `candor init`'s starter bank leaves for the counselor to replace;
// a bank that still has it gets a warning. A value containing one of these (any case) is a
// placeholder.
var placeholderTexts = []string{"Your name", "example.org", "example.com", "Your own notes, or the article or book this bank draws on", "A line on what you took from it."}

// placeholders warns about starter text left in the bank's title, intro, outro and sources.
func (l *loader) placeholders() {
	b := l.b
	// found is the first placeholder in vs, or nothing.
	found := func(vs ...string) []string {
		for _, ph := range placeholderTexts {
			for _, v := range vs {
				if strings.Contains(strings.ToLower(v), strings.ToLower(ph)) {
					return []string{strconv.Quote(ph)}
				}
			}
		}
		return nil
	}
	if ph := found(b.Title, b.Intro, b.Outro); len(ph) > 0 {
		l.warnf(b.Pos, "replace it with your own words", "the bank still has placeholder text, such as %s", ph[0])
		l.coded(CodePlaceholder)
	}
	for _, src := range b.Sources {
		if ph := found(src.Title, src.Author, src.URL, src.Note); len(ph) > 0 {
			l.warnf(src.Pos, "write the real source, or remove it", "this source still has placeholder text, such as %s", ph[0])
			l.coded(CodePlaceholder)
		}
	}
}

// scoresBefore puts in scope, for question q's `when`, the scores whose items all come
// before q: their value is worked out from the answers so far.
func (l *loader) scoresBefore(sc *scope, q *Question) {
	for _, s := range l.b.Scores {
		if s.ID == "" || len(s.Items) == 0 {
			continue
		}
		if _, in := sc.check[s.ID]; in {
			continue
		}
		last := s.Items[len(s.Items)-1]
		if last.Index < q.Index {
			delete(sc.outOfScope, s.ID)
			sc.add(s.ID, types.Float64)
			continue
		}
		sc.outOfScope[s.ID] = fmt.Sprintf("which is a score that adds up %q, not yet asked at this point", last.ID)
	}
}
