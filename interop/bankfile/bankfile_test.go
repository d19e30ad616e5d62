package bankfile_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/candor-app/candor/data"
	"github.com/candor-app/candor/internal/testutil"
	"github.com/candor-app/candor/interop/bankfile"
	"github.com/candor-app/candor/questionnaire"
	"github.com/candor-app/candor/scoring"
)

// Every built-in bank, written back from its model, loads clean into the same bank and
// passes its own tests.
func TestFromBankRoundTripsEveryBuiltinBank(t *testing.T) {
	for _, id := range data.IDs() {
		t.Run(id, func(t *testing.T) {
			b, ds := data.LoadBank(id)
			require.False(t, ds.HasErrors(), "%v", ds)
			first := bankfile.FromBank(b)
			src, err := first.Marshal()
			require.NoError(t, err)
			again, ds := questionnaire.Load(id+".yaml", src)
			require.False(t, ds.HasErrors(), "%v\n%s", ds, src)
			assert.Equal(t, testutil.Plain(b, bankSkip...), testutil.Plain(again, bankSkip...))
			for _, r := range scoring.RunTests(again) {
				assert.True(t, r.Pass, "test %q: %v", r.Name, r)
			}
		})
	}
}

// bankSkip are the parts of a loaded bank that depend on its file, not on what it says (its
// Languages, on the translations beside it).
var bankSkip = []string{"Pos", "Src", "File", "Digest", "Section", "Languages"}
