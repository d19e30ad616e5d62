package render

import (
	"strings"

	"github.com/candor-app/candor/internal/text"
	"github.com/candor-app/candor/questionnaire"
	"github.com/candor-app/candor/scoring"
	"github.com/candor-app/candor/words"
)

// textOut builds plain text: lines no wider than width, with blank lines between blocks
// asked for with gap and never doubled up.
type textOut struct {
	b       strings.Builder
	width   int
	g       Glyphs
	st      Style
	pending int
	started bool
	// p says candor's own words.
	p *words.Printer
}

func newTextOut(opt Options) *textOut {
	return &textOut{width: text.EffectiveWidth(opt.Width), g: glyphsFor(opt.ASCII), st: Style{On: opt.Color}, p: opt.Words}
}

// gap asks for at least n blank lines before the next line.
func (t *textOut) gap(n int) { t.pending = max(t.pending, n) }

func (t *textOut) line(s string) {
	if t.started {
		t.b.WriteString(strings.Repeat("\n", t.pending))
	}
	t.pending, t.started = 0, true
	t.b.WriteString(strings.TrimRight(s, " "))
	t.b.WriteByte('\n')
}

func (t *textOut) lines(ls []string) {
	for _, l := range ls {
		t.line(l)
	}
}

// prose writes text from a bank, wrapped with indent.
func (t *textOut) prose(body, indent string) { t.lines(proseLines(body, t.width, indent, t.g)) }

// proseLines lays out text from a bank: sanitized, reflowed into paragraphs (a blank line
// between them, none between list items), wrapped to width with indent.
func proseLines(body string, width int, indent string, g Glyphs) []string {
	var out []string
	prevItem := false
	for i, p := range text.Paragraphs(text.Clean(body)) {
		item := p.Marker != ""
		if i > 0 && !(item && prevItem) {
			out = append(out, "")
		}
		if item {
			m := p.Marker
			if m == "-" || m == "*" || m == "•" {
				m = g.Bullet
			}
			first := indent + m + " "
			out = append(out, text.WrapIndent(p.Text, width, first, indent+strings.Repeat(" ", text.Width(m)+1))...)
		} else {
			out = append(out, text.WrapIndent(p.Text, width, "", indent)...)
		}
		prevItem = item
	}
	return out
}

// styled wraps one line of text and styles each line (styling after wrapping keeps
// widths right).
func styled(s string, width int, indent string, style func(string) string) []string {
	ls := text.Wrap(text.Clean(s), width-text.Width(indent))
	for i := range ls {
		ls[i] = indent + style(ls[i])
	}
	return ls
}

// heading writes a section title with a light rule under it.
func (t *textOut) heading(title string) {
	ls := text.Wrap(title, t.width)
	w := 0
	for _, l := range ls {
		w = max(w, text.Width(l))
		t.line(t.st.Bold(l))
	}
	t.line(Rule(t.g.Rule, w))
}

func summaryText(b *questionnaire.Bank, r *scoring.Result, opt Options) string {
	t := newTextOut(opt)
	urgent, other := split(r)
	warnings := t.summaryTop(b, r, opt, urgent)
	t.summaryBody(b, r, opt, other)
	t.summaryEnd(opt, warnings, urgent)
	if !t.started {
		t.line(t.p.T("Thank you for answering."))
	}
	return t.b.String()
}

