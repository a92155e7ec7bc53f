package rtccodes

import (
	"cmp"
	"slices"
	"strconv"
	"strings"
	"sync"

	"golang.org/x/text/language"

	"github.com/rtccodes/rtccodes/internal/schema"
)

// Languages returns the BCP 47 tags of the languages the tables have text
// in, English first: en, ja, fr.
func Languages() []string { return slices.Clone(schema.LangTags[:]) }

// MatchLanguage returns the table language (en, ja or fr) that best serves
// lang, a tag or an Accept-Language value, and whether one does; it returns
// "en" and false when none does, the English that Localized falls back to.
func MatchLanguage(lang string) (string, bool) {
	if i, ok := plainLang(lang); ok {
		return schema.LangTags[i], true
	}
	i, ok := negotiate(1<<schema.NumLangs-1, lang)
	return schema.LangTags[i], ok
}

// Localized returns the entry's text in the language that best serves lang,
// a BCP 47 tag ("ja", "fr-CA") or an Accept-Language value
// ("fr-CA;q=0.2, ja;q=0.9"). It falls back to English, and Text.Lang says
// which language served. Entries of an Accept-Language value that are not
// well formed are passed over and the others honoured; a value longer than
// MaxAcceptLanguage bytes is cut at the last comma before that length. Plain
// tags of the languages the entry has take a path that does not allocate.
func (e Entry) Localized(lang string) Text {
	if e.details == nil {
		return Text{}
	}
	texts := e.details.texts
	if len(texts) == 0 {
		return e.english()
	}
	i, ok := plainLang(lang)
	if !ok {
		set := 1 << schema.EN
		for j := range texts {
			set |= 1 << langOf(texts[j].Lang)
		}
		i, _ = negotiate(set, lang)
	}
	if i != schema.EN {
		for j := range texts {
			if texts[j].Lang == schema.LangTags[i] {
				return texts[j]
			}
		}
	}
	return e.english()
}

// langOf returns the language of a table language's tag.
func langOf(tag string) schema.Lang {
	for l, t := range schema.LangTags {
		if t == tag {
			return schema.Lang(l)
		}
	}
	return schema.EN
}

// plainLang reports the language of a plain tag such as "ja", "fr-CA" or
// "en_US" when it is one of the table languages.
func plainLang(tag string) (schema.Lang, bool) {
	primary := tag
	if i := strings.IndexAny(tag, "-_"); i >= 0 {
		primary = tag[:i]
	}
	if !wellFormedSubtags(tag) {
		return 0, false // an Accept-Language list, or malformed: the matcher decides
	}
	for i, t := range schema.LangTags {
		if strings.EqualFold(primary, t) {
			return schema.Lang(i), true
		}
	}
	return 0, false
}

// wellFormedSubtags reports whether a tag is subtags of one to eight
// letters or digits, separated by '-' or '_', as BCP 47 writes them.
func wellFormedSubtags(tag string) bool {
	n := 0
	for i := 0; i < len(tag); i++ {
		switch c := tag[i]; {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9':
			if n++; n > 8 {
				return false
			}
		case (c == '-' || c == '_') && n > 0:
			n = 0
		default:
			return false
		}
	}
	return n > 0
}

// matchers holds a language matcher per set of languages (a bit per language).
var matchers [1 << schema.NumLangs]struct {
	once  sync.Once
	m     language.Matcher
	langs []schema.Lang
}

// negotiate returns the language index that best serves an Accept-Language
// value among a set of languages (a bit per language), and whether one
// does; English and false when nothing matches.
func negotiate(set int, lang string) (schema.Lang, bool) {
	mt := &matchers[set]
	mt.once.Do(func() {
		var tags []language.Tag
		for i := range schema.LangTags {
			if set&(1<<i) != 0 {
				mt.langs = append(mt.langs, schema.Lang(i))
				tags = append(tags, language.Make(schema.LangTags[i]))
			}
		}
		mt.m = language.NewMatcher(tags)
	})
	want := acceptLanguage(lang)
	if len(want) == 0 {
		return schema.EN, false
	}
	_, i, conf := mt.m.Match(want...)
	if conf == language.No {
		return schema.EN, false
	}
	return mt.langs[i], true
}

// MaxAcceptLanguage is the length of an Accept-Language value that Localized
// reads at most; the rest is cut at the last comma before it.
const MaxAcceptLanguage = 4096

// acceptLanguage reads an Accept-Language value (RFC 9110) into its tags,
// most wanted first. It passes over the entries that are not well formed,
// wildcards and q=0, reads "q" in any case, and reads at most
// MaxAcceptLanguage bytes.
func acceptLanguage(s string) []language.Tag {
	if len(s) > MaxAcceptLanguage {
		s = s[:MaxAcceptLanguage]
		if i := strings.LastIndexByte(s, ','); i >= 0 {
			s = s[:i]
		}
	}
	type weighted struct {
		tag language.Tag
		q   float64
	}
	var ws []weighted
	for part := range strings.SplitSeq(s, ",") {
		name, params, _ := strings.Cut(part, ";")
		name = strings.TrimSpace(name)
		if name == "" || name == "*" {
			continue
		}
		q, ok := 1.0, true
		for p := range strings.SplitSeq(params, ";") {
			k, v, _ := strings.Cut(strings.TrimSpace(p), "=")
			if !strings.EqualFold(strings.TrimSpace(k), "q") {
				continue
			}
			f, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
			q, ok = f, err == nil && f >= 0 && f <= 1
		}
		if !ok || q == 0 {
			continue
		}
		tag, err := language.Parse(name)
		if err != nil {
			continue
		}
		ws = append(ws, weighted{tag, q})
	}
	slices.SortStableFunc(ws, func(a, b weighted) int { return cmp.Compare(b.q, a.q) })
	tags := make([]language.Tag, len(ws))
	for i, w := range ws {
		tags[i] = w.tag
	}
	return tags
}
