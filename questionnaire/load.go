package questionnaire

import (
	"bytes"
	"fmt"
	"io/fs"
	"regexp"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/candor-app/candor/internal/agekey"
	"github.com/candor-app/candor/internal/suggest"
	"github.com/candor-app/candor/internal/yamlpos"
	"github.com/candor-app/candor/questionnaire/cond"
)

var (
	bankIDRE = regexp.MustCompile(`^[a-z][a-z0-9-]*$`)
	idRE     = regexp.MustCompile(`^[a-z][a-z0-9_]*$`)
	langRE   = regexp.MustCompile(`^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$`)
	semverRE = regexp.MustCompile(`^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?(?:\+[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?$`)
)

// Keys of each part of a bank, in the order the docs list them.
var (
	topKeys       = []string{"candor", "id", "version", "title", "for", "language", "languages", "intro", "outro", "safety_open", "decline", "sources", "recipients", "choices", "sections", "questions", "scores", "flags", "outcomes", "tests"}
	sourceKeys    = []string{"title", "author", "url", "note"}
	optionKeys    = []string{"value", "label", "score", "code", "exclusive"}
	sectionKeys   = []string{"id", "title", "intro", "when", "questions"}
	questionKeys  = []string{"id", "text", "help", "type", "choices", "min", "max", "labels", "required", "decline", "when", "reverse", "code", "warning_sign"}
	scoreKeys     = []string{"id", "label", "items", "method", "weights", "max_missing", "not_asked", "missing", "round", "bands", "code", "highlight", "theme", "change"}
	codingKeys    = []string{"system", "code", "display"}
	bandKeys      = []string{"max", "label", "text", "hopeful", "together"}
	flagKeys      = []string{"id", "when", "level", "title", "text", "show", "together"}
	outcomeKeys   = []string{"id", "when", "title", "text", "hopeful", "together"}
	outroKeys     = []string{"text", "together"}
	noticeKeys    = []string{"title", "text"}
	testKeys      = []string{"name", "answers", "expect"}
	expectKeys    = []string{"outcome", "scores", "bands", "flags"}
	questionTypes = []string{string(YesNo), string(Choice), string(Multi), string(Scale), string(Number), string(Text), string(Date), string(Info)}
	methods       = []string{string(Sum), string(Mean), string(Percent)}
	levels        = []string{string(Urgent), string(Warn), string(NoteLvl)}
)

// maxDiagnostics caps how many problems one file reports.
const maxDiagnostics = 200

// MaxQuestions is the most questions a bank may have: far above any real one, so that a
// hostile file cannot make validation slow. Every other list (sources, choice lists and their
// options, sections, scores, bands, flags, outcomes and tests) is bounded by yamlpos.MaxListLen.
const MaxQuestions = 5000

// LoadFile reads and loads a bank from a file path, with its translations beside it
// (docs/spec.md §1, "Languages").
func LoadFile(path string) (*Bank, Diagnostics) {
	src, err := ReadFileLimited(path)
	if err != nil {
		return nil, fileDiagnostics(path, err)
	}
	b, ds := Load(path, src)
	return withLanguages(b, ds, diskSiblings(path))
}

// LoadFS reads and loads a bank from a file system, with its translations beside it.
func LoadFS(fsys fs.FS, name string) (*Bank, Diagnostics) {
	f, err := fsys.Open(name)
	if err != nil {
		return nil, fileDiagnostics(name, openError(name, err))
	}
	defer f.Close()
	src, err := readLimited(f, name)
	if err != nil {
		return nil, fileDiagnostics(name, err)
	}
	b, ds := Load(name, src)
	return withLanguages(b, ds, fsSiblings(fsys, name))
}

// Load parses and validates a bank from src; name is used in diagnostics. The bank is nil
// when there are errors. Warnings may come with a usable bank.
func Load(name string, src []byte) (*Bank, Diagnostics) {
	d := &diags{file: name}
	return finish(d, parse(d, name, src))
}

// finish sorts what reading a file found, caps it at maxDiagnostics with a line saying how
// many more there are, and returns x only when there is no error.
func finish[T any](d *diags, x *T) (*T, Diagnostics) {
	ds := d.list
	ds.Sort()
	if len(ds) > maxDiagnostics || d.dropped > 0 {
		rest := ds[min(len(ds), maxDiagnostics):]
		more := Diagnostic{Severity: Warning, Pos: Pos{File: d.file}, Summary: fmt.Sprintf("and %d more problems", len(rest)+d.dropped),
			Hint: "fix these first; the rest are shown once there are fewer"}
		if rest.HasErrors() || d.droppedErr {
			more.Severity = Error
		}
		ds = append(ds[:min(len(ds), maxDiagnostics):min(len(ds), maxDiagnostics)], more)
	}
	if ds.HasErrors() {
		return nil, ds
	}
	return x, ds
}

// isWebPage reports whether src is an HTML document (a page `candor form` wrote, say).
func isWebPage(src []byte) bool {
	head := bytes.ToLower(bytes.TrimSpace(src[:min(len(src), 512)]))
	return bytes.HasPrefix(head, []byte("<!doctype html")) || bytes.HasPrefix(head, []byte("<html"))
}

