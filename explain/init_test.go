package explain_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestImportingDoesNoWork builds a program that imports rtccodes and
// explain and runs it with GODEBUG=inittrace=1: no package of the module
// does init work; what the packages build, they build on first use.
func TestImportingDoesNoWork(t *testing.T) {
	dir, err := os.MkdirTemp(".", "inittrace")
	require.NoError(t, err)
	defer os.RemoveAll(dir)
	require.NoError(t, os.WriteFile(filepath.Join(dir, "main.go"), []byte(`package main

import (
	"fmt"

	"github.com/rtccodes/rtccodes"
	"github.com/rtccodes/rtccodes/explain"
)

func main() {
	x, err := explain.Line(0, "code=410 subCode=3112")
	e, _ := rtccodes.Lookup(rtccodes.PSTN, 486, 560486)
	fmt.Println(x.Found, err, e.Pair())
}
`), 0o600))
	bin := filepath.Join(t.TempDir(), "inittrace")
	out, err := exec.Command("go", "build", "-o", bin, "./"+dir).CombinedOutput()
	require.NoError(t, err, "%s", out)
	cmd := exec.Command(bin)
	cmd.Env = append(os.Environ(), "GODEBUG=inittrace=1")
	out, err = cmd.CombinedOutput()
	require.NoError(t, err, "%s", out)
	assert.Contains(t, string(out), "true <nil> 486/60486", "the program ran")
	assert.Contains(t, string(out), "init encoding/json", "inittrace traced")
	for _, l := range strings.Split(string(out), "\n") {
		assert.NotContains(t, l, "init github.com/rtccodes/", "init work")
	}
}
