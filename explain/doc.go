// Package explain reads what services receive and explains its codes: Call
// Automation events (CloudEvents and Event Grid, one or a batch), bare
// resultInformation and callEndReason objects, call log records as the
// portal exports them, TRTC errors, log lines, and streams of any of these
// in JSON, JSON Lines, CSV or text.
//
//	x, err := explain.Payload(body)
//	if err == nil && x.Found && x.Entry.Outcome == rtccodes.OutcomeFailure { ... }
//
// Each reader turns its input into a rtccodes.Question and asks
// rtccodes.Resolve, so a pair gets the same answer however it arrives.
// Payload reads one JSON payload, Line one log line, Stream many records in
// constant memory (never stopping on a bad record), Summarize counts them.
// Every function is safe for concurrent use, and none starts a goroutine.
//
// Two speed tricks stay, each measured on call logs (explain/bench_test.go):
// the answers to questions without text are remembered, up to 4096 (log
// lines 1.75x, JSON Lines 1.6x); a JSON record is read by a reader of its
// own (decode.go) before encoding/json (JSON Lines 3.1x).
package explain
