package fhir

import (
	"cmp"
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"strconv"

	"github.com/candor-app/candor/interop/bankfile"
)

// top reads the Questionnaire's items: groups become sections, and items between groups a
// section of their own; without groups the items are the bank's questions.
func (im *importer) top(b *bankfile.Bank, items []*Item) {
	hasGroup := slices.ContainsFunc(items, func(it *Item) bool { return it.Type == "group" })
	if !hasGroup {
		b.Questions = im.questions(items, "/item", "")
		return
	}
	var loose *bankfile.Section
	for i, it := range items {
		ptr := fmt.Sprintf("/item/%d", i)
		if it.Type != "group" {
			if loose == nil {
				loose = &bankfile.Section{ID: claim(im.sectionIDs, "part", "part")}
				b.Sections = append(b.Sections, loose)
			}
			loose.Questions = append(loose.Questions, im.item(it, ptr, "")...)
			continue
		}
		loose = nil
		s := &bankfile.Section{ID: claim(im.sectionIDs, it.LinkID, "section"), Title: it.Text}
		s.When = im.when(it, ptr)
		own := im.groupExtensions(s, it.Extension, ptr)
		if own[urlWhen] {
			s.When = im.ownWhen
		}
		im.itemMembers(it, ptr)
		s.Questions = im.questions(it.Item, ptr+"/item", "")
		if len(s.Questions) == 0 {
			im.sectionIDs[s.ID] = false
			continue
		}
		b.Sections = append(b.Sections, s)
	}
	b.Sections = slices.DeleteFunc(b.Sections, func(s *bankfile.Section) bool { return len(s.Questions) == 0 })
}

// questions reads a list of items; when is a condition every one of them inherits (a nested
// group's).
func (im *importer) questions(items []*Item, ptr, when string) []*bankfile.Question {
	var qs []*bankfile.Question
	for i, it := range items {
		qs = append(qs, im.item(it, fmt.Sprintf("%s/%d", ptr, i), when)...)
	}
	return qs
}

// itemMembers warns of an item's members that are not mapped.
func (im *importer) itemMembers(it *Item, ptr string) {
	im.members(it.Unknown, ptr)
	for i, ew := range it.EnableWhen {
		im.members(ew.Unknown, fmt.Sprintf("%s/enableWhen/%d", ptr, i))
	}
}

// and joins two conditions.
func and(a, b string) string {
	switch {
	case a == "":
		return b
	case b == "":
		return a
	}
	return "(" + a + ") and (" + b + ")"
}

// item reads one item: usually one question, more when it has items of its own (taken out
// after it), none when it cannot be asked.
func (im *importer) item(it *Item, ptr, inherited string) []*bankfile.Question {
	if it.Type == "group" {
		im.warn(WarnNested, ptr, it.LinkID)
		im.itemMembers(it, ptr)
		when := and(inherited, im.when(it, ptr))
		var qs []*bankfile.Question
		if it.Text != "" {
			qs = append(qs, im.newQuestion(it, "info", when))
		}
		return append(qs, im.questions(it.Item, ptr+"/item", when)...)
	}
	if calc, ok := im.calculated(it, ptr); ok {
		if calc != nil {
			calc.at = len(im.order)
			im.totals = append(im.totals, *calc)
		}
		return nil
	}
	q := im.question(it, ptr, inherited)
	if q == nil {
		return nil
	}
	qs := []*bankfile.Question{q}
	for i, child := range it.Item {
		cptr := fmt.Sprintf("%s/item/%d", ptr, i)
		if child.Type == "display" && hasControl(child, "help") && q.Help == "" {
			q.Help = child.Text
			continue
		}
		im.warn(WarnNested, cptr, child.LinkID)
		qs = append(qs, im.item(child, cptr, inherited)...)
	}
	return qs
}

// hasControl reports whether the item's itemControl is code.
func hasControl(it *Item, code string) bool {
	for _, e := range it.Extension {
		var cc CodeableConcept
		if e.URL == URLItemControl && e.value("valueCodeableConcept", &cc) {
			for _, c := range cc.Coding {
				if c.Code == code {
					return true
				}
			}
		}
	}
	return false
}

