package suggest

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// Some of a bank's lists of words, as the loader checks names against them.
var (
	types        = []string{"yesno", "choice", "multi", "scale", "number", "text", "date", "info"}
	questionKeys = []string{"id", "text", "help", "type", "choices", "min", "max", "labels", "required", "decline", "when", "reverse", "code", "warning_sign"}
	optionKeys   = []string{"value", "label", "score", "code", "exclusive"}
	topKeys      = []string{"candor", "id", "version", "title", "for", "language", "intro", "outro", "safety_open", "decline", "sources", "recipients", "choices", "sections", "questions", "scores", "flags", "outcomes", "tests"}
	sectionKeys  = []string{"id", "title", "intro", "when", "questions"}
	testKeys     = []string{"name", "answers", "expect"}
	expectKeys   = []string{"outcome", "scores", "bands", "flags"}
	levels       = []string{"urgent", "warning", "note"}
	methods      = []string{"sum", "mean", "percent"}
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
		{"sacle", types, "scale"},
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
			assert.Equal(t, tt.want, Nearest(tt.s, tt.candidates))
		})
	}
}

func TestDidYouMean(t *testing.T) {
	assert.Equal(t, "did you mean `scale`?", DidYouMean("sacle", types, "types: ..."))
	assert.Equal(t, "types: ...", DidYouMean("xyz", types, "types: ..."))
	assert.Equal(t, "", DidYouMean("xyz", nil, ""))
}

func TestHintNamesOneOrSeveral(t *testing.T) {
	assert.Equal(t, "did you mean `weekly-trust`?", Hint("weekly-trust"))
	assert.Equal(t, "did you mean one of `what-trust-is`, `weekly-trust`?", Hint("what-trust-is", "weekly-trust"))
}
