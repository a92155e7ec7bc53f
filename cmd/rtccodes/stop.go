package main

import (
	"errors"
	"os"
	"sync/atomic"
	"syscall"
)

// The exit statuses of a signal, as shells report a process it ended.
const (
	statusInterrupted = 130 // SIGINT: 128 + 2
	statusTerminated  = 143 // SIGTERM: 128 + 15
)

var (
	// stopStatus is the status a signal asked the tool to stop with; 0
	// until one does.
	stopStatus atomic.Int32
	// reading is whether the tool waits for input: its output is flushed
	// then, on a record's end, and a signal ends the tool at once.
	reading atomic.Bool
)

// stop asks the tool to stop with a status: at once when it waits for
// input, else after the record it is writing.
func stop(status int) {
	stopStatus.Store(int32(status))
	if reading.Load() {
		os.Exit(status)
	}
}

// stopped returns the status a signal asked the tool to stop with, and
// whether one did.
func stopped() (int, bool) {
	s := stopStatus.Load()
	return int(s), s != 0
}

// isErrno reports whether err is, or wraps, the system error e.
func isErrno(err error, e syscall.Errno) bool { return errors.Is(err, e) }
