package questionnaire

import (
	"testing"

	"github.com/candor-app/candor/questionnaire/cond"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestGrowthBuiltinsRefused: builtins that can build a huge string or list in one call, before
// expr charges its memory budget, are refused at load with a clear message (review finding 3:
// `len(repeat(repeat("ab", 100000), 1000000)) > 0` passed validate, then ran out of memory).
func TestGrowthBuiltinsRefused(t *testing.T) {
	for _, c := range []struct{ cond, name string }{
		{`n > 0 and len(repeat(repeat("ab", 100000), 1000000)) > 0`, "repeat"},
		{`len(replace("aa", "a", "aaaa")) > n`, "replace"},
		{`len(join(["a", "b"], "")) > n`, "join"},
		{`len(concat([1], [2])) > n`, "concat"},
		{`len(flatten([[1], [2]])) > n`, "flatten"},
		{`len(toJSON([1])) > n`, "toJSON"},
	} {
		t.Run(c.cond, func(t *testing.T) {
			b, ds := Load("b.yaml", []byte(budgetBank(c.cond)))
			require.True(t, b == nil, "%v", ds)
			require.Len(t, ds.Errors(), 1, "%v", ds)
			assert.Equal(t, "the `when` of flag \"f\" uses `"+c.name+"`, which is not available in candor expressions", ds.Errors()[0].Summary)
		})
	}
}

// TestStringGrowthStopped: strings built by `+` (doubling in a reduce or a chain of lets) are
// charged as they are built; past the budget the condition stops and does not hold.
// Before, `len(reduce(1..28, #acc + #acc, "ab")) > 0` ran 14 s and took 1.8 GB.
func TestStringGrowthStopped(t *testing.T) {
	for _, when := range []string{
		`len(reduce(1..int(n), #acc + #acc, "ab")) > 0`,
		`let a = "abababababababab" + "abababababababab"; let b = a + a; let c = b + b; let d = c + c; let e = d + d; let f = e + e; let g = f + f; let h = g + g; let i = h + h; let j = i + i; let k = j + j; let l = k + k; let m = l + l; let o = m + m; let p = o + o; let q = p + p; let r = q + q; let s = r + r; let t = s + s; let u = t + t; let v = u + u; let w = v + v; let x = w + w; let y = x + x; let z = y + y; len(z) > n`,
		`let a = reduce(1..20, #acc + #acc, "ab"); len(map(1..int(n), {upper(a)})) > 0`,
	} {
		t.Run(when[:20], func(t *testing.T) {
			b, ds := Load("b.yaml", []byte(budgetBank(when)))
			require.NotNil(t, b, "%v", ds)
			ok, err := b.Flags[0].When.Eval(map[string]any{"n": 1000.0})
			assert.False(t, ok)
			assert.ErrorIs(t, err, cond.ErrTooCostly)
		})
	}
	// Small strings are worked out as before.
	b, ds := Load("b.yaml", []byte(budgetBank(`len(reduce(1..3, #acc + #acc, "ab")) == n and upper("a") + "b" == "Ab"`)))
	require.NotNil(t, b, "%v", ds)
	ok, err := b.Flags[0].When.Eval(map[string]any{"n": 16.0})
	require.NoError(t, err)
	assert.True(t, ok)
}