// summaryTop writes what comes first: the urgent flags framed, the open safety questions, the
// title, the progress of an unfinished response and the outcome. It returns the warnings
// left for the end.
func (t *textOut) summaryTop(b *questionnaire.Bank, r *scoring.Result, opt Options, urgent []scoring.FlagResult) []string {
	// What must not be missed comes first, framed.
	for _, f := range urgent {
		inner := t.width - 6
		if t.width < 30 {
			inner = t.width
		}
		ls := styled(f.Title, inner, "", t.st.AccentBold)
		ls = append(ls, "")
		ls = append(ls, proseLines(f.Text, inner, "", t.g)...)
		t.lines(Frame(ls, t.width, t.g, t.st))
		t.gap(1)
	}
	// A safety question without an answer is named before anything else.
	safety, warnings := safetyOpen(b, r, opt)
	for _, w := range safety {
		t.lines(styled(w, t.width, "", t.st.AccentBold))
		t.gap(1)
	}

	if title := bankTitle(b, r); title != "" {
		t.lines(text.Wrap(text.Clean(title), t.width))
	}
	if r.Status == questionnaire.InProgress {
		t.gap(1)
		t.lines(text.Wrap(progress(t.p, r), t.width))
		t.gap(1)
	}

	t.warningSigns(r, opt)
	if o := r.Outcome; o != nil {
		t.headline(o.Title)
		t.prose(o.Text, "")
	} else if title, body, ok := noVerdict(b, r, opt); ok {
		t.headline(title)
		t.prose(body, "")
	}
	return warnings
}

// headline writes the outcome's title (or what stands in its place) over a heavy rule.
func (t *textOut) headline(title string) {
	t.gap(1)
	ls := text.Wrap(text.Clean(title), t.width)
	w := 0
	for _, l := range ls {
		w = max(w, text.Width(l))
		t.line(t.st.Bold(l))
	}
	t.line(Rule(t.g.HeavyRule, w))
	t.gap(1)
}

// warningSigns names the answers that are warning signs, first, each statement with the
// person's answer (docs/spec.md §1).
func (t *textOut) warningSigns(r *scoring.Result, opt Options) {
	if len(r.WarningSigns) == 0 {
		return
	}
	t.gap(1)
	t.heading(warningSignsHeading(opt))
	t.lines(text.Wrap(warningSignsIntro(r, opt), t.width))
	t.gap(1)
	for _, w := range r.WarningSigns {
		t.lines(text.WrapIndent(text.Clean(oneLine(w.Text)), t.width, "  "+t.g.Bullet+" ", "    "))
		t.lines(text.WrapIndent(youAnswered(t.p, text.Clean(oneLine(w.AnswerText))), t.width, "    ", "    "))
	}
}

// summaryBody writes the scores (or why they are set aside), the person's own words, the
// other flags, the outro and the sources.
func (t *textOut) summaryBody(b *questionnaire.Bank, r *scoring.Result, opt Options, other []scoring.FlagResult) {
	if setScoresAside(r, opt) {
		// No score or band may read as a verdict ("Ready to begin") while safety comes first.
		t.gap(2)
		t.lines(text.Wrap(setAside(opt), t.width))
	} else if len(r.Scores) > 0 {
		t.gap(2)
		t.heading(t.p.T("A closer look"))
		for _, s := range r.Scores {
			t.gap(1)
			t.score(s)
		}
	}

	if own := ownWords(b, r); len(own) > 0 {
		t.gap(2)
		t.heading(t.p.T("In your own words"))
		for _, w := range own {
			t.gap(1)
			t.lines(styled(w.Question, t.width, "  ", t.st.Bold))
			t.prose(w.Answer, "    ")
		}
	}

	if len(other) > 0 {
		t.gap(2)
		t.heading(t.p.T("Worth noticing"))
		for _, f := range other {
			t.gap(1)
			t.lines(styled(f.Title, t.width, "  ", t.st.Bold))
			t.prose(f.Text, "  ")
		}
	}

	if o := outro(b, r); o != "" {
		t.gap(2)
		t.prose(o, "")
	}

	if b != nil && len(b.Sources) > 0 {
		t.gap(2)
		t.heading(t.p.T("Sources"))
		for _, s := range b.Sources {
			t.lines(text.WrapIndent(text.Clean(credit(t.p, s.Title, s.Author)), t.width, "  "+t.g.Bullet+" ", "    "))
			if s.URL != "" {
				t.lines(text.WrapIndent(text.Clean(s.URL), t.width, "", "    "))
			}
		}
	}
}

