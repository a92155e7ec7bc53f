package rtccodestest_test

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/stretchr/testify/suite"

	"github.com/rtccodes/rtccodes"
	"github.com/rtccodes/rtccodes/rtccodestest"
)

// recorder is a TestingT that records what a helper does to a test.
type recorder struct {
	errors    []string
	failedNow bool
	helpers   int
}

func (r *recorder) Errorf(format string, args ...any) {
	r.errors = append(r.errors, fmt.Sprintf(format, args...))
}
func (r *recorder) FailNow() { r.failedNow = true }
func (r *recorder) Helper()  { r.helpers++ }

func (r *recorder) failure() string { return strings.Join(r.errors, "\n") }

func TestAssertCategoryPasses(t *testing.T) {
	r := &recorder{}
	assert.True(t, rtccodestest.AssertCategory(r, rtccodes.CallingSDK, 410, 3100, rtccodes.UnexpectedClientError))
	assert.True(t, rtccodestest.AssertCategory(r, rtccodes.CallingSDK, 0, 0, rtccodes.Success))
	assert.Empty(t, r.errors)
	assert.False(t, r.failedNow)
	assert.Positive(t, r.helpers, "helpers call t.Helper()")
}

func TestAssertCategoryFailsWithTheEntry(t *testing.T) {
	r := &recorder{}
	e, ok := rtccodes.Lookup(rtccodes.CallingSDK, 410, 3112)
	require.True(t, ok)
	assert.False(t, rtccodestest.AssertCategory(r, rtccodes.CallingSDK, 410, 3112, rtccodes.UnexpectedServerError, "call %d", 7))
	require.Len(t, r.errors, 1)
	msg := r.failure()
	assert.Contains(t, msg, "CallingSDK 410/3112: category is ExpectedError, want UnexpectedServerError")
	assert.Contains(t, msg, e.Message)
	assert.Contains(t, msg, "call 7", "msgAndArgs are in the message")
	assert.False(t, r.failedNow, "Assert does not stop the test")
	assert.Positive(t, r.helpers)
}

func TestAssertCategoryFailsForAnUnknownPair(t *testing.T) {
	r := &recorder{}
	assert.False(t, rtccodestest.AssertCategory(r, rtccodes.Chat, 999999, 1, rtccodes.ExpectedError))
	assert.Contains(t, r.failure(), "Chat 999999/1: no entry describes the pair; want category ExpectedError")

	r = &recorder{}
	assert.False(t, rtccodestest.AssertErrorCategory(r, rtccodes.NewError(rtccodes.Chat, 999999), rtccodes.ExpectedError))
	assert.Contains(t, r.failure(), `error "rtccodes: Chat 999999: undocumented code" wraps no documented *rtccodes.Error; want category ExpectedError`)

	r = &recorder{}
	assert.False(t, rtccodestest.AssertCategory(r, rtccodes.PSTN, 403, 510403, rtccodes.ExpectedError))
	assert.Contains(t, r.failure(), "PSTN 403/510403: category is (none), want ExpectedError")
}

func TestAssertKnown(t *testing.T) {
	r := &recorder{}
	assert.True(t, rtccodestest.AssertKnown(r, rtccodes.TRTCWeb, 0x4001, 70001))
	assert.True(t, rtccodestest.AssertKnown(r, rtccodes.CallingSDK, 499, 123456), "a class answer is known")
	assert.Empty(t, r.errors)

	assert.False(t, rtccodestest.AssertKnown(r, rtccodes.SMS, -5, 3))
	assert.Contains(t, r.failure(), "SMS -5/3: no entry describes the pair")
	assert.False(t, r.failedNow)
}

func TestAssertErrorCategory(t *testing.T) {
	err := fmt.Errorf("end call: %w", fmt.Errorf("leg 2: %w", rtccodes.NewError(rtccodes.CallingSDK, 410, 3112)))
	r := &recorder{}
	assert.True(t, rtccodestest.AssertErrorCategory(r, err, rtccodes.ExpectedError))
	assert.Empty(t, r.errors)

	assert.False(t, rtccodestest.AssertErrorCategory(r, err, rtccodes.Success))
	assert.Contains(t, r.failure(), "category is ExpectedError, want Success")
	assert.Contains(t, r.failure(), "end call: leg 2: rtccodes: CallingSDK 410/3112")

	r = &recorder{}
	assert.False(t, rtccodestest.AssertErrorCategory(r, errors.New("boom"), rtccodes.Success))
	assert.Contains(t, r.failure(), `error "boom" wraps no documented *rtccodes.Error`)
	r = &recorder{}
	assert.False(t, rtccodestest.AssertErrorCategory(r, nil, rtccodes.Success))
	assert.Contains(t, r.failure(), `error "<nil>"`)
}

