package sourcedoc

import (
	"fmt"
	"github.com/rtccodes/rtccodes/internal/schema"
	"regexp"
	"strings"
)

// The ACS documents, relative to the testdata directory.
const (
	SeedACSJa     = "acs/troubleshooting-codes.ja.txt"
	SeedCallingFr = "acs/calling-codes.fr.txt"
	SeedACSEn     = "acs/troubleshooting-codes.en.txt"
	SeedCAEn      = "acs/call-automation-codes.en.2024-07-22.txt"
	EditionACSEn  = "acs/troubleshooting-codes.en.2025-07-14.md"
)

// acsProducts are the products of the ACS troubleshooting page.
var acsProducts = []string{"CallingSDK", "CallAutomation", "PSTN", "Chat", "SMS"}

// acsParser reads the ACS documents.
var acsParser = parser{
	documents: []document{
		{SeedACSJa, "ja", "Calling SDK、Call Automation SDK、PSTN、Chat SDK、SMS SDK の通話終了応答コードのトラブルシューティング", acsProducts},
		{SeedCallingFr, "fr", "Présentation des codes appelants et des erreurs de sous-codes", []string{"CallingSDK"}},
		{SeedACSEn, "en", "Troubleshooting call end response codes for Calling SDK, Call Automation SDK, PSTN, Chat SDK, and SMS SDK", acsProducts},
		{SeedCAEn, "en", "Troubleshooting call end response codes for Call Automation SDK", []string{"CallAutomation"}},
		{EditionACSEn, "en", "Troubleshooting call end response codes for Calling SDK, Call Automation SDK, PSTN, Chat SDK, and SMS SDK", []string{"CallingSDK", "PSTN", "SMS"}},
	},
	parse: parseACS,
}

// Link bases: the ACS page and its includes resolve relative links against
// these, as the published site does.
const (
	acsPageBase = "https://learn.microsoft.com/azure/communication-services/resources/troubleshooting/voice-video-calling/"
	caIncBase   = acsPageBase + "includes/codes/"
)

// Row starts of seed 002's tables.
var (
	reCallingRow = regexp.MustCompile(`^(?:(\d+(?:,\d{3})*) (\d+)|(\d{3}(?:, \d{3})*)) (.*)$`)
	rePairRow    = regexp.MustCompile(`^(\d+) (\d+) (.*)$`)
	reCodeRow    = regexp.MustCompile(`^(\d+) (.*)$`)
)

type rowKey struct {
	section       schema.Section
	code, subcode num
}

// rowSet is a product's rows in source order, indexed by key.
type rowSet struct {
	rows  []*Row
	byKey map[rowKey]*Row
}

func (s *rowSet) add(r *Row) error {
	if s.byKey == nil {
		s.byKey = map[rowKey]*Row{}
	}
	k := rowKey{r.Section, r.Code, r.Subcode}
	if old, ok := s.byKey[k]; ok {
		return fmt.Errorf("%s: %s %v/%v already at %s", r.Source, r.Section, r.Code, r.Subcode, old.Source)
	}
	s.byKey[k] = r
	s.rows = append(s.rows, r)
	return nil
}

func (s *rowSet) get(section schema.Section, code, subcode num) *Row {
	return s.byKey[rowKey{section, code, subcode}]
}

// setText sets a row's text in a language, once.
func setText(r *Row, lang schema.Lang, t Text, where string) error {
	if r.Text[lang] != (Text{}) {
		return fmt.Errorf("%s: %s text of %v/%v already set", where, schema.LangTags[lang], r.Code, r.Subcode)
	}
	r.Text[lang] = t
	return nil
}

// splitOverride says where the message of a seed 002 row ends when neither a
// category nor a pipe-table edition shows it.
type splitOverride struct {
	table      string
	code       int
	subcode    num
	messageEnd string
	reason     string
}

// splitOverrides are the only manual corrections of the ACS sources.
var splitOverrides = []splitOverride{
	{"pstn", 403, some(510403), "Phone number not allowed by users Session Border Controller (SBC).",
		"the 2025-07-14 edition revised the message (it adds a voice route item), so it cannot show where the seed's message ends"},
	{"chat", 401, num{}, "Unauthorized", "no pipe-table English Chat table exists; the message is the status text, as seed 000's message cell shows"},
	{"chat", 403, num{}, "Forbidden", "as for 401"},
	{"chat", 429, num{}, "Too many requests", "as for 401"},
	{"chat", 503, num{}, "Service Unavailable", "as for 401"},
}

