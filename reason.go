package rtccodes

import (
	"cmp"
	"fmt"
	"slices"
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

func findReason(rs []Reason, code int) (Reason, bool) {
	i, ok := slices.BinarySearchFunc(rs, code, func(r Reason, c int) int { return cmp.Compare(r.Code, c) })
	if !ok {
		return Reason{}, false
	}
	return rs[i], true
}

// sbcResponse reads an undocumented subcode 560xxx (outbound call) or
// 540xxx (inbound call) whose last three digits are a SIP response code:
// the customer's SBC answered with that response, as the 2025-07-14
// edition's PSTN rule says.
func sbcResponse(subcode int) (sip Reason, direction string, ok bool) {
	switch subcode / 1000 {
	case 560:
		direction = "outbound"
	case 540:
		direction = "inbound"
	default:
		return Reason{}, "", false
	}
	sip, ok = SIPReason(subcode % 1000)
	return sip, direction, ok
}

// sbcEntry is the entry of a subcode the SBC rule explains (see
// sbcResponse), made for the lookup that asks.
func sbcEntry(p Product, q pair, sip Reason, direction string) *Entry {
	msg := fmt.Sprintf("The SBC answered the %s call with SIP %d %s (%s).", direction, sip.Code, sip.Text, sip.Standard)
	outcome := OutcomeUnknown
	if q.hasCode {
		outcome = p.record().outcome(q.code)
	}
	return &Entry{Product: p, Section: SectionSBC, Code: q.code, Subcode: q.subcode, HasCode: q.hasCode, HasSubcode: q.hasSubcode,
		Message: msg, Advice: pstnSBCRule, Outcome: outcome, Match: MatchSBCRule, details: &sbcDetails}
}

// sbcDetails are the details of every entry of the SBC rule: its only text
// is the entry's own English Message and Advice.
var sbcDetails = details{}
