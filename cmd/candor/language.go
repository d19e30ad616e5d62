package main

import (
	"strings"
	"sync"

	"github.com/spf13/cobra"

	"github.com/candor-app/candor/internal/text"
	"github.com/candor-app/candor/questionnaire"
	"github.com/candor-app/candor/words"
)

// langFlag adds --lang: the language to show a bank's words in (docs/spec.md §4).
func langFlag(f *Factory, cmd *cobra.Command, lang *string, usage string) {
	cmd.Flags().StringVar(lang, "lang", "", usage)
	addPreRun(cmd, func(*cobra.Command, []string) error {
		if *lang != "" && !questionnaire.IsLanguageTag(*lang) {
			return usageError("%s", f.Words().T("--lang %q is not a language: write a tag such as en or es", *lang))
		}
		if *lang != "" && words.Speaks(*lang) {
			f.words = *lang
		}
		return nil
	})
}

// envLanguage is the language the environment asks for: the first of LC_ALL, LC_MESSAGES and
// LANG that is set (POSIX order), as a tag ("es_ES.UTF-8" is es-ES); "" for none, or for the
// C and POSIX locales.
func envLanguage(getenv func(string) string) string {
	for _, k := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} { // words:none: the environment's names
		v := getenv(k)
		if v == "" {
			continue
		}
		v, _, _ = strings.Cut(v, ".") // the codeset
		v, _, _ = strings.Cut(v, "@") // a modifier
		v = strings.ReplaceAll(v, "_", "-")
		if v == "C" || v == "POSIX" || !questionnaire.IsLanguageTag(v) {
			return ""
		}
		return v
	}
	return ""
}

// languages picks the language a command shows a bank in: --lang, else the environment's,
// else the one the response was answered in (score, compare, history), else the bank's own.
type languages struct {
	f    *Factory
	flag string
	// said holds the banks a --lang they are not written in was said of (score's workers
	// share it).
	mu   sync.Mutex
	said map[string]bool
}

// newLanguages is the language picker of a command given --lang flag.
func newLanguages(f *Factory, flag string) *languages { return &languages{f: f, flag: flag} }

// words is the printer for a person reading b as in returned it: the interface speaks --lang
// or the environment's language when it can, else the language b is shown in.
func (l *languages) words(b *questionnaire.Bank) *words.Printer {
	for _, lang := range []string{l.flag, envLanguage(l.f.IO.Getenv)} {
		if lang != "" && words.Speaks(lang) {
			return words.For(lang)
		}
	}
	if b != nil && b.Language != "" {
		return words.For(b.Language)
	}
	return words.For(words.Default)
}

// in returns b in the language to show it in; answered is the language of the response read
// with it ("" for none). A --lang the bank is not in is said once for each such bank, and its
// own language used.
func (l *languages) in(b *questionnaire.Bank, answered string) *questionnaire.Bank {
	if b == nil || len(b.Languages) == 0 {
		return b
	}
	if l.flag != "" {
		if b.Match(l.flag) == "" {
			l.mu.Lock()
			if !l.said[b.ID] {
				if l.said == nil {
					l.said = map[string]bool{}
				}
				l.said[b.ID] = true
				l.words(b).Tw(l.f.IO.ErrOut, "candor: %s is not written in %s; it is shown in %s (it has: %s)\n",
					text.Sanitize(b.ID), text.Sanitize(l.flag), text.Sanitize(b.Languages[0]), text.Sanitize(strings.Join(b.Languages, ", ")))
			}
			l.mu.Unlock()
		}
		return b.In(l.flag)
	}
	for _, lang := range []string{envLanguage(l.f.IO.Getenv), answered} {
		if b.Match(lang) != "" {
			return b.In(lang)
		}
	}
	return b.In(b.Languages[0])
}
