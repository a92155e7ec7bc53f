// Package schema declares what rtccodes' generator writes and the library
// reads: the products, the sections of their documentation, the languages
// and the outcomes. Both import it, so that each is declared once.
package schema

import (
	"strconv"
	"strings"
)

// Lang is a language of the tables.
type Lang uint8

// The languages, English first: every row has English.
const (
	EN Lang = iota
	JA
	FR
	NumLangs
)

// LangTags are the BCP 47 tags of the languages, by Lang.
var LangTags = [NumLangs]string{EN: "en", JA: "ja", FR: "fr"}

// Alias is a key that finds another row.
type Alias struct {
	Code, Subcode             int
	TargetCode, TargetSubcode int
}

// GoString writes a Lang as the generated code names it.
func (l Lang) GoString() string {
	if l < NumLangs {
		return "schema." + strings.ToUpper(LangTags[l])
	}
	return "schema.Lang(" + strconv.Itoa(int(l)) + ")"
}

// GoString writes a Section as the generated code names it.
func (s Section) GoString() string {
	if int(s) < len(Sections) && Sections[s].Const != "" {
		return "schema." + Sections[s].Const
	}
	return "schema.Section(" + strconv.Itoa(int(s)) + ")"
}

// String returns the section's name, such as "callend".
func (s Section) String() string {
	if int(s) < len(Sections) && Sections[s].Name != "" {
		return Sections[s].Name
	}
	return "Section(" + strconv.Itoa(int(s)) + ")"
}

// The outcomes of a row or a code: what it says of the call.
const (
	OutcomeSuccess uint8 = 1 << iota
	OutcomeFailure
)

// CodeOutcome is what a product's code says of the call: every code of a
// product whose codes are all errors fails; the others follow HTTP and SIP
// (0 and 2xx succeed, 4xx-6xx fail, the rest say neither).
func (p *Product) CodeOutcome(code int) uint8 {
	switch {
	case p.AllErrors:
		return OutcomeFailure
	case code == 0 || code >= 200 && code < 300:
		return OutcomeSuccess
	case code >= 400 && code < 700:
		return OutcomeFailure
	}
	return 0
}

// DocumentedOutcome is what the product's document says the code means
// for the call: the outcome of the first of its Outcomes whose range holds
// the code; 0 when none does.
func (p *Product) DocumentedOutcome(code int) uint8 {
	for i := range p.Outcomes {
		if r := &p.Outcomes[i]; code >= r.From && code <= r.To {
			return r.Outcome
		}
	}
	return 0
}

// CategoryOutcome is what a result category says of the call.
func CategoryOutcome(category string) uint8 {
	switch category {
	case "":
		return 0
	case "Success":
		return OutcomeSuccess
	}
	return OutcomeFailure
}

// NamedIn returns the words of a text that name the product, and whether
// there are some: its name as one word or its words joined ("Call
// Automation", "CallAutomation"), a short name of at most four letters
// (pstn, sms, trtc), a spelling that says a vendor or an SDK (acschat,
// tencent, "ACS-calling"), its family, or a word of its SDK (RtcError); not
// "calling" or "automation", which are words of their own.
func (p *Product) NamedIn(text string) (string, bool) {
	names := []string{strings.ToLower(p.Name), p.Family}
	if len(p.Short) <= 4 {
		names = append(names, p.Short)
	}
	for _, s := range p.Spellings {
		if strings.Contains(s, "sdk") || strings.Contains(s, "acs") || strings.Contains(s, "trtc") || strings.Contains(s, "tencent") {
			names = append(names, s)
		}
	}
	names = append(names, p.Words...)
	words := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9')
	})
	for i := range words {
		joined := ""
		for j := i; j < len(words) && j < i+4; j++ {
			joined += words[j]
			for _, n := range names {
				if n != "" && n == joined {
					return strings.Join(words[i:j+1], " "), true
				}
			}
		}
	}
	return "", false
}
