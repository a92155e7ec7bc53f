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
// Records are read with encoding/json, encoding/csv and bufio, but for the
// speed tricks below. Each stays because it pays at least 1.5x on the
// streams of explain/bench_test.go (MB/s with it, against without it):
//   - a JSON record is read by a reader of its own (decode.go), before
//     encoding/json: JSON Lines 150 against 67 (2.2x; 22 with the check of
//     keys given twice that encoding/json needs);
//   - the answers to questions without text are remembered, up to 4096
//     (resolve.go): log lines 82 against 52 (1.56x);
//   - a CSV stream remembers the explanation of the rows read, by the
//     columns it depends on, up to 1024: CSV 115 against 40 (2.9x);
//   - code fields are read in one pass (codefield.go), not by the regular
//     expression its test holds it to: 500,000 call log lines in 0.75 s
//     against 2.8 s (3.7x);
//   - a line's regular expressions and message rows are tried only when
//     the line holds their words: log lines 81 against 20 (4x) and 65
//     against 29 (2.2x).
package explain
