package change

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/candor-app/candor/questionnaire"
)

func f(v float64) *float64 { return &v }

// depression is a lower-is-better score: SD 7.5, r 0.88, so SEdiff = 7.5 · √2 · √0.12 =
// 3.6742; functional group 8 (SD 6), dysfunctional 28 (SD 8), so c = (6·28 + 8·8) / 14 =
// 16.5714.
func depression() *questionnaire.Change {
	return &questionnaire.Change{Reliability: 0.88, SD: 7.5, Better: questionnaire.BetterLower,
		Clinical: &questionnaire.Clinical{Functional: questionnaire.Norm{Mean: 8, SD: 6}, Dysfunctional: questionnaire.Norm{Mean: 28, SD: 8}}}
}

// trust is a higher-is-better score with a cut-off given: SD 1, r 0.5, SEdiff = √2 · √0.5 = 1.
func trust() *questionnaire.Change {
	return &questionnaire.Change{Reliability: 0.5, SD: 1, Better: questionnaire.BetterHigher, Cutoff: f(4)}
}

func TestClinicalCutoff(t *testing.T) {
	c, ok := Cutoff(depression())
	require.True(t, ok)
	assert.InDelta(t, 16.5714, c, 1e-4)
	c, ok = Cutoff(trust())
	require.True(t, ok)
	assert.InDelta(t, 4.0, c, 0)
	_, ok = Cutoff(&questionnaire.Change{Better: "higher"})
	assert.False(t, ok)
}

func TestBetween(t *testing.T) {
	tests := []struct {
		name    string
		c       *questionnaire.Change
		x1, x2  float64
		rci     float64
		cat     Category
		crossed bool
	}{
		{"lower is better, a reliable fall above the cut-off", depression(), 30, 20, -2.7217, ReliableImprovement, false},
		{"lower is better, a fall across the cut-off", depression(), 30, 14, -4.3546, Recovered, true},
		{"lower is better, a rise is deterioration", depression(), 14, 24, 2.7217, ReliableDeterioration, true},
		{"lower is better, too small to be reliable", depression(), 20, 15, -1.3608, NoReliableChange, true},
		{"higher is better, crossing without reliable change", trust(), 3.5, 4.5, 1, NoReliableChange, true},
		{"higher is better, recovered", trust(), 2, 5, 3, Recovered, true},
		{"higher is better, deterioration across the cut-off", trust(), 5, 2, -3, ReliableDeterioration, true},
		{"a value at the cut-off is not past it", trust(), 1, 4, 3, ReliableImprovement, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, ok := Between(tt.c, tt.x1, tt.x2)
			require.True(t, ok)
			assert.InDelta(t, tt.rci, s.RCI, 1e-4)
			assert.Equal(t, tt.cat, s.Category)
			assert.Equal(t, tt.crossed, s.CrossedCutoff)
		})
	}
	_, ok := Between(&questionnaire.Change{Better: "higher", Cutoff: f(3)}, 1, 5)
	assert.False(t, ok, "no reliability, no judgement")
}

func TestCategorizeAtTheCriterion(t *testing.T) {
	assert.Equal(t, NoReliableChange, categorize(1.96, "higher", true), "|RCI| must be above 1.96")
	assert.Equal(t, NoReliableChange, categorize(-1.96, "lower", true))
	assert.Equal(t, Recovered, categorize(1.9601, "higher", true))
	assert.Equal(t, ReliableDeterioration, categorize(1.9601, "lower", true))
}

func TestSeriesSkipsLeftOut(t *testing.T) {
	pts := []Point{{Value: f(2)}, {Value: f(6), LeftOut: true}, {Value: nil}, {Value: f(3)}, {Value: f(5)}}
	got := Series(trust(), pts)
	assert.Nil(t, got[0].FromFirst)
	assert.Nil(t, got[1].FromFirst, "a response left out gets no change")
	assert.Nil(t, got[2].FromPrevious)
	require.NotNil(t, got[3].FromPrevious)
	assert.InDelta(t, 1.0, got[3].FromPrevious.RCI, 1e-9, "previous is the last kept, 2, not the unsafe 6")
	assert.InDelta(t, 2.0, got[4].FromPrevious.RCI, 1e-9)
	assert.InDelta(t, 3.0, got[4].FromFirst.RCI, 1e-9)
	assert.Equal(t, Recovered, got[4].FromFirst.Category)
}

