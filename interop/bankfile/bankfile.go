// Package bankfile is a question bank as its YAML file says it (docs/bank-format.md): plain
// structs in the file's key order, built from a loaded bank (FromBank) or by a converter
// (interop/fhir's import), and written as YAML (Marshal) that `candor validate` reads back
// into the same bank. Its parts also marshal to JSON with the same keys, which is how the
// FHIR export carries what FHIR has no place for.
package bankfile

import (
	"bytes"
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strconv"

	"go.yaml.in/yaml/v3"

	"github.com/candor-app/candor/questionnaire"
)

// Bank is a bank file's top level.
type Bank struct {
	Candor     int         `yaml:"candor" json:"-"`
	ID         string      `yaml:"id" json:"-"`
	Version    string      `yaml:"version" json:"-"`
	Title      string      `yaml:"title" json:"-"`
	For        string      `yaml:"for,omitempty" json:"-"`
	Language   string      `yaml:"language,omitempty" json:"-"`
	Intro      string      `yaml:"intro,omitempty" json:"-"`
	Outro      []Part      `yaml:"outro,omitempty" json:"-"`
	SafetyOpen *Notice     `yaml:"safety_open,omitempty" json:"-"`
	Decline    bool        `yaml:"decline,omitempty" json:"-"`
	Sources    []Source    `yaml:"sources,omitempty" json:"-"`
	Recipients []string    `yaml:"recipients,omitempty" json:"-"`
	Choices    ChoiceLists `yaml:"choices,omitempty" json:"-"`
	Sections   []*Section  `yaml:"sections,omitempty" json:"-"`
	Questions  []*Question `yaml:"questions,omitempty" json:"-"`
	Scores     []*Score    `yaml:"scores,omitempty" json:"-"`
	Flags      []*Flag     `yaml:"flags,omitempty" json:"-"`
	Outcomes   []*Outcome  `yaml:"outcomes,omitempty" json:"-"`
	Tests      []*Test     `yaml:"tests,omitempty" json:"-"`
}

// Part is one part of the outro.
type Part struct {
	Text     string `yaml:"text" json:"text"`
	Together bool   `yaml:"together,omitempty" json:"together,omitempty"`
}

// Notice is `safety_open`.
type Notice struct {
	Title string `yaml:"title,omitempty" json:"title,omitempty"`
	Text  string `yaml:"text,omitempty" json:"text,omitempty"`
}

// Source credits the material a bank draws on.
type Source struct {
	Title  string `yaml:"title" json:"title"`
	Author string `yaml:"author,omitempty" json:"author,omitempty"`
	URL    string `yaml:"url,omitempty" json:"url,omitempty"`
	Note   string `yaml:"note,omitempty" json:"note,omitempty"`
}

// ChoiceList is a named list of options.
type ChoiceList struct {
	Name    string
	Options []*Option
}

// ChoiceLists are the bank's `choices`, a mapping kept in file order.
type ChoiceLists []ChoiceList

// MarshalYAML writes the lists as a mapping from name to options.
func (cl ChoiceLists) MarshalYAML() (any, error) {
	n := &yaml.Node{Kind: yaml.MappingNode}
	for _, c := range cl {
		var v yaml.Node
		if err := v.Encode(c.Options); err != nil {
			return nil, err
		}
		n.Content = append(n.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: c.Name}, &v)
	}
	return n, nil
}

// Coding is a code in a terminology.
type Coding struct {
	System  string `yaml:"system,omitempty" json:"system,omitempty"`
	Code    string `yaml:"code" json:"code"`
	Display string `yaml:"display,omitempty" json:"display,omitempty"`
}

// Option is one answer of a choice or multi question. Value is a float64 or a string;
// Score is nil when the option has none or it equals a number Value.
type Option struct {
	Value     any      `yaml:"value" json:"value"`
	Label     string   `yaml:"label" json:"label"`
	Score     *float64 `yaml:"score,omitempty" json:"score,omitempty"`
	Code      *Coding  `yaml:"code,omitempty" json:"code,omitempty"`
	Exclusive bool     `yaml:"exclusive,omitempty" json:"exclusive,omitempty"`
}

