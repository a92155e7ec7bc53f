package explain

import (
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// codeFieldPattern is the regular expression codeFields reads as.
var codeFieldPattern = regexp.MustCompile(`(?i)(?:^|[^a-z0-9])_?(participantend(?:reason|subcode)|sub_?code|extra_?code|code)["'` + "`" + `]?(?:\s*[:=]\s*|\s+)["'` + "`" + `]?(-?(?:0x[0-9a-f]+|\d+))\b`)

// sameFields checks that codeFields finds what the regular expression finds.
func sameFields(t *testing.T, s string) {
	t.Helper()
	var want, got [][2]string
	for _, m := range codeFieldPattern.FindAllStringSubmatch(s, -1) {
		want = append(want, [2]string{m[1], m[2]})
	}
	low, _ := fold(s, nil)
	codeFields(s, low, func(name, number string) { got = append(got, [2]string{name, number}) })
	require.Equal(t, want, got, "%q", s)
}

// TestCodeFieldsReadAsTheirPattern compares codeFields with its pattern on
// the lines of the samples and on lines written to find where they could
// part.
func TestCodeFieldsReadAsTheirPattern(t *testing.T) {
	lines := []string{
		"code: 403", "subCode=10391", `"extraCode": 70001`, "ParticipantEndSubCode: 560486", "_code: 0", "extraCode -8",
		"code=410 subCode=3112", "error_code=5", "foo_sub_code = '7'", "resultCode=5", "code5", "codes: 5", "code=0x4001", "code=0x4001g",
		"code=0xZZ", "code=-", "code=--5", "code: 12abc", "code:12_", "code\t=\t\"12\"", "code \"12\"", `code"=12`, "code'  :  '12'",
		"ſubcode=5", "ſubCode: 9", "\u212Acode=5", "ſcode=5", "xcode=1", "1code=2", "-code=3", "é code=4", "\xffcode=5", "code=1,code=2",
		"code=1code=2", "code 1 subcode 2", "PARTICIPANTENDREASON=486", "participantEndReaſon 7", "sub_Code = 0x12 extra_code=-0x1",
		"code:", "code", "", "_", "__code=1", "a_code=1 b__subcode=2", "codecode=1", "code = 1 = 2", "code=1\ncode=2",
	}
	for _, name := range []string{"support.log", "call-summary.csv", "trtc-errors.jsonl", "acs-rest-errors.jsonl"} {
		b, err := os.ReadFile("../testdata/payloads/" + name)
		require.NoError(t, err)
		lines = append(lines, strings.Split(string(b), "\n")...)
	}
	for _, s := range lines {
		sameFields(t, s)
	}
	assert.Greater(t, len(lines), 60)
}

// TestCodeFieldsReadAsTheirPatternFarAndNear compares codeFields with its
// pattern on generated lines where fields stand far from and near each
// other, after long runs of text and of broken and whole multi-byte
// characters, which the pass skips.
func TestCodeFieldsReadAsTheirPatternFarAndNear(t *testing.T) {
	parts := []string{
		"code", "Code", "subCode", "sub_code", "ſubcode", "extraCode", "extra_code", "ParticipantEndReason", "participantEndReaſon",
		"ParticipantEndSubCode", "_", "=", ": ", " ", "\t", "\"", "'", "-", "0x4001", "410", "3112", "x", "é", "ſ", "\u212A", "\xc5", "\xbf",
		"\xe2\x84", "\x80\x80\x80", ",", "correlationId", "0000abcd", "\n", "😀", "€", "😀_extra_code=7", "ſextra_code=1", "\u212Aextra_code=2", " extra_code=3",
	}
	seed := uint64(23)
	next := func(n int) int {
		seed = seed*6364136223846793005 + 1442695040888963407
		return int(seed>>33) % n
	}
	for range 20000 {
		var b strings.Builder
		for range next(12) {
			if next(4) == 0 {
				b.WriteString(strings.Repeat(parts[next(len(parts))], next(40)))
			}
			b.WriteString(parts[next(len(parts))])
		}
		sameFields(t, b.String())
	}
}

func FuzzCodeFields(f *testing.F) {
	for _, s := range []string{"code: 403", "subCode=10391 extraCode -8", "ſubcode=5", "code=0x4001g", "\u212Acode=5"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) { sameFields(t, s) })
}

// TestFieldNamesAreTheirLetters writes every name codeFields finds in
// every case of each letter, and with ſ: fieldName is the name in lower
// case without underscores, "" with ſ.
func TestFieldNamesAreTheirLetters(t *testing.T) {
	n := 0
	for _, name := range []string{"code", "subcode", "sub_code", "extracode", "extra_code", "participantendreason", "participantendsubcode"} {
		for cases := range 1 << len(name) {
			b := []byte(name)
			for i := range b {
				if cases&(1<<i) != 0 && b[i] != '_' {
					b[i] -= 'a' - 'A'
				}
			}
			for _, spelled := range []string{string(b), strings.Replace(string(b), "s", "ſ", 1)} {
				var found []string
				low, _ := fold(spelled+": 5", nil)
				codeFields(spelled+": 5", low, func(field, _ string) { found = append(found, field) })
				require.Equal(t, []string{spelled}, found)
				want := strings.ReplaceAll(strings.ToLower(spelled), "_", "")
				if strings.Contains(spelled, "ſ") {
					want = ""
				}
				assert.Equal(t, want, fieldName(spelled), spelled)
				n++
			}
			if n > 20000 {
				break // the long names: their first cases
			}
		}
	}
}
