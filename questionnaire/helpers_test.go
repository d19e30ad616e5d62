package questionnaire

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestFormatNumber(t *testing.T) {
	tests := []struct {
		in   float64
		want string
	}{
		{0, "0"},
		{math.Copysign(0, -1), "0"},
		{3, "3"},
		{-1, "-1"},
		{2.5, "2.5"},
		{func() float64 { a := 0.1; return a + 0.2 }(), "0.30000000000000004"},
		{1.0 / 3, "0.3333333333333333"},
		{1e15, "1000000000000000"},
		{1e20, "100000000000000000000"},
		{-7.25, "-7.25"},
	}
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			assert.Equal(t, tt.want, FormatNumber(tt.in))
		})
	}
}

func TestScoreRange(t *testing.T) {
	yes := func(id string) *Question { return &Question{ID: id, Type: YesNo} }
	scale := func(id string, lo, hi float64) *Question {
		return &Question{ID: id, Type: Scale, Min: lo, Max: hi, HasMin: true, HasMax: true}
	}
	opts := func(scores ...float64) []*Option {
		var out []*Option
		for i, s := range scores {
			out = append(out, &Option{Value: float64(i), Score: s, HasScore: true})
		}
		return out
	}
	inf := math.Inf(1)
	tests := []struct {
		name   string
		score  Score
		lo, hi float64
	}{
		{"sum of yes/no", Score{Method: "sum", Items: []*Question{yes("a"), yes("b"), yes("c")}}, 0, 3},
		{"sum of scales", Score{Method: "sum", Items: []*Question{scale("a", 1, 5), scale("b", 0, 4)}}, 1, 9},
		{"reverse keeps the range", Score{Method: "sum", Items: []*Question{{ID: "a", Type: Scale, Min: 1, Max: 4, HasMin: true, HasMax: true, Reverse: true}, scale("b", 1, 4)}}, 2, 8},
		{"mean", Score{Method: "mean", Items: []*Question{scale("a", 1, 7), scale("b", 1, 7)}}, 1, 7},
		{"mean of different scales", Score{Method: "mean", Items: []*Question{scale("a", 0, 10), scale("b", 1, 5)}}, 0.5, 7.5},
		{"weighted mean", Score{Method: "mean", Weights: map[string]float64{"a": 2}, Items: []*Question{scale("a", 1, 7), scale("b", 1, 4)}}, 1, 6},
		{"percent", Score{Method: "percent", Items: []*Question{scale("a", 1, 5)}}, 0, 100},
		{"weights", Score{Method: "sum", Weights: map[string]float64{"b": 3}, Items: []*Question{yes("a"), yes("b")}}, 0, 4},
		{"negative weight", Score{Method: "sum", Weights: map[string]float64{"b": -1}, Items: []*Question{yes("a"), yes("b")}}, -1, 1},
		{"choice", Score{Method: "sum", Items: []*Question{{ID: "a", Type: Choice, Options: opts(2, 0, 5)}}}, 0, 5},
		{"multi adds its options", Score{Method: "sum", Items: []*Question{{ID: "a", Type: Multi, Options: opts(2, 3, 0)}}}, 0, 5},
		{"multi with a negative option", Score{Method: "sum", Items: []*Question{{ID: "a", Type: Multi, Options: opts(-1, 2)}}}, -1, 2},
		{"number with bounds", Score{Method: "sum", Items: []*Question{{ID: "a", Type: Number, Min: 0, Max: 7, HasMin: true, HasMax: true}}}, 0, 7},
		{"number without max", Score{Method: "sum", Items: []*Question{{ID: "a", Type: Number, Min: 0, HasMin: true}}}, 0, inf},
		{"number without bounds", Score{Method: "sum", Items: []*Question{{ID: "a", Type: Number}, yes("b")}}, -inf, inf},
		{"no items", Score{Method: "sum"}, 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lo, hi := tt.score.Range()
			assert.Equal(t, tt.lo, lo, "lowest")
			assert.Equal(t, tt.hi, hi, "highest")
		})
	}
}

func TestBandFor(t *testing.T) {
	s := Score{Bands: []*Band{{Max: 1, HasMax: true, Label: "low"}, {Max: 3, HasMax: true, Label: "mid"}, {Label: "high"}}}
	for v, want := range map[float64]string{-5: "low", 1: "low", 1.5: "mid", 3: "mid", 3.01: "high", 1e9: "high"} {
		assert.Equal(t, want, s.BandFor(v).Label, "value %v", v)
	}
	closed := Score{Bands: []*Band{{Max: 1, HasMax: true, Label: "low"}}}
	assert.Nil(t, closed.BandFor(2))
}
