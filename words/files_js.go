//go:build js

package words

import "embed"

// files are the catalogue the page's engine carries: only the areas the page says (its own
// words, the summary, the answering session's and the dates), not the command line's,
// whose words would be about 25 KB more in every page (TestPageAreasHoldThePagesWords keeps
// this list whole).
//
//go:embed */page.yaml */summary.yaml */take.yaml */dates.yaml
var files embed.FS
