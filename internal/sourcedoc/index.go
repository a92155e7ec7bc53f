package sourcedoc

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/rtccodes/rtccodes/internal/schema"
)

// buildIndex writes a product's lookup structure from its rows, in the
// order render writes them: a hash table for each way a key finds a row,
// the TRTC keys sorted, the messages longest first.
func buildIndex(decl *schema.Product, rows []*Row, out []schema.Row, aliases []Alias, pk *packer) (schema.Index, error) {
	ix := schema.Index{Class: [7]int16{schema.NoRow, schema.NoRow, schema.NoRow, schema.NoRow, schema.NoRow, schema.NoRow, schema.NoRow}}
	key := func(code, subcode int) (uint64, error) {
		k, ok := schema.PairKey(code, subcode)
		if !ok {
			return 0, fmt.Errorf("%d/%d is outside the int32 range", code, subcode)
		}
		return k, nil
	}
	exact := map[uint64]int{}
	generic := map[int]int{}
	anyCode := map[int]int{}
	observed := map[uint64]int{}
	genericCodes := map[int]int{}
	for i := range rows {
		r := rows[i]
		k, err := key(r.Code, r.Subcode)
		if err != nil {
			return ix, err
		}
		switch r.Section {
		case schema.SectionClass:
			ix.Class[r.Code/100] = int16(i)
		case schema.SectionGenericCode:
			genericCodes[r.Code] = i
		case schema.SectionGenericSubcode:
			generic[r.Subcode] = i
		case schema.SectionMessage:
		case schema.SectionObserved:
			if r.Code == NoCode {
				anyCode[r.Subcode] = i
			} else {
				observed[k] = i
			}
		default:
			if old, ok := exact[k]; !ok || r.Section == decl.Preferred && rows[old].Section != decl.Preferred {
				exact[k] = i
			}
		}
	}
	// A subcode documented under one code only finds that code's row.
	subcodeCode := map[int]int{}
	var exactKeys, codeRows, subcodeRows, genericSubcodes, genericKeys, observedKeys, anyCodeKeys, aliasKeys []schema.Key
	for _, i := range exact {
		r := rows[i]
		if r.Subcode == NoSubcode {
			codeRows = append(codeRows, schema.Key{K: codeKey(r.Code), Row: uint16(i)})
			continue
		}
		if c, seen := subcodeCode[r.Subcode]; !seen {
			subcodeCode[r.Subcode] = r.Code
		} else if c != r.Code {
			subcodeCode[r.Subcode] = NoCode
		}
	}
	for k, i := range exact {
		exactKeys = append(exactKeys, schema.Key{K: k, Row: uint16(i)})
	}
	for s, c := range subcodeCode {
		if c != NoCode {
			k, _ := key(c, s)
			subcodeRows = append(subcodeRows, schema.Key{K: codeKey(s), Row: uint16(exact[k])})
		}
	}
	for s, i := range generic {
		genericSubcodes = append(genericSubcodes, schema.Key{K: codeKey(s), Row: uint16(i)})
	}
	for c, i := range genericCodes {
		genericKeys = append(genericKeys, schema.Key{K: codeKey(c), Row: uint16(i)})
	}
	for k, i := range observed {
		observedKeys = append(observedKeys, schema.Key{K: k, Row: uint16(i)})
	}
	for s, i := range anyCode {
		anyCodeKeys = append(anyCodeKeys, schema.Key{K: codeKey(s), Row: uint16(i)})
	}
	for _, a := range aliases {
		k, err := key(a.Code, a.Subcode)
		if err != nil {
			return ix, err
		}
		target, _ := key(a.TargetCode, a.TargetSubcode)
		i, ok := exact[target]
		if !ok {
			return ix, fmt.Errorf("alias %d/%d: no row %d/%d", a.Code, a.Subcode, a.TargetCode, a.TargetSubcode)
		}
		aliasKeys = append(aliasKeys, schema.Key{K: k, Row: uint16(i)})
	}
	for _, t := range []struct {
		table *schema.Table
		keys  []schema.Key
	}{
		{&ix.Exact, exactKeys}, {&ix.Aliases, aliasKeys}, {&ix.CodeRows, codeRows},
		{&ix.SubcodeRows, subcodeRows}, {&ix.GenericSubcodes, genericSubcodes}, {&ix.GenericCodes, genericKeys},
		{&ix.Observed, observedKeys}, {&ix.AnyCode, anyCodeKeys},
	} {
		*t.table = hashTable(t.keys)
	}

	// What each row says of the call: its code's outcome and its
	// category's; a generic subcode what the rows with that subcode under a
	// code say.
	bySubcode := map[int]uint8{}
	for i, r := range rows {
		if r.Code != NoCode {
			out[i].Outcome = decl.CodeOutcome(r.Code)
		}
		out[i].Outcome |= schema.CategoryOutcome(r.Category)
		if r.Code != NoCode && r.Subcode != NoSubcode {
			bySubcode[r.Subcode] |= out[i].Outcome
		}
	}
	for i, r := range rows {
		if r.Section == schema.SectionGenericSubcode {
			out[i].Outcome |= bySubcode[r.Subcode]
		}
	}

	// Keys, upper case, in both spellings; messages, longest first.
	type named struct {
		k   string
		row uint16
	}
	var keys []named
	for i := range rows {
		r := rows[i]
		switch {
		case r.Section == schema.SectionMessage:
			ix.Messages = append(ix.Messages, uint16(i))
		case r.Key != "":
			for _, k := range []string{r.Key, r.DocKey} {
				if k != "" {
					keys = append(keys, named{strings.ToUpper(k), uint16(i)})
				}
			}
		}
	}
	slices.SortFunc(keys, func(a, b named) int { return cmp.Compare(a.k, b.k) })
	for i, k := range keys {
		if i > 0 && k.k == keys[i-1].k {
			return ix, fmt.Errorf("key %s twice", k.k)
		}
		ix.Keys = append(ix.Keys, schema.StringKey{K: pk.str(k.k), Row: k.row})
	}
	slices.SortStableFunc(ix.Messages, func(a, b uint16) int { return cmp.Compare(len(rows[b].Key), len(rows[a].Key)) })
	if len(rows) >= 1<<16-1 {
		return ix, fmt.Errorf("%d rows: more than an index holds", len(rows))
	}
	return ix, nil
}

// hashTable writes keys into a Table: each key in the first free slot
// from its own, in the order of the keys (sorted, so that the table does
// not depend on the order maps are walked in).
func hashTable(keys []schema.Key) schema.Table {
	if len(keys) == 0 {
		return schema.Table{}
	}
	slices.SortFunc(keys, func(a, b schema.Key) int { return cmp.Compare(a.K, b.K) })
	// At most half full; a small table at most a quarter full, for short
	// runs of full slots at little cost.
	bits := 1
	for 1<<bits < 2*len(keys) || len(keys) < 32 && 1<<bits < 4*len(keys) {
		bits++
	}
	t := schema.Table{Shift: uint8(64 - bits), Slots: make([]schema.Slot, 1<<bits)}
	for i := range t.Slots {
		t.Slots[i] = schema.EmptySlot
	}
	mask := len(t.Slots) - 1
	for _, k := range keys {
		i := t.Slot(k.K) & mask
		for t.Slots[i] != schema.EmptySlot {
			i = (i + 1) & mask
		}
		t.Slots[i] = schema.SlotOf(k)
	}
	return t
}

// codeKey is a code or a subcode of a row as a key of the index; every
// row's pair is in the range PairKey packs (buildIndex checks it).
func codeKey(n int) uint64 {
	k, _ := schema.CodeKey(n)
	return k
}
