package main

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/candor-app/candor/data"
	"github.com/candor-app/candor/internal/iostreams"
)

// The environment's language is the first of LC_ALL, LC_MESSAGES and LANG that is set, as a
// tag; the C and POSIX locales name none.
func TestEnvLanguage(t *testing.T) {
	for _, c := range []struct {
		env  map[string]string
		want string
	}{
		{map[string]string{}, ""},
		{map[string]string{"LANG": "es_ES.UTF-8"}, "es-ES"},
		{map[string]string{"LANG": "es"}, "es"},
		{map[string]string{"LANG": "ca_ES@valencia"}, "ca-ES"},
		{map[string]string{"LANG": "C.UTF-8"}, ""},
		{map[string]string{"LANG": "POSIX"}, ""},
		{map[string]string{"LANG": "es_ES.UTF-8", "LC_MESSAGES": "en_GB.UTF-8"}, "en-GB"},
		{map[string]string{"LANG": "es_ES.UTF-8", "LC_MESSAGES": "en_GB.UTF-8", "LC_ALL": "fr_FR"}, "fr-FR"},
		{map[string]string{"LANG": "es_ES.UTF-8", "LC_ALL": "C"}, ""},
		{map[string]string{"LANG": "not a locale"}, ""},
	} {
		assert.Equal(t, c.want, envLanguage(func(k string) string { return c.env[k] }), "%v", c.env)
	}
}

// A --lang a bank is not written in is said once for each such bank, not once in all: a
// folder of responses to several banks names each.
func TestLanguagesSayEachBankOnce(t *testing.T) {
	ios, _, _, errOut := iostreams.Test()
	l := newLanguages(NewFactory(ios), "fr")
	for _, id := range []string{"trust-readiness", "accountability", "trust-readiness"} {
		b, ds := data.LoadBank(id)
		require.NotNil(t, b, "%v", ds)
		assert.Equal(t, b.Languages[0], l.in(b, "").Language)
	}
	said := errOut.String()
	assert.Equal(t, 1, strings.Count(said, "trust-readiness is not written in fr"), said)
	assert.Equal(t, 1, strings.Count(said, "accountability is not written in fr"), said)
}
