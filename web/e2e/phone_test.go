package e2e

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/candor-app/candor/data"
	"github.com/candor-app/candor/questionnaire"
	"github.com/candor-app/candor/web"
)

// The long URL and long word (issue 24): at 320 px the URL made the page 528 px wide,
// the word 5,760 px.
const (
	longURL  = "https://www.example.org/support/helplines/domestic-abuse/national-24-hour-freephone-helpline-and-live-chat-for-anyone-who-needs-it"
	longWord = "Pneumonoultramicroscopicsilicovolcanoconiosis" // repeated below
)

// phone makes the tab a small phone: 320x568 CSS pixels, touch, a mobile viewport.
func phone(t *testing.T, ctx context.Context) {
	t.Helper()
	_, err := chromedp.Call(ctx, emulation.SetDeviceMetricsOverride, emulation.SetDeviceMetricsOverrideParams{
		Width: 320, Height: 568, DeviceScaleFactor: 2, Mobile: true})
	require.NoError(t, err)
	_, err = chromedp.Call(ctx, emulation.SetTouchEmulationEnabled, emulation.SetTouchEmulationEnabledParams{Enabled: true, MaxTouchPoints: 5})
	require.NoError(t, err)
}

// variantPage writes the page of the every-kind bank changed by edit (old -> new pairs).
func variantPage(t *testing.T, key string, edits ...string) string {
	t.Helper()
	raw := string(data.Template(everyKind, "Every kind of question"))
	for i := 0; i+1 < len(edits); i += 2 {
		require.Contains(t, raw, edits[i])
		raw = strings.Replace(raw, edits[i], edits[i+1], 1)
	}
	path := filepath.Join(t.TempDir(), key+".yaml")
	require.NoError(t, os.WriteFile(path, []byte(raw), 0o644))
	b, ds := questionnaire.Load(path, []byte(raw))
	require.NotNil(t, b, "%v", ds)
	page := filepath.Join(t.TempDir(), key+".html")
	f, err := os.Create(page)
	require.NoError(t, err)
	require.NoError(t, web.Write(f, b, []byte(raw), web.Options{}, pageEngine(t)))
	require.NoError(t, f.Close())
	return "file://" + page
}

// inView is true when the element is wholly inside the viewport and is what a finger at its
// centre touches (nothing covers it).
func inView(t *testing.T, ctx context.Context, selector string) bool {
	t.Helper()
	return eval[bool](t, ctx, fmt.Sprintf(`(() => {
	  const e = document.querySelector(%s);
	  if (!e) return false;
	  const r = e.getBoundingClientRect();
	  if (r.top < -1 || r.left < -1 || r.bottom > innerHeight + 1 || r.right > innerWidth + 1) return false; // subpixels
	  const at = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
	  return at === e || e.contains(at);
	})()`, jsString(selector)))
}

// primary is the screen's button that goes on (Begin, Next, Continue, Show my summary, …).
const primary = `main button.primary, main button[type=submit]`

// TestLeaveStaysInViewOnAPhone: at 320x568 with touch, on every kind of screen, once the
// person has scrolled to the button that goes on, "Leave this page" is still on screen, and
// that button is not covered by it.
func TestLeaveStaysInViewOnAPhone(t *testing.T) {
	br := NewBrowser(t)
	check := func(ctx context.Context, what string) {
		t.Helper()
		eval[bool](t, ctx, `(() => { const b = document.querySelector('`+primary+`'); if (b) b.scrollIntoView({block: 'end'}); else window.scrollTo(0, document.documentElement.scrollHeight); return true })()`)
		assert.True(t, inView(t, ctx, "#leave"), "Leave in view at the bottom of %s", what)
		if eval[bool](t, ctx, `!!document.querySelector('`+primary+`')`) {
			assert.True(t, inView(t, ctx, primary), "the button that goes on is not covered on %s", what)
		}
		eval[bool](t, ctx, `(() => { window.scrollTo(0, 0); return true })()`)
		assert.True(t, inView(t, ctx, primary+", main h1"), "nothing covers the top of %s", what)
	}
	ctx := br.Tab(t)
	phone(t, ctx)
	open(t, ctx, formPage(t, everyKind, web.Options{}))
	check(ctx, "the intro")
	click(t, ctx, "Begin")
	seen := walkEveryKind(t, ctx, func(what string) { check(ctx, what) })
	assert.Len(t, seen, 8, "every kind of question: %v", seen)
	check(ctx, "the review")
	click(t, ctx, "Show my summary")
	check(ctx, "the summary")

	urgent := br.Tab(t)
	phone(t, urgent)
	open(t, urgent, formPage(t, "trust-readiness", web.Options{NoSummary: true}))
	click(t, urgent, "Begin")
	pick(t, urgent, "No")
	check(urgent, "the urgent message")
	click(t, urgent, "Continue")
	for eval[string](t, urgent, `document.getElementById('main').dataset.screen`) == "question" {
		pick(t, urgent, "Yes")
	}
	click(t, urgent, "Finish")
	check(urgent, "the thank-you of --no-summary")
}

