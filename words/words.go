// Package words is candor's message catalogue: every word candor says to a person, in each
// language its interface speaks (docs/spec.md §4). The catalogue is a set of YAML files,
// one folder per language (en/, es/), each file an area of the interface (take.yaml,
// summary.yaml, page.yaml, ...). A message's key is its English text, a format as fmt
// takes it; a translation is either a string or, for a message that counts something, its
// plural forms (CLDR categories: zero, one, two, few, many, other), chosen by the rules of
// golang.org/x/text/feature/plural:
//
//	"Question %d of %d": "Pregunta %d de %d"
//	"%d questions":
//	  one: "%d pregunta"
//	  other: "%d preguntas"
//
// A plural message counts its first argument; `arg: N` counts the Nth; `rule: ordinal`
// chooses its forms by the ordinal rules (1st, 2nd, 3rd, 4th) instead of the cardinal ones. English needs an
// entry only for a plural (its key is its text otherwise). Numbers are written as the
// language writes them (3.5; 3,5), and dates too (26 Nov 2026; 26 nov 2026).
//
// Front ends choose words (cmd/candor, ask/terminal, render, web/engine and the page);
// the packages below them speak in codes. words imports no candor package. It formats with
// fmt and chooses plurals and languages with golang.org/x/text (feature/plural, language),
// not x/text/message: the catalogue and its printer are a few lines, and message with its
// number formatting would put about 100 KB more in every page, where the engine runs, for
// nothing candor needs (it would also group a year's digits: 2,026).
package words

import (
	"cmp"
	"fmt"
	"io"
	"io/fs"
	"path"
	"reflect"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"go.yaml.in/yaml/v3"
	"golang.org/x/text/feature/plural"
	"golang.org/x/text/language"
)

// Default is the language of every key, and the one shown when a language has no catalogue.
const Default = "en"

// Entry is one message of a language's catalogue: Text, or plural Forms counting argument
// Arg (1-based).
type Entry struct {
	Text  string
	Forms map[string]string
	Arg   int
	// Ordinal is set for forms chosen by the ordinal rules (1st, 2nd, 3rd: `rule: ordinal`),
	// not the cardinal ones.
	Ordinal bool
	// File is the catalogue file it is in ("es/take.yaml").
	File string
}

// Catalogue is every language's messages, by language and key.
type Catalogue map[string]map[string]Entry

var (
	loadOnce sync.Once
	loaded   Catalogue
	matcher  language.Matcher
	tags     []language.Tag
	// langs are the languages of the catalogue, the default first (Languages).
	langs   []string
	loadErr error
)

func load() {
	loaded, loadErr = readEmbedded()
	if loadErr != nil {
		return
	}
	langs = []string{Default}
	for l := range loaded {
		if l != Default {
			langs = append(langs, l)
		}
	}
	sort.Strings(langs[1:])
	for _, l := range langs {
		tags = append(tags, language.MustParse(l))
	}
	matcher = language.NewMatcher(tags)
}

var pluralOrder = []string{"zero", "one", "two", "few", "many", "other"}

// Read reads a catalogue from fsys: LANG/NAME.yaml files. An entry neither a string nor
// plural forms, an unknown plural category, and a key in two files of a language that says
// otherwise in each are errors.
func Read(fsys fs.FS) (Catalogue, error) {
	c := Catalogue{}
	paths, err := fs.Glob(fsys, "*/*.yaml")
	if err != nil {
		return nil, err
	}
	sort.Strings(paths)
	for _, p := range paths {
		data, err := fs.ReadFile(fsys, p)
		if err != nil {
			return nil, err
		}
		if err := readFile(c, p, data); err != nil {
			return nil, err
		}
	}
	return c, nil
}

