package table

import (
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/candor-app/candor/questionnaire"
)

// TestDeclinedCells: a cell that says `declined` (or "rather not say") at a question that
// allows declining is no answer, listed as declined, apart from an empty cell; at a question
// that does not allow it, it is a bad cell.
func TestDeclinedCells(t *testing.T) {
	b, ds := questionnaire.Load("d.yaml", []byte("candor: 1\nid: d\nversion: 1.0.0\ntitle: D\nquestions:\n"+
		"  - {id: safe, text: \"Safe?\", decline: true}\n  - {id: mood, text: \"Mood?\", min: 1, max: 5, decline: true}\n  - {id: plain, text: \"Plain?\"}\n"))
	require.False(t, ds.HasErrors(), ds.Error())
	r, err := NewReader(strings.NewReader("safe,mood,plain\ndeclined,,yes\nyes,Rather not say,no\nyes,1,declined\n"), "t.csv", CSV, b, Options{})
	require.NoError(t, err)
	var rows []*Decoded
	for {
		row, err := r.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		require.NoError(t, err)
		rows = append(rows, r.Decode(row))
	}
	require.Len(t, rows, 3)
	require.Empty(t, rows[0].Problems)
	assert.Equal(t, []string{"safe"}, rows[0].Response.Declined)
	assert.Equal(t, map[string]any{"plain": true}, rows[0].Response.Answers)
	require.Empty(t, rows[1].Problems)
	assert.Equal(t, []string{"mood"}, rows[1].Response.Declined)
	require.Len(t, rows[2].Problems, 1)
	assert.Contains(t, rows[2].Problems[0].Error(), `t.csv:4:3: column "plain": "plain" takes yes or no, not "declined"`)
}
