package sourcedoc

import (
	"bytes"
	"cmp"
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/rtccodes/rtccodes/internal/schema"
)

// pair is a (code, subcode) key.
type pair struct{ code, subcode int }

// pairCase is a pair the switch finds, with the row it finds and the
// reason of an alias.
type pairCase struct {
	row    *Row
	reason string
}

// index is how a product's rows are found, as the generator writes it: a
// switch for each way a key finds a row, the class rows, the TRTC keys and
// the messages longest first; and what each row says of the call.
type index struct {
	exact, aliases, observed                            map[pair]pairCase
	codeRows, subcodeRows, genericSubcodes, genericCode map[int]*Row
	anyCode, observedCode                               map[int]*Row
	class                                               [7]*Row
	keys                                                map[string]*Row
	messages                                            []*Row
	rowsUnder                                           map[int]bool // the codes with documented rows of a subcode under them
	outcome                                             map[*Row]uint8
}

// buildIndex finds a product's rows by every key, from its rows in the
// order render writes them.
func buildIndex(decl *schema.Product, rows []*Row, aliases []Alias) (*index, error) {
	ix := &index{
		exact: map[pair]pairCase{}, aliases: map[pair]pairCase{}, observed: map[pair]pairCase{},
		codeRows: map[int]*Row{}, subcodeRows: map[int]*Row{}, genericSubcodes: map[int]*Row{}, genericCode: map[int]*Row{},
		anyCode: map[int]*Row{}, observedCode: map[int]*Row{}, keys: map[string]*Row{}, outcome: map[*Row]uint8{},
		rowsUnder: map[int]bool{},
	}
	for _, r := range rows {
		if r.Code.ok && r.Subcode.ok && r.Section != schema.SectionObserved && r.Section != schema.SectionGenericSubcode {
			ix.rowsUnder[r.Code.n] = true
		}
		k := pair{r.Code.n, r.Subcode.n}
		switch r.Section {
		case schema.SectionClass:
			ix.class[r.Code.n/100] = r
		case schema.SectionGenericCode:
			ix.genericCode[r.Code.n] = r
		case schema.SectionGenericSubcode:
			ix.genericSubcodes[r.Subcode.n] = r
		case schema.SectionMessage:
			ix.messages = append(ix.messages, r)
		case schema.SectionObserved:
			switch {
			case !r.Code.ok:
				ix.anyCode[r.Subcode.n] = r
			case !r.Subcode.ok:
				ix.observedCode[r.Code.n] = r
			default:
				ix.observed[k] = pairCase{row: r}
			}
		default:
			switch {
			case !r.Code.ok:
				return nil, fmt.Errorf("%s: a row of section %v without code", r.Source, r.Section)
			case !r.Subcode.ok:
				if old, ok := ix.codeRows[r.Code.n]; !ok || r.Section == decl.Preferred && old.Section != decl.Preferred {
					ix.codeRows[r.Code.n] = r
				}
			default:
				if old, ok := ix.exact[k]; !ok || r.Section == decl.Preferred && old.row.Section != decl.Preferred {
					ix.exact[k] = pairCase{row: r}
				}
			}
		}
	}
	// A subcode documented under one code only finds that code's row.
	subcodeCode := map[int]num{} // absent where several codes have the subcode
	for _, c := range ix.exact {
		r := c.row
		if r.Section == schema.SectionTeamsCallEnd {
			continue // the ACS documents' subcodes find their rows; the Teams table's only their pairs
		}
		if code, seen := subcodeCode[r.Subcode.n]; !seen {
			subcodeCode[r.Subcode.n] = r.Code
		} else if code != r.Code {
			subcodeCode[r.Subcode.n] = num{}
		}
	}
	for s, c := range subcodeCode {
		if c.ok {
			ix.subcodeRows[s] = ix.exact[pair{c.n, s}].row
		}
	}
	for _, a := range aliases {
		target, ok := ix.exact[pair{a.TargetCode, a.TargetSubcode}]
		if !ok {
			return nil, fmt.Errorf("alias %d/%d: no row %d/%d", a.Code, a.Subcode, a.TargetCode, a.TargetSubcode)
		}
		ix.aliases[pair{a.Code, a.Subcode}] = pairCase{row: target.row, reason: a.Reason}
	}

	// What each row says of the call.
	for _, r := range rows {
		ix.outcome[r] = rowOutcome(decl, r)
	}

	// Keys, upper case, in both spellings; messages, longest first, of two
	// as long the first in the rows.
	for _, r := range rows {
		if r.Section == schema.SectionMessage {
			continue
		}
		for _, k := range []string{r.Key, r.DocKey} {
			if k == "" {
				continue
			}
			if _, twice := ix.keys[strings.ToUpper(k)]; twice {
				return nil, fmt.Errorf("key %s twice", strings.ToUpper(k))
			}
			ix.keys[strings.ToUpper(k)] = r
		}
	}
	slices.SortStableFunc(ix.messages, func(a, b *Row) int { return cmp.Compare(len(b.Key), len(a.Key)) })
	return ix, nil
}