// aliases are the keys that find another row.
var aliases = map[string][]Alias{
	"PSTN": {
		{Alias: schema.Alias{Code: 486, Subcode: 560486, TargetCode: 486, TargetSubcode: 60486},
			Reason: "the seeds print subcode 60486; the 2025-07-14 edition prints 560486 (outbound SBC answered SIP 486), the subcode services send"},
		{Alias: schema.Alias{Code: 487, Subcode: 560487, TargetCode: 497, TargetSubcode: 560487},
			Reason: "every edition prints code 497 for subcode 560487, whose SIP response (the subcode's last three digits) is 487"},
	},
}

// splitter splits the run-together rest of a seed 002 row into message,
// category and advice.
type splitter struct {
	table       string
	hasCategory bool
	known       map[rowKey]string // edition messages by (code, subcode), section unset
	used        map[int]bool      // overrides used
}

var asciiCategories = map[string]bool{"Success": true, "ExpectedError": true, "UnexpectedClientError": true, "UnxpectedClientError": true, "UnexpectedServerError": true}

func (s *splitter) split(code int, subcode num, rest string, where string) (msg, cat, advice string, err error) {
	if s.hasCategory {
		f := strings.Split(rest, " ")
		for i, w := range f {
			if asciiCategories[w] {
				cat, _ = parseCategory(w)
				return strings.Join(f[:i], " "), cat, strings.Join(f[i+1:], " "), nil
			}
		}
	}
	if m, ok := s.known[rowKey{code: some(code), subcode: subcode}]; ok && m != "" {
		if rest == m {
			return m, "", "", nil
		}
		if strings.HasPrefix(rest, m+" ") {
			return m, "", rest[len(m)+1:], nil
		}
	}
	for i, o := range splitOverrides {
		if o.table == s.table && o.code == code && o.subcode == subcode {
			if !strings.Contains(rest, o.messageEnd) {
				return "", "", "", fmt.Errorf("%s: override %q not in %q", where, o.messageEnd, rest)
			}
			if s.used == nil {
				s.used = map[int]bool{}
			}
			s.used[i] = true
			end := strings.Index(rest, o.messageEnd) + len(o.messageEnd)
			return rest[:end], "", strings.TrimSpace(rest[end:]), nil
		}
	}
	return "", "", "", fmt.Errorf("%s: cannot split %d/%v %q", where, code, subcode, rest)
}

// acsSources holds the parsed tables of the ACS documents.
type acsSources struct {
	d       docs
	ja, fr  []table // seeds 000 and 001
	edition []table // the 2025-07-14 edition
	ca      []table // seed 004
}

func parseACS(d docs) ([]*Product, error) {
	s := acsSources{d: d, edition: mdTables(EditionACSEn, d[EditionACSEn]), ca: mdTables(SeedCAEn, d[SeedCAEn])}
	var err error
	if s.ja, err = pipeTables(SeedACSJa, d[SeedACSJa]); err != nil {
		return nil, err
	}
	if s.fr, err = pipeTables(SeedCallingFr, d[SeedCallingFr]); err != nil {
		return nil, err
	}
	if len(s.ja) != 13 || len(s.fr) != 2 {
		return nil, fmt.Errorf("seed 000 has %d tables (want 13), seed 001 %d (want 2)", len(s.ja), len(s.fr))
	}
	var products []*Product
	var used []*splitter
	for _, build := range []func(*acsSources) (*Product, []*splitter, error){buildCalling, buildCallAutomation, buildPSTN, buildChat, buildSMS} {
		p, sp, err := build(&s)
		if err != nil {
			return nil, err
		}
		products = append(products, p)
		used = append(used, sp...)
	}
	for i, o := range splitOverrides {
		found := false
		for _, sp := range used {
			found = found || sp.used[i]
		}
		if !found {
			return nil, fmt.Errorf("split override %s %d/%v is not used: remove it", o.table, o.code, o.subcode)
		}
	}
	return products, nil
}

// editionRow is a row of the 2025-07-14 edition, as plain text.
type editionRow struct {
	codes    []int
	subcode  num
	category string
	text     Text
	links    []Link
	source   string
}

