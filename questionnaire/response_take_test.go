package questionnaire

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const takeBank = `candor: 1
id: tiny
version: 1.0.0
title: Tiny
questions:
  - id: a
    text: A?
  - id: n
    type: number
    min: 0
    max: 10
    text: N?
`

func TestReadAnswersPlainMapping(t *testing.T) {
	b, ds := Load("tiny.yaml", []byte(takeBank))
	require.NotNil(t, b, "%v", ds)

	r, ds := ReadAnswers("a.yaml", []byte("a: yes\nn: 3\n"), b)
	require.NotNil(t, r, "%v", ds)
	got, ds := r.Resolve(b)
	require.False(t, ds.HasErrors(), "%v", ds)
	assert.Equal(t, Answers{"a": true, "n": 3.0}, got)

	r, _ = ReadAnswers("a.json", []byte(`{"a": false, "n": 30}`), b)
	require.NotNil(t, r)
	_, ds = r.Resolve(b)
	require.True(t, ds.HasErrors())
	assert.Equal(t, "a.json:1:19", ds.Errors()[0].Pos.String())
	assert.Contains(t, ds.Errors()[0].Summary, "outside the range")
}

func TestReadAnswersFullResponseAndBadShapes(t *testing.T) {
	b, _ := Load("tiny.yaml", []byte(takeBank))
	r, ds := ReadAnswers("r.yaml", []byte("candor: 1\nkind: response\nbank: {id: tiny, version: 1.0.0}\nanswers: {a: no}\n"), b)
	require.NotNil(t, r, "%v", ds)
	got, _ := r.Resolve(b)
	assert.Equal(t, Answers{"a": false}, got)

	for _, src := range []string{"", "- a\n- b\n", "a: [1, {b: c}]\n", "a: yes\na: no\n", "a: [unclosed\n"} {
		r, ds := ReadAnswers("x.yaml", []byte(src), b)
		assert.Nil(t, r, "%q", src)
		assert.True(t, ds.HasErrors(), "%q", src)
	}
}
