package main

import (
	"encoding/csv"
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
	assert.Equal(t, fileRows[0], tableRows[0], "the same header")
	for i := 1; i <= n; i++ {
		// The file column names a file in one, a row in the other; the rest is the same.
		assert.Equal(t, fileRows[i][1:], tableRows[i][1:], "row %d (%s)", i, fileRows[i][0])
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
