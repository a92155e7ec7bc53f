package rtccodes

import "slices"

// Source is a document rtccodes' tables are generated from: one edition of a
// product's documentation, in one language.
type Source struct {
	// File is the document's copy in the module, such as
	// "testdata/trtc/web-4x-error-codes.ja.2022-04-06.txt".
	File string `json:"file"`
	// Title is the document's title, in its language.
	Title string `json:"title"`
	// Lang is the BCP 47 tag of the document's language: en, ja or fr.
	Lang string `json:"lang"`
	// Date is the edition's date as YYYY-MM-DD, as the document prints it;
	// empty when it prints none.
	Date string `json:"date,omitempty"`
	// Products are the products the document has tables of.
	Products []Product `json:"products"`
}

// Sources returns the documents the tables are generated from: the editions
// the answers come from. The slice is the caller's.
func Sources() []Source {
	out := slices.Clone(sources)
	for i := range out {
		out[i].Products = slices.Clone(out[i].Products)
	}
	return out
}
