//go:build candor_plain

package engine

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/candor-app/candor/data"
)

// The engine without encryption (go test -tags candor_plain, as .ci/run does): a page with
// counselors' keys is refused, plainly, since it runs the engine with encryption; every
// other page runs as the full engine does, and has nothing to send.
func TestPlainEngineHasNoEncryption(t *testing.T) {
	assert.False(t, CanSeal)
	raw, _ := data.Source("trust-readiness")
	_, err := New("trust-readiness.yaml", raw, Options{Recipients: []string{"age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p"}}, now)
	assert.ErrorIs(t, err, errNoSealing)

	e := newEngine(t, "trust-readiness", Options{})
	call(t, e, "begin", nil)
	r := call(t, e, "send", nil)
	assert.Nil(t, r.File)
	assert.Equal(t, "this page has no key to encrypt the answers for", r.Error)
	require.NotNil(t, call(t, e, "download", nil).File)
}
