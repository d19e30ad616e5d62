package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/candor-app/candor/data"
	"github.com/candor-app/candor/questionnaire"
	"github.com/candor-app/candor/scoring"
	"github.com/candor-app/candor/web"
	"github.com/candor-app/candor/words"
)

// walk is one person answering a page: what they gave, as an answers file and as typed
// lines, and what the page showed.
type walk struct {
	t    *testing.T
	ctx  context.Context
	bank *questionnaire.Bank
	rng  *rand.Rand
	// answers is the answers file `candor take --answers` gets: question id to answer.
	answers map[string]any
	skipped map[string]bool
	// lines are the answers typed at `candor take`, in the page's order; progress is the
	// "Question N of M" of each question the page showed. Both hold only without Back.
	lines    []string
	progress []string
	wentBack bool
	flags    []string
	// count is what the intro says of the number of questions.
	count string
	// change is set for a walk that, at the review, changes an answer so that a question is
	// opened (when one can), once: changed; opened when it did.
	change, changed, opened bool
	// lang is the language the walk is in (the page's and take's), say its words.
	lang string
	say  func(key string, args ...any) string
}

// countSentence finds the intro's count ("There are about 7 questions; …", "Hay unas 7
// preguntas; …") in text, in lang: any form of the catalogue's two count messages.
func countSentence(lang string) *regexp.Regexp {
	return catalogueRE(lang, "There are %d questions.", "There are about %d questions; a few depend on your answers.")
}

// progressLine finds take's "Question 3 of 12" at the start of a line, in lang.
func progressLine(lang string) *regexp.Regexp {
	return regexp.MustCompile(`(?m)^` + catalogueRE(lang, "Question %d of %d").String())
}

// catalogueRE matches any form of the catalogue's messages keys in lang, each %d a number.
func catalogueRE(lang string, keys ...string) *regexp.Regexp {
	var alts []string
	for _, key := range keys {
		forms := []string{key}
		for _, l := range []string{lang, words.Default} {
			e, ok := words.Loaded()[l][key]
			if !ok {
				continue
			}
			forms = []string{e.Text}
			if e.Forms != nil {
				forms = forms[:0]
				for _, f := range e.Forms {
					forms = append(forms, f)
				}
			}
			break
		}
		for _, f := range forms {
			alts = append(alts, strings.ReplaceAll(regexp.QuoteMeta(f), "%d", `\d+`))
		}
	}
	return regexp.MustCompile(`(?:` + strings.Join(alts, "|") + `)`)
}

func (w *walk) screen() string {
	return eval[string](w.t, w.ctx, `document.getElementById('main').dataset.screen || ''`)
}

var texts = []string{
	"I'm trying, and it's hard.",
	`We talk on Sundays <b>mostly</b> & "honestly".`,
	"Ça va — un peu mieux. 日本語も 👋",
	"Not much to add",
}

// answer picks an answer to q at random, puts it in the page's controls and returns the
// answer for the answers file and the line typed at the terminal.
func (w *walk) answer(q *questionnaire.Question, kind string) (any, string) {
	r := w.rng
	set := func(js string) { eval[bool](w.t, w.ctx, "(() => {"+js+"; return true})()") }
	switch q.Type {
	case questionnaire.YesNo:
		i := r.Intn(2)
		set(fmt.Sprintf(`document.getElementById('option-%d').click()`, i))
		if w.lang == "es" {
			return i == 0, []string{"sí", "no"}[i]
		}
		return i == 0, []string{"yes", "no"}[i]
	case questionnaire.Choice:
		i := r.Intn(len(q.Options))
		set(fmt.Sprintf(`document.getElementById('option-%d').click()`, i))
		return q.Options[i].Value, q.OptionNumbers()[i]
	case questionnaire.Multi:
		var vals []any
		var sends []string
		var js strings.Builder
		for i, o := range q.Options {
			on := r.Intn(3) == 0
			if i == len(q.Options)-1 && len(vals) == 0 {
				on = true
			}
			if o.Exclusive && len(vals) > 0 {
				on = false // it goes on its own (`exclusive`)
			}
			fmt.Fprintf(&js, "document.getElementById('option-%d').checked = %v;", i, on)
			if on {
				vals = append(vals, o.Value)
				sends = append(sends, q.OptionNumbers()[i])
			}
		}
		set(js.String())
		return vals, strings.Join(sends, ", ")
	case questionnaire.Scale:
		p := int(q.Min) + r.Intn(int(q.Max-q.Min)+1)
		if kind == "scale" {
			set(fmt.Sprintf(`document.getElementById('option-%d').click()`, p-int(q.Min)))
		} else {
			set(fmt.Sprintf(`document.getElementById('answer').value = %q`, fmt.Sprint(p)))
		}
		return float64(p), fmt.Sprint(p)
	case questionnaire.Number:
		lo, hi := 0.0, 100.0
		if q.HasMin {
			lo = q.Min
		}
		if q.HasMax {
			hi = q.Max
		}
		v := lo + float64(r.Intn(int(hi-lo)+1))
		if r.Intn(4) == 0 && v+0.5 <= hi {
			v += 0.5
		}
		s := questionnaire.FormatNumber(v)
		set(fmt.Sprintf(`document.getElementById('answer').value = %q`, s))
		return v, s
	case questionnaire.Date:
		d := time.Now().AddDate(0, 0, -1-r.Intn(700)).Format("2006-01-02")
		set(fmt.Sprintf(`document.getElementById('answer').value = %q`, d))
		return d, d
	case questionnaire.Text, questionnaire.Info:
		// no step of their own here (listed for the exhaustive check)
	}
	s := texts[r.Intn(len(texts))]
	set(fmt.Sprintf(`document.getElementById('answer').value = %s`, jsString(s)))
	return s, s
}

