package words

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"
	"unicode"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The front ends whose every person-facing word must come from the catalogue
// (docs/spec.md §4). A Go file is read whole but for its tests; a literal on a line with
// "words:none" in a comment (say why after it) is not words for a person (a code, a file
// name, a format of numbers), and one with "words:key" is a catalogue key looked up through
// a variable.
var frontEnds = []string{
	"words",
	"render",
	"ask/terminal",
	"ask/askwords",
	"web/engine",
	"web/page.js",
	"web/page.html",
	"cmd/candor",
}

// literal is a string in a front end's source.
type literal struct {
	text  string
	place string
	key   bool // passed as a catalogue key
	none  bool // marked words:none
}

func root(t *testing.T) string {
	t.Helper()
	r, err := filepath.Abs("..")
	require.NoError(t, err)
	return r
}

// sources reads every literal of the front ends.
func sources(t *testing.T) []literal {
	t.Helper()
	var out []literal
	for _, fe := range frontEnds {
		p := filepath.Join(root(t), fe)
		st, err := os.Stat(p)
		require.NoError(t, err)
		if !st.IsDir() {
			out = append(out, jsLiterals(t, p)...)
			continue
		}
		entries, err := os.ReadDir(p)
		require.NoError(t, err)
		for _, e := range entries {
			n := e.Name()
			if e.IsDir() || !strings.HasSuffix(n, ".go") || strings.HasSuffix(n, "_test.go") {
				continue
			}
			out = append(out, goLiterals(t, filepath.Join(p, n))...)
		}
	}
	return out
}

// markers are the lines of a file with words:none or words:key in a comment.
func markers(fset *token.FileSet, f *ast.File) (none, key map[int]bool) {
	none, key = map[int]bool{}, map[int]bool{}
	for _, cg := range f.Comments {
		for _, c := range cg.List {
			line := fset.Position(c.Pos()).Line
			if strings.Contains(c.Text, "words:none") {
				none[line] = true
			}
			if strings.Contains(c.Text, "words:key") {
				key[line] = true
			}
		}
	}
	return none, key
}

func goLiterals(t *testing.T, file string) []literal {
	t.Helper()
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, file, nil, parser.ParseComments|parser.SkipObjectResolution)
	require.NoError(t, err)
	none, keyLines := markers(fset, f)
	keys := map[*ast.BasicLit]bool{}
	skip := map[*ast.BasicLit]bool{}
	ast.Inspect(f, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.ImportSpec:
			skip[n.Path] = true
		case *ast.Field:
			if n.Tag != nil {
				skip[n.Tag] = true
			}
		case *ast.CallExpr:
			sel, ok := n.Fun.(*ast.SelectorExpr)
			if !ok {
				return true
			}
			i := -1
			switch sel.Sel.Name {
			case "T":
				i = 0
			case "Tw":
				i = 1
			}
			if i >= 0 && len(n.Args) > i {
				for _, l := range stringLits(n.Args[i]) {
					keys[l] = true
				}
			}
		}
		return true
	})
	rel := relPath(file)
	var out []literal
	ast.Inspect(f, func(n ast.Node) bool {
		l, ok := n.(*ast.BasicLit)
		if !ok || l.Kind != token.STRING || skip[l] {
			return true
		}
		s, err := strconv.Unquote(l.Value)
		if err != nil {
			return true
		}
		pos := fset.Position(l.Pos())
		out = append(out, literal{text: s, place: rel + ":" + strconv.Itoa(pos.Line),
			key: keys[l] || keyLines[pos.Line], none: none[pos.Line]})
		return true
	})
	return out
}

// relPath is file from the module's root, for messages.
func relPath(file string) string {
	r, _ := filepath.Abs("..")
	rel, err := filepath.Rel(r, file)
	if err != nil {
		return file
	}
	return filepath.ToSlash(rel)
}

// stringLits are the literals of a constant string expression ("a" + "b" is one key).
func stringLits(e ast.Expr) []*ast.BasicLit {
	switch e := e.(type) {
	case *ast.BasicLit:
		if e.Kind == token.STRING {
			return []*ast.BasicLit{e}
		}
	case *ast.ParenExpr:
		return stringLits(e.X)
	}
	return nil
}

