package questionnaire

import (
	"bytes"
	"fmt"

	"github.com/candor-app/candor/internal/yamlpos"
	"go.yaml.in/yaml/v3"
)

// One set of limits holds for the files candor writes and the files it reads: a response is
// never saved in a shape its own readers refuse. The reader's limits are MaxFileSize bytes and
// yamlpos.MaxNodes lines, commas and brackets (counted before parsing, see yamlpos.Parse), and
// MaxTextAnswer characters an answer; Marshal refuses to write past them, CheckAnswerFits
// says beforehand whether an answer still fits, and a response whose aliases would write out
// past them is refused when read (yamlpos.Parse) or when Marshal writes it back.

// TooLargeError says a file would be refused when read back.
type TooLargeError struct {
	// Bytes and Syntax are the file's size and its lines, commas and brackets.
	Bytes, Syntax int
}

func (e *TooLargeError) Error() string {
	if e.Bytes > MaxFileSize {
		return fmt.Sprintf("the file would be larger than the %d MiB candor reads back", MaxFileSize>>20)
	}
	return fmt.Sprintf("the file would have more than the %d lines, commas and brackets candor reads back", yamlpos.MaxNodes)
}

func checkFits(size, syntax int) error {
	if size > MaxFileSize || syntax > yamlpos.MaxNodes {
		return &TooLargeError{Bytes: size, Syntax: syntax}
	}
	return nil
}

// AnswerTooLargeError is CheckAnswerFits's refusal: which limit the file would pass
// (TooLargeError's Bytes and Syntax). A front end says it to the person in its words
// (ask/askwords).
type AnswerTooLargeError struct{ TooLargeError }

func (e *AnswerTooLargeError) Error() string { return "with this answer, " + e.TooLargeError.Error() }

// answerSlack keeps CheckAnswerFits on the safe side of what it cannot see cheaply: the
// status and the skipped list changing with the answer.
const answerSlack = 1024

// CheckAnswerFits reports whether response r, saved with v as the answer to q (bank b orders
// the answers, as Marshal does), would still be read back; an *AnswerTooLargeError when not.
// It costs one Marshal of r the first time (and after r changed without one), then two
// small encodings: a session calls it for every answer before recording it.
func CheckAnswerFits(r *Response, b *Bank, q *Question, v any) error {
	if !r.written.valid {
		if _, err := r.Marshal(b); err != nil {
			if tl, ok := err.(*TooLargeError); ok {
				return &AnswerTooLargeError{*tl}
			}
			return err
		}
	}
	size, syntax := r.written.bytes+answerSlack, r.written.syntax+answerSlack/16
	if old, ok := r.Answers[q.ID]; ok {
		s, n := entrySize(q.ID, old)
		size, syntax = size-s, syntax-n
	}
	s, n := entrySize(q.ID, v)
	if err := checkFits(size+s, syntax+n); err != nil {
		return &AnswerTooLargeError{*err.(*TooLargeError)}
	}
	return nil
}

// entrySize is what the answer v to id adds to a response file, in bytes and in lines,
// commas and brackets.
func entrySize(id string, v any) (size, syntax int) {
	if v == nil {
		return 0, 0
	}
	str := func(s string) *yaml.Node { return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s} }
	answers := &yaml.Node{Kind: yaml.MappingNode, Content: []*yaml.Node{str(id), valueNode(v)}}
	root := &yaml.Node{Kind: yaml.MappingNode, Content: []*yaml.Node{str("answers"), answers}}
	out, err := encodeYAML(root)
	if err != nil {
		return MaxFileSize + 1, 0
	}
	const head = "answers:\n"
	return len(out) - len(head), yamlpos.SyntaxCount(out) - 1
}

// writtenSize is what Marshal last wrote, while the response has not changed since.
type writtenSize struct {
	bytes, syntax int
	valid         bool
}

// encodeYAML writes a node as candor writes its files (2-space indent, lines never folded).
func encodeYAML(root *yaml.Node) ([]byte, error) {
	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(root); err != nil {
		return nil, err
	}
	if err := enc.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
