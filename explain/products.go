package explain

import (
	"strconv"
	"sync"

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

// only returns a product alone as a list, and familyOf the products of its
// family; the lists here are made once and shared: callers read them.
func only(p rtccodes.Product) []rtccodes.Product { return productLists().only[p-1] }

func familyOf(p rtccodes.Product) []rtccodes.Product { return productLists().family[p-1] }

// allProducts returns every product, as rtccodes.Products.
func allProducts() []rtccodes.Product { return productLists().all }

// withExtraCodes returns the products whose errors carry an extra code
// (TRTC), and withKeys those whose codes are written as keys or in
// hexadecimal.
func withExtraCodes() []rtccodes.Product { return productLists().extra }

func withKeys() []rtccodes.Product { return productLists().keys }

// productList are the shared lists.
type productList struct {
	only, family     [][]rtccodes.Product
	all, extra, keys []rtccodes.Product
}

func productLists() *productList {
	lists.once.Do(func() {
		for _, p := range rtccodes.Products() {
			family := decl(p).Family
			lists.only = append(lists.only, []rtccodes.Product{p})
			lists.family = append(lists.family, productsWith(func(q *schema.Product) bool { return family != "" && q.Family == family }))
		}
		lists.all = rtccodes.Products()
		lists.extra = productsWith(func(q *schema.Product) bool { return q.ExtraCodes })
		lists.keys = productsWith(func(q *schema.Product) bool { return q.HexCodes || q.ExtraCodes })
	})
	return &lists.productList
}

var lists struct {
	once sync.Once
	productList
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
