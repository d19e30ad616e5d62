package main

import (
	"encoding/csv"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/candor-app/candor/data"
	"github.com/candor-app/candor/interop/redcap"
	"github.com/candor-app/candor/questionnaire"
)

// spreadsheetBank has a text question, so that a person's own words reach the CSV.
const spreadsheetBank = `candor: 1
id: sheet
version: 1.0.0
title: Sheet
questions:
  - id: note
    type: text
    text: In your own words?
  - id: ok
    type: yesno
    text: Are you well?
scores:
  - id: well
    label: Well
    items: [ok]
`

// formulas are hostile answers and respondents, each with a formula whose computed value
// (the key) would show that a spreadsheet ran it.
var formulas = map[string]string{
	"12340":  "fine;=1234*10;",
	"43210":  "Sam\t=4321*10\t",
	"66660":  "ok,+6666*10",
	"-77770": "a;-7777*10",
	"11110":  "x\t@SUM(5555;5555)",
	"99990":  "line\n=9999*10",
}

// TestCSVOutputInASpreadsheet opens what `score --format csv` writes (the table, --items and
// --out-dir) in a real spreadsheet program, LibreOffice Calc, headless, split on commas,
// semicolons and tabs in turn, and checks that no formula in a person's words was run
// (issue 22, docs/hostile-inputs.md). Without LibreOffice it skips, except under CI.
func TestCSVOutputInASpreadsheet(t *testing.T) {
	soffice := libreOffice(t)
	dir := t.TempDir()
	write := func(name, content string) {
		require.NoError(t, os.WriteFile(filepath.Join(dir, name), []byte(content), 0o600))
	}
	write("sheet.yaml", spreadsheetBank)
	var files []string
	i := 0
	for _, f := range formulas {
		i++
		answers := fmt.Sprintf("note: %q\nok: yes\n", f)
		write(fmt.Sprintf("a%d.yaml", i), answers)
		resp := filepath.Join(dir, fmt.Sprintf("r%d.yaml", i))
		run := runCandor(t, dir, "", "take", filepath.Join(dir, "sheet.yaml"), "--answers", filepath.Join(dir, fmt.Sprintf("a%d.yaml", i)), "--save", resp, "--respondent", f, "--format", "json")
		require.Zero(t, run.code, run.errOut)
		files = append(files, resp)
	}
	table := runCandor(t, dir, "", append([]string{"score", "--bank", filepath.Join(dir, "sheet.yaml"), "--format", "csv"}, files...)...)
	require.Zero(t, table.code, table.errOut)
	items := runCandor(t, dir, "", append([]string{"score", "--bank", filepath.Join(dir, "sheet.yaml"), "--format", "csv", "--items"}, files...)...)
	require.Zero(t, items.code, items.errOut)
	outDir := runCandor(t, dir, "", append([]string{"score", "--bank", filepath.Join(dir, "sheet.yaml"), "--format", "csv", "--out-dir", filepath.Join(dir, "tables")}, files...)...)
	require.Zero(t, outDir.code, outDir.errOut)
	write("table.csv", table.out)
	write("items.csv", items.out)
	outputs := []string{"table.csv", "items.csv", filepath.Join("tables", "sheet.csv")}
	for _, o := range outputs {
		b, err := os.ReadFile(filepath.Join(dir, o))
		require.NoError(t, err)
		for _, kept := range []string{"1234*10", "4321*10", "6666*10", "7777*10", "SUM(5555;5555)", "9999*10"} {
			assert.Contains(t, string(b), kept, "%s keeps the words", o)
		}
	}

	for _, sep := range []struct {
		name string
		code int
	}{{"comma", 44}, {"semicolon", 59}, {"tab", 9}} {
		t.Run(sep.name, func(t *testing.T) {
			out := filepath.Join(dir, "opened-"+sep.name)
			var files []string
			for _, o := range outputs {
				files = append(files, filepath.Join(dir, o))
			}
			msg := openInSpreadsheet(t, soffice, dir, out, sep.code, files...)
			for _, o := range outputs {
				b, err := os.ReadFile(filepath.Join(out, filepath.Base(o)))
				require.NoError(t, err, "LibreOffice wrote no %s: %s", filepath.Base(o), msg)
				for value, f := range formulas {
					assert.NotContains(t, string(b), value, "split on %s, LibreOffice ran the formula in %q (%s)", sep.name, f, o)
				}
			}
		})
	}
}

// libreOffice is the path of LibreOffice's soffice; without it the test skips, except under
// CI, which installs it.
func libreOffice(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("opens LibreOffice")
	}
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("CI needs LibreOffice (soffice) for this test: .ci/run installs libreoffice-calc-nogui")
		}
		t.Skip("no LibreOffice (soffice) on the PATH")
	}
	return soffice
}

// openInSpreadsheet opens each CSV file in LibreOffice Calc, headless, its cells split on the
// character sep, and saves it again as CSV (comma-separated, each cell as shown) into out;
// it returns what LibreOffice said.
func openInSpreadsheet(t *testing.T, soffice, dir, out string, sep int, files ...string) []byte {
	t.Helper()
	args := []string{"-env:UserInstallation=file://" + filepath.Join(dir, "profile"), "--headless",
		fmt.Sprintf("--infilter=CSV:%d,34,76,1", sep),
		// Exported as shown: a formula that ran shows its value.
		"--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true", "--outdir", out}
	cmd := exec.Command(soffice, append(args, files...)...)
	cmd.Env = append(os.Environ(), "HOME="+dir)
	msg, err := cmd.CombinedOutput()
	require.NoError(t, err, "%s", msg)
	return msg
}

// TestREDCapDictionaryInASpreadsheet opens accountability's REDCap data dictionary (`export
// --format redcap`) in LibreOffice Calc, as a counselor checks it before uploading it
// (issue 28): the 18 standard columns, one row for the record id and one a field, each row
// as wide as the header, and the text of the questions intact.
func TestREDCapDictionaryInASpreadsheet(t *testing.T) {
	soffice := libreOffice(t)
	dir := t.TempDir()
	dict := filepath.Join(dir, "accountability.csv")
	run := runCandor(t, dir, "", "export", "accountability", "--format", "redcap", "-o", dict)
	require.Zero(t, run.code, run.errOut)
	out := filepath.Join(dir, "opened")
	msg := openInSpreadsheet(t, soffice, dir, out, 44, dict)
	f, err := os.Open(filepath.Join(out, "accountability.csv"))
	require.NoError(t, err, "LibreOffice wrote nothing: %s", msg)
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	require.NoError(t, err)
	require.NotEmpty(t, rows)
	assert.Equal(t, redcap.Header, rows[0], "the 18 standard columns, in REDCap's order")
	b, ds := data.LoadBank("accountability")
	require.NotNil(t, b, "%v", ds)
	fields := map[string]string{}
	for _, r := range rows[1:] {
		require.Len(t, r, len(redcap.Header), "row %v", r)
		fields[r[0]] = r[4]
	}
	assert.Contains(t, fields, "record_id")
	for _, q := range b.Questions {
		if assert.Contains(t, fields, q.ID, "question %s is a field", q.ID) && q.Type != questionnaire.Info {
			assert.Contains(t, fields[q.ID], firstWords(q.Text), "question %s keeps its words", q.ID)
		}
	}
}

// firstWords is the start of a text, up to its first line break or 30 bytes.
func firstWords(s string) string {
	s, _, _ = strings.Cut(s, "\n")
	if len(s) > 30 {
		s = s[:30]
	}
	return s
}
