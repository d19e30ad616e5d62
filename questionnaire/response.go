package questionnaire

import (
	"bytes"
	"fmt"
	"slices"
	"sort"
	"time"

	"github.com/candor-app/candor/internal/suggest"
	"github.com/candor-app/candor/internal/yamlpos"
	"go.yaml.in/yaml/v3"
)

// Status is where a response stands: `status` in the file, `status` in the JSON result.
type Status string

// Response statuses.
const (
	InProgress Status = "in-progress"
	Completed  Status = "completed"
)

// BankRef names the bank a response answers.
type BankRef struct {
	ID      string `json:"id"`
	Version string `json:"version"`
	Digest  string `json:"digest,omitempty"`
	// File is where the bank file answered was (an absolute path), when it was a file and not
	// a built-in bank: `take --resume` and the other commands find the bank there.
	File string `json:"file,omitempty"`
}

// Response is a saved set of answers (docs/spec.md §2).
type Response struct {
	Bank BankRef
	// Language is the language the bank was answered in (`language`, docs/spec.md §2), ""
	// for the bank's own.
	Language   string
	Respondent string
	Status     Status
	Started    time.Time
	Updated    time.Time
	// Answers holds answers as written: bool, float64, string or []any. Answers to questions
	// a bank does not have are kept, so rewriting the file never drops them.
	Answers map[string]any
	// Order is the order answers appeared in the file.
	Order   []string
	Skipped []string
	// Declined are the questions answered "I'd rather not answer" (`declined`, docs/spec.md
	// §2): no answer for scores and safety, kept apart from Skipped.
	Declined []string
	// File is where the response was read from; BankPos is where its bank id is written.
	File    string
	BankPos Pos

	answerPos  map[string]Pos
	answerNode map[string]*yaml.Node
	// declinedPos is where each id of `declined` is written.
	declinedPos map[string]Pos
	// keyPos is where each key of a plain answers file is written (nil for a response
	// file): its keys may be worksheet numbers, which Resolve turns into ids.
	keyPos     map[string]Pos
	versionPos Pos
	digestPos  Pos
	// written is what Marshal last wrote, for CheckAnswerFits.
	written writtenSize
	// encoded keeps each answer's YAML between calls of Marshal.
	encoded map[string]encodedAnswer
	// statusRead says the file read had a `status:` line.
	statusRead bool
}

// Drifted reports whether b is not quite the bank r was answered with: another version, or
// the same version with different content. Resolve then warns of it, for a counselor, with
// the code CodeBankDrift; `candor take` says it to the person in plain words instead.
func (r *Response) Drifted(b *Bank) bool {
	return r.Bank.Version != "" && r.Bank.Version != b.Version ||
		r.Bank.Digest != "" && b.Digest != "" && r.Bank.Digest != b.Digest
}

// ClaimedStatus is the status the file read says it has, "" when it says none (or the
// response was not read from a file). It is a claim: scoring derives the status from the
// answers and warns when the two differ.
func (r *Response) ClaimedStatus() Status {
	if !r.statusRead {
		return ""
	}
	return r.Status
}

// NewResponse starts an empty response to bank b.
func NewResponse(b *Bank, now time.Time) *Response {
	now = now.UTC().Truncate(time.Second)
	return &Response{
		Bank:     BankRef{ID: b.ID, Version: b.Version, Digest: b.Digest},
		Language: b.Translated(),
		Status:   InProgress,
		Started:  now,
		Updated:  now,
		Answers:  map[string]any{},
	}
}

var responseKeys = []string{"candor", "kind", "bank", "language", "respondent", "status", "started", "updated", "answers", "skipped", "declined"}

// ReadResponse parses a response file. Answers are kept as written; Resolve checks them
// against a bank.
func ReadResponse(name string, raw []byte) (*Response, Diagnostics) {
	d := &diags{file: name}
	return finish(d, readResponse(d, name, raw))
}

