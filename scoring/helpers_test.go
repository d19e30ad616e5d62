package scoring

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/candor-app/candor/questionnaire"
)

// loadInstrument loads one of the published instruments in testdata/instruments.
func loadInstrument(t testing.TB, file string) *questionnaire.Bank {
	t.Helper()
	b, ds := questionnaire.LoadFile("testdata/instruments/" + file)
	require.NotNil(t, b, "%s does not load:\n%v", file, ds)
	require.False(t, ds.HasErrors(), "%v", ds)
	return b
}

// loadBank loads a bank written inline in a test.
func loadBank(t testing.TB, src string) *questionnaire.Bank {
	t.Helper()
	b, ds := questionnaire.Load("inline.yaml", []byte(src))
	require.NotNil(t, b, "the test bank does not load:\n%v", ds)
	require.False(t, ds.HasErrors(), "%v", ds)
	return b
}

// answersOf turns per-item values into answers to ids prefix1..prefixN; -1 leaves an item
// unanswered.
func answersOf(prefix string, values ...int) questionnaire.Answers {
	a := questionnaire.Answers{}
	for i, v := range values {
		if v >= 0 {
			a[prefix+itoa(i+1)] = float64(v)
		}
	}
	return a
}

func itoa(i int) string {
	if i < 10 {
		return string(rune('0' + i))
	}
	return itoa(i/10) + string(rune('0'+i%10))
}

// scoreByID finds a score's result.
func scoreByID(t testing.TB, r *Result, id string) ScoreResult {
	t.Helper()
	for _, s := range r.Scores {
		if s.ID == id {
			return s
		}
	}
	t.Fatalf("no score %q in the result", id)
	return ScoreResult{}
}

// num is a pointer to f, for expected values; nil means "no value".
func num(f float64) *float64 { return &f }

// str is a pointer to s, for expected bands; nil means "no band".
func str(s string) *string { return &s }

// checkScore asserts a score's value (within 1e-9) and band; nil means none.
func checkScore(t testing.TB, r *Result, id string, value *float64, band *string) {
	t.Helper()
	s := scoreByID(t, r, id)
	if value == nil {
		require.Nil(t, s.Value, "score %s: expected no value, got %v", id, s.Value)
	} else {
		require.NotNil(t, s.Value, "score %s: expected %v, got no value (%d of %d answered)", id, *value, s.Answered, s.Items)
		require.InDelta(t, *value, *s.Value, 1e-9, "score %s", id)
	}
	if band == nil {
		require.Nil(t, s.Band, "score %s: expected no band", id)
	} else {
		require.NotNil(t, s.Band, "score %s: expected band %q, got none", id, *band)
		require.Equal(t, *band, *s.Band, "band of score %s (value %v)", id, value)
	}
}

func flagIDs(r *Result) []string {
	ids := []string{}
	for _, f := range r.Flags {
		ids = append(ids, f.ID)
	}
	return ids
}