// editionRows reads an edition table whose columns are [Subcode,] Code,
// Message, [Result category,] Advice.
func editionRows(t table, hasSubcode, hasCategory bool) ([]editionRow, error) {
	var out []editionRow
	for i, c := range t.rows {
		where := t.rowSource(i)
		r := editionRow{source: where}
		if hasSubcode {
			if c[0] != "" {
				n, err := parseNumber(c[0])
				if err != nil {
					return nil, fmt.Errorf("%s: %v", where, err)
				}
				r.subcode = some(n)
			}
			c = c[1:]
		}
		codes, err := parseCodes(c[0])
		if err != nil {
			return nil, fmt.Errorf("%s: %v", where, err)
		}
		r.codes = codes
		msg, _, err := plainMarkdown(c[1], acsPageBase)
		if err != nil {
			return nil, fmt.Errorf("%s: %v", where, err)
		}
		adviceCell := c[2]
		if hasCategory {
			if c[2] != "" {
				cat, ok := parseCategory(c[2])
				if !ok {
					return nil, fmt.Errorf("%s: category %q", where, c[2])
				}
				r.category = cat
			}
			adviceCell = c[3]
		}
		advice, links, err := plainMarkdown(adviceCell, acsPageBase)
		if err != nil {
			return nil, fmt.Errorf("%s: %v", where, err)
		}
		r.text = Text{msg, advice}
		r.links = links
		out = append(out, r)
	}
	return out, nil
}

// seedRows reads a table of seed 002 and splits its rows with the edition's
// messages; keyed reports (codes, subcode) of a row.
func seedRows(d docs, header string, nth int, start *regexp.Regexp, sp *splitter, section schema.Section, keyed func(f []string) ([]int, num, error)) ([]*Row, error) {
	rows, err := spacedTable(d[SeedACSEn], header, nth, start)
	if err != nil {
		return nil, err
	}
	var out []*Row
	for _, r := range rows {
		where := fmt.Sprintf("%s:%d", SeedACSEn, r.line)
		codes, subcode, err := keyed(r.fields)
		if err != nil {
			return nil, fmt.Errorf("%s: %v", where, err)
		}
		msg, cat, advice, err := sp.split(codes[0], subcode, r.rest, where)
		if err != nil {
			return nil, err
		}
		for _, code := range codes {
			out = append(out, &Row{Section: section, Code: some(code), Subcode: subcode, Category: cat,
				Text: [numLangs]Text{EN: {msg, advice}}, Source: where})
		}
	}
	return out, nil
}

// pairKeyed reads the (subcode, code) or code-list fields of reCallingRow.
func pairKeyed(f []string) ([]int, num, error) {
	if len(f) == 3 && f[2] != "" {
		codes, err := parseCodes(f[2])
		return codes, num{}, err
	}
	sub, err := parseNumber(f[0])
	if err != nil {
		return nil, num{}, err
	}
	code, err := parseNumber(f[1])
	return []int{code}, some(sub), err
}

func codeKeyed(f []string) ([]int, num, error) {
	code, err := parseNumber(f[0])
	return []int{code}, num{}, err
}

// seedPipeRow is a row of the seeds 000 and 001 with its cells interpreted.
type seedPipeRow struct {
	codes    []int
	subcode  num
	category string
	text     Text
	where    string
}

// pipeRows reads a seed 000/001 table whose columns are Subcode | Code |
// Message | Category | Advice. A code-only row lacks its empty subcode cell
// (the scrape dropped it): its cells are Codes | Message | Advice. With
// adviceInCategory, a category cell that is no category name holds the
// advice, as the seeds' PSTN tables do.
func pipeRows(t table, adviceInCategory bool) ([]seedPipeRow, error) {
	var out []seedPipeRow
	for i, c := range t.rows {
		where := t.wrappedRowSource(i)
		if _, err := parseNumber(c[1]); err != nil {
			codes, err := parseCodes(c[0])
			if err != nil {
				return nil, fmt.Errorf("%s: %v", where, err)
			}
			if c[3] != "" || c[4] != "" {
				return nil, fmt.Errorf("%s: code-only row with cells %q", where, c)
			}
			out = append(out, seedPipeRow{codes: codes, text: Text{c[1], c[2]}, where: where})
			continue
		}
		sub, err := parseNumber(c[0])
		if err != nil {
			return nil, fmt.Errorf("%s: %v", where, err)
		}
		code, _ := parseNumber(c[1])
		r := seedPipeRow{codes: []int{code}, subcode: some(sub), text: Text{c[2], c[4]}, where: where}
		if cat, ok := parseCategory(c[3]); ok {
			r.category = cat
		} else if adviceInCategory && c[4] == "" {
			r.text.Advice = c[3]
		} else if c[3] != "" {
			return nil, fmt.Errorf("%s: category %q", where, c[3])
		}
		out = append(out, r)
	}
	return out, nil
}