// ReadResponseFile reads a response from a file path.
func ReadResponseFile(path string) (*Response, Diagnostics) {
	src, err := ReadFileLimited(path)
	if err != nil {
		return nil, fileDiagnostics(path, err)
	}
	return ReadResponse(path, src)
}

func readResponse(d *diags, name string, raw []byte) *Response {
	_, root := parseFile(d, raw, "the response file is empty", "the file may have been cut short; a saved response starts with `candor: 1`")
	if root == nil {
		return nil
	}
	if looksLikeBank(root) {
		d.errorf(Pos{Line: 1, Col: 1}, "", "this file is a question bank, not a response")
		d.coded(CodeBankNotResponse)
		return nil
	}
	if looksLikeAnswers(root) {
		d.errorf(Pos{Line: 1, Col: 1}, "", "this is an answers file, not a saved response")
		d.coded(CodeAnswersNotResponse)
		return nil
	}
	w := newReader(d)
	m := w.Mapping(root, "the response", responseKeys, []string{"candor", "kind", "bank", "answers"}, 0)
	if m == nil {
		return nil
	}
	r := newReadResponse(name)
	readResponseKind(w, m)
	if e, ok := m["bank"]; ok {
		r.readBankRef(w, e)
	}
	if e, ok := m["language"]; ok {
		if v, ok := w.Str(e.Val, "`language`", 1); ok {
			if langRE.MatchString(v) {
				r.Language = v
			} else {
				w.errorf(w.pos(e.Val), "use a language tag such as `en` or `es`", "language %q is not a language tag", v)
			}
		}
	}
	if e, ok := m["respondent"]; ok {
		if n := w.Scalar(e.Val, "`respondent`", 1); n != nil && n.Tag != "!!null" {
			r.Respondent = n.Value
		}
	}
	r.readStatus(w, m)
	if e, ok := m["answers"]; ok {
		n := w.Resolve(e.Val, 1)
		switch {
		case n == nil:
		case n.Kind == yaml.ScalarNode && n.Tag == "!!null":
		case n.Kind != yaml.MappingNode:
			d.errorf(w.pos(n), "write one `question_id: answer` per line", "`answers` must map question ids to answers, not %s", yamlpos.KindName(n))
		default:
			r.readAnswers(w, n, 2)
		}
	}
	if e, ok := m["skipped"]; ok {
		for _, n := range w.Sequence(e.Val, "`skipped`", 1) {
			if v, ok := w.Str(n, "a skipped question id", 2); ok {
				r.Skipped = append(r.Skipped, v)
			}
		}
	}
	if e, ok := m["declined"]; ok {
		for _, n := range w.Sequence(e.Val, "`declined`", 1) {
			if v, ok := w.Str(n, "a declined question id", 2); ok && !slices.Contains(r.Declined, v) {
				r.Declined = append(r.Declined, v)
				r.declinedPos[v] = w.pos(n)
			}
		}
	}
	return r
}

// readResponseKind checks `candor` (the format version) and `kind`.
func readResponseKind(w *reader, m map[string]yamlpos.Entry) {
	if e, ok := m["candor"]; ok {
		if v, ok := w.Integer(e.Val, "`candor`", 1); ok && v != FormatVersion {
			w.errorf(w.pos(e.Val), "this candor reads format 1", "unknown response format version %d", v)
		}
	}
	if e, ok := m["kind"]; ok {
		if v, ok := w.Str(e.Val, "`kind`", 1); ok && v != "response" {
			hint, code := "a response file has `kind: response`", ""
			if v == "bank" || e.Val.Value == "" {
				hint, code = "is this a question bank?", CodeBankNotResponse
			}
			w.errorf(w.pos(e.Val), hint, "this file is a %q, not a response", v)
			w.coded(code)
		}
	}
}

