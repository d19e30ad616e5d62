package main

import (
	"testing"

	"github.com/stretchr/testify/assert"
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
