package explain

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/rtccodes/rtccodes"
	"github.com/rtccodes/rtccodes/internal/codetext"
	"github.com/rtccodes/rtccodes/internal/schema"
)

// rawRecord is every field Payload reads, at any level of a payload:
// encoding/json matches the names without regard to case, so camelCase
// (the SDKs), PascalCase (the docs and call logs) and the private fields of
// JavaScript error objects (_code) all land here. Codes are kept raw: they
// come as numbers, decimal strings or hexadecimal strings.
type rawRecord struct {
	Type      *string `json:"type"`
	EventType *string `json:"eventType"`

	Data              *rawRecord `json:"data"`
	ResultInformation *rawRecord `json:"resultInformation"`
	CallEndReason     *rawRecord `json:"callEndReason"`
	Error             *rawRecord `json:"error"`

	Code        json.RawMessage `json:"code"`
	SubCode     json.RawMessage `json:"subCode"`
	ExtraCode   json.RawMessage `json:"extraCode"`
	PrivCode    json.RawMessage `json:"_code"`
	PrivSubCode json.RawMessage `json:"_subCode"`
	EndReason   json.RawMessage `json:"participantEndReason"`
	EndSubCode  json.RawMessage `json:"participantEndSubCode"`

	ResultCategories     json.RawMessage `json:"resultCategories"`
	PrivResultCategories json.RawMessage `json:"_resultCategories"`

	Message *string `json:"message"`

	// What ties a record to its call (Context).
	CallConnectionID *string        `json:"callConnectionId"`
	ServerCallID     *string        `json:"serverCallId"`
	CorrelationID    *string        `json:"correlationId"`
	ParticipantID    *string        `json:"participantId"`
	ID               *string        `json:"id"`
	Time             *string        `json:"time"`
	EventTime        *string        `json:"eventTime"`
	TimeGenerated    *string        `json:"timeGenerated"`
	Name             *string        `json:"name"`
	FunctionName     *string        `json:"functionName"`
	SIPDetails       *rawDiagnostic `json:"sipDetails"`
	Q850Details      *rawDiagnostic `json:"q850Details"`

	// An SMS delivery report's status and its details.
	DeliveryStatus        *string `json:"deliveryStatus"`
	DeliveryStatusDetails *string `json:"deliveryStatusDetails"`
	MessageID             *string `json:"messageId"`

	// dropped are the side fields of an unexpected type that were left
	// out, as "id (a number)".
	dropped []string
}

// deliveryReport returns the record, or its data, that is an SMS delivery
// report (it has a deliveryStatus), or nil.
func (rec *rawRecord) deliveryReport() *rawRecord {
	for _, r := range []*rawRecord{rec, rec.Data} {
		if r != nil && r.DeliveryStatus != nil {
			return r
		}
	}
	return nil
}

// smsDelivery explains an SMS delivery report: a code of the SMS table in
// its details answers; else the report is a record without code that says
// its status.
func smsDelivery(x Explanation, d *rawRecord) (Explanation, error) {
	x.Product, x.Inferred = rtccodes.SMS, "deliveryStatus (an SMS delivery report)"
	if d.MessageID != nil {
		x.Context.MessageID = *d.MessageID
	}
	details := ""
	if d.DeliveryStatusDetails != nil {
		details = *d.DeliveryStatusDetails
		x.Message = details
	}
	for _, w := range strings.FieldsFunc(details, func(r rune) bool { return r < '0' || r > '9' }) {
		if code, err := codetext.Bare(w); err == nil {
			if e, ok := rtccodes.Lookup(rtccodes.SMS, code); ok && e.Match == rtccodes.MatchExact {
				x.Code, x.HasCode, x.Entry, x.Found = code, true, e, true
				x.Notes = append(x.Notes, fmt.Sprintf("the delivery status is %q", *d.DeliveryStatus))
				return x, nil
			}
		}
	}
	status := fmt.Sprintf("an SMS delivery report: its status is %q", *d.DeliveryStatus)
	if details != "" {
		status += fmt.Sprintf(" (%s)", details)
	}
	return x, fmt.Errorf("%w: %s, and it carries no code", ErrNoCodes, status)
}

