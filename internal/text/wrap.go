package text

import (
	"regexp"
	"strings"

	"github.com/rivo/uniseg"
)

// Wrap breaks one paragraph into lines of at most width columns, at spaces where it can.
// Runs of white space (tabs, newlines) count as one space. A word longer than a line (a
// URL, a path) is broken, after a '/', '-', '?', '&', '=' or '_' where possible, never
// inside a grapheme cluster (a letter and its combining marks, an emoji sequence). width
// below 1 counts as 1; a single character wider than width gets a line of its own.
func Wrap(s string, width int) []string {
	width = max(width, 1)
	var out []string
	line, lineW := "", 0
	for _, w := range strings.Fields(s) {
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

// breakWord splits a word wider than width into a head that fits and the rest. The head
// holds at least one grapheme cluster.
func breakWord(w string, width int) (head, rest string) {
	cut, cutW, soft := 0, 0, 0
	state := -1
	for rest := w; rest != ""; {
		var cluster string
		var cw int
		cluster, rest, cw, state = uniseg.FirstGraphemeClusterInString(rest, state)
		if cutW+cw > width && cut > 0 {
			break
		}
		cut, cutW = cut+len(cluster), cutW+cw
		if len(cluster) == 1 && strings.ContainsAny(cluster, "/-?&=_") && cutW > width/2 {
			soft = cut
		}
	}
	if soft > 0 && soft < len(w) {
		cut = soft
	}
	return w[:cut], w[cut:]
}

// WrapIndent wraps s to width and starts every line with indent (the first with first,
// when given, for a bullet or number: "  • "). Lines carry no trailing spaces.
func WrapIndent(s string, width int, first, indent string) []string {
	if first == "" {
		first = indent
	}
	fw, iw := Width(first), Width(indent)
	lines := Wrap(s, width-max(fw, iw))
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
func Paragraphs(s string) []Paragraph {
	var out []Paragraph
	var cur *Paragraph
	for _, ln := range strings.Split(s, "\n") {
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

// Truncate cuts s to at most width columns, ending it with "…" when it was cut; it never
// cuts inside a grapheme cluster.
func Truncate(s string, width int) string {
	if Width(s) <= width {
		return s
	}
	var b strings.Builder
	w, state := 0, -1
	for rest := s; rest != ""; {
		var cluster string
		var cw int
		cluster, rest, cw, state = uniseg.FirstGraphemeClusterInString(rest, state)
		if w+cw > width-1 {
			break
		}
		b.WriteString(cluster)
		w += cw
	}
	return b.String() + "…"
}
