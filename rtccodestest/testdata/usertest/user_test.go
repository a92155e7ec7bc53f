// Package usertest is a user's test that fails on purpose: the tests of
// rtccodestest run it with go test and check that every failure points at
// the line marked "// failure here".
package usertest

import (
	"errors"
	"testing"

	"github.com/rtccodes/rtccodes"
	"github.com/rtccodes/rtccodes/rtccodestest"
)

func TestAssertions(t *testing.T) {
	rtccodestest.AssertCategory(t, rtccodes.CallingSDK, 410, 3112, rtccodes.Success) // failure here
	rtccodestest.AssertKnown(t, rtccodes.Chat, 1, 2)                                 // failure here
	rtccodestest.AssertErrorCategory(t, errors.New("boom"), rtccodes.Success)        // failure here
	rtccodestest.AssertCategory(t, rtccodes.CallingSDK, 0, 0, rtccodes.Success)
}

func TestRequireCategory(t *testing.T) {
	rtccodestest.RequireCategory(t, rtccodes.PSTN, 403, 510403, rtccodes.ExpectedError) // failure here
	t.Error("not reached")
}

func TestRequireKnown(t *testing.T) {
	rtccodestest.RequireKnown(t, rtccodes.SMS, -5, 3) // failure here
}

func TestRequireErrorCategory(t *testing.T) {
	rtccodestest.RequireErrorCategory(t, nil, rtccodes.Success) // failure here
}

func TestOutcomeAndExact(t *testing.T) {
	rtccodestest.AssertOutcome(t, rtccodes.CallAutomation, 400, 8535, rtccodes.OutcomeFailure)
	rtccodestest.AssertOutcome(t, rtccodes.CallAutomation, 200, 9998, rtccodes.OutcomeFailure) // failure here
	rtccodestest.AssertExact(t, rtccodes.CallingSDK, 410, 3112)
	rtccodestest.AssertExact(t, rtccodes.CallingSDK, 450, 1)  // failure here
	rtccodestest.RequireExact(t, rtccodes.CallingSDK, 499, 1) // failure here
	t.Error("not reached")
}

func TestInASubtest(t *testing.T) {
	t.Run("sub", func(t *testing.T) {
		rtccodestest.AssertCategory(t, rtccodes.CallingSDK, 0, 0, rtccodes.ExpectedError) // failure here
	})
}
