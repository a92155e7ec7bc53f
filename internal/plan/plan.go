// Package plan is the answer chain of rtccodes.Lookup as data: for each
// product, the keys each step finds a row by, in the order Lookup tries the
// steps. The export printers (rtccodes export sql, kql) write it as tables
// and joins, so that a query over the logs where they live answers as
// Lookup does. go generate writes Keys from the same index as the tables.
package plan

// Step is a step of Lookup's chain, in its order.
type Step uint8

// The steps, in the order Lookup tries them.
const (
	Exact          Step = iota + 1 // the pair is a documented row
	Alias                          // the pair spells a documented row otherwise
	Subcode                        // the subcode is documented under one code only
	Observed                       // a fact of the facts table for the pair
	AnyCode                        // a fact under any code, for a subcode asked alone
	Code                           // the code's own row
	ObservedCode                   // a fact under the code, for every subcode
	ExtraCode                      // TRTC: a code asked alone is tried as an extra code
	GenericSubcode                 // Call Automation's generic subcodes
	GenericCode                    // Call Automation's generic codes
	Class                          // the code's class: 2xx, 4xx, 5xx, 6xx
	CodeRows                       // a code without a row or class of its own: its rows, counted
)

var stepNames = [...]string{Exact: "exact", Alias: "alias", Subcode: "subcode", Observed: "observed", AnyCode: "observed",
	Code: "code", ObservedCode: "observed", ExtraCode: "subcode", GenericSubcode: "generic-subcode", GenericCode: "generic-code", Class: "class", CodeRows: "code-rows"}

// Match is the name of the rtccodes.Match a step answers with.
func (s Step) Match() string { return stepNames[s] }

// Key is a key of a step and the row it finds. Code and Subcode are the
// key (Code alone for Code, ObservedCode, GenericCode; Subcode alone for
// Subcode, AnyCode, GenericSubcode, the other 0; ExtraCode's key is the
// code asked; Class's Code is the class's hundreds, 2 for 2xx). Row is the row found,
// by its section and pair as rtccodes.Entry has them; Says is what the row
// says of the call (1 success, 2 failure, 3 both, 0 nothing), for the
// class checks of the steps that answer with another code's row.
type Key struct {
	Product       string
	Step          Step
	Code, Subcode int
	Row           Row
	Says          uint8
}

// Row names a row of a product's table.
type Row struct {
	Section             string
	Code, Subcode       int
	HasCode, HasSubcode bool
}
