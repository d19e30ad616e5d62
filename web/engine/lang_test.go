package engine

import (
	"io/fs"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/candor-app/candor/data"
	"github.com/candor-app/candor/questionnaire"
)

// A page that carries a bank's translations starts in the language it is given: the bank's
// words in Spanish, Spanish answer words, and a response that records its language and is
// the same bank (its digest is the English file's).
func TestPageInSpanish(t *testing.T) {
	es, err := fs.ReadFile(data.FS(), "banks/es/trust-readiness.yaml")
	require.NoError(t, err)
	e := newEngine(t, "trust-readiness", Options{Translations: map[string]string{"es": string(es)}, Lang: "es"})
	r := call(t, e, "view", nil)
	assert.Equal(t, "¿Estoy lista o listo para volver a confiar?", r.View.Intro.Title)
	r = call(t, e, "begin", nil)
	assert.Contains(t, r.View.Question.Text, "¿Te sientes a salvo")
	for _, send := range []string{"sí", "sí", "sí", "no sé", "si"} {
		r = call(t, e, "answer", map[string]string{"text": send})
		require.Nil(t, r.Problem, send)
		if r.View.Screen == ScreenFlags {
			r = call(t, e, "ack", nil)
		}
	}
	require.Equal(t, ScreenReview, r.View.Screen)
	assert.Equal(t, "Todavía no lo sé", r.View.Review[3].Answer)

	f := call(t, e, "download", nil).File
	require.NotNil(t, f)
	assert.Contains(t, f.Text, "\nlanguage: es\n")
	resp, ds := questionnaire.ReadResponse(f.Name, []byte(f.Text))
	require.NotNil(t, resp, "%v", ds)
	en, _ := data.Builtin("trust-readiness")
	require.NotNil(t, en)
	assert.Equal(t, en.Digest, resp.Bank.Digest)
	answers, rds := resp.Resolve(en)
	assert.Empty(t, rds)
	assert.Equal(t, "unsure", answers["love_outweighs_pain"])

	// Without Lang, the bank's own language, translations or not.
	e = newEngine(t, "trust-readiness", Options{Translations: map[string]string{"es": string(es)}})
	assert.Equal(t, "Am I ready to start trusting again?", call(t, e, "view", nil).View.Intro.Title)

	// A translation that changes more than words is refused, as `candor validate` refuses it.
	_, err = New("trust-readiness.yaml", mustSource(t), Options{Translations: map[string]string{"es": "candor: 1\nid: trust-readiness\n"}}, now)
	assert.Error(t, err)
}

func mustSource(t *testing.T) []byte {
	raw, ok := data.Source("trust-readiness")
	require.True(t, ok)
	return raw
}

// The first screen offers the bank's languages; "lang" starts again in the one chosen, and the
// response records it. Once an answer is given the choice is closed.
func TestChooseLanguage(t *testing.T) {
	es, err := fs.ReadFile(data.FS(), "banks/es/trust-readiness.yaml")
	require.NoError(t, err)
	e := newEngine(t, "trust-readiness", Options{Translations: map[string]string{"es": string(es)}})
	intro := call(t, e, "view", nil).View.Intro
	assert.Equal(t, []string{"en", "es"}, intro.Languages)
	assert.Equal(t, "en", intro.Lang)

	r := call(t, e, "lang", map[string]string{"text": "fr"})
	assert.Contains(t, r.Error, "not written in")
	assert.Equal(t, "en", r.View.Intro.Lang)

	r = call(t, e, "lang", map[string]string{"text": "es"})
	require.Empty(t, r.Error)
	assert.Equal(t, "es", r.View.Intro.Lang)
	assert.Equal(t, "¿Estoy lista o listo para volver a confiar?", r.View.Intro.Title)
	assert.Equal(t, []string{"en", "es"}, r.View.Intro.Languages, "and back again")
	r = call(t, e, "begin", nil)
	assert.Contains(t, r.View.Question.Text, "¿Te sientes a salvo")
	require.Nil(t, call(t, e, "answer", map[string]string{"text": "sí"}).Problem)
	assert.Contains(t, call(t, e, "download", nil).File.Text, "\nlanguage: es\n")

	// Back at the first screen with an answer given, the language stays.
	call(t, e, "back", nil)
	r = call(t, e, "back", nil)
	require.Equal(t, ScreenIntro, r.View.Screen)
	assert.Empty(t, r.View.Intro.Languages)
	assert.NotEmpty(t, call(t, e, "lang", map[string]string{"text": "en"}).Error)
	assert.Equal(t, "es", call(t, e, "view", nil).View.Intro.Lang)

	// One language: nothing to choose.
	e = newEngine(t, "trust-readiness", Options{})
	assert.Empty(t, call(t, e, "view", nil).View.Intro.Languages)
}
