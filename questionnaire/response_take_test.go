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

const numberedBank = `candor: 1
id: numbered
version: 1.0.0
title: Numbered
questions:
  - {id: hello, type: info, text: Read this first.}
  - {id: safe, text: "Safe?"}
  - {id: note, type: info, text: Now a scale.}
  - {id: mood, text: Mood, min: 1, max: 5}
  - {id: q1, text: Its id looks like a number., required: false}
`

// The worksheet numbers count the questions that take an answer: info statements have none.
func TestByNumberSkipsInfoStatements(t *testing.T) {
	b, ds := Load("numbered.yaml", []byte(numberedBank))
	require.NotNil(t, b, "%v", ds)
	for n, id := range map[int]string{1: "safe", 2: "mood", 3: "q1"} {
		require.NotNil(t, b.ByNumber(n), "%d", n)
		assert.Equal(t, id, b.ByNumber(n).ID, "%d", n)
	}
	assert.Nil(t, b.ByNumber(0))
	assert.Nil(t, b.ByNumber(4))
	for key, want := range map[string]int{"3": 3, "Q3": 3, "q3": 3, "3.": 3, " 2 ": 2} {
		n, ok := WorksheetNumber(key)
		assert.True(t, ok, key)
		assert.Equal(t, want, n, key)
	}
	for _, key := range []string{"03", "+3", "0", "-1", "3.5", "three", "Q", ""} {
		_, ok := WorksheetNumber(key)
		assert.False(t, ok, key)
	}
}

// An answers file may name a question by its worksheet number, as a paper worksheet is
// copied (`1: yes`); an id of the bank wins over a number; a number no question has, and a
// question answered by number and by id, are errors at the key.
func TestReadAnswersByWorksheetNumber(t *testing.T) {
	b, ds := Load("numbered.yaml", []byte(numberedBank))
	require.NotNil(t, b, "%v", ds)

	r, ds := ReadAnswers("a.yaml", []byte("1: yes\n2: 3\nq1: no\n"), b)
	require.NotNil(t, r, "%v", ds)
	require.False(t, ds.HasErrors(), "%v", ds)
	got, ds := r.Resolve(b)
	require.False(t, ds.HasErrors(), "%v", ds)
	assert.Equal(t, Answers{"safe": true, "mood": 3.0, "q1": false}, got)
	assert.Equal(t, []string{"safe", "mood", "q1"}, r.Order, "kept by id, so a saved response reads as any other")

	r, ds = ReadAnswers("a.json", []byte(`{"1": true, "Q2": 4}`), b)
	require.NotNil(t, r, "%v", ds)
	got, _ = r.Resolve(b)
	assert.Equal(t, Answers{"safe": true, "mood": 4.0}, got)

	r, _ = ReadAnswers("a.yaml", []byte("1: yes\n7: 3\n"), b)
	_, ds = r.Resolve(b)
	require.True(t, ds.HasErrors())
	assert.Equal(t, "a.yaml:2:1", ds.Errors()[0].Pos.String())
	assert.Equal(t, "there is no question 7", ds.Errors()[0].Summary)
	assert.Contains(t, ds.Errors()[0].Hint, "1 to 3")

	r, _ = ReadAnswers("a.yaml", []byte("1: yes\nsafe: no\n"), b)
	_, ds = r.Resolve(b)
	require.True(t, ds.HasErrors())
	assert.Equal(t, `question "safe" is answered twice (as safe and as 1)`, ds.Errors()[0].Summary)

	// A response file is written by candor with ids: a number there is not read as one.
	r, _ = ReadAnswers("r.yaml", []byte("candor: 1\nkind: response\nbank: {id: numbered, version: 1.0.0}\nanswers: {1: true}\n"), b)
	require.NotNil(t, r)
	got, ds = r.Resolve(b)
	assert.Empty(t, got)
	require.NotEmpty(t, ds.Warnings())
}
