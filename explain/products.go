package explain

import (
	"strconv"

	"github.com/rtccodes/rtccodes"
	"github.com/rtccodes/rtccodes/internal/schema"
)

// decl returns a product's declaration: what its payloads look like and
// which codes it has; p must be a product.
func decl(p rtccodes.Product) *schema.Product { return &schema.Products[p-1] }

// productOf is the product a declaration declares.
func productOf(d *schema.Product) rtccodes.Product {
	for i := range schema.Products {
		if &schema.Products[i] == d {
			return rtccodes.Product(i + 1)
		}
	}
	return 0
}

// valid reports whether p is a product.
func valid(p rtccodes.Product) bool { return p > 0 && int(p) <= len(schema.Products) }

// productsWith returns the products whose declaration satisfies keep, in
// order.
func productsWith(keep func(*schema.Product) bool) []rtccodes.Product {
	var out []rtccodes.Product
	for i := range schema.Products {
		if keep(&schema.Products[i]) {
			out = append(out, rtccodes.Product(i+1))
		}
	}
	return out
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
	x.Inferred += "; code " + strconv.Itoa(x.Code) + " is " + x.Product.String() + "'s"
}
