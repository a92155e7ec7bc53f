package main

import (
	"html/template"
	"strconv"
	"strings"
	"unicode"

	"github.com/rtccodes/rtccodes"
	"github.com/rtccodes/rtccodes/internal/schema"
)

// The report and the reference site are self-contained HTML: their style
// is inline, they load nothing from the network, and the site's only
// script is its search, with its index beside it.

// pageStyle is the style of every page.
const pageStyle = `
body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 0 auto; max-width: 72rem; padding: 1rem 1.5rem 3rem; color: #1d2228; background: #fff; }
h1 { font-size: 1.6rem; margin: .5rem 0 .25rem; } h2 { font-size: 1.2rem; margin: 2rem 0 .5rem; border-bottom: 1px solid #d8dde3; padding-bottom: .25rem; }
.lead { color: #4a5560; margin: 0 0 1rem; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; font-size: 14px; }
th, td { text-align: left; vertical-align: top; padding: .35rem .5rem; border-bottom: 1px solid #e6e9ed; }
th { background: #f3f5f7; font-weight: 600; } td.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.failure { color: #b42318; font-weight: 600; } .success { color: #067647; font-weight: 600; } .unknown, .none { color: #6b7280; font-weight: 600; }
.cards { display: flex; flex-wrap: wrap; gap: .75rem; margin: 1rem 0; }
.card { border: 1px solid #d8dde3; border-radius: 8px; padding: .6rem .9rem; min-width: 9rem; }
.card b { display: block; font-size: 1.5rem; } .card.bad b { color: #b42318; }
.advice { color: #374151; font-size: 13px; } a { color: #0b57d0; } code { font-size: 13px; }
svg text { font: 12px system-ui, sans-serif; fill: #1d2228; } .bar { fill: #d92d20; } .col { fill: #f97066; }
nav.langs button { margin-right: .4rem; padding: .2rem .7rem; border: 1px solid #9aa4af; border-radius: 4px; background: #fff; cursor: pointer; }
nav.langs button[aria-pressed="true"] { background: #1d2228; color: #fff; }
input[type=search] { font-size: 1rem; padding: .4rem .6rem; width: 100%; max-width: 30rem; box-sizing: border-box; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; } dt { color: #4a5560; } dd { margin: 0; }
`

// pageHead is the head of every page: its language, title and style.
const pageHead = `<!DOCTYPE html>
<html lang="{{.Lang}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{.Title}}</title>
<style>` + pageStyle + `</style>
</head>
`

// outcomeClass is the style class and the word of an outcome.
func outcomeClass(o rtccodes.Outcome) string {
	if o == "" {
		return "none"
	}
	return string(o)
}

// rowPath is the address of a row's page in the reference site, relative
// to the site: calling/callend/410/3112.html, calling/client/480.html,
// callautomation/genericsubcode/any/8536.html,
// trtc/message/notallowederror-permission-denied.html. An answer that is
// no row of a table (the PSTN SBC rule, the rows under a code counted) has
// none.
func rowPath(e rtccodes.Entry) (string, bool) {
	if e.Product == 0 || e.Section == rtccodes.SectionSBC || e.Section == rtccodes.SectionCodeRows {
		return "", false
	}
	path := e.Product.ShortName() + "/" + string(e.Section) + "/"
	switch {
	case e.HasCode && e.HasSubcode:
		path += strconv.Itoa(e.Code) + "/" + strconv.Itoa(e.Subcode)
	case e.HasCode:
		path += strconv.Itoa(e.Code)
	case e.HasSubcode:
		path += "any/" + strconv.Itoa(e.Subcode)
	default:
		path += slug(e.Key)
	}
	return path + ".html", true
}

// slug writes a text as a file name: its letters and digits, lower case,
// words joined by '-', at most 60 bytes.
func slug(s string) string {
	words := strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return r > unicode.MaxASCII || !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	out := strings.Join(words, "-")
	if len(out) > 60 {
		out = strings.TrimRight(out[:60], "-")
	}
	if out == "" {
		out = "row"
	}
	return out
}

// sectionTitle is a table's name as a heading says it: "the Calling SDK
// call end table" for callend.
func sectionTitle(s rtccodes.Section) string {
	for _, info := range schema.Sections {
		if info.Name == string(s) && info.Doc != "" {
			doc := strings.TrimSuffix(strings.TrimPrefix(info.Doc, "is "), ".")
			return strings.ToUpper(doc[:1]) + doc[1:]
		}
	}
	return string(s)
}

// langName is a language's name in itself.
func langName(tag string) string {
	switch tag {
	case "en":
		return "English"
	case "ja":
		return "日本語"
	case "fr":
		return "Français"
	}
	return tag
}

// pageFuncs are the functions the pages' templates call.
var pageFuncs = template.FuncMap{
	"outcome":  outcomeClass,
	"langName": langName,
	"percent":  func(f float64) string { return strconv.FormatFloat(100*f, 'f', 1, 64) + "%" },
	// head is the data of a page's head: English, titled.
	"head": func(title string) any { return struct{ Lang, Title string }{"en", title + " · rtccodes"} },
	// rel is a row's address from its table's page.
	"rel": func(path string) string { return "../../" + path },
	"provenance": func(e rtccodes.Entry) *rtccodes.Provenance {
		if p, ok := e.Provenance(); ok {
			return &p
		}
		return nil
	},
}
