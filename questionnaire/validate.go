package questionnaire

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/expr-lang/expr/types"
)

// checker checks a bank read into the model, from the model: its conditions, compiled in the
// scope of what each may name, and the warnings about the bank as a whole.
type checker struct {
	*diags
	b *Bank
}

// validate compiles every condition (a `when`) in the scope of the names it may use, in the
// order they are decided, then looks for what is unused or unsafe.
func (c *checker) validate() {
	b := c.b
	sc := c.unansweredScope()
	for _, q := range b.Questions {
		c.questionWhen(sc, q)
	}
	for _, s := range b.Scores {
		if _, in := sc.check[s.ID]; s.ID != "" && !in {
			delete(sc.outOfScope, s.ID)
			sc.add(s.ID, types.Float64)
		}
	}
	for _, f := range b.Flags {
		if f.When != nil && !c.compile(f.When, fmt.Sprintf("the `when` of flag %q", f.ID), sc) {
			f.When = nil
		}
	}
	for _, f := range b.Flags {
		if f.ID != "" {
			delete(sc.outOfScope, f.ID)
			sc.add(f.ID, types.Bool)
		}
	}
	for _, o := range b.Outcomes {
		if o.When != nil && !c.compile(o.When, fmt.Sprintf("the `when` of outcome %q", o.ID), sc) {
			o.When = nil
		}
	}
	// Warnings about what is unused would mostly echo the errors (a question whose `when`
	// did not compile looks unused); they come once the errors are fixed.
	if !c.list.HasErrors() {
		c.warnings()
	}
}

// unansweredScope is the scope of `when` expressions before any question: every question, score
// and flag named, each with the reason it cannot be used yet.
func (c *checker) unansweredScope() *scope {
	b := c.b
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
func (c *checker) questionWhen(sc *scope, q *Question) {
	c.scoresBefore(sc, q)
	if sec := q.Section; sec != nil && len(sec.Questions) > 0 && sec.Questions[0] == q && sec.When != nil {
		c.sectionWhen(sc, sec)
	}
	if q.When != nil {
		if q.ID != "" {
			sc.outOfScope[q.ID] = "which is this question itself"
		}
		if !c.compile(q.When, fmt.Sprintf("the `when` of question %q", q.ID), sc) {
			q.When = nil
		}
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
func (c *checker) sectionWhen(sc *scope, sec *Section) {
	for _, x := range sec.Questions {
		if x.ID != "" {
			sc.outOfScope[x.ID] = "which is a question of this section"
		}
	}
	if !c.compile(sec.When, fmt.Sprintf("the `when` of section %q", sec.ID), sc) {
		sec.When = nil
	}
	for _, x := range sec.Questions {
		if x.ID != "" {
			sc.outOfScope[x.ID] = "which is asked later"
		}
	}
}

func (c *checker) warnings() {
	b := c.b
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
				c.warnf(q.Pos, "that is fine for a question asked only for reflection", "question %q is not used by any score, flag or outcome", q.ID)
			}
		}
	}
	c.lenientSafetyScores()
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
			c.warnf(f.Pos, fmt.Sprintf("add an outcome such as `{id: safety_first, when: %s, ...}` before the others", f.ID), "while urgent flag %q is raised no outcome can be chosen, because none names it", f.ID)
		}
	}
	c.unblockedHopeful()
	c.placeholders()
}

// unblockedHopeful warns about hopeful outcomes nothing can hold back: the bank marks no
// answer as a warning sign and has no urgent flag (docs/spec.md §1).
func (c *checker) unblockedHopeful() {
	b := c.b
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
			c.warnf(o.Pos, "mark the answers that should hold it back with `warning_sign`, or add an urgent flag for safety",
				"hopeful outcome %q can be chosen whatever the answers: no warning sign or urgent flag can hold it back", o.ID)
		}
	}
}

// lenientSafetyScores warns about an urgent flag whose condition names a score that lets
// items be missing (`max_missing` above 0): a skipped safety question is then prorated or
// counted as lowest and could keep the flag down. (Scoring still treats the skipped question
// as open; the warning is for the bank's author.)
func (c *checker) lenientSafetyScores() {
	for _, f := range c.b.Flags {
		if f.Level != Urgent || f.When == nil {
			continue
		}
		for _, n := range f.When.Names {
			if s := c.b.Score(n); s != nil && s.MaxMissing > 0 {
				c.warnf(f.Pos, "set `max_missing: 0` on a score that safety questions feed, or name those questions in the flag's `when`",
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
func (c *checker) placeholders() {
	b := c.b
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
		c.warnf(b.Pos, "replace it with your own words", "the bank still has placeholder text from `candor init`, such as %s", ph[0])
	}
	for _, src := range b.Sources {
		if ph := found(src.Title, src.Author, src.URL, src.Note); len(ph) > 0 {
			c.warnf(src.Pos, "write the real source, or remove it", "this source still has placeholder text from `candor init`, such as %s", ph[0])
		}
	}
}

// scoresBefore puts in scope, for question q's `when`, the scores whose items all come
// before q: their value is worked out from the answers so far.
func (c *checker) scoresBefore(sc *scope, q *Question) {
	for _, s := range c.b.Scores {
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
