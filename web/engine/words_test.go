package engine

import (
	"encoding/json"
	"io/fs"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/candor-app/candor/data"
)

// spanishEngine is trust-readiness with its Spanish translation, started in Spanish.
func spanishEngine(t *testing.T) *Engine {
	t.Helper()
	es, err := fs.ReadFile(data.FS(), "banks/es/trust-readiness.yaml")
	require.NoError(t, err)
	return newEngine(t, "trust-readiness", Options{Translations: map[string]string{"es": string(es)}, Lang: "es"})
}

// The "words" call says one of the page's messages in the language the questions are in,
// formatted by Go: its numbers as the language writes them, its plural forms by the
// language's rules, a whole number from JSON taken by %d and a fraction by %.1f.
func TestWordsCall(t *testing.T) {
	tests := []struct {
		name string
		lang string
		key  string
		args []any
		want string
	}{
		{"English", "", "Question %d of %d", []any{3, 5}, "Question 3 of 5"},
		{"Spanish", "es", "Question %d of %d", []any{3, 5}, "Pregunta 3 de 5"},
		{"no argument", "es", "Review my answers", nil, "Revisar mis respuestas"},
		{"a name", "es", "Your answers were downloaded as %s.", []any{"candor-answers-20261127.yaml"},
			"Tus respuestas se descargaron como candor-answers-20261127.yaml."},
		{"one, English", "", "There are %d questions.", []any{1}, "There is 1 question."},
		{"many, English", "", "There are %d questions.", []any{5}, "There are 5 questions."},
		{"one, Spanish", "es", "There are %d questions.", []any{1}, "Hay 1 pregunta."},
		{"many, Spanish", "es", "There are %d questions.", []any{5}, "Hay 5 preguntas."},
		{"a decimal, Spanish", "es", "%s is too large to be answers to these questions (%.1f MB; an answers file is at most %.1f MB), so nothing was loaded. Please choose the file you downloaded from this page.",
			[]any{"big.yaml", 12.25, 4}, "big.yaml es demasiado grande para ser respuestas a estas preguntas (12,2 MB; un archivo de respuestas tiene como máximo 4,0 MB), así que no se cargó nada. Elige el archivo que descargaste de esta página."},
		{"a decimal, English", "", "%s is too large to be answers to these questions (%.1f MB; an answers file is at most %.1f MB), so nothing was loaded. Please choose the file you downloaded from this page.",
			[]any{"big.yaml", 12.25, 4}, "big.yaml is too large to be answers to these questions (12.2 MB; an answers file is at most 4.0 MB), so nothing was loaded. Please choose the file you downloaded from this page."},
		{"a key the catalogue has not", "es", "Not in the catalogue: %s", []any{"x"}, "Not in the catalogue: x"},
		{"thousands, English", "", "%s is too large to be answers to these questions (%.1f MB; an answers file is at most %.1f MB), so nothing was loaded. Please choose the file you downloaded from this page.",
			[]any{"huge.yaml", 3337.94, 4}, "huge.yaml is too large to be answers to these questions (3337.9 MB; an answers file is at most 4.0 MB), so nothing was loaded. Please choose the file you downloaded from this page."},
		{"thousands, Spanish", "es", "%s is too large to be answers to these questions (%.1f MB; an answers file is at most %.1f MB), so nothing was loaded. Please choose the file you downloaded from this page.",
			[]any{"huge.yaml", 3337.94, 4}, "huge.yaml es demasiado grande para ser respuestas a estas preguntas (3337,9 MB; un archivo de respuestas tiene como máximo 4,0 MB), así que no se cargó nada. Elige el archivo que descargaste de esta página."},
		{"too few arguments", "", "%d and %[3]d", []any{1}, "1 and %!d(BADINDEX)"},
		{"indexed and %%", "", "%[2]d%% of %[1]s", []any{"them", 40}, "40% of them"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var e *Engine
			if tt.lang == "es" {
				e = spanishEngine(t)
			} else {
				e = newEngine(t, "trust-readiness", Options{})
			}
			r := call(t, e, "words", map[string]any{"text": tt.key, "args": tt.args})
			assert.Empty(t, r.Error)
			assert.Nil(t, r.View, "words changes no screen")
			assert.Equal(t, tt.want, r.Text)
		})
	}
}

