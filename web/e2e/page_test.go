package e2e

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/candor-app/candor/web"
)

// pick chooses the option labelled label on the question shown, and presses Next.
func pick(t *testing.T, ctx context.Context, label string) {
	t.Helper()
	ok := eval[bool](t, ctx, fmt.Sprintf(`(() => {
	  const l = Array.from(document.querySelectorAll('main .option label')).find(l => l.firstChild.textContent.trim() === %s);
	  if (!l) return false;
	  document.getElementById(l.htmlFor).click();
	  return true;
	})()`, jsString(label)))
	require.True(t, ok, "no option %q: %+v", label, read(t, ctx))
	click(t, ctx, "Next")
}

// fill writes text in the answer field and presses Next.
func fill(t *testing.T, ctx context.Context, text string) {
	t.Helper()
	eval[bool](t, ctx, fmt.Sprintf(`(() => { document.getElementById('answer').value = %s; return true })()`, jsString(text)))
	click(t, ctx, "Next")
}

func question(t *testing.T, ctx context.Context) string {
	t.Helper()
	return eval[string](t, ctx, `(document.getElementById('question') || {dataset: {}}).dataset.question || ''`)
}

// TestBackAndChangeUpdatesTheCount: questions that depend on an answer come and go as it
// changes, and "Question N of M" follows: going back and changing an answer updates it.
func TestBackAndChangeUpdatesTheCount(t *testing.T) {
	ctx := NewBrowser(t).Tab(t)
	open(t, ctx, formPage(t, everyKind, web.Options{}))
	click(t, ctx, "Begin")
	require.Equal(t, "feel_safe", question(t, ctx))
	pick(t, ctx, "Yes")
	require.Equal(t, "want_to_rebuild", question(t, ctx))
	without := read(t, ctx).Progress
	pick(t, ctx, "Yes")
	click(t, ctx, "Back")
	require.Equal(t, "want_to_rebuild", question(t, ctx))
	// With a yes, the section "Looking ahead" (a statement and a date question) is asked.
	withSection := read(t, ctx).Progress
	assert.NotEqual(t, without, withSection)
	pick(t, ctx, "No")
	// Changed to no, the section is no longer asked.
	require.Equal(t, "feel_heard", question(t, ctx))
	var n, total int
	_, err := fmt.Sscanf(read(t, ctx).Progress, "Question %d of %d", &n, &total)
	require.NoError(t, err)
	var before int
	_, err = fmt.Sscanf(withSection, "Question 2 of %d", &before)
	require.NoError(t, err)
	assert.Equal(t, before-1, total, "one question fewer once the section is not asked")

	// A conditional question appears with a yes and goes with a no.
	for question(t, ctx) != "seeing_counselor" {
		skipOrAnswer(t, ctx)
	}
	_, err = fmt.Sscanf(read(t, ctx).Progress, "Question %d of %d", &n, &total)
	require.NoError(t, err)
	pick(t, ctx, "Yes")
	require.Equal(t, "counselor_helps", question(t, ctx))
	assert.Equal(t, fmt.Sprintf("Question %d of %d", n+1, total+1), read(t, ctx).Progress)
	click(t, ctx, "Back")
	pick(t, ctx, "No")
	require.Equal(t, "anything_else", question(t, ctx))
	assert.Equal(t, fmt.Sprintf("Question %d of %d", n+1, total), read(t, ctx).Progress)

	// The review lists the questions asked now, and no other.
	click(t, ctx, "Review my answers")
	items := eval[[]string](t, ctx, `Array.from(document.querySelectorAll('.review .q')).map(e => e.textContent)`)
	assert.Len(t, items, total)
	for _, it := range items {
		assert.NotContains(t, it, "counselling helping")
		assert.NotContains(t, it, "last have a talk")
	}
}

