package explain

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"iter"
	"strings"

	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"

	"github.com/rtccodes/rtccodes"
)

// Format is how a stream of payloads is written.
type Format uint8

// The stream formats.
const (
	// FormatAuto detects the format from the stream's start: '[' or '{' is
	// JSON (JSON Lines when the first line holds a whole value), a first
	// line that names code columns is CSV, anything else is text.
	FormatAuto Format = iota
	// FormatJSON is one JSON value, values one after another, or arrays of
	// them (Event Grid and CloudEvents batches), in any layout.
	FormatJSON
	// FormatJSONLines is one JSON value a line; a line may hold an array.
	FormatJSONLines
	// FormatCSV is a header row, then a record a row, as a Log Analytics
	// export writes it: columns found by name, quoted fields, CRLF.
	FormatCSV
	// FormatText is a record a line: log lines and pasted errors, whose
	// DiagCodes, code and subcode fields, TRTC keys, hex codes and messages
	// are read from the text.
	FormatText
)

var formatNames = [...]string{FormatAuto: "auto", FormatJSON: "json", FormatJSONLines: "jsonl", FormatCSV: "csv", FormatText: "text"}

// String returns the format's name: auto, json, jsonl, csv or text.
func (f Format) String() string {
	if int(f) < len(formatNames) {
		return formatNames[f]
	}
	return fmt.Sprintf("Format(%d)", uint8(f))
}

// DefaultMaxRecord is the size of the largest record Stream reads
// unless Options says otherwise: 1 MiB.
const DefaultMaxRecord = 1 << 20

// Options tell Stream how to read a stream.
type Options struct {
	// Product reads every record as this product (see PayloadAs); 0 infers
	// it record by record.
	Product rtccodes.Product
	// Format is the stream's format; FormatAuto detects it.
	Format Format
	// MaxRecord is the size in bytes of the largest record read; a larger
	// one is skipped, not read into memory, and reported. 0 means
	// DefaultMaxRecord.
	MaxRecord int
}

// Record is one record of a stream and its explanation.
type Record struct {
	// Line is the line the record starts on, counted from 1.
	Line int
	// Index is the record's index in its JSON array, from 0; -1 for a record
	// outside an array.
	Index int
	// Format is the format the record was read in.
	Format Format
	Explanation
}

// The reasons of a RecordError.
const (
	// ReasonMalformed: the record is not valid JSON or CSV, or a field has
	// the wrong type.
	ReasonMalformed = "malformed"
	// ReasonNoCode: the record is valid but carries no code: nothing to
	// explain (an SMS delivery report, a CallConnected without a result).
	ReasonNoCode = "no code"
	// ReasonTooLarge: the record is larger than Options.MaxRecord.
	ReasonTooLarge = "too large"
	// ReasonTruncated: the stream ends inside the record.
	ReasonTruncated = "truncated"
	// ReasonRead: reading the stream failed; the stream ends there.
	ReasonRead = "read error"
)

// RecordError is the error of one record of a stream: where the record is
// and why it was not explained. The stream goes on after it, but after
// ReasonRead.
type RecordError struct {
	// Line and Index are where the record is, as in Record.
	Line, Index int
	// Reason is one of the Reason constants.
	Reason string
	// Err is the error underneath.
	Err error
}

// Error reads like "rtccodes: line 3: malformed: ...".
func (e *RecordError) Error() string {
	at := fmt.Sprintf("line %d", e.Line)
	if e.Index >= 0 {
		at += fmt.Sprintf(", index %d", e.Index)
	}
	return fmt.Sprintf("rtccodes: %s: %s: %v", at, e.Reason, e.Err)
}

// Unwrap returns the error underneath, such as ErrNoCodes.
func (e *RecordError) Unwrap() error { return e.Err }