// sideFields are the fields of a record that say where it comes from and
// what it is about, but carry no code: one of an unexpected type is left
// out, with a note, and the record is read by its codes.
var sideFields = []string{"type", "eventType", "message", "callConnectionId", "serverCallId", "correlationId",
	"participantId", "id", "time", "eventTime", "timeGenerated", "name", "functionName",
	"deliveryStatus", "deliveryStatusDetails", "messageId"}

// unmarshalRecord is json.Unmarshal of a record, leaving out the side
// fields of an unexpected type ({"id": 5}): it returns them, as
// "data.correlationId (an object)". Any other error is the record's.
func unmarshalRecord(b []byte, rec *rawRecord) ([]string, error) {
	var dropped []string
	for {
		err := json.Unmarshal(b, rec)
		var te *json.UnmarshalTypeError
		if !errors.As(err, &te) || len(dropped) >= len(sideFields)*4 {
			return dropped, err
		}
		path := strings.Split(te.Field, ".")
		if !slices.ContainsFunc(sideFields, func(f string) bool { return strings.EqualFold(f, path[len(path)-1]) }) {
			return dropped, err
		}
		var v any
		if json.Unmarshal(b, &v) != nil || !deletePath(v, path) {
			return dropped, err
		}
		article := "a "
		if te.Value == "object" || te.Value == "array" {
			article = "an "
		}
		dropped = append(dropped, te.Field+" ("+article+te.Value+")")
		if b, err = json.Marshal(v); err != nil {
			return dropped, err
		}
		*rec = rawRecord{}
	}
}

// deletePath deletes the member at path from a decoded JSON object, keys
// matched in any case as encoding/json matches them; it reports whether
// there was one.
func deletePath(v any, path []string) bool {
	m, ok := v.(map[string]any)
	if !ok {
		return false
	}
	for k, child := range m {
		if !strings.EqualFold(k, path[0]) {
			continue
		}
		if len(path) == 1 {
			delete(m, k)
			return true
		}
		if deletePath(child, path[1:]) {
			return true
		}
	}
	return false
}

type rawDiagnostic struct {
	Code    json.RawMessage `json:"code"`
	Message *string         `json:"message"`
}

// present reports whether a raw field was given a value other than null.
func present(r json.RawMessage) bool { return len(r) > 0 && !bytes.Equal(r, []byte("null")) }

// firstPresent returns the first field given a value, and its name.
func firstPresent(fields ...struct {
	name string
	raw  json.RawMessage
}) (string, json.RawMessage) {
	for _, f := range fields {
		if present(f.raw) {
			return f.name, f.raw
		}
	}
	return "", nil
}

type named = struct {
	name string
	raw  json.RawMessage
}

// codeFields return the record's code and subcode fields, whichever
// spelling it uses.
func (r *rawRecord) codeFields() (string, json.RawMessage, string, json.RawMessage) {
	cn, c := firstPresent(named{"code", r.Code}, named{"_code", r.PrivCode}, named{"participantEndReason", r.EndReason})
	sn, s := firstPresent(named{"subCode", r.SubCode}, named{"_subCode", r.PrivSubCode}, named{"participantEndSubCode", r.EndSubCode})
	return cn, c, sn, s
}

// carriesCode reports whether the record has a code, a subcode or an extra
// code of its own.
func (r *rawRecord) carriesCode() bool {
	_, c, _, s := r.codeFields()
	return c != nil || s != nil || present(r.ExtraCode)
}

// codeValue reads a code as payloads write it: a JSON number, or a string
// that codetext.Parse reads ("410", "0x4004").
func codeValue(name string, raw json.RawMessage) (int, error) {
	text := string(raw)
	if raw[0] == '"' {
		d := decoder{b: raw} // the string as encoding/json reads it
		s, ok := d.str()
		if !ok || d.i != len(raw) {
			return 0, fmt.Errorf("rtccodes: payload: %s: %s is no JSON string", name, raw)
		}
		text = strings.TrimSpace(s)
	}
	n, err := codetext.Parse(text)
	if err != nil {
		return 0, fmt.Errorf("rtccodes: payload: %s %s is not an integer in range", name, raw)
	}
	return n, nil
}

