package explain_test

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"testing"

	"github.com/rtccodes/rtccodes/explain"
)

func BenchmarkExplainCallDisconnected(b *testing.B) {
	payload := []byte(callDisconnected)
	for b.Loop() {
		x, _ := explain.Payload(payload)
		sinkExplanation = x
	}
}

// callLogPairs are the pairs of the generated call logs: PSTN and Calling
// SDK rows, a fact, and a pair nothing describes.
var callLogPairs = [][2]string{{"486", "560486"}, {"410", "3112"}, {"0", "0"}, {"403", "510403"}, {"0", "5854"}, {"999", "1"}}

// callLogJSONL returns n call summary records as JSON Lines.
func callLogJSONL(n int) []byte {
	var b bytes.Buffer
	for i := range n {
		p := callLogPairs[i%len(callLogPairs)]
		fmt.Fprintf(&b, `{"TimeGenerated":"2026-11-20T12:00:00Z","CorrelationId":"c-%d","ParticipantId":"p-%d","EndpointType":"VoIP","ParticipantEndReason":"%s","ParticipantEndSubCode":"%s"}`+"\n", i, i, p[0], p[1])
	}
	return b.Bytes()
}

// callLogCSV returns n call summary records as a Log Analytics CSV export.
func callLogCSV(n int) []byte {
	var b bytes.Buffer
	b.WriteString("TimeGenerated,CorrelationId,ParticipantId,EndpointType,ParticipantEndReason,ParticipantEndSubCode\r\n")
	for i := range n {
		p := callLogPairs[i%len(callLogPairs)]
		fmt.Fprintf(&b, "2026-11-20T12:00:00Z,c-%d,p-%d,VoIP,%s,%s\r\n", i, i, p[0], p[1])
	}
	return b.Bytes()
}

const streamRecords = 20000

// benchStream measures ExplainStream over a generated stream: records/s
// and, with SetBytes, MB/s.
func benchStream(b *testing.B, data []byte) {
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		n := 0
		for _, err := range explain.Stream(bytes.NewReader(data), explain.Options{}) {
			if err != nil {
				b.Fatal(err)
			}
			n++
		}
		if n != streamRecords {
			b.Fatalf("%d records", n)
		}
	}
	b.ReportMetric(float64(streamRecords*b.N)/b.Elapsed().Seconds(), "records/s")
}

func BenchmarkStreamJSONL(b *testing.B) { benchStream(b, callLogJSONL(streamRecords)) }

func BenchmarkStreamCSV(b *testing.B) { benchStream(b, callLogCSV(streamRecords)) }

// BenchmarkBaselineDecodeJSONL is the floor of the JSON Lines stream: the
// same lines decoded by encoding/json into a plain struct and discarded.
func BenchmarkBaselineDecodeJSONL(b *testing.B) {
	data := callLogJSONL(streamRecords)
	b.SetBytes(int64(len(data)))
	var rec struct {
		TimeGenerated, CorrelationId, ParticipantId, EndpointType string
		ParticipantEndReason, ParticipantEndSubCode               string
	}
	for b.Loop() {
		sc := bufio.NewScanner(bytes.NewReader(data))
		for sc.Scan() {
			if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(streamRecords*b.N)/b.Elapsed().Seconds(), "records/s")
}

// BenchmarkBaselineDecodeCSV is the floor of the CSV stream: the same
// export read by encoding/csv and discarded.
func BenchmarkBaselineDecodeCSV(b *testing.B) {
	data := callLogCSV(streamRecords)
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		r := csv.NewReader(bytes.NewReader(data))
		r.ReuseRecord = true
		for {
			if _, err := r.Read(); err == io.EOF {
				break
			} else if err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(streamRecords*b.N)/b.Elapsed().Seconds(), "records/s")
}

var sinkExplanation explain.Explanation

// logLines returns n log lines as loggers write them: a quarter with a
// pair, a quarter with a TRTC code, half with none.
func logLines(n int) []byte {
	var b bytes.Buffer
	for i := range n {
		switch i % 4 {
		case 0:
			fmt.Fprintf(&b, "2026-11-20 10:00:05 WARN call ended: code=410 subCode=3112 correlationId=%08x\n", i)
		case 1:
			fmt.Fprintf(&b, "[2026-11-20T10:00:06Z] INFO user joined room %d with 3 participants\n", i)
		case 2:
			fmt.Fprintf(&b, "2026-11-20 10:00:07 ERROR TRTC error 0x4001 extraCode 70001 room=%08x\n", i)
		default:
			fmt.Fprintf(&b, "2026-11-20 10:00:08 DEBUG audio level 0.53 jitter 12ms packets lost %d\n", i%10)
		}
	}
	return b.Bytes()
}

// messageLines returns n log lines as loggers write them, each with a
// message TRTC documents: a question each line asks afresh.
func messageLines(n int) []byte {
	messages := []string{"publish timeout", "join room timeout", "ICE/DTLS Transport connection failed", "failed to connect to remote server via websocket"}
	var b bytes.Buffer
	for i := range n {
		fmt.Fprintf(&b, "2026-11-20 10:00:09.%06d WARN TRTC %s (stream %d)\n", i, messages[i%len(messages)], i)
	}
	return b.Bytes()
}

// randomLines returns about n bytes of random data, cut into lines as
// their newline bytes fall.
func randomLines(n int) []byte {
	b := make([]byte, n)
	seed := uint64(22)
	for i := range b {
		seed = seed*6364136223846793005 + 1442695040888963407
		b[i] = byte(seed >> 56)
	}
	return b
}

// benchText measures Stream over text lines; errors (a line with no code)
// are records too.
func benchText(b *testing.B, data []byte) {
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		for rec, err := range explain.Stream(bytes.NewReader(data), explain.Options{Format: explain.FormatText}) {
			sinkExplanation, sinkErr = rec.Explanation, err
		}
	}
}

func BenchmarkStreamLogLines(b *testing.B) { benchText(b, logLines(streamRecords)) }

func BenchmarkStreamMessageLines(b *testing.B) { benchText(b, messageLines(streamRecords)) }

func BenchmarkStreamRandomBytes(b *testing.B) { benchText(b, randomLines(2<<20)) }

// BenchmarkBaselineCountLines is the floor of the text streams: the lines
// counted by a bufio.Scanner.
func BenchmarkBaselineCountLines(b *testing.B) {
	data := logLines(streamRecords)
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		sc := bufio.NewScanner(bytes.NewReader(data))
		n := 0
		for sc.Scan() {
			n++
		}
		if n != streamRecords {
			b.Fatalf("%d lines", n)
		}
	}
}

var sinkErr error
