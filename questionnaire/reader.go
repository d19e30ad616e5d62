package questionnaire

import (
	"slices"

	"go.yaml.in/yaml/v3"

	"github.com/candor-app/candor/internal/text"
	"github.com/candor-app/candor/internal/yamlpos"
)

// reader reads one file's YAML into the model: a walk that checks each value's shape
// (yamlpos.Walker), reporting to the file's diagnostics.
type reader struct {
	*diags
	*yamlpos.Walker
}

func newReader(d *diags) *reader { return &reader{diags: d, Walker: yamlpos.NewWalker(d)} }

// pos is where node n is in the file.
func (d *diags) pos(n *yaml.Node) Pos { return Pos{File: d.file, Line: n.Line, Col: n.Column} }

// Errorf reports an error at a line and column of the file, for yamlpos.
func (d *diags) Errorf(line, col int, hint, format string, args ...any) {
	d.errorf(Pos{Line: line, Col: col}, hint, format, args...)
}

// truncate cuts a value quoted in a message to n columns and "…".
func truncate(s string, n int) string { return text.Truncate(s, n+1) }

func contains(list []string, s string) bool { return slices.Contains(list, s) }
