package explain_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rtccodes/rtccodes"
	"github.com/rtccodes/rtccodes/explain"
)

// TestTRTC5Errors explains TRTC Web SDK 5.x errors as apps log them,
// written from the SDK's error class (RtcError: name, code, extraCode,
// functionName, message): objects, toString lines and log lines.
func TestTRTC5Errors(t *testing.T) {
	for _, tt := range []struct {
		name, payload, pair, match, inferred string
	}{
		{"error object", `{"name":"DEVICE_ERROR","code":5300,"extraCode":5302,"functionName":"startLocalAudio","message":"NotAllowedError: Permission denied"}`,
			"5300/5302", "exact", "extraCode; code 5300 is TRTCWebV5's"},
		{"no extra code", `{"name":"INVALID_OPERATION","code":5100,"functionName":"startRemoteVideo","message":"..."}`,
			"5100", "exact", "the name INVALID_OPERATION; code 5100 is TRTCWebV5's"},
		{"function name alone", `{"code":5998,"functionName":"enterRoom","message":"..."}`,
			"5998", "exact", "functionName (a TRTC RtcError); code 5998 is TRTCWebV5's"},
		{"server code passed through", `{"name":"SERVER_ERROR","code":5400,"extraCode":-100013,"functionName":"enterRoom","message":"..."}`,
			"5400/-100013", "exact", "extraCode; code 5400 is TRTCWebV5's"},
	} {
		x, err := explain.Payload([]byte(tt.payload))
		require.NoError(t, err, tt.name)
		require.True(t, x.Found, tt.name)
		assert.Equal(t, rtccodes.TRTCWebV5, x.Product, tt.name)
		assert.Equal(t, tt.pair, x.Entry.Pair(), tt.name)
		assert.Equal(t, tt.match, x.Entry.Match.String(), tt.name)
		assert.Equal(t, tt.inferred, x.Inferred, tt.name)
	}
	// A hexadecimal code is the 4.x SDK's; so are its code numbers.
	x, err := explain.Payload([]byte(`{"name":"RtcError","code":"0x4001","extraCode":70001}`))
	require.NoError(t, err)
	assert.Equal(t, rtccodes.TRTCWeb, x.Product)
	assert.Equal(t, "a hexadecimal code, which only TRTCWeb writes", x.Inferred)

	for _, tt := range []struct{ line, product, pair string }{
		{"DEVICE_ERROR: NotAllowedError: Permission denied thrown from startLocalAudio()", "TRTCWebV5", "5300"},
		{"INVALID_PARAMETER: the roomId is required thrown from enterRoom().", "TRTCWebV5", "5000"},
		{"trtc error code=5300 extraCode=5302", "TRTCWebV5", "5300/5302"},
		{"[TRTC] enterRoom failed: code 5400 extraCode -100013", "TRTCWebV5", "5400/-100013"},
		{"TRTC SERVER_ERROR while entering the room", "TRTCWebV5", "5400"},
		{"TRTC error 0x4001 extraCode -8", "TRTCWeb", "16385/-8"},
	} {
		x, err := explain.Line(0, tt.line)
		if assert.NoError(t, err, tt.line) && assert.True(t, x.Found, tt.line) {
			assert.Equal(t, tt.product, x.Product.String(), tt.line)
			assert.Equal(t, tt.pair, x.Entry.Pair(), tt.line)
		}
	}
	// Keys that are words of other software answer only where the line
	// names TRTC.
	for _, line := range []string{
		"upstream SERVER_ERROR after 3 retries",
		"job 42: UNKNOWN_ERROR",
		"OPERATION_FAILED: disk full",
		"payment DEVICE_ERROR on terminal 7",
	} {
		x, err := explain.Line(0, line)
		assert.ErrorIs(t, err, explain.ErrNoCodes, "%q: %+v", line, x)
	}
}
