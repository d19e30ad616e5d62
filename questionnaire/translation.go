package questionnaire

import (
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"reflect"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/candor-app/candor/internal/yamlpos"
)

// A bank in several languages (docs/spec.md §1, "Languages"): its translation into language
// L is the file L/NAME in the bank's folder (banks/es/trust-readiness.yaml beside
// banks/trust-readiness.yaml), the same bank with only the words a person reads changed.

// TextKeys are the keys whose values are words a person reads: only these may differ between
// a bank and its translation. Every text under them is words (an outro's parts, a scale's
// `labels`); the structure under them (map keys, `together` marks) must still be identical.
var TextKeys = map[string]bool{
	"title":  true, // bank, sections, flags, outcomes, safety_open, sources
	"for":    true,
	"intro":  true, // bank and section intros
	"outro":  true,
	"text":   true, // questions, bands, flags, outcomes, safety_open, outro parts
	"help":   true,
	"label":  true, // options, scores, bands
	"labels": true, // a scale's words for its points
	"note":   true, // a source's note
	"author": true, // a source's author, where it is a description ("a relationship coach")
}

// langDecl is one language `languages` names, and where.
type langDecl struct {
	tag string
	pos Pos
}

// languages reads `languages`: the tags the bank is offered in, its own among them.
func (l *loader) languages(m map[string]yamlpos.Entry) {
	b := l.b
	b.Languages = []string{b.Language}
	e, ok := m["languages"]
	if !ok {
		return
	}
	b.declared = []langDecl{}
	own := false
	for _, n := range l.List(e.Val, "`languages`", 1) {
		v, ok := l.Str(n, "a language", 2)
		if !ok {
			continue
		}
		switch {
		case !langRE.MatchString(v):
			l.errorf(l.pos(n), "use a BCP 47 tag such as `en`, `en-GB` or `es`", "language %q is not a language tag", v)
			continue
		case slices.ContainsFunc(b.declared, func(d langDecl) bool { return strings.EqualFold(d.tag, v) }):
			l.errorf(l.pos(n), "name each language once", "language %q is listed twice in `languages`", v)
			continue
		}
		b.declared = append(b.declared, langDecl{tag: v, pos: l.pos(n)})
		if strings.EqualFold(v, b.Language) {
			own = true
		} else {
			b.Languages = append(b.Languages, v)
		}
	}
	if !own {
		l.errorf(l.pos(e.Key), fmt.Sprintf("add the bank's own language: `languages: [%s, …]`", b.Language),
			"`languages` does not name the bank's own language %q", b.Language)
	}
}

// In returns the bank in language lang (as Match finds it): its translation, or the bank
// itself when lang is its own language or one it is not offered in.
func (b *Bank) In(lang string) *Bank {
	if t := b.translations[b.Match(lang)]; t != nil {
		return t
	}
	return b
}

// Match returns the language of Languages that lang names: the same tag in any case, else the
// first with the same primary language ("es" for "es-MX", "es-MX" for "es"); "" for none.
func (b *Bank) Match(lang string) string {
	lang = strings.ReplaceAll(strings.TrimSpace(lang), "_", "-")
	if lang == "" {
		return ""
	}
	for _, l := range b.Languages {
		if strings.EqualFold(l, lang) {
			return l
		}
	}
	primary := func(t string) string { p, _, _ := strings.Cut(t, "-"); return strings.ToLower(p) }
	for _, l := range b.Languages {
		if primary(l) == primary(lang) {
			return l
		}
	}
	return ""
}

// siblings reads the files beside a bank: on disk (LoadFile) or in a file system (LoadFS).
type siblings struct {
	name string                       // the bank's file name, without its folder
	join func(lang string) string     // the path of its translation into lang
	read func(string) ([]byte, error) // a file's bytes, within the limits
	dirs func() []string              // the names of the folders beside the bank
}

// diskSiblings are the files beside the bank file p.
func diskSiblings(p string) siblings {
	dir, name := filepath.Split(p)
	return siblings{
		name: name,
		join: func(lang string) string { return filepath.Join(dir, lang, name) },
		read: ReadFileLimited,
		dirs: func() []string { entries, _ := os.ReadDir(filepath.Clean(dir + ".")); return folders(entries) },
	}
}