// step takes one action on the screen shown; it reports false at the end.
func (w *walk) step() bool {
	t, ctx := w.t, w.ctx
	switch sc := w.screen(); sc {
	case "intro":
		w.count = countSentence(w.lang).FindString(read(t, ctx).Main)
		click(t, ctx, w.say("Begin"))
	case "flags":
		w.flags = append(w.flags, read(t, ctx).H1...)
		click(t, ctx, w.say("Continue"))
	case "review":
		if w.change && !w.changed {
			w.changed = true
			if w.changeOpening() {
				return true
			}
		}
		click(t, ctx, w.say("Show my summary"))
	case "end":
		return false
	case "question":
		w.question()
	default:
		t.Fatalf("unknown screen %q: %+v", sc, read(t, ctx))
	}
	return true
}

func (w *walk) question() {
	t, ctx := w.t, w.ctx
	id := eval[string](t, ctx, `document.getElementById('question').dataset.question`)
	kind := eval[string](t, ctx, `document.getElementById('question').dataset.type`)
	q := w.bank.Question(id)
	require.NotNil(t, q, "the page shows question %q", id)
	if kind == "info" {
		click(t, ctx, w.say("Next"))
		return
	}
	s := read(t, ctx)
	if !w.wentBack {
		w.progress = append(w.progress, s.Progress)
	}
	switch r := w.rng.Float64(); {
	case r < 0.08 && !w.wentBack && len(w.progress) > 1:
		w.wentBack = true
		click(t, ctx, w.say("Back"))
		return
	case r < 0.3 && !q.Required:
		delete(w.answers, id)
		w.skipped[id] = true
		w.lines = append(w.lines, "s")
		click(t, ctx, w.say("Skip"))
		return
	}
	v, line := w.answer(q, kind)
	w.answers[id] = v
	delete(w.skipped, id)
	w.lines = append(w.lines, line)
	click(t, ctx, w.say("Next"))
	if p := read(t, ctx).Problem; p != "" {
		t.Fatalf("the page refused %q for %s: %s", line, id, p)
	}
}

