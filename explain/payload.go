package explain

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/rtccodes/rtccodes"
	"github.com/rtccodes/rtccodes/internal/codetext"
	"github.com/rtccodes/rtccodes/internal/schema"
)

// Explanation is what Payload makes of a payload a service received.
type Explanation struct {
	// Product is the product the payload's codes belong to, as inferred.
	Product rtccodes.Product
	// EventType is the event's type, such as
	// "Microsoft.Communication.CallDisconnected"; empty for a bare object.
	EventType string
	// Code and Subcode are the codes the payload carries; HasCode and
	// HasSubcode say whether it carries them.
	Code, Subcode       int
	HasCode, HasSubcode bool
	// Message is the payload's own message, as sent.
	Message string
	// Entry describes the pair, when Found.
	Entry rtccodes.Entry
	// Found reports whether anything describes the pair.
	Found bool
	// SIP and Q850 are the diagnostics the carrier added, when present.
	SIP, Q850 *Diagnostic
	// Also are the rows of other products that document the payload's exact
	// pair, when the explanation's own product has only its class (or
	// nothing) to say: a Call Automation event that carries the Calling SDK's
	// 410/3112 is offered that row.
	Also []rtccodes.Entry
	// Inferred says what chose Product: "given" when the caller named it,
	// else what in the payload did, such as "resultInformation", "the event
	// type", "extraCode" or "ParticipantEndReason (a call log record)".
	Inferred string
	// ResultCategories are the result categories the payload reports itself
	// (resultCategories, _resultCategories), as sent.
	ResultCategories []string
	// Notes are remarks on the answer: the payload's categories disagree with
	// the documented one; a row documented for other events was not offered
	// as the meaning of this one.
	Notes []string
	// Context ties the record to its call: its identifiers and time, where
	// it carries them.
	Context Context
}

// Context is what ties a record to its call, as the record carries it: the
// Call Automation call connection and server call, the call log's
// correlation and participant, the event's ID, and the time (an event's
// time or eventTime, a call log's TimeGenerated).
type Context struct {
	CallConnectionID string `json:"callConnectionId,omitempty"`
	ServerCallID     string `json:"serverCallId,omitempty"`
	CorrelationID    string `json:"correlationId,omitempty"`
	ParticipantID    string `json:"participantId,omitempty"`
	EventID          string `json:"eventId,omitempty"`
	MessageID        string `json:"messageId,omitempty"` // of an SMS
	Time             string `json:"time,omitempty"`
}

// Diagnostic is a SIP or Q.850 diagnostic of a Call Automation result: the
// code and message as sent, and the reference table's reason for the code.
type Diagnostic struct {
	// Code is the SIP response code or the Q.850 cause value, as sent.
	Code int `json:"code"`
	// Message is the diagnostic's message, as sent.
	Message string `json:"message"`
	// Reason is the reference table's row for Code.
	Reason rtccodes.Reason `json:"reason"`
	// Known reports whether the reference table has a row for Code.
	Known bool `json:"known"`
}

// ErrNoCodes is returned by Payload for a payload that is valid JSON but
// carries no code: no resultInformation, callEndReason or code field.
var ErrNoCodes = errors.New("rtccodes: payload carries no code")

// Payload reads a JSON payload a service received and explains its codes:
//
//   - a Call Automation event, as a CloudEvent or an Event Grid event
//     ({"type": "Microsoft.Communication.CallDisconnected", "data":
//     {"resultInformation": {...}}}), or a one-event array of either;
//   - a bare resultInformation object ({"code": 500, "subCode": 560503,
//     "message": "...", "sipDetails": {...}, "q850Details": {...}}), with
//     or without the "resultInformation" wrapper;
//   - the Calling SDK's callEndReason ({"code": 487, "subCode": 10003}), with
//     or without the "callEndReason" wrapper.
//
// A Call Automation result whose pair is a PSTN row (and no Call Automation
// row) is explained as PSTN. When the pair is not documented but the message
// carries a DiagCode (as in "DiagCode: 500#560500.@"), that pair answers.
// Malformed JSON, data after the JSON value, an object with two spellings of
// one key (encoding/json ignores case) whose values differ, wrong types,
// codes outside the int range and payloads without a code get an error.
func Payload(payload []byte) (Explanation, error) { return explain(0, payload) }

