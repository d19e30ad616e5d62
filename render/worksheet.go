package render

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/candor-app/candor/internal/text"
	"github.com/candor-app/candor/questionnaire"
	"github.com/candor-app/candor/words"
)

// WorksheetOptions control a printable worksheet.
type WorksheetOptions struct {
	// Format is "text" or "markdown".
	Format string
	// Width wraps text; 0 means 80.
	Width int
	// Words says the worksheet's own words (what to tick, when to answer, "rather not
	// say") in the language of the bank printed; nil is English. They are words the
	// answers are read back in (questionnaire.ParseYesNo, questionnaire.DeclineText).
	Words *words.Printer
}

// Worksheet writes bank b as a worksheet to fill in on paper: the title, for whom, the intro,
// every question numbered with its help, boxes to tick, points to circle and lines to write
// on, the outro and the sources. It shows nothing of how answers are scored, with one
// exception: the words of the flags shown the moment an answer raises them (urgent safety
// flags, and `show: at_once` ones such as a crisis pointer), since on paper nothing can show
// them at the moment they are needed; the questions they depend on point to them.
func Worksheet(w io.Writer, b *questionnaire.Bank, opt WorksheetOptions) error {
	width := text.EffectiveWidth(opt.Width)
	bw := bufio.NewWriter(w)
	ws := &wsSheet{w: bw, b: b, width: width, p: opt.Words}
	if opt.Format == "markdown" {
		ws.markdown()
	} else {
		ws.text()
	}
	return bw.Flush()
}

type wsSheet struct {
	w     *bufio.Writer
	b     *questionnaire.Bank
	width int
	p     *words.Printer
}

// wsClean is text from the bank, made safe for a terminal and trimmed.
func wsClean(s string) string {
	return strings.TrimSpace(text.Clean(s))
}

// mdNote writes a note in markdown, in italics and brackets after a blank line; nothing
// when note is empty.
func (s *wsSheet) mdNote(note string) {
	if note != "" {
		s.blank()
		s.line("*(%s)*", MarkdownEscape(note))
	}
}

func (s *wsSheet) line(format string, args ...any) {
	fmt.Fprintf(s.w, format, args...)
	s.w.WriteByte('\n')
}

func (s *wsSheet) blank() { s.w.WriteByte('\n') }

// para writes text wrapped to the sheet's width, every line indented by indent spaces.
func (s *wsSheet) para(body string, indent int) {
	s.hanging(strings.Repeat(" ", indent), body)
}

// hanging writes text's paragraphs wrapped to the sheet's width: the first line starts
// with prefix, the others are indented under it; list items keep their marker.
func (s *wsSheet) hanging(prefix, body string) {
	pad := strings.Repeat(" ", text.Width(prefix))
	prevItem := false
	for i, p := range text.Paragraphs(text.Clean(body)) {
		first, ind := pad, pad
		if i == 0 {
			first = prefix
		}
		if i > 0 && !(prevItem && p.Marker != "") {
			s.blank()
		}
		if p.Marker != "" {
			first += p.Marker + " "
			ind += strings.Repeat(" ", text.Width(p.Marker)+1)
		}
		for _, l := range text.WrapIndent(p.Text, s.width, first, ind) {
			s.line("%s", l)
		}
		prevItem = p.Marker != ""
	}
}

func wsRuneLen(s string) int { return text.Width(s) }

// wsDatePrompt says how to write a date: "Write a date (year, month, day; no later than
// today):".
func wsDatePrompt(p *words.Printer, q *questionnaire.Question) string {
	lo, hi := wsDateBound(p, q.MinDate), wsDateBound(p, q.MaxDate)
	switch {
	case lo != "" && hi != "":
		return p.T("Write a date (year, month, day; from %s to %s):", lo, hi)
	case lo != "":
		return p.T("Write a date (year, month, day; no earlier than %s):", lo)
	case hi != "":
		return p.T("Write a date (year, month, day; no later than %s):", hi)
	}
	return p.T("Write a date (year, month, day):")
}

