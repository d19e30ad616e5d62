package questionnaire

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"go.yaml.in/yaml/v3"
)

// chain is n nodes nested in each other: n-1 lists around a scalar.
func chain(n int) *yaml.Node {
	node := &yaml.Node{Kind: yaml.ScalarNode, Value: "x"}
	for range n - 1 {
		node = &yaml.Node{Kind: yaml.SequenceNode, Content: []*yaml.Node{node}}
	}
	return node
}

// wide is a list holding n-1 scalars: n values in all.
func wide(n int) *yaml.Node {
	list := &yaml.Node{Kind: yaml.SequenceNode}
	for range n - 1 {
		list.Content = append(list.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: "x"})
	}
	return list
}

// aliased puts n under a list next to an alias of itself.
func aliased(n *yaml.Node) *yaml.Node {
	return &yaml.Node{Kind: yaml.SequenceNode, Content: []*yaml.Node{n, {Kind: yaml.AliasNode, Alias: n}}}
}

// The limits hold at their exact edges, for documents with and without aliases (the first
// are measured in one pass without maps, the others with them).
func TestCheckShapeEdges(t *testing.T) {
	for _, tt := range []struct {
		name string
		root *yaml.Node
		ok   bool
	}{
		{"as deep as allowed", chain(maxDepth), true},
		{"one level too deep", chain(maxDepth + 1), false},
		{"as many values as allowed", wide(maxNodes), true},
		{"one value too many", wide(maxNodes + 1), false},
		{"aliases, as deep as allowed", aliased(chain(maxDepth - 1)), true},
		{"aliases, one level too deep", aliased(chain(maxDepth)), false},
		{"aliases, as many values as allowed", aliased(wide((maxNodes - 1) / 2)), true},
		{"aliases expand past the limit", aliased(wide(maxNodes/2 + 1)), false},
		{"a scalar", &yaml.Node{Kind: yaml.ScalarNode, Value: "x"}, true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			d := &diags{file: "shape.yaml"}
			assert.Equal(t, tt.ok, checkShape(d, tt.root))
			if tt.ok {
				assert.Empty(t, d.list)
			} else {
				assert.Len(t, d.list, 1)
			}
		})
	}
}