// PayloadAs is Payload for a payload of a product the caller knows: the
// payload's codes are read as that product's. A Call Automation event or
// resultInformation is read as CallAutomation or PSTN, a callEndReason as
// CallingSDK or PSTN, a bare object with a code as any product; a TRTCWeb
// payload may carry the extra code as "extraCode" ({"code": 16385,
// "extraCode": 70001}). A product that cannot apply to the payload's shape,
// or that is not a product, is an error.
func PayloadAs(p rtccodes.Product, payload []byte) (Explanation, error) {
	if !valid(p) {
		return Explanation{}, fmt.Errorf("rtccodes: %v is not a product", p)
	}
	return explain(p, payload)
}

// explain is Payload, reading the payload as product p, or inferring the
// product when p is 0.
func explain(p rtccodes.Product, payload []byte) (Explanation, error) {
	payload = bytes.TrimSpace(payload)
	if len(payload) > 0 && payload[0] == '[' {
		var events []json.RawMessage
		if err := json.Unmarshal(payload, &events); err != nil {
			return Explanation{}, fmt.Errorf("rtccodes: payload: %w", err)
		}
		if len(events) != 1 {
			return Explanation{}, fmt.Errorf("rtccodes: payload is an array of %d events; Stream explains them one by one", len(events))
		}
		payload = events[0]
	}
	x, err := explainValue(p, payload, new(rawRecord))
	if err != nil {
		return Explanation{}, err // what a record without code carries is a stream's (RecordError)
	}
	return x, nil
}

// shapeNames name the payload shapes in errors.
var shapeNames = [...]string{
	schema.ShapeResult:    "a Call Automation result or event",
	schema.ShapeCallEnd:   "a Calling SDK callEndReason",
	schema.ShapeDiagnosed: "an object with a code and its diagnostics",
	schema.ShapeCode:      "an object with a code",
	schema.ShapeCallLog:   "a call log record",
	schema.ShapeTRTCError: "a TRTC error",
}

// inferredFrom returns the products a payload of the shape is read as when
// no product is given, in declaration order: the first answers, a later
// one when it answers more precisely.
// The slice is shared: a caller that changes it clones it first.
func inferredFrom(shape schema.Shape) []rtccodes.Product {
	inferred.once.Do(func() {
		for shape := range inferred.by {
			inferred.by[shape] = productsWith(func(q *schema.Product) bool { return slices.Contains(q.Infers, schema.Shape(shape)) })
		}
	})
	if int(shape) >= len(inferred.by) {
		return nil
	}
	return inferred.by[shape]
}

// inferred holds inferredFrom's answer for every shape; built on first use.
var inferred struct {
	once sync.Once
	by   [schema.ShapeTRTCError + 1][]rtccodes.Product
}

// Message explains a message that carries a DiagCode, trying the
// products whose services send them (Calling SDK, Call Automation, PSTN), and
// returns the most precise entry.
func Message(message string) (Explanation, bool) {
	code, sub, ok := codetext.DiagCode(message)
	if !ok {
		return Explanation{}, false
	}
	return explainDiagCode(0, code, sub, strings.TrimSpace(message), ""), true
}

// readKeys are the keys Payload reads, in any case.
var readKeys = []string{"type", "eventType", "data", "resultInformation", "callEndReason", "error",
	"code", "subCode", "extraCode", "_code", "_subCode", "participantEndReason", "participantEndSubCode",
	"resultCategories", "_resultCategories", "message", "name", "functionName", "sipDetails", "q850Details"}

