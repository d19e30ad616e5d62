package render

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
	"slices"
	"strings"

	"github.com/candor-app/candor/internal/text"
	"github.com/candor-app/candor/questionnaire"
	"github.com/candor-app/candor/scoring"
	"github.com/candor-app/candor/words"
)

// A comparison of responses to two different banks (the two partners: one answers
// trust-readiness, the other accountability) shows each person's summary, for the counselor
// only, with the flags of both first; scores the two banks share (the same id, or the same
// `theme`) are lined up in one table.

// BankSide is one person's response to their own bank.
type BankSide struct {
	CompareSide
	Bank *questionnaire.Bank
}

// SideBySideMin is the narrowest column a summary gets side by side; below it (a width under
// 2×SideBySideMin+3) the summaries come one after the other.
const SideBySideMin = 40

// BanksComparison is the JSON form of a comparison across banks.
type BanksComparison struct {
	// CounselorOnly is always true: each person answered their own questions, for the
	// counselor to read.
	CounselorOnly bool `json:"counselor_only"`
	// Safety is true when either person raised an urgent flag.
	Safety  bool            `json:"safety"`
	A       BankPerson      `json:"a"`
	B       BankPerson      `json:"b"`
	Aligned []AlignedScores `json:"aligned"`
	// SeenDifferently are the statements both banks ask (the same question id) on which
	// the two answers sit furthest apart, largest gap first (docs/spec.md §4).
	SeenDifferently []StatementGap `json:"seen_differently"`

	// flags are A's and B's lines under "Flags" (flagLines).
	flags [2][]string
}

// BankPerson is one side: who, which bank, and the scored result.
type BankPerson struct {
	ComparePerson
	Bank   scoring.BankInfo `json:"bank"`
	Result *scoring.Result  `json:"result"`
}

// AlignedScores is a score of A's bank lined up with one of B's: By is "id" when they have
// the same id, "theme" when they share a `theme` (then Theme names it).
type AlignedScores struct {
	By    string             `json:"by"`
	Theme string             `json:"theme,omitempty"`
	A     AlignedScoreResult `json:"a"`
	B     AlignedScoreResult `json:"b"`
}

// AlignedScoreResult is one side's score in an aligned row.
type AlignedScoreResult struct {
	ID    string   `json:"id"`
	Label string   `json:"label"`
	Value *float64 `json:"value"`
	Min   *float64 `json:"min"`
	Max   *float64 `json:"max"`
	Band  *string  `json:"band"`
	// Applies is false for a score none of whose questions was asked.
	Applies bool `json:"applies"`
}

// NewBanksComparison builds the comparison of a and b, responses to different banks, its
// flag lines and warnings in p's words.
func NewBanksComparison(p *words.Printer, a, b BankSide) *BanksComparison {
	c := &BanksComparison{CounselorOnly: true, Safety: a.Result.Urgent() || b.Result.Urgent(),
		A: bankPerson(p, a), B: bankPerson(p, b), Aligned: AlignScores(a.Result, b.Result),
		SeenDifferently: statementGaps(a, b, maxStatementGaps)}
	for i, s := range []BankSide{a, b} {
		c.flags[i] = flagLines(p, s.Bank, s.Result)
	}
	return c
}

func bankPerson(p *words.Printer, s BankSide) BankPerson {
	return BankPerson{ComparePerson: comparePerson(p, s.Bank, s.CompareSide), Bank: s.Result.Bank, Result: Worded(p, s.Bank, s.Result)}
}

// AlignScores lines up the scores of two results: each score of a with the first score of b
// that has its id, or else shares its theme; each of b's scores is used once. In a's order.
func AlignScores(a, b *scoring.Result) []AlignedScores {
	out := []AlignedScores{}
	used := map[int]bool{}
	for _, sa := range a.Scores {
		match, by := -1, ""
		for j, sb := range b.Scores {
			if !used[j] && sb.ID == sa.ID {
				match, by = j, "id"
				break
			}
		}
		if match < 0 && themeOf(sa) != "" {
			for j, sb := range b.Scores {
				if !used[j] && themeOf(sb) == themeOf(sa) {
					match, by = j, "theme"
					break
				}
			}
		}
		if match < 0 {
			continue
		}
		used[match] = true
		row := AlignedScores{By: by, A: alignedResult(sa), B: alignedResult(b.Scores[match])}
		if by == "theme" {
			row.Theme = themeOf(sa)
		}
		out = append(out, row)
	}
	return out
}

