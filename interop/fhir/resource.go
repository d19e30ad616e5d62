// Package fhir converts between candor banks and HL7 FHIR R4: a Questionnaire in (Import) and
// out (Export), and a response out as a QuestionnaireResponse (docs/fhir.md). It speaks in
// data and warning codes; cmd/candor chooses the words.
//
// The resources are hand-written structs for the subset candor reads and writes (see
// docs/fhir.md, "Why hand-written structs"), decoded with github.com/go-json-experiment/json so
// that an error and every member not mapped can be named by its JSON pointer.
package fhir

import (
	"github.com/go-json-experiment/json"
	"github.com/go-json-experiment/json/jsontext"
)

// Unknown holds the members of an object that the structs do not name, to warn about.
type Unknown = map[string]jsontext.Value

// Questionnaire is the subset of an R4 Questionnaire candor maps.
type Questionnaire struct {
	ResourceType string      `json:"resourceType"`
	ID           string      `json:"id,omitempty"`
	Extension    []Extension `json:"extension,omitempty"`
	URL          string      `json:"url,omitempty"`
	Version      string      `json:"version,omitempty"`
	Name         string      `json:"name,omitempty"`
	Title        string      `json:"title,omitempty"`
	Status       string      `json:"status"`
	Publisher    string      `json:"publisher,omitempty"`
	Description  string      `json:"description,omitempty"`
	Copyright    string      `json:"copyright,omitempty"`
	Language     string      `json:"language,omitempty"`
	Code         []Coding    `json:"code,omitempty"`
	Item         []*Item     `json:"item,omitempty"`
	// Contained are the resources the Questionnaire holds, kept as written: a ValueSet an
	// answerValueSet names ("#id") is read as an answer list (valueset.go).
	Contained []jsontext.Value `json:"contained,omitempty"`
	Unknown   Unknown          `json:",unknown"`
}

// Item is a Questionnaire.item: a group, a display or a question.
type Item struct {
	Extension      []Extension    `json:"extension,omitempty"`
	LinkID         string         `json:"linkId"`
	Code           []Coding       `json:"code,omitempty"`
	Text           string         `json:"text,omitempty"`
	Type           string         `json:"type"`
	EnableWhen     []EnableWhen   `json:"enableWhen,omitempty"`
	EnableBehavior string         `json:"enableBehavior,omitempty"`
	Required       *bool          `json:"required,omitempty"`
	Repeats        *bool          `json:"repeats,omitempty"`
	AnswerValueSet string         `json:"answerValueSet,omitempty"`
	AnswerOption   []AnswerOption `json:"answerOption,omitempty"`
	Item           []*Item        `json:"item,omitempty"`
	Unknown        Unknown        `json:",unknown"`
}

// EnableWhen is one condition of an item's enableWhen.
type EnableWhen struct {
	Question      string   `json:"question"`
	Operator      string   `json:"operator"`
	AnswerBoolean *bool    `json:"answerBoolean,omitempty"`
	AnswerDecimal *float64 `json:"answerDecimal,omitempty"`
	AnswerInteger *int64   `json:"answerInteger,omitempty"`
	AnswerDate    string   `json:"answerDate,omitempty"`
	AnswerString  *string  `json:"answerString,omitempty"`
	AnswerCoding  *Coding  `json:"answerCoding,omitempty"`
	Unknown       Unknown  `json:",unknown"`
}

// AnswerOption is one option of a choice item.
type AnswerOption struct {
	Extension    []Extension `json:"extension,omitempty"`
	ValueInteger *int64      `json:"valueInteger,omitempty"`
	ValueString  *string     `json:"valueString,omitempty"`
	ValueCoding  *Coding     `json:"valueCoding,omitempty"`
	Unknown      Unknown     `json:",unknown"`
}

// Coding is a code in a terminology.
type Coding struct {
	Extension []Extension `json:"extension,omitempty"`
	System    string      `json:"system,omitempty"`
	Code      string      `json:"code,omitempty"`
	Display   string      `json:"display,omitempty"`
	Unknown   Unknown     `json:",unknown"`
}

// CodeableConcept is codings and a text.
type CodeableConcept struct {
	Coding []Coding `json:"coding,omitempty"`
	Text   string   `json:"text,omitempty"`
}

// Expression is an R4 Expression (FHIRPath and others).
type Expression struct {
	Description string `json:"description,omitempty"`
	Name        string `json:"name,omitempty"`
	Language    string `json:"language"`
	Expression  string `json:"expression,omitempty"`
}

// Extension is one extension. Its value is kept as written (Value, by its member name such as
// "valueDecimal"), so that a published file that gives a value of the wrong shape is warned
// about, not refused.
type Extension struct {
	URL       string      `json:"url"`
	Extension []Extension `json:"extension,omitempty"`
	Value     Unknown     `json:",unknown"`
}

// value decodes the extension's value member name into v; false when it is missing or of
// another shape.
func (e Extension) value(name string, v any) bool {
	raw, ok := e.Value[name]
	return ok && json.Unmarshal(raw, v) == nil
}

// The extension values candor writes, each a constructor.
func extString(url, s string) Extension {
	return Extension{URL: url, Value: Unknown{"valueString": mustJSON(s)}}
}

func extBool(url string, b bool) Extension {
	return Extension{URL: url, Value: Unknown{"valueBoolean": mustJSON(b)}}
}

func extValue(url, member string, v any) Extension {
	return Extension{URL: url, Value: Unknown{member: mustJSON(v)}}
}

// mustJSON marshals a value that cannot fail to marshal (strings, numbers, plain structs).
func mustJSON(v any) jsontext.Value {
	b, err := json.Marshal(v, json.Deterministic(true))
	if err != nil {
		panic(err) // a bug: only plain values are passed
	}
	return b
}

// QuestionnaireResponse is the subset of an R4 QuestionnaireResponse candor writes.
type QuestionnaireResponse struct {
	ResourceType  string          `json:"resourceType"`
	ID            string          `json:"id,omitempty"`
	Questionnaire string          `json:"questionnaire,omitempty"`
	Status        string          `json:"status"`
	Authored      string          `json:"authored,omitempty"`
	Item          []*ResponseItem `json:"item,omitempty"`
}

// ResponseItem is one item of a response: a group's items or a question's answers.
type ResponseItem struct {
	Extension []Extension      `json:"extension,omitempty"`
	LinkID    string           `json:"linkId"`
	Text      string           `json:"text,omitempty"`
	Answer    []ResponseAnswer `json:"answer,omitempty"`
	Item      []*ResponseItem  `json:"item,omitempty"`
}

// ResponseAnswer is one answer value.
type ResponseAnswer struct {
	ValueBoolean *bool    `json:"valueBoolean,omitempty"`
	ValueDecimal *float64 `json:"valueDecimal,omitempty"`
	ValueInteger *int64   `json:"valueInteger,omitempty"`
	ValueDate    string   `json:"valueDate,omitempty"`
	ValueString  *string  `json:"valueString,omitempty"`
	ValueCoding  *Coding  `json:"valueCoding,omitempty"`
}

// Bundle is a collection of responses.
type Bundle struct {
	ResourceType string        `json:"resourceType"`
	Type         string        `json:"type"`
	Entry        []BundleEntry `json:"entry,omitempty"`
}

// BundleEntry is one resource of a bundle.
type BundleEntry struct {
	FullURL  string         `json:"fullUrl,omitempty"`
	Resource jsontext.Value `json:"resource"`
}