// candor types by FHIR item type; "" leaves the item out.
var itemTypes = map[string]string{
	"display": "info", "boolean": "yesno", "choice": "choice", "open-choice": "choice",
	"integer": "number", "decimal": "number", "quantity": "number",
	"string": "text", "text": "text", "url": "text", "time": "text",
	"date": "date", "dateTime": "date", "attachment": "", "reference": "",
}

// exact are the FHIR types mapped without a warning.
var exact = []string{"display", "boolean", "choice", "integer", "decimal", "string", "text", "date"}

func (im *importer) newQuestion(it *Item, typ, when string) *bankfile.Question {
	q := &bankfile.Question{ID: claim(im.ids, it.LinkID, "q"), Type: typ, Text: it.Text, When: when}
	if len(it.Code) > 0 {
		c := it.Code[0]
		q.Code = &bankfile.Coding{System: c.System, Code: c.Code, Display: c.Display}
	}
	im.byLink[it.LinkID] = &imported{q: q, index: len(im.order)}
	im.order = append(im.order, q)
	return q
}

func (im *importer) question(it *Item, ptr, inherited string) *bankfile.Question {
	typ, known := itemTypes[it.Type]
	if !known || typ == "" {
		im.warn(WarnType, ptr+"/type", it.Type+">")
		return nil
	}
	if !slices.Contains(exact, it.Type) && it.Type != "open-choice" {
		im.warn(WarnType, ptr+"/type", it.Type+">"+typ)
	}
	if it.Type == "open-choice" {
		im.warn(WarnOpenChoice, ptr+"/type", it.LinkID)
	}
	im.itemMembers(it, ptr)
	when := and(inherited, im.when(it, ptr))
	q := im.newQuestion(it, typ, when)
	if q.Text == "" {
		q.Text = it.LinkID
		im.warn(WarnNoText, ptr, it.LinkID)
	}
	repeats := it.Repeats != nil && *it.Repeats
	if repeats && typ != "choice" {
		im.warn(WarnRepeats, ptr+"/repeats", it.LinkID)
	}
	own := im.itemExtensions(q, it, ptr)
	if typ == "choice" {
		if repeats {
			q.Type = "multi"
		}
		im.choices(q, it, ptr)
	}
	if own[urlWhen] {
		q.When = and(inherited, im.ownWhen)
	}
	if typ != "info" && (it.Required == nil || !*it.Required) {
		q.Required = new(false)
	}
	return q
}

// rawOption is one answer as the file gives it, before it is made an option.
type rawOption struct {
	code, label string
	value       any
	score       *float64
	coding      *Coding
	exclusive   bool
	parsed      bool
}

// answerOptions reads an item's answerOptions.
func (im *importer) answerOptions(it *Item, ptr string) []rawOption {
	var rs []rawOption
	for i, o := range it.AnswerOption {
		optr := fmt.Sprintf("%s/answerOption/%d", ptr, i)
		im.members(o.Unknown, optr)
		var r rawOption
		switch {
		case o.ValueCoding != nil:
			c := o.ValueCoding
			im.members(c.Unknown, optr+"/valueCoding")
			r.code, r.label, r.coding = c.Code, cmp.Or(c.Display, c.Code), c
			r.score = im.optionScore(c.Extension, optr+"/valueCoding")
		case o.ValueInteger != nil:
			r.code = strconv.FormatInt(*o.ValueInteger, 10)
			r.label = r.code
		case o.ValueString != nil:
			r.code, r.label = *o.ValueString, *o.ValueString
		}
		if s := im.optionScore(o.Extension, optr); s != nil {
			r.score = s
		}
		var label string
		r.value, label, r.exclusive = im.optionExtensions(o.Extension, optr)
		if label != "" {
			r.label = label
		}
		rs = append(rs, r)
	}
	return rs
}

