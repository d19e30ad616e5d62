package text

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/rivo/uniseg"
)

// Sanitize makes text from a bank, a response, a file name or the command line safe to
// show: it can never move the cursor, ring the bell, change the terminal, reorder what
// follows or hide characters. What could is written visibly instead:
//   - C0 controls as "^X" (ESC "^[", carriage return "^M", NUL "^@") and DEL as "^?";
//   - C1 controls, line and paragraph separators, bidi embeddings, overrides, isolates and
//     marks (LRM, RLM, ALM), and every other invisible format or default-ignorable
//     character (zero-width space, joiner and non-joiner, word joiner, U+FEFF, soft hyphen,
//     Hangul fillers, tag characters, interlinear annotation controls, U+206A..206F) and
//     noncharacters (U+FFFE) as "\u202e" (above U+FFFF "\U000e0041");
//   - a byte that is not UTF-8 as "\x9b" (some terminals read a lone 0x9b as an escape).
//
// Newlines and tabs are kept, as are variation selectors and a zero-width joiner inside an
// emoji sequence (👩‍💻), which terminals draw as one picture. Sanitizing twice changes
// nothing more.
func Sanitize(s string) string {
	if isSafe(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 16)
	each(s, func(r rune, raw string, keep bool) {
		switch {
		case keep:
			b.WriteString(raw)
		case r == utf8.RuneError:
			fmt.Fprintf(&b, "\\x%02x", raw[0])
		case r < 0x20:
			b.WriteByte('^')
			b.WriteByte(byte(r) + '@')
		case r == 0x7f:
			b.WriteString("^?")
		case r > 0xffff:
			fmt.Fprintf(&b, "\\U%08x", r)
		default:
			fmt.Fprintf(&b, "\\u%04x", r)
		}
	})
	return b.String()
}

// Clean is Sanitize with tabs turned into spaces, for text laid out in columns.
func Clean(s string) string {
	return strings.ReplaceAll(Sanitize(s), "\t", " ")
}

// Strip makes a typed line safe to keep and show: what Sanitize would write visibly is
// dropped instead (a terminal may leave control characters behind after an arrow key),
// a byte that is not UTF-8 becomes U+FFFD, and tabs become spaces.
func Strip(s string) string {
	if isSafe(s) {
		return strings.ReplaceAll(s, "\t", " ")
	}
	var b strings.Builder
	b.Grow(len(s))
	each(s, func(r rune, raw string, keep bool) {
		switch {
		case r == '\t':
			b.WriteByte(' ')
		case keep:
			b.WriteString(raw)
		case r == utf8.RuneError:
			b.WriteRune(utf8.RuneError)
		}
	})
	return b.String()
}

// isSafe reports quickly that s has nothing to sanitize: printable ASCII, newlines, tabs,
// and other characters none of which is unsafe on its own or a joiner.
func isSafe(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if (c < 0x20 && c != '\n' && c != '\t') || c == 0x7f {
				return false
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if (r == utf8.RuneError && n == 1) || r == zwj || unsafe(r) {
			return false
		}
		i += n
	}
	return true
}

const zwj = '\u200d'

// each calls f for every character of s (every byte, where s is not UTF-8) with keep
// telling whether it is safe to show as it is.
func each(s string, f func(r rune, raw string, keep bool)) {
	state := -1
	for rest := s; rest != ""; {
		var cluster string
		cluster, rest, _, state = uniseg.FirstGraphemeClusterInString(rest, state)
		for i := 0; i < len(cluster); {
			r, n := utf8.DecodeRuneInString(cluster[i:])
			raw := cluster[i : i+n]
			switch {
			case r == utf8.RuneError && n == 1:
				f(r, raw, false)
			case r == zwj:
				f(r, raw, joinsEmoji(cluster[:i], cluster[i+n:]))
			default:
				f(r, raw, !unsafe(r))
			}
			i += n
		}
	}
}

// joinsEmoji reports whether a zero-width joiner between before and after (the rest of its
// grapheme cluster) joins two pictures of an emoji ZWJ sequence: the cluster goes on after
// it with a visible character, which the segmentation rules allow only for an emoji (rule
// GB11), and nothing around it is unsafe.
func joinsEmoji(before, after string) bool {
	if before == "" || after == "" {
		return false
	}
	next, _ := utf8.DecodeRuneInString(after)
	if next == zwj || unsafe(next) || unicode.In(next, unicode.Mn, unicode.Me, unicode.Mc) {
		return false
	}
	for _, r := range before {
		if r != zwj && unsafe(r) {
			return false
		}
	}
	return uniseg.StringWidth(before) == 2
}

// unsafe reports a character that must not reach a terminal as it is: controls other than
// newline and tab, line and paragraph separators, noncharacters, format characters (bidi controls,
// zero-width characters, soft hyphen, tags: all of Unicode's category Cf) and the other
// default-ignorable characters that are not variation selectors (Hangul fillers, U+E0000).
// A zero-width joiner is unsafe too, except inside an emoji sequence (see each).
func unsafe(r rune) bool {
	switch {
	case r == '\n' || r == '\t':
		return false
	case r < 0x20 || (r >= 0x7f && r < 0xa0):
		return true
	case r < 0xad:
		return false
	case r == '\u2028' || r == '\u2029', r&0xfffe == 0xfffe, r >= 0xfdd0 && r <= 0xfdef:
		return true
	}
	return unicode.Is(unicode.Cf, r) || unicode.Is(unicode.Other_Default_Ignorable_Code_Point, r)
}
