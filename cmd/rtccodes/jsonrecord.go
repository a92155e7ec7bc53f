package main

import (
	"encoding/json"
	"strconv"
	"unicode/utf8"
)

// appendRecord appends a record of explain as JSON, byte for byte what
// json.Marshal writes of it, with entry (the record's entry, marshalled
// once for every record it answers) in place of a nil Entry: the common
// fields by hand, the rare ones by json.Marshal. Its test holds the two
// equal.
func appendRecord(b []byte, x *jsonExplanation, entry []byte) []byte {
	b = append(b, '{')
	first := true
	key := func(k string) {
		if !first {
			b = append(b, ',')
		}
		first = false
		b = append(b, '"')
		b = append(b, k...)
		b = append(b, '"', ':')
	}
	str := func(k, v string) {
		if v != "" {
			key(k)
			b = appendString(b, v)
		}
	}
	marshal := func(k string, v any) {
		key(k)
		m, _ := json.Marshal(v)
		b = append(b, m...)
	}
	str("file", x.File)
	if x.Line != 0 {
		key("line")
		b = strconv.AppendInt(b, int64(x.Line), 10)
	}
	if x.Offset != nil {
		key("offset")
		b = strconv.AppendInt(b, *x.Offset, 10)
	}
	if x.Index != nil {
		key("index")
		b = strconv.AppendInt(b, int64(*x.Index), 10)
	}
	str("error", x.Error)
	str("reason", x.Reason)
	str("product", x.Product)
	str("inferred", x.Inferred)
	str("eventType", x.EventType)
	for _, n := range []struct {
		k string
		v *int
	}{{"code", x.Code}, {"subcode", x.Subcode}} {
		key(n.k)
		if n.v == nil {
			b = append(b, "null"...)
		} else {
			b = strconv.AppendInt(b, int64(*n.v), 10)
		}
	}
	str("message", x.Message)
	if x.SIP != nil {
		marshal("sip", x.SIP)
	}
	if x.Q850 != nil {
		marshal("q850", x.Q850)
	}
	if len(x.ResultCategories) > 0 {
		marshal("resultCategories", x.ResultCategories)
	}
	if len(x.Notes) > 0 {
		marshal("notes", x.Notes)
	}
	if x.Context != nil {
		marshal("context", x.Context)
	}
	key("found")
	b = strconv.AppendBool(b, x.Found)
	key("entry")
	switch {
	case entry != nil:
		b = append(b, entry...)
	case x.Entry != nil:
		m, _ := json.Marshal(x.Entry)
		b = append(b, m...)
	default:
		b = append(b, "null"...)
	}
	if len(x.Also) > 0 {
		marshal("also", x.Also)
	}
	return append(b, '}')
}

// appendString appends s as encoding/json writes a string: quoted, with
// ", \ and control characters escaped, <, > and & as \u003c, \u003e and
// \u0026, U+2028 and U+2029 escaped, and invalid UTF-8 as \ufffd.
func appendString(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' && c != '<' && c != '>' && c != '&' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			default:
				b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hex[r&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}