// hexString reports whether a raw code is a string in hexadecimal.
func hexString(raw json.RawMessage) bool {
	return len(raw) > 3 && raw[0] == '"' && raw[1] == '0' && (raw[2] == 'x' || raw[2] == 'X')
}

// categories reads result categories: an array of strings or one string.
func categories(raw json.RawMessage) ([]string, error) {
	if !present(raw) {
		return nil, nil
	}
	var one string
	if json.Unmarshal(raw, &one) == nil {
		return []string{one}, nil
	}
	var many []string
	if err := json.Unmarshal(raw, &many); err != nil {
		return nil, fmt.Errorf("rtccodes: payload: resultCategories: %w", err)
	}
	return many, nil
}

func diagnostic(name string, d *rawDiagnostic, reason func(int) (rtccodes.Reason, bool)) (*Diagnostic, error) {
	if d == nil || !present(d.Code) {
		return nil, nil
	}
	code, err := codeValue(name+".code", d.Code)
	if err != nil {
		return nil, err
	}
	out := &Diagnostic{Code: code}
	if d.Message != nil {
		out.Message = *d.Message
	}
	out.Reason, out.Known = reason(code)
	return out, nil
}

// shapeOf returns the object that carries a record's codes and the shape of
// the record, and what showed the shape.
func shapeOf(rec *rawRecord, event string) (*rawRecord, schema.Shape, string) {
	data := rec
	if rec.Data != nil {
		data = rec.Data
	}
	if data.Error != nil && !data.carriesCode() && data.ResultInformation == nil && data.CallEndReason == nil {
		data = data.Error // an error object as an app logs it: {"error": {...}}
	}
	switch {
	case data.ResultInformation != nil:
		return data.ResultInformation, schema.ShapeResult, "resultInformation"
	case data.CallEndReason != nil:
		return data.CallEndReason, schema.ShapeCallEnd, "callEndReason"
	case !data.carriesCode():
		return nil, 0, ""
	case event != "":
		return data, schema.ShapeResult, "the event type"
	case present(data.EndReason) || present(data.EndSubCode):
		return data, schema.ShapeCallLog, "ParticipantEndReason (a call log record)"
	case present(data.ExtraCode):
		return data, schema.ShapeTRTCError, "extraCode"
	case hexString(data.Code):
		return data, schema.ShapeTRTCError, "a hexadecimal code"
	case data.Name != nil && *data.Name == "RtcError":
		return data, schema.ShapeTRTCError, "the name RtcError"
	case data.Name != nil && trtcKey(*data.Name):
		return data, schema.ShapeTRTCError, "the name " + *data.Name
	case data.FunctionName != nil:
		return data, schema.ShapeTRTCError, "functionName (a TRTC RtcError)"
	case present(data.PrivCode) || present(data.PrivSubCode) || data.Name != nil && *data.Name == "CallingCommunicationError":
		return data, schema.ShapeCallEnd, "a Calling SDK error object"
	case data.Message != nil || data.SIPDetails != nil || data.Q850Details != nil:
		return data, schema.ShapeDiagnosed, "a code with its diagnostics"
	}
	return data, schema.ShapeCode, "a bare code"
}

// context returns the identifiers and time of a record, from the record
// itself (an event, a call log row) or the data it carries, the first that
// has each.
func (rec *rawRecord) context() Context {
	var c Context
	for _, r := range []*rawRecord{rec, rec.Data} {
		if r == nil {
			continue
		}
		for _, f := range []struct {
			to   *string
			from []*string
		}{
			{&c.CallConnectionID, []*string{r.CallConnectionID}},
			{&c.ServerCallID, []*string{r.ServerCallID}},
			{&c.CorrelationID, []*string{r.CorrelationID}},
			{&c.ParticipantID, []*string{r.ParticipantID}},
			{&c.EventID, []*string{r.ID}},
			{&c.Time, []*string{r.Time, r.EventTime, r.TimeGenerated}},
		} {
			for _, v := range f.from {
				if *f.to == "" && v != nil {
					*f.to = *v
				}
			}
		}
	}
	return c
}

