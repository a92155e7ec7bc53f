// Command rtccodes explains the error codes of real-time communication SDKs
// from a terminal, with the tables of the rtccodes package.
//
// Usage:
//
//	rtccodes [flags] CODE [SUBCODE]     explain a pair
//	rtccodes [flags] TEXT               explain a TRTC key, hex code or message, or a DiagCode
//	rtccodes [flags] list               list a product's table (every product's without -product)
//	rtccodes [flags] search QUERY       find entries whose text contains QUERY, in any language
//	rtccodes [flags] explain            explain a JSON payload read from standard input
//	rtccodes -version                   print the tool's version and the editions of its data
//
// Flags (before or after the command): -product NAME, -lang TAG or
// Accept-Language value, -json. Without -product, a lookup asks every product
// and prints the most precise answers. CODE and SUBCODE are decimal or
// hexadecimal (0x4001) integers; put -- before a negative number.
//
// Exit status: 0 when something was explained or found, 1 when nothing
// describes the input, 2 for bad arguments or input.
//
// Install it with go install github.com/rtccodes/rtccodes/cmd/rtccodes@latest.
package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/rtccodes/rtccodes"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

const usage = `usage: rtccodes [flags] CODE [SUBCODE]    explain a pair
       rtccodes [flags] TEXT              explain a TRTC key, hex code or message, or a DiagCode
       rtccodes [flags] list              list a product's table (all products without -product)
       rtccodes [flags] search QUERY      find entries whose text contains QUERY, in any language
       rtccodes [flags] explain           explain a JSON payload read from standard input
       rtccodes -version                  print the version and the editions of the data

Explains error codes of ACS Calling SDK, Call Automation, PSTN, Chat, SMS and
the Tencent TRTC Web SDK 4.x: what happened, the result category, the advice.

  rtccodes 410 3112
  rtccodes -product pstn -lang ja 403 510403
  rtccodes -product trtc 0x4001 70001
  rtccodes -product trtc JOIN_ROOM_FAILED
  rtccodes -product trtc "NotAllowedError: Permission denied"
  rtccodes "Server Internal Error. DiagCode: 500#560500.@"
  rtccodes list -product sms -json
  rtccodes search userSig
  echo '{"code": 487, "subCode": 10003}' | rtccodes explain

CODE and SUBCODE are decimal or hexadecimal (0x4001); put -- before a negative
number. explain reads a Call Automation event (CloudEvent or Event Grid), a
resultInformation object or a Calling SDK callEndReason. Flags may come before
or after the command.

Products: calling, callautomation, pstn, chat, sms, trtc.
Exit status: 0 explained or found, 1 nothing describes the input, 2 bad
arguments or input.

Flags:
`

// options are the tool's flags.
type options struct {
	products []rtccodes.Product
	lang     string
	json     bool
}

// run is the tool: it parses args, writes to stdout and stderr, and returns
// the exit status.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("rtccodes", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprint(stderr, usage)
		fs.PrintDefaults()
	}
	productName := fs.String("product", "", "the product: calling, callautomation, pstn, chat, sms or trtc (default: every product)")
	lang := fs.String("lang", "en", "the language: a BCP 47 tag (ja, fr-CA) or an Accept-Language value")
	asJSON := fs.Bool("json", false, "print JSON")
	version := fs.Bool("version", false, "print the version and the editions of the data")
	words, err := parseInterspersed(fs, args)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	opts := options{products: rtccodes.Products(), lang: *lang, json: *asJSON}
	if *productName != "" {
		p, err := rtccodes.ParseProduct(*productName)
		if err != nil {
			fmt.Fprintln(stderr, err)
			return 2
		}
		opts.products = []rtccodes.Product{p}
	}
	if *version {
		if len(words) > 0 {
			fs.Usage()
			return 2
		}
		return printVersion(stdout, stderr, opts)
	}
	if len(words) == 0 {
		fs.Usage()
		return 2
	}
	switch words[0] {
	case "list":
		if len(words) != 1 {
			fs.Usage()
			return 2
		}
		var entries []rtccodes.Entry
		for _, p := range opts.products {
			for e := range rtccodes.All(p) {
				entries = append(entries, e)
			}
		}
		return printList(stdout, stderr, entries, opts)
	case "search":
		query := strings.Join(words[1:], " ")
		if strings.TrimSpace(query) == "" {
			fmt.Fprintln(stderr, "rtccodes: search needs a QUERY")
			return 2
		}
		var entries []rtccodes.Entry
		for e := range rtccodes.Search(query) {
			if slices.Contains(opts.products, e.Product) {
				entries = append(entries, e)
			}
		}
		if len(entries) == 0 && !opts.json {
			fmt.Fprintf(stderr, "rtccodes: no entry contains %q\n", query)
			return 1
		}
		if code := printList(stdout, stderr, entries, opts); code != 0 || len(entries) > 0 {
			return code
		}
		return 1
	case "explain":
		if len(words) != 1 {
			fs.Usage()
			return 2
		}
		return explain(stdin, stdout, stderr, opts)
	}
	if len(words) > 2 {
		fs.Usage()
		return 2
	}
	return lookup(words, stdout, stderr, opts)
}

