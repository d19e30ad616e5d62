package main

import (
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/candor-app/candor/bench/benchdata"
	"github.com/candor-app/candor/questionnaire"
)

// A table and the same answers as response files score identically, row for file: 1,000
// random respondents to a generated bank with every question type, conditions, prorating,
// flags and outcomes, in CSV and in JSON.
func TestTableScoresLikeResponseFiles(t *testing.T) {
	const n = 1000
	dir := t.TempDir()
	bankPath := filepath.Join(dir, "generated.yaml")
	require.NoError(t, os.WriteFile(bankPath, benchdata.Bank(60), 0o600))
	b, ds := questionnaire.LoadFile(bankPath)
	require.False(t, ds.HasErrors(), ds.Error())
	require.NoError(t, benchdata.Responses(filepath.Join(dir, "files"), b, n, 7))
	f, err := os.Create(filepath.Join(dir, "table.csv"))
	require.NoError(t, err)
	require.NoError(t, benchdata.Table(f, b, n, 7))
	require.NoError(t, f.Close())

	files := runCandor(t, dir, "", "score", "--bank", bankPath, "--format", "csv", filepath.Join(dir, "files"))
	require.Equal(t, 0, files.code, files.errOut)
	table := runCandor(t, dir, "", "score", "--bank", bankPath, "--format", "csv", filepath.Join(dir, "table.csv"))
	require.Equal(t, 0, table.code, table.errOut)

	fileRows, tableRows := readCSV(t, files.out), readCSV(t, table.out)
	require.Len(t, fileRows, n+1)
	require.Len(t, tableRows, n+1)
	// A table's CSV ends with refused_because (empty for a scored row).
	assert.Equal(t, append(fileRows[0], "refused_because"), tableRows[0], "the same header")
	for i := 1; i <= n; i++ {
		// The file column names a file in one, a row in the other; the rest is the same.
		assert.Equal(t, append(fileRows[i][1:], ""), tableRows[i][1:], "row %d (%s)", i, fileRows[i][0])
		assert.Equal(t, filepath.Join(dir, "table.csv")+":"+itoa(i+1), tableRows[i][0])
	}

	files = runCandor(t, dir, "", "score", "--bank", bankPath, "--format", "json", filepath.Join(dir, "files"))
	table = runCandor(t, dir, "", "score", "--bank", bankPath, "--format", "json", filepath.Join(dir, "table.csv"))
	fl, tl := strings.Split(files.out, "\n"), strings.Split(table.out, "\n")
	require.Len(t, tl, len(fl))
	for i := range fl {
		if fl[i] == "" {
			continue
		}
		// Drop the leading {"file":"..." so the rest compares whole.
		assert.Equal(t, fl[i][strings.Index(fl[i], `,"respondent"`):], tl[i][strings.Index(tl[i], `,"respondent"`):], "line %d", i+1)
	}
}

func readCSV(t *testing.T, s string) [][]string {
	t.Helper()
	rows, err := csv.NewReader(strings.NewReader(s)).ReadAll()
	require.NoError(t, err)
	return rows
}

func itoa(i int) string { return strconv.Itoa(i) }

