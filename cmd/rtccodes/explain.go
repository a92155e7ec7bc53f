package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"iter"
	"os"
	"strings"
	"time"

	"github.com/rtccodes/rtccodes"
	"github.com/rtccodes/rtccodes/explain"
)

// parseFormat reads the -format flag.
func parseFormat(s string) (explain.Format, error) {
	for f := explain.FormatAuto; f <= explain.FormatText; f++ {
		if strings.EqualFold(s, f.String()) {
			return f, nil
		}
	}
	return 0, fmt.Errorf("rtccodes: unknown format %q (want auto, json, jsonl, csv or text)", s)
}

// terminal reports whether w is a terminal, where progress may be shown.
func terminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

// explain explains the records of files, or of standard input without
// files, and returns the exit status: 0 when every record is explained, 1
// when a record has nothing to explain or nothing describes it, 2 when a
// record could not be read.
func explainFiles(files []string, stdin io.Reader, stdout, stderr io.Writer, opts options) int {
	names := []string{""}
	if len(files) > 0 {
		names = files
	}
	if len(names) > 1 && (opts.summary == "html" || opts.summary == "csv") && !opts.json {
		fmt.Fprintf(stderr, "rtccodes: -summary=%s makes one page of one input; join the files into one (cat a b | rtccodes explain -summary=%[1]s)\n", opts.summary)
		return 2
	}
	so := explain.Options{Format: opts.format}
	if len(opts.products) == 1 {
		so.Product = opts.products[0]
	}
	p := &printer{stdout: stdout, stderr: stderr, opts: opts, start: time.Now()}
	for _, name := range names {
		// Files are opened and read one after another: a file that cannot
		// be read is an error in its place, and the others are explained.
		r := stdin
		if name == "-" {
			name = "" // standard input
		}
		if name != "" {
			if st, err := os.Stat(name); err == nil && st.IsDir() {
				p.unreadable++
				p.fileError(name, fmt.Errorf("explain: %s is a directory; give it files", name))
				continue
			}
			f, err := os.Open(name)
			if err != nil {
				p.unreadable++
				p.fileError(name, err)
				continue
			}
			r = f
		}
		seen := &nonSpace{r: r, out: stdout}
		before := p.records
		p.explain(name, explain.Stream(seen, so))
		if c, ok := r.(io.Closer); ok && name != "" {
			c.Close()
		}
		if !flush(stdout) {
			return 2 // run reports the write error
		}
		if _, ok := stopped(); ok {
			break
		}
		switch {
		case seen.err != nil && !errors.Is(seen.err, io.EOF) && p.records == before:
			p.unreadable++
			p.fileError(name, fmt.Errorf("reading %s: %w", inputName(name), seen.err))
		case !seen.any:
			p.unreadable++
			p.fileError(name, fmt.Errorf("explain: %s is empty; give it payloads: JSON, JSON Lines, CSV or log lines", inputName(name)))
		case p.records == before:
			p.unreadable++
			p.fileError(name, fmt.Errorf("explain: %s holds no record (a CSV header alone?); give it payloads: JSON, JSON Lines, CSV or log lines", inputName(name)))
		}
	}
	p.endProgress()
	if p.quiet > 0 {
		fmt.Fprintf(p.stderr, "rtccodes: %s; -v lists each\n", p.notExplained())
	}
	if p.unreadable > 0 {
		return 2
	}
	return 0
}

