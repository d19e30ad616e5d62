package benchdata

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/candor-app/candor/data"
	"github.com/candor-app/candor/questionnaire"
	"github.com/candor-app/candor/scoring"
)

// The generated bank is valid, has every question type, and its own test passes.
func TestBankLoads(t *testing.T) {
	for _, n := range []int{10, 120, 2000} {
		b, ds := questionnaire.Load("generated.yaml", Bank(n))
		require.NotNil(t, b, "%v", ds)
		assert.Empty(t, ds.Warnings(), "no warnings")
		assert.Len(t, b.Questions, n)
		types := map[questionnaire.QuestionType]bool{}
		for _, q := range b.Questions {
			types[q.Type] = true
		}
		assert.Len(t, types, 6, "every question type")
		for _, res := range scoring.RunTests(b) {
			assert.True(t, res.Pass, "%s: %v", res.Name, res.Failures)
		}
	}
}

// Responses are valid answers to their bank, for built-in and generated banks.
func TestResponsesResolve(t *testing.T) {
	gen, ds := questionnaire.Load("generated.yaml", Bank(100))
	require.NotNil(t, gen, "%v", ds)
	banks := []*questionnaire.Bank{gen}
	for _, id := range data.IDs() {
		b, ds := data.LoadBank(id)
		require.NotNil(t, b, "%v", ds)
		banks = append(banks, b)
	}
	for _, b := range banks {
		dir := t.TempDir()
		require.NoError(t, Responses(dir, b, 30, 7))
		names, err := filepath.Glob(filepath.Join(dir, "*.yaml"))
		require.NoError(t, err)
		require.Len(t, names, 30)
		for _, name := range names {
			st, err := os.Stat(name)
			require.NoError(t, err)
			assert.Equal(t, os.FileMode(0o600), st.Mode().Perm())
			r, ds := questionnaire.ReadResponseFile(name)
			require.NotNil(t, r, "%v", ds)
			answers, ds := r.Resolve(b)
			assert.False(t, ds.HasErrors(), "%s: %v", name, ds)
			assert.NotEmpty(t, answers)
		}
	}
	// The same seed gives the same file.
	b := banks[1]
	at := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	one, err := Response(rand.New(rand.NewPCG(3, 0)), b, at, 1)
	require.NoError(t, err)
	two, err := Response(rand.New(rand.NewPCG(3, 0)), b, at, 1)
	require.NoError(t, err)
	assert.Equal(t, string(one), string(two))
}