// readEmbedded is Read of the catalogue built in, in the same order, through embed.FS's own
// methods: reading it as an fs.FS would keep the code that reads the operating system's
// folders in the page's engine (WebAssembly), about 13 KB gzipped.
func readEmbedded() (Catalogue, error) {
	c := Catalogue{}
	dirs, err := files.ReadDir(".")
	if err != nil {
		return nil, err
	}
	for _, d := range dirs {
		entries, err := files.ReadDir(d.Name())
		if err != nil {
			return nil, err
		}
		for _, e := range entries {
			p := d.Name() + "/" + e.Name()
			data, err := files.ReadFile(p)
			if err != nil {
				return nil, err
			}
			if err := readFile(c, p, data); err != nil {
				return nil, err
			}
		}
	}
	return c, nil
}

// readFile adds the messages of catalogue file p (LANG/NAME.yaml), whose text is data, to c.
func readFile(c Catalogue, p string, data []byte) error {
	lang := path.Dir(p)
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return fmt.Errorf("words: %s: %w", p, err) // words:none: a broken catalogue, for developers
	}
	if c[lang] == nil {
		c[lang] = map[string]Entry{}
	}
	if len(doc.Content) == 0 {
		return nil
	}
	m := doc.Content[0]
	if m.Kind != yaml.MappingNode {
		return fmt.Errorf("words: %s: the file is not a map of messages", p) // words:none: a broken catalogue, for developers
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := m.Content[i], m.Content[i+1]
		e := Entry{File: p, Arg: 1}
		switch v.Kind {
		case yaml.ScalarNode:
			if v.Tag == "!!null" || strings.TrimSpace(v.Value) == "" {
				return fmt.Errorf("words: %s:%d: %q has no words", p, v.Line, k.Value) // words:none: a broken catalogue, for developers
			}
			e.Text = v.Value
		case yaml.MappingNode:
			e.Forms = map[string]string{}
			for j := 0; j+1 < len(v.Content); j += 2 {
				fk, fv := v.Content[j].Value, v.Content[j+1]
				if fk == "rule" {
					if fv.Value != "ordinal" && fv.Value != "cardinal" {
						return fmt.Errorf("words: %s:%d: rule is ordinal or cardinal", p, fv.Line) // words:none: a broken catalogue, for developers
					}
					e.Ordinal = fv.Value == "ordinal"
					continue
				}
				if fk == "arg" {
					if err := fv.Decode(&e.Arg); err != nil || e.Arg < 1 {
						return fmt.Errorf("words: %s:%d: arg must be a number from 1", p, fv.Line) // words:none: a broken catalogue, for developers
					}
					continue
				}
				if !isPluralCategory(fk) || fv.Kind != yaml.ScalarNode {
					return fmt.Errorf("words: %s:%d: %q is not a plural form (zero, one, two, few, many, other)", p, v.Content[j].Line, fk) // words:none: a broken catalogue, for developers
				}
				if fv.Tag == "!!null" || strings.TrimSpace(fv.Value) == "" {
					return fmt.Errorf("words: %s:%d: %q's %s form has no words", p, fv.Line, k.Value, fk) // words:none: a broken catalogue, for developers
				}
				e.Forms[fk] = fv.Value
			}
			if _, ok := e.Forms["other"]; !ok {
				return fmt.Errorf("words: %s:%d: a plural message needs its other form", p, v.Line) // words:none: a broken catalogue, for developers
			}
		default:
			return fmt.Errorf("words: %s:%d: a message is a text or its plural forms", p, v.Line) // words:none: a broken catalogue, for developers
		}
		if old, ok := c[lang][k.Value]; ok {
			if !sameWords(old, e) {
				return fmt.Errorf("words: %s:%d: %q is already in %s, in other words", p, k.Line, k.Value, old.File) // words:none: a broken catalogue, for developers
			}
			continue
		}
		c[lang][k.Value] = e
	}
	return nil
}

// sameWords reports whether two entries of one key say the same: two areas of the interface
// may share a message, never give it two translations (make the English key more specific
// where the words must differ).
func sameWords(a, b Entry) bool {
	if a.Text != b.Text || a.Arg != b.Arg || a.Ordinal != b.Ordinal || len(a.Forms) != len(b.Forms) {
		return false
	}
	for k, v := range a.Forms {
		if b.Forms[k] != v {
			return false
		}
	}
	return true
}

