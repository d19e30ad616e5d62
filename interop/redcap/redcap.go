// Package redcap writes a bank as a REDCap data dictionary (CSV, the 18 standard columns):
// docs/redcap.md. A question is a field, a section a section header, a score a calc field;
// a `when` is branching logic where REDCap can say it, otherwise a note in the field
// annotation.
package redcap

import (
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/candor-app/candor/internal/text"
	"github.com/candor-app/candor/questionnaire"
	"github.com/candor-app/candor/questionnaire/cond"
)

// Header is the data dictionary's 18 standard columns, as REDCap names them.
var Header = []string{
	"Variable / Field Name", "Form Name", "Section Header", "Field Type", "Field Label",
	"Choices, Calculations, OR Slider Labels", "Field Note",
	"Text Validation Type OR Show Slider Number", "Text Validation Min", "Text Validation Max",
	"Identifier?", "Branching Logic (Show field only if...)", "Required Field?",
	"Custom Alignment", "Question Number (surveys only)", "Matrix Group Name",
	"Matrix Ranking?", "Field Annotation",
}

// The columns by index.
const (
	colName = iota
	colForm
	colSection
	colType
	colLabel
	colChoices
	colNote
	colValidation
	colMin
	colMax
	colIdentifier
	colBranching
	colRequired
	colAlignment
	colNumber
	colMatrix
	colRanking
	colAnnotation
)

// RecordID is the first field, REDCap's record identifier.
const RecordID = "record_id"

// maxRadioPoints is the most points of a scale written as radio buttons; a longer scale is
// an integer text field.
const maxRadioPoints = 21

// Write writes bank b as a data dictionary: record_id, then every question in bank order,
// each flag as a descriptive field right after the last question it reads (shown when its
// condition holds), then every score as a calc field, all on one instrument (form) named
// after the bank.
func Write(w io.Writer, b *questionnaire.Bank) error {
	cw := csv.NewWriter(w)
	form := strings.ReplaceAll(b.ID, "-", "_")
	rows := [][]string{Header, row(RecordID, form, "text", "Record ID")}
	after := map[int][]*questionnaire.Flag{}
	for _, f := range b.Flags {
		last := len(b.Questions) - 1
		if read := b.QuestionsRead(nil, f.When); len(read) > 0 {
			last = 0
			for id := range read {
				last = max(last, b.Question(id).Index)
			}
		}
		after[last] = append(after[last], f)
	}
	var section *questionnaire.Section
	for _, q := range b.Questions {
		r := questionRow(b, q, form)
		if q.Section != nil && q.Section != section {
			section = q.Section
			r[colSection] = cell(strings.TrimSpace(joinLines(section.Title, section.Intro)))
		}
		rows = append(rows, r)
		for _, f := range after[q.Index] {
			rows = append(rows, flagRow(b, f, form))
		}
	}
	for _, s := range b.Scores {
		rows = append(rows, scoreRow(b, s, form))
	}
	if err := cw.WriteAll(rows); err != nil {
		return err
	}
	cw.Flush()
	return cw.Error()
}

func joinLines(a, b string) string {
	if a == "" || b == "" {
		return a + b
	}
	return a + "\n" + b
}

func row(name, form, typ, label string) []string {
	r := make([]string, len(Header))
	r[colName], r[colForm], r[colType], r[colLabel] = name, form, typ, cell(label)
	return r
}

// cell makes text from a bank safe for a cell: sanitized, and a line that would start with
// = + - or @ (a formula to a spreadsheet) starts with ' instead. Line breaks are kept, as
// REDCap shows them in labels; render.CSVCell, which also guards after commas and
// semicolons, would put a ' in the middle of the words REDCap shows.
func cell(s string) string {
	lines := strings.Split(text.Sanitize(s), "\n")
	for i, l := range lines {
		if l != "" && strings.ContainsRune("=+-@\t\r", rune(l[0])) {
			lines[i] = "'" + l
		}
	}
	return strings.Join(lines, "\n")
}

// code is an option's value as a REDCap choice code.
func code(v any) string {
	if f, ok := v.(float64); ok {
		return questionnaire.FormatNumber(f)
	}
	return fmt.Sprint(v)
}

