package askwords

import (
	"errors"
	"strconv"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/candor-app/candor/ask"
	"github.com/candor-app/candor/questionnaire"
	"github.com/candor-app/candor/words"
)

const bank = `candor: 1
id: b
version: 1.0.0
title: B
questions:
  - {id: safe, text: "Do you feel safe? If you're not sure, answer no."}
  - {id: sleep, text: "Did you sleep well?", help: "Think of the last week.\nIf in doubt, say no.", required: false}
  - {id: plain, text: "Did you talk?"}
  - id: colour
    type: choice
    text: Colour?
    choices: [{value: red, label: Red}, {value: light_blue, label: Light blue}, {value: green, label: Green}]
  - id: feel
    type: multi
    text: Feelings?
    choices: [{value: calm, label: Calm}, {value: tired, label: Tired}, {value: none, label: None of these, exclusive: true}]
  - {id: close, type: scale, text: "Close?", min: 1, max: 5}
  - {id: hours, type: number, text: "Hours?", min: 0, max: 24}
  - {id: when, type: date, text: "When?", min: "2020-01-01", max: today}
  - {id: words, type: text, text: "Words?"}
`

// problem answers question id with in and returns the Problem.
func problem(t *testing.T, b *questionnaire.Bank, id, in string) *ask.Problem {
	t.Helper()
	s := ask.NewSession(b, questionnaire.NewResponse(b, fixed), ask.Options{})
	require.NoError(t, s.GoTo(id))
	err := s.Answer(in)
	var p *ask.Problem
	require.True(t, errors.As(err, &p), "want a *Problem, got %v", err)
	return p
}

// TestProblemText: each problem an answer can have is said whole, in English as it always
// was, and in Spanish.
func TestProblemText(t *testing.T) {
	b, ds := questionnaire.Load("b.yaml", []byte(bank))
	require.NotNil(t, b, "%v", ds)
	const okay = "It's okay not to be sure. Please type y for yes or n for no"
	tests := []struct {
		id, in, en, es string
	}{
		{"safe", "not sure", okay + `; the question says: "If you're not sure, answer no."`,
			`Está bien no estar segura o seguro. Escribe sí o no; la pregunta dice: «If you're not sure, answer no.»`},
		{"sleep", "dunno", okay + `; its help says: "If in doubt, say no."`,
			`Está bien no estar segura o seguro. Escribe sí o no; su ayuda dice: «If in doubt, say no.»`},
		{"plain", "maybe", okay + ", whichever is closer for now.", "Está bien no estar segura o seguro. Escribe sí o no, lo que esté más cerca por ahora."},
		{"plain", "purple", `Please type y for yes or n for no ("purple" isn't one of those).`, `Escribe sí o no («purple» no es ninguna de las dos).`},
		{"plain", "rather not say", `This question doesn't offer "rather not say"; please answer it when you're ready.`,
			"Esta pregunta no ofrece «prefiero no responder»; respóndela cuando te sientas preparada o preparado."},
		{"sleep", "prefiero no responder", `This question doesn't offer "rather not say", but it's optional: you can skip it.`,
			"Esta pregunta no ofrece «prefiero no responder», pero es opcional: puedes saltarla."},
		{"colour", "ligth blue", `"ligth blue" isn't one of the choices. Did you mean 2 (Light blue)? Please type a number from 1 to 3.`,
			`«ligth blue» no es una de las opciones. ¿Querías decir 2 (Light blue)? Escribe un número del 1 al 3.`},
		{"colour", "purple", `"purple" isn't one of the choices. Please type a number from 1 to 3.`, `«purple» no es una de las opciones. Escribe un número del 1 al 3.`},
		{"feel", "1, tird", `"tird" isn't one of the choices. Did you mean 2 (Tired)? Type the numbers of the ones that fit, like 1, 3.`,
			`«tird» no es una de las opciones. ¿Querías decir 2 (Tired)? Escribe los números de las que encajen, como 1, 3.`},
		{"feel", "1 3", `"None of these" goes on its own, so it can't be chosen together with "Calm". Please choose it alone, or leave it out.`,
			`«None of these» va sola, así que no se puede elegir junto con «Calm». Elígela sola, o déjala fuera.`},
		{"close", "9", `Please type a whole number from 1 to 5 ("9" isn't one).`, `Escribe un número entero del 1 al 5 («9» no lo es).`},
		{"hours", "25", `Please type a number from 0 to 24 ("25" is outside that).`, `Escribe un número del 0 al 24 («25» queda fuera).`},
		{"hours", "lots", `Please type a number, like 3 or 2.5 ("lots" isn't one).`, `Escribe un número, como 3 o 2.5 («lots» no lo es).`},
		{"when", "2019-05-05", `Please type a date from 2020-01-01 to today ("2019-05-05" is outside that).`, `Escribe una fecha entre 2020-01-01 y hoy («2019-05-05» queda fuera).`},
		{"when", "2026-11-31", `"2026-11-31" isn't a day: November 2026 has 30 days. Please type a date as year-month-day, like 2026-11-27.`,
			`«2026-11-31» no es un día: noviembre de 2026 tiene 30 días. Escribe una fecha como año-mes-día, por ejemplo 2026-11-27.`},
		{"when", "2026-13-01", `"2026-13-01" isn't a day: months go from 01 to 12. Please type a date as year-month-day, like 2026-11-27.`,
			`«2026-13-01» no es un día: los meses van del 01 al 12. Escribe una fecha como año-mes-día, por ejemplo 2026-11-27.`},
		{"when", "next week", `Please type a date as year-month-day, like 2026-11-27 ("next week" isn't one).`,
			`Escribe una fecha como año-mes-día, por ejemplo 2026-11-27 («next week» no lo es).`},
		{"safe", "", "This question needs an answer.", "Esta pregunta necesita una respuesta."},
	}
	for _, tt := range tests {
		t.Run(tt.id+"/"+tt.in, func(t *testing.T) {
			p := problem(t, b, tt.id, tt.in)
			assert.Equal(t, tt.en, ProblemText(nil, p))
			assert.Equal(t, tt.en, ProblemText(words.For("en"), p))
			assert.Equal(t, tt.es, ProblemText(words.For("es"), p))
		})
	}
}

