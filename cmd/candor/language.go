package main

import (
	"fmt"
	"strings"
	"sync"

	"github.com/spf13/cobra"

	"github.com/candor-app/candor/internal/text"
	"github.com/candor-app/candor/questionnaire"
)

// langFlag adds --lang: the language to show a bank's words in (docs/spec.md §4).
func langFlag(cmd *cobra.Command, lang *string, usage string) {
	cmd.Flags().StringVar(lang, "lang", "", usage)
	addPreRun(cmd, func(*cobra.Command, []string) error {
		if *lang != "" && !questionnaire.IsLanguageTag(*lang) {
			return usageError("--lang %q is not a language: write a tag such as en or es", *lang)
		}
		return nil
	})
}

// envLanguage is the language the environment asks for: the first of LC_ALL, LC_MESSAGES and
// LANG that is set (POSIX order), as a tag ("es_ES.UTF-8" is es-ES); "" for none, or for the
// C and POSIX locales.
func envLanguage(getenv func(string) string) string {
	for _, k := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
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
	once sync.Once
}

// newLanguages is the language picker of a command given --lang flag.
func newLanguages(f *Factory, flag string) *languages { return &languages{f: f, flag: flag} }

// in returns b in the language to show it in; answered is the language of the response read
// with it ("" for none). A --lang the bank is not in is said once, and its own language used.
func (l *languages) in(b *questionnaire.Bank, answered string) *questionnaire.Bank {
	if b == nil || len(b.Languages) == 0 {
		return b
	}
	if l.flag != "" {
		if b.Match(l.flag) == "" {
			l.once.Do(func() {
				fmt.Fprintf(l.f.IO.ErrOut, "candor: %s is not written in %s; it is shown in %s (it has: %s)\n",
					text.Sanitize(b.ID), text.Sanitize(l.flag), text.Sanitize(b.Languages[0]), text.Sanitize(strings.Join(b.Languages, ", ")))
			})
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
