package sourcedoc

import (
	"bytes"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/rtccodes/rtccodes/internal/schema"
)

// packer writes a product's tables: every string once in one text, each row's
// texts, links, events and provenance as spans of shared tables, so that the
// tables hold no pointers.
type packer struct {
	text   strings.Builder
	at     map[string]schema.Str
	pieces []string // the strings in the order text holds them
}

func newPacker() *packer { return &packer{at: map[string]schema.Str{}} }

// str returns where s is in the text, adding it the first time.
func (pk *packer) str(s string) schema.Str {
	if s == "" {
		return schema.Str{}
	}
	if at, ok := pk.at[s]; ok {
		return at
	}
	off := pk.text.Len()
	pk.text.WriteString(s)
	at := schema.Str{uint32(off), uint32(pk.text.Len())}
	pk.at[s] = at
	pk.pieces = append(pk.pieces, s)
	return at
}

// writeText writes the text as the constant name, one string a line.
func (pk *packer) writeText(b *bytes.Buffer, name, of string) {
	fmt.Fprintf(b, "// %s holds every string of %s, each once.\nconst %s = \"\" +", name, of, name)
	for i, piece := range pk.pieces {
		if i > 0 {
			b.WriteString(" +")
		}
		b.WriteString("\n\t" + strconv.Quote(piece))
	}
	b.WriteString("\n")
}

// span returns the run of a table from its length before to its length now.
func span(from, to int) (schema.Span, error) {
	if to > math.MaxUint16 {
		return schema.Span{}, fmt.Errorf("%d entries: more than a span reaches", to)
	}
	if from == to {
		return schema.Span{}, nil
	}
	return schema.Span{uint16(from), uint16(to)}, nil
}

// tables packs a product's rows, in the order given, with the date of
// each text's document.
func (pk *packer) tables(decl *schema.Product, rows []*Row, dates map[string]string) (schema.Tables, error) {
	var t schema.Tables
	for _, r := range rows {
		if int(int32(r.Code)) != r.Code || int(int32(r.Subcode)) != r.Subcode {
			return t, fmt.Errorf("%s: %d/%d is outside the int32 range", r.Source, r.Code, r.Subcode)
		}
		hex := r.Hex
		if decl.HexCodes && hex == "" && r.Code >= 0 {
			hex = fmt.Sprintf("0x%04X", r.Code)
		}
		out := schema.Row{Code: int32(r.Code), Subcode: int32(r.Subcode), Section: r.Section,
			Category: pk.str(r.Category), Key: pk.str(r.Key), DocKey: pk.str(r.DocKey), Hex: pk.str(hex),
			Edition: pk.str(r.Edition)}
		var err error
		editions := textEditions(decl, r, dates)
		from := len(t.Texts)
		for lang, text := range r.Text {
			if text != (Text{}) {
				t.Texts = append(t.Texts, schema.Text{Lang: schema.Lang(lang), Edition: pk.str(editions[lang]),
					Message: pk.str(text.Message), Advice: pk.str(text.Advice)})
			}
		}
		if out.Texts, err = span(from, len(t.Texts)); err != nil {
			return t, err
		}
		if r.Revision != "" {
			from = len(t.Texts)
			t.Texts = append(t.Texts, schema.Text{Lang: EN, Edition: pk.str(r.Revision),
				Message: pk.str(r.Revised.Message), Advice: pk.str(r.Revised.Advice)})
			if out.Revisions, err = span(from, len(t.Texts)); err != nil {
				return t, err
			}
		}
		from = len(t.Links)
		for _, l := range r.Links {
			t.Links = append(t.Links, schema.Link{Text: pk.str(l.Text), URL: pk.str(l.URL)})
		}
		if out.Links, err = span(from, len(t.Links)); err != nil {
			return t, err
		}
		from = len(t.Events)
		for _, ev := range r.Events {
			t.Events = append(t.Events, pk.str(ev))
		}
		if out.Events, err = span(from, len(t.Events)); err != nil {
			return t, err
		}
		if r.Provenance != (Provenance{}) {
			p := schema.Provenance{Repository: pk.str(r.Provenance.Repository),
				Path: pk.str(r.Provenance.Path), Revision: pk.str(r.Provenance.Revision)}
			from = slices.Index(t.Provenance, p) // facts seen in the same place share it
			if from < 0 {
				from = len(t.Provenance)
				t.Provenance = append(t.Provenance, p)
			}
			if out.Provenance, err = span(from, from+1); err != nil {
				return t, err
			}
		}
		t.Rows = append(t.Rows, out)
	}
	if uint64(pk.text.Len()) > math.MaxUint32 {
		return t, fmt.Errorf("%d bytes of text: more than a Str reaches", pk.text.Len())
	}
	return t, nil
}
