package questionnaire

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// TextOptions control how diagnostics are printed.
type TextOptions struct {
	// Color adds ANSI colors (only on a terminal).
	Color bool
	// Width wraps hints; 0 means 80.
	Width int
}

// WriteText prints diagnostics like a compiler: `file:line:col: error: summary`, the source
// line, a caret under the column, and the hint. sources maps a file name to its text.
func WriteText(w io.Writer, ds Diagnostics, sources map[string][]byte, opt TextOptions) error {
	width := opt.Width
	if width <= 0 {
		width = 80
	}
	paint := func(code, s string) string {
		if !opt.Color {
			return s
		}
		return "\x1b[" + code + "m" + s + "\x1b[0m"
	}
	var b strings.Builder
	for _, d := range ds {
		sev := paint("1;31", "error")
		if d.Severity == Warning {
			sev = paint("1;33", "warning")
		}
		fmt.Fprintf(&b, "%s: %s: %s\n", paint("1", Sanitize(d.Pos.String())), sev, Sanitize(d.Summary))
		if src, ok := sources[d.Pos.File]; ok && d.Pos.Line > 0 {
			line := sourceLine(src, d.Pos.Line)
			if line != "" {
				shown, caretCol := excerpt(Sanitize(strings.ReplaceAll(line, "\t", " ")), d.Pos.Col, width-6)
				fmt.Fprintf(&b, "%5d | %s\n", d.Pos.Line, shown)
				if caretCol > 0 {
					fmt.Fprintf(&b, "      | %s%s\n", strings.Repeat(" ", caretCol-1), paint("1;32", "^"))
				}
			}
		}
		if d.Hint != "" {
			for i, l := range Wrap(Sanitize(d.Hint), width-8) {
				lead := "      = "
				if i > 0 {
					lead = "        "
				}
				fmt.Fprintf(&b, "%s%s\n", lead, l)
			}
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// excerpt fits a source line into width columns, keeping the column col in view; it returns
// the text to show and the caret's column within it (0 for none).
func excerpt(line string, col, width int) (string, int) {
	r := []rune(line)
	if col > len(r)+1 {
		col = 0
	}
	if width < 20 || len(r) <= width {
		return line, col
	}
	start := 0
	if col > width-10 {
		start = col - width/2
	}
	end := min(len(r), start+width)
	s := string(r[start:end])
	if start > 0 {
		s = "…" + string(r[start+1:end])
	}
	if end < len(r) {
		s = string([]rune(s)[:len([]rune(s))-1]) + "…"
	}
	if col > 0 {
		col -= start
	}
	return s, col
}

// Wrap breaks text into lines of at most width runes, at spaces where it can.
func Wrap(text string, width int) []string {
	if width < 10 {
		width = 10
	}
	var out []string
	for _, para := range strings.Split(text, "\n") {
		words := strings.Fields(para)
		if len(words) == 0 {
			out = append(out, "")
			continue
		}
		line := ""
		for _, w := range words {
			for utf8.RuneCountInString(w) > width {
				if line != "" {
					out = append(out, line)
					line = ""
				}
				r := []rune(w)
				out = append(out, string(r[:width]))
				w = string(r[width:])
			}
			switch {
			case line == "":
				line = w
			case utf8.RuneCountInString(line)+1+utf8.RuneCountInString(w) <= width:
				line += " " + w
			default:
				out = append(out, line)
				line = w
			}
		}
		out = append(out, line)
	}
	return out
}

// WriteJSON prints diagnostics as a JSON array for editors and CI.
func WriteJSON(w io.Writer, ds Diagnostics) error {
	if ds == nil {
		ds = Diagnostics{}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(ds)
}

// Sanitize makes control characters visible so that text from a file can never move the
// cursor, ring the bell or change the terminal: ESC becomes "^[", a carriage return "^M", DEL
// "^?", C1 controls, line and paragraph separators and bidi overrides "\u202e", and a byte
// that is not UTF-8 "\x9b" (some terminals read a lone 0x9b as an escape). Newlines and tabs
// are kept.
func Sanitize(s string) string {
	clean := true
	for _, r := range s {
		if isControl(r) || r == utf8.RuneError {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			fmt.Fprintf(&b, "\\x%02x", s[i])
		case !isControl(r):
			b.WriteString(s[i : i+n])
		case r < 0x20:
			b.WriteByte('^')
			b.WriteByte(byte(r) + '@')
		case r == 0x7f:
			b.WriteString("^?")
		default:
			fmt.Fprintf(&b, "\\u%04x", r)
		}
		i += n
	}
	return b.String()
}

func isControl(r rune) bool {
	if r == '\n' || r == '\t' {
		return false
	}
	return r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) || r == '\u2028' || r == '\u2029' ||
		(r >= '\u202a' && r <= '\u202e') || (r >= '\u2066' && r <= '\u2069')
}