// readBankRef reads `bank`: the id, version and digest of the bank answered.
func (r *Response) readBankRef(w *reader, e yamlpos.Entry) {
	bm := w.Mapping(e.Val, "`bank`", []string{"id", "version", "digest", "file"}, []string{"id"}, 1)
	if bm == nil {
		return
	}
	if e, ok := bm["id"]; ok {
		r.Bank.ID, _ = w.Str(e.Val, "the bank id", 2)
		r.BankPos = w.pos(e.Val)
	}
	if e, ok := bm["version"]; ok {
		r.Bank.Version, _ = w.Str(e.Val, "the bank version", 2)
		r.versionPos = w.pos(e.Val)
	}
	if e, ok := bm["digest"]; ok {
		r.Bank.Digest, _ = w.Str(e.Val, "the bank digest", 2)
		r.digestPos = w.pos(e.Val)
	}
	if e, ok := bm["file"]; ok {
		r.Bank.File, _ = w.Str(e.Val, "the bank file", 2)
	}
}

// readStatus reads `status`, `started` and `updated`.
func (r *Response) readStatus(w *reader, m map[string]yamlpos.Entry) {
	if e, ok := m["status"]; ok {
		if v, ok := w.Str(e.Val, "`status`", 1); ok {
			if Status(v) != InProgress && Status(v) != Completed {
				w.errorf(w.pos(e.Val), "write in-progress or completed", "unknown status %q", v)
			}
			r.Status = Status(v)
			r.statusRead = true
		}
	}
	for _, k := range []string{"started", "updated"} {
		e, ok := m[k]
		if !ok {
			continue
		}
		if n := w.Scalar(e.Val, "`"+k+"`", 1); n != nil {
			t, err := time.Parse(time.RFC3339, n.Value)
			if err == nil && !StampFits(t) {
				w.errorf(w.pos(n), "write a date and time such as 2026-11-22T09:00:00Z", "`%s` is %q, which is past the year 9999 in UTC; candor could not write it back", k, truncate(n.Value, 40))
				continue
			}
			if err != nil {
				w.errorf(w.pos(n), "write a date and time such as 2026-11-22T09:00:00Z", "`%s` is not a date and time: %q", k, truncate(n.Value, 40))
				continue
			}
			if k == "started" {
				r.Started = t
			} else {
				r.Updated = t
			}
		}
	}
}

// StampFits reports whether t is a time candor can write back as it reads it: RFC 3339 in
// UTC has four digits of year, so a time within the years 0000 to 9999 in UTC
// (9999-12-31T23:00:00-05:00 is in the year 10000 there).
func StampFits(t time.Time) bool {
	y := t.UTC().Year()
	return y >= 0 && y <= 9999
}

// looksLikeBank reports whether a document is a question bank: a mapping without `kind`
// that has `questions` or `sections`.
func looksLikeBank(root *yaml.Node) bool {
	if root == nil || root.Kind != yaml.MappingNode {
		return false
	}
	bank := false
	for i := 0; i+1 < len(root.Content); i += 2 {
		switch root.Content[i].Value {
		case "kind":
			return false
		case "questions", "sections":
			bank = true
		}
	}
	return bank
}

// looksLikeAnswers reports whether a document is a plain answers file (what `take
// --answers` reads): a mapping of question ids to answers, none of its keys a response's
// key, every answer a scalar or a list of scalars.
func looksLikeAnswers(root *yaml.Node) bool {
	if root == nil || root.Kind != yaml.MappingNode || len(root.Content) == 0 {
		return false
	}
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		if k.Kind != yaml.ScalarNode || slices.Contains(responseKeys, k.Value) || k.Value == "questions" || k.Value == "sections" {
			return false
		}
		switch v.Kind {
		case yaml.ScalarNode:
		case yaml.SequenceNode:
			for _, c := range v.Content {
				if c.Kind != yaml.ScalarNode {
					return false
				}
			}
		default:
			return false
		}
	}
	return true
}

// newReadResponse is an empty response being read from the file name.
func newReadResponse(name string) *Response {
	return &Response{File: name, Answers: map[string]any{}, answerPos: map[string]Pos{}, answerNode: map[string]*yaml.Node{}, declinedPos: map[string]Pos{}, Status: InProgress}
}

