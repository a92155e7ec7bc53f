package schema

import "math"

// Section is a table of a product's documentation.
type Section uint8

// The sections, as Sections declares them.
const (
	SectionClient Section = iota + 1
	SectionCallEnd
	SectionClass
	SectionCommon
	SectionGenericCode
	SectionGenericSubcode
	SectionParticipantEnd
	SectionSBC
	SectionErrorCode
	SectionAccount
	SectionRoomEntry
	SectionMessage
	SectionObserved
	SectionSDKEnum
	SectionCodeRows
	SectionTeamsCallEnd
)

// SectionInfo declares a section: its Go constant, its name and what it is.
type SectionInfo struct {
	Const string // the constant here and in rtccodes: "SectionClient"
	Name  string // what String returns: "client"
	Doc   string // the constant's doc comment, after its name
}

// Sections declares every section, by Section.
var Sections = [...]SectionInfo{
	SectionClient:         {"SectionClient", "client", "is the Calling SDK client error table."},
	SectionCallEnd:        {"SectionCallEnd", "callend", "is the Calling SDK call end table."},
	SectionClass:          {"SectionClass", "class", "is a code class (2xx, 4xx, 5xx, 6xx) as the ACS docs define it."},
	SectionCommon:         {"SectionCommon", "common", "is the Call Automation table of common codes and subcodes."},
	SectionGenericCode:    {"SectionGenericCode", "genericcode", "is the Call Automation table of generic codes."},
	SectionGenericSubcode: {"SectionGenericSubcode", "genericsubcode", "is the Call Automation table of generic subcodes."},
	SectionParticipantEnd: {"SectionParticipantEnd", "participantend", "is the PSTN ParticipantEndReason tables."},
	SectionSBC:            {"SectionSBC", "sbc", "is a PSTN subcode explained by the 560xxx/540xxx rule."},
	SectionErrorCode:      {"SectionErrorCode", "errorcode", "is a Chat or SMS error code, or a TRTC error code with its key."},
	SectionAccount:        {"SectionAccount", "account", "is a TRTC account error (extra code under 0x4001)."},
	SectionRoomEntry:      {"SectionRoomEntry", "roomentry", "is a TRTC room entry error (extra code under 0x4004)."},
	SectionMessage:        {"SectionMessage", "message", "is a TRTC error known by its message."},
	SectionObserved:       {"SectionObserved", "observed", "is a fact of the facts table: a code users meet that the documents\nleave out, as vendors' own SDK or UI library code handles it (see\nEntry.Provenance)."},
	SectionSDKEnum:        {"SectionSDKEnum", "sdkenum", "is a code or extra code of an SDK whose own error code enum is its\nonly source (the TRTC Web SDK 5.x; see Entry.Provenance)."},
	SectionTeamsCallEnd:   {"SectionTeamsCallEnd", "teamscallend", "is the call end reason codes of Teams calls, from the Microsoft\nGraph calls API's page, for the pairs the ACS documents leave out."},
	SectionCodeRows:       {"SectionCodeRows", "coderows", "is the documented rows under a code that has no row of its own,\ncounted by outcome (see MatchCodeRows)."},
}

// Shape is a shape of payload that rtccodes.Explain reads.
type Shape uint8

// The payload shapes.
const (
	// ShapeResult is a Call Automation resultInformation, or an event that
	// carries a result.
	ShapeResult Shape = iota + 1
	// ShapeCallEnd is a Calling SDK callEndReason.
	ShapeCallEnd
	// ShapeDiagnosed is a bare object with a code and a message or SIP or
	// Q.850 details.
	ShapeDiagnosed
	// ShapeCode is a bare object with a code and nothing else to say.
	ShapeCode
	// ShapeCallLog is a call summary log record: ParticipantEndReason and
	// ParticipantEndSubCode.
	ShapeCallLog
	// ShapeTRTCError is a TRTC RtcError as apps log it: an extraCode, a
	// hexadecimal code or the name RtcError.
	ShapeTRTCError
)

