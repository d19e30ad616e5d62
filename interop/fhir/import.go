package fhir

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"io"
	"maps"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/go-json-experiment/json"
	"github.com/go-json-experiment/json/jsontext"

	"github.com/candor-app/candor/internal/yamlpos"
	"github.com/candor-app/candor/interop/bankfile"
	"github.com/candor-app/candor/questionnaire"
	"github.com/candor-app/candor/questionnaire/cond"
)

// Error is why a file cannot be imported: Code says what (the Err… codes), Pointer where (a
// JSON pointer, "" for the whole file), Detail the file's own words (a type, a message).
type Error struct {
	Code    string
	Pointer string
	Detail  string
}

func (e *Error) Error() string {
	return fmt.Sprintf("%s at %q: %s", e.Code, e.Pointer, e.Detail)
}

// The codes of Error.
const (
	// ErrNotJSON: the file is not JSON; Detail is the parser's message.
	ErrNotJSON = "not-json"
	// ErrTooDeep: the JSON nests deeper than MaxDepth at Pointer.
	ErrTooDeep = "too-deep"
	// ErrNotQuestionnaire: resourceType is Detail ("" when there is none).
	ErrNotQuestionnaire = "not-questionnaire"
	// ErrBundle: a Bundle; Detail lists the resource types it holds ("Questionnaire, Patient").
	ErrBundle = "bundle"
	// ErrShape: the member at Pointer has the wrong JSON type; Detail is the type expected.
	ErrShape = "shape"
	// ErrNoQuestions: nothing in the file becomes a question.
	ErrNoQuestions = "no-questions"
	// ErrTooMany: more questions, sections or options of a question (Detail: which) than a
	// bank may have (docs/bank-format.md, Limits); Pointer is where the first one too many is.
	ErrTooMany = "too-many"
	// ErrInvalid: the bank made from the file does not pass validation (Detail: the first
	// error), such as a file over candor's limits in a way not checked before.
	ErrInvalid = "invalid"
)

// The most sections, and options of one question, a bank may have (docs/bank-format.md).
const (
	MaxSections = yamlpos.MaxListLen
	MaxOptions  = yamlpos.MaxListLen
)

// MaxDepth is how deeply an imported file may nest JSON arrays and objects (a real
// Questionnaire nests groups a few levels, each two JSON levels).
const MaxDepth = 100

// Warning is something in the file the bank does not keep, or keeps in another shape: Code
// says what (the Warn… codes), Pointer where (a JSON pointer), Detail the file's own words
// (a member name, an extension's url, an expression).
type Warning struct {
	Code    string `json:"code"`
	Pointer string `json:"pointer"`
	Detail  string `json:"detail,omitempty"`
}

// The codes of Warning.
const (
	// WarnMember: a member the bank has no place for (Detail: its name).
	WarnMember = "member"
	// WarnExtension: an extension not mapped (Detail: its url).
	WarnExtension = "extension"
	// WarnExpression: an expression that is not a sum of item scores (Detail: it).
	WarnExpression = "expression"
	// WarnValueSet: answers given by reference to a value set, not kept; the question is
	// imported as text (Detail: the reference).
	WarnValueSet = "value-set"
	// WarnType: an item type candor has no exact match for (Detail: "FHIR type>candor type",
	// candor type "" when the item is left out).
	WarnType = "type"
	// WarnOpenChoice: an open-choice's free-text answer is not kept.
	WarnOpenChoice = "open-choice"
	// WarnRepeats: `repeats` on an item that is not a choice is not kept.
	WarnRepeats = "repeats"
	// WarnNested: a group inside a group, or items under a question, taken out to the
	// section (Detail: the linkId).
	WarnNested = "nested"
	// WarnCondition: an enableWhen that cannot be said as a `when` (Detail: why, one of the
	// Cond… words); the item is asked whatever the answer.
	WarnCondition = "condition"
	// WarnVersion: the version is not semver; Detail is the version used.
	WarnVersion = "version"
	// WarnTitle: no title, name or id to use; Detail is the title used.
	WarnTitle = "title"
	// WarnNoText: a question without text; Detail is the text used (its linkId).
	WarnNoText = "no-text"
	// WarnValue: an extension's value of the wrong shape, such as a duration written as text
	// (Detail: the extension's url).
	WarnValue = "value"
	// WarnCalculated: a calculated item that is not a sum is left out (Detail: its linkId).
	WarnCalculated = "calculated"
	// WarnOwn: candor's own extensions do not make a valid bank (edited by hand?), so they are
	// not kept; Detail is the first error they make.
	WarnOwn = "own-extensions"
	// WarnBounds: minValue above maxValue, so neither is kept.
	WarnBounds = "bounds"
	// WarnContained: a contained resource no item takes its answers from (Detail: its
	// resourceType and id).
	WarnContained = "contained"
	// WarnTopLevel: a total that adds the top-level items' scores, read as every scored
	// question before it where the questions are in groups, which FHIRPath's `item` does not
	// reach (Detail: the expression).
	WarnTopLevel = "top-level"
)