// changeOpening changes, from the review, an answer so that a question not asked now is
// asked, as `candor take` does when its number is typed at the review: the page must ask
// the question the change opened before it shows the review again. It reports false when
// no answer on the review can open one.
func (w *walk) changeOpening() bool {
	t, ctx := w.t, w.ctx
	type item struct {
		ID     string `json:"id"`
		Number int    `json:"number"`
	}
	var reply struct {
		View struct {
			Review []item `json:"review"`
		} `json:"view"`
	}
	require.NoError(t, json.Unmarshal([]byte(eval[string](t, ctx, `candorCall('view', '{}')`)), &reply))
	now := scoring.Asked(w.bank, w.answers, nil)
	type change struct {
		at, option int
		value      any
	}
	var opening []change
	for k, it := range reply.View.Review {
		q := w.bank.Question(it.ID)
		for i, v := range optionValues(q) {
			after := questionnaire.Answers{}
			for id, a := range w.answers {
				after[id] = a
			}
			after[q.ID] = v
			for id, on := range scoring.Asked(w.bank, after, nil) {
				if on && !now[id] && w.bank.Question(id).Answerable() {
					opening = append(opening, change{k, i, v})
					break
				}
			}
		}
	}
	if len(opening) == 0 {
		return false
	}
	c := opening[w.rng.Intn(len(opening))]
	it := reply.View.Review[c.at]
	q := w.bank.Question(it.ID)
	eval[bool](t, ctx, fmt.Sprintf(`(() => { document.querySelectorAll('.review li')[%d].querySelector('button').click(); return true })()`, c.at))
	require.Equal(t, "question", w.screen())
	require.Equal(t, q.ID, eval[string](t, ctx, `document.getElementById('question').dataset.question`))
	w.progress = append(w.progress, read(t, ctx).Progress)
	eval[bool](t, ctx, fmt.Sprintf(`(() => { document.getElementById('option-%d').click(); return true })()`, c.option))
	w.answers[q.ID] = c.value
	delete(w.skipped, q.ID)
	w.lines = append(w.lines, fmt.Sprint(it.Number), w.optionLines(q)[c.option])
	click(t, ctx, w.say("Next"))
	require.NotEqual(t, "review", w.screen(), "the question the change opened comes before the review")
	w.opened = true
	return true
}

// optionValues are the answers a yes/no or choice question's options give (none for
// other types), in the page's order.
func optionValues(q *questionnaire.Question) []any {
	switch q.Type {
	case questionnaire.YesNo:
		return []any{true, false}
	case questionnaire.Choice:
		var out []any
		for _, o := range q.Options {
			out = append(out, o.Value)
		}
		return out
	case questionnaire.Multi, questionnaire.Scale, questionnaire.Number, questionnaire.Text, questionnaire.Date, questionnaire.Info:
		// no step of their own here (listed for the exhaustive check)
	}
	return nil
}

// optionLines are what is typed at `candor take` for each of optionValues, in the walk's
// language.
func (w *walk) optionLines(q *questionnaire.Question) []string {
	if q.Type == questionnaire.YesNo && w.lang == "es" {
		return []string{"sí", "no"}
	}
	if q.Type == questionnaire.YesNo {
		return []string{"yes", "no"}
	}
	return q.OptionNumbers()
}

// setDownloads lets the browser save downloads into dir, and report them.
func setDownloads(t testing.TB, ctx context.Context, dir string) {
	t.Helper()
	yes := true
	_, err := chromedp.CallBrowser(ctx, browser.SetDownloadBehavior, browser.SetDownloadBehaviorParams{
		Behavior: browser.SetDownloadBehaviorBehaviorAllowAndName, DownloadPath: dir, EventsEnabled: &yes,
	})
	require.NoError(t, err)
}

// download presses "Download my answers" and returns the file's suggested name and bytes.
func download(t testing.TB, ctx context.Context, dir string) (string, []byte) {
	t.Helper()
	return downloadWith(t, ctx, dir, "Download my answers")
}

// downloadWith presses the button named button and returns the file it downloads: its
// suggested name and bytes.
func downloadWith(t testing.TB, ctx context.Context, dir, button string) (string, []byte) {
	t.Helper()
	dctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	begin := chromedp.BrowserEvents(dctx, browser.DownloadWillBegin)
	progress := chromedp.BrowserEvents(dctx, browser.DownloadProgress)
	click(t, ctx, button)
	var name, guid string
	for ev, err := range begin {
		require.NoError(t, err, "the download begins")
		name, guid = ev.SuggestedFilename, ev.GUID
		break
	}
	for ev, err := range progress {
		require.NoError(t, err, "the download completes")
		if ev.GUID == guid && ev.State == browser.DownloadProgressStateCompleted {
			break
		}
	}
	b, err := os.ReadFile(filepath.Join(dir, guid))
	require.NoError(t, err)
	return name, b
}

var timestamps = regexp.MustCompile(`(?m)^(started|updated): .*\n`)
var skippedLine = regexp.MustCompile(`(?m)^skipped: .*\n`)

