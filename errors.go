package rtccodes

import (
	"errors"
	"log/slog"
)

// Error is a product's (code, subcode) pair as a Go error, with the entry
// that describes it. Return it from the code that meets the pair, wrap it as
// any error, and read it back with CategoryOf, EntryOf or errors.As.
type Error struct {
	// Product is the product that returned the pair.
	Product Product
	// Code and Subcode are the pair as returned; Subcode is NoSubcode when
	// there is none.
	Code, Subcode int
	// Entry is what Lookup found for the pair; Entry.Found() is false when
	// nothing describes it.
	Entry Entry
}

// NewError returns the error of a product's (code, subcode) pair, with the
// entry Lookup finds for it. Pass NoSubcode when there is no subcode.
func NewError(p Product, code, subcode int) *Error {
	e, _ := Lookup(p, code, subcode)
	return &Error{Product: p, Code: code, Subcode: subcode, Entry: e}
}

// Error reads like "rtccodes: CallingSDK 410/3112 (ExpectedError): Call setup
// failed. ...": the error's own pair, then the entry's category and message.
func (e *Error) Error() string {
	if e == nil {
		return "rtccodes: <nil>"
	}
	if !e.Entry.Found() {
		return "rtccodes: " + describe(e.Product, FormatPair(e.Code, e.Subcode), "", "undocumented code")
	}
	return "rtccodes: " + describe(e.Product, FormatPair(e.Code, e.Subcode), e.Entry.Category, e.Entry.Message)
}

// LogValue makes the error a group of attributes in structured logs:
// slog.Any("err", err) logs the product, the error's pair, and the category,
// match, message and advice of its entry.
func (e *Error) LogValue() slog.Value {
	if e == nil {
		return slog.GroupValue()
	}
	attrs := []slog.Attr{
		slog.String("product", e.Product.String()),
		slog.Int("code", e.Code),
		slog.Int("subcode", e.Subcode),
		slog.Bool("found", e.Entry.Found()),
	}
	if e.Entry.Found() {
		attrs = append(attrs,
			slog.String("category", string(e.Entry.Category)),
			slog.String("match", e.Entry.Match.String()),
			slog.String("message", e.Entry.Message))
		if e.Entry.Advice != "" {
			attrs = append(attrs, slog.String("advice", e.Entry.Advice))
		}
	}
	return slog.GroupValue(attrs...)
}

// EntryOf returns the entry of the first *Error in err's tree (see errors.As),
// and whether there is one that something describes.
func EntryOf(err error) (Entry, bool) {
	e, ok := errors.AsType[*Error](err)
	if !ok || e == nil || !e.Entry.Found() {
		return Entry{}, false
	}
	return e.Entry, true
}

// CategoryOf returns the result category of the first *Error in err's tree,
// and whether there is a documented one: it answers "is this expected or a
// bug" for an error wrapped any number of times.
func CategoryOf(err error) (Category, bool) {
	e, ok := EntryOf(err)
	if !ok || e.Category == "" {
		return "", false
	}
	return e.Category, true
}