// Product declares a product: everything rtccodes knows of it but its rows,
// which the generator parses from its documents into File.
type Product struct {
	Name      string   // the Go constant: "CallingSDK"
	Short     string   // the name the tool lists: "calling"
	Spellings []string // what ParseProduct also accepts, lower case, without spaces, hyphens, underscores or dots
	Doc       string   // the constant's doc comment, after its name
	File      string   // the generated file of its rows: "calling.go"
	Var       string   // the generated variable of its table: "callingTable"

	// Sections are the product's tables in the documentation's order, the
	// order of its rows. Preferred wins a key that another of its sections
	// shares (0: none may share).
	Sections  []Section
	Preferred Section

	// What its codes are and which fallbacks apply to them.
	AllErrors     bool // every code is an error (else 0 and 2xx succeed, 4xx-6xx fail)
	NegativeCodes bool // codes and subcodes may be negative
	ExtraCodes    bool // a code without subcode is also tried as a subcode (an extra code)
	SBCRule       bool // a 560xxx/540xxx subcode is explained by its SIP response
	HexCodes      bool // the docs print codes in hexadecimal; lookups read them so
	DiagCodes     bool // its services put "DiagCode: code#subcode" in messages

	// Payloads: the shapes ExplainAs reads as the product, and those
	// Explain infers it from, in declaration order (a later product answers
	// when it documents the pair and an earlier one does not). In a call
	// log, a subcode whose thousands are one of CallLogSubcodes is the
	// product's (PSTN's 560xxx, 540xxx, 510xxx).
	Reads, Infers   []Shape
	CallLogSubcodes []int

	// Family names the products a line of text names together ("trtc": the
	// TRTC Web SDKs 4.x and 5.x), whose codes then tell them apart.
	// ContextKeys says its keys are words other software uses too
	// (SERVER_ERROR, UNKNOWN_ERROR): in a line of text they answer only
	// when the line names the product or its family.
	// NamedByKey says its errors are named by their code's key (a 5.x
	// RtcError's name is "DEVICE_ERROR"; a 4.x one's is "RtcError").
	Family      string
	ContextKeys bool
	NamedByKey  bool

	// Outcomes are what its document says its codes mean for the call,
	// each rule with the sentence it rests on; the first rule whose range
	// holds a code decides, and a code no rule holds says nothing.
	Outcomes []OutcomeRule
}

// OutcomeRule is what a product's document says a range of its codes means
// for the call, and the sentence of the document that says so (the
// generator checks that the document prints it).
type OutcomeRule struct {
	From, To int    // the codes, both included
	Outcome  uint8  // OutcomeSuccess or OutcomeFailure
	Document string // the document, under testdata
	Sentence string
}

// acsClasses are the code classes of an ACS page: "The code categories:
// Successful responses (200-299), Client error (400-499), Server error
// (500-599), Global error (600-699)".
func acsClasses(document string) []OutcomeRule {
	return []OutcomeRule{
		{200, 299, OutcomeSuccess, document, "Successful responses (200-299)"},
		{400, 499, OutcomeFailure, document, "Client error (400-499)"},
		{500, 599, OutcomeFailure, document, "Server error (500-599)"},
		{600, 699, OutcomeFailure, document, "Global error (600-699)"},
	}
}

// The documents the outcome rules rest on.
const (
	acsPage     = "acs/troubleshooting-codes.en.txt"
	acsCAPage   = "acs/call-automation-codes.en.2024-07-22.txt"
	trtcEnglish = "trtc/web-4x-error-codes.en.md"
	trtc5Table  = "trtc/web-5x-error-codes.en.tsv"
)

