package schema_test

import (
	"reflect"
	"testing"

	"github.com/rtccodes/rtccodes/internal/schema"
)

// pointers returns the paths inside t that hold a pointer the garbage
// collector must scan.
func pointers(t reflect.Type, path string) []string {
	switch t.Kind() {
	case reflect.Pointer, reflect.String, reflect.Slice, reflect.Map, reflect.Interface, reflect.Func, reflect.Chan, reflect.UnsafePointer:
		return []string{path + " (" + t.String() + ")"}
	case reflect.Array:
		return pointers(t.Elem(), path+"[]")
	case reflect.Struct:
		var out []string
		for i := range t.NumField() {
			out = append(out, pointers(t.Field(i).Type, path+"."+t.Field(i).Name)...)
		}
		return out
	}
	return nil
}

// headers returns the pointers inside a type of the tables (Tables,
// Index, Table) that are not slice headers, nor the text itself, and those
// inside what the slices hold.
func headers(t reflect.Type, path string) []string {
	var out []string
	for i := range t.NumField() {
		f := t.Field(i)
		switch {
		case f.Type.Kind() == reflect.Slice:
			out = append(out, pointers(f.Type.Elem(), path+"."+f.Name+"[]")...)
		case f.Type.Kind() == reflect.Struct && f.Type.PkgPath() == t.PkgPath():
			out = append(out, headers(f.Type, path+"."+f.Name)...)
		case path+"."+f.Name == "Tables.Text":
		default:
			out = append(out, pointers(f.Type, path+"."+f.Name)...)
		}
	}
	return out
}

// TestTablesHoldNoPointers checks that a product's tables are pointer-free
// but for the slice headers of Tables, Index and Table and the text: what
// the slices hold (rows, texts, links, events, provenance, the index's
// slots and keys) has no pointer; a string in them is a Str of the text.
func TestTablesHoldNoPointers(t *testing.T) {
	if ps := headers(reflect.TypeFor[schema.Tables](), "Tables"); len(ps) > 0 {
		t.Errorf("the tables hold pointers: %v", ps)
	}
	if ps := pointers(reflect.TypeFor[schema.Reason](), "Reason"); len(ps) > 0 {
		t.Errorf("the reference tables hold pointers: %v", ps)
	}
}

// TestPointersFindsPointers checks the check: a string, a slice and a
// pointer inside a struct are reported.
func TestPointersFindsPointers(t *testing.T) {
	type row struct {
		N    int32
		S    string
		List [2]struct{ P *int }
	}
	if got := pointers(reflect.TypeFor[row](), "row"); len(got) != 2 {
		t.Errorf("pointers(row) = %v, want row.S and row.List[].P", got)
	}
	type table struct {
		Rows []row
		Name string
	}
	if got := headers(reflect.TypeFor[table](), "table"); len(got) != 3 {
		t.Errorf("headers(table) = %v, want table.Rows[].S, table.Rows[].List[].P and table.Name", got)
	}
}

// TestTableFind checks a hash table's probe: a key found in its own slot,
// one found after a run of others that wraps around the end, and keys that
// are not there, whether their run ends at an empty slot or not.
func TestTableFind(t *testing.T) {
	tb := schema.Table{Shift: 64 - 2, Slots: []schema.Slot{schema.EmptySlot, schema.EmptySlot, schema.EmptySlot, schema.EmptySlot}}
	// Three keys whose first slot is the last one: they fill 3, 0 and 1.
	var keys []uint64
	for k := uint64(1); len(keys) < 3; k++ {
		if tb.Slot(k)&3 == 3 {
			keys = append(keys, k)
		}
	}
	for i, k := range keys {
		tb.Slots[(3+i)&3] = schema.SlotOf(schema.Key{K: k, Row: uint16(10 + i)})
	}
	for i, k := range keys {
		if row, ok := tb.Find(k); !ok || row != 10+i {
			t.Errorf("Find(%d) = %d, %v, want %d, true", k, row, ok, 10+i)
		}
	}
	for k := uint64(0); k < 64; k++ {
		if k == keys[0] || k == keys[1] || k == keys[2] {
			continue
		}
		if row, ok := tb.Find(k); ok {
			t.Errorf("Find(%d) = %d, true for a key the table does not hold", k, row)
		}
	}
	if _, ok := (&schema.Table{}).Find(0); ok {
		t.Error("an empty table finds key 0")
	}
}

// TestPairKey checks the range a key packs and that distinct pairs at its
// edges pack to distinct keys.
func TestPairKey(t *testing.T) {
	edges := []int{-1 << 23, -1<<23 + 1, -2, -1, 0, 1, 1<<23 - 2, 1<<23 - 1}
	seen := map[uint64][2]int{}
	for _, c := range edges {
		for _, s := range edges {
			k, ok := schema.PairKey(c, s)
			if !ok {
				t.Fatalf("PairKey(%d, %d) is out of range", c, s)
			}
			if prev, dup := seen[k]; dup {
				t.Fatalf("PairKey(%d, %d) = PairKey(%d, %d)", c, s, prev[0], prev[1])
			}
			seen[k] = [2]int{c, s}
		}
	}
	for _, n := range []int{-1<<23 - 1, 1 << 23, 1 << 30, -1 << 30} {
		if _, ok := schema.PairKey(n, 0); ok {
			t.Errorf("PairKey(%d, 0) is in range", n)
		}
		if _, ok := schema.PairKey(0, n); ok {
			t.Errorf("PairKey(0, %d) is in range", n)
		}
	}
}
