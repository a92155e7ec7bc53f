package rtccodes_test

import (
	"errors"
	"fmt"
	"log/slog"
	"os"

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
	// Match says which one answered. A fallback answers only where its
	// outcome is the code's: the generic subcode 8536 "File Download Failed"
	// answers 500/8536, but "Fatal Error" does not answer the success code
	// 200, whose class does.
	e, _ = rtccodes.Lookup(rtccodes.CallAutomation, 400, 8522)
	fmt.Println(e.Match, e.Pair(), e.Message)
	e, _ = rtccodes.Lookup(rtccodes.CallAutomation, 500, 8536)
	fmt.Println(e.Match, e.Pair(), e.Message)
	e, _ = rtccodes.Lookup(rtccodes.CallAutomation, 200, 9998)
	fmt.Println(e.Match, e.Pair(), e.Message)
	// Output:
	// ExpectedError exact callend
	// Call setup failed due to network configuration problem on the client side, check the client's network configuration, and retry.
	// generic-subcode */8522 Not Found
	// generic-subcode */8536 File Download Failed
	// class 2xx Successful responses (200-299)
}

// A webhook handler's first question: did the call or request fail? The
// row's result category decides where it has one; else what the product's
// document says the code means.
func ExampleOutcome() {
	e, _ := rtccodes.Lookup(rtccodes.CallAutomation, 200, 0)
	fmt.Println(e.Product, e.Pair(), e.Outcome)
	e, _ = rtccodes.Lookup(rtccodes.CallAutomation, 400, 8522)
	fmt.Println(e.Product, e.Pair(), e.Outcome)
	e, _ = rtccodes.Lookup(rtccodes.CallingSDK, 487, 10003)
	fmt.Println(e.Product, e.Pair(), e.Outcome)
	e, _ = rtccodes.Lookup(rtccodes.SMS, 2000) // a code without subcode
	fmt.Println(e.Product, e.Pair(), e.Outcome)
	// Output:
	// CallAutomation 200/0 success
	// CallAutomation */8522 failure
	// CallingSDK 487/10003 success
	// SMS 2000 success
}

// Localized serves the text in the best language an entry has, for a tag or a
// whole Accept-Language header.
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

// An *Error carries its entry through any wrapping; EntryOf answers "is
// this expected or a bug" for the error a handler receives.
func ExampleEntryOf() {
	err := fmt.Errorf("join meeting: %w", rtccodes.NewError(rtccodes.CallingSDK, 410, 3112))
	fmt.Println(err)

	if e, ok := rtccodes.EntryOf(err); ok && e.Category == rtccodes.ExpectedError {
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
	// level=ERROR msg="call failed" err.product=CallingSDK err.code=410 err.subcode=3112 err.found=true err.category=ExpectedError err.outcome=failure err.match=exact
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

// Search finds entries by their text in any language.
func ExampleSearch() {
	for e := range rtccodes.Search("userSig has expired") {
		fmt.Println(e.Product, e.Pair(), e.Section)
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
