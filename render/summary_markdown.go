package render

import (
	"regexp"
	"strings"

	"github.com/candor-app/candor/internal/text"
	"github.com/candor-app/candor/questionnaire"
	"github.com/candor-app/candor/scoring"
	"github.com/candor-app/candor/words"
)

// mdOut builds markdown: blocks separated by one blank line. Paragraphs are not wrapped;
// markdown readers flow them to their own width.
type mdOut struct {
	b strings.Builder
	g Glyphs
	// p says candor's own words.
	p *words.Printer
}

// notes writes a "## heading" and the items as an escaped bullet list; nothing when there are
// no items.
func (m *mdOut) notes(heading string, items []string) {
	if len(items) == 0 {
		return
	}
	m.block("## " + heading)
	lines := make([]string, len(items))
	for i, it := range items {
		lines[i] = "- " + MarkdownEscape(it)
	}
	m.block(lines...)
}

func (m *mdOut) block(lines ...string) {
	if m.b.Len() > 0 {
		m.b.WriteByte('\n')
	}
	for _, l := range lines {
		m.b.WriteString(strings.TrimRight(l, " "))
		m.b.WriteByte('\n')
	}
}

var mdLineStart = regexp.MustCompile(`^(\d{1,9})([.)])(\s|$)`)

// MarkdownEscape makes text from a bank or a response literal in markdown: sanitized, with
// every character markdown could read as markup escaped, and on one line.
func MarkdownEscape(s string) string {
	s = strings.Join(strings.Fields(text.Clean(s)), " ")
	var b strings.Builder
	for _, r := range s {
		if strings.ContainsRune("\\`*_[]<>|~&#!", r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	out := b.String()
	if out != "" && strings.ContainsRune("+-=", rune(out[0])) {
		out = "\\" + out
	}
	return mdLineStart.ReplaceAllString(out, `$1\$2$3`)
}

// mdProse is text from a bank as markdown paragraphs and list items, each line prefixed
// with prefix ("> " inside a quote).
func (m *mdOut) prose(body, prefix string) []string {
	var out []string
	prevItem := false
	for i, p := range text.Paragraphs(text.Clean(body)) {
		item := p.Marker != ""
		if i > 0 && !(item && prevItem) {
			out = append(out, strings.TrimRight(prefix, " "))
		}
		if item {
			marker := "-"
			if mk := p.Marker; mk[len(mk)-1] == '.' || mk[len(mk)-1] == ')' {
				marker = mk
			}
			out = append(out, prefix+marker+" "+MarkdownEscape(p.Text))
		} else {
			out = append(out, prefix+MarkdownEscape(p.Text))
		}
		prevItem = item
	}
	return out
}

// codeSpan puts s in a code span, with enough backticks around it.
func codeSpan(s string) string {
	s = text.Clean(s)
	fence := "`"
	for strings.Contains(s, fence) {
		fence += "`"
	}
	if strings.HasPrefix(s, "`") || strings.HasSuffix(s, "`") {
		s = " " + s + " "
	}
	return fence + s + fence
}

func summaryMarkdown(b *questionnaire.Bank, r *scoring.Result, opt Options) string {
	m := &mdOut{g: glyphsFor(opt.ASCII), p: opt.Words}
	urgent, other := split(r)

	for _, f := range urgent {
		ls := []string{"> **" + MarkdownEscape(f.Title) + "**", ">"}
		m.block(append(ls, m.prose(f.Text, "> ")...)...)
	}
	safety, warnings := safetyOpen(b, r, opt)
	for _, w := range safety {
		m.block("**" + MarkdownEscape(w) + "**")
	}

	if title := bankTitle(b, r); title != "" {
		m.block("# " + MarkdownEscape(title))
	}
	if r.Status == questionnaire.InProgress {
		m.block("*" + progress(m.p, r) + "*")
	}

	if len(r.WarningSigns) > 0 {
		m.block("## " + warningSignsHeading(opt))
		m.block(warningSignsIntro(r, opt))
		ls := make([]string, 0, 2*len(r.WarningSigns))
		for _, w := range r.WarningSigns {
			ls = append(ls, "- "+MarkdownEscape(w.Text)+"\\", "  "+youAnswered(m.p, "**"+MarkdownEscape(w.AnswerText)+"**"))
		}
		m.block(ls...)
	}

	if o := r.Outcome; o != nil {
		m.block("## " + MarkdownEscape(o.Title))
		m.block(m.prose(o.Text, "")...)
	} else if title, body, ok := noVerdict(b, r, opt); ok {
		m.block("## " + MarkdownEscape(title))
		m.block(m.prose(body, "")...)
	}

	if setScoresAside(r, opt) {
		m.block(setAside(opt))
	} else if len(r.Scores) > 0 {
		m.block("## " + m.p.T("A closer look"))
		for _, s := range r.Scores {
			m.score(s)
		}
	}

	if own := ownWords(b, r); len(own) > 0 {
		m.block("## " + m.p.T("In your own words"))
		for _, w := range own {
			m.block("**" + MarkdownEscape(w.Question) + "**")
			m.block(m.prose(w.Answer, "> ")...)
		}
	}

	if len(other) > 0 {
		m.block("## " + m.p.T("Worth noticing"))
		for _, f := range other {
			m.block("### " + MarkdownEscape(f.Title))
			m.block(m.prose(f.Text, "")...)
		}
	}

	if o := outro(b, r); o != "" {
		m.block("---")
		m.block(m.prose(o, "")...)
	}

	if b != nil {
		m.sources(b.Sources)
	}
	m.foot(opt)

	m.notes(m.p.T("About this summary"), warnings)

	if m.b.Len() == 0 {
		m.block(m.p.T("Thank you for answering."))
	}
	return m.b.String()
}

// sources lists the bank's sources, linked where they have a web address.
func (m *mdOut) sources(sources []*questionnaire.Source) {
	if len(sources) > 0 {
		m.block("## " + m.p.T("Sources"))
		var ls []string
		for _, s := range sources {
			t := MarkdownEscape(s.Title)
			if u := strings.TrimSpace(text.Clean(s.URL)); isWebURL(u) {
				t = "[" + t + "](<" + strings.NewReplacer("<", "%3C", ">", "%3E", " ", "%20").Replace(u) + ">)"
			} else if u != "" {
				t += " (" + MarkdownEscape(u) + ")"
			}
			ls = append(ls, "- "+credit(m.p, t, MarkdownEscape(s.Author)))
		}
		m.block(ls...)
	}
}

// foot writes when and where the answers were saved.
func (m *mdOut) foot(opt Options) {
	var foot []string
	if a := answeredLine(opt); a != "" {
		foot = append(foot, "*"+MarkdownEscape(a)+"*")
	}
	if lead, file := fileLine(opt); lead != "" {
		if len(foot) > 0 {
			foot[0] += "  " // a hard line break
		}
		foot = append(foot, lead+" "+codeSpan(file))
	}
	if len(foot) > 0 {
		m.b.WriteString("\n")
		for _, l := range foot {
			m.b.WriteString(l + "\n")
		}
	}
}

func isWebURL(u string) bool {
	return (strings.HasPrefix(u, "https://") || strings.HasPrefix(u, "http://")) && !strings.ContainsAny(u, " \n")
}

// score writes one score as a small section.
func (m *mdOut) score(s scoring.ScoreResult) {
	m.block("### " + MarkdownEscape(s.Label))
	if s.Value == nil {
		m.block(notEnough(m.p, s))
		return
	}
	line := formatValue(m.p, s) // digits, signs and words: nothing markdown reads as markup
	if frac, ok := scoreFraction(s); ok {
		line = codeSpan(Bar(frac, barCells, m.g)) + " " + line
	}
	if s.Band != nil && *s.Band != "" {
		line += " " + m.g.Dot + " **" + MarkdownEscape(*s.Band) + "**"
	}
	m.block(line)
	if strings.TrimSpace(s.BandText) != "" {
		m.block(m.prose(s.BandText, "")...)
	}
	if s.BandWithheld {
		m.block("*" + bandWithheld(m.p) + "*")
	}
	if s.Prorated {
		m.block("*" + prorated(m.p, s) + "*")
	}
	if s.FilledLowest > 0 {
		m.block("*" + filledLowest(m.p, s) + "*")
	}
	if len(s.Highlights) > 0 {
		m.block(highlightHeading(m.p, s))
		ls := make([]string, 0, 2*len(s.Highlights))
		for _, h := range s.Highlights {
			// A backslash at the end of the line is a hard break: the answer goes under it.
			ls = append(ls, "- "+MarkdownEscape(h.Text)+"\\", "  "+youAnswered(m.p, "**"+MarkdownEscape(h.AnswerText)+"**"))
		}
		m.block(ls...)
	}
}
