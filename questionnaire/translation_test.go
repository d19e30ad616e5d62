package questionnaire

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const enBank = `candor: 1
id: b
version: 1.0.0
title: Check
language: en
sources: [{title: A, note: x}]
choices:
  c: [{value: 1, label: One}, {value: 2, label: Two}]
questions:
  - {id: a, text: "Yes?", help: "Say yes", choices: c}
  - {id: s, text: "How much?", min: 1, max: 3, labels: {1: Little, 3: Much}}
scores:
  - {id: t, label: Total, items: [a], bands: [{max: 1, label: Low}, {label: High, hopeful: true}]}
outro: [Bye, {text: Together, together: true}]
tests:
  - {name: one, answers: {a: One}, expect: {bands: {t: Low}}}
flags: [{id: f, when: "s == 3", level: note, title: F, text: F}]
`

// esBank is enBank in Spanish, as a translation is written: only the words differ, and a
// last source credits the translator.
var esBank = strings.NewReplacer("language: en", "language: es", "sources: [{title: A, note: x}]",
	"sources: [{title: A, note: x}, {title: T, note: credit}]", "Check", "Prueba", "One", "Uno",
	"Two", "Dos", "Yes?", "¿Sí?", "Say yes", "Di que sí", "How much?", "¿Cuánto?", "Little", "Poco", "Much", "Mucho",
	"Total", "Suma", "Low", "Bajo", "High", "Alto", "Bye", "Adiós", "Together", "Juntos").Replace(enBank)

// writeBank writes the bank en as dir/b.yaml, and each translation as dir/LANG/b.yaml.
func writeBank(t *testing.T, en string, translations map[string]string) string {
	dir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, "b.yaml"), []byte(en), 0o600))
	for lang, src := range translations {
		require.NoError(t, os.MkdirAll(filepath.Join(dir, lang), 0o700))
		require.NoError(t, os.WriteFile(filepath.Join(dir, lang, "b.yaml"), []byte(src), 0o600))
	}
	return filepath.Join(dir, "b.yaml")
}

// A translation beside a bank makes it a bank in two languages: In gives each, with the
// bank's digest and version, and the words of its language.
func TestLoadFileWithTranslation(t *testing.T) {
	// Without its flag, question s is used by nothing: a warning of the bank, and of its
	// translation, said once.
	noFlag := func(src string) string { return src[:strings.Index(src, "flags:")] }
	p := writeBank(t, noFlag(enBank), map[string]string{"es": noFlag(esBank)})
	b, ds := LoadFile(p)
	require.NotNil(t, b, "%v", ds)
	require.Len(t, ds, 1, "the bank's own warning, said once")
	assert.Equal(t, `question "s" is not used by any score, flag or outcome`, ds[0].Summary)
	assert.Equal(t, []string{"en", "es"}, b.Languages)
	es := b.In("es")
	assert.Equal(t, "es", es.Language)
	assert.Equal(t, "Prueba", es.Title)
	assert.Equal(t, "¿Sí?", es.Question("a").Text)
	assert.Equal(t, b.Digest, es.Digest)
	assert.Equal(t, []string{"en", "es"}, es.Languages)
	assert.Same(t, b, es.In("en"))
	for _, lang := range []string{"es-MX", "ES", "es_ES"} {
		assert.Same(t, es, b.In(lang), lang)
	}
	for _, lang := range []string{"", "fr", "en-GB", "C"} {
		assert.Same(t, b, b.In(lang), lang)
	}
	assert.Same(t, b, es.In("en-GB"))

	one, _ := LoadFile(writeBank(t, enBank, nil))
	require.NotNil(t, one)
	assert.Equal(t, []string{"en"}, one.Languages)
	assert.Same(t, one, one.In("es"))
}