// wsDateBound is a date question's bound as the reader's language writes it: "today", a
// day ("1 Jan 2020"), or "" for none.
func wsDateBound(p *words.Printer, s string) string {
	switch s {
	case "":
		return ""
	case questionnaire.Today:
		return p.T("today")
	}
	if t, err := questionnaire.ParseDate(s); err == nil {
		return p.Date(t)
	}
	return s
}

// wsSectionNote is the line under a section's heading that says when to answer it, if its
// questions are asked only sometimes.
func wsSectionNote(p *words.Printer, b *questionnaire.Bank, sec *questionnaire.Section) string {
	if sec.When == nil {
		return ""
	}
	if cond, ok := conditionInWords(p, b, sec.When); ok {
		return p.T("Answer this part only if %s.", cond)
	}
	return p.T("This part may not apply to you; if it doesn't, leave it blank.")
}

// wsQuestionNote is the line under a question that says when to answer it, if any.
func wsQuestionNote(p *words.Printer, b *questionnaire.Bank, q *questionnaire.Question) string {
	var notes []string
	if q.Type == questionnaire.Info {
		if q.When == nil {
			return ""
		}
		if cond, ok := whenInWords(p, b, q); ok {
			return p.T("This is for you only if %s.", cond)
		}
		return p.T("This may not apply to you.")
	}
	if q.When != nil {
		if cond, ok := whenInWords(p, b, q); ok {
			notes = append(notes, p.T("Answer this only if %s.", cond))
		} else {
			notes = append(notes, p.T("This question may not apply to you; if it doesn't, leave it blank."))
		}
	}
	if !q.Required && q.When == nil {
		notes = append(notes, p.T("You may leave this one blank if you prefer."))
	}
	if q.Decline {
		// Words an answers file reads as declining (questionnaire.DeclineText), in each
		// language.
		notes = append(notes, p.T("If you'd rather not answer, write \"rather not say\"."))
	}
	// Whole sentences, one after the other.
	return strings.Join(notes, " ")
}

// wsUrgent lists the flags whose words appear the moment an answer raises them (urgent flags,
// and those with `show: at_once`, such as a crisis pointer), urgent ones first: on paper
// nothing can react to an answer, so their words are printed for everyone, and the
// questions they depend on point to them.
func wsUrgent(b *questionnaire.Bank) []*questionnaire.Flag {
	var out []*questionnaire.Flag
	for _, urgent := range []bool{true, false} {
		for _, f := range b.Flags {
			if f.ShowAtOnce() && (f.Level == questionnaire.Urgent) == urgent {
				out = append(out, f)
			}
		}
	}
	return out
}

// wsUrgentPointer is the note under a question an urgent flag depends on.
func wsUrgentPointer(p *words.Printer, b *questionnaire.Bank, q *questionnaire.Question) string {
	var titles []string
	for _, f := range wsUrgent(b) {
		if f.When == nil {
			continue
		}
		for _, n := range f.When.Names {
			if n == q.ID {
				titles = append(titles, p.T("\"%s\"", wsClean(f.Title)))
				break
			}
		}
	}
	if len(titles) == 0 {
		return ""
	}
	return p.T("Please also read %s, near the end of this sheet.", p.List(titles...))
}

// wsUrgentLead says when an urgent flag's words are meant for the reader.
func wsUrgentLead(p *words.Printer, b *questionnaire.Bank, f *questionnaire.Flag) string {
	if cond, ok := conditionInWords(p, b, f.When); ok {
		return p.T("If %s, this is for you.", cond)
	}
	return p.T("If this applies to you, it is for you.")
}

// wsScaleAnchors is "1 = Never, 7 = Always" for a scale's labelled points, in order.
func wsScaleAnchors(q *questionnaire.Question) string {
	var parts []string
	for p := int(q.Min); p <= int(q.Max); p++ {
		if l, ok := q.Labels[p]; ok {
			parts = append(parts, fmt.Sprintf("%d = %s", p, wsClean(l)))
		}
	}
	return strings.Join(parts, ", ")
}

