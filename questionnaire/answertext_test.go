package questionnaire

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const answerTextBank = `candor: 1
id: words
version: 1.0.0
title: Words
questions:
  - id: yn
    text: Yes or no?
  - id: pick
    text: Pick
    choices:
      - {value: a, label: "  Apples "}
      - {value: b, label: Two}
  - id: many
    type: multi
    text: Many
    choices:
      - {value: x, label: Ex}
      - {value: y, label: Why}
  - id: rate
    text: Rate
    min: 1
    max: 5
    labels: {1: Low, 5: " High "}
  - id: n
    type: number
    text: How many?
    min: 0
  - id: say
    type: text
    text: Say
`

func TestAnswerText(t *testing.T) {
	b, ds := Load("words.yaml", []byte(answerTextBank))
	require.NotNil(t, b, "%v", ds)
	tests := []struct {
		q    string
		v    any
		want string
	}{
		{"yn", true, "Yes"},
		{"yn", false, "No"},
		{"pick", "a", "Apples"},
		{"pick", "b", "Two"},
		{"pick", "zz", "zz"},
		{"many", []any{"y", "x"}, "Why, Ex"},
		{"many", []any{}, "none of these"},
		{"rate", 5.0, "5 (High)"},
		{"rate", 3.0, "3"},
		{"n", 2.5, "2.5"},
		{"n", 1e21, "1000000000000000000000"},
		{"say", "  in my words \n", "in my words"},
		{"say", nil, ""},
	}
	for _, tt := range tests {
		q := b.Question(tt.q)
		require.NotNil(t, q, tt.q)
		assert.Equal(t, tt.want, q.AnswerText(tt.v), "%s %v", tt.q, tt.v)
	}
}

func TestRangeText(t *testing.T) {
	for _, tt := range []struct {
		q    Question
		want string
	}{
		{Question{HasMin: true, Min: 0, HasMax: true, Max: 10}, "0 to 10"},
		{Question{HasMin: true, Min: -1.5}, "at least -1.5"},
		{Question{HasMax: true, Max: 100}, "at most 100"},
		{Question{}, "any number"},
	} {
		assert.Equal(t, tt.want, tt.q.RangeText())
	}
}
