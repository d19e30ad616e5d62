package fhir

import (
	"cmp"
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/candor-app/candor/interop/bankfile"
)

// calculated reads a calculated item: ok is true when the item is one (a calculatedExpression,
// a cqf-expression, or the LHC-Forms TOTALSCORE rule); the total is nil, warned about, when it is not a sum of
// item scores.
func (im *importer) calculated(it *Item, ptr string) (total *pendingTotal, ok bool) {
	if raw, has := it.Unknown["calculationMethod"]; has && strings.Contains(string(raw), "TOTALSCORE") {
		im.totalRest(it, ptr)
		return &pendingTotal{item: it, ptr: ptr, all: true}, true
	}
	for i, e := range it.Extension {
		if e.URL != URLCalculated && e.URL != URLCalculatedOld && e.URL != URLCQFExpression {
			continue
		}
		eptr := fmt.Sprintf("%s/extension/%d", ptr, i)
		var x Expression
		if !e.value("valueExpression", &x) {
			im.warn(WarnValue, eptr, e.URL)
			return nil, true
		}
		if e.URL == URLCQFExpression {
			// Computed, in a language candor does not read: left out, never asked.
			im.warn(WarnExpression, eptr, x.Expression)
			im.warn(WarnCalculated, ptr, it.LinkID)
			return nil, true
		}
		// The item's own variables come before its expression.
		for j, v := range it.Extension {
			if v.URL == URLVariable {
				im.variable(v, fmt.Sprintf("%s/extension/%d", ptr, j))
			}
		}
		if m := everyItemRE.FindStringSubmatch(strings.Join(strings.Fields(x.Expression), "")); m != nil && (m[1] == "" || m[1] == it.LinkID) {
			// The top-level items' scores: where the questions are in groups, FHIRPath's
			// `item` does not reach them, but the total plainly means them (warned).
			if slices.ContainsFunc(im.q.Item, func(g *Item) bool { return g.Type == "group" }) {
				im.warn(WarnTopLevel, eptr, x.Expression)
			}
			im.totalRest(it, ptr)
			return &pendingTotal{item: it, ptr: ptr, all: true}, true
		}
		links, all, sum := im.sumOf(x.Expression)
		if !sum {
			im.warn(WarnExpression, eptr, x.Expression)
			im.warn(WarnCalculated, ptr, it.LinkID)
			return nil, true
		}
		im.totalRest(it, ptr)
		return &pendingTotal{item: it, ptr: ptr, links: links, all: all}, true
	}
	return nil, false
}

// totalRest warns of what a total read as a score does not keep: its other extensions and
// members (readOnly and the rule itself aside, which the score says).
func (im *importer) totalRest(it *Item, ptr string) {
	for i, e := range it.Extension {
		if e.URL != URLCalculated && e.URL != URLCalculatedOld && e.URL != URLVariable {
			im.warn(WarnExtension, fmt.Sprintf("%s/extension/%d", ptr, i), e.URL)
		}
	}
	rest := Unknown{}
	for k, v := range it.Unknown {
		if k != "readOnly" && k != "calculationMethod" {
			rest[k] = v
		}
	}
	im.members(rest, ptr)
	for i := range it.EnableWhen {
		im.warn(WarnCondition, fmt.Sprintf("%s/enableWhen/%d", ptr, i), CondOperator)
	}
}

var (
	// everyItemRE is a sum of the top-level items' scores, but for the total itself (the SDC
	// PHQ-9: `%resource.item.where(linkId!='H1/TS').answer.value.weight().sum()`).
	everyItemRE = regexp.MustCompile(`^%resource\.item(?:\.where\(linkId!='([^']*)'\))?\.answer\.value\.(?:weight|ordinal)\(\)\.sum\(\)$`)
	existsRE    = regexp.MustCompile(`iif\(%(\w+)\.exists\(\),%(\w+),0\)`)
	wrapRE      = regexp.MustCompile(`^iif\(%(\w+),(.*),(\{\}|0)\)$`)
	varRE       = regexp.MustCompile(`^%(\w+)$`)
)

