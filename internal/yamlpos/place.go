package yamlpos

import (
	"bytes"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Place is where a scalar is written in its file: its first line and column and its style
// (plain, quoted, a block), enough to find a place inside its value (At).
type Place struct {
	style     yaml.Style
	line, col int
}

// PlaceOf is where scalar n is written.
func PlaceOf(n *yaml.Node) Place { return Place{style: n.Style, line: n.Line, col: n.Column} }

// At maps a 1-based line and 0-based column inside the value written at n to its line and
// column in the file src. A literal block (`|`) keeps its lines; every other style folds the
// source lines into one line joined by single spaces, so the column is walked back across the
// source lines.
func (n Place) At(src []byte, line, col int) (fileLine, fileCol int) {
	line, col = max(line, 1), max(col, 0)
	at := func(l, c int) (int, int) { return l, max(c, 1) }
	switch n.style {
	case yaml.LiteralStyle:
		l := n.line + line
		return at(l, blockIndent(src, n.line)+col+1)
	case yaml.FoldedStyle:
		if line > 1 {
			return at(n.line, n.col)
		}
		l := n.line + 1
		for l < n.line+100 && strings.TrimSpace(SourceLine(src, l)) == "" && sourceLineExists(src, l+1) {
			l++
		}
		return walkFolded(src, l, blockIndent(src, n.line), col, n.style)
	}
	if line > 1 {
		return at(n.line, n.col)
	}
	start := n.col - 1
	if n.style == yaml.DoubleQuotedStyle || n.style == yaml.SingleQuotedStyle {
		start++
	}
	return walkFolded(src, n.line, start, col, n.style)
}

// walkFolded finds the place of the col-th rune of a folded value that starts at the 0-based
// rune start of line l: each further source line adds its text after one space. In a quoted
// value an escape (a backslash escape, or a doubled single quote) is one rune of the value
// but several of the source.
func walkFolded(src []byte, l, start, col int, style yaml.Style) (int, int) {
	for lines := 0; ; lines++ {
		text := []rune(strings.TrimRight(SourceLine(src, l), " \t"))
		i := start
		for ; i < len(text) && col > 0; col-- {
			step := 1
			switch {
			case style == yaml.DoubleQuotedStyle && text[i] == '\\' && i+1 < len(text):
				switch text[i+1] {
				case 'x':
					step = 4
				case 'u':
					step = 6
				case 'U':
					step = 10
				default:
					step = 2
				}
			case style == yaml.SingleQuotedStyle && text[i] == '\'' && i+1 < len(text) && text[i+1] == '\'':
				step = 2
			}
			i = min(i+step, len(text))
		}
		if col == 0 || lines >= 1000 || strings.TrimSpace(SourceLine(src, l+1)) == "" {
			return l, i + col + 1
		}
		col-- // the space the line break folds into
		l++
		next := SourceLine(src, l)
		start = len([]rune(next)) - len([]rune(strings.TrimLeft(next, " \t")))
	}
}

// blockIndent is the indentation of a block scalar's content: that of its first line that is
// not blank after the indicator line.
func blockIndent(src []byte, indicatorLine int) int {
	for l := indicatorLine + 1; l < indicatorLine+100 && sourceLineExists(src, l); l++ {
		if text := SourceLine(src, l); strings.TrimSpace(text) != "" {
			return indentOf(src, l)
		}
	}
	return 0
}

// sourceLineExists reports whether src has a 1-based line l.
func sourceLineExists(src []byte, l int) bool {
	return l >= 1 && bytes.Count(src, []byte("\n"))+1 >= l
}

// indentOf returns the number of leading spaces of the 1-based line in src.
func indentOf(src []byte, line int) int {
	text := SourceLine(src, line)
	return len(text) - len(strings.TrimLeft(text, " \t"))
}

// SourceLine returns the 1-based line of src without its line end, or "".
func SourceLine(src []byte, line int) string {
	for i := 1; i < line; i++ {
		j := bytes.IndexByte(src, '\n')
		if j < 0 {
			return ""
		}
		src = src[j+1:]
	}
	if j := bytes.IndexByte(src, '\n'); j >= 0 {
		src = src[:j]
	}
	return strings.TrimRight(string(src), "\r")
}
