package main

import (
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rtccodes/rtccodes"
	"github.com/rtccodes/rtccodes/explain"
)

// question is a code and subcode, the subcode possibly absent.
type question struct {
	code, subcode int
	hasSubcode    bool
}

func (q question) words() []string {
	if !q.hasSubcode {
		return []string{strconv.Itoa(q.code)}
	}
	return []string{strconv.Itoa(q.code), strconv.Itoa(q.subcode)}
}

// answer is what an entry point says: the product, row and match, or nothing.
func answer(e rtccodes.Entry, ok bool) string {
	if !ok {
		return "nothing"
	}
	return fmt.Sprintf("%v %s %s", e.Product, e.Pair(), e.Match)
}

// entryPoint asks one product (or every product: 0) a question one way.
type entryPoint struct {
	name string
	ask  func(t *testing.T, p rtccodes.Product, q question) string
	one  bool // it asks one product only
}

// entryPoints are every way the same information reaches rtccodes: a pair, a
// string, a question, a payload, a log line, a stream in each format and
// the command line.
var entryPoints = []entryPoint{
	{"Lookup", func(t *testing.T, p rtccodes.Product, q question) string {
		if q.hasSubcode {
			return answer(rtccodes.Lookup(p, q.code, q.subcode))
		}
		return answer(rtccodes.Lookup(p, q.code))
	}, true},
	{"Resolve", func(t *testing.T, p rtccodes.Product, q question) string {
		rq := rtccodes.Question{Code: q.code, HasCode: true, Subcode: q.subcode, HasSubcode: q.hasSubcode}
		if p != 0 {
			rq.Products = []rtccodes.Product{p}
		}
		answers := rtccodes.Resolve(rq)
		if len(answers) == 0 {
			return answer(rtccodes.Entry{}, false)
		}
		return answer(answers[0], true)
	}, false},
	{"LookupString with a space", func(t *testing.T, p rtccodes.Product, q question) string {
		return answer(rtccodes.LookupString(p, strings.Join(q.words(), " ")))
	}, true},
	{"LookupString with a slash", func(t *testing.T, p rtccodes.Product, q question) string {
		return answer(rtccodes.LookupString(p, strings.Join(q.words(), "/")))
	}, true},
	{"explain.Line of the pair", func(t *testing.T, p rtccodes.Product, q question) string {
		return line(t, p, strings.Join(q.words(), " "))
	}, false},
	{"explain.Line of code fields", func(t *testing.T, p rtccodes.Product, q question) string {
		s := "call ended: code=" + strconv.Itoa(q.code)
		if q.hasSubcode {
			s += " subCode=" + strconv.Itoa(q.subcode)
		}
		return line(t, p, s)
	}, false},
	{"explain.PayloadAs of a bare object", func(t *testing.T, p rtccodes.Product, q question) string {
		x, err := bareObject(p, q)
		require.NoError(t, err)
		return answer(x.Entry, x.Found)
	}, false},
	{"explain.Stream of JSON Lines, text and CSV", func(t *testing.T, p rtccodes.Product, q question) string {
		b, _ := json.Marshal(object(q))
		csvRow := "code,subCode\n" + strconv.Itoa(q.code) + ","
		if q.hasSubcode {
			csvRow += strconv.Itoa(q.subcode)
		}
		var answers []string
		for _, in := range []string{string(b) + "\n", strings.Join(q.words(), " ") + "\n", csvRow + "\n"} {
			for rec, err := range explain.Stream(strings.NewReader(in), explain.Options{Product: p}) {
				require.NoError(t, err, "%q", in)
				answers = append(answers, answer(rec.Entry, rec.Found))
			}
		}
		require.Len(t, answers, 3)
		for _, a := range answers[1:] {
			if a != answers[0] {
				return fmt.Sprintf("the formats disagree: %q", answers)
			}
		}
		return answers[0]
	}, false},
	{"the command line", func(t *testing.T, p rtccodes.Product, q question) string {
		args := []string{"-json"}
		if p != 0 {
			args = append(args, "-product", p.ShortName())
		}
		args = append(append(args, "--"), q.words()...)
		status, out, _ := runTool("", args...)
		var entries []jsonEntry
		require.NoError(t, json.Unmarshal([]byte(out), &entries), out)
		// The rows listed under a code without its own row follow the
		// answers: they are not the answer.
		entries = slices.DeleteFunc(entries, func(e jsonEntry) bool { return e.Listed })
		if status == 1 || len(entries) == 0 {
			return answer(rtccodes.Entry{}, false)
		}
		e := entries[0]
		return fmt.Sprintf("%s %s %s", e.Product, e.Pair, e.Match)
	}, false},
	{"rtccodes explain", func(t *testing.T, p rtccodes.Product, q question) string {
		args := []string{"-json"}
		if p != 0 {
			args = append(args, "-product", p.ShortName())
		}
		_, out, _ := runTool(strings.Join(q.words(), " ")+"\n", append(args, "explain")...)
		var x jsonExplanation
		require.NoError(t, json.Unmarshal([]byte(out), &x), out)
		if !x.Found || x.Entry == nil {
			return answer(rtccodes.Entry{}, false)
		}
		return fmt.Sprintf("%s %s %s", x.Entry.Product, x.Entry.Pair, x.Entry.Match)
	}, false},
}