func themeOf(s scoring.ScoreResult) string {
	if s.Score == nil {
		return ""
	}
	return s.Score.Theme
}

func alignedResult(s scoring.ScoreResult) AlignedScoreResult {
	return AlignedScoreResult{ID: s.ID, Label: s.Label, Value: s.Value, Min: s.Min, Max: s.Max, Band: s.Band, Applies: s.Applies}
}

// banksNote opens every comparison across banks: about safety when either person raised an
// urgent flag.
func banksNote(p *words.Printer, c *BanksComparison) string {
	if c.Safety {
		return counselorOnly(p)
	}
	return p.T("For the counselor only: two people answered different questions, each in confidence. Read each summary on its own before bringing anything to a joint session.")
}

// CompareBanks writes the comparison of a and b, responses to two different banks: for the
// counselor only; the flags of both first; the scores the banks share in one table; then
// each person's summary (as `candor score` shows it), side by side when opt.Width leaves
// each at least SideBySideMin columns, otherwise one after the other.
func CompareBanks(w io.Writer, a, b BankSide, opt CompareOptions) error {
	c := NewBanksComparison(opt.Words, a, b)
	switch opt.Format {
	case "json":
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(c)
	case "markdown":
		_, err := io.WriteString(w, compareBanksMarkdown(c, a, b, opt))
		return err
	}
	bw := bufio.NewWriter(w)
	compareBanksText(bw, c, a, b, opt)
	return bw.Flush()
}

// alignedValue is "3.4 / 5 (Partly there)", or why there is no value; for a side marked for
// safety, its mark instead of the band: "100% (urgent flag)" (docs/spec.md §4).
func alignedValue(p *words.Printer, s AlignedScoreResult, m safetyMark) string {
	if s.Value == nil {
		if !s.Applies {
			return reportNotApplies(p)
		}
		return reportNotEnough(p)
	}
	v := Number(p, *s.Value)
	if s.Max != nil && s.Min != nil && *s.Min == 0 && *s.Max == 100 {
		v += "%"
	} else if s.Max != nil {
		v += " / " + Number(p, *s.Max)
	}
	if m.marked() {
		return markedValue(p, v, m)
	}
	if s.Band != nil && *s.Band != "" {
		v += " (" + text.Clean(*s.Band) + ")"
	}
	return v
}

// alignedLabel names an aligned row: the one label when both banks use it.
func alignedLabel(r AlignedScores) string {
	la, lb := text.Clean(r.A.Label), text.Clean(r.B.Label)
	if la == lb {
		return la
	}
	return la + " / " + lb
}

func compareBanksText(w *bufio.Writer, c *BanksComparison, a, b BankSide, opt CompareOptions) {
	p := opt.Words
	t := newReportText(w, opt.Width, opt.ASCII)
	t.framedNote(banksNote(p, c))
	nameA, nameB := text.Clean(c.A.Name), text.Clean(c.B.Name)
	nw := max(text.Width(nameA), text.Width(nameB))
	title := p.T("Two people, two questionnaires")
	t.line(title)
	t.line(Rule(t.g.HeavyRule, text.Width(title)))
	t.line("")
	for _, person := range []BankPerson{c.A, c.B} {
		who := text.Clean(person.Bank.Title) + " (" + text.Clean(person.Bank.ID) + ")"
		if s := cmpWho(p, person.ComparePerson); s != "" {
			who += "; " + s
		}
		t.wrapped(who, "  "+text.Pad(text.Clean(person.Name), nw)+"   ", strings.Repeat(" ", nw+5))
	}

	t.flagSection(p, [2]string{nameA, nameB}, nw, c.flags)
	ma, mb := safetyMarkOf(a.Result), safetyMarkOf(b.Result)

	if len(c.Aligned) > 0 {
		t.heading(p.T("What both questionnaires look at"))
		for i, r := range c.Aligned {
			if i > 0 {
				t.line("")
			}
			t.wrapped(alignedLabel(r), "  ", "  ")
			t.wrapped(alignedValue(p, r.A, ma), "    "+text.Pad(nameA, nw)+"   ", strings.Repeat(" ", nw+7))
			t.wrapped(alignedValue(p, r.B, mb), "    "+text.Pad(nameB, nw)+"   ", strings.Repeat(" ", nw+7))
		}
	}
	t.statementGaps(p, c, nameA, nameB)

	if col := (opt.Width - 3) / 2; col >= SideBySideMin {
		sumA, sumB := bankSummary(a, col, "text", opt), bankSummary(b, col, "text", opt)
		t.heading(p.T("%s and %s, side by side", nameA, nameB))
		t.line("")
		la, lb := strings.Split(strings.TrimRight(sumA, "\n"), "\n"), strings.Split(strings.TrimRight(sumB, "\n"), "\n")
		heads := []string{text.Pad(nameA, col) + " " + t.g.V + " " + nameB, text.Pad(Rule(t.g.Rule, text.Width(nameA)), col) + " " + t.g.V + " " + Rule(t.g.Rule, text.Width(nameB))}
		for _, h := range heads {
			w.WriteString(strings.TrimRight(h, " ") + "\n")
		}
		for i := range max(len(la), len(lb)) {
			var x, y string
			if i < len(la) {
				x = la[i]
			}
			if i < len(lb) {
				y = lb[i]
			}
			w.WriteString(strings.TrimRight(text.Pad(x, col)+" "+t.g.V+" "+y, " ") + "\n")
		}
		return
	}
	for i, s := range []BankSide{a, b} {
		t.heading(p.T("%s's summary", []string{nameA, nameB}[i]))
		t.line("")
		w.WriteString(bankSummary(s, opt.Width, "text", opt))
	}
}

