package questionnaire

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// hintBank is a small bank whose flag's condition is cond.
func hintBank(cond string) string {
	return `candor: 1
id: h
version: 1.0.0
title: H
questions:
  - id: seeing_counselor
    text: Are you seeing a counselor?
  - id: how_often
    text: How often?
    choices:
      - {value: often, label: Often}
      - {value: rarely, label: Hardly ever}
  - id: how_much
    text: How much?
    choices:
      - {value: 0, label: None}
      - {value: 1, label: Some}
flags:
  - id: f
    when: ` + cond + `
    title: F
    text: F.
`
}

func TestExprHintsForWordsThatAreNotNames(t *testing.T) {
	tests := []struct{ cond, summary, hint string }{
		{"seeing_counselor == yes", `names "yes"`, "for a yes/no answer write `== true` or `== false`"},
		{"seeing_counselor == No", `names "No"`, "for a yes/no answer write `== true` or `== false`"},
		{"seeing_counselor != n", `names "n"`, "`== true` or `== false`"},
		{"how_often == often", `names "often"`, "in quotes: write 'often'"},
		{"how_often == OFTEN", `names "OFTEN"`, "in quotes: write 'often'"},
		{"how_much == Some", `names "Some"`, `write 1 for "Some"`},
		{"how_ofen == 'often'", `names "how_ofen"`, "did you mean `how_often`?"},
	}
	for _, tt := range tests {
		t.Run(tt.cond, func(t *testing.T) {
			b, ds := Load("h.yaml", []byte(hintBank(tt.cond)))
			require.Nil(t, b)
			errs := ds.Errors()
			require.Len(t, errs, 1, "%v", ds)
			assert.Contains(t, errs[0].Summary, tt.summary)
			assert.Contains(t, errs[0].Hint, tt.hint)
		})
	}
}

func TestFlagWithoutWhenHasAHint(t *testing.T) {
	src := `candor: 1
id: h
version: 1.0.0
title: H
questions:
  - id: feel_safe
    text: Do you feel safe?
flags:
  - id: f
    title: F
    text: F.
`
	b, ds := Load("h.yaml", []byte(src))
	require.Nil(t, b)
	require.Len(t, ds.Errors(), 1, "%v", ds)
	assert.Contains(t, ds.Errors()[0].Summary, "missing the required key `when`")
	assert.Equal(t, "a flag needs a condition, such as `feel_safe == false`", ds.Errors()[0].Hint)
}

func TestScaleLabelOutOfRange(t *testing.T) {
	src := `candor: 1
id: h
version: 1.0.0
title: H
questions:
  - id: hope
    text: How hopeful?
    type: scale
    min: 1
    max: 5
    labels: {1e15: Huge}
`
	b, ds := Load("h.yaml", []byte(src))
	require.Nil(t, b)
	require.NotEmpty(t, ds.Errors())
	assert.Contains(t, ds.Errors()[0].Summary, "out of range")
	assert.NotContains(t, ds.Errors()[0].Summary, "must be a whole number")
}
