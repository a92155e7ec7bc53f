// Command rtccodes explains the error codes of real-time communication SDKs.
//
// Usage:
//
//	rtccodes [-product NAME] [-lang TAG] [-json] CODE [SUBCODE]
//
// It prints what rtccodes.Lookup finds for the pair. Without -product it asks
// every product and prints the most precise answers. CODE and SUBCODE are
// decimal or hexadecimal (0x4001) integers.
//
// Exit status: 0 when the pair is explained, 1 when nothing describes it,
// 2 for bad arguments.
package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/rtccodes/rtccodes"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

const usage = `usage: rtccodes [-product NAME] [-lang TAG] [-json] CODE [SUBCODE]

Explains an error code pair: what happened, its result category and advice.
  rtccodes 410 3112
  rtccodes -product pstn -lang ja 403 510403
  rtccodes -product trtc 0x4001 70001

Products: calling, callautomation, pstn, chat, sms, trtc.
Exit status: 0 explained, 1 unknown pair, 2 bad arguments.

Flags:
`

// run is the tool: it parses args, writes to stdout and stderr, and returns
// the exit status.
func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("rtccodes", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprint(stderr, usage)
		fs.PrintDefaults()
	}
	productName := fs.String("product", "", "the product (default: every product)")
	lang := fs.String("lang", "en", "the language: a BCP 47 tag (ja, fr-CA) or an Accept-Language value")
	asJSON := fs.Bool("json", false, "print JSON")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	var products []rtccodes.Product
	if *productName != "" {
		p, err := rtccodes.ParseProduct(*productName)
		if err != nil {
			fmt.Fprintln(stderr, err)
			return 2
		}
		products = []rtccodes.Product{p}
	} else {
		products = rtccodes.Products()
	}
	if fs.NArg() < 1 || fs.NArg() > 2 {
		fs.Usage()
		return 2
	}
	code, err := parseInt(fs.Arg(0))
	if err != nil {
		fmt.Fprintf(stderr, "rtccodes: bad CODE %q: %v\n", fs.Arg(0), err)
		return 2
	}
	subcode := rtccodes.NoSubcode
	if fs.NArg() == 2 {
		if subcode, err = parseInt(fs.Arg(1)); err != nil {
			fmt.Fprintf(stderr, "rtccodes: bad SUBCODE %q: %v\n", fs.Arg(1), err)
			return 2
		}
	}
	entries := best(products, code, subcode)
	if len(entries) == 0 {
		fmt.Fprintf(stderr, "rtccodes: nothing describes %s\n", pair(code, subcode))
		return 1
	}
	if *asJSON {
		out := make([]jsonEntry, len(entries))
		for i, e := range entries {
			out[i] = toJSON(e, *lang)
		}
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(out); err != nil {
			fmt.Fprintln(stderr, err)
			return 1
		}
		return 0
	}
	for i, e := range entries {
		if i > 0 {
			fmt.Fprintln(stdout)
		}
		printEntry(stdout, e, *lang)
	}
	return 0
}

func parseInt(s string) (int, error) {
	n, err := strconv.ParseInt(s, 0, 64)
	if err != nil {
		return 0, errors.Unwrap(err)
	}
	if int64(int(n)) != n {
		return 0, strconv.ErrRange
	}
	return int(n), nil
}

func pair(code, subcode int) string {
	if subcode == rtccodes.NoSubcode {
		return strconv.Itoa(code)
	}
	return fmt.Sprintf("%d/%d", code, subcode)
}

// best looks the pair up in every product and keeps the most precise
// answers: an exact row in one product hides a class answer in another.
func best(products []rtccodes.Product, code, subcode int) []rtccodes.Entry {
	var out []rtccodes.Entry
	for _, p := range products {
		e, ok := rtccodes.Lookup(p, code, subcode)
		if !ok {
			continue
		}
		if len(out) > 0 && e.Match > out[0].Match {
			continue
		}
		if len(out) > 0 && e.Match < out[0].Match {
			out = out[:0]
		}
		out = append(out, e)
	}
	return out
}

func printEntry(w io.Writer, e rtccodes.Entry, lang string) {
	t := e.Localized(lang)
	fmt.Fprintf(w, "%s %s", e.Product, rowKey(e))
	if e.Key != "" {
		fmt.Fprintf(w, " %s", e.Key)
	}
	if e.Hex != "" {
		fmt.Fprintf(w, " (%s)", e.Hex)
	}
	if e.Category != "" {
		fmt.Fprintf(w, " %s", e.Category)
	}
	fmt.Fprintf(w, " [%s table, %s match, %s]\n", e.Section, e.Match, t.Lang)
	fmt.Fprintf(w, "  Message: %s\n", t.Message)
	if t.Advice != "" {
		fmt.Fprintf(w, "  Advice:  %s\n", t.Advice)
	}
	if ev := e.Events(); len(ev) > 0 {
		fmt.Fprintf(w, "  Events:  %s\n", strings.Join(ev, ", "))
	}
	for _, l := range e.Links() {
		fmt.Fprintf(w, "  Link:    %s <%s>\n", l.Text, l.URL)
	}
	if e.Edition != "" {
		fmt.Fprintf(w, "  Edition: %s\n", e.Edition)
	}
}

func rowKey(e rtccodes.Entry) string {
	switch {
	case e.Code == rtccodes.NoCode && e.Subcode == rtccodes.NoSubcode:
		return "-"
	case e.Code == rtccodes.NoCode:
		return fmt.Sprintf("*/%d", e.Subcode)
	}
	return pair(e.Code, e.Subcode)
}

type jsonEntry struct {
	Product  string          `json:"product"`
	Section  string          `json:"section"`
	Code     int             `json:"code"`
	Subcode  int             `json:"subcode"`
	Key      string          `json:"key,omitempty"`
	DocKey   string          `json:"docKey,omitempty"`
	Hex      string          `json:"hex,omitempty"`
	Category string          `json:"category"`
	Match    string          `json:"match"`
	Lang     string          `json:"lang"`
	Message  string          `json:"message"`
	Advice   string          `json:"advice"`
	Events   []string        `json:"events,omitempty"`
	Links    []rtccodes.Link `json:"links,omitempty"`
	Edition  string          `json:"edition,omitempty"`
}

func toJSON(e rtccodes.Entry, lang string) jsonEntry {
	t := e.Localized(lang)
	return jsonEntry{
		Product: e.Product.String(), Section: string(e.Section), Code: e.Code, Subcode: e.Subcode,
		Key: e.Key, DocKey: e.DocKey, Hex: e.Hex, Category: string(e.Category), Match: e.Match.String(),
		Lang: t.Lang, Message: t.Message, Advice: t.Advice, Events: e.Events(), Links: e.Links(), Edition: e.Edition,
	}
}
