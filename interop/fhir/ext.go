package fhir

import (
	"encoding/json"
	"fmt"
	"math"
	"regexp"
	"strings"
	"time"

	"github.com/candor-app/candor/interop/bankfile"
)

// CandorBase begins the url of every extension of candor's own (docs/fhir.md).
const CandorBase = "https://candor-app.github.io/candor/fhir/StructureDefinition/"

// candor's own extensions: what a bank says that FHIR has no place for.
const (
	urlFor        = CandorBase + "bank-for"
	urlOutro      = CandorBase + "outro"
	urlSafetyOpen = CandorBase + "safety-open"
	urlDecline    = CandorBase + "decline"
	urlSources    = CandorBase + "sources"
	urlRecipient  = CandorBase + "recipient"
	urlScores     = CandorBase + "scores"
	urlFlags      = CandorBase + "flags"
	urlOutcomes   = CandorBase + "outcomes"
	urlTests      = CandorBase + "tests"
	urlIntro      = CandorBase + "section-intro"
	urlWhen       = CandorBase + "when"
	urlReverse    = CandorBase + "reverse"
	urlWarning    = CandorBase + "warning-sign"
	urlChoices    = CandorBase + "choices"
	urlScale      = CandorBase + "scale-labels"
	urlMinDate    = CandorBase + "min-date"
	urlMaxDate    = CandorBase + "max-date"
	urlValue      = CandorBase + "option-value"
	urlLabel      = CandorBase + "option-label"
)

// ownJSON decodes a candor extension whose valueString is JSON into v; false (warned) when
// it is not.
func (im *importer) ownJSON(e Extension, ptr string, v any) bool {
	var s string
	if !e.value("valueString", &s) || json.Unmarshal([]byte(s), v) != nil {
		im.warn(WarnValue, ptr, e.URL)
		return false
	}
	return true
}

// ownBool is a candor extension's valueBoolean; false (warned) when it has none.
func (im *importer) ownBool(e Extension, ptr string) bool {
	var b bool
	if !e.value("valueBoolean", &b) {
		im.warn(WarnValue, ptr, e.URL)
	}
	return b
}

// ownString is an extension's valueString; "" (warned) when it has none.
func (im *importer) ownString(e Extension, ptr string) string {
	var s string
	if !e.value("valueString", &s) {
		im.warn(WarnValue, ptr, e.URL)
	}
	return s
}

// skipOwn notes an extension of candor's own, wherever it is (the file was made by candor,
// so Import may try it again without them), and reports whether to leave it out: on that
// second try.
func (im *importer) skipOwn(url string) bool {
	if !strings.HasPrefix(url, CandorBase) {
		return false
	}
	im.candorMade = true
	return im.ignoreOwn
}

// rootExtensions reads the Questionnaire's extensions; it returns the candor ones found.
func (im *importer) rootExtensions(b *bankfile.Bank, exts []Extension) map[string]bool {
	own := map[string]bool{}
	for i, e := range exts {
		ptr := fmt.Sprintf("/extension/%d", i)
		if im.skipOwn(e.URL) {
			continue
		}
		if strings.HasPrefix(e.URL, CandorBase) {
			own[e.URL] = true
		}
		switch e.URL {
		case urlFor:
			b.For = im.ownString(e, ptr)
		case urlOutro:
			im.ownJSON(e, ptr, &b.Outro)
		case urlSafetyOpen:
			im.ownJSON(e, ptr, &b.SafetyOpen)
		case urlDecline:
			b.Decline = im.ownBool(e, ptr)
		case urlSources:
			im.ownJSON(e, ptr, &b.Sources)
		case urlRecipient:
			b.Recipients = append(b.Recipients, im.ownString(e, ptr))
		case urlScores:
			im.ownJSON(e, ptr, &b.Scores)
		case urlFlags:
			im.ownJSON(e, ptr, &b.Flags)
		case urlOutcomes:
			im.ownJSON(e, ptr, &b.Outcomes)
		case urlTests:
			im.ownJSON(e, ptr, &b.Tests)
		case URLVariable:
			// read by variables
		default:
			im.warn(WarnExtension, ptr, e.URL)
		}
	}
	return own
}

// groupExtensions reads a group's extensions into its section.
func (im *importer) groupExtensions(s *bankfile.Section, exts []Extension, ptr string) map[string]bool {
	own := map[string]bool{}
	for i, e := range exts {
		eptr := fmt.Sprintf("%s/extension/%d", ptr, i)
		if im.skipOwn(e.URL) {
			continue
		}
		own[e.URL] = true
		switch e.URL {
		case urlIntro:
			s.Intro = im.ownString(e, eptr)
		case urlWhen:
			im.ownWhen = im.ownString(e, eptr)
		case URLVariable:
			im.variable(e, eptr)
		default:
			im.warn(WarnExtension, eptr, e.URL)
		}
	}
	return own
}

