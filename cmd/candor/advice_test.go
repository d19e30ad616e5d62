package main

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/candor-app/candor/data"
	"github.com/candor-app/candor/questionnaire"
	"github.com/candor-app/candor/questionnaire/table"
	"github.com/candor-app/candor/words"
)

// TestAdvice: after a coded diagnostic the command line says which command to run or flag to
// give; the packages below said only what is wrong (docs/spec.md §3, "Diagnostic codes").
// In Spanish, candor's advice is Spanish, after the diagnostic's own hint (a bank file's
// words, which stay as they are).
func TestAdvice(t *testing.T) {
	cases := []struct {
		code, hint, want string
		lang             string // the interface's language; "" is English
	}{
		{questionnaire.CodeWebPage, "a web page is answered in a browser",
			"a page made by `candor form` is answered in a browser (open it with a double-click); candor reads the YAML files: the bank it was made from, and the answers downloaded from it", ""},
		{questionnaire.CodeResponseNotBank, "a response holds someone's answers",
			"a response holds someone's answers; to see its summary, run `candor score FILE`", ""},
		{questionnaire.CodeBankNotResponse, "",
			"banks go to `candor take`, `candor validate` or `candor score --bank`; a response is the file `candor take` saves", ""},
		{questionnaire.CodeBankNotResponse, "is this a question bank?",
			"is this a question bank? Banks go to `candor take`, `candor validate` or `candor score --bank`; a response is the file `candor take` saves", ""},
		{questionnaire.CodeAnswersNotResponse, "",
			"give it to `candor take BANK --answers FILE`, which saves a response; a response is the file `candor take` saves", ""},
		{questionnaire.CodeEmptyBank, "a bank starts with `candor: 1`",
			"a bank starts with `candor: 1`; `candor init FILE` writes one to start from", ""},
		{questionnaire.CodeRecipient, "a recipient is an age public key, starting with age1",
			"a recipient is the public key `candor keys new` prints, starting with age1 (`candor keys show FILE` prints it again)", ""},
		{questionnaire.CodePlaceholder, "replace it with your own words",
			"`candor init` put it there to start from; replace it with your own words", ""},
		{data.CodeUnknownBank, "built-in banks: a, b", "built-in banks: a, b (`candor list` describes them)", ""},
		{data.CodeBankNotFound, "", "name the bank's file with --bank FILE", ""},
		{data.CodeBankNotFound, "name its file: candor take --resume r.yaml BANK-FILE", "name its file: candor take --resume r.yaml BANK-FILE", ""},
		{table.CodeSameQuestion, "keep one column for each question", "keep one column for each question, or leave one out with --ignore-columns", ""},
		{table.CodeColumn, "name a question by its id; the bank's questions: a, b",
			"name a question by its id; the bank's questions: a, b; map other headers with --columns, or leave the column out with --ignore-columns", ""},
		{questionnaire.CodeBankDrift, "scores may differ from when it was answered", "scores may differ from when it was answered", ""},
		{"", "as it was", "as it was", ""},
		{questionnaire.CodeResponseNotBank, "a response holds someone's answers",
			"una respuesta guarda las respuestas de alguien; para ver su resumen, ejecuta `candor score ARCHIVO`", "es"},
		{questionnaire.CodeBankNotResponse, "is this a question bank?",
			"is this a question bank? Los bancos van a `candor take`, `candor validate` o `candor score --bank`; una respuesta es el archivo que guarda `candor take`", "es"},
		{data.CodeUnknownBank, "built-in banks: a, b", "built-in banks: a, b (`candor list` los describe)", "es"},
		{data.CodeBankNotFound, "", "indica el archivo del banco con --bank ARCHIVO", "es"},
		{questionnaire.CodeBankDrift, "scores may differ from when it was answered", "scores may differ from when it was answered", "es"},
	}
	for _, c := range cases {
		t.Run(c.lang+" "+c.code+" "+c.hint, func(t *testing.T) {
			advise := func(ds questionnaire.Diagnostics) questionnaire.Diagnostics { return advisedIn(nil, ds) }
			if c.lang != "" {
				advise = func(ds questionnaire.Diagnostics) questionnaire.Diagnostics { return advisedIn(words.For(c.lang), ds) }
			}
			ds := questionnaire.Diagnostics{{Code: c.code, Hint: c.hint, Summary: "what is wrong"}}
			got := advise(ds)
			assert.Equal(t, c.want, got[0].Hint)
			assert.Equal(t, c.hint, ds[0].Hint, "the diagnostics given are not changed")
			assert.Equal(t, c.want, advise(got)[0].Hint, "advice is given once")
			summary := "what is wrong"
			if c.code == data.CodeUnknownBank { // its summary is said in the reader's words too
				summary = words.For(c.lang).T("no such file, and no built-in bank of that name")
			}
			assert.Equal(t, summary, got[0].Summary)
		})
	}
}

// TestHintsInSpanish: the hints of a response read with another bank are said in the
// interface's language; without words, in English.
func TestHintsInSpanish(t *testing.T) {
	es := words.For("es")
	assert.Equal(t, `quita --bank: "trust-readiness" viene incorporado y candor lo encuentra solo`, mismatchHintIn(es, "trust-readiness"))
	assert.Equal(t, `da a --bank el archivo del banco al que responde, cuyo id es "mine"`, mismatchHintIn(es, "mine"))
	assert.Equal(t, "retómala con su propio banco: candor take trust-readiness --resume r.yaml", resumeHintIn(es, "trust-readiness", "r.yaml"))
	assert.Equal(t, "resume it with its own bank: candor take trust-readiness --resume r.yaml", resumeHintIn(nil, "trust-readiness", "r.yaml"))
	assert.Equal(t, `leave out --bank: "trust-readiness" is built in, and candor finds it by itself`, mismatchHintIn(nil, "trust-readiness"))
}

// TestUnknownBankInTheReadersWords: a BANK that is not one names the nearest built-in banks
// in the reader's language, from the diagnostic's data.
func TestUnknownBankInTheReadersWords(t *testing.T) {
	_, ds := data.LoadBank("trust")
	require.Len(t, ds, 1)
	es := advisedIn(words.For("es"), ds)[0]
	assert.Equal(t, "no existe ese archivo, ni un banco incorporado con ese nombre", es.Summary)
	assert.Equal(t, "¿quisiste decir uno de estos: `trust-readiness`, `weekly-trust`, `what-trust-is`? (`candor list` los describe)", es.Hint)
	en := advisedIn(nil, ds)[0]
	assert.Equal(t, ds[0].Summary, en.Summary, "English as data said it")
	assert.Equal(t, ds[0].Hint+" (`candor list` describes them)", en.Hint)
}