// addTranslations sets the text of seed rows in lang on the rows of set.
func addTranslations(set *rowSet, section schema.Section, lang schema.Lang, rows []seedPipeRow) error {
	for _, r := range rows {
		for _, code := range r.codes {
			target := set.get(section, some(code), r.subcode)
			if target == nil {
				return fmt.Errorf("%s: %s row %d/%v has no English row", r.where, schema.LangTags[lang], code, r.subcode)
			}
			if r.category != target.Category {
				return fmt.Errorf("%s: category %q, English %q", r.where, r.category, target.Category)
			}
			if err := setText(target, lang, r.text, r.where); err != nil {
				return err
			}
		}
	}
	return nil
}

// addEdition merges an edition table: rows the seeds lack are added with the
// edition's date and text; rows they have keep their text and gain the
// edition's links whose text their advice contains, and where the edition
// words the row differently, its text as a revision. alias maps an edition
// key onto the seeds' key.
func addEdition(set *rowSet, section schema.Section, rows []editionRow, alias func(code int, subcode num) (int, num)) error {
	for _, e := range rows {
		for _, code := range e.codes {
			c, s := code, e.subcode
			if alias != nil {
				c, s = alias(c, s)
			}
			if r := set.get(section, some(c), s); r != nil {
				if normSpace(r.Text[EN].Message+" "+r.Text[EN].Advice) != normSpace(e.text.Message+" "+e.text.Advice) {
					r.Revised, r.Revision = e.text, EditionDate
				}
				for _, l := range e.links {
					if strings.Contains(r.Text[EN].Advice, l.Text) {
						r.Links = append(r.Links, l)
					}
				}
				continue
			}
			r := &Row{Section: section, Code: some(code), Subcode: e.subcode, Category: e.category, Edition: EditionDate,
				Text: [numLangs]Text{EN: e.text}, Links: e.links, Source: e.source}
			if err := set.add(r); err != nil {
				return err
			}
		}
	}
	return nil
}

func knownMessages(rows []editionRow, alias func(code int, subcode num) (int, num)) map[rowKey]string {
	m := map[rowKey]string{}
	for _, e := range rows {
		for _, code := range e.codes {
			c, s := code, e.subcode
			if alias != nil {
				c, s = alias(c, s)
			}
			m[rowKey{code: some(c), subcode: s}] = e.text.Message
		}
	}
	return m
}

var reClassItem = regexp.MustCompile(`^\s*(?:-|•)\s*(.*\((\d)00\s*-\s*\d99\))\s*$`)

// classRows reads the first list of the four code classes (2xx, 4xx, 5xx,
// 6xx) in a document.
func classRows(file, src string) ([]*Row, error) {
	lines := strings.Split(src, "\n")
	for i := 0; i+4 <= len(lines); i++ {
		var rows []*Row
		for j := i; j < i+4; j++ {
			m := reClassItem.FindStringSubmatch(lines[j])
			if m == nil {
				break
			}
			code, _ := parseNumber(m[2])
			rows = append(rows, &Row{Section: schema.SectionClass, Code: some(code * 100),
				Text: [numLangs]Text{EN: {Message: normSpace(m[1])}}, Source: fmt.Sprintf("%s:%d", file, j+1)})
		}
		if len(rows) == 4 {
			return rows, nil
		}
	}
	return nil, fmt.Errorf("%s: no list of the four code classes", file)
}

