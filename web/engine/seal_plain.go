//go:build candor_plain

package engine

// CanSeal reports whether this engine can encrypt the answers: this one, built with the tag
// candor_plain for pages without counselors' keys, cannot (seal.go).
const CanSeal = false

// sealer is empty: this engine has no encryption.
type sealer struct{}

// newSealer refuses keys: a page with keys runs the engine with encryption.
func newSealer(keys []string) (sealer, error) {
	if len(keys) > 0 {
		return sealer{}, errNoSealing
	}
	return sealer{}, nil
}

func (sealer) ok() bool { return false }

func (sealer) seal([]byte) ([]byte, error) { return nil, errNoSealing }
