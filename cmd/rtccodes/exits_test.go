//go:build unix

package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// buildTool builds the command line tool from this tree.
func buildTool(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "rtccodes")
	out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput()
	require.NoError(t, err, "%s", out)
	return bin
}

// exitStatus returns a finished command's exit status.
func exitStatus(t *testing.T, err error) int {
	t.Helper()
	if err == nil {
		return 0
	}
	ee, ok := err.(*exec.ExitError)
	require.True(t, ok, "%v", err)
	return ee.ExitCode()
}

// TestOutputEndsOnARecord stops the tool as people do, with SIGINT, SIGTERM
// and a pipe closed by head, and checks that the output ends on a whole
// record and the exit status is the documented one.
func TestOutputEndsOnARecord(t *testing.T) {
	bin := buildTool(t)
	input := filepath.Join(t.TempDir(), "calls.jsonl")
	f, err := os.Create(input)
	require.NoError(t, err)
	w := bufio.NewWriter(f)
	for i := range 300000 {
		fmt.Fprintf(w, `{"code":410,"subCode":3112,"id":"%d"}`+"\n", i)
	}
	require.NoError(t, w.Flush())
	require.NoError(t, f.Close())

	for _, c := range []struct {
		sig    syscall.Signal
		status int
	}{{syscall.SIGINT, 130}, {syscall.SIGTERM, 143}} {
		cmd := exec.Command(bin, "-json", "explain", input)
		out, err := cmd.StdoutPipe()
		require.NoError(t, err)
		require.NoError(t, cmd.Start())
		r := bufio.NewReader(out)
		_, err = r.ReadString('\n') // it has begun
		require.NoError(t, err)
		require.NoError(t, cmd.Process.Signal(c.sig))
		rest, err := io.ReadAll(r)
		require.NoError(t, err)
		assert.Equal(t, c.status, exitStatus(t, cmd.Wait()), "%v", c.sig)
		lines := strings.Split(string(rest), "\n")
		require.Equal(t, "", lines[len(lines)-1], "%v: the output ends with a line end", c.sig)
		for _, l := range lines[:len(lines)-1] {
			require.True(t, json.Valid([]byte(l)), "%v: a cut record: %q", c.sig, l)
		}
		assert.Less(t, len(lines), 300000, "%v: stopped before the end", c.sig)
	}

	// Waiting for input, a signal ends the tool at once.
	cmd := exec.Command(bin, "explain")
	in, err := cmd.StdinPipe()
	require.NoError(t, err)
	require.NoError(t, cmd.Start())
	time.Sleep(200 * time.Millisecond)
	require.NoError(t, cmd.Process.Signal(syscall.SIGINT))
	assert.Equal(t, 130, exitStatus(t, cmd.Wait()))
	in.Close()

	// A closed pipe ends the output quietly.
	cmd = exec.Command("bash", "-c", `"$0" -json explain "$1" 2>"$1.err" | head -1 >/dev/null; echo "${PIPESTATUS[0]}"; cat "$1.err"`, bin, input)
	got, err := cmd.Output()
	require.NoError(t, err)
	assert.Equal(t, "0\n", string(got), "the status, and nothing on stderr")
}

// TestInputsThatHoldNoRecord gives inputs with nothing in them: each says
// so and exits 2; a directory is one error.
func TestInputsThatHoldNoRecord(t *testing.T) {
	dir := t.TempDir()
	for _, c := range []struct{ name, stdin, want string }{
		{"empty", "", "is empty"},
		{"blank lines", "\n \n\t\n", "is empty"},
		{"a CSV header alone", "CorrelationId,ParticipantEndReason,ParticipantEndSubCode\r\n", "holds no record"},
	} {
		status, out, errOut := runTool(c.stdin, "explain")
		assert.Equal(t, 2, status, c.name)
		assert.Empty(t, out, c.name)
		assert.Contains(t, errOut, c.want, c.name)
	}
	status, out, errOut := runTool("", "-json", "explain", dir)
	assert.Equal(t, 2, status)
	assert.Equal(t, 1, strings.Count(out, "\n"), "one record for one input: %s", out)
	assert.Equal(t, 1, strings.Count(errOut, "\n"), "one error for one input: %s", errOut)
	assert.Contains(t, errOut, "is a directory")

	// "-" is standard input.
	status, out, _ = runTool(`{"code":410,"subCode":3112}`, "explain", "-")
	assert.Equal(t, 0, status)
	assert.Contains(t, out, "CallingSDK 410/3112")
}
