package rtccodes_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// exampleBodies returns the body of every Example function of a file, without
// its braces and one level of indentation: the code the README shows.
func exampleBodies(t *testing.T, file string) map[string]string {
	t.Helper()
	src, err := os.ReadFile(file)
	require.NoError(t, err)
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, file, src, parser.ParseComments)
	require.NoError(t, err)
	out := map[string]string{}
	for _, d := range f.Decls {
		fn, ok := d.(*ast.FuncDecl)
		if !ok || !strings.HasPrefix(fn.Name.Name, "Example") {
			continue
		}
		body := string(src[fset.Position(fn.Body.Lbrace).Offset+1 : fset.Position(fn.Body.Rbrace).Offset])
		lines := strings.Split(strings.Trim(body, "\n"), "\n")
		for i, l := range lines {
			lines[i] = strings.TrimPrefix(l, "\t")
		}
		out[fn.Name.Name] = strings.Join(lines, "\n")
	}
	require.NotEmpty(t, out, file)
	return out
}

// TestReadmeExamplesAreExampleFunctions proves the examples of the README
// and docs/ are the packages' Example functions, which go test runs and
// checks: each one stands, as it is, in the README or a page of docs/.
func TestReadmeExamplesAreExampleFunctions(t *testing.T) {
	readme, err := os.ReadFile("README.md")
	require.NoError(t, err)
	pages := []string{string(readme)}
	docs, err := filepath.Glob("docs/*.md")
	require.NoError(t, err)
	for _, d := range docs {
		b, err := os.ReadFile(d)
		require.NoError(t, err)
		pages = append(pages, string(b))
	}
	for _, file := range []string{"example_test.go", "explain/example_test.go", "rtccodestest/example_test.go"} {
		for name, body := range exampleBodies(t, file) {
			block := "```go\n" + body + "\n```"
			assert.True(t, slices.ContainsFunc(pages, func(p string) bool { return strings.Contains(p, block) }),
				"%s: %s is in neither the README nor docs/ as it stands", file, name)
		}
	}
	for _, name := range []string{"ExampleLookup", "ExampleOutcome"} {
		assert.Contains(t, string(readme), "```go\n"+exampleBodies(t, "example_test.go")[name]+"\n```", "the README shows %s", name)
	}
	assert.Contains(t, string(readme), "```go\n"+exampleBodies(t, "explain/example_test.go")["ExamplePayload"]+"\n```")
	assert.LessOrEqual(t, strings.Count(string(readme), "\n"), 250, "the README is short: details live in docs/")
}

// TestDocCommentsAreShort holds every doc comment of the module's Go files,
// tests included, to 20 lines: the details live in docs/.
func TestDocCommentsAreShort(t *testing.T) {
	checked := 0
	err := filepath.WalkDir(".", func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == "testdata" || d.Name() == "node_modules" || strings.HasPrefix(d.Name(), ".") && path != ".") {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") {
			return nil
		}
		f, err := parser.ParseFile(token.NewFileSet(), path, nil, parser.ParseComments)
		if err != nil {
			return err
		}
		docs := []*ast.CommentGroup{f.Doc}
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.FuncDecl:
				docs = append(docs, n.Doc)
			case *ast.GenDecl:
				docs = append(docs, n.Doc)
			case *ast.TypeSpec:
				docs = append(docs, n.Doc)
			case *ast.ValueSpec:
				docs = append(docs, n.Doc)
			case *ast.Field:
				docs = append(docs, n.Doc)
			}
			return true
		})
		for _, c := range docs {
			if c == nil {
				continue
			}
			checked++
			lines := strings.Count(c.Text(), "\n")
			assert.LessOrEqual(t, lines, 20, "%s: a doc comment of %d lines: %.60q", path, lines, c.Text())
		}
		return nil
	})
	require.NoError(t, err)
	assert.Greater(t, checked, 500)
}
