package rtccodes_test

import (
	"fmt"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rtccodes/rtccodes"
)

// This file checks the tables against the documents with a reader of its
// own: markdown pipe tables read line by line, sharing no code with the
// generator (internal/sourcedoc), so that a parser bug cannot agree with
// itself.

// mdTable returns the cells of the rows of the pipe table that follows the
// heading line (after its header row and separator), up to the next heading.
func mdTable(t *testing.T, file, heading string) [][]string {
	t.Helper()
	b, err := os.ReadFile("testdata/" + file)
	require.NoError(t, err)
	lines := strings.Split(string(b), "\n")
	start := -1
	for i, l := range lines {
		if strings.TrimSpace(l) == heading {
			start = i + 1
			break
		}
	}
	require.GreaterOrEqual(t, start, 0, "%s: no heading %q", file, heading)
	var rows [][]string
	header := true
	for _, l := range lines[start:] {
		if strings.HasPrefix(l, "#") {
			break
		}
		if !strings.HasPrefix(l, "|") {
			continue
		}
		cells := strings.Split(strings.Trim(strings.TrimSpace(l), "|"), "|")
		for i := range cells {
			cells[i] = strings.TrimSpace(cells[i])
		}
		if header || strings.Trim(cells[0], ":-") == "" {
			header = false
			continue
		}
		rows = append(rows, cells)
	}
	return rows
}

var numberRE = regexp.MustCompile(`-?\d+`)

// numbers reads the numbers of a cell: "490, 491, 496" or "0x4001".
func numbers(t *testing.T, cell string) []int {
	t.Helper()
	if strings.HasPrefix(cell, "0x") {
		n, err := strconv.ParseInt(cell[2:], 16, 64)
		require.NoError(t, err, cell)
		return []int{int(n)}
	}
	var out []int
	for _, s := range numberRE.FindAllString(cell, -1) {
		n, err := strconv.Atoi(s)
		require.NoError(t, err, cell)
		out = append(out, n)
	}
	return out
}

// crossTable is a table of a document and where its rows must be.
type crossTable struct {
	file, heading string
	p             rtccodes.Product
	section       rtccodes.Section
	code, subcode int // the columns of the code and the subcode; -1: none
}

var crossTables = []crossTable{
	{edition2025, "## Azure Communication Services Calling SDK client error codes and subcodes", rtccodes.CallingSDK, rtccodes.SectionClient, 1, 0},
	{edition2025, "## Calling End call codes and subcodes", rtccodes.CallingSDK, rtccodes.SectionCallEnd, 1, 0},
	{edition2025, "### ParticipantEndReason 0", rtccodes.PSTN, rtccodes.SectionParticipantEnd, 1, 0},
	{edition2025, "### ParticipantEndReason 4xx", rtccodes.PSTN, rtccodes.SectionParticipantEnd, 1, 0},
	{edition2025, "### ParticipantEndReason 5xx", rtccodes.PSTN, rtccodes.SectionParticipantEnd, 1, 0},
	{edition2025, "### ParticipantEndReason 603", rtccodes.PSTN, rtccodes.SectionParticipantEnd, 1, 0},
	{edition2025, "## SMS error codes", rtccodes.SMS, rtccodes.SectionErrorCode, 0, -1},
	{seedCA, "### Call Automation error codes", rtccodes.CallAutomation, rtccodes.SectionCommon, 1, 2},
	{seedCA, "#### 4xx codes", rtccodes.CallAutomation, rtccodes.SectionGenericCode, 0, -1},
	{seedCA, "#### 5xx codes", rtccodes.CallAutomation, rtccodes.SectionGenericCode, 0, -1},
	{seedCA, "#### 6xx codes", rtccodes.CallAutomation, rtccodes.SectionGenericCode, 0, -1},
	{seedCA, "### Generic subcodes", rtccodes.CallAutomation, rtccodes.SectionGenericSubcode, -1, 0},
	{editionTRTC, "## Error Code Definitions", rtccodes.TRTCWeb, rtccodes.SectionErrorCode, 2, -1},
	{editionTRTC, "## Account Errors", rtccodes.TRTCWeb, rtccodes.SectionAccount, -1, 0},
	{editionTRTC, "## Room Entry Errors", rtccodes.TRTCWeb, rtccodes.SectionRoomEntry, -1, 0},
}

// TestTablesAgainstTheDocuments reads every key of every table of the
// markdown documents and finds it as a row of its section (a documented
// alias counts), one row for each key; then it checks that every row of
// every product has its numbers, or for a TRTC message row its message, in
// the text of one of the product's documents.
func TestTablesAgainstTheDocuments(t *testing.T) {
	extra := map[rtccodes.Section]int{ // the code of a TRTC extra code's table
		rtccodes.SectionAccount: 0x4001, rtccodes.SectionRoomEntry: 0x4004,
	}
	for _, ct := range crossTables {
		rows := mdTable(t, ct.file, ct.heading)
		require.NotEmpty(t, rows, "%s %s", ct.file, ct.heading)
		found := map[string]bool{}
		keys := 0
		for _, cells := range rows {
			codes := []int{noCode}
			if c, ok := extra[ct.section]; ok {
				codes = []int{c}
			}
			if ct.code >= 0 {
				codes = numbers(t, cells[ct.code])
			}
			subcode := noSubcode
			if ct.subcode >= 0 && cells[ct.subcode] != "" {
				n := numbers(t, cells[ct.subcode])
				require.Len(t, n, 1, "%s %v", ct.heading, cells)
				subcode = n[0]
			}
			for _, code := range codes {
				keys++
				e, ok := inSection(ct.p, ct.section, code, subcode)
				if !ok {
					if a, isAlias := rtccodes.Lookup(ct.p, code, subcode); isAlias && a.Match == rtccodes.MatchAlias {
						e, ok = a, true
					}
				}
				if assert.True(t, ok, "%s %s: %d/%d is not a row", ct.file, ct.heading, code, subcode) {
					found[fmt.Sprint(e.Code, e.Subcode)] = true
				}
			}
		}
		assert.Len(t, found, keys, "%s %s: each key of the table is a row of its own", ct.file, ct.heading)
	}

	// Every row's numbers are in one of its product's documents.
	// Numbers are printed "5,317" and "5 000" too: the text and the keys
	// are read without separators.
	bare := strings.NewReplacer(",", "", " ", "", "\u00a0", "", "\u202f", "").Replace
	texts := map[rtccodes.Product]string{}
	for _, s := range rtccodes.Sources() {
		b, err := os.ReadFile(s.File)
		require.NoError(t, err)
		for _, p := range s.Products {
			texts[p] += bare(string(b))
		}
	}
	inText := func(p rtccodes.Product, s string, e rtccodes.Entry) {
		t.Helper()
		assert.True(t, strings.Contains(texts[p], bare(s)), "%v: %q is in none of its documents", e, s)
	}
	rows := 0
	for _, p := range rtccodes.Products() {
		for e := range rtccodes.All(p) {
			rows++
			switch {
			case e.Section == rtccodes.SectionMessage:
				inText(p, e.Key, e)
			case e.Section == rtccodes.SectionClass:
				inText(p, strconv.Itoa(e.Code/100)+"xx", e)
			default:
				for _, n := range []int{e.Code, e.Subcode} {
					if n != noCode {
						inText(p, strconv.Itoa(n), e)
					}
				}
			}
		}
	}
	assert.Greater(t, rows, 400, "rows checked")
}
