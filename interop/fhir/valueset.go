package fhir

import (
	"cmp"
	"fmt"
	"strings"

	"github.com/go-json-experiment/json"
)

// A contained ValueSet as an answer list (docs/fhir.md): an item's answerValueSet "#id" names
// a ValueSet contained in the Questionnaire, whose answers are its expansion's codes (else its
// compose's concepts), each scored by an ordinalValue, itemWeight or iso21090-CO-value
// extension, or, in an expansion, by the R5 `itemWeight` property.

// The R5 extensions an R4 expansion declares and gives its concepts' properties with.
const (
	URLExpansionProperty         = "http://hl7.org/fhir/5.0/StructureDefinition/extension-ValueSet.expansion.property"
	URLExpansionContainsProperty = "http://hl7.org/fhir/5.0/StructureDefinition/extension-ValueSet.expansion.contains.property"
	// URIItemWeight is the concept property of an answer's weight.
	URIItemWeight = "http://hl7.org/fhir/concept-properties#itemWeight"
)

type valueSet struct {
	ResourceType string       `json:"resourceType"`
	ID           string       `json:"id"`
	Compose      *vsCompose   `json:"compose,omitempty"`
	Expansion    *vsExpansion `json:"expansion,omitempty"`
	Unknown      Unknown      `json:",unknown"`
}

type vsCompose struct {
	Include []vsInclude `json:"include,omitempty"`
	Unknown Unknown     `json:",unknown"`
}

type vsInclude struct {
	System  string      `json:"system,omitempty"`
	Concept []vsConcept `json:"concept,omitempty"`
	Unknown Unknown     `json:",unknown"`
}

type vsConcept struct {
	Extension []Extension `json:"extension,omitempty"`
	Code      string      `json:"code"`
	Display   string      `json:"display,omitempty"`
	Unknown   Unknown     `json:",unknown"`
}

type vsExpansion struct {
	Extension []Extension  `json:"extension,omitempty"`
	Contains  []vsContains `json:"contains,omitempty"`
	Unknown   Unknown      `json:",unknown"`
}

type vsContains struct {
	Extension []Extension  `json:"extension,omitempty"`
	System    string       `json:"system,omitempty"`
	Code      string       `json:"code,omitempty"`
	Display   string       `json:"display,omitempty"`
	Contains  []vsContains `json:"contains,omitempty"`
	Unknown   Unknown      `json:",unknown"`
}

// answerList is a contained ValueSet read as answers.
type answerList struct {
	opts []rawOption
	read bool
}

// valueSetOptions is the answers of the contained ValueSet ref ("#id") names, read (and its
// parts not kept warned about) the first time it is named; nil when ref names none, or one
// without answers.
func (im *importer) valueSetOptions(ref string) []rawOption {
	id, ok := strings.CutPrefix(ref, "#")
	if !ok {
		return nil
	}
	i, found := im.containedIDs[id]
	if !found {
		return nil
	}
	l := &im.contained[i]
	if !l.read {
		l.read = true
		l.opts = im.readValueSet(im.q.Contained[i], fmt.Sprintf("/contained/%d", i))
	}
	return l.opts
}

// indexContained finds the ids of the contained resources.
func (im *importer) indexContained() {
	im.containedIDs = map[string]int{}
	im.contained = make([]answerList, len(im.q.Contained))
	for i, raw := range im.q.Contained {
		var head struct {
			ID string `json:"id"`
		}
		if json.Unmarshal(raw, &head) == nil && head.ID != "" {
			im.containedIDs[head.ID] = i
		}
	}
}

// unusedContained warns of each contained resource no item takes its answers from.
func (im *importer) unusedContained() {
	for i, raw := range im.q.Contained {
		if len(im.contained[i].opts) > 0 {
			continue
		}
		var head struct {
			ResourceType string `json:"resourceType"`
			ID           string `json:"id"`
		}
		_ = json.Unmarshal(raw, &head)
		im.warn(WarnContained, fmt.Sprintf("/contained/%d", i), strings.TrimSpace(head.ResourceType+" "+head.ID))
	}
}