// readAnswers reads a mapping of question ids to answers into r, keeping each answer's
// position and node so that Resolve can point at it.
func (r *Response) readAnswers(w *reader, n *yaml.Node, depth int) {
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if k.Kind != yaml.ScalarNode {
			w.errorf(w.pos(k), "", "an answer's key must be a question id")
			continue
		}
		id := k.Value
		if _, dup := r.answerPos[id]; dup {
			w.errorf(w.pos(k), "keep one answer per question", "question %q is answered twice", id)
			continue
		}
		v = w.Resolve(v, depth)
		if v == nil {
			continue
		}
		val, err := rawValue(v)
		if err != nil {
			w.errorf(w.pos(v), "", "the answer to %q %v", id, err)
			continue
		}
		r.Order = append(r.Order, id)
		r.Answers[id] = val
		r.answerPos[id] = w.pos(v)
		r.answerNode[id] = v
		if r.keyPos != nil {
			r.keyPos[id] = w.pos(k)
		}
	}
}

// renumber turns the keys of a plain answers file that are worksheet numbers (`1: yes`, as
// `candor show` numbers the questions) into the ids of those questions of b; a key that is an
// id of b stays as it is. A number no question has, or a question answered both by number
// and by id, is an error at the key.
func (r *Response) renumber(b *Bank, d *diags) {
	if r.keyPos == nil {
		return
	}
	order := make([]string, 0, len(r.Order))
	for _, key := range r.Order {
		n, isNum := WorksheetNumber(key)
		if b.Question(key) != nil || !isNum {
			order = append(order, key)
			continue
		}
		q := b.ByNumber(n)
		switch {
		case q == nil:
			d.errorf(r.keyPos[key], fmt.Sprintf("the worksheet of %q numbers its questions 1 to %d", b.ID, b.QuestionCount()), "there is no question %d", n)
		case r.answerNode[q.ID] != nil:
			d.errorf(r.keyPos[key], "keep one answer per question", "question %q is answered twice (as %s and as %s)", q.ID, q.ID, key)
		default:
			order = append(order, q.ID)
			r.Answers[q.ID], r.answerPos[q.ID], r.answerNode[q.ID], r.keyPos[q.ID] = r.Answers[key], r.answerPos[key], r.answerNode[key], r.keyPos[key]
		}
		delete(r.Answers, key)
		delete(r.answerPos, key)
		delete(r.answerNode, key)
	}
	r.Order = order
	r.keyPos = nil
}

// rawValue reads an answer as written, without a bank: a scalar, a list of scalars, or null.
func rawValue(n *yaml.Node) (any, error) {
	switch n.Kind {
	case yaml.ScalarNode:
		if n.Tag == "!!null" {
			return nil, nil
		}
		return scalarValue(n), nil
	case yaml.SequenceNode:
		out := make([]any, 0, len(n.Content))
		for _, c := range n.Content {
			if c.Kind != yaml.ScalarNode {
				return nil, fmt.Errorf("must be a list of single values")
			}
			out = append(out, scalarValue(c))
		}
		return out, nil
	}
	return nil, fmt.Errorf("must be a single value or a list, not %s", yamlpos.KindName(n))
}

// AnswerPos returns where the answer to id was written, if read from a file.
func (r *Response) AnswerPos(id string) Pos {
	if p, ok := r.answerPos[id]; ok {
		return p
	}
	return Pos{File: r.File}
}