// Stream reads payloads from r and yields, lazily and in constant
// memory, an explanation for each record, or an error for each record it
// cannot explain (a *RecordError with the record's position and reason):
// one bad record never stops the stream, and every record is yielded, as an
// explanation or as an error. It reads the formats of Options.Format:
// JSON values and arrays (Event Grid and CloudEvents batches of any
// length), JSON Lines, CSV exports and text lines; each record is read as
// Payload reads a payload, and a text line as Line reads it. Options that
// name no product or no format yield one error, ErrOptions, and nothing
// else.
func Stream(r io.Reader, opts Options) iter.Seq2[Record, error] {
	return func(yield func(Record, error) bool) {
		if err := opts.check(); err != nil {
			yield(Record{Line: 1, Index: -1}, err)
			return
		}
		s := &stream{br: bufio.NewReaderSize(r, 64<<10), line: 1, opts: opts, yield: yield}
		if s.opts.MaxRecord <= 0 {
			s.opts.MaxRecord = DefaultMaxRecord
		}
		s.run()
	}
}

// ErrOptions is the error of Options that name no product or no format.
var ErrOptions = errors.New("rtccodes: bad stream options")

// check reports options that name no product (other than 0, which infers
// it) or no format.
func (o Options) check() error {
	if o.Product != 0 && !valid(o.Product) {
		return fmt.Errorf("%w: %v is not a product", ErrOptions, o.Product)
	}
	if int(o.Format) >= len(formatNames) {
		return fmt.Errorf("%w: %v is not a format", ErrOptions, o.Format)
	}
	return nil
}

// stream is the state of one Stream.
type stream struct {
	br    *bufio.Reader
	line  int // the line of the next byte
	opts  Options
	yield func(Record, error) bool
	done  bool // the consumer stopped
	// csvSep separates the fields of a CSV stream: ',' as the portal and
	// Log Analytics export, ';' as spreadsheets in decimal-comma locales
	// write, '\t' as a grid's copy pastes.
	csvSep byte
}

// emit yields an explanation or an error of a record.
func (s *stream) emit(line, index int, f Format, x Explanation, err error) {
	if s.done {
		return
	}
	if err != nil {
		reason := ReasonMalformed
		var re *RecordError
		switch {
		case errors.As(err, &re):
			s.done = !s.yield(Record{Line: line, Index: index, Format: f}, re)
			return
		case errors.Is(err, ErrNoCodes):
			reason = ReasonNoCode
		}
		err = &RecordError{Line: line, Index: index, Reason: reason, Err: err}
		s.done = !s.yield(Record{Line: line, Index: index, Format: f}, err)
		return
	}
	s.done = !s.yield(Record{Line: line, Index: index, Format: f, Explanation: x}, nil)
}

// fail yields a stream-level error at the current line.
func (s *stream) fail(line, index int, reason string, err error) {
	s.emit(line, index, s.opts.Format, Explanation{}, &RecordError{Line: line, Index: index, Reason: reason, Err: err})
}

func (s *stream) run() {
	s.skipBOM()
	f := s.opts.Format
	if f == FormatAuto {
		c, err := s.peekNonSpace()
		if err != nil {
			if err != io.EOF {
				s.fail(s.line, -1, ReasonRead, err)
			}
			return
		}
		switch {
		case c == '[' || c == '{':
			f = s.detectJSON()
		default:
			f = FormatText
			if s.detectCSV() {
				f = FormatCSV
			}
		}
		s.opts.Format = f
	}
	switch f {
	case FormatJSON:
		s.readValues()
	case FormatJSONLines:
		s.readLines(s.jsonLine)
	case FormatCSV:
		s.readCSV()
	default:
		s.readLines(s.textLine)
	}
}

// skipBOM skips a UTF-8 byte order mark, and reads a stream that starts
// with a UTF-16 one (what PowerShell's > writes) as UTF-16, little or big
// endian as the mark says.
func (s *stream) skipBOM() {
	b, _ := s.br.Peek(3)
	switch {
	case bytes.HasPrefix(b, []byte("\xef\xbb\xbf")):
		s.br.Discard(3)
	case bytes.HasPrefix(b, []byte("\xff\xfe")), bytes.HasPrefix(b, []byte("\xfe\xff")):
		utf16 := unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM)
		s.br = bufio.NewReaderSize(transform.NewReader(s.br, utf16.NewDecoder()), 64<<10)
	}
}

// peekNonSpace skips white space and returns the next byte, unread.
func (s *stream) peekNonSpace() (byte, error) {
	for {
		b, err := s.br.ReadByte()
		if err != nil {
			return 0, err
		}
		switch b {
		case '\n':
			s.line++
			continue
		case ' ', '\t', '\r':
			continue
		}
		s.br.UnreadByte()
		return b, nil
	}
}