// choices reads a choice item's options: its answerOptions, else the answers of the
// contained ValueSet its answerValueSet names.
func (im *importer) choices(q *bankfile.Question, it *Item, ptr string) {
	var rs []rawOption
	switch {
	case len(it.AnswerOption) > 0:
		rs = im.answerOptions(it, ptr)
		if it.AnswerValueSet != "" {
			im.warn(WarnValueSet, ptr+"/answerValueSet", it.AnswerValueSet)
		}
	case it.AnswerValueSet != "":
		rs = slices.Clone(im.valueSetOptions(it.AnswerValueSet))
		if rs == nil {
			im.warn(WarnValueSet, ptr+"/answerValueSet", it.AnswerValueSet)
		}
	}
	if len(rs) == 0 {
		q.Type = "text"
		return
	}
	numeric := true
	for i, r := range rs {
		if r.value == nil {
			if f, err := strconv.ParseFloat(r.code, 64); err == nil && r.code != "" && !math.IsInf(f, 0) && !math.IsNaN(f) {
				rs[i].value, rs[i].parsed = f, true
			} else {
				numeric = false
			}
		}
	}
	if len(rs) > MaxOptions {
		im.tooMany = &Error{Code: ErrTooMany, Pointer: fmt.Sprintf("%s/answerOption/%d", ptr, MaxOptions), Detail: "options"}
		return
	}
	if !numeric {
		// Values are all numbers or all ids: numbers read from codes become ids.
		for i := range rs {
			if rs[i].parsed {
				rs[i].value = nil
			}
		}
	}
	// Values: the numbers written, else the scores when they tell the options apart, else ids
	// made of the codes.
	byScore := !numeric
	seen := map[float64]bool{}
	for _, r := range rs {
		if r.value != nil && !numeric {
			byScore = false
		}
		if r.score == nil || seen[*r.score] {
			byScore = false
		} else {
			seen[*r.score] = true
		}
	}
	ids := map[string]bool{}
	imp := im.byLink[it.LinkID]
	imp.codes = map[string]any{}
	var opts []*bankfile.Option
	for i, r := range rs {
		o := &bankfile.Option{Label: r.label, Exclusive: r.exclusive, Value: r.value}
		switch {
		case o.Value != nil:
		case byScore:
			o.Value = *r.score
		default:
			o.Value = claim(ids, r.code, "option_"+strconv.Itoa(i+1))
		}
		if r.score != nil {
			if v, ok := o.Value.(float64); !ok || v != *r.score {
				o.Score = r.score
			}
		}
		if c := r.coding; c != nil && (c.System != "" || fmt.Sprint(o.Value) != c.Code) {
			o.Code = &bankfile.Coding{System: c.System, Code: c.Code, Display: c.Display}
		}
		imp.codes[r.code] = o.Value
		opts = append(opts, o)
	}
	q.Choices = opts
	im.pending = append(im.pending, pendingList{q: q, opts: opts, name: im.listName})
	im.listName = ""
}

// pendingList is a question's options, made a shared choice list or left inline once every
// question is read.
type pendingList struct {
	q    *bankfile.Question
	opts []*bankfile.Option
	name string
}

// makeLists makes the choice lists: a list the file names (candor's own extension), and,
// in a file candor did not write, options two questions share.
func (im *importer) makeLists() {
	count := map[string]int{}
	sigs := make([]string, len(im.pending))
	for i, p := range im.pending {
		b, _ := json.Marshal(p.opts)
		sigs[i] = string(b)
		count[sigs[i]]++
	}
	names := map[string]bool{}
	byKey := map[string]string{}
	for i, p := range im.pending {
		key := "options " + sigs[i]
		switch {
		case p.name != "":
			key = "name " + p.name
		case im.candorMade || count[sigs[i]] < 2:
			continue
		}
		name, ok := byKey[key]
		if !ok {
			name = claim(names, cmp.Or(p.name, "answers"), "answers")
			byKey[key] = name
			im.lists = append(im.lists, bankfile.ChoiceList{Name: name, Options: p.opts})
		}
		p.q.Choices = name
	}
}

// optionScore is an option's score from the ordinalValue, iso21090-CO-value or itemWeight
// extension, or nil.
func (im *importer) optionScore(exts []Extension, ptr string) *float64 {
	for i, e := range exts {
		switch e.URL {
		case URLOrdinalValue, URLCOValue, URLItemWeight:
			var f float64
			if !e.value("valueDecimal", &f) && !e.value("valueInteger", &f) {
				im.warn(WarnValue, fmt.Sprintf("%s/extension/%d", ptr, i), e.URL)
				continue
			}
			return &f
		}
	}
	return nil
}
