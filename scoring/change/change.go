// Package change judges how a score moved between two responses, as Jacobson and Truax
// (1991) do: the reliable change index against the instrument's measurement error, and
// whether a clinical cut-off was crossed; and it finds the falls a bank asks a counselor to
// be told of (`change.alert`). It computes with the numbers a bank declares under a score's
// `change:` (questionnaire.Change) and returns data: categories and kinds as codes, no words
// (docs/spec.md §1 and §3, docs/bank-format.md "Change over time").
package change

import (
	"math"

	"github.com/candor-app/candor/questionnaire"
)

// Criterion is the |RCI| above which a change is reliable: 1.96, the two-sided 5% point of
// the normal distribution.
const Criterion = 1.96

// Category is what a change between two responses amounts to.
type Category string

// The categories, as the JSON and CSV of `history` name them.
const (
	ReliableImprovement   Category = "reliable_improvement"
	ReliableDeterioration Category = "reliable_deterioration"
	NoReliableChange      Category = "no_reliable_change"
	// Recovered is a reliable improvement that also crosses the clinical cut-off.
	Recovered Category = "recovered"
)

// SEdiff is the standard error of the difference between two scores: SD · √2 · √(1 − r).
func SEdiff(sd, r float64) float64 { return sd * math.Sqrt2 * math.Sqrt(1-r) }

// Index is the reliable change index from x1 to x2: (x2 − x1) / SEdiff, its sign kept.
func Index(x1, x2, sd, r float64) float64 { return (x2 - x1) / SEdiff(sd, r) }

// ClinicalCutoff is Jacobson and Truax's c, between the means of a functional and a
// dysfunctional group, each weighted by the other's spread:
// c = (sd_f · mean_d + sd_d · mean_f) / (sd_f + sd_d).
func ClinicalCutoff(functional, dysfunctional questionnaire.Norm) float64 {
	f, d := functional, dysfunctional
	return (f.SD*d.Mean + d.SD*f.Mean) / (f.SD + d.SD)
}

// Cutoff is the cut-off c declares: its `cutoff`, or the one computed from `clinical`; ok
// is false when it declares neither.
func Cutoff(c *questionnaire.Change) (cut float64, ok bool) {
	switch {
	case c == nil:
		return 0, false
	case c.Cutoff != nil:
		return *c.Cutoff, true
	case c.Clinical != nil:
		return ClinicalCutoff(c.Clinical.Functional, c.Clinical.Dysfunctional), true
	}
	return 0, false
}

// Functional reports whether x lies on the functional side of the cut-off: strictly beyond
// it in the better direction (a value at the cut-off is as near one group as the other).
func Functional(c *questionnaire.Change, cut, x float64) bool {
	if c.Better == questionnaire.BetterLower {
		return x < cut
	}
	return x > cut
}

// Step is the change from one response to a later one.
type Step struct {
	// RCI is (x2 − x1) / SEdiff, its sign kept; `better` says which sign is improvement.
	RCI      float64  `json:"rci"`
	Category Category `json:"category"`
	// CrossedCutoff is true when the two values lie on different sides of the cut-off,
	// either way; false when there is no cut-off.
	CrossedCutoff bool `json:"crossed_cutoff"`
}

// Between judges the change from x1 to x2 on a score declaring c; ok is false when c gives
// no reliability (no judgement is made then).
func Between(c *questionnaire.Change, x1, x2 float64) (s Step, ok bool) {
	if !c.HasReliability() {
		return Step{}, false
	}
	s.RCI = Index(x1, x2, c.SD, c.Reliability)
	if cut, has := Cutoff(c); has {
		s.CrossedCutoff = Functional(c, cut, x1) != Functional(c, cut, x2)
	}
	s.Category = categorize(s.RCI, c.Better, s.CrossedCutoff)
	return s, true
}

