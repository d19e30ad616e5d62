package fhir

import (
	"encoding/json"

	jsonv2 "github.com/go-json-experiment/json"
	"github.com/go-json-experiment/json/jsontext"

	"github.com/candor-app/candor/interop/bankfile"
	"github.com/candor-app/candor/questionnaire"
	"github.com/candor-app/candor/questionnaire/cond"
)

// CanonicalBase begins the url of an exported bank's Questionnaire: CanonicalBase + id.
const CanonicalBase = "urn:candor:bank:"

// Canonical is the Questionnaire a response to bank b answers, url|version.
func Canonical(b *questionnaire.Bank) string {
	return CanonicalBase + b.ID + "|" + b.Version
}

// Export writes bank b as an R4 Questionnaire (JSON, indented): the standard elements where
// FHIR has them, candor's own extensions for the rest (docs/fhir.md), so that Import gives
// back the same bank.
func Export(b *questionnaire.Bank) ([]byte, error) {
	q := &Questionnaire{ResourceType: "Questionnaire", ID: b.ID, URL: CanonicalBase + b.ID, Version: b.Version,
		Name: computableName(b.ID), Title: b.Title, Status: "active", Description: b.Intro, Language: b.Language}
	if b.For != "" {
		q.Extension = append(q.Extension, extString(urlFor, b.For))
	}
	if b.Outro != "" || len(b.OutroParts) > 0 {
		q.Extension = append(q.Extension, extJSON(urlOutro, bankfile.Outro(b)))
	}
	if b.SafetyOpen != nil {
		q.Extension = append(q.Extension, extJSON(urlSafetyOpen, bankfile.Notice{Title: b.SafetyOpen.Title, Text: b.SafetyOpen.Text}))
	}
	if b.Decline {
		q.Extension = append(q.Extension, extBool(urlDecline, true))
	}
	if len(b.Sources) > 0 {
		q.Extension = append(q.Extension, extJSON(urlSources, bankfile.Sources(b)))
	}
	for _, r := range b.Recipients {
		q.Extension = append(q.Extension, extString(urlRecipient, r))
	}
	for _, part := range []struct {
		url string
		v   any
		n   int
	}{
		{urlScores, bankfile.Scores(b), len(b.Scores)},
		{urlFlags, bankfile.Flags(b), len(b.Flags)},
		{urlOutcomes, bankfile.Outcomes(b), len(b.Outcomes)},
		{urlTests, bankfile.Tests(b), len(b.Tests)},
	} {
		if part.n > 0 {
			q.Extension = append(q.Extension, extJSON(part.url, part.v))
		}
	}
	if len(b.Sections) == 0 {
		for _, x := range b.Questions {
			q.Item = append(q.Item, exportQuestion(b, x))
		}
	}
	for _, s := range b.Sections {
		g := &Item{LinkID: s.ID, Text: s.Title, Type: "group"}
		if s.Intro != "" {
			g.Extension = append(g.Extension, extString(urlIntro, s.Intro))
		}
		exportWhen(g, s.When)
		for _, x := range s.Questions {
			g.Item = append(g.Item, exportQuestion(b, x))
		}
		q.Item = append(q.Item, g)
	}
	return jsonv2.Marshal(q, jsonv2.Deterministic(true), jsontextIndent)
}

// jsontextIndent writes JSON indented by two spaces.
var jsontextIndent = jsontext.WithIndent("  ")

// extJSON is a candor extension whose valueString is v as JSON, with the keys of the bank
// file.
func extJSON(url string, v any) Extension {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err) // a bug: bankfile parts are plain data
	}
	return extString(url, string(b))
}

// computableName is the bank id as a FHIR name ([A-Z][A-Za-z0-9_]*): its words capitalized.
func computableName(id string) string {
	var out []byte
	up := true
	for i := 0; i < len(id); i++ {
		c := id[i]
		switch {
		case c == '-' || c == '_':
			up = true
			continue
		case up && c >= 'a' && c <= 'z':
			c -= 'a' - 'A'
		}
		up = false
		out = append(out, c)
	}
	return string(out)
}

// exportWhen writes a condition as enableWhen where FHIR can say it, and always in candor's
// own extension (which import prefers: it is exact).
func exportWhen(it *Item, x *questionnaire.Expr) {
	if x == nil {
		return
	}
	it.Extension = append(it.Extension, extString(urlWhen, x.Source))
	ews, behavior, ok := enableWhen(x.Condition())
	if ok {
		it.EnableWhen, it.EnableBehavior = ews, behavior
	}
}

// enableWhen says a simple condition as enableWhen: one comparison, or several joined all by
// and or all by or, each a question compared with a constant.
func enableWhen(c *cond.Condition) (ews []EnableWhen, behavior string, ok bool) {
	if c == nil {
		return nil, "", false
	}
	var leaves []*cond.Condition
	var walk func(c *cond.Condition, op string) bool
	walk = func(c *cond.Condition, op string) bool {
		if c.Op == "and" || c.Op == "or" {
			if op != "" && op != c.Op {
				return false
			}
			behavior = map[string]string{"and": "all", "or": "any"}[c.Op]
			return walk(c.Left, c.Op) && walk(c.Right, c.Op)
		}
		leaves = append(leaves, c)
		return true
	}
	if !walk(c, "") {
		return nil, "", false
	}
	for _, l := range leaves {
		ew, ok := leafEnableWhen(l)
		if !ok {
			return nil, "", false
		}
		ews = append(ews, ew)
	}
	if len(ews) < 2 {
		behavior = ""
	}
	return ews, behavior, true
}

