package render

import (
	"bytes"
	"html"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/candor-app/candor/questionnaire"
	"github.com/candor-app/candor/words"
)

// The counselor's reports in Spanish (docs/spec.md §4): every fixed word of compare and
// history comes from the catalogue, so a Spanish report holds no English word but the
// bank's and the names.

// englishWords are common English words that no Spanish report or summary of candor's says.
var englishWords = []string{"the", "your", "you", "and", "of", "to", "by", "on", "is", "are", "not", "yet", "this", "with",
	"from", "answer", "answers", "answered", "question", "questions", "score", "scores", "since", "response", "safety", "summary"}

var (
	esStyleRE = regexp.MustCompile(`(?s)<style>.*?</style>`)
	esTagRE   = regexp.MustCompile(`<[^>]*>`)
	esWordRE  = regexp.MustCompile(`[\p{L}']+`)
)

// bankTexts are the words bank b gives a report: its title, questions, labels, flags and
// outcomes.
func bankTexts(b *questionnaire.Bank) []string {
	out := []string{b.Title}
	for _, q := range b.Questions {
		out = append(out, q.Text)
		for _, l := range q.Labels {
			out = append(out, l)
		}
		for _, o := range q.Options {
			out = append(out, o.Label)
		}
	}
	for _, s := range b.Scores {
		out = append(out, s.Label)
		for _, band := range s.Bands {
			out = append(out, band.Label)
		}
	}
	for _, f := range b.Flags {
		out = append(out, f.Title, f.Text)
	}
	for _, o := range b.Outcomes {
		out = append(out, o.Title, o.Text)
	}
	return out
}

// englishIn lists the English words of report out, leaving out the bank's words and the
// names (and, in HTML, the tags and the style sheet).
func englishIn(out string, b *questionnaire.Bank, names ...string) []string {
	out = html.UnescapeString(esTagRE.ReplaceAllString(esStyleRE.ReplaceAllString(out, " "), " "))
	out = strings.Join(strings.Fields(out), " ")
	for _, s := range append(bankTexts(b), names...) {
		if s = strings.Join(strings.Fields(s), " "); s != "" {
			out = strings.ReplaceAll(out, s, " ")
		}
	}
	var found []string
	for _, w := range esWordRE.FindAllString(out, -1) {
		for _, e := range englishWords {
			if strings.EqualFold(strings.TrimSuffix(w, "'s"), e) {
				found = append(found, w)
			}
		}
	}
	return found
}

// assertSays checks that report out says each of want, whatever its line breaks and, in
// HTML, its escapes.
func assertSays(t *testing.T, out string, want ...string) {
	t.Helper()
	flat := html.UnescapeString(strings.Join(strings.Fields(out), " "))
	for _, w := range want {
		assert.Contains(t, flat, w)
	}
}

func TestEnglishInFindsEnglish(t *testing.T) {
	b := loadBank(t, "outcome-measure-es.yaml")
	assert.Equal(t, []string{"Your", "answer"}, englishIn("<p>Your answer: Sam</p>", b, "Sam"))
	assert.Empty(t, englishIn("<p>Esta semana me preocupé. Sam's</p>", b, "Sam's"), "the bank's words and the names are left out")
}

func TestCompareInSpanish(t *testing.T) {
	b := loadBank(t, "session-check").In("es")
	require.Equal(t, "es", b.Language)
	es := words.For("es")
	rate := func(name string, safe bool, v float64, skip ...string) CompareSide {
		answers := map[string]any{"feel_safe": safe, "heard": v, "goals": v, "approach": v, "overall": v}
		for _, id := range skip {
			delete(answers, id)
		}
		return compareSide(t, b, name, answers)
	}
	tests := []struct {
		name string
		a, b func() CompareSide
		want []string
	}{
		{"es-split", func() CompareSide {
			s := rate("Sam", true, 8)
			s.Previous = rate("Sam", true, 8).Result
			return s
		}, func() CompareSide {
			s := rate("Alex", true, 5)
			s.Previous = rate("Alex", true, 8).Result
			return s
		}, []string{"Alianza dividida: la valoración de Alex bajó 3 desde su valoración anterior (de 8 a 5), por debajo del nivel de alerta del cuestionario (7)", "Vale la pena preguntar"}},
		{"es-unsafe", func() CompareSide { return rate("Sam", true, 6, "approach") }, func() CompareSide { return rate("Alex", false, 9) },
			[]string{"Solo para el consejero: esta comparación muestra lo que cada persona", "Alex está 3 por encima"}},
	}
	for _, tt := range tests {
		for _, f := range []string{"text", "html"} {
			t.Run(tt.name+"/"+f, func(t *testing.T) {
				var buf bytes.Buffer
				require.NoError(t, Compare(&buf, b, tt.a(), tt.b(), CompareOptions{Format: f, Width: 80, Words: es}))
				out := buf.String()
				golden(t, "compare/"+tt.name+"."+map[string]string{"text": "txt", "html": "html"}[f], out)
				assertSays(t, out, tt.want...)
				assert.Empty(t, englishIn(out, b, "Sam", "Alex"), "English words in the Spanish comparison")
				if f == "html" {
					assert.Contains(t, out, `<html lang="es">`, "the page is in the bank's language")
				}
			})
		}
	}
}

func TestHistoryInSpanish(t *testing.T) {
	b, entries := outcomeWeeksOf(t, "outcome-measure-es.yaml")
	require.Equal(t, "es", b.Language)
	// Week 5 was answered not safe: left out of the bars and the change; week 9 raises the
	// trust alert; distress changes reliably.
	for _, f := range []string{"text", "markdown", "html"} {
		t.Run(f, func(t *testing.T) {
			var buf bytes.Buffer
			require.NoError(t, History(&buf, b, entries, HistoryOptions{Format: f, Width: 80, Words: words.For("es")}))
			out := buf.String()
			golden(t, "history/es-outcome-measure."+map[string]string{"text": "txt", "markdown": "md", "html": "html"}[f], out)
			assertSays(t, out,
				"12 respuestas, de la más antigua a la más reciente",
				"Para el consejero: Confianza bajó 2 desde la respuesta anterior (de 5,5 a 3,5), lo que alcanza el cambio de alerta del cuestionario (1,5).",
				"Empeoramiento fiable desde la respuesta anterior",
				"Cambio fiable (Jacobson y Truax)")
			assert.Empty(t, englishIn(out, b), "English words in the Spanish history")
		})
	}
}

// Two people, two questionnaires, in Spanish: the counselor's note, the aligned scores and the
// statements the two see most differently, before each person's summary.
func TestCompareBanksInSpanish(t *testing.T) {
	sam, alex := seenDifferently(t, "es")
	var buf bytes.Buffer
	require.NoError(t, CompareBanks(&buf, sam, alex, CompareOptions{Format: "text", Width: 80, Words: words.For("es")}))
	out := buf.String()
	golden(t, "compare/es-seen-differently.txt", out)
	end := strings.Index(out, "Resumen de Sam")
	require.Positive(t, end, "each summary under its heading")
	head := out[:end]
	assertSays(t, head,
		"Solo para el consejero: esta comparación muestra lo que cada persona",
		"Dos personas, dos cuestionarios",
		"Donde los dos lo ven de forma más distinta",
		"4 pasos de distancia: la respuesta de Alex está más cerca de lo que ayuda.")
	var texts []string
	for _, b := range []*questionnaire.Bank{sam.Bank, alex.Bank} {
		texts = append(texts, bankTexts(b)...)
	}
	assert.Empty(t, englishIn(head, &questionnaire.Bank{}, append(texts, "Sam", "Alex")...), "English words before the summaries")
}
