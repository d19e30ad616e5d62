package yamlpos

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.yaml.in/yaml/v3"
)

// pos is a line and column in a file.
type pos struct{ line, col int }

// findWhen parses src and returns the value node of its first `when` key.
func findWhen(t *testing.T, src string) *yaml.Node {
	t.Helper()
	var doc yaml.Node
	require.NoError(t, yaml.Unmarshal([]byte(src), &doc))
	var found *yaml.Node
	var walk func(n *yaml.Node)
	walk = func(n *yaml.Node) {
		for i := 0; i < len(n.Content); i++ {
			if found != nil {
				return
			}
			if n.Kind == yaml.MappingNode && i%2 == 0 && n.Content[i].Value == "when" {
				found = n.Content[i+1]
				return
			}
			walk(n.Content[i])
		}
	}
	walk(&doc)
	require.NotNil(t, found, "no when in %q", src)
	return found
}

func TestPlaceAt(t *testing.T) {
	tests := []struct {
		name      string
		src       string
		line, col int // inside the expression: line from 1, column from 0
		want      pos // line and column in the file
	}{
		{"plain", "when: a = 1\n", 1, 2, pos{1, 9}},
		{"plain, first column", "when: a = 1\n", 1, 0, pos{1, 7}},
		{"plain, indented", "x:\n  - when: a = 1\n", 1, 2, pos{2, 13}},
		{"flow mapping", "- {id: f, when: a = 1, title: F}\n", 1, 2, pos{1, 19}},
		{"double quoted", "when: \"a = 1\"\n", 1, 2, pos{1, 10}},
		{"single quoted", "when: 'a = 1'\n", 1, 2, pos{1, 10}},
		{"plain over two lines", "when: a == 1 and\n  b = 2\n", 1, 13, pos{2, 5}},
		{"plain, at the end of the first line", "when: a and\n  b\n", 1, 5, pos{1, 12}},
		{"literal block", "when: |\n  a == 1 and\n  b = 2\n", 2, 2, pos{3, 5}},
		{"literal block, more indented line", "when: |\n    a and\n      b ]\n", 2, 4, pos{3, 9}},
		{"literal block, first line", "when: |\n  a = 1\n", 1, 2, pos{2, 5}},
		{"folded block", "when: >-\n  a == 1\n  and b = 2\n", 1, 13, pos{3, 9}},
		{"folded block, first line", "when: >-\n  a = 1\n  and b\n", 1, 2, pos{2, 5}},
		{"line 0 is line 1", "when: a = 1\n", 0, 2, pos{1, 9}},
		{"double quoted with escapes", `when: "a == \"x\" = 1"` + "\n", 1, 9, pos{1, 19}},
		{"double quoted with a unicode escape", `when: "a == \u00e9 = 1"` + "\n", 1, 7, pos{1, 20}},
		{"single quoted with a quote", "when: 'a == ''x'' = 1'\n", 1, 9, pos{1, 19}},
		{"double quoted over two lines", "when: \"a == 1 and\n  b = 2\"\n", 1, 13, pos{2, 5}},
		{"the end of the expression", "when: a and (b\n", 1, 8, pos{1, 15}},
		{"past the end stays on the line", "when: a and (b\n\nx: 1\n", 1, 10, pos{1, 17}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n := findWhen(t, tt.src)
			var got pos
			got.line, got.col = PlaceOf(n).At([]byte(tt.src), tt.line, tt.col)
			assert.Equal(t, tt.want, got)
			// The position is inside the file.
			assert.NotEmpty(t, SourceLine([]byte(tt.src), got.line))
		})
	}
}

func TestSourceLine(t *testing.T) {
	src := []byte("one\r\ntwo\n\nfour")
	assert.Equal(t, "one", SourceLine(src, 1))
	assert.Equal(t, "two", SourceLine(src, 2))
	assert.Equal(t, "", SourceLine(src, 3))
	assert.Equal(t, "four", SourceLine(src, 4))
	assert.Equal(t, "", SourceLine(src, 5))
	assert.True(t, sourceLineExists(src, 4))
	assert.False(t, sourceLineExists(src, 5))
}
