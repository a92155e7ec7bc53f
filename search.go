package rtccodes

import (
	"iter"
	"strings"
	"sync"
)

// searchText holds a product's rows' texts in every language and their
// keys, lower-cased and joined by NUL bytes; built on the first Search.
type searchText struct {
	once sync.Once
	rows []string
}

// Search returns the entries of every product whose message, advice (a newer
// edition's revised text too), TRTC key or hex code contains query in any
// language, ignoring case, in product and table order: Search("userSig")
// finds the TRTC account errors. A query of only spaces finds nothing.
func Search(query string) iter.Seq[Entry] {
	q := strings.ToLower(strings.Join(strings.Fields(query), " "))
	return func(yield func(Entry) bool) {
		if q == "" || strings.ContainsRune(q, 0) {
			return
		}
		for _, p := range Products() {
			rec := p.record()
			ix := rec.index()
			st := &rec.search
			st.once.Do(func() { st.rows = rec.lowerRows() })
			for i, text := range st.rows {
				if strings.Contains(text, q) && !yield(ix.entries[i]) {
					return
				}
			}
		}
	}
}

// lowerRows returns each row's keys and texts, lower-cased, NUL-separated.
func (p *product) lowerRows() []string {
	out := make([]string, len(p.rows))
	var b strings.Builder
	for i := range p.rows {
		r := &p.rows[i]
		b.Reset()
		for _, s := range []string{r.Key, r.DocKey, r.Hex} {
			b.WriteString(s)
			b.WriteByte(0)
		}
		for _, t := range append(r.Texts[:len(r.Texts):len(r.Texts)], r.Revisions...) {
			b.WriteString(t.Message)
			b.WriteByte(0)
			b.WriteString(t.Advice)
			b.WriteByte(0)
		}
		out[i] = strings.ToLower(b.String())
	}
	return out
}
