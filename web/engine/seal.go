//go:build !candor_plain

package engine

import (
	"filippo.io/age"

	"github.com/candor-app/candor/internal/sealed"
)

// CanSeal reports whether this engine can encrypt the answers ("send"). The page engine is
// built twice (web/enginebuild): with encryption (this file) for a page made for counselors'
// keys, and without it (build tag candor_plain, seal_plain.go) for every other page, which
// so does not carry age and its ciphers (docs/architecture.md, the page engine).
const CanSeal = true

// sealer encrypts the response file to the counselors' keys (Options.Recipients).
type sealer struct{ recipients []age.Recipient }

// newSealer reads the counselors' keys (age1…).
func newSealer(keys []string) (sealer, error) {
	rs, err := sealed.ParseRecipients(keys)
	return sealer{rs}, err
}

// ok reports whether there is a key to encrypt for.
func (s sealer) ok() bool { return len(s.recipients) > 0 }

// seal encrypts plain for the keys, as armored age.
func (s sealer) seal(plain []byte) ([]byte, error) { return sealed.Seal(plain, s.recipients) }
