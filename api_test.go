package rtccodes_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// coreFiles parses the core package's non-test files.
func coreFiles(t *testing.T) (*token.FileSet, []*ast.File) {
	t.Helper()
	fset := token.NewFileSet()
	entries, err := os.ReadDir(".")
	require.NoError(t, err)
	var files []*ast.File
	for _, entry := range entries {
		name := entry.Name()
		if !strings.HasSuffix(name, ".go") || strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		require.NoError(t, err)
		files = append(files, f)
	}
	return fset, files
}

// exportedAPI returns the core package's exported non-constant
// identifiers, counted over its non-test files: top-level funcs, types and
// vars, and methods on exported types; not constants, not struct fields.
func exportedAPI(t *testing.T) []string {
	t.Helper()
	_, files := coreFiles(t)
	var names []string
	for _, f := range files {
		for _, decl := range f.Decls {
			switch d := decl.(type) {
			case *ast.FuncDecl:
				if !d.Name.IsExported() {
					continue
				}
				if d.Recv == nil {
					names = append(names, d.Name.Name)
					continue
				}
				recv := d.Recv.List[0].Type
				if star, ok := recv.(*ast.StarExpr); ok {
					recv = star.X
				}
				if id, ok := recv.(*ast.Ident); ok && id.IsExported() {
					names = append(names, id.Name+"."+d.Name.Name)
				}
			case *ast.GenDecl:
				if d.Tok == token.CONST || d.Tok == token.IMPORT {
					continue
				}
				for _, spec := range d.Specs {
					switch s := spec.(type) {
					case *ast.TypeSpec:
						if s.Name.IsExported() {
							names = append(names, s.Name.Name)
						}
					case *ast.ValueSpec:
						for _, n := range s.Names {
							if n.IsExported() {
								names = append(names, n.Name)
							}
						}
					}
				}
			}
		}
	}
	slices.Sort(names)
	return names
}

// TestTheCoreIsSmall counts the core's exported non-constant identifiers:
// at most 45, one word for each concept.
func TestTheCoreIsSmall(t *testing.T) {
	names := exportedAPI(t)
	t.Logf("%d exported non-constant identifiers: %s", len(names), strings.Join(names, " "))
	// The methods of the standard library's interfaces (fmt.Stringer,
	// error, encoding's and json's marshalers, slog.LogValuer) are no API
	// of their own to learn.
	own := slices.DeleteFunc(slices.Clone(names), func(n string) bool {
		_, m, ok := strings.Cut(n, ".")
		return ok && slices.Contains([]string{"String", "Error", "LogValue", "MarshalText", "UnmarshalText", "MarshalJSON", "UnmarshalJSON"}, m)
	})
	assert.LessOrEqual(t, len(own), 38)
	assert.Contains(t, names, "Resolve", "the one resolver is exported")
	for _, gone := range []string{"FormatPair", "ByCode", "LookupSection", "CategoryOf", "Entry.Found", "ParseCode", "ParseDiagCode"} {
		assert.NotContains(t, names, gone)
	}
}

// TestGodocNamesNoInternalPackage checks that no exported declaration of
// the core spells a name of an internal package, so that go doc never shows
// one.
func TestGodocNamesNoInternalPackage(t *testing.T) {
	fset, files := coreFiles(t)
	for _, f := range files {
		ast.Inspect(f, func(n ast.Node) bool {
			switch d := n.(type) {
			case *ast.GenDecl:
				if d.Tok != token.CONST && d.Tok != token.TYPE {
					return false
				}
				for _, spec := range d.Specs {
					exported := false
					switch s := spec.(type) {
					case *ast.ValueSpec:
						exported = s.Names[0].IsExported()
					case *ast.TypeSpec:
						exported = s.Name.IsExported()
					}
					if !exported {
						continue
					}
					ast.Inspect(spec, func(n ast.Node) bool {
						if sel, ok := n.(*ast.SelectorExpr); ok {
							if id, ok := sel.X.(*ast.Ident); ok && id.Name == "schema" {
								t.Errorf("%s: an exported declaration names schema.%s", fset.Position(sel.Pos()), sel.Sel.Name)
							}
						}
						return true
					})
				}
				return false
			case *ast.FuncDecl:
				return false
			}
			return true
		})
	}
}
