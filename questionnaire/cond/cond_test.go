package cond

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// compile compiles src, every name of which is read from the environment.
func compile(t *testing.T, src string) *Program {
	t.Helper()
	p, err := Compile(src, Names(src))
	require.NoError(t, err)
	return p
}

// A pattern an answer gives `matches` is compiled once for every evaluation of every
// condition, and the cache of them stays bounded (issue 22, docs/hostile-inputs.md).
func TestPatternCache(t *testing.T) {
	p, q := compile(t, "t matches p"), compile(t, "p matches t or t matches p")
	ok, err := p.Eval(map[string]any{"t": "calm words", "p": "cached pattern"})
	require.NoError(t, err)
	assert.False(t, ok)
	patterns.mu.Lock()
	_, cached := patterns.byPat["cached pattern"]
	patterns.mu.Unlock()
	assert.True(t, cached, "the first evaluation keeps it")
	ok, err = q.Eval(map[string]any{"t": "a cached pattern", "p": "cached pattern"})
	require.NoError(t, err)
	assert.True(t, ok, "another condition finds it")
	for i := range maxCachedPatterns + 10 {
		_, err := p.Eval(map[string]any{"t": "x", "p": fmt.Sprintf("p%d", i)})
		require.NoError(t, err)
	}
	patterns.mu.Lock()
	assert.LessOrEqual(t, len(patterns.byPat), maxCachedPatterns)
	assert.Len(t, patterns.order, len(patterns.byPat))
	_, cached = patterns.byPat["cached pattern"]
	patterns.mu.Unlock()
	assert.False(t, cached, "the oldest is dropped")
}

// Names lists each name a condition uses once, in the order written; Reserved refuses the
// words and builtins of the language as names.
func TestNamesAndReserved(t *testing.T) {
	assert.Equal(t, []string{"a", "b"}, Names("a > 1 and (b or a < 3)"))
	assert.Nil(t, Names("a >"), "a condition that does not parse names nothing")
	for _, id := range []string{"and", "not", "len", "all", "matches"} {
		assert.True(t, Reserved(id), id)
	}
	assert.False(t, Reserved("feel_safe"))
}

// ShapeOf reads the simple shapes a worksheet says in words, the question on the left, and
// nothing else.
func TestShapeOf(t *testing.T) {
	assert.Equal(t, &Condition{Op: "or",
		Left:  &Condition{Op: ">", Question: "mood", Value: 3.0},
		Right: &Condition{Op: "in", Question: "who", Value: "dad"}}, ShapeOf(`3 < mood or "dad" in who`))
	assert.Equal(t, &Condition{Op: "<=", Question: "n", Value: -2.5}, ShapeOf("n <= -2.5"))
	assert.Equal(t, &Condition{Op: "no", Question: "safe"}, ShapeOf("not safe"))
	for _, src := range []string{"mood + 1 > 3", "a > b", "mood < nil", "len(who) > 1", "a >"} {
		assert.Nil(t, ShapeOf(src), src)
	}
	op, ok := Flip(">=")
	assert.True(t, ok)
	assert.Equal(t, "<=", op)
	_, ok = Flip("+")
	assert.False(t, ok)
}
