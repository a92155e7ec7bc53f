package explain

import (
	"github.com/rtccodes/rtccodes"
	"github.com/rtccodes/rtccodes/internal/schema"
)

// decl returns a product's declaration: what its payloads look like and
// which codes it has; p must be a product.
func decl(p rtccodes.Product) *schema.Product { return &schema.Products[p-1] }

// valid reports whether p is a product.
func valid(p rtccodes.Product) bool { return p > 0 && int(p) <= len(schema.Products) }

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
