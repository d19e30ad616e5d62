package data_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/candor-app/candor/data"
)

func TestLoadBankAcceptsBuiltinIDsInAnyCase(t *testing.T) {
	for _, name := range []string{"accountability", "Accountability", "ACCOUNTABILITY", "Trust-Readiness"} {
		b, ds := data.LoadBank(name)
		require.NotNil(t, b, "%s: %v", name, ds)
	}
	id, ok := data.BuiltinID("What-Trust-Is")
	assert.True(t, ok)
	assert.Equal(t, "what-trust-is", id)
	_, ok = data.BuiltinID("banks/accountability")
	assert.False(t, ok)
}

func TestLoadBankSuggestsTheNearestID(t *testing.T) {
	tests := []struct{ name, hint string }{
		{"acountability", "did you mean `accountability`?"},
		{"Trust-Readyness", "did you mean `trust-readiness`?"},
		{"something-else", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, ds := data.LoadBank(tt.name)
			require.Nil(t, b)
			require.Len(t, ds, 1)
			assert.Contains(t, ds[0].Summary, "no built-in bank of that name")
			assert.Contains(t, ds[0].Hint, "built-in banks: ")
			if tt.hint == "" {
				assert.NotContains(t, ds[0].Hint, "did you mean")
			} else {
				assert.Contains(t, ds[0].Hint, tt.hint)
			}
		})
	}
}
