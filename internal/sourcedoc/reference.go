package sourcedoc

import (
	"bytes"
	"fmt"
	"go/format"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
)

// The reference tables, relative to the testdata directory.
const (
	ReferenceSIP  = "reference/sip-response-codes.tsv"
	ReferenceQ850 = "reference/q850-cause-values.tsv"
)

// reason is a row of a reference table.
type reason struct {
	code           int
	text, standard string
}

// readReasons reads a reference table: '#' comment lines, a header line,
// then code, reason and reference separated by tabs.
func readReasons(dir, file string) ([]reason, error) {
	b, err := os.ReadFile(filepath.Join(dir, file))
	if err != nil {
		return nil, err
	}
	rows, err := readTSV(file, string(b), []string{"code", "reason", "reference"})
	if err != nil {
		return nil, err
	}
	var out []reason
	for _, row := range rows {
		f := row.cells
		n, err := strconv.Atoi(f[0])
		if err != nil {
			return nil, fmt.Errorf("%s: %v", row.where, err)
		}
		if int(int32(n)) != n {
			return nil, fmt.Errorf("%s: %d is outside the int32 range", row.where, n)
		}
		out = append(out, reason{code: n, text: f[1], standard: f[2]})
	}
	if !sort.SliceIsSorted(out, func(i, j int) bool { return out[i].code < out[j].code }) {
		return nil, fmt.Errorf("%s: codes are not in order", file)
	}
	for i := 1; i < len(out); i++ {
		if out[i].code == out[i-1].code {
			return nil, fmt.Errorf("%s: code %d twice", file, out[i].code)
		}
	}
	return out, nil
}

// renderReference renders the SIP and Q.850 tables and the PSTN SBC rule.
func renderReference(dir string, sbcRule string) ([]byte, error) {
	var b bytes.Buffer
	fileStart(&b, false)
	for _, t := range []struct{ file, name, doc string }{
		{ReferenceSIP, "sipReasons", "the SIP response codes and reason phrases of testdata/" + ReferenceSIP},
		{ReferenceQ850, "q850Causes", "the ITU-T Q.850 cause values of testdata/" + ReferenceQ850},
	} {
		rows, err := readReasons(dir, t.file)
		if err != nil {
			return nil, err
		}
		fmt.Fprintf(&b, "// %s holds %s, in code order.\nvar %s = []Reason{\n", t.name, t.doc, t.name)
		for _, r := range rows {
			fmt.Fprintf(&b, "\t{Code: %d, Text: %q, Standard: %q},\n", r.code, r.text, r.standard)
		}
		b.WriteString("}\n\n")
	}
	fmt.Fprintf(&b, "// pstnSBCRule is the 2025-07-14 edition's rule for PSTN subcodes 560xxx and 540xxx.\nconst pstnSBCRule = %s\n", strconv.Quote(sbcRule))
	return format.Source(b.Bytes())
}

// sbcRule reads the paragraphs of the 2025-07-14 edition that state the rule
// of the PSTN subcodes 560xxx and 540xxx.
func sbcRule(d docs) (string, error) {
	src := d[EditionACSEn]
	start := strings.Index(src, "## PSTN call response codes with ParticipantEndReason")
	end := strings.Index(src, "### ParticipantEndReason 0")
	if start < 0 || end < start {
		return "", fmt.Errorf("%s: no PSTN rule section", EditionACSEn)
	}
	body := src[start:end]
	body = body[strings.Index(body, "\n")+1:]
	text, _, err := plainMarkdown(body, acsPageBase)
	return text, err
}
