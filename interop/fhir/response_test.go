package fhir_test

import (
	"path/filepath"
	"testing"
	"time"

	"github.com/go-json-experiment/json"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/candor-app/candor/data"
	"github.com/candor-app/candor/internal/testutil"
	"github.com/candor-app/candor/interop/fhir"
	"github.com/candor-app/candor/questionnaire"
)

var authored = time.Date(2026, 11, 27, 14, 5, 0, 0, time.UTC)

// Every worked example of every built-in bank, as a QuestionnaireResponse and all of them as
// a Bundle, passes the R4 schema.
func TestResponsesOfEveryBuiltinBankAreValid(t *testing.T) {
	var all [][]byte
	for _, id := range data.IDs() {
		b, ds := data.LoadBank(id)
		require.False(t, ds.HasErrors())
		for _, test := range b.Tests {
			out, err := fhir.MarshalResponse(fhir.Response(b, fhir.Reply{Answers: test.Answers, Declined: test.Declined,
				Status: questionnaire.Completed, Authored: authored}))
			require.NoError(t, err)
			validR4(t, out)
			all = append(all, out)
		}
	}
	require.NotEmpty(t, all)
	bundle, err := fhir.MarshalBundle(all)
	require.NoError(t, err)
	validR4(t, bundle)
	var got struct {
		Entry []struct {
			Resource struct {
				ResourceType string `json:"resourceType"`
			} `json:"resource"`
		} `json:"entry"`
	}
	require.NoError(t, json.Unmarshal(bundle, &got))
	assert.Len(t, got.Entry, len(all))
	assert.Equal(t, "QuestionnaireResponse", got.Entry[0].Resource.ResourceType)
}

// A response in full: nested linkIds, each type's value, a declined answer, what was not
// answered left out.
func TestResponseGolden(t *testing.T) {
	b, ds := questionnaire.Load("kinds.yaml", []byte(`candor: 1
id: kinds
version: 1.2.0
title: Every kind
decline: true
sections:
  - id: first
    title: First part
    questions:
      - {id: safe, text: "Safe?"}
      - {id: mood, text: Mood, type: scale, min: 1, max: 7}
      - {id: often, text: "How often?", choices: [{value: never, label: Never, score: 0}, {value: often, label: Often, score: 2, code: {system: "http://loinc.org", code: LA1-1, display: Often}}]}
      - {id: who, text: "Who?", type: multi, choices: [{value: 1, label: Friend}, {value: 2, label: Family}]}
  - id: second
    questions:
      - {id: hours, text: Hours, type: number}
      - {id: note, text: Note, type: text}
      - {id: since, text: Since, type: date}
      - {id: skipped, text: Left, type: text, required: false}
      - {id: words, text: Words, type: info}
      - {id: rather_not, text: Rather not, type: yesno}
`))
	require.False(t, ds.HasErrors(), "%v", ds)
	answers := questionnaire.Answers{"safe": true, "mood": 5.0, "often": "often", "who": []any{1.0, 2.0},
		"hours": 2.5, "note": "fine", "since": "2026-01-02"}
	qr := fhir.Response(b, fhir.Reply{Answers: answers, Declined: []string{"rather_not"}, Status: questionnaire.InProgress, Authored: authored})
	out, err := fhir.MarshalResponse(qr)
	require.NoError(t, err)
	validR4(t, out)
	testutil.Golden(t, filepath.Join("testdata", "response", "kinds.json"), out)
}