// restErrorName reports whether a record is a REST error body whose code is
// the error's name, not a number: {"error": {"code": "Unauthorized",
// "message": "..."}}, the ACS REST APIs' error shape.
func restErrorName(rec, res *rawRecord, code json.RawMessage) bool {
	fromError := res == rec.Error || rec.Data != nil && res == rec.Data.Error
	if !fromError || len(code) == 0 || code[0] != '"' {
		return false
	}
	var name string
	if json.Unmarshal(code, &name) != nil {
		return false
	}
	_, err := codetext.Bare(strings.TrimSpace(name))
	return err != nil && name != "" && !hexString(code)
}

// explainDiagCode explains a message's DiagCode as the products whose
// services write them read it, or as product p.
func explainDiagCode(p rtccodes.Product, code, subcode int, message, inferred string) Explanation {
	x := Explanation{Code: code, Subcode: subcode, HasCode: true, HasSubcode: true, Message: message, Inferred: inferred}
	q := x.question()
	q.Products = productsWith(func(q *schema.Product) bool { return q.DiagCodes })
	if p != 0 {
		q.Products, x.Inferred = []rtccodes.Product{p}, "given"
	}
	x.answer(q, 0)
	return x
}

// trtcKey reports whether a name is a key of a product whose errors are
// named by their code's key (the TRTC Web SDK 5.x).
func trtcKey(name string) bool {
	for _, p := range productsWith(func(q *schema.Product) bool { return q.NamedByKey }) {
		if e, ok := rtccodes.LookupString(p, name); ok && e.Match == rtccodes.MatchKey {
			return true
		}
	}
	return false
}