// Resolve checks the response against bank b and returns its normalized answers. Answers that
// do not fit their question are errors naming the file, the question and what is allowed;
// answers to questions the bank does not have, and a different bank version or digest, are
// warnings.
func (r *Response) Resolve(b *Bank) (Answers, Diagnostics) {
	d := &diags{file: r.File}
	top := Pos{File: r.File, Line: 1, Col: 1}
	at := func(p Pos) Pos {
		if p.Line == 0 {
			return top
		}
		return p
	}
	if r.Bank.ID != b.ID {
		d.errorf(at(r.BankPos), fmt.Sprintf("read it with the bank it answers, %q", r.Bank.ID), "this response answers bank %q, not %q", r.Bank.ID, b.ID)
		d.coded(CodeOtherBank, "bank", r.Bank.ID, "read_with", b.ID)
		return nil, d.list
	}
	// Drifted's cases, coded CodeBankDrift.
	switch {
	case r.Bank.Version != "" && r.Bank.Version != b.Version:
		d.warnf(at(r.versionPos), "scores may differ from when it was answered", "the response was given to version %s of %q; this is version %s", r.Bank.Version, b.ID, b.Version)
		d.coded(CodeBankDrift)
	case r.Bank.Digest != "" && b.Digest != "" && r.Bank.Digest != b.Digest:
		d.warnf(at(r.digestPos), "scores may differ from when it was answered", "bank %q has changed since this response was given (same version %s, different content)", b.ID, b.Version)
		d.coded(CodeBankDrift)
	}
	r.renumber(b, d)
	r.declineWritten(b)
	out := Answers{}
	for _, id := range r.Order {
		q := b.Question(id)
		if q == nil {
			var ids []string
			for _, q := range b.Questions {
				ids = append(ids, q.ID)
			}
			hint := "it is kept in the file but not scored"
			if s := suggest.DidYouMean(id, ids, ""); s != "" {
				hint = s + " It is kept in the file but not scored"
			}
			d.warnf(r.AnswerPos(id), hint, "answer to %q, which bank %q does not have", id, b.ID)
			continue
		}
		var val any
		var err error
		switch n := r.answerNode[id]; {
		case q.Type == Date:
			// A stored date is held to the `today` of the day the response was last updated,
			// not this one's: still valid as the days move on, and never later than the day it
			// was saved (docs/spec.md §2). Without `updated`, `today` bounds are not checked.
			day := ""
			if !r.Updated.IsZero() {
				day = r.Updated.Local().Format(DateLayout)
			}
			val, err = q.parseDate(r.Answers[id], day)
		case n != nil:
			val, err = q.ParseNode(n)
		default:
			val, err = q.ParseValue(r.Answers[id])
		}
		if err != nil {
			d.errorf(r.AnswerPos(id), q.Allowed(), "%v", err)
			continue
		}
		if val != nil {
			out[id] = val
		}
	}
	r.checkDeclined(b, d, out)
	return out, d.list
}

// declineWritten turns an answer written as declining (`declined`, `rather not say`, …:
// DeclineText) to a question of b that allows it into a declined question: an answers file
// or a table says it so, a response file lists it under `declined`.
func (r *Response) declineWritten(b *Bank) {
	for _, id := range slices.Clone(r.Order) {
		q := b.Question(id)
		if s, ok := r.Answers[id].(string); ok && q != nil && q.Declines(s) {
			if p, ok := r.answerPos[id]; ok && r.declinedPos != nil {
				r.declinedPos[id] = p
			}
			r.SetAnswer(id, nil)
			r.SetDeclined(id, true)
		}
	}
}

// checkDeclined checks the declined questions against b: one the bank does not have is a
// warning (kept in the file, as an answer would be), one that also has an answer an error.
// A question that no longer allows declining stays declined: it is no answer either way.
func (r *Response) checkDeclined(b *Bank, d *diags, answers Answers) {
	for _, id := range r.Declined {
		p, ok := r.declinedPos[id]
		if !ok {
			p = Pos{File: r.File, Line: 1, Col: 1}
		}
		switch {
		case b.Question(id) == nil:
			d.warnf(p, "it is kept in the file but not scored", "declined question %q, which bank %q does not have", id, b.ID)
		case answers[id] != nil:
			d.errorf(p, "keep the answer, or remove it to leave the question declined", "question %q is both answered and declined", id)
		}
	}
}

