package rtccodes_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
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

// TestReadmeExamplesAreExampleFunctions proves the README's examples are the
// package's Example functions, which go test runs and checks.
func TestReadmeExamplesAreExampleFunctions(t *testing.T) {
	readme, err := os.ReadFile("README.md")
	require.NoError(t, err)
	for _, file := range []string{"example_test.go", "explain/example_test.go", "rtccodestest/example_test.go"} {
		for name, body := range exampleBodies(t, file) {
			assert.True(t, strings.Contains(string(readme), "```go\n"+body+"\n```"), "%s: %s is not in the README as it stands", file, name)
		}
	}
}