// parseFile checks that raw is a file candor reads (at most MaxFileSize, UTF-8 text without a
// BOM or NUL, and not empty) and parses its YAML. empty names an empty file of this kind, with
// emptyHint; when empty is "", yamlpos.Parse's own message for an empty bank is used.
func parseFile(d *diags, raw []byte, empty, emptyHint string) ([]byte, *yaml.Node) {
	if len(raw) > MaxFileSize {
		d.errorf(Pos{}, "", "the file is larger than %d MiB", MaxFileSize>>20)
		return nil, nil
	}
	// A page first: the text the page carries its engine in holds control characters, which
	// checkText would name instead (web/packed.go).
	if isWebPage(bytes.TrimPrefix(raw, []byte("\xef\xbb\xbf"))) {
		d.errorf(Pos{Line: 1, Col: 1}, "a web page is answered in a browser; candor reads YAML files: the bank it was made from, and the answers downloaded from it",
			"this is a web page (HTML), not a YAML file")
		d.coded(CodeWebPage)
		return nil, nil
	}
	src, ok := checkText(d, raw)
	if !ok {
		return nil, nil
	}
	if empty != "" && len(bytes.TrimSpace(src)) == 0 {
		d.errorf(Pos{Line: 1, Col: 1}, emptyHint, "%s", empty)
		return nil, nil
	}
	return src, yamlpos.Parse(d, src)
}

func parse(d *diags, name string, raw []byte) *Bank {
	src, root := parseFile(d, raw, "", "")
	if root == nil {
		return nil
	}
	return loadRoot(d, &Bank{File: name, Digest: Digest(raw), Src: src}, root)
}

// loadRoot loads the bank whose parsed root is root into b (its file, digest and text set).
func loadRoot(d *diags, b *Bank, root *yaml.Node) *Bank {
	b.Language, b.Pos = "en", d.pos(root)
	l := &loader{reader: newReader(d), b: b}
	l.top(root)
	if l.Exceeded() {
		return nil
	}
	(&checker{diags: d, b: b}).validate()
	return b
}

type loader struct {
	*reader
	b *Bank
	// names is the shared namespace of questions, scores and flags.
	names map[string]Pos
	// numbered counts the questions that take an answer, for Question.Number.
	numbered int
	// tooManyQuestions is set once the question limit was reported.
	tooManyQuestions bool
}

func (l *loader) top(root *yaml.Node) {
	if root.Kind == yaml.MappingNode {
		for i := 0; i+1 < len(root.Content); i += 2 {
			if k, v := root.Content[i], root.Content[i+1]; k.Value == "kind" && v.Value == "response" {
				l.errorf(l.pos(k), "a response holds someone's answers",
					"this is a response file (`kind: response`), not a question bank")
				l.coded(CodeResponseNotBank)
				return
			}
		}
	}
	m := l.Mapping(root, "the bank", topKeys, []string{"candor", "id", "version", "title"}, 0)
	if m == nil {
		return // mapping reported what was wrong
	}
	b := l.b
	if e, ok := m["candor"]; ok {
		if v, ok := l.Integer(e.Val, "`candor` (the format version)", 1); ok {
			if v != FormatVersion {
				l.errorf(l.pos(e.Val), "this candor reads format 1: write `candor: 1`", "unknown format version %d", v)
			}
			b.Format = v
		}
	}
	if e, ok := m["id"]; ok {
		if v, ok := l.Str(e.Val, "`id`", 1); ok {
			b.ID = v
			if !bankIDRE.MatchString(v) {
				l.errorf(l.pos(e.Val), "a bank id is lower-case letters, digits and dashes, starting with a letter, such as `trust-readiness`", "bank id %q is not kebab-case", v)
			}
		}
	}
	if e, ok := m["version"]; ok {
		if v, ok := l.Str(e.Val, "`version`", 1); ok {
			b.Version = v
			if !semverRE.MatchString(v) {
				hint := "write MAJOR.MINOR.PATCH, such as `1.0.0`"
				if strings.Count(v, ".") == 1 {
					hint = fmt.Sprintf("add a patch number: `%s.0`", v)
				}
				l.errorf(l.pos(e.Val), hint, "bank version %q is not a semantic version", v)
			}
		}
	}
	b.Title = l.optStr(m, "title", "`title`")
	b.For = l.optStr(m, "for", "`for`")
	if e, ok := m["language"]; ok {
		if v, ok := l.Str(e.Val, "`language`", 1); ok {
			b.Language = v
			if !langRE.MatchString(v) {
				l.errorf(l.pos(e.Val), "use a BCP 47 tag such as `en`, `en-GB` or `fr`", "language %q is not a language tag", v)
			}
		}
	}
	l.languages(m)
	b.Intro = l.optStr(m, "intro", "`intro`")
	l.outro(m)
	if e, ok := m["safety_open"]; ok {
		if nm := l.Mapping(e.Val, "`safety_open`", noticeKeys, []string{"text"}, 1); nm != nil {
			b.SafetyOpen = &Notice{Title: l.optStr(nm, "title", "`safety_open`'s `title`"), Text: l.optStr(nm, "text", "`safety_open`'s `text`"), Pos: l.pos(e.Val)}
		}
	}
	if e, ok := m["sources"]; ok {
		for _, n := range l.List(e.Val, "`sources`", 1) {
			sm := l.Mapping(n, "a source", sourceKeys, []string{"title"}, 2)
			if sm == nil {
				continue
			}
			b.Sources = append(b.Sources, &Source{
				Title: l.optStr(sm, "title", "a source's `title`"), Author: l.optStr(sm, "author", "`author`"),
				URL: l.optStr(sm, "url", "`url`"), Note: l.optStr(sm, "note", "`note`"), Pos: l.pos(n),
			})
		}
	}
	if e, ok := m["decline"]; ok {
		b.Decline, _ = l.Bool(e.Val, "`decline`", 1)
	}
	l.recipients(m)
	l.choiceLists(m)
	l.questionsAndSections(root, m)
	l.scores(m)
	l.flags(m)
	l.outcomes(m)
	l.tests(m)
}

// optBool reads an optional true/false key; false when it is not there.
func (l *loader) optBool(m map[string]yamlpos.Entry, key string, depth int) bool {
	e, ok := m[key]
	if !ok {
		return false
	}
	v, _ := l.Bool(e.Val, "`"+key+"`", depth)
	return v
}

