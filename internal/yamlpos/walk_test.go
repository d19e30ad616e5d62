package yamlpos

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The walk reports each value of the wrong shape at its own line and column, in the words the
// caller gives it, and reads the rest.
func TestWalkerReportsAtTheValue(t *testing.T) {
	src := []byte("name: x\ncount: two\nitems: {a: 1}\nflag: yes\ntitel: T\n")
	r := &reports{}
	root := Parse(r, src)
	require.NotNil(t, root)
	w := NewWalker(r)
	m := w.Mapping(root, "the file", []string{"name", "count", "items", "flag", "title"}, []string{"name", "title"}, 0)
	name, ok := w.Str(m["name"].Val, "`name`", 1)
	assert.True(t, ok)
	assert.Equal(t, "x", name)
	_, ok = w.Integer(m["count"].Val, "`count`", 1)
	assert.False(t, ok)
	assert.Nil(t, w.Sequence(m["items"].Val, "`items`", 1))
	_, ok = w.Bool(m["flag"].Val, "`flag`", 1)
	assert.False(t, ok, "yes is not a YAML 1.2 boolean")
	assert.Equal(t, []string{
		"5:1: unknown key `titel` in file \"x\"", // named by its name
		"2:8: `count` must be a whole number, not \"two\"",
		"3:8: `items` must be a list, not a mapping",
		"4:7: `flag` must be true or false, not \"yes\"",
	}, r.list)
	assert.False(t, w.Exceeded())
}

// A walk that would visit more values than MaxNodes, aliases repeated, stops once and says so.
func TestWalkerStopsPastTheBudget(t *testing.T) {
	r := &reports{}
	root := Parse(r, []byte("a: [1, 2]\n"))
	require.NotNil(t, root)
	w := NewWalker(r)
	w.visited = MaxNodes - 1
	assert.Nil(t, w.Resolve(root, 0))
	assert.True(t, w.Exceeded())
	assert.Nil(t, w.Resolve(root, 0), "nothing more is read")
	assert.Len(t, r.list, 1)
}
