package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestFilesAreReadOneAfterAnother gives explain a good file, one that does
// not exist, an empty one and another good one: each is in its place.
func TestFilesAreReadOneAfterAnother(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.jsonl")
	require.NoError(t, os.WriteFile(good, []byte(`{"code":410,"subCode":3112}`+"\n"), 0o600))
	empty := filepath.Join(dir, "empty.jsonl")
	require.NoError(t, os.WriteFile(empty, nil, 0o600))
	missing := filepath.Join(dir, "missing.jsonl")

	status, out, errOut := runTool("", "-json", "explain", good, missing, empty, good)
	assert.Equal(t, 2, status, "a file could not be read")
	var files, reasons []string
	for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
		var x jsonExplanation
		require.NoError(t, json.Unmarshal([]byte(l), &x), l)
		files = append(files, filepath.Base(x.File))
		reasons = append(reasons, x.Reason)
	}
	assert.Equal(t, []string{"good.jsonl", "missing.jsonl", "empty.jsonl", "good.jsonl"}, files)
	assert.Equal(t, []string{"", "read error", "read error", ""}, reasons)
	assert.Contains(t, errOut, "missing.jsonl: no such file")

	status, out, errOut = runTool("", "explain", good, missing, good)
	assert.Equal(t, 2, status)
	assert.Equal(t, 2, strings.Count(out, "CallingSDK 410/3112 ExpectedError"), out)
	assert.Contains(t, errOut, "missing.jsonl")
}

// fullAfter fails every write after the first n bytes.
type fullAfter struct{ n int }

func (w *fullAfter) Write(p []byte) (int, error) {
	if w.n -= len(p); w.n < 0 {
		return 0, errors.New("no space left on device")
	}
	return len(p), nil
}

// countingReader counts the bytes read from r.
type countingReader struct {
	r io.Reader
	n int
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += n
	return n, err
}

// TestAWriteErrorStopsTheReading writes to an output that fails: explain
// stops reading its input at once, and says why.
func TestAWriteErrorStopsTheReading(t *testing.T) {
	input := strings.Repeat(`{"code":410,"subCode":3112}`+"\n", 200000) // 5.6 MB
	for _, args := range [][]string{{"explain"}, {"-json", "explain"}} {
		in := &countingReader{r: strings.NewReader(input)}
		var errOut strings.Builder
		status := run(args, in, &fullAfter{n: 1000}, &errOut)
		assert.Equal(t, 2, status, "%q", args)
		assert.Contains(t, errOut.String(), "writing the output: no space left on device", "%q", args)
		assert.Less(t, in.n, 1<<20, "%q: read %d of %d bytes after the output failed", args, in.n, len(input))
	}
}

// TestAFollowedPipeSeesEachRecord writes one record to explain's input and
// waits for its explanation before the input ends: the output is buffered,
// but flushed whenever the input may wait.
func TestAFollowedPipeSeesEachRecord(t *testing.T) {
	for _, c := range []struct {
		args                string
		first, second, rest string // what is written, what follows while it is read, and the rest
	}{
		{"explain", `{"code":410,"subCode":3112}` + "\n", `{"code":487,"subCode":10003}` + "\n", ""},
		{"-json explain", `{"code":410,"subCode":3112}` + "\n", "", ""},
		// Text lines are explained a batch at a time: a line whose next
		// has not arrived, or has arrived in part, ends a batch.
		{"explain", "call ended code=410 subCode=3112\n", "call ended code=487 subCode=10003\n", ""},
		{"-json explain", "call ended code=410 subCode=3112\n", "", ""},
		{"-json explain", "call ended code=410 subCode=3112\ncall ended code=4", "", "87 subCode=10003\n"},
		{"-json explain", "call ended code=410 subCode=3112\ncall ended code=487 subCode=10003\r", "", "\n"},
	} {
		inR, inW := io.Pipe()
		outR, outW := io.Pipe()
		done := make(chan int)
		go func() { done <- run(strings.Fields(c.args), inR, outW, io.Discard); outW.Close() }()
		lines := make(chan string, 100)
		go func() {
			s := bufio.NewScanner(outR)
			for s.Scan() {
				lines <- s.Text()
			}
			close(lines)
		}()
		// The text output holds the first record back until it knows the
		// input has more than one (one prints as a single payload): it
		// shows once the second arrives.
		for _, w := range []string{c.first, c.second} {
			if w != "" {
				_, err := io.WriteString(inW, w)
				require.NoError(t, err)
			}
		}
		select {
		case l := <-lines:
			assert.Regexp(t, `line 1\b|"line":1,`, l, "%q %q", c.args, c.first)
		case <-time.After(10 * time.Second):
			t.Fatalf("%q %q: nothing printed while the input is open", c.args, c.first)
		}
		_, err := io.WriteString(inW, c.rest)
		require.NoError(t, err)
		inW.Close()
		assert.Equal(t, 0, <-done, "%q %q", c.args, c.first)
		for range lines {
		}
	}
}