// peekLine returns the next line, unread, without its end, and whether it
// is whole: it reads only until the line ends (a stream that is still
// being written, such as a followed log, is not waited on), and at most the
// buffer's size.
func (s *stream) peekLine() ([]byte, bool) {
	for {
		b, _ := s.br.Peek(s.br.Buffered()) // what is here, without reading
		if i := bytes.IndexByte(b, '\n'); i >= 0 {
			return b[:i], true
		}
		if len(b) == s.br.Size() {
			return b, false
		}
		if _, err := s.br.Peek(len(b) + 1); err != nil { // wait for more
			b, _ = s.br.Peek(s.br.Buffered())
			return b, err == io.EOF
		}
	}
}

// detectJSON tells JSON Lines from other JSON: JSON Lines when the first
// line is a whole JSON value.
func (s *stream) detectJSON() Format {
	b, whole := s.peekLine()
	b = bytes.TrimSpace(b)
	if whole && json.Valid(b) {
		return FormatJSONLines
	}
	if whole && !jsonPrefix(b) {
		return FormatText // "[2026-11-20 10:00:05] WARN ...": a log line, not JSON
	}
	return FormatJSON
}

// jsonPrefix reports whether a line can start a JSON value that goes on
// past it: reading its tokens ends at the line's end, not at a syntax
// error.
func jsonPrefix(line []byte) bool {
	d := json.NewDecoder(bytes.NewReader(line))
	for {
		if _, err := d.Token(); err != nil {
			var syntax *json.SyntaxError
			return err == io.EOF || errors.Is(err, io.ErrUnexpectedEOF) || !errors.As(err, &syntax) && !strings.Contains(err.Error(), "invalid character")
		}
	}
}

// detectCSV reports whether the first line is a CSV header that names a
// code column.
func (s *stream) detectCSV() bool {
	b, _ := s.peekLine()
	for _, sep := range []byte{',', ';', '\t'} {
		if bytes.IndexByte(b, sep) < 0 {
			continue
		}
		if header, err := csvFields(string(b), sep); err == nil && csvColumns(header).hasCode() {
			s.csvSep = sep
			return true
		}
	}
	return false
}

// readLine reads a line of at most MaxRecord bytes, without its line end.
// A longer line is skipped to its end and reported as too large.
func (s *stream) readLine() (line []byte, tooLarge bool, err error) {
	var buf []byte
	for {
		chunk, err := s.br.ReadSlice('\n')
		if !tooLarge {
			if len(buf)+len(chunk) > s.opts.MaxRecord+2 { // the line end is not the record's
				tooLarge, buf = true, nil
			} else {
				buf = append(buf, chunk...)
			}
		}
		switch err {
		case bufio.ErrBufferFull:
			continue
		case nil:
			s.line++
			return bytes.TrimRight(buf, "\r\n"), tooLarge, nil
		default:
			if err == io.EOF && (len(buf) > 0 || tooLarge) {
				return bytes.TrimRight(buf, "\r\n"), tooLarge, nil
			}
			return nil, tooLarge, err
		}
	}
}

// readLines reads a record a line, passing over blank lines.
func (s *stream) readLines(record func(line int, b []byte)) {
	for !s.done {
		line := s.line
		b, tooLarge, err := s.readLine()
		switch {
		case err == io.EOF:
			return
		case err != nil:
			s.fail(line, -1, ReasonRead, err)
			return
		case tooLarge:
			s.fail(line, -1, ReasonTooLarge, fmt.Errorf("the line is longer than %d bytes", s.opts.MaxRecord))
		case len(bytes.TrimSpace(b)) > 0:
			record(line, b)
		}
	}
}

// jsonLine explains a line of JSON Lines: one value, or an array of them.
func (s *stream) jsonLine(line int, b []byte) {
	b = bytes.TrimSpace(b)
	if b[0] == '[' {
		var batch []json.RawMessage
		if err := json.Unmarshal(b, &batch); err != nil {
			s.emit(line, -1, FormatJSONLines, Explanation{}, fmt.Errorf("rtccodes: payload: %w", err))
			return
		}
		for i, v := range batch {
			x, err := explainValue(s.opts.Product, v)
			s.emit(line, i, FormatJSONLines, x, err)
		}
		return
	}
	x, err := explainValue(s.opts.Product, b)
	s.emit(line, -1, FormatJSONLines, x, err)
}

