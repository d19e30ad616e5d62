package fhir

import (
	"slices"
	"time"

	jsonv2 "github.com/go-json-experiment/json"
	"github.com/go-json-experiment/json/jsontext"

	"github.com/candor-app/candor/questionnaire"
)

// Reply is one response to turn into a QuestionnaireResponse: its normalized answers, the
// questions declined, its status and when it was last answered (zero when unknown).
type Reply struct {
	Answers  questionnaire.Answers
	Declined []string
	Status   questionnaire.Status
	Authored time.Time
}

// Response writes a reply to bank b as an R4 QuestionnaireResponse (docs/fhir.md): the
// Questionnaire Export writes (Canonical), the status, when it was authored, and an item for
// each question answered or declined, inside its section's group, with the linkIds of the
// export. A declined question has no answer and the data-absent-reason asked-declined.
func Response(b *questionnaire.Bank, r Reply) *QuestionnaireResponse {
	qr := &QuestionnaireResponse{ResourceType: "QuestionnaireResponse", Questionnaire: Canonical(b), Status: "in-progress"}
	if r.Status == questionnaire.Completed {
		qr.Status = "completed"
	}
	if !r.Authored.IsZero() {
		qr.Authored = r.Authored.Format(time.RFC3339)
	}
	items := func(qs []*questionnaire.Question) []*ResponseItem {
		var out []*ResponseItem
		for _, q := range qs {
			if it := responseItem(q, r); it != nil {
				out = append(out, it)
			}
		}
		return out
	}
	if len(b.Sections) == 0 {
		qr.Item = items(b.Questions)
	}
	for _, s := range b.Sections {
		if inner := items(s.Questions); len(inner) > 0 {
			qr.Item = append(qr.Item, &ResponseItem{LinkID: s.ID, Text: s.Title, Item: inner})
		}
	}
	return qr
}

// responseItem is question q's item, or nil when it has neither an answer nor a decline.
func responseItem(q *questionnaire.Question, r Reply) *ResponseItem {
	if !q.Answerable() {
		return nil
	}
	it := &ResponseItem{LinkID: q.ID, Text: q.Text}
	if slices.Contains(r.Declined, q.ID) {
		it.Extension = []Extension{extValue(URLDataAbsent, "valueCode", "asked-declined")}
		return it
	}
	v, ok := r.Answers[q.ID]
	if !ok || v == nil {
		return nil
	}
	values := []any{v}
	if list, isList := v.([]any); isList {
		values = list
	}
	for _, x := range values {
		if a, ok := answerValue(q, x); ok {
			it.Answer = append(it.Answer, a)
		}
	}
	if len(it.Answer) == 0 {
		return nil
	}
	return it
}

// answerValue is one answer as FHIR writes it for the item type Export gives the question.
func answerValue(q *questionnaire.Question, v any) (ResponseAnswer, bool) {
	var a ResponseAnswer
	switch q.Type {
	case questionnaire.YesNo:
		b, ok := v.(bool)
		a.ValueBoolean = &b
		return a, ok
	case questionnaire.Choice, questionnaire.Multi:
		o := q.Option(v)
		if o == nil {
			return a, false
		}
		a.ValueCoding = exportOption(o).ValueCoding
		a.ValueCoding.Extension = nil
		return a, true
	case questionnaire.Scale:
		f, ok := v.(float64)
		a.ValueInteger = new(int64(f))
		return a, ok
	case questionnaire.Number:
		f, ok := v.(float64)
		a.ValueDecimal = &f
		return a, ok
	case questionnaire.Date:
		s, ok := v.(string)
		a.ValueDate = s
		return a, ok
	}
	s, ok := v.(string)
	a.ValueString = &s
	return a, ok
}

// MarshalResponse writes a QuestionnaireResponse as JSON, indented.
func MarshalResponse(qr *QuestionnaireResponse) ([]byte, error) {
	return jsonv2.Marshal(qr, jsonv2.Deterministic(true), jsontextIndent)
}

// MarshalBundle writes responses (each a resource's JSON) as a Bundle of type collection.
func MarshalBundle(resources [][]byte) ([]byte, error) {
	b := Bundle{ResourceType: "Bundle", Type: "collection"}
	for _, r := range resources {
		b.Entry = append(b.Entry, BundleEntry{Resource: jsontext.Value(r)})
	}
	return jsonv2.Marshal(b, jsonv2.Deterministic(true), jsontextIndent)
}