// categorize names a change of index rci on a score where `better` says which way is
// improvement; crossed says whether it crossed the cut-off.
func categorize(rci float64, better string, crossed bool) Category {
	improved := rci > 0
	if better == questionnaire.BetterLower {
		improved = rci < 0
	}
	switch {
	case math.Abs(rci) <= Criterion:
		return NoReliableChange
	case !improved:
		return ReliableDeterioration
	case crossed:
		return Recovered
	}
	return ReliableImprovement
}

// Point is one response's value of a score, oldest first. LeftOut marks a response that
// takes no part in change (answered unsafe, or a safety question left open: docs/spec.md
// §4); a nil Value takes none either.
type Point struct {
	Value   *float64
	LeftOut bool
}

func (p Point) kept() bool { return p.Value != nil && !p.LeftOut }

// Changes are a point's changes from the first and from the previous kept point; both nil
// on the first kept point, on a point not kept, and when the score gives no reliability.
type Changes struct {
	FromFirst    *Step
	FromPrevious *Step
}

// Series judges each point of a score's series against the first kept point and the last
// kept point before it ("previous" skips the responses left out).
func Series(c *questionnaire.Change, pts []Point) []Changes {
	out := make([]Changes, len(pts))
	first, prev := -1, -1
	for i, p := range pts {
		if !p.kept() {
			continue
		}
		if first >= 0 {
			if s, ok := Between(c, *pts[first].Value, *p.Value); ok {
				out[i].FromFirst = &s
			}
			if s, ok := Between(c, *pts[prev].Value, *p.Value); ok {
				out[i].FromPrevious = &s
			}
		} else {
			first = i
		}
		prev = i
	}
	return out
}

// AlertKind is why a point is flagged for the counselor.
type AlertKind string

// The kinds of alert, as codes.
const (
	// AlertBelow: the value is below `alert.below`.
	AlertBelow AlertKind = "below"
	// AlertDrop: the value fell by `alert.drop` or more since the previous kept point.
	AlertDrop AlertKind = "drop"
)

// Alert is one reason a point is flagged, with the numbers behind it.
type Alert struct {
	Kind AlertKind `json:"kind"`
	// Threshold is `alert.below` or `alert.drop`.
	Threshold float64 `json:"threshold"`
	// Value is the point's value; Previous the previous kept value (AlertDrop only).
	Value    float64  `json:"value"`
	Previous *float64 `json:"previous,omitempty"`
}

// Alerts lists, for each point, the alerts c's `alert` raises: below the threshold, or a
// fall by the drop or more since the previous kept point. "Worse" follows `better`: for a
// score where lower is better, a rise is the fall and "below" still means below.
func Alerts(c *questionnaire.Change, pts []Point) [][]Alert {
	out := make([][]Alert, len(pts))
	if c == nil || c.Alert == nil {
		return out
	}
	a := c.Alert
	prev := -1
	for i, p := range pts {
		if !p.kept() {
			continue
		}
		v := *p.Value
		if a.Below != nil && v < *a.Below {
			out[i] = append(out[i], Alert{Kind: AlertBelow, Threshold: *a.Below, Value: v})
		}
		if a.Drop != nil && prev >= 0 {
			pv := *pts[prev].Value
			fall := pv - v
			if c.Better == questionnaire.BetterLower {
				fall = v - pv
			}
			if fall >= *a.Drop-1e-9 {
				out[i] = append(out[i], Alert{Kind: AlertDrop, Threshold: *a.Drop, Value: v, Previous: &pv})
			}
		}
		prev = i
	}
	return out
}

// Split is which of two partners' values of a score with `alert.below` falls below it while
// the other's holds at or above it (a split alliance, when the score rates a session): 0 for
// the first, 1 for the second, -1 when neither or both are below, either has no value, or
// c has no `alert.below`.
func Split(c *questionnaire.Change, a, b *float64) int {
	if c == nil || c.Alert == nil || c.Alert.Below == nil || a == nil || b == nil {
		return -1
	}
	lowA, lowB := *a < *c.Alert.Below, *b < *c.Alert.Below
	switch {
	case lowA && !lowB:
		return 0
	case lowB && !lowA:
		return 1
	}
	return -1
}
