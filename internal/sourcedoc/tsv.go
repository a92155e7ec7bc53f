package sourcedoc

import (
	"fmt"
	"slices"
	"strings"
)

// tsvRow is a row of a tab-separated table, with the file:line it stands on.
type tsvRow struct {
	where string
	cells []string
}

// readTSV reads a table as rtccodes' own tables are written (the facts
// table, the TRTC Web SDK 5.x table, the reference tables): '#' comment
// lines, a header line that names the columns, then one row a line, each
// of as many tab-separated cells.
func readTSV(file, src string, columns []string) ([]tsvRow, error) {
	var rows []tsvRow
	header := false
	for i, l := range strings.Split(strings.TrimRight(src, "\n"), "\n") {
		where := fmt.Sprintf("%s:%d", file, i+1)
		if strings.HasPrefix(l, "#") {
			continue
		}
		c := strings.Split(l, "\t")
		if len(c) != len(columns) {
			return nil, fmt.Errorf("%s: %d columns, want %d", where, len(c), len(columns))
		}
		if !header {
			if !slices.Equal(c, columns) {
				return nil, fmt.Errorf("%s: header %q, want %q", where, c, columns)
			}
			header = true
			continue
		}
		rows = append(rows, tsvRow{where, c})
	}
	return rows, nil
}