// explainRecord explains a decoded record, as product p, or inferring the
// product when p is 0.
func explainRecord(p rtccodes.Product, rec *rawRecord) (Explanation, error) {
	var x Explanation
	var table schema.Name // the Log Analytics table a record's Type names, if it names one
	switch {
	case rec.Type != nil:
		x.EventType = *rec.Type
	case rec.EventType != nil:
		x.EventType = *rec.EventType
	}
	if t, ok := schema.TableNamed(x.EventType); ok {
		table, x.EventType = t, "" // a table of Log Analytics, not an event
	}
	x.Context = rec.context()
	for _, d := range rec.dropped {
		x.Notes = append(x.Notes, "the field "+d+" is not text: left out")
	}
	res, shape, shown := shapeOf(rec, x.EventType)
	if res == nil {
		if d := rec.deliveryReport(); d != nil {
			// An SMS delivery report: its status says what happened, and a
			// code in its details is looked up.
			return smsDelivery(x, d)
		}
		return x, ErrNoCodes // what the record carries beside its codes stays
	}
	codeName, code, subName, sub := res.codeFields()
	if restErrorName(rec, res, code) {
		// A REST error body names its error in code ("Unauthorized"): the
		// only code it can carry is a DiagCode in its message.
		if res.Message != nil {
			if c, s, ok := codetext.DiagCode(*res.Message); ok {
				return explainDiagCode(p, c, s, *res.Message, "a DiagCode in a REST error body"), nil
			}
		}
		return Explanation{}, ErrNoCodes
	}
	var err error
	if code != nil {
		if x.Code, err = codeValue(codeName, code); err != nil {
			return Explanation{}, err
		}
		x.HasCode = true
	}
	if sub != nil {
		if x.Subcode, err = codeValue(subName, sub); err != nil {
			return Explanation{}, err
		}
		x.HasSubcode = true
	}
	if code == nil && sub == nil && !present(res.ExtraCode) {
		return Explanation{}, fmt.Errorf("rtccodes: payload: %w", errMissingCode)
	}

	candidates := inferredFrom(shape)
	if t, ok := productNamed(table.Product); ok && p == 0 && slices.Contains(decl(t).Reads, shape) {
		p = t // the table's product, as if given
	}
	switch {
	case p != 0 && table.Name != "" && p.String() == table.Product:
		candidates, x.Inferred = []rtccodes.Product{p}, "the table "+table.Name
	case p != 0:
		if !slices.Contains(decl(p).Reads, shape) {
			return Explanation{}, fmt.Errorf("rtccodes: payload is %s, which %v codes are not", shapeNames[shape], p)
		}
		candidates, x.Inferred = []rtccodes.Product{p}, "given"
	case shape == schema.ShapeCallLog:
		x.Inferred = shown
		if table.Name != "" {
			x.Inferred = "the table " + table.Name + " (a call log record)"
		}
		candidates = callLogCandidates(candidates, x.Subcode, x.HasSubcode)
	case shape == schema.ShapeTRTCError && hexString(code):
		// Only the 4.x SDK writes its codes in hexadecimal.
		candidates = productsWith(func(q *schema.Product) bool { return q.HexCodes && slices.Contains(q.Infers, shape) })
		x.Inferred = "a hexadecimal code, which only " + candidates[0].String() + " writes"
	case shape == schema.ShapeCode:
		// A bare code is any product's: the one that answers most
		// precisely, as a pair asked of every product.
		candidates = productsWith(func(q *schema.Product) bool { return slices.Contains(q.Reads, shape) })
		x.Inferred = shown + "; the product that answers most precisely"
		if q, ok := onlyDocumentedBy(x.question()); ok {
			x.Inferred = "a pair only " + q.String() + " documents"
		}
	default:
		x.Inferred = shown
	}
	x.Product = candidates[0]
	if present(res.ExtraCode) {
		if decl(x.Product).ExtraCodes {
			if x.Subcode, err = codeValue("extraCode", res.ExtraCode); err != nil {
				return Explanation{}, err
			}
			x.HasSubcode = true
		} else if !x.HasCode && !x.HasSubcode {
			return Explanation{}, fmt.Errorf("rtccodes: payload: %w", errMissingCode)
		}
	}
	if res.Message != nil {
		x.Message = *res.Message
	}
	if x.SIP, err = diagnostic("sipDetails", res.SIPDetails, rtccodes.SIPReason); err != nil {
		return Explanation{}, err
	}
	if x.Q850, err = diagnostic("q850Details", res.Q850Details, rtccodes.Q850Cause); err != nil {
		return Explanation{}, err
	}
	if x.ResultCategories, err = categories(res.ResultCategories); err != nil {
		return Explanation{}, err
	}
	if x.ResultCategories == nil {
		if x.ResultCategories, err = categories(res.PrivResultCategories); err != nil {
			return Explanation{}, err
		}
	}

	q := x.question()
	q.Products, q.Text, q.Event = candidates, x.Message, x.EventType
	var own rtccodes.Product // the product the record's shape names, if it names one
	if shape != schema.ShapeCode && decl(candidates[0]).Family == "" {
		own = candidates[0]
	}
	x.answer(q, own)
	x.noteCodeChose(candidates)
	x.noteEvent(candidates[0])
	x.compareCategories()
	return x, nil
}

// question is the explanation's pair as a question of every product.
func (x *Explanation) question() rtccodes.Question {
	return rtccodes.Question{Code: x.Code, Subcode: x.Subcode, HasCode: x.HasCode, HasSubcode: x.HasSubcode}
}

