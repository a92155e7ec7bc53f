// Command rtccodes explains the error codes of real-time communication SDKs
// from a terminal, with the tables of the rtccodes package.
//
// Usage:
//
//	rtccodes [flags] CODE [SUBCODE]     explain a pair
//	rtccodes [flags] TEXT               explain a TRTC key, hex code or message, or a DiagCode
//	rtccodes [flags] list               list a product's table (every product's without -product)
//	rtccodes [flags] search QUERY       find entries whose text contains QUERY, in any language
//	rtccodes [flags] explain [FILE...]  explain the payloads of files or standard input
//	rtccodes [flags] export FORMAT      print the tables for an engine: sql, kql, kql-function, csv
//
// Flags: -product NAME, -lang TAG, -json. Exit status: 0 explained or found,
// 1 nothing describes the input, 2 bad arguments or input, 130 and 143
// after SIGINT and SIGTERM. docs/command-line.md says more.
//
// One speed trick stays: explain -json writes a record's common fields by
// hand (jsonrecord.go), byte for byte as json.Marshal does: 1.6x as fast
// on 500,000 log lines (1.39 s against 2.2 s).
package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"slices"
	"strings"
	"text/tabwriter"
	"unicode"

	"github.com/rtccodes/rtccodes"
	"github.com/rtccodes/rtccodes/explain"
	"github.com/rtccodes/rtccodes/internal/codetext"
)

func main() {
	handleSignals()
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

const usage = `usage: rtccodes [flags] CODE [SUBCODE]    explain a pair
       rtccodes [flags] TEXT              explain a TRTC key, hex code or message, or a DiagCode
       rtccodes [flags] list              list a product's table (all products without -product)
       rtccodes [flags] search QUERY      find entries whose text contains QUERY, in any language
       rtccodes [flags] explain [FILE...] explain the payloads of files or standard input
       rtccodes [flags] export FORMAT     write the tables and the answer chain: sql, kql,
                                          kql-function (Data Explorer) or csv (the rows)
       rtccodes [flags] site DIR          write a reference site of every code to DIR
       rtccodes -version                  print the version and the editions of the data
       rtccodes help                      print this usage

Explains error codes of ACS Calling SDK, Call Automation, PSTN, Chat, SMS and
the Tencent TRTC Web SDK 4.x and 5.x: what happened, whether it failed, the
result category, the advice.

  rtccodes 410 3112
  rtccodes -product pstn -lang ja 403 510403
  rtccodes -product trtc 0x4001 70001
  rtccodes -product trtc5 5300 5302
  rtccodes -product trtc JOIN_ROOM_FAILED
  rtccodes -product trtc "NotAllowedError: Permission denied"
  rtccodes "Server Internal Error. DiagCode: 500#560500.@"
  rtccodes list -product sms -json
  rtccodes search userSig
  echo '{"code": 487, "subCode": 10003}' | rtccodes explain
  rtccodes explain -summary calls.csv
  rtccodes explain -summary=html calls.csv > report.html
  rtccodes export sql > rtccodes.sql
  rtccodes site ./rtccodes-site

CODE and SUBCODE are decimal or hexadecimal (0x4001); put -- before a negative
number. Quote a TEXT that has spaces. Without -product, every product answers,
most specific first. A CODE without SUBCODE that has no row of its own lists
the documented rows under it. Codes the documents leave out are answered from
the facts table, with where each was seen.

explain reads JSON values and arrays (Event Grid and CloudEvents batches), JSON
Lines, CSV exports (a header row naming ParticipantEndReason, code, subCode,
...) and log lines: Call Automation events and results, Calling SDK
callEndReason and error objects, call log records and TRTC errors. It prints
each record's explanation, or with -summary the pairs counted, failures first
(-summary=html: a page with charts; -summary=csv: the table for a spreadsheet).
It counts the records it could not read or that carry no code, and -v lists
each on stderr. On a terminal it shows its progress. Flags may come before or
after the command. With -json, a command prints the same JSON shape whether or
not it finds something.

Products: %s.
Exit status: 0 explained or found (explain: every record was read, with or
without a code), 1 nothing describes the input (a lookup), 2 bad arguments or
input (explain: some record could not be read; an input that holds no
record: empty, blank lines, a CSV header alone), or output that could not be
written, 130 stopped by SIGINT and 143 by SIGTERM (after the record being
written: the output ends on a whole record). A closed pipe (| head) ends the
output quietly with the status so far.

Flags:
`

// options are the tool's flags.
type options struct {
	products []rtccodes.Product
	lang     string
	json     bool
	summary  string         // explain: a summary instead of each record: "", text, html or csv
	verbose  bool           // explain: each record's error on stderr
	site     string         // explain -summary=html: the reference site's address, for links
	format   explain.Format // explain: the input's format
	progress bool           // explain: show progress on stderr (a terminal)
}

// errWriter buffers the writes to w and remembers the first error, so that
// the tool can report it once, exit non-zero and stop reading its input.
type errWriter struct {
	w   *bufio.Writer
	err error
}

func (w *errWriter) Write(p []byte) (int, error) {
	if w.err != nil {
		return 0, w.err
	}
	n, err := w.w.Write(p)
	w.err = err
	return n, err
}

// Flush writes what is buffered: at exit, before anything is written to
// stderr, and before the input is read again (a followed pipe sees each
// record as it arrives). It reports whether writing still works.
func (w *errWriter) Flush() bool {
	if w.err == nil {
		w.err = w.w.Flush()
	}
	return w.err == nil
}

// flush flushes w when it is the tool's buffered output, and reports
// whether writing still works.
func flush(w io.Writer) bool {
	if ew, ok := w.(*errWriter); ok {
		return ew.Flush()
	}
	return true
}

// run is the tool: it parses args, writes to stdout and stderr, and returns
// the exit status.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	out := &errWriter{w: bufio.NewWriterSize(stdout, 64<<10)}
	status := command(args, stdin, out, stderr)
	if !out.Flush() {
		if brokenPipe(out.err) {
			return 0 // the reader stopped reading (| head): the output ends quietly
		}
		fmt.Fprintln(stderr, "rtccodes: writing the output:", out.err)
		return 2
	}
	if s, ok := stopped(); ok {
		return s
	}
	return status
}