// outro reads `outro`: text, or a list of parts, each text or `{text, together}`
// (docs/spec.md §1).
func (l *loader) outro(m map[string]yamlpos.Entry) {
	e, ok := m["outro"]
	if !ok {
		return
	}
	b := l.b
	n := l.Resolve(e.Val, 1)
	if n == nil {
		return
	}
	if n.Kind != yaml.SequenceNode {
		b.Outro = l.optStr(m, "outro", "`outro`")
		b.OutroParts = []*TextPart{{Text: b.Outro, Pos: l.pos(n)}}
		return
	}
	for _, pn := range l.List(n, "`outro`", 1) {
		part := &TextPart{Pos: l.pos(pn)}
		if r := l.Resolve(pn, 2); r != nil && r.Kind == yaml.MappingNode {
			pm := l.Mapping(r, "a part of `outro`", outroKeys, []string{"text"}, 2)
			if pm == nil {
				continue
			}
			part.Text = l.optStr(pm, "text", "a part's `text`")
			part.Together = l.optBool(pm, "together", 3)
		} else {
			v, _ := l.Str(pn, "a part of `outro`", 2)
			part.Text = strings.TrimRight(v, "\n")
		}
		b.OutroParts = append(b.OutroParts, part)
	}
	b.Outro = b.OutroFor(false)
}

// recipients reads `recipients:`, the counselors' public keys: each must be an age X25519
// recipient (age1…). They are checked by internal/agekey, not by age itself, so that the page
// engine of a page without keys links no encryption.
func (l *loader) recipients(m map[string]yamlpos.Entry) {
	e, ok := m["recipients"]
	if !ok {
		return
	}
	for i, n := range l.List(e.Val, "`recipients`", 1) {
		v, ok := l.Str(n, "a recipient", 2)
		if !ok {
			continue
		}
		if err := agekey.Check(strings.TrimSpace(v)); err != nil {
			l.errorf(l.pos(n), "a recipient is an age public key, starting with age1",
				"recipient %d, %q, is not an age public key", i+1, truncate(v, 70))
			l.coded(CodeRecipient)
			continue
		}
		l.b.Recipients = append(l.b.Recipients, strings.TrimSpace(v))
	}
}

func (l *loader) optStr(m map[string]yamlpos.Entry, key, what string) string {
	e, ok := m[key]
	if !ok {
		return ""
	}
	v, _ := l.Str(e.Val, what, 2)
	return strings.TrimRight(v, "\n")
}

// checkID checks an id's syntax; kind names what it is for the message.
func (l *loader) checkID(n *yaml.Node, kind string, depth int) (string, bool) {
	v, ok := l.Str(n, kind+" id", depth)
	if !ok {
		return "", false
	}
	if !idRE.MatchString(v) {
		hint := "ids are lower-case letters, digits and underscores, starting with a letter"
		if fixed := suggestID(v); fixed != "" {
			hint += fmt.Sprintf(": try `%s`", fixed)
		}
		l.errorf(l.pos(n), hint, "%s id %q is not a valid id", kind, v)
		return v, false
	}
	if cond.Reserved(v) && (kind == "question" || kind == "score" || kind == "flag") {
		l.errorf(l.pos(n), "pick another id; this word means something in expressions", "%s id %q is a reserved word", kind, v)
		return v, false
	}
	return v, true
}

func suggestID(v string) string {
	s := strings.ToLower(strings.NewReplacer("-", "_", " ", "_", ".", "_").Replace(strings.TrimSpace(v)))
	if idRE.MatchString(s) && !cond.Reserved(s) {
		return s
	}
	return ""
}

// uniqueID reads the id in node n of an element of a kind with its own ids (sections,
// outcomes) and registers x under it in byID; it returns "" when the id is invalid or taken.
func uniqueID[T any](l *loader, n *yaml.Node, kind string, depth int, byID map[string]T, x T, posOf func(T) Pos) string {
	id, ok := l.checkID(n, kind, depth)
	if !ok {
		return ""
	}
	if prev, dup := byID[id]; dup {
		l.errorf(l.pos(n), fmt.Sprintf("the first is at line %d", posOf(prev).Line), "duplicate %s id %q", kind, id)
		return ""
	}
	byID[id] = x
	return id
}

// claim registers an id in the shared namespace of questions, scores and flags.
func (l *loader) claim(id string, kind string, n *yaml.Node) bool {
	if l.names == nil {
		l.names = map[string]Pos{}
	}
	if prev, dup := l.names[id]; dup {
		l.errorf(l.pos(n), fmt.Sprintf("question, score and flag ids share one namespace; the first `%s` is at line %d", id, prev.Line), "duplicate id %q (%s)", id, kind)
		return false
	}
	l.names[id] = l.pos(n)
	return true
}

func (l *loader) choiceLists(m map[string]yamlpos.Entry) {
	e, ok := m["choices"]
	if !ok {
		return
	}
	n := l.Resolve(e.Val, 1)
	if n == nil {
		return
	}
	if n.Kind != yaml.MappingNode {
		l.errorf(l.pos(n), "write `choices:` then one named list per line, such as `agree5: [...]`", "`choices` must be a mapping of named lists, not %s", yamlpos.KindName(n))
		return
	}
	l.b.choiceByID = map[string]*ChoiceList{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		id, ok := l.checkID(k, "choice list", 2)
		if !ok {
			continue
		}
		if prev, dup := l.b.choiceByID[id]; dup {
			l.errorf(l.pos(k), fmt.Sprintf("the first is at line %d", prev.Pos.Line), "duplicate choice list %q", id)
			continue
		}
		cl := &ChoiceList{ID: id, Pos: l.pos(k), Options: l.options(v, fmt.Sprintf("choice list `%s`", id), 2)}
		l.b.Choices = append(l.b.Choices, cl)
		l.b.choiceByID[id] = cl
	}
}

