package render

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/candor-app/candor/questionnaire"
	"github.com/candor-app/candor/scoring"
)

func TestBar(t *testing.T) {
	tests := []struct {
		frac  float64
		cells int
		ascii bool
		want  string
	}{
		{0.6, 10, false, "██████░░░░"},
		{0.6, 10, true, "######----"},
		{0, 5, false, "░░░░░"},
		{1, 5, false, "█████"},
		{1.7, 4, true, "####"},
		{-1, 4, true, "----"},
		{0.5, 0, false, ""},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, Bar(tt.frac, tt.cells, glyphsFor(tt.ascii)), "%v of %d", tt.frac, tt.cells)
	}
}

func f(v float64) *float64 { return &v }

func TestFormatValueAndFraction(t *testing.T) {
	tests := []struct {
		name string
		s    scoring.ScoreResult
		want string
		frac float64
		ok   bool
	}{
		{"sum", scoring.ScoreResult{Value: f(6), Min: f(0), Max: f(10)}, "6 / 10", 0.6, true},
		{"mean", scoring.ScoreResult{Value: f(3.4), Min: f(1), Max: f(5)}, "3.4 / 5", 0.6, true},
		{"percent", scoring.ScoreResult{Value: f(72), Min: f(0), Max: f(100), Score: &questionnaire.Score{Method: "percent"}}, "72%", 0.72, true},
		{"below zero", scoring.ScoreResult{Value: f(-2), Min: f(-5), Max: f(5)}, "-2 (from -5 to 5)", 0.3, true},
		{"open range", scoring.ScoreResult{Value: f(12.5), Min: f(0)}, "12.5", 0, false},
		{"no value", scoring.ScoreResult{Min: f(0), Max: f(3)}, "", 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, formatValue(nil, tt.s))
			frac, ok := scoreFraction(tt.s)
			assert.Equal(t, tt.ok, ok)
			assert.InDelta(t, tt.frac, frac, 1e-9)
		})
	}
}

func TestStyle(t *testing.T) {
	assert.Equal(t, "x", Style{}.Bold("x"))
	assert.Equal(t, "x", Style{}.Accent("x"))
	assert.Equal(t, "\x1b[1mx\x1b[0m", Style{On: true}.Bold("x"))
	assert.Equal(t, "", Style{On: true}.Bold(""))
}

func TestFrame(t *testing.T) {
	got := Frame([]string{"Title", "", "Some text."}, 30, UnicodeGlyphs, Style{})
	assert.Equal(t, []string{
		"╭────────────────────────────╮",
		"│                            │",
		"│  Title                     │",
		"│                            │",
		"│  Some text.                │",
		"│                            │",
		"╰────────────────────────────╯",
	}, got)
	for _, l := range Frame([]string{"\x1b[1mBold\x1b[0m"}, 40, ASCIIGlyphs, Style{On: true}) {
		assert.Equal(t, 40, visibleWidth(l), "%q", l)
	}
	narrow := Frame([]string{"Text"}, 20, ASCIIGlyphs, Style{})
	assert.Equal(t, []string{strings.Repeat("=", 20), "", "Text", "", strings.Repeat("=", 20)}, narrow)
}

func TestMarkdownEscape(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain words, don't.", "plain words, don't."},
		{"*bold* _it_ `code` [link](x) <b>", `\*bold\* \_it\_ \` + "`" + `code\` + "`" + ` \[link\](x) \<b\>`},
		{"# not a heading", `\# not a heading`},
		{"- not a list", `\- not a list`},
		{"1. not a list", `1\. not a list`},
		{"3.4 stays", "3.4 stays"},
		{"line\nbreaks  join", "line breaks join"},
		{"esc \x1b[31m", `esc ^\[\[31m`},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, MarkdownEscape(tt.in), "%q", tt.in)
	}
}
