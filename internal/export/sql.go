package export

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/rtccodes/rtccodes/internal/plan"
)

// SQL writes the tables and the view rtccodes_explained in the SQL that
// SQLite and DuckDB share (the engines the tests run it on): CREATE TABLE, INSERT, a view of
// common table expressions, LEFT JOIN, CASE and ROW_NUMBER. The view
// reads a table or view rtccodes_input(record_id, product, code, subcode)
// that the user points at their records before it runs (else it makes the
// table, to fill), record_id unique, and answers each record as
// rtccodes does: as Lookup for a record with a product, as explain reads a
// call log record (ParticipantEndReason and ParticipantEndSubCode) for one
// without.
func SQL(w io.Writer, t Tables) error {
	b := &strings.Builder{}
	b.WriteString(sqlHeader)
	ids := rowIDs(t)
	b.WriteString("\nCREATE TABLE rtccodes_rows (row_id INTEGER, product VARCHAR, section VARCHAR, code INTEGER, subcode INTEGER, pair VARCHAR,\n" +
		"  category VARCHAR, outcome VARCHAR, message VARCHAR, advice VARCHAR, link VARCHAR, row_key VARCHAR);\n")
	values(b, "rtccodes_rows", len(t.Rows), func(i int) string {
		r := t.Rows[i]
		return fmt.Sprintf("(%d, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s)", i, quote(r.Product), quote(r.Section),
			sqlNumber(r.HasCode, r.Code), sqlNumber(r.HasSubcode, r.Subcode), quote(r.Pair), nullable(r.Category), quote(r.Outcome),
			quote(r.Message), nullable(r.Advice), nullable(r.Link), nullable(r.Key))
	})
	b.WriteString("\nCREATE TABLE rtccodes_keys (product VARCHAR, step VARCHAR, code INTEGER, subcode INTEGER, row_id INTEGER, says INTEGER);\n")
	values(b, "rtccodes_keys", len(t.Keys), func(i int) string {
		k := t.Keys[i]
		code, sub := keyColumns(k)
		return fmt.Sprintf("(%s, %s, %s, %s, %d, %d)", quote(k.Product), quote(stepName(k.Step)), code, sub, ids[rowOf(k)], k.Says)
	})
	b.WriteString("\nCREATE TABLE rtccodes_products (product VARCHAR, preference INTEGER, call_log INTEGER, all_errors INTEGER,\n" +
		"  negative_codes INTEGER, extra_codes INTEGER, sbc_rule INTEGER);\n")
	values(b, "rtccodes_products", len(t.Products), func(i int) string {
		p := t.Products[i]
		return fmt.Sprintf("(%s, %d, %d, %d, %d, %d, %d)", quote(p.Name), p.Preference, bit(p.CallLog), bit(p.AllErrors),
			bit(p.NegativeCodes), bit(p.ExtraCodes), bit(p.SBCRule))
	})
	var thousands, outcomes []string
	for _, p := range t.Products {
		for _, n := range p.CallLogSubcodes {
			thousands = append(thousands, fmt.Sprintf("(%s, %d)", quote(p.Name), n))
		}
		for _, r := range p.Outcomes {
			outcomes = append(outcomes, fmt.Sprintf("(%s, %d, %d, %s)", quote(p.Name), r.From, r.To, quote(r.Outcome)))
		}
	}
	b.WriteString("\nCREATE TABLE rtccodes_call_log_subcodes (product VARCHAR, thousands INTEGER);\n")
	values(b, "rtccodes_call_log_subcodes", len(thousands), func(i int) string { return thousands[i] })
	b.WriteString("\nCREATE TABLE rtccodes_outcomes (product VARCHAR, code_from BIGINT, code_to BIGINT, outcome VARCHAR);\n")
	values(b, "rtccodes_outcomes", len(outcomes), func(i int) string { return outcomes[i] })
	b.WriteString("\nCREATE TABLE rtccodes_sip (code INTEGER, reason VARCHAR, standard VARCHAR);\n")
	values(b, "rtccodes_sip", len(t.SIP), func(i int) string {
		s := t.SIP[i]
		return fmt.Sprintf("(%d, %s, %s)", s.Code, quote(s.Text), quote(s.Standard))
	})
	b.WriteString("\n-- The records to explain: a table to fill, unless a view of your own records\n-- was made before this script ran.\n")
	b.WriteString("CREATE TABLE IF NOT EXISTS rtccodes_input (record_id VARCHAR, product VARCHAR, code INTEGER, subcode INTEGER);\n")
	b.WriteString(strings.ReplaceAll(sqlView, "$SBC_ADVICE", quote(t.SBCAdvice)))
	_, err := io.WriteString(w, b.String())
	return err
}

