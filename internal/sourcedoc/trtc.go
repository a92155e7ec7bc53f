package sourcedoc

import (
	"fmt"
	"github.com/rtccodes/rtccodes/internal/schema"
	"regexp"
	"strings"
	"unicode/utf8"
)

// The TRTC documents, relative to the testdata directory.
const (
	SeedTRTCJa    = "trtc/web-4x-error-codes.ja.2022-04-06.txt"
	EditionTRTCEn = "trtc/web-4x-error-codes.en.md"
)

// trtcParser reads the TRTC documents.
var trtcParser = parser{
	documents: []document{
		{SeedTRTCJa, "ja", "エラーコード", []string{"TRTCWeb"}},
		{EditionTRTCEn, "en", "Error Codes", []string{"TRTCWeb"}},
	},
	parse: func(d docs) ([]*Product, error) {
		p, err := parseTRTC(d)
		return []*Product{p}, err
	},
}

// TRTC error codes: what getCode returns for account and room entry errors.
const (
	trtcSignalSetupFailed = 16385 // 0x4001, account errors come as its extra code
	trtcJoinRoomFailed    = 16388 // 0x4004, room entry errors come as its extra code
)

// trtcKeys maps the docs' misspelled keys onto the keys the SDK exposes.
var trtcKeys = map[string]struct{ key, reason string }{
	"SIGNAL_CAHNNEL_SETUP_FAILED": {"SIGNAL_CHANNEL_SETUP_FAILED", "both editions misspell the key; TRTC.ERROR_CODE exposes SIGNAL_CHANNEL_SETUP_FAILED"},
	"UNKOWN":                      {"UNKNOWN", "seed 003 misspells the key; the English edition and the SDK spell UNKNOWN"},
}

// Advice markers: the sources put the advice inside the description.
var (
	reJaAdvice = regexp.MustCompile(`(?:•\s*)?処理に関するアドバイス[:：]`)
	reEnAdvice = regexp.MustCompile(`(?:<li/>|<br/?>)?\s*Suggested solution:`)
)

// splitAdvice splits a description at the advice marker.
func splitAdvice(s string, marker *regexp.Regexp) (msg, advice string) {
	loc := marker.FindStringIndex(s)
	if loc == nil {
		return s, ""
	}
	return s[:loc[0]], s[loc[1]:]
}

var (
	reTRTCKeyRow = regexp.MustCompile(`^\s*([A-Z][A-Z0-9_]+) (\d+) (0x[0-9A-Fa-f]+) (.*)$`)
	reTRTCNumRow = regexp.MustCompile(`^\s*(-?\d+) (.*)$`)
)

// jaSection returns the indented lines of seed 003 after the line equal to
// header, up to the first blank line.
func jaSection(src, header string) ([]string, int, error) {
	lines := strings.Split(src, "\n")
	for i, l := range lines {
		if strings.TrimSpace(l) != header {
			continue
		}
		var out []string
		for _, l := range lines[i+1:] {
			if strings.TrimSpace(l) == "" {
				break
			}
			out = append(out, strings.TrimSpace(l))
		}
		return out, i + 2, nil
	}
	return nil, 0, fmt.Errorf("%s: no line %q", SeedTRTCJa, header)
}

