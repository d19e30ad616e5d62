package questionnaire

import (
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.yaml.in/yaml/v3"
)

// marshalWhole is Marshal written the plain way: the whole document as one node tree,
// encoded at once. Marshal, which keeps each answer's YAML between calls, must write the
// same bytes.
func marshalWhole(t *testing.T, r *Response, b *Bank) []byte {
	t.Helper()
	str := func(s string) *yaml.Node { return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s} }
	kv := func(m *yaml.Node, k string, v *yaml.Node) { m.Content = append(m.Content, str(k), v) }
	root := &yaml.Node{Kind: yaml.MappingNode}
	kv(root, "candor", &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!int", Value: "1"})
	kv(root, "kind", str("response"))
	bank := &yaml.Node{Kind: yaml.MappingNode, Style: yaml.FlowStyle}
	kv(bank, "id", str(r.Bank.ID))
	kv(bank, "version", str(r.Bank.Version))
	if r.Bank.Digest != "" {
		kv(bank, "digest", &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: r.Bank.Digest, Style: yaml.DoubleQuotedStyle})
	}
	kv(root, "bank", bank)
	if r.Respondent != "" {
		kv(root, "respondent", str(r.Respondent))
	}
	kv(root, "status", str(string(r.Status)))
	kv(root, "started", &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!timestamp", Value: r.Started.UTC().Format(time.RFC3339)})
	kv(root, "updated", &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!timestamp", Value: r.Updated.UTC().Format(time.RFC3339)})
	answers := &yaml.Node{Kind: yaml.MappingNode}
	ids := r.answerOrder(b)
	if len(ids) == 0 {
		answers.Style = yaml.FlowStyle
	}
	for _, id := range ids {
		kv(answers, id, valueNode(r.Answers[id]))
	}
	kv(root, "answers", answers)
	if len(r.Skipped) > 0 {
		sk := &yaml.Node{Kind: yaml.SequenceNode, Style: yaml.FlowStyle}
		for _, id := range r.Skipped {
			sk.Content = append(sk.Content, str(id))
		}
		kv(root, "skipped", sk)
	}
	out, err := encodeYAML(root)
	require.NoError(t, err)
	return out
}

// TestMarshalKeepsEachAnswer: saving after every answer (as take does) writes, each time,
// exactly what encoding the whole response would, for answers of every kind and awkward
// text (long lines, line breaks, quotes, YAML-looking words, wide characters), as answers
// are given, changed, removed and skipped, and the file reads back as the same answers.
func TestMarshalKeepsEachAnswer(t *testing.T) {
	b := respLoadBank(t, respBank)
	r := NewResponse(b, time.Date(2026, 11, 22, 9, 0, 0, 0, time.UTC))
	r.Respondent = "Sam: \"the\" one"
	texts := []string{
		"plain", "", " leading space", "yes", "null", "- a dash", "# hash", "key: value",
		strings.Repeat("a long line of words ", 12), "two\nlines", "ends with a break\n",
		"\n\nblank first", "tab\there", "信頼を取り戻すための質問です" + strings.Repeat("信頼", 40),
		"'single' and \"double\"", "1.5", "0x1F", "~", "@at", "*star", "&amp", "{brace}", "[list]",
	}
	steps := []func(){
		func() { r.SetAnswer("safe", true) },
		func() { r.SetAnswer("level", 2.0) },
		func() { r.SetAnswer("how_often", "never") },
		func() { r.SetAnswer("helps", []any{"talk", "rest"}) },
		func() { r.SetAnswer("hope", 5.0) },
		func() { r.SetAnswer("hours", 7.5) },
		func() { r.SetAnswer("helps", []any{"walk"}) },
		func() { r.SetAnswer("safe", false) },
		func() { r.SetAnswer("level", nil); r.SetSkipped("level", true) },
		func() { r.SetAnswer("unknown_id", "kept") },
		func() { r.Answers["hours"] = 8.0 }, // changed without SetAnswer
		func() { r.SetAnswer("helps", []any{}) },
	}
	for _, text := range texts {
		steps = append(steps, func() { r.SetAnswer("note", text) })
	}
	check := func(step int) {
		got, err := r.Marshal(b)
		require.NoError(t, err)
		require.Equal(t, string(marshalWhole(t, r, b)), string(got), "after step %d", step)
		back, ds := ReadResponse("r.yaml", got)
		require.NotNil(t, back, "%v\n%s", ds, got)
		assert.Equal(t, len(r.Answers), len(back.Answers), "after step %d", step)
		for id, v := range r.Answers {
			assert.True(t, sameAnswer(v, back.Answers[id]), "step %d: %s = %#v, read back %#v", step, id, v, back.Answers[id])
		}
	}
	check(-1) // no answers yet
	for i, step := range steps {
		step()
		r.Status = []Status{InProgress, Completed}[i%2]
		r.Updated = r.Updated.Add(time.Minute)
		check(i)
	}
}
