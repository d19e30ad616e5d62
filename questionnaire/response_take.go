package questionnaire

import (
	"github.com/candor-app/candor/internal/yamlpos"
	"go.yaml.in/yaml/v3"
)

// ReadAnswersFile reads the file given to `candor take --answers`: a response file (one with
// `kind: response` or `candor: 1`), or a plain mapping of question id (or the question's
// number on the worksheet, `1: yes`) to answer, in YAML or JSON. A plain mapping becomes a response to bank b. Check the answers with Resolve, which
// names the file, line and column of any answer that does not fit.
func ReadAnswersFile(path string, b *Bank) (*Response, Diagnostics) {
	src, err := ReadFileLimited(path)
	if err != nil {
		return nil, fileDiagnostics(path, err)
	}
	return ReadAnswers(path, src, b)
}

// ReadAnswers is ReadAnswersFile on bytes; name is used in diagnostics.
func ReadAnswers(name string, raw []byte, b *Bank) (*Response, Diagnostics) {
	d := &diags{file: name}
	return finish(d, readAnswers(d, name, raw, b))
}

func readAnswers(d *diags, name string, raw []byte, b *Bank) *Response {
	_, root := parseFile(d, raw, "the answers file is empty", "write one `question_id: answer` per line")
	if root == nil {
		return nil
	}
	w := newReader(d)
	root = w.Resolve(root, 0)
	if root == nil {
		return nil
	}
	if root.Kind != yaml.MappingNode {
		d.errorf(w.pos(root), "write one `question_id: answer` per line", "the answers must be a mapping of question ids to answers, not %s", yamlpos.KindName(root))
		return nil
	}
	for i := 0; i+1 < len(root.Content); i += 2 {
		if k := root.Content[i]; k.Kind == yaml.ScalarNode && (k.Value == "kind" || k.Value == "candor") {
			return readResponse(d, name, raw)
		}
	}
	r := newReadResponse(name)
	if b != nil {
		r.Bank = BankRef{ID: b.ID, Version: b.Version, Digest: b.Digest}
	}
	r.keyPos = map[string]Pos{}
	r.readAnswers(w, root, 1)
	return r
}
