package render

import (
	"regexp"
	"strings"
	"time"

	"github.com/candor-app/candor/internal/text"
	"github.com/candor-app/candor/questionnaire"
	"github.com/candor-app/candor/scoring"
)

// CSV tables of results (`score --format csv`, `history --format csv`) share their columns
// after the first few: <score>_value and <score>_band for every score of the bank, then
// flags (the raised flags' ids, urgent first, separated by spaces), outcome (the outcome's
// id; empty when there is none), outcome_open_on (when the outcome is empty because open
// safety questions decide it, their ids; docs/spec.md §1), then unanswered_safety (the ids
// of the asked questions without an answer that could raise an urgent flag), and, for a bank
// that lets a question be declined, declined (the ids of the asked questions answered
// "rather not say", apart from the empty cells of a skip). The bands stay exact while an
// urgent flag is raised (a counselor
// needs both the flag and the band of a clinical instrument), so the flags column says it.

// CSVHeader is the header of a table of results for bank b: the lead columns, then every
// score's value and band, then flags, outcome, outcome_open_on and unanswered_safety.
func CSVHeader(b *questionnaire.Bank, lead ...string) []string {
	h := make([]string, 0, len(lead)+2*len(b.Scores)+4)
	h = append(h, lead...)
	for _, sc := range b.Scores {
		h = append(h, sc.ID+"_value", sc.ID+"_band")
	}
	h = append(h, "flags", "outcome", "outcome_open_on", "unanswered_safety") // words:none: CSV column names, for programs
	if b.AllowsDecline() {
		h = append(h, "declined")
	}
	return h
}

// CSVRow is one result's row under CSVHeader: the lead cells (made safe by the caller, with
// CSVCell for text from a file), then the result's cells. A score without a value has empty
// cells.
func CSVRow(r *scoring.Result, lead ...string) []string {
	row := make([]string, 0, len(lead)+2*len(r.Scores)+4)
	row = append(row, lead...)
	for _, sc := range r.Scores {
		v, band := "", ""
		if sc.Value != nil {
			v = questionnaire.FormatNumber(*sc.Value)
		}
		if sc.Band != nil {
			band = CSVCell(*sc.Band)
		}
		row = append(row, v, band)
	}
	ids := make([]string, len(r.Flags))
	for i, f := range r.Flags {
		ids[i] = f.ID
	}
	outcome := ""
	if r.Outcome != nil {
		outcome = r.Outcome.ID
	}
	row = append(row, CSVCell(strings.Join(ids, " ")), CSVCell(outcome), CSVCell(strings.Join(r.OutcomeOpenOn, " ")),
		CSVCell(strings.Join(r.UnansweredSafety, " ")))
	if r.AllowsDecline {
		row = append(row, CSVCell(strings.Join(r.Declined, " ")))
	}
	return row
}

// ResponseCSVLead are the columns that say whose a response is and where it stands, after
// the file's column, in the score CSV and the history CSV alike.
var ResponseCSVLead = []string{"respondent", "started", "updated", "status"}

// ResponseCSVCells are the cells under ResponseCSVLead for response resp (empty when it is
// nil) with the status given.
func ResponseCSVCells(resp *questionnaire.Response, status questionnaire.Status) []string {
	if resp == nil {
		return []string{"", "", "", string(status)}
	}
	return []string{CSVCell(resp.Respondent), CSVTime(resp.Started), CSVTime(resp.Updated), string(status)}
}

// CSVTime is a time as CSV cells write it: RFC 3339 in UTC, empty for none.
func CSVTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339)
}

// CSVCell makes text from a bank or a response safe for a CSV cell (OWASP's CSV injection
// advice, docs/spec.md §4): sanitized (no control characters for a terminal), and no part of
// it, however a spreadsheet splits the file, starts with = + - @ or a control character. A
// spreadsheet may split on commas, semicolons or tabs (the default in much of Europe) and
// starts a row at a line break: so at the start of the cell and after each of those, a
// dangerous first character gets a ' before it, which makes that part plain text. A cell
// that is a plain number (-3, +2.5) is left as it is.
func CSVCell(s string) string {
	s = text.Sanitize(s)
	if !csvNeedsQuote(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 4)
	start := true
	for _, r := range s {
		if start && csvFormulaStart(r) {
			b.WriteByte('\'')
		}
		b.WriteRune(r)
		start = csvSplits(r)
	}
	return b.String()
}

// csvNeedsQuote reports whether some part of s, split anywhere a spreadsheet may split it,
// would start with a formula character, s not being a plain number.
func csvNeedsQuote(s string) bool {
	start := true
	for _, r := range s {
		if start && csvFormulaStart(r) {
			return !plainNumber.MatchString(s)
		}
		start = csvSplits(r)
	}
	return false
}

// csvFormulaStart: a cell starting with r may be read as a formula (or hide one).
func csvFormulaStart(r rune) bool {
	return r == '=' || r == '+' || r == '-' || r == '@' || r < 0x20 || r == 0x7f
}

// csvSplits: a spreadsheet may start a new cell or row after r.
func csvSplits(r rune) bool {
	return r == ',' || r == ';' || r == '\t' || r == '\r' || r == '\n'
}

// plainNumber is a number as a cell may hold one: -3, +2.5, 1e-3.
var plainNumber = regexp.MustCompile(`^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$`)
