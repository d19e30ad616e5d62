package text

import (
	"errors"
	"io/fs"
)

// WithoutPath is err without the path an *fs.PathError puts before it ("no space left on
// device", not "open /a/b: no space left on device"), for a message that names the file in
// its own words.
func WithoutPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