// options reads a list of options, checking values are unique and of one kind.
func (l *loader) options(n *yaml.Node, what string, depth int) []*Option {
	items := l.List(n, what, depth)
	if items == nil {
		return nil
	}
	var opts []*Option
	seen := map[any]int{}
	kinds := map[bool]bool{}
	for _, it := range items {
		om := l.Mapping(it, "an option", optionKeys, []string{"value", "label"}, depth+1)
		if om == nil {
			continue
		}
		o := &Option{Pos: l.pos(it)}
		if e, ok := om["value"]; ok {
			vn := l.Scalar(e.Val, "an option's `value`", depth+2)
			if vn != nil {
				if f, isNum := yamlpos.NumberValue(vn); isNum {
					o.Value, o.Score, o.HasScore = f, f, true
					kinds[true] = true
				} else if vn.Tag == "!!str" && idRE.MatchString(vn.Value) {
					o.Value = vn.Value
					kinds[false] = true
				} else {
					hint := "a value is a number, or an id such as `often`"
					if vn.Tag == "!!bool" {
						hint = "for a yes/no question use `type: yesno`; otherwise pick an id such as `agree`"
					}
					l.errorf(l.pos(vn), hint, "option value %q is neither a number nor an id", vn.Value)
				}
				if o.Value != nil {
					if line, dup := seen[o.Value]; dup {
						l.errorf(l.pos(vn), fmt.Sprintf("each option needs its own value; the first is at line %d", line), "duplicate option value %v in %s", formatValue(o.Value), what)
					}
					seen[o.Value] = vn.Line
				}
			}
		}
		o.Label = l.optStr(om, "label", "an option's `label`")
		o.Code = l.coding(om, depth+2)
		if e, ok := om["score"]; ok {
			if f, ok := l.Number(e.Val, "an option's `score`", depth+2); ok {
				o.Score, o.HasScore = f, true
			}
		}
		if e, ok := om["exclusive"]; ok {
			o.Exclusive, _ = l.Bool(e.Val, "an option's `exclusive`", depth+2)
		}
		opts = append(opts, o)
	}
	if kinds[true] && kinds[false] {
		l.errorf(l.pos(n), "use numbers for every value, or ids for every value", "in %s, some values are numbers and some are ids", what)
	}
	if len(items) == 0 {
		l.errorf(l.pos(n), "list at least two options", "there are no options in %s", what)
	}
	return opts
}

func formatValue(v any) string {
	switch x := v.(type) {
	case float64:
		return formatNumber(x)
	case string:
		return x
	}
	return fmt.Sprint(v)
}

func (l *loader) questionsAndSections(root *yaml.Node, m map[string]yamlpos.Entry) {
	b := l.b
	b.questionByID = map[string]*Question{}
	b.sectionByID = map[string]*Section{}
	se, hasSections := m["sections"]
	qe, hasQuestions := m["questions"]
	switch {
	case hasSections && hasQuestions:
		l.errorf(l.pos(qe.Key), "put these questions in a section, or remove `sections`", "a bank has `sections` or `questions`, not both")
	case !hasSections && !hasQuestions:
		l.errorf(l.pos(root), "add `questions:` with at least one question", "the bank has no questions")
		return
	}
	if hasSections {
		items := l.List(se.Val, "`sections`", 1)
		for _, n := range items {
			sm := l.Mapping(n, "a section", sectionKeys, []string{"id", "questions"}, 2)
			if sm == nil {
				continue
			}
			s := &Section{Pos: l.pos(n)}
			if e, ok := sm["id"]; ok {
				s.ID = uniqueID(l, e.Val, "section", 3, b.sectionByID, s, func(x *Section) Pos { return x.Pos })
			}
			s.Title = l.optStr(sm, "title", "a section's `title`")
			s.Intro = l.optStr(sm, "intro", "a section's `intro`")
			s.When = l.condition(sm, fmt.Sprintf("the `when` of section %q", s.ID))
			b.Sections = append(b.Sections, s)
			if e, ok := sm["questions"]; ok {
				qs := l.Sequence(e.Val, "a section's `questions`", 3)
				if qs != nil && len(qs) == 0 {
					l.errorf(l.pos(e.Val), "", "section %q has no questions", s.ID)
				}
				for _, qn := range qs {
					if q := l.question(qn, 4); q != nil {
						q.Section = s
						s.Questions = append(s.Questions, q)
					}
				}
			}
		}
		if items != nil && len(items) == 0 {
			l.errorf(l.pos(se.Val), "", "`sections` is empty")
		}
	} else if hasQuestions {
		qs := l.Sequence(qe.Val, "`questions`", 1)
		if qs != nil && len(qs) == 0 {
			l.errorf(l.pos(qe.Val), "add at least one question", "`questions` is empty")
		}
		for _, qn := range qs {
			l.question(qn, 2)
		}
	}
}