// command runs the command args name.
func command(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("rtccodes", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var names []string
	for _, p := range rtccodes.Products() {
		names = append(names, p.ShortName())
	}
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), usage, strings.Join(names, ", "))
		fs.PrintDefaults()
	}
	productName := fs.String("product", "", "the product: "+strings.Join(names, ", ")+" (default: every product)")
	lang := fs.String("lang", "en", "the language: a BCP 47 tag (ja, fr-CA) or an Accept-Language value")
	asJSON := fs.Bool("json", false, "print JSON (explain: JSON Lines, one object a record)")
	var summary summaryFlag
	fs.Var(&summary, "summary", "explain: print a summary of the records instead of each one: text (-summary), html or csv (-summary=html)")
	verbose := fs.Bool("v", false, "explain: print each record that could not be read or carries no code on stderr")
	site := fs.String("site", "rtccodes-site/", "explain -summary=html: the address of the reference site (rtccodes site DIR) the report links to")
	format := fs.String("format", "auto", "explain: the input's format: auto, json, jsonl, csv or text")
	version := fs.Bool("version", false, "print the version and the editions of the data")
	words, err := parseInterspersed(fs, args)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	opts := options{products: rtccodes.Products(), lang: *lang, json: *asJSON, summary: string(summary), verbose: *verbose, site: *site, progress: terminal(stderr)}
	if opts.format, err = parseFormat(*format); err != nil {
		fmt.Fprintln(stderr, err)
		return 2
	}
	if *productName != "" {
		p, err := rtccodes.ParseProduct(*productName)
		if err != nil {
			fmt.Fprintln(stderr, err)
			return 2
		}
		opts.products = []rtccodes.Product{p}
	}
	if _, ok := rtccodes.MatchLanguage(opts.lang); !ok {
		fmt.Fprintf(stderr, "rtccodes: no text in %q; answering in English (languages: %s)\n", opts.lang, strings.Join(rtccodes.Languages(), ", "))
	}
	if *version {
		if len(words) > 0 {
			fmt.Fprintf(stderr, "rtccodes: -version takes no words, got %q\n", words)
			return 2
		}
		return printVersion(stdout, opts)
	}
	if len(words) == 0 {
		fs.Usage()
		return 2
	}
	switch words[0] {
	case "help":
		fs.SetOutput(stdout)
		fs.Usage()
		return 0
	case "list":
		if len(words) != 1 {
			fmt.Fprintf(stderr, "rtccodes: list takes no words, got %q; use -product to choose a table\n", words[1:])
			return 2
		}
		var entries []rtccodes.Entry
		for _, p := range opts.products {
			for e := range rtccodes.All(p) {
				entries = append(entries, e)
			}
		}
		printList(stdout, entries, opts, "")
		return 0
	case "search":
		return search(strings.Join(words[1:], " "), stdout, stderr, opts)
	case "explain":
		return explainFiles(words[1:], stdin, stdout, stderr, opts)
	case "export":
		return exportTables(words[1:], stdout, stderr, opts)
	case "site":
		return writeSite(words[1:], stdout, stderr, opts)
	}
	return lookup(words, stdout, stderr, opts)
}

