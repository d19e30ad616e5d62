package questionnaire

import (
	"fmt"
	"strings"
	"testing"

	"github.com/candor-app/candor/questionnaire/cond"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// budgetBank is a bank with one flag whose `when` is cond, over a number answer n.
func budgetBank(cond string) string {
	return fmt.Sprintf(`candor: 1
id: budget
version: 1.0.0
title: Budget
questions:
  - {id: n, type: number, min: 0, max: 1000000000, text: N}
flags:
  - {id: f, level: note, title: F, text: F., when: %q}
`, cond)
}

// TestEvalBudget: a condition whose cost depends on an answer cannot be refused at load; it
// is stopped at the step or memory budget when it runs, and then does not hold (cond.ErrTooCostly).
// A condition within the budget is worked out as usual. Without the budget the first cases
// run for seconds to minutes (1000³ predicate calls take 25 s here) and the test times out.
func TestEvalBudget(t *testing.T) {
	cases := []struct {
		cond   string
		n      float64
		holds  bool
		costly bool
	}{
		{"let a = 1..int(n); all(a, {all(a, {all(a, {# > 0})})})", 1000, false, true},
		{"let a = 1..int(n); all(a, {all(a, {# > 0})})", 1000, false, true}, // 10⁶ calls
		{"count(1..int(n), # > 0) > 0", 1e9, false, true},                   // the range is past the memory budget
		{`len(reduce(1..int(n), #acc + #acc, "x")) > 0`, 1000, false, true}, // text doubling: charged as built
		{"len(map(1..int(n), #)) > 0", 99999999, false, true},
		// within the budget: worked out
		{"let a = 1..int(n); all(a, {all(a, {# > 0})})", 300, true, false}, // 90 300 calls
		{"count(1..int(n), # > 0) == n", 50000, true, false},
		{"n > 3", 5, true, false},
	}
	for _, c := range cases {
		t.Run(c.cond, func(t *testing.T) {
			b, ds := Load("b.yaml", []byte(budgetBank(c.cond)))
			require.NotNil(t, b, "%v", ds)
			x := b.Flags[0].When
			for range 2 { // the budget is per evaluation: a second one starts afresh
				ok, err := x.Eval(map[string]any{"n": c.n})
				assert.Equal(t, c.holds, ok)
				if c.costly {
					assert.ErrorIs(t, err, cond.ErrTooCostly)
				} else {
					assert.NoError(t, err)
				}
			}
		})
	}
}

// TestEvalBudgetUnnameable: the function that counts steps cannot be called by a bank.
func TestEvalBudgetUnnameable(t *testing.T) {
	b, ds := Load("b.yaml", []byte(budgetBank("__candor_step(n > 1)")))
	assert.Nil(t, b)
	require.True(t, ds.HasErrors())
	assert.Contains(t, ds.Errors()[0].Summary, "which is not a question, score or flag")
}

// TestCostProblem: what is refused at load, judged from the expression alone, and what is not.
func TestCostProblem(t *testing.T) {
	cases := []struct{ cond, msg string }{
		{"n in 1..10", ""},
		{"n in 1..10000", ""},
		{"n in 1..10001", "uses a range of 10,001 numbers (1..10001); a condition may use at most 10000"},
		{"n in -5..5", ""},
		{"all(1..300, {all(1..300, {# > 0})})", ""},
		{"all(1..400, {all(1..400, {# > 0})})", "would take about 160,400 steps to work out; candor stops a condition at 100000"},
		{"let a = 1..400; let b = a; all(a, {all(b, {# > 0})})", "would take about 160,400 steps to work out; candor stops a condition at 100000"},
		{"all(map(1..400, # * 2), {all(1..400, {# > 0})})", "would take about 160,800 steps to work out; candor stops a condition at 100000"},
		{"let a = 1..int(n); all(a, {all(a, {all(a, {# > 0})})})", ""}, // bounded when it runs
	}
	for _, c := range cases {
		t.Run(c.cond, func(t *testing.T) {
			b, ds := Load("b.yaml", []byte(budgetBank(c.cond)))
			if c.msg == "" {
				require.NotNil(t, b, "%v", ds)
				return
			}
			require.Nil(t, b)
			require.Len(t, ds.Errors(), 1, "%v", ds)
			assert.Equal(t, "the `when` of flag \"f\" "+c.msg, ds.Errors()[0].Summary)
		})
	}
}

// TestEvalBudgetKeepsPredicates: counting steps leaves every builtin with a predicate
// working as before (the count wraps each predicate's body).
func TestEvalBudgetKeepsPredicates(t *testing.T) {
	for _, cond := range []string{
		"all(1..3, {# > 0}) and any(1..3, {# == 2}) and none(1..3, {# > 3}) and one(1..3, {# == 1})",
		"len(filter(1..int(n), {# % 2 == 0})) == 5",
		"map(1..3, {# * 2}) == [2, 4, 6]",
		"count(1..10, {# > n / 2}) == 5",
		"sum(1..4, {# * 2}) == 20",
		"find(1..10, {# > 3}) == 4 and findIndex(1..10, {# > 3}) == 3 and findLast(1..10, {# < 3}) == 2",
		"reduce(1..4, #acc + #, 0) == 10",
		"sortBy([3, 1, 2], {-#}) == [3, 2, 1]",
		"len(groupBy(1..10, {# % 3})) == 3",
		"let xs = map(1..int(n), {# * 10}); xs[9] == 100",
	} {
		t.Run(cond, func(t *testing.T) {
			b, ds := Load("b.yaml", []byte(budgetBank(cond)))
			require.NotNil(t, b, "%v", ds)
			ok, err := b.Flags[0].When.Eval(map[string]any{"n": 10.0})
			require.NoError(t, err)
			assert.True(t, ok)
		})
	}
}

// TestMatchesWithAPatternFromAnAnswer: `matches` with a pattern an answer gives is bounded
// and charged: a long pattern, or more matching than an evaluation allows, does not hold
// (cond.ErrTooCostly); a pattern is compiled once for all evaluations, and a bad one is the
// condition's error (issue 22, docs/hostile-inputs.md).
func TestMatchesWithAPatternFromAnAnswer(t *testing.T) {
	conds := make([]string, 20)
	for i := range conds {
		conds[i] = fmt.Sprintf("  - {id: f%d, level: note, title: F, text: F., when: \"t matches p\"}", i)
	}
	src := `candor: 1
id: match
version: 1.0.0
title: Match
questions:
  - {id: t, type: text, text: T}
  - {id: p, type: text, text: P}
flags:
` + strings.Join(conds, "\n") + "\n"
	b, ds := Load("b.yaml", []byte(src))
	require.NotNil(t, b, "%v", ds)
	eval := func(text, pattern any) (bool, error) {
		var ok bool
		var err error
		for _, f := range b.Flags {
			if ok, err = f.When.Eval(map[string]any{"t": text, "p": pattern}); err != nil {
				return ok, err
			}
		}
		return ok, err
	}
	long := strings.Repeat("a", 9990)

	ok, err := eval("calm words", "w.rds")
	assert.NoError(t, err)
	assert.True(t, ok)
	ok, err = eval("calm", "^x")
	assert.NoError(t, err)
	assert.False(t, ok)

	_, err = eval(long, strings.Repeat("(a|aa)*", 1428)+"b") // 9,997 bytes of pattern
	assert.ErrorIs(t, err, cond.ErrTooCostly, "a pattern past the limit")
	_, err = eval(long+long, strings.Repeat("a?", 450)+"b") // within the length, past the work
	assert.ErrorIs(t, err, cond.ErrTooCostly, "matching past the budget")
	_, err = eval("x", "(")
	assert.ErrorContains(t, err, `the pattern "(" cannot be used`)
	_, err = eval(nil, "x")
	assert.Error(t, err, "a missing answer does not hold")
}
