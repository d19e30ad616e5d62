package render

import (
	"fmt"
	"io"
	"strings"

	"github.com/candor-app/candor/internal/text"
	"github.com/candor-app/candor/questionnaire"
	"github.com/candor-app/candor/scoring"
	"github.com/candor-app/candor/words"
)

// Item-level answers (`candor score --items`): every question of the bank with the answer
// given, for the counselor. In CSV they are wide, one column a question, so that R, SPSS or a
// spreadsheet reads one row a respondent; the cells are the answers' stored values (yes/no,
// option values, numbers, text, several choices joined by ";"), which `candor score --bank
// BANK TABLE.csv` reads back.

// Item is one question and its answer, in JSON.
type Item struct {
	ID     string `json:"id"`
	Number int    `json:"number"`
	Text   string `json:"text"`
	// Asked is false for a question whose condition did not hold.
	Asked bool `json:"asked"`
	// Answer is the stored value (null when unanswered); AnswerText says it in words.
	Answer     any    `json:"answer"`
	AnswerText string `json:"answer_text"`
}

// Items lists every question of b that takes an answer, with its answer in answers.
func Items(b *questionnaire.Bank, answers questionnaire.Answers, r *scoring.Result) []Item {
	asked := askedSet(r)
	var out []Item
	for _, q := range b.Questions {
		if !q.Answerable() {
			continue
		}
		it := Item{ID: q.ID, Number: q.Number, Text: strings.TrimSpace(q.Text), Asked: asked[q.ID], Answer: answers[q.ID]}
		if v := answers[q.ID]; v != nil {
			it.AnswerText = q.AnswerText(v)
		}
		out = append(out, it)
	}
	return out
}

// CSVItemHeader is the question ids of b that take an answer, as item columns.
func CSVItemHeader(b *questionnaire.Bank) []string {
	var h []string
	for _, q := range b.Questions {
		if q.Answerable() {
			h = append(h, q.ID)
		}
	}
	return h
}

// CSVItemCells are the answers in answers, one cell for each column of CSVItemHeader: empty
// for a question not answered or not asked.
func CSVItemCells(b *questionnaire.Bank, answers questionnaire.Answers) []string {
	var cells []string
	for _, q := range b.Questions {
		if q.Answerable() {
			cells = append(cells, itemCell(answers[q.ID]))
		}
	}
	return cells
}

func itemCell(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case bool:
		if x {
			return "yes" // words:none: a CSV cell, the value answers files and tables read back
		}
		return "no" // words:none: a CSV cell, the value answers files and tables read back
	case float64:
		return questionnaire.FormatNumber(x)
	case []any:
		parts := make([]string, len(x))
		for i, p := range x {
			parts[i] = itemCell(p)
		}
		return strings.Join(parts, ";")
	case string:
		return CSVCell(x)
	}
	return CSVCell(fmt.Sprint(v))
}

// ItemsText writes the items as a numbered list under the heading "Every answer", in text
// (format "text") or markdown, wrapped to width, in p's words; ascii draws the text without
// box-drawing characters or arrows.
func ItemsText(w io.Writer, p *words.Printer, items []Item, format string, width int, ascii bool) error {
	if len(items) == 0 {
		return nil
	}
	width = text.EffectiveWidth(width)
	var b strings.Builder
	if format == "markdown" {
		b.WriteString("\n## " + p.T("Every answer") + "\n\n")
		for _, it := range items {
			fmt.Fprintf(&b, "%d. %s  \n   **%s**\n", it.Number, MarkdownEscape(it.Text), MarkdownEscape(itemWords(p, it)))
		}
	} else {
		g, arrow := glyphsFor(ascii), "→ "
		if ascii {
			arrow = "-> "
		}
		heading := p.T("Every answer")
		b.WriteString("\n" + heading + "\n" + Rule(g.Rule, text.Width(heading)) + "\n")
		num := len(fmt.Sprint(items[len(items)-1].Number))
		for _, it := range items {
			lead := fmt.Sprintf("%*d. ", num, it.Number)
			pad := strings.Repeat(" ", len(lead))
			for _, l := range text.WrapIndent(text.Sanitize(it.Text), width, lead, pad) {
				b.WriteString(l + "\n")
			}
			for _, l := range text.WrapIndent(text.Sanitize(itemWords(p, it)), width, pad+arrow, pad+strings.Repeat(" ", len(arrow)-1)) {
				b.WriteString(l + "\n")
			}
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// itemWords is an item's answer in words, or why there is none.
func itemWords(p *words.Printer, it Item) string {
	switch {
	case !it.Asked:
		return p.T("(not asked)")
	case it.Answer == nil:
		return p.T("(no answer)")
	}
	return it.AnswerText
}
