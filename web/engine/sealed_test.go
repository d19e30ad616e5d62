//go:build !candor_plain

package engine

import (
	"strings"
	"testing"

	"filippo.io/age"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/candor-app/candor/data"
	"github.com/candor-app/candor/internal/sealed"
)

// "send" gives the response file encrypted for the counselors: armored age that their key
// opens into exactly what "download" gives.
func TestSendEncryptsTheResponseFile(t *testing.T) {
	id, err := age.GenerateX25519Identity()
	require.NoError(t, err)
	e := newEngine(t, "trust-readiness", Options{Recipients: []string{id.Recipient().String()}})
	call(t, e, "begin", nil)
	call(t, e, "answer", map[string]string{"text": "yes"})

	plain := call(t, e, "download", nil)
	require.NotNil(t, plain.File)
	r := call(t, e, "send", nil)
	require.NotNil(t, r.File, r.Error)
	assert.Equal(t, "candor-answers-20261127.age", r.File.Name)
	assert.True(t, strings.HasPrefix(r.File.Text, "-----BEGIN AGE ENCRYPTED FILE-----\n"))
	assert.NotContains(t, r.File.Text, "feel_safe")
	got, err := sealed.Open([]byte(r.File.Text), 1<<20, []age.Identity{id})
	require.NoError(t, err)
	assert.Equal(t, plain.File.Text, string(got))
}

func TestSendNeedsAKeyAndEncryptedOnlyRefusesThePlainFile(t *testing.T) {
	e := newEngine(t, "trust-readiness", Options{})
	r := call(t, e, "send", nil)
	assert.Nil(t, r.File)
	assert.NotEmpty(t, r.Error)

	id, err := age.GenerateX25519Identity()
	require.NoError(t, err)
	e = newEngine(t, "trust-readiness", Options{Recipients: []string{id.Recipient().String()}, EncryptedOnly: true})
	r = call(t, e, "download", nil)
	assert.Nil(t, r.File)
	assert.Equal(t, "this page sends the answers encrypted only", r.Error)
	assert.NotNil(t, call(t, e, "send", nil).File)

	raw, _ := data.Source("trust-readiness")
	_, err = New("trust-readiness.yaml", raw, Options{Recipients: []string{"age1nope"}}, now)
	assert.ErrorContains(t, err, "key for the counselor cannot be read")
}

// The engine with encryption is the one every build but the page's plain engine has.
func TestFullEngineSeals(t *testing.T) {
	assert.True(t, CanSeal)
}