// parseInterspersed parses flags wherever they stand among the words, and
// returns the words. Everything after "--" is a word.
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	var words []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		consumed := args[:len(args)-fs.NArg()]
		if len(consumed) > 0 && consumed[len(consumed)-1] == "--" {
			return append(words, fs.Args()...), nil
		}
		if fs.NArg() == 0 {
			return words, nil
		}
		words = append(words, fs.Arg(0))
		args = fs.Args()[1:]
	}
}

// lookup explains CODE [SUBCODE] or TEXT.
func lookup(words []string, stdout, stderr io.Writer, opts options) int {
	var entries []rtccodes.Entry
	code, err := parseInt(words[0])
	switch {
	case err == nil:
		subcode := rtccodes.NoSubcode
		if len(words) == 2 {
			if subcode, err = parseInt(words[1]); err != nil {
				fmt.Fprintf(stderr, "rtccodes: bad SUBCODE %q: %v\n", words[1], err)
				return 2
			}
		}
		entries = best(opts.products, func(p rtccodes.Product) (rtccodes.Entry, bool) { return rtccodes.Lookup(p, code, subcode) })
	case len(words) == 2:
		fmt.Fprintf(stderr, "rtccodes: bad CODE %q: %v\n", words[0], err)
		return 2
	default:
		entries = best(opts.products, func(p rtccodes.Product) (rtccodes.Entry, bool) { return rtccodes.LookupString(p, words[0]) })
	}
	if len(entries) == 0 {
		fmt.Fprintf(stderr, "rtccodes: nothing describes %q\n", strings.Join(words, " "))
		return 1
	}
	return printEntries(stdout, stderr, entries, opts)
}

// printEntries prints entries in full.
func printEntries(stdout, stderr io.Writer, entries []rtccodes.Entry, opts options) int {
	if opts.json {
		return writeJSONEntries(stdout, stderr, entries, opts.lang)
	}
	for i, e := range entries {
		if i > 0 {
			fmt.Fprintln(stdout)
		}
		printEntry(stdout, e, opts.lang)
	}
	return 0
}

// printList prints entries one line each: product, pair, section, key,
// category and message.
func printList(stdout, stderr io.Writer, entries []rtccodes.Entry, opts options) int {
	if opts.json {
		return writeJSONEntries(stdout, stderr, entries, opts.lang)
	}
	tw := tabwriter.NewWriter(stdout, 0, 4, 1, ' ', 0)
	for _, e := range entries {
		category := string(e.Category)
		if category == "" {
			category = "-"
		}
		key := e.Key
		if key == "" {
			key = "-"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\n", e.Product, rtccodes.FormatPair(e.Code, e.Subcode), e.Section, key, category, e.Localized(opts.lang).Message)
	}
	if err := tw.Flush(); err != nil {
		fmt.Fprintln(stderr, "rtccodes:", err)
		return 1
	}
	return 0
}

func writeJSONEntries(stdout, stderr io.Writer, entries []rtccodes.Entry, lang string) int {
	out := make([]jsonEntry, len(entries))
	for i, e := range entries {
		out[i] = toJSON(e, lang)
	}
	return writeJSON(stdout, stderr, out)
}

// printVersion prints the tool's module version and the editions of the
// documents its tables come from.
func printVersion(stdout, stderr io.Writer, opts options) int {
	version := "(devel)"
	if info, ok := debug.ReadBuildInfo(); ok && info.Main.Version != "" {
		version = info.Main.Version
	}
	sources := rtccodes.Sources()
	if opts.json {
		return writeJSON(stdout, stderr, struct {
			Version string            `json:"version"`
			Sources []rtccodes.Source `json:"sources"`
		}{version, sources})
	}
	fmt.Fprintf(stdout, "rtccodes %s\ndata:\n", version)
	tw := tabwriter.NewWriter(stdout, 0, 4, 1, ' ', 0)
	for _, s := range sources {
		date := s.Date
		if date == "" {
			date = "undated"
		}
		names := make([]string, len(s.Products))
		for i, p := range s.Products {
			names[i] = p.String()
		}
		fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\n", date, s.Lang, strings.Join(names, ","), s.File)
	}
	if err := tw.Flush(); err != nil {
		fmt.Fprintln(stderr, "rtccodes:", err)
		return 1
	}
	return 0
}

func writeJSON(stdout, stderr io.Writer, v any) int {
	enc := json.NewEncoder(stdout)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		fmt.Fprintln(stderr, "rtccodes:", err)
		return 1
	}
	return 0
}

