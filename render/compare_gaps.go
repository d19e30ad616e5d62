package render

import (
	"math"
	"slices"
	"strings"

	"github.com/candor-app/candor/internal/text"
	"github.com/candor-app/candor/scoring"
	"github.com/candor-app/candor/words"
)

// Where two people see it most differently (docs/spec.md §4): a comparison across banks whose
// questions share ids (accountability and partner-view ask the same things, one of oneself
// and one of the partner) lines up the statements too, and shows the few on which the two
// answers sit furthest apart.

// maxStatementGaps is how many statements the section shows at most: a few to start a
// conversation with, not a second list of every answer.
const maxStatementGaps = 3

// StatementGap is one statement both banks ask (the same question id), answered on both
// sides, with how far apart the answers sit.
type StatementGap struct {
	ID string        `json:"id"`
	A  GapSideAnswer `json:"a"`
	B  GapSideAnswer `json:"b"`
	// Gap is how far apart the two answers sit, from 0 to 1 of the question's range, each
	// item score taken with reverse keying applied and turned round by a negative weight.
	Gap float64 `json:"gap"`
	// Steps is the same gap in item-score steps when both questions have the same range
	// (on a 1-5 agreement scale, Agree against Strongly disagree is 3); null otherwise.
	Steps *float64 `json:"steps"`
	// Nearer is the side whose answer counts more toward what helps: "a" or "b".
	Nearer string `json:"nearer"`
}

// GapSideAnswer is one side's statement and answer.
type GapSideAnswer struct {
	Text       string `json:"text"`
	Answer     any    `json:"answer"`
	AnswerText string `json:"answer_text"`
}

// statementGaps lists, largest gap first (ties in A's bank order), at most n statements of
// A's bank that B's bank asks under the same id, both asked and answered, whose answers
// differ in where they sit.
func statementGaps(a, b BankSide, n int) []StatementGap {
	out := []StatementGap{}
	askedA, askedB := askedSet(a.Result), askedSet(b.Result)
	for _, qa := range a.Bank.Questions {
		qb := b.Bank.Question(qa.ID)
		if qb == nil || !askedA[qa.ID] || !askedB[qa.ID] {
			continue
		}
		va, vb := a.Answers[qa.ID], b.Answers[qa.ID]
		pa, xa, okA := scoring.ItemPlace(a.Bank, qa, va)
		pb, xb, okB := scoring.ItemPlace(b.Bank, qb, vb)
		if !okA || !okB || pa == pb {
			continue
		}
		g := StatementGap{ID: qa.ID, Gap: scoring.Clean(math.Abs(pa - pb)), Nearer: "a",
			A: GapSideAnswer{Text: qa.Text, Answer: va, AnswerText: qa.AnswerText(va)},
			B: GapSideAnswer{Text: qb.Text, Answer: vb, AnswerText: qb.AnswerText(vb)}}
		if pb > pa {
			g.Nearer = "b"
		}
		loA, hiA, _ := qa.ScoreRange()
		loB, hiB, _ := qb.ScoreRange()
		if loA == loB && hiA == hiB {
			steps := scoring.Clean(math.Abs(xa - xb))
			g.Steps = &steps
		}
		out = append(out, g)
	}
	slices.SortStableFunc(out, func(x, y StatementGap) int {
		switch {
		case x.Gap > y.Gap:
			return -1
		case x.Gap < y.Gap:
			return 1
		}
		return 0
	})
	return out[:min(n, len(out))]
}

// gapIntro opens the section.
func gapIntro(p *words.Printer) string {
	return p.T("Of the statements both questionnaires share, those where their answers sit furthest apart:")
}

// gapHeading names the section: it is read by the counselor, so it speaks of the two of them.
func gapHeading(p *words.Printer) string { return p.T("Where the two of them see it most differently") }

// gapWords says how far apart and whose answer is nearer to what helps: "3 steps apart:
// Alex's answer is nearer to what helps." Not sanitized.
func gapWords(p *words.Printer, g StatementGap, nameA, nameB string) string {
	who := nameA
	if g.Nearer == "b" {
		who = nameB
	}
	if g.Steps != nil {
		return p.T("%v steps apart: %s's answer is nearer to what helps.", *g.Steps, who)
	}
	return p.T("%s's answer is nearer to what helps.", who)
}

// statementGaps writes the section in text, when there is a gap to show.
func (t *reportText) statementGaps(p *words.Printer, c *BanksComparison, nameA, nameB string) {
	if len(c.SeenDifferently) == 0 {
		return
	}
	t.heading(gapHeading(p))
	t.wrapped(gapIntro(p), "  ", "  ")
	nw := max(text.Width(nameA), text.Width(nameB))
	ind := strings.Repeat(" ", nw+5)
	for _, g := range c.SeenDifferently {
		t.line("")
		for i, side := range []GapSideAnswer{g.A, g.B} {
			t.wrapped(text.Clean(side.Text), "  "+text.Pad([]string{nameA, nameB}[i], nw)+"   ", ind)
			t.wrapped(text.Clean(side.AnswerText), ind, ind)
		}
		t.wrapped(text.Clean(gapWords(p, g, c.A.Name, c.B.Name)), ind, ind)
	}
}

// statementGaps writes the section in markdown, when there is a gap to show.
func (m *mdOut) statementGaps(p *words.Printer, c *BanksComparison) {
	if len(c.SeenDifferently) == 0 {
		return
	}
	m.block("## " + gapHeading(p))
	m.block(MarkdownEscape(gapIntro(p)))
	var lines []string
	for _, g := range c.SeenDifferently {
		lines = append(lines, "- "+MarkdownEscape(gapWords(p, g, c.A.Name, c.B.Name)))
		for i, side := range []GapSideAnswer{g.A, g.B} {
			lines = append(lines, "  - **"+cmpCell([]string{c.A.Name, c.B.Name}[i])+"**: "+
				MarkdownEscape(side.Text)+" *"+MarkdownEscape(side.AnswerText)+"*")
		}
	}
	m.block(lines...)
}