// A translation that changes anything but words is an error at its place; words it lacks are
// a warning, and the bank's own words show instead.
func TestLoadFileTranslationDiffers(t *testing.T) {
	for _, c := range []struct{ from, to, want string }{
		{"{value: 2, label: Dos}", "{value: 3, label: Dos}", "es/b.yaml:8:39: choices.c[1].value: 3 here, 2 in en"},
		{"hopeful: true", "hopeful: false", "es/b.yaml:13:92: scores[0].bands[1].hopeful: false here, true in en"},
		{"together: true", "together: false", "es/b.yaml:14:41: outro[1].together: false here, true in en"},
		{"{1: Poco, 3: Mucho}", "{1: Poco, 2: Algo, 3: Mucho}", "es/b.yaml:11:65: questions[1].labels.2: not in the bank in en"},
		{"answers: {a: Uno}", "answers: {a: Dos}", "es/b.yaml:16:5: tests[0].answers: they give other answers than in en"},
		{"bands: {t: Bajo}", "bands: {t: Alto}", "es/b.yaml:16:44: tests[0].expect.bands.t: another band than in en"},
		{"items: [a]", "items: [a, s]", "es/b.yaml:13:33: scores[0].items: 2 entries here, 1 in en"},
		{"version: 1.0.0", "version: 1.0.1", `es/b.yaml:3:10: version: "1.0.1" here, "1.0.0" in en`},
		{"min: 1, max: 3", "min: 1, max: 4", "es/b.yaml:11:44: questions[1].max: 4 here, 3 in en"},
		{"id: a,", "id: aa,", `es/b.yaml:10:10: questions[0].id: "aa" here, "a" in en`},
		{"{id: t, ", "{id: t, method: mean, ", "es/b.yaml:13:13: scores[0].method: not in the bank in en"},
		{"{title: T, note: credit}", "", "es/b.yaml:6:10: sources: the sources of the bank in en are not all here"},
		{"language: es", "language: fr", `es/b.yaml:1:1: this translation sits in folder es but is in language "fr"`},
	} {
		t.Run(c.want, func(t *testing.T) {
			es := strings.Replace(esBank, c.from, c.to, 1)
			require.NotEqual(t, esBank, es)
			if c.to == "" {
				es = strings.Replace(esBank, "{title: A, note: x}, {title: T, note: credit}", "", 1)
			}
			b, ds := LoadFile(writeBank(t, enBank, map[string]string{"es": es}))
			assert.Nil(t, b)
			require.NotEmpty(t, ds.Errors())
			assert.True(t, strings.HasSuffix(ds.Errors()[0].Error(), c.want), "%v", ds)
		})
	}
}

// Words a translation lacks are a warning at the place they belong, and the bank's words
// show there instead.
func TestLoadFileTranslationMissingText(t *testing.T) {
	es := strings.Replace(esBank, `, help: "Di que sí"`, "", 1)
	b, ds := LoadFile(writeBank(t, enBank, map[string]string{"es": es}))
	require.NotNil(t, b, "%v", ds)
	require.Len(t, ds, 1)
	assert.Equal(t, Warning, ds[0].Severity)
	assert.True(t, strings.HasSuffix(ds[0].Error(), "es/b.yaml:10:5: warning: questions[0].help: no text in es, so the en text shows"), ds[0].Error())
	assert.Equal(t, "Say yes", b.In("es").Question("a").Help)
	assert.Equal(t, "¿Sí?", b.In("es").Question("a").Text)

	// Even a required text (a question's) may be missing: the bank's shows.
	es = strings.Replace(esBank, `text: "¿Cuánto?", `, "", 1)
	b, ds = LoadFile(writeBank(t, enBank, map[string]string{"es": es}))
	require.NotNil(t, b, "%v", ds)
	require.Len(t, ds, 1)
	assert.Contains(t, ds[0].Summary, "questions[1].text: no text in es")
	assert.Equal(t, "How much?", b.In("es").Question("s").Text)
}