// finder is one of the generated switches: its field in the table, the
// name of its function after the product's prefix, what it finds, and its
// cases.
type finder struct {
	field, name, doc string
	pairs            map[pair]pairCase
	numbers          map[int]*Row
	subcodes         bool // numbers are subcodes
}

// finders lists the switches of the index, in the order of the table's
// fields.
func (ix *index) finders() []finder {
	return []finder{
		{field: "exact", name: "Exact", doc: "finds the documented row of a pair; the preferred section's where two share one", pairs: ix.exact},
		{field: "alias", name: "Alias", doc: "finds the row that another spelling of a pair names", pairs: ix.aliases},
		{field: "codeRow", name: "CodeRow", doc: "finds the row of a code without subcode; the preferred section's where two share one", numbers: ix.codeRows},
		{field: "subcodeRow", name: "SubcodeRow", doc: "finds the row of a subcode documented under one code only", numbers: ix.subcodeRows, subcodes: true},
		{field: "observed", name: "Observed", doc: "finds the fact of the facts table of a pair", pairs: ix.observed},
		{field: "observedCode", name: "ObservedCode", doc: "finds the fact of the facts table under a code, for every subcode", numbers: ix.observedCode},
		{field: "anyCode", name: "AnyCode", doc: "finds the fact of the facts table of a subcode under any code", numbers: ix.anyCode, subcodes: true},
		{field: "genericSubcode", name: "GenericSubcode", doc: "finds the generic row of a subcode", numbers: ix.genericSubcodes, subcodes: true},
		{field: "genericCode", name: "GenericCode", doc: "finds the generic row of a code", numbers: ix.genericCode},
	}
}

// writeFields writes the index's fields of a product's table literal.
func (ix *index) writeFields(b *bytes.Buffer, decl *schema.Product, names map[*Row]string) {
	for _, f := range ix.finders() {
		if len(f.pairs) > 0 || len(f.numbers) > 0 {
			fmt.Fprintf(b, "\t%s: %s%s,\n", f.field, prefix(decl), f.name)
		}
	}
	if len(ix.keys) > 0 {
		fmt.Fprintf(b, "\tkey: %sKey,\n", prefix(decl))
	}
	if len(ix.rowsUnder) > 0 {
		fmt.Fprintf(b, "\trowsUnder: %sRowsUnder,\n", prefix(decl))
	}
	var class []string
	for i, r := range ix.class {
		if r != nil {
			class = append(class, fmt.Sprintf("%d: &%s", i, names[r]))
		}
	}
	if len(class) > 0 {
		fmt.Fprintf(b, "\tclass: [7]*Entry{%s},\n", strings.Join(class, ", "))
	}
	if len(ix.messages) > 0 {
		b.WriteString("\tmessages: []*Entry{\n")
		for _, r := range ix.messages {
			fmt.Fprintf(b, "\t\t&%s,\n", names[r])
		}
		b.WriteString("\t},\n")
	}
}

