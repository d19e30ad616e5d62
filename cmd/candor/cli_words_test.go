package main

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/candor-app/candor/internal/iostreams"
	"github.com/candor-app/candor/words"
)

// TestUsageErrorKeyIsSaidWhenPrinted: a usage error of the checks every command shares is a
// catalogue key, said in the interface's language when Main prints it; its Error() is
// English.
func TestUsageErrorKeyIsSaidWhenPrinted(t *testing.T) {
	err := usageErrorKey("%s takes no arguments (see '%s --help')", "list", "candor list") // words:key
	var ee *exitError
	assert.ErrorAs(t, err, &ee)
	assert.Equal(t, exitUsage, ee.code)
	assert.Equal(t, "list takes no arguments (see 'candor list --help')", err.Error())
	assert.Equal(t, "list no admite argumentos (consulta 'candor list --help')", ee.text(words.For("es")))
}

// TestTheInterfaceLanguage: LC_ALL, then LC_MESSAGES, then LANG choose the words of errors
// meant for people; C and none are English.
func TestTheInterfaceLanguage(t *testing.T) {
	for _, tc := range []struct {
		env  map[string]string
		want string
	}{
		{map[string]string{"LANG": "es_ES.UTF-8"}, "candor: validate necesita al menos un archivo de banco (consulta 'candor validate --help')\n"},
		{map[string]string{"LANG": "es_ES.UTF-8", "LC_ALL": "C"}, "candor: validate needs at least one bank file (see 'candor validate --help')\n"},
		{map[string]string{"LANG": "en_GB.UTF-8", "LC_MESSAGES": "es_MX"}, "candor: validate necesita al menos un archivo de banco (consulta 'candor validate --help')\n"},
		{nil, "candor: validate needs at least one bank file (see 'candor validate --help')\n"},
	} {
		ios, _, _, errOut := iostreams.Test()
		ios.Getenv = func(k string) string { return tc.env[k] }
		assert.Equal(t, exitUsage, Main([]string{"validate"}, NewFactory(ios)))
		assert.Equal(t, tc.want, errOut.String(), "%v", tc.env)
	}
}