func questionRow(b *questionnaire.Bank, q *questionnaire.Question, form string) []string {
	r := row(q.ID, form, "", q.Text)
	r[colNote] = cell(q.Help)
	if q.Answerable() && q.Required {
		r[colRequired] = "y"
	}
	var notes []string
	switch q.Type {
	case questionnaire.YesNo:
		r[colType] = "yesno"
	case questionnaire.Choice, questionnaire.Multi:
		r[colType] = "radio"
		if q.Type == questionnaire.Multi {
			r[colType] = "checkbox"
		}
		var cs []string
		for _, o := range q.Options {
			cs = append(cs, code(o.Value)+", "+cell(strings.ReplaceAll(o.Label, "|", "/")))
		}
		r[colChoices] = strings.Join(cs, " | ")
	case questionnaire.Scale:
		if q.Max-q.Min+1 > maxRadioPoints {
			r[colType], r[colValidation], r[colMin], r[colMax] = "text", "integer", questionnaire.FormatNumber(q.Min), questionnaire.FormatNumber(q.Max)
			break
		}
		r[colType] = "radio"
		var cs []string
		for p := int(q.Min); p <= int(q.Max); p++ {
			label := strconv.Itoa(p)
			if l, ok := q.Labels[p]; ok {
				label += " " + strings.ReplaceAll(l, "|", "/")
			}
			cs = append(cs, strconv.Itoa(p)+", "+cell(label))
		}
		r[colChoices] = strings.Join(cs, " | ")
	case questionnaire.Number:
		r[colType], r[colValidation] = "text", "number"
		if q.HasMin {
			r[colMin] = questionnaire.FormatNumber(q.Min)
		}
		if q.HasMax {
			r[colMax] = questionnaire.FormatNumber(q.Max)
		}
	case questionnaire.Date:
		r[colType], r[colValidation], r[colMin], r[colMax] = "text", "date_ymd", q.MinDate, q.MaxDate
	case questionnaire.Text:
		r[colType] = "notes"
	case questionnaire.Info:
		r[colType] = "descriptive"
	}
	var conds []*questionnaire.Expr
	if q.Section != nil && q.Section.When != nil {
		conds = append(conds, q.Section.When)
	}
	if q.When != nil {
		conds = append(conds, q.When)
	}
	var logic []string
	for _, x := range conds {
		if s, ok := Branching(b, x.Condition()); ok {
			logic = append(logic, s)
		} else {
			notes = append(notes, "candor asks this only when: "+x.Source)
		}
	}
	if len(logic) == len(conds) && len(logic) > 0 {
		r[colBranching] = strings.Join(wrapAll(logic), " and ")
	} else if len(logic) > 0 {
		// Part of the condition cannot be said: none of it is, and the note says it all.
		notes = nil
		for _, x := range conds {
			notes = append(notes, "candor asks this only when: "+x.Source)
		}
	}
	if q.Decline {
		notes = append(notes, "candor lets the person answer \"I'd rather not answer\"")
	}
	if q.Code != nil {
		notes = append(notes, "code: "+strings.TrimPrefix(q.Code.System+" "+q.Code.Code, " "))
	}
	r[colAnnotation] = cell(strings.Join(notes, "; "))
	return r
}

// FlagField is the name of a flag's descriptive field.
func FlagField(id string) string { return "flag_" + id }

// flagRow is a flag as a descriptive field shown when its condition holds; when REDCap
// cannot say the condition, it is hidden (@HIDDEN) and the annotation says when candor
// shows it.
func flagRow(b *questionnaire.Bank, f *questionnaire.Flag, form string) []string {
	r := row(FlagField(f.ID), form, "descriptive", strings.TrimSpace(joinLines(f.Title, f.Text)))
	note := fmt.Sprintf("candor's %s flag %q", f.Level, f.ID)
	if logic, ok := Branching(b, f.When.Condition()); ok {
		r[colBranching] = logic
	} else {
		note = "@HIDDEN " + note + ", raised when: " + f.When.Source + "; REDCap's branching logic cannot say it"
	}
	r[colAnnotation] = cell(note)
	return r
}

// wrapAll puts parentheses around each of several conditions.
func wrapAll(xs []string) []string {
	if len(xs) < 2 {
		return xs
	}
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = "(" + x + ")"
	}
	return out
}

// Branching says a condition in REDCap's branching logic, or false when it cannot: a
// question compared with a constant (a yes/no as '1'/'0', an option by its code, a tick of
// a multi as [q(code)] = '1', no answer as ”), and such comparisons joined by and / or.
func Branching(b *questionnaire.Bank, c *cond.Condition) (string, bool) {
	if c == nil {
		return "", false
	}
	if c.Op == "and" || c.Op == "or" {
		l, ok1 := Branching(b, c.Left)
		r, ok2 := Branching(b, c.Right)
		return "(" + l + ") " + c.Op + " (" + r + ")", ok1 && ok2
	}
	q := b.Question(c.Question)
	if q == nil {
		if b.Score(c.Question) == nil {
			return "", false // a flag: REDCap has none
		}
		f, ok := c.Value.(float64)
		op, known := ops[c.Op]
		return fmt.Sprintf("[%s] %s %s", c.Question, op, questionnaire.FormatNumber(f)), ok && known
	}
	field := "[" + q.ID + "]"
	switch c.Op {
	case "yes":
		return field + " = '1'", q.Type == questionnaire.YesNo
	case "no":
		return field + " = '0'", q.Type == questionnaire.YesNo
	case "in":
		if q.Type != questionnaire.Multi || c.Value == nil {
			return "", false
		}
		return fmt.Sprintf("[%s(%s)] = '1'", q.ID, code(c.Value)), true
	}
	op, known := ops[c.Op]
	if !known {
		return "", false
	}
	switch v := c.Value.(type) {
	case nil:
		if c.Op != "==" && c.Op != "!=" {
			return "", false
		}
		return field + " " + op + " ''", q.Type != questionnaire.Multi
	case bool:
		if q.Type != questionnaire.YesNo || (c.Op != "==" && c.Op != "!=") {
			return "", false
		}
		bit := "0"
		if v {
			bit = "1"
		}
		return field + " " + op + " '" + bit + "'", true
	case float64:
		if q.Type == questionnaire.Multi {
			return "", false
		}
		if c.Op == "==" || c.Op == "!=" {
			return field + " " + op + " '" + questionnaire.FormatNumber(v) + "'", true
		}
		return field + " " + op + " " + questionnaire.FormatNumber(v), true
	case string:
		if q.Type != questionnaire.Choice || (c.Op != "==" && c.Op != "!=") {
			return "", false
		}
		return field + " " + op + " '" + v + "'", true
	}
	return "", false
}

