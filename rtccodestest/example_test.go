package rtccodestest_test

import (
	"fmt"

	"github.com/rtccodes/rtccodes"
	"github.com/rtccodes/rtccodes/rtccodestest"
)

// exampleT stands in for the *testing.T of a test: it only remembers failures.
type exampleT struct{ failures int }

func (t *exampleT) Errorf(string, ...any) { t.failures++ }
func (t *exampleT) FailNow()              {}

// In a test, pass the test's t. A hang-up is a success, 410/3112 is an
// expected error (a network problem on the user's side), so a test that
// calls it a server bug fails.
func ExampleAssertCategory() {
	t := &exampleT{}
	fmt.Println(rtccodestest.AssertCategory(t, rtccodes.CallingSDK, 0, 0, rtccodes.Success))
	fmt.Println(rtccodestest.AssertCategory(t, rtccodes.CallingSDK, 410, 3112, rtccodes.ExpectedError))
	fmt.Println(rtccodestest.AssertCategory(t, rtccodes.CallingSDK, 410, 3112, rtccodes.UnexpectedServerError))
	fmt.Println("failures:", t.failures)
	// Output:
	// true
	// true
	// false
	// failures: 1
}

// Errors returned by a service are asserted through any wrapping.
func ExampleAssertErrorCategory() {
	t := &exampleT{}
	err := fmt.Errorf("hang up: %w", rtccodes.NewError(rtccodes.CallingSDK, 0, 0))
	fmt.Println(rtccodestest.AssertErrorCategory(t, err, rtccodes.Success))
	// Output:
	// true
}
