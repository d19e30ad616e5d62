package yamlpos

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"go.yaml.in/yaml/v3"
)

// reports keeps what a reader reports, each as "line:col: summary".
type reports struct{ list []string }

func (r *reports) Errorf(line, col int, hint, format string, args ...any) {
	r.list = append(r.list, fmt.Sprintf("%d:%d: ", line, col)+fmt.Sprintf(format, args...))
}

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

// longText is a scalar of n bytes.
func longText(n int) *yaml.Node {
	return &yaml.Node{Kind: yaml.ScalarNode, Value: strings.Repeat("x", n)}
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
		{"as deep as allowed", chain(MaxDepth), true},
		{"one level too deep", chain(MaxDepth + 1), false},
		{"as many values as allowed", wide(MaxNodes), true},
		{"one value too many", wide(MaxNodes + 1), false},
		{"aliases, as deep as allowed", aliased(chain(MaxDepth - 1)), true},
		{"aliases, one level too deep", aliased(chain(MaxDepth)), false},
		{"aliases, as many values as allowed", aliased(wide((MaxNodes - 1) / 2)), true},
		{"aliases expand past the limit", aliased(wide(MaxNodes/2 + 1)), false},
		{"a scalar", &yaml.Node{Kind: yaml.ScalarNode, Value: "x"}, true},
		{"aliases, as much text as allowed", aliased(longText(MaxFileSize / 2)), true},
		{"aliases expand past the text limit", aliased(longText(MaxFileSize/2 + 1)), false},
		{"aliases of aliases expand past the text limit", aliased(aliased(longText(MaxFileSize/4 + 1))), false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			r := &reports{}
			assert.Equal(t, tt.ok, checkShape(r, tt.root))
			if tt.ok {
				assert.Empty(t, r.list)
			} else {
				assert.Len(t, r.list, 1)
			}
		})
	}
}