// Products declares every product, in the order of rtccodes.Products.
var Products = [...]Product{
	{
		Name: "CallingSDK", Short: "calling", Spellings: []string{"callingsdk", "acscalling", "acscallingsdk", "call"},
		Doc:  "is the Azure Communication Services (ACS) Calling SDK:\nclient errors and call end codes (call.callEndReason).",
		File: "calling.go", Var: "callingTable",
		Sections: []Section{SectionClient, SectionCallEnd, SectionClass, SectionObserved, SectionTeamsCallEnd, SectionCodeRows}, Preferred: SectionCallEnd,
		DiagCodes: true,
		Reads:     []Shape{ShapeCallEnd, ShapeDiagnosed, ShapeCode, ShapeCallLog}, Infers: []Shape{ShapeCallEnd, ShapeCode, ShapeCallLog},
		Outcomes: acsClasses(acsPage),
	},
	{
		Name: "CallAutomation", Short: "callautomation", Spellings: []string{"automation", "acscallautomation", "callautomationsdk", "ca"},
		Doc:  "is ACS Call Automation: resultInformation of callback events.",
		File: "callautomation.go", Var: "callAutomationTable",
		Sections:  []Section{SectionCommon, SectionGenericCode, SectionGenericSubcode, SectionClass, SectionTeamsCallEnd, SectionCodeRows},
		DiagCodes: true,
		Reads:     []Shape{ShapeResult, ShapeDiagnosed, ShapeCode}, Infers: []Shape{ShapeResult, ShapeDiagnosed},
		Outcomes: acsClasses(acsCAPage),
	},
	{
		Name: "PSTN", Short: "pstn", Spellings: []string{"acspstn"},
		Doc:  "is ACS PSTN calling: ParticipantEndReason and ParticipantEndSubCode.",
		File: "pstn.go", Var: "pstnTable",
		Sections: []Section{SectionParticipantEnd, SectionSBC, SectionCodeRows},
		SBCRule:  true, DiagCodes: true,
		Reads: []Shape{ShapeResult, ShapeCallEnd, ShapeDiagnosed, ShapeCode, ShapeCallLog}, Infers: []Shape{ShapeResult, ShapeDiagnosed, ShapeCallLog},
		CallLogSubcodes: []int{510, 540, 560},
		Outcomes:        acsClasses(acsPage),
	},
	{
		Name: "Chat", Short: "chat", Spellings: []string{"chatsdk", "acschat"},
		Doc:  "is the ACS Chat SDK: error.code of error responses.",
		File: "chat.go", Var: "chatTable",
		Sections: []Section{SectionErrorCode},
		Reads:    []Shape{ShapeDiagnosed, ShapeCode},
		Outcomes: acsClasses(acsPage),
	},
	{
		Name: "SMS", Short: "sms", Spellings: []string{"smssdk", "acssms"},
		Doc:  "is ACS SMS: DeliveryStatusDetails of delivery reports.",
		File: "sms.go", Var: "smsTable",
		Sections: []Section{SectionErrorCode},
		Reads:    []Shape{ShapeDiagnosed, ShapeCode},
		Outcomes: []OutcomeRule{
			{2000, 2000, OutcomeSuccess, acsPage, "2000 Message Delivered Successfully."},
			{4000, 9999, OutcomeFailure, acsPage, "The SMS SDK uses the following error codes to help you troubleshoot SMS issues."},
		},
	},
	{
		Name: "TRTCWeb", Short: "trtc", Spellings: []string{"trtcweb", "trtcwebsdk", "tencent", "tencenttrtc"},
		Doc:  "is the Tencent TRTC Web SDK 4.x: RtcError getCode and getExtraCode.",
		File: "trtc.go", Var: "trtcTable",
		Sections:  []Section{SectionErrorCode, SectionAccount, SectionRoomEntry, SectionMessage, SectionObserved, SectionCodeRows},
		AllErrors: true, NegativeCodes: true, ExtraCodes: true, HexCodes: true,
		Reads: []Shape{ShapeDiagnosed, ShapeCode, ShapeTRTCError}, Infers: []Shape{ShapeTRTCError},
		Family: "trtc",
		// Every code of the page is an error code: its keys, its account
		// errors and its room entry errors.
		Outcomes: []OutcomeRule{{math.MinInt32, math.MaxInt32, OutcomeFailure, trtcEnglish, "Error Code Definitions"}},
	},
	{
		Name: "TRTCWebV5", Short: "trtc5", Spellings: []string{"trtcwebv5", "trtcweb5", "trtcweb5x", "trtcwebsdk5x", "trtcv5", "trtc5x", "trtcsdkv5", "tencenttrtc5"},
		Doc:  "is the Tencent TRTC Web SDK 5.x (trtc-sdk-v5): RtcError code and\nextraCode.",
		File: "trtc5.go", Var: "trtc5Table",
		Sections:  []Section{SectionSDKEnum, SectionObserved, SectionCodeRows},
		AllErrors: true, NegativeCodes: true, ExtraCodes: true,
		Reads: []Shape{ShapeDiagnosed, ShapeCode, ShapeTRTCError}, Infers: []Shape{ShapeTRTCError},
		Family: "trtc", ContextKeys: true, NamedByKey: true,
		Outcomes: []OutcomeRule{{math.MinInt32, math.MaxInt32, OutcomeFailure, trtc5Table,
			"Every code of this table is an error: the SDK throws it as an RtcError or emits it with its error event."}},
	},
}