// explainValue explains one JSON value, as product p or inferring it: data
// after the value, and a key Payload reads given twice with different
// values, are errors.
func explainValue(p rtccodes.Product, b []byte) (Explanation, error) {
	var rec rawRecord
	if err := json.Unmarshal(b, &rec); err != nil {
		return Explanation{}, fmt.Errorf("rtccodes: payload: %w", err)
	}
	if err := checkKeys(b); err != nil {
		return Explanation{}, fmt.Errorf("rtccodes: payload: %w", err)
	}
	return explainRecord(p, &rec)
}

// readValues reads JSON values one after another, and the elements of
// arrays, in any layout.
func (s *stream) readValues() {
	for !s.done {
		c, err := s.peekNonSpace()
		switch {
		case err == io.EOF:
			return
		case err != nil:
			s.fail(s.line, -1, ReasonRead, err)
			return
		case c == '[':
			s.br.ReadByte()
			if !s.readArray() {
				return
			}
		default:
			line := s.line
			v, tooLarge, err := s.scanValue()
			if !s.value(line, -1, v, tooLarge, err) {
				return
			}
		}
	}
}

// readArray reads the elements of an array whose '[' was read, and reports
// whether the stream goes on after it.
func (s *stream) readArray() bool {
	start := s.line
	for i := 0; !s.done; i++ {
		c, err := s.peekNonSpace()
		if err == nil && c == ',' && i > 0 {
			s.br.ReadByte()
			c, err = s.peekNonSpace()
		}
		switch {
		case err == io.EOF:
			s.fail(start, i, ReasonTruncated, fmt.Errorf("the array that starts on line %d has no end", start))
			return false
		case err != nil:
			s.fail(s.line, i, ReasonRead, err)
			return false
		case c == ']':
			s.br.ReadByte()
			return true
		}
		line := s.line
		v, tooLarge, err := s.scanValue()
		if !s.value(line, i, v, tooLarge, err) {
			return false
		}
	}
	return false
}

// value explains a scanned value, or reports why it cannot, and reports
// whether the stream goes on.
func (s *stream) value(line, index int, v []byte, tooLarge bool, err error) bool {
	switch {
	case err == io.ErrUnexpectedEOF:
		s.fail(line, index, ReasonTruncated, errors.New("the stream ends inside the record"))
		return false
	case err != nil:
		s.fail(line, index, ReasonRead, err)
		return false
	case tooLarge:
		s.fail(line, index, ReasonTooLarge, fmt.Errorf("the record is larger than %d bytes", s.opts.MaxRecord))
		return true
	}
	x, err := explainValue(s.opts.Product, v)
	s.emit(line, index, FormatJSON, x, err)
	return true
}

// scanValue reads the bytes of one JSON value: an object or an array to
// its matching end (outside strings), a string to its end, anything else to
// the next delimiter. It does not validate them; it keeps at most
// MaxRecord bytes and reads on to the end of a larger value.
func (s *stream) scanValue() (v []byte, tooLarge bool, err error) {
	var buf []byte
	keep := func(b byte) {
		if tooLarge {
			return
		}
		if len(buf) >= s.opts.MaxRecord {
			tooLarge, buf = true, nil
			return
		}
		buf = append(buf, b)
	}
	depth, inString, escaped := 0, false, false
	for {
		b, err := s.br.ReadByte()
		if err == io.EOF {
			if depth > 0 || inString {
				return nil, tooLarge, io.ErrUnexpectedEOF
			}
			return buf, tooLarge, nil
		}
		if err != nil {
			return nil, tooLarge, err
		}
		if b == '\n' {
			s.line++
		}
		switch {
		case inString:
			keep(b)
			switch {
			case escaped:
				escaped = false
			case b == '\\':
				escaped = true
			case b == '"':
				inString = false
				if depth == 0 {
					return buf, tooLarge, nil
				}
			}
			continue
		case b == '"':
			inString = true
		case b == '{' || b == '[':
			depth++
		case depth == 0 && len(buf) == 0 && (b == '}' || b == ']' || b == ','):
			return []byte{b}, false, nil // a stray byte: a malformed record of its own
		case b == '}' || b == ']':
			if depth == 0 { // the end of an enclosing array
				s.br.UnreadByte()
				return buf, tooLarge, nil
			}
			depth--
			if depth == 0 {
				keep(b)
				return buf, tooLarge, nil
			}
		case depth == 0 && (b == ',' || b == ' ' || b == '\n' || b == '\t' || b == '\r'):
			if b == '\n' {
				s.line--
			}
			s.br.UnreadByte()
			return buf, tooLarge, nil
		}
		keep(b)
	}
}

