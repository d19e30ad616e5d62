package text

import (
	"errors"
	"io/fs"
	"os"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/rivo/uniseg"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
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
		{"\u2764\ufe0f", 2},         // heart + VS16: an emoji picture, two columns
		{"\u263a\ufe0f ok", 5},      // smiling face + VS16
		{"👩\u200d💻", 2},             // ZWJ sequence: one picture
		{"👍🏽", 2},                   // skin tone modifier
		{"\U0001F1F3\U0001F1F4", 2}, // a flag: two regional indicators
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
		{"long word after a short one", "ab abcdefghijklmno", 10, []string{"ab", "abcdefghij", "klmno"}},
		{"url breaks after a slash", "see https://example.org/a/b/c", 16, []string{"see", "https://example.", "org/a/b/c"}},
		{"wide characters count twice", "信頼信頼信頼", 5, []string{"信頼", "信頼", "信頼"}},
		{"combining marks stay with their letter", "e\u0301e\u0301e\u0301", 2, []string{"e\u0301e\u0301", "e\u0301"}},
		{"exact width", "abcd efgh", 4, []string{"abcd", "efgh"}},
		{"VS16 emoji count two", "\u2764\ufe0f\u2764\ufe0f\u2764\ufe0f", 5, []string{"\u2764\ufe0f\u2764\ufe0f", "\u2764\ufe0f"}},
		{"an emoji sequence is never split", "👩\u200d💻👩\u200d💻", 3, []string{"👩\u200d💻", "👩\u200d💻"}},
		{"a wide character on a line of one", "信x", 1, []string{"信", "x"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Wrap(tt.in, tt.width)
			assert.Equal(t, tt.want, got)
			for _, l := range got {
				if uniseg.GraphemeClusterCount(l) > 1 {
					assert.LessOrEqual(t, uniseg.StringWidth(l), tt.width, "%q", l)
				}
			}
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

func TestEffectiveWidth(t *testing.T) {
	for in, want := range map[int]int{0: 80, -3: 80, 5: 20, 20: 20, 40: 40, 80: 80, 100: 100, 300: 100} {
		assert.Equal(t, want, EffectiveWidth(in), "%d", in)
	}
	assert.Equal(t, 80, DefaultWidth)
	assert.Equal(t, 20, MinWidth)
	assert.Equal(t, 100, MaxWidth)
}

func TestPad(t *testing.T) {
	assert.Equal(t, "信頼  |", Pad("信頼", 6)+"|")
	assert.Equal(t, "\u2764\ufe0f    |", Pad("\u2764\ufe0f", 6)+"|")
	assert.Equal(t, "toolong", Pad("toolong", 3))
}

var sanitizeTests = []struct {
	name, in, want string
}{
	{"plain", "Do you feel safe?", "Do you feel safe?"},
	{"accents and emoji", "café 💛", "café 💛"},
	{"newline and tab kept", "one\ntwo\tthree", "one\ntwo\tthree"},
	{"ESC", "\x1b[31mred\x1b[0m", "^[[31mred^[[0m"},
	{"carriage return", "safe\rnot safe", "safe^Mnot safe"},
	{"bell", "ding\a", "ding^G"},
	{"NUL", "a\x00b", "a^@b"},
	{"DEL", "a\x7fb", "a^?b"},
	{"C1 CSI", "a\u009b2Jb", `a\u009b2Jb`},
	{"C1 NEL", "a\u0085b", `a\u0085b`},
	{"bidi override", "abc\u202edcba", `abc\u202edcba`},
	{"bidi embeddings", "\u202aa\u202bb\u202cc\u202dd", `\u202aa\u202bb\u202cc\u202dd`},
	{"bidi isolate", "\u2066x\u2069", `\u2066x\u2069`},
	{"line separator", "a\u2028b", `a\u2028b`},
	{"invalid UTF-8", "a\x9bb\xffc", `a\x9bb\xffc`},
	{"replacement character itself is kept", "a\ufffdb", "a\ufffdb"},
	// Invisible characters (#12 defect 11).
	{"LRM RLM ALM", "a\u200eb\u200fc\u061cd", `a\u200eb\u200fc\u061cd`},
	{"zero-width space", "not\u200bsafe", `not\u200bsafe`},
	{"zero-width non-joiner", "a\u200cb", `a\u200cb`},
	{"zero-width joiner between letters", "a\u200db", `a\u200db`},
	{"word joiner", "a\u2060b", `a\u2060b`},
	{"byte order mark", "\ufeffsafe", `\ufeffsafe`},
	{"soft hyphen", "safe\u00adty", `safe\u00adty`},
	{"Hangul fillers", "\u115f\u1160\u3164\uffa0", `\u115f\u1160\u3164\uffa0`},
	{"tag characters", "ok\U000E0001\U000E0041\U000E007F\U000E0000", `ok\U000e0001\U000e0041\U000e007f\U000e0000`},
	{"interlinear annotation", "\ufff9a\ufffab\ufffb", `\ufff9a\ufffab\ufffb`},
	{"deprecated format characters", "\u206a\u206b\u206c\u206d\u206e\u206f", `\u206a\u206b\u206c\u206d\u206e\u206f`},
	{"a joiner inside an emoji sequence is kept", "👩\u200d💻 and 👨\u200d👩\u200d👧", "👩\u200d💻 and 👨\u200d👩\u200d👧"},
	{"a joiner after an emoji, before a letter", "👩\u200dx", `👩\u200dx`},
	{"a joiner ending the text", "👩\u200d", `👩\u200d`},
	{"a joiner before a bidi override", "👩\u200d\u202e", `👩\u200d\u202e`},
	{"noncharacters", "a\ufffeb\uffffc\ufdd0\U0010FFFF", `a\ufffeb\uffffc\ufdd0\U0010ffff`},
	{"variation selector kept", "\u2764\ufe0f", "\u2764\ufe0f"},
	{"combining marks kept", "e\u0301", "e\u0301"},
}

func TestSanitize(t *testing.T) {
	for _, tt := range sanitizeTests {
		t.Run(tt.name, func(t *testing.T) {
			got := Sanitize(tt.in)
			assert.Equal(t, tt.want, got)
			assert.NotContains(t, got, "\x1b")
			assert.NotContains(t, got, "\r")
			assert.Equal(t, got, Sanitize(got), "sanitizing twice changes nothing")
			assert.Equal(t, strings.ReplaceAll(got, "\t", " "), Clean(tt.in))
		})
	}
}

func TestStrip(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain text", "plain text"},
		{"tab\there", "tab here"},
		{"\x1b[Aup", "[Aup"},
		{"a\u202eb\u200bc\ufeff", "abc"},
		{"bad \xff byte", "bad \ufffd byte"},
		{"👩\u200d💻", "👩\u200d💻"},
		{"a\u200db", "ab"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, Strip(tt.in), "%q", tt.in)
	}
}

// FuzzSanitize checks that nothing Sanitize returns can control a terminal or hide a
// character, and that sanitizing twice changes nothing.
func FuzzSanitize(f *testing.F) {
	for _, tt := range sanitizeTests {
		f.Add(tt.in)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := Sanitize(s)
		if Sanitize(got) != got {
			t.Fatalf("Sanitize(%q) = %q, not stable", s, got)
		}
		each(got, func(r rune, raw string, keep bool) {
			if !keep {
				t.Fatalf("Sanitize(%q) = %q keeps %U", s, got, r)
			}
		})
		st := Strip(s)
		each(st, func(r rune, raw string, keep bool) {
			if !keep && r != 0xfffd {
				t.Fatalf("Strip(%q) = %q keeps %U", s, st, r)
			}
		})
	})
}

// FuzzWrap: no line is wider than asked (unless it holds one grapheme cluster), and no word
// is lost.
func FuzzWrap(f *testing.F) {
	f.Add("Rebuilding trust takes a long time.", 20)
	f.Add("https://example.org/a/very/long/path?x=1&y=2", 10)
	f.Add("信頼を取り戻す e\u0301 🙂 tab\there \u2764\ufe0f 👩\u200d💻", 3)
	f.Add("", 1)
	f.Fuzz(func(t *testing.T, s string, width int) {
		if !utf8.ValidString(s) || width > 500 {
			return
		}
		s = Clean(s)
		lines := Wrap(s, width)
		w := max(width, 1)
		for _, l := range lines {
			if Width(l) > w && uniseg.GraphemeClusterCount(l) > 1 {
				t.Fatalf("line %q is %d wide, more than %d", l, Width(l), w)
			}
		}
		assert.Equal(t, strings.Join(strings.Fields(s), ""), strings.ReplaceAll(strings.Join(lines, ""), " ", ""))
	})
}

func TestTruncate(t *testing.T) {
	tests := []struct {
		in    string
		width int
		want  string
	}{
		{"short", 30, "short"},
		{"abcdef", 6, "abcdef"},
		{"abcdefg", 6, "abcde…"},
		{"信頼信頼信頼", 6, "信頼信頼信頼"[:6] + "…"},
		{"信頼信頼信頼", 5, "信頼…"},
		{"👩\u200d💻👩\u200d💻👩\u200d💻", 4, "👩\u200d💻…"},
		{"e\u0301e\u0301e\u0301e\u0301", 3, "e\u0301e\u0301…"},
	}
	for _, tt := range tests {
		got := Truncate(tt.in, tt.width)
		assert.Equal(t, tt.want, got, "%q", tt.in)
		assert.LessOrEqual(t, uniseg.StringWidth(got), tt.width, "%q", got)
	}
}

func TestWithoutPath(t *testing.T) {
	_, err := os.Open("/no/such/file")
	require.Error(t, err)
	assert.Equal(t, "no such file or directory", WithoutPath(err).Error())
	assert.ErrorIs(t, WithoutPath(err), fs.ErrNotExist)
	plain := errors.New("plain")
	assert.Equal(t, plain, WithoutPath(plain))
}
