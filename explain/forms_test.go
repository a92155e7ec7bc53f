package explain_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rtccodes/rtccodes/explain"
)

// TestFormsPeopleWrite reads codes as people write them in tickets, chats
// and logs.
func TestFormsPeopleWrite(t *testing.T) {
	for _, c := range []struct {
		line, want string // want: product, the pair read, and the answer's pair
	}{
		// Markdown's backticks quote as quotes do.
		{"call ended with code `410` and subCode `3101`", "CallingSDK 410/3101 410/3101"},
		{"`code`: `487`, `subCode`: `10003`", "CallingSDK 487/10003 487/10003"},
		// A DiagCode whose first part is no response code: the line's
		// stated code is the code.
		{"500 Server Internal Error, subcode: 7106, diagcode: 3003#7106", "CallingSDK 500/7106 500"},
		{"code: 500, diagcode: 3003#7106", "CallingSDK 500/7106 500"},
		// A DiagCode of a response code stays as it is.
		{"Server Internal Error. DiagCode: 500#560500.@", "PSTN 500/560500 500/560500"},
		// Full-width punctuation and a browser's [object XError].
		{"[TRTC] NotReadableError：could not start video source", "TRTCWeb - -"},
		{"TRTC getUserMedia failed [object OverconstrainedError]", "TRTCWeb - -"},
	} {
		x, err := explain.Line(0, c.line)
		require.NoError(t, err, c.line)
		require.True(t, x.Found, c.line)
		assert.Equal(t, c.want, x.Product.String()+" "+x.Pair()+" "+x.Entry.Pair(), c.line)
	}
}