// fsSiblings are the files beside the bank name in fsys.
func fsSiblings(fsys fs.FS, name string) siblings {
	dir, base := path.Split(name)
	return siblings{
		name: base,
		join: func(lang string) string { return path.Join(dir, lang, base) },
		read: func(p string) ([]byte, error) {
			f, err := fsys.Open(p)
			if err != nil {
				return nil, err
			}
			defer f.Close()
			return readLimited(f, p)
		},
		dirs: func() []string { entries, _ := fs.ReadDir(fsys, path.Clean(dir+".")); return folders(entries) },
	}
}

// folders are the names of the folders among entries.
func folders(entries []fs.DirEntry) []string {
	var out []string
	for _, e := range entries {
		if e.IsDir() {
			out = append(out, e.Name())
		}
	}
	return out
}

// Translate gives b (loaded from its file's text, as Load does) the translations files holds,
// each file's text by its language, checked as LoadFile checks those beside a bank file: a
// page carries a bank's translations so. It returns b (nil when any has an error) with what
// checking them found, ds first.
func Translate(b *Bank, ds Diagnostics, files map[string][]byte) (*Bank, Diagnostics) {
	if b == nil {
		return nil, ds
	}
	name := path.Base(b.File)
	return withLanguages(b, ds, siblings{
		name: name,
		join: func(lang string) string { return path.Join(lang, name) },
		read: func(p string) ([]byte, error) {
			if src, ok := files[path.Dir(p)]; ok {
				return src, nil
			}
			return nil, fs.ErrNotExist
		},
		dirs: func() []string { return slices.Sorted(maps.Keys(files)) },
	})
}

// withLanguages loads the translations of b found through s, and returns b (nil when any
// file has an error) with what loading them found, ds first.
func withLanguages(b *Bank, ds Diagnostics, s siblings) (*Bank, Diagnostics) {
	if b == nil {
		return nil, ds
	}
	found := map[string][]byte{} // tag -> text, for each folder beside the bank with its file
	for _, dir := range s.dirs() {
		if langRE.MatchString(dir) && !strings.EqualFold(dir, b.Language) {
			if raw, err := s.read(s.join(dir)); err == nil {
				found[dir] = raw
			}
		}
	}
	d := &diags{file: b.File}
	wanted := b.Languages[1:]
	if b.declared == nil {
		wanted = slices.Sorted(maps.Keys(found))
	}
	for tag := range found {
		p := s.join(tag)
		if b.declared != nil && !slices.ContainsFunc(wanted, func(w string) bool { return strings.EqualFold(w, tag) }) {
			d.warnf(b.declaredPos(), fmt.Sprintf("add %s to `languages`, or move %s away", tag, p),
				"%s is a translation of this bank into %s, which `languages` does not name", p, tag)
		}
	}
	var loaded []*Bank
	for _, tag := range wanted {
		p := s.join(tag)
		raw, ok := found[tag] // read once, when the folders were listed
		var err error
		if !ok {
			raw, err = s.read(p)
		}
		if err != nil {
			if b.declared == nil {
				continue
			}
			d.errorf(b.declaredPos(tag), fmt.Sprintf("write its translation in %s, or leave %s out of `languages`", p, tag),
				"the bank is declared in %s, but there is no file %s", tag, p)
			continue
		}
		if b.declared == nil && !sameID(raw, b.ID) {
			continue // another bank that happens to share the name, in a folder named like a language
		}
		t, tds := LoadTranslation(p, raw, b)
		for _, td := range tds {
			// The bank's own warnings (a question no score uses) are said once, at the bank.
			if td.Severity == Error || !slices.ContainsFunc(ds, func(bd Diagnostic) bool { return bd.Summary == td.Summary }) {
				d.list = append(d.list, td)
			}
		}
		if t != nil {
			loaded = append(loaded, t)
		}
	}
	ds = append(ds, d.list...)
	ds.Sort()
	if ds.HasErrors() {
		return nil, ds
	}
	if len(loaded) > 0 {
		b.translations = map[string]*Bank{b.Language: b}
		b.Languages = []string{b.Language}
		for _, t := range loaded {
			b.translations[t.Language] = t
			b.Languages = append(b.Languages, t.Language)
		}
		for _, t := range loaded {
			t.Languages, t.translations = b.Languages, b.translations
		}
	} else {
		b.Languages = []string{b.Language}
	}
	return b, ds
}

// sameID reports whether the bank in raw has the id id (read within the limits of a bank).
func sameID(raw []byte, id string) bool {
	_, root := parseFile(&diags{}, raw, "", "")
	if root == nil || root.Kind != yaml.MappingNode {
		return false
	}
	v := valueOf(root, "id")
	return v != nil && v.Kind == yaml.ScalarNode && v.Value == id
}