// wsNumberPrompt says what number to write: "Write a number (0 to 10):".
func wsNumberPrompt(p *words.Printer, q *questionnaire.Question) string {
	num := func(f float64) string { return Number(p, f) }
	switch {
	case q.HasMin && q.HasMax:
		return p.T("Write a number (%s to %s):", num(q.Min), num(q.Max))
	case q.HasMin:
		return p.T("Write a number (at least %s):", num(q.Min))
	case q.HasMax:
		return p.T("Write a number (at most %s):", num(q.Max))
	}
	return p.T("Write a number:")
}

func wsSourceLine(p *words.Printer, src *questionnaire.Source) string {
	line := wsClean(src.Title)
	if a := wsClean(src.Author); a != "" {
		line = p.T("%s, by %s", line, a)
	}
	return line
}

// --- text ---------------------------------------------------------------------------

func (s *wsSheet) text() {
	b := s.b
	title := wsClean(b.Title)
	s.para(title, 0)
	s.line("%s", strings.Repeat("=", min(wsRuneLen(title), s.width)))
	if f := wsClean(b.For); f != "" {
		s.para(s.p.T("For %s", f), 0)
	}
	s.blank()
	if b.Intro != "" {
		s.para(b.Intro, 0)
		s.blank()
	}
	s.line("%s", s.p.T("Name: %s   Date: %s", strings.Repeat("_", max(10, s.width/2-14)), strings.Repeat("_", 12)))
	num := len(fmt.Sprint(b.QuestionCount()))
	indent := num + 2
	var section *questionnaire.Section
	for _, q := range b.Questions {
		if q.Section != nil && q.Section != section {
			section = q.Section
			s.blank()
			s.blank()
			t := wsClean(section.Title)
			if t == "" {
				t = s.p.T("Part")
			}
			s.para(t, 0)
			s.line("%s", strings.Repeat("-", min(wsRuneLen(t), s.width)))
			if section.Intro != "" {
				s.para(section.Intro, 0)
			}
			if note := wsSectionNote(s.p, b, section); note != "" {
				s.para("("+note+")", 0)
			}
		}
		s.blank()
		if q.Type == questionnaire.Info {
			// A statement: read, not answered, so it has no number and no answer space.
			s.para(q.Text, indent)
			if q.Help != "" {
				s.para(q.Help, indent)
			}
			if note := wsQuestionNote(s.p, b, q); note != "" {
				s.para("("+note+")", indent)
			}
			continue
		}
		s.hanging(fmt.Sprintf("%*d. ", num, q.Number), q.Text)
		if q.Help != "" {
			s.para(q.Help, indent)
		}
		if note := wsQuestionNote(s.p, b, q); note != "" {
			s.para("("+note+")", indent)
		}
		if p := wsUrgentPointer(s.p, b, q); p != "" {
			s.para("("+p+")", indent)
		}
		s.blank()
		s.textAnswer(q, indent)
	}
	for _, f := range wsUrgent(b) {
		s.blank()
		s.blank()
		t := wsClean(f.Title)
		s.para(t, 0)
		s.line("%s", strings.Repeat("-", min(wsRuneLen(t), s.width)))
		s.para(wsUrgentLead(s.p, b, f), 0)
		if f.Text != "" {
			s.blank()
			s.para(f.Text, 0)
		}
	}
	if b.Outro != "" {
		s.blank()
		s.blank()
		s.para(b.Outro, 0)
	}
	if len(b.Sources) > 0 {
		s.blank()
		s.blank()
		heading := s.p.T("Sources")
		s.line("%s", heading)
		s.line("%s", strings.Repeat("-", wsRuneLen(heading)))
		for _, src := range b.Sources {
			s.hanging("- ", wsSourceLine(s.p, src))
			if u := wsClean(src.URL); u != "" {
				s.para(u, 2)
			}
			if n := wsClean(src.Note); n != "" {
				s.para(n, 2)
			}
		}
	}
}