func TestAlerts(t *testing.T) {
	c := &questionnaire.Change{Better: questionnaire.BetterHigher, Alert: &questionnaire.Alert{Below: f(6), Drop: f(2)}}
	pts := []Point{{Value: f(9)}, {Value: f(7)}, {Value: f(1), LeftOut: true}, {Value: f(5)}, {Value: f(8)}}
	got := Alerts(c, pts)
	assert.Empty(t, got[0])
	assert.Equal(t, []Alert{{Kind: AlertDrop, Threshold: 2, Value: 7, Previous: f(9)}}, got[1], "a fall of exactly the drop counts")
	assert.Empty(t, got[2], "a response left out raises nothing")
	assert.Equal(t, []Alert{{Kind: AlertBelow, Threshold: 6, Value: 5}, {Kind: AlertDrop, Threshold: 2, Value: 5, Previous: f(7)}}, got[3])
	assert.Empty(t, got[4])

	c.Better = questionnaire.BetterLower
	got = Alerts(c, []Point{{Value: f(7)}, {Value: f(9)}})
	assert.Equal(t, []Alert{{Kind: AlertDrop, Threshold: 2, Value: 9, Previous: f(7)}}, got[1], "lower is better: a rise is the fall")
}

func TestSplit(t *testing.T) {
	session := &questionnaire.Change{Better: "higher", Alert: &questionnaire.Alert{Below: f(7), Drop: f(1.5)}}
	now := func(v float64) Rating { return Rating{Value: f(v)} }
	was := func(p, v float64) Rating { return Rating{Value: f(v), Previous: f(p)} }
	below := func(v float64) Alert { return Alert{Kind: AlertBelow, Threshold: 7, Value: v} }
	drop := func(p, v float64) Alert { return Alert{Kind: AlertDrop, Threshold: 1.5, Value: v, Previous: f(p)} }
	tests := []struct {
		name string
		c    *questionnaire.Change
		a, b Rating
		ok   bool
		want SplitFall
	}{
		{"no previous: the first below the level", session, now(5), now(8), true,
			SplitFall{Partner: 0, Rule: RuleBelow, Value: 5, Alerts: []Alert{below(5)}}},
		{"no previous: at the level holds", session, now(7), now(6.9), true,
			SplitFall{Partner: 1, Rule: RuleBelow, Value: 6.9, Alerts: []Alert{below(6.9)}}},
		{"no previous: both below is no split", session, now(5), now(6), false, SplitFall{}},
		{"no previous: both hold", session, now(8), now(9), false, SplitFall{}},
		{"one previous is not enough for the fall rule", session, was(10, 7.5), now(8), false, SplitFall{}},
		{"a drop above the level is a fall", session, was(9, 7.5), was(8, 8), true,
			SplitFall{Partner: 0, Rule: RuleFall, Value: 7.5, Previous: f(9), Fall: f(1.5), Alerts: []Alert{drop(9, 7.5)}}},
		{"below and a drop", session, was(8, 8.5), was(8, 5.5), true,
			SplitFall{Partner: 1, Rule: RuleFall, Value: 5.5, Previous: f(8), Fall: f(2.5), Alerts: []Alert{below(5.5), drop(8, 5.5)}}},
		{"below but rising is still a fall under the level", session, was(5, 6), was(8, 8), true,
			SplitFall{Partner: 0, Rule: RuleFall, Value: 6, Previous: f(5), Fall: f(-1), Alerts: []Alert{below(6)}}},
		{"the other dropped too: no split", session, was(9, 7.5), was(9.5, 8), false, SplitFall{}},
		{"without alert.drop the level is the rule", &questionnaire.Change{Better: "higher", Alert: &questionnaire.Alert{Below: f(7)}},
			was(9, 7.5), was(9, 6), true, SplitFall{Partner: 1, Rule: RuleBelow, Value: 6, Alerts: []Alert{below(6)}}},
		{"a drop alone, no level, no previous", &questionnaire.Change{Better: "higher", Alert: &questionnaire.Alert{Drop: f(2)}},
			now(1), now(9), false, SplitFall{}},
		{"a missing rating", session, Rating{}, now(5), false, SplitFall{}},
		{"no alert", &questionnaire.Change{Better: "higher"}, now(1), now(9), false, SplitFall{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := Split(tt.c, tt.a, tt.b)
			assert.Equal(t, tt.ok, ok)
			assert.Equal(t, tt.want, got)
		})
	}

	lower := &questionnaire.Change{Better: questionnaire.BetterLower, Alert: &questionnaire.Alert{Drop: f(2)}}
	got, ok := Split(lower, was(3, 6), was(4, 4))
	require.True(t, ok, "lower is better: a rise is the fall")
	assert.Equal(t, 0, got.Partner)
	assert.InDelta(t, 3.0, *got.Fall, 1e-9)
}