// notExplained says how many records carry no code and how many could not
// be read: "3 records carry no code, 1 could not be read".
func (p *printer) notExplained() string {
	s := fmt.Sprintf("%d %s no code", p.noCode, plural(p.noCode, "record carries", "records carry"))
	if n := p.records - p.noCode - p.withCode; n > 0 {
		s += fmt.Sprintf(", %d could not be read", n)
	}
	return s
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// explain prints, or summarizes, the records of one input; it stops at a
// write error.
func (p *printer) explain(name string, records iter.Seq2[explain.Record, error]) {
	if p.opts.summary != "" {
		s := explain.Summarize(func(yield func(explain.Record, error) bool) {
			for rec, err := range records {
				p.count(rec.Found, err)
				if _, ok := stopped(); ok || !yield(rec, err) {
					return // a signal: the summary of the records read
				}
			}
		})
		p.summary(name, s)
		return
	}
	for rec, err := range records {
		p.count(rec.Found, err)
		p.record(name, rec, err)
		if _, ok := stopped(); ok {
			break // a signal: after the record written
		}
	}
	p.flush()
}

// fileError reports an input that could not be read or held nothing: on
// stderr, and under -json as a record of its own, in its place.
func (p *printer) fileError(name string, err error) {
	if p.opts.json {
		b, _ := json.Marshal(jsonExplanation{File: name, Error: "rtccodes: " + err.Error(), Reason: explain.ReasonRead})
		fmt.Fprintf(p.stdout, "%s\n", b)
	}
	flush(p.stdout)
	fmt.Fprintln(p.stderr, "rtccodes:", err)
}

// errStopped ends the reading of an input after a write error.
var errStopped = errors.New("the output cannot be written")

func inputName(name string) string {
	if name == "" {
		return "standard input"
	}
	return name
}

// nonSpace reads r and remembers whether it read anything but white space,
// and the read error it met.
type nonSpace struct {
	r   io.Reader
	out io.Writer // flushed before each read: the read may wait
	any bool
	err error
}

func (n *nonSpace) Read(b []byte) (int, error) {
	if !flush(n.out) {
		return 0, errStopped
	}
	reading.Store(true)         // the output is flushed: a signal may end the tool now
	if _, ok := stopped(); ok { // one that came before it could
		reading.Store(false)
		return 0, io.EOF
	}
	k, err := n.r.Read(b)
	reading.Store(false)
	if !n.any && strings.TrimSpace(strings.TrimPrefix(string(b[:k]), "\ufeff")) != "" {
		n.any = true
	}
	if err != nil {
		n.err = err
	}
	return k, err
}

// printer prints the records of explain, one by one: a stream of one
// record prints as a single payload does, a longer one names each record's
// position.
type printer struct {
	stdout, stderr io.Writer
	opts           options
	pending        *pendingRecord // the first record, until a second comes
	printed        int
	records        int
	noCode         int // records with nothing to explain
	withCode       int // records with a code, described or not
	unreadable     int // records and inputs that could not be read
	quiet          int // record errors not printed: -v prints them
	start          time.Time
	lastProgress   time.Time
	entries        map[rtccodes.Entry][]byte // entries as JSON, by entry
	buf            []byte                    // a record as JSON
}

type pendingRecord struct {
	file string
	rec  explain.Record
	err  error
}

// count counts a record and shows progress on a terminal.
func (p *printer) count(found bool, err error) {
	p.records++
	switch {
	case err == nil:
		p.withCode++
	case hasNoCode(err):
		p.noCode++
	default:
		p.unreadable++
	}
	if p.opts.progress && p.records%1000 == 0 && time.Since(p.lastProgress) > 200*time.Millisecond {
		p.lastProgress = time.Now()
		flush(p.stdout)
		fmt.Fprintf(p.stderr, "\rrtccodes: %d records, %.0f records/s", p.records, float64(p.records)/time.Since(p.start).Seconds())
	}
}

// hasNoCode reports whether a record's error is that it carries no code.
func hasNoCode(err error) bool {
	if re, ok := err.(*explain.RecordError); ok { // as Stream yields them
		return re.Reason == explain.ReasonNoCode
	}
	var re *explain.RecordError
	return errors.As(err, &re) && re.Reason == explain.ReasonNoCode
}

// endProgress ends the progress line.
func (p *printer) endProgress() {
	if p.opts.progress && !p.lastProgress.IsZero() {
		fmt.Fprintf(p.stderr, "\rrtccodes: %d records in %s\n", p.records, time.Since(p.start).Round(time.Millisecond))
	}
}

// record prints a record, holding the first back until it knows whether
// the stream has more.
func (p *printer) record(file string, rec explain.Record, err error) {
	if p.opts.json {
		p.print(file, rec, err, true)
		return
	}
	if p.printed == 0 && p.pending == nil {
		p.pending = &pendingRecord{file, rec, err}
		return
	}
	if p.pending != nil {
		p.print(p.pending.file, p.pending.rec, p.pending.err, true)
		p.pending = nil
	}
	p.print(file, rec, err, true)
}

// flush prints a held-back record: the stream's only one, as a single
// payload.
func (p *printer) flush() {
	if p.pending != nil {
		p.print(p.pending.file, p.pending.rec, p.pending.err, false)
		p.pending = nil
	}
}

// where writes a record's position: "calls.csv line 3, index 2".
func where(file string, rec explain.Record) string {
	s := fmt.Sprintf("line %d", rec.Line)
	if rec.Index >= 0 {
		s += fmt.Sprintf(", index %d", rec.Index)
	}
	if file != "" {
		s = file + " " + s
	}
	return s
}

// print prints a record: in JSON, one line; else its explanation, named by
// its position when the stream has more than one.
func (p *printer) print(file string, rec explain.Record, err error, positioned bool) {
	p.printed++
	if p.opts.json {
		x := rec.Explanation
		found := x.Found
		x.Found = false // the entry is written below, once for every record it answers
		out := toJSONExplanation(x, p.opts.lang)
		out.File, out.Line, out.Offset, out.Index, out.Found = file, rec.Line, &rec.Offset, &rec.Index, found
		if err != nil {
			out = jsonExplanation{File: file, Line: rec.Line, Offset: &rec.Offset, Index: &rec.Index, Error: err.Error(), Reason: reasonOf(err)}
			var re *explain.RecordError
			if errors.As(err, &re) && (re.EventType != "" || re.Context != (explain.Context{})) {
				out.EventType = re.EventType
				if re.Context != (explain.Context{}) {
					c := re.Context
					out.Context = &c
				}
			}
		}
		var entry []byte
		if err == nil && found {
			entry = p.entryJSON(rec.Entry)
		}
		p.buf = append(appendRecord(p.buf[:0], &out, entry), '\n')
		p.stdout.Write(p.buf)
		return
	}
	if err != nil {
		at := "payload"
		if positioned {
			at = where(file, rec)
		}
		if positioned && !p.opts.verbose {
			p.quiet++
			return
		}
		flush(p.stdout) // in order with the explanations
		msg := strings.TrimPrefix(errors.Unwrap(err).Error(), "rtccodes: payload: ")
		if re, ok := err.(*explain.RecordError); ok && re.EventType != "" {
			msg += " (event " + re.EventType + ")"
		}
		fmt.Fprintf(p.stderr, "rtccodes: %s: %s: %v\n", at, reasonOf(err), msg)
		return
	}
	if p.printed > 1 {
		fmt.Fprintln(p.stdout)
	}
	if positioned {
		fmt.Fprintf(p.stdout, "Record:  %s (%s)\n", where(file, rec), rec.Format)
	}
	printExplanation(p.stdout, p.stderr, rec.Explanation, p.opts.lang, !positioned)
}

// entryJSON returns an entry as JSON, marshalled once for all the records
// it answers (a bounded cache).
func (p *printer) entryJSON(e rtccodes.Entry) []byte {
	if b, ok := p.entries[e]; ok {
		return b
	}
	if p.entries == nil || len(p.entries) >= 1024 {
		p.entries = map[rtccodes.Entry][]byte{}
	}
	b, _ := json.Marshal(toJSON(e, p.opts.lang))
	p.entries[e] = b
	return b
}

// reasonOf is a record error's reason.
func reasonOf(err error) string {
	var re *explain.RecordError
	if errors.As(err, &re) {
		return re.Reason
	}
	return explain.ReasonMalformed
}

// printExplanation prints what the payload carries, its diagnostics, the
// answer, the remarks and other products' rows.
func printExplanation(stdout, stderr io.Writer, x explain.Explanation, lang string, single bool) {
	if x.EventType != "" {
		fmt.Fprintf(stdout, "Event:   %s\n", x.EventType)
	}
	if x.Product != 0 {
		fmt.Fprintf(stdout, "Payload: %s %s", x.Product, x.Pair())
	} else {
		fmt.Fprintf(stdout, "Payload: %s", x.Pair())
	}
	if x.Message != "" {
		fmt.Fprintf(stdout, " %q", x.Message)
	}
	fmt.Fprintln(stdout)
	if x.Inferred != "" && x.Inferred != "given" {
		fmt.Fprintf(stdout, "Product: %s, from %s\n", x.Product, x.Inferred)
	}
	if c := contextText(x.Context); c != "" {
		fmt.Fprintf(stdout, "Context: %s\n", c)
	}
	for _, d := range []struct {
		name string
		d    *explain.Diagnostic
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
	if len(x.ResultCategories) > 0 {
		fmt.Fprintf(stdout, "Reports: %s\n", strings.Join(x.ResultCategories, ", "))
	}
	for _, n := range x.Notes {
		fmt.Fprintf(stdout, "Note:    %s\n", n)
	}
	if x.Found {
		printEntry(stdout, x.Entry, lang)
	} else if single {
		flush(stdout)
		fmt.Fprintln(stderr, "rtccodes: nothing describes the payload's codes")
	} else {
		fmt.Fprintln(stdout, "  Nothing describes the payload's codes.")
	}
	for _, e := range x.Also {
		fmt.Fprintf(stdout, "\nAlso documented by %s:\n", e.Product)
		printEntry(stdout, e, lang)
	}
}

// jsonExplanation is a record of explain in JSON: its position, and its
// explanation or its error.
type jsonExplanation struct {
	File             string              `json:"file,omitempty"`
	Line             int                 `json:"line,omitempty"`
	Offset           *int64              `json:"offset,omitempty"`
	Index            *int                `json:"index,omitempty"`
	Error            string              `json:"error,omitempty"`
	Reason           string              `json:"reason,omitempty"`
	Product          string              `json:"product,omitempty"`
	Inferred         string              `json:"inferred,omitempty"`
	EventType        string              `json:"eventType,omitempty"`
	Code             *int                `json:"code"`
	Subcode          *int                `json:"subcode"`
	Message          string              `json:"message,omitempty"`
	SIP              *explain.Diagnostic `json:"sip,omitempty"`
	Q850             *explain.Diagnostic `json:"q850,omitempty"`
	ResultCategories []string            `json:"resultCategories,omitempty"`
	Notes            []string            `json:"notes,omitempty"`
	Context          *explain.Context    `json:"context,omitempty"`
	Found            bool                `json:"found"`
	Entry            *jsonEntry          `json:"entry"`
	Also             []jsonEntry         `json:"also,omitempty"`
}

func toJSONExplanation(x explain.Explanation, lang string) jsonExplanation {
	out := jsonExplanation{Product: x.Product.String(), Inferred: x.Inferred, EventType: x.EventType, Code: number(x.HasCode, x.Code), Subcode: number(x.HasSubcode, x.Subcode),
		Message: x.Message, SIP: x.SIP, Q850: x.Q850, ResultCategories: x.ResultCategories, Notes: x.Notes, Found: x.Found}
	if x.Product == 0 {
		out.Product = "" // no product: nothing chose one
	}
	if x.Context != (explain.Context{}) {
		out.Context = &x.Context
	}
	if x.Found {
		e := toJSON(x.Entry, lang)
		out.Entry = &e
	}
	for _, e := range x.Also {
		out.Also = append(out.Also, toJSON(e, lang))
	}
	return out
}

// contextText writes what ties a record to its call, the fields it has:
// "callConnectionId 421f, correlationId c-1, time 2026-11-20T12:00:00Z".
func contextText(c explain.Context) string {
	var parts []string
	for _, f := range []struct{ name, value string }{
		{"callConnectionId", c.CallConnectionID}, {"serverCallId", c.ServerCallID}, {"correlationId", c.CorrelationID},
		{"participantId", c.ParticipantID}, {"eventId", c.EventID}, {"time", c.Time},
	} {
		if f.value != "" {
			parts = append(parts, f.name+" "+f.value)
		}
	}
	return strings.Join(parts, ", ")
}
