// Package sourcedoc parses the source documents in testdata/ into the rows of
// rtccodes' tables and renders them as Go source. The generator
// (internal/gen) writes what it renders; the package's tests compare it with
// the committed files.
package sourcedoc

import (
	"fmt"
	"github.com/rtccodes/rtccodes/internal/schema"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// EditionDate is the date of the newer English edition of the ACS page; rows
// that only it documents carry it.
const EditionDate = "2025-07-14"

// The languages, as the schema declares them, index Row.Text.
const (
	EN       = schema.EN
	JA       = schema.JA
	FR       = schema.FR
	numLangs = schema.NumLangs
)

// Text is a row's message and advice in one language.
type Text struct{ Message, Advice string }

// Link is a link of a row's advice: its text and absolute target.
type Link struct{ Text, URL string }

// Provenance is where a fact of the facts table was seen.
type Provenance struct{ Repository, Path, Revision string }

// Row is one row of a product's table, every language merged.
type Row struct {
	Section schema.Section
	// Code and Subcode are the row's key; a code-only row (480) has no
	// subcode, a generic subcode (*/8536) or a TRTC message no code.
	Code, Subcode num
	Category      string // the Go constant of the category, or ""
	Key, DocKey   string
	Hex           string
	Edition       string
	Since         string // the SDK release that first has the code, for an SDK's own enum
	Events        []string
	Links         []Link
	Text          [numLangs]Text
	Source        string // file:line of the row that made it
	// Revision is the date of a newer edition that revised the row's
	// English text, and Revised that edition's text; the seeds' text stays
	// the row's text.
	Revision string
	Revised  Text
	// Provenance is where a fact of the facts table was seen.
	Provenance Provenance
	// Outcome is what a committed table of rtccodes' says the row means
	// for the call, where its document gives it no code (a fact, a generic
	// subcode): schema.OutcomeSuccess, schema.OutcomeFailure, or 0.
	Outcome uint8
}

// Alias is a key that finds another row, with the reason it exists.
type Alias struct {
	schema.Alias
	Reason string
}

// Product is the parsed table of one product, by its declared name.
type Product struct {
	Name    string // the product's name in schema.Products: "CallingSDK"
	Doc     string // what the table holds, for the generated comment
	Rows    []*Row
	Aliases []Alias
}

// num is a code or a subcode as a document gives it: a number, or absent.
// Every int is a code: TRTC documents negative ones.
type num struct {
	n  int
	ok bool // whether the row has it
}

// some is the number n; the zero num is absent.
func some(n int) num { return num{n, true} }

// String writes the number, or "*" when absent, as the docs write a
// generic subcode's code.
func (x num) String() string {
	if !x.ok {
		return "*"
	}
	return strconv.Itoa(x.n)
}

// docs holds the source documents, read once.
type docs map[string]string

// parser reads the documents of some products into their tables.
type parser struct {
	documents []document
	parse     func(docs) ([]*Product, error)
}

// parsers are the parsers of every product's documents, in the order of
// Sources.
var parsers = []parser{acsParser, trtcParser, trtc5Parser, observedParser, outcomesParser, graphParser}

// documents returns every parser's documents, in order.
func documents() []document {
	var out []document
	for _, p := range parsers {
		out = append(out, p.documents...)
	}
	return out
}

func readDocs(dir string) (docs, error) {
	d := docs{}
	for _, doc := range documents() {
		b, err := os.ReadFile(filepath.Join(dir, doc.file))
		if err != nil {
			return nil, err
		}
		d[doc.file] = string(b)
	}
	return d, nil
}

// Parse reads the source documents under dir (the testdata directory) and
// returns every product's table.
func Parse(dir string) ([]*Product, error) {
	d, err := readDocs(dir)
	if err != nil {
		return nil, err
	}
	return parse(d)
}

func parse(d docs) ([]*Product, error) {
	var out []*Product
	for _, p := range parsers {
		products, err := p.parse(d)
		if err != nil {
			return nil, err
		}
		out = append(out, products...)
	}
	return out, nil
}

// Generate parses the sources under dir and renders every generated file,
// keyed by its name relative to the module root.
func Generate(dir string) (map[string][]byte, error) {
	d, err := readDocs(dir)
	if err != nil {
		return nil, err
	}
	products, err := parse(d)
	if err != nil {
		return nil, err
	}
	dates := map[string]string{}
	for f, text := range d {
		dates[f] = docDate(text)
	}
	// A product's rows may come from several parsers (its documents and the
	// facts table): they are merged.
	parsed := map[string]*Product{}
	for _, p := range products {
		if q := parsed[p.Name]; q != nil {
			q.Rows, q.Aliases = append(q.Rows, p.Rows...), append(q.Aliases, p.Aliases...)
			continue
		}
		parsed[p.Name] = p
	}
	for _, p := range parsed {
		if err := checkObserved(p); err != nil {
			return nil, err
		}
	}
	if ca := parsed["CallAutomation"]; ca != nil {
		if err := applyGenericOutcomes(ca, d[GenericOutcomes]); err != nil {
			return nil, err
		}
	}
	for _, decl := range schema.Products {
		for _, r := range decl.Outcomes {
			if !strings.Contains(normSpace(d[r.Document]), r.Sentence) {
				return nil, fmt.Errorf("%s: the outcome rule %d-%d rests on %q, which %s does not print", decl.Name, r.From, r.To, r.Sentence, r.Document)
			}
		}
	}
	files := map[string][]byte{}
	for i := range schema.Products {
		decl := &schema.Products[i]
		p := parsed[decl.Name]
		if p == nil {
			return nil, fmt.Errorf("product %s is declared, but no parser reads its tables", decl.Name)
		}
		delete(parsed, decl.Name)
		src, err := render(p, decl, dates)
		if err != nil {
			return nil, fmt.Errorf("%s: %v", decl.File, err)
		}
		files[decl.File] = src
		parsed[decl.Name] = p
	}
	if len(parsed) != len(schema.Products) {
		return nil, fmt.Errorf("%d parsed tables for %d declared products", len(parsed), len(schema.Products))
	}
	if files["internal/plan/keys.go"], err = renderPlan(parsed); err != nil {
		return nil, fmt.Errorf("internal/plan/keys.go: %v", err)
	}
	if files["internal/schema/names.go"], err = renderNames(dir); err != nil {
		return nil, fmt.Errorf("internal/schema/names.go: %v", err)
	}
	if files["products.go"], err = renderProducts(parsed); err != nil {
		return nil, fmt.Errorf("products.go: %v", err)
	}
	if files["sources.go"], err = renderSources(d, products); err != nil {
		return nil, fmt.Errorf("sources.go: %v", err)
	}
	rule, err := sbcRule(d)
	if err != nil {
		return nil, err
	}
	if files["reference.go"], err = renderReference(dir, rule); err != nil {
		return nil, fmt.Errorf("reference.go: %v", err)
	}
	return files, nil
}