// skipOrAnswer moves past the question shown: Skip when it can, else the first option or a
// number.
func skipOrAnswer(t *testing.T, ctx context.Context) {
	t.Helper()
	s := read(t, ctx)
	switch {
	case contains(s.Buttons, "Skip"):
		click(t, ctx, "Skip")
	case len(s.Labels) > 0 && s.Inputs[0] != "text" && s.Inputs[0] != "textarea" && s.Inputs[0] != "date":
		eval[bool](t, ctx, `(() => { document.getElementById('option-0').click(); return true })()`)
		click(t, ctx, "Next")
	default:
		click(t, ctx, "Next")
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// TestUrgentMessageComesAtOnce: an answer that raises an urgent flag shows its message
// before anything else, with Continue; no question is on the screen with it.
func TestUrgentMessageComesAtOnce(t *testing.T) {
	ctx := NewBrowser(t).Tab(t)
	open(t, ctx, formPage(t, "trust-readiness", web.Options{}))
	click(t, ctx, "Begin")
	pick(t, ctx, "No")
	s := read(t, ctx)
	assert.Equal(t, "flags", eval[string](t, ctx, `document.getElementById('main').dataset.screen`))
	assert.Equal(t, []string{"Your safety comes first"}, s.H1)
	assert.Contains(t, s.Main, "call your local emergency number")
	assert.Contains(t, s.Buttons, "Continue")
	assert.Empty(t, s.Legend, "no question with the urgent message")
	assert.Equal(t, "Your safety comes first", eval[string](t, ctx, `document.activeElement.textContent`), "focus on the message")
	click(t, ctx, "Continue")
	assert.Equal(t, "Question 2 of 5", read(t, ctx).Progress)
}

// TestNothingLeavesThePage: the Content-Security-Policy is live (a request from the page is
// refused), and after a whole questionnaire nothing is in any web storage or cookie.
func TestNothingLeavesThePage(t *testing.T) {
	ctx := NewBrowser(t).Tab(t)
	open(t, ctx, formPage(t, "trust-readiness", web.Options{}))
	for _, u := range []string{"file:///etc/hostname", "data:text/plain,hello", "https://example.com/"} {
		got := eval[string](t, ctx, fmt.Sprintf(`fetch(%s).then(() => 'fetched', e => 'refused: ' + e.name)`, jsString(u)))
		assert.Equal(t, "refused: TypeError", got, u)
	}
	violation := eval[string](t, ctx, `new Promise(resolve => {
	  document.addEventListener('securitypolicyviolation', e => resolve(e.effectiveDirective + ' ' + e.blockedURI), {once: true});
	  const img = new Image(); img.src = 'https://example.com/pixel.png';
	  setTimeout(() => resolve('no violation'), 5000);
	})`)
	assert.Equal(t, "img-src https://example.com/pixel.png", violation)

	click(t, ctx, "Begin")
	for eval[string](t, ctx, `document.getElementById('main').dataset.screen`) == "question" {
		pick(t, ctx, "Yes")
	}
	click(t, ctx, "Show my summary")
	storage := eval[string](t, ctx, `(async () => {
	  const dbs = indexedDB.databases ? (await indexedDB.databases()).length : 0;
	  return [localStorage.length, sessionStorage.length, document.cookie, dbs].join('|');
	})()`)
	assert.Equal(t, "0|0||0", storage, "localStorage, sessionStorage, cookies, IndexedDB")
}

// TestLeaveThisPage: the button blanks the page at once (no answer left in the DOM) and
// replaces it with an empty page; Shift pressed three times does the same.
func TestLeaveThisPage(t *testing.T) {
	br := NewBrowser(t)
	t.Run("button", func(t *testing.T) {
		ctx := br.Tab(t)
		open(t, ctx, formPage(t, "trust-readiness", web.Options{}))
		click(t, ctx, "Begin")
		pick(t, ctx, "No")
		click(t, ctx, "Continue")
		left := eval[[]string](t, ctx, `(() => { document.getElementById('leave').click(); return [document.body.innerHTML, document.title]; })()`)
		assert.Equal(t, []string{"", ""}, left, "blank at once")
		waitBlank(t, ctx)
	})
	t.Run("shift three times", func(t *testing.T) {
		ctx := br.Tab(t)
		open(t, ctx, formPage(t, "trust-readiness", web.Options{}))
		click(t, ctx, "Begin")
		pick(t, ctx, "Yes")
		for i := 0; i < 3; i++ {
			for _, typ := range []input.DispatchKeyEventType{input.DispatchKeyEventTypeRawKeyDown, input.DispatchKeyEventTypeKeyUp} {
				_, err := chromedp.Call(ctx, input.DispatchKeyEvent, input.DispatchKeyEventParams{
					Type: typ, Key: "Shift", Code: "ShiftLeft", WindowsVirtualKeyCode: 16, Modifiers: 8, Location: 1})
				require.NoError(t, err)
			}
		}
		waitBlank(t, ctx)
	})
}

func waitBlank(t *testing.T, ctx context.Context) {
	t.Helper()
	for i := 0; i < 100; i++ {
		href, err := chromedp.Run(ctx, chromedp.Evaluate[string](`location.href`))
		if err == nil && href == "about:blank" {
			body := eval[string](t, ctx, `document.body ? document.body.innerHTML : ''`)
			assert.Empty(t, body)
			return
		}
		time.Sleep(100 * time.Millisecond)
	}
	t.Fatal("the page did not leave for about:blank")
}

// TestContinueFromAnswersFile: answers downloaded half-way are loaded back into a fresh page,
// which carries on where they stopped; a file that is not answers is refused with a message.
func TestContinueFromAnswersFile(t *testing.T) {
	br := NewBrowser(t)
	dl := t.TempDir()
	ctx := br.Tab(t)
	setDownloads(t, ctx, dl)
	open(t, ctx, formPage(t, "trust-readiness", web.Options{}))
	click(t, ctx, "Begin")
	pick(t, ctx, "Yes")
	pick(t, ctx, "Yes")
	pick(t, ctx, "Not sure yet")
	_, got := download(t, ctx, dl)
	file := filepath.Join(t.TempDir(), "answers.yaml")
	require.NoError(t, os.WriteFile(file, got, 0o600))
	assert.Contains(t, read(t, ctx).Status, "downloaded as candor-answers-")

	ctx2 := br.Tab(t)
	open(t, ctx2, formPage(t, "trust-readiness", web.Options{}))
	require.NoError(t, chromedp.Do(ctx2, chromedp.SetUploadFiles(chromedp.ID("answers-file"), []string{file})))
	waitFor(t, ctx2, `document.getElementById('main').textContent.includes('Welcome back')`)
	assert.Contains(t, read(t, ctx2).Main, "You have answered 3 of 5 questions")
	click(t, ctx2, "Begin")
	assert.Equal(t, "Question 4 of 5", read(t, ctx2).Progress)
	click(t, ctx2, "Back")
	assert.Equal(t, "Not sure yet", eval[string](t, ctx2, `document.querySelector('main input:checked').nextSibling.textContent`))

	bad := filepath.Join(t.TempDir(), "notes.yaml")
	require.NoError(t, os.WriteFile(bad, []byte("- just\n- a list\n"), 0o600))
	ctx3 := br.Tab(t)
	open(t, ctx3, formPage(t, "trust-readiness", web.Options{}))
	require.NoError(t, chromedp.Do(ctx3, chromedp.SetUploadFiles(chromedp.ID("answers-file"), []string{bad})))
	waitFor(t, ctx3, `document.getElementById('status').textContent !== ''`)
	assert.Contains(t, read(t, ctx3).Status, "cannot be read as answers")
	assert.Equal(t, "intro", eval[string](t, ctx3, `document.getElementById('main').dataset.screen`))

	// A file past the size an answers file can have is refused before it is read (a sparse
	// 3.5 GB file takes no room here; read whole, it stalled the page and then said nothing).
	huge := filepath.Join(t.TempDir(), "huge.yaml")
	hf, err := os.Create(huge)
	require.NoError(t, err)
	require.NoError(t, hf.Truncate(3_500_000_000))
	require.NoError(t, hf.Close())
	ctx4 := br.Tab(t)
	open(t, ctx4, formPage(t, "trust-readiness", web.Options{}))
	require.NoError(t, chromedp.Do(ctx4, chromedp.SetUploadFiles(chromedp.ID("answers-file"), []string{huge})))
	waitFor(t, ctx4, `document.getElementById('status').textContent !== ''`)
	assert.Contains(t, read(t, ctx4).Status, "huge.yaml is too large to be answers to these questions (3337.9 MB; an answers file is at most 4.0 MB), so nothing was loaded.")
	assert.Equal(t, "intro", eval[string](t, ctx4, `document.getElementById('main').dataset.screen`))
}

func waitFor(t *testing.T, ctx context.Context, cond string) {
	t.Helper()
	for i := 0; i < 100; i++ {
		if eval[bool](t, ctx, cond) {
			return
		}
		time.Sleep(100 * time.Millisecond)
	}
	t.Fatalf("waited in vain for %s: %+v", cond, read(t, ctx))
}

// TestClosingAsksWhileAnswersAreNotDownloaded: the beforeunload prompt is asked for once an
// answer is given, and no more once the answers are downloaded.
func TestClosingAsksWhileAnswersAreNotDownloaded(t *testing.T) {
	ctx := NewBrowser(t).Tab(t)
	dl := t.TempDir()
	setDownloads(t, ctx, dl)
	open(t, ctx, formPage(t, "trust-readiness", web.Options{}))
	const asks = `(() => { const e = new Event('beforeunload', {cancelable: true}); window.dispatchEvent(e); return e.defaultPrevented; })()`
	assert.False(t, eval[bool](t, ctx, asks), "nothing to lose yet")
	click(t, ctx, "Begin")
	pick(t, ctx, "Yes")
	assert.True(t, eval[bool](t, ctx, asks), "an answer not downloaded")
	download(t, ctx, dl)
	assert.False(t, eval[bool](t, ctx, asks), "downloaded")
}

// TestNarrowAndDark: at 320 CSS pixels wide (a phone, or 200% zoom on a 640-pixel window)
// nothing needs sideways scrolling; in dark mode the page is dark.
func TestNarrowAndDark(t *testing.T) {
	ctx := NewBrowser(t).Tab(t)
	_, err := chromedp.Call(ctx, emulation.SetDeviceMetricsOverride, emulation.SetDeviceMetricsOverrideParams{Width: 320, Height: 640, DeviceScaleFactor: 2})
	require.NoError(t, err)
	_, err = chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Features: []*emulation.MediaFeature{
		{Name: "prefers-color-scheme", Value: "dark"}, {Name: "prefers-reduced-motion", Value: "reduce"}}})
	require.NoError(t, err)
	open(t, ctx, formPage(t, everyKind, web.Options{}))
	const fits = `document.documentElement.scrollWidth <= document.documentElement.clientWidth`
	assert.True(t, eval[bool](t, ctx, fits), "intro fits")
	assert.Equal(t, "rgb(22, 22, 22)", eval[string](t, ctx, `getComputedStyle(document.body).backgroundColor`))
	click(t, ctx, "Begin")
	for i := 0; eval[string](t, ctx, `document.getElementById('main').dataset.screen`) == "question"; i++ {
		require.Less(t, i, 40)
		assert.True(t, eval[bool](t, ctx, fits), "question %s fits", question(t, ctx))
		skipOrAnswer(t, ctx)
		if eval[string](t, ctx, `document.getElementById('main').dataset.screen`) == "flags" {
			click(t, ctx, "Continue")
		}
	}
	assert.True(t, eval[bool](t, ctx, fits), "review fits")
	click(t, ctx, "Show my summary")
	assert.True(t, eval[bool](t, ctx, fits), "summary fits")
	_ = strings.TrimSpace
}

// TestOnlyThePagesOwnScriptsRun: the policy allows the page's two scripts by their hashes
// and nothing else, so a script added to the file (by whoever handled it on its way) does not
// run, and the page still works (issue 22, docs/hostile-inputs.md).
func TestOnlyThePagesOwnScriptsRun(t *testing.T) {
	br := NewBrowser(t)
	u := formPage(t, "trust-readiness", web.Options{})
	b, err := os.ReadFile(strings.TrimPrefix(u, "file://"))
	require.NoError(t, err)
	tampered := filepath.Join(t.TempDir(), "tampered.html")
	injected := strings.Replace(string(b), "</body>", `<script>window.injected = 1;</script><img src=x onerror="window.injected = 2"></body>`, 1)
	require.NoError(t, os.WriteFile(tampered, []byte(injected), 0o600))
	ctx := br.Tab(t)
	open(t, ctx, "file://"+tampered)
	assert.Equal(t, "undefined", eval[string](t, ctx, `typeof window.injected`))
	click(t, ctx, "Begin")
	assert.Equal(t, "Question 1 of 4", read(t, ctx).Progress)
}