func isPluralCategory(s string) bool {
	for _, c := range pluralOrder {
		if s == c {
			return true
		}
	}
	return false
}

// Loaded is the built-in catalogue (for tests and the page's words); it panics on a broken
// catalogue file, which the package's tests catch first.
func Loaded() Catalogue {
	loadOnce.Do(load)
	if loadErr != nil {
		panic(loadErr)
	}
	return loaded
}

// Languages are the languages candor's interface speaks, the default first.
func Languages() []string {
	Loaded()
	return slices.Clone(langs)
}

// Printer says candor's messages in one language.
type Printer struct {
	lang string
	tag  language.Tag
	// msgs are the language's messages; en the English ones (a plural's forms, where the
	// language lacks the message).
	msgs, en map[string]Entry
	// comma is set where the language writes a decimal comma.
	comma bool
}

var (
	printersMu sync.Mutex
	printers   = map[string]*Printer{}
)

// For is the printer for lang (a tag: "es", "es-MX", "es_ES"): the interface language that
// best matches it, English when none does. A nil *Printer says English too.
func For(lang string) *Printer {
	loadOnce.Do(load)
	if loadErr != nil {
		panic(loadErr)
	}
	l := Match(lang)
	printersMu.Lock()
	defer printersMu.Unlock()
	if p, ok := printers[l]; ok {
		return p
	}
	p := &Printer{lang: l, tag: language.MustParse(l), msgs: loaded[l], en: loaded[Default], comma: decimalComma[l]}
	printers[l] = p
	return p
}

// Match is the interface language for lang ("" when lang is none of them but English, which
// is then used): es-MX and es_ES.UTF-8 are es.
func Match(lang string) string {
	Loaded()
	lang = strings.ReplaceAll(strings.TrimSpace(lang), "_", "-")
	lang, _, _ = strings.Cut(lang, ".")
	if lang == "" {
		return Default
	}
	t, err := language.Parse(lang)
	if err != nil {
		return Default
	}
	_, i, conf := matcher.Match(t)
	if conf == language.No {
		return Default
	}
	return langs[i]
}

// Speaks reports whether the interface has a catalogue for lang (or its base language).
func Speaks(lang string) bool {
	l := Match(lang)
	if l != Default {
		return true
	}
	base, _, _ := strings.Cut(strings.ReplaceAll(lang, "_", "-"), "-")
	return strings.EqualFold(base, Default)
}

func (p *Printer) printer() *Printer {
	if p == nil {
		return For(Default)
	}
	return p
}

// Lang is the printer's language ("en", "es").
func (p *Printer) Lang() string { return p.printer().lang }

// T is the message key in the printer's language, formatted with args as fmt does (indexed
// verbs such as %[2]s too), its decimal numbers as the language writes them; a plural
// message takes the form the language's CLDR rules choose for the number it counts
// (golang.org/x/text/feature/plural). A key the language lacks is said in English.
func (p *Printer) T(key string, args ...any) string {
	p = p.printer()
	format := key
	e, ok := p.msgs[key]
	if !ok {
		e, ok = p.en[key]
	}
	plural := ok && e.Forms != nil
	if ok {
		format = e.Text
		if plural {
			format = p.form(key, e, args)
		}
	}
	if p.comma {
		args = slices.Clone(args)
		for i, a := range args {
			if k := reflect.ValueOf(a).Kind(); k == reflect.Float64 || k == reflect.Float32 {
				args[i] = commaFloat{a}
			}
		}
	}
	// A plural form may leave out the number it counts ("one: una pregunta"): the arguments
	// after those it uses are not printed. (A form that leaves out a number before another
	// argument says which it means by index: "una pregunta en %[2]s".) Any other message
	// is formatted as fmt does, a missing or extra argument shown as fmt shows it.
	if plural {
		args = args[:min(len(args), argsUsed(format))]
	}
	return fmt.Sprintf(format, args...)
}

