package questionnaire

import (
	"math"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.yaml.in/yaml/v3"
)

func TestLevenshtein(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{
		{"", "", 0},
		{"a", "", 1},
		{"", "abc", 3},
		{"type", "type", 0},
		{"tpye", "type", 2},
		{"kitten", "sitting", 3},
		{"flaw", "lawn", 2},
		{"café", "cafe", 1}, // runes, not bytes
		{strings.Repeat("a", 65), "a", 1 << 20},
	}
	for _, tt := range tests {
		t.Run(tt.a+"/"+tt.b, func(t *testing.T) {
			assert.Equal(t, tt.want, levenshtein(tt.a, tt.b))
			if tt.want < 1<<20 {
				assert.Equal(t, tt.want, levenshtein(tt.b, tt.a), "symmetric")
			}
		})
	}
}

func TestNearest(t *testing.T) {
	tests := []struct {
		s          string
		candidates []string
		want       string
	}{
		{"tpye", questionKeys, "type"},
		{"lable", optionKeys, "label"},
		{"Title", topKeys, "title"}, // case does not count
		{"questons", sectionKeys, "questions"},
		{"answer", testKeys, "answers"},
		{"outcomes", expectKeys, "outcome"},
		{"urgnet", levels, "urgent"},
		{"sacle", questionTypes, "scale"},
		{"median", methods, "mean"},
		{"ab", []string{"ac"}, "ac"},
		{"a", []string{"b"}, ""},  // one letter is too short to guess
		{"xyz", questionKeys, ""}, // nothing close
		{"critical", levels, ""},  // too far
		{"feel_saef", []string{"feel_safe", "hurt"}, "feel_safe"},
		{"x", nil, ""},
		{strings.Repeat("q", 100), []string{strings.Repeat("q", 99)}, ""}, // too long to compare
	}
	for _, tt := range tests {
		t.Run(tt.s, func(t *testing.T) {
			assert.Equal(t, tt.want, nearest(tt.s, tt.candidates))
		})
	}
}

func TestDidYouMean(t *testing.T) {
	assert.Equal(t, "did you mean `scale`?", DidYouMean("sacle", questionTypes, "types: ..."))
	assert.Equal(t, "types: ...", DidYouMean("xyz", questionTypes, "types: ..."))
	assert.Equal(t, "", DidYouMean("xyz", nil, ""))
}

func TestFormatNumber(t *testing.T) {
	tests := []struct {
		in   float64
		want string
	}{
		{0, "0"},
		{math.Copysign(0, -1), "0"},
		{3, "3"},
		{-1, "-1"},
		{2.5, "2.5"},
		{func() float64 { a := 0.1; return a + 0.2 }(), "0.30000000000000004"},
		{1.0 / 3, "0.3333333333333333"},
		{1e15, "1000000000000000"},
		{1e20, "100000000000000000000"},
		{-7.25, "-7.25"},
	}
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			assert.Equal(t, tt.want, FormatNumber(tt.in))
		})
	}
}

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

func TestExprPos(t *testing.T) {
	tests := []struct {
		name      string
		src       string
		line, col int // inside the expression: line from 1, column from 0
		want      Pos // line and column in the file
	}{
		{"plain", "when: a = 1\n", 1, 2, Pos{Line: 1, Col: 9}},
		{"plain, first column", "when: a = 1\n", 1, 0, Pos{Line: 1, Col: 7}},
		{"plain, indented", "x:\n  - when: a = 1\n", 1, 2, Pos{Line: 2, Col: 13}},
		{"flow mapping", "- {id: f, when: a = 1, title: F}\n", 1, 2, Pos{Line: 1, Col: 19}},
		{"double quoted", "when: \"a = 1\"\n", 1, 2, Pos{Line: 1, Col: 10}},
		{"single quoted", "when: 'a = 1'\n", 1, 2, Pos{Line: 1, Col: 10}},
		{"plain over two lines", "when: a == 1 and\n  b = 2\n", 1, 13, Pos{Line: 2, Col: 5}},
		{"plain, at the end of the first line", "when: a and\n  b\n", 1, 5, Pos{Line: 1, Col: 12}},
		{"literal block", "when: |\n  a == 1 and\n  b = 2\n", 2, 2, Pos{Line: 3, Col: 5}},
		{"literal block, more indented line", "when: |\n    a and\n      b ]\n", 2, 4, Pos{Line: 3, Col: 9}},
		{"literal block, first line", "when: |\n  a = 1\n", 1, 2, Pos{Line: 2, Col: 5}},
		{"folded block", "when: >-\n  a == 1\n  and b = 2\n", 1, 13, Pos{Line: 3, Col: 9}},
		{"folded block, first line", "when: >-\n  a = 1\n  and b\n", 1, 2, Pos{Line: 2, Col: 5}},
		{"line 0 is line 1", "when: a = 1\n", 0, 2, Pos{Line: 1, Col: 9}},
		{"double quoted with escapes", `when: "a == \"x\" = 1"` + "\n", 1, 9, Pos{Line: 1, Col: 19}},
		{"double quoted with a unicode escape", `when: "a == \u00e9 = 1"` + "\n", 1, 7, Pos{Line: 1, Col: 20}},
		{"single quoted with a quote", "when: 'a == ''x'' = 1'\n", 1, 9, Pos{Line: 1, Col: 19}},
		{"double quoted over two lines", "when: \"a == 1 and\n  b = 2\"\n", 1, 13, Pos{Line: 2, Col: 5}},
		{"the end of the expression", "when: a and (b\n", 1, 8, Pos{Line: 1, Col: 15}},
		{"past the end stays on the line", "when: a and (b\n\nx: 1\n", 1, 10, Pos{Line: 1, Col: 17}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n := findWhen(t, tt.src)
			tt.want.File = "f.yaml"
			got := exprPos("f.yaml", placeOfScalar(n), []byte(tt.src), tt.line, tt.col)
			assert.Equal(t, tt.want, got)
			// The position is inside the file.
			assert.NotEmpty(t, sourceLine([]byte(tt.src), got.Line))
		})
	}
}

