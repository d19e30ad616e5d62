package ask

import (
	"go/parser"
	"go/token"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestNoTerminalNorFiles: the session a browser page drives (GOOS=js GOARCH=wasm, see
// .ci/run), its terminal view and its words touch no terminal, file, process or signal themselves:
// files and terminals are the command's (cmd/candor) business.
func TestNoTerminalNorFiles(t *testing.T) {
	forbidden := []string{"os", "os/signal", "os/exec", "syscall", "golang.org/x/term",
		"github.com/candor-app/candor/internal/iostreams", "github.com/candor-app/candor/internal/safefile"}
	files, err := filepath.Glob("*.go")
	require.NoError(t, err)
	more, err := filepath.Glob("*/*.go") // terminal, askwords
	require.NoError(t, err)
	files = append(files, more...)
	checked := 0
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(token.NewFileSet(), name, nil, parser.ImportsOnly)
		require.NoError(t, err)
		for _, imp := range f.Imports {
			path, _ := strconv.Unquote(imp.Path.Value)
			assert.NotContains(t, forbidden, path, "%s imports %s", name, path)
		}
		checked++
	}
	assert.GreaterOrEqual(t, checked, 5)
}