// maxPayload bounds what explain reads from standard input.
const maxPayload = 1 << 20

// explain explains the JSON payload on stdin.
func explain(stdin io.Reader, stdout, stderr io.Writer, opts options) int {
	b, err := io.ReadAll(io.LimitReader(stdin, maxPayload+1))
	if err != nil {
		fmt.Fprintln(stderr, "rtccodes:", err)
		return 2
	}
	if len(b) > maxPayload {
		fmt.Fprintf(stderr, "rtccodes: payload larger than %d bytes\n", maxPayload)
		return 2
	}
	x, err := rtccodes.Explain(b)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 2
	}
	if opts.json {
		out := jsonExplanation{Product: x.Product.String(), EventType: x.EventType, Code: x.Code, Subcode: x.Subcode,
			Message: x.Message, SIP: x.SIP, Q850: x.Q850}
		if x.Found {
			e := toJSON(x.Entry, opts.lang)
			out.Entry = &e
		}
		if code := writeJSON(stdout, stderr, out); code != 0 || x.Found {
			return code
		}
		return 1
	}
	if x.EventType != "" {
		fmt.Fprintf(stdout, "Event:   %s\n", x.EventType)
	}
	fmt.Fprintf(stdout, "Payload: %s %s", x.Product, rtccodes.FormatPair(x.Code, x.Subcode))
	if x.Message != "" {
		fmt.Fprintf(stdout, " %q", x.Message)
	}
	fmt.Fprintln(stdout)
	for _, d := range []struct {
		name string
		d    *rtccodes.Diagnostic
	}{{"SIP", x.SIP}, {"Q.850", x.Q850}} {
		if d.d == nil {
			continue
		}
		fmt.Fprintf(stdout, "%-8s %d %q", d.name+":", d.d.Code, d.d.Message)
		if d.d.Known {
			fmt.Fprintf(stdout, " = %s (%s)", d.d.Reason.Text, d.d.Reason.Standard)
		}
		fmt.Fprintln(stdout)
	}
	if !x.Found {
		fmt.Fprintln(stderr, "rtccodes: nothing describes the payload's codes")
		return 1
	}
	printEntry(stdout, x.Entry, opts.lang)
	return 0
}

type jsonExplanation struct {
	Product   string               `json:"product"`
	EventType string               `json:"eventType,omitempty"`
	Code      int                  `json:"code"`
	Subcode   int                  `json:"subcode"`
	Message   string               `json:"message,omitempty"`
	SIP       *rtccodes.Diagnostic `json:"sip,omitempty"`
	Q850      *rtccodes.Diagnostic `json:"q850,omitempty"`
	Entry     *jsonEntry           `json:"entry,omitempty"`
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

// best looks the pair up in every product and keeps the most precise
// answers: an exact row in one product hides a class answer in another.
func best(products []rtccodes.Product, lookup func(rtccodes.Product) (rtccodes.Entry, bool)) []rtccodes.Entry {
	var out []rtccodes.Entry
	for _, p := range products {
		e, ok := lookup(p)
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
	fmt.Fprintf(w, "%s %s", e.Product, rtccodes.FormatPair(e.Code, e.Subcode))
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
		Product: e.Product.String(), Section: e.Section.String(), Code: e.Code, Subcode: e.Subcode,
		Key: e.Key, DocKey: e.DocKey, Hex: e.Hex, Category: string(e.Category), Match: e.Match.String(),
		Lang: t.Lang, Message: t.Message, Advice: t.Advice, Events: e.Events(), Links: e.Links(), Edition: e.Edition,
	}
}
