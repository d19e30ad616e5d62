package render

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/candor-app/candor/internal/text"
	"github.com/candor-app/candor/questionnaire"
	"github.com/candor-app/candor/scoring"
)

// FuzzRender writes summaries (text and markdown, widths 20 to 200, ASCII or not, color or
// not) of random results whose every text (titles, texts, labels, bands, sources, the
// respondent, the saved path, warnings) is an arbitrary string, control characters included.
// Invariants: no panic; in text, no line wider than the layout width (EffectiveWidth, never
// more than asked): no single character is wider than the narrowest layout, so nothing
// forces a longer line; markdown paragraphs are not wrapped (readers flow them) and are not
// measured; no byte below 0x20 but newline and tab, no DEL, no C1 control, no bidi override;
// no ESC at all unless Color is on, and then only the SGR sequences candor writes itself.
// Seeds are in testdata/fuzz/FuzzRender, and plain `go test` replays them.
func FuzzRender(f *testing.F) {
	f.Add([]byte{1, 2, 3, 4, 5, 6, 7, 8}, "Trust \x1b]0;pwned\x07 title", "Text\r\nwith a bell\a and \x1b[2J clear", uint8(40), false, false, false)
	f.Add([]byte("every field"), "\u202eevil\u202c \u0085 \u009b31m", "back\bspace \x00 nul \x7f", uint8(20), true, true, true)
	f.Add([]byte{9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9}, "信頼を取り戻す 🙂🙂🙂 e\u0301", strings.Repeat("word ", 60), uint8(180), false, true, false)
	f.Add([]byte{}, "\xff\xfe invalid", "https://example.org/a/very/long/path/that/cannot/be/broken/anywhere/at/all", uint8(21), true, false, true)
	f.Fuzz(func(t *testing.T, seed []byte, s1, s2 string, w uint8, ascii, color, markdown bool) {
		g := &renderGen{data: seed, strs: []string{s1, s2}}
		b, r := g.result()
		width := 20 + int(w)%181
		opt := Options{Format: "text", Width: width, Color: color, ASCII: ascii,
			Date: time.Date(2026, 11, 22, 9, 0, 0, 0, time.UTC), SavedTo: g.str(), Respondent: g.str()}
		if markdown {
			opt.Format = "markdown"
		}
		var out bytes.Buffer
		if err := Summary(&out, b, r, opt); err != nil {
			t.Fatal(err)
		}
		checkTerminalSafe(t, out.String(), color && !markdown)
		if markdown {
			return
		}
		limit := text.EffectiveWidth(width)
		for _, l := range strings.Split(out.String(), "\n") {
			if vw := visibleWidth(l); vw > limit || vw > width {
				t.Fatalf("line %q is %d columns wide; the width is %d", l, vw, limit)
			}
		}
	})
}

// sgr is an escape code candor writes itself: Select Graphic Rendition only.
var sgr = regexp.MustCompile("\x1b\\[[0-9;]*m")

// checkTerminalSafe fails when out holds a character that could change the terminal: a C0
// control but newline and tab, DEL, a C1 control, a bidi override or isolate, a line or
// paragraph separator, an invisible format character, invalid UTF-8, or an escape code other
// than candor's own colors.
func checkTerminalSafe(t *testing.T, out string, color bool) {
	t.Helper()
	s := out
	if color {
		s = sgr.ReplaceAllString(s, "")
	}
	if !utf8.ValidString(s) {
		t.Fatalf("output is not valid UTF-8: %q", out)
	}
	for i, r := range s {
		bad := (r < 0x20 && r != '\n' && r != '\t') || r == 0x7f || (r >= 0x80 && r < 0xa0) ||
			(r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069) || r == 0x2028 || r == 0x2029 ||
			// Invisible characters; a zero-width joiner may join an emoji sequence.
			(r != 0x200d && (unicode.Is(unicode.Cf, r) || unicode.Is(unicode.Other_Default_Ignorable_Code_Point, r)))
		if bad {
			lo := max(0, i-30)
			t.Fatalf("control character %U reaches the terminal at byte %d: %q", r, i, s[lo:min(len(s), i+30)])
		}
	}
}

// renderGen makes a random result from the fuzz bytes, filling every text with one of the
// fuzz strings or a piece of them.
type renderGen struct {
	data []byte
	i    int
	strs []string
}

func (g *renderGen) n(k int) int {
	if k <= 1 || g.i >= len(g.data) {
		return 0
	}
	v := int(g.data[g.i])
	g.i++
	return v % k
}

func (g *renderGen) str() string {
	switch g.n(5) {
	case 0:
		return ""
	case 1:
		return "Plain words that wrap where they can"
	case 2:
		return g.strs[1] + " " + g.strs[0]
	}
	return g.strs[g.n(len(g.strs))]
}

func (g *renderGen) num() float64 { return float64(g.n(41)-10) / float64(1+g.n(4)) }

func (g *renderGen) result() (*questionnaire.Bank, *scoring.Result) {
	b := &questionnaire.Bank{ID: "fuzz", Version: "1.0.0", Title: g.str(), Outro: g.str()}
	for i := g.n(3); i > 0; i-- {
		b.Sources = append(b.Sources, &questionnaire.Source{Title: g.str(), Author: g.str(), URL: g.str()})
	}
	r := &scoring.Result{
		Bank:   scoring.BankInfo{ID: b.ID, Version: b.Version, Title: []string{b.Title, g.str()}[g.n(2)]},
		Status: []questionnaire.Status{questionnaire.Completed, questionnaire.InProgress}[g.n(2)],
	}
	r.Asked = g.n(30)
	r.Answered = g.n(r.Asked + 1)
	for i := g.n(4); i > 0; i-- {
		sc := &questionnaire.Score{ID: fmt.Sprintf("s%d", i), Method: []questionnaire.Method{questionnaire.Sum, questionnaire.Mean, questionnaire.Percent}[g.n(3)]}
		s := scoring.ScoreResult{ID: sc.ID, Label: g.str(), Items: 1 + g.n(10), Score: sc}
		s.Answered = g.n(s.Items + 1)
		s.Needed = 1 + g.n(s.Items)
		if g.n(4) > 0 {
			lo := g.num()
			hi := lo + float64(g.n(30))
			s.Min, s.Max = &lo, &hi
		}
		if g.n(4) > 0 {
			v := g.num()
			s.Value = &v
			s.Prorated = g.n(3) == 0
			if g.n(3) > 0 {
				band := g.str()
				s.Band, s.BandText = &band, g.str()
			}
		}
		r.Scores = append(r.Scores, s)
	}
	levels := []questionnaire.Level{questionnaire.Urgent, questionnaire.Warn, questionnaire.NoteLvl}
	for i := g.n(4); i > 0; i-- {
		r.Flags = append(r.Flags, scoring.FlagResult{ID: fmt.Sprintf("f%d", i), Level: levels[g.n(3)], Title: g.str(), Text: g.str()})
	}
	if g.n(3) > 0 {
		r.Outcome = &scoring.OutcomeResult{ID: "o", Title: g.str(), Text: g.str()}
	}
	for i := g.n(3); i > 0; i-- {
		r.Warnings = append(r.Warnings, scoring.Warning{Code: scoring.FromFile, Text: g.str()})
	}
	return b, r
}
