package rtccodes_test

import (
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rtccodes/rtccodes"
)

const (
	seedTRTC    = "trtc/web-4x-error-codes.ja.2022-04-06.txt"
	editionTRTC = "trtc/web-4x-error-codes.en.md"
)

func TestTRTCTablesAreComplete(t *testing.T) {
	blank := func(l string) bool { return strings.TrimSpace(l) == "" }
	nextHeading := func(l string) bool { return strings.HasPrefix(l, "#") }
	tables := []struct {
		section        rtccodes.Section
		n              int
		jaHeader, jaRe string
		enHeader, enRe string
	}{
		{rtccodes.SectionErrorCode, 26, "Key getCode エラーコード 説明", `^\s+[A-Z_0-9]+ \d+ 0x`, "## Error Code Definitions", `^\| [A-Z_0-9]+ \| \d+ \| 0x`},
		{rtccodes.SectionAccount, 62, "エラーコード エラーのタイプ 説明", `^\s+-?\d+ `, "## Account Errors", `^\| -?\d+ \|`},
		{rtccodes.SectionRoomEntry, 9, "エラーコード エラー情報", `^\s+-?\d+ `, "## Room Entry Errors", `^\| -?\d+ \|`},
		{rtccodes.SectionMessage, 14, "エラー情報 エラー原因 ソリューション", `^\s+[A-Za-z]`, "## Common Errors and Solutions", `^\| [A-Za-z]`},
	}
	for _, tt := range tables {
		ja := source(t, seedTRTC, tt.jaHeader, 1, blank)
		if tt.section == rtccodes.SectionMessage {
			ja = ja[:len(ja)-1] // the page footer follows the last row
		}
		assert.Equal(t, tt.n, countLines(ja, tt.jaRe), "seed 003 %s", tt.section)
		en := source(t, editionTRTC, tt.enHeader, 1, nextHeading)
		for len(en) > 0 && !strings.HasPrefix(en[0], "|:-") && !strings.HasPrefix(en[0], "|--") {
			en = en[1:] // up to the separator under the header
		}
		assert.Equal(t, tt.n, countLines(en, tt.enRe), "English %s", tt.section)
		got := entries(rtccodes.TRTCWeb, tt.section)
		assert.Len(t, got, tt.n, "%s", tt.section)
		for _, e := range got {
			assert.Equal(t, []string{"en", "ja"}, e.Langs(), "%v", e)
			for _, lang := range []string{"en", "ja"} {
				txt := e.Localized(lang)
				for _, markup := range []string{"<br", "<li", "<ul", "](", "**", "`", "Suggested solution:", "処理に関するアドバイス:"} {
					assert.NotContains(t, txt.Message+txt.Advice, markup, "%v", e)
				}
			}
		}
	}
	jaNorm := normalized(t, seedTRTC)
	for _, s := range []rtccodes.Section{rtccodes.SectionAccount, rtccodes.SectionRoomEntry} {
		for _, e := range entries(rtccodes.TRTCWeb, s) {
			assertPublished(t, e, "ja", jaNorm)
		}
	}
}

func TestTRTCKeysAndHex(t *testing.T) {
	for _, e := range entries(rtccodes.TRTCWeb, rtccodes.SectionErrorCode) {
		n, err := strconv.ParseInt(e.Hex, 0, 32)
		require.NoError(t, err)
		assert.Equal(t, e.Code, int(n), "%s", e.Key)
		byKey, ok := rtccodes.LookupString(rtccodes.TRTCWeb, e.Key)
		require.True(t, ok, e.Key)
		assert.Equal(t, rtccodes.MatchKey, byKey.Match)
		assert.Equal(t, e.Code, byKey.Code)
		byHex, ok := rtccodes.LookupString(rtccodes.TRTCWeb, e.Hex)
		require.True(t, ok, e.Hex)
		assert.Equal(t, rtccodes.MatchHex, byHex.Match)
		assert.Equal(t, e.Code, byHex.Code)
		upper, ok := rtccodes.LookupString(rtccodes.TRTCWeb, strings.ToUpper(e.Hex))
		require.True(t, ok)
		assert.Equal(t, e.Code, upper.Code)
	}
	for spelling, want := range map[string]string{
		"SIGNAL_CAHNNEL_SETUP_FAILED": "SIGNAL_CHANNEL_SETUP_FAILED", "SIGNAL_CHANNEL_SETUP_FAILED": "SIGNAL_CHANNEL_SETUP_FAILED",
		"UNKOWN": "UNKNOWN", "UNKNOWN": "UNKNOWN", "join_room_failed": "JOIN_ROOM_FAILED",
	} {
		e, ok := rtccodes.LookupString(rtccodes.TRTCWeb, spelling)
		require.True(t, ok, spelling)
		assert.Equal(t, want, e.Key, spelling)
	}
	e, _ := rtccodes.LookupString(rtccodes.TRTCWeb, "SIGNAL_CHANNEL_SETUP_FAILED")
	assert.Equal(t, "SIGNAL_CAHNNEL_SETUP_FAILED", e.DocKey)
	e, _ = rtccodes.LookupString(rtccodes.TRTCWeb, "UNKNOWN")
	assert.Equal(t, "UNKOWN", e.DocKey)
	assert.Equal(t, 65535, e.Code)
	for _, s := range []string{"0x", "0xZZ", "0x1234", "NO_SUCH_KEY", "", "   "} {
		_, ok := rtccodes.LookupString(rtccodes.TRTCWeb, s)
		assert.False(t, ok, "%q", s)
	}
}