// parseInterspersed parses flags wherever they stand among the words, and
// returns the words. Everything after "--" is a word, and so is an argument
// that starts with "- " (a pasted list item, not a flag) or is a negative
// number (a TRTC extra code: rtccodes -product trtc 0x4004 -10013).
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	var words []string
	for {
		if len(args) > 0 && (strings.HasPrefix(args[0], "- ") || negativeNumber(args[0])) {
			words, args = append(words, args[0]), args[1:]
			continue
		}
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
	text := strings.Join(words, " ")
	if len(words) > 2 || len(words) == 2 && !numeric(words[0]) {
		fmt.Fprintf(stderr, "rtccodes: %d words: a lookup takes CODE [SUBCODE] or one TEXT; quote a text with spaces: rtccodes %q\n", len(words), text)
		return 2
	}
	if strings.TrimSpace(text) == "" {
		fmt.Fprintln(stderr, "rtccodes: empty input: give CODE [SUBCODE] or a TEXT")
		return 2
	}
	var entries []rtccodes.Entry
	var listings []listing
	code, err := codetext.Parse(words[0])
	switch {
	case err == nil:
		q := rtccodes.Question{Products: opts.products, Code: code, HasCode: true}
		if len(words) == 2 {
			if q.Subcode, err = codetext.Parse(words[1]); err != nil {
				fmt.Fprintf(stderr, "rtccodes: bad SUBCODE: %v\n", err)
				return 2
			}
			q.HasSubcode = true
		}
		entries = answers(q)
		if len(words) == 1 {
			entries, listings = underCode(opts.products, code, entries)
		}
	case len(words) == 2:
		fmt.Fprintf(stderr, "rtccodes: bad CODE: %v\n", err)
		return 2
	default:
		// The text is read as explain reads a line; the tables' own strings
		// (a key, a hex code, a pair, a message) are looked up in every
		// product, and list each product's answer where the line's answer
		// is the first of them.
		entries = answers(rtccodes.Question{Products: opts.products, Text: text})
		var product rtccodes.Product
		if len(opts.products) == 1 {
			product = opts.products[0]
		}
		if x, err := explain.Line(product, text); err == nil && x.Found && (len(entries) == 0 || entries[0] != x.Entry) {
			entries = nil // the line's answer differs: it is the answer
		}
		if len(entries) == 0 {
			// A pasted line: its codes among other words.
			if x, err := explain.Line(product, text); err == nil {
				if opts.json { // a lookup's shape: the answer's entry, or none
					var found []rtccodes.Entry
					if x.Found {
						found = append(found, x.Entry)
					}
					writeJSONEntries(stdout, found, opts.lang)
				} else {
					printExplanation(stdout, stderr, x, opts.lang, true)
				}
				if !x.Found {
					return 1
				}
				return 0
			}
		}
		if len(entries) == 0 && numeric(text) && !strings.ContainsAny(strings.TrimSpace(text), " \t") {
			fmt.Fprintf(stderr, "rtccodes: bad CODE: %v\n", err)
			return 2
		}
		if len(entries) == 0 && strings.ContainsAny(strings.TrimSpace(text), " \t") && strings.ContainsFunc(text, isLetterOrDigit) {
			// A pasted line that names nothing: "no code", as explain says.
			fmt.Fprintf(stderr, "rtccodes: no code: nothing in %.80q is a code, key or message\n", text)
			if opts.json {
				writeJSONEntries(stdout, nil, opts.lang)
			}
			return 1
		}
		if len(entries) == 0 && !strings.ContainsFunc(text, isLetterOrDigit) {
			fmt.Fprintf(stderr, "rtccodes: %q cannot be a code, key or message\n", text)
			return 2
		}
	}
	if len(entries) == 0 && len(listings) == 0 {
		fmt.Fprintf(stderr, "rtccodes: nothing describes %q\n", text)
		if opts.json {
			writeJSONEntries(stdout, nil, opts.lang)
		}
		return 1
	}
	if opts.json {
		out := make([]jsonEntry, 0, len(entries))
		for _, e := range entries {
			out = append(out, toJSON(e, opts.lang))
		}
		for _, l := range listings {
			for _, e := range l.rows {
				j := toJSON(e, opts.lang)
				j.Listed = true
				out = append(out, j)
			}
		}
		writeJSON(stdout, out)
		return 0
	}
	if len(entries) > 0 && len(words) == 2 && err == nil {
		// The remarks explain makes on the pair, as explain makes them for a log line.
		if x, err := explain.Line(entries[0].Product, text); err == nil && x.Found && x.Entry == entries[0] {
			for _, n := range x.Notes {
				fmt.Fprintf(stdout, "Note:    %s\n", n)
			}
		}
	}
	for i, e := range entries {
		if i > 0 {
			fmt.Fprintln(stdout)
		}
		printEntry(stdout, e, opts.lang)
	}
	for i, l := range listings {
		if i > 0 || len(entries) > 0 {
			fmt.Fprintln(stdout)
		}
		fmt.Fprintf(stdout, "%s: %d documented rows under code %d, which has no row of its own:\n", l.product, len(l.rows), code)
		printRows(stdout, l.rows, opts.lang)
	}
	return 0
}