// answer sets the explanation's answer to the question: its product and
// entry. Where a product the record may come from documents the pair and
// the record's own product (own, which its shape names; 0 for none) has only a code's row or its
// class for it, the documented row answers and the own product's answer
// stays under Also, with a note saying why: an event qualifies an answer,
// it never hides a row. When the answer is only the class, or nothing, the
// rows of other products that document the pair exactly are under Also.
func (x *Explanation) answer(q rtccodes.Question, own rtccodes.Product) {
	answers := resolve(q)
	if own != 0 && len(answers) > 0 && answers[0].Product != own && !documents(answers[0]) {
		// The record's own product answers with its own rows or class;
		// another product only with a row it documents for the pair.
		if i := slices.IndexFunc(answers, func(e rtccodes.Entry) bool { return e.Product == own }); i > 0 {
			answers = append([]rtccodes.Entry{answers[i]}, slices.Delete(slices.Clone(answers), i, i+1)...)
		}
	}
	if len(answers) > 0 {
		x.Product, x.Entry, x.Found = answers[0].Product, answers[0], true
	}
	if own != 0 && x.Found && x.Product != own {
		if i := slices.IndexFunc(answers, func(e rtccodes.Entry) bool { return e.Product == own }); i > 0 {
			o := answers[i]
			x.Also = append(x.Also, o)
			x.Notes = append(x.Notes, fmt.Sprintf("%v documents %s; %v, whose result this is, has only %s (%s) for it, under Also",
				x.Product, x.Entry.Pair(), o.Product, o.Pair(), o.Match))
		} else {
			x.Notes = append(x.Notes, fmt.Sprintf("%v documents %s; %v, whose result this is, has nothing for it", x.Product, x.Entry.Pair(), own))
		}
	}
	x.noteSilentSubcode()
	if x.Found && x.Entry.Match != rtccodes.MatchClass || !x.HasCode && !x.HasSubcode {
		return
	}
	for _, e := range resolve(x.question()) {
		if e.Product != x.Product && e.Match == rtccodes.MatchExact && !slices.ContainsFunc(x.Also, func(a rtccodes.Entry) bool { return a.Product == e.Product }) {
			x.Also = append(x.Also, e)
		}
	}
}

// documents reports whether an entry is a row the product documents for the
// pair asked: the pair itself, another spelling of it, or PSTN's rule for
// its 560xxx and 540xxx subcodes.
func documents(e rtccodes.Entry) bool {
	return e.Match == rtccodes.MatchExact || e.Match == rtccodes.MatchAlias || e.Match == rtccodes.MatchSBCRule
}

// noteSilentSubcode notes a row that the subcode finds alone but that does
// not answer the code, and why: its outcome is not the code's (Call
// Automation's */9998 "Fatal Error" under 200), or the code is 0, which
// only the rows and facts that name it answer.
func (x *Explanation) noteSilentSubcode() {
	if !x.HasCode || !x.HasSubcode || x.Subcode == 0 || x.Product == 0 {
		return
	}
	if x.Found && x.Entry.Match < rtccodes.MatchCode {
		return // a row of the pair, or of its subcode, answers
	}
	alone := resolve(rtccodes.Question{Products: []rtccodes.Product{x.Product}, Subcode: x.Subcode, HasSubcode: true})
	if len(alone) == 0 {
		if x.Found && x.Entry.Match == rtccodes.MatchCode {
			what := "subcode"
			if decl(x.Product).ExtraCodes {
				what = "extra code"
			}
			x.Notes = append(x.Notes, fmt.Sprintf("%v documents no %s %d, under %d or any code: the code's own row answers", x.Product, what, x.Subcode, x.Code))
		}
		return
	}
	e := alone[0]
	switch {
	case x.Found && x.Entry.Product == e.Product && x.Entry.Pair() == e.Pair():
		return // the row answers
	case e.Match == rtccodes.MatchSubcode, e.Match == rtccodes.MatchGenericSubcode, e.Match == rtccodes.MatchObserved:
	default:
		return
	}
	if x.Code != 0 && e.Outcome != rtccodes.OutcomeUnknown && e.Outcome == codeOutcome(x.Product, x.Code) {
		return // the row agrees with the code: it did not answer for another reason, which its own note gives
	}
	answers := "nothing else answers"
	if x.Found {
		switch x.Entry.Match {
		case rtccodes.MatchClass:
			answers = "the " + x.Entry.Pair() + " class answers"
		case rtccodes.MatchGenericCode:
			answers = "the generic code " + x.Entry.Pair() + " answers"
		case rtccodes.MatchCodeRows:
			answers = "the rows under code " + x.Entry.Pair() + " answer, counted"
		default:
			answers = "the row " + x.Entry.Pair() + " answers"
		}
	}
	code := codeOutcome(x.Product, x.Code)
	var why string
	switch {
	case x.Code == 0:
		why = "code 0 has no class of its own, and only the rows that name code 0 answer it"
	case code == rtccodes.OutcomeUnknown:
		why = fmt.Sprintf("%d is neither a success nor a failure code", x.Code)
	default:
		why = fmt.Sprintf("%d is a %s code", x.Code, code)
	}
	is := "is a " + string(e.Outcome)
	if e.Outcome == rtccodes.OutcomeUnknown {
		is = "has no known outcome"
	}
	x.Notes = append(x.Notes, fmt.Sprintf("%v %s %q %s; %s, so %s", x.Product, e.Pair(), e.Message, is, why, answers))
}