// tap touches the page at x, y (CSS pixels in the viewport), as a finger does.
func tap(t *testing.T, ctx context.Context, x, y float64) {
	t.Helper()
	for _, typ := range []input.DispatchTouchEventType{input.DispatchTouchEventTypeTouchStart, input.DispatchTouchEventTypeTouchEnd} {
		p := input.DispatchTouchEventParams{Type: typ, TouchPoints: []*input.TouchPoint{{X: x, Y: y}}}
		if typ == input.DispatchTouchEventTypeTouchEnd {
			p.TouchPoints = []*input.TouchPoint{}
		}
		_, err := chromedp.Call(ctx, input.DispatchTouchEvent, p)
		require.NoError(t, err)
	}
}

type box struct{ X, Y, W, H float64 }

// TestTapAnywhereInAnOptionSelectsIt: a tap in the padding of an option's box (its far
// corner, away from the words and the round button) selects it, for a list and for a scale;
// every option is at least 44x44 CSS pixels.
func TestTapAnywhereInAnOptionSelectsIt(t *testing.T) {
	ctx := NewBrowser(t).Tab(t)
	phone(t, ctx)
	open(t, ctx, formPage(t, everyKind, web.Options{}))
	click(t, ctx, "Begin")
	done := map[string]bool{}
	for i := 0; i < 60 && len(done) < 3; i++ {
		if eval[string](t, ctx, `document.getElementById('main').dataset.screen`) != "question" {
			break
		}
		kind := eval[string](t, ctx, `document.getElementById('question').dataset.type`)
		if (kind == "yesno" || kind == "scale" || kind == "multi") && !done[kind] {
			done[kind] = true
			n := eval[int](t, ctx, `document.querySelectorAll('main .option').length`)
			for k := n - 1; k >= 0; k-- {
				sel := fmt.Sprintf(`main .option:nth-of-type(%d)`, k+1)
				b := eval[box](t, ctx, fmt.Sprintf(`(() => { const e = document.querySelector(%s); e.scrollIntoView({block: 'center'});
				  const r = e.getBoundingClientRect(); return {X: r.left, Y: r.top, W: r.width, H: r.height} })()`, jsString(sel)))
				assert.GreaterOrEqual(t, b.W, 44.0, "%s option %d wide enough", kind, k)
				assert.GreaterOrEqual(t, b.H, 44.0, "%s option %d tall enough", kind, k)
				// The corner at the end of the line, bottom: padding, in either direction.
				x := b.X + b.W - 4
				if eval[string](t, ctx, `document.documentElement.dir`) == "rtl" {
					x = b.X + 4
				}
				tap(t, ctx, x, b.Y+b.H-4)
				assert.True(t, eval[bool](t, ctx, fmt.Sprintf(`document.querySelector(%s + ' input').checked`, jsString(sel))),
					"a tap in the corner of %s option %d selects it", kind, k)
			}
		}
		answerToAskAll(t, ctx, kind)
	}
	assert.Len(t, done, 3, "a yes/no, a scale and a multi question were tapped: %v", done)
}