// textLine explains a line of text.
func (s *stream) textLine(line int, b []byte) {
	x, err := Line(s.opts.Product, string(b))
	s.emit(line, -1, FormatText, x, err)
}

// columns are the code columns of a CSV header, by their index; -1 for
// none.
type columns struct {
	code, subcode, extraCode, endReason, endSubCode, categories, message, eventType, name int
	callConnectionID, serverCallID, correlationID, participantID, time                    int
}

// csvColumns finds the columns of a header by name, ignoring case, spaces,
// hyphens and underscores.
func csvColumns(header []string) columns {
	c := columns{-1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1}
	for i, h := range header {
		name := strings.NewReplacer(" ", "", "_", "", "-", "", "\ufeff", "").Replace(strings.ToLower(strings.TrimSpace(h)))
		for _, col := range []struct {
			names []string
			index *int
		}{
			{[]string{"code", "resultcode", "errorcode"}, &c.code},
			{[]string{"subcode", "resultsubcode"}, &c.subcode},
			{[]string{"extracode"}, &c.extraCode},
			{[]string{"participantendreason"}, &c.endReason},
			{[]string{"participantendsubcode"}, &c.endSubCode},
			{[]string{"resultcategories", "resultcategory"}, &c.categories},
			{[]string{"message", "resultmessage"}, &c.message},
			{[]string{"type", "eventtype"}, &c.eventType},
			{[]string{"name"}, &c.name},
			{[]string{"callconnectionid"}, &c.callConnectionID},
			{[]string{"servercallid"}, &c.serverCallID},
			{[]string{"correlationid"}, &c.correlationID},
			{[]string{"participantid"}, &c.participantID},
			{[]string{"timegenerated", "timegenerated[utc]", "time", "eventtime"}, &c.time},
		} {
			for _, n := range col.names {
				if name == n && *col.index < 0 {
					*col.index = i
				}
			}
		}
	}
	return c
}

func (c columns) hasCode() bool {
	return c.code >= 0 || c.subcode >= 0 || c.endReason >= 0 || c.endSubCode >= 0
}

// errBareQuote is a quote inside an unquoted field, or after a closing one.
var errBareQuote = errors.New("bare \" in a field")

// csvFields reads one CSV record (RFC 4180): fields separated by sep (a
// comma, a semicolon or a tab), a quoted field may hold separators, line
// ends and doubled quotes; a carriage return ending the record is not a
// field's.
func csvFields(record string, sep byte) ([]string, error) {
	record = strings.TrimSuffix(record, "\r")
	var fields []string
	for {
		if record == "" || record[0] != '"' {
			i := strings.IndexByte(record, sep)
			field := record
			if i >= 0 {
				field = record[:i]
			}
			if strings.IndexByte(field, '"') >= 0 {
				return nil, errBareQuote
			}
			fields = append(fields, field)
			if i < 0 {
				return fields, nil
			}
			record = record[i+1:]
			continue
		}
		var b strings.Builder
		i := 1
		for {
			j := strings.IndexByte(record[i:], '"')
			if j < 0 {
				return nil, errors.New("a quoted field has no end")
			}
			b.WriteString(record[i : i+j])
			i += j + 1
			if i < len(record) && record[i] == '"' {
				b.WriteByte('"')
				i++
				continue
			}
			break
		}
		fields = append(fields, b.String())
		switch {
		case i == len(record):
			return fields, nil
		case record[i] != sep:
			return nil, errBareQuote
		}
		record = record[i+1:]
	}
}

