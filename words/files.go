//go:build !js

package words

import "embed"

// files are the catalogue built in: every area of the interface.
//
//go:embed en/*.yaml es/*.yaml
var files embed.FS