// TestLongWordsWrapOnAPhone: a long web address and a very long word in the intro, a very
// long word in a question and in an option wrap at 320 px: nothing scrolls sideways.
func TestLongWordsWrapOnAPhone(t *testing.T) {
	ctx := NewBrowser(t).Tab(t)
	phone(t, ctx)
	word := strings.Repeat(longWord, 3)
	open(t, ctx, variantPage(t, "long-words", "intro: |\n", "intro: |\n  Call or write to "+longURL+" at any time. "+word+"\n\n",
		"Do you feel safe with your partner,", "Do you feel safe with your partner, "+word+",",
		"label: Strongly disagree", "label: Strongly "+word))
	require.Contains(t, read(t, ctx).Main, longURL)
	assert.Equal(t, 320, eval[int](t, ctx, `document.documentElement.scrollWidth`), "no sideways scrolling at the intro")
	assert.Equal(t, 320, eval[int](t, ctx, `document.body.scrollWidth`))
	click(t, ctx, "Begin")
	require.Contains(t, read(t, ctx).Legend, word)
	assert.Equal(t, 320, eval[int](t, ctx, `document.documentElement.scrollWidth`), "no sideways scrolling at a question")
	for question(t, ctx) != "feel_heard" {
		answerToAskAll(t, ctx, eval[string](t, ctx, `document.getElementById('question').dataset.type`))
	}
	require.Contains(t, read(t, ctx).Labels[0], word)
	assert.Equal(t, 320, eval[int](t, ctx, `document.documentElement.scrollWidth`), "no sideways scrolling with a long option")
}

// TestRightToLeftBank: a bank in Arabic is laid out right to left; Leave is still in view.
func TestRightToLeftBank(t *testing.T) {
	ctx := NewBrowser(t).Tab(t)
	phone(t, ctx)
	open(t, ctx, variantPage(t, "arabic", "language: en", "language: ar"))
	assert.Equal(t, "rtl", eval[string](t, ctx, `document.documentElement.dir`))
	assert.Equal(t, "ar", eval[string](t, ctx, `document.documentElement.lang`))
	click(t, ctx, "Begin")
	// The round button of an option is at the right of its box.
	assert.True(t, eval[bool](t, ctx, `(() => { const o = document.querySelector('main .option').getBoundingClientRect();
	  const i = document.querySelector('main .option input').getBoundingClientRect(); return i.left > o.left + o.width / 2 })()`))
	assert.True(t, inView(t, ctx, "#leave"))
}

// TestFileMessagesAreInView: on a phone, with the page scrolled down, the message about a
// file (one that cannot be read; a download) is in the viewport and said in a live region.
func TestFileMessagesAreInView(t *testing.T) {
	br := NewBrowser(t)
	bad := filepath.Join(t.TempDir(), "notes.yaml")
	require.NoError(t, os.WriteFile(bad, []byte("- just\n- a list\n"), 0o600))
	ctx := br.Tab(t)
	phone(t, ctx)
	open(t, ctx, formPage(t, everyKind, web.Options{}))
	eval[bool](t, ctx, `(() => { window.scrollTo(0, document.documentElement.scrollHeight); return true })()`)
	require.NoError(t, chromedp.Do(ctx, chromedp.SetUploadFiles(chromedp.ID("answers-file"), []string{bad})))
	waitFor(t, ctx, `document.getElementById('status').textContent !== ''`)
	assert.Contains(t, read(t, ctx).Status, "cannot be read as answers")
	assert.True(t, inView(t, ctx, "#status"), "the message is on screen")
	assert.Equal(t, "status", eval[string](t, ctx, `document.getElementById('status').getAttribute('role')`))

	dl := t.TempDir()
	ctx2 := br.Tab(t)
	phone(t, ctx2)
	setDownloads(t, ctx2, dl)
	open(t, ctx2, formPage(t, "trust-readiness", web.Options{}))
	click(t, ctx2, "Begin")
	pick(t, ctx2, "Yes")
	eval[bool](t, ctx2, `(() => { window.scrollTo(0, document.documentElement.scrollHeight); return true })()`)
	download(t, ctx2, dl)
	assert.Contains(t, read(t, ctx2).Status, "downloaded as candor-answers-")
	assert.True(t, inView(t, ctx2, "#status"), "the download's message is on screen")
}

