package render

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"

	"github.com/candor-app/candor/questionnaire"
	"github.com/candor-app/candor/scoring"
)

func TestWidth(t *testing.T) {
	tests := []struct {
		in   string
		want int
	}{
		{"", 0},
		{"trust", 5},
		{"café", 4},
		{"cafe\u0301", 4}, // e + combining acute
		{"信頼", 4},
		{"🙂", 2},
		{"a\u200bb", 2}, // zero-width space
		{"██░░", 4},
		{"한국어", 6},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, Width(tt.in), "%q", tt.in)
	}
}

func TestWrap(t *testing.T) {
	tests := []struct {
		name  string
		in    string
		width int
		want  []string
	}{
		{"fits", "one two three", 20, []string{"one two three"}},
		{"breaks at spaces", "one two three", 8, []string{"one two", "three"}},
		{"white space is one space", "one\t two\n three", 40, []string{"one two three"}},
		{"empty", "", 10, []string{""}},
		{"long word is cut", "abcdefghij", 4, []string{"abcd", "efgh", "ij"}},
		{"url breaks after a slash", "see https://example.org/a/b/c", 16, []string{"see", "https://example.", "org/a/b/c"}},
		{"wide characters count twice", "信頼信頼信頼", 5, []string{"信頼", "信頼", "信頼"}},
		{"combining marks stay with their letter", "e\u0301e\u0301e\u0301", 2, []string{"e\u0301e\u0301", "e\u0301"}},
		{"exact width", "abcd efgh", 4, []string{"abcd", "efgh"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, Wrap(tt.in, tt.width))
		})
	}
}

func TestWrapIndent(t *testing.T) {
	got := WrapIndent("one two three four", 12, "  • ", "    ")
	assert.Equal(t, []string{"  • one two", "    three", "    four"}, got)
	assert.Equal(t, []string{"  a b", "  c"}, WrapIndent("a b c", 5, "", "  "))
}

func TestParagraphs(t *testing.T) {
	in := "First line\nsame paragraph.\n\nSecond.\n- item one\n  continued\n* item two\n2) numbered\n\n\nLast."
	assert.Equal(t, []Paragraph{
		{Text: "First line same paragraph."},
		{Text: "Second."},
		{Marker: "-", Text: "item one continued"},
		{Marker: "*", Text: "item two"},
		{Marker: "2)", Text: "numbered"},
		{Text: "Last."},
	}, Paragraphs(in))
	assert.Empty(t, Paragraphs("  \n\n "))
}

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
		assert.Equal(t, tt.want, Bar(tt.frac, tt.cells, GlyphsFor(tt.ascii)), "%v of %d", tt.frac, tt.cells)
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
			assert.Equal(t, tt.want, FormatValue(tt.s))
			frac, ok := ScoreFraction(tt.s)
			assert.Equal(t, tt.ok, ok)
			assert.InDelta(t, tt.frac, frac, 1e-9)
		})
	}
}

func TestEffectiveWidth(t *testing.T) {
	for in, want := range map[int]int{0: 80, -3: 80, 5: MinWidth, 20: 20, 40: 40, 80: 80, 100: 100, 300: MaxWidth} {
		assert.Equal(t, want, EffectiveWidth(in), "%d", in)
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

// FuzzWrap: no line is wider than asked (unless a single character is), and no word is lost.
func FuzzWrap(f *testing.F) {
	f.Add("Rebuilding trust takes a long time.", 20)
	f.Add("https://example.org/a/very/long/path?x=1&y=2", 10)
	f.Add("信頼を取り戻す e\u0301 🙂 tab\there", 3)
	f.Add("", 1)
	f.Fuzz(func(t *testing.T, s string, width int) {
		if !utf8.ValidString(s) || width > 500 {
			return
		}
		lines := Wrap(s, width)
		w := max(width, 1)
		for _, l := range lines {
			if Width(l) > w && utf8.RuneCountInString(strings.TrimSpace(l)) > 1 {
				// A line may be wider only when it holds a single wide character,
				// possibly with its combining marks.
				first, _ := utf8.DecodeRuneInString(l)
				if Width(l) != runeWidth(first) {
					t.Fatalf("line %q is %d wide, more than %d", l, Width(l), w)
				}
			}
		}
		assert.Equal(t, strings.Join(strings.Fields(s), ""), strings.ReplaceAll(strings.Join(lines, ""), " ", ""))
	})
}
