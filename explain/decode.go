package explain

import (
	"encoding/json"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/rtccodes/rtccodes/internal/codetext"
)

// decodeRecord reads a JSON value into a rawRecord as json.Unmarshal
// does, in one pass and without reflection, for the records services
// write: an object whose keys are ASCII without escapes, each at most once
// in any case. It reports false for anything else (a syntax error, a value
// of another type than its field's, a key given twice, ...): the caller
// then decodes with encoding/json, which says what is wrong. Its test holds
// the two to the same records.
func decodeRecord(b []byte, rec *rawRecord) bool {
	d := decoder{b: b}
	d.space()
	if !d.record(rec, 0) {
		return false
	}
	d.space()
	return d.i == len(b)
}

// decoder reads JSON from b, at i.
type decoder struct {
	b []byte
	i int
}

// maxDepth is the nesting decodeRecord reads; deeper values go to
// encoding/json.
const maxDepth = 64

func (d *decoder) space() {
	for d.i < len(d.b) {
		switch d.b[d.i] {
		case ' ', '\t', '\n', '\r':
			d.i++
		default:
			return
		}
	}
}

// next skips white space and reports whether the next byte is c, reading
// it if so.
func (d *decoder) next(c byte) bool {
	d.space()
	if d.i < len(d.b) && d.b[d.i] == c {
		d.i++
		return true
	}
	return false
}

// field is where a key of a rawRecord or a rawDiagnostic is decoded to.
type field struct {
	raw    *json.RawMessage
	text   **string
	record **rawRecord
	diag   **rawDiagnostic
}

// members reads an object's members, calling set with each key (ASCII,
// without escapes); set reads the value. A key given twice in any case,
// among those set takes, is no record of this reader's.
func (d *decoder) members(depth int, set func(key []byte) bool) bool {
	if depth > maxDepth || !d.next('{') {
		return false
	}
	if d.next('}') {
		return true
	}
	for {
		d.space()
		key, ok := d.key()
		if !ok || !d.next(':') {
			return false
		}
		d.space()
		if !set(key) {
			return false
		}
		if d.next('}') {
			return true
		}
		if !d.next(',') {
			return false
		}
	}
}

// key reads an object's key: a string of ASCII without escapes.
func (d *decoder) key() ([]byte, bool) {
	if d.i >= len(d.b) || d.b[d.i] != '"' {
		return nil, false
	}
	start := d.i + 1
	for j := start; j < len(d.b); j++ {
		switch c := d.b[j]; {
		case c == '"':
			d.i = j + 1
			return d.b[start:j], true
		case c == '\\' || c < 0x20 || c >= utf8.RuneSelf:
			return nil, false
		}
	}
	return nil, false
}

// record reads an object into rec.
func (d *decoder) record(rec *rawRecord, depth int) bool {
	var seen uint64 // the fields set, a bit each
	return d.members(depth, func(key []byte) bool {
		i, f := rec.field(key)
		if i < 0 {
			return d.skip(depth + 1)
		}
		if seen&(1<<i) != 0 {
			return false // twice: encoding/json and checkKeys decide
		}
		seen |= 1 << i
		return d.value(f, depth+1)
	})
}

// value reads a field's value as encoding/json does.
func (d *decoder) value(f field, depth int) bool {
	start := d.i
	null := d.literal("null")
	switch {
	case f.raw != nil:
		if !null && !d.skip(depth) {
			return false
		}
		*f.raw = d.b[start:d.i]
		return true
	case null:
		return true // a pointer stays nil
	case f.text != nil:
		s, ok := d.str()
		if ok {
			*f.text = &s
		}
		return ok
	case f.record != nil:
		r := new(rawRecord)
		*f.record = r
		return d.record(r, depth)
	default:
		diag := new(rawDiagnostic)
		*f.diag = diag
		var seen uint64
		return d.members(depth, func(key []byte) bool {
			if !readOnce(key, &seen) {
				return false
			}
			switch {
			case asciiEqualFold(key, "code"):
				return d.value(field{raw: &diag.Code}, depth+1)
			case asciiEqualFold(key, "message"):
				return d.value(field{text: &diag.Message}, depth+1)
			}
			return d.skip(depth + 1)
		})
	}
}

