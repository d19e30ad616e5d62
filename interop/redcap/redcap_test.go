package redcap_test

import (
	"bytes"
	"encoding/csv"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/candor-app/candor/data"
	"github.com/candor-app/candor/internal/testutil"
	"github.com/candor-app/candor/interop/redcap"
	"github.com/candor-app/candor/questionnaire"
)

func dictionary(t *testing.T, b *questionnaire.Bank) [][]string {
	t.Helper()
	var buf bytes.Buffer
	require.NoError(t, redcap.Write(&buf, b))
	rows, err := csv.NewReader(&buf).ReadAll()
	require.NoError(t, err)
	return rows
}

// The dictionary of accountability, as the golden file shows it.
func TestAccountabilityGolden(t *testing.T) {
	b, ds := data.LoadBank("accountability")
	require.False(t, ds.HasErrors())
	var buf bytes.Buffer
	require.NoError(t, redcap.Write(&buf, b))
	testutil.Golden(t, filepath.Join("testdata", "accountability.csv"), buf.Bytes())
}

// Every built-in bank: the 18 columns on every row, record_id first, then a field for every
// question in order, a descriptive field for every flag and a calc field for every score;
// every name a REDCap variable name, used once.
func TestEveryBuiltinBank(t *testing.T) {
	for _, id := range data.IDs() {
		t.Run(id, func(t *testing.T) {
			b, _ := data.LoadBank(id)
			rows := dictionary(t, b)
			assert.Equal(t, redcap.Header, rows[0])
			require.Len(t, rows, 2+len(b.Questions)+len(b.Flags)+len(b.Scores))
			assert.Equal(t, redcap.RecordID, rows[1][0])
			seen := map[string]bool{}
			var questions []string
			for _, r := range rows[1:] {
				require.Len(t, r, 18)
				assert.Regexp(t, `^[a-z][a-z0-9_]*$`, r[0])
				assert.False(t, seen[r[0]], "%s twice", r[0])
				seen[r[0]] = true
				if b.Question(r[0]) != nil {
					questions = append(questions, r[0])
				}
			}
			var want []string
			for _, q := range b.Questions {
				want = append(want, q.ID)
			}
			assert.Equal(t, want, questions)
			for _, f := range b.Flags {
				assert.True(t, seen[redcap.FlagField(f.ID)], f.ID)
			}
		})
	}
}

// Conditions REDCap can say become branching logic; the others are a note.
func TestBranching(t *testing.T) {
	b, ds := questionnaire.Load("b.yaml", []byte(`candor: 1
id: b
version: 1.0.0
title: B
questions:
  - {id: safe, text: "Safe?"}
  - {id: mood, text: Mood, type: scale, min: 1, max: 7}
  - {id: often, text: Often, choices: [{value: never, label: Never, score: 0}, {value: often, label: Often, score: 1}]}
  - {id: who, text: Who, type: multi, choices: [{value: 1, label: Friend}, {value: 2, label: Family}]}
  - {id: note, text: Note, type: text, required: false}
scores:
  - {id: total, label: Total, items: [mood, often], bands: [{label: All}]}
flags:
  - {id: low, when: mood <= 2, title: Low}
`))
	require.False(t, ds.HasErrors(), "%v", ds)
	tests := []struct{ when, want string }{
		{"safe", "[safe] = '1'"},
		{"not safe", "[safe] = '0'"},
		{"safe == false", "[safe] = '0'"},
		{"mood > 3", "[mood] > 3"},
		{"mood == 3", "[mood] = '3'"},
		{"mood != nil", "[mood] <> ''"},
		{`often == "often"`, "[often] = 'often'"},
		{`often != "never"`, "[often] <> 'never'"},
		{"2 in who", "[who(2)] = '1'"},
		{"total >= 2", "[total] >= 2"},
		{"safe and mood < 3", "([safe] = '1') and ([mood] < 3)"},
		{"safe or mood < 3", "([safe] = '1') or ([mood] < 3)"},
		{"low", ""},
		{"len(note) > 3", ""},
		{"mood + 1 > 3", ""},
	}
	for _, tt := range tests {
		t.Run(tt.when, func(t *testing.T) {
			got, ok := redcap.Branching(b, (&questionnaire.Expr{Source: tt.when}).Condition())
			if tt.want == "" {
				assert.False(t, ok, got)
				return
			}
			assert.True(t, ok)
			assert.Equal(t, tt.want, got)
		})
	}
}

// A question's condition REDCap cannot say is a note in the annotation, and the field has
// no branching logic; a flag's hides its field (@HIDDEN) and says when candor raises it.
func TestConditionREDCapCannotSay(t *testing.T) {
	b, ds := questionnaire.Load("c.yaml", []byte(`candor: 1
id: c
version: 1.0.0
title: C
questions:
  - {id: note, text: Note, type: text}
  - {id: more, text: More, type: text, when: len(note) > 3}
flags:
  - {id: long, when: len(note) > 100, title: Long, level: note}
`))
	require.False(t, ds.HasErrors(), "%v", ds)
	rows := dictionary(t, b)
	byName := map[string][]string{}
	for _, r := range rows {
		byName[r[0]] = r
	}
	assert.Empty(t, byName["more"][11])
	assert.Equal(t, "candor asks this only when: len(note) > 3", byName["more"][17])
	assert.Empty(t, byName["flag_long"][11])
	assert.Contains(t, byName["flag_long"][17], "@HIDDEN")
	assert.Contains(t, byName["flag_long"][17], "len(note) > 100")
}