// `languages` names the languages exactly: one without its file is an error at its place, a
// translation it does not name is a warning, and the bank's own language must be among them.
func TestLanguagesDeclared(t *testing.T) {
	declared := strings.Replace(enBank, "language: en\n", "language: en\nlanguages: [en, es]\n", 1)
	b, ds := LoadFile(writeBank(t, declared, map[string]string{"es": esBank}))
	require.NotNil(t, b, "%v", ds)
	assert.Empty(t, ds)
	assert.Equal(t, []string{"en", "es"}, b.Languages)

	b, ds = LoadFile(writeBank(t, declared, nil))
	assert.Nil(t, b)
	require.Len(t, ds, 1)
	assert.Regexp(t, `b\.yaml:6:17: the bank is declared in es, but there is no file .*es/b\.yaml$`, ds[0].Error())

	only := strings.Replace(enBank, "language: en\n", "language: en\nlanguages: [en]\n", 1)
	b, ds = LoadFile(writeBank(t, only, map[string]string{"es": esBank}))
	require.NotNil(t, b, "%v", ds)
	require.Len(t, ds, 1)
	assert.Regexp(t, `b\.yaml:6:13: warning: .*es/b\.yaml is a translation of this bank into es, which .languages. does not name$`, ds[0].Error())
	assert.Equal(t, []string{"en"}, b.Languages)

	for src, want := range map[string]string{
		"languages: [es]":         "b.yaml:6:1: `languages` does not name the bank's own language \"en\"",
		"languages: [en, en]":     "b.yaml:6:17: language \"en\" is listed twice in `languages`",
		"languages: [en, 'e s']":  "b.yaml:6:17: language \"e s\" is not a language tag",
		"languages: en":           "b.yaml:6:12: `languages` must be a list",
		"languages: [en, [es]]":   "b.yaml:6:17:",
		"languages: [en, {a: b}]": "b.yaml:6:17:",
	} {
		src := strings.Replace(enBank, "language: en\n", "language: en\n"+src+"\n", 1)
		b, ds := Load("b.yaml", []byte(src))
		assert.Nil(t, b, src)
		require.NotEmpty(t, ds, src)
		assert.Contains(t, ds.Error(), want, src)
	}
}

// A folder beside a bank that holds another bank of the same file name is not a translation
// unless `languages` says so.
func TestSiblingOfAnotherBank(t *testing.T) {
	other := strings.Replace(esBank, "id: b", "id: other", 1)
	b, ds := LoadFile(writeBank(t, enBank, map[string]string{"old": other}))
	require.NotNil(t, b, "%v", ds)
	assert.Empty(t, ds)
	assert.Equal(t, []string{"en"}, b.Languages)
}

// A response to a bank answered in a translation records its language at the top level, and
// reads it back; one answered in the bank's own language records none.
func TestResponseLanguage(t *testing.T) {
	b, ds := LoadFile(writeBank(t, enBank, map[string]string{"es": esBank}))
	require.NotNil(t, b, "%v", ds)
	now := time.Date(2026, 12, 7, 9, 0, 0, 0, time.UTC)
	r := NewResponse(b.In("es"), now)
	r.SetAnswer("a", 1.0)
	out, err := r.Marshal(b.In("es"))
	require.NoError(t, err)
	assert.Contains(t, string(out), "bank: {id: b, version: 1.0.0, digest: \""+b.Digest+"\"}\nlanguage: es\nstatus:")
	back, ds := ReadResponse("r.yaml", out)
	require.NotNil(t, back, "%v", ds)
	assert.Equal(t, "es", back.Language)
	answers, ds := back.Resolve(b)
	assert.Empty(t, ds, "read with the bank in English: the same bank")
	assert.Equal(t, Answers{"a": 1.0}, answers)

	out, err = NewResponse(b, now).Marshal(b)
	require.NoError(t, err)
	assert.NotContains(t, string(out), "language")

	_, ds = ReadResponse("r.yaml", []byte(strings.Replace(string(out), "status:", "language: 'e s'\nstatus:", 1)))
	require.True(t, ds.HasErrors())
	assert.Contains(t, ds.Error(), `r.yaml:4:11: language "e s" is not a language tag`)
}