func (l *loader) question(n *yaml.Node, depth int) *Question {
	if len(l.b.Questions) >= MaxQuestions {
		if !l.tooManyQuestions {
			l.tooManyQuestions = true
			l.errorf(l.pos(n), "split it into several banks; a person can answer only so many questions", "the bank has more than %d questions", MaxQuestions)
		}
		return nil
	}
	qm := l.Mapping(n, "a question", questionKeys, []string{"id", "text"}, depth)
	if qm == nil {
		return nil
	}
	b := l.b
	q := &Question{Pos: l.pos(n), Required: true, Index: len(b.Questions)}
	if e, ok := qm["id"]; ok {
		if id, ok := l.checkID(e.Val, "question", depth+1); ok && l.claim(id, "question", e.Val) {
			q.ID = id
			b.questionByID[id] = q
		}
	}
	q.Text = l.optStr(qm, "text", "a question's `text`")
	q.Help = l.optStr(qm, "help", "`help`")
	_, hasChoices := qm["choices"]
	_, hasMin := qm["min"]
	_, hasMax := qm["max"]
	switch e, ok := qm["type"]; {
	case ok:
		if v, ok := l.Str(e.Val, "`type`", depth+1); ok {
			if !contains(questionTypes, v) {
				hint := suggest.DidYouMean(v, questionTypes, "types: "+strings.Join(questionTypes, ", "))
				l.errorf(l.pos(e.Val), hint, "unknown question type %q", v)
			} else {
				q.Type = QuestionType(v)
			}
		}
	case hasChoices:
		q.Type = Choice
	case hasMin && hasMax:
		q.Type = Scale
	default:
		q.Type = YesNo
	}
	if e, ok := qm["required"]; ok {
		q.Required, _ = l.Bool(e.Val, "`required`", depth+1)
	}
	if e, ok := qm["reverse"]; ok {
		q.Reverse, _ = l.Bool(e.Val, "`reverse`", depth+1)
	}
	q.Code = l.coding(qm, depth+1)
	q.Decline = b.Decline
	if e, ok := qm["decline"]; ok {
		q.Decline, _ = l.Bool(e.Val, "`decline`", depth+1)
		if q.Decline && q.Type == Info {
			l.errorf(l.pos(e.Key), "remove `decline`: only a question that takes an answer can be declined", "info statement %q takes no answer, so it cannot be declined", q.ID)
		}
	}
	if q.Type == Info {
		// A statement is never answered, so it is never required, nor declined.
		q.Required, q.Decline = false, false
	}
	if q.Type == Date {
		q.MinDate = l.dateBound(qm, "min", depth+1)
		q.MaxDate = l.dateBound(qm, "max", depth+1)
	} else {
		if e, ok := qm["min"]; ok {
			q.Min, q.HasMin = l.Number(e.Val, "`min`", depth+1)
		}
		if e, ok := qm["max"]; ok {
			q.Max, q.HasMax = l.Number(e.Val, "`max`", depth+1)
		}
	}
	if q.Answerable() {
		l.numbered++
		q.Number = l.numbered
	}
	b.Questions = append(b.Questions, q)
	l.questionShape(q, qm, depth)
	l.warningSign(q, qm, depth)
	q.When = l.condition(qm, fmt.Sprintf("the `when` of question %q", q.ID))
	return q
}

// warningSign reads a question's `warning_sign`: the answers that are a warning sign, each
// one the question takes (docs/spec.md §1).
func (l *loader) warningSign(q *Question, qm map[string]yamlpos.Entry, depth int) {
	e, ok := qm["warning_sign"]
	if !ok {
		return
	}
	switch q.Type {
	case YesNo, Choice, Scale, Multi:
	case "":
		return // an unknown type, already reported
	case Number, Text, Date, Info:
		fallthrough // as the default (listed for the exhaustive check)
	default:
		l.errorf(l.pos(e.Key), "a warning sign is an answer to choose: give it to a yesno, choice, scale or multi question", "question %q is a %s question and cannot have a `warning_sign`", q.ID, q.Type)
		return
	}
	nodes := []*yaml.Node{e.Val}
	if r := l.Resolve(e.Val, depth+1); r != nil && r.Kind == yaml.SequenceNode {
		nodes = l.List(r, "`warning_sign`", depth+1)
	}
	for _, n := range nodes {
		if r := l.Resolve(n, depth+2); r == nil || r.Kind != yaml.ScalarNode {
			l.errorf(l.pos(n), "list the answers, such as `warning_sign: [agree, strongly_agree]`", "each `warning_sign` of question %q must be one answer", q.ID)
			continue
		}
		v, err := q.ParseNode(n)
		if list, ok := v.([]any); ok && len(list) == 1 {
			v = list[0]
		}
		if err != nil || v == nil {
			l.errorf(l.pos(n), q.Allowed(), "`warning_sign` of question %q: %s is not one of its answers", q.ID, strconv.Quote(n.Value))
			continue
		}
		q.WarningSign = append(q.WarningSign, v)
	}
}

// exclusiveShape checks `exclusive` options: they stand alone only among several choices,
// so they mean something in a multi question alone, and not every option can be one.
func (l *loader) exclusiveShape(q *Question, at *yaml.Node) {
	n := 0
	for _, o := range q.Options {
		if o.Exclusive {
			n++
		}
	}
	switch {
	case n == 0:
	case q.Type != Multi && q.ChoiceList == "":
		l.warnf(l.pos(at), "remove `exclusive`, or make the question `type: multi`", "question %q takes one choice, so `exclusive` changes nothing", q.ID)
	case q.Type == Multi && n == len(q.Options):
		l.warnf(l.pos(at), "mark only the option that stands alone, such as \"Nobody right now\"", "every option of question %q is `exclusive`, so only one can be chosen; use `type: choice`", q.ID)
	}
}

// questionShape checks the keys that depend on the question's type.
func (l *loader) questionShape(q *Question, qm map[string]yamlpos.Entry, depth int) {
	if q.Type == "" {
		return // an unknown type, already reported: nothing else can be checked
	}
	l.questionChoices(q, qm, depth)
	l.questionRange(q, qm)
	if le, ok := qm["labels"]; ok {
		l.questionLabels(q, le, depth)
	}
	l.declineShape(q, qm)
	if q.Reverse {
		if lo, hi, ok := q.ScoreRange(); !ok || isInf(lo) || isInf(hi) {
			hint := "only questions with a score range can be reversed"
			if q.Type == Number {
				hint = "give the number question both `min` and `max`"
			}
			l.errorf(l.pos(qm["reverse"].Key), hint, "`reverse` on question %q, which has no score range", q.ID)
		}
	}
}

