package questionnaire

import (
	"fmt"
	"slices"
	"strings"
	"unicode"

	"github.com/candor-app/candor/internal/yamlpos"
)

// DeclinedWord is how an answers file (`take --answers`) or a table cell writes "I'd rather
// not answer" to a question that allows it (`decline: true`); a response file lists such
// questions under `declined` instead (docs/spec.md §2).
const DeclinedWord = "declined"

// declineWords are what DeclineText accepts, as normalized by wordsKey: the words a
// person types at the prompt, DeclinedWord and FHIR's `asked-declined`. None is a skip word
// (`s`) or an uncertain one ("not sure"), and none is a yes/no word.
var declineWords = []string{
	DeclinedWord, "decline", "asked declined",
	"rather not say", "rather not answer", "id rather not say", "id rather not answer",
	"i would rather not say", "i would rather not answer",
	"prefer not to say", "prefer not to answer", "i prefer not to say", "i prefer not to answer",
	// Spanish (a bank's translation)
	"prefiero no responder", "prefiero no contestar", "prefiero no decirlo", "prefiero no decir",
}

// apostrophes are dropped from typed words before they are compared.
var apostrophes = strings.NewReplacer("'", "", "’", "")

// wordsKey lowers s, drops apostrophes and turns everything but letters into single
// spaces: "I'd rather not say." is "id rather not say". Typed words are compared so
// (DeclineText, hasWords).
func wordsKey(s string) string {
	s = apostrophes.Replace(strings.ToLower(s))
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) }), " ")
}

// DeclineText reports whether s says "I'd rather not answer": `declined`, `decline`,
// `rather not say`, `prefer not to say`, `asked-declined` and the like, in any case, with
// any punctuation. Only a question that allows declining (Question.Declines) reads it so.
func DeclineText(s string) bool {
	if len(s) > 40 {
		return false
	}
	return slices.Contains(declineWords, wordsKey(s))
}

// Declines reports whether the text s declines question q: q allows declining and s says so
// (DeclineText). It is checked before s is read as an answer, as a skip is.
func (q *Question) Declines(s string) bool { return q.Decline && DeclineText(s) }

// AllowsDecline reports whether some question of b may be declined.
func (b *Bank) AllowsDecline() bool {
	for _, q := range b.Questions {
		if q.Decline {
			return true
		}
	}
	return false
}

// declineShape warns of an option of a question that may be declined whose label or value
// reads as declining ("Prefer not to say"): those words decline the question, so the option
// could be picked only by its number.
func (l *loader) declineShape(q *Question, qm map[string]yamlpos.Entry) {
	if !q.Decline {
		return
	}
	for _, o := range q.Options {
		v, _ := o.Value.(string)
		if DeclineText(o.Label) || DeclineText(v) {
			at := q.Pos
			if e, ok := qm["decline"]; ok {
				at = l.pos(e.Key)
			}
			l.warnf(at, "drop the option: declining already offers \"rather not say\"; or set `decline: false` on the question",
				"option %s of question %q says the same as declining, so typing it declines the question", fmt.Sprintf("%q", o.Label), q.ID)
			return
		}
	}
}