// declaredPos is where `languages` names tag; with no tag, where the list is.
func (b *Bank) declaredPos(tag ...string) Pos {
	for _, d := range b.declared {
		if len(tag) == 0 || d.tag == tag[0] {
			return d.pos
		}
	}
	return b.Pos
}

// LoadTranslation loads src, named name, as base's translation: the same bank with only its
// words (TextKeys) changed. A change to anything else (an id, a value, a `when`, scoring, a
// mark, a test) is an error at its place; a text base has and src does not is a warning, and
// base's words are used in its place. The translation's digest and version are base's (a
// response records the bank, whatever language it was answered in).
func LoadTranslation(name string, raw []byte, base *Bank) (*Bank, Diagnostics) {
	d := &diags{file: name}
	src, root := parseFile(d, raw, "", "")
	var baseDoc yaml.Node
	if root == nil || yaml.Unmarshal(base.Src, &baseDoc) != nil || len(baseDoc.Content) == 0 {
		return finish[Bank](d, nil)
	}
	c := &shapeCmp{diags: d, base: base}
	c.node("", baseDoc.Content[0], root, false)
	if d.list.HasErrors() {
		return finish[Bank](d, nil)
	}
	t := loadRoot(d, &Bank{File: name, Digest: base.Digest, Src: src}, root)
	if t == nil {
		return finish[Bank](d, nil)
	}
	if t.declared != nil {
		d.errorf(t.declaredPos(), "name the languages in the bank itself, "+base.File, "a translation does not list `languages`")
	}
	if dir := filepath.Base(filepath.Dir(name)); !strings.EqualFold(dir, t.Language) {
		d.errorf(t.Pos, fmt.Sprintf("write `language: %s`, as its folder says", dir), "this translation sits in folder %s but is in language %q", dir, t.Language)
	}
	c.tests(t)
	return finish(d, t)
}

// shapeCmp compares a translation's YAML with its bank's, reporting at the translation.
type shapeCmp struct {
	*diags
	base *Bank
}

// differ reports that the translation changes something at path that is not words.
func (c *shapeCmp) differ(at *yaml.Node, path, format string, args ...any) {
	c.errorf(Pos{Line: at.Line, Col: at.Column}, fmt.Sprintf("a translation changes only the words; make it as in %s", c.base.File),
		"%s: %s", where(path), fmt.Sprintf(format, args...))
}

// where names path for a person: "the top" for the bank itself.
func where(path string) string {
	if path == "" {
		return "the top"
	}
	return path
}

// skippedTop are the top-level keys compared otherwise: the language (which differs) and the
// sources (a translation adds its credit).
var skippedTop = map[string]bool{"language": true, "languages": true, "sources": true}

// node compares the translation's got with the bank's want at path; text says whether it is
// under a text key. Text the translation lacks is filled in from want.
func (c *shapeCmp) node(path string, want, got *yaml.Node, text bool) {
	want, got = yamlpos.Resolve(want), yamlpos.Resolve(got)
	if want.Kind != got.Kind {
		c.differ(got, path, "%s here, %s in %s", yamlpos.KindName(got), yamlpos.KindName(want), c.base.Language)
		return
	}
	switch want.Kind {
	case yaml.MappingNode:
		c.mapping(path, want, got, text)
	case yaml.SequenceNode:
		if len(want.Content) != len(got.Content) {
			c.differ(got, path, "%d entries here, %d in %s", len(got.Content), len(want.Content), c.base.Language)
			return
		}
		for i := range want.Content {
			c.node(fmt.Sprintf("%s[%d]", path, i), want.Content[i], got.Content[i], text)
		}
	case yaml.ScalarNode:
		if text && want.ShortTag() == "!!str" && got.ShortTag() == "!!str" {
			return
		}
		if want.Value != got.Value || want.ShortTag() != got.ShortTag() {
			c.differ(got, path, "%s here, %s in %s", quoteScalar(got), quoteScalar(want), c.base.Language)
		}
	}
}

// quoteScalar is a scalar as written: a text in quotes, anything else as is.
func quoteScalar(n *yaml.Node) string {
	if n.ShortTag() == "!!str" {
		return fmt.Sprintf("%q", n.Value)
	}
	return n.Value
}

