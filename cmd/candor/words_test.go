package main

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/spf13/cobra"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/candor-app/candor/internal/iostreams"
)

// lowerPackages speak in codes and data: what is wrong and where. Only cmd/candor (and the
// page) choose the words that name candor's commands and flags (docs/architecture.md).
// Each is read with the packages below it (questionnaire/cond, questionnaire/table,
// scoring/change...). ask/terminal is left out: it is the terminal view of `candor take`, a
// front end that chooses its own words.
var lowerPackages = []string{"questionnaire", "scoring", "data", "ask", "render", "store",
	"internal/yamlpos", "internal/suggest", "interop/fhir", "interop/redcap", "interop/bankfile"}

// TestLowerPackagesNameNoCommand: no string in the lower packages' code (tests aside) names
// a candor command (`candor take`, `candor keys new`) or a flag (`--bank`): a diagnostic that
// calls for one has a code, and cmd/candor adds the advice (advice.go).
func TestLowerPackagesNameNoCommand(t *testing.T) {
	cli := cliWords(t)
	checked := 0
	for _, pkg := range lowerPackages {
		root := filepath.Join("..", "..", pkg)
		err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			switch {
			case err != nil:
				return err
			case d.IsDir() && (d.Name() == "testdata" || filepath.ToSlash(path) == "../../ask/terminal"):
				return filepath.SkipDir
			case d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go"):
				return nil
			}
			checked++
			for _, hit := range cliStrings(t, path, nil, cli) {
				t.Errorf("%s: %s", hit.pos, hit.text)
			}
			return nil
		})
		require.NoError(t, err)
	}
	assert.Greater(t, checked, 40, "the lower packages' files were read")
}

// TestCLIStringsFindsCommandsAndFlags: the scan of TestLowerPackagesNameNoCommand finds a
// command or a flag in any string, and nothing in comments, struct tags or ordinary words.
func TestCLIStringsFindsCommandsAndFlags(t *testing.T) {
	src := `package p

// Run candor take --resume FILE: comments may say anything.
type T struct {
	X string ` + "`json:\"x\" flag:\"--x\"`" + `
}

var (
	a = "run ` + "`candor score FILE`" + `"
	b = "give it --bank FILE"
	c = ` + "`candor keys new`" + `
	d = "candor reads format 1; a -- b; ---"
	e = "resume: candor take " + "x"
)
`
	var got []string
	for _, hit := range cliStrings(t, "p.go", []byte(src), cliWords(t)) {
		got = append(got, hit.text)
	}
	assert.Equal(t, []string{"run `candor score FILE`", "give it --bank FILE", "candor keys new", "resume: candor take "}, got)
}

// cliWords matches a command of candor (`candor NAME`, every command and alias) or a flag.
func cliWords(t *testing.T) *regexp.Regexp {
	s, _, _, _ := iostreams.Test()
	var names []string
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		for _, sub := range c.Commands() {
			names = append(names, sub.Name())
			names = append(names, sub.Aliases...)
			walk(sub)
		}
	}
	walk(NewCmdRoot(NewFactory(s)))
	require.Contains(t, names, "take")
	return regexp.MustCompile(`\bcandor (` + strings.Join(names, "|") + `)\b|(^|[^\w-])--[a-z]`)
}

type cliHit struct{ pos, text string }

// cliStrings lists the string literals of the Go file at path (src when not nil) that match
// cli; struct tags are not strings a person reads.
func cliStrings(t *testing.T, path string, src []byte, cli *regexp.Regexp) []cliHit {
	fset := token.NewFileSet()
	var from any // the file at path; a nil []byte would be an empty file
	if src != nil {
		from = src
	}
	f, err := parser.ParseFile(fset, path, from, parser.SkipObjectResolution)
	require.NoError(t, err)
	tags := map[*ast.BasicLit]bool{}
	var hits []cliHit
	ast.Inspect(f, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.Field:
			if n.Tag != nil {
				tags[n.Tag] = true
			}
		case *ast.BasicLit:
			if n.Kind != token.STRING || tags[n] {
				return true
			}
			if s, err := strconv.Unquote(n.Value); err == nil && cli.MatchString(s) {
				hits = append(hits, cliHit{fset.Position(n.Pos()).String(), s})
			}
		}
		return true
	})
	return hits
}
