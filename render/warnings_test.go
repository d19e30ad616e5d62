package render

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/candor-app/candor/questionnaire"
	"github.com/candor-app/candor/scoring"
	"github.com/candor-app/candor/words"
)

// TestWarningText: scoring gives a warning's code and data; render says it in words, the
// words docs/spec.md §1-§3 quote, and in Spanish for a reader of Spanish (a warning read
// from the file keeps the words of its diagnostic).
func TestWarningText(t *testing.T) {
	b := loadTestBank(t, `candor: 1
id: w
version: 1.0.0
title: W
questions:
  - {id: feel_safe, type: yesno, text: "  Do you feel safe?  "}
`)
	claim := func(claimed, status questionnaire.Status, untouched bool, missing ...string) scoring.Warning {
		return scoring.Warning{Code: scoring.StatusClaim, Claimed: claimed, Status: status, Untouched: untouched, Missing: missing}
	}
	cases := []struct {
		name string
		bank *questionnaire.Bank
		w    scoring.Warning
		want string
		es   string
	}{
		{"safety question", b, scoring.Warning{Code: scoring.SafetyUnanswered, ID: "feel_safe"},
			`The safety question "Do you feel safe?" (feel_safe) has no answer; ask about it before anything else.`,
			`La pregunta de seguridad «Do you feel safe?» (feel_safe) no tiene respuesta; hay que preguntar por ella antes que nada.`},
		{"safety question, no bank", nil, scoring.Warning{Code: scoring.SafetyUnanswered, ID: "feel_safe"},
			`The safety question "feel_safe" has no answer; ask about it before anything else.`,
			`La pregunta de seguridad "feel_safe" no tiene respuesta; hay que preguntar por ella antes que nada.`},
		{"too costly", b, scoring.Warning{Code: scoring.TooCostly, What: "flag", ID: "low"},
			"the `when` of flag \"low\" takes more work to decide than candor allows, so it was taken as not holding",
			"decidir la condición `when` de la alerta \"low\" lleva más trabajo del que candor permite, así que se tomó como no cumplida"},
		{"status: two required missing", b, claim("completed", "in-progress", true, "together", "hope"),
			`the response file says it is completed, but required questions "together" and "hope" have no answer; it is taken as in progress`,
			`el archivo de respuestas dice que su estado es completed, pero las preguntas obligatorias "together" y "hope" no tienen respuesta; se toma como en curso`},
		{"status: three required missing", b, claim("completed", "in-progress", false, "a", "b", "c"),
			`the response file says it is completed, but required questions "a", "b" and "c" have no answer; it is taken as in progress`,
			`el archivo de respuestas dice que su estado es completed, pero las preguntas obligatorias "a", "b" y "c" no tienen respuesta; se toma como en curso`},
		{"status: one required missing", b, claim("completed", "in-progress", false, "hope"),
			`the response file says it is completed, but required question "hope" has no answer; it is taken as in progress`,
			`el archivo de respuestas dice que su estado es completed, pero la pregunta obligatoria "hope" no tiene respuesta; se toma como en curso`},
		{"status: nothing answered", b, claim("completed", "in-progress", true),
			"the response file says it is completed, but it holds no answer; it is taken as in progress",
			"el archivo de respuestas dice que su estado es completed, pero no contiene ninguna respuesta; se toma como en curso"},
		{"status: every required answered", b, claim("in-progress", "completed", false),
			"the response file says it is in-progress, but every required question asked has an answer; it is taken as completed",
			"el archivo de respuestas dice que su estado es in-progress, pero todas las preguntas obligatorias que se hicieron tienen respuesta; se toma como completado"},
		{"from the file", b, scoring.Warning{Code: scoring.FromFile, Text: "bank \"w\" has changed"}, `bank "w" has changed`, `bank "w" has changed`},
		{"unknown code, no words", b, scoring.Warning{Code: "new-kind"}, "new-kind", "new-kind"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			assert.Equal(t, c.want, WarningText(nil, c.bank, c.w))
			assert.Equal(t, c.es, WarningText(words.For("es"), c.bank, c.w))
		})
	}
}

// TestWorded: the words go on a copy; the result scoring gave keeps its codes alone.
func TestWorded(t *testing.T) {
	r := &scoring.Result{Warnings: []scoring.Warning{
		{Code: scoring.TooCostly, What: "outcome", ID: "ready"},
		{Code: scoring.FromFile, Text: "as read"},
	}}
	got := Worded(nil, nil, r)
	assert.Equal(t, "the `when` of outcome \"ready\" takes more work to decide than candor allows, so it was taken as not holding", got.Warnings[0].Text)
	assert.Equal(t, "as read", got.Warnings[1].Text)
	assert.Empty(t, r.Warnings[0].Text, "the result given is not changed")
}
