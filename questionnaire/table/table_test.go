package table

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/candor-app/candor/questionnaire"
)

func kinds(t testing.TB) *questionnaire.Bank {
	t.Helper()
	src, err := os.ReadFile(filepath.Join("testdata", "kinds.yaml"))
	require.NoError(t, err)
	b, ds := questionnaire.Load("kinds.yaml", src)
	require.False(t, ds.HasErrors(), ds.Error())
	return b
}

// readAll reads every row of a table and decodes it.
func readAll(t testing.TB, src string, f Format, opt Options) ([]*Decoded, error) {
	t.Helper()
	r, err := NewReader(strings.NewReader(src), "answers."+f.String(), f, kinds(t), opt)
	if err != nil {
		return nil, err
	}
	var out []*Decoded
	for {
		row, err := r.Next()
		if errors.Is(err, io.EOF) {
			return out, nil
		}
		if err != nil {
			return out, err
		}
		out = append(out, r.Decode(row))
	}
}

func TestHeadersMatchByIDNumberTextAndMapping(t *testing.T) {
	want := questionnaire.Answers{"safe": true, "mood": 2.0, "hope": 5.0}
	cases := []struct {
		name   string
		header string
		opt    Options
	}{
		{"ids", "safe,mood,hope", Options{}},
		{"ids in another case", "Safe, MOOD ,hope", Options{}},
		{"worksheet numbers", "1,2,6", Options{}},
		{"Q numbers", "Q1,q2,6.", Options{}},
		{"exact texts", `Do you feel safe?,How often have you felt low?,"How  hopeful are you?"`, Options{}},
		{"texts in another case", `do you feel safe?,HOW OFTEN HAVE YOU FELT LOW?,How hopeful are you?`, Options{}},
		{"mapping", "Q1_SAFE,Q2_MOOD,Q6_HOPE", Options{Columns: &Mapping{Columns: map[string]string{"Q1_SAFE": "safe", "Q2_MOOD": "mood", "Q6_HOPE": "hope"}}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			rows, err := readAll(t, c.header+"\nyes,2,5\n", CSV, c.opt)
			require.NoError(t, err)
			require.Len(t, rows, 1)
			require.Empty(t, rows[0].Problems)
			got, ds := rows[0].Response.Resolve(kinds(t))
			require.Empty(t, ds)
			assert.Equal(t, want, got)
		})
	}
}

func TestUnknownColumnsAreErrorsWithTheNearestID(t *testing.T) {
	_, err := readAll(t, "safe,mod,Comments,hope\n", CSV, Options{})
	var ds questionnaire.Diagnostics
	require.ErrorAs(t, err, &ds)
	require.Len(t, ds, 2)
	assert.Equal(t, "answers.csv:1:2: column \"mod\" is not a question of bank \"kinds\"", ds[0].Error())
	assert.Contains(t, ds[0].Hint, "did you mean `mood`?")
	assert.Equal(t, questionnaire.Pos{File: "answers.csv", Line: 1, Col: 3}, ds[1].Pos)

	// --ignore-columns leaves them out.
	rows, err := readAll(t, "safe,mod,Comments,hope\nyes,x,y,3\n", CSV, Options{Ignore: []string{"mod", "comments"}})
	require.NoError(t, err)
	require.Empty(t, rows[0].Problems)
	assert.Equal(t, map[string]any{"safe": true, "hope": 3.0}, rows[0].Response.Answers)
}

func TestTwoColumnsForOneQuestionAreAnError(t *testing.T) {
	_, err := readAll(t, "safe,1\n", CSV, Options{})
	require.Error(t, err)
	assert.Contains(t, err.Error(), `answers.csv:1:2: column 2 ("1") answers "safe", as column 1 does already`)
}

func TestExtraColumns(t *testing.T) {
	rows, err := readAll(t, "Respondent,started,updated,safe\nAlex,2026-11-01T09:00:00Z,2026-11-01 09:05:00,no\n", CSV, Options{})
	require.NoError(t, err)
	require.Empty(t, rows[0].Problems)
	r := rows[0].Response
	assert.Equal(t, "Alex", r.Respondent)
	assert.Equal(t, "2026-11-01T09:00:00Z", r.Started.Format("2006-01-02T15:04:05Z07:00"))
	assert.Equal(t, "2026-11-01T09:05:00Z", r.Updated.Format("2006-01-02T15:04:05Z07:00"))
	assert.Equal(t, "Alex", rows[0].Label())

	rows, err = readAll(t, "id,safe\nP-17,yes\n,no\n", CSV, Options{})
	require.NoError(t, err)
	assert.Equal(t, "P-17", rows[0].Label())
	assert.Equal(t, "row 3", rows[1].Label(), "without a respondent a row is named by its line")
}