// literal reads the literal lit if it is next.
func (d *decoder) literal(lit string) bool {
	if len(d.b)-d.i >= len(lit) && string(d.b[d.i:d.i+len(lit)]) == lit {
		d.i += len(lit)
		return true
	}
	return false
}

// str reads a string: as its bytes when they need no decoding, else as
// encoding/json decodes it.
func (d *decoder) str() (string, bool) {
	if d.i >= len(d.b) || d.b[d.i] != '"' {
		return "", false
	}
	start := d.i
	plain := true
	for j := start + 1; j < len(d.b); j++ {
		switch c := d.b[j]; {
		case c == '"':
			d.i = j + 1
			if plain {
				return string(d.b[start+1 : j]), true
			}
			var s string
			if json.Unmarshal(d.b[start:d.i], &s) != nil {
				return "", false
			}
			return s, true
		case c < 0x20:
			return "", false
		case c == '\\':
			plain = false
			j++
		case c >= utf8.RuneSelf:
			plain = false // encoding/json replaces invalid UTF-8
		}
	}
	return "", false
}

// skip reads any value, checking it is valid JSON. In an object it reads, a
// key Payload reads given twice, in any case, sends the record to
// encoding/json and checkKeys.
func (d *decoder) skip(depth int) bool {
	if depth > maxDepth || d.i >= len(d.b) {
		return false
	}
	switch c := d.b[d.i]; {
	case c == '{':
		var seen uint64
		return d.members(depth, func(key []byte) bool {
			return readOnce(key, &seen) && d.skip(depth+1)
		})
	case c == '[':
		d.i++
		if d.next(']') {
			return true
		}
		for {
			d.space()
			if !d.skip(depth + 1) {
				return false
			}
			if d.next(']') {
				return true
			}
			if !d.next(',') {
				return false
			}
		}
	case c == '"':
		return d.skipString()
	case c == 't':
		return d.literal("true")
	case c == 'f':
		return d.literal("false")
	case c == 'n':
		return d.literal("null")
	default:
		return d.number()
	}
}

// readOnce reports whether a key is not one Payload reads (readKeys) that
// the object gave already, in any case, and notes it in seen.
func readOnce(key []byte, seen *uint64) bool {
	for i, k := range readKeys {
		if asciiEqualFold(key, k) {
			if *seen&(1<<i) != 0 {
				return false
			}
			*seen |= 1 << i
		}
	}
	return true
}

// skipString reads a string, checking its escapes.
func (d *decoder) skipString() bool {
	for j := d.i + 1; j < len(d.b); j++ {
		switch c := d.b[j]; {
		case c == '"':
			d.i = j + 1
			return true
		case c < 0x20:
			return false
		case c == '\\':
			if j+1 >= len(d.b) {
				return false
			}
			switch d.b[j+1] {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
				j++
			case 'u':
				if j+5 >= len(d.b) || !hexDigit(d.b[j+2]) || !hexDigit(d.b[j+3]) || !hexDigit(d.b[j+4]) || !hexDigit(d.b[j+5]) {
					return false
				}
				j += 5
			default:
				return false
			}
		}
	}
	return false
}

// number reads a JSON number: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
func (d *decoder) number() bool {
	i := d.i
	digits := func() int {
		n := 0
		for i < len(d.b) && d.b[i] >= '0' && d.b[i] <= '9' {
			i, n = i+1, n+1
		}
		return n
	}
	if i < len(d.b) && d.b[i] == '-' {
		i++
	}
	switch {
	case i < len(d.b) && d.b[i] == '0':
		i++
	case digits() == 0:
		return false
	}
	if i < len(d.b) && d.b[i] == '.' {
		i++
		if digits() == 0 {
			return false
		}
	}
	if i < len(d.b) && (d.b[i] == 'e' || d.b[i] == 'E') {
		i++
		if i < len(d.b) && (d.b[i] == '+' || d.b[i] == '-') {
			i++
		}
		if digits() == 0 {
			return false
		}
	}
	d.i = i
	return true
}

