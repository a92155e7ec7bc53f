package rtccodes

import (
	"iter"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/rtccodes/rtccodes/internal/codetext"
)

// Search returns the entries of every product whose message, advice (a newer
// edition's revised text too), TRTC key or hex code contains query in any
// language, ignoring case, in product and table order: Search("userSig")
// finds the TRTC account errors. A query of only spaces finds nothing. It
// keeps nothing between calls: each text is matched where it stands.
func Search(query string) iter.Seq[Entry] {
	q := searchQuery(query)
	return func(yield func(Entry) bool) {
		if q == "" || strings.ContainsRune(q, 0) {
			return
		}
		for _, p := range Products() {
			for _, r := range p.record().rows {
				if contains(r, q) && !yield(as(r, MatchExact)) {
					return
				}
			}
		}
	}
}

// searchQuery is a query as Search reads it: its words, one space apart.
func searchQuery(query string) string { return strings.Join(strings.Fields(query), " ") }

// TextContaining returns the entry's text in a language whose message or
// advice contains query, as Search matches it: lang's text (see Localized)
// when it does, else the first language's that does, English first; false
// when no language's text does (Search may have matched a key, a hex code
// or a newer edition's text).
func (e Entry) TextContaining(query, lang string) (Text, bool) {
	q := searchQuery(query)
	if e.details == nil || q == "" {
		return Text{}, false
	}
	has := func(t Text) bool { return containsFoldText(t.Message, q) || containsFoldText(t.Advice, q) }
	if t := e.Localized(lang); has(t) {
		return t, true
	}
	if t := e.english(); has(t) {
		return t, true
	}
	for _, t := range e.details.texts {
		if has(t) {
			return t, true
		}
	}
	return Text{}, false
}

// contains reports whether a row's keys or texts, in any language and
// edition, contain q, ignoring case.
func contains(r *Entry, q string) bool {
	for _, s := range [...]string{r.Key, r.DocKey, r.Hex, r.Message, r.Advice} {
		if containsFoldText(s, q) {
			return true
		}
	}
	for _, texts := range [...][]Text{r.details.texts, r.details.revisions} {
		for _, t := range texts {
			if containsFoldText(t.Message, q) || containsFoldText(t.Advice, q) {
				return true
			}
		}
	}
	return false
}

// containsFoldText reports whether s contains q, ignoring case (Unicode
// simple folding), without copying either: a query without letters that
// have a case (Japanese) is searched as it is, an ASCII one byte by byte.
func containsFoldText(s, q string) bool {
	if len(q) > len(s)*utf8.UTFMax {
		return false
	}
	caseless, ascii := true, true
	for _, r := range q {
		caseless = caseless && unicode.SimpleFold(r) == r
		ascii = ascii && r < utf8.RuneSelf
	}
	switch {
	case caseless:
		return strings.Contains(s, q)
	case ascii:
		for i := 0; i+len(q) <= len(s); i++ {
			if codetext.Lower(s[i]) == codetext.Lower(q[0]) && hasPrefixFoldASCII(s[i:], q) {
				return true
			}
		}
		return false
	}
	first, n := utf8.DecodeRuneInString(q)
	rest := q[n:]
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if equalFoldRune(r, first) && hasPrefixFold(s[i+size:], rest) {
			return true
		}
		i += size
	}
	return false
}

// hasPrefixFold reports whether s starts with prefix, ignoring case.
func hasPrefixFold(s, prefix string) bool {
	for prefix != "" {
		if s == "" {
			return false
		}
		a, n := utf8.DecodeRuneInString(s)
		b, m := utf8.DecodeRuneInString(prefix)
		if !equalFoldRune(a, b) {
			return false
		}
		s, prefix = s[n:], prefix[m:]
	}
	return true
}

// equalFoldRune reports whether two runes are equal under simple folding.
func equalFoldRune(a, b rune) bool {
	if a == b {
		return true
	}
	if a < utf8.RuneSelf && b < utf8.RuneSelf {
		return codetext.Lower(byte(a)) == codetext.Lower(byte(b))
	}
	for f := unicode.SimpleFold(a); f != a; f = unicode.SimpleFold(f) {
		if f == b {
			return true
		}
	}
	return false
}
