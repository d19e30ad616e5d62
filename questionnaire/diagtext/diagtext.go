// Package diagtext prints diagnostics as a compiler does: `file:line:col: error: summary`, the
// source line with a caret under the column, and the hint, wrapped, sanitized for a
// terminal, in color when asked.
package diagtext

import (
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/rivo/uniseg"

	"github.com/candor-app/candor/internal/text"
	"github.com/candor-app/candor/internal/yamlpos"
	"github.com/candor-app/candor/questionnaire"
)

// Options control how diagnostics are printed.
type Options struct {
	// Color adds ANSI colors (only on a terminal).
	Color bool
	// Width wraps hints; 0 means 80.
	Width int
}

// Write prints diagnostics like a compiler: `file:line:col: error: summary`, the source
// line, a caret under the column, and the hint. sources maps a file name to its text.
func Write(w io.Writer, ds questionnaire.Diagnostics, sources map[string][]byte, opt Options) error {
	width := opt.Width
	if width <= 0 {
		width = text.DefaultWidth
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
		if d.Severity == questionnaire.Warning {
			sev = paint("1;33", "warning")
		}
		fmt.Fprintf(&b, "%s: %s: %s\n", paint("1", text.Sanitize(d.Pos.String())), sev, text.Sanitize(d.Summary))
		if src, ok := sources[d.Pos.File]; ok && d.Pos.Line > 0 {
			line := yamlpos.SourceLine(src, d.Pos.Line)
			if line != "" {
				shown, caretCol := excerpt(line, d.Pos.Col, width-6)
				fmt.Fprintf(&b, "%5d | %s\n", d.Pos.Line, shown)
				if caretCol > 0 {
					fmt.Fprintf(&b, "      | %s%s\n", strings.Repeat(" ", caretCol-1), paint("1;32", "^"))
				}
			}
		}
		if d.Hint != "" {
			for i, l := range hintLines(text.Sanitize(d.Hint), width-8) {
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

// excerpt fits a source line into width columns, sanitized and with tabs as spaces, keeping
// the column col (in characters, as positions count them) in view; it returns the text to
// show and the caret's display column within it (0 for none), so that the caret stands
// under the fault after wide characters and escaped control characters too.
func excerpt(line string, col, width int) (string, int) {
	line = strings.ReplaceAll(line, "\t", " ")
	shown := text.Sanitize(line)
	caret := 0
	if col >= 1 {
		i := 0
		for n := 1; n < col && i < len(line); n++ {
			_, size := utf8.DecodeRuneInString(line[i:])
			i += size
		}
		if i < len(line) || utf8.RuneCountInString(line)+1 >= col {
			caret = text.Width(text.Sanitize(line[:i])) + 1
		}
	}
	if width < 20 || text.Width(shown) <= width {
		return shown, caret
	}
	from := 0 // the display columns from+1 to from+width are shown
	if caret > width-10 {
		from = caret - width/2
	}
	var b strings.Builder
	pos := 0 // display columns before the cluster
	if from > 0 {
		b.WriteString("…")
	}
	state := -1
	for rest := shown; rest != ""; {
		var cluster string
		var w int
		cluster, rest, w, state = uniseg.FirstGraphemeClusterInString(rest, state)
		start := pos
		pos += w
		switch {
		case from > 0 && start < from+1:
			continue
		case pos > from+width || (pos == from+width && rest != ""):
			b.WriteString(strings.Repeat(" ", max(0, from+width-1-(start))))
			b.WriteString("…")
			rest = ""
			continue
		}
		if from > 0 && b.Len() == len("…") {
			b.WriteString(strings.Repeat(" ", start-from-1))
		}
		b.WriteString(cluster)
	}
	if caret > 0 {
		caret -= from
	}
	return b.String(), caret
}

// hintLines wraps a hint to width columns (at least 10), keeping its line breaks.
func hintLines(hint string, width int) []string {
	var out []string
	for _, para := range strings.Split(hint, "\n") {
		out = append(out, text.Wrap(para, max(width, 10))...)
	}
	return out
}