// recordFields are the keys of a rawRecord's fields, as encoding/json
// reads them (in any case), and each one's destination.
var recordFields = [...]struct {
	key  string
	dest func(*rawRecord) field
}{
	{"type", func(r *rawRecord) field { return field{text: &r.Type} }},
	{"eventType", func(r *rawRecord) field { return field{text: &r.EventType} }},
	{"data", func(r *rawRecord) field { return field{record: &r.Data} }},
	{"resultInformation", func(r *rawRecord) field { return field{record: &r.ResultInformation} }},
	{"callEndReason", func(r *rawRecord) field { return field{record: &r.CallEndReason} }},
	{"error", func(r *rawRecord) field { return field{record: &r.Error} }},
	{"code", func(r *rawRecord) field { return field{raw: &r.Code} }},
	{"subCode", func(r *rawRecord) field { return field{raw: &r.SubCode} }},
	{"extraCode", func(r *rawRecord) field { return field{raw: &r.ExtraCode} }},
	{"_code", func(r *rawRecord) field { return field{raw: &r.PrivCode} }},
	{"_subCode", func(r *rawRecord) field { return field{raw: &r.PrivSubCode} }},
	{"participantEndReason", func(r *rawRecord) field { return field{raw: &r.EndReason} }},
	{"participantEndSubCode", func(r *rawRecord) field { return field{raw: &r.EndSubCode} }},
	{"resultCategories", func(r *rawRecord) field { return field{raw: &r.ResultCategories} }},
	{"_resultCategories", func(r *rawRecord) field { return field{raw: &r.PrivResultCategories} }},
	{"message", func(r *rawRecord) field { return field{text: &r.Message} }},
	{"callConnectionId", func(r *rawRecord) field { return field{text: &r.CallConnectionID} }},
	{"serverCallId", func(r *rawRecord) field { return field{text: &r.ServerCallID} }},
	{"correlationId", func(r *rawRecord) field { return field{text: &r.CorrelationID} }},
	{"participantId", func(r *rawRecord) field { return field{text: &r.ParticipantID} }},
	{"id", func(r *rawRecord) field { return field{text: &r.ID} }},
	{"time", func(r *rawRecord) field { return field{text: &r.Time} }},
	{"eventTime", func(r *rawRecord) field { return field{text: &r.EventTime} }},
	{"timeGenerated", func(r *rawRecord) field { return field{text: &r.TimeGenerated} }},
	{"name", func(r *rawRecord) field { return field{text: &r.Name} }},
	{"functionName", func(r *rawRecord) field { return field{text: &r.FunctionName} }},
	{"sipDetails", func(r *rawRecord) field { return field{diag: &r.SIPDetails} }},
	{"q850Details", func(r *rawRecord) field { return field{diag: &r.Q850Details} }},
	{"deliveryStatus", func(r *rawRecord) field { return field{text: &r.DeliveryStatus} }},
	{"deliveryStatusDetails", func(r *rawRecord) field { return field{text: &r.DeliveryStatusDetails} }},
	{"messageId", func(r *rawRecord) field { return field{text: &r.MessageID} }},
}

// field returns the index in recordFields and the destination of the
// field a key names, in any case; -1 for a key the record does not hold.
func (rec *rawRecord) field(key []byte) (int, field) {
	fieldIndex.once.Do(func() {
		fieldIndex.m = map[string]int{}
		for i, f := range recordFields {
			fieldIndex.m[strings.ToLower(f.key)] = i
		}
	})
	var low [32]byte
	if len(key) > len(low) {
		return -1, field{} // longer than any
	}
	for i, c := range key {
		low[i] = codetext.Lower(c)
	}
	if i, ok := fieldIndex.m[string(low[:len(key)])]; ok {
		return i, recordFields[i].dest(rec)
	}
	return -1, field{}
}

// fieldIndex maps the keys of recordFields, in lower case, to their index;
// made on first use.
var fieldIndex struct {
	once sync.Once
	m    map[string]int
}