// Section groups questions.
type Section struct {
	ID        string      `yaml:"id"`
	Title     string      `yaml:"title,omitempty"`
	Intro     string      `yaml:"intro,omitempty"`
	When      string      `yaml:"when,omitempty"`
	Questions []*Question `yaml:"questions"`
}

// Question is one question. Choices is a list name (string) or []*Option; Min and Max are
// float64 (scale, number) or string (date); Required is nil for the default (true).
type Question struct {
	ID          string         `yaml:"id"`
	Type        string         `yaml:"type"`
	Text        string         `yaml:"text"`
	Help        string         `yaml:"help,omitempty"`
	Choices     any            `yaml:"choices,omitempty"`
	Min         any            `yaml:"min,omitempty"`
	Max         any            `yaml:"max,omitempty"`
	Labels      map[int]string `yaml:"labels,omitempty"`
	Required    *bool          `yaml:"required,omitempty"`
	Decline     *bool          `yaml:"decline,omitempty"`
	When        string         `yaml:"when,omitempty"`
	Reverse     bool           `yaml:"reverse,omitempty"`
	Code        *Coding        `yaml:"code,omitempty"`
	WarningSign []any          `yaml:"warning_sign,omitempty"`
}

// Score is a computed scale.
type Score struct {
	ID         string             `yaml:"id" json:"id"`
	Label      string             `yaml:"label" json:"label"`
	Items      []string           `yaml:"items" json:"items"`
	Method     string             `yaml:"method,omitempty" json:"method,omitempty"`
	Weights    map[string]float64 `yaml:"weights,omitempty" json:"weights,omitempty"`
	MaxMissing int                `yaml:"max_missing,omitempty" json:"max_missing,omitempty"`
	NotAsked   string             `yaml:"not_asked,omitempty" json:"not_asked,omitempty"`
	Missing    string             `yaml:"missing,omitempty" json:"missing,omitempty"`
	Round      *int               `yaml:"round,omitempty" json:"round,omitempty"`
	Bands      []*Band            `yaml:"bands,omitempty" json:"bands,omitempty"`
	Code       *Coding            `yaml:"code,omitempty" json:"code,omitempty"`
	Highlight  string             `yaml:"highlight,omitempty" json:"highlight,omitempty"`
	Theme      string             `yaml:"theme,omitempty" json:"theme,omitempty"`
	Change     *Change            `yaml:"change,omitempty" json:"change,omitempty"`
}

// Change is a score's `change:` (docs/bank-format.md, reliable change).
type Change struct {
	Reliability float64   `yaml:"reliability,omitempty" json:"reliability,omitempty"`
	SD          float64   `yaml:"sd,omitempty" json:"sd,omitempty"`
	Better      string    `yaml:"better" json:"better"`
	Cutoff      *float64  `yaml:"cutoff,omitempty" json:"cutoff,omitempty"`
	Clinical    *Clinical `yaml:"clinical,omitempty" json:"clinical,omitempty"`
	Alert       *Alert    `yaml:"alert,omitempty" json:"alert,omitempty"`
}

// Clinical is `change.clinical`: the two published groups a cut-off is computed from.
type Clinical struct {
	Functional    Norm `yaml:"functional" json:"functional"`
	Dysfunctional Norm `yaml:"dysfunctional" json:"dysfunctional"`
}

// Norm is a published group's mean and standard deviation.
type Norm struct {
	Mean float64 `yaml:"mean" json:"mean"`
	SD   float64 `yaml:"sd" json:"sd"`
}

// Alert is `change.alert`.
type Alert struct {
	Below *float64 `yaml:"below,omitempty" json:"below,omitempty"`
	Drop  *float64 `yaml:"drop,omitempty" json:"drop,omitempty"`
}