// mapping compares two mappings key by key.
func (c *shapeCmp) mapping(path string, want, got *yaml.Node, text bool) {
	at := func(k string) string {
		if path == "" {
			return k
		}
		return path + "." + k
	}
	gotKeys := map[string]int{}
	for i := 0; i+1 < len(got.Content); i += 2 {
		gotKeys[got.Content[i].Value] = i
	}
	wantKeys := map[string]bool{}
	for i := 0; i+1 < len(want.Content); i += 2 {
		k, wv := want.Content[i].Value, want.Content[i+1]
		wantKeys[k] = true
		if path == "" && skippedTop[k] {
			continue
		}
		j, ok := gotKeys[k]
		switch {
		case ok && strings.HasPrefix(path, "tests[") && (k == "answers" || k == "bands"):
			continue // compared once loaded: answers and bands may be written in words
		case ok:
			c.node(at(k), wv, got.Content[j+1], text || TextKeys[k])
		case text || TextKeys[k]:
			c.warnf(Pos{Line: got.Line, Col: got.Column}, fmt.Sprintf("translate it; until then the words of %s show", c.base.File),
				"%s: no text in %s, so the %s text shows", at(k), langOf(c.file), c.base.Language)
			got.Content = append(got.Content, want.Content[i], wv)
		default:
			c.differ(got, path, "`%s` is missing (%s has it)", k, c.base.Language)
		}
	}
	for i := 0; i+1 < len(got.Content); i += 2 {
		if k := got.Content[i]; !wantKeys[k.Value] && !(path == "" && skippedTop[k.Value]) {
			c.differ(k, at(k.Value), "not in the bank in %s", c.base.Language)
		}
	}
	if path == "" {
		c.sources(want, got)
	}
}

// sources compares the sources of the bank with the translation's: the same, each with its
// words translated, and any more after them (who translated it).
func (c *shapeCmp) sources(want, got *yaml.Node) {
	w, g := valueOf(want, "sources"), valueOf(got, "sources")
	if w == nil {
		return
	}
	if g == nil || g.Kind != yaml.SequenceNode || w.Kind != yaml.SequenceNode || len(g.Content) < len(w.Content) {
		at := got
		if g != nil {
			at = g
		}
		c.differ(at, "sources", "the sources of the bank in %s are not all here", c.base.Language)
		return
	}
	for i := range w.Content {
		c.node(fmt.Sprintf("sources[%d]", i), w.Content[i], g.Content[i], false)
	}
}

// valueOf is the value of key in mapping n, or nil.
func valueOf(n *yaml.Node, key string) *yaml.Node {
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			return yamlpos.Resolve(n.Content[i+1])
		}
	}
	return nil
}

// langOf is the language a translation's folder names.
func langOf(file string) string { return filepath.Base(filepath.Dir(file)) }

// tests compares the loaded tests: the same answers (as values: a test may answer with an
// option's words) and the same expected bands (by place: a band's label is words).
func (c *shapeCmp) tests(t *Bank) {
	if len(t.Tests) != len(c.base.Tests) {
		c.errorf(t.Pos, "", "tests: %d here, %d in %s", len(t.Tests), len(c.base.Tests), c.base.Language)
		return
	}
	for i, bt := range c.base.Tests {
		tt := t.Tests[i]
		if !reflect.DeepEqual(bt.Answers, tt.Answers) || !slices.Equal(bt.Declined, tt.Declined) {
			c.errorf(tt.Pos, fmt.Sprintf("a translation changes only the words; make it as in %s", c.base.File),
				"tests[%d].answers: they give other answers than in %s", i, c.base.Language)
		}
		for id, label := range bt.Expect.Bands {
			if bandPlace(c.base, id, label) != bandPlace(t, id, tt.Expect.Bands[id]) {
				c.errorf(tt.Expect.Pos, fmt.Sprintf("a translation changes only the words; make it as in %s", c.base.File),
					"tests[%d].expect.bands.%s: another band than in %s", i, id, c.base.Language)
			}
		}
	}
}

// bandPlace is the place (1, 2, …) of the band labelled label among score id's bands; 0 for
// no band, -1 for no band of that label.
func bandPlace(b *Bank, id string, label *string) int {
	s := b.Score(id)
	if label == nil || s == nil {
		return 0
	}
	for i, band := range s.Bands {
		if band.Label == *label {
			return i + 1
		}
	}
	return -1
}

// IsLanguageTag reports whether s is written as a language tag (BCP 47: `es`, `es-MX`).
func IsLanguageTag(s string) bool { return langRE.MatchString(s) }

// Translated is the language b is a translation into: "" for the bank in its own language.
func (b *Bank) Translated() string {
	if len(b.Languages) > 0 && b.Language != b.Languages[0] {
		return b.Language
	}
	return ""
}
