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

// TestTablesHoldNoPointers checks that a product's tables are pointer-free
// but for the headers of Tables and Index: the text and the slices. What
// the slices hold (rows, texts, links, events, provenance, index keys) has
// no pointer; a string in them is a Str of the text.
func TestTablesHoldNoPointers(t *testing.T) {
	for _, typ := range []reflect.Type{reflect.TypeFor[schema.Tables](), reflect.TypeFor[schema.Index]()} {
		for i := range typ.NumField() {
			f := typ.Field(i)
			elem := f.Type
			if elem.Kind() == reflect.Slice {
				elem = elem.Elem()
			}
			if f.Type.Kind() == reflect.String || f.Type == reflect.TypeFor[schema.Index]() {
				continue // the text itself; the index is checked on its own
			}
			if ps := pointers(elem, typ.Name()+"."+f.Name); len(ps) > 0 {
				t.Errorf("%s holds pointers: %v", f.Name, ps)
			}
		}
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
}