// Every answer word --answers accepts works in a cell.
func TestAnswerWords(t *testing.T) {
	cases := []struct {
		col, cell string
		want      any
	}{
		{"safe", "yes", true}, {"safe", "Y", true}, {"safe", "true", true}, {"safe", "no", false}, {"safe", "n", false}, {"safe", "FALSE", false},
		{"mood", "2", 2.0}, {"mood", "Nearly every day", 2.0}, {"mood", "nearly every day", 2.0}, {"mood", " 0 ", 0.0},
		{"colour", "red", "red"}, {"colour", "Light blue", "light_blue"}, {"colour", "light_blue", "light_blue"},
		{"helps", "walks", []any{"walks"}}, {"helps", "walks;music", []any{"walks", "music"}}, {"helps", "Friends; Going for walks", []any{"friends", "walks"}},
		{"hope", "7", 7.0}, {"hope", "Completely", 7.0}, {"hope", "not at all", 1.0},
		{"hours", "7.5", 7.5}, {"hours", "0", 0.0},
		{"note", "  keeps its spaces ", "  keeps its spaces "}, {"note", "a, b; c", "a, b; c"},
	}
	for _, c := range cases {
		t.Run(c.col+"="+c.cell, func(t *testing.T) {
			rows, err := readAll(t, c.col+"\n\""+c.cell+"\"\n", CSV, Options{})
			require.NoError(t, err)
			require.Empty(t, rows[0].Problems)
			assert.Equal(t, c.want, rows[0].Response.Answers[c.col])
		})
	}
}

func TestEmptyCellsAreUnanswered(t *testing.T) {
	rows, err := readAll(t, "safe,mood,helps\n,, \n", CSV, Options{})
	require.NoError(t, err)
	require.Empty(t, rows[0].Problems)
	assert.Empty(t, rows[0].Response.Answers)
}

func TestBadCellsNameRowAndColumnAndWhatIsAllowed(t *testing.T) {
	src := "safe,mood,hope,hours\nyes,1,4,8\nmaybe,5,4,8\nyes,1,9,-1\nyes,1\n"
	rows, err := readAll(t, src, CSV, Options{})
	require.NoError(t, err)
	require.Len(t, rows, 4)
	assert.Empty(t, rows[0].Problems)
	assert.NotNil(t, rows[0].Response)

	require.Len(t, rows[1].Problems, 2)
	assert.Nil(t, rows[1].Response, "a row with a bad cell is left out")
	assert.Equal(t, "answers.csv:3:1: column \"safe\": \"safe\" takes yes or no, not \"maybe\"", rows[1].Problems[0].Error())
	assert.NotEmpty(t, rows[1].Problems[0].Hint)
	assert.Equal(t, 2, rows[1].Problems[1].Pos.Col)

	require.Len(t, rows[2].Problems, 2)
	assert.Equal(t, questionnaire.Pos{File: "answers.csv", Line: 4, Col: 3}, rows[2].Problems[0].Pos)
	assert.Contains(t, rows[2].Problems[1].Summary, "outside the range")

	require.Len(t, rows[3].Problems, 1)
	assert.Contains(t, rows[3].Problems[0].Summary, "this row has 2 cells; the header has 4 columns")
}

func TestBOMCRLFAndQuotedNewlines(t *testing.T) {
	src := "\ufeffsafe,note,hope\r\nyes,\"two\r\nlines, and \"\"quotes\"\"\",3\r\nno,,4\r\n"
	rows, err := readAll(t, src, CSV, Options{})
	require.NoError(t, err)
	require.Len(t, rows, 2)
	require.Empty(t, rows[0].Problems)
	assert.Equal(t, "two\nlines, and \"quotes\"", rows[0].Response.Answers["note"])
	assert.Equal(t, 2, rows[0].Row.Line)
	assert.Equal(t, 4, rows[1].Row.Line, "a row after a quoted line break keeps its own line number")
	assert.Equal(t, false, rows[1].Response.Answers["safe"])
}

func TestTSV(t *testing.T) {
	rows, err := readAll(t, "safe\tnote\tcolour\nyes\tsaid \"hi\", then left\tLight blue\n", TSV, Options{})
	require.NoError(t, err)
	require.Empty(t, rows[0].Problems)
	assert.Equal(t, `said "hi", then left`, rows[0].Response.Answers["note"])
	assert.Equal(t, "light_blue", rows[0].Response.Answers["colour"])
}

