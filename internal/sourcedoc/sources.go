package sourcedoc

import (
	"bytes"
	"fmt"
	"github.com/rtccodes/rtccodes/internal/schema"
	"go/format"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// document describes a source document for the generated Sources table: its
// language, its title (the generator checks the document carries it) and the
// products it has tables of (the generator checks they have text in its
// language).
type document struct {
	file, lang, title string
	products          []string
}

// The dates documents print: the TRTC page's 最終更新日 (last updated) line
// and the ms.date of the Microsoft pages (month/day/year).
var (
	lastUpdated = regexp.MustCompile(`最終更新日:(\d{4}-\d{2}-\d{2})`)
	msDate      = regexp.MustCompile(`ms\.date:?\s+(\d{1,2})/(\d{1,2})/(\d{4})`)
)

// docDate returns the date a document prints, as YYYY-MM-DD, or "".
func docDate(text string) string {
	if m := lastUpdated.FindStringSubmatch(text); m != nil {
		return m[1]
	}
	if m := msDate.FindStringSubmatch(text); m != nil {
		month, _ := strconv.Atoi(m[1])
		day, _ := strconv.Atoi(m[2])
		return fmt.Sprintf("%s-%02d-%02d", m[3], month, day)
	}
	return ""
}

// renderSources renders the table of source documents: for each, its title,
// language, date and products.
func renderSources(d docs, products []*Product) ([]byte, error) {
	var b bytes.Buffer
	fmt.Fprintf(&b, "%s\n\npackage rtccodes\n\n", Header)
	b.WriteString("// sources lists the documents in testdata/ the tables are generated from.\n")
	b.WriteString("var sources = []Source{\n")
	for _, doc := range documents() {
		text := d[doc.file]
		if !strings.Contains(normSpace(text), doc.title) {
			return nil, fmt.Errorf("%s: title %q not found", doc.file, doc.title)
		}
		date := docDate(text)
		if doc.file == EditionACSEn && date != EditionDate {
			return nil, fmt.Errorf("%s: dated %q, EditionDate is %q", doc.file, date, EditionDate)
		}
		for _, name := range doc.products {
			if !hasLang(products, name, doc.lang) {
				return nil, fmt.Errorf("%s: %s has no text in %s", doc.file, name, doc.lang)
			}
		}
		fmt.Fprintf(&b, "\t{File: %q, Title: %q, Lang: %q, Date: %q, Products: []Product{%s}},\n",
			"testdata/"+doc.file, doc.title, doc.lang, date, strings.Join(doc.products, ", "))
	}
	b.WriteString("}\n")
	return format.Source(b.Bytes())
}

// hasLang reports whether the named product has a row with text in lang.
func hasLang(products []*Product, name, lang string) bool {
	l := slices.Index(schema.LangTags[:], lang)
	for _, p := range products {
		if p.Name != name {
			continue
		}
		for _, r := range p.Rows {
			if r.Text[l].Message != "" {
				return true
			}
		}
	}
	return false
}