func TestRequireStopsOnlyOnFailure(t *testing.T) {
	r := &recorder{}
	rtccodestest.RequireCategory(r, rtccodes.CallingSDK, 0, 0, rtccodes.Success)
	rtccodestest.RequireKnown(r, rtccodes.CallAutomation, 500, 8536)
	rtccodestest.RequireErrorCategory(r, rtccodes.NewError(rtccodes.CallingSDK, 0, 0), rtccodes.Success)
	assert.False(t, r.failedNow)
	assert.Empty(t, r.errors)

	for name, fail := range map[string]func(*recorder){
		"category": func(r *recorder) {
			rtccodestest.RequireCategory(r, rtccodes.CallingSDK, 0, 0, rtccodes.ExpectedError)
		},
		"known": func(r *recorder) { rtccodestest.RequireKnown(r, rtccodes.Chat, 1, 2) },
		"error": func(r *recorder) { rtccodestest.RequireErrorCategory(r, nil, rtccodes.Success) },
	} {
		r := &recorder{}
		fail(r)
		assert.True(t, r.failedNow, name)
		assert.Len(t, r.errors, 1, name)
		assert.Positive(t, r.helpers, name)
	}
}

// codesSuite proves the helpers work with a testify suite's T.
type codesSuite struct{ suite.Suite }

func (s *codesSuite) TestCategories() {
	rtccodestest.AssertCategory(s.T(), rtccodes.CallingSDK, 0, 0, rtccodes.Success)
	rtccodestest.RequireKnown(s.T(), rtccodes.PSTN, 486, 560486)
}

func TestWithASuite(t *testing.T) { suite.Run(t, new(codesSuite)) }

// TestFailuresPointAtTheCallersLine runs a user's failing test
// (testdata/usertest) with go test, as a user would, and checks that go test
// reports each failure at the user's line, and that the error trace names no
// line of this package.
func TestFailuresPointAtTheCallersLine(t *testing.T) {
	goTool, err := exec.LookPath("go")
	require.NoError(t, err, "go test runs with the go command on PATH")
	src, err := os.ReadFile(filepath.Join("testdata", "usertest", "user_test.go"))
	require.NoError(t, err)
	var want []string
	for i, line := range strings.Split(string(src), "\n") {
		if strings.HasSuffix(line, "// failure here") {
			want = append(want, fmt.Sprintf("user_test.go:%d:", i+1))
		}
	}
	require.Len(t, want, 10)

	cmd := exec.Command(goTool, "test", "-count=1", "./testdata/usertest")
	out, err := cmd.CombinedOutput()
	var exit *exec.ExitError
	require.ErrorAs(t, err, &exit, "the user's test fails:\n%s", out)
	var reported []string
	for _, m := range regexp.MustCompile(`(?m)^\s+(\w+\.go:\d+:) `).FindAllStringSubmatch(string(out), -1) {
		reported = append(reported, m[1])
	}
	assert.Equal(t, want, reported, "go test's file:line of each failure:\n%s", out)
	assert.NotContains(t, string(out), "rtccodestest.go:", "the error traces name only the user's lines")
	assert.NotContains(t, string(out), "not reached", "Require stops the test")
	assert.Contains(t, string(out), "CallingSDK 410/3112: category is ExpectedError, want Success")
	assert.Contains(t, string(out), "CallAutomation 200/9998: outcome is success, want failure")
	assert.Contains(t, string(out), "CallingSDK 450/1: only a fallback describes the pair: class match")
}

func TestAssertOutcomeAndExact(t *testing.T) {
	r := &recorder{}
	assert.True(t, rtccodestest.AssertOutcome(r, rtccodes.CallAutomation, 400, 8535, rtccodes.OutcomeFailure))
	assert.True(t, rtccodestest.AssertExact(r, rtccodes.CallingSDK, 410, 3112))
	assert.Empty(t, r.errors)
	assert.False(t, rtccodestest.AssertOutcome(r, rtccodes.CallAutomation, 200, 9998, rtccodes.OutcomeFailure, "call %d", 8))
	assert.Contains(t, r.failure(), "CallAutomation 200/9998: outcome is success, want failure")
	assert.Contains(t, r.failure(), "call 8")
	r = &recorder{}
	assert.False(t, rtccodestest.AssertExact(r, rtccodes.CallingSDK, 450, 1))
	assert.Contains(t, r.failure(), "only a fallback describes the pair: class match")
	r = &recorder{}
	rtccodestest.RequireOutcome(r, rtccodes.Chat, 1, 2, rtccodes.OutcomeSuccess)
	assert.True(t, r.failedNow)
	assert.Contains(t, r.failure(), "no entry describes the pair; want outcome success")
}
