package render

// Shared text helpers for every renderer of the package (summary, worksheet, compare,
// history): display width, wrapping, paragraphs, bars, rules, frames and color.

import (
	"bufio"
	"math"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/candor-app/candor/questionnaire"
	"github.com/candor-app/candor/scoring"
)

// Layout limits, in terminal columns.
const (
	// DefaultWidth is the width when none is known.
	DefaultWidth = 80
	// MinWidth is the narrowest layout; narrower requests get this.
	MinWidth = 20
	// MaxWidth caps lines on very wide terminals: long lines are hard to read.
	MaxWidth = 100
	// BarCells is a bar's length where there is room.
	BarCells = 10
)

// EffectiveWidth turns a requested width into the one to lay out for: 0 means
// DefaultWidth, and the result lies between MinWidth and MaxWidth.
func EffectiveWidth(w int) int {
	switch {
	case w <= 0:
		return DefaultWidth
	case w < MinWidth:
		return MinWidth
	case w > MaxWidth:
		return MaxWidth
	}
	return w
}

// Glyphs are the characters lines, bars and frames are drawn with.
type Glyphs struct {
	BarFull, BarEmpty string
	// Rule underlines a section heading; HeavyRule the headline.
	Rule, HeavyRule string
	Bullet          string
	// Frame corners and sides: top-left, top-right, bottom-left, bottom-right,
	// horizontal, vertical.
	TL, TR, BL, BR, H, V string
	// Dot separates items on one line.
	Dot string
}

// UnicodeGlyphs draw with box-drawing and block characters.
var UnicodeGlyphs = Glyphs{
	BarFull: "█", BarEmpty: "░", Rule: "─", HeavyRule: "━", Bullet: "•",
	TL: "╭", TR: "╮", BL: "╰", BR: "╯", H: "─", V: "│", Dot: "·",
}

// ASCIIGlyphs draw with plain ASCII, for terminals that cannot show more.
var ASCIIGlyphs = Glyphs{
	BarFull: "#", BarEmpty: "-", Rule: "-", HeavyRule: "=", Bullet: "*",
	TL: "+", TR: "+", BL: "+", BR: "+", H: "-", V: "|", Dot: "-",
}

// GlyphsFor returns ASCIIGlyphs when ascii is set, else UnicodeGlyphs.
func GlyphsFor(ascii bool) Glyphs {
	if ascii {
		return ASCIIGlyphs
	}
	return UnicodeGlyphs
}

// Style adds ANSI attributes when On; otherwise every method returns its text unchanged, so
// output without color carries no escape codes at all.
type Style struct{ On bool }

func (s Style) wrap(code, text string) string {
	if !s.On || text == "" {
		return text
	}
	return "\x1b[" + code + "m" + text + "\x1b[0m"
}

// Bold is for headlines and labels.
func (s Style) Bold(text string) string { return s.wrap("1", text) }

// Accent is the calm color of frames around what must not be missed.
func (s Style) Accent(text string) string { return s.wrap("36", text) }

// AccentBold is Accent and Bold together.
func (s Style) AccentBold(text string) string { return s.wrap("1;36", text) }

// Faint is for quiet details (dates, paths).
func (s Style) Faint(text string) string { return s.wrap("2", text) }

// Width is the number of terminal columns s takes: combining and zero-width characters
// take none, East Asian wide characters and most emoji two. s must hold no escape codes.
func Width(s string) int {
	n := 0
	for _, r := range s {
		n += runeWidth(r)
	}
	return n
}

func runeWidth(r rune) int {
	switch {
	case r == 0:
		return 0
	case r < 0x300:
		return 1
	case unicode.In(r, unicode.Mn, unicode.Me, unicode.Cf), r == 0x200b,
		r >= 0xfe00 && r <= 0xfe0f, r >= 0x1160 && r <= 0x11ff:
		return 0
	case isWide(r):
		return 2
	}
	return 1
}