// addClasses adds the class rows with English from en and the other
// languages from the given documents.
func addClasses(set *rowSet, d docs, en string, others map[schema.Lang]string) error {
	rows, err := classRows(en, d[en])
	if err != nil {
		return err
	}
	for lang, file := range others {
		tr, err := classRows(file, d[file])
		if err != nil {
			return err
		}
		for i, r := range rows {
			if tr[i].Code != r.Code {
				return fmt.Errorf("%s: class %v, English %v", tr[i].Source, tr[i].Code, r.Code)
			}
			r.Text[lang] = tr[i].Text[EN]
		}
	}
	for _, r := range rows {
		if err := set.add(r); err != nil {
			return err
		}
	}
	return nil
}

func buildCalling(s *acsSources) (*Product, []*splitter, error) {
	set := &rowSet{}
	var splitters []*splitter
	sections := []struct {
		section         schema.Section
		header, heading string
		table           int
	}{
		{schema.SectionClient, "Subcode Code Message Result category Advice", "Azure Communication Services Calling SDK client error codes and subcodes", 0},
		{schema.SectionCallEnd, "Subcode Code Message Result Categories Advice", "Calling End call codes and subcodes", 1},
	}
	for _, sec := range sections {
		et, err := findTable(s.edition, sec.heading)
		if err != nil {
			return nil, nil, err
		}
		ed, err := editionRows(et, true, true)
		if err != nil {
			return nil, nil, err
		}
		sp := &splitter{table: "calling", hasCategory: true, known: knownMessages(ed, nil)}
		splitters = append(splitters, sp)
		en, err := seedRows(s.d, sec.header, 1, reCallingRow, sp, sec.section, pairKeyed)
		if err != nil {
			return nil, nil, err
		}
		for _, r := range en {
			if err := set.add(r); err != nil {
				return nil, nil, err
			}
		}
		for lang, t := range map[schema.Lang]table{JA: s.ja[sec.table], FR: s.fr[sec.table]} {
			rows, err := pipeRows(t, false)
			if err != nil {
				return nil, nil, err
			}
			if err := addTranslations(set, sec.section, lang, rows); err != nil {
				return nil, nil, err
			}
		}
		if err := addEdition(set, sec.section, ed, nil); err != nil {
			return nil, nil, err
		}
	}
	if err := addClasses(set, s.d, SeedACSEn, map[schema.Lang]string{JA: SeedACSJa, FR: SeedCallingFr}); err != nil {
		return nil, nil, err
	}
	return &Product{Name: "CallingSDK",
		Doc:  "the Calling SDK client error and call end tables (testdata/acs: troubleshooting-codes en, ja, calling-codes fr, the 2025-07-14 edition) and the code classes",
		Rows: set.rows}, splitters, nil
}

func buildPSTN(s *acsSources) (*Product, []*splitter, error) {
	set := &rowSet{}
	alias := func(code int, subcode num) (int, num) {
		for _, a := range aliases["PSTN"] {
			if a.Code == code && some(a.Subcode) == subcode {
				return a.TargetCode, some(a.TargetSubcode)
			}
		}
		return code, subcode
	}
	var all []editionRow
	for _, h := range []string{"ParticipantEndReason 0", "ParticipantEndReason 4xx", "ParticipantEndReason 5xx", "ParticipantEndReason 603"} {
		et, err := findTable(s.edition, h)
		if err != nil {
			return nil, nil, err
		}
		ed, err := editionRows(et, true, true)
		if err != nil {
			return nil, nil, err
		}
		all = append(all, ed...)
	}
	sp := &splitter{table: "pstn", hasCategory: true, known: knownMessages(all, alias)}
	for nth := 1; nth <= 4; nth++ {
		en, err := seedRows(s.d, "SubCode Code Message Result Categories Advice", nth, rePairRow, sp, schema.SectionParticipantEnd, pairKeyed)
		if err != nil {
			return nil, nil, err
		}
		for _, r := range en {
			if err := set.add(r); err != nil {
				return nil, nil, err
			}
		}
		rows, err := pipeRows(s.ja[6+nth], true)
		if err != nil {
			return nil, nil, err
		}
		if err := addTranslations(set, schema.SectionParticipantEnd, JA, rows); err != nil {
			return nil, nil, err
		}
	}
	if err := addEdition(set, schema.SectionParticipantEnd, all, alias); err != nil {
		return nil, nil, err
	}
	return &Product{Name: "PSTN",
		Doc:  "the PSTN ParticipantEndReason tables (testdata/acs: troubleshooting-codes en, ja, the 2025-07-14 edition)",
		Rows: set.rows, Aliases: aliases["PSTN"]}, []*splitter{sp}, nil
}

