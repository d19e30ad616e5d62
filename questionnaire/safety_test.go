package questionnaire

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// An urgent flag over a score that lets items be missing gets a warning: a skipped safety
// question could keep the flag down (review finding 1).
func TestUrgentFlagOverLenientScoreWarns(t *testing.T) {
	const bank = `candor: 1
id: safety-score
version: 1.0.0
title: Safety through a score
questions:
  - {id: safe_home, text: "Afraid at home?"}
  - {id: safe_out, text: "Afraid outside?"}
scores:
  - {id: danger, label: Danger, items: [safe_home, safe_out]%s}
flags:
  - {id: unsafe, when: danger >= 1, level: urgent, title: Safety, text: help}
  - {id: watch, when: danger >= 1, level: warning, title: Watch, text: watch}
`
	for _, tc := range []struct {
		extra string
		warns bool
	}{
		{"", false},
		{", max_missing: 1", true},
		{", max_missing: 1, missing: lowest", true},
		{", missing: prorate", false},
	} {
		t.Run(tc.extra, func(t *testing.T) {
			b, ds := Load("b.yaml", []byte(fmt.Sprintf(bank, tc.extra)))
			require.NotNil(t, b, "%v", ds)
			var found []Diagnostic
			for _, d := range ds {
				if d.Severity == Warning && strings.Contains(d.Summary, "urgent flag") {
					found = append(found, d)
				}
			}
			if !tc.warns {
				assert.Empty(t, found)
				return
			}
			require.Len(t, found, 1, "only the urgent flag: %v", ds)
			assert.Contains(t, found[0].Summary, `urgent flag "unsafe" depends on score "danger"`)
			assert.Equal(t, 11, found[0].Pos.Line, "at the flag")
		})
	}
}
