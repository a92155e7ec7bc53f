package rtccodes

import (
	"encoding/json"
	"fmt"
	"slices"

	"github.com/rtccodes/rtccodes/internal/schema"
)

// entryJSON is an entry as JSON: the shape the command line tool prints.
type entryJSON struct {
	Product    Product     `json:"product"`
	Section    Section     `json:"section"`
	Pair       string      `json:"pair"`
	Code       *int        `json:"code"`
	Subcode    *int        `json:"subcode"`
	Key        string      `json:"key,omitempty"`
	DocKey     string      `json:"docKey,omitempty"`
	Hex        string      `json:"hex,omitempty"`
	Category   Category    `json:"category"`
	Outcome    Outcome     `json:"outcome"`
	Match      Match       `json:"match"`
	Lang       string      `json:"lang"`
	Message    string      `json:"message"`
	Advice     string      `json:"advice"`
	Texts      []Text      `json:"texts,omitempty"`
	Events     []string    `json:"events,omitempty"`
	Links      []Link      `json:"links,omitempty"`
	Edition    string      `json:"edition,omitempty"`
	RowEdition string      `json:"rowEdition,omitempty"`
	Since      string      `json:"since,omitempty"`
	Revisions  []Text      `json:"revisions,omitempty"`
	Provenance *Provenance `json:"provenance,omitempty"`
}

// MarshalJSON writes the entry as the command line tool prints it with
// -json: lower-case keys, its pair as rtccodes prints it ("410/3112"), its
// English text (lang, message, advice, edition: the date of the text's
// document), its other languages' texts, and its events, links, revisions
// and provenance; rowEdition is Entry.Edition. The zero Entry is null.
func (e Entry) MarshalJSON() ([]byte, error) {
	if e.details == nil {
		return []byte("null"), nil
	}
	return json.Marshal(e.toJSON())
}

func (e Entry) toJSON() entryJSON {
	en := e.english()
	j := entryJSON{Product: e.Product, Section: e.Section, Pair: e.Pair(), Key: e.Key, DocKey: e.DocKey, Hex: e.Hex,
		Category: e.Category, Outcome: e.Outcome, Match: e.Match, Lang: en.Lang, Message: en.Message, Advice: en.Advice,
		Texts: slices.Clone(e.details.texts), Events: e.Events(), Links: e.Links(), Edition: en.Edition,
		RowEdition: e.Edition, Since: e.Since, Revisions: e.Revisions()}
	if e.HasCode {
		j.Code = &e.Code
	}
	if e.HasSubcode {
		j.Subcode = &e.Subcode
	}
	if p, ok := e.Provenance(); ok {
		j.Provenance = &p
	}
	return j
}

// UnmarshalJSON reads an entry as MarshalJSON writes it, and as the
// command line tool prints it in any language: the English text is the
// entry's Message and Advice, the others its Localized texts. null is the
// zero Entry.
func (e *Entry) UnmarshalJSON(b []byte) error {
	if string(b) == "null" {
		*e = Entry{}
		return nil
	}
	var j entryJSON
	if err := json.Unmarshal(b, &j); err != nil {
		return err
	}
	if !j.Product.valid() {
		return fmt.Errorf("rtccodes: entry: no product")
	}
	texts := append([]Text{{Lang: j.Lang, Edition: j.Edition, Message: j.Message, Advice: j.Advice}}, j.Texts...)
	i := slices.IndexFunc(texts, func(t Text) bool { return t.Lang == schema.LangTags[schema.EN] })
	if i < 0 {
		return fmt.Errorf("rtccodes: entry: no English text")
	}
	en := texts[i]
	d := &details{edition: en.Edition, links: j.Links, events: j.Events, revisions: j.Revisions, provenance: j.Provenance}
	for _, t := range texts {
		if t.Lang != en.Lang {
			d.texts = append(d.texts, t)
		}
	}
	slices.SortStableFunc(d.texts, func(a, b Text) int { return langIndex(a.Lang) - langIndex(b.Lang) })
	*e = Entry{Product: j.Product, Match: j.Match, Section: j.Section, Message: en.Message, Advice: en.Advice,
		Category: j.Category, Outcome: j.Outcome, Key: j.Key, DocKey: j.DocKey, Hex: j.Hex, Edition: j.RowEdition,
		Since: j.Since, details: d}
	if j.Code != nil {
		e.Code, e.HasCode = *j.Code, true
	}
	if j.Subcode != nil {
		e.Subcode, e.HasSubcode = *j.Subcode, true
	}
	return nil
}

// langIndex is a language's place in the order of the languages.
func langIndex(lang string) int { return slices.Index(schema.LangTags[:], lang) }

// UnmarshalText reads a match's name, such as "exact".
func (m *Match) UnmarshalText(text []byte) error {
	for i, name := range matchNames {
		if name == string(text) {
			*m = Match(i)
			return nil
		}
	}
	return fmt.Errorf("rtccodes: unknown match %q", text)
}
