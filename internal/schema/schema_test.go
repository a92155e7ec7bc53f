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