var ops = map[string]string{"==": "=", "!=": "<>", "<": "<", "<=": "<=", ">": ">", ">=": ">="}

// itemCalc is an item's score in a calc: the answer, or the option's score, reversed and
// weighted as the bank says.
func itemCalc(s *questionnaire.Score, q *questionnaire.Question) string {
	x := "[" + q.ID + "]"
	switch q.Type {
	case questionnaire.Choice:
		plain := true
		for _, o := range q.Options {
			if v, ok := o.Value.(float64); !ok || v != o.Score {
				plain = false
			}
		}
		if !plain {
			x = "''"
			for i := len(q.Options) - 1; i >= 0; i-- {
				o := q.Options[i]
				x = fmt.Sprintf("if([%s] = '%s', %s, %s)", q.ID, code(o.Value), questionnaire.FormatNumber(o.Score), x)
			}
		}
	case questionnaire.Multi:
		var parts []string
		for _, o := range q.Options {
			parts = append(parts, fmt.Sprintf("%s*[%s(%s)]", questionnaire.FormatNumber(o.Score), q.ID, code(o.Value)))
		}
		x = "(" + strings.Join(parts, " + ") + ")"
	case questionnaire.YesNo, questionnaire.Scale, questionnaire.Number, questionnaire.Text, questionnaire.Date, questionnaire.Info:
		// no step of their own here (listed for the exhaustive check)
	}
	if q.Reverse {
		lo, hi, _ := q.ScoreRange()
		x = fmt.Sprintf("(%s - %s)", questionnaire.FormatNumber(lo+hi), x)
	}
	if w := s.Weight(q.ID); w != 1 {
		x = questionnaire.FormatNumber(w) + "*" + x
	}
	return x
}

func scoreRow(b *questionnaire.Bank, s *questionnaire.Score, form string) []string {
	r := row(s.ID, form, "calc", s.Label)
	var items []string
	for _, q := range s.Items {
		items = append(items, itemCalc(s, q))
	}
	sum := "sum(" + strings.Join(items, ", ") + ")"
	switch s.Method {
	case questionnaire.Mean:
		var ws []string
		weighted := false
		for _, q := range s.Items {
			ws = append(ws, questionnaire.FormatNumber(s.Weight(q.ID)))
			weighted = weighted || s.Weight(q.ID) != 1
		}
		sum = "mean(" + strings.Join(items, ", ") + ")"
		if weighted {
			sum = fmt.Sprintf("sum(%s) / sum(%s)", strings.Join(items, ", "), strings.Join(ws, ", "))
		}
	case questionnaire.Percent:
		lo, hi := s.SumRange()
		sum = fmt.Sprintf("100 * (%s - %s) / %s", sum, questionnaire.FormatNumber(lo), questionnaire.FormatNumber(hi-lo))
	}
	if s.Round >= 0 {
		sum = fmt.Sprintf("round(%s, %d)", sum, s.Round)
	}
	r[colChoices] = sum
	notes := []string{fmt.Sprintf("candor's %s score: with an item unanswered candor gives no score, or estimates it, as the bank says (max_missing %d); REDCap's sum() and mean() use the items answered", s.Method, s.MaxMissing)}
	var bands []string
	for _, bd := range s.Bands {
		if bd.HasMax {
			bands = append(bands, fmt.Sprintf("up to %s: %s", questionnaire.FormatNumber(bd.Max), bd.Label))
		} else {
			bands = append(bands, "above: "+bd.Label)
		}
	}
	if len(bands) > 0 {
		notes = append(notes, "bands: "+strings.Join(bands, ", "))
	}
	if s.Code != nil {
		notes = append(notes, "code: "+strings.TrimPrefix(s.Code.System+" "+s.Code.Code, " "))
	}
	r[colAnnotation] = cell(strings.Join(notes, "; "))
	return r
}
