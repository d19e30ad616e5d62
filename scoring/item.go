package scoring

import (
	"math"

	"github.com/candor-app/candor/questionnaire"
)

// ItemSign is how question q's item score counts toward bank b's scores: +1 when a higher
// item score raises each score q is in (every weight positive), -1 when it lowers each
// (every weight negative), 0 when q is in no score or its scores weigh it in opposite
// directions (then it has no direction to tell).
func ItemSign(b *questionnaire.Bank, q *questionnaire.Question) int {
	var up, down bool
	for _, s := range b.Scores {
		for _, it := range s.Items {
			if it.ID != q.ID {
				continue
			}
			if s.Weight(q.ID) < 0 {
				down = true
			} else if s.Weight(q.ID) > 0 {
				up = true
			}
		}
	}
	switch {
	case up && down, !up && !down:
		return 0
	case down:
		return -1
	}
	return 1
}

// ItemPlace is where answer v to question q sits on q's item-score range, from 0 (furthest
// from what raises bank b's scores) to 1 (nearest): reverse keying applied (ItemScore), and
// turned round when b's scores weigh q negatively (ItemSign). score is the item score so
// turned. ok is false without an item score, a closed range of some width, or a direction.
func ItemPlace(b *questionnaire.Bank, q *questionnaire.Question, v any) (place, score float64, ok bool) {
	x, ok := q.ItemScore(v)
	sign := ItemSign(b, q)
	if !ok || sign == 0 {
		return 0, 0, false
	}
	if sign < 0 {
		lo, hi, _ := q.ScoreRange()
		x = lo + hi - x
	}
	place, ok = unitPlace(q, x)
	if !ok {
		return 0, 0, false
	}
	return place, x, true
}

// unitPlace is where item score x sits on question q's score range, 0 at its lowest and 1
// at its highest; not ok when the range is open or has no width.
func unitPlace(q *questionnaire.Question, x float64) (float64, bool) {
	lo, hi, _ := q.ScoreRange()
	if math.IsInf(lo, 0) || math.IsInf(hi, 0) || !(hi > lo) {
		return 0, false
	}
	return (x - lo) / (hi - lo), true
}
