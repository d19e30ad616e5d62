package table

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/candor-app/candor/questionnaire"
)

// Mapping is a --columns file: which question each header answers, and which option each
// word of a column means, for tables whose headers and words are a form tool's own (REDCap,
// Qualtrics):
//
//	columns:
//	  "Q1_safe": feel_safe        # header: question id
//	  "Timestamp": started        # or respondent, started, updated, id
//	  "Notes": ""                 # an empty id leaves the column out
//	options:
//	  feel_safe: {"1": yes, "2": no}
type Mapping struct {
	// Columns maps a header (white space trimmed) to a question id or extra column name.
	Columns map[string]string
	// Options maps a question id to cell words (lower case) and the answers they mean.
	Options map[string]map[string]any
}

// MappingProblem is the kind of thing wrong with a --columns file (the caller words it).
type MappingProblem int

// What can be wrong with a --columns file.
const (
	// MappingSyntax: the file is not YAML (Err says what the YAML reader found).
	MappingSyntax MappingProblem = iota + 1
	// MappingEmpty: the file holds nothing.
	MappingEmpty
	// MappingNotMapping: the file is not a mapping of `columns:` and `options:` (Got).
	MappingNotMapping
	// MappingUnknownKey: a key other than columns and options at the top (Key).
	MappingUnknownKey
	// MappingColumns: `columns:` is not a mapping of header to question id (Got).
	MappingColumns
	// MappingColumnValue: header Key is sent to something other than one id (Got).
	MappingColumnValue
	// MappingOptions: `options:` is not a mapping of question id to words (Got).
	MappingOptions
	// MappingOptionWords: the words of question ID are not a mapping of word to answer (Got).
	MappingOptionWords
	// MappingOptionValue: word Key of question ID means something other than one answer (Got).
	MappingOptionValue
	// MappingNoQuestion: `options` names ID, which is not a question of bank Bank.
	MappingNoQuestion
	// MappingBadAnswer: word Key of question ID means an answer the question does not take
	// (Err; Allowed says what it takes).
	MappingBadAnswer
	// MappingTwice: Key is written twice in the same mapping (In names it: "", "columns",
	// "options" or a question id).
	MappingTwice
	// MappingAlias: an alias (*name), which a mapping file does not use.
	MappingAlias
)

// Shape is what a YAML value is, in a MappingError.
type Shape int

// Shapes of YAML values.
const (
	ShapeValue Shape = iota + 1
	ShapeList
	ShapeMapping
)

// MappingError is what is wrong with a --columns file, and where: data for the caller to put
// in words.
type MappingError struct {
	Problem MappingProblem
	// Line is the line in the file (0 when there is none).
	Line int
	// Key is the header, word or key at fault; ID the question id; Bank the bank's id.
	Key, ID, Bank string
	// In names the mapping a key is written twice in (MappingTwice).
	In string
	// Got is the shape found where another was needed.
	Got Shape
	// Err is the YAML reader's error (MappingSyntax) or the answer's (MappingBadAnswer);
	// Allowed is what the question takes.
	Err     error
	Allowed string
}

// Error is for programs; cmd/candor says it in words (mappingMessage).
func (e *MappingError) Error() string {
	return fmt.Sprintf("mapping file: problem %d at line %d (key %q, id %q)", e.Problem, e.Line, e.Key, e.ID)
}

func shapeOf(n *yaml.Node) Shape {
	switch n.Kind {
	case yaml.SequenceNode:
		return ShapeList
	case yaml.MappingNode:
		return ShapeMapping
	}
	return ShapeValue
}