// SetAnswer records an answer (nil removes it) and keeps the file's order.
func (r *Response) SetAnswer(id string, v any) {
	r.written.valid = false
	if r.Answers == nil {
		r.Answers = map[string]any{}
	}
	if v == nil {
		delete(r.Answers, id)
		for i, x := range r.Order {
			if x == id {
				r.Order = append(r.Order[:i:i], r.Order[i+1:]...)
				break
			}
		}
		delete(r.answerNode, id)
		return
	}
	if _, ok := r.Answers[id]; !ok {
		r.Order = append(r.Order, id)
	}
	r.Answers[id] = v
	delete(r.answerNode, id)
}

// SetSkipped marks or unmarks a question as skipped.
func (r *Response) SetSkipped(id string, skipped bool) {
	r.written.valid = false
	for i, x := range r.Skipped {
		if x == id {
			if skipped {
				return
			}
			r.Skipped = append(r.Skipped[:i:i], r.Skipped[i+1:]...)
			return
		}
	}
	if skipped {
		r.Skipped = append(r.Skipped, id)
	}
}

// SetDeclined marks or unmarks a question as declined ("I'd rather not answer").
func (r *Response) SetDeclined(id string, declined bool) {
	r.written.valid = false
	if i := slices.Index(r.Declined, id); i >= 0 {
		if !declined {
			r.Declined = append(r.Declined[:i:i], r.Declined[i+1:]...)
		}
		return
	}
	if declined {
		r.Declined = append(r.Declined, id)
	}
}