// The reasons of a WarnCondition.
const (
	CondUnknown  = "unknown-question" // names no question before the item
	CondOperator = "operator"         // an operator or answer type that cannot be said
	CondAnswer   = "answer"           // an answer that is not one of the question's options
)

// Extensions candor reads (and, for some, writes).
const (
	URLOrdinalValue   = "http://hl7.org/fhir/StructureDefinition/ordinalValue"
	URLCOValue        = "http://hl7.org/fhir/StructureDefinition/iso21090-CO-value"
	URLItemWeight     = "http://hl7.org/fhir/StructureDefinition/itemWeight"
	URLMinValue       = "http://hl7.org/fhir/StructureDefinition/minValue"
	URLMaxValue       = "http://hl7.org/fhir/StructureDefinition/maxValue"
	URLOptionExcl     = "http://hl7.org/fhir/StructureDefinition/questionnaire-optionExclusive"
	URLItemControl    = "http://hl7.org/fhir/StructureDefinition/questionnaire-itemControl"
	URLItemControlSys = "http://hl7.org/fhir/questionnaire-item-control"
	URLVariable       = "http://hl7.org/fhir/StructureDefinition/variable"
	URLCalculated     = "http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-calculatedExpression"
	URLCalculatedOld  = "http://hl7.org/fhir/StructureDefinition/questionnaire-calculatedExpression"
	// URLCQFExpression is a value computed by an expression in another language (CQL, as
	// the R4 and SDC PHQ-9 examples write their totals): never a question to answer.
	URLCQFExpression = "http://hl7.org/fhir/StructureDefinition/cqf-expression"
	URLDataAbsent    = "http://hl7.org/fhir/StructureDefinition/data-absent-reason"
)

// Import reads an R4 Questionnaire (JSON) into a bank file. Warnings list, with their
// pointers, everything the bank does not keep; the bank invents no bands, flags or
// outcomes. An Error is returned for a file that is not a Questionnaire.
func Import(src []byte) (*bankfile.Bank, []Warning, error) {
	if err := checkJSON(src); err != nil {
		return nil, nil, err
	}
	var head struct {
		ResourceType string `json:"resourceType"`
		Entry        []struct {
			Resource struct {
				ResourceType string `json:"resourceType"`
			} `json:"resource"`
		} `json:"entry"`
	}
	if err := json.Unmarshal(src, &head); err != nil {
		return nil, nil, shapeError(err)
	}
	switch head.ResourceType {
	case "Questionnaire":
	case "Bundle":
		var types []string
		for _, e := range head.Entry {
			types = append(types, cmp.Or(e.Resource.ResourceType, "?"))
		}
		return nil, nil, &Error{Code: ErrBundle, Detail: strings.Join(types, ", ")}
	default:
		return nil, nil, &Error{Code: ErrNotQuestionnaire, Pointer: "/resourceType", Detail: head.ResourceType}
	}
	var q Questionnaire
	if err := json.Unmarshal(src, &q); err != nil {
		return nil, nil, shapeError(err)
	}
	b, ws, own, err := importQuestionnaire(&q, false)
	if err != nil {
		return nil, nil, err
	}
	ds := validate(b)
	if ds != nil && own {
		// candor's own extensions (a file candor wrote, then edited) that do not make a
		// valid bank are left out: the rest of the file is imported as any other.
		b, ws, _, err = importQuestionnaire(&q, true)
		if err != nil {
			return nil, nil, err
		}
		ws = append(ws, Warning{Code: WarnOwn, Detail: ds.Errors()[0].Summary})
		ds = validate(b)
	}
	if ds != nil {
		return nil, nil, &Error{Code: ErrInvalid, Detail: ds.Errors()[0].Summary}
	}
	return b, ws, nil
}