var wideRanges = [][2]rune{
	{0x1100, 0x115f}, {0x231a, 0x231b}, {0x2329, 0x232a}, {0x23e9, 0x23ec}, {0x23f0, 0x23f0},
	{0x23f3, 0x23f3}, {0x25fd, 0x25fe}, {0x2614, 0x2615}, {0x2648, 0x2653}, {0x267f, 0x267f},
	{0x2693, 0x2693}, {0x26a1, 0x26a1}, {0x26aa, 0x26ab}, {0x26bd, 0x26be}, {0x26c4, 0x26c5},
	{0x26ce, 0x26ce}, {0x26d4, 0x26d4}, {0x26ea, 0x26ea}, {0x26f2, 0x26f3}, {0x26f5, 0x26f5},
	{0x26fa, 0x26fa}, {0x26fd, 0x26fd}, {0x2705, 0x2705}, {0x270a, 0x270b}, {0x2728, 0x2728},
	{0x274c, 0x274c}, {0x274e, 0x274e}, {0x2753, 0x2755}, {0x2757, 0x2757}, {0x2795, 0x2797},
	{0x27b0, 0x27b0}, {0x27bf, 0x27bf}, {0x2b1b, 0x2b1c}, {0x2b50, 0x2b50}, {0x2b55, 0x2b55},
	{0x2e80, 0x303e}, {0x3041, 0x33ff}, {0x3400, 0x4dbf}, {0x4e00, 0x9fff}, {0xa000, 0xa4cf},
	{0xa960, 0xa97f}, {0xac00, 0xd7a3}, {0xf900, 0xfaff}, {0xfe10, 0xfe19}, {0xfe30, 0xfe6f},
	{0xff00, 0xff60}, {0xffe0, 0xffe6}, {0x16fe0, 0x16fe4}, {0x17000, 0x18cff},
	{0x1b000, 0x1b2ff}, {0x1f004, 0x1f004}, {0x1f0cf, 0x1f0cf}, {0x1f18e, 0x1f18e},
	{0x1f191, 0x1f19a}, {0x1f200, 0x1f251}, {0x1f300, 0x1f320}, {0x1f32d, 0x1f335},
	{0x1f337, 0x1f37c}, {0x1f37e, 0x1f393}, {0x1f3a0, 0x1f3ca}, {0x1f3cf, 0x1f3d3},
	{0x1f3e0, 0x1f3f0}, {0x1f3f4, 0x1f3f4}, {0x1f3f8, 0x1f43e}, {0x1f440, 0x1f440},
	{0x1f442, 0x1f4fc}, {0x1f4ff, 0x1f53d}, {0x1f54b, 0x1f54e}, {0x1f550, 0x1f567},
	{0x1f57a, 0x1f57a}, {0x1f595, 0x1f596}, {0x1f5a4, 0x1f5a4}, {0x1f5fb, 0x1f64f},
	{0x1f680, 0x1f6c5}, {0x1f6cc, 0x1f6cc}, {0x1f6d0, 0x1f6d2}, {0x1f6d5, 0x1f6d7},
	{0x1f6eb, 0x1f6ec}, {0x1f6f4, 0x1f6fc}, {0x1f7e0, 0x1f7eb}, {0x1f90c, 0x1f93a},
	{0x1f93c, 0x1f945}, {0x1f947, 0x1f9ff}, {0x1fa70, 0x1faff}, {0x20000, 0x2fffd},
	{0x30000, 0x3fffd},
}

func isWide(r rune) bool {
	lo, hi := 0, len(wideRanges)
	for lo < hi {
		m := (lo + hi) / 2
		switch {
		case r < wideRanges[m][0]:
			hi = m
		case r > wideRanges[m][1]:
			lo = m + 1
		default:
			return true
		}
	}
	return false
}

// Pad adds spaces to s up to width columns.
func Pad(s string, width int) string {
	if n := width - Width(s); n > 0 {
		return s + strings.Repeat(" ", n)
	}
	return s
}