// checkKeys reports an object of a JSON value that has a key Payload reads
// twice, in any case, with different values: {"code": 500, "Code": 400}.
// encoding/json would keep the last one silently, or merge two objects into
// a pair that neither holds. The value must be valid JSON.
func checkKeys(b []byte) error {
	type object struct {
		seen    map[string][]byte // the values of the keys Payload reads
		key     string            // the member's key, when Payload reads it
		start   int64             // where the member's value starts
		wantKey bool
	}
	var open []*object // the objects and arrays (nil) not yet closed
	d := json.NewDecoder(bytes.NewReader(b))
	for {
		t, err := d.Token()
		if err != nil {
			return nil // the end: the value was checked valid before
		}
		var o *object
		if len(open) > 0 {
			o = open[len(open)-1]
		}
		switch t {
		case json.Delim('{'), json.Delim('['):
			var child *object
			if t == json.Delim('{') {
				child = &object{seen: map[string][]byte{}, wantKey: true}
			}
			open = append(open, child)
			continue
		case json.Delim('}'), json.Delim(']'):
			open = open[:len(open)-1]
			if o = nil; len(open) > 0 {
				o = open[len(open)-1]
			}
		default:
			if o != nil && o.wantKey {
				o.key, o.start, o.wantKey = readKey(t.(string)), d.InputOffset(), false
				continue
			}
		}
		if o == nil {
			continue // an element of an array, or the value itself
		}
		if o.key != "" { // a member's value ends here
			v := bytes.TrimLeft(bytes.TrimSpace(b[o.start:d.InputOffset()]), ": \t\r\n")
			if prev, ok := o.seen[o.key]; ok && !bytes.Equal(prev, v) {
				return fmt.Errorf("key %q is given twice with different values", o.key)
			}
			o.seen[o.key] = v
		}
		o.key, o.wantKey = "", true
	}
}

// readKey returns the key Payload reads that a JSON key spells, in any
// case as encoding/json matches keys, or "".
func readKey(key string) string {
	for _, k := range readKeys {
		if strings.EqualFold(key, k) {
			return k
		}
	}
	return ""
}

// asciiEqualFold reports whether b and s are equal ignoring ASCII case.
func asciiEqualFold(b []byte, s string) bool {
	if len(b) != len(s) {
		return false
	}
	for i := range b {
		if codetext.Lower(b[i]) != codetext.Lower(s[i]) {
			return false
		}
	}
	return true
}

// EventEntries returns the entries whose pair the callback event can carry,
// such as "CallDisconnected" or "AnswerFailed" (case is ignored), in product
// and table order: the Call Automation table names the events of its rows.
func EventEntries(event string) []rtccodes.Entry {
	var out []rtccodes.Entry
	for _, p := range rtccodes.Products() {
		for e := range rtccodes.All(p) {
			for _, ev := range e.Events() {
				if strings.EqualFold(ev, event) {
					out = append(out, e)
					break
				}
			}
		}
	}
	return out
}

// Pair writes the codes the payload carries as rtccodes prints a pair:
// "410/3112", "410" without subcode, "*/8536" without code.
func (x Explanation) Pair() string { return pairText(x.HasCode, x.Code, x.HasSubcode, x.Subcode) }

// Carried writes the pair as the records carried it, as Explanation.Pair
// does; Pair is the answer's.
func (c PairCount) Carried() string { return pairText(c.HasCode, c.Code, c.HasSubcode, c.Subcode) }

// pairText writes a code and a subcode, either of which may be absent.
func pairText(hasCode bool, code int, hasSubcode bool, subcode int) string {
	switch {
	case !hasCode && !hasSubcode:
		return "-"
	case !hasCode:
		return "*/" + strconv.Itoa(subcode)
	case !hasSubcode:
		return strconv.Itoa(code)
	}
	return strconv.Itoa(code) + "/" + strconv.Itoa(subcode)
}
