package render

import (
	"fmt"
	"html"
	"math"
	"strings"

	"github.com/candor-app/candor/internal/text"
	"github.com/candor-app/candor/questionnaire"
	"github.com/candor-app/candor/scoring"
	"github.com/candor-app/candor/words"
)

// summaryCSS styles an HTML summary: the page `candor form` writes and the document
// `--format html` writes share it. System fonts only, light and dark, no motion.
const summaryCSS = `.candor-summary{line-height:1.5;max-width:40em}
.candor-summary h1{font-size:1.5em;margin:.5em 0}
.candor-summary h2{font-size:1.25em;margin:1.25em 0 .5em}
.candor-summary h3{font-size:1.05em;margin:1em 0 .25em}
.candor-summary p,.candor-summary ul,.candor-summary ol,.candor-summary blockquote{margin:.5em 0}
.candor-urgent{border:3px solid currentColor;border-radius:.5em;padding:0 1em;margin:1em 0}
.candor-outcome h2{font-size:1.4em;border-bottom:3px solid currentColor;display:inline-block}
.candor-value{display:flex;flex-wrap:wrap;align-items:center;gap:.25em .75em}
.candor-bar{display:inline-block;width:10em;max-width:60vw;height:.9em;border:1px solid currentColor;border-radius:.2em;overflow:hidden}
.candor-bar span{display:block;height:100%;background:currentColor}
.candor-summary blockquote{border-inline-start:4px solid currentColor;padding-inline-start:1em;margin-inline-start:0}
.candor-note,.candor-progress,.candor-answered{font-style:italic}
.candor-summary code{overflow-wrap:anywhere}
`

// documentCSS is the page around a summary written on its own (`--format html`).
const documentCSS = /* words:none: CSS */ `:root{color-scheme:light dark}
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0 auto;padding:1em;max-width:42em;background:#fff;color:#1b1b1b}
@media (prefers-color-scheme:dark){body{background:#161616;color:#eee}a{color:#9cf}}
`

// documentCSP forbids every request: the summary is read offline and phones nowhere.
const documentCSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"

// summaryHTMLDocument is a complete HTML document holding the summary: one file a person can
// open in any browser, with no external resource. Its <title> is the same for every bank.
func summaryHTMLDocument(b *questionnaire.Bank, r *scoring.Result, opt Options) string {
	return htmlPage(documentLang(b, opt.Words), opt.Words.T("Summary"), summaryCSS, SummaryHTML(b, r, opt))
}

// documentLang is the language of a document about bank b: the bank's (most of its words are
// the bank's), else the language p speaks; English when neither is known.
func documentLang(b *questionnaire.Bank, p *words.Printer) string {
	if b != nil && strings.TrimSpace(b.Language) != "" {
		return b.Language
	}
	return p.Lang()
}

// htmlDocument is htmlPage in bank b's language (English without a bank).
func htmlDocument(b *questionnaire.Bank, title, css, body string) string {
	return htmlPage(documentLang(b, nil), title, css, body)
}

