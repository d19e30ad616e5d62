package questionnaire

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// For the tests outside the package (package questionnaire_test), which print diagnostics
// with questionnaire/diagtext, itself importing questionnaire.

// MaxDiagnostics is maxDiagnostics.
const MaxDiagnostics = maxDiagnostics

// CheckInvariants is checkInvariants.
var CheckInvariants = checkInvariants

// checkInvariants holds for every diagnostic of every load: it names the file, a line is at
// least 1 and comes with a column of at least 1, and the text is not empty.
func checkInvariants(t testing.TB, name string, ds Diagnostics) {
	t.Helper()
	for _, d := range ds {
		assert.Equal(t, name, d.Pos.File, "%v", d)
		assert.GreaterOrEqual(t, d.Pos.Line, 0, "%v", d)
		if d.Pos.Line > 0 {
			assert.GreaterOrEqual(t, d.Pos.Col, 1, "a diagnostic with a line has a column: %v", d)
		}
		assert.NotEmpty(t, d.Summary, "%v", d)
	}
}