// A --columns file that is wrong says so in words for a counselor, with its line: never a Go
// type name (before: "cannot unmarshal !!seq into map[string]interface {}").
func TestColumnsErrorsInWords(t *testing.T) {
	cases := []struct{ name, file, want string }{
		{"empty", "", "map.yaml: the file is empty; a mapping file has `columns:`"},
		{"a list", "- a\n- b\n", "map.yaml:1: the file is a list, not a mapping; a mapping file has `columns:`"},
		{"an unknown key", "columns: {a: feel_safe}\nextra: 1\n", "map.yaml:2: `extra` is not part of a mapping file; a mapping file has `columns:`"},
		{"columns a list", "columns: [a, b]\n", "map.yaml:1: `columns:` is a list; it lists table headers, each with the question id it answers"},
		{"a column sent to a mapping", "columns:\n  Q1: {id: feel_safe}\n", `map.yaml:2: column "Q1" is sent to a mapping; give it one question id`},
		{"options a list", "options: [feel_safe]\n", "map.yaml:1: `options:` is a list; it lists question ids"},
		{"option words a list", "options:\n  feel_safe: [1, 2]\n", `map.yaml:2: the options of "feel_safe" are a list; give its words with the answers they mean, such as ` + "`feel_safe: {"},
		{"a word meaning a list", "options:\n  feel_safe: {\"1\": [yes, no]}\n", `map.yaml:2: word "1" of "feel_safe" means a list; a word means one answer`},
		{"no such question", "options:\n  feel_safty: {\"1\": yes}\n", `map.yaml:2: ` + "`options`" + ` names "feel_safty", which is not a question of bank "trust-readiness"`},
		{"an answer that does not fit", "options:\n  want_to_trust: {\"1\": maybe}\n", `map.yaml:2: word "1" of "want_to_trust": "want_to_trust" has no option "maybe" (one of: yes (Yes), unsure (Not sure yet), no (No))`},
		{"a header twice", "columns:\n  Q1: feel_safe\n  Q1: want_to_trust\n", "map.yaml:3: \"Q1\" is written twice in `columns:`; keep one"},
		{"not YAML", "columns: {a: b\n", "map.yaml:1: this is not YAML that candor can read (did not find expected ',' or '}')"},
		{"an alias", "x: &a {a: b}\ncolumns: *a\n", "map.yaml:1: `x` is not part of a mapping file"},
		{"an alias as columns", "columns: *a\n", "map.yaml: this is not YAML that candor can read (unknown anchor 'a' referenced)"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			require.NoError(t, os.WriteFile(filepath.Join(dir, "map.yaml"), []byte(c.file), 0o600))
			require.NoError(t, os.WriteFile(filepath.Join(dir, "t.csv"), []byte("feel_safe\nyes\n"), 0o600))
			r := runCandor(t, dir, "", "score", "--bank", "trust-readiness", "--columns", filepath.Join(dir, "map.yaml"), filepath.Join(dir, "t.csv"))
			assert.Equal(t, 1, r.code)
			msg := strings.ReplaceAll(r.errOut, filepath.Join(dir, "map.yaml"), "map.yaml")
			assert.Contains(t, msg, "candor: "+c.want)
			for _, goWords := range []string{"map[", "interface", "!!", "unmarshal", "struct", "string]"} {
				assert.NotContains(t, msg, goWords)
			}
		})
	}
}

// Rows that cannot be read are refused with FILE:ROW, from a file and from standard input
// alike: a NUL byte past the first 4 KiB, a row past 4 MiB; the rows after them are scored.
func TestTableRowsRefused(t *testing.T) {
	pad := strings.Repeat("yes,padding past the first 4 KiB of the table\n", 100)
	cases := []struct {
		name, src, want string
	}{
		{"a NUL byte past 4 KiB", "feel_safe,respondent\n" + pad + "no,Sa\x00m\nno,Kim\n", ":102:2: error: cell 2 holds a NUL byte, which is not text"},
		{"a row past 4 MiB", "feel_safe,respondent\n" + pad + "no," + strings.Repeat("x", 5<<20) + "\nno,Kim\n", ":102:1: error: this row is longer than the 4 MiB candor reads in a row"},
	}
	for _, c := range cases {
		for _, stdin := range []bool{false, true} {
			t.Run(fmt.Sprintf("%s stdin=%v", c.name, stdin), func(t *testing.T) {
				dir := t.TempDir()
				path := filepath.Join(dir, "t.csv")
				require.NoError(t, os.WriteFile(path, []byte(c.src), 0o600))
				var r candorRun
				if stdin {
					path = "stdin"
					r = runCandor(t, dir, c.src, "score", "--bank", "trust-readiness", "--format", "csv", "--table-format", "csv", "-")
				} else {
					r = runCandor(t, dir, "", "score", "--bank", "trust-readiness", "--format", "csv", path)
				}
				assert.Equal(t, 1, r.code)
				assert.Contains(t, r.errOut, path+c.want)
				assert.True(t, strings.Contains(r.out, path+":103,Kim,"), "the row after it is scored")
				assert.Equal(t, 103, strings.Count(r.out, "\n"), "the header, 101 rows and the refused one")
				assert.Contains(t, r.out, ",refused,", "the refused row is in the CSV, marked")
				assert.True(t, strings.HasSuffix(r.errOut, "\n102 rows read, 101 scored, 1 refused\n"), r.errOut[max(0, len(r.errOut)-200):])
			})
		}
	}
}
