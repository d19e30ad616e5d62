package questionnaire

import (
	"fmt"
	"strings"
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
		{"as deep as allowed", chain(maxDepth), true},
		{"one level too deep", chain(maxDepth + 1), false},
		{"as many values as allowed", wide(maxNodes), true},
		{"one value too many", wide(maxNodes + 1), false},
		{"aliases, as deep as allowed", aliased(chain(maxDepth - 1)), true},
		{"aliases, one level too deep", aliased(chain(maxDepth)), false},
		{"aliases, as many values as allowed", aliased(wide((maxNodes - 1) / 2)), true},
		{"aliases expand past the limit", aliased(wide(maxNodes/2 + 1)), false},
		{"a scalar", &yaml.Node{Kind: yaml.ScalarNode, Value: "x"}, true},
		{"aliases, as much text as allowed", aliased(longText(MaxFileSize / 2)), true},
		{"aliases expand past the text limit", aliased(longText(MaxFileSize/2 + 1)), false},
		{"aliases of aliases expand past the text limit", aliased(aliased(longText(MaxFileSize/4 + 1))), false},
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

// TestAliasedText: every reader refuses a file whose aliases repeat a long text past 4 MiB (a
// 3 MiB answer aliased 30 000 times grew `take --resume` past 4 GB; a 3.3 MB help text aliased
// 4 000 times made `show` write 12.6 GB), at the smallest part that is too large.
func TestAliasedText(t *testing.T) {
	var b strings.Builder
	b.WriteString("candor: 1\nkind: response\nbank: {id: x, version: 1.0.0}\nanswers:\n  a0: &t " + strings.Repeat("x", 3<<20) + "\n")
	for i := 1; i <= 30000; i++ {
		fmt.Fprintf(&b, "  a%d: *t\n", i)
	}
	src := []byte(b.String())
	const want = "the file's aliases expand to more than 4 MiB of text, past what candor reads"
	r, ds := ReadResponse("r.yaml", src)
	assert.Nil(t, r)
	if assert.Len(t, ds, 1) {
		assert.Equal(t, want, ds[0].Summary)
		assert.Equal(t, Pos{File: "r.yaml", Line: 5, Col: 3}, ds[0].Pos)
	}
	r, ds = ReadAnswers("r.yaml", src, nil)
	assert.Nil(t, r)
	if assert.Len(t, ds, 1) {
		assert.Equal(t, want, ds[0].Summary)
	}
	bank, ds := Load("b.yaml", []byte("candor: 1\nid: b\nversion: 1.0.0\ntitle: &t "+strings.Repeat("x", 3<<20)+"\nintro: *t\n"))
	assert.Nil(t, bank)
	if assert.Len(t, ds, 1) {
		assert.Equal(t, want, ds[0].Summary)
	}
}
