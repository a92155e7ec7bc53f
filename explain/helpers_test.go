package explain_test

import (
	"strconv"

	"github.com/rtccodes/rtccodes/explain"
)

// pairOf writes the codes an explanation carries, as the tool prints them:
// "410/3112", "410" without subcode, "*/8536" without code.
func pairOf(x explain.Explanation) string {
	switch {
	case !x.HasCode && !x.HasSubcode:
		return "-"
	case !x.HasCode:
		return "*/" + strconv.Itoa(x.Subcode)
	case !x.HasSubcode:
		return strconv.Itoa(x.Code)
	}
	return strconv.Itoa(x.Code) + "/" + strconv.Itoa(x.Subcode)
}
