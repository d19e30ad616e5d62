package e2e

import (
	"context"
	"regexp"
	"slices"
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

	assert.Equal(t, "Preguntas", eval[string](t, ctx, `document.title`))
	assert.Empty(t, englishOnScreen(t, ctx), "the intro in Spanish")

	click(t, ctx, "Empezar")
	require.True(t, strings.HasPrefix(read(t, ctx).Legend, "¿Te sientes a salvo"), read(t, ctx).Legend)
	assert.Equal(t, "Pregunta 1 de 5", read(t, ctx).Progress)
	assert.Equal(t, []string{"Sí", "No"}, read(t, ctx).Labels)
	assert.Empty(t, englishOnScreen(t, ctx), "a question in Spanish")
	click(t, ctx, "Siguiente")
	assert.Equal(t, "Esta pregunta necesita una respuesta.", read(t, ctx).Problem)
	assert.Empty(t, englishOnScreen(t, ctx), "a problem in Spanish")
	for {
		switch eval[string](t, ctx, `document.getElementById('main').dataset.screen`) {
		case "question":
			eval[bool](t, ctx, `(() => { document.getElementById('option-0').click(); return true })()`)
			click(t, ctx, "Siguiente")
			continue
		case "flags":
			assert.Empty(t, englishOnScreen(t, ctx), "a flag in Spanish")
			click(t, ctx, "Continuar")
			continue
		}
		break
	}
	require.Equal(t, "review", eval[string](t, ctx, `document.getElementById('main').dataset.screen`))
	assert.Equal(t, []string{"Revisa tus respuestas"}, read(t, ctx).H1)
	assert.Empty(t, englishOnScreen(t, ctx), "the review in Spanish")
	assert.Empty(t, eval[int](t, ctx, `document.querySelectorAll('main nav.langs').length`))
	_, file := downloadWith(t, ctx, dir, "Descargar mis respuestas")
	assert.Contains(t, string(file), "\nlanguage: es\n")
	assert.Contains(t, read(t, ctx).Status, "Tus respuestas se descargaron como candor-answers-")
	assert.Empty(t, englishOnScreen(t, ctx), "the review after a download, in Spanish")

	click(t, ctx, "Ver mi resumen")
	require.Equal(t, "end", eval[string](t, ctx, `document.getElementById('main').dataset.screen`))
	assert.Empty(t, englishOnScreen(t, ctx), "the end in Spanish")
}

// englishWords are common English words, none of which Spanish writes.
var englishWords = strings.Fields("the your you and of to answer question next back skip review download leave page")

// englishOnScreen are the English words on the screen shown: its visible text, the names of
// its buttons and landmarks, and its title. The summary (render's words, package render's
// tests) is left out: only the page's own words are looked at.
func englishOnScreen(t *testing.T, ctx context.Context) []string {
	t.Helper()
	text := eval[string](t, ctx, `(() => {
	  const c = document.body.cloneNode(true);
	  c.querySelectorAll('script, .summary, [hidden]').forEach(x => x.remove());
	  const named = Array.from(document.querySelectorAll('[aria-label]')).map(e => e.getAttribute('aria-label'));
	  return [document.title, document.body.innerText.length ? c.textContent : '', ...named].join(' ');
	})()`)
	var found []string
	for _, w := range regexp.MustCompile(`\p{L}+`).FindAllString(text, -1) {
		if slices.Contains(englishWords, strings.ToLower(w)) {
			found = append(found, w)
		}
	}
	return found
}