// TestFocusGoesWhereToReadFirst: a tap or a click that moves to a new screen puts focus on
// its title without drawing a ring (rings are for the keyboard: :focus-visible); on a
// summary that opens with an urgent message, focus is on that message, not on the title
// after it.
func TestFocusGoesWhereToReadFirst(t *testing.T) {
	ctx := NewBrowser(t).Tab(t)
	open(t, ctx, formPage(t, "trust-readiness", web.Options{}))
	b := eval[box](t, ctx, `(() => { const e = document.querySelector('main button.primary'); e.scrollIntoView({block: 'center'}); const r = e.getBoundingClientRect(); return {X: r.left, Y: r.top, W: r.width, H: r.height} })()`)
	for _, typ := range []input.DispatchMouseEventType{input.DispatchMouseEventTypeMousePressed, input.DispatchMouseEventTypeMouseReleased} {
		_, err := chromedp.Call(ctx, input.DispatchMouseEvent, input.DispatchMouseEventParams{Type: typ, X: b.X + b.W/2, Y: b.Y + b.H/2, Button: input.MouseButtonLeft, ClickCount: 1})
		require.NoError(t, err)
	}
	waitFor(t, ctx, `document.getElementById('main').dataset.screen === 'question'`)
	assert.Equal(t, "H1", eval[string](t, ctx, `document.activeElement.tagName`))
	assert.Equal(t, "none", eval[string](t, ctx, `getComputedStyle(document.activeElement).outlineStyle`), "no ring after a click")
	pick(t, ctx, "No")
	click(t, ctx, "Continue")
	for eval[string](t, ctx, `document.getElementById('main').dataset.screen`) == "question" {
		pick(t, ctx, "Yes")
	}
	click(t, ctx, "Show my summary")
	assert.True(t, eval[bool](t, ctx, `document.activeElement.classList.contains('candor-urgent')`),
		"focus on the urgent message first: %s", eval[string](t, ctx, `document.activeElement.outerHTML.slice(0, 120)`))
}

// TestPageSaysItKeepsNothing: the intro says plainly that the page keeps nothing, what Leave
// does (it empties the tab: a page cannot close it) and what the browser's history keeps;
// the review and the urgent message say the answers go with the page.
func TestPageSaysItKeepsNothing(t *testing.T) {
	ctx := NewBrowser(t).Tab(t)
	open(t, ctx, formPage(t, "trust-readiness", web.Options{}))
	intro := read(t, ctx).Main
	assert.Contains(t, intro, "This page keeps nothing.")
	assert.Contains(t, intro, "if the page is reloaded or closed, or you go back from it, they are gone")
	assert.Contains(t, intro, "empties this tab at once (a page cannot close its own tab)")
	assert.Contains(t, intro, "history still keeps the name of this file, and of any file you download")
	assert.Contains(t, intro, "private window")
	assert.NotContains(t, intro, "closes the page")
	assert.NotContains(t, intro, "kept by the browser")
	click(t, ctx, "Begin")
	pick(t, ctx, "No")
	urgent := read(t, ctx).Main
	assert.Contains(t, urgent, "This page keeps nothing: if you leave it, your answers so far are gone.")
	assert.Contains(t, urgent, "stay in your Downloads folder")
	assert.Equal(t, 1, eval[int](t, ctx, `document.querySelectorAll('main button').length`), "no download button pressed on the urgent screen")
	click(t, ctx, "Continue")
	click(t, ctx, "Review my answers")
	assert.Contains(t, read(t, ctx).Main, "This page keeps nothing: if it is closed or reloaded, these answers are gone.")
}

// TestLoadedFileSaysWhatDiffers: answers given to another version of the questions, with an
// answer to a question they do not have, load, and the page says both things calmly.
func TestLoadedFileSaysWhatDiffers(t *testing.T) {
	b, _, _ := bankFor(t, "trust-readiness")
	require.NotEqual(t, "2.0.0", b.Version)
	file := filepath.Join(t.TempDir(), "answers.yaml")
	require.NoError(t, os.WriteFile(file, []byte("candor: 1\nkind: response\nbank: {id: trust-readiness, version: 2.0.0}\n"+
		"answers:\n  feel_safe: yes\n  not_a_question: yes\n"), 0o600))

	ctx2 := NewBrowser(t).Tab(t)
	open(t, ctx2, formPage(t, "trust-readiness", web.Options{}))
	require.NoError(t, chromedp.Do(ctx2, chromedp.SetUploadFiles(chromedp.ID("answers-file"), []string{file})))
	waitFor(t, ctx2, `document.getElementById('main').textContent.includes('Welcome back')`)
	s := read(t, ctx2)
	assert.Contains(t, s.Main, "These answers were given to version 2.0.0 of these questions; this page has version "+b.Version+".")
	assert.Contains(t, s.Main, "One answer in the file is to a question these questions do not have (not_a_question); it is not counted.")
	assert.Contains(t, s.Status, "Welcome back: your answers from answers.yaml are loaded.")
}