// TestPageAgreesWithTheCommandLine is the differential test: for every built-in bank, the
// bank `candor init` writes (every question type, conditional questions and sections) and a
// bank whose only `when` is a section's, random people answer the page; their summary, JSON
// result and downloaded response must be what `candor take --answers` gives for the same
// answers, and without going back, what `candor take` gives for the same answers typed at
// it, with the same questions numbered the same way as they came and went, after the same
// intro count. Every other walk changes an answer from the review so that a question is
// opened (where one can be): both ask it before the review comes back. With -short, two
// walks of three banks.
func TestPageAgreesWithTheCommandLine(t *testing.T) {
	br := NewBrowser(t)
	dl := t.TempDir()
	banks := append(data.IDs(), everyKind, sectionWhen)
	runs, least := max(5, (32+len(banks)-1)/len(banks)), 30
	if testing.Short() {
		// Every kind of question, a section's when and the default bank, two walks each:
		// one straight through, one changing an answer from the review.
		banks = []string{everyKind, sectionWhen, data.DefaultBank}
		runs, least = 2, 6
	}
	total, spanish := 0, 0
	// opened counts, by bank, the walks compared with `candor take` that changed an answer
	// from the review and so opened a question.
	opened := map[string]int{}
	for _, name := range banks {
		for i := 0; i < runs; i++ {
			total++
			t.Run(fmt.Sprintf("%s/%d", name, i), func(t *testing.T) {
				ctx := br.Tab(t)
				setDownloads(t, ctx, dl)
				bank, _, arg := bankFor(t, name)
				lang := walkLanguage(bank, i)
				opt := web.Options{}
				if lang != bank.Language {
					opt = withTranslations(t, name)
					opt.Lang = lang
					bank = bank.In(lang)
				}
				w := &walk{t: t, ctx: ctx, bank: bank, rng: rand.New(rand.NewSource(int64(1000*len(name) + i))),
					answers: map[string]any{}, skipped: map[string]bool{}, change: i%2 == 1,
					lang: lang, say: words.For(lang).T}
				open(t, ctx, formPage(t, name, opt))
				for n := 0; w.step(); n++ {
					require.Less(t, n, 500, "the walk ends")
				}
				w.compare(arg, dl)
				if lang == "es" {
					spanish++
				}
				if w.opened && !w.wentBack {
					opened[name]++
				}
			})
		}
	}
	assert.GreaterOrEqual(t, total, least)
	assert.Positive(t, spanish, "walks in Spanish, compared with take --lang es")
	for _, name := range []string{everyKind, sectionWhen} {
		assert.Positive(t, opened[name], "a change from the review that opens a question, compared with take, in %s", name)
	}
}

// walkLanguage is the language of a bank's ith walk: every other pair of walks of a bank
// written in Spanish too is in Spanish (so that both kinds of walk, straight and changing
// from the review, are in each language), and, in the short run's two walks of the default
// bank, the second.
func walkLanguage(b *questionnaire.Bank, i int) string {
	if b.Match("es") == "" || b.Language == "es" {
		return b.Language
	}
	if (testing.Short() && i == 1) || (!testing.Short() && (i/2)%2 == 1) {
		return "es"
	}
	return b.Language
}