func TestJSONLines(t *testing.T) {
	src := `{"respondent": "Sam", "safe": true, "mood": 1, "helps": ["walks", "Music"], "note": null}` + "\n\n" +
		`{"safe": "no", "hope": "7"}` + "\n" +
		`not json` + "\n" +
		`{"safe": {"x": 1}, "moood": 2}` + "\n"
	r, err := NewReader(strings.NewReader(src), "answers.jsonl", JSONL, kinds(t), Options{})
	require.NoError(t, err)
	row, err := r.Next()
	require.NoError(t, err)
	d := r.Decode(row)
	require.Empty(t, d.Problems)
	assert.Equal(t, "Sam", d.Response.Respondent)
	assert.Equal(t, map[string]any{"safe": true, "mood": 1.0, "helps": []any{"walks", "music"}}, d.Response.Answers)

	row, err = r.Next()
	require.NoError(t, err)
	assert.Equal(t, 3, row.Line, "blank lines are passed over but counted")
	d = r.Decode(row)
	require.Empty(t, d.Problems)
	assert.Equal(t, map[string]any{"safe": false, "hope": 7.0}, d.Response.Answers)

	row, err = r.Next()
	require.NoError(t, err)
	d = r.Decode(row)
	require.Len(t, d.Problems, 1)
	assert.Equal(t, "answers.jsonl:4:1: this line is not a JSON object of answers", d.Problems[0].Error())
	assert.Equal(t, CodeNotObject, d.Problems[0].Code)

	row, err = r.Next()
	require.NoError(t, err, "reading goes on after a bad line")
	d = r.Decode(row)
	require.Len(t, d.Problems, 2)
	all := d.Problems[0].Summary + "|" + d.Problems[1].Summary
	assert.Contains(t, all, `column "safe": an answer is a string, a number, true or false, or a list of them`)
	assert.Contains(t, all, `column "moood" is not a question of bank "kinds"`)
}

func TestBrokenQuoteIsAnErrorWithItsLine(t *testing.T) {
	rows, err := readAll(t, "safe,note\nyes,ok\nno,\"never closed\n", CSV, Options{})
	require.NoError(t, err)
	require.Len(t, rows, 2)
	require.Len(t, rows[1].Problems, 1)
	assert.Equal(t, "answers.csv:3:2: cell 2 opens a quote that is never closed", rows[1].Problems[0].Error())
}

func TestEmptyTable(t *testing.T) {
	_, err := readAll(t, "", CSV, Options{})
	require.Error(t, err)
	assert.Contains(t, err.Error(), "answers.csv:1:1: the table is empty")
	rows, err := readAll(t, "", JSONL, Options{})
	require.NoError(t, err)
	assert.Empty(t, rows)
}

func TestMappingFile(t *testing.T) {
	b := kinds(t)
	m, err := ReadMapping([]byte(`
columns:
  "Q1 (safe?)": safe
  " Mood ": mood
  Notes: ""
  Submitted: updated
options:
  safe: {"1": yes, "2": no}
  mood: {never: 0, sometimes: 1, often: 2}
`), b)
	require.NoError(t, err)
	rows, err := readAll(t, "Q1 (safe?),Mood,Notes,Submitted\n2,Often,whatever,2026-11-01\n", CSV, Options{Columns: m})
	require.NoError(t, err)
	require.Empty(t, rows[0].Problems)
	assert.Equal(t, map[string]any{"safe": false, "mood": 2.0}, rows[0].Response.Answers)

	for _, bad := range []string{
		"columns: {a: b}\nextra: 1\n",
		"options: {nope: {a: 1}}\n",
		"options: {mood: {a: 9}}\n",
	} {
		_, err := ReadMapping([]byte(bad), b)
		assert.Error(t, err, bad)
	}
	_, err = readAll(t, "X\n", CSV, Options{Columns: &Mapping{Columns: map[string]string{"X": "saf"}}})
	require.Error(t, err)
	assert.Contains(t, err.Error(), `the mapping sends column "X" to "saf", which is not a question of bank "kinds"`)
}

func TestFormats(t *testing.T) {
	for name, want := range map[string]Format{"a.csv": CSV, "b.TSV": TSV, "c.jsonl": JSONL, "d.ndjson": JSONL} {
		f, ok := FormatOf(name)
		assert.True(t, ok, name)
		assert.Equal(t, want, f, name)
	}
	for _, name := range []string{"a.yaml", "b", "c.txt"} {
		_, ok := FormatOf(name)
		assert.False(t, ok, name)
	}
}

// The cell cache never lets two rows share one multi answer's list.
func TestCachedMultiAnswersAreNotShared(t *testing.T) {
	rows, err := readAll(t, "helps\nwalks;music\nwalks;music\n", CSV, Options{})
	require.NoError(t, err)
	a := rows[0].Response.Answers["helps"].([]any)
	a[0] = "changed"
	assert.Equal(t, []any{"walks", "music"}, rows[1].Response.Answers["helps"])
}

