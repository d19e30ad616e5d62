package words

import (
	"testing"
	"testing/fstest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestMatch(t *testing.T) {
	for in, want := range map[string]string{
		"":            "en",
		"es":          "es",
		"es-MX":       "es",
		"es_ES.UTF-8": "es",
		"ES":          "es",
		"en-GB":       "en",
		"fr":          "en",
		"ar":          "en",
		"not a tag":   "en",
	} {
		assert.Equal(t, want, Match(in), in)
	}
	assert.True(t, Speaks("es-AR"))
	assert.True(t, Speaks("en-US"))
	assert.False(t, Speaks("fr"))
	assert.Equal(t, []string{"en", "es"}, Languages())
}

func TestPrinterSaysEachLanguage(t *testing.T) {
	var none *Printer
	assert.Equal(t, "en", none.Lang(), "a nil printer speaks English")
	assert.Equal(t, "ene", For("es").T("Jan"))
	assert.Equal(t, "Jan", For("en").T("Jan"))
	assert.Equal(t, "Jan", For("fr").T("Jan"), "a language candor lacks is English")
	assert.Equal(t, "no such key 3", For("es").T("no such key %d", 3), "a key with no translation is its English")
}

func TestDatesAndNumbers(t *testing.T) {
	d := time.Date(2026, time.November, 26, 14, 5, 0, 0, time.UTC)
	assert.Equal(t, "26 Nov 2026", For("en").Date(d))
	assert.Equal(t, "26 nov 2026", For("es").Date(d))
	assert.Equal(t, "26 nov 2026, 14:05", For("es").DateTime(d))
	assert.Equal(t, "26 November 2026", For("en").LongDate(d))
	assert.Equal(t, "26 de noviembre de 2026", For("es").LongDate(d))
	assert.Equal(t, "February 2026", For("en").MonthYear(2026, time.February))
	assert.Equal(t, "febrero de 2026", For("es").MonthYear(2026, time.February))
	assert.Equal(t, "3.5", For("en").Decimal("3.5"))
	assert.Equal(t, "3,5", For("es").Decimal("3.5"))
	assert.Equal(t, "-0,25 a 12", For("es").Decimal("-0.25 a 12"))
	assert.Equal(t, "3,5 de 10.", For("es").Decimal("3.5 de 10."), "only a point between digits")
	assert.Equal(t, "12", For("es").Decimal("12"))
}

func TestPlurals(t *testing.T) {
	c, err := Read(fstest.MapFS{
		"en/a.yaml": {Data: []byte("\"%d questions\":\n  one: \"%d question\"\n  other: \"%d questions\"\n")},
		"es/a.yaml": {Data: []byte("\"%d questions\":\n  one: \"una pregunta\"\n  other: \"%d preguntas\"\n\"of %s and %d more\":\n  arg: 2\n  one: \"de %s y otra\"\n  other: \"de %s y %d más\"\n")},
	})
	require.NoError(t, err)
	assert.Equal(t, "una pregunta", c["es"]["%d questions"].Forms["one"])
	assert.Equal(t, 2, c["es"]["of %s and %d more"].Arg)
	assert.Equal(t, "es/a.yaml", c["es"]["%d questions"].File)
}

func TestReadRefusesABrokenCatalogue(t *testing.T) {
	for name, text := range map[string]string{
		"not a map":         "- a\n- b\n",
		"no other":          "\"%d x\":\n  one: \"%d y\"\n",
		"unknown category":  "\"%d x\":\n  several: \"%d y\"\n  other: \"%d y\"\n",
		"arg not a number":  "\"%d x\":\n  arg: two\n  other: \"%d y\"\n",
		"a list as message": "\"x\": [a, b]\n",
		"bad yaml":          "\"x\": [\n",
		"no words":          "\"Next\":\n",
		"a null":            "\"Next\": ~\n",
		"an empty form":     "\"%d x\":\n  one: \"\"\n  other: \"%d y\"\n",
	} {
		_, err := Read(fstest.MapFS{"es/a.yaml": {Data: []byte(text)}})
		assert.Error(t, err, name)
	}
	_, err := Read(fstest.MapFS{"es/a.yaml": {Data: []byte("\"Next\":\n")}})
	assert.ErrorContains(t, err, `"Next" has no words`, "an empty translation would show nothing")
	_, err = Read(fstest.MapFS{
		"es/a.yaml": {Data: []byte("x: y\n")},
		"es/b.yaml": {Data: []byte("x: z\n")},
	})
	assert.ErrorContains(t, err, "already in es/a.yaml", "a key in two files, in other words")
	c, err := Read(fstest.MapFS{
		"es/a.yaml": {Data: []byte("x: y\n")},
		"es/b.yaml": {Data: []byte("x: y\n")},
	})
	require.NoError(t, err, "two areas may share a message")
	assert.Equal(t, "y", c["es"]["x"].Text)
}

