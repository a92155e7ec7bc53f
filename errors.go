package rtccodes

import (
	"errors"
	"log/slog"
)

// Error is a product's code and subcode as a Go error, with the entry that
// describes them. Return it from the code that meets them, wrap it as any
// error, and read it back with EntryOf or errors.As.
type Error struct {
	// Product is the product that returned the codes.
	Product Product
	// Code and Subcode are the codes as returned; HasSubcode says whether
	// there is a subcode.
	Code, Subcode int
	HasSubcode    bool
	// Entry is what Lookup found for the codes; Found says whether
	// anything describes them.
	Entry Entry
	Found bool
}

// NewError returns the error of a product's code and subcode, with the
// entry Lookup finds for them: NewError(CallingSDK, 410, 3112), or
// NewError(Chat, 401) without subcode.
func NewError(p Product, code int, subcode ...int) *Error {
	e, ok := Lookup(p, code, subcode...)
	err := &Error{Product: p, Code: code, Entry: e, Found: ok}
	if len(subcode) > 0 {
		err.Subcode, err.HasSubcode = subcode[0], true
	}
	return err
}

// pair is the error's codes.
func (e *Error) pair() string {
	return formatPair(pair{code: e.Code, subcode: e.Subcode, hasCode: true, hasSubcode: e.HasSubcode})
}

// Error reads like "rtccodes: CallingSDK 410/3112 (ExpectedError): Call setup
// failed. ...": the error's own pair, then the entry's category and message.
func (e *Error) Error() string {
	if e == nil {
		return "rtccodes: <nil>"
	}
	if !e.Found {
		return "rtccodes: " + describe(e.Product, e.pair(), "", "undocumented code")
	}
	return "rtccodes: " + describe(e.Product, e.pair(), e.Entry.Category, e.Entry.Message)
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
	}
	if e.HasSubcode {
		attrs = append(attrs, slog.Int("subcode", e.Subcode))
	}
	attrs = append(attrs, slog.Bool("found", e.Found))
	if e.Found {
		attrs = append(attrs,
			slog.String("category", string(e.Entry.Category)),
			slog.String("outcome", string(e.Entry.Outcome)),
			slog.String("match", e.Entry.Match.String()),
			slog.String("message", e.Entry.Message))
		if e.Entry.Advice != "" {
			attrs = append(attrs, slog.String("advice", e.Entry.Advice))
		}
	}
	return slog.GroupValue(attrs...)
}

// EntryOf returns the entry of the first *Error in err's tree (see
// errors.As), and whether there is one that something describes: it
// answers "is this expected or a bug" (Entry.Category, Entry.Outcome) for
// an error wrapped any number of times.
func EntryOf(err error) (Entry, bool) {
	e, ok := errors.AsType[*Error](err)
	if !ok || e == nil || !e.Found {
		return Entry{}, false
	}
	return e.Entry, true
}