func parseTRTC(d docs) (*Product, error) {
	set := &rowSet{}
	en := mdTables(EditionTRTCEn, d[EditionTRTCEn])
	ja := d[SeedTRTCJa]

	// Error codes: Key | getCode | Error Code | Description.
	et, err := findTable(en, "Error Code Definitions")
	if err != nil {
		return nil, err
	}
	for i, c := range et.rows {
		where := et.rowSource(i)
		code, err := parseNumber(c[1])
		if err != nil {
			return nil, fmt.Errorf("%s: %v", where, err)
		}
		text, links, err := trtcEnText(c[3])
		if err != nil {
			return nil, fmt.Errorf("%s: %v", where, err)
		}
		r := &Row{Section: schema.SectionErrorCode, Code: some(code), Key: c[0], Hex: c[2],
			Links: links, Text: [numLangs]Text{EN: text}, Source: where}
		if k, ok := trtcKeys[c[0]]; ok {
			r.Key, r.DocKey = k.key, c[0]
		}
		if err := set.add(r); err != nil {
			return nil, err
		}
	}
	lines, first, err := jaSection(ja, "Key getCode エラーコード 説明")
	if err != nil {
		return nil, err
	}
	var cur *Row
	var desc []string
	flush := func() error {
		if cur == nil {
			return nil
		}
		msg, advice := splitAdvice(strings.Join(desc, "\n"), reJaAdvice)
		return setText(cur, JA, Text{trtcJaPlain(msg), trtcJaPlain(advice)}, cur.Source)
	}
	for i, l := range lines {
		m := reTRTCKeyRow.FindStringSubmatch(l)
		if m == nil {
			if cur == nil {
				return nil, fmt.Errorf("%s:%d: text before the first key", SeedTRTCJa, first+i)
			}
			desc = append(desc, l)
			continue
		}
		if err := flush(); err != nil {
			return nil, err
		}
		code, _ := parseNumber(m[2])
		cur = set.get(schema.SectionErrorCode, some(code), num{})
		if cur == nil {
			return nil, fmt.Errorf("%s:%d: %s has no English row", SeedTRTCJa, first+i, m[1])
		}
		docKey := m[1]
		if cur.DocKey != "" && cur.DocKey != docKey || cur.DocKey == "" && cur.Key != docKey {
			if k, ok := trtcKeys[docKey]; !ok || k.key != cur.Key {
				return nil, fmt.Errorf("%s:%d: key %s, English %s", SeedTRTCJa, first+i, docKey, cur.Key)
			}
			cur.DocKey = docKey
		}
		if !strings.EqualFold(m[3], cur.Hex) {
			return nil, fmt.Errorf("%s:%d: hex %s, English %s", SeedTRTCJa, first+i, m[3], cur.Hex)
		}
		desc = []string{m[4]}
	}
	if err := flush(); err != nil {
		return nil, err
	}

	// Account errors (Error Code | Type | Description) and room entry errors
	// (Error Code | Description), answered under getCode 0x4001 and 0x4004.
	for _, s := range []struct {
		heading, jaHeader string
		section           schema.Section
		code              int
	}{
		{"Account Errors", "エラーコード エラーのタイプ 説明", schema.SectionAccount, trtcSignalSetupFailed},
		{"Room Entry Errors", "エラーコード エラー情報", schema.SectionRoomEntry, trtcJoinRoomFailed},
	} {
		t, err := findTable(en, s.heading)
		if err != nil {
			return nil, err
		}
		for i, c := range t.rows {
			where := t.rowSource(i)
			sub, err := parseNumber(c[0])
			if err != nil {
				return nil, fmt.Errorf("%s: %v", where, err)
			}
			msg, links, err := plainMarkdown(c[len(c)-1], "")
			if err != nil {
				return nil, fmt.Errorf("%s: %v", where, err)
			}
			if err := set.add(&Row{Section: s.section, Code: some(s.code), Subcode: some(sub), Links: links,
				Text: [numLangs]Text{EN: {Message: msg}}, Source: where}); err != nil {
				return nil, err
			}
		}
		lines, first, err := jaSection(ja, s.jaHeader)
		if err != nil {
			return nil, err
		}
		for i, l := range lines {
			where := fmt.Sprintf("%s:%d", SeedTRTCJa, first+i)
			m := reTRTCNumRow.FindStringSubmatch(l)
			if m == nil {
				return nil, fmt.Errorf("%s: not a row: %q", where, l)
			}
			sub, _ := parseNumber(m[1])
			msg := m[2]
			if s.section == schema.SectionAccount {
				var ok bool
				if msg, ok = strings.CutPrefix(msg, "アカウントシステム "); !ok {
					return nil, fmt.Errorf("%s: no account type in %q", where, l)
				}
			}
			r := set.get(s.section, some(s.code), some(sub))
			if r == nil {
				return nil, fmt.Errorf("%s: %d has no English row", where, sub)
			}
			if err := setText(r, JA, Text{Message: normSpace(msg)}, where); err != nil {
				return nil, err
			}
		}
	}

	// Errors known by their message: Error Message | Description | Solution.
	mt, err := findTable(en, "Common Errors and Solutions")
	if err != nil {
		return nil, err
	}
	var messages []*Row
	for i, c := range mt.rows {
		where := mt.rowSource(i)
		msg, _, err := plainMarkdown(c[1], "")
		if err != nil {
			return nil, fmt.Errorf("%s: %v", where, err)
		}
		advice, links, err := plainMarkdown(c[2], "")
		if err != nil {
			return nil, fmt.Errorf("%s: %v", where, err)
		}
		r := &Row{Section: schema.SectionMessage, Key: c[0], Links: links,
			Text: [numLangs]Text{EN: {msg, advice}}, Source: where}
		messages = append(messages, r)
		set.rows = append(set.rows, r)
	}
	lines, first, err = jaSection(ja, "エラー情報 エラー原因 ソリューション")
	if err != nil {
		return nil, err
	}
	// The page footer ("お問い合わせ") follows the table without a blank line.
	if len(lines) < len(messages) {
		return nil, fmt.Errorf("%s:%d: %d message errors, English %d", SeedTRTCJa, first, len(lines), len(messages))
	}
	if len(lines) > len(messages) && strings.Contains(lines[len(messages)], " ") {
		return nil, fmt.Errorf("%s:%d: more message errors than English has: %q", SeedTRTCJa, first+len(messages), lines[len(messages)])
	}
	for i, l := range lines[:len(messages)] {
		where := fmt.Sprintf("%s:%d", SeedTRTCJa, first+i)
		r := messages[i]
		if len(l) <= len(r.Key) || !strings.EqualFold(l[:len(r.Key)], r.Key) || l[len(r.Key)] != ' ' {
			return nil, fmt.Errorf("%s: %q does not start with %q", where, l, r.Key)
		}
		if docKey := l[:len(r.Key)]; docKey != r.Key {
			r.DocKey = docKey // seed 003 spells OverConstrainedError
		}
		cause, solution, ok := splitJaCause(l[len(r.Key)+1:])
		if !ok {
			return nil, fmt.Errorf("%s: cannot split cause and solution of %q", where, l)
		}
		r.Text[JA] = Text{cause, solution}
	}
	return &Product{Name: "TRTCWeb",
		Doc:  "the four tables of the TRTC Web SDK 4.x error code page (testdata/trtc: English edition, Japanese edition of 2022-04-06): error codes, account errors, room entry errors and errors known by their message",
		Rows: set.rows}, nil
}