// summaryEnd writes when and where the answers were saved, the warnings, and a reminder of
// the urgent flags, framed: a long summary scrolls, and the end stays on the screen.
func (t *textOut) summaryEnd(opt Options, warnings []string, urgent []scoring.FlagResult) {
	if a := answeredLine(opt); a != "" {
		t.gap(2)
		t.lines(text.Wrap(a, t.width))
	}
	if lead, file := fileLine(opt); lead != "" {
		if a := answeredLine(opt); a == "" {
			t.gap(2)
		}
		t.lines(text.Wrap(lead, t.width))
		t.lines(text.WrapIndent(text.Clean(file), t.width, "", "  "))
	}

	if len(warnings) > 0 {
		t.gap(2)
		t.heading(t.p.T("About this summary"))
		for _, w := range warnings {
			t.lines(text.WrapIndent(text.Clean(w), t.width, "  "+t.g.Bullet+" ", "    "))
		}
	}

	// A long summary scrolls: the end, which stays on the screen, points back to the top.
	if len(urgent) > 0 {
		inner := t.width - 6
		if t.width < 30 {
			inner = t.width
		}
		t.gap(2)
		t.lines(Frame(text.Wrap(reminder(t.p, urgent), inner), t.width, t.g, t.st))
	}
}

// score writes one score: its label; its bar, value and band; the band's text. A score
// without enough answers says why instead, with no value and no bar.
func (t *textOut) score(s scoring.ScoreResult) {
	const indent = "  "
	avail := t.width - len(indent)
	t.lines(styled(s.Label, t.width, indent, t.st.Bold))
	if s.Value == nil {
		t.lines(text.WrapIndent(notEnough(t.p, s), t.width, "", indent))
		return
	}
	value := formatValue(t.p, s)
	line := value
	if frac, ok := scoreFraction(s); ok {
		cells := min(barCells, avail-2-text.Width(value))
		if cells >= 3 {
			line = Bar(frac, cells, t.g) + "  " + value
		}
	}
	band := ""
	if s.Band != nil {
		band = text.Clean(*s.Band)
	}
	sep := "  " + t.g.Dot + "  "
	switch {
	case band != "" && text.Width(line)+text.Width(sep)+text.Width(band) <= avail:
		t.line(indent + line + sep + band)
	default:
		if text.Width(line) <= avail {
			t.line(indent + line)
		} else {
			t.lines(text.WrapIndent(line, t.width, "", indent))
		}
		if band != "" {
			t.lines(text.WrapIndent(band, t.width, "", indent))
		}
	}
	if strings.TrimSpace(s.BandText) != "" {
		t.prose(s.BandText, indent)
	}
	if s.BandWithheld {
		t.lines(text.WrapIndent(bandWithheld(t.p), t.width, indent, indent))
	}
	if s.FilledLowest > 0 {
		t.lines(text.WrapIndent(t.p.T("(%s)", filledLowest(t.p, s)), t.width, "", indent))
	}
	if s.Prorated {
		t.lines(text.WrapIndent(t.p.T("(%s)", prorated(t.p, s)), t.width, "", indent))
	}
	t.highlights(s, indent)
}

// highlights quotes the statements the score's `highlight` picks, each with the answer.
func (t *textOut) highlights(s scoring.ScoreResult, indent string) {
	if len(s.Highlights) == 0 {
		return
	}
	t.gap(1)
	t.lines(text.WrapIndent(highlightHeading(t.p, s), t.width, indent, indent))
	inner := indent + "  "
	for _, h := range s.Highlights {
		t.lines(text.WrapIndent(text.Clean(oneLine(h.Text)), t.width, inner+t.g.Bullet+" ", inner+"  "))
		t.lines(text.WrapIndent(youAnswered(t.p, text.Clean(oneLine(h.AnswerText))), t.width, inner+"  ", inner+"  "))
	}
}
