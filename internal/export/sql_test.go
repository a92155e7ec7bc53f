package export

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"os/exec"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rtccodes/rtccodes"
	"github.com/rtccodes/rtccodes/explain"
)

// probe is a record the SQL is asked: a product (nil for a call log
// record) and a pair whose code or subcode may be absent.
type probe struct {
	product       rtccodes.Product // 0: a call log record
	code, subcode *int
}

// answer is what rtccodes or the SQL answers a probe: product, pair,
// match and outcome; "" when nothing answers.
func (p probe) want(t *testing.T) string {
	if p.product == 0 {
		rec := map[string]any{}
		if p.code != nil {
			rec["participantEndReason"] = *p.code
		}
		if p.subcode != nil {
			rec["participantEndSubCode"] = *p.subcode
		}
		b, err := json.Marshal(rec)
		require.NoError(t, err)
		x, err := explain.Payload(b)
		if err != nil || !x.Found {
			return ""
		}
		return fmt.Sprintf("%s %s %s %s", x.Product, x.Entry.Pair(), x.Entry.Match, x.Entry.Outcome)
	}
	q := rtccodes.Question{Products: []rtccodes.Product{p.product}}
	if p.code != nil {
		q.Code, q.HasCode = *p.code, true
	}
	if p.subcode != nil {
		q.Subcode, q.HasSubcode = *p.subcode, true
	}
	answers := rtccodes.Resolve(q)
	if len(answers) == 0 {
		return ""
	}
	e := answers[0]
	return fmt.Sprintf("%s %s %s %s", e.Product, e.Pair(), e.Match, e.Outcome)
}

// probes are every documented pair of every product, asked of its product
// and as a call log record, and pairs of every class the tables leave out.
func probes() []probe {
	n := func(v int) *int { return &v }
	var out []probe
	seen := map[string]bool{}
	add := func(p probe) {
		k := fmt.Sprint(p.product, p.code != nil, p.code, p.subcode != nil, p.subcode)
		if p.code != nil {
			k = fmt.Sprint(p.product, *p.code, p.subcode != nil)
		}
		if p.subcode != nil {
			k += "/" + strconv.Itoa(*p.subcode)
		}
		if !seen[k] {
			seen[k] = true
			out = append(out, p)
		}
	}
	codes := []*int{nil, n(0), n(200), n(204), n(299), n(302), n(400), n(403), n(404), n(408), n(410), n(480), n(486), n(487),
		n(490), n(499), n(500), n(503), n(603), n(699), n(700), n(-1), n(16388), n(4001)}
	subcodes := []*int{nil, n(0), n(1), n(3112), n(5854), n(10044), n(8522), n(8536), n(9998), n(510403), n(540480), n(560486),
		n(560499), n(560183), n(560503), n(560999), n(-8), n(70001), n(99999)}
	for _, p := range append([]rtccodes.Product{0}, rtccodes.Products()...) {
		for _, q := range rtccodes.Products() {
			for e := range rtccodes.All(q) {
				if e.Section == rtccodes.SectionClass || e.Section == rtccodes.SectionMessage {
					continue
				}
				var c, s *int
				if e.HasCode {
					c = n(e.Code)
				}
				if e.HasSubcode {
					s = n(e.Subcode)
				}
				if p == q || p == 0 {
					add(probe{p, c, s})
				}
			}
		}
		for _, c := range codes {
			for _, s := range subcodes {
				if c != nil || s != nil {
					add(probe{p, c, s})
				}
			}
		}
	}
	return out
}

// TestSQLAnswersAsRtccodes runs the exported SQL on SQLite (the sqlite3
// tool) over every probe and compares each answer with rtccodes'.
func TestSQLAnswersAsRtccodes(t *testing.T) {
	var sql bytes.Buffer
	require.NoError(t, SQL(&sql, Build("en")))
	ps := probes()
	sql.WriteString("\nCREATE TABLE rtccodes_input (record_id INTEGER, product VARCHAR, code INTEGER, subcode INTEGER);\n")
	var rows []string
	for i, p := range ps {
		product := "NULL"
		if p.product != 0 {
			product = quote(p.product.String())
		}
		rows = append(rows, fmt.Sprintf("(%d, %s, %s, %s)", i, product, ptr(p.code), ptr(p.subcode)))
	}
	var b strings.Builder
	values(&b, "rtccodes_input", len(rows), func(i int) string { return rows[i] })
	sql.WriteString(b.String())
	sql.WriteString(".mode csv\nSELECT record_id, product, pair, match, outcome FROM rtccodes_explained ORDER BY record_id;\n")
	cmd := exec.Command("sqlite3", ":memory:")
	cmd.Stdin = &sql
	out, err := cmd.CombinedOutput()
	require.NoError(t, err, "%s", out)
	records, err := csv.NewReader(bytes.NewReader(out)).ReadAll()
	require.NoError(t, err, "%s", out)
	got := make([]string, len(ps))
	for _, r := range records {
		i, err := strconv.Atoi(r[0])
		require.NoError(t, err)
		require.Empty(t, got[i], "record %d answered twice", i)
		got[i] = strings.Join(r[1:], " ")
	}
	agree := 0
	for i, p := range ps {
		want := p.want(t)
		if assert.Equal(t, want, got[i], "%s %s/%s", p.product, ptr(p.code), ptr(p.subcode)) {
			agree++
		}
	}
	t.Logf("SQLite: %d probes, %d agreements (%d answered)", len(ps), agree, len(records))
	assert.Greater(t, len(ps), 3000)
	assert.True(t, slices.ContainsFunc(records, func(r []string) bool { return r[3] == "sbc-rule" }), "the SBC rule answers some")
}

func ptr(v *int) string {
	if v == nil {
		return "NULL"
	}
	return strconv.Itoa(*v)
}
