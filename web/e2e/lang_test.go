package e2e

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/candor-app/candor/data"
	"github.com/candor-app/candor/web"
)

// withTranslations are the options of `candor form` for a built-in bank: the page carries
// every translation of the bank.
func withTranslations(t *testing.T, name string) web.Options {
	t.Helper()
	b, ds := data.LoadBank(name)
	require.NotNil(t, b, "%v", ds)
	require.Greater(t, len(b.Languages), 1, "%s is in several languages", name)
	opt := web.Options{Translations: map[string]string{}}
	for _, lang := range b.Languages[1:] {
		opt.Translations[lang] = string(b.In(lang).Src)
	}
	return opt
}

// TestChooseLanguageOnTheIntro: the first screen offers the bank's languages by their own
// names; choosing Español asks in Spanish, sets the page's lang, and the answers downloaded
// record it.
func TestChooseLanguageOnTheIntro(t *testing.T) {
	ctx := NewBrowser(t).Tab(t)
	dir := t.TempDir()
	setDownloads(t, ctx, dir)
	open(t, ctx, formPage(t, "trust-readiness", withTranslations(t, "trust-readiness")))
	langs := eval[string](t, ctx, `document.querySelector('main nav.langs').textContent`)
	assert.Equal(t, "EnglishEspañol", langs)
	assert.Equal(t, "en", eval[string](t, ctx, `document.documentElement.lang`))
	click(t, ctx, "Español")
	s := read(t, ctx)
	require.Equal(t, []string{"¿Estoy lista o listo para volver a confiar?"}, s.H1)
	assert.Equal(t, "es", eval[string](t, ctx, `document.documentElement.lang`))
	assert.Equal(t, "ltr", eval[string](t, ctx, `document.documentElement.dir`))
	assert.Equal(t, "Español", eval[string](t, ctx, `document.querySelector('main nav.langs [aria-current]').textContent`))
	assert.GreaterOrEqual(t, eval[float64](t, ctx, `document.querySelector('main nav.langs button').getBoundingClientRect().height`), 44.0, "a target of 44px")

	click(t, ctx, "Begin")
	require.True(t, strings.HasPrefix(read(t, ctx).Legend, "¿Te sientes a salvo"), read(t, ctx).Legend)
	for {
		switch eval[string](t, ctx, `document.getElementById('main').dataset.screen`) {
		case "question":
			eval[bool](t, ctx, `(() => { document.getElementById('option-0').click(); return true })()`)
			click(t, ctx, "Next")
			continue
		case "flags":
			click(t, ctx, "Continue")
			continue
		}
		break
	}
	assert.Empty(t, eval[int](t, ctx, `document.querySelectorAll('main nav.langs').length`))
	_, file := download(t, ctx, dir)
	assert.Contains(t, string(file), "\nlanguage: es\n")
}