// htmlPage is a complete, offline HTML document in language lang around body, styled by css
// after documentCSS, under the CSP that forbids every request. A language written right to
// left (questionnaire.RightToLeft) lays the document out right to left.
func htmlPage(lang, title, css, body string) string {
	dir := ""
	if questionnaire.RightToLeft(lang) {
		dir = ` dir="rtl"`
	}
	var s strings.Builder
	s.WriteString("<!DOCTYPE html>\n")
	fmt.Fprintf(&s, "<html lang=\"%s\"%s>\n<head>\n<meta charset=\"utf-8\">\n", esc(lang), dir)
	fmt.Fprintf(&s, "<meta http-equiv=\"Content-Security-Policy\" content=\"%s\">\n", documentCSP)
	s.WriteString("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
	s.WriteString("<meta name=\"referrer\" content=\"no-referrer\">\n")
	// A neutral title: the browser's tab, history and window list are seen by anyone at a
	// shared computer, so the topic stays in the page's heading only (as the web form's
	// "Questions").
	s.WriteString("<title>" + esc(title) + "</title>\n")
	s.WriteString("<style>\n" + documentCSS + css + "</style>\n</head>\n<body>\n<main>\n")
	s.WriteString(body)
	s.WriteString("</main>\n</body>\n</html>\n")
	return s.String()
}

// SummaryHTML is the summary as an HTML fragment (one <article>), in the order and words of
// the text summary: urgent messages first, the headline, the scores with their bars and
// bands (set aside while safety comes first), the person's own words, other flags, the
// bank's closing words, sources, who answered and when, and warnings. Every text is
// sanitized (Clean) and escaped; no element loads anything.
func SummaryHTML(b *questionnaire.Bank, r *scoring.Result, opt Options) string {
	h := &htmlOut{p: opt.Words}
	h.raw(`<article class="candor-summary">`)
	urgent, other := split(r)
	for _, f := range urgent {
		h.raw(`<section class="candor-urgent">`)
		h.el("h2", f.Title)
		h.prose(f.Text)
		h.raw(`</section>`)
	}
	safety, warnings := safetyOpen(b, r, opt)
	for _, w := range safety {
		h.raw(`<p class="candor-urgent">` + esc(w) + `</p>`)
	}
	if title := bankTitle(b, r); title != "" {
		h.el("h1", title)
	}
	if r.Status == questionnaire.InProgress {
		h.raw(`<p class="candor-progress">` + esc(progress(h.p, r)) + `</p>`)
	}
	if len(r.WarningSigns) > 0 {
		h.raw(`<section class="candor-warning-signs">`)
		h.el("h2", warningSignsHeading(opt))
		h.el("p", warningSignsIntro(r, opt))
		h.raw(`<ul>`)
		for _, w := range r.WarningSigns {
			h.raw(`<li>` + esc(oneLine(w.Text)) + `<br/>` + h.youAnswered(shownAnswer(h.p, b.Question(w.ID), w.Answer, w.AnswerText)) + `</li>`)
		}
		h.raw(`</ul>`)
		h.raw(`</section>`)
	}
	if o := r.Outcome; o != nil {
		h.raw(`<section class="candor-outcome">`)
		h.el("h2", o.Title)
		h.prose(o.Text)
		h.raw(`</section>`)
	} else if title, body, ok := noVerdict(b, r, opt); ok {
		h.raw(`<section class="candor-outcome candor-no-verdict">`)
		h.el("h2", title)
		h.prose(body)
		h.raw(`</section>`)
	}
	if setScoresAside(r, opt) {
		h.el("p", setAside(opt))
	} else if len(r.Scores) > 0 {
		h.raw(`<section class="candor-scores">`)
		h.el("h2", h.p.T("A closer look"))
		for _, s := range r.Scores {
			h.score(s)
		}
		h.raw(`</section>`)
	}
	if own := ownWords(b, r); len(own) > 0 {
		h.raw(`<section class="candor-own-words">`)
		h.el("h2", h.p.T("In your own words"))
		for _, w := range own {
			h.el("h3", w.Question)
			h.raw(`<blockquote>`)
			h.prose(w.Answer)
			h.raw(`</blockquote>`)
		}
		h.raw(`</section>`)
	}
	if len(other) > 0 {
		h.raw(`<section class="candor-flags">`)
		h.el("h2", h.p.T("Worth noticing"))
		for _, f := range other {
			h.el("h3", f.Title)
			h.prose(f.Text)
		}
		h.raw(`</section>`)
	}
	if o := outro(b, r); o != "" {
		h.raw(`<div class="candor-outro">`)
		h.prose(o)
		h.raw(`</div>`)
	}
	if b != nil && len(b.Sources) > 0 {
		h.sources(b.Sources, opt.NoLinks)
	}
	if a := answeredLine(opt); a != "" {
		h.raw(`<p class="candor-answered">` + esc(a) + `</p>`)
	}
	if lead, file := fileLine(opt); lead != "" {
		h.raw(`<p class="candor-file">` + esc(lead) + ` <code>` + esc(file) + `</code></p>`)
	}
	if len(warnings) > 0 {
		h.raw(`<section class="candor-warnings">`)
		h.el("h2", h.p.T("About this summary"))
		h.raw(`<ul>`)
		for _, w := range warnings {
			h.el("li", w)
		}
		h.raw(`</ul>`)
		h.raw(`</section>`)
	}
	if len(urgent) > 0 {
		h.raw(`<p class="candor-urgent candor-reminder">` + esc(reminder(h.p, urgent)) + `</p>`)
	}
	if h.n == 1 {
		h.el("p", h.p.T("Thank you for answering."))
	}
	h.raw(`</article>`)
	return h.b.String()
}

// htmlOut builds HTML one element a line.
type htmlOut struct {
	b strings.Builder
	n int
	// p says candor's own words.
	p *words.Printer
}

// raw writes markup as it is, on a line of its own.
func (h *htmlOut) raw(s string) {
	h.b.WriteString(s)
	h.b.WriteByte('\n')
	h.n++
}

// el writes text in an element, sanitized and escaped, on one line.
func (h *htmlOut) el(tag, text string) {
	h.raw("<" + tag + ">" + esc(oneLine(text)) + "</" + tag + ">")
}

// esc makes text from a bank, a response or the command line safe in HTML: sanitized as for
// a terminal (no control characters), then escaped.
func esc(s string) string { return html.EscapeString(text.Clean(s)) }

// youAnswered is the person's answer under a statement the summary quotes, escaped.
func (h *htmlOut) youAnswered(answer string) string {
	return youAnswered(h.p, `<strong>`+esc(oneLine(answer))+`</strong>`)
}

// oneLine joins the lines of s with spaces.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// prose writes text from a bank as paragraphs and lists, as the text summary lays it out.
func (h *htmlOut) prose(body string) {
	ps := text.Paragraphs(text.Clean(body))
	for i := 0; i < len(ps); {
		p := ps[i]
		if p.Marker == "" {
			h.el("p", p.Text)
			i++
			continue
		}
		ordered := isOrderedMarker(p.Marker)
		open := "<ul>"
		if ordered {
			open = "<ol>"
			if n := strings.TrimRight(p.Marker, ".)"); n != "1" {
				open = `<ol start="` + n + `">` // words:none: HTML
			}
		}
		h.raw(open)
		for ; i < len(ps) && ps[i].Marker != "" && isOrderedMarker(ps[i].Marker) == ordered; i++ {
			h.el("li", ps[i].Text)
		}
		h.raw("</" + open[1:3] + ">")
	}
}

func isOrderedMarker(m string) bool { return strings.HasSuffix(m, ".") || strings.HasSuffix(m, ")") }

// score writes one score: its label, a bar with its value and band, the band's text. A
// score without enough answers says why, with no value and no bar.
func (h *htmlOut) score(s scoring.ScoreResult) {
	h.raw(`<section class="candor-score">`)
	h.el("h3", s.Label)
	if s.Value == nil {
		h.el("p", notEnough(h.p, s))
		h.raw(`</section>`)
		return
	}
	line := `<p class="candor-value">`
	if frac, ok := scoreFraction(s); ok {
		pct := questionnaire.FormatNumber(math.Round(frac*1000) / 10)
		line += `<span class="candor-bar" aria-hidden="true"><span style="width:` + pct + `%"></span></span> `
	}
	line += `<strong>` + esc(formatValue(h.p, s)) + `</strong>`
	if s.Band != nil && strings.TrimSpace(*s.Band) != "" {
		line += ` <span>` + esc(oneLine(*s.Band)) + `</span>`
	}
	h.raw(line + `</p>`)
	if strings.TrimSpace(s.BandText) != "" {
		h.prose(s.BandText)
	}
	if s.BandWithheld {
		h.el("p", bandWithheld(h.p))
	}
	if s.Prorated {
		h.raw(`<p class="candor-note">` + esc(prorated(h.p, s)) + `</p>`)
	}
	if s.FilledLowest > 0 {
		h.raw(`<p class="candor-note">` + esc(filledLowest(h.p, s)) + `</p>`)
	}
	if len(s.Highlights) > 0 {
		h.el("p", highlightHeading(h.p, s))
		h.raw(`<ul class="candor-highlights">`)
		for _, x := range s.Highlights {
			h.raw(`<li>` + esc(oneLine(x.Text)) + `<br/>` + h.youAnswered(shownAnswer(h.p, itemOf(s, x.ID), x.Answer, x.AnswerText)) + `</li>`)
		}
		h.raw(`</ul>`)
	}
	h.raw(`</section>`)
}

// sources lists the bank's sources; a web address becomes a link that opens apart from the
// page, and sends no referrer, or with noLinks its words and the address as text to copy.
func (h *htmlOut) sources(ss []*questionnaire.Source, noLinks bool) {
	h.raw(`<section class="candor-sources">`)
	h.el("h2", h.p.T("Sources"))
	h.raw(`<ul>`)
	for _, s := range ss {
		t := esc(oneLine(s.Title))
		u := strings.TrimSpace(text.Clean(s.URL))
		switch {
		case isWebURL(u) && noLinks:
			t = `<span class="link">` + h.p.T("%s (address: %s)", t, `<span class="address">`+html.EscapeString(u)+`</span>`) + `</span>`
		case isWebURL(u):
			t = `<a href="` + html.EscapeString(u) + `" rel="noopener noreferrer" target="_blank">` + t + `</a>` // words:none: markup
		case u != "":
			t += " (" + esc(u) + ")"
		}
		h.raw(`<li>` + credit(h.p, t, esc(oneLine(s.Author))) + `</li>`)
	}
	h.raw(`</ul>`)
	h.raw(`</section>`)
}

// ProseHTML is text from a bank (an intro, a help text, a flag's text) as HTML paragraphs and
// lists, laid out as the summaries lay it out; sanitized and escaped.
func ProseHTML(text string) string {
	h := &htmlOut{}
	h.prose(text)
	return h.b.String()
}
