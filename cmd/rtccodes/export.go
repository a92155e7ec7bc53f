package main

import (
	"fmt"
	"io"

	"github.com/rtccodes/rtccodes"
	"github.com/rtccodes/rtccodes/internal/export"
)

// exportTables writes the tables and the answer chain for an engine:
// "sql", "kql", "kql-function" or "csv", the texts in -lang.
func exportTables(words []string, stdout, stderr io.Writer, opts options) int {
	if len(words) != 1 {
		fmt.Fprintf(stderr, "rtccodes: export takes one format (sql, kql, kql-function or csv), got %q\n", words)
		return 2
	}
	if opts.json || len(opts.products) != len(rtccodes.Products()) {
		fmt.Fprintln(stderr, "rtccodes: export writes every product, in its own format: -json and -product do not apply")
		return 2
	}
	t := export.Build(opts.lang)
	var err error
	switch words[0] {
	case "sql":
		err = export.SQL(stdout, t)
	case "kql":
		err = export.KQL(stdout, t, false)
	case "kql-function":
		err = export.KQL(stdout, t, true)
	case "csv":
		err = export.CSV(stdout, t)
	default:
		fmt.Fprintf(stderr, "rtccodes: export: unknown format %q (want sql, kql, kql-function or csv)\n", words[0])
		return 2
	}
	if err != nil {
		fmt.Fprintln(stderr, "rtccodes: export:", err)
		return 2
	}
	return 0
}
