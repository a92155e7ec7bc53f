// Package explain reads what services receive and explains its codes:
// Call Automation events (one or a batch), resultInformation and
// callEndReason objects, call log records, TRTC errors, log lines, and
// streams of these in JSON, JSON Lines, CSV or text. Each reader turns its
// input into a rtccodes.Question for rtccodes.Resolve, so a pair gets the
// same answer however it arrives. Payload reads one payload, Line one log
// line, Stream many records in constant memory (never stopping on a bad
// record), Summarize counts them. Every function is safe for concurrent
// use, and none starts a goroutine.
//
// Records are read with encoding/json, encoding/csv and bufio, and five
// speed tricks, each kept for its gain in explain/bench_test.go: a JSON
// record reader of its own (decode.go; JSON Lines 2.2x), the answers to
// questions without text remembered (resolve.go; log lines 1.56x), a CSV
// stream's rows remembered by the columns they depend on (CSV 2.9x), code
// fields read in one pass, not by their regular expression (codefield.go;
// a call log 3.7x), and a line's regular expressions and message rows
// tried only when it holds their words (log lines 4x and 2.2x).
package explain