// readValueSet reads a contained ValueSet's answers: its expansion's, else its compose's.
func (im *importer) readValueSet(raw []byte, ptr string) []rawOption {
	var vs valueSet
	if json.Unmarshal(raw, &vs) != nil || vs.ResourceType != "ValueSet" {
		return nil
	}
	var opts []rawOption
	if vs.Expansion != nil && len(vs.Expansion.Contains) > 0 {
		opts = im.expansionOptions(vs.Expansion, ptr+"/expansion")
		if vs.Compose != nil {
			im.warn(WarnMember, ptr+"/compose", "compose")
		}
	} else {
		if vs.Compose != nil {
			opts = im.composeOptions(vs.Compose, ptr+"/compose")
		}
		if vs.Expansion != nil {
			im.warn(WarnMember, ptr+"/expansion", "expansion")
		}
	}
	if len(opts) == 0 {
		return nil
	}
	im.members(vs.Unknown, ptr)
	return opts
}

// expansionOptions reads an expansion's codes, each scored by the itemWeight property it
// declares, or by a score extension.
func (im *importer) expansionOptions(x *vsExpansion, ptr string) []rawOption {
	im.members(x.Unknown, ptr)
	// The properties the expansion declares, code by uri.
	weight := map[string]bool{}
	for i, e := range x.Extension {
		var code, uri string
		for _, sub := range e.Extension {
			switch sub.URL {
			case "code":
				sub.value("valueCode", &code)
			case "uri":
				sub.value("valueUri", &uri)
			}
		}
		if e.URL != URLExpansionProperty || code == "" {
			im.warn(WarnExtension, fmt.Sprintf("%s/extension/%d", ptr, i), e.URL)
			continue
		}
		weight[code] = uri == URIItemWeight
	}
	var opts []rawOption
	for i, c := range x.Contains {
		cptr := fmt.Sprintf("%s/contains/%d", ptr, i)
		im.members(c.Unknown, cptr)
		if len(c.Contains) > 0 {
			im.warn(WarnMember, cptr+"/contains", "contains")
		}
		r := rawOption{code: c.Code, label: cmp.Or(c.Display, c.Code), coding: &Coding{System: c.System, Code: c.Code, Display: c.Display}}
		for j, e := range c.Extension {
			if e.URL != URLExpansionContainsProperty {
				continue
			}
			s, ok := propertyWeight(e, weight)
			if !ok {
				im.warn(WarnExtension, fmt.Sprintf("%s/extension/%d", cptr, j), e.URL)
				continue
			}
			r.score = &s
		}
		if s := im.conceptScore(c.Extension, cptr); s != nil {
			r.score = s
		}
		opts = append(opts, r)
	}
	return opts
}

// propertyWeight is the weight an expansion.contains.property extension gives: its code is
// one the expansion declares as itemWeight (or, undeclared, "itemWeight"), its value a number.
func propertyWeight(e Extension, weight map[string]bool) (float64, bool) {
	var code string
	var v float64
	hasValue := false
	for _, sub := range e.Extension {
		switch sub.URL {
		case "code":
			sub.value("valueCode", &code)
		case "value[x]", "value":
			hasValue = sub.value("valueDecimal", &v) || sub.value("valueInteger", &v)
		}
	}
	isWeight, declared := weight[code]
	if !declared {
		isWeight = code == "itemWeight"
	}
	return v, isWeight && hasValue
}

// composeOptions reads the concepts a compose lists, each scored by a score extension.
func (im *importer) composeOptions(c *vsCompose, ptr string) []rawOption {
	im.members(c.Unknown, ptr)
	var opts []rawOption
	for i, inc := range c.Include {
		iptr := fmt.Sprintf("%s/include/%d", ptr, i)
		im.members(inc.Unknown, iptr)
		for j, k := range inc.Concept {
			kptr := fmt.Sprintf("%s/concept/%d", iptr, j)
			im.members(k.Unknown, kptr)
			opts = append(opts, rawOption{code: k.Code, label: cmp.Or(k.Display, k.Code),
				coding: &Coding{System: inc.System, Code: k.Code, Display: k.Display},
				score:  im.conceptScore(k.Extension, kptr)})
		}
	}
	return opts
}

// conceptScore is a concept's score from a score extension, warning of its other extensions
// (an expansion's property extensions aside, read before).
func (im *importer) conceptScore(exts []Extension, ptr string) *float64 {
	for i, e := range exts {
		switch e.URL {
		case URLOrdinalValue, URLCOValue, URLItemWeight, URLExpansionContainsProperty:
		default:
			im.warn(WarnExtension, fmt.Sprintf("%s/extension/%d", ptr, i), e.URL)
		}
	}
	return im.optionScore(exts, ptr)
}
