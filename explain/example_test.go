package explain_test

import (
	"fmt"
	"strings"

	"github.com/rtccodes/rtccodes/explain"
)

// Payload reads a Call Automation callback as the service receives it.
func ExamplePayload() {
	payload := []byte(`{
	  "type": "Microsoft.Communication.CallDisconnected",
	  "data": {"resultInformation": {"code": 500, "subCode": 560503,
	    "message": "Unexpected server error. DiagCode: 500#560503.@",
	    "sipDetails": {"code": 486, "message": "Busy Here"}, "q850Details": {"code": 17, "message": "User busy"}}}
	}`)
	x, err := explain.Payload(payload)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(x.EventType, x.Product, x.Code, x.Subcode)
	fmt.Println(x.Entry.Match, x.Entry.Pair(), x.Entry.Outcome, x.Entry.Message)
	fmt.Println("SIP:", x.SIP.Code, x.SIP.Reason.Text, "/ Q.850:", x.Q850.Code, x.Q850.Reason.Text)
	// Output:
	// Microsoft.Communication.CallDisconnected CallAutomation 500 560503
	// subcode 503/560503 failure Unexpected server error.
	// SIP: 486 Busy Here / Q.850: 17 User busy
}

// A webhook receives an Event Grid delivery of several Call Automation
// events: each is explained, in order, and a bad one does not stop the rest.
func ExampleStream() {
	body := strings.NewReader(`[
  {"eventType": "Microsoft.Communication.PlayFailed", "data": {"resultInformation": {"code": 400, "subCode": 8536}}},
  {"eventType": "Microsoft.Communication.CallConnected", "data": {"resultInformation": {"code": 200, "subCode": 0}}},
  {"eventType": "Microsoft.Communication.CallDisconnected", "data": {"resultInformation": {"code": 410, "subCode": 3112}}}
]`)
	for rec, err := range explain.Stream(body, explain.Options{}) {
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Println(rec.Index, rec.EventType, rec.Entry.Pair(), rec.Entry.Message)
		for _, n := range rec.Notes {
			fmt.Println("  note:", n)
		}
		for _, e := range rec.Also {
			fmt.Println("  also", e.Product, e.Pair(), e.Category)
		}
	}
	// Output:
	// 0 Microsoft.Communication.PlayFailed */8536 File Download Failed
	// 1 Microsoft.Communication.CallConnected 2xx Successful responses (200-299)
	//   note: 200/0 is documented for CallDisconnected, not for CallConnected
	// 2 Microsoft.Communication.CallDisconnected 4xx Client error (400-499)
	//   also CallingSDK 410/3112 ExpectedError
}

// Line reads a log line as a logger wrote it: its codes among other words.
func ExampleLine() {
	for _, s := range []string{
		"[2026-11-20 10:00:05] WARN call ended: code=410 subCode=3112",
		"TRTC error 0x4001 extraCode -8",
		"ParticipantEndReason=486 ParticipantEndSubCode=560486",
	} {
		x, err := explain.Line(0, s)
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Println(x.Product, x.Entry.Pair(), x.Entry.Match, x.Entry.Outcome)
	}
	// Output:
	// CallingSDK 410/3112 exact failure
	// TRTCWeb 16385/-8 exact failure
	// PSTN 486/60486 alias failure
}