// Wrap breaks one paragraph into lines of at most width columns, at spaces where it can.
// Runs of white space (tabs, newlines) count as one space. A word longer than a line (a
// URL, a path) is broken, after a '/', '-', '?', '&' or '=' where possible. width below
// 1 counts as 1.
func Wrap(text string, width int) []string {
	width = max(width, 1)
	var out []string
	line, lineW := "", 0
	for _, w := range strings.Fields(text) {
		ww := Width(w)
		if line != "" && lineW+1+ww <= width {
			line, lineW = line+" "+w, lineW+1+ww
			continue
		}
		if line != "" {
			out = append(out, line)
			line, lineW = "", 0
		}
		for ww > width {
			head, rest := breakWord(w, width)
			out = append(out, head)
			w, ww = rest, ww-Width(head)
		}
		line, lineW = w, ww
	}
	if line != "" || len(out) == 0 {
		out = append(out, line)
	}
	return out
}

// breakWord splits a word wider than width into a head that fits and the rest.
func breakWord(w string, width int) (head, rest string) {
	cut, cutW, soft := 0, 0, 0
	for i, r := range w {
		rw := runeWidth(r)
		if cutW+rw > width && cut > 0 {
			break
		}
		cut, cutW = i+utf8.RuneLen(r), cutW+rw
		if strings.ContainsRune("/-?&=_", r) && cutW > width/2 {
			soft = cut
		}
	}
	if soft > 0 && soft < len(w) {
		cut = soft
	}
	// Keep combining marks with their letter.
	for cut < len(w) {
		r, n := utf8.DecodeRuneInString(w[cut:])
		if runeWidth(r) != 0 {
			break
		}
		cut += n
	}
	return w[:cut], w[cut:]
}

// WrapIndent wraps text to width and starts every line with indent (the first with first,
// when given, for a bullet or number: "  • ").
func WrapIndent(text string, width int, first, indent string) []string {
	if first == "" {
		first = indent
	}
	fw, iw := Width(first), Width(indent)
	lines := Wrap(text, width-max(fw, iw))
	for i := range lines {
		p := indent
		if i == 0 {
			p = first
		}
		lines[i] = strings.TrimRight(p+lines[i], " ")
	}
	return lines
}

// Paragraph is one paragraph of a text from a bank, its soft line breaks joined.
type Paragraph struct {
	// Marker is a list item's marker ("-", "*", "•", "1.", "2)"), or "".
	Marker string
	Text   string
}

var listMarker = regexp.MustCompile(`^([-*•]|\d{1,3}[.)])\s+`)

// Paragraphs splits text from a bank into paragraphs: a blank line ends one, and a line
// that starts a list item ("- ", "1. ") starts one; other line breaks are soft, as the YAML
// author wrapped the text to fit their editor.
func Paragraphs(text string) []Paragraph {
	var out []Paragraph
	var cur *Paragraph
	for _, ln := range strings.Split(text, "\n") {
		t := strings.TrimSpace(ln)
		if t == "" {
			cur = nil
			continue
		}
		if m := listMarker.FindStringSubmatch(t); m != nil {
			out = append(out, Paragraph{Marker: m[1], Text: strings.TrimSpace(t[len(m[0]):])})
			cur = &out[len(out)-1]
			continue
		}
		if cur == nil {
			out = append(out, Paragraph{Text: t})
			cur = &out[len(out)-1]
			continue
		}
		cur.Text += " " + t
	}
	return out
}

// Bar draws frac (0 to 1) as cells characters: "██████░░░░" or "######----".
func Bar(frac float64, cells int, g Glyphs) string {
	if cells <= 0 {
		return ""
	}
	if math.IsNaN(frac) {
		frac = 0
	}
	frac = math.Max(0, math.Min(1, frac))
	full := int(math.Round(frac * float64(cells)))
	return strings.Repeat(g.BarFull, full) + strings.Repeat(g.BarEmpty, cells-full)
}

