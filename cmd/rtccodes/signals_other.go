//go:build !unix && !windows

package main

// handleSignals does nothing where there are no signals to handle.
func handleSignals() {}

// brokenPipe reports whether a write error is a closed pipe's: never here.
func brokenPipe(error) bool { return false }
