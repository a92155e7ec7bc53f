package rtccodes_test

import (
	"os/exec"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestLookupInlines checks that the compiler inlines Lookup into its
// callers, so that the Entry a lookup finds is written where the caller
// holds it rather than copied out: go build -gcflags=-m says so.
func TestLookupInlines(t *testing.T) {
	goTool, err := exec.LookPath("go")
	require.NoError(t, err, "the go command runs this package's tests")
	out, err := exec.Command(goTool, "build", "-gcflags=-m", ".").CombinedOutput()
	require.NoError(t, err, "%s", out)
	assert.Regexp(t, `(?m)^\./lookup\.go:\d+:\d+: can inline Lookup$`, string(out))
	assert.NotRegexp(t, `(?m)^\./lookup\.go:\d+:\d+: cannot inline Lookup:`, string(out))
}
