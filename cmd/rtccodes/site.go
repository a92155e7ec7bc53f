package main

import (
	"encoding/json"
	"fmt"
	"html/template"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/rtccodes/rtccodes"
)

// writeSite writes the reference site to a directory: an index of the
// products with a search box, a page per table in the documents' order and
// a page per row at a stable address (rowPath), in every language the row
// has. It returns the exit status.
func writeSite(words []string, stdout, stderr io.Writer, opts options) int {
	if len(words) != 1 {
		fmt.Fprintln(stderr, "rtccodes: site takes one directory: rtccodes site DIR")
		return 2
	}
	n, err := buildSite(words[0], opts.products)
	if err != nil {
		fmt.Fprintln(stderr, "rtccodes: site:", err)
		return 2
	}
	fmt.Fprintf(stdout, "wrote %d pages to %s; open %s\n", n, words[0], filepath.Join(words[0], "index.html"))
	return 0
}

// siteRow is a row as the site shows it.
type siteRow struct {
	rtccodes.Entry
	Path, Root string
	Texts      []rtccodes.Text
	Answers    string // how Lookup reaches the row
}

// siteTable is a table of a product: its rows in the document's order.
type siteTable struct {
	Product rtccodes.Product
	Section rtccodes.Section
	Title   string
	Path    string
	Rows    []siteRow
}

// searchEntry is a row in the search index: its address, its label and
// the words it is found by, lower case.
type searchEntry struct {
	URL   string `json:"u"`
	Label string `json:"l"`
	Text  string `json:"m"`
	Words string `json:"w"`
}

// buildSite writes the site and returns how many pages it wrote.
func buildSite(dir string, products []rtccodes.Product) (int, error) {
	pages := 0
	write := func(path string, t *template.Template, data any) error {
		full := filepath.Join(dir, filepath.FromSlash(path))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			return err
		}
		f, err := os.Create(full)
		if err != nil {
			return err
		}
		err = t.Execute(f, data)
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		pages++
		return err
	}
	var index []searchEntry
	type productPage struct {
		Product rtccodes.Product
		Path    string
		Tables  []*siteTable
		Rows    int
	}
	var all []productPage
	seen := map[string]bool{}
	for _, p := range products {
		pp := productPage{Product: p, Path: p.ShortName() + "/index.html"}
		for e := range rtccodes.All(p) {
			path, ok := rowPath(e)
			if !ok {
				continue
			}
			base := strings.TrimSuffix(path, ".html")
			for i := 2; seen[path]; i++ { // two rows of one key: the second is named by its place
				path = fmt.Sprintf("%s-%d.html", base, i)
			}
			seen[path] = true
			var t *siteTable
			if n := len(pp.Tables); n > 0 && pp.Tables[n-1].Section == e.Section {
				t = pp.Tables[n-1]
			} else {
				t = &siteTable{Product: p, Section: e.Section, Title: sectionTitle(e.Section), Path: p.ShortName() + "/" + string(e.Section) + "/index.html"}
				pp.Tables = append(pp.Tables, t)
			}
			r := siteRow{Entry: e, Path: path, Root: strings.Repeat("../", strings.Count(path, "/")), Answers: answersAt(e)}
			for _, lang := range e.Langs() {
				r.Texts = append(r.Texts, e.Localized(lang))
			}
			t.Rows = append(t.Rows, r)
			pp.Rows++
			words := []string{e.Pair(), e.Key, e.DocKey, e.Hex, p.String(), p.ShortName()}
			for _, text := range r.Texts {
				words = append(words, text.Message, text.Advice)
			}
			index = append(index, searchEntry{URL: path, Label: p.String() + " " + e.Pair(), Text: e.Message, Words: strings.ToLower(strings.Join(words, " "))})
			if err := write(path, rowTemplate, r); err != nil {
				return pages, err
			}
		}
		for _, t := range pp.Tables {
			if err := write(t.Path, tableTemplate, t); err != nil {
				return pages, err
			}
		}
		if err := write(pp.Path, productTemplate, pp); err != nil {
			return pages, err
		}
		all = append(all, pp)
	}
	if err := write("index.html", indexTemplate, struct {
		Lang, Title string
		Products    []productPage
	}{"en", "rtccodes: the error codes of ACS and TRTC", all}); err != nil {
		return pages, err
	}
	b, err := json.Marshal(index)
	if err != nil {
		return pages, err
	}
	js := "// The search index of the rtccodes reference site: a row a line.\nvar rtccodesIndex = " + string(b) + ";\n" + searchScript
	return pages, os.WriteFile(filepath.Join(dir, "search.js"), []byte(js), 0o644)
}

