// Package explain reads what services receive and explains its codes: Call
// Automation events (CloudEvents and Event Grid, one or a batch), bare
// resultInformation and callEndReason objects, call log records as the
// portal exports them, error objects as apps log them, TRTC errors, log
// lines, and streams of any of these in JSON, JSON Lines, CSV or text.
//
// Each reader turns its input into a rtccodes.Question (the products the
// record's shape allows, its code and subcode, its message, its event) and
// asks rtccodes.Resolve, so that a pair gets the answer the core gives it
// however it arrives. Payload and PayloadAs read one JSON payload; Line
// reads one log line; Message reads a message with a DiagCode; Stream reads
// many records in constant memory and yields each explanation or a
// *RecordError, never stopping on a bad record; Summarize counts a stream.
// Every function is safe for concurrent use, and none starts a goroutine.
//
// Two speed tricks stay, each for the gain measured on call logs (go test
// -bench, explain/bench_test.go): the answers to questions without text (a
// pair, its products and event) are remembered, up to 4096 of them (log
// lines 1.75x, JSON Lines 1.6x); and a record of JSON is read by a reader
// of its own (decode.go) before encoding/json, which reads what it does
// not (JSON Lines 3.1x: 162 MB/s against 52).
//
//	x, err := explain.Payload(body)
//	if err == nil && x.Found && x.Entry.Outcome == rtccodes.OutcomeFailure { ... }
package explain
