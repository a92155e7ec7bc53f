package sourcedoc

import (
	"fmt"
	"regexp"
	"strings"
)

// table is a table of a source document: its header cells, its rows of
// cells, and where it starts.
type table struct {
	file    string
	line    int // 1-based line of the header
	heading string
	header  []string
	rows    [][]string
}

func (t table) String() string { return fmt.Sprintf("%s:%d", t.file, t.line) }

// rowSource returns the file:line of the table's ith row, which stands below
// the header and its separator line.
func (t table) rowSource(i int) string { return fmt.Sprintf("%s:%d", t.file, t.line+2+i) }

// wrappedRowSource names the ith row of a seed 000/001 pipe table, whose rows
// wrap over several lines: the header's file:line and the row's ordinal.
func (t table) wrappedRowSource(i int) string { return fmt.Sprintf("%s:%d#%d", t.file, t.line, i+1) }

var reSeparator = regexp.MustCompile(`^\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$`)

// pipeTables reads the tables of the seeds 000 and 001. A row's cells each end
// with "|", and a row may wrap over several lines; a table ends at the first
// line without "|", and a row cut short there (the last row of a table may lack
// its trailing empty cells) is padded with empty cells.
func pipeTables(file, src string) ([]table, error) {
	lines := strings.Split(src, "\n")
	var tables []table
	for i := 0; i+1 < len(lines); i++ {
		if !strings.Contains(lines[i], "|") || !reSeparator.MatchString(lines[i+1]) {
			continue
		}
		n := strings.Count(lines[i], "|")
		t := table{file: file, line: i + 1, header: splitPipeRow(lines[i], n)}
		var buf []string
		j := i + 2
		for ; j < len(lines); j++ {
			l := lines[j]
			if !strings.Contains(l, "|") {
				break
			}
			buf = append(buf, l)
			joined := strings.Join(buf, " ")
			switch c := strings.Count(joined, "|"); {
			case c == n:
				t.rows = append(t.rows, splitPipeRow(joined, n))
				buf = nil
			case c > n:
				return nil, fmt.Errorf("%s:%d: row has %d cells, the header %d", file, j+1, c, n)
			}
		}
		if buf != nil {
			t.rows = append(t.rows, splitPipeRow(strings.Join(buf, " "), n))
		}
		tables = append(tables, t)
		i = j - 1
	}
	return tables, nil
}

// splitPipeRow splits a row whose cells each end with "|" into n cells.
func splitPipeRow(s string, n int) []string {
	cells := strings.Split(s, "|")
	out := make([]string, n)
	for i := 0; i < n && i < len(cells); i++ {
		out[i] = normSpace(cells[i])
	}
	return out
}

// mdTables reads markdown pipe tables ("| a | b |" rows under a "|---|" line),
// keeping each table's nearest heading. Cells are returned as published;
// escaped pipes ("\|") do not split cells.
func mdTables(file, src string) []table {
	lines := strings.Split(src, "\n")
	var tables []table
	heading := ""
	for i := 0; i < len(lines); i++ {
		l := strings.TrimSpace(lines[i])
		if strings.HasPrefix(l, "#") {
			heading = strings.TrimSpace(strings.TrimLeft(l, "#"))
			continue
		}
		if !strings.HasPrefix(l, "|") || i+1 >= len(lines) || !reSeparator.MatchString(strings.TrimSpace(lines[i+1])) {
			continue
		}
		t := table{file: file, line: i + 1, heading: heading, header: splitMDRow(l)}
		j := i + 2
		for ; j < len(lines) && strings.HasPrefix(strings.TrimSpace(lines[j]), "|"); j++ {
			t.rows = append(t.rows, splitMDRow(strings.TrimSpace(lines[j])))
		}
		tables = append(tables, t)
		i = j - 1
	}
	return tables
}

func splitMDRow(l string) []string {
	l = strings.TrimSuffix(strings.TrimPrefix(l, "|"), "|")
	var cells []string
	var b strings.Builder
	for i := 0; i < len(l); i++ {
		if l[i] == '\\' && i+1 < len(l) && l[i+1] == '|' {
			b.WriteString(`\|`)
			i++
			continue
		}
		if l[i] == '|' {
			cells = append(cells, strings.TrimSpace(b.String()))
			b.Reset()
			continue
		}
		b.WriteByte(l[i])
	}
	return append(cells, strings.TrimSpace(b.String()))
}

// findTable returns the first table under the given heading.
func findTable(tables []table, heading string) (table, error) {
	for _, t := range tables {
		if t.heading == heading {
			return t, nil
		}
	}
	return table{}, fmt.Errorf("no table under heading %q", heading)
}

// spacedRow is a row of seed 002, whose columns are separated by single
// spaces: the leading key fields, and the rest of the row (message, category
// and advice run together) with the row's line breaks.
type spacedRow struct {
	line   int
	fields []string
	rest   string
}

// spacedTable reads the rows after the nth (1-based) line equal to header in
// seed 002. A row starts at a line that start matches (its submatches are the
// key fields, the last submatch the start of the rest); other lines continue
// the row. A blank line ends the table unless a row start or a paragraph that
// continues the cell (a line followed by a non-blank line) comes after it.
func spacedTable(src, header string, nth int, start *regexp.Regexp) ([]spacedRow, error) {
	lines := strings.Split(src, "\n")
	seen := 0
	i := 0
	for ; i < len(lines); i++ {
		if strings.TrimSpace(lines[i]) == header {
			seen++
			if seen == nth {
				break
			}
		}
	}
	if i == len(lines) {
		return nil, fmt.Errorf("seed 002: header %q #%d not found", header, nth)
	}
	var rows []spacedRow
	blank := func(k int) bool { return k >= len(lines) || strings.TrimSpace(lines[k]) == "" }
	for k := i + 1; k < len(lines); k++ {
		l := strings.TrimRight(lines[k], " \r")
		if m := start.FindStringSubmatch(l); m != nil {
			rows = append(rows, spacedRow{line: k + 1, fields: m[1 : len(m)-1], rest: m[len(m)-1]})
			continue
		}
		if blank(k) {
			if !blank(k+1) && (start.MatchString(lines[k+1]) || !blank(k+2)) && len(rows) > 0 {
				rows[len(rows)-1].rest += "\n"
				continue
			}
			break
		}
		if len(rows) == 0 {
			return nil, fmt.Errorf("seed 002:%d: text before the first row of %q", k+1, header)
		}
		rows[len(rows)-1].rest += "\n" + l
	}
	for i := range rows {
		rows[i].rest = normSpace(rows[i].rest)
	}
	return rows, nil
}
