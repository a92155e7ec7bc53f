package sourcedoc

import (
	"bytes"
	"fmt"
	"go/format"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/rtccodes/rtccodes/internal/schema"
)

// NamesTable is rtccodes' table of the names that identify a product or
// how a record is read, relative to the testdata directory.
const NamesTable = "names/product-names.tsv"

// renderNames reads the names table and writes internal/schema/names.go.
func renderNames(dir string) ([]byte, error) {
	b, err := os.ReadFile(filepath.Join(dir, NamesTable))
	if err != nil {
		return nil, err
	}
	rows, err := readTSV(NamesTable, string(b), []string{"name", "kind", "product", "where"})
	if err != nil {
		return nil, err
	}
	var out bytes.Buffer
	fmt.Fprintf(&out, "%s\n\npackage schema\n\n", Header)
	fmt.Fprintf(&out, "// Names are the names that identify a product or how a record is read,\n// from testdata/%s, in its order.\nvar Names = []Name{\n", NamesTable)
	seen := map[string]bool{}
	for _, row := range rows {
		where, c := row.where, row.cells
		name, kind, product := c[0], c[1], c[2]
		var k string
		switch kind {
		case "table":
			k = "NameTable"
		case "word":
			k = "NameWord"
		default:
			return nil, fmt.Errorf("%s: kind %q, want table or word", where, kind)
		}
		known := product == NameCallLog || slices.ContainsFunc(schema.Products[:], func(p schema.Product) bool {
			return p.Name == product || p.Family != "" && p.Family == product
		})
		switch {
		case !known:
			return nil, fmt.Errorf("%s: product %q is neither a product, a family nor %s", where, product, NameCallLog)
		case kind == "word" && product == NameCallLog:
			return nil, fmt.Errorf("%s: a word names a product, not %s", where, NameCallLog)
		case strings.TrimSpace(name) == "" || strings.TrimSpace(c[3]) == "":
			return nil, fmt.Errorf("%s: a name needs its name and where it is documented", where)
		case seen[strings.ToLower(name)]:
			return nil, fmt.Errorf("%s: %q twice", where, name)
		}
		seen[strings.ToLower(name)] = true
		fmt.Fprintf(&out, "\t{Name: %q, Kind: %s, Product: %q},\n", name, k, product)
	}
	out.WriteString("}\n")
	return format.Source(out.Bytes())
}

// NameCallLog is the product column of a table whose records are call log
// records.
const NameCallLog = "calllog"