func TestTRTCExtraCodes(t *testing.T) {
	tests := []struct {
		code, extra int
		match       rtccodes.Match
		section     rtccodes.Section
		subcode     int
	}{
		{0x4001, 70001, rtccodes.MatchExact, rtccodes.SectionAccount, 70001},
		{0x4001, -8, rtccodes.MatchExact, rtccodes.SectionAccount, -8},
		{0x4004, -10012, rtccodes.MatchExact, rtccodes.SectionRoomEntry, -10012},
		{0x4004, 10006, rtccodes.MatchExact, rtccodes.SectionRoomEntry, 10006},
		{70001, noSubcode, rtccodes.MatchSubcode, rtccodes.SectionAccount, 70001},
		{-10012, noSubcode, rtccodes.MatchSubcode, rtccodes.SectionRoomEntry, -10012},
		{0x4001, 99999, rtccodes.MatchCode, rtccodes.SectionErrorCode, noSubcode},
		{0x4004, noSubcode, rtccodes.MatchExact, rtccodes.SectionErrorCode, noSubcode},
	}
	for _, tt := range tests {
		e, ok := ask(rtccodes.TRTCWeb, tt.code, tt.extra)
		require.True(t, ok, "%d/%d", tt.code, tt.extra)
		assert.Equal(t, tt.match, e.Match, "%d/%d", tt.code, tt.extra)
		assert.Equal(t, tt.section, e.Section, "%d/%d", tt.code, tt.extra)
		assert.Equal(t, tt.subcode, ownKey(e)[1], "%d/%d", tt.code, tt.extra)
	}
	e, _ := rtccodes.Lookup(rtccodes.TRTCWeb, 0x4001, 70001)
	assert.Contains(t, e.Message, "userSig")
	assert.Contains(t, e.Localized("ja").Message, "userSigの有効期限が切れました")
	_, ok := rtccodes.Lookup(rtccodes.TRTCWeb, 12345, 1)
	assert.False(t, ok, "TRTC codes have no class")
	s, ok := rtccodes.LookupString(rtccodes.TRTCWeb, "0x4001 70001")
	require.True(t, ok)
	assert.Equal(t, 70001, s.Subcode)
}

func TestTRTCMessages(t *testing.T) {
	for _, e := range entries(rtccodes.TRTCWeb, rtccodes.SectionMessage) {
		for _, text := range []string{e.Key, strings.ToUpper(e.Key), strings.ToLower(e.Key), "Error: " + e.Key + " (code 16387)"} {
			got, ok := rtccodes.LookupString(rtccodes.TRTCWeb, text)
			require.True(t, ok, text)
			assert.Equal(t, rtccodes.MatchMessage, got.Match, text)
			assert.Equal(t, e.Key, got.Key, text)
		}
	}
	tests := map[string]string{
		"NotAllowedError: Permission denied":                  "NotAllowedError",
		"RtcError: no valid ice candidate found (code 16387)": "RtcError: no valid ice candidate found",
		"OverConstrainedError":                                "OverconstrainedError",
		// The longest message wins where several match.
		"publish timeout; previous publishing is ongoing, please avoid re-publishing": "previous publishing is ongoing, please avoid re-publishing",
	}
	for text, key := range tests {
		e, ok := rtccodes.LookupString(rtccodes.TRTCWeb, text)
		require.True(t, ok, text)
		assert.Equal(t, key, e.Key, text)
	}
	e, _ := rtccodes.LookupString(rtccodes.TRTCWeb, "OverconstrainedError")
	assert.Equal(t, "OverConstrainedError", e.DocKey, "seed 003's spelling")
	e, _ = rtccodes.LookupString(rtccodes.TRTCWeb, "publish timeout")
	assert.Equal(t, rtccodes.Text{Lang: "ja", Edition: "2022-04-06", Message: "publishタイムアウト", Advice: "リフレッシュして再接続してから、publish()を再試行してください。"}, e.Localized("ja"))
	_, ok := rtccodes.LookupString(rtccodes.TRTCWeb, "everything is fine")
	assert.False(t, ok)
	_, ok = rtccodes.LookupString(rtccodes.CallingSDK, "NotAllowedError")
	assert.False(t, ok, "only TRTC knows messages")
}

func TestTRTCAdviceSplit(t *testing.T) {
	e, ok := rtccodes.LookupString(rtccodes.TRTCWeb, "INVALID_PARAMETER")
	require.True(t, ok)
	assert.Equal(t, "Invalid parameter.", e.Message)
	assert.True(t, strings.HasPrefix(e.Advice, "Check whether the parameter values"), e.Advice)
	ja := e.Localized("ja")
	assert.Equal(t, "無効なパラメータ", ja.Message)
	assert.True(t, strings.HasPrefix(ja.Advice, "渡されたパラメータ"), ja.Advice)
	e, _ = rtccodes.LookupString(rtccodes.TRTCWeb, "DEVICE_AUTO_RECOVER_FAILED")
	assert.Contains(t, e.Advice, "retry button", fmt.Sprint(e))
}

// TestTRTCBlankCodeSpan: the English edition writes privateMapKey was ` `; the
// blank code span is kept as ' ', as the Japanese edition prints it.
func TestTRTCBlankCodeSpan(t *testing.T) {
	e, ok := rtccodes.Lookup(rtccodes.TRTCWeb, 0x4004, -10018)
	require.True(t, ok)
	assert.Contains(t, e.Message, "privateMapKey was ' '.")
	assert.Contains(t, e.Localized("ja").Message, "privateMapKeyは' 'となります")
}
