package rtccodes_test

import (
	"bytes"
	"os"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rtccodes/rtccodes"
	"github.com/rtccodes/rtccodes/internal/schema"
)

// TestEveryProductHasWhatEveryProductMust checks each product that
// internal/schema declares, through the public API: a name, a short name and
// spellings that ParseProduct reads back, a generated table with rows of its
// declared sections and English text, an English source document, and a
// payload shape it can be read from; and that every payload shape and every
// section belongs to a product.
func TestEveryProductHasWhatEveryProductMust(t *testing.T) {
	products := rtccodes.Products()
	require.Len(t, products, len(schema.Products))
	names := map[string]rtccodes.Product{}
	sections := map[schema.Section]bool{}
	for i, p := range products {
		decl := schema.Products[i]
		assert.Equal(t, decl.Name, p.String())
		assert.Equal(t, decl.Short, p.ShortName())
		assert.NotEmpty(t, decl.Doc, "%v: a doc comment", p)
		for _, name := range append([]string{p.String(), p.ShortName()}, decl.Spellings...) {
			q, err := rtccodes.ParseProduct(name)
			if assert.NoError(t, err, name) {
				assert.Equal(t, p, q, "%q", name)
			}
			other, seen := names[name]
			assert.False(t, seen && other != p, "%q names %v and %v", name, other, p)
			names[name] = p
		}

		require.NotEmpty(t, decl.Sections, "%v: sections", p)
		rows := 0
		for e := range rtccodes.All(p) {
			rows++
			declared := slices.IndexFunc(decl.Sections, func(s schema.Section) bool { return s.String() == string(e.Section) })
			assert.GreaterOrEqual(t, declared, 0, "%v: a row of an undeclared section", e)
			if declared >= 0 {
				sections[decl.Sections[declared]] = true
			}
			assert.Equal(t, "en", e.Langs()[0], "%v", e)
		}
		assert.Positive(t, rows, "%v: rows", p)

		src, err := os.ReadFile(decl.File)
		if assert.NoError(t, err, "%v: its generated file", p) {
			assert.True(t, bytes.HasPrefix(src, []byte("// Code generated ")), "%s: the generated header", decl.File)
		}
		english := false
		for _, s := range rtccodes.Sources() {
			english = english || s.Lang == "en" && slices.Contains(s.Products, p)
		}
		assert.True(t, english, "%v: an English source document", p)
		assert.Contains(t, decl.Reads, schema.ShapeCode, "%v: a bare code can be read as it", p)
	}
	for _, shape := range []schema.Shape{schema.ShapeResult, schema.ShapeCallEnd, schema.ShapeDiagnosed, schema.ShapeCode} {
		inferred := false
		for _, decl := range schema.Products {
			inferred = inferred || slices.Contains(decl.Infers, shape)
		}
		assert.True(t, inferred, "payload shape %d is inferred by no product", shape)
	}
	for s, info := range schema.Sections {
		if s == 0 {
			continue
		}
		assert.NotEmpty(t, info.Name, "section %d", s)
		declared := false
		for _, decl := range schema.Products {
			declared = declared || slices.Contains(decl.Sections, schema.Section(s))
		}
		assert.True(t, declared, "section %s belongs to no product", info.Name)
	}
}
