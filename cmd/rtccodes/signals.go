//go:build unix || windows

package main

import (
	"os"
	"os/signal"
	"syscall"
)

// handleSignals makes SIGINT and SIGTERM stop the tool between two records
// (see stopped), and a closed pipe a write error the tool ends on quietly,
// instead of the signals' deaths, which cut a record off.
func handleSignals() {
	signal.Ignore(syscall.SIGPIPE)
	c := make(chan os.Signal, 1)
	signal.Notify(c, os.Interrupt, syscall.SIGTERM)
	go func() {
		sig := <-c
		status := statusInterrupted
		if sig == syscall.SIGTERM {
			status = statusTerminated
		}
		stop(status)
	}()
}

// brokenPipe reports whether a write error is a closed pipe's.
func brokenPipe(err error) bool { return isErrno(err, syscall.EPIPE) }