var (
	// jsKeyRE finds t('key' in the page's script: the page's catalogue calls, single-quoted, as
	// web.pageKeyRE reads them for the words the page shows before its engine starts.
	jsKeyRE = regexp.MustCompile(`\bt\(\s*('(?:[^'\\\n]|\\.)*')`)
	jsStrRE = regexp.MustCompile(`"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|` + "`(?:[^`\\\\]|\\\\.)*`")
	// htmlTextRE finds the text between tags, and attributes people read.
	htmlTextRE = regexp.MustCompile(`>([^<>]+)<|\b(?:aria-label|title|alt|placeholder)="([^"]*)"`)
)

func jsLiterals(t *testing.T, file string) []literal {
	t.Helper()
	data, err := os.ReadFile(file)
	require.NoError(t, err)
	rel := relPath(file)
	var out []literal
	for i, line := range strings.Split(string(data), "\n") {
		place := rel + ":" + strconv.Itoa(i+1)
		none := strings.Contains(line, "words:none")
		if strings.HasSuffix(file, ".html") {
			for _, m := range htmlTextRE.FindAllStringSubmatch(line, -1) {
				out = append(out, literal{text: m[1] + m[2], place: place, none: none})
			}
			continue
		}
		code := line
		if c := strings.Index(code, "//"); c >= 0 && !strings.Contains(code[:c], "'") && !strings.Contains(code[:c], "\"") {
			code = code[:c]
		}
		if strings.HasPrefix(strings.TrimSpace(code), "*") || strings.HasPrefix(strings.TrimSpace(code), "/*") {
			continue
		}
		keyAt := map[int]bool{}
		for _, m := range jsKeyRE.FindAllStringSubmatchIndex(code, -1) {
			keyAt[m[2]] = true
		}
		for _, m := range jsStrRE.FindAllStringIndex(code, -1) {
			raw := code[m[0]:m[1]]
			s := raw[1 : len(raw)-1]
			if raw[0] == '"' {
				if u, err := strconv.Unquote(raw); err == nil {
					s = u
				}
			} else {
				s = strings.NewReplacer(`\'`, `'`, `\\`, `\`, `\n`, "\n").Replace(s)
			}
			out = append(out, literal{text: s, place: place, key: keyAt[m[0]] || strings.Contains(line, "words:key"), none: none})
		}
	}
	return out
}

var (
	verbRE   = regexp.MustCompile(`%(\[\d+\])?[-+# 0]*(\d+|\*)?(\.(\d+|\*))?[a-zA-Z%]`)
	tagRE    = regexp.MustCompile(`<[^>]*>|&[a-z]+;|&#\d+;|\$\{[^}]*\}|\{\{[^}]*\}\}|https?://\S+`)
	wordRE   = regexp.MustCompile(`[\p{L}'][\p{L}'_-]*`)
	stopword = map[string]bool{}
)

func init() {
	for _, w := range strings.Fields(`the a an to of and or is are was were be been you your yours
		i i'm i'd we our my me it it's its this that these those with for in on at by from not no
		yes if as do does did can can't don't doesn't isn't won't will would should could has have
		had what which who how when where why there here all any each some more less than then
		so but about into out up down please try again here's there's let's they them their
		he she his her us am`) {
		stopword[w] = true
	}
}

// prose reports whether s reads as English words for a person: two words or more, one of
// them a common English word, once formats, tags and template holes are taken out.
func prose(s string) bool {
	s = verbRE.ReplaceAllString(s, " ")
	s = tagRE.ReplaceAllString(s, " ")
	words := wordRE.FindAllString(s, -1)
	if len(words) < 2 {
		return len(words) == 1 && uiWords[words[0]]
	}
	for _, w := range words {
		if stopword[strings.ToLower(w)] || uiWordsLower[strings.ToLower(w)] {
			return true
		}
	}
	// A title of capitalised words ("Exit This Page") is words too.
	caps := 0
	for _, w := range words {
		if r := []rune(w); unicode.IsUpper(r[0]) && len(r) > 1 && unicode.IsLower(r[1]) {
			caps++
		}
	}
	return caps == len(words)
}

// uiWords are single words a person reads on a button or a heading (uiWordsLower: the
// same, and more, in lower case, which make a phrase English: "Answer required").
var uiWords, uiWordsLower = map[string]bool{}, map[string]bool{}

func init() {
	for _, w := range strings.Fields(`Next Back Skip Continue Change Review Summary Save Saved Send
		Download Print Begin Start Finish Done Question Questions Answer Answers Score Scores Total
		Yes No Close Exit Cancel Help Language Unanswered Declined Loading Contents Flags Notes
		Outcome Warning Warnings Date Name Before After Change Reliable Improved Worsened Item
		Items Band Bands Range Safety Urgent`) {
		uiWords[w] = true
		uiWordsLower[strings.ToLower(w)] = true
	}
	for _, w := range strings.Fields(`invalid required missing retry edit changed improved
		reliable improvement deterioration value values file files folder response responses
		unanswered declined skipped finished unfinished error warning`) {
		uiWordsLower[w] = true
	}
}

// TestEveryWordIsInTheCatalogue fails on a person-facing English string in a front end that
// is not a catalogue key, and on a key some language of the interface does not have.
func TestEveryWordIsInTheCatalogue(t *testing.T) {
	c := Loaded()
	lits := sources(t)
	var outside []string
	used := map[string]bool{}
	for _, l := range lits {
		if l.key {
			used[l.text] = true
			continue
		}
		if !l.none && prose(l.text) {
			outside = append(outside, l.place+": "+strconv.Quote(l.text))
		}
	}
	if len(outside) > 0 {
		t.Errorf("%d person-facing English strings outside the catalogue: pass each to a Printer's T (its Spanish goes in words/es/*.yaml), or mark its line words:none, saying why it is not for a person:\n%s",
			len(outside), strings.Join(outside, "\n"))
	}
	for _, lang := range Languages()[1:] {
		var missing []string
		for k := range used {
			if _, ok := c[lang][k]; !ok {
				missing = append(missing, strconv.Quote(k))
			}
		}
		sort.Strings(missing)
		assert.Empty(t, missing, "keys with no %s words (words/%s/*.yaml)", lang, lang)
	}
	var unused []string
	for _, m := range c {
		for k, e := range m {
			if !used[k] {
				unused = append(unused, e.File+": "+strconv.Quote(k))
			}
		}
	}
	sort.Strings(unused)
	assert.Empty(t, unused, "catalogue messages no front end uses")
}

// TestTranslationsKeepTheirArguments: a translation has the same format verbs as its key
// (in any order, when indexed) and the same leading and trailing spaces and newlines; a
// plural message is plural in English too.
func TestTranslationsKeepTheirArguments(t *testing.T) {
	c := Loaded()
	for lang, m := range c {
		for k, e := range m {
			forms := map[string]string{"": e.Text}
			if e.Forms != nil {
				forms = e.Forms
				if lang != Default {
					en, ok := c[Default][k]
					assert.True(t, ok && en.Forms != nil, "%s: %q is plural; English needs its forms too (words/en)", e.File, k)
				}
			}
			want := argVerbs(k)
			for form, s := range forms {
				got := argVerbs(s)
				if e.Forms == nil || form == "other" {
					assert.Equal(t, want, got, "%s: %q: the translation %q has other arguments", e.File, k, s)
				} else {
					// Another form may leave out the count ("one: una pregunta", "una de
					// %[2]s"), nothing else, and reads each argument as the key does.
					for a, v := range want {
						if a != e.Arg-1 {
							assert.Equal(t, v, got[a], "%s: %q: the form %s %q reads argument %d otherwise", e.File, k, form, s, a+1)
						}
					}
					for a, v := range got {
						assert.Equal(t, want[a], v, "%s: %q: the form %s %q reads argument %d otherwise", e.File, k, form, s, a+1)
					}
				}
				if strings.Contains(s, "%") || e.Forms == nil {
					assert.Equal(t, edges(k), edges(s), "%s: %q: the translation %q starts or ends otherwise", e.File, k, s)
				}
			}
		}
	}
}

// argVerbs is each argument a format reads, with the verb it reads it by (its index left
// out: "%[2]d" reads argument 2 by "%d").
func argVerbs(format string) map[int]string {
	out := map[int]string{}
	for _, v := range Verbs(format) {
		out[v.Arg] = argIndexRE.ReplaceAllString(v.Text, "")
	}
	return out
}

// argIndexRE is a verb's argument index ("[2]" of "%[2]d").
var argIndexRE = regexp.MustCompile(`\[\d+\]`)

func edges(s string) [2]string {
	trimmed := strings.TrimSpace(s)
	if trimmed == "" {
		return [2]string{s, ""}
	}
	i := strings.Index(s, trimmed)
	return [2]string{s[:i], s[i+len(trimmed):]}
}

func TestProse(t *testing.T) {
	for s, want := range map[string]bool{
		"This question needs an answer.": true,
		"Next":                           true,
		"Exit This Page":                 true,
		"not-an-answer":                  false,
		"text/plain; charset=utf-8":      false,
		"%s: %d":                         false,
		"<div class=\"summary\">":        false,
		"candor-%s.yaml":                 false,
		"font-size: 12px":                false,
		"Answer required":                true,
		"Invalid answer":                 true,
		"Reliable improvement":           true,
		"Missing value: %s":              true,
	} {
		assert.Equal(t, want, prose(s), s)
	}
}

// TestOnlyFrontEndsSayWords: the packages below the front ends speak in codes and data, so
// none of them imports the catalogue (docs/architecture.md, the arrows).
func TestOnlyFrontEndsSayWords(t *testing.T) {
	for _, dir := range []string{"questionnaire", "questionnaire/cond", "questionnaire/table",
		"scoring", "scoring/change", "ask", "store", "data", "interop/fhir", "interop/redcap",
		"interop/bankfile", "internal/yamlpos", "internal/suggest", "internal/text"} {
		entries, err := os.ReadDir(filepath.Join(root(t), dir))
		require.NoError(t, err)
		for _, e := range entries {
			if !strings.HasSuffix(e.Name(), ".go") || strings.HasSuffix(e.Name(), "_test.go") {
				continue
			}
			f, err := parser.ParseFile(token.NewFileSet(), filepath.Join(root(t), dir, e.Name()), nil, parser.ImportsOnly)
			require.NoError(t, err)
			for _, im := range f.Imports {
				assert.NotEqual(t, `"github.com/candor-app/candor/words"`, im.Path.Value, "%s/%s", dir, e.Name())
			}
		}
	}
}

// pageScope are the sources whose words the page says: its script and HTML, its engine, the
// answering session's problems, and render's summary (not compare, history, worksheets or
// CSV, which only the command line writes).
func pageScope(place string) bool {
	file, _, _ := strings.Cut(place, ":")
	switch {
	case strings.HasPrefix(file, "web/"), strings.HasPrefix(file, "ask/askwords/"), file == "words/words.go":
		return true
	case strings.HasPrefix(file, "render/"):
		base := strings.TrimPrefix(file, "render/")
		for _, p := range []string{"compare", "history", "chart_svg", "worksheet", "csv"} {
			if strings.HasPrefix(base, p) {
				return false
			}
		}
		return true
	}
	return false
}

// TestPageAreasHoldThePagesWords: the page's engine carries only some areas of the
// catalogue (files_js.go's embed line); every key the page's sources use is in them, in
// every language that has it, so that the page never falls back to English for want of an
// area.
func TestPageAreasHoldThePagesWords(t *testing.T) {
	src, err := os.ReadFile("files_js.go")
	require.NoError(t, err)
	m := regexp.MustCompile(`(?m)^//go:embed (.+)$`).FindSubmatch(src)
	require.NotNil(t, m, "files_js.go embeds the page's areas")
	page := fstest.MapFS{}
	for _, pattern := range strings.Fields(string(m[1])) {
		matches, err := filepath.Glob(pattern)
		require.NoError(t, err)
		require.NotEmpty(t, matches, pattern)
		for _, f := range matches {
			data, err := os.ReadFile(f)
			require.NoError(t, err)
			page[filepath.ToSlash(f)] = &fstest.MapFile{Data: data}
		}
	}
	pc, err := Read(page)
	require.NoError(t, err)
	c := Loaded()
	var missing []string
	for _, l := range sources(t) {
		if !l.key || !pageScope(l.place) {
			continue
		}
		for _, lang := range Languages() {
			if e, ok := c[lang][l.text]; ok {
				if _, ok := pc[lang][l.text]; !ok {
					missing = append(missing, l.place+": "+strconv.Quote(l.text)+" is only in "+e.File)
				}
			}
		}
	}
	sort.Strings(missing)
	assert.Empty(t, slices.Compact(missing), "words the page says from areas it does not carry: move each to one it does (or add the area to files_js.go)")
}

func TestArgVerbs(t *testing.T) {
	assert.Equal(t, argVerbs("%s has %d"), argVerbs("%[2]d en %[1]s"), "another order, by index")
	assert.NotEqual(t, argVerbs("%s has %d"), argVerbs("%d en %s"), "another order without index reads other arguments")
	assert.Equal(t, map[int]string{1: "%s"}, argVerbs("una de %[2]s"), "a form may leave out the count")
}