// Band is one range of a score.
type Band struct {
	Max      *float64 `yaml:"max,omitempty" json:"max,omitempty"`
	Label    string   `yaml:"label" json:"label"`
	Text     string   `yaml:"text,omitempty" json:"text,omitempty"`
	Hopeful  bool     `yaml:"hopeful,omitempty" json:"hopeful,omitempty"`
	Together bool     `yaml:"together,omitempty" json:"together,omitempty"`
}

// Flag is a rule that raises a warning or a safety message.
type Flag struct {
	ID       string `yaml:"id" json:"id"`
	When     string `yaml:"when" json:"when"`
	Level    string `yaml:"level,omitempty" json:"level,omitempty"`
	Title    string `yaml:"title" json:"title"`
	Text     string `yaml:"text,omitempty" json:"text,omitempty"`
	Show     string `yaml:"show,omitempty" json:"show,omitempty"`
	Together bool   `yaml:"together,omitempty" json:"together,omitempty"`
}

// Outcome is a verdict.
type Outcome struct {
	ID       string `yaml:"id" json:"id"`
	When     string `yaml:"when,omitempty" json:"when,omitempty"`
	Title    string `yaml:"title" json:"title"`
	Text     string `yaml:"text,omitempty" json:"text,omitempty"`
	Hopeful  bool   `yaml:"hopeful,omitempty" json:"hopeful,omitempty"`
	Together bool   `yaml:"together,omitempty" json:"together,omitempty"`
}

// Test is a worked example; an answer "declined" is a declined question.
type Test struct {
	Name    string         `yaml:"name" json:"name"`
	Answers map[string]any `yaml:"answers" json:"answers"`
	Expect  Expect         `yaml:"expect" json:"expect"`
}

// Expect is what a test checks; a nil map is not checked, a nil value is YAML's null.
type Expect struct {
	Outcome *Nullable           `yaml:"outcome,omitempty" json:"outcome,omitempty"`
	Scores  map[string]*float64 `yaml:"scores,omitempty" json:"scores,omitempty"`
	Bands   map[string]*string  `yaml:"bands,omitempty" json:"bands,omitempty"`
	Flags   *[]string           `yaml:"flags,omitempty" json:"flags,omitempty"`
}

// UnmarshalJSON reads an Expect, keeping `outcome: null` (expected: no outcome) apart from
// no `outcome` at all (not checked).
func (e *Expect) UnmarshalJSON(b []byte) error {
	type plain Expect
	var p plain
	if err := json.Unmarshal(b, &p); err != nil {
		return err
	}
	var keys map[string]json.RawMessage
	if err := json.Unmarshal(b, &keys); err != nil {
		return err
	}
	if _, ok := keys["outcome"]; ok && p.Outcome == nil {
		p.Outcome = &Nullable{}
	}
	*e = Expect(p)
	return nil
}

// Nullable is a string that may be written as null (an expected outcome of none).
type Nullable struct{ S *string }

// MarshalYAML writes the string or null.
func (n *Nullable) MarshalYAML() (any, error) {
	if n.S == nil {
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!null", Value: "null"}, nil
	}
	return *n.S, nil
}

// MarshalJSON writes the string or null.
func (n *Nullable) MarshalJSON() ([]byte, error) {
	if n.S == nil {
		return []byte("null"), nil
	}
	return []byte(strconv.Quote(*n.S)), nil
}

// UnmarshalJSON reads the string or null.
func (n *Nullable) UnmarshalJSON(b []byte) error {
	if string(b) == "null" {
		n.S = nil
		return nil
	}
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return err
	}
	n.S = &s
	return nil
}

