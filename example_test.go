package rtccodes_test

import (
	"errors"
	"fmt"
	"log/slog"
	"os"
	"strings"

	"github.com/rtccodes/rtccodes"
)

// A Calling SDK call ended with callEndReason {code: 410, subCode: 3112}.
func ExampleLookup() {
	e, ok := rtccodes.Lookup(rtccodes.CallingSDK, 410, 3112)
	if !ok {
		return
	}
	fmt.Println(e.Category, e.Match, e.Section)
	fmt.Println(e.Message)

	// Pairs the tables do not list are answered by documented fallbacks, and
	// Match says which one answered.
	e, _ = rtccodes.Lookup(rtccodes.CallAutomation, 500, 8536)
	fmt.Println(e.Match, rtccodes.FormatPair(e.Code, e.Subcode), e.Message)
	// Output:
	// ExpectedError exact callend
	// Call setup failed due to network configuration problem on the client side, check the client's network configuration, and retry.
	// generic-subcode */8536 File Download Failed
}

// Localized serves the text in the best language an entry has, for a tag or a
// whole Accept-Language header.
func ExampleOutcome() {
	// A webhook handler's first question: did the call or request fail?
	// The row's result category decides where it has one; else what the
	// product's document says the code means.
	for _, q := range []struct {
		p             rtccodes.Product
		code, subcode int
	}{
		{rtccodes.CallAutomation, 200, 0},
		{rtccodes.CallAutomation, 400, 8536},
		{rtccodes.CallingSDK, 487, 10003},
		{rtccodes.SMS, 2000, rtccodes.NoSubcode},
	} {
		e, _ := rtccodes.Lookup(q.p, q.code, q.subcode)
		fmt.Println(e.Product, e.Pair(), e.Outcome)
	}
	// Output:
	// CallAutomation 200/0 success
	// CallAutomation */8536 failure
	// CallingSDK 487/10003 success
	// SMS 2000 success
}

func ExampleEntry_Localized() {
	e, _ := rtccodes.Lookup(rtccodes.CallingSDK, 410, 3112)
	for _, lang := range []string{"ja", "fr-CA;q=0.2, ja;q=0.9", "fr-CA", "de"} {
		t := e.Localized(lang)
		fmt.Printf("%s: %s\n", t.Lang, t.Message)
	}
	// Output:
	// ja: クライアント側のネットワーク構成の問題が原因で通話のセットアップに失敗しました。クライアントのネットワーク構成を確認してから、再試行してください。
	// ja: クライアント側のネットワーク構成の問題が原因で通話のセットアップに失敗しました。クライアントのネットワーク構成を確認してから、再試行してください。
	// fr: La configuration de l’appel a échoué en raison d’un problème de configuration réseau côté client. Vérifiez la configuration réseau du client, puis réessayez.
	// en: Call setup failed due to network configuration problem on the client side, check the client's network configuration, and retry.
}

// An *Error carries its entry through any wrapping; CategoryOf answers "is
// this expected or a bug" for the error a handler receives.
func ExampleCategoryOf() {
	err := fmt.Errorf("join meeting: %w", rtccodes.NewError(rtccodes.CallingSDK, 410, 3112))
	fmt.Println(err)

	if c, ok := rtccodes.CategoryOf(err); ok && c == rtccodes.ExpectedError {
		fmt.Println("expected: tell the user, do not page anyone")
	}
	var rtcErr *rtccodes.Error
	if errors.As(err, &rtcErr) {
		fmt.Println(rtcErr.Product, rtcErr.Code, rtcErr.Subcode, rtcErr.Entry.Section)
	}
	// Output:
	// join meeting: rtccodes: CallingSDK 410/3112 (ExpectedError): Call setup failed due to network configuration problem on the client side, check the client's network configuration, and retry.
	// expected: tell the user, do not page anyone
	// CallingSDK 410 3112 callend
}

// Errors and entries log as groups of attributes.
func ExampleError_LogValue() {
	logger := slog.New(slog.NewTextHandler(os.Stdout, &slog.HandlerOptions{
		ReplaceAttr: func(_ []string, a slog.Attr) slog.Attr {
			if a.Key == slog.TimeKey || a.Key == "advice" || a.Key == "message" {
				return slog.Attr{} // kept short for the example
			}
			return a
		},
	}))
	logger.Error("call failed", "err", rtccodes.NewError(rtccodes.CallingSDK, 410, 3112))
	// Output:
	// level=ERROR msg="call failed" err.product=CallingSDK err.code=410 err.subcode=3112 err.found=true err.category=ExpectedError err.match=exact
}