// Marshal writes the response as YAML. Answers come in the bank's question order (when b is
// given), then answers to questions the bank does not have, in their file order.
//
// `candor take` writes the whole file after every answer, so Marshal keeps each answer's
// YAML from one call to the next and encodes only the answers that changed: each save costs
// a copy of the file, not an encoding of every answer. It must not be called concurrently
// on one Response.
func (r *Response) Marshal(b *Bank) ([]byte, error) {
	ids := r.answerOrder(b)
	str := textNode
	kv := func(m *yaml.Node, k string, v *yaml.Node) { m.Content = append(m.Content, str(k), v) }
	root := &yaml.Node{Kind: yaml.MappingNode}
	kv(root, "candor", &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!int", Value: "1"})
	kv(root, "kind", str("response"))
	bank := &yaml.Node{Kind: yaml.MappingNode, Style: yaml.FlowStyle}
	kv(bank, "id", str(r.Bank.ID))
	kv(bank, "version", str(r.Bank.Version))
	if r.Bank.Digest != "" {
		kv(bank, "digest", &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: r.Bank.Digest, Style: yaml.DoubleQuotedStyle})
	}
	if r.Bank.File != "" {
		kv(bank, "file", &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: r.Bank.File, Style: yaml.DoubleQuotedStyle})
	}
	kv(root, "bank", bank)
	if r.Language != "" {
		kv(root, "language", str(r.Language))
	}
	if r.Respondent != "" {
		kv(root, "respondent", str(r.Respondent))
	}
	status := r.Status
	if status == "" {
		status = InProgress
	}
	kv(root, "status", str(string(status)))
	if !r.Started.IsZero() {
		kv(root, "started", &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!timestamp", Value: r.Started.UTC().Format(time.RFC3339)})
	}
	if !r.Updated.IsZero() {
		kv(root, "updated", &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!timestamp", Value: r.Updated.UTC().Format(time.RFC3339)})
	}
	if len(ids) == 0 {
		kv(root, "answers", &yaml.Node{Kind: yaml.MappingNode, Style: yaml.FlowStyle})
	}
	head, err := encodeYAML(root)
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	buf.Write(head)
	// The answers, one top-level mapping entry each, indented under `answers:` as the
	// encoder indents a nested mapping.
	if len(ids) > 0 {
		buf.WriteString("answers:\n")
		if r.encoded == nil {
			r.encoded = map[string]encodedAnswer{}
		}
		for _, id := range ids {
			v := r.Answers[id]
			e, ok := r.encoded[id]
			if !ok || !sameAnswer(e.value, v) {
				one, err := encodeYAML(&yaml.Node{Kind: yaml.MappingNode, Content: []*yaml.Node{str(id), valueNode(v)}})
				if err != nil {
					return nil, err
				}
				e = encodedAnswer{value: v, yaml: indentLines(one, "  ")}
				r.encoded[id] = e
			}
			buf.Write(e.yaml)
		}
	}
	for _, list := range []struct {
		key string
		ids []string
	}{{"skipped", r.Skipped}, {"declined", r.Declined}} {
		if len(list.ids) == 0 {
			continue
		}
		sk := &yaml.Node{Kind: yaml.SequenceNode, Style: yaml.FlowStyle}
		for _, id := range list.ids {
			sk.Content = append(sk.Content, str(id))
		}
		m := &yaml.Node{Kind: yaml.MappingNode}
		kv(m, list.key, sk)
		out, err := encodeYAML(m)
		if err != nil {
			return nil, err
		}
		buf.Write(out)
	}
	out := buf.Bytes()
	// Never write what candor would not read back (a long answer written out, or what
	// aliases of the file read stood for).
	syntax := yamlpos.SyntaxCount(out)
	if err := checkFits(len(out), syntax); err != nil {
		return nil, err
	}
	r.written = writtenSize{bytes: len(out), syntax: syntax, valid: true}
	return out, nil
}

// answerOrder lists the ids of the answers in the order Marshal writes them. It runs on
// every save, so it looks each answer up once and keeps no set of the bank's answers.
func (r *Response) answerOrder(b *Bank) []string {
	ids := make([]string, 0, len(r.Answers))
	if b != nil {
		for _, q := range b.Questions {
			if _, ok := r.Answers[q.ID]; ok {
				ids = append(ids, q.ID)
			}
		}
	}
	if len(ids) == len(r.Answers) {
		return ids
	}
	// Answers to questions the bank does not have: in file order, then the rest sorted.
	done := map[string]bool{}
	for _, id := range r.Order {
		if _, ok := r.Answers[id]; ok && !done[id] && (b == nil || b.Question(id) == nil) {
			ids = append(ids, id)
			done[id] = true
		}
	}
	var rest []string
	for id := range r.Answers {
		if !done[id] && (b == nil || b.Question(id) == nil) {
			rest = append(rest, id)
		}
	}
	sort.Strings(rest)
	return append(ids, rest...)
}

// encodedAnswer is one answer's YAML entry, kept for the value it was written from.
type encodedAnswer struct {
	value any
	yaml  []byte
}

// sameAnswer reports whether two answers as written (bool, float64, string, []any of
// those) are the same.
func sameAnswer(a, b any) bool {
	switch x := a.(type) {
	case bool, float64, string:
		return a == b
	case []any:
		y, ok := b.([]any)
		if !ok || len(x) != len(y) {
			return false
		}
		for i := range x {
			if !sameAnswer(x[i], y[i]) {
				return false
			}
		}
		return true
	}
	return false
}

// indentLines puts indent before every line of text but the empty ones.
func indentLines(text []byte, indent string) []byte {
	var out bytes.Buffer
	for _, l := range bytes.SplitAfter(text, []byte("\n")) {
		if len(l) > 0 && l[0] != '\n' {
			out.WriteString(indent)
		}
		out.Write(l)
	}
	return out.Bytes()
}

func valueNode(v any) *yaml.Node {
	switch x := v.(type) {
	case bool:
		s := "false"
		if x {
			s = "true"
		}
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!bool", Value: s}
	case float64:
		tag := "!!float"
		if x == float64(int64(x)) {
			tag = "!!int"
		}
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: tag, Value: formatNumber(x)}
	case string:
		return textNode(x)
	case []any:
		n := &yaml.Node{Kind: yaml.SequenceNode, Style: yaml.FlowStyle}
		for _, e := range x {
			n.Content = append(n.Content, valueNode(e))
		}
		return n
	}
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!null", Value: "null"}
}
