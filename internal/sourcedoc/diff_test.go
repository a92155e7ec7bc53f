package sourcedoc

import (
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rtccodes/rtccodes/internal/schema"
)

// edit is a change to one source document: old, which must stand in it
// exactly once, becomes new.
type edit struct{ file, old, new string }

// generateEdited generates every file from a copy of testdata with the
// edits made.
func generateEdited(t *testing.T, edits ...edit) map[string][]byte {
	t.Helper()
	dir := t.TempDir()
	files := []string{ReferenceSIP, ReferenceQ850, NamesTable}
	for _, doc := range documents() {
		files = append(files, doc.file)
	}
	for _, f := range files {
		b, err := os.ReadFile(filepath.Join("../../testdata", f))
		require.NoError(t, err)
		src := string(b)
		for _, e := range edits {
			if e.file == f {
				require.Equal(t, 1, strings.Count(src, e.old), "%s: %q must stand once", f, e.old)
				src = strings.Replace(src, e.old, e.new, 1)
			}
		}
		require.NoError(t, os.MkdirAll(filepath.Dir(filepath.Join(dir, f)), 0o755))
		require.NoError(t, os.WriteFile(filepath.Join(dir, f), []byte(src), 0o644))
	}
	out, err := Generate(dir)
	require.NoError(t, err)
	return out
}

// changedLines counts, per generated file, the lines git diff --numstat
// reports added plus deleted between two generations.
func changedLines(t *testing.T, before, after map[string][]byte) map[string]int {
	t.Helper()
	git, err := exec.LookPath("git")
	require.NoError(t, err, "the diff of generated files is git's")
	out := map[string]int{}
	for name := range before {
		a, b := filepath.Join(t.TempDir(), "a.go"), filepath.Join(t.TempDir(), "b.go")
		require.NoError(t, os.WriteFile(a, before[name], 0o644))
		require.NoError(t, os.WriteFile(b, after[name], 0o644))
		stat, err := exec.Command(git, "diff", "--no-index", "--numstat", a, b).Output()
		if err != nil && len(stat) == 0 {
			require.NoError(t, err)
		}
		if f := strings.Fields(string(stat)); len(f) >= 2 {
			added, _ := strconv.Atoi(f[0])
			deleted, _ := strconv.Atoi(f[1])
			out[name] = added + deleted
		}
	}
	return out
}

// productFiles are the generated files of the products' tables.
func productFiles() []string {
	var out []string
	for _, p := range schema.Products {
		out = append(out, p.File)
	}
	return out
}

// TestOneRowChangeIsOneRowDiff generates from edited copies of the sources
// and counts the changed lines of generated Go: text inserted into one row
// in each language, one row added, one prose line added above the tables.
func TestOneRowChangeIsOneRowDiff(t *testing.T) {
	before := generateEdited(t)
	const (
		en = "acs/troubleshooting-codes.en.txt"
		md = "acs/troubleshooting-codes.en.2025-07-14.md"
		ja = "acs/troubleshooting-codes.ja.txt"
		fr = "acs/calling-codes.fr.txt"
	)
	inserted := []struct {
		lang  string
		edits []edit
	}{
		{"en", []edit{
			{en, "Failed to obtain permission for", "Failed, as inserted, to obtain permission for"},
			{md, "Failed to obtain permission for", "Failed, as inserted, to obtain permission for"},
		}},
		{"ja", []edit{{ja, "マイクやカメラの使用に対する", "マイクやカメラの使用（挿入）に対する"}}},
		{"fr", []edit{{fr, "Échec de l’obtention de l’autorisation", "Échec, tel qu’inséré, de l’obtention de l’autorisation"}}},
	}
	for _, c := range inserted {
		changed := changedLines(t, before, generateEdited(t, c.edits...))
		t.Logf("text inserted into 400/40613 (%s): %v changed lines of generated Go", c.lang, changed)
		assert.Equal(t, []string{"calling.go"}, keys(changed), "%s: only the row's product file changes", c.lang)
		assert.LessOrEqual(t, changed["calling.go"], 8, c.lang)
		assert.Positive(t, changed["calling.go"], c.lang)
	}

	// One row added, in the edition that alone has it: its variable, its
	// line in the rows and its cases in the switches, nothing deleted.
	added := generateEdited(t, edit{md, "| 40614 | 500 |", "| 40699 | 400 | A row added for this test. | ExpectedError |  |\n| 40614 | 500 |"})
	changed := changedLines(t, before, added)
	t.Logf("one row added (400/40699): %v changed lines of generated Go", changed)
	assert.Equal(t, []string{"calling.go", "internal/plan/keys.go"}, keys(changed), "its product file, and its keys in the plan")
	assert.Equal(t, 2, changed["internal/plan/keys.go"], "its exact key and its subcode key")
	diff, err := exec.Command("git", "diff", "--no-index", "-U0", writeTemp(t, before["calling.go"]), writeTemp(t, added["calling.go"])).Output()
	require.NotEmpty(t, diff, "%v", err)
	var plus int
	for _, l := range strings.Split(string(diff), "\n") {
		switch {
		case strings.HasPrefix(l, "---"), strings.HasPrefix(l, "+++"):
		case strings.HasPrefix(l, "-"):
			t.Errorf("a line deleted by a row added: %s", l)
		case strings.HasPrefix(l, "+"):
			plus++
		}
	}
	assert.Equal(t, changed["calling.go"], plus)

	// A prose line above the tables changes no product file.
	prose := generateEdited(t,
		edit{en, "This article describes troubleshooting", "A prose line added for this test.\n\nThis article describes troubleshooting"},
		edit{md, "## Azure Communication Services Calling SDK client error codes and subcodes", "A prose line added for this test.\n\n## Azure Communication Services Calling SDK client error codes and subcodes"})
	changed = changedLines(t, before, prose)
	t.Logf("one prose line added above the tables: %v changed lines of generated Go", changed)
	for _, f := range productFiles() {
		assert.Zero(t, changed[f], f)
	}
}

// keys returns the files with changed lines, sorted.
func keys(changed map[string]int) []string {
	var out []string
	for f, n := range changed {
		if n > 0 {
			out = append(out, f)
		}
	}
	slices.Sort(out)
	return out
}

// writeTemp writes b to a new temporary file and returns its path.
func writeTemp(t *testing.T, b []byte) string {
	f := filepath.Join(t.TempDir(), "f.go")
	require.NoError(t, os.WriteFile(f, b, 0o644))
	return f
}

// TestMinusOneIsACode generates a fact whose subcode is -1 and one whose
// code is -1: TRTC documents negative codes, and the generator tells a
// code it lacks by presence, never by a value, so both are written as
// numbers the row has.
func TestMinusOneIsACode(t *testing.T) {
	const facts = "observed/codes-beyond-the-documents.en.tsv"
	row := "TRTCWebV5\t5400\t-100018\t"
	added := generateEdited(t, edit{facts, row, "TRTCWebV5\t5400\t-1\t\t\tfailure\tA fact added for this test.\t\tan/example\tpath\tabc\n" +
		"TRTCWebV5\t-1\t\t\t\tfailure\tAnother fact added for this test.\t\tan/example\tpath\tabc\n" + row})
	src := string(added["trtc5.go"])
	assert.Contains(t, src, "Code: 5400, Subcode: -1, HasCode: true, HasSubcode: true,")
	assert.Contains(t, src, "Code: -1, HasCode: true, Outcome: OutcomeFailure,")
	assert.Contains(t, src, "case -1:")
}