// values writes the INSERTs of a table, two hundred rows a statement.
func values(b *strings.Builder, table string, n int, row func(int) string) {
	for i := 0; i < n; i += 200 {
		fmt.Fprintf(b, "INSERT INTO %s VALUES\n", table)
		for j := i; j < min(i+200, n); j++ {
			b.WriteString("  " + row(j))
			if j < min(i+200, n)-1 {
				b.WriteString(",\n")
			}
		}
		b.WriteString(";\n")
	}
}

// rowKey is a row as a plan key names it.
type rowKey struct {
	product string
	row     plan.Row
}

func rowOf(k plan.Key) rowKey { return rowKey{k.Product, k.Row} }

// rowIDs numbers the rows the keys name: their index in t.Rows.
func rowIDs(t Tables) map[rowKey]int {
	ids := map[rowKey]int{}
	for i, r := range t.Rows {
		k := rowKey{r.Product, plan.Row{Section: r.Section, Code: r.Code, Subcode: r.Subcode, HasCode: r.HasCode, HasSubcode: r.HasSubcode}}
		if _, seen := ids[k]; !seen {
			ids[k] = i
		}
	}
	return ids
}

// keyColumns writes a key's code and subcode columns: NULL where the step
// keys by the other one alone.
func keyColumns(k plan.Key) (code, subcode string) {
	switch k.Step {
	case plan.Code, plan.ObservedCode, plan.ExtraCode, plan.GenericCode, plan.Class, plan.CodeRows:
		return strconv.Itoa(k.Code), "NULL"
	case plan.Subcode, plan.AnyCode, plan.GenericSubcode:
		return "NULL", strconv.Itoa(k.Subcode)
	}
	return strconv.Itoa(k.Code), strconv.Itoa(k.Subcode)
}

// stepName is a step's name in the keys table.
func stepName(s plan.Step) string {
	return [...]string{plan.Exact: "exact", plan.Alias: "alias", plan.Subcode: "subcode", plan.Observed: "observed",
		plan.AnyCode: "anycode", plan.Code: "code", plan.ObservedCode: "observedcode", plan.ExtraCode: "extracode",
		plan.GenericSubcode: "genericsubcode", plan.GenericCode: "genericcode", plan.Class: "class", plan.CodeRows: "coderows"}[s]
}

func quote(s string) string { return "'" + strings.ReplaceAll(s, "'", "''") + "'" }

func nullable(s string) string {
	if s == "" {
		return "NULL"
	}
	return quote(s)
}

func sqlNumber(has bool, n int) string {
	if !has {
		return "NULL"
	}
	return strconv.Itoa(n)
}

func bit(b bool) int {
	if b {
		return 1
	}
	return 0
}

const sqlHeader = `-- rtccodes: the tables of the error codes of ACS and TRTC, and Lookup's
-- answer chain, as SQL that SQLite and DuckDB run (the engines it is tested on).
--
-- Before it runs, point a view rtccodes_input at your records (or let it
-- make the table rtccodes_input and fill it); then query
-- rtccodes_explained:
--
--   CREATE VIEW rtccodes_input AS
--     SELECT CorrelationId AS record_id, NULL AS product,
--            CAST(ParticipantEndReason AS INTEGER) AS code,
--            CAST(ParticipantEndSubCode AS INTEGER) AS subcode
--     FROM call_summary;
--   -- this script, then:
--   SELECT * FROM rtccodes_explained;
--
-- A record with a product ('CallingSDK', 'CallAutomation', 'PSTN', 'Chat',
-- 'SMS', 'TRTCWeb', 'TRTCWebV5') is answered as rtccodes.Lookup answers its
-- pair; one without (NULL) as rtccodes explain reads a call log record. A
-- code or subcode the record does not carry is NULL.
`