// buildCodeTable builds a Chat or SMS table: Code | Message | Advice.
func buildCodeTable(s *acsSources, name, doc, table string, nth, jaTable int, editionHeading string) (*Product, []*splitter, error) {
	set := &rowSet{}
	var ed []editionRow
	if editionHeading != "" {
		et, err := findTable(s.edition, editionHeading)
		if err != nil {
			return nil, nil, err
		}
		if ed, err = editionRows(et, false, false); err != nil {
			return nil, nil, err
		}
	}
	sp := &splitter{table: table, known: knownMessages(ed, nil)}
	en, err := seedRows(s.d, "Code Message Advice", nth, reCodeRow, sp, schema.SectionErrorCode, codeKeyed)
	if err != nil {
		return nil, nil, err
	}
	for _, r := range en {
		if err := set.add(r); err != nil {
			return nil, nil, err
		}
	}
	jt := s.ja[jaTable]
	for i, c := range jt.rows {
		where := jt.wrappedRowSource(i)
		code, err := parseNumber(c[0])
		if err != nil {
			return nil, nil, fmt.Errorf("%s: %v", where, err)
		}
		if err := addTranslations(set, schema.SectionErrorCode, JA, []seedPipeRow{{codes: []int{code}, text: Text{c[1], c[2]}, where: where}}); err != nil {
			return nil, nil, err
		}
	}
	if err := addEdition(set, schema.SectionErrorCode, ed, nil); err != nil {
		return nil, nil, err
	}
	return &Product{Name: name, Doc: doc, Rows: set.rows}, []*splitter{sp}, nil
}

func buildChat(s *acsSources) (*Product, []*splitter, error) {
	return buildCodeTable(s, "Chat", "the Chat SDK error codes (testdata/acs: troubleshooting-codes en, ja)", "chat", 1, 11, "")
}

func buildSMS(s *acsSources) (*Product, []*splitter, error) {
	return buildCodeTable(s, "SMS", "the SMS error codes (testdata/acs: troubleshooting-codes en, ja, the 2025-07-14 edition)", "sms", 2, 12, "SMS error codes")
}

