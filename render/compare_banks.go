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

// NewBanksComparison builds the comparison of a and b, responses to different banks.
func NewBanksComparison(a, b BankSide) *BanksComparison {
	c := &BanksComparison{CounselorOnly: true, Safety: a.Result.Urgent() || b.Result.Urgent(),
		A: bankPerson(a), B: bankPerson(b), Aligned: AlignScores(a.Result, b.Result),
		SeenDifferently: statementGaps(a, b, maxStatementGaps)}
	for i, s := range []BankSide{a, b} {
		c.flags[i] = flagLines(nil, s.Bank, s.Result)
	}
	return c
}

func bankPerson(s BankSide) BankPerson {
	return BankPerson{ComparePerson: comparePerson(s.Bank, s.CompareSide), Bank: s.Result.Bank, Result: Worded(nil, s.Bank, s.Result)}
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

// counselorOnlyBanks opens every comparison across banks.
const counselorOnlyBanks = "For the counselor only: two people answered different questions, each in confidence. Read each summary on its own before bringing anything to a joint session."

// CompareBanks writes the comparison of a and b, responses to two different banks: for the
// counselor only; the flags of both first; the scores the banks share in one table; then
// each person's summary (as `candor score` shows it), side by side when opt.Width leaves
// each at least SideBySideMin columns, otherwise one after the other.
func CompareBanks(w io.Writer, a, b BankSide, opt CompareOptions) error {
	c := NewBanksComparison(a, b)
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
func alignedValue(s AlignedScoreResult, m safetyMark) string {
	if s.Value == nil {
		if !s.Applies {
			return notAppliesWords
		}
		return "not enough answers"
	}
	v := questionnaire.FormatNumber(*s.Value)
	if s.Max != nil && s.Min != nil && *s.Min == 0 && *s.Max == 100 {
		v += "%"
	} else if s.Max != nil {
		v += " / " + questionnaire.FormatNumber(*s.Max)
	}
	if m.marked() {
		return markedValue(nil, v, m)
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
	t := newReportText(w, opt.Width, opt.ASCII)
	note := counselorOnlyBanks
	if c.Safety {
		note = counselorOnly
	}
	t.framedNote(note)
	nameA, nameB := text.Clean(c.A.Name), text.Clean(c.B.Name)
	nw := max(text.Width(nameA), text.Width(nameB))
	const title = "Two people, two questionnaires"
	t.line(title)
	t.line(Rule(t.g.HeavyRule, text.Width(title)))
	t.line("")
	for _, p := range []BankPerson{c.A, c.B} {
		who := text.Clean(p.Bank.Title) + " (" + text.Clean(p.Bank.ID) + ")"
		if s := cmpWho(p.ComparePerson); s != "" {
			who += "; " + s
		}
		t.wrapped(who, "  "+text.Pad(text.Clean(p.Name), nw)+"   ", strings.Repeat(" ", nw+5))
	}

	t.flagSection([2]string{nameA, nameB}, nw, c.flags)
	ma, mb := safetyMarkOf(a.Result), safetyMarkOf(b.Result)

	if len(c.Aligned) > 0 {
		t.heading("What both questionnaires look at")
		for i, r := range c.Aligned {
			if i > 0 {
				t.line("")
			}
			t.wrapped(alignedLabel(r), "  ", "  ")
			t.wrapped(alignedValue(r.A, ma), "    "+text.Pad(nameA, nw)+"   ", strings.Repeat(" ", nw+7))
			t.wrapped(alignedValue(r.B, mb), "    "+text.Pad(nameB, nw)+"   ", strings.Repeat(" ", nw+7))
		}
	}
	t.statementGaps(c, nameA, nameB)

	if col := (opt.Width - 3) / 2; col >= SideBySideMin {
		sumA, sumB := bankSummary(a, col, "text", opt.ASCII), bankSummary(b, col, "text", opt.ASCII)
		t.heading(nameA + " and " + nameB + ", side by side")
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
		t.heading([]string{nameA, nameB}[i] + "'s summary")
		t.line("")
		w.WriteString(bankSummary(s, opt.Width, "text", opt.ASCII))
	}
}

// bankSummary is one person's summary as `candor score` writes it, width columns wide; for a
// side marked for safety, without band labels or texts (withoutBands).
func bankSummary(s BankSide, width int, format string, ascii bool) string {
	var buf bytes.Buffer
	opt := Options{Format: format, Width: width, ASCII: ascii, Counselor: true}
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
	var m mdOut
	note := counselorOnlyBanks
	if c.Safety {
		note = counselorOnly
	}
	m.block("> **" + MarkdownEscape(note) + "**")
	m.block("# Two people, two questionnaires")
	var who []string
	for _, p := range []BankPerson{c.A, c.B} {
		line := "- **" + cmpCell(p.Name) + "**: " + MarkdownEscape(p.Bank.Title) + " (" + MarkdownEscape(p.Bank.ID) + ")"
		if s := cmpWho(p.ComparePerson); s != "" {
			line += "; " + MarkdownEscape(s)
		}
		who = append(who, line)
	}
	m.block(who...)
	m.flagSection([2]string{c.A.Name, c.B.Name}, c.flags)
	ma, mb := safetyMarkOf(a.Result), safetyMarkOf(b.Result)
	if len(c.Aligned) > 0 {
		m.block("## What both questionnaires look at")
		rows := []string{"| | " + cmpCell(c.A.Name) + " | " + cmpCell(c.B.Name) + " |", "|---|---|---|"}
		for _, r := range c.Aligned {
			rows = append(rows, "| "+cmpCell(alignedLabel(r))+" | "+cmpCell(alignedValue(r.A, ma))+" | "+cmpCell(alignedValue(r.B, mb))+" |")
		}
		m.block(rows...)
	}
	m.statementGaps(c)
	for i, s := range []BankSide{a, b} {
		m.block("---")
		m.block("## " + cmpCell([]string{c.A.Name, c.B.Name}[i]) + "'s summary")
		var lines []string
		for _, l := range strings.Split(strings.TrimRight(bankSummary(s, opt.Width, "markdown", opt.ASCII), "\n"), "\n") {
			if strings.HasPrefix(l, "#") {
				l = "##" + l // the summary's headings sit under the person's
			}
			lines = append(lines, l)
		}
		m.block(lines...)
	}
	return m.b.String()
}