// The words follow the language chosen on the first screen; a bad argument is an error, not
// a panic.
func TestWordsFollowTheLanguage(t *testing.T) {
	es, err := fs.ReadFile(data.FS(), "banks/es/trust-readiness.yaml")
	require.NoError(t, err)
	e := newEngine(t, "trust-readiness", Options{Translations: map[string]string{"es": string(es)}})
	next := map[string]any{"text": "Next"}
	assert.Equal(t, "Next", call(t, e, "words", next).Text)
	assert.Equal(t, "There are 5 questions.", call(t, e, "view", nil).View.Intro.Count)
	r := call(t, e, "lang", map[string]string{"text": "es"})
	assert.Equal(t, "Hay 5 preguntas.", r.View.Intro.Count)
	assert.Equal(t, "Siguiente", call(t, e, "words", next).Text)

	r = call(t, e, "begin", nil)
	assert.Equal(t, []OptionView{{Label: "Sí", Send: "yes"}, {Label: "No", Send: "no"}}, r.View.Question.Options)
	r = call(t, e, "answer", map[string]string{"text": ""})
	require.NotNil(t, r.Problem)
	assert.Equal(t, "Esta pregunta necesita una respuesta.", r.Problem.Message)

	r = call(t, e, "words", map[string]any{"text": "%d", "args": "not a list"})
	assert.Contains(t, r.Error, "bad argument to words")
	e.forget()
	assert.Equal(t, "Siguiente", call(t, e, "words", next).Text, "words need no answers")
}

// The engine's messages for people are in the page's language: a file that cannot be
// continued, in Spanish.
func TestEngineMessagesInSpanish(t *testing.T) {
	other := call(t, newEngine(t, "accountability", Options{}), "download", nil).File
	require.NotNil(t, other)
	e := spanishEngine(t)
	r := Reply{}
	require.NoError(t, json.Unmarshal(e.Call("load", []byte(`{"name":"a.yaml"}`), []byte(other.Text)), &r))
	assert.Equal(t, "Este archivo tiene respuestas a otro cuestionario, así que no se puede seguir aquí.", r.Error)
	r = Reply{}
	require.NoError(t, json.Unmarshal(e.Call("load", []byte(`{"name":"a.yaml"}`), []byte("[not answers")), &r))
	assert.Regexp(t, `^Este archivo no se puede leer como respuestas: .+\.$`, r.Error)
}

// Number and date ranges in the page's language.
func TestRangesInSpanish(t *testing.T) {
	src := "candor: 1\nid: ranges\nversion: 1.0.0\nlanguage: es\ntitle: Rangos\nquestions:\n" +
		"  - {id: a, type: number, min: 0.5, max: 10, text: Uno}\n" +
		"  - {id: b, type: number, min: 0, text: Dos}\n" +
		"  - {id: c, type: number, max: 7, text: Tres}\n" +
		"  - {id: d, type: date, min: 2020-01-01, max: today, text: Cuatro}\n" +
		"  - {id: e, type: date, max: today, text: Cinco}\n" +
		"  - {id: f, type: scale, min: 1, max: 30, text: Seis}\n"
	e, err := New("ranges.yaml", []byte(src), Options{}, now)
	require.NoError(t, err)
	r := call(t, e, "begin", nil)
	var got []string
	for _, a := range []string{"3", "3", "3", "2021-05-01", "2021-05-01", "3"} {
		got = append(got, r.View.Question.Range)
		r = call(t, e, "answer", map[string]string{"text": a})
		require.Nil(t, r.Problem, a)
	}
	assert.Equal(t, []string{"entre 0,5 y 10", "como mínimo 0", "como máximo 7", "entre 2020-01-01 y hoy", "no posterior a hoy", "entre 1 y 30"}, got)
}
