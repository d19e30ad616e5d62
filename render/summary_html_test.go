package render

import (
	"bytes"
	"encoding/xml"
	"html"
	"io"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/candor-app/candor/data"
	"github.com/candor-app/candor/questionnaire"
	"github.com/candor-app/candor/scoring"
	"github.com/candor-app/candor/words"
)

var htmlCases = []string{"trust-readiness-ready", "trust-readiness-unsafe", "trust-readiness-in-progress",
	"accountability-mixed", "accountability-prorated", "accountability-unsafe-both", "what-trust-is-checking",
	"every-kind-of-score", "long-texts", "control-characters", "control-characters-safe", "warnings", "bare", "no-scores"}

func TestSummaryHTML(t *testing.T) {
	for _, name := range htmlCases {
		c := findCase(t, name)
		t.Run(name, func(t *testing.T) {
			b, r := c.run(t)
			opt := c.options(b)
			opt.Format = "html"
			var buf bytes.Buffer
			require.NoError(t, Summary(&buf, b, r, opt))
			out := buf.String()
			checkHTMLDocument(t, out)
			frag := SummaryHTML(b, r, opt)
			assert.Contains(t, out, frag, "the document holds the fragment the page shows")
			checkHTMLFragment(t, frag)
			golden(t, filepath.Join("summary", name+".html"), out)
		})
	}
}

// TestSummaryHTMLSaysWhatTextSays: the HTML summary holds the same words as the text one,
// in the same order (the text's frames, bars and wrapping aside).
func TestSummaryHTMLSaysWhatTextSays(t *testing.T) {
	for _, id := range data.IDs() {
		b := loadBank(t, id)
		for _, bt := range b.Tests {
			t.Run(id+"/"+bt.Name, func(t *testing.T) {
				r := scoring.Score(b, bt.Answers, scoring.Options{})
				opt := std(Options{Respondent: "Sam <b>"})
				opt.SavedTo = "/tmp/a&b.yaml"
				var tb bytes.Buffer
				require.NoError(t, Summary(&tb, b, r, opt))
				frag := SummaryHTML(b, r, opt)
				checkHTMLFragment(t, frag)
				got := plainWords(htmlText(t, frag))
				want := plainWords(textWords(tb.String()))
				assert.Equal(t, want, got)
			})
		}
	}
}

var textGlyphs = regexp.MustCompile(`[█░╭╮╰╯─━│•·]+|\d+ / \d+|\(|\)`)

// textWords is the text summary without its drawing: frames, rules, bars, bullets, and the
// score line's glyphs.
func textWords(s string) string { return textGlyphs.ReplaceAllString(s, " ") }

func plainWords(s string) string {
	s = strings.NewReplacer("(", " ", ")", " ").Replace(s)
	s = regexp.MustCompile(`\d+ / \d+`).ReplaceAllString(s, " ")
	return strings.Join(strings.Fields(s), " ")
}

var tagRE = regexp.MustCompile(`<[^>]*>`)

// htmlText is what a reader of HTML sees: tags gone, entities read.
func htmlText(t *testing.T, s string) string {
	t.Helper()
	if i := strings.Index(s, "<body>"); i >= 0 {
		s = s[i:]
	}
	return html.UnescapeString(tagRE.ReplaceAllString(s, " "))
}

// checkHTMLDocument checks what every HTML document must be: complete, with a language,
// UTF-8, a policy that forbids every request, and nothing that loads or runs anything.
func checkHTMLDocument(t *testing.T, doc string) {
	t.Helper()
	assert.True(t, strings.HasPrefix(doc, "<!DOCTYPE html>\n<html lang=\""))
	assert.Contains(t, doc, `<meta charset="utf-8">`)
	assert.Contains(t, doc, `content="default-src 'none';`)
	assert.True(t, strings.HasSuffix(doc, "</html>\n"))
	assert.Equal(t, 1, strings.Count(doc, "<style>"))
}

// checkHTMLFragment checks a summary fragment: well formed (every element closed), no
// control character, no script, style sheet, image, frame or form, and links only to web
// addresses.
func checkHTMLFragment(t *testing.T, frag string) {
	t.Helper()
	dec := xml.NewDecoder(strings.NewReader(frag))
	dec.Strict = true
	depth := 0
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		require.NoError(t, err, "the fragment is well formed")
		switch tk := tok.(type) {
		case xml.StartElement:
			depth++
			assert.NotContains(t, []string{"script", "style", "img", "iframe", "form", "link", "object", "embed"}, tk.Name.Local)
			for _, a := range tk.Attr {
				assert.False(t, strings.HasPrefix(a.Name.Local, "on"), "no event handler: %s", a.Name.Local)
				if a.Name.Local == "href" {
					assert.Regexp(t, `^https?://`, a.Value)
				}
			}
		case xml.EndElement:
			depth--
		case xml.CharData:
			for _, r := range string(tk) {
				if r != '\n' && isControlRune(r) {
					t.Errorf("control character %U in HTML", r)
				}
			}
		}
	}
	assert.Equal(t, 0, depth)
	assert.True(t, strings.HasPrefix(frag, `<article class="candor-summary">`))
}

