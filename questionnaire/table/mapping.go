package table

import (
	"fmt"
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

// ReadMapping reads a --columns file against bank b: every question id it names must be one
// of the bank's, and every option word must map to one of the question's answers.
func ReadMapping(name string, raw []byte, b *questionnaire.Bank) (*Mapping, error) {
	var doc struct {
		Columns map[string]string         `yaml:"columns"`
		Options map[string]map[string]any `yaml:"options"`
	}
	dec := yaml.NewDecoder(strings.NewReader(string(raw)))
	dec.KnownFields(true)
	if err := dec.Decode(&doc); err != nil {
		return nil, fmt.Errorf("%s: %s (a mapping file has `columns:` from header to question id, and optionally `options:` from question id to {word: answer})", name, strings.TrimPrefix(err.Error(), "yaml: "))
	}
	m := &Mapping{Columns: map[string]string{}, Options: map[string]map[string]any{}}
	for h, id := range doc.Columns {
		m.Columns[strings.TrimSpace(h)] = id
	}
	for id, words := range doc.Options {
		q := b.Question(id)
		if q == nil {
			return nil, fmt.Errorf("%s: `options` names %q, which is not a question of bank %q", name, id, b.ID)
		}
		m.Options[id] = map[string]any{}
		for w, v := range words {
			if _, err := q.ParseValue(v); err != nil {
				return nil, fmt.Errorf("%s: option word %q of %q: %v (%s)", name, w, id, err, q.Allowed())
			}
			m.Options[id][strings.ToLower(strings.TrimSpace(w))] = v
		}
	}
	return m, nil
}