// A TRTC error is found by its code and extra code, its key, or its message.
func ExampleLookupString() {
	e, _ := rtccodes.Lookup(rtccodes.TRTCWeb, 0x4001, 70001)
	fmt.Println(e.Section, e.Message)

	e, _ = rtccodes.LookupString(rtccodes.TRTCWeb, "JOIN_ROOM_FAILED")
	fmt.Println(e.Match, e.Code, e.Hex)

	e, _ = rtccodes.LookupString(rtccodes.TRTCWeb, "RtcError: NotAllowedError: Permission denied")
	fmt.Println(e.Match, e.Key)
	fmt.Println(e.Localized("ja").Message)
	// Output:
	// account userSig has expired. Please generate again. If the signature expires immediately after generation, check whether the validity period is too short or set to 0.
	// key 16388 0x4004
	// message NotAllowedError
	// ユーザーが、現在のブラウザ・インスタンスのオーディオ、ビデオおよび画面共有へのアクセスのリクエストを拒否しました。
}

// Explain reads a Call Automation callback as the service receives it.
func ExampleExplain() {
	payload := []byte(`{
	  "type": "Microsoft.Communication.CallDisconnected",
	  "data": {"resultInformation": {"code": 500, "subCode": 560503,
	    "message": "Unexpected server error. DiagCode: 500#560503.@",
	    "sipDetails": {"code": 486, "message": "Busy Here"}, "q850Details": {"code": 17, "message": "User busy"}}}
	}`)
	x, err := rtccodes.Explain(payload)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(x.EventType, x.Product, rtccodes.FormatPair(x.Code, x.Subcode))
	fmt.Println(x.Entry.Match, rtccodes.FormatPair(x.Entry.Code, x.Entry.Subcode), x.Entry.Message)
	fmt.Println("SIP:", x.SIP.Code, x.SIP.Reason.Text, "/ Q.850:", x.Q850.Code, x.Q850.Reason.Text)
	// Output:
	// Microsoft.Communication.CallDisconnected CallAutomation 500/560503
	// subcode 503/560503 Unexpected server error.
	// SIP: 486 Busy Here / Q.850: 17 User busy
}

// Search finds entries by their text in any language.
func ExampleSearch() {
	for e := range rtccodes.Search("userSig has expired") {
		fmt.Println(e.Product, rtccodes.FormatPair(e.Code, e.Subcode), e.Section)
	}
	// Output:
	// TRTCWeb 16385/70001 account
}

// All iterates a product's table in the documentation's order.
func ExampleAll() {
	for e := range rtccodes.All(rtccodes.Chat) {
		fmt.Println(e.Code, e.Message)
	}
	// Output:
	// 401 Unauthorized
	// 403 Forbidden
	// 429 Too many requests
	// 503 Service Unavailable
}

// A webhook receives an Event Grid delivery of several Call Automation
// events: each is explained, in order, and a bad one does not stop the rest.
func ExampleExplainStream() {
	body := strings.NewReader(`[
  {"eventType": "Microsoft.Communication.PlayFailed", "data": {"resultInformation": {"code": 400, "subCode": 8536}}},
  {"eventType": "Microsoft.Communication.CallConnected", "data": {"resultInformation": {"code": 200, "subCode": 0}}},
  {"eventType": "Microsoft.Communication.CallDisconnected", "data": {"resultInformation": {"code": 410, "subCode": 3112}}}
]`)
	for rec, err := range rtccodes.ExplainStream(body, rtccodes.StreamOptions{}) {
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Println(rec.Index, rec.EventType, rec.Entry.Pair(), rec.Entry.Message)
		for _, e := range rec.Also {
			fmt.Println("  also", e.Product, e.Pair(), e.Category)
		}
	}
	// Output:
	// 0 Microsoft.Communication.PlayFailed */8536 File Download Failed
	// 1 Microsoft.Communication.CallConnected 2xx Successful responses (200-299)
	// 2 Microsoft.Communication.CallDisconnected 4xx Client error (400-499)
	//   also CallingSDK 410/3112 ExpectedError
}
