package explain

import (
	"strconv"

	"github.com/rtccodes/rtccodes"
	"github.com/rtccodes/rtccodes/internal/schema"
)

// decl returns a product's declaration: what its payloads look like and
// which codes it has; p must be a product.
func decl(p rtccodes.Product) *schema.Product {
	d, _ := schema.Declared(int(p))
	return d
}

// productOf is the product a declaration declares.
func productOf(d *schema.Product) rtccodes.Product { return rtccodes.Product(d.Number()) }

// valid reports whether p is a product.
func valid(p rtccodes.Product) bool {
	_, ok := schema.Declared(int(p))
	return ok
}

// productsWith returns the products whose declaration satisfies keep, in
// order.
func productsWith(keep func(*schema.Product) bool) []rtccodes.Product {
	var out []rtccodes.Product
	for _, p := range rtccodes.Products() {
		if keep(decl(p)) {
			out = append(out, p)
		}
	}
	return out
}

// familyOf returns the products of p's family (TRTC 4.x and 5.x).
func familyOf(p rtccodes.Product) []rtccodes.Product {
	return productsWith(func(q *schema.Product) bool { return q.Family == decl(p).Family })
}

// noteCodeChose says, where the candidates were SDKs of one family (TRTC
// 4.x and 5.x), that the code chose among them: "code 5300 is
// TRTCWebV5's".
func (x *Explanation) noteCodeChose(candidates []rtccodes.Product) {
	if len(candidates) < 2 || !x.Found || !x.HasCode || decl(candidates[0]).Family == "" {
		return
	}
	for _, q := range candidates {
		if decl(q).Family != decl(candidates[0]).Family {
			return
		}
	}
	var code [20]byte
	x.Inferred += "; code " + string(strconv.AppendInt(code[:0], int64(x.Code), 10)) + " is " + x.Product.String() + "'s"
}
