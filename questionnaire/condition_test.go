package questionnaire

import (
	"testing"

	"github.com/candor-app/candor/questionnaire/cond"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The loader works out a `when`'s simple shape when it compiles it, for the worksheet.
func TestConditionIsCompiled(t *testing.T) {
	b, ds := Load("t.yaml", []byte(`candor: 1
id: t
version: 1.0.0
title: T
questions:
  - {id: safe, type: yesno, text: "Safe?"}
  - {id: mood, min: 1, max: 7, text: Mood}
  - {id: who, type: multi, text: Who, choices: [{value: mum, label: Mum}, {value: dad, label: Dad}]}
  - {id: a, text: A, when: "3 < mood and not safe"}
  - {id: b, text: B, when: "\"dad\" in who or mood != nil"}
  - {id: c, text: C, when: "mood + 1 > 3"}
`))
	require.False(t, ds.HasErrors(), "%v", ds)
	assert.Equal(t, &cond.Condition{Op: "and",
		Left:  &cond.Condition{Op: ">", Question: "mood", Value: 3.0},
		Right: &cond.Condition{Op: "no", Question: "safe"}}, b.Question("a").When.Condition())
	assert.Equal(t, &cond.Condition{Op: "or",
		Left:  &cond.Condition{Op: "in", Question: "who", Value: "dad"},
		Right: &cond.Condition{Op: "!=", Question: "mood"}}, b.Question("b").When.Condition())
	assert.Nil(t, b.Question("c").When.Condition())
	assert.True(t, b.Question("a").When.shapeSet, "worked out at load time")
	var none *Expr
	assert.Nil(t, none.Condition())
}