// TestOtherProblems: the problems of moving through a session, by code.
func TestOtherProblems(t *testing.T) {
	es := words.For("es")
	for _, tt := range []struct {
		p      *ask.Problem
		en, es string
	}{
		{&ask.Problem{Code: ask.NotAsked, N: 9, Total: 5}, "There's no question 9; the questions are numbered 1 to 5.", "No hay pregunta 9; las preguntas van numeradas del 1 al 5."},
		{&ask.Problem{Code: ask.NotAsked, Typed: "x"}, `"x" is not one of the questions asked.`, `«x» no es una de las preguntas que se hacen.`},
		{&ask.Problem{Code: ask.AtFirst}, "This is the first question, so there's nothing to go back to.", "Esta es la primera pregunta, así que no hay nada antes."},
		{&ask.Problem{Code: ask.CannotSkip}, "This question needs an answer to go on, so it can't be skipped.", "Esta pregunta necesita una respuesta para seguir, así que no se puede saltar."},
		{&ask.Problem{Code: ask.TooLarge, TooLarge: &questionnaire.AnswerTooLargeError{TooLargeError: questionnaire.TooLargeError{Bytes: questionnaire.MaxFileSize + 1}}},
			"That answer is too long to keep: with it, the file of your answers would be larger than the 4 MiB candor can read back. Please make it shorter.",
			"Esa respuesta es demasiado larga para guardarla: con ella, el archivo de tus respuestas pasaría de los 4 MiB que candor puede volver a leer. Acórtala, por favor."},
		{&ask.Problem{Code: ask.TooLarge, TooLarge: &questionnaire.AnswerTooLargeError{TooLargeError: questionnaire.TooLargeError{Syntax: 300000}}},
			"That answer is too long to keep: with it, the file of your answers would have more than the 200000 lines and commas candor can read back. Please make it shorter, or use fewer commas.",
			"Esa respuesta es demasiado larga para guardarla: con ella, el archivo de tus respuestas tendría más de las 200000 líneas y comas que candor puede volver a leer. Acórtala, por favor, o usa menos comas."},
		{&ask.Problem{Code: ask.NotAnAnswer, Reason: ask.TooLong}, "That's longer than 10000 characters; please keep it to one shorter line.",
			"Eso tiene más de 10000 caracteres; escríbelo en una línea más corta, por favor."},
		{&ask.Problem{Code: ask.InfoOnly}, "This is a statement to read; it takes no answer.", "Esto es un texto para leer; no lleva respuesta."},
	} {
		assert.Equal(t, tt.en, ProblemText(nil, tt.p))
		assert.Equal(t, tt.es, ProblemText(es, tt.p))
	}
}

var fixed = time.Date(2026, 11, 22, 9, 0, 0, 0, time.UTC)

// A typed answer is quoted as the language quotes ("x" in English, «x» in Spanish), with
// what strconv.Quote escapes escaped in both: English is strconv.Quote byte for byte.
func TestQuote(t *testing.T) {
	for _, s := range []string{"", "purple", `say "hi"`, "a\x1b[2Jb", "año\\"} {
		assert.Equal(t, strconv.Quote(s), Quote(nil, s), "English: %q", s)
		assert.Equal(t, strconv.Quote(s), Quote(words.For("en"), s), "English: %q", s)
	}
	es := words.For("es")
	assert.Equal(t, "«purple»", Quote(es, "purple"))
	assert.Equal(t, `«say "hi"»`, Quote(es, `say "hi"`), "a quote needs no escape between « and »")
	assert.Equal(t, `«a\x1b[2Jb»`, Quote(es, "a\x1b[2Jb"), "a control character typed is escaped, not sent to the terminal")
}