// trtcEnText splits an English error code description into message and
// advice (after "Suggested solution:") and turns both into plain text.
func trtcEnText(cell string) (Text, []Link, error) {
	msg, advice := splitAdvice(cell, reEnAdvice)
	m, l1, err := plainMarkdown(msg, "")
	if err != nil {
		return Text{}, nil, err
	}
	a, l2, err := plainMarkdown(advice, "")
	if err != nil {
		return Text{}, nil, err
	}
	return Text{strings.TrimSpace(strings.TrimSuffix(m, " -")), a}, append(l1, l2...), nil
}

// trtcJaPlain turns seed 003's bullets ("• ") into " - " and normalizes
// white space.
func trtcJaPlain(s string) string {
	s = strings.TrimSpace(strings.ReplaceAll(s, "•", " - "))
	s = strings.TrimSpace(strings.TrimSuffix(normSpace(s), " -"))
	return normSpace(s)
}

// splitJaCause splits seed 003's run-together cause and solution of a
// message error at the first space that follows a non-ASCII character: the
// Japanese cause ends there, while the spaces inside its English words
// ("DTLS Transport", "TRTC Web SDK") follow ASCII letters.
func splitJaCause(s string) (cause, solution string, ok bool) {
	for i := 1; i < len(s); i++ {
		if s[i] != ' ' {
			continue
		}
		if r, _ := utf8.DecodeLastRuneInString(s[:i]); r >= utf8.RuneSelf {
			return normSpace(s[:i]), normSpace(s[i+1:]), true
		}
	}
	return "", "", false
}
