// Package rtccodestest asserts what rtccodes knows about error codes, in
// tests written with testify. Each Assert function reports a failure through
// t and returns whether it passed; each Require function stops the test
// instead. They accept testify's assert.TestingT and require.TestingT, so
// *testing.T, *testing.B and testify suites all work.
//
//	func TestHangUpIsExpected(t *testing.T) {
//		rtccodestest.AssertCategory(t, rtccodes.CallingSDK, 0, 0, rtccodes.Success)
//		rtccodestest.AssertOutcome(t, rtccodes.CallAutomation, 400, 8535, rtccodes.OutcomeFailure)
//		rtccodestest.RequireExact(t, rtccodes.TRTCWeb, 0x4001, 70001)
//	}
package rtccodestest

import (
	"fmt"
	"strings"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rtccodes/rtccodes"
)

// tHelper is the part of *testing.T that marks a helper function. Every
// function here marks itself, in its own frame, so that a failure points at
// the line of the test that called it.
type tHelper interface{ Helper() }

// AssertKnown asserts that rtccodes.Lookup describes the product's
// (code, subcode) pair, by any of its steps (a class fallback too: see
// AssertExact), and returns whether it does.
// For a code without subcode, assert on rtccodes.NewError(p, code) with
// AssertErrorCategory.
func AssertKnown(t assert.TestingT, p rtccodes.Product, code, subcode int, msgAndArgs ...any) bool {
	if h, ok := t.(tHelper); ok {
		h.Helper()
	}
	if _, ok := rtccodes.Lookup(p, code, subcode); ok {
		return true
	}
	return fail(t, fmt.Sprintf("%s %s: no entry describes the pair", p, fmt.Sprintf("%d/%d", code, subcode)), msgAndArgs...)
}

// AssertCategory asserts that rtccodes.Lookup describes the product's
// (code, subcode) pair and that the entry's result category is want, and
// returns whether it is. The failure message names the pair, both categories
// and the entry's message.
func AssertCategory(t assert.TestingT, p rtccodes.Product, code, subcode int, want rtccodes.Category, msgAndArgs ...any) bool {
	if h, ok := t.(tHelper); ok {
		h.Helper()
	}
	pair := fmt.Sprintf("%s %s", p, fmt.Sprintf("%d/%d", code, subcode))
	e, ok := rtccodes.Lookup(p, code, subcode)
	if !ok {
		return fail(t, fmt.Sprintf("%s: no entry describes the pair; want category %s", pair, show(want)), msgAndArgs...)
	}
	if e.Category == want {
		return true
	}
	return fail(t, fmt.Sprintf("%s: category is %s, want %s\n%s match: %s", pair, show(e.Category), show(want), e.Match, e), msgAndArgs...)
}

// AssertOutcome asserts that rtccodes.Lookup describes the product's
// (code, subcode) pair and that the entry's outcome is want (success or
// failure, whether or not the row has a category), and returns whether it
// is: AssertOutcome(t, rtccodes.CallAutomation, 400, 8535,
// rtccodes.OutcomeFailure).
func AssertOutcome(t assert.TestingT, p rtccodes.Product, code, subcode int, want rtccodes.Outcome, msgAndArgs ...any) bool {
	if h, ok := t.(tHelper); ok {
		h.Helper()
	}
	pair := fmt.Sprintf("%s %d/%d", p, code, subcode)
	e, ok := rtccodes.Lookup(p, code, subcode)
	if !ok {
		return fail(t, fmt.Sprintf("%s: no entry describes the pair; want outcome %s", pair, want), msgAndArgs...)
	}
	if e.Outcome == want {
		return true
	}
	return fail(t, fmt.Sprintf("%s: outcome is %s, want %s\n%s match: %s", pair, e.Outcome, want, e.Match, e), msgAndArgs...)
}

// AssertExact asserts that the product's (code, subcode) pair is a
// documented row of its own (Match is rtccodes.MatchExact), not a fallback
// such as the code's class, and returns whether it is.
func AssertExact(t assert.TestingT, p rtccodes.Product, code, subcode int, msgAndArgs ...any) bool {
	if h, ok := t.(tHelper); ok {
		h.Helper()
	}
	pair := fmt.Sprintf("%s %d/%d", p, code, subcode)
	e, ok := rtccodes.Lookup(p, code, subcode)
	switch {
	case !ok:
		return fail(t, fmt.Sprintf("%s: no entry describes the pair; want a row of its own", pair), msgAndArgs...)
	case e.Match != rtccodes.MatchExact:
		return fail(t, fmt.Sprintf("%s: only a fallback describes the pair: %s match: %s", pair, e.Match, e), msgAndArgs...)
	}
	return true
}