// argsUsed is how many arguments format reads, counted as fmt counts them (an indexed verb
// %[n]d reads the nth, a * width or precision one more).
func argsUsed(format string) int {
	most := 0
	for _, v := range Verbs(format) {
		most = max(most, v.Arg+1)
	}
	return most
}

// Verb is a verb of a format as fmt reads it: the argument it reads (Arg, from 0) and its
// Text ("%.1f"; "*" for a width or precision read from an argument).
type Verb struct {
	Arg  int
	Text string
}

// Verbs are the verbs of format that read an argument, in order, as fmt reads them.
func Verbs(format string) []Verb {
	var out []Verb
	next := 0
	for i := 0; i < len(format); i++ {
		if format[i] != '%' {
			continue
		}
		start := i
		for i++; i < len(format); i++ {
			c := format[i]
			switch {
			case c == '[':
				j := strings.IndexByte(format[i:], ']')
				if j < 0 {
					return append(out, Verb{Arg: len(format), Text: format[start:]}) // a broken index: fmt says so
				}
				if n, err := strconv.Atoi(format[i+1 : i+j]); err == nil && n > 0 {
					next = n - 1
				}
				i += j
				continue
			case c == '*':
				out = append(out, Verb{Arg: next, Text: "*"})
				next++
				continue
			case strings.IndexByte("+-# 0.", c) >= 0 || c >= '1' && c <= '9':
				continue
			case c == '%':
			default:
				out = append(out, Verb{Arg: next, Text: format[start : i+1]})
				next++
			}
			break
		}
	}
	return out
}

// Tw writes the message key in the printer's language, formatted with args, to w.
func (p *Printer) Tw(w io.Writer, key string, args ...any) (int, error) {
	return io.WriteString(w, p.T(key, args...))
}

// form is the plural form of e for the number its argument holds ("other" when the
// language has no form of its own for it, or the argument is not a number).
func (p *Printer) form(key string, e Entry, args []any) string {
	f := "other"
	if e.Arg <= len(args) {
		verb := "%v"
		for _, v := range Verbs(key) {
			if v.Arg == e.Arg-1 && v.Text != "*" {
				verb = v.Text
			}
		}
		if n, ok := operands(args[e.Arg-1], verb); ok {
			rules := plural.Cardinal
			if e.Ordinal {
				rules = plural.Ordinal
			}
			f = formNames[rules.MatchPlural(p.tag, n.i, n.v, n.w, n.f, n.t)]
		}
	}
	if s, ok := e.Forms[f]; ok {
		return s
	}
	return e.Forms["other"]
}

var formNames = map[plural.Form]string{plural.Zero: "zero", plural.One: "one", plural.Two: "two",
	plural.Few: "few", plural.Many: "many", plural.Other: "other"}

// plOperands are CLDR's plural operands of a number: its integer digits i, its count of
// visible fraction digits v (w without trailing zeros), those digits f (t).
type plOperands struct{ i, v, w, f, t int }

func operands(a any, verb string) (plOperands, bool) {
	var s string
	switch rv := reflect.ValueOf(a); rv.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		s = strconv.FormatInt(rv.Int(), 10)
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		s = strconv.FormatUint(rv.Uint(), 10)
	case reflect.Float32, reflect.Float64:
		// The digits a person sees: "1.0 points" (%.1f) is other in English, "1 point" one.
		s = strconv.FormatFloat(rv.Float(), 'f', -1, rv.Type().Bits())
		if strings.Contains(verb, ".") && strings.ContainsAny(verb[len(verb)-1:], "fF") {
			s = fmt.Sprintf(verb, rv.Float())
		}
		s = strings.TrimSpace(s)
		if strings.ContainsAny(s, "eEnN") {
			return plOperands{}, false // Inf, NaN
		}
	default:
		return plOperands{}, false
	}
	s = strings.TrimPrefix(s, "-")
	ip, fp, _ := strings.Cut(s, ".")
	var o plOperands
	var err error
	if o.i, err = strconv.Atoi(ip); err != nil {
		o.i = 1 << 30 // beyond int: "other" in every language candor speaks
	}
	o.v = len(fp)
	o.f, _ = strconv.Atoi(cmp.Or(fp, "0"))
	trimmed := strings.TrimRight(fp, "0")
	o.w = len(trimmed)
	o.t, _ = strconv.Atoi(cmp.Or(trimmed, "0"))
	return o, true
}