// readCSV reads a header row and then a record a row; a quoted field may
// hold line ends.
func (s *stream) readCSV() {
	line := s.line
	head, tooLarge, err := s.readLine()
	if err != nil || tooLarge {
		s.fail(line, -1, ReasonMalformed, errors.New("no CSV header"))
		return
	}
	if s.csvSep == 0 {
		s.csvSep = ','
	}
	header, err := csvFields(string(head), s.csvSep)
	cols := csvColumns(header)
	if err != nil || !cols.hasCode() {
		s.fail(line, -1, ReasonMalformed, errors.New("the CSV header names no code column (ParticipantEndReason, code, subCode, ...)"))
		return
	}
	s.readLines(func(line int, b []byte) {
		// A quoted field may hold line ends: read on while one is open.
		for openQuote(b) {
			more, tooLarge, err := s.readLine()
			switch {
			case err == io.EOF:
				s.fail(line, -1, ReasonTruncated, errors.New("the stream ends inside a quoted field"))
				return
			case err != nil:
				s.fail(line, -1, ReasonRead, err)
				s.done = true // the read error stays: the stream ends here
				return
			}
			b = append(append(b, '\n'), more...)
			if tooLarge || len(b) > s.opts.MaxRecord {
				s.fail(line, -1, ReasonTooLarge, fmt.Errorf("the record is larger than %d bytes", s.opts.MaxRecord))
				return
			}
		}
		x, err := s.csvRecord(cols, string(b))
		s.emit(line, -1, FormatCSV, x, err)
	})
}

// csvRecord explains a CSV row: its code columns become the record's
// fields, as JSON strings.
func (s *stream) csvRecord(c columns, row string) (Explanation, error) {
	f, err := csvFields(row, s.csvSep)
	if err != nil {
		return Explanation{}, fmt.Errorf("rtccodes: csv: %w", err)
	}
	field := func(i int) json.RawMessage {
		if i < 0 || i >= len(f) || strings.TrimSpace(f[i]) == "" {
			return nil
		}
		return jsonString(strings.TrimSpace(f[i]))
	}
	text := func(i int) *string {
		if i < 0 || i >= len(f) || f[i] == "" {
			return nil
		}
		return &f[i]
	}
	rec := rawRecord{Code: field(c.code), SubCode: field(c.subcode), ExtraCode: field(c.extraCode),
		EndReason: field(c.endReason), EndSubCode: field(c.endSubCode), Message: text(c.message),
		EventType: text(c.eventType), Name: text(c.name),
		CallConnectionID: text(c.callConnectionID), ServerCallID: text(c.serverCallID), CorrelationID: text(c.correlationID),
		ParticipantID: text(c.participantID), TimeGenerated: text(c.time)}
	if cats := text(c.categories); cats != nil {
		// Log Analytics writes an array column as JSON: ["ExpectedError"].
		if json.Valid([]byte(*cats)) {
			rec.ResultCategories = json.RawMessage(*cats)
		} else {
			rec.ResultCategories = field(c.categories)
		}
	}
	return explainRecord(s.opts.Product, &rec)
}

// openQuote reports whether a CSV record ends inside a quoted field: one
// that starts with a quote and has not been closed. A quote inside an
// unquoted field opens nothing (the CSV reader reports it).
func openQuote(b []byte) bool {
	quoted, fieldStart := false, true
	for i := 0; i < len(b); i++ {
		c := b[i]
		switch {
		case quoted && c == '"' && i+1 < len(b) && b[i+1] == '"':
			i++ // an escaped quote
		case quoted && c == '"':
			quoted = false
		case quoted:
		case fieldStart && c == '"':
			quoted = true
		}
		fieldStart = !quoted && (c == ',' || c == '\n')
	}
	return quoted
}

// jsonString writes s as a JSON string; a code's characters need no escape.
func jsonString(s string) json.RawMessage {
	plain := true
	for i := 0; i < len(s) && plain; i++ {
		c := s[i]
		plain = c >= 0x20 && c < 0x7f && c != '"' && c != '\\'
	}
	if plain {
		return json.RawMessage(`"` + s + `"`)
	}
	b, _ := json.Marshal(s)
	return b
}
