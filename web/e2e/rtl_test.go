package e2e

import (
	"context"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/candor-app/candor/web"
)

// layout is where the parts of a question's screen are, left to right (pixels from the
// left of the window).
type layout struct {
	// Leave and Download are the bar's two buttons; Next and Back the question's.
	Leave, Download, Next, Back float64
	// Radio is the first option's button, Label the start of its words.
	Radio, Label float64
}

const readLayout = `(() => {
  const left = (e) => e ? e.getBoundingClientRect().left : -1;
  const button = (name) => Array.from(document.querySelectorAll('main button')).find(b => b.textContent.trim() === name);
  const label = document.querySelector('main .option label');
  const words = document.createRange();
  words.selectNodeContents(label);
  return {
    leave: left(document.getElementById('leave')), download: left(document.getElementById('download')),
    next: left(button(%s)), back: left(button(%s)),
    radio: left(document.querySelector('main .option input')), label: words.getBoundingClientRect().left,
  };
})()`

func readLayoutOf(t *testing.T, ctx context.Context, next, back string) layout {
	t.Helper()
	return eval[layout](t, ctx, strings.Replace(strings.Replace(readLayout, "%s", jsString(next), 1), "%s", jsString(back), 1))
}

// TestRightToLeft: a bank written in Arabic is shown right to left. The page's <html> says
// dir="rtl" from its first byte and after its engine has started; the layout is the mirror of
// a page written left to right (the bar's buttons, Next and Back, an option's button and its
// words, a scale's points); text typed in Arabic is taken, shown back and kept in the answers;
// and axe-core finds nothing serious on any screen.
func TestRightToLeft(t *testing.T) {
	axe := axeSource(t)
	br := NewBrowser(t)

	ltr := br.Tab(t)
	open(t, ltr, formPage(t, "trust-readiness", web.Options{}))
	click(t, ltr, "Begin")
	l := readLayoutOf(t, ltr, "Next", "Back")
	require.Less(t, l.Download, l.Leave, "left to right: Leave this page is on the right")
	require.Less(t, l.Next, l.Back, "left to right: Next comes first, on the left")
	require.Less(t, l.Radio, l.Label, "left to right: an option's button is left of its words")

	ctx := br.Tab(t)
	dir := t.TempDir()
	setDownloads(t, ctx, dir)
	url := formPage(t, arabic, web.Options{})
	raw, err := os.ReadFile(strings.TrimPrefix(url, "file://"))
	require.NoError(t, err)
	assert.Contains(t, string(raw), `<html lang="ar" dir="rtl">`, "right to left before any script runs")
	open(t, ctx, url)
	assert.Equal(t, "rtl", eval[string](t, ctx, `document.documentElement.dir`))
	assert.Equal(t, "ar", eval[string](t, ctx, `document.documentElement.lang`))
	assert.Equal(t, []string{"هل أنا مستعد للثقة من جديد؟"}, read(t, ctx).H1)
	axeCheck(t, ctx, axe, "the intro, right to left")

	click(t, ctx, "Begin")
	r := readLayoutOf(t, ctx, "Next", "Back")
	assert.Less(t, r.Leave, r.Download, "right to left: Leave this page is on the left")
	assert.Greater(t, r.Next, r.Back, "right to left: Next comes first, on the right")
	assert.Greater(t, r.Radio, r.Label, "right to left: an option's button is right of its words")
	assert.Equal(t, "rtl", eval[string](t, ctx, `getComputedStyle(document.querySelector('main legend h1')).direction`))
	axeCheck(t, ctx, axe, "a question, right to left")

	choose := func() {
		eval[bool](t, ctx, `(() => { document.getElementById('option-0').click(); return true })()`)
		click(t, ctx, "Next")
	}
	choose() // yes
	choose() // a choice
	require.Equal(t, "scale", eval[string](t, ctx, `document.getElementById('question').dataset.type`))
	assert.Greater(t, eval[float64](t, ctx, `document.getElementById('option-0').getBoundingClientRect().left`),
		eval[float64](t, ctx, `document.getElementById('option-1').getBoundingClientRect().left`), "a scale's first point is on the right")
	choose()
	eval[bool](t, ctx, `(() => { document.getElementById('answer').value = '12'; return true })()`)
	click(t, ctx, "Next")
	const said = "أريد أن أتكلم بصراحة عن الثقة، 3 مرات."
	assert.Equal(t, "auto", eval[string](t, ctx, `document.getElementById('answer').getAttribute('dir')`), "a typed answer takes its own direction")
	eval[bool](t, ctx, `(() => { document.getElementById('answer').value = `+jsString(said)+`; return true })()`)
	click(t, ctx, "Next")

	require.Equal(t, "review", eval[string](t, ctx, `document.getElementById('main').dataset.screen`))
	assert.Contains(t, read(t, ctx).Main, said)
	axeCheck(t, ctx, axe, "the review, right to left")
	_, file := download(t, ctx, dir)
	assert.Contains(t, string(file), said)
	click(t, ctx, "Show my summary")
	axeCheck(t, ctx, axe, "the summary, right to left")
}