// answersAt says which questions Lookup answers with a row beyond its own
// key: a row without code answers its subcode under the codes whose
// outcome is its own.
func answersAt(e rtccodes.Entry) string {
	switch {
	case e.HasCode && e.HasSubcode:
		return fmt.Sprintf("Lookup(%s, %d, %d) answers with this row.", e.Product, e.Code, e.Subcode)
	case e.HasCode && e.Section == rtccodes.SectionClass:
		return fmt.Sprintf("It answers a code of the class %s when nothing more precise does.", e.Pair())
	case e.HasCode:
		return fmt.Sprintf("Lookup(%s, %d) answers with this row; so may a subcode under %d that no row documents (docs/answers.md has the order).", e.Product, e.Code, e.Code)
	case e.HasSubcode && e.Outcome == rtccodes.OutcomeUnknown:
		return fmt.Sprintf("Lookup(%s, code, %d) does not answer with this row: its outcome is unknown, so it agrees with no code.", e.Product, e.Subcode)
	case e.HasSubcode:
		return fmt.Sprintf("Lookup(%s, code, %d) answers with this row under a code whose outcome is %s, where no row documents the pair; under a code of the other outcome, that code's own row or class answers.", e.Product, e.Subcode, e.Outcome)
	}
	return fmt.Sprintf("LookupString(%s, text) answers with this row for a text that holds its message.", e.Product)
}

// searchScript finds rows in the index as the reader types.
const searchScript = `
(function () {
  var box = document.getElementById("search"), out = document.getElementById("results");
  if (!box || !out) return;
  var root = document.body.getAttribute("data-root") || "";
  function show() {
    var q = box.value.trim().toLowerCase(), n = 0;
    out.textContent = "";
    if (!q) return;
    var words = q.split(/\s+/);
    for (var i = 0; i < rtccodesIndex.length && n < 50; i++) {
      var e = rtccodesIndex[i], ok = true;
      for (var j = 0; j < words.length; j++) if (e.w.indexOf(words[j]) < 0) { ok = false; break; }
      if (!ok) continue;
      var li = document.createElement("li"), a = document.createElement("a");
      a.href = root + e.u; a.textContent = e.l; li.appendChild(a);
      li.appendChild(document.createTextNode(": " + e.m));
      out.appendChild(li); n++;
    }
    if (!n) { var li = document.createElement("li"); li.textContent = "Nothing found."; out.appendChild(li); }
  }
  box.addEventListener("input", show);
  show();
})();
`

var indexTemplate = template.Must(template.New("index").Funcs(pageFuncs).Parse(pageHead + `<body data-root="">
<header><h1>The error codes of ACS and TRTC</h1>
<p class="lead">Every row of the vendors' documentation tables, with its outcome, what to do and where it comes from, in every language the documents carry.</p></header>
<main>
<section aria-labelledby="search-title">
<h2 id="search-title">Search</h2>
<label for="search">A code, a pair (410 3112), a key or words of a message:</label><br>
<input type="search" id="search" autocomplete="off" placeholder="3112">
<ul id="results" aria-live="polite"></ul>
</section>
<section aria-labelledby="products-title">
<h2 id="products-title">Products</h2>
<table><thead><tr><th scope="col">Product</th><th scope="col">Tables</th><th scope="col">Rows</th></tr></thead>
<tbody>{{range .Products}}<tr><td><a href="{{.Path}}">{{.Product}}</a></td><td class="n">{{len .Tables}}</td><td class="n">{{.Rows}}</td></tr>{{end}}</tbody></table>
</section>
</main>
<script src="search.js"></script>
</body>
</html>
`))

var productTemplate = template.Must(template.New("product").Funcs(pageFuncs).Parse(`{{define "head"}}` + pageHead + `{{end}}{{template "head" (head .Product.String)}}<body>
<nav><a href="../index.html">All products</a></nav>
<header><h1>{{.Product}}</h1></header>
<main>
<h2>Tables, in the documents' order</h2>
<table><thead><tr><th scope="col">Table</th><th scope="col">Rows</th></tr></thead>
<tbody>{{range .Tables}}<tr><td><a href="{{.Section}}/index.html">{{.Title}}</a> <code>{{.Section}}</code></td><td class="n">{{len .Rows}}</td></tr>{{end}}</tbody></table>
</main>
</body>
</html>
`))

