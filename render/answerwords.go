package render

import (
	"strings"

	"github.com/candor-app/candor/questionnaire"
	"github.com/candor-app/candor/scoring"
	"github.com/candor-app/candor/words"
)

// AnswerWords is answer v to q as a person reads it, in p's language: yes and no, "none of
// these", numbers and dates as the language writes them ("2,5", "4 (De acuerdo)", "1 oct
// 2026"), a choice by its label (the bank's words, in the language the bank is shown in). The
// one place candor says an answer to a person: summaries, reports, take's review and the
// page's. JSON keeps q.AnswerText's words, for programs.
func AnswerWords(p *words.Printer, q *questionnaire.Question, v any) string {
	s := q.AnswerText(v)
	switch q.Type {
	case questionnaire.YesNo:
		if b, ok := v.(bool); ok && b {
			return p.T("Yes")
		} else if ok {
			return p.T("No")
		}
	case questionnaire.Multi:
		if l, ok := v.([]any); ok && len(l) == 0 {
			return p.T("none of these")
		}
	case questionnaire.Scale, questionnaire.Number:
		if f, ok := v.(float64); ok {
			n := questionnaire.FormatNumber(f)
			if rest, ok := strings.CutPrefix(s, n); ok {
				return p.Decimal(n) + rest // the label after the number is the bank's, kept
			}
		}
	case questionnaire.Date:
		if d, ok := v.(string); ok {
			if t, err := questionnaire.ParseDate(d); err == nil {
				return p.Date(t)
			}
		}
	case questionnaire.Choice, questionnaire.Text, questionnaire.Info:
		// the bank's own words (listed for the exhaustive check)
	}
	return s
}

// Number is a number as a person reads it in p's language ("2.5", "2,5"), written as
// questionnaire.FormatNumber writes it for programs.
func Number(p *words.Printer, f float64) string {
	return p.Decimal(questionnaire.FormatNumber(f))
}

// shownAnswer is an answer scoring said (a warning sign's, a highlight's) in p's words: q's
// answer v as AnswerWords says it, or said (scoring's words) where q is not known.
func shownAnswer(p *words.Printer, q *questionnaire.Question, v any, said string) string {
	if q == nil {
		return said
	}
	return AnswerWords(p, q, v)
}

// itemOf is the item of score s with id, or nil.
func itemOf(s scoring.ScoreResult, id string) *questionnaire.Question {
	if s.Score == nil {
		return nil
	}
	for _, q := range s.Score.Items {
		if q.ID == id {
			return q
		}
	}
	return nil
}
