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
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

const usage = `usage: rtccodes [-product NAME] [-lang TAG] [-json] CODE [SUBCODE]
       rtccodes [-product NAME] [-lang TAG] [-json] TEXT
       rtccodes [-lang TAG] [-json] explain < payload.json

Explains an error code pair: what happened, its result category and advice.
  rtccodes 410 3112
  rtccodes -product pstn -lang ja 403 510403
  rtccodes -product trtc 0x4001 70001
  rtccodes -product trtc JOIN_ROOM_FAILED
  rtccodes -product trtc "NotAllowedError: Permission denied"
  rtccodes "Server Internal Error. DiagCode: 500#560500.@"
  echo '{"code": 487, "subCode": 10003}' | rtccodes explain

TEXT is a TRTC key, hex code or error message, or a message with a DiagCode.
explain reads a JSON payload from standard input: a Call Automation event,
a resultInformation object or a Calling SDK callEndReason.

Products: calling, callautomation, pstn, chat, sms, trtc.
Exit status: 0 explained, 1 unknown pair, 2 bad arguments.

Flags:
`

// run is the tool: it parses args, writes to stdout and stderr, and returns
// the exit status.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
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
	if fs.NArg() == 1 && fs.Arg(0) == "explain" {
		return explain(stdin, stdout, stderr, *lang, *asJSON)
	}
	var entries []rtccodes.Entry
	what := strings.Join(fs.Args(), " ")
	code, err := parseInt(fs.Arg(0))
	switch {
	case err == nil:
		subcode := rtccodes.NoSubcode
		if fs.NArg() == 2 {
			if subcode, err = parseInt(fs.Arg(1)); err != nil {
				fmt.Fprintf(stderr, "rtccodes: bad SUBCODE %q: %v\n", fs.Arg(1), err)
				return 2
			}
		}
		entries = best(products, func(p rtccodes.Product) (rtccodes.Entry, bool) { return rtccodes.Lookup(p, code, subcode) })
	case fs.NArg() == 2:
		fmt.Fprintf(stderr, "rtccodes: bad CODE %q: %v\n", fs.Arg(0), err)
		return 2
	default:
		entries = best(products, func(p rtccodes.Product) (rtccodes.Entry, bool) { return rtccodes.LookupString(p, fs.Arg(0)) })
	}
	if len(entries) == 0 {
		fmt.Fprintf(stderr, "rtccodes: nothing describes %q\n", what)
		return 1
	}
	return printEntries(stdout, stderr, entries, *lang, *asJSON)
}

func printEntries(stdout, stderr io.Writer, entries []rtccodes.Entry, lang string, asJSON bool) int {
	if asJSON {
		out := make([]jsonEntry, len(entries))
		for i, e := range entries {
			out[i] = toJSON(e, lang)
		}
		return writeJSON(stdout, stderr, out)
	}
	for i, e := range entries {
		if i > 0 {
			fmt.Fprintln(stdout)
		}
		printEntry(stdout, e, lang)
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
func explain(stdin io.Reader, stdout, stderr io.Writer, lang string, asJSON bool) int {
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
	if asJSON {
		out := jsonExplanation{Product: x.Product.String(), EventType: x.EventType, Code: x.Code, Subcode: x.Subcode,
			Message: x.Message, SIP: x.SIP, Q850: x.Q850}
		if x.Found {
			e := toJSON(x.Entry, lang)
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
	fmt.Fprintf(stdout, "Payload: %s %s", x.Product, pair(x.Code, x.Subcode))
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
	printEntry(stdout, x.Entry, lang)
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

func pair(code, subcode int) string {
	if subcode == rtccodes.NoSubcode {
		return strconv.Itoa(code)
	}
	return fmt.Sprintf("%d/%d", code, subcode)
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
		Product: e.Product.String(), Section: e.Section.String(), Code: e.Code, Subcode: e.Subcode,
		Key: e.Key, DocKey: e.DocKey, Hex: e.Hex, Category: string(e.Category), Match: e.Match.String(),
		Lang: t.Lang, Message: t.Message, Advice: t.Advice, Events: e.Events(), Links: e.Links(), Edition: e.Edition,
	}
}