func (s *wsSheet) textAnswer(q *questionnaire.Question, indent int) {
	pad := strings.Repeat(" ", indent)
	switch q.Type {
	case questionnaire.YesNo:
		s.line("%s%s", pad, s.p.T("[ ] Yes    [ ] No"))
	case questionnaire.Choice, questionnaire.Multi:
		if q.Type == questionnaire.Choice {
			s.line("%s%s", pad, s.p.T("Tick one:"))
		} else {
			s.line("%s%s", pad, s.p.T("Tick all that apply:"))
		}
		for _, o := range q.Options {
			s.hanging(pad+"[ ] ", o.Label)
		}
	case questionnaire.Scale:
		prefix := s.p.T("Circle one:") + " "
		line := pad + prefix
		cont := strings.Repeat(" ", indent+wsRuneLen(prefix))
		for p := int(q.Min); p <= int(q.Max); p++ {
			cell := fmt.Sprintf("  %d ", p)
			if wsRuneLen(line)+wsRuneLen(cell) > s.width && strings.TrimSpace(line) != strings.TrimSpace(prefix) {
				s.line("%s", strings.TrimRight(line, " "))
				line = cont
			}
			line += cell
		}
		s.line("%s", strings.TrimRight(line, " "))
		if a := wsScaleAnchors(q); a != "" {
			s.para(a, indent)
		}
	case questionnaire.Number:
		p := wsNumberPrompt(s.p, q)
		s.line("%s%s %s", pad, p, strings.Repeat("_", max(8, min(20, s.width-indent-wsRuneLen(p)-1))))
	case questionnaire.Date:
		s.line("%s%s  ____ - __ - __", pad, wsDatePrompt(s.p, q))
	case questionnaire.Text, questionnaire.Info:
		fallthrough // as the default (listed for the exhaustive check)
	default:
		rule := strings.Repeat("_", s.width-indent)
		s.line("%s%s", pad, rule)
		s.blank()
		s.line("%s%s", pad, rule)
	}
}

// --- markdown -----------------------------------------------------------------------

func (s *wsSheet) mdPara(body string, prefix string) {
	prevItem := false
	for i, p := range text.Paragraphs(text.Clean(body)) {
		if i > 0 && !(prevItem && p.Marker != "") {
			s.line("%s", strings.TrimRight(prefix, " "))
		}
		if p.Marker != "" {
			s.line("%s%s %s", prefix, p.Marker, MarkdownEscape(p.Text))
		} else {
			s.line("%s%s", prefix, MarkdownEscape(p.Text))
		}
		prevItem = p.Marker != ""
	}
}

// wsMdRule is a line to write on: escaped underscores, so markdown shows them as they are.
func wsMdRule(n int) string { return strings.Repeat(`\_`, n) }