// validate is the errors of loading bank b, or nil.
func validate(b *bankfile.Bank) questionnaire.Diagnostics {
	y, err := b.Marshal()
	if err != nil {
		return questionnaire.Diagnostics{{Severity: questionnaire.Error, Summary: err.Error()}}
	}
	if _, ds := questionnaire.Load(b.ID+".yaml", y); ds.HasErrors() {
		return ds
	}
	return nil
}

// importQuestionnaire maps q; ignoreOwn leaves candor's own extensions out. own says whether
// the file has any.
func importQuestionnaire(q *Questionnaire, ignoreOwn bool) (b *bankfile.Bank, ws []Warning, own bool, err error) {
	im := &importer{q: q, ids: map[string]bool{}, sectionIDs: map[string]bool{}, byLink: map[string]*imported{},
		used: map[string]bool{}, ignoreOwn: ignoreOwn}
	b = im.bank()
	switch {
	case im.tooMany != nil:
		err = im.tooMany
	case len(im.order) == 0:
		err = &Error{Code: ErrNoQuestions, Pointer: "/item"}
	case len(im.order) > questionnaire.MaxQuestions:
		err = &Error{Code: ErrTooMany, Pointer: "/item", Detail: "questions"}
	case len(b.Sections) > MaxSections:
		err = &Error{Code: ErrTooMany, Pointer: "/item", Detail: "sections"}
	}
	if err != nil {
		return nil, nil, false, err
	}
	return b, im.warnings, im.candorMade, nil
}

// checkJSON refuses what is not one JSON value, or nests deeper than MaxDepth.
func checkJSON(src []byte) error {
	dec := jsontext.NewDecoder(bytes.NewReader(src))
	for {
		_, err := dec.ReadToken()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			var se *jsontext.SyntacticError
			if errors.As(err, &se) {
				return &Error{Code: ErrNotJSON, Pointer: string(se.JSONPointer), Detail: se.Err.Error()}
			}
			return &Error{Code: ErrNotJSON, Detail: err.Error()}
		}
		if dec.StackDepth() > MaxDepth {
			return &Error{Code: ErrTooDeep, Pointer: string(dec.StackPointer())}
		}
	}
}

// shapeError is the error of a member of the wrong type.
func shapeError(err error) error {
	var se *json.SemanticError
	if errors.As(err, &se) {
		what := "another kind of value"
		if se.GoType != nil {
			what = jsonKind(se.GoType.String())
		}
		return &Error{Code: ErrShape, Pointer: string(se.JSONPointer), Detail: what}
	}
	return &Error{Code: ErrNotJSON, Detail: err.Error()}
}

// jsonKind names, in JSON's words, what a Go type decodes from.
func jsonKind(goType string) string {
	t := strings.TrimLeft(goType, "*")
	switch {
	case t == "string":
		return "a string"
	case t == "bool":
		return "true or false"
	case t == "int64" || t == "float64":
		return "a number"
	case strings.HasPrefix(t, "[]"):
		return "a list"
	}
	return "an object"
}

// imported is an item that became a question (or a score), by its linkId.
type imported struct {
	q     *bankfile.Question
	score bool
	index int
	// codes maps an option's code (and its value written as text) to its value.
	codes map[string]any
}

type importer struct {
	q          *Questionnaire
	warnings   []Warning
	ids        map[string]bool
	sectionIDs map[string]bool
	byLink     map[string]*imported
	order      []*bankfile.Question
	// vars are the FHIRPath variables that name one item's score, by name; varPtr every
	// variable's pointer, by name; used the variables a score was read from.
	vars, varPtr map[string]string
	used         map[string]bool
	totals       []pendingTotal
	lists        bankfile.ChoiceLists
	pending      []pendingList
	// listName is the choice list the item being read names (candor's own extension).
	listName string
	// ownWhen is the `when` the item being read carries in candor's own extension.
	ownWhen string
	// candorMade is true for a file candor wrote (its own extensions at the top).
	candorMade bool
	// ignoreOwn leaves candor's own extensions out (they do not make a valid bank).
	ignoreOwn bool
	// tooMany is the refusal of a list longer than a bank's.
	tooMany *Error
	// containedIDs are the contained resources' indexes by id; contained their answers, once
	// an item names them.
	containedIDs map[string]int
	contained    []answerList
}

// pendingTotal is a calculated item read as a sum, made a score once every item is known.
type pendingTotal struct {
	item  *Item
	ptr   string
	links []string
	all   bool // every scored item before it (TOTALSCORE, or a sum over repeat(item))
	at    int  // how many questions came before it
}