// ScoreFraction is where a score's value lies on its range, 0 to 1; ok is false when the
// score has no value or no closed range.
func ScoreFraction(s scoring.ScoreResult) (frac float64, ok bool) {
	if s.Value == nil || s.Min == nil || s.Max == nil {
		return 0, false
	}
	lo, hi, v := *s.Min, *s.Max, *s.Value
	if hi <= lo {
		return 1, true
	}
	return math.Max(0, math.Min(1, (v-lo)/(hi-lo))), true
}

// FormatValue writes a score's value on its range: "6 / 10", "3.4 / 5", "72%" for a
// percent score, "-2 (from -5 to 5)" for a range below zero, just the value for an open
// range, "" without a value.
func FormatValue(s scoring.ScoreResult) string {
	if s.Value == nil {
		return ""
	}
	v := questionnaire.FormatNumber(*s.Value)
	if s.Score != nil && s.Score.Method == "percent" {
		return v + "%"
	}
	switch {
	case s.Min == nil || s.Max == nil:
		return v
	case *s.Min < 0:
		return v + " (from " + questionnaire.FormatNumber(*s.Min) + " to " + questionnaire.FormatNumber(*s.Max) + ")"
	}
	return v + " / " + questionnaire.FormatNumber(*s.Max)
}

// Rule is a line of n glyphs g ("────").
func Rule(g string, n int) string {
	if n <= 0 {
		return ""
	}
	return strings.Repeat(g, n)
}

// Frame draws lines in a box width columns wide, with a blank line of padding above and
// below and two spaces on each side; lines must fit in width-6 columns. Below 30 columns
// the sides are left out and the box becomes a rule above and below. The frame, not the
// text, takes the style's accent color.
func Frame(lines []string, width int, g Glyphs, st Style) []string {
	if width < 30 {
		out := []string{st.Accent(Rule(g.HeavyRule, width)), ""}
		out = append(out, lines...)
		return append(out, "", st.Accent(Rule(g.HeavyRule, width)))
	}
	inner := width - 2
	out := []string{st.Accent(g.TL + Rule(g.H, inner) + g.TR)}
	side := st.Accent(g.V)
	blank := side + strings.Repeat(" ", inner) + side
	out = append(out, blank)
	for _, l := range lines {
		out = append(out, side+"  "+l+strings.Repeat(" ", max(0, inner-4-visibleWidth(l)))+"  "+side)
	}
	out = append(out, blank)
	return append(out, st.Accent(g.BL+Rule(g.H, inner)+g.BR))
}

var ansiSeq = regexp.MustCompile("\x1b\\[[0-9;]*m")

// visibleWidth is Width ignoring the SGR escape codes Style adds.
func visibleWidth(s string) int {
	if strings.IndexByte(s, 0x1b) < 0 {
		return Width(s)
	}
	return Width(ansiSeq.ReplaceAllString(s, ""))
}

// Clean makes text from a bank, a response or the command line safe for a terminal
// (questionnaire.Sanitize) and turns tabs into spaces.
func Clean(s string) string {
	return strings.ReplaceAll(questionnaire.Sanitize(s), "\t", " ")
}

// reportText writes the counselor's plain-text reports (compare, history): lines without
// trailing spaces, wrapped paragraphs, and headings wrapped to the width and underlined.
type reportText struct {
	w     *bufio.Writer
	width int
	g     Glyphs
}

func newReportText(w *bufio.Writer, width int, ascii bool) *reportText {
	return &reportText{w: w, width: EffectiveWidth(width), g: GlyphsFor(ascii)}
}

func (t *reportText) line(s string) { t.w.WriteString(strings.TrimRight(s, " ") + "\n") }

func (t *reportText) wrapped(text, first, indent string) {
	for _, l := range WrapIndent(text, t.width, first, indent) {
		t.line(l)
	}
}

func (t *reportText) heading(s string) {
	t.line("")
	lines := Wrap(s, t.width)
	for _, l := range lines {
		t.line(l)
	}
	t.line(Rule(t.g.Rule, min(maxWidth(lines), t.width)))
}