// TestSummaryHTMLTitleIsNeutral: the browser tab and history show "Summary", never the
// bank's topic; the page's heading still has the bank's title.
func TestSummaryHTMLTitleIsNeutral(t *testing.T) {
	c := findCase(t, "trust-readiness-ready")
	b, r := c.run(t)
	opt := c.options(b)
	opt.Format = "html"
	var buf bytes.Buffer
	require.NoError(t, Summary(&buf, b, r, opt))
	out := buf.String()
	assert.Contains(t, out, "<title>Summary</title>")
	head, body, ok := strings.Cut(out, "</head>")
	require.True(t, ok)
	assert.NotContains(t, head, html.EscapeString(b.Title), "the topic is not in the head")
	assert.Contains(t, body, "<h1>"+html.EscapeString(b.Title)+"</h1>")
}

// TestSummaryHTMLDirection: the document is in the bank's language (else candor's), and one
// written right to left is laid out right to left; a left-to-right one names no direction.
func TestSummaryHTMLDirection(t *testing.T) {
	c := findCase(t, "bare")
	for _, tc := range []struct{ lang, html string }{
		{"", `<html lang="en">`},
		{"es", `<html lang="es">`},
		{"ar", `<html lang="ar" dir="rtl">`},
		{"ku-Arab", `<html lang="ku-Arab" dir="rtl">`},
		{"az-Latn", `<html lang="az-Latn">`},
	} {
		b, r := c.run(t)
		b.Language = tc.lang
		var buf bytes.Buffer
		require.NoError(t, Summary(&buf, b, r, Options{Format: "html"}))
		assert.Contains(t, buf.String(), "\n"+tc.html+"\n", tc.lang)
	}
	_, r := c.run(t)
	var buf bytes.Buffer
	require.NoError(t, Summary(&buf, nil, r, Options{Format: "html", Words: words.For("es")}))
	assert.Contains(t, buf.String(), "\n<html lang=\"es\">\n", "without a bank, the language candor speaks")
	assert.Contains(t, buf.String(), "<title>Resumen</title>")
}

func TestSummaryHTMLEscapes(t *testing.T) {
	c := findCase(t, "control-characters-safe")
	b, r := c.run(t)
	b.Title = `<script>alert(1)</script> & "quotes"`
	r.Bank.Title = b.Title
	frag := SummaryHTML(b, r, Options{Respondent: `<img src=x onerror=alert(1)>`})
	assert.NotContains(t, frag, "<script")
	assert.NotContains(t, frag, "<img")
	assert.Contains(t, frag, "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &#34;quotes&#34;")
	checkHTMLFragment(t, frag)
}

// TestSummaryHTMLNotEnoughAnswers: a score without a value shows no bar and no number.
func TestSummaryHTMLNotEnoughAnswers(t *testing.T) {
	c := findCase(t, "every-kind-of-score")
	b, r := c.run(t)
	frag := SummaryHTML(b, r, Options{})
	for _, s := range r.Scores {
		i := strings.Index(frag, "<h3>"+s.Label+"</h3>")
		require.GreaterOrEqual(t, i, 0, s.ID)
		block := frag[i:]
		block = block[:strings.Index(block, "</section>")]
		if s.Value == nil {
			assert.NotContains(t, block, "candor-bar", s.ID)
			assert.Contains(t, block, "Not enough answers yet", s.ID)
		} else {
			assert.Contains(t, block, "<strong>"+formatValue(nil, s)+"</strong>", s.ID)
		}
	}
}

// TestSummaryHTMLNoLinks: with NoLinks, a source's web address is its words and the address
// as text to copy, not a link; the summary says the same otherwise, and other addresses are
// written as they always are.
func TestSummaryHTMLNoLinks(t *testing.T) {
	b, r := findCase(t, "trust-readiness-ready").run(t) // a bank loaded for this test alone
	b.Sources = []*questionnaire.Source{
		{Title: "A & B", Author: "Sam", URL: "https://example.org/a?b=1&c=2"},
		{Title: "Book", URL: "ISBN 978-0"},
	}
	linked := SummaryHTML(b, r, Options{})
	require.Contains(t, linked, `<a href="https://example.org/a?b=1&amp;c=2"`)
	got := SummaryHTML(b, r, Options{NoLinks: true})
	checkHTMLFragment(t, got)
	assert.NotContains(t, got, "<a ")
	assert.Contains(t, got, `<li><span class="link">A &amp; B (address: <span class="address">https://example.org/a?b=1&amp;c=2</span>)</span>, by Sam</li>`)
	assert.Contains(t, got, `<li>Book (ISBN 978-0)</li>`)
	unlinked := regexp.MustCompile(`<a href="([^"]*)"[^>]*>([^<]*)</a>`).ReplaceAllString(linked, "$2 (address: $1)")
	inline := func(s string) string { return html.UnescapeString(tagRE.ReplaceAllString(s, "")) }
	assert.Equal(t, inline(unlinked), inline(got))
}