func (im *importer) warn(code, ptr, detail string) {
	im.warnings = append(im.warnings, Warning{Code: code, Pointer: ptr, Detail: detail})
}

// members warns of every member not mapped, in name order.
func (im *importer) members(u Unknown, ptr string) {
	for _, k := range slices.Sorted(maps.Keys(u)) {
		im.warn(WarnMember, ptr+"/"+escape(k), k)
	}
}

// escape escapes a JSON pointer token.
func escape(s string) string {
	return strings.NewReplacer("~", "~0", "/", "~1").Replace(s)
}

var semver = regexp.MustCompile(`^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?(?:\+[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?$`)

func (im *importer) bank() *bankfile.Bank {
	q := im.q
	b := &bankfile.Bank{Candor: 1, ID: bankID(q), Language: q.Language, Intro: q.Description}
	b.Version = im.version(q.Version)
	b.Title = q.Title
	if b.Title == "" {
		b.Title = cmp.Or(q.Name, q.ID)
	}
	if b.Title == "" {
		b.Title = "Imported questionnaire"
		im.warn(WarnTitle, "/title", b.Title)
	}
	im.vars = im.variables(q.Extension, "")
	own := im.rootExtensions(b, q.Extension)
	if !own[urlSources] && (q.Publisher != "" || q.Copyright != "" || q.URL != "") {
		b.Sources = []bankfile.Source{{Title: b.Title, Author: q.Publisher, URL: webURL(q.URL), Note: q.Copyright}}
	}
	if len(q.Code) > 0 {
		im.warn(WarnMember, "/code", "code")
	}
	im.members(q.Unknown, "")
	im.indexContained()
	im.top(b, q.Item)
	im.unusedContained()
	if !own[urlScores] {
		b.Scores = im.makeScores()
	} else if len(im.totals) > 0 {
		for _, t := range im.totals {
			im.warn(WarnCalculated, t.ptr, t.item.LinkID)
		}
	}
	for _, v := range slices.Sorted(maps.Keys(im.varPtr)) {
		if !im.used[v] {
			im.warn(WarnExpression, im.varPtr[v], "%"+v)
		}
	}
	im.makeLists()
	b.Choices = im.lists
	return b
}

// webURL is u when it is a web address (a source's url), else "".
func webURL(u string) string {
	if strings.HasPrefix(u, "http://") || strings.HasPrefix(u, "https://") {
		return u
	}
	return ""
}

func (im *importer) version(v string) string {
	if semver.MatchString(v) {
		return v
	}
	parts := strings.Split(v, ".")
	ok := v != "" && len(parts) <= 3
	for _, p := range parts {
		if _, err := strconv.Atoi(p); err != nil || (len(p) > 1 && p[0] == '0') {
			ok = false
		}
	}
	out := "1.0.0"
	if ok {
		for len(parts) < 3 {
			parts = append(parts, "0")
		}
		out = strings.Join(parts, ".")
	}
	im.warn(WarnVersion, "/version", out)
	return out
}

var bankIDRE = regexp.MustCompile(`^[a-z][a-z0-9-]*$`)

// bankID is the bank's id: the Questionnaire's id when it is one, else made of its name or
// title.
func bankID(q *Questionnaire) string {
	if bankIDRE.MatchString(q.ID) {
		return q.ID
	}
	for _, s := range []string{q.Name, q.Title, q.ID} {
		if id := strings.ReplaceAll(makeID(s), "_", "-"); id != "" {
			return id
		}
	}
	return "imported"
}

// makeID makes text into a candor id: lower case letters, digits and underscores, starting
// with a letter; "" when the text has no letter or digit.
func makeID(s string) string {
	var sb strings.Builder
	under := false
	for _, r := range strings.ToLower(s) {
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			if under && sb.Len() > 0 {
				sb.WriteByte('_')
			}
			under = false
			sb.WriteRune(r)
		default:
			under = true
		}
	}
	id := sb.String()
	if id != "" && (id[0] < 'a' || id[0] > 'z') {
		id = "q" + id
	}
	return id
}

// claim makes s into an id not yet taken in ids (and not a word of the expression
// language), and takes it.
func claim(ids map[string]bool, s, def string) string {
	base := makeID(s)
	if base == "" {
		base = def
	}
	if cond.Reserved(base) {
		base += "_q"
	}
	id := base
	for n := 2; ids[id]; n++ {
		id = base + "_" + strconv.Itoa(n)
	}
	ids[id] = true
	return id
}