// questionChoices reads `choices`: a choice or multi question needs them (a list, or the name of
// one of the bank's lists); no other type may have them.
func (l *loader) questionChoices(q *Question, qm map[string]yamlpos.Entry, depth int) {
	e, hasChoices := qm["choices"]
	if q.Type != Choice && q.Type != Multi {
		if hasChoices {
			l.errorf(l.pos(e.Key), "remove `choices`, or set `type: choice`", "a %s question cannot have `choices`", q.Type)
		}
		return
	}
	if !hasChoices {
		hint := "add `choices:` with a list name from the bank's `choices`, or a list of `{value, label}`"
		if len(l.b.Choices) > 0 {
			hint = fmt.Sprintf("add `choices: %s`, or a list of `{value, label}`", l.b.Choices[0].ID)
		}
		l.errorf(q.Pos, hint, "%s question %q has no choices", q.Type, q.ID)
		return
	}
	n := l.Resolve(e.Val, depth+1)
	if n == nil {
		return
	}
	if n.Kind != yaml.ScalarNode {
		q.Options = l.options(n, fmt.Sprintf("the choices of question %q", q.ID), depth+1)
		l.exclusiveShape(q, n)
		return
	}
	name := n.Value
	cl := l.b.choiceByID[name]
	if cl == nil {
		var ids []string
		for _, c := range l.b.Choices {
			ids = append(ids, c.ID)
		}
		hint := "define it under the bank's `choices:`"
		if len(ids) > 0 {
			hint = "the bank's choice lists: " + strings.Join(ids, ", ")
		}
		hint = suggest.DidYouMean(name, ids, hint)
		l.errorf(l.pos(n), hint, "unknown choice list %q", name)
		return
	}
	q.ChoiceList, q.Options = cl.ID, cl.Options
	l.exclusiveShape(q, n)
}

// questionRange checks `min` and `max`: a scale needs both, whole and in order; a number's and a
// date's are in order; no other type may have them.
func (l *loader) questionRange(q *Question, qm map[string]yamlpos.Entry) {
	minE, hasMin := qm["min"]
	maxE, hasMax := qm["max"]
	switch q.Type {
	case Scale:
		if !hasMin || !hasMax {
			l.errorf(q.Pos, "a scale needs both ends, such as `min: 1` and `max: 7`", "scale question %q needs `min` and `max`", q.ID)
		}
		if q.HasMin && q.HasMax {
			if q.Min != float64(int(q.Min)) || q.Max != float64(int(q.Max)) {
				l.errorf(l.pos(minE.Val), "", "a scale's `min` and `max` must be whole numbers")
			} else if q.Min >= q.Max {
				l.errorf(l.pos(minE.Val), "", "scale question %q needs `min` below `max` (min %s, max %s)", q.ID, formatNumber(q.Min), formatNumber(q.Max))
			} else if q.Max-q.Min > 1000 {
				l.errorf(l.pos(maxE.Val), "", "scale question %q has more than 1000 points; use `type: number`", q.ID)
			}
		}
	case Number:
		if q.HasMin && q.HasMax && q.Min > q.Max {
			l.errorf(l.pos(minE.Val), "", "number question %q has `min` above `max`", q.ID)
		}
	case Date:
		if lo, hi := q.MinDate, q.MaxDate; lo != "" && hi != "" && lo != Today && hi != Today && lo > hi {
			l.errorf(l.pos(minE.Val), "", "date question %q has `min` after `max`", q.ID)
		}
	case YesNo, Choice, Multi, Text, Info:
		fallthrough // as the default (listed for the exhaustive check)
	default:
		if hasMin {
			l.errorf(l.pos(minE.Key), "`min` and `max` are for scale, number and date questions", "a %s question cannot have `min`", q.Type)
		}
		if hasMax {
			l.errorf(l.pos(maxE.Key), "`min` and `max` are for scale, number and date questions", "a %s question cannot have `max`", q.Type)
		}
	}
}

// questionLabels reads a scale's `labels`, words for some of its points.
func (l *loader) questionLabels(q *Question, le yamlpos.Entry, depth int) {
	if q.Type != Scale {
		l.errorf(l.pos(le.Key), "`labels` name points of a scale; use `choices` for named answers", "a %s question cannot have `labels`", q.Type)
		return
	}
	n := l.Resolve(le.Val, depth+1)
	if n == nil {
		return
	}
	if n.Kind != yaml.MappingNode {
		l.errorf(l.pos(n), "write them as `{1: Never, 7: Always}`", "`labels` must map scale points to words")
		return
	}
	q.Labels = map[int]string{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		p, ok := l.Integer(k, "a label's scale point", depth+2)
		if !ok {
			continue
		}
		if q.HasMin && q.HasMax && (float64(p) < q.Min || float64(p) > q.Max) {
			l.errorf(l.pos(k), "", "label point %d is outside the scale %s to %s", p, formatNumber(q.Min), formatNumber(q.Max))
			continue
		}
		if s, ok := l.Str(v, "a label", depth+2); ok {
			q.Labels[p] = s
		}
	}
}