func buildCallAutomation(s *acsSources) (*Product, []*splitter, error) {
	set := &rowSet{}
	common, err := findTable(s.ca, "Call Automation error codes")
	if err != nil {
		return nil, nil, err
	}
	for i, c := range common.rows {
		where := common.rowSource(i)
		code, err := parseNumber(c[1])
		if err != nil {
			return nil, nil, fmt.Errorf("%s: %v", where, err)
		}
		sub, err := parseNumber(c[2])
		if err != nil {
			return nil, nil, fmt.Errorf("%s: %v", where, err)
		}
		msg, _, err := plainMarkdown(fixMojibake(c[3]), caIncBase)
		if err != nil {
			return nil, nil, fmt.Errorf("%s: %v", where, err)
		}
		advice, links, err := plainMarkdown(fixMojibake(c[4]), caIncBase)
		if err != nil {
			return nil, nil, fmt.Errorf("%s: %v", where, err)
		}
		var events []string
		for _, e := range strings.Split(c[0], "/") {
			events = append(events, strings.TrimSpace(e))
		}
		r := &Row{Section: schema.SectionCommon, Code: some(code), Subcode: some(sub), Events: events, Links: links,
			Text: [numLangs]Text{EN: {msg, advice}}, Source: where}
		if err := set.add(r); err != nil {
			return nil, nil, err
		}
	}
	// Japanese: seed 000's 14 most common rows (Code | Subcode | Description | Mitigation).
	jt := s.ja[2]
	for i, c := range jt.rows {
		where := jt.wrappedRowSource(i)
		code, err1 := parseNumber(c[0])
		sub, err2 := parseNumber(c[1])
		if err1 != nil || err2 != nil {
			return nil, nil, fmt.Errorf("%s: key %q %q", where, c[0], c[1])
		}
		r := set.get(schema.SectionCommon, some(code), some(sub))
		if r == nil {
			return nil, nil, fmt.Errorf("%s: ja row %d/%d has no English row", where, code, sub)
		}
		if err := setText(r, JA, Text{c[2], c[3]}, where); err != nil {
			return nil, nil, err
		}
	}
	// Generic codes (Status Code | Description) and subcodes (Subcode | Description).
	generic := []struct {
		heading string
		section schema.Section
		ja      int
	}{
		{"4xx codes", schema.SectionGenericCode, 3}, {"5xx codes", schema.SectionGenericCode, 4}, {"6xx codes", schema.SectionGenericCode, 5},
		{"Generic subcodes", schema.SectionGenericSubcode, 6},
	}
	for _, g := range generic {
		t, err := findTable(s.ca, g.heading)
		if err != nil {
			return nil, nil, err
		}
		jt := s.ja[g.ja]
		if len(jt.rows) != len(t.rows) {
			return nil, nil, fmt.Errorf("%s: %d rows, %s %d", jt, len(jt.rows), t, len(t.rows))
		}
		for i, c := range t.rows {
			where := t.rowSource(i)
			n, err := parseNumber(c[0])
			if err != nil {
				return nil, nil, fmt.Errorf("%s: %v", where, err)
			}
			jn, err := parseNumber(jt.rows[i][0])
			if err != nil || jn != n {
				return nil, nil, fmt.Errorf("%s: code %q, English %d", jt.wrappedRowSource(i), jt.rows[i][0], n)
			}
			msg, _, err := plainMarkdown(c[1], caIncBase)
			if err != nil {
				return nil, nil, err
			}
			r := &Row{Section: g.section, Code: some(n), Source: where,
				Text: [numLangs]Text{EN: {Message: msg}, JA: {Message: jt.rows[i][1]}}}
			if g.section == schema.SectionGenericSubcode {
				r.Code, r.Subcode = num{}, some(n)
			}
			if err := set.add(r); err != nil {
				return nil, nil, err
			}
		}
	}
	if err := addClasses(set, s.d, SeedCAEn, map[schema.Lang]string{JA: SeedACSJa}); err != nil {
		return nil, nil, err
	}
	if err := checkCallAutomationSeed(s.d, set); err != nil {
		return nil, nil, err
	}
	return &Product{Name: "CallAutomation",
		Doc:  "the Call Automation tables (testdata/acs: call-automation-codes en with callback events, troubleshooting-codes ja): common codes, generic codes and subcodes, and the code classes",
		Rows: set.rows}, nil, nil
}

// checkCallAutomationSeed proves that seed 002's English Call Automation
// tables say what seed 004 says: its most common rows (Code Subcode
// Description Mitigation, run together), generic codes and generic subcodes.
func checkCallAutomationSeed(d docs, set *rowSet) error {
	type check struct {
		header  string
		nth     int
		start   *regexp.Regexp
		section schema.Section
	}
	for _, c := range []check{
		{"Code Subcode Description Mitigation", 1, rePairRow, schema.SectionCommon},
		{"Status Code Description", 1, reCodeRow, schema.SectionGenericCode},
		{"Status Code Description", 2, reCodeRow, schema.SectionGenericCode},
		{"Status Code Description", 3, reCodeRow, schema.SectionGenericCode},
		{"Subcode Description", 1, reCodeRow, schema.SectionGenericSubcode},
	} {
		rows, err := spacedTable(d[SeedACSEn], c.header, c.nth, c.start)
		if err != nil {
			return err
		}
		for _, sr := range rows {
			where := fmt.Sprintf("%s:%d", SeedACSEn, sr.line)
			a, err := parseNumber(sr.fields[0])
			if err != nil {
				return fmt.Errorf("%s: %v", where, err)
			}
			var r *Row
			switch c.section {
			case schema.SectionCommon:
				b, _ := parseNumber(sr.fields[1])
				r = set.get(c.section, some(a), some(b))
			case schema.SectionGenericCode:
				r = set.get(c.section, some(a), num{})
			default:
				r = set.get(c.section, num{}, some(a))
			}
			if r == nil {
				return fmt.Errorf("%s: row %v is not in seed 004", where, sr.fields)
			}
			if want := normSpace(r.Text[EN].Message + " " + r.Text[EN].Advice); sr.rest != want {
				return fmt.Errorf("%s: seed 002 says %q, seed 004 %q", where, sr.rest, want)
			}
		}
	}
	return nil
}
