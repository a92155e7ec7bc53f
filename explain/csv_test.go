package explain

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestCSVSplitterReadsOneRecordAtATime gives one splitter rows one after
// another, damaged ones among them: each is read alone, and what one left
// unread never starts the next.
func TestCSVSplitterReadsOneRecordAtATime(t *testing.T) {
	c := &csvSplitter{sep: ','}
	for _, tt := range []struct {
		row  string
		want []string
		err  string
	}{
		{"a,b", []string{"a", "b"}, ""},
		{`"x ""q""",1`, []string{`x "q"`, "1"}, ""},
		{"\"two\nlines\",2", []string{"two\nlines", "2"}, ""},
		{`4"10,x`, nil, `bare " in non-quoted-field`},
		{"c,d", []string{"c", "d"}, ""},
		{"e,f\ng,h", nil, "a line end outside a quoted field"},
		{"i,j", []string{"i", "j"}, ""},
		{`"open,k`, nil, `extraneous or missing " in quoted-field`},
		{"l;m,n", []string{"l;m", "n"}, ""},
	} {
		got, err := c.split(tt.row)
		if tt.err != "" {
			require.EqualError(t, err, tt.err, "%q", tt.row)
			continue
		}
		require.NoError(t, err, "%q", tt.row)
		assert.Equal(t, tt.want, got, "%q", tt.row)
	}
}