// productNamed returns the product of a name as the names table writes it
// ("CallAutomation"), and false for none, a family or "calllog".
func productNamed(name string) (rtccodes.Product, bool) {
	for _, p := range rtccodes.Products() {
		if p.String() == name {
			return p, true
		}
	}
	return 0, false
}

// codeOutcome is what a product's code says of the call, as its class or
// its own row says it; unknown for code 0 and for a code of neither class.
func codeOutcome(p rtccodes.Product, code int) rtccodes.Outcome {
	if c, ok := rtccodes.Lookup(p, code); ok && code != 0 {
		return c.Outcome
	}
	return rtccodes.OutcomeUnknown
}

// callLogCandidates orders the products of a call log record: a product
// whose call log subcodes (PSTN's 560xxx, 540xxx, 510xxx) include the
// subcode answers; else the products that claim no subcodes (the Calling
// SDK) answer first, and the others when they answer more precisely.
func callLogCandidates(candidates []rtccodes.Product, subcode int, hasSubcode bool) []rtccodes.Product {
	claims := func(q rtccodes.Product) bool {
		return hasSubcode && subcode >= 0 && slices.Contains(decl(q).CallLogSubcodes, subcode/1000)
	}
	if i := slices.IndexFunc(candidates, claims); i >= 0 {
		return []rtccodes.Product{candidates[i]}
	}
	candidates = slices.Clone(candidates)
	slices.SortStableFunc(candidates, func(a, b rtccodes.Product) int {
		return len(decl(a).CallLogSubcodes) - len(decl(b).CallLogSubcodes)
	})
	return candidates
}

// onlyDocumentedBy returns the one product that documents the pair (or the
// code's own row) exactly, if exactly one does.
func onlyDocumentedBy(q rtccodes.Question) (rtccodes.Product, bool) {
	var only rtccodes.Product
	for _, e := range resolve(q) {
		if e.Match == rtccodes.MatchExact {
			if only != 0 {
				return 0, false
			}
			only = e.Product
		}
	}
	return only, only != 0
}

// noteEvent notes a row of the record's own product documented for other
// events than the explanation's: it was not offered as the meaning of this one (200/0 is
// "call ended" on CallDisconnected only, not on CallConnected).
func (x *Explanation) noteEvent(own rtccodes.Product) {
	if x.EventType == "" || !x.HasCode || !x.HasSubcode {
		return
	}
	e, ok := rtccodes.Lookup(own, x.Code, x.Subcode)
	events := e.Events()
	if !ok || len(events) == 0 || x.Found && x.Entry.Product == e.Product && x.Entry.Pair() == e.Pair() {
		return
	}
	event := x.EventType[strings.LastIndexByte(x.EventType, '.')+1:]
	if slices.ContainsFunc(events, func(ev string) bool { return strings.EqualFold(ev, event) }) {
		return
	}
	x.Notes = append(x.Notes, fmt.Sprintf("%s is documented for %s, not for %s", e.Pair(), strings.Join(events, ", "), event))
}

// compareCategories notes where the payload's own result categories do not
// include the documented one.
func (x *Explanation) compareCategories() {
	if !x.Found || x.Entry.Category == "" || len(x.ResultCategories) == 0 {
		return
	}
	for _, c := range x.ResultCategories {
		if strings.EqualFold(c, string(x.Entry.Category)) {
			return
		}
	}
	x.Notes = append(x.Notes, fmt.Sprintf("the payload reports %s; the documents say %s", strings.Join(x.ResultCategories, ", "), x.Entry.Category))
}

var errMissingCode = errors.New("the result has no code")
