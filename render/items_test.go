package render

import (
	"bytes"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/candor-app/candor/questionnaire"
	"github.com/candor-app/candor/scoring"
	"github.com/candor-app/candor/words"
)

func TestItems(t *testing.T) {
	b, ds := questionnaire.Load("b.yaml", []byte(`candor: 1
id: b
version: 1.0.0
title: B
questions:
  - {id: safe, text: "Do you feel safe?"}
  - {id: note, type: info, text: Thank you.}
  - {id: why, type: text, text: "Why not?", when: safe == false}
  - id: helps
    type: multi
    text: What helps?
    required: false
    choices: [{value: walks, label: Walks, score: 1}, {value: music, label: "=Music", score: 1}]
`))
	require.False(t, ds.HasErrors(), ds.Error())
	answers := questionnaire.Answers{"safe": true, "helps": []any{"walks", "music"}}
	r := scoring.Score(b, answers, scoring.Options{})
	items := Items(b, answers, r)
	require.Len(t, items, 3, "an info statement takes no answer")
	assert.Equal(t, Item{ID: "safe", Number: 1, Text: "Do you feel safe?", Asked: true, Answer: true, AnswerText: "Yes"}, items[0])
	assert.Equal(t, Item{ID: "why", Number: 2, Text: "Why not?"}, items[1], "numbered as on the worksheet: statements take no number")
	assert.Equal(t, "Walks, =Music", items[2].AnswerText)

	assert.Equal(t, []string{"safe", "why", "helps"}, CSVItemHeader(b))
	assert.Equal(t, []string{"yes", "", "walks;music"}, CSVItemCells(b, answers))
	assert.Equal(t, []string{"'=x"}, CSVItemCells(&questionnaire.Bank{Questions: []*questionnaire.Question{{ID: "t", Type: questionnaire.Text}}}, questionnaire.Answers{"t": "=x"}), "no formula reaches a spreadsheet")

	var out bytes.Buffer
	require.NoError(t, ItemsText(&out, nil, items, "text", 30, true))
	assert.Equal(t, "\nEvery answer\n------------\n1. Do you feel safe?\n   -> Yes\n2. Why not?\n   -> (not asked)\n3. What helps?\n   -> Walks, =Music\n", out.String())
	out.Reset()
	require.NoError(t, ItemsText(&out, nil, items, "markdown", 80, false))
	assert.Contains(t, out.String(), "## Every answer\n\n1. Do you feel safe?  \n   **Yes**\n")
	out.Reset()
	require.NoError(t, ItemsText(&out, words.For("es"), items, "text", 30, false))
	assert.Equal(t, "\nTodas las respuestas\n────────────────────\n1. Do you feel safe?\n   → Yes\n2. Why not?\n   → (no se preguntó)\n3. What helps?\n   → Walks, =Music\n", out.String(),
		"candor's words in Spanish, the bank's as they are; the rule as wide as the heading")
}