// Marshal writes the bank as YAML, indented by two, that `candor validate` reads.
func (b *Bank) Marshal() ([]byte, error) {
	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(b); err != nil {
		return nil, fmt.Errorf("writing the bank: %w", err)
	}
	if err := enc.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func coding(c *questionnaire.Coding) *Coding {
	if c == nil {
		return nil
	}
	return &Coding{System: c.System, Code: c.Code, Display: c.Display}
}

func source(x *questionnaire.Expr) string {
	if x == nil {
		return ""
	}
	return x.Source
}

// FromBank is the file of a loaded bank: every key the model keeps, defaults left out.
// Loading what it writes gives the same bank (shared choice lists and anchors come back as
// the same lists, written once).
func FromBank(b *questionnaire.Bank) *Bank {
	f := &Bank{Candor: questionnaire.FormatVersion, ID: b.ID, Version: b.Version, Title: b.Title,
		For: b.For, Language: b.Language, Intro: b.Intro, Decline: b.Decline, Recipients: b.Recipients}
	f.Outro = Outro(b)
	if b.SafetyOpen != nil {
		f.SafetyOpen = &Notice{Title: b.SafetyOpen.Title, Text: b.SafetyOpen.Text}
	}
	f.Sources = Sources(b)
	for _, c := range b.Choices {
		f.Choices = append(f.Choices, ChoiceList{Name: c.ID, Options: Options(c.Options)})
	}
	if len(b.Sections) == 0 {
		for _, q := range b.Questions {
			f.Questions = append(f.Questions, FromQuestion(b, q))
		}
	}
	for _, s := range b.Sections {
		fs := &Section{ID: s.ID, Title: s.Title, Intro: s.Intro, When: source(s.When)}
		for _, q := range s.Questions {
			fs.Questions = append(fs.Questions, FromQuestion(b, q))
		}
		f.Sections = append(f.Sections, fs)
	}
	f.Scores = Scores(b)
	f.Flags = Flags(b)
	f.Outcomes = Outcomes(b)
	f.Tests = Tests(b)
	return f
}

// Outro is the bank's `outro` as parts.
func Outro(b *questionnaire.Bank) []Part {
	var ps []Part
	for _, p := range b.OutroParts {
		ps = append(ps, Part{Text: p.Text, Together: p.Together})
	}
	return ps
}

// Sources is the bank's `sources`.
func Sources(b *questionnaire.Bank) []Source {
	var ss []Source
	for _, s := range b.Sources {
		ss = append(ss, Source{Title: s.Title, Author: s.Author, URL: s.URL, Note: s.Note})
	}
	return ss
}

// Options is a list of options as written.
func Options(os []*questionnaire.Option) []*Option {
	var out []*Option
	for _, o := range os {
		fo := &Option{Value: o.Value, Label: o.Label, Code: coding(o.Code), Exclusive: o.Exclusive}
		if v, isNum := o.Value.(float64); o.HasScore && (!isNum || v != o.Score) {
			fo.Score = new(o.Score)
		}
		out = append(out, fo)
	}
	return out
}

// FromQuestion is one question as written (its shared choice list by name).
func FromQuestion(b *questionnaire.Bank, q *questionnaire.Question) *Question {
	fq := &Question{ID: q.ID, Type: string(q.Type), Text: q.Text, Help: q.Help, When: source(q.When),
		Reverse: q.Reverse, Code: coding(q.Code), WarningSign: q.WarningSign}
	switch {
	case q.ChoiceList != "":
		fq.Choices = q.ChoiceList
	case len(q.Options) > 0:
		fq.Choices = Options(q.Options)
	}
	if q.HasMin {
		fq.Min = q.Min
	}
	if q.HasMax {
		fq.Max = q.Max
	}
	if q.MinDate != "" {
		fq.Min = q.MinDate
	}
	if q.MaxDate != "" {
		fq.Max = q.MaxDate
	}
	if len(q.Labels) > 0 {
		fq.Labels = q.Labels
	}
	if !q.Required && q.Answerable() {
		fq.Required = new(false)
	}
	if q.Decline != b.Decline && q.Answerable() {
		fq.Decline = new(q.Decline)
	}
	return fq
}

// Scores is the bank's `scores`.
func Scores(b *questionnaire.Bank) []*Score {
	var out []*Score
	for _, s := range b.Scores {
		fs := &Score{ID: s.ID, Label: s.Label, Code: coding(s.Code), Theme: s.Theme, MaxMissing: s.MaxMissing}
		for _, q := range s.Items {
			fs.Items = append(fs.Items, q.ID)
		}
		if s.Method != questionnaire.Sum {
			fs.Method = string(s.Method)
		}
		if len(s.Weights) > 0 {
			fs.Weights = s.Weights
		}
		if s.NotAsked != questionnaire.NotAskedExclude {
			fs.NotAsked = s.NotAsked
		}
		if s.Missing != questionnaire.MissingProrate {
			fs.Missing = s.Missing
		}
		if s.Round >= 0 {
			fs.Round = new(s.Round)
		}
		if s.Highlight != nil {
			fs.Highlight = s.Highlight.Which + " " + strconv.Itoa(s.Highlight.N)
		}
		if c := s.Change; c != nil {
			fs.Change = &Change{Reliability: c.Reliability, SD: c.SD, Better: c.Better, Cutoff: c.Cutoff}
			if c.Clinical != nil {
				fs.Change.Clinical = &Clinical{
					Functional:    Norm(c.Clinical.Functional),
					Dysfunctional: Norm(c.Clinical.Dysfunctional),
				}
			}
			if c.Alert != nil {
				fs.Change.Alert = &Alert{Below: c.Alert.Below, Drop: c.Alert.Drop}
			}
		}
		for _, bd := range s.Bands {
			fb := &Band{Label: bd.Label, Text: bd.Text, Hopeful: bd.Hopeful, Together: bd.Together}
			if bd.HasMax {
				fb.Max = new(bd.Max)
			}
			fs.Bands = append(fs.Bands, fb)
		}
		out = append(out, fs)
	}
	return out
}

// Flags is the bank's `flags`.
func Flags(b *questionnaire.Bank) []*Flag {
	var out []*Flag
	for _, fl := range b.Flags {
		ff := &Flag{ID: fl.ID, When: source(fl.When), Title: fl.Title, Text: fl.Text, Together: fl.Together}
		if fl.Level != questionnaire.Warn {
			ff.Level = string(fl.Level)
		}
		if fl.AtOnce {
			ff.Show = "at_once"
		}
		out = append(out, ff)
	}
	return out
}

// Outcomes is the bank's `outcomes`.
func Outcomes(b *questionnaire.Bank) []*Outcome {
	var out []*Outcome
	for _, o := range b.Outcomes {
		out = append(out, &Outcome{ID: o.ID, When: source(o.When), Title: o.Title, Text: o.Text, Hopeful: o.Hopeful, Together: o.Together})
	}
	return out
}

// Tests is the bank's `tests`.
func Tests(b *questionnaire.Bank) []*Test {
	var out []*Test
	for _, t := range b.Tests {
		ft := &Test{Name: t.Name, Answers: map[string]any{}}
		for _, k := range slices.Sorted(maps.Keys(t.Answers)) {
			ft.Answers[k] = t.Answers[k]
		}
		for _, id := range t.Declined {
			ft.Answers[id] = questionnaire.DeclinedWord
		}
		e := t.Expect
		if e.HasOutcome {
			ft.Expect.Outcome = &Nullable{}
			if e.Outcome != "" {
				ft.Expect.Outcome.S = new(e.Outcome)
			}
		}
		ft.Expect.Scores, ft.Expect.Bands = e.Scores, e.Bands
		if e.HasFlags {
			fl := append([]string{}, e.Flags...)
			ft.Expect.Flags = &fl
		}
		out = append(out, ft)
	}
	return out
}