// sumOf reads a calculatedExpression that adds item scores: the LHC-Forms style over
// variables (`iif(%any_answered, iif(%a.exists(), %a, 0) + …, {})`), a direct sum of
// `…where(linkId='x').answer.value.ordinal()` terms, or the sum of every item's score
// (`…repeat(item).answer.value.ordinal().sum()`).
func (im *importer) sumOf(x string) (links []string, all, ok bool) {
	s := strings.Join(strings.Fields(x), "")
	s = existsRE.ReplaceAllStringFunc(s, func(m string) string {
		if sub := existsRE.FindStringSubmatch(m); sub[1] == sub[2] {
			return "%" + sub[1]
		}
		return m
	})
	var cond string
	if m := wrapRE.FindStringSubmatch(s); m != nil {
		cond, s = m[1], m[2]
	}
	if strings.HasPrefix(s, "(") && strings.HasSuffix(s, ")") && len(splitTop(s[1:len(s)-1], '+')) > 1 {
		s = s[1 : len(s)-1]
	}
	var names []string
	for _, term := range splitTop(s, '+') {
		if m := varRE.FindStringSubmatch(term); m != nil {
			link := im.vars[m[1]]
			if link == "" {
				return nil, false, false
			}
			names = append(names, m[1])
			links = append(links, link)
			continue
		}
		if strings.Contains(term, "repeat(item)") && strings.HasSuffix(term, ".sum()") && !linkIDRE.MatchString(term) &&
			(strings.Contains(term, "ordinal") || strings.Contains(term, "weight")) {
			all = true
			continue
		}
		link := scoreOf(term)
		if link == "" {
			return nil, false, false
		}
		links = append(links, link)
	}
	for _, n := range names {
		im.used[n] = true
	}
	if cond != "" {
		im.used[cond] = true
	}
	return links, all, true
}

// splitTop splits s at sep outside parentheses and quotes.
func splitTop(s string, sep byte) []string {
	var out []string
	depth, start := 0, 0
	quoted := false
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '\'':
			quoted = !quoted
		case quoted:
		case c == '(' || c == '{' || c == '[':
			depth++
		case c == ')' || c == '}' || c == ']':
			depth--
		case c == sep && depth == 0:
			out = append(out, s[start:i])
			start = i + 1
		}
	}
	return append(out, s[start:])
}

// scored reports whether the question gives an item score a sum can add.
func scored(q *bankfile.Question) bool {
	switch q.Type {
	case "yesno", "scale", "number":
		return true
	case "choice", "multi":
		opts, _ := q.Choices.([]*bankfile.Option)
		for _, o := range opts {
			if _, num := o.Value.(float64); o.Score == nil && !num {
				return false
			}
		}
		return len(opts) > 0
	}
	return false
}

// makeScores makes each total read as a sum a score of its items.
func (im *importer) makeScores() []*bankfile.Score {
	var out []*bankfile.Score
	for _, t := range im.totals {
		var items []string
		ok := true
		for _, l := range t.links {
			x := im.byLink[l]
			if x == nil || x.score || !scored(x.q) {
				ok = false
				break
			}
			items = append(items, x.q.ID)
		}
		if t.all {
			for _, q := range im.order[:t.at] {
				if (q.Type == "choice" || q.Type == "multi") && scored(q) && !slices.Contains(items, q.ID) {
					items = append(items, q.ID)
				}
			}
		}
		if !ok || len(items) == 0 {
			im.warn(WarnCalculated, t.ptr, t.item.LinkID)
			continue
		}
		s := &bankfile.Score{ID: claim(im.ids, t.item.LinkID, "total"), Label: cmp.Or(t.item.Text, t.item.LinkID), Items: items}
		if len(t.item.Code) > 0 {
			c := t.item.Code[0]
			s.Code = &bankfile.Coding{System: c.System, Code: c.Code, Display: c.Display}
		}
		im.byLink[t.item.LinkID] = &imported{score: true}
		out = append(out, s)
	}
	return out
}
