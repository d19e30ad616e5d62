package engine

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// privateBank raises a warning (being checked on), a note shown at once, and a note kept for
// the end.
const privateBank = `candor: 1
id: private-flags
version: 1.0.0
title: Private flags
questions:
  - {id: checked, text: "Checked on?"}
  - {id: heavy, text: "Too much?"}
  - {id: rested, text: "Rested?"}
flags:
  - {id: checking, when: checked == true, level: warning, title: Checked, text: Checked.}
  - {id: too_much, when: heavy == true, level: note, show: at_once, title: Breathe, text: Breathe.}
  - {id: tired, when: rested == false, level: note, title: Rest, text: Rest.}
`

// TestEndSaysWhenPrivate: the end screen says the answers may be private (any flag that is
// not a note kept for the end: urgent, a warning, one shown at once), so the page speaks of
// the Downloads folder and does not press the download.
func TestEndSaysWhenPrivate(t *testing.T) {
	for _, tc := range []struct {
		name    string
		answers []string
		want    bool
	}{
		{"nothing raised", []string{"no", "no", "yes"}, false},
		{"a warning", []string{"yes", "no", "yes"}, true},
		{"a note shown at once", []string{"no", "yes", "yes"}, true},
		{"a note at the end", []string{"no", "no", "no"}, false},
	} {
		for _, noSummary := range []bool{false, true} {
			e, err := New("private.yaml", []byte(privateBank), Options{NoSummary: noSummary}, now)
			require.NoError(t, err)
			call(t, e, "begin", nil)
			for _, a := range tc.answers {
				if r := call(t, e, "answer", map[string]string{"text": a}); r.View.Screen == ScreenFlags {
					call(t, e, "ack", nil)
				}
			}
			r := call(t, e, "summary", nil)
			require.Equal(t, ScreenEnd, r.View.Screen, tc.name)
			assert.Equal(t, tc.want, r.View.End.Private, "%s (no summary: %v)", tc.name, noSummary)
		}
	}

	// An urgent flag of a built-in bank.
	e := newEngine(t, "trust-readiness", Options{})
	call(t, e, "begin", nil)
	call(t, e, "answer", map[string]string{"text": "no"})
	assert.True(t, call(t, e, "summary", nil).View.End.Private)
}