// ReadMapping reads a --columns file against bank b: every question id it names must be one
// of the bank's, and every option word must map to one of the question's answers. Its error is
// a *MappingError.
func ReadMapping(raw []byte, b *questionnaire.Bank) (*Mapping, error) {
	var doc yaml.Node
	dec := yaml.NewDecoder(strings.NewReader(string(raw)))
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, &MappingError{Problem: MappingEmpty}
		}
		return nil, &MappingError{Problem: MappingSyntax, Err: err}
	}
	if len(doc.Content) == 0 || (doc.Content[0].Kind == yaml.ScalarNode && doc.Content[0].Tag == "!!null") {
		return nil, &MappingError{Problem: MappingEmpty}
	}
	top := doc.Content[0]
	if err := mappingShape(top, MappingNotMapping, "", nil); err != nil {
		return nil, err
	}
	m := &Mapping{Columns: map[string]string{}, Options: map[string]map[string]any{}}
	return m, eachPair(top, "", func(k, v *yaml.Node) error {
		switch k.Value {
		case "columns":
			return m.readColumns(v)
		case "options":
			return m.readOptions(v, b)
		}
		return &MappingError{Problem: MappingUnknownKey, Line: k.Line, Key: k.Value}
	})
}

func (m *Mapping) readColumns(n *yaml.Node) error {
	if isNull(n) {
		return nil
	}
	if err := mappingShape(n, MappingColumns, "", nil); err != nil {
		return err
	}
	return eachPair(n, "columns", func(k, v *yaml.Node) error {
		if v.Kind != yaml.ScalarNode {
			return &MappingError{Problem: MappingColumnValue, Line: v.Line, Key: k.Value, Got: shapeOf(v)}
		}
		m.Columns[strings.TrimSpace(k.Value)] = v.Value
		return nil
	})
}

func (m *Mapping) readOptions(n *yaml.Node, b *questionnaire.Bank) error {
	if isNull(n) {
		return nil
	}
	if err := mappingShape(n, MappingOptions, "", nil); err != nil {
		return err
	}
	return eachPair(n, "options", func(k, words *yaml.Node) error {
		id := k.Value
		q := b.Question(id)
		if q == nil {
			return &MappingError{Problem: MappingNoQuestion, Line: k.Line, ID: id, Bank: b.ID}
		}
		if err := mappingShape(words, MappingOptionWords, id, k); err != nil {
			return err
		}
		m.Options[id] = map[string]any{}
		return eachPair(words, id, func(w, v *yaml.Node) error {
			if v.Kind != yaml.ScalarNode {
				return &MappingError{Problem: MappingOptionValue, Line: v.Line, Key: w.Value, ID: id, Got: shapeOf(v)}
			}
			var val any
			if err := v.Decode(&val); err != nil {
				return &MappingError{Problem: MappingBadAnswer, Line: v.Line, Key: w.Value, ID: id, Err: err, Allowed: q.Allowed()}
			}
			if _, err := q.ParseValue(val); err != nil {
				return &MappingError{Problem: MappingBadAnswer, Line: v.Line, Key: w.Value, ID: id, Err: err, Allowed: q.Allowed()}
			}
			m.Options[id][strings.ToLower(strings.TrimSpace(w.Value))] = val
			return nil
		})
	})
}

// mappingShape checks that n is a mapping, else returns problem p (for question id, at key's
// line when n has none).
func mappingShape(n *yaml.Node, p MappingProblem, id string, key *yaml.Node) error {
	if n.Kind == yaml.AliasNode {
		return &MappingError{Problem: MappingAlias, Line: n.Line}
	}
	if n.Kind == yaml.MappingNode {
		return nil
	}
	line := n.Line
	if line == 0 && key != nil {
		line = key.Line
	}
	return &MappingError{Problem: p, Line: line, ID: id, Got: shapeOf(n)}
}

// eachPair calls f for each key and value of mapping n, in order; a key written twice, or an
// alias, is an error.
func eachPair(n *yaml.Node, in string, f func(k, v *yaml.Node) error) error {
	seen := map[string]bool{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if k.Kind == yaml.AliasNode || v.Kind == yaml.AliasNode {
			return &MappingError{Problem: MappingAlias, Line: v.Line}
		}
		if seen[k.Value] {
			return &MappingError{Problem: MappingTwice, Line: k.Line, Key: k.Value, In: in}
		}
		seen[k.Value] = true
		if err := f(k, v); err != nil {
			return err
		}
	}
	return nil
}

func isNull(n *yaml.Node) bool { return n.Kind == yaml.ScalarNode && n.Tag == "!!null" }
