package questionnaire

import (
	"math"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// ParseValue reads answers as a person types them (strings) or a program gives them (Go
// values), and refuses what does not fit, naming the question.
func TestParseValue(t *testing.T) {
	b := respLoadBank(t, respBank)
	cases := []struct {
		q    string
		in   any
		want any
		err  string
	}{
		{"safe", "y", true, ""},
		{"safe", " NO ", false, ""},
		{"safe", true, true, ""},
		{"safe", "yep", true, ""},
		{"safe", "No.", false, ""},
		{"safe", "yes please", nil, `"safe" takes yes or no, not "yes please"`},
		{"safe", 1, nil, `"safe" takes yes or no, not 1`},
		{"level", 2, 2.0, ""},
		{"level", int64(3), 3.0, ""},
		{"level", " 1 ", 1.0, ""},
		{"level", "three", 3.0, ""},
		{"level", 4.0, nil, `"level" has no option 4`},
		{"how_often", "NEVER", "never", ""},
		{"how_often", "sometimes", "sometimes", ""},
		{"how_often", 1.0, nil, `"how_often" has no option 1`},
		{"helps", []any{"talk", "Resting"}, []any{"talk", "rest"}, ""},
		{"helps", "walk", []any{"walk"}, ""},
		{"helps", []any{"talk", "talk"}, nil, `option "talk" is chosen twice`},
		{"hope", "3", 3.0, ""},
		{"hope", "not at all", 1.0, ""},
		{"hope", 5, 5.0, ""},
		{"hope", 3.5, nil, `"hope" takes a whole number from 1 to 5, not 3.5`},
		{"hope", true, nil, `"hope" takes a number, not true`},
		{"hope", math.Inf(1), nil, `"hope" takes a number`},
		{"hours", "0.5", 0.5, ""},
		{"hours", -1.0, nil, `-1 is outside the range of "hours" (0 to 24)`},
		{"hours", math.NaN(), nil, `"hours" takes a number`},
		{"note", "hello", "hello", ""},
		{"note", 3.0, "3", ""},
		{"note", false, "false", ""},
		{"note", strings.Repeat("é", MaxTextAnswer), strings.Repeat("é", MaxTextAnswer), ""},
		{"note", strings.Repeat("é", MaxTextAnswer+1), nil, "longer than 10000 characters"},
		{"note", []any{"a"}, nil, `"note" takes a line of text`},
	}
	for _, c := range cases {
		q := b.Question(c.q)
		require.NotNil(t, q, c.q)
		got, err := q.ParseValue(c.in)
		if c.err != "" {
			require.Error(t, err, "%s = %v", c.q, c.in)
			assert.Contains(t, err.Error(), c.err)
			assert.Nil(t, got)
			continue
		}
		require.NoError(t, err, "%s = %v", c.q, c.in)
		assert.Equal(t, c.want, got, "%s = %v", c.q, c.in)
	}
}

func TestParseYesNo(t *testing.T) {
	for _, s := range []string{"y", "Y", "yes", "YES", " yes ", "true", "True", "yeah", "Yep", "yes.", "Yes!", "yeah..", "YUP", "sí", "Sí", "SÍ", "si", "Sí."} {
		v, ok := ParseYesNo(s)
		assert.True(t, ok && v, s)
	}
	for _, s := range []string{"n", "N", "no", "No", "false", "FALSE", "nope", "Nah", "no.", "No!", "n."} {
		v, ok := ParseYesNo(s)
		assert.True(t, ok && !v, s)
	}
	for _, s := range []string{"", "maybe", "1", "0", "yess", "oui", ".", "yes no", "not", "-no", "sii", "no sé", "s"} {
		_, ok := ParseYesNo(s)
		assert.False(t, ok, s)
	}
}

// Allowed says what a question takes; it is the hint of every invalid-answer error.
func TestAllowed(t *testing.T) {
	b := respLoadBank(t, respBank)
	want := map[string]string{
		"safe":      "answer yes or no",
		"level":     "one of: 1 (One), 2 (Two), 3 (Three)",
		"how_often": "one of: never (Never), sometimes (Sometimes), often (Often)",
		"helps":     "any of: talk (Talking), walk (Walking), rest (Resting)",
		"hope":      "a whole number from 1 to 5",
		"hours":     "a number, 0 to 24",
		"note":      "a line of text",
	}
	for id, w := range want {
		assert.Equal(t, w, b.Question(id).Allowed(), id)
	}
}

// ItemScore gives the item score of a normalized answer; anything else is no score.
func TestItemScore(t *testing.T) {
	b := respLoadBank(t, respBank)
	cases := []struct {
		q      string
		answer any
		want   float64
		ok     bool
	}{
		{"safe", true, 1, true},
		{"safe", false, 0, true},
		{"safe", "yes", 0, false}, // not normalized
		{"level", 3.0, 3, true},
		{"level", 9.0, 0, false}, // no such option
		{"how_often", "often", 2, true},
		{"helps", []any{"talk", "walk", "rest"}, 3, true},
		{"helps", []any{}, 0, true},
		{"hope", 4.0, 4, true},
		{"hours", 7.5, 7.5, true},
		{"note", "text", 0, false}, // text has no score
		{"hope", nil, 0, false},
	}
	for _, c := range cases {
		got, ok := b.Question(c.q).ItemScore(c.answer)
		assert.Equal(t, c.ok, ok, "%s = %v", c.q, c.answer)
		assert.Equal(t, c.want, got, "%s = %v", c.q, c.answer)
	}
}

// A plain yes or no answers a choice whose options read "Yes" and "No" (a "Yes / Not sure yet
// / No" question), typed or given as true/false, but only when one option reads so.
func TestYesNoPicksAYesNoOption(t *testing.T) {
	b := respLoadBank(t, `candor: 1
id: yes-no-options
version: 1.0.0
title: Yes and no options
questions:
  - id: ready
    text: "Ready?"
    choices: [{value: 2, label: "Yes"}, {value: 1, label: Not sure yet}, {value: 0, label: "No"}]
  - id: mostly
    text: "Mostly?"
    choices: [{value: yes_mostly, label: "Yes, mostly", score: 2}, {value: nope, label: "No — not at all", score: 0}]
  - id: two_yeses
    text: "Which?"
    choices: [{value: a, label: "Yes, now", score: 1}, {value: b, label: "Yes, later", score: 1}, {value: c, label: "No", score: 0}]
  - id: words
    text: "Which word?"
    choices: [{value: a, label: Yesterday, score: 1}, {value: b, label: Nothing, score: 0}, {value: c, label: Notyet, score: 0}]
  - id: own_y
    text: "Which letter?"
    choices: [{value: y, label: Why, score: 1}, {value: x, label: "Yes", score: 0}]
`)
	cases := []struct {
		q    string
		in   any
		want any
	}{
		{"ready", "y", 2.0},
		{"ready", "YES", 2.0},
		{"ready", " n ", 0.0},
		{"ready", "no", 0.0},
		{"ready", true, 2.0},
		{"ready", false, 0.0},
		{"ready", "Not sure yet", 1.0},
		{"ready", "2", 2.0},
		{"mostly", "yes", "yes_mostly"},
		{"mostly", "n", "nope"},
		{"two_yeses", "n", "c"},
		{"two_yeses", "y", nil}, // two options read "Yes ...": ambiguous
		{"words", "yes", nil},   // "Yesterday" is not the word "Yes"
		{"words", "no", nil},    // nor "Nothing" or "Notyet" the word "No"
		{"own_y", "y", "y"},     // an option whose value is y is matched first
		{"own_y", "yes", "x"},   // the label "Yes" is matched as a label
		{"own_y", "n", nil},     // no option reads "No"
	}
	for _, c := range cases {
		q := b.Question(c.q)
		got, err := q.ParseValue(c.in)
		if c.want == nil {
			assert.Error(t, err, "%s = %v", c.q, c.in)
			continue
		}
		require.NoError(t, err, "%s = %v", c.q, c.in)
		assert.Equal(t, c.want, got, "%s = %v", c.q, c.in)
	}
}

// TestNaturalWordsNameOneOption: the words people use for an option's label pick it when
// they name one option only: "not sure" or "unsure" for "Not sure yet", "neither" for
// "Neither agree nor disagree", "not at all" for a scale point "Not at all true this week";
// words that start two labels, or only "not", pick none (issue 24).
func TestNaturalWordsNameOneOption(t *testing.T) {
	b := respLoadBank(t, `candor: 1
id: natural
version: 1.0.0
title: Natural words
choices:
  agree5:
    - {value: 1, label: Strongly disagree}
    - {value: 2, label: Disagree}
    - {value: 3, label: Neither agree nor disagree}
    - {value: 4, label: Agree}
    - {value: 5, label: Strongly agree}
questions:
  - id: ready
    text: "Ready?"
    choices: [{value: "yes", label: "Yes"}, {value: unsure, label: Not sure yet}, {value: "no", label: "No"}]
  - {id: agree, text: "Agree?", choices: agree5}
  - id: week
    type: scale
    min: 1
    max: 7
    text: "This week?"
    labels: {1: Not at all true this week, 4: Partly true, 7: Completely true this week}
`)
	cases := []struct {
		q, in string
		want  any
	}{
		{"ready", "not sure", "unsure"},
		{"ready", "Not sure.", "unsure"},
		{"ready", "unsure", "unsure"},
		{"ready", "I don't know", "unsure"},
		{"ready", "not", nil},
		{"agree", "neither", 3.0},
		{"agree", "Neutral", 3.0},
		{"agree", "strongly", nil},
		{"agree", "agree", 4.0},
		{"week", "not at all", 1.0},
		{"week", "completely", 7.0},
		{"week", "partly", 4.0},
		{"week", "true", nil},
	}
	for _, c := range cases {
		for _, numbered := range []bool{true, false} {
			got, err := b.Question(c.q).ParseText(c.in, numbered)
			if c.want == nil {
				assert.Error(t, err, "%s %q", c.q, c.in)
				continue
			}
			require.NoError(t, err, "%s %q", c.q, c.in)
			assert.Equal(t, c.want, got, "%s %q", c.q, c.in)
		}
	}
}

// A bank's translation is answered in its own words, and the English ones keep working: sí
// and yes pick "Sí", "no sé" and "not sure" the option that says it does not know yet, and an
// option's label in Spanish picks it.
func TestParseTextSpanish(t *testing.T) {
	b := respLoadBank(t, `candor: 1
id: es
version: 1.0.0
title: Prueba
language: es
questions:
  - id: ready
    text: ¿Quieres volver a confiar?
    choices: [{value: 2, label: "Sí"}, {value: 1, label: Todavía no lo sé}, {value: 0, label: "No"}]
  - {id: safe, text: "¿Te sientes segura o seguro?", type: yesno}
  - id: often
    text: ¿Con qué frecuencia?
    choices: [{value: 0, label: Nunca}, {value: 1, label: A veces}, {value: 2, label: Siempre}]
`)
	for _, c := range []struct {
		q, in string
		want  any
	}{
		{"ready", "sí", 2.0}, {"ready", "Si", 2.0}, {"ready", "yes", 2.0}, {"ready", "y", 2.0},
		{"ready", "no", 0.0}, {"ready", "n", 0.0},
		{"ready", "no sé", 1.0}, {"ready", "No lo sé.", 1.0}, {"ready", "no estoy segura", 1.0},
		{"ready", "not sure", 1.0}, {"ready", "unsure", 1.0}, {"ready", "todavía no lo sé", 1.0},
		{"safe", "sí", true}, {"safe", "SI", true}, {"safe", "yes", true}, {"safe", "no", false},
		{"often", "a veces", 1.0}, {"often", "Siempre", 2.0}, {"often", "nunca", 0.0}, {"often", "1", 1.0},
	} {
		got, err := b.Question(c.q).ParseText(c.in, true)
		require.NoError(t, err, "%s: %q", c.q, c.in)
		assert.Equal(t, c.want, got, "%s: %q", c.q, c.in)
	}
	for _, in := range []string{"quizás", "tal vez", "no sé", "a veces"} {
		assert.True(t, Uncertain(in), in)
	}
	_, err := b.Question("often").ParseText("sí", true)
	assert.Error(t, err, "no option of Nunca / A veces / Siempre is a yes")
	for _, in := range []string{"Prefiero no responder", "prefiero no decirlo."} {
		assert.True(t, DeclineText(in), in)
	}
}