func (s *wsSheet) markdown() {
	b := s.b
	s.line("# %s", MarkdownEscape(b.Title))
	s.blank()
	if f := wsClean(b.For); f != "" {
		s.line("*%s*", s.p.T("For %s", MarkdownEscape(f)))
		s.blank()
	}
	if b.Intro != "" {
		s.mdPara(b.Intro, "")
		s.blank()
	}
	s.line("%s", s.p.T("Name: %s &nbsp; Date: %s", wsMdRule(24), wsMdRule(12)))
	var section *questionnaire.Section
	for _, q := range b.Questions {
		if q.Section != nil && q.Section != section {
			section = q.Section
			s.blank()
			t := MarkdownEscape(section.Title)
			if t == "" {
				t = MarkdownEscape(s.p.T("Part"))
			}
			s.line("## %s", t)
			if section.Intro != "" {
				s.blank()
				s.mdPara(section.Intro, "")
			}
			s.mdNote(wsSectionNote(s.p, b, section))
		}
		s.blank()
		if q.Type == questionnaire.Info {
			s.mdPara(q.Text, "")
			if q.Help != "" {
				s.blank()
				s.mdPara(q.Help, "> ")
			}
			s.mdNote(wsQuestionNote(s.p, b, q))
			continue
		}
		s.line("**%d.** %s", q.Number, MarkdownEscape(q.Text))
		if q.Help != "" {
			s.blank()
			s.mdPara(q.Help, "> ")
		}
		s.mdNote(wsQuestionNote(s.p, b, q))
		if p := wsUrgentPointer(s.p, b, q); p != "" {
			s.blank()
			s.line("*(%s)*", MarkdownEscape(p))
		}
		s.blank()
		s.mdAnswer(q)
	}
	for _, f := range wsUrgent(b) {
		s.blank()
		s.line("## %s", MarkdownEscape(f.Title))
		s.blank()
		s.line("%s", MarkdownEscape(wsUrgentLead(s.p, b, f)))
		if f.Text != "" {
			s.blank()
			s.mdPara(f.Text, "")
		}
	}
	if b.Outro != "" {
		s.blank()
		s.line("---")
		s.blank()
		s.mdPara(b.Outro, "")
	}
	if len(b.Sources) > 0 {
		s.blank()
		s.line("## %s", MarkdownEscape(s.p.T("Sources")))
		s.blank()
		for _, src := range b.Sources {
			item := MarkdownEscape(src.Title)
			if u := wsClean(src.URL); wsWebURL(u) {
				item = fmt.Sprintf("[%s](<%s>)", item, u)
			}
			if a := wsClean(src.Author); a != "" {
				item = s.p.T("%s, by %s", item, MarkdownEscape(a))
			}
			if u := wsClean(src.URL); u != "" && !wsWebURL(u) {
				item += ", " + MarkdownEscape(u)
			}
			if n := wsClean(src.Note); n != "" {
				item += ". " + MarkdownEscape(n)
			}
			s.line("- %s", item)
		}
	}
}

func (s *wsSheet) mdAnswer(q *questionnaire.Question) {
	switch q.Type {
	case questionnaire.YesNo:
		s.line("%s", s.p.T("- [ ] Yes\n- [ ] No"))
	case questionnaire.Choice, questionnaire.Multi:
		if q.Type == questionnaire.Choice {
			s.line("%s", s.p.T("Tick one:"))
		} else {
			s.line("%s", s.p.T("Tick all that apply:"))
		}
		s.blank()
		for _, o := range q.Options {
			s.line("- [ ] %s", MarkdownEscape(o.Label))
		}
	case questionnaire.Scale:
		var pts []string
		for p := int(q.Min); p <= int(q.Max); p++ {
			pts = append(pts, fmt.Sprint(p))
		}
		s.line("%s %s", s.p.T("Circle one:"), strings.Join(pts, " · "))
		if a := wsScaleAnchors(q); a != "" {
			s.blank()
			s.line("*%s*", MarkdownEscape(a))
		}
	case questionnaire.Number:
		s.line("%s %s", MarkdownEscape(wsNumberPrompt(s.p, q)), wsMdRule(16))
	case questionnaire.Date:
		s.line("%s %s - %s - %s", MarkdownEscape(wsDatePrompt(s.p, q)), wsMdRule(4), wsMdRule(2), wsMdRule(2))
	case questionnaire.Text, questionnaire.Info:
		fallthrough // as the default (listed for the exhaustive check)
	default:
		s.line("%s", wsMdRule(40))
		s.blank()
		s.line("%s", wsMdRule(40))
	}
}

// wsWebURL reports whether u is a plain web address, safe to write as a markdown link.
func wsWebURL(u string) bool {
	return (strings.HasPrefix(u, "https://") || strings.HasPrefix(u, "http://")) &&
		!strings.ContainsAny(u, " <>\n")
}
