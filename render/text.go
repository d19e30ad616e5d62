package render

// Shared text helpers for every renderer of the package (summary, worksheet, compare,
// history): display width, wrapping, paragraphs, bars, rules, frames and color.

import (
	"bufio"
	"math"
	"regexp"
	"strings"

	"github.com/candor-app/candor/internal/text"
	"github.com/candor-app/candor/questionnaire"
	"github.com/candor-app/candor/scoring"
	"github.com/candor-app/candor/words"
)

// barCells is a bar's length where there is room, in terminal columns.
const barCells = 10

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

// glyphsFor returns ASCIIGlyphs when ascii is set, else UnicodeGlyphs.
func glyphsFor(ascii bool) Glyphs {
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

// scoreFraction is where a score's value lies on its range, 0 to 1; ok is false when the
// score has no value or no closed range.
func scoreFraction(s scoring.ScoreResult) (frac float64, ok bool) {
	if s.Value == nil || s.Min == nil || s.Max == nil {
		return 0, false
	}
	lo, hi, v := *s.Min, *s.Max, *s.Value
	if hi <= lo {
		return 1, true
	}
	return math.Max(0, math.Min(1, (v-lo)/(hi-lo))), true
}

// formatValue writes a score's value on its range, as p's language writes numbers: "6 / 10",
// "3.4 / 5", "72%" for a percent score, "-2 (from -5 to 5)" for a range below zero, just the
// value for an open range, "" without a value.
func formatValue(p *words.Printer, s scoring.ScoreResult) string {
	if s.Value == nil {
		return ""
	}
	num := func(x float64) string { return Number(p, x) }
	v := num(*s.Value)
	if s.Score != nil && s.Score.Method == questionnaire.Percent {
		return p.T("%s%%", v)
	}
	switch {
	case s.Min == nil || s.Max == nil:
		return v
	case *s.Min < 0:
		return p.T("%s (from %s to %s)", v, num(*s.Min), num(*s.Max))
	}
	return p.T("%s / %s", v, num(*s.Max))
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
		return text.Width(s)
	}
	return text.Width(ansiSeq.ReplaceAllString(s, ""))
}

// reportText writes the counselor's plain-text reports (compare, history): lines without
// trailing spaces, wrapped paragraphs, and headings wrapped to the width and underlined.
type reportText struct {
	w     *bufio.Writer
	width int
	g     Glyphs
}

func newReportText(w *bufio.Writer, width int, ascii bool) *reportText {
	return &reportText{w: w, width: text.EffectiveWidth(width), g: glyphsFor(ascii)}
}

func (t *reportText) line(s string) { t.w.WriteString(strings.TrimRight(s, " ") + "\n") }

func (t *reportText) wrapped(s, first, indent string) {
	for _, l := range text.WrapIndent(s, t.width, first, indent) {
		t.line(l)
	}
}

func (t *reportText) heading(s string) {
	t.line("")
	lines := text.Wrap(s, t.width)
	for _, l := range lines {
		t.line(l)
	}
	t.line(Rule(t.g.Rule, min(maxWidth(lines), t.width)))
}
