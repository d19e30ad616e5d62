// Package text owns how candor lays text out on a terminal: the width limits, the display
// width of a string (grapheme clusters, East Asian wide characters and emoji counted as
// the terminal shows them, by github.com/rivo/uniseg), wrapping, paragraphs of bank prose,
// and sanitizing text from files, responses and the command line so that it can never
// control the terminal or hide what it says. Every front end (terminal session, reports,
// diagnostics) uses these, so a line is measured and cleaned the same way everywhere.
package text

import (
	"strings"

	"github.com/rivo/uniseg"
)

// Layout limits, in terminal columns.
const (
	// DefaultWidth is the width when none is known (not on a terminal).
	DefaultWidth = 80
	// MinWidth is the narrowest layout; narrower requests get this.
	MinWidth = 20
	// MaxWidth caps lines on very wide terminals: long lines are hard to read.
	MaxWidth = 100
)

// EffectiveWidth turns a requested width into the one to lay out for: 0 (or less) means
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

// Width is the number of terminal columns s takes: combining marks and zero-width
// characters take none; East Asian wide characters and emoji (also those made wide by
// U+FE0F, and ZWJ sequences shown as one picture) take two. s must hold no escape codes:
// sanitize text from outside first.
func Width(s string) int {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c >= 0x7f {
			return uniseg.StringWidth(s)
		}
	}
	return len(s)
}

// Pad adds spaces to s up to width columns.
func Pad(s string, width int) string {
	if n := width - Width(s); n > 0 {
		return s + strings.Repeat(" ", n)
	}
	return s
}
