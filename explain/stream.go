package explain

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"iter"
	"slices"
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
	// one is skipped, not read into memory, and reported. 0 or less means
	// DefaultMaxRecord.
	MaxRecord int
}

// Record is one record of a stream and its explanation.
type Record struct {
	// Line is the line the record starts on, counted from 1: '\n', "\r\n"
	// and a lone '\r' each end a line.
	Line int
	// Offset is the record's byte offset in the stream, from 0 (in the
	// UTF-8 text of a UTF-16 stream); each record's is greater than the one
	// before.
	Offset int64
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
	// Line, Offset and Index are where the record is, as in Record.
	Line   int
	Offset int64
	Index  int
	// Reason is one of the Reason constants.
	Reason string
	// Err is the error underneath.
	Err error
	// EventType and Context are what a record without code carries beside
	// its codes (a CallConnected without resultInformation): its event's
	// type, and what ties it to its call.
	EventType string
	Context   Context
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
// Payload reads a payload, and a text line as Line reads it, on the
// caller's goroutine. Options that name no product or no format yield one
// error, ErrOptions, and nothing else; a nil reader yields one
// *RecordError of ReasonRead.
func Stream(r io.Reader, opts Options) iter.Seq2[Record, error] {
	return func(yield func(Record, error) bool) {
		if err := opts.check(); err != nil {
			yield(Record{Line: 1, Index: -1}, err)
			return
		}
		if r == nil {
			yield(Record{Line: 1, Index: -1}, &RecordError{Line: 1, Index: -1, Reason: ReasonRead, Err: errNilReader})
			return
		}
		s := &stream{br: bufio.NewReaderSize(&stickyReader{r: r}, 64<<10), at: pos{line: 1}, opts: opts, yield: yield}
		if s.opts.MaxRecord <= 0 {
			s.opts.MaxRecord = DefaultMaxRecord
		}
		s.run()
	}
}

// errNilReader is the error of a stream of a nil reader.
var errNilReader = errors.New("no reader (nil)")

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
	br   *bufio.Reader
	at   pos // the position of the next byte
	opts Options
	// yield and done: the consumer, and whether it stopped.
	yield func(Record, error) bool
	done  bool
	// csvSep separates the fields of a CSV stream: ',' as the portal and
	// Log Analytics export, ';' as spreadsheets in decimal-comma locales
	// write, '\t' as a grid's copy pastes.
	csvSep byte
	// line holds the line readLine returns, until it is called again.
	line []byte
	// csv splits the rows of a CSV stream.
	csv *csvSplitter
	// answers are the explanations of the rows read, by what they carry
	// (csvKey); key is the key of the row being read.
	answers map[string]answer
	key     []byte
	// rec is the record being read, reused from record to record.
	rec rawRecord
	// endless is whether the line last read is the stream's last and has
	// no line end: a JSON value in it may be cut off.
	endless bool
}

// pos is a place in the stream: its line, from 1, and its byte offset,
// from 0.
type pos struct {
	line int
	off  int64
}

// stickyReader returns its first error for every read after it: a read
// error is reported wherever it arrives (during format detection too),
// never taken for the end of the stream.
type stickyReader struct {
	r   io.Reader
	err error
}

func (s *stickyReader) Read(p []byte) (int, error) {
	if s.err != nil {
		return 0, s.err
	}
	n, err := s.r.Read(p)
	s.err = err
	return n, err
}

// emit yields an explanation or an error of a record.
func (s *stream) emit(at pos, index int, f Format, x *Explanation, err error) {
	if s.done {
		return
	}
	rec := Record{Line: at.line, Offset: at.off, Index: index, Format: f}
	if err != nil {
		re := recordError(err)
		re.Line, re.Offset, re.Index = at.line, at.off, index
		if x != nil && (x.EventType != "" || x.Context != (Context{})) {
			re = &RecordError{Line: re.Line, Offset: re.Offset, Index: re.Index, Reason: re.Reason, Err: re.Err,
				EventType: x.EventType, Context: x.Context}
		}
		if !s.yield(rec, re) {
			s.done = true
		}
		return
	}
	rec.Explanation = *x
	if !s.yield(rec, nil) {
		s.done = true
	}
}

