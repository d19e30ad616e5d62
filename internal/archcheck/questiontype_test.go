package archcheck

import (
	"go/ast"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
	"golang.org/x/tools/go/packages"
)

// A place that branches on a question's type: the function holding the switch or the
// comparison, and where.
type branch struct {
	name string // Func or Recv.Method
	pos  token.Position
}

// typeBranches lists every function outside tests that switches on, or compares with, a
// questionnaire.QuestionType: the places a new question type may have to reach.
func typeBranches(t *testing.T, env []string, pattern string) []branch {
	t.Helper()
	cfg := &packages.Config{
		Mode: packages.NeedName | packages.NeedFiles | packages.NeedSyntax | packages.NeedTypes | packages.NeedTypesInfo,
		Dir:  "../..",
		Env:  append(os.Environ(), env...),
	}
	pkgs, err := packages.Load(cfg, pattern)
	require.NoError(t, err)
	var out []branch
	for _, p := range pkgs {
		require.Empty(t, p.Errors, "%s", p.PkgPath)
		isQT := func(e ast.Expr) bool {
			tv, ok := p.TypesInfo.Types[e]
			if !ok {
				return false
			}
			n, ok := tv.Type.(*types.Named)
			return ok && n.Obj().Name() == "QuestionType" && n.Obj().Pkg() != nil &&
				strings.HasSuffix(n.Obj().Pkg().Path(), "/questionnaire")
		}
		for _, f := range p.Syntax {
			for _, d := range f.Decls {
				fd, ok := d.(*ast.FuncDecl)
				if !ok || fd.Body == nil {
					continue
				}
				name := fd.Name.Name
				if fd.Recv != nil && len(fd.Recv.List) == 1 {
					rt := fd.Recv.List[0].Type
					if s, ok := rt.(*ast.StarExpr); ok {
						rt = s.X
					}
					if ix, ok := rt.(*ast.IndexExpr); ok {
						rt = ix.X
					}
					if id, ok := rt.(*ast.Ident); ok {
						name = id.Name + "." + name
					}
				}
				found := false
				ast.Inspect(fd.Body, func(n ast.Node) bool {
					switch n := n.(type) {
					case *ast.SwitchStmt:
						found = found || (n.Tag != nil && isQT(n.Tag))
					case *ast.BinaryExpr:
						found = found || ((n.Op == token.EQL || n.Op == token.NEQ) && (isQT(n.X) || isQT(n.Y)))
					case *ast.IndexExpr: // a map keyed by type
						found = found || isQT(n.Index)
					}
					return !found
				})
				if found {
					out = append(out, branch{name, p.Fset.Position(fd.Pos())})
				}
			}
		}
	}
	return out
}

// The checklist "adding a question type" in docs/architecture.md names every function that
// branches on a question's type (in backquotes, as `Func`, `Method` or `Type.Method`), so
// that walking it reaches them all; the
// switches among them list every type (the exhaustive linter in .ci/run checks that).
func TestQuestionTypeChecklistIsComplete(t *testing.T) {
	doc, err := os.ReadFile("../../docs/architecture.md")
	require.NoError(t, err)
	s := string(doc)
	start := strings.Index(s, "## Checklist: adding a question type")
	require.GreaterOrEqual(t, start, 0, "docs/architecture.md has no question type checklist")
	section := s[start:]
	if end := strings.Index(section[3:], "\n## "); end >= 0 {
		section = section[:end+3]
	}
	named := map[string]bool{}
	for _, m := range regexp.MustCompile("`([^`]+)`").FindAllStringSubmatch(section, -1) {
		for _, w := range regexp.MustCompile(`[A-Za-z_][A-Za-z0-9_.]*`).FindAllString(m[1], -1) {
			named[w] = true
		}
	}
	root, err := filepath.Abs("../..")
	require.NoError(t, err)
	seen := map[string]bool{}
	var missing []string
	// Everything as built here, and the page engine as built for the browser.
	for _, load := range []struct {
		env     []string
		pattern string
	}{{nil, "./..."}, {[]string{"GOOS=js", "GOARCH=wasm"}, "./web/wasm"}} {
		for _, b := range typeBranches(t, load.env, load.pattern) {
			rel, _ := filepath.Rel(root, b.pos.Filename)
			key := b.name + " " + b.pos.Filename
			if seen[key] {
				continue
			}
			seen[key] = true
			method := b.name[strings.LastIndex(b.name, ".")+1:]
			if !named[b.name] && !named[method] {
				missing = append(missing, b.name+" ("+rel+":"+strconv.Itoa(b.pos.Line)+")")
			}
		}
	}
	require.NotEmpty(t, seen, "found no function that branches on a question type: the check proves nothing")
	sort.Strings(missing)
	require.Empty(t, missing, "docs/architecture.md's question type checklist does not name these functions that branch on a question's type:\n%s", strings.Join(missing, "\n"))
}