// itemExtensions reads a question's extensions.
func (im *importer) itemExtensions(q *bankfile.Question, it *Item, ptr string) map[string]bool {
	own := map[string]bool{}
	for i, e := range it.Extension {
		eptr := fmt.Sprintf("%s/extension/%d", ptr, i)
		if im.skipOwn(e.URL) {
			continue
		}
		own[e.URL] = true
		switch e.URL {
		case URLMinValue, URLMaxValue:
			im.bound(q, e, eptr)
		case urlMinDate:
			q.Min = im.ownString(e, eptr)
		case urlMaxDate:
			q.Max = im.ownString(e, eptr)
		case urlScale:
			if im.ownJSON(e, eptr, &q.Labels) {
				q.Type = "scale"
			}
		case urlWhen:
			im.ownWhen = im.ownString(e, eptr)
		case urlDecline:
			q.Decline = new(im.ownBool(e, eptr))
		case urlReverse:
			q.Reverse = im.ownBool(e, eptr)
		case urlWarning:
			im.ownJSON(e, eptr, &q.WarningSign)
		case urlChoices:
			im.listName = im.ownString(e, eptr)
		case URLItemControl:
			if q.Type != "info" {
				im.warn(WarnExtension, eptr, e.URL)
			}
		case URLVariable:
			im.variable(e, eptr)
		default:
			im.warn(WarnExtension, eptr, e.URL)
		}
	}
	if q.Type == "scale" && q.Labels == nil {
		q.Labels = map[int]string{}
	}
	im.checkBounds(q, ptr)
	return own
}

// checkBounds keeps a question's bounds only where they are of its kind (numbers, or dates
// for a date) and min is not above max; anything else is warned about.
func (im *importer) checkBounds(q *bankfile.Question, ptr string) {
	if q.Min == nil && q.Max == nil {
		return
	}
	fits := func(v any) bool {
		switch v := v.(type) {
		case nil:
			return true
		case float64:
			return q.Type != "date" && !math.IsInf(v, 0) && !math.IsNaN(v)
		case string:
			if v == "today" {
				return q.Type == "date"
			}
			_, err := time.Parse("2006-01-02", v)
			return q.Type == "date" && err == nil
		}
		return false
	}
	ok := fits(q.Min) && fits(q.Max)
	if ok && q.Min != nil && q.Max != nil {
		switch lo := q.Min.(type) {
		case float64:
			ok = lo <= q.Max.(float64)
		case string:
			hi := q.Max.(string)
			ok = lo == "today" || hi == "today" || lo <= hi
		}
	}
	if !ok {
		im.warn(WarnBounds, ptr, "")
		q.Min, q.Max = nil, nil
	}
}

// bound reads a minValue or maxValue.
func (im *importer) bound(q *bankfile.Question, e Extension, ptr string) {
	var v any
	var f float64
	var d string
	switch {
	case e.value("valueInteger", &f), e.value("valueDecimal", &f):
		v = f
	case e.value("valueDate", &d):
		v = d
	default:
		im.warn(WarnValue, ptr, e.URL)
		return
	}
	if e.URL == URLMinValue {
		q.Min = v
	} else {
		q.Max = v
	}
}

// optionExtensions reads an answerOption's extensions (its score is read apart): candor's
// value and label, and whether it stands alone.
func (im *importer) optionExtensions(exts []Extension, ptr string) (value any, label string, exclusive bool) {
	for i, e := range exts {
		eptr := fmt.Sprintf("%s/extension/%d", ptr, i)
		switch e.URL {
		case URLOrdinalValue, URLCOValue, URLItemWeight:
		case urlLabel:
			label = im.ownString(e, eptr)
		case urlValue:
			var f float64
			var s string
			switch {
			case e.value("valueDecimal", &f):
				value = f
			case e.value("valueString", &s):
				value = s
			default:
				im.warn(WarnValue, eptr, e.URL)
			}
		case URLOptionExcl:
			exclusive = im.ownBool(e, eptr)
		default:
			im.warn(WarnExtension, eptr, e.URL)
		}
	}
	return value, label, exclusive
}

// linkIDRE finds the linkIds an expression names.
var linkIDRE = regexp.MustCompile(`linkId\s*=\s*'([^']*)'`)

// scoreOf is the item whose score the FHIRPath expression reads (the last linkId it names,
// with ordinal(), weight() or an ordinalValue/itemWeight extension), or "".
func scoreOf(x string) string {
	if !strings.Contains(x, "ordinal") && !strings.Contains(x, "weight") && !strings.Contains(x, "Weight") && !strings.Contains(x, "CO-value") {
		return ""
	}
	m := linkIDRE.FindAllStringSubmatch(x, -1)
	if len(m) == 0 {
		return ""
	}
	return m[len(m)-1][1]
}

// variables reads the variable extensions of a list that name one item's score.
func (im *importer) variables(exts []Extension, ptr string) map[string]string {
	im.vars = map[string]string{}
	im.varPtr = map[string]string{}
	for i, e := range exts {
		if e.URL == URLVariable {
			im.variable(e, fmt.Sprintf("%s/extension/%d", ptr, i))
		}
	}
	return im.vars
}

// variable reads one variable; one that names no item's score is warned about unless a
// total uses it as its condition.
func (im *importer) variable(e Extension, ptr string) {
	var x Expression
	if !e.value("valueExpression", &x) || x.Name == "" {
		im.warn(WarnValue, ptr, e.URL)
		return
	}
	im.varPtr[x.Name] = ptr
	if link := scoreOf(x.Expression); link != "" {
		im.vars[x.Name] = link
	}
}