// bankSummary is one person's summary as `candor score` writes it, width columns wide; for a
// side marked for safety, without band labels or texts (withoutBands).
func bankSummary(s BankSide, width int, format string, cmp CompareOptions) string {
	var buf bytes.Buffer
	opt := Options{Format: format, Width: width, ASCII: cmp.ASCII, Counselor: true, Words: cmp.Words}
	if r := s.Response; r != nil {
		opt.Date, opt.Source, opt.Respondent = r.Updated, r.File, r.Respondent
		if opt.Date.IsZero() {
			opt.Date = r.Started
		}
	}
	_ = Summary(&buf, s.Bank, withoutBands(s.Result), opt)
	return buf.String()
}

// withoutBands is r with its band labels and texts set aside when it is marked for safety
// (an urgent flag, or a safety question open; docs/spec.md §4): a comparison shows no band
// beside either, so "Well grounded" never sits under "Safety comes before repair". The
// values, and the statements a score highlights, stay for the counselor. r itself is not
// changed; a result not marked is returned as it is.
func withoutBands(r *scoring.Result) *scoring.Result {
	if !r.Unsafe() {
		return r
	}
	c := *r
	c.Scores = slices.Clone(r.Scores)
	for i := range c.Scores {
		c.Scores[i].Band, c.Scores[i].BandText = nil, ""
	}
	return &c
}

func compareBanksMarkdown(c *BanksComparison, a, b BankSide, opt CompareOptions) string {
	p := opt.Words
	var m mdOut
	m.block("> **" + MarkdownEscape(banksNote(p, c)) + "**")
	m.block("# " + p.T("Two people, two questionnaires"))
	var who []string
	for _, person := range []BankPerson{c.A, c.B} {
		line := "- **" + cmpCell(person.Name) + "**: " + MarkdownEscape(person.Bank.Title) + " (" + MarkdownEscape(person.Bank.ID) + ")"
		if s := cmpWho(p, person.ComparePerson); s != "" {
			line += "; " + MarkdownEscape(s)
		}
		who = append(who, line)
	}
	m.block(who...)
	m.flagSection(p, [2]string{c.A.Name, c.B.Name}, c.flags)
	ma, mb := safetyMarkOf(a.Result), safetyMarkOf(b.Result)
	if len(c.Aligned) > 0 {
		m.block("## " + p.T("What both questionnaires look at"))
		rows := []string{"| | " + cmpCell(c.A.Name) + " | " + cmpCell(c.B.Name) + " |", "|---|---|---|"}
		for _, r := range c.Aligned {
			rows = append(rows, "| "+cmpCell(alignedLabel(r))+" | "+cmpCell(alignedValue(p, r.A, ma))+" | "+cmpCell(alignedValue(p, r.B, mb))+" |")
		}
		m.block(rows...)
	}
	m.statementGaps(p, c)
	for i, s := range []BankSide{a, b} {
		m.block("---")
		m.block("## " + p.T("%s's summary", cmpCell([]string{c.A.Name, c.B.Name}[i])))
		var lines []string
		for _, l := range strings.Split(strings.TrimRight(bankSummary(s, opt.Width, "markdown", opt), "\n"), "\n") {
			if strings.HasPrefix(l, "#") {
				l = "##" + l // the summary's headings sit under the person's
			}
			lines = append(lines, l)
		}
		m.block(lines...)
	}
	return m.b.String()
}
