package sourcedoc

import (
	"fmt"
	"strings"

	"github.com/rtccodes/rtccodes/internal/schema"
)

// TRTC5Table is the table of the TRTC Web SDK 5.x codes, relative to the
// testdata directory: the SDK's own enum is the product's only source.
const TRTC5Table = "trtc/web-5x-error-codes.en.tsv"

// trtc5Parser reads the TRTC Web SDK 5.x table.
var trtc5Parser = parser{
	documents: []document{
		{TRTC5Table, "en", "Tencent TRTC Web SDK 5.x (trtc-sdk-v5) error codes and extra codes", []string{"TRTCWebV5"}},
	},
	parse: parseTRTC5,
}

// trtc5Columns are the columns of the table, in order.
var trtc5Columns = []string{"code", "key", "refines", "since", "meaning", "advice", "repository", "path", "revision"}

// parseTRTC5 reads the table: '#' comment lines, a header line, then one
// code a line, tab-separated. A code that refines another is an extra code:
// its row is (refined code, extra code); a public code's row has no
// subcode. Every row is of section SectionSDKEnum, with its key, the
// release that first has it and where it was read.
func parseTRTC5(d docs) ([]*Product, error) {
	p := &Product{Name: "TRTCWebV5", Doc: "the TRTC Web SDK 5.x codes and extra codes (testdata/" + TRTC5Table + ")"}
	rows, err := readTSV(TRTC5Table, d[TRTC5Table], trtc5Columns)
	if err != nil {
		return nil, err
	}
	public := map[int]bool{}
	for _, row := range rows {
		where, c := row.where, row.cells
		n, err := parseNumber(c[0])
		if err != nil {
			return nil, fmt.Errorf("%s: code: %v", where, err)
		}
		r := &Row{Section: schema.SectionSDKEnum, Code: some(n), Key: c[1], Since: c[3], Source: where,
			Text:       [numLangs]Text{EN: {Message: normSpace(c[4]), Advice: normSpace(c[5])}},
			Provenance: Provenance{Repository: c[6], Path: c[7], Revision: c[8]}}
		if c[2] != "" {
			refined, err := parseNumber(c[2])
			if err != nil {
				return nil, fmt.Errorf("%s: refines: %v", where, err)
			}
			if !public[refined] {
				return nil, fmt.Errorf("%s: %d refines %d, which no row above is", where, n, refined)
			}
			r.Code, r.Subcode = some(refined), some(n)
		} else {
			public[n] = true
		}
		for j, v := range c {
			if j != 2 && j != 3 && strings.TrimSpace(v) == "" {
				return nil, fmt.Errorf("%s: no %s", where, trtc5Columns[j])
			}
		}
		p.Rows = append(p.Rows, r)
	}
	if len(p.Rows) == 0 {
		return nil, fmt.Errorf("%s: no rows", TRTC5Table)
	}
	return []*Product{p}, nil
}
