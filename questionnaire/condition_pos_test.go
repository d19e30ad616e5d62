package questionnaire

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestConditionsKeepTheirSourceAndPlace: every `when` (a section's, a question's, a flag's, an
// outcome's) is on the model as written, with its place in the file; the checks that follow
// work from the model, not from the YAML (issue 23 point 4). A condition's problem is
// reported inside it, however it is quoted.
func TestConditionsKeepTheirSourceAndPlace(t *testing.T) {
	const src = `candor: 1
id: when-places
version: 1.0.0
title: When places
sections:
  - id: first
    questions:
      - {id: safe, text: Do you feel safe}
  - id: second
    when: safe == true
    questions:
      - id: close
        text: How close do you feel?
        min: 1
        max: 5
        when: |
          safe
flags:
  - {id: low, when: "close <= 2", title: Low}
outcomes:
  - id: talk
    when: >-
      low == false
    title: Talk
  - {id: rest, title: Rest}
`
	b, ds := Load("w.yaml", []byte(src))
	require.False(t, ds.HasErrors(), "%v", ds)
	for _, c := range []struct {
		what   string
		x      *Expr
		source string
		line   int
		col    int
	}{
		{"section", b.Sections[1].When, "safe == true", 10, 11},
		{"question", b.Question("close").When, "safe\n", 16, 15},
		{"flag", b.Flag("low").When, "close <= 2", 19, 21},
		{"outcome", b.Outcome("talk").When, "low == false", 22, 11},
	} {
		require.NotNil(t, c.x, c.what)
		assert.Equal(t, c.source, c.x.Source, c.what)
		assert.Equal(t, Pos{File: "w.yaml", Line: c.line, Col: c.col}, c.x.Pos, c.what)
	}
	assert.Nil(t, b.Question("safe").When)
	assert.Nil(t, b.Outcome("rest").When)

	// The same bank with a mistake in each condition: each is reported at its own place.
	broken := []struct{ from, to, at string }{
		{"when: safe == true", "when: safe = true", "w.yaml:10:16"},
		{"          safe\n", "          safe and\n", "w.yaml:17:19"},
		{`"close <= 2"`, `"close <= 'x' + 2"`, "w.yaml:19:35"},
		{"      low == false", "      low == 3", "w.yaml:23:11"},
	}
	for _, c := range broken {
		bad := []byte(replaceOnce(t, src, c.from, c.to))
		_, ds := Load("w.yaml", bad)
		require.True(t, ds.HasErrors(), c.to)
		assert.Equal(t, c.at, ds.Errors()[0].Pos.String(), "%s: %v", c.to, ds)
	}
}

func replaceOnce(t *testing.T, s, from, to string) string {
	t.Helper()
	require.Equal(t, 1, strings.Count(s, from), "%q is in the bank once", from)
	return strings.Replace(s, from, to, 1)
}