func (w *walk) compare(bankArg, dl string) {
	t, ctx := w.t, w.ctx
	// take is in the walk's language, as the page is.
	candor := func(t testing.TB, stdin string, args ...string) (string, string) {
		t.Helper()
		if args[0] == "take" || args[0] == "score" {
			args = append(args, "--lang", w.lang)
		}
		return candor(t, stdin, args...)
	}
	file := filepath.Join(t.TempDir(), "answers.json")
	raw, err := json.Marshal(w.answers)
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(file, raw, 0o600))

	// The JSON result.
	pageJSON := eval[string](t, ctx, `JSON.parse(candorCall('result', '{"format":"json"}')).text`)
	cliJSON, _ := candor(t, "", "take", bankArg, "--answers", file, "--format", "json")
	assert.Equal(t, cliJSON, pageJSON, "JSON result")

	// The summary: the engine's HTML is the command line's, and the page shows its words.
	pageHTML := eval[string](t, ctx, `JSON.parse(candorCall('result', '{"format":"html"}')).text`)
	cliHTML, _ := candor(t, "", "take", bankArg, "--answers", file, "--format", "html")
	start, end := strings.Index(cliHTML, "<article"), strings.Index(cliHTML, "</article>\n")
	require.True(t, start >= 0 && end > start)
	assert.Equal(t, cliHTML[start:end+len("</article>\n")], pageHTML, "HTML summary")
	shown := eval[string](t, ctx, `document.querySelector('main .summary').innerText`)
	// A link is shown as its words and its address, as text: the page opens nothing.
	unlinked := regexp.MustCompile(`<a href="([^"]*)"[^>]*>([^<]*)</a>`).ReplaceAllString(pageHTML, "$2 (address: $1)")
	assert.Equal(t, wordsOf(htmlText(unlinked)), wordsOf(shown), "the page shows the summary")
	assert.Zero(t, eval[int](t, ctx, `document.querySelectorAll('a[href]').length`), "no link out of the page")

	// The downloaded response, but for its times (and the questions skipped, which an answers
	// file cannot say).
	saved := filepath.Join(t.TempDir(), "saved.yaml")
	candor(t, "", "take", bankArg, "--answers", file, "--save", saved)
	want, err := os.ReadFile(saved)
	require.NoError(t, err)
	name, got := downloadWith(t, ctx, dl, w.say("Download my answers"))
	assert.Regexp(t, `^candor-answers-\d{8}\.yaml$`, name)
	norm := func(b []byte) string {
		return skippedLine.ReplaceAllString(timestamps.ReplaceAllString(string(b), ""), "")
	}
	assert.Equal(t, norm(want), norm(got), "downloaded response")
	var skipped []string
	for _, q := range w.bank.Questions {
		if w.skipped[q.ID] {
			skipped = append(skipped, q.ID)
		}
	}
	if len(skipped) > 0 {
		assert.Contains(t, string(got), "skipped: ["+strings.Join(skipped, ", ")+"]\n")
	} else {
		assert.NotContains(t, string(got), "skipped:")
	}
	resp, ds := questionnaire.ReadResponse("downloaded", got)
	require.NotNil(t, resp, "%v", ds)
	assert.Equal(t, w.bank.Digest, resp.Bank.Digest, "the response names the bank's digest")

	// candor score reads the downloaded file, and finds what the page found.
	downloaded := filepath.Join(t.TempDir(), name)
	require.NoError(t, os.WriteFile(downloaded, got, 0o600))
	args := []string{"score", downloaded, "--format", "json"}
	if bankArg != w.bank.ID {
		args = append(args, "--bank", bankArg)
	}
	scored, _ := candor(t, "", args...)
	assert.Equal(t, counselorView(t, pageJSON), counselorView(t, scored), "candor score of the downloaded file")

	if w.wentBack {
		return
	}
	// Typed at the terminal, the same answers give the same result, after the same questions.
	out, errOut := candor(t, strings.Join(w.lines, "\n")+"\n", "take", bankArg, "--no-save", "--format", "json")
	assert.Equal(t, pageJSON, out, "JSON result of the terminal session")
	progress := progressLine(w.lang).FindAllString(errOut, -1)
	assert.Equal(t, progress, w.progress, "the page asks what the terminal asks, numbered alike")
	assert.NotEmpty(t, w.count, "the page's intro says how many questions there are")
	assert.Equal(t, countSentence(w.lang).FindString(wordsOf(errOut)), w.count, "the intro's count")
}

// counselorView is a JSON result without what only the person's own summary leaves out
// while safety comes first (band texts and highlights set aside, docs/spec.md §3): what
// `candor score` and `take` must agree on.
func counselorView(t *testing.T, result string) map[string]any {
	t.Helper()
	var m map[string]any
	require.NoError(t, json.Unmarshal([]byte(result), &m))
	delete(m, "scores_set_aside")
	scores, _ := m["scores"].([]any)
	for _, s := range scores {
		if sm, ok := s.(map[string]any); ok {
			delete(sm, "band_text")
			delete(sm, "highlights")
		}
	}
	return m
}

var (
	inlineTags = regexp.MustCompile(`</?(a|strong|span|code|em)\b[^>]*>`)
	tags       = regexp.MustCompile(`<[^>]*>`)
)

// htmlText is the text a browser shows for the HTML: inline elements run on, block ones
// are apart.
func htmlText(s string) string {
	s = tags.ReplaceAllString(inlineTags.ReplaceAllString(s, ""), " ")
	return strings.NewReplacer("&#39;", "'", "&#34;", `"`, "&lt;", "<", "&gt;", ">", "&amp;", "&").Replace(s)
}

func wordsOf(s string) string { return strings.Join(strings.Fields(s), " ") }