// RequireOutcome is AssertOutcome that stops the test when it fails.
func RequireOutcome(t require.TestingT, p rtccodes.Product, code, subcode int, want rtccodes.Outcome, msgAndArgs ...any) {
	if h, ok := t.(tHelper); ok {
		h.Helper()
	}
	if !AssertOutcome(t, p, code, subcode, want, msgAndArgs...) {
		t.FailNow()
	}
}

// RequireExact is AssertExact that stops the test when it fails.
func RequireExact(t require.TestingT, p rtccodes.Product, code, subcode int, msgAndArgs ...any) {
	if h, ok := t.(tHelper); ok {
		h.Helper()
	}
	if !AssertExact(t, p, code, subcode, msgAndArgs...) {
		t.FailNow()
	}
}

// AssertErrorCategory asserts that err wraps an *rtccodes.Error, at any
// depth, whose entry's result category is want, and returns whether it does.
func AssertErrorCategory(t assert.TestingT, err error, want rtccodes.Category, msgAndArgs ...any) bool {
	if h, ok := t.(tHelper); ok {
		h.Helper()
	}
	e, ok := rtccodes.EntryOf(err)
	if !ok {
		return fail(t, fmt.Sprintf("error %q wraps no documented *rtccodes.Error; want category %s", errText(err), show(want)), msgAndArgs...)
	}
	if e.Category == want {
		return true
	}
	return fail(t, fmt.Sprintf("error %q: category is %s, want %s\n%s match: %s", errText(err), show(e.Category), show(want), e.Match, e), msgAndArgs...)
}

// RequireKnown is AssertKnown that stops the test when it fails.
func RequireKnown(t require.TestingT, p rtccodes.Product, code, subcode int, msgAndArgs ...any) {
	if h, ok := t.(tHelper); ok {
		h.Helper()
	}
	if !AssertKnown(t, p, code, subcode, msgAndArgs...) {
		t.FailNow()
	}
}

// RequireCategory is AssertCategory that stops the test when it fails.
func RequireCategory(t require.TestingT, p rtccodes.Product, code, subcode int, want rtccodes.Category, msgAndArgs ...any) {
	if h, ok := t.(tHelper); ok {
		h.Helper()
	}
	if !AssertCategory(t, p, code, subcode, want, msgAndArgs...) {
		t.FailNow()
	}
}

// RequireErrorCategory is AssertErrorCategory that stops the test when it fails.
func RequireErrorCategory(t require.TestingT, err error, want rtccodes.Category, msgAndArgs ...any) {
	if h, ok := t.(tHelper); ok {
		h.Helper()
	}
	if !AssertErrorCategory(t, err, want, msgAndArgs...) {
		t.FailNow()
	}
}

// show writes a category for a failure message; the empty category is the
// absence of one.
func show(c rtccodes.Category) string {
	if c == "" {
		return "(none)"
	}
	return string(c)
}

func errText(err error) string {
	if err == nil {
		return "<nil>"
	}
	return err.Error()
}

// fail reports a failure as testify's assertions do, with an error trace of
// the caller's frames only: the lines of the user's test, not of this
// package.
func fail(t assert.TestingT, failure string, msgAndArgs ...any) bool {
	if h, ok := t.(tHelper); ok {
		h.Helper()
	}
	var trace []string
	for _, frame := range assert.CallerInfo() {
		if !strings.Contains(frame, "/rtccodestest/rtccodestest.go:") {
			trace = append(trace, frame)
		}
	}
	text := "\n\tError Trace:\t" + strings.Join(trace, "\n\t            \t") +
		"\n\tError:      \t" + strings.ReplaceAll(failure, "\n", "\n\t            \t")
	if m := message(msgAndArgs); m != "" {
		text += "\n\tMessages:   \t" + m
	}
	t.Errorf("%s", text)
	return false
}

// message formats testify's msgAndArgs: a message, or a format and its
// arguments.
func message(msgAndArgs []any) string {
	switch {
	case len(msgAndArgs) == 0:
		return ""
	case len(msgAndArgs) == 1:
		if s, ok := msgAndArgs[0].(string); ok {
			return s
		}
		return fmt.Sprintf("%+v", msgAndArgs[0])
	}
	if format, ok := msgAndArgs[0].(string); ok {
		return fmt.Sprintf(format, msgAndArgs[1:]...)
	}
	return fmt.Sprint(msgAndArgs...)
}