func (l *loader) scores(m map[string]yamlpos.Entry) {
	e, ok := m["scores"]
	if !ok {
		return
	}
	b := l.b
	b.scoreByID = map[string]*Score{}
	for _, n := range l.List(e.Val, "`scores`", 1) {
		sm := l.Mapping(n, "a score", scoreKeys, []string{"id", "label", "items"}, 2)
		if sm == nil {
			continue
		}
		s := &Score{Pos: l.pos(n), Method: Sum, Round: -1}
		if e, ok := sm["id"]; ok {
			if id, ok := l.checkID(e.Val, "score", 3); ok && l.claim(id, "score", e.Val) {
				s.ID = id
				b.scoreByID[id] = s
			}
		}
		s.Label = l.optStr(sm, "label", "a score's `label`")
		if e, ok := sm["method"]; ok {
			if v, ok := l.Str(e.Val, "`method`", 3); ok {
				if !contains(methods, v) {
					hint := suggest.DidYouMean(v, methods, "methods: sum, mean, percent")
					l.errorf(l.pos(e.Val), hint, "unknown score method %q", v)
				} else {
					s.Method = Method(v)
				}
			}
		}
		if e, ok := sm["max_missing"]; ok {
			if v, ok := l.Integer(e.Val, "`max_missing`", 3); ok {
				if v < 0 {
					l.errorf(l.pos(e.Val), "", "`max_missing` cannot be negative")
				}
				s.MaxMissing = v
			}
		}
		s.NotAsked = l.oneOf(sm, "not_asked", []string{NotAskedExclude, CountLowest}, NotAskedExclude, 3)
		s.Missing = l.oneOf(sm, "missing", []string{MissingProrate, CountLowest}, MissingProrate, 3)
		s.Code = l.coding(sm, 3)
		if e, ok := sm["round"]; ok {
			if v, ok := l.Integer(e.Val, "`round`", 3); ok {
				if v < 0 || v > 10 {
					l.errorf(l.pos(e.Val), "", "`round` is the number of decimal places to keep, 0 to 10")
				} else {
					s.Round = v
				}
			}
		}
		s.Highlight = l.highlight(sm)
		s.Change = l.change(sm)
		if e, ok := sm["theme"]; ok {
			if v, ok := l.checkID(e.Val, "theme", 3); ok {
				s.Theme = v
			}
		}
		b.Scores = append(b.Scores, s)
		if !l.Exceeded() {
			// Every question has been read: the items can be found.
			l.scoreItems(s, sm)
			ranged := l.scoreRange(s, sm)
			l.bands(s, sm, ranged)
			if ranged {
				lo, hi := s.Range()
				l.changeRange(s, lo, hi)
			}
		}
	}
}

func (l *loader) flags(m map[string]yamlpos.Entry) {
	e, ok := m["flags"]
	if !ok {
		return
	}
	b := l.b
	b.flagByID = map[string]*Flag{}
	for _, n := range l.List(e.Val, "`flags`", 1) {
		fm := l.Mapping(n, "a flag", flagKeys, []string{"id", "when", "title"}, 2)
		if fm == nil {
			continue
		}
		f := &Flag{Pos: l.pos(n), Level: Warn}
		if e, ok := fm["id"]; ok {
			if id, ok := l.checkID(e.Val, "flag", 3); ok && l.claim(id, "flag", e.Val) {
				f.ID = id
				b.flagByID[id] = f
			}
		}
		if e, ok := fm["level"]; ok {
			if v, ok := l.Str(e.Val, "`level`", 3); ok {
				if !contains(levels, v) {
					hint := suggest.DidYouMean(v, levels, "levels: urgent, warning, note")
					l.errorf(l.pos(e.Val), hint, "unknown flag level %q", v)
				} else {
					f.Level = Level(v)
				}
			}
		}
		if e, ok := fm["show"]; ok {
			if v, ok := l.Str(e.Val, "`show`", 3); ok {
				shows := []string{"at_once", "at_end"}
				if !contains(shows, v) {
					hint := suggest.DidYouMean(v, shows, "`show` is `at_once` or `at_end`")
					l.errorf(l.pos(e.Val), hint, "unknown value %q for a flag's `show`", v)
				} else {
					f.AtOnce = v == "at_once"
				}
			}
		}
		f.Together = l.optBool(fm, "together", 3)
		f.Title = l.optStr(fm, "title", "a flag's `title`")
		f.Text = l.optStr(fm, "text", "a flag's `text`")
		f.When = l.condition(fm, fmt.Sprintf("the `when` of flag %q", f.ID))
		b.Flags = append(b.Flags, f)
	}
}

func (l *loader) outcomes(m map[string]yamlpos.Entry) {
	e, ok := m["outcomes"]
	if !ok {
		return
	}
	b := l.b
	b.outcomeByID = map[string]*Outcome{}
	var fallback *Outcome
	for _, n := range l.List(e.Val, "`outcomes`", 1) {
		om := l.Mapping(n, "an outcome", outcomeKeys, []string{"id", "title"}, 2)
		if om == nil {
			continue
		}
		o := &Outcome{Pos: l.pos(n)}
		if e, ok := om["id"]; ok {
			o.ID = uniqueID(l, e.Val, "outcome", 3, b.outcomeByID, o, func(x *Outcome) Pos { return x.Pos })
		}
		o.Title = l.optStr(om, "title", "an outcome's `title`")
		o.Text = l.optStr(om, "text", "an outcome's `text`")
		o.Hopeful = l.optBool(om, "hopeful", 3)
		o.Together = l.optBool(om, "together", 3)
		_, hasWhen := om["when"]
		// A misspelt `when` (already reported) does not make a second fallback.
		hasWhen = hasWhen || yamlpos.Misspelt(n, "when", outcomeKeys)
		if fallback != nil {
			if hasWhen {
				l.errorf(o.Pos, fmt.Sprintf("move the fallback %q (line %d) to the end of `outcomes`", fallback.ID, fallback.Pos.Line), "an outcome comes after the fallback, so it can never be chosen")
			} else {
				l.errorf(o.Pos, fmt.Sprintf("the first fallback is %q at line %d; give one of them a `when`", fallback.ID, fallback.Pos.Line), "more than one fallback outcome (an outcome without `when`)")
			}
		}
		if !hasWhen && fallback == nil {
			fallback = o
		}
		o.When = l.condition(om, fmt.Sprintf("the `when` of outcome %q", o.ID))
		b.Outcomes = append(b.Outcomes, o)
	}
}