// recordError is err as a RecordError: itself, or a new one with its
// reason.
func recordError(err error) *RecordError {
	if err == ErrNoCodes { // most lines of a text, quickly: errors.As is slow
		return &RecordError{Reason: ReasonNoCode, Err: err}
	}
	var re *RecordError
	if errors.As(err, &re) {
		return re
	}
	reason := ReasonMalformed
	if errors.Is(err, ErrNoCodes) {
		reason = ReasonNoCode
	}
	return &RecordError{Reason: reason, Err: err}
}

// fail yields an error of the record at a position.
func (s *stream) fail(at pos, index int, reason string, err error) {
	s.emit(at, index, s.opts.Format, nil, &RecordError{Reason: reason, Err: err})
}

func (s *stream) run() {
	if !s.prepare() {
		return
	}
	f := s.opts.Format
	if f == FormatAuto {
		c, err := s.peekNonSpace()
		if err != nil {
			if err != io.EOF {
				s.fail(s.at, -1, ReasonRead, err)
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
		s.readText()
	}
}

// prepare reads what comes before the records: it decompresses a gzip
// stream (by its magic bytes), skips a UTF-8 byte order mark, reads a
// stream with a UTF-16 one (what PowerShell's > writes), or without one
// but with the NUL bytes of UTF-16 text, as UTF-16 (offsets are then those
// of its UTF-8 text), and passes over the "#TYPE" line of Windows
// PowerShell's Export-Csv. A stream that is no text (a zip file, a
// binary) is one error, and prepare reports false.
func (s *stream) prepare() bool {
	s.br.Peek(1)                                 // what the first read brings: a followed pipe does not wait for more
	b, _ := s.br.Peek(min(512, s.br.Buffered())) // its start
	switch {
	case bytes.HasPrefix(b, []byte("\x1f\x8b")):
		z, err := gzip.NewReader(s.br)
		if err != nil {
			s.fail(s.at, -1, ReasonRead, fmt.Errorf("gzip: %w", err))
			return false
		}
		s.br = bufio.NewReaderSize(&stickyReader{r: gzipReader{z}}, 64<<10)
		return s.prepare()
	case bytes.HasPrefix(b, []byte("\xef\xbb\xbf")):
		s.discard(3)
	case bytes.HasPrefix(b, []byte("\xff\xfe")), bytes.HasPrefix(b, []byte("\xfe\xff")):
		s.utf16(unicode.LittleEndian, unicode.ExpectBOM)
	case utf16NULs(b, 1):
		s.utf16(unicode.LittleEndian, unicode.IgnoreBOM)
	case utf16NULs(b, 0):
		s.utf16(unicode.BigEndian, unicode.IgnoreBOM)
	default:
		if what, ok := notText(b); ok {
			s.fail(s.at, -1, ReasonMalformed, fmt.Errorf("%s: not text", what))
			return false
		}
	}
	if b, _ := s.br.Peek(len("#TYPE ")); string(b) == "#TYPE " {
		s.readLine() // "#TYPE System.Management.Automation.PSCustomObject"
	}
	return true
}

// gzipReader is a gzip stream whose errors say so.
type gzipReader struct{ z *gzip.Reader }

func (g gzipReader) Read(p []byte) (int, error) {
	n, err := g.z.Read(p)
	if err != nil && err != io.EOF {
		err = fmt.Errorf("gzip: %w", err)
	}
	return n, err
}

// utf16 reads the rest of the stream as UTF-16.
func (s *stream) utf16(e unicode.Endianness, bom unicode.BOMPolicy) {
	d := unicode.UTF16(e, bom).NewDecoder()
	s.br = bufio.NewReaderSize(&stickyReader{r: transform.NewReader(s.br, d)}, 64<<10)
}

// utf16NULs reports whether the start of a stream looks like UTF-16 text
// without a byte order mark: in nine pairs of bytes in ten, the byte at the
// odd index (little endian, odd 1) or the even one (big endian, odd 0) is
// NUL and the other not, as in ASCII text.
func utf16NULs(b []byte, odd int) bool {
	pairs := len(b) / 2
	if pairs < 2 {
		return false
	}
	ascii := 0
	for i := 0; i+1 < len(b); i += 2 {
		if b[i+odd] == 0 && b[i+1-odd] != 0 {
			ascii++
		}
	}
	return ascii*10 >= pairs*9
}

// notText names a stream that is no text by its first bytes: an archive,
// an image or a program by its magic bytes, another binary by its NUL
// bytes (more than one in ten).
func notText(b []byte) (string, bool) {
	for _, m := range []struct{ magic, what string }{
		{"PK\x03\x04", "a zip archive"}, {"\xfd7zXZ\x00", "an xz archive"}, {"BZh", "a bzip2 archive"},
		{"\x28\xb5\x2f\xfd", "a zstd archive"}, {"7z\xbc\xaf\x27\x1c", "a 7z archive"},
		{"\x89PNG", "a PNG image"}, {"\x7fELF", "a program"},
	} {
		if bytes.HasPrefix(b, []byte(m.magic)) {
			return m.what, true
		}
	}
	if len(b) >= 16 && bytes.Count(b, []byte{0})*10 > len(b) {
		return "binary data", true
	}
	return "", false
}

// discard passes over n bytes that are not line ends.
func (s *stream) discard(n int) {
	n, _ = s.br.Discard(n)
	s.at.off += int64(n)
}

// readByte reads a byte, counting lines: '\n', "\r\n" and a lone '\r' each
// end one.
func (s *stream) readByte() (byte, error) {
	b, err := s.br.ReadByte()
	if err != nil {
		return 0, err
	}
	s.at.off++
	switch b {
	case '\n':
		s.at.line++
	case '\r':
		if next, err := s.br.Peek(1); err != nil || next[0] != '\n' {
			s.at.line++
		}
	}
	return b, nil
}

// peekNonSpace skips white space and returns the next byte, unread.
func (s *stream) peekNonSpace() (byte, error) {
	for {
		b, err := s.br.Peek(1)
		if err != nil {
			return 0, err
		}
		switch b[0] {
		case ' ', '\t', '\r', '\n':
			s.readByte()
			continue
		}
		return b[0], nil
	}
}

// peekLine returns the next line, unread, without its end, and whether it
// is whole: it reads only until the line ends (a stream that is still
// being written, such as a followed log, is not waited on), and at most the
// buffer's size.
func (s *stream) peekLine() ([]byte, bool) {
	for {
		b, _ := s.br.Peek(s.br.Buffered()) // what is here, without reading
		if i := bytes.IndexAny(b, "\r\n"); i >= 0 {
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
	if whole && !jsonPrefix(b) && !jsonStart(b) {
		return FormatText // "[2026-11-20 10:00:05] WARN ...": a log line, not JSON
	}
	return FormatJSON
}

// jsonStart reports whether a line starts as only JSON does: an object's
// key, or an array of objects, arrays or strings ({", [{, [[, [").
func jsonStart(line []byte) bool {
	rest := bytes.TrimLeft(line[1:], " \t")
	if len(rest) == 0 {
		return false
	}
	if line[0] == '{' {
		return rest[0] == '"'
	}
	return rest[0] == '{' || rest[0] == '[' || rest[0] == '"'
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

// readLine reads a line of at most MaxRecord bytes, without its end ('\n',
// "\r\n" or a lone '\r'), into a buffer that the next call reuses. A
// longer line is read to its end, not kept, and reported as too large.
func (s *stream) readLine() (line []byte, tooLarge bool, err error) {
	buf := s.line[:0]
	defer func() {
		if cap(buf) <= 64<<10 {
			s.line = buf[:0] // a buffer for the next line; a larger one goes
		}
	}()
	n := 0 // the line's length so far
	for {
		if _, err := s.br.Peek(1); err != nil {
			if err == io.EOF && n > 0 {
				s.endless = true
				return buf, tooLarge, nil
			}
			return nil, tooLarge, err
		}
		b, _ := s.br.Peek(s.br.Buffered())
		i := lineEnd(b)
		chunk := b
		if i >= 0 {
			chunk = b[:i]
		}
		if n += len(chunk); n > s.opts.MaxRecord {
			tooLarge, buf = true, buf[:0]
		} else {
			buf = append(buf, chunk...)
		}
		s.discard(len(chunk))
		if i >= 0 {
			s.readByte() // the line end: "\r\n" is read as one
			if b[i] == '\r' {
				if next, err := s.br.Peek(1); err == nil && next[0] == '\n' {
					s.readByte()
				}
			}
			return buf, tooLarge, nil
		}
	}
}

// lineEnd returns the index of the first '\n' or '\r' of b, or -1.
func lineEnd(b []byte) int {
	i := bytes.IndexByte(b, '\n')
	end := b
	if i >= 0 {
		end = b[:i]
	}
	if j := bytes.IndexByte(end, '\r'); j >= 0 {
		return j
	}
	return i
}

// readLines reads a record a line, passing over blank lines.
func (s *stream) readLines(record func(at pos, b []byte)) {
	for !s.done && s.readRecordLine(record) {
	}
}

// readRecordLine reads a line and passes it to record unless it is blank
// or an error, and reports whether the stream goes on.
func (s *stream) readRecordLine(record func(at pos, b []byte)) bool {
	at := s.at
	b, tooLarge, err := s.readLine()
	switch {
	case err == io.EOF:
		return false
	case err != nil:
		s.fail(at, -1, ReasonRead, err)
		return false
	case tooLarge:
		s.fail(at, -1, ReasonTooLarge, s.tooLarge())
	case len(bytes.TrimSpace(b)) > 0:
		record(at, b)
	}
	return true
}

// tooLarge is the error of a line longer than MaxRecord.
func (s *stream) tooLarge() error {
	return fmt.Errorf("the line is longer than %d bytes", s.opts.MaxRecord)
}

// cutOff reports whether a line is the stream's last, without a line end,
// and holds the start of a JSON value that the end of the stream cut off.
func (s *stream) cutOff(b []byte) bool {
	b = bytes.TrimSpace(b)
	if !s.endless || len(b) == 0 || b[0] != '{' && b[0] != '[' {
		return false
	}
	var v any
	return json.NewDecoder(bytes.NewReader(b)).Decode(&v) == io.ErrUnexpectedEOF
}

// errCutOff is the error of a JSON value the end of the stream cut off.
var errCutOff = errors.New("the stream ends inside a JSON value")

// jsonLine explains a line of JSON Lines: one value, or an array of them.
func (s *stream) jsonLine(at pos, b []byte) {
	if s.cutOff(b) {
		s.fail(at, -1, ReasonTruncated, errCutOff)
		return
	}
	b = bytes.TrimSpace(b)
	if b[0] == '[' {
		var batch []json.RawMessage
		if err := json.Unmarshal(b, &batch); err != nil {
			s.emit(at, -1, FormatJSONLines, nil, fmt.Errorf("rtccodes: payload: %w", err))
			return
		}
		for i, v := range batch {
			x, err := explainValue(s.opts.Product, v, &s.rec)
			s.emit(at, i, FormatJSONLines, &x, err)
		}
		return
	}
	x, err := explainValue(s.opts.Product, b, &s.rec)
	s.emit(at, -1, FormatJSONLines, &x, err)
}

// explainValue explains one JSON value, as product p or inferring it: data
// after the value, and a key Payload reads given twice with different
// values, are errors.
func explainValue(p rtccodes.Product, b []byte, rec *rawRecord) (Explanation, error) {
	*rec = rawRecord{}
	if !decodeRecord(b, rec) { // what the fast reader does not read
		*rec = rawRecord{}
		dropped, err := unmarshalRecord(b, rec)
		if err != nil {
			return Explanation{}, fmt.Errorf("rtccodes: payload: %w", err)
		}
		if err := checkKeys(b); err != nil {
			return Explanation{}, fmt.Errorf("rtccodes: payload: %w", err)
		}
		rec.dropped = dropped
	}
	return explainRecord(p, rec)
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
			s.fail(s.at, -1, ReasonRead, err)
			return
		case c == '[':
			s.readByte()
			if !s.readArray() {
				return
			}
		case !valueStart(c):
			s.stray()
		default:
			at := s.at
			if !s.value(at, -1, s.scanValue()) {
				return
			}
		}
	}
}

// valueStart reports whether a byte can start a JSON value.
func valueStart(c byte) bool {
	return c == '{' || c == '[' || c == '"' || c == '-' || c >= '0' && c <= '9' || c == 't' || c == 'f' || c == 'n'
}

// stray reads bytes that are no value (a '}' or ',' out of place, a stray
// word) up to the next white space or value, and yields them as one
// malformed record.
func (s *stream) stray() {
	at := s.at
	var junk []byte
	for {
		b, err := s.br.Peek(1)
		if err != nil || len(junk) > 0 && (valueStart(b[0]) || b[0] == ']' || bytes.IndexByte([]byte(" \t\r\n"), b[0]) >= 0) {
			break
		}
		s.readByte()
		if len(junk) < 16 {
			junk = append(junk, b[0])
		}
	}
	s.fail(at, -1, ReasonMalformed, fmt.Errorf("%q is no JSON value", junk))
}

// readArray reads the elements of an array whose '[' was read, and reports
// whether the stream goes on after it. A damaged element is one error, and
// reading goes on at the next element.
func (s *stream) readArray() bool {
	start := s.at.line
	for i := 0; !s.done; {
		c, err := s.peekNonSpace()
		if err == nil && c == ',' && i > 0 {
			s.readByte()
			c, err = s.peekNonSpace()
		}
		switch {
		case err == io.EOF:
			s.fail(s.at, i, ReasonTruncated, fmt.Errorf("the array that starts on line %d has no end", start))
			return false
		case err != nil:
			s.fail(s.at, i, ReasonRead, err)
			return false
		case c == ']':
			s.readByte()
			return true
		case !valueStart(c):
			s.stray()
			continue
		}
		at := s.at
		if !s.value(at, i, s.scanValue()) {
			return false
		}
		i++
	}
	return false
}

// skipClosers passes over a run of '}' and ']' that closed a damaged value
// when a ',' follows it on its line: they were the value's, and the next
// element follows the ','. Without the ',' they may close the array.
func (s *stream) skipClosers() {
	b, _ := s.br.Peek(s.br.Buffered())
	i := 0
	for i < len(b) && (b[i] == '}' || b[i] == ']' || b[i] == ' ' || b[i] == '\t') {
		i++
	}
	if i < len(b) && b[i] == ',' {
		s.discard(i)
	}
}

// scanned is a value as scanValue read it.
type scanned struct {
	v        []byte
	tooLarge bool
	damage   error // the value is damaged: it ended where the damage is
	err      error // io.ErrUnexpectedEOF: the stream ends inside the value
}

// value explains a scanned value, or reports why it cannot, and reports
// whether the stream goes on.
func (s *stream) value(at pos, index int, v scanned) bool {
	switch {
	case v.err == io.ErrUnexpectedEOF:
		s.fail(at, index, ReasonTruncated, errors.New("the stream ends inside the record"))
		return false
	case v.err != nil:
		s.fail(at, index, ReasonRead, v.err)
		return false
	case v.tooLarge:
		s.fail(at, index, ReasonTooLarge, fmt.Errorf("the record is larger than %d bytes", s.opts.MaxRecord))
		return true
	case v.damage != nil:
		s.fail(at, index, ReasonMalformed, v.damage)
		return true
	}
	x, err := explainValue(s.opts.Product, v.v, &s.rec)
	s.emit(at, index, FormatJSON, &x, err)
	return true
}

// scanValue reads the bytes of one JSON value: an object or an array to
// its matching end (outside strings), a string to its end, anything else to
// the next delimiter. It keeps at most MaxRecord bytes and reads on to the
// end of a larger value. It does not validate the value, but ends it where
// it is damaged so that the next one can be read: a line end inside a
// string (JSON strings hold none), anything but a key where an object's
// key belongs (such as the next element, after a missing '}'), a '}' or
// ']' that closes nothing it opened.
func (s *stream) scanValue() scanned {
	var r scanned
	keep := func(b byte) {
		if r.tooLarge {
			return
		}
		if len(r.v) >= s.opts.MaxRecord {
			r.tooLarge, r.v = true, nil
			return
		}
		r.v = append(r.v, b)
	}
	var open []byte // the '{' and '[' not yet closed
	inString, escaped, wantKey := false, false, false
	for {
		c, err := s.br.Peek(1)
		if err != nil {
			if err == io.EOF && len(open) == 0 && !inString {
				return r
			}
			if err == io.EOF {
				err = io.ErrUnexpectedEOF
			}
			r.err = err
			return r
		}
		b := c[0]
		if inString {
			if b == '\n' || b == '\r' {
				r.damage = errors.New("a line end inside a string")
				return r
			}
			s.readByte()
			keep(b)
			switch {
			case escaped:
				escaped = false
			case b == '\\':
				escaped = true
			case b == '"':
				inString = false
				if len(open) == 0 {
					return r
				}
			}
			continue
		}
		if wantKey && b != '"' && b != '}' && b != ' ' && b != '\t' && b != '\n' && b != '\r' {
			r.damage = fmt.Errorf("%q where a key belongs", b)
			return r
		}
		switch {
		case b == '"':
			inString, wantKey = true, false
		case b == '{' || b == '[':
			open = append(open, b)
			wantKey = b == '{'
		case b == '}' || b == ']':
			if len(open) == 0 {
				return r // the end of an enclosing array
			}
			if want := open[len(open)-1] + 2; b != want { // '{'+2 is '}', '['+2 is ']'
				r.damage = fmt.Errorf("%q closes %q", b, open[len(open)-1])
				s.skipClosers()
				return r
			}
			open = open[:len(open)-1]
			s.readByte()
			keep(b)
			if len(open) == 0 {
				return r
			}
			continue
		case b == ',':
			if len(open) == 0 {
				return r
			}
			wantKey = open[len(open)-1] == '{'
		case b == ' ' || b == '\t' || b == '\n' || b == '\r':
			if len(open) == 0 {
				return r
			}
		default:
			wantKey = false
		}
		s.readByte()
		keep(b)
	}
}

// readText reads text lines, each explained as Line explains it.
func (s *stream) readText() {
	for !s.done {
		if !s.readRecordLine(func(at pos, b []byte) {
			if s.cutOff(b) {
				s.fail(at, -1, ReasonTruncated, errCutOff)
				return
			}
			x, err := Line(s.opts.Product, string(b))
			s.emit(at, -1, FormatText, &x, err)
		}) {
			return
		}
	}
}

// columns are the code columns of a CSV header, by their index; -1 for
// none.
type columns struct {
	code, subcode, extraCode, endReason, endSubCode, categories, message, eventType, name int
	callConnectionID, serverCallID, correlationID, participantID, time                    int
	// keyed are the columns an explanation depends on (those of the first
	// line above) that the header has.
	keyed []int
}

// csvColumns finds the columns of a header by name, ignoring case, spaces,
// hyphens and underscores.
func csvColumns(header []string) columns {
	c := columns{-1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, nil}
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
	for _, i := range []int{c.code, c.subcode, c.extraCode, c.endReason, c.endSubCode, c.categories, c.message, c.eventType, c.name} {
		if i >= 0 {
			c.keyed = append(c.keyed, i)
		}
	}
	return c
}

func (c columns) hasCode() bool {
	return c.code >= 0 || c.subcode >= 0 || c.endReason >= 0 || c.endSubCode >= 0
}

// csvFields reads one CSV record with encoding/csv: fields separated by
// sep (a comma, a semicolon or a tab); a quoted field may hold separators,
// line ends and doubled quotes.
func csvFields(record string, sep byte) ([]string, error) {
	return (&csvSplitter{sep: sep}).split(record)
}

// csvSplitter reads CSV records one at a time with one csv.Reader, which
// reads each record given to split and a line end after it.
type csvSplitter struct {
	sep  byte
	r    *csv.Reader
	rest string // what the reader reads next
	end  bool   // whether the line end after rest is still to read
	fed  int64  // the bytes given to the reader
}

func (c *csvSplitter) Read(p []byte) (int, error) {
	if c.rest == "" && c.end {
		c.end = false
		p[0] = '\n'
		return 1, nil
	}
	n := copy(p, c.rest)
	c.rest = c.rest[n:]
	if n == 0 {
		return 0, io.EOF
	}
	return n, nil
}

// split reads a record; the fields are valid until the next call.
func (c *csvSplitter) split(record string) ([]string, error) {
	if c.r == nil {
		c.r, c.fed = csv.NewReader(c), 0
		c.r.Comma, c.r.FieldsPerRecord, c.r.ReuseRecord = rune(c.sep), -1, true
	}
	c.rest, c.end, c.fed = record, true, c.fed+int64(len(record))+1
	f, err := c.r.Read()
	if err == nil && c.r.InputOffset() != c.fed {
		err = errors.New("a line end outside a quoted field") // never the record's first line alone
	}
	if err != nil {
		c.r = nil // what it left unread must not start the next record
	}
	if pe, ok := err.(*csv.ParseError); ok {
		err = pe.Err // its line and column are of no use
	}
	return f, err
}

// readCSV reads a header row and then a record a row. A quoted field may
// hold line ends, but a quote that its line does not close ends at the line
// end when the next line is a row of its own (it parses, with the header's
// number of fields), or when the lines together close the quote but are no
// row and the next line has a row's separators: the damaged row is one
// malformed record and the next line is read
// as a row, so that one stray quote never takes the rows after it.
func (s *stream) readCSV() {
	at := s.at
	head, tooLarge, err := s.readLine()
	if err != nil || tooLarge {
		s.fail(at, -1, ReasonMalformed, errors.New("no CSV header"))
		return
	}
	if s.csvSep == 0 {
		s.csvSep = ','
	}
	header, err := csvFields(string(head), s.csvSep)
	cols := csvColumns(header)
	if err != nil || !cols.hasCode() {
		s.fail(at, -1, ReasonMalformed, errors.New("the CSV header names no code column (ParticipantEndReason, code, subCode, ...)"))
		return
	}
	isRow := func(b []byte) bool {
		f, err := csvFields(string(b), s.csvSep)
		return err == nil && len(f) == len(header)
	}
	var next []byte // a line read ahead, and where it starts
	var nextAt pos
	s.readLines(func(at pos, b []byte) {
		for b != nil && !s.done {
			next = nil
			if openQuote(b, s.csvSep) {
				b = bytes.Clone(b) // the next readLine reuses its buffer
			}
			for openQuote(b, s.csvSep) {
				nextAt = s.at
				more, tooLarge, err := s.readLine()
				switch {
				case err == io.EOF:
					s.fail(at, -1, ReasonTruncated, errors.New("the stream ends inside a quoted field"))
					return
				case err != nil:
					s.fail(at, -1, ReasonRead, err)
					s.done = true // the read error stays: the stream ends here
					return
				case !tooLarge && isRow(more):
					next = bytes.Clone(more) // the quote ends at the line end
				case tooLarge || len(b)+1+len(more) > s.opts.MaxRecord:
					s.fail(at, -1, ReasonTooLarge, fmt.Errorf("the record is larger than %d bytes", s.opts.MaxRecord))
					return
				default:
					merged := append(append(b, '\n'), more...)
					if !openQuote(merged, s.csvSep) && !isRow(merged) && bytes.Count(more, []byte{s.csvSep}) >= len(header)-1 {
						next = bytes.Clone(more) // closed, but no row, and the line looks like one: the quote ends at the line end
						break
					}
					b = merged
					continue
				}
				break
			}
			if next != nil {
				s.fail(at, -1, ReasonMalformed, errors.New("rtccodes: csv: a quote that the line does not close"))
			} else {
				var x Explanation
				err := s.csvRecord(cols, string(b), &x)
				s.emit(at, -1, FormatCSV, &x, err)
			}
			b, at = next, nextAt
		}
	})
}

// csvRecord explains a CSV row into x: its code columns become the record's
// fields, as JSON strings.
func (s *stream) csvRecord(c columns, row string, x *Explanation) error {
	if s.csv == nil {
		s.csv = &csvSplitter{sep: s.csvSep}
	}
	f, err := s.csv.split(row)
	if err != nil {
		return fmt.Errorf("rtccodes: csv: %w", err)
	}
	field := func(i int) json.RawMessage {
		if i < 0 || i >= len(f) || strings.TrimSpace(f[i]) == "" {
			return nil
		}
		v, _ := json.Marshal(strings.TrimSpace(f[i]))
		return v
	}
	text := func(i int) *string {
		if i < 0 || i >= len(f) || f[i] == "" {
			return nil
		}
		return &f[i]
	}
	// Rows that carry the same codes and words have the same explanation:
	// it is looked up, and the row's own context set.
	col := func(i int) string {
		if i < 0 || i >= len(f) {
			return ""
		}
		return f[i]
	}
	s.key = csvKey(s.key[:0], f, c)
	context := Context{CallConnectionID: col(c.callConnectionID), ServerCallID: col(c.serverCallID),
		CorrelationID: col(c.correlationID), ParticipantID: col(c.participantID), Time: col(c.time)}
	if a, ok := s.answers[string(s.key)]; ok {
		*x = a.x
		x.Context = context
		x.Also, x.Notes, x.ResultCategories = slices.Clone(x.Also), slices.Clone(x.Notes), slices.Clone(x.ResultCategories)
		return a.err
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
	*x, err = explainRecord(s.opts.Product, &rec)
	if s.answers == nil || len(s.answers) >= maxAnswers {
		s.answers = make(map[string]answer, 64) // bounded: a stream of many pairs starts over
	}
	a := answer{*x, err}
	a.x.Context = Context{}
	a.x.Also, a.x.Notes, a.x.ResultCategories = slices.Clone(x.Also), slices.Clone(x.Notes), slices.Clone(x.ResultCategories)
	s.answers[string(s.key)] = a
	return err
}

// csvKey appends to key what a CSV row's explanation depends on: the
// columns it reads, but those that tie the row to its call, each after its
// length, so that no two rows share a key unless they share those columns.
func csvKey(key []byte, f []string, c columns) []byte {
	for _, i := range c.keyed {
		v := ""
		if i < len(f) {
			v = f[i]
		}
		key = binary.AppendUvarint(key, uint64(len(v)))
		key = append(key, v...)
	}
	return key
}

// answer is an explanation, or the error of a record, without context.
type answer struct {
	x   Explanation
	err error
}

// maxAnswers is how many explanations a stream keeps for the rows that
// follow.
const maxAnswers = 1024

// openQuote reports whether a CSV record ends inside a quoted field: one
// that starts with a quote and has not been closed. A quote inside an
// unquoted field opens nothing (the CSV reader reports it).
func openQuote(b []byte, sep byte) bool {
	if bytes.IndexByte(b, '"') < 0 {
		return false
	}
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
		fieldStart = !quoted && (c == sep || c == '\n')
	}
	return quoted
}