// sqlView is Lookup's chain (lookup.go: exact, alias, subcode, observed,
// code, observed code, extra code, SBC rule, generic subcode and code,
// class; each class-safe step only where the row says what the code says),
// and explain's call log rule (callLogCandidates), for every record.
const sqlView = `
CREATE VIEW rtccodes_explained AS
WITH claimed AS (
  -- A call log record's subcode names its product where its thousands are
  -- one of the product's call log subcodes.
  SELECT i.record_id, i.product, i.code, i.subcode, c.product AS claimed_by
  FROM rtccodes_input i
  LEFT JOIN rtccodes_call_log_subcodes c ON i.product IS NULL AND i.subcode >= 0
    AND (i.subcode - i.subcode % 1000) / 1000 = c.thousands
),
candidates AS (
  -- The products a record may come from: its own; for a call log record,
  -- the product its subcode names, else every product of call logs.
  SELECT i.record_id, i.code, i.subcode, p.product, p.preference, p.all_errors, p.negative_codes, p.sbc_rule
  FROM claimed i
  JOIN rtccodes_products p ON p.product = i.product
    OR (i.product IS NULL AND p.call_log = 1 AND (i.claimed_by = p.product OR i.claimed_by IS NULL))
),
asked AS (
  -- What the code asked says of the call (1 success, 2 failure, 0 nothing),
  -- whether a subcode may answer, and whether the pair is out of range.
  SELECT c.*,
    CASE WHEN c.code IS NULL THEN 0 WHEN c.all_errors = 1 THEN 2
         WHEN c.code = 0 OR c.code BETWEEN 200 AND 299 THEN 1 WHEN c.code BETWEEN 400 AND 699 THEN 2 ELSE 0 END AS says,
    CASE WHEN c.subcode IS NOT NULL AND c.subcode <> 0 THEN 1 ELSE 0 END AS by_subcode,
    CASE WHEN c.negative_codes = 0 AND (c.code < 0 OR c.subcode < 0) THEN 1 ELSE 0 END AS out_of_range
  FROM candidates c
),
gated AS (
  SELECT a.*,
    CASE WHEN (a.by_subcode = 1 OR (a.code IS NULL AND a.subcode IS NOT NULL)) AND (a.code IS NULL OR a.says <> 0)
         AND (a.code IS NULL OR a.code <> 0 OR a.all_errors = 1) AND a.out_of_range = 0 THEN 1 ELSE 0 END AS other_row
  FROM asked a
),
steps AS (
  SELECT g.record_id, g.product, g.preference, g.code, g.subcode, g.sbc_rule, g.out_of_range, g.all_errors,
    ex.row_id AS exact_id, ec.row_id AS exact_code_id, al.row_id AS alias_id, sb.row_id AS subcode_id,
    ob.row_id AS observed_id, an.row_id AS any_code_id, cd.row_id AS code_id, oc.row_id AS observed_code_id,
    xc.row_id AS extra_code_id, sip.code AS sip_code, sip.reason AS sip_reason, sip.standard AS sip_standard,
    gs.row_id AS generic_subcode_id, gc.row_id AS generic_code_id, cl.row_id AS class_id, cr.row_id AS code_rows_id
  FROM gated g
  LEFT JOIN rtccodes_keys ex ON ex.product = g.product AND ex.step = 'exact' AND ex.code = g.code AND ex.subcode = g.subcode
  LEFT JOIN rtccodes_keys ec ON ec.product = g.product AND ec.step = 'code' AND g.subcode IS NULL AND ec.code = g.code
  LEFT JOIN rtccodes_keys al ON al.product = g.product AND al.step = 'alias' AND g.out_of_range = 0
    AND al.code = g.code AND al.subcode = g.subcode
  LEFT JOIN rtccodes_keys sb ON sb.product = g.product AND sb.step = 'subcode' AND g.other_row = 1 AND g.by_subcode = 1
    AND sb.subcode = g.subcode AND (g.code IS NULL OR sb.says = g.says)
  LEFT JOIN rtccodes_keys ob ON ob.product = g.product AND ob.step = 'observed' AND g.out_of_range = 0
    AND ob.code = g.code AND ob.subcode = g.subcode
  LEFT JOIN rtccodes_keys an ON an.product = g.product AND an.step = 'anycode' AND g.other_row = 1
    AND an.subcode = g.subcode AND (g.code IS NULL OR an.says = g.says)
  LEFT JOIN rtccodes_keys cd ON cd.product = g.product AND cd.step = 'code' AND g.out_of_range = 0
    AND g.subcode IS NOT NULL AND cd.code = g.code
  LEFT JOIN rtccodes_keys oc ON oc.product = g.product AND oc.step = 'observedcode' AND g.out_of_range = 0
    AND oc.code = g.code
  LEFT JOIN rtccodes_keys xc ON xc.product = g.product AND xc.step = 'extracode' AND g.out_of_range = 0
    AND g.subcode IS NULL AND xc.code = g.code
  LEFT JOIN rtccodes_sip sip ON g.sbc_rule = 1 AND g.out_of_range = 0 AND g.by_subcode = 1
    AND (g.subcode BETWEEN 560000 AND 560999 OR g.subcode BETWEEN 540000 AND 540999)
    AND sip.code = g.subcode % 1000
    AND (g.code IS NULL OR g.says = CASE WHEN sip.code BETWEEN 200 AND 299 THEN 1 WHEN sip.code BETWEEN 400 AND 699 THEN 2 ELSE -1 END)
  LEFT JOIN rtccodes_keys gs ON gs.product = g.product AND gs.step = 'genericsubcode'
    AND (g.other_row = 1 OR (g.code = 0 AND g.subcode = 0))
    AND gs.subcode = g.subcode AND (g.code IS NULL OR gs.says = g.says)
  LEFT JOIN rtccodes_keys gc ON gc.product = g.product AND gc.step = 'genericcode' AND g.out_of_range = 0
    AND gc.code = g.code
  LEFT JOIN rtccodes_keys cl ON cl.product = g.product AND cl.step = 'class' AND g.out_of_range = 0
    AND cl.code = CASE WHEN g.code BETWEEN 200 AND 299 THEN 2 WHEN g.code BETWEEN 300 AND 399 THEN 3
                       WHEN g.code BETWEEN 400 AND 499 THEN 4 WHEN g.code BETWEEN 500 AND 599 THEN 5
                       WHEN g.code BETWEEN 600 AND 699 THEN 6 END
  LEFT JOIN rtccodes_keys cr ON cr.product = g.product AND cr.step = 'coderows' AND g.out_of_range = 0
    AND cr.code = g.code
),
answered AS (
  -- Each product's answer: the first step of the chain that finds one.
  SELECT s.*,
    CASE WHEN s.exact_id IS NOT NULL OR s.exact_code_id IS NOT NULL THEN 'exact'
         WHEN s.alias_id IS NOT NULL THEN 'alias'
         WHEN s.subcode_id IS NOT NULL THEN 'subcode'
         WHEN s.observed_id IS NOT NULL OR s.any_code_id IS NOT NULL THEN 'observed'
         WHEN s.code_id IS NOT NULL THEN 'code'
         WHEN s.observed_code_id IS NOT NULL THEN 'observed'
         WHEN s.extra_code_id IS NOT NULL THEN 'subcode'
         WHEN s.sip_code IS NOT NULL THEN 'sbc-rule'
         WHEN s.generic_subcode_id IS NOT NULL THEN 'generic-subcode'
         WHEN s.generic_code_id IS NOT NULL THEN 'generic-code'
         WHEN s.class_id IS NOT NULL THEN 'class'
         WHEN s.code_rows_id IS NOT NULL THEN 'code-rows' END AS match,
    CASE WHEN s.exact_id IS NOT NULL OR s.exact_code_id IS NOT NULL THEN COALESCE(s.exact_id, s.exact_code_id)
         WHEN s.alias_id IS NOT NULL THEN s.alias_id
         WHEN s.subcode_id IS NOT NULL THEN s.subcode_id
         WHEN s.observed_id IS NOT NULL OR s.any_code_id IS NOT NULL THEN COALESCE(s.observed_id, s.any_code_id)
         WHEN s.code_id IS NOT NULL THEN s.code_id
         WHEN s.observed_code_id IS NOT NULL THEN s.observed_code_id
         WHEN s.extra_code_id IS NOT NULL THEN s.extra_code_id
         WHEN s.sip_code IS NOT NULL THEN NULL
         ELSE COALESCE(s.generic_subcode_id, s.generic_code_id, s.class_id, s.code_rows_id) END AS row_id,
    MIN(s.preference) OVER (PARTITION BY s.record_id) AS own_preference
  FROM steps s
),
ranked AS (
  -- The record's own product (the preferred one) answers with its own rows
  -- or class; another product only with a row it documents for the pair
  -- (exact, alias, SBC rule). Then the most precise answer, of two as
  -- precise the preferred product.
  SELECT a.*, ROW_NUMBER() OVER (PARTITION BY a.record_id ORDER BY
    CASE WHEN a.preference = a.own_preference OR a.match IN ('exact', 'alias', 'sbc-rule') THEN 0 ELSE 1 END,
    CASE a.match WHEN 'exact' THEN 1 WHEN 'alias' THEN 2 WHEN 'subcode' THEN 3 WHEN 'observed' THEN 4 WHEN 'code' THEN 5
                 WHEN 'generic-subcode' THEN 6 WHEN 'generic-code' THEN 7 WHEN 'sbc-rule' THEN 8 WHEN 'code-rows' THEN 9 ELSE 10 END,
    a.preference, a.product) AS best
  FROM answered a
  WHERE a.match IS NOT NULL
)
SELECT k.record_id, k.product, k.match,
  COALESCE(r.section, 'sbc') AS section,
  CASE WHEN k.match <> 'sbc-rule' THEN r.pair
       WHEN k.code IS NULL THEN '*/' || CAST(k.subcode AS VARCHAR)
       ELSE CAST(k.code AS VARCHAR) || '/' || CAST(k.subcode AS VARCHAR) END AS pair,
  CASE WHEN k.match <> 'sbc-rule' THEN r.code ELSE k.code END AS code,
  CASE WHEN k.match <> 'sbc-rule' THEN r.subcode ELSE k.subcode END AS subcode,
  r.category,
  CASE WHEN k.match = 'sbc-rule' THEN COALESCE(o.outcome, 'unknown')
       WHEN k.match = 'code-rows' AND k.code = 0 AND k.subcode IS NOT NULL AND k.all_errors = 0 THEN 'unknown'
       ELSE r.outcome END AS outcome,
  CASE WHEN k.match <> 'sbc-rule' THEN r.message
       ELSE 'The SBC answered the ' || CASE WHEN k.subcode >= 560000 THEN 'outbound' ELSE 'inbound' END
            || ' call with SIP ' || CAST(k.sip_code AS VARCHAR) || ' ' || k.sip_reason || ' (' || k.sip_standard || ').' END AS message,
  CASE WHEN k.match <> 'sbc-rule' THEN r.advice ELSE $SBC_ADVICE END AS advice,
  r.link
FROM ranked k
LEFT JOIN rtccodes_rows r ON r.row_id = k.row_id
LEFT JOIN rtccodes_outcomes o ON k.match = 'sbc-rule' AND o.product = k.product AND k.code BETWEEN o.code_from AND o.code_to
WHERE k.best = 1;
`
