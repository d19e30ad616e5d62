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
	c := &questionnaire.Change{Better: "higher", Alert: &questionnaire.Alert{Below: f(7)}}
	assert.Equal(t, 0, Split(c, f(5), f(8)))
	assert.Equal(t, 1, Split(c, f(7), f(6.9)), "at the level holds")
	assert.Equal(t, -1, Split(c, f(5), f(6)), "both below is no split")
	assert.Equal(t, -1, Split(c, f(8), f(9)))
	assert.Equal(t, -1, Split(c, nil, f(5)))
	assert.Equal(t, -1, Split(&questionnaire.Change{Better: "higher", Alert: &questionnaire.Alert{Drop: f(2)}}, f(1), f(9)))
}