// commaFloat formats a float as fmt does, with a decimal comma.
type commaFloat struct{ v any }

func (c commaFloat) Format(st fmt.State, verb rune) {
	s := fmt.Sprintf(fmt.FormatString(st, verb), c.v)
	io.WriteString(st, decimalPoint.ReplaceAllString(s, "$1,$2"))
}

// decimalComma are the languages of the interface that write a decimal comma (CLDR).
var decimalComma = map[string]bool{"es": true}

// Decimal is a number already written with a decimal point ("3.5", as
// questionnaire.FormatNumber writes it) as the language writes it ("3,5" in Spanish). Only
// a point between two digits is a decimal point: anything else in s is kept ("3.5 of 10."
// is "3,5 of 10.").
func (p *Printer) Decimal(s string) string {
	if !p.printer().comma {
		return s
	}
	return decimalPoint.ReplaceAllString(s, "$1,$2")
}

// decimalPoint is a point between two digits.
var decimalPoint = regexp.MustCompile(`(\d)\.(\d)`)

// List is items as a sentence lists them: "a", "a and b", "a, b and c" ("a, b y c"; "y"
// is "e" before a word that starts with the sound i in Spanish: "a e Isabel").
func (p *Printer) List(items ...string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	last := items[len(items)-1]
	s := p.T("%s and %s", strings.Join(items[:len(items)-1], ", "), last)
	if p.Lang() == "es" && spanishI(last) {
		s = strings.Join(items[:len(items)-1], ", ") + " e " + last
	}
	return s
}

// spanishI reports whether a Spanish word starts with the sound i (i-, hi- but not hie-,
// hia-, hio-, hiu-, which sound y): "y" is then "e".
func spanishI(s string) bool {
	low := strings.ToLower(strings.TrimLeft(s, "«\"'¿¡ "))
	for _, diph := range []string{"hie", "hia", "hio", "hiu"} {
		if strings.HasPrefix(low, diph) {
			return false
		}
	}
	return strings.HasPrefix(low, "i") || strings.HasPrefix(low, "í") || strings.HasPrefix(low, "hi") || strings.HasPrefix(low, "hí")
}

// Date is t's day as the language writes it: "26 Nov 2026", "26 nov 2026".
func (p *Printer) Date(t time.Time) string {
	return fmt.Sprintf("%d %s %d", t.Day(), p.T(months[t.Month()-1]), t.Year())
}

// DateTime is t's day and time of day: "26 Nov 2026, 14:05".
func (p *Printer) DateTime(t time.Time) string {
	return p.T("%s, %s", p.Date(t), t.Format("15:04"))
}

// LongDate is t's day written out in full: "22 November 2026", "22 de noviembre de 2026".
func (p *Printer) LongDate(t time.Time) string {
	return p.T(longDates[t.Month()-1], t.Day(), strconv.Itoa(t.Year()))
}

// MonthYear is a month of a year: "November 2026", "noviembre de 2026".
func (p *Printer) MonthYear(year int, m time.Month) string {
	return p.T(monthYears[m-1], strconv.Itoa(year))
}

// longDates and monthYears are the keys of a date written out in full and of a month of a
// year, one for each month; the year is passed as text, which no language groups (never
// "2,026").
var longDates = [12]string{"%d January %s", "%d February %s", "%d March %s", "%d April %s", "%d May %s", "%d June %s", // words:key
	"%d July %s", "%d August %s", "%d September %s", "%d October %s", "%d November %s", "%d December %s"} // words:key

var monthYears = [12]string{"January %s", "February %s", "March %s", "April %s", "May %s", "June %s", // words:key
	"July %s", "August %s", "September %s", "October %s", "November %s", "December %s"} // words:key

// months are the keys of the months' short names.
var months = [12]string{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"} // words:key