// Worksheet numbers skip info statements, as `candor show` numbers questions.
func TestWorksheetNumbersSkipStatements(t *testing.T) {
	b, ds := questionnaire.Load("info.yaml", []byte(`candor: 1
id: info
version: 1.0.0
title: Info
questions:
  - {id: want, text: "Do you want this?"}
  - {id: note, type: info, text: "Take a breath."}
  - {id: feel_safe, text: "Do you feel safe?"}
  - {id: hurt, text: "Were you hurt?"}
`))
	require.False(t, ds.HasErrors(), ds.Error())
	r, err := NewReader(strings.NewReader("Q1,2,Q3\nyes,yes,no\n"), "t.csv", CSV, b, Options{})
	require.NoError(t, err)
	row, err := r.Next()
	require.NoError(t, err)
	d := r.Decode(row)
	require.Empty(t, d.Problems)
	assert.Equal(t, map[string]any{"want": true, "feel_safe": true, "hurt": false}, d.Response.Answers)

	_, err = NewReader(strings.NewReader("4\n"), "t.csv", CSV, b, Options{})
	assert.Error(t, err, "there is no question 4 on the worksheet")
}

// Two JSON keys for one question are refused, as two CSV columns are, whatever their order.
func TestJSONTwoKeysForOneQuestion(t *testing.T) {
	for range 20 {
		rows, err := readAll(t, `{"safe": "no", "Do you feel safe?": "yes", "mood": 1}`+"\n", JSONL, Options{})
		require.NoError(t, err)
		require.Len(t, rows[0].Problems, 1)
		assert.Equal(t, `keys "Do you feel safe?" and "safe" both answer "safe"`, rows[0].Problems[0].Summary)
		assert.Nil(t, rows[0].Response)
	}
}

// TestTimesPastTheYear9999AreRefused: a started or updated cell candor could not write back
// (past 9999 in UTC) is a bad cell, not a time.
func TestTimesPastTheYear9999AreRefused(t *testing.T) {
	_, ok := parseTime("9999-12-31T23:00:00-05:00")
	assert.False(t, ok)
	tm, ok := parseTime("9999-12-31T18:00:00-05:00")
	assert.True(t, ok)
	assert.Equal(t, 9999, tm.Year())
}

// TestFormToolColumns: the columns Google Forms and Microsoft Forms add are recognised (the
// respondent from an email address, or a name where there is none; started and updated from
// their times; ID as the respondent id) and the rest are left out, for the caller to note.
func TestFormToolColumns(t *testing.T) {
	cases := []struct {
		name, src        string
		respondent       string
		started, updated string
		notes            []string
	}{
		{"Google Forms", "Timestamp,Email Address,safe,hope\n11/27/2026 9:05:10,sam@example.org,yes,3\n",
			"sam@example.org", "", "2026-11-27T09:05:10Z", nil},
		{"Google Forms quiz", "Timestamp,Email Address,Total points,safe,hope\n2026-11-27 09:05:10,sam@example.org,3,yes,3\n",
			"sam@example.org", "", "2026-11-27T09:05:10Z", []string{"Total points"}},
		{"Microsoft Forms", "ID,Start time,Completion time,Email,Name,Last modified time,safe,hope\n7,11/27/26 9:00:00,11/27/26 9:05:10,anonymous,Sam,,yes,3\n",
			"anonymous", "2026-11-27T09:00:00Z", "2026-11-27T09:05:10Z", []string{"Name", "Last modified time"}},
		{"Microsoft Forms with a name only", "ID,Start time,Completion time,Name,safe,hope\n7,11/27/26 9:00:00,11/27/26 9:05:10,Sam,yes,3\n",
			"Sam", "2026-11-27T09:00:00Z", "2026-11-27T09:05:10Z", nil},
		{"an ID alone", "ID,safe,hope\n7,yes,3\n", "7", "", "", nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r, err := NewReader(strings.NewReader(tc.src), "form.csv", CSV, kinds(t), Options{})
			require.NoError(t, err)
			assert.Equal(t, tc.notes, r.FormNotes())
			row, err := r.Next()
			require.NoError(t, err)
			d := r.Decode(row)
			require.Empty(t, d.Problems)
			assert.Equal(t, tc.respondent, d.Response.Respondent)
			assert.Equal(t, map[string]any{"safe": true, "hope": 3.0}, d.Response.Answers)
			if tc.started != "" {
				assert.Equal(t, tc.started, d.Response.Started.Format(time.RFC3339))
			}
			if tc.updated != "" {
				assert.Equal(t, tc.updated, d.Response.Updated.Format(time.RFC3339))
			}
		})
	}
}