func TestPluralRulesAreTheLanguages(t *testing.T) {
	// Forms chosen by CLDR's rules (x/text/feature/plural) for the number a person sees.
	p := func(lang string) *Printer {
		return &Printer{lang: lang, tag: For(lang).tag, comma: lang == "es", msgs: map[string]Entry{
			"%v points":   {Forms: map[string]string{"one": "%v punto", "other": "%v puntos"}, Arg: 1},
			"%.1f points": {Forms: map[string]string{"one": "%.1f punto", "other": "%.1f puntos"}, Arg: 1},
			"%d of %s":    {Forms: map[string]string{"one": "una de %[2]s", "other": "%d de %s"}, Arg: 1},
		}}
	}
	en := &Printer{lang: "en", tag: For("en").tag, msgs: map[string]Entry{
		"%.1f points": {Forms: map[string]string{"one": "%.1f point", "other": "%.1f points"}, Arg: 1},
	}}
	for _, tt := range []struct {
		key  string
		args []any
		want string
	}{
		{"%v points", []any{0}, "0 puntos"},
		{"%v points", []any{1}, "1 punto"},
		{"%v points", []any{2}, "2 puntos"},
		{"%v points", []any{1.5}, "1,5 puntos"},
		{"%v points", []any{int8(1)}, "1 punto"},
		{"%.1f points", []any{1.0}, "1,0 punto"}, // Spanish one is n = 1, 1.0 too
		{"%d of %s", []any{1, "ellas"}, "una de ellas"},
		{"%d of %s", []any{3, "ellas"}, "3 de ellas"},
	} {
		assert.Equal(t, tt.want, p("es").T(tt.key, tt.args...), "%s %v", tt.key, tt.args)
	}
	assert.Equal(t, "1.0 points", en.T("%.1f points", 1.0), "1.0 is other in English: a visible decimal")
	assert.Equal(t, "1 of 2 (%!s(MISSING))", For("en").T("%d of %d (%s)", 1, 2), "a message that is not plural shows a missing argument as fmt does")
	assert.Equal(t, "1 of 2%!(EXTRA int=3)", For("en").T("%d of %d", 1, 2, 3), "and an extra one")
}

func TestArgsUsed(t *testing.T) {
	for format, want := range map[string]int{
		"":                      0,
		"100%%":                 0,
		"%d of %d":              2,
		"%[2]s, %[1]s":          2,
		"%[2]s":                 2,
		"%*d":                   2,
		"%-8.2f and %s":         2,
		"una pregunta":          0,
		"%[3]d then %d":         4,
		"%s (%d%%)":             2,
		"%[1]s and again %[1]q": 1,
	} {
		assert.Equal(t, want, argsUsed(format), format)
	}
}

func TestFormsLeaveOutWhatTheyDoNotSay(t *testing.T) {
	// es/dates.yaml has no plural: use a made-up one through the English fallback.
	p := &Printer{lang: "es", tag: For("es").tag, comma: true, msgs: map[string]Entry{
		"%d questions": {Forms: map[string]string{"one": "una pregunta", "other": "%d preguntas"}, Arg: 1},
		"%.1f points":  {Text: "%.1f puntos"},
	}}
	assert.Equal(t, "una pregunta", p.T("%d questions", 1))
	assert.Equal(t, "0 preguntas", p.T("%d questions", 0), "Spanish 0 is other")
	assert.Equal(t, "2 preguntas", p.T("%d questions", 2))
	p.msgs["%v points left"] = Entry{Forms: map[string]string{"one": "queda %v punto", "other": "quedan %v puntos"}, Arg: 1}
	assert.Equal(t, "quedan 1,5 puntos", p.T("%v points left", 1.5), "1.5 is other, with a decimal comma")
	assert.Equal(t, "queda 1 punto", p.T("%v points left", 1.0))
	assert.Equal(t, "3,5 puntos", p.T("%.1f points", 3.5))
	args := []any{3.5}
	p.T("%.1f points", args...)
	assert.Equal(t, 3.5, args[0], "the caller's arguments are left alone")
}

func TestList(t *testing.T) {
	en, es := For("en"), For("es")
	assert.Equal(t, "", en.List())
	assert.Equal(t, "a", en.List("a"))
	assert.Equal(t, "a and b", en.List("a", "b"))
	assert.Equal(t, "a, b and c", en.List("a", "b", "c"))
	assert.Equal(t, "a, b y c", es.List("a", "b", "c"))
	assert.Equal(t, "Ana e Isabel", es.List("Ana", "Isabel"))
	assert.Equal(t, "agua y «hielo»", es.List("agua", "«hielo»"))
	assert.Equal(t, "padre e hijo", es.List("padre", "hijo"))
}

func TestOrdinals(t *testing.T) {
	c, err := Read(fstest.MapFS{
		"en/a.yaml": {Data: []byte("\"%dth\":\n  rule: ordinal\n  one: \"%dst\"\n  two: \"%dnd\"\n  few: \"%drd\"\n  other: \"%dth\"\n")},
	})
	require.NoError(t, err)
	p := &Printer{lang: "en", tag: For("en").tag, msgs: c["en"]}
	for n, want := range map[int]string{1: "1st", 2: "2nd", 3: "3rd", 4: "4th", 11: "11th", 12: "12th", 13: "13th", 21: "21st", 22: "22nd", 23: "23rd", 101: "101st", 111: "111th"} {
		assert.Equal(t, want, p.T("%dth", n), "CLDR's ordinal rules")
	}
	assert.Equal(t, "11th", For("en").T("%dth", 11), "the built-in catalogue's")
	assert.Equal(t, "22nd", For("en").T("%dth", 22))
	assert.Equal(t, "22.ª", For("es").T("%dth", 22))
	_, err = Read(fstest.MapFS{"en/a.yaml": {Data: []byte("\"%dth\":\n  rule: sideways\n  other: \"%dth\"\n")}})
	assert.ErrorContains(t, err, "rule is ordinal or cardinal")
}

func TestFloat32Operands(t *testing.T) {
	o, ok := operands(float32(0.1), "%v")
	require.True(t, ok)
	assert.Equal(t, 1, o.v, "a float32's digits as it is written: 0.1")
}