// writeFuncs writes the index's switches, their cases in key order.
func (ix *index) writeFuncs(b *bytes.Buffer, decl *schema.Product, names map[*Row]string) {
	p := prefix(decl)
	for _, f := range ix.finders() {
		switch {
		case len(f.pairs) > 0:
			fmt.Fprintf(b, "\n// %s%s %s.\nfunc %[1]s%[2]s(code, subcode int) *Entry {\n\tswitch code {\n", p, f.name, f.doc)
			keys := slices.SortedFunc(maps.Keys(f.pairs), func(a, b pair) int {
				return cmp.Or(cmp.Compare(a.code, b.code), cmp.Compare(a.subcode, b.subcode))
			})
			for i, k := range keys {
				if i == 0 || k.code != keys[i-1].code {
					if i > 0 {
						b.WriteString("\t\t}\n")
					}
					fmt.Fprintf(b, "\tcase %s:\n\t\tswitch subcode {\n", number(k.code, decl.HexCodes))
				}
				c := f.pairs[k]
				fmt.Fprintf(b, "\t\tcase %s:", number(k.subcode, false))
				if c.reason != "" {
					fmt.Fprintf(b, " // %s", c.reason)
				}
				fmt.Fprintf(b, "\n\t\t\treturn &%s\n", names[c.row])
			}
			b.WriteString("\t\t}\n\t}\n\treturn nil\n}\n")
		case len(f.numbers) > 0:
			param := "code"
			if f.subcodes {
				param = "subcode"
			}
			fmt.Fprintf(b, "\n// %s%s %s.\nfunc %[1]s%[2]s(%[4]s int) *Entry {\n\tswitch %[4]s {\n", p, f.name, f.doc, param)
			for _, n := range slices.Sorted(maps.Keys(f.numbers)) {
				fmt.Fprintf(b, "\tcase %s:\n\t\treturn &%s\n", number(n, decl.HexCodes && !f.subcodes), names[f.numbers[n]])
			}
			b.WriteString("\t}\n\treturn nil\n}\n")
		}
	}
	if len(ix.rowsUnder) > 0 {
		var codes []string
		for _, c := range slices.Sorted(maps.Keys(ix.rowsUnder)) {
			codes = append(codes, number(c, decl.HexCodes))
		}
		fmt.Fprintf(b, "\n// %sRowsUnder reports whether documented rows of a subcode stand under a code.\nfunc %[1]sRowsUnder(code int) bool {\n\tswitch code {\n\tcase %s:\n\t\treturn true\n\t}\n\treturn false\n}\n", p, strings.Join(codes, ", "))
	}
	if len(ix.keys) > 0 {
		fmt.Fprintf(b, "\n// %sKey finds the row of a key, upper case, in the SDK's or the docs' spelling.\nfunc %[1]sKey(key string) *Entry {\n\tswitch key {\n", p)
		for _, k := range slices.Sorted(maps.Keys(ix.keys)) {
			fmt.Fprintf(b, "\tcase %q:\n\t\treturn &%s\n", k, names[ix.keys[k]])
		}
		b.WriteString("\t}\n\treturn nil\n}\n")
	}
}

// rowOutcome is what a row says of the call: its result category where it
// has one (the call end table calls 487/10003 Success); else the outcome a
// committed table of rtccodes' gives it (a fact, a generic subcode); else
// what its product's document says its code means; else, in a product
// whose every code is an error, a failure (a TRTC error known by its
// message). 0 where nothing says.
func rowOutcome(decl *schema.Product, r *Row) uint8 {
	switch {
	case r.Category != "":
		return schema.CategoryOutcome(r.Category)
	case r.Outcome != 0:
		return r.Outcome
	case r.Code.ok:
		return decl.DocumentedOutcome(r.Code.n)
	case decl.AllErrors:
		return schema.OutcomeFailure
	}
	return 0
}