func (l *loader) tests(m map[string]yamlpos.Entry) {
	e, ok := m["tests"]
	if !ok {
		return
	}
	names := map[string]int{}
	for _, n := range l.List(e.Val, "`tests`", 1) {
		tm := l.Mapping(n, "a test", testKeys, []string{"name", "answers", "expect"}, 2)
		if tm == nil {
			continue
		}
		t := &Test{Pos: l.pos(n), Name: l.optStr(tm, "name", "a test's `name`")}
		if line, dup := names[t.Name]; dup && t.Name != "" {
			l.errorf(t.Pos, fmt.Sprintf("the first is at line %d", line), "two tests are named %q", t.Name)
		}
		names[t.Name] = t.Pos.Line
		l.b.Tests = append(l.b.Tests, t)
		if !l.Exceeded() {
			// Everything a test names has been read.
			l.test(t, tm)
		}
	}
}

// condition reads the `when` in m, a condition as written, to be compiled once the names it
// may use are known (checker.compile); what names it in messages. It is nil when there is
// none, or when it is not a condition at all (reported).
func (l *loader) condition(m map[string]yamlpos.Entry, what string) *Expr {
	e, ok := m["when"]
	if !ok {
		return nil
	}
	n := l.Scalar(e.Val, what, 4)
	if n == nil {
		return nil
	}
	src := n.Value
	if n.Tag == "!!bool" {
		l.errorf(l.pos(n), "a condition names answers, such as `want_to_trust == true`; remove `when` to always hold", "%s is always %s", what, n.Value)
		return nil
	}
	if strings.TrimSpace(src) == "" || n.Tag == "!!null" {
		l.errorf(l.pos(n), "write a condition, such as `want_to_trust == true`", "%s is empty", what)
		return nil
	}
	if len(src) > cond.MaxLen {
		l.errorf(l.pos(n), "split the rule into a score or a flag and name it", "%s is longer than %d characters", what, cond.MaxLen)
		return nil
	}
	return &Expr{Source: src, Pos: l.pos(n), place: yamlpos.PlaceOf(n)}
}

// highlight reads a score's optional `highlight: lowest N` or `highest N` (N ≥ 1).
func (l *loader) highlight(m map[string]yamlpos.Entry) *Highlight {
	e, ok := m["highlight"]
	if !ok {
		return nil
	}
	v, ok := l.Str(e.Val, "`highlight`", 3)
	if !ok {
		return nil
	}
	const hint = "write `lowest N` or `highest N`, N a whole number from 1: `highlight: lowest 2`"
	words := strings.Fields(v)
	if len(words) != 2 {
		l.errorf(l.pos(e.Val), hint, "`highlight` %q is not `lowest N` or `highest N`", v)
		return nil
	}
	ends := []string{HighlightLowest, HighlightHighest}
	which := words[0]
	if !contains(ends, which) {
		h := hint
		if s := suggest.Nearest(words[0], ends); s != "" {
			n := words[1]
			if k, err := strconv.Atoi(n); err != nil || k < 1 {
				n = "N"
			}
			h = suggest.Hint(s + " " + n)
		}
		l.errorf(l.pos(e.Val), h, "unknown word %q in `highlight`", words[0])
		return nil
	}
	n, err := strconv.Atoi(words[1])
	if err != nil || n < 1 || strings.HasPrefix(words[1], "+") {
		l.errorf(l.pos(e.Val), hint, "`highlight` needs how many statements to list, 1 or more, not %q", words[1])
		return nil
	}
	return &Highlight{Which: which, N: n}
}

func isInf(f float64) bool { return f > 1e308 || f < -1e308 }

// oneOf reads the word under key, which must be one of words; def when it is absent or wrong.
func (l *loader) oneOf(m map[string]yamlpos.Entry, key string, words []string, def string, depth int) string {
	e, ok := m[key]
	if !ok {
		return def
	}
	v, ok := l.Str(e.Val, "`"+key+"`", depth)
	if !ok {
		return def
	}
	if !contains(words, v) {
		hint := suggest.DidYouMean(v, words, "write "+strings.Join(words, " or "))
		l.errorf(l.pos(e.Val), hint, "unknown `%s` %q", key, v)
		return def
	}
	return v
}

// coding reads an optional `code: {system, code, display}`.
func (l *loader) coding(m map[string]yamlpos.Entry, depth int) *Coding {
	e, ok := m["code"]
	if !ok {
		return nil
	}
	cm := l.Mapping(e.Val, "a `code`", codingKeys, []string{"code"}, depth)
	if cm == nil {
		return nil
	}
	c := &Coding{}
	for key, dst := range map[string]*string{"system": &c.System, "code": &c.Code, "display": &c.Display} {
		if e, ok := cm[key]; ok {
			*dst, _ = l.Str(e.Val, "`code."+key+"`", depth+1)
		}
	}
	return c
}

// dateBound reads a date question's `min` or `max`: a date (YYYY-MM-DD) or `today`.
func (l *loader) dateBound(m map[string]yamlpos.Entry, key string, depth int) string {
	e, ok := m[key]
	if !ok {
		return ""
	}
	v, ok := l.Str(e.Val, "`"+key+"`", depth)
	if !ok {
		return ""
	}
	if v == Today {
		return v
	}
	if _, err := ParseDate(v); err != nil {
		l.errorf(l.pos(e.Val), "write a date as YYYY-MM-DD, such as `2026-11-27`, or `today`", "`%s` of a date question is not a date: %q", key, truncate(v, 40))
		return ""
	}
	return v
}
