package data_test

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/candor-app/candor/data"
	"github.com/candor-app/candor/questionnaire"
	"github.com/candor-app/candor/scoring"
)

// translations are the languages every built-in bank is translated into, each as sibling
// files banks/<lang>/<id>.yaml, built in with the banks (data.go embeds banks/*/*.yaml).
var translations = []string{"es"}

// untranslated are the built-in banks without translations yet, each with the reason: the
// tests skip them (and fail once a translation exists, so the entry is removed).
var untranslated = map[string]string{}

// translationCredit is what the last source of every translation says: who translated it and
// whether a native-speaking counselor has reviewed it (issue 27).
var translationCredit = []string{
	"translated by candor's engineers with machine assistance",
	"not yet reviewed by a native-speaking counselor",
}

// Every built-in bank has a translation in each language that loads without a warning,
// passes its own tests, invents no phone number, credits its translator, and differs from the English bank only in
// its words: ids, values, conditions, scoring, marks and tests are the same.
func TestBuiltinBanksTranslated(t *testing.T) {
	for _, lang := range translations {
		for _, id := range data.IDs() {
			t.Run(lang+"/"+id, func(t *testing.T) {
				path := filepath.Join("banks", lang, id+".yaml")
				src, err := os.ReadFile(path)
				if why, ok := untranslated[id]; ok {
					require.Error(t, err, "%s is translated: remove it from untranslated", id)
					t.Skip(why)
				}
				require.NoError(t, err, "every built-in bank has a %s translation", lang)
				tb, ds := data.LoadBank(path) // as `candor validate` loads a file
				require.NotNil(t, tb, "%v", ds)
				assert.Empty(t, ds, "no warnings in a translated bank")
				assert.Equal(t, lang, tb.Language)
				for _, r := range scoring.RunTests(tb) {
					assert.True(t, r.Pass, "test %q: %v", r.Name, r.Failures)
				}
				for _, f := range tb.Flags {
					assert.False(t, phoneNumber.MatchString(f.Title+" "+f.Text), "flag %s has a number: %q", f.ID, f.Text)
				}
				for _, o := range tb.Outcomes {
					assert.False(t, phoneNumber.MatchString(o.Title+" "+o.Text), "outcome %s has a number: %q", o.ID, o.Text)
				}
				require.NotEmpty(t, tb.Sources)
				credit := strings.ToLower(strings.Join(strings.Fields(tb.Sources[len(tb.Sources)-1].Note), " "))
				for _, want := range translationCredit {
					assert.Contains(t, credit, want, "the last source credits the translation")
				}

				// The built-in bank carries the translation, checked by the production comparison
				// (questionnaire.LoadTranslation): only the words differ.
				eng, ds := data.Builtin(id)
				require.NotNil(t, eng, "%v", ds)
				assert.Empty(t, ds)
				assert.Contains(t, eng.Languages, lang)
				in := eng.In(lang)
				assert.Equal(t, lang, in.Language)
				assert.Equal(t, tb.Title, in.Title)
				assert.Equal(t, eng.Digest, in.Digest, "a response records the bank, whatever its language")
				_, ds = questionnaire.LoadTranslation(path, src, eng)
				assert.Empty(t, ds, "only the words differ from the English bank")
			})
		}
	}
}

// The file's first lines are a comment saying who translated it and that no native-speaking
// counselor has reviewed it yet.
func TestTranslationsOpenWithTheirCredit(t *testing.T) {
	for _, lang := range translations {
		for _, id := range data.IDs() {
			if _, ok := untranslated[id]; ok {
				continue
			}
			src, err := os.ReadFile(filepath.Join("banks", lang, id+".yaml"))
			require.NoError(t, err)
			var comment []string
			for line := range strings.Lines(string(src)) {
				if !strings.HasPrefix(line, "#") {
					break
				}
				comment = append(comment, strings.TrimSpace(strings.TrimPrefix(line, "#")))
			}
			text := strings.ToLower(strings.Join(comment, " "))
			for _, want := range translationCredit {
				assert.Contains(t, text, want, "%s/%s: the opening comment", lang, id)
			}
		}
	}
}

// The built-in banks carry their translations: the id is the same in every language, and
// the English bank is the default.
func TestTranslationsAreBuiltIn(t *testing.T) {
	nested, err := fs.Glob(data.FS(), "banks/*/*")
	require.NoError(t, err)
	assert.Len(t, nested, len(translations)*(len(data.IDs())-len(untranslated)))
	for _, id := range data.IDs() {
		b, _ := data.Builtin(id)
		require.NotNil(t, b)
		assert.Equal(t, "en", b.Language, id)
		if _, ok := untranslated[id]; ok {
			assert.Equal(t, []string{"en"}, b.Languages, id)
			continue
		}
		assert.Equal(t, append([]string{"en"}, translations...), b.Languages, id)
		for _, lang := range translations {
			assert.Equal(t, lang, b.In(lang).Language, id)
			assert.Equal(t, "en", b.In(lang).In("en").Language, id)
		}
	}
}
