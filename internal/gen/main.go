// Command gen writes rtccodes' generated tables from the source documents in
// testdata/. Run it from the module root with go generate ./... .
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/rtccodes/rtccodes/internal/sourcedoc"
)

func main() {
	dir := flag.String("testdata", "testdata", "the directory of the source documents")
	out := flag.String("out", ".", "the module root to write the tables to")
	flag.Parse()
	files, err := sourcedoc.Generate(*dir)
	if err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
	for name, src := range files {
		if err := os.WriteFile(filepath.Join(*out, name), src, 0o644); err != nil {
			fmt.Fprintln(os.Stderr, "gen:", err)
			os.Exit(1)
		}
	}
}
