package render

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/candor-app/candor/questionnaire"
	"github.com/candor-app/candor/scoring"
	"github.com/candor-app/candor/words"
)

// spanishCase is a built-in bank's Spanish sibling with answers the bank's own worked
// example gives (ids and values are the same in every language), changed by change.
type spanishCase struct {
	name, bank, test string
	change           []any
	counselor        bool
}

// spanishCases are the summaries a reader of Spanish gets in each kind of situation: not
// safe, a warning sign, a safety question left open, ready (or steady), and unfinished.
var spanishCases = []spanishCase{
	{name: "trust-readiness-ready", bank: "trust-readiness", test: "safe and three yeses mean ready"},
	{name: "trust-readiness-unsafe", bank: "trust-readiness", test: "not feeling safe comes first even with three yeses"},
	{name: "trust-readiness-safety-open", bank: "trust-readiness", test: "three yeses without the safety answer is not ready"},
	{name: "trust-readiness-safety-open-counselor", bank: "trust-readiness", test: "three yeses without the safety answer is not ready", counselor: true},
	{name: "trust-readiness-in-progress", bank: "trust-readiness", test: "unanswered readiness questions give no score and the fallback"},
	{name: "accountability-steady", bank: "accountability", test: "every step in place and safe"},
	{name: "accountability-warning-sign", bank: "accountability", test: "every step in place and safe", change: []any{"blamed_partner", 4.0}},
	{name: "accountability-unsafe", bank: "accountability", test: "not feeling safe comes first"},
	{name: "accountability-safety-open", bank: "accountability", test: "every step in place without the safety answers is not steady"},
	{name: "accountability-prorated", bank: "accountability", test: "one unanswered item is prorated"},
	{name: "repair-or-release-repair", bank: "repair-or-release", test: "all yes and safe leans toward repair"},
	{name: "repair-or-release-unsafe", bank: "repair-or-release", test: "not feeling safe comes first even when all else is yes"},
	{name: "what-trust-is-checking", bank: "what-trust-is", test: "checking seen as part of trust"},
	{name: "what-trust-is-afraid", bank: "what-trust-is", test: "being afraid to refuse comes first, and being checked on is named as control"},
	{name: "partner-view-mixed", bank: "partner-view", test: "a mixed view"},
	{name: "weekly-trust-hard", bank: "weekly-trust", test: "a hard week with a hurtful surprise"},
}

// run scores the case with the bank's Spanish sibling.
func (c spanishCase) run(t *testing.T) (*questionnaire.Bank, *scoring.Result, Options) {
	t.Helper()
	en := loadBank(t, c.bank)
	b := en.In("es")
	require.Equal(t, "es", b.Language, "%s has a Spanish sibling (data/banks/es)", c.bank)
	r := scoring.Score(b, with(bankTest(t, en, c.test), c.change...), scoring.Options{})
	opt := Options{Words: words.For("es"), Date: fixedDate, Respondent: "Sam"}
	if c.counselor {
		opt.Counselor, opt.Source = true, "respuestas/sam.yaml"
	} else {
		opt.SavedTo = "/home/sam/.local/share/candor/" + b.ID + "-20261122-090410.yaml"
	}
	return b, r, opt
}

// TestSummarySpanish: the summaries of the Spanish banks, in Spanish, as text and HTML.
func TestSummarySpanish(t *testing.T) {
	for _, c := range spanishCases {
		t.Run(c.name, func(t *testing.T) {
			b, r, opt := c.run(t)
			for _, format := range []string{"text", "html"} {
				opt.Format = format
				var buf bytes.Buffer
				require.NoError(t, Summary(&buf, b, r, opt))
				ext := map[string]string{"text": ".txt", "html": ".html"}[format]
				if format == "text" {
					checkText(t, buf.String(), opt)
				} else {
					assert.Contains(t, buf.String(), `<html lang="es">`)
				}
				golden(t, filepath.Join("summary", "es", c.name+ext), buf.String())
			}
		})
	}
}

// TestSpanishSummaryHasNoEnglish: a summary of a Spanish bank in Spanish, in every format but
// JSON, holds no English word of candor's (englishIn: outside the bank's words, its sources'
// titles of works in English, the name and the file's name). A summary in English of the same
// answers does, which is what makes the test able to fail.
func TestSpanishSummaryHasNoEnglish(t *testing.T) {
	for _, c := range spanishCases {
		t.Run(c.name, func(t *testing.T) {
			b, r, opt := c.run(t)
			names := []string{opt.Respondent, opt.SavedTo, opt.Source}
			for _, s := range b.Sources {
				names = append(names, s.Title, MarkdownEscape(s.Title), s.Author, MarkdownEscape(s.Author), s.URL)
			}
			for _, format := range []string{"text", "markdown", "html"} {
				for _, p := range []*words.Printer{words.For("es"), nil} {
					opt.Format, opt.Words = format, p
					var buf bytes.Buffer
					require.NoError(t, Summary(&buf, b, r, opt))
					assert.NotContains(t, buf.String(), "%!", "%s: every message's arguments are used, each as its verb says", format)
					found := englishIn(buf.String(), b, names...)
					if p == nil {
						assert.NotEmpty(t, found, "%s: the English summary has English words", format)
						continue
					}
					assert.Empty(t, found, "%s:\n%s", format, buf.String())
				}
			}
		})
	}
}

// TestSpanishNumbersAndDates: numbers in candor's sentences and a score's value are written
// as Spanish writes them, the date too; the English summary of the same answers keeps its
// own.
func TestSpanishNumbersAndDates(t *testing.T) {
	b := loadBank(t, "mixed-methods.yaml")
	r := scoring.Score(b, questionnaire.Answers{"a": 4.0, "b": 3.0, "c": -2.0, "d": 12.5}, scoring.Options{})
	var es, en bytes.Buffer
	require.NoError(t, Summary(&es, b, r, Options{Words: words.For("es"), Date: fixedDate}))
	require.NoError(t, Summary(&en, b, r, Options{Date: fixedDate}))
	assert.Contains(t, en.String(), "Answered on 22 November 2026.")
	assert.Contains(t, es.String(), "Respuestas del 22 de noviembre de 2026.")
	for _, s := range r.Scores {
		if s.Value == nil || questionnaire.FormatNumber(*s.Value) == strings.ReplaceAll(questionnaire.FormatNumber(*s.Value), ".", ",") {
			continue
		}
		assert.Contains(t, en.String(), formatValue(nil, s), s.ID)
		assert.Contains(t, es.String(), strings.ReplaceAll(formatValue(nil, s), ".", ","), s.ID)
	}
}

// TestSpanishJSONWarnings: JSON keeps its data as it is, but its warnings are sentences for
// the counselor and follow the language (docs/spec.md §3); a number stays a number.
func TestSpanishJSONWarnings(t *testing.T) {
	c := spanishCases[3]
	require.True(t, c.counselor)
	b, r, opt := c.run(t)
	opt.Format = "json"
	var es, en bytes.Buffer
	require.NoError(t, Summary(&es, b, r, opt))
	opt.Words = nil
	require.NoError(t, Summary(&en, b, r, opt))
	assert.Contains(t, es.String(), `"La pregunta de seguridad «¿Te sientes a salvo`)
	assert.Contains(t, en.String(), `"The safety question \"¿Te sientes a salvo`)
	assert.Equal(t, strings.Count(en.String(), "\n"), strings.Count(es.String(), "\n"), "the same data, line for line")
	assert.Contains(t, es.String(), `"value": 3`)
}
