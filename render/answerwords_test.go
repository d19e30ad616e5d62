package render

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/candor-app/candor/questionnaire"
	"github.com/candor-app/candor/words"
)

// TestAnswerWords: yes, no, none chosen, numbers and dates in the reader's language; the
// bank's words as they are.
func TestAnswerWords(t *testing.T) {
	b, ds := questionnaire.Load("b.yaml", []byte(`candor: 1
id: b
version: 1.0.0
title: B
questions:
  - {id: safe, text: "Safe?"}
  - id: colour
    type: choice
    text: Colour?
    choices: [{value: red, label: Red}, {value: light_blue, label: Light blue}]
  - id: feel
    type: multi
    text: Feelings?
    choices: [{value: calm, label: Calm}, {value: tired, label: Tired}]
  - {id: close, type: scale, text: "Close?", min: 1, max: 5, labels: {1: Far, 5: Near}}
  - {id: hours, type: number, text: "Hours?", min: 0, max: 24}
  - {id: when, type: date, text: "When?"}
  - {id: words, type: text, text: "Words?"}
`))
	require.NotNil(t, b, "%v", ds)
	es := words.For("es")
	for _, tt := range []struct {
		id     string
		v      any
		en, es string
	}{
		{"safe", true, "Yes", "Sí"},
		{"safe", false, "No", "No"},
		{"feel", []any{}, "none of these", "ninguna de estas"},
		{"feel", []any{"calm", "tired"}, "Calm, Tired", "Calm, Tired"},
		{"hours", 2.5, "2.5", "2,5"},
		{"close", 5.0, "5 (Near)", "5 (Near)"},
		{"when", "2026-10-01", "1 Oct 2026", "1 oct 2026"},
		{"colour", "light_blue", "Light blue", "Light blue"},
		{"words", "As I am.", "As I am.", "As I am."},
	} {
		assert.Equal(t, tt.en, AnswerWords(nil, b.Question(tt.id), tt.v), "%s %v", tt.id, tt.v)
		assert.Equal(t, tt.es, AnswerWords(es, b.Question(tt.id), tt.v), "%s %v in Spanish", tt.id, tt.v)
	}
}
