package schema

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.yaml.in/yaml/v3"
)

// compile compiles the embedded schema, checking it against the draft 2020-12 meta-schema.
func compile(t *testing.T) *jsonschema.Schema {
	t.Helper()
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(Bank))
	require.NoError(t, err, "the schema is JSON")
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft2020)
	require.NoError(t, c.AddResource("bank.schema.json", doc))
	sch, err := c.Compile("bank.schema.json")
	require.NoError(t, err, "the schema is a valid draft 2020-12 schema")
	return sch
}

// toJSON converts YAML to the JSON value an editor's YAML language server checks: mappings
// become objects (keys as text), numbers stay numbers, aliases are expanded.
func toJSON(t *testing.T, src []byte) any {
	t.Helper()
	var doc yaml.Node
	require.NoError(t, yaml.Unmarshal(src, &doc))
	require.NotEmpty(t, doc.Content)
	var conv func(n *yaml.Node) any
	conv = func(n *yaml.Node) any {
		switch n.Kind {
		case yaml.AliasNode:
			return conv(n.Alias)
		case yaml.MappingNode:
			m := map[string]any{}
			for i := 0; i+1 < len(n.Content); i += 2 {
				m[n.Content[i].Value] = conv(n.Content[i+1])
			}
			return m
		case yaml.SequenceNode:
			l := []any{}
			for _, c := range n.Content {
				l = append(l, conv(c))
			}
			return l
		}
		switch n.Tag {
		case "!!null":
			return nil
		case "!!bool":
			b, err := strconv.ParseBool(n.Value)
			require.NoError(t, err)
			return b
		case "!!int", "!!float":
			var f float64
			require.NoError(t, n.Decode(&f))
			return json.Number(strconv.FormatFloat(f, 'g', -1, 64))
		}
		return n.Value
	}
	// Round-trip through encoding/json so the value has exactly JSON's types.
	raw, err := json.Marshal(conv(doc.Content[0]))
	require.NoError(t, err)
	v, err := jsonschema.UnmarshalJSON(bytes.NewReader(raw))
	require.NoError(t, err)
	return v
}

// TestRepoBanksMatchSchema: every bank of the repository that loads validates against the
// schema, so an editor never marks a good bank as wrong.
func TestRepoBanksMatchSchema(t *testing.T) {
	sch := compile(t)
	var files []string
	for _, pattern := range []string{
		"../../data/banks/*.yaml",
		"../../scoring/testdata/instruments/*.yaml",
		"../testdata/valid/*.yaml",
	} {
		m, err := filepath.Glob(pattern)
		require.NoError(t, err)
		require.NotEmpty(t, m, pattern)
		files = append(files, m...)
	}
	for _, path := range files {
		t.Run(filepath.Base(path), func(t *testing.T) {
			src, err := os.ReadFile(path)
			require.NoError(t, err)
			assert.NoError(t, sch.Validate(toJSON(t, src)))
		})
	}
}

// TestSchemaRejects: the mistakes a schema can see are rejected as an editor would show them.
func TestSchemaRejects(t *testing.T) {
	sch := compile(t)
	const head = "candor: 1\nid: sample\nversion: 1.0.0\ntitle: Sample\n"
	for _, tt := range []struct{ name, src string }{
		{"unknown top-level key", head + "titel: x\nquestions: [{id: a, text: A}]\n"},
		{"unknown question key", head + "questions: [{id: a, text: A, tpye: yesno}]\n"},
		{"bad question type", head + "questions: [{id: a, text: A, type: sacle}]\n"},
		{"bad method", head + "questions: [{id: a, text: A}]\nscores: [{id: s, label: S, items: [a], method: median}]\n"},
		{"bad flag level", head + "questions: [{id: a, text: A}]\nflags: [{id: f, when: a, title: F, level: loud}]\n"},
		{"bad question id", head + "questions: [{id: Feel-Safe, text: A}]\n"},
		{"bad bank id", "candor: 1\nid: Trust_Readiness\nversion: 1.0.0\ntitle: S\nquestions: [{id: a, text: A}]\n"},
		{"format 2", "candor: 2\nid: sample\nversion: 1.0.0\ntitle: S\nquestions: [{id: a, text: A}]\n"},
		{"version not semver", "candor: 1\nid: sample\nversion: 1.0\ntitle: S\nquestions: [{id: a, text: A}]\n"},
		{"missing title", "candor: 1\nid: sample\nversion: 1.0.0\nquestions: [{id: a, text: A}]\n"},
		{"no questions", head},
		{"sections and questions", head + "sections: [{id: s, questions: [{id: a, text: A}]}]\nquestions: [{id: b, text: B}]\n"},
		{"question without text", head + "questions: [{id: a}]\n"},
		{"choice without choices", head + "questions: [{id: a, text: A, type: choice}]\n"},
		{"scale without max", head + "questions: [{id: a, text: A, type: scale, min: 1}]\n"},
		{"unknown band key", head + "questions: [{id: a, text: A}]\nscores: [{id: s, label: S, items: [a], bands: [{label: L, mx: 1}]}]\n"},
		{"unknown expect key", head + "questions: [{id: a, text: A}]\ntests: [{name: t, answers: {a: yes}, expect: {outcomes: x}}]\n"},
		{"option without label", head + "questions: [{id: a, text: A, choices: [{value: 1}]}]\n"},
		{"empty when", head + "questions: [{id: a, text: A}, {id: b, text: B, when: ''}]\n"},
		{"highlight without a number", head + "questions: [{id: a, text: A}]\nscores: [{id: s, label: S, items: [a], highlight: lowest}]\n"},
		{"highlight of none", head + "questions: [{id: a, text: A}]\nscores: [{id: s, label: S, items: [a], highlight: lowest 0}]\n"},
		{"highlight misspelt", head + "questions: [{id: a, text: A}]\nscores: [{id: s, label: S, items: [a], highlight: lowset 2}]\n"},
		{"theme not an id", head + "questions: [{id: a, text: A}]\nscores: [{id: s, label: S, items: [a], theme: Owning It}]\n"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			err := sch.Validate(toJSON(t, []byte(tt.src)))
			assert.Error(t, err, "the schema must reject it")
		})
	}
}

// TestSchemaDescribesEveryKey: every property has a description, for editor hovers.
func TestSchemaDescribesEveryKey(t *testing.T) {
	var doc map[string]any
	require.NoError(t, json.Unmarshal(Bank, &doc))
	var walk func(path string, v any)
	walk = func(path string, v any) {
		m, ok := v.(map[string]any)
		if !ok {
			return
		}
		if props, ok := m["properties"].(map[string]any); ok {
			for name, p := range props {
				pm := p.(map[string]any)
				_, has := pm["description"]
				assert.True(t, has, "%s.%s has no description", path, name)
				walk(fmt.Sprintf("%s.%s", path, name), p)
			}
			assert.Equal(t, false, m["additionalProperties"], "%s allows unknown keys", path)
		}
		for k, sub := range m {
			if k != "properties" {
				if d, ok := sub.(map[string]any); ok {
					walk(path+"/"+k, d)
				}
			}
		}
	}
	walk("#", doc)
}
