package sourcedoc

import (
	"bytes"
	"cmp"
	"fmt"
	"slices"

	"github.com/rtccodes/rtccodes/internal/schema"
)

// renderPlan writes internal/plan's Keys: every key of every step of every
// product's index, in the products' order, then by step and key.
func renderPlan(parsed map[string]*Product) ([]byte, error) {
	var b bytes.Buffer
	fmt.Fprintf(&b, "%s\n\npackage plan\n\n// Keys are the keys of every step of every product, by product, step and key.\nvar Keys = []Key{\n", Header)
	for i := range schema.Products {
		decl := &schema.Products[i]
		p := parsed[decl.Name]
		rows, err := orderRows(p, decl)
		if err != nil {
			return nil, err
		}
		ix, err := buildIndex(decl, rows, p.Aliases)
		if err != nil {
			return nil, err
		}
		type key struct {
			step          string
			code, subcode int
			r             *Row
		}
		var keys []key
		pairs := func(step string, m map[pair]pairCase) {
			for k, c := range m {
				keys = append(keys, key{step, k.code, k.subcode, c.row})
			}
		}
		codes := func(step string, m map[int]*Row, byCode bool) {
			for n, r := range m {
				if byCode {
					keys = append(keys, key{step: step, code: n, r: r})
				} else {
					keys = append(keys, key{step: step, subcode: n, r: r})
				}
			}
		}
		pairs("Exact", ix.exact)
		pairs("Alias", ix.aliases)
		codes("Subcode", ix.subcodeRows, false)
		pairs("Observed", ix.observed)
		codes("AnyCode", ix.anyCode, false)
		codes("Code", ix.codeRows, true)
		codes("ObservedCode", ix.observedCode, true)
		if decl.ExtraCodes {
			codes("ExtraCode", ix.subcodeRows, true)
		}
		codes("GenericSubcode", ix.genericSubcodes, false)
		codes("GenericCode", ix.genericCode, true)
		for c, r := range ix.class {
			if r != nil {
				keys = append(keys, key{step: "Class", code: c, r: r})
			}
		}
		order := []string{"Exact", "Alias", "Subcode", "Observed", "AnyCode", "Code", "ObservedCode", "ExtraCode", "GenericSubcode", "GenericCode", "Class"}
		slices.SortFunc(keys, func(a, b key) int {
			return cmp.Or(cmp.Compare(slices.Index(order, a.step), slices.Index(order, b.step)), cmp.Compare(a.code, b.code), cmp.Compare(a.subcode, b.subcode))
		})
		for _, k := range keys {
			r := k.r
			fmt.Fprintf(&b, "\t{%q, %s, %d, %d, Row{%q, %d, %d, %t, %t}, %d},\n", decl.Name, k.step, k.code, k.subcode,
				schema.Sections[r.Section].Name, r.Code.n, r.Subcode.n, r.Code.ok, r.Subcode.ok, ix.outcome[r])
		}
	}
	b.WriteString("}\n")
	return b.Bytes(), nil
}