func line(t *testing.T, p rtccodes.Product, s string) string {
	x, err := explain.Line(p, s)
	require.NoError(t, err, "%q", s)
	return answer(x.Entry, x.Found)
}

func object(q question) map[string]int {
	o := map[string]int{"code": q.code}
	if q.hasSubcode {
		o["subCode"] = q.subcode
	}
	return o
}

func bareObject(p rtccodes.Product, q question) (explain.Explanation, error) {
	b, _ := json.Marshal(object(q))
	if p == 0 {
		return explain.Payload(b)
	}
	return explain.PayloadAs(p, b)
}

// TestEveryEntryPointGivesOneAnswer asks every documented pair of every product,
// and pairs of every class that no table documents, through every entry point, of
// the product and of every product, and checks that every entry point gives the
// answer Lookup (Resolve) gives: the same product, row and match.
func TestEveryEntryPointGivesOneAnswer(t *testing.T) {
	probes := []question{}
	for _, code := range []int{0, 1, 200, 299, 302, 404, 418, 487, 500, 599, 603, 700, 999, 4096, 0x4001, 0x4004, 12345} {
		probes = append(probes, question{code: code})
		for _, sub := range []int{0, 1, 3112, 8536, 560486, 560503, 70001, -10012, 99999} {
			probes = append(probes, question{code, sub, true})
		}
	}
	asked, answered := 0, 0
	for _, p := range append(rtccodes.Products(), 0) {
		questions := append([]question(nil), probes...)
		for _, q := range rtccodes.Products() {
			for e := range rtccodes.All(q) {
				if e.HasCode && (q == p || p == 0) {
					questions = append(questions, question{e.Code, e.Subcode, e.HasSubcode})
				}
			}
		}
		for _, q := range questions {
			asked++
			want := entryPoints[1].ask(t, p, q) // Resolve, the one resolver
			if want != "nothing" {
				answered++
			}
			for _, d := range entryPoints {
				if d.one && p == 0 {
					continue
				}
				if got := d.ask(t, p, q); got != want {
					t.Errorf("%v %v: %s answers %s, Resolve %s", p, q, d.name, got, want)
				}
			}
		}
	}
	t.Logf("%d questions through %d entry points: %d answered, %d answered by nothing", asked, len(entryPoints), answered, asked-answered)
	assert.Greater(t, answered, 1000)
}

// TestTRTCErrorLinesAnswerTheirPair reads every TRTC pair with an extra
// code as apps log it, "TRTC error 0x4001 extraCode -8", through explain
// and the command line: the exact row answers, as Lookup gives it.
func TestTRTCErrorLinesAnswerTheirPair(t *testing.T) {
	n := 0
	for e := range rtccodes.All(rtccodes.TRTCWeb) {
		if !e.HasCode || !e.HasSubcode {
			continue
		}
		n++
		want := answer(rtccodes.Lookup(rtccodes.TRTCWeb, e.Code, e.Subcode))
		s := fmt.Sprintf("TRTC error 0x%04X extraCode %d", e.Code, e.Subcode)
		assert.Equal(t, want, line(t, 0, s), s)
		_, out, _ := runTool(s+"\n", "-json", "explain")
		var x jsonExplanation
		require.NoError(t, json.Unmarshal([]byte(out), &x), out)
		if assert.NotNil(t, x.Entry, s) {
			assert.Equal(t, want, fmt.Sprintf("%s %s %s", x.Entry.Product, x.Entry.Pair, x.Entry.Match), s)
		}
	}
	t.Logf("%d TRTC pairs with an extra code", n)
	assert.Positive(t, n)
}

// TestCallLogEntryPointsAgree reads the same call log records as the portal
// exports them (CSV), as JSON Lines and as log lines: the answer is the
// same, the call log's product rule applied in each (PSTN for its 560xxx,
// 540xxx and 510xxx subcodes).
func TestCallLogEntryPointsAgree(t *testing.T) {
	var csvRows, jsonLines, textLines []string
	for _, p := range []rtccodes.Product{rtccodes.CallingSDK, rtccodes.PSTN} {
		for e := range rtccodes.All(p) {
			if !e.HasCode || !e.HasSubcode {
				continue
			}
			c, s := e.Code, e.Subcode
			csvRows = append(csvRows, fmt.Sprintf("%d,%d", c, s))
			jsonLines = append(jsonLines, fmt.Sprintf(`{"ParticipantEndReason":"%d","ParticipantEndSubCode":"%d"}`, c, s))
			textLines = append(textLines, fmt.Sprintf("ParticipantEndReason=%d ParticipantEndSubCode=%d", c, s))
		}
	}
	read := func(in string) []string {
		var out []string
		for rec, err := range explain.Stream(strings.NewReader(in), explain.Options{}) {
			require.NoError(t, err)
			out = append(out, answer(rec.Entry, rec.Found))
		}
		return out
	}
	fromCSV := read("ParticipantEndReason,ParticipantEndSubCode\r\n" + strings.Join(csvRows, "\r\n") + "\r\n")
	require.Len(t, fromCSV, len(csvRows))
	assert.Equal(t, fromCSV, read(strings.Join(jsonLines, "\n")+"\n"), "JSON Lines")
	assert.Equal(t, fromCSV, read(strings.Join(textLines, "\n")+"\n"), "log lines")
	assert.Contains(t, fromCSV, "PSTN 486/60486 alias", "486/560486 in a call log is PSTN's")
	t.Logf("%d call log records read three ways", len(csvRows))
}