// listing is the documented rows of a product under a code.
type listing struct {
	product rtccodes.Product
	rows    []rtccodes.Entry
}

// underCode returns, for a code asked without a subcode, the documented rows
// under the code of each product that has no documented row of the code's
// own, after the answers.
func underCode(products []rtccodes.Product, code int, entries []rtccodes.Entry) ([]rtccodes.Entry, []listing) {
	var listings []listing
	for _, p := range products {
		if e, ok := rtccodes.Lookup(p, code); ok && e.HasCode && e.Code == code && !e.HasSubcode && e.Match != rtccodes.MatchClass && e.Match != rtccodes.MatchObserved && e.Match != rtccodes.MatchCodeRows {
			continue // the code's own row (a generic one too) answers
		}
		var rows []rtccodes.Entry
		for e := range rtccodes.All(p) {
			if e.HasCode && e.Code == code && e.Section != rtccodes.SectionClass && e.Section != rtccodes.SectionObserved {
				rows = append(rows, e)
			}
		}
		if len(rows) > 0 {
			listings = append(listings, listing{p, rows})
		}
	}
	return entries, listings
}

// printRows prints rows one a line under a header: pair, section, category
// and message.
func printRows(w io.Writer, rows []rtccodes.Entry, lang string) {
	tw := tabwriter.NewWriter(w, 0, 4, 1, ' ', 0)
	fmt.Fprintln(tw, "  PAIR\tSECTION\tCATEGORY\tMESSAGE")
	for _, e := range rows {
		fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\n", e.Pair(), e.Section, dash(string(e.Category)), e.Localized(lang).Message)
	}
	tw.Flush()
}

// numeric reports whether a word is meant as a number: it starts with a
// digit, or a sign and a digit.
// negativeNumber reports whether an argument is a negative number rather
// than a flag.
func negativeNumber(s string) bool {
	return len(s) > 1 && s[0] == '-' && s[1] >= '0' && s[1] <= '9'
}

func numeric(s string) bool {
	s = strings.TrimLeft(s, "+-")
	return s != "" && s[0] >= '0' && s[0] <= '9'
}