var tableTemplate = template.Must(template.New("table").Funcs(pageFuncs).Parse(`{{define "head"}}` + pageHead + `{{end}}{{template "head" (head .Title)}}<body>
<nav><a href="../../index.html">All products</a> › <a href="../index.html">{{.Product}}</a></nav>
<header><h1>{{.Product}}: {{.Title}}</h1></header>
<main>
<table><thead><tr><th scope="col">Pair</th><th scope="col">Key</th><th scope="col">Category</th><th scope="col">Outcome</th><th scope="col">Message</th></tr></thead>
<tbody>{{range .Rows}}<tr><td><a href="{{rel .Path}}">{{.Pair}}</a></td><td>{{.Key}}</td><td>{{.Category}}</td><td><span class="{{outcome .Outcome}}">{{outcome .Outcome}}</span></td><td>{{.Message}}</td></tr>{{end}}</tbody></table>
</main>
</body>
</html>
`))

var rowTemplate = template.Must(template.New("row").Funcs(pageFuncs).Parse(`{{define "head"}}` + pageHead + `{{end}}{{template "head" (head (printf "%s %s" .Product .Pair))}}<body>
<nav><a href="{{.Root}}index.html">All products</a> › <a href="{{.Root}}{{.Product.ShortName}}/index.html">{{.Product}}</a> › <a href="{{.Root}}{{.Product.ShortName}}/{{.Section}}/index.html">{{.Section}}</a></nav>
<header><h1>{{.Product}} {{.Pair}}{{if .Key}} <code>{{.Key}}</code>{{end}}</h1></header>
<main>
<dl>
<dt>Outcome</dt><dd><span id="outcome" class="{{outcome .Outcome}}">{{outcome .Outcome}}</span></dd>
{{if .Category}}<dt>Result category</dt><dd id="category">{{.Category}}</dd>{{end}}
<dt>Table</dt><dd><code>{{.Section}}</code></dd>
{{if .Hex}}<dt>Hexadecimal</dt><dd>{{.Hex}}</dd>{{end}}
{{if .Since}}<dt>Since</dt><dd>SDK {{.Since}}</dd>{{end}}
{{if .Edition}}<dt>Only in the edition of</dt><dd>{{.Edition}}</dd>{{end}}
<dt>How it answers</dt><dd>{{.Answers}}</dd>
</dl>
<nav class="langs" aria-label="Language">{{range $i, $t := .Texts}}<button type="button" data-lang="{{$t.Lang}}" aria-pressed="{{if eq $i 0}}true{{else}}false{{end}}">{{langName $t.Lang}}</button>{{end}}</nav>
{{range $i, $t := .Texts}}<section class="text" lang="{{$t.Lang}}" data-lang="{{$t.Lang}}"{{if $i}} hidden{{end}}>
<h2>{{langName $t.Lang}}</h2>
<p class="message">{{$t.Message}}</p>
{{if $t.Advice}}<p class="advice-text"><b>What to do:</b> {{$t.Advice}}</p>{{end}}
{{if $t.Edition}}<p class="lead">From the document of {{$t.Edition}}.</p>{{end}}
</section>
{{end}}
{{with .Links}}<h2>Links</h2><ul>{{range .}}<li><a href="{{.URL}}">{{.Text}}</a></li>{{end}}</ul>{{end}}
{{with .Events}}<h2>Events</h2><ul>{{range .}}<li><code>{{.}}</code></li>{{end}}</ul>{{end}}
{{with .Revisions}}<h2>Newer wording</h2>{{range .}}<p>{{.Message}} {{.Advice}} <small>({{.Edition}})</small></p>{{end}}{{end}}
{{with provenance .Entry}}<h2>Where it was seen</h2><p>The documents leave this code out. Seen in {{.Repository}}, <code>{{.Path}}</code> ({{.Revision}}).</p>{{end}}
</main>
<script>
document.querySelectorAll("nav.langs button").forEach(function (b) {
  b.addEventListener("click", function () {
    document.querySelectorAll("nav.langs button").forEach(function (o) { o.setAttribute("aria-pressed", String(o === b)); });
    document.querySelectorAll("section.text").forEach(function (s) { s.hidden = s.getAttribute("data-lang") !== b.getAttribute("data-lang"); });
  });
});
</script>
</body>
</html>
`))