func TestSourceLine(t *testing.T) {
	src := []byte("one\r\ntwo\n\nfour")
	assert.Equal(t, "one", sourceLine(src, 1))
	assert.Equal(t, "two", sourceLine(src, 2))
	assert.Equal(t, "", sourceLine(src, 3))
	assert.Equal(t, "four", sourceLine(src, 4))
	assert.Equal(t, "", sourceLine(src, 5))
	assert.True(t, sourceLineExists(src, 4))
	assert.False(t, sourceLineExists(src, 5))
}

func TestExcerpt(t *testing.T) {
	short, col := excerpt("short line", 3, 74)
	assert.Equal(t, "short line", short)
	assert.Equal(t, 3, col)

	long := strings.Repeat("a", 50) + "X" + strings.Repeat("b", 100)
	shown, col := excerpt(long, 51, 74)
	assert.LessOrEqual(t, len([]rune(shown)), 74)
	assert.Equal(t, "X", string([]rune(shown)[col-1]), "the caret still points at the column")

	_, col = excerpt("abc", 10, 74)
	assert.Zero(t, col, "a column past the end of the line gets no caret")
}

func TestScoreRange(t *testing.T) {
	yes := func(id string) *Question { return &Question{ID: id, Type: YesNo} }
	scale := func(id string, lo, hi float64) *Question {
		return &Question{ID: id, Type: Scale, Min: lo, Max: hi, HasMin: true, HasMax: true}
	}
	opts := func(scores ...float64) []*Option {
		var out []*Option
		for i, s := range scores {
			out = append(out, &Option{Value: float64(i), Score: s, HasScore: true})
		}
		return out
	}
	inf := math.Inf(1)
	tests := []struct {
		name   string
		score  Score
		lo, hi float64
	}{
		{"sum of yes/no", Score{Method: "sum", Items: []*Question{yes("a"), yes("b"), yes("c")}}, 0, 3},
		{"sum of scales", Score{Method: "sum", Items: []*Question{scale("a", 1, 5), scale("b", 0, 4)}}, 1, 9},
		{"reverse keeps the range", Score{Method: "sum", Items: []*Question{{ID: "a", Type: Scale, Min: 1, Max: 4, HasMin: true, HasMax: true, Reverse: true}, scale("b", 1, 4)}}, 2, 8},
		{"mean", Score{Method: "mean", Items: []*Question{scale("a", 1, 7), scale("b", 1, 7)}}, 1, 7},
		{"mean of different scales", Score{Method: "mean", Items: []*Question{scale("a", 0, 10), scale("b", 1, 5)}}, 0.5, 7.5},
		{"weighted mean", Score{Method: "mean", Weights: map[string]float64{"a": 2}, Items: []*Question{scale("a", 1, 7), scale("b", 1, 4)}}, 1, 6},
		{"percent", Score{Method: "percent", Items: []*Question{scale("a", 1, 5)}}, 0, 100},
		{"weights", Score{Method: "sum", Weights: map[string]float64{"b": 3}, Items: []*Question{yes("a"), yes("b")}}, 0, 4},
		{"negative weight", Score{Method: "sum", Weights: map[string]float64{"b": -1}, Items: []*Question{yes("a"), yes("b")}}, -1, 1},
		{"choice", Score{Method: "sum", Items: []*Question{{ID: "a", Type: Choice, Options: opts(2, 0, 5)}}}, 0, 5},
		{"multi adds its options", Score{Method: "sum", Items: []*Question{{ID: "a", Type: Multi, Options: opts(2, 3, 0)}}}, 0, 5},
		{"multi with a negative option", Score{Method: "sum", Items: []*Question{{ID: "a", Type: Multi, Options: opts(-1, 2)}}}, -1, 2},
		{"number with bounds", Score{Method: "sum", Items: []*Question{{ID: "a", Type: Number, Min: 0, Max: 7, HasMin: true, HasMax: true}}}, 0, 7},
		{"number without max", Score{Method: "sum", Items: []*Question{{ID: "a", Type: Number, Min: 0, HasMin: true}}}, 0, inf},
		{"number without bounds", Score{Method: "sum", Items: []*Question{{ID: "a", Type: Number}, yes("b")}}, -inf, inf},
		{"no items", Score{Method: "sum"}, 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lo, hi := tt.score.Range()
			assert.Equal(t, tt.lo, lo, "lowest")
			assert.Equal(t, tt.hi, hi, "highest")
		})
	}
}

func TestBandFor(t *testing.T) {
	s := Score{Bands: []*Band{{Max: 1, HasMax: true, Label: "low"}, {Max: 3, HasMax: true, Label: "mid"}, {Label: "high"}}}
	for v, want := range map[float64]string{-5: "low", 1: "low", 1.5: "mid", 3: "mid", 3.01: "high", 1e9: "high"} {
		assert.Equal(t, want, s.BandFor(v).Label, "value %v", v)
	}
	closed := Score{Bands: []*Band{{Max: 1, HasMax: true, Label: "low"}}}
	assert.Nil(t, closed.BandFor(2))
}