func isLetterOrDigit(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// answers asks every product and returns each product's answer, most
// specific first; the class answers only when no product has more to say.
func answers(q rtccodes.Question) []rtccodes.Entry {
	out := rtccodes.Resolve(q)
	if len(out) > 0 && out[0].Match != rtccodes.MatchClass {
		out = slices.DeleteFunc(out, func(e rtccodes.Entry) bool { return e.Match == rtccodes.MatchClass })
	}
	return out
}

// search prints the entries whose text contains query, each in the language
// it matched.
func search(query string, stdout, stderr io.Writer, opts options) int {
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
	printList(stdout, entries, opts, query)
	if len(entries) == 0 {
		fmt.Fprintf(stderr, "rtccodes: no entry contains %q\n", query)
		return 1
	}
	return 0
}

// matchedLang returns the language whose text contains query, preferring
// lang; lang when the query matched a key, a code or a revision.
func matchedLang(e rtccodes.Entry, query, lang string) string {
	if t, ok := e.TextContaining(query, lang); ok {
		return t.Lang
	}
	return lang
}

// printList prints entries one line each under a header row: product,
// pair, hex code, section, key, category, language and message. With a
// query, each entry's text is in the language the query matched.
func printList(stdout io.Writer, entries []rtccodes.Entry, opts options, query string) {
	langOf := func(e rtccodes.Entry) string {
		if query != "" {
			return matchedLang(e, query, opts.lang)
		}
		return opts.lang
	}
	if opts.json {
		out := make([]jsonEntry, len(entries))
		for i, e := range entries {
			out[i] = toJSON(e, langOf(e))
		}
		writeJSON(stdout, out)
		return
	}
	tw := tabwriter.NewWriter(stdout, 0, 4, 1, ' ', 0)
	fmt.Fprintln(tw, "PRODUCT\tPAIR\tHEX\tSECTION\tKEY\tCATEGORY\tOUTCOME\tLANG\tMESSAGE")
	for _, e := range entries {
		t := e.Localized(langOf(e))
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", e.Product, e.Pair(), dash(e.Hex), e.Section, dash(e.Key), dash(string(e.Category)), e.Outcome, t.Lang, t.Message)
	}
	tw.Flush()
}

func dash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

func writeJSONEntries(stdout io.Writer, entries []rtccodes.Entry, lang string) {
	out := make([]jsonEntry, len(entries))
	for i, e := range entries {
		out[i] = toJSON(e, lang)
	}
	writeJSON(stdout, out)
}

// printVersion prints the tool's module version and the editions of the
// documents its tables come from.
func printVersion(stdout io.Writer, opts options) int {
	version := "(devel)"
	if info, ok := debug.ReadBuildInfo(); ok && info.Main.Version != "" {
		version = info.Main.Version
	}
	sources := rtccodes.Sources()
	if opts.json {
		writeJSON(stdout, struct {
			Version string            `json:"version"`
			Sources []rtccodes.Source `json:"sources"`
		}{version, sources})
		return 0
	}
	fmt.Fprintf(stdout, "rtccodes %s\ndata:\n", version)
	tw := tabwriter.NewWriter(stdout, 0, 4, 1, ' ', 0)
	for _, s := range sources {
		names := make([]string, len(s.Products))
		for i, p := range s.Products {
			names[i] = p.String()
		}
		fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\n", dash(s.Date), s.Lang, strings.Join(names, ","), s.File)
	}
	tw.Flush()
	return 0
}

// writeJSON writes v indented; a write error is the errWriter's to report.
func writeJSON(stdout io.Writer, v any) {
	enc := json.NewEncoder(stdout)
	enc.SetIndent("", "  ")
	_ = enc.Encode(v)
}

// genericLinkText are link texts that say nothing without their page.
var genericLinkText = []string{"here", "page", "this page"}

// printEntry prints an entry in full: a header line with product, pair, hex
// code, key, category, section, match and language, then its texts, events,
// links, the edition of its text and a newer edition's revised text.
func printEntry(w io.Writer, e rtccodes.Entry, lang string) {
	t := e.Localized(lang)
	fmt.Fprintf(w, "%s %s", e.Product, e.Pair())
	if e.Hex != "" {
		fmt.Fprintf(w, " (%s)", e.Hex)
	}
	if e.Key != "" {
		fmt.Fprintf(w, " %s", e.Key)
	}
	if e.Category != "" {
		fmt.Fprintf(w, " %s", e.Category)
	}
	fmt.Fprintf(w, " [%s table, %s match, %s]\n", e.Section, e.Match, t.Lang)
	fmt.Fprintf(w, "  Outcome: %s\n", e.Outcome)
	fmt.Fprintf(w, "  Message: %s\n", t.Message)
	if t.Advice != "" {
		fmt.Fprintf(w, "  Advice:  %s\n", t.Advice)
	}
	if ev := e.Events(); len(ev) > 0 {
		fmt.Fprintf(w, "  Events:  %s\n", strings.Join(ev, ", "))
	}
	for _, l := range e.Links() {
		// The labels are the English edition's: in another language, or
		// when they say nothing alone ("here"), the URL stands alone.
		if t.Lang != "en" || slices.Contains(genericLinkText, strings.ToLower(l.Text)) {
			fmt.Fprintf(w, "  Link:    %s\n", l.URL)
		} else {
			fmt.Fprintf(w, "  Link:    %s: %s\n", l.Text, l.URL)
		}
	}
	if t.Edition != "" {
		fmt.Fprintf(w, "  Edition: %s\n", t.Edition)
	}
	if prov, ok := e.Provenance(); ok {
		if e.Section == rtccodes.SectionSDKEnum {
			fmt.Fprintf(w, "  Read in: %s, %s (%s), the SDK's own error codes\n", prov.Repository, prov.Path, prov.Revision)
		} else {
			fmt.Fprintf(w, "  Seen in: %s, %s (%s); the documents leave this code out\n", prov.Repository, prov.Path, prov.Revision)
		}
	}
	if e.Since != "" {
		fmt.Fprintf(w, "  Since:   %s\n", e.Since)
	}
	for _, r := range e.Revisions() {
		fmt.Fprintf(w, "  Revised: the %s edition words it (%s):\n", r.Edition, r.Lang)
		fmt.Fprintf(w, "    Message: %s\n", r.Message)
		if r.Advice != "" {
			fmt.Fprintf(w, "    Advice:  %s\n", r.Advice)
		}
	}
}

type jsonEntry struct {
	Product    string               `json:"product"`
	Section    string               `json:"section"`
	Pair       string               `json:"pair"`
	Code       *int                 `json:"code"`
	Subcode    *int                 `json:"subcode"`
	Key        string               `json:"key,omitempty"`
	DocKey     string               `json:"docKey,omitempty"`
	Hex        string               `json:"hex,omitempty"`
	Category   string               `json:"category"`
	Outcome    string               `json:"outcome"`
	Match      string               `json:"match"`
	Lang       string               `json:"lang"`
	Message    string               `json:"message"`
	Advice     string               `json:"advice"`
	Texts      []rtccodes.Text      `json:"texts,omitempty"`
	Events     []string             `json:"events,omitempty"`
	Links      []rtccodes.Link      `json:"links,omitempty"`
	Edition    string               `json:"edition,omitempty"`
	RowEdition string               `json:"rowEdition,omitempty"`
	Since      string               `json:"since,omitempty"`
	Revisions  []rtccodes.Text      `json:"revisions,omitempty"`
	Provenance *rtccodes.Provenance `json:"provenance,omitempty"`
	Listed     bool                 `json:"listed,omitempty"`
}

// toJSON is an entry as -json prints it: the shape of json.Marshal(e), with
// the text in lang (the best the entry has) and the others under texts.
func toJSON(e rtccodes.Entry, lang string) jsonEntry {
	t := e.Localized(lang)
	var texts []rtccodes.Text
	for _, l := range e.Langs() {
		if l != t.Lang {
			texts = append(texts, e.Localized(l))
		}
	}
	return jsonEntry{
		Product: e.Product.String(), Section: string(e.Section), Pair: e.Pair(), Code: number(e.HasCode, e.Code), Subcode: number(e.HasSubcode, e.Subcode),
		Key: e.Key, DocKey: e.DocKey, Hex: e.Hex, Category: string(e.Category), Outcome: string(e.Outcome), Match: e.Match.String(),
		Lang: t.Lang, Message: t.Message, Advice: t.Advice, Texts: texts, Events: e.Events(), Links: e.Links(), Edition: t.Edition,
		RowEdition: e.Edition, Since: e.Since, Revisions: e.Revisions(), Provenance: provenance(e),
	}
}

// provenance returns where a fact of the facts table was seen, or nil.
func provenance(e rtccodes.Entry) *rtccodes.Provenance {
	if p, ok := e.Provenance(); ok {
		return &p
	}
	return nil
}

// number is a code for JSON: null when absent.
func number(has bool, n int) *int {
	if !has {
		return nil
	}
	return &n
}

// summaryFlag is -summary: a boolean flag (-summary is text) that also
// takes a format (-summary=html, -summary=csv).
type summaryFlag string

func (f *summaryFlag) String() string   { return string(*f) }
func (f *summaryFlag) IsBoolFlag() bool { return true }

func (f *summaryFlag) Set(s string) error {
	switch strings.ToLower(s) {
	case "true", "text":
		*f = "text"
	case "false":
		*f = ""
	case "html", "csv":
		*f = summaryFlag(strings.ToLower(s))
	default:
		return fmt.Errorf("want text, html or csv")
	}
	return nil
}
