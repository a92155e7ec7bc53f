package rtccodes

import (
	"cmp"
	"fmt"
	"slices"

	"github.com/rtccodes/rtccodes/internal/schema"
)

// Reason is a row of a reference table: a SIP response code with its reason
// phrase, or an ITU-T Q.850 cause value with its name.
type Reason struct {
	// Code is the SIP response code or the Q.850 cause value.
	Code int `json:"code"`
	// Text is the reason phrase or the cause's name: "Busy Here", "User busy".
	Text string `json:"text"`
	// Standard is where the code is defined: "RFC 3261", "ITU-T Q.850".
	Standard string `json:"standard"`
}

// SIPReason returns the SIP response code's reason phrase, as registered by
// IANA, and whether the code is registered.
func SIPReason(code int) (Reason, bool) { return findReason(sipReasons, code) }

// Q850Cause returns the ITU-T Q.850 cause value's name, and whether the value
// is defined.
func Q850Cause(code int) (Reason, bool) { return findReason(q850Causes, code) }

func findReason(rs []schema.Reason, code int) (Reason, bool) {
	i, ok := slices.BinarySearchFunc(rs, code, func(r schema.Reason, c int) int { return cmp.Compare(int(r.Code), c) })
	if !ok {
		return Reason{}, false
	}
	r := &rs[i]
	return Reason{Code: int(r.Code), Text: referenceText[r.Text[0]:r.Text[1]], Standard: referenceText[r.Standard[0]:r.Standard[1]]}, true
}

// sbcEntry explains an undocumented subcode 560xxx (outbound call) or 540xxx
// (inbound call) whose last three digits are a SIP response code: the
// customer's SBC answered with that response, as the 2025-07-14 edition's
// PSTN rule says. The outcome is the response's.
func sbcEntry(p Product, code, subcode int) (Entry, uint8, bool) {
	direction := ""
	switch subcode / 1000 {
	case 560:
		direction = "outbound"
	case 540:
		direction = "inbound"
	default:
		return Entry{}, 0, false
	}
	sip, ok := SIPReason(subcode % 1000)
	if !ok {
		return Entry{}, 0, false
	}
	msg := fmt.Sprintf("The SBC answered the %s call with SIP %d %s (%s).", direction, sip.Code, sip.Text, sip.Standard)
	rec := p.record()
	return Entry{Product: p, Section: SectionSBC, Code: code, Subcode: subcode, Message: msg, Advice: pstnSBCRule,
		Match: MatchSBCRule, rec: rec, row: &sbcRow}, rec.CodeOutcome(sip.Code), true
}

// sbcRow is the row of every entry of the SBC rule: its texts are the
// entry's own English Message and Advice.
var sbcRow = schema.Row{Section: schema.SectionSBC}
