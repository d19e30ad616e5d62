package scoring

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// ItemSign and ItemPlace: the direction a question counts in toward a bank's scores, and
// where an answer sits on its range, turned so that 1 is nearest to what raises them.
func TestItemSignAndPlace(t *testing.T) {
	b := loadBank(t, `
candor: 1
id: items
version: 1.0.0
title: Items
questions:
  - {id: up, text: "Up?", type: scale, min: 1, max: 5}
  - {id: rev, text: "Reversed?", type: scale, min: 1, max: 5, reverse: true}
  - {id: down, text: "Down?", type: scale, min: 0, max: 4}
  - {id: both, text: "Both ways?", type: scale, min: 1, max: 5}
  - {id: alone, text: "In no score?", type: scale, min: 1, max: 5}
  - {id: open, text: "How many?", type: number, min: 0}
scores:
  - {id: s1, label: One, items: [up, rev, down, both, open], weights: {down: -2}}
  - {id: s2, label: Two, items: [both], weights: {both: -1}}
`)
	tests := []struct {
		id           string
		answer       any
		sign         int
		place, score float64
		ok           bool
	}{
		{"up", 4.0, 1, 0.75, 4, true},
		{"rev", 4.0, 1, 0.25, 2, true},   // reverse keying: 4 counts as 2
		{"down", 1.0, -1, 0.75, 3, true}, // weighed against: 1 of 0-4 sits at 3
		{"both", 4.0, 0, 0, 0, false},    // weighed both ways: no direction
		{"alone", 4.0, 0, 0, 0, false},   // in no score
		{"open", 4.0, 1, 0, 0, false},    // no closed range
		{"up", nil, 1, 0, 0, false},      // no answer
	}
	for _, tt := range tests {
		t.Run(tt.id, func(t *testing.T) {
			q := b.Question(tt.id)
			require.NotNil(t, q)
			assert.Equal(t, tt.sign, ItemSign(b, q))
			place, score, ok := ItemPlace(b, q, tt.answer)
			assert.Equal(t, tt.ok, ok)
			assert.InDelta(t, tt.place, place, 1e-12)
			assert.InDelta(t, tt.score, score, 1e-12)
		})
	}
}
