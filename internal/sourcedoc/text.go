package sourcedoc

import (
	"fmt"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/text/encoding/charmap"
)

// normSpace collapses every run of white space (including no-break and
// ideographic spaces) into one ASCII space and trims the ends.
func normSpace(s string) string {
	return strings.Join(strings.FieldsFunc(s, unicode.IsSpace), " ")
}

var (
	reBreak      = regexp.MustCompile(`(?i)<br\s*/?>`)
	reListItem   = regexp.MustCompile(`(?i)<li\s*/?>`)
	reTag        = regexp.MustCompile(`</?[a-zA-Z][^<>]*>`)
	reAutoLink   = regexp.MustCompile(`<(https?://[^<>\s]+)>`)
	reLink       = regexp.MustCompile(`\[([^\[\]]*)\]\(([^()\s]*(?:\([^()\s]*\)[^()\s]*)*)\)`)
	reEscape     = regexp.MustCompile(`\\([!-/:-@\[-` + "`" + `{-~])`)
	reBold       = regexp.MustCompile(`\*\*`)
	reBlankCode  = regexp.MustCompile("` +`")
	reMDFileLink = regexp.MustCompile(`\.md([?#]|$)`)
)

// plainMarkdown turns a markdown table cell into plain text: links become
// their text (their targets, resolved against base, are returned), line
// breaks and list items become spaces and " - ", code spans, bold markers,
// backslash escapes and other HTML tags are removed.
func plainMarkdown(s, base string) (string, []Link, error) {
	var links []Link
	var err error
	s = reAutoLink.ReplaceAllString(s, "$1")
	s = reLink.ReplaceAllStringFunc(s, func(m string) string {
		sub := reLink.FindStringSubmatch(m)
		text, target := sub[1], sub[2]
		abs, e := absURL(base, target)
		if e != nil && err == nil {
			err = e
		}
		text = plainInline(text)
		links = append(links, Link{Text: normSpace(text), URL: abs})
		return text
	})
	s = reBreak.ReplaceAllString(s, " ")
	s = reListItem.ReplaceAllString(s, " - ")
	s = reTag.ReplaceAllString(s, " ")
	s = plainInline(s)
	return normSpace(s), links, err
}

// plainInline removes code span, bold and escape markup. A code span of only
// blanks (TRTC -10018: privateMapKey was ` `) becomes ' ', as the Japanese
// edition prints it: removing its backticks would leave nothing.
func plainInline(s string) string {
	s = reBlankCode.ReplaceAllString(s, "' '")
	s = strings.ReplaceAll(s, "`", "")
	s = reBold.ReplaceAllString(s, "")
	return reEscape.ReplaceAllString(s, "$1")
}

// absURL resolves a link target against base and drops the ".md" of a
// documentation page, as the published site does.
func absURL(base, target string) (string, error) {
	target = strings.ReplaceAll(target, `\`, "")
	u, err := url.Parse(target)
	if err != nil {
		return "", fmt.Errorf("link %q: %v", target, err)
	}
	if !u.IsAbs() {
		b, err := url.Parse(base)
		if err != nil {
			return "", err
		}
		u = b.ResolveReference(u)
	}
	if u.Host == "learn.microsoft.com" {
		u.Path = reMDFileLink.ReplaceAllString(u.Path, "$1")
	}
	return u.String(), nil
}

// fixMojibake repairs text that was UTF-8, decoded as Windows-1252 and
// encoded again as UTF-8 ("youâ€™re" for "you’re"), as seed 004 is in places.
// Text that does not round-trip is returned unchanged.
func fixMojibake(s string) string {
	if !strings.ContainsAny(s, "âÃ") {
		return s
	}
	b, err := charmap.Windows1252.NewEncoder().String(s)
	if err != nil {
		return s
	}
	if !utf8Valid(b) {
		return s
	}
	return b
}

func utf8Valid(s string) bool { return strings.ToValidUTF8(s, "\uFFFD") == s }

// parseNumber reads an integer that a localized source may print with
// thousands separators: "5,317", "5 000", "8,540".
func parseNumber(s string) (int, error) {
	var b strings.Builder
	for _, r := range strings.TrimSpace(s) {
		if r == ',' || unicode.IsSpace(r) {
			continue
		}
		b.WriteRune(r)
	}
	n, err := strconv.Atoi(b.String())
	if err != nil {
		return 0, fmt.Errorf("not a number: %q", s)
	}
	return n, nil
}

// parseCodes reads a cell that lists codes: "490, 491, 496" or "490、491".
func parseCodes(s string) ([]int, error) {
	var codes []int
	for _, f := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == '、' }) {
		n, err := parseNumber(f)
		if err != nil {
			return nil, err
		}
		codes = append(codes, n)
	}
	if len(codes) == 0 {
		return nil, fmt.Errorf("no code in %q", s)
	}
	return codes, nil
}

// categories maps the categories as the sources print them to the Go
// constants. The localized spellings are the Japanese and French editions'
// translations of Success; UnxpectedClientError is the sources' typo (rows
// 3100, 3101, 3111) of UnexpectedClientError.
var categories = map[string]string{
	"Success":               "Success",
	"成功":                    "Success",
	"Succès":                "Success",
	"Réussite":              "Success",
	"Opération réussie":     "Success",
	"ExpectedError":         "ExpectedError",
	"UnexpectedClientError": "UnexpectedClientError",
	"UnxpectedClientError":  "UnexpectedClientError",
	"UnexpectedServerError": "UnexpectedServerError",
}

func parseCategory(s string) (string, bool) {
	c, ok := categories[normSpace(s)]
	return c, ok
}
