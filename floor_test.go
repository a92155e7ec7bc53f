package rtccodes

import "testing"

var floorSink Entry

// BenchmarkBaselineSwitchCopy is the floor of an exact lookup: the Calling
// SDK's generated switch of documented pairs, called directly, and a copy
// of the row it finds. Lookup adds the product's table and the Match.
func BenchmarkBaselineSwitchCopy(b *testing.B) {
	if r := callingExact(410, 3112); r == nil || r.Pair() != "410/3112" {
		b.Fatalf("callingExact(410, 3112) = %v", r)
	}
	for b.Loop() {
		floorSink = *callingExact(410, 3112)
	}
}