func leafEnableWhen(c *cond.Condition) (EnableWhen, bool) {
	ew := EnableWhen{Question: c.Question}
	switch c.Op {
	case "yes", "no":
		ew.Operator, ew.AnswerBoolean = "=", new(c.Op == "yes")
		return ew, true
	case "in":
		ew.Operator = "="
	case "==", "!=", "<", "<=", ">", ">=":
		ew.Operator = map[string]string{"==": "="}[c.Op]
		if ew.Operator == "" {
			ew.Operator = c.Op
		}
	default:
		return ew, false
	}
	switch v := c.Value.(type) {
	case nil:
		if c.Op != "==" && c.Op != "!=" {
			return ew, false
		}
		ew.Operator, ew.AnswerBoolean = "exists", new(c.Op == "!=")
	case bool:
		ew.AnswerBoolean = new(v)
	case float64:
		ew.AnswerDecimal = new(v)
	case string:
		ew.AnswerCoding = &Coding{Code: v}
	default:
		return ew, false
	}
	return ew, true
}

// itemType is the FHIR type of a candor question type.
var itemType = map[questionnaire.QuestionType]string{
	questionnaire.YesNo: "boolean", questionnaire.Choice: "choice", questionnaire.Multi: "choice",
	questionnaire.Scale: "integer", questionnaire.Number: "decimal", questionnaire.Text: "text",
	questionnaire.Date: "date", questionnaire.Info: "display",
}

func exportQuestion(b *questionnaire.Bank, x *questionnaire.Question) *Item {
	it := &Item{LinkID: x.ID, Text: x.Text, Type: itemType[x.Type]}
	if x.Code != nil {
		it.Code = []Coding{{System: x.Code.System, Code: x.Code.Code, Display: x.Code.Display}}
	}
	if x.Answerable() && x.Required {
		it.Required = new(true)
	}
	if x.Type == questionnaire.Multi {
		it.Repeats = new(true)
	}
	exportWhen(it, x.When)
	switch x.Type {
	case questionnaire.Scale:
		labels, _ := json.Marshal(x.Labels)
		it.Extension = append(it.Extension, extString(urlScale, string(labels)),
			extValue(URLMinValue, "valueInteger", int64(x.Min)), extValue(URLMaxValue, "valueInteger", int64(x.Max)))
	case questionnaire.Number:
		if x.HasMin {
			it.Extension = append(it.Extension, extValue(URLMinValue, "valueDecimal", x.Min))
		}
		if x.HasMax {
			it.Extension = append(it.Extension, extValue(URLMaxValue, "valueDecimal", x.Max))
		}
	case questionnaire.Date:
		it.Extension = append(it.Extension, dateBound(URLMinValue, urlMinDate, x.MinDate)...)
		it.Extension = append(it.Extension, dateBound(URLMaxValue, urlMaxDate, x.MaxDate)...)
	case questionnaire.Choice, questionnaire.Multi:
		if x.ChoiceList != "" {
			it.Extension = append(it.Extension, extString(urlChoices, x.ChoiceList))
		}
		for _, o := range x.Options {
			it.AnswerOption = append(it.AnswerOption, exportOption(o))
		}
	case questionnaire.YesNo, questionnaire.Text, questionnaire.Info:
		// no step of their own here (listed for the exhaustive check)
	}
	if x.Answerable() && x.Decline != b.Decline {
		it.Extension = append(it.Extension, extBool(urlDecline, x.Decline))
	}
	if x.Reverse {
		it.Extension = append(it.Extension, extBool(urlReverse, true))
	}
	if len(x.WarningSign) > 0 {
		it.Extension = append(it.Extension, extJSON(urlWarning, x.WarningSign))
	}
	if x.Help != "" {
		it.Item = append(it.Item, &Item{LinkID: x.ID + ".help", Text: x.Help, Type: "display",
			Extension: []Extension{extValue(URLItemControl, "valueCodeableConcept",
				CodeableConcept{Coding: []Coding{{System: URLItemControlSys, Code: "help"}}})}})
	}
	return it
}

// dateBound is a date question's bound: minValue/maxValue for a date, candor's own
// extension for "today".
func dateBound(std, own, v string) []Extension {
	switch v {
	case "":
		return nil
	case "today":
		return []Extension{extString(own, v)}
	}
	return []Extension{extValue(std, "valueDate", v)}
}

// exportOption is an option as an answerOption: a valueCoding (the option's code, else its
// value as the code), its label the display, its score the ordinalValue, its value in
// candor's extension when the code is not the value.
func exportOption(o *questionnaire.Option) AnswerOption {
	value := optionText(o.Value)
	c := &Coding{Code: value, Display: o.Label}
	var ao AnswerOption
	if o.Code != nil {
		c = &Coding{System: o.Code.System, Code: o.Code.Code, Display: o.Code.Display}
		if c.Display == "" {
			c.Display = o.Label
		}
		if c.Display != o.Label {
			ao.Extension = append(ao.Extension, extString(urlLabel, o.Label))
		}
	}
	ao.ValueCoding = c
	if o.HasScore {
		ao.Extension = append(ao.Extension, extValue(URLOrdinalValue, "valueDecimal", o.Score))
	}
	if o.Code != nil {
		if f, ok := o.Value.(float64); ok {
			ao.Extension = append(ao.Extension, extValue(urlValue, "valueDecimal", f))
		} else {
			ao.Extension = append(ao.Extension, extString(urlValue, value))
		}
	}
	if o.Exclusive {
		ao.Extension = append(ao.Extension, extBool(URLOptionExcl, true))
	}
	return ao
}

// optionText is an option value as text: a number as candor writes it.
func optionText(v any) string {
	if f, ok := v.(float64); ok {
		return questionnaire.FormatNumber(f)
	}
	s, _ := v.(string)
	return s
}
