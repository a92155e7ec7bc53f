package export

import (
	"fmt"
	"io"
	"strings"
)

// KQL writes the tables as datatables and the function rtccodes_explain
// in Kusto: let statements a query in Log Analytics or Azure Data Explorer
// starts with, or, stored, a .create-or-alter function for Data Explorer
// (the tables inlined in its body). The function takes a table with the
// columns record_id:string, product:string, code:long, subcode:long (code
// and subcode null where absent, product empty for a call log record) and
// appends what explain gives each record: product, match, section, pair,
// outcome, category, message, advice, link. It is the chain of the SQL
// export, written with lookup and case; the SQL's test proves the chain.
func KQL(w io.Writer, t Tables, stored bool) error {
	b := &strings.Builder{}
	b.WriteString(kqlHeader)
	ids := rowIDs(t)
	tables := &strings.Builder{}
	datatable(tables, "rtccodes_rows", "row_id:long, product:string, section:string, code:long, subcode:long, pair:string, category:string, outcome:string, message:string, advice:string, link:string",
		len(t.Rows), func(i int) string {
			r := t.Rows[i]
			return fmt.Sprintf("%d, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s", i, kqlString(r.Product), kqlString(r.Section),
				kqlLong(r.HasCode, r.Code), kqlLong(r.HasSubcode, r.Subcode), kqlString(r.Pair), kqlString(r.Category),
				kqlString(r.Outcome), kqlString(r.Message), kqlString(r.Advice), kqlString(r.Link))
		})
	datatable(tables, "rtccodes_keys", "product:string, step:string, code:long, subcode:long, row_id:long, says:long", len(t.Keys), func(i int) string {
		k := t.Keys[i]
		code, sub := keyColumns(k)
		return fmt.Sprintf("%s, %s, %s, %s, %d, %d", kqlString(k.Product), kqlString(stepName(k.Step)), kqlNull(code), kqlNull(sub), ids[rowOf(k)], k.Says)
	})
	datatable(tables, "rtccodes_products", "product:string, preference:long, call_log:long, all_errors:long, negative_codes:long, sbc_rule:long",
		len(t.Products), func(i int) string {
			p := t.Products[i]
			return fmt.Sprintf("%s, %d, %d, %d, %d, %d", kqlString(p.Name), p.Preference, bit(p.CallLog), bit(p.AllErrors), bit(p.NegativeCodes), bit(p.SBCRule))
		})
	datatable(tables, "rtccodes_sip", "sip_code:long, sip_reason:string, sip_standard:string", len(t.SIP), func(i int) string {
		s := t.SIP[i]
		return fmt.Sprintf("%d, %s, %s", s.Code, kqlString(s.Text), kqlString(s.Standard))
	})
	// What the steps need of the products' rules, written from them: the
	// product a call log subcode names, and the outcome of PSTN's codes.
	var claimed, sbcOutcome []string
	for _, p := range t.Products {
		for _, n := range p.CallLogSubcodes {
			claimed = append(claimed, fmt.Sprintf("subcode >= %d and subcode <= %d, %s", n*1000, n*1000+999, kqlString(p.Name)))
		}
		if p.SBCRule {
			for _, r := range p.Outcomes {
				sbcOutcome = append(sbcOutcome, fmt.Sprintf("code >= %d and code <= %d, %s", r.From, r.To, kqlString(r.Outcome)))
			}
		}
	}
	body := strings.NewReplacer("$SBC_ADVICE", kqlString(t.SBCAdvice),
		"$CLAIMED", "case("+strings.Join(append(claimed, `""`), ", ")+")",
		"$SBC_OUTCOME", "case("+strings.Join(append(sbcOutcome, `"unknown"`), ", ")+")").Replace(kqlFunction)
	if stored {
		fmt.Fprintf(b, ".create-or-alter function with (docstring = %s, folder = \"rtccodes\")\n", kqlString("rtccodes: explains ACS and TRTC codes as rtccodes explain does"))
		b.WriteString("rtccodes_explain(records:(record_id:string, product:string, code:long, subcode:long)) {\n")
		b.WriteString(indent(tables.String()))
		b.WriteString(indent(kqlBody(body)))
		b.WriteString("}\n")
	} else {
		b.WriteString(tables.String())
		fmt.Fprintf(b, "let rtccodes_explain = (records:(record_id:string, product:string, code:long, subcode:long)) {\n%s};\n", indent(kqlBody(body)))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// datatable writes a let statement of a datatable.
func datatable(b *strings.Builder, name, columns string, n int, row func(int) string) {
	fmt.Fprintf(b, "let %s = datatable(%s) [\n", name, columns)
	for i := range n {
		b.WriteString("    " + row(i) + ",\n")
	}
	b.WriteString("];\n")
}

// kqlBody is the function's body: its statements, the last a tabular
// expression.
func kqlBody(body string) string { return strings.TrimLeft(body, "\n") }

func indent(s string) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	for i, l := range lines {
		if l != "" {
			lines[i] = "    " + l
		}
	}
	return strings.Join(lines, "\n") + "\n"
}

// kqlString writes a string literal: double-quoted, with \ and " escaped,
// and line ends as \n.
func kqlString(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`, "\r", `\r`, "\t", `\t`)
	return `"` + r.Replace(s) + `"`
}

func kqlLong(has bool, n int) string {
	if !has {
		return "long(null)"
	}
	return fmt.Sprintf("%d", n)
}

func kqlNull(s string) string {
	if s == "NULL" {
		return "long(null)"
	}
	return s
}

const kqlHeader = `// rtccodes: the tables of the error codes of ACS and TRTC, and Lookup's
// answer chain, in Kusto. Run it before a query that calls
// rtccodes_explain with a table of records(record_id:string, product:string,
// code:long, subcode:long): product empty for a call log record, as
// rtccodes explain reads one; code and subcode null where absent.
//
//   ACSCallSummary
//   | project record_id = CorrelationId, product = "",
//       code = tolong(ParticipantEndReason), subcode = tolong(ParticipantEndSubCode)
//   | invoke rtccodes_explain()
`

// kqlFunction is the chain of sqlView (sql.go), step for step.
const kqlFunction = `
let all_candidates = records
    | extend claimed = $CLAIMED, join_key = 1
    | join kind=inner (rtccodes_products | extend join_key = 1) on join_key
    | where product1 == product or (isempty(product) and call_log == 1 and (claimed == product1 or isempty(claimed)))
    | project record_id, code, subcode, product = product1, preference, all_errors, negative_codes, sbc_rule;
// The record's own product: the preferred one.
let candidates = all_candidates
    | join kind=inner (all_candidates | summarize own_pref = min(preference) by record_id) on record_id
    | project-away record_id1;
let gated = candidates
    | extend says = case(isnull(code), 0, all_errors == 1, 2, code == 0 or (code >= 200 and code <= 299), 1, code >= 400 and code <= 699, 2, 0)
    | extend by_subcode = iff(isnotnull(subcode) and subcode != 0, 1, 0)
    | extend out_of_range = iff(negative_codes == 0 and (coalesce(code, 0) < 0 or coalesce(subcode, 0) < 0), 1, 0)
    | extend other_row = iff((by_subcode == 1 or (isnull(code) and isnotnull(subcode))) and (isnull(code) or says != 0)
                             and (isnull(code) or code != 0 or all_errors == 1) and out_of_range == 0, 1, 0)
    | extend class_code = case(code >= 200 and code <= 299, 2, code >= 300 and code <= 399, 3, code >= 400 and code <= 499, 4,
                               code >= 500 and code <= 599, 5, code >= 600 and code <= 699, 6, long(null));
let steps = gated
    | join kind=leftouter (rtccodes_keys | where step == "exact" | project product, code, subcode, exact_id = row_id) on product, code, subcode
    | join kind=leftouter (rtccodes_keys | where step == "code" | project product, code, exact_code_id = row_id) on product, code
    | extend exact_code_id = iff(isnull(subcode), exact_code_id, long(null))
    | join kind=leftouter (rtccodes_keys | where step == "alias" | project product, code, subcode, alias_id = row_id) on product, code, subcode
    | extend alias_id = iff(out_of_range == 0, alias_id, long(null))
    | join kind=leftouter (rtccodes_keys | where step == "subcode" | project product, subcode, subcode_id = row_id, subcode_says = says) on product, subcode
    | extend subcode_id = iff(other_row == 1 and by_subcode == 1 and (isnull(code) or subcode_says == says), subcode_id, long(null))
    | join kind=leftouter (rtccodes_keys | where step == "observed" | project product, code, subcode, observed_id = row_id) on product, code, subcode
    | extend observed_id = iff(out_of_range == 0, observed_id, long(null))
    | join kind=leftouter (rtccodes_keys | where step == "anycode" | project product, subcode, any_code_id = row_id, any_says = says) on product, subcode
    | extend any_code_id = iff(other_row == 1 and (isnull(code) or any_says == says), any_code_id, long(null))
    | join kind=leftouter (rtccodes_keys | where step == "code" | project product, code, code_id = row_id) on product, code
    | extend code_id = iff(out_of_range == 0 and isnotnull(subcode), code_id, long(null))
    | join kind=leftouter (rtccodes_keys | where step == "observedcode" | project product, code, observed_code_id = row_id) on product, code
    | extend observed_code_id = iff(out_of_range == 0, observed_code_id, long(null))
    | join kind=leftouter (rtccodes_keys | where step == "extracode" | project product, code, extra_code_id = row_id) on product, code
    | extend extra_code_id = iff(out_of_range == 0 and isnull(subcode), extra_code_id, long(null))
    | extend sip_code = iff(sbc_rule == 1 and out_of_range == 0 and by_subcode == 1
                            and ((subcode >= 560000 and subcode <= 560999) or (subcode >= 540000 and subcode <= 540999)), subcode % 1000, long(null))
    | join kind=leftouter rtccodes_sip on sip_code
    | extend sip_code = iff(isnotnull(sip_code1) and (isnull(code) or says == case(sip_code >= 200 and sip_code <= 299, 1, sip_code >= 400 and sip_code <= 699, 2, -1)), sip_code, long(null))
    | join kind=leftouter (rtccodes_keys | where step == "genericsubcode" | project product, subcode, generic_subcode_id = row_id, generic_says = says) on product, subcode
    | extend generic_subcode_id = iff((other_row == 1 or (code == 0 and subcode == 0)) and (isnull(code) or generic_says == says), generic_subcode_id, long(null))
    | join kind=leftouter (rtccodes_keys | where step == "genericcode" | project product, code, generic_code_id = row_id) on product, code
    | extend generic_code_id = iff(out_of_range == 0, generic_code_id, long(null))
    | join kind=leftouter (rtccodes_keys | where step == "class" | project product, class_code = code, class_id = row_id) on product, class_code
    | extend class_id = iff(out_of_range == 0, class_id, long(null))
    | join kind=leftouter (rtccodes_keys | where step == "coderows" | project product, code, code_rows_id = row_id) on product, code
    | extend code_rows_id = iff(out_of_range == 0, code_rows_id, long(null));
steps
| extend match = case(isnotnull(exact_id) or isnotnull(exact_code_id), "exact", isnotnull(alias_id), "alias", isnotnull(subcode_id), "subcode",
                      isnotnull(observed_id) or isnotnull(any_code_id), "observed", isnotnull(code_id), "code", isnotnull(observed_code_id), "observed",
                      isnotnull(extra_code_id), "subcode", isnotnull(sip_code), "sbc-rule", isnotnull(generic_subcode_id), "generic-subcode",
                      isnotnull(generic_code_id), "generic-code", isnotnull(class_id), "class", isnotnull(code_rows_id), "code-rows", "")
| where isnotempty(match)
| extend row_id = case(match == "exact", coalesce(exact_id, exact_code_id), match == "alias", alias_id,
                       isnotnull(subcode_id), subcode_id, isnotnull(observed_id) or isnotnull(any_code_id), coalesce(observed_id, any_code_id),
                       isnotnull(code_id), code_id, isnotnull(observed_code_id), observed_code_id, isnotnull(extra_code_id), extra_code_id,
                       match == "sbc-rule", long(null), coalesce(generic_subcode_id, generic_code_id, class_id, code_rows_id))
| extend rank = iff(preference == own_pref or match in ("exact", "alias", "sbc-rule"), 0, 10000)
                + case(match == "exact", 1, match == "alias", 2, match == "subcode", 3, match == "observed", 4, match == "code", 5,
                     match == "generic-subcode", 6, match == "generic-code", 7, match == "sbc-rule", 8, match == "code-rows", 9, 10) * 100 + preference
| summarize arg_min(rank, *) by record_id
| join kind=leftouter (rtccodes_rows | project row_id, r_section = section, r_code = code, r_subcode = subcode, pair, category,
                       outcome, message, advice, link) on row_id
| extend sbc = match == "sbc-rule", zero_rows = match == "code-rows" and code == 0 and isnotnull(subcode) and all_errors == 0
| project record_id, product, match,
    section = iff(sbc, "sbc", r_section),
    pair = iff(sbc, iff(isnull(code), strcat("*/", subcode), strcat(code, "/", subcode)), pair),
    code = iff(sbc, code, r_code), subcode = iff(sbc, subcode, r_subcode), category,
    outcome = case(sbc, $SBC_OUTCOME, zero_rows, "unknown", outcome),
    message = iff(sbc, strcat("The SBC answered the ", iff(subcode >= 560000, "outbound", "inbound"), " call with SIP ", sip_code, " ", sip_reason, " (", sip_standard, ")."), message),
    advice = iff(sbc, $SBC_ADVICE, advice), link
`
