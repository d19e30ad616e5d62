package questionnaire

import "github.com/candor-app/candor/internal/yamlpos"

// The directions a score's `change.better` may name.
const (
	BetterHigher = "higher"
	BetterLower  = "lower"
)

// Change is what a score declares under `change:` for measurement-based care (docs/spec.md
// §1, docs/bank-format.md "Reliable change"): the numbers the reliable change index of
// Jacobson and Truax (1991) needs, a clinical cut-off, and the drops a counselor is alerted
// to. The numbers come from a published source, never from candor: the model only carries
// them; scoring/change computes with them.
type Change struct {
	// Reliability is r (0 < r < 1) and SD the standard deviation of a reference group
	// (> 0); both are 0 when the score gives neither (no reliability judgement is made).
	Reliability float64
	SD          float64
	// Better is BetterHigher or BetterLower: which way is improvement.
	Better string
	// Cutoff is the clinical cut-off given as `cutoff: N`; nil when none or when it comes
	// from Clinical.
	Cutoff *float64
	// Clinical are the functional and dysfunctional groups the cut-off c is computed from.
	Clinical *Clinical
	// Alert is when a counselor is told of a fall (`alert: {below, drop}`); nil for none.
	Alert *Alert
	Pos   Pos
	// where each number checked against the score's range was written
	at map[string]Pos
}

// HasReliability reports whether the reliable change index can be computed.
func (c *Change) HasReliability() bool { return c != nil && c.Reliability > 0 && c.SD > 0 }

// Clinical is `clinical: {functional: {mean, sd}, dysfunctional: {mean, sd}}`.
type Clinical struct {
	Functional, Dysfunctional Norm
}

// Norm is the mean and standard deviation of a published group.
type Norm struct {
	Mean, SD float64
}

// Alert is `alert: {below: N, drop: N}`: a response whose score is below N, or has fallen
// by N or more since the response before it, is flagged for the counselor. Each is nil when
// not given.
type Alert struct {
	Below *float64
	Drop  *float64
}

var (
	changeKeys   = []string{"reliability", "sd", "better", "cutoff", "clinical", "alert"}
	clinicalKeys = []string{"functional", "dysfunctional"}
	normKeys     = []string{"mean", "sd"}
	alertKeys    = []string{"below", "drop"}
)

// change reads a score's optional `change:` mapping.
func (l *loader) change(m map[string]yamlpos.Entry) *Change {
	e, ok := m["change"]
	if !ok {
		return nil
	}
	cm := l.Mapping(e.Val, "a score's `change`", changeKeys, []string{"better"}, 3)
	if cm == nil {
		return nil
	}
	c := &Change{Pos: l.pos(e.Val), at: map[string]Pos{}, Better: l.oneOf(cm, "better", []string{BetterHigher, BetterLower}, BetterHigher, 4)}
	r, hasR := l.changeNumber(cm, "reliability", 4)
	if hasR && (r <= 0 || r >= 1) {
		l.errorf(l.pos(cm["reliability"].Val), "a reliability r is between 0 and 1, such as `reliability: 0.85`, from the published source", "`change.reliability` must be above 0 and below 1, not %s", formatNumber(r))
		hasR = false
	}
	sd, hasSD := l.changeNumber(cm, "sd", 4)
	if hasSD && sd <= 0 {
		l.errorf(l.pos(cm["sd"].Val), "the standard deviation of the reference group, from the published source", "`change.sd` must be above 0, not %s", formatNumber(sd))
		hasSD = false
	}
	_, keyR := cm["reliability"]
	_, keySD := cm["sd"]
	switch {
	case hasR && hasSD:
		c.Reliability, c.SD = r, sd
	case keyR != keySD:
		missing, given := "sd", "reliability"
		if keySD {
			missing, given = "reliability", "sd"
		}
		l.errorf(c.Pos, "the reliable change index needs both: give `"+missing+"` from the same source, or leave out `"+given+"`", "`change` has `%s` but no `%s`", given, missing)
	}
	if _, ok := cm["cutoff"]; ok {
		if v, ok := l.changeNumber(cm, "cutoff", 4); ok {
			c.Cutoff = &v
		}
		if _, both := cm["clinical"]; both {
			l.errorf(l.pos(cm["clinical"].Key), "give the cut-off once: `cutoff: N`, or the two groups it is computed from", "`change` has both `cutoff` and `clinical`")
		}
		c.at["cutoff"] = l.pos(cm["cutoff"].Val)
	} else if ce, ok := cm["clinical"]; ok {
		c.Clinical = l.clinical(ce)
		c.at["clinical"] = l.pos(ce.Val)
	}
	if ae, ok := cm["alert"]; ok {
		c.Alert = l.alert(ae)
		c.at["alert"] = l.pos(ae.Val)
	}
	return c
}

// changeNumber reads an optional number under key.
func (l *loader) changeNumber(m map[string]yamlpos.Entry, key string, depth int) (float64, bool) {
	e, ok := m[key]
	if !ok {
		return 0, false
	}
	return l.Number(e.Val, "`change."+key+"`", depth)
}

func (l *loader) clinical(e yamlpos.Entry) *Clinical {
	cm := l.Mapping(e.Val, "`change.clinical`", clinicalKeys, clinicalKeys, 5)
	if cm == nil {
		return nil
	}
	c := &Clinical{}
	ok := true
	for key, dst := range map[string]*Norm{"functional": &c.Functional, "dysfunctional": &c.Dysfunctional} {
		ne, has := cm[key]
		if !has {
			ok = false
			continue
		}
		nm := l.Mapping(ne.Val, "`change.clinical."+key+"`", normKeys, normKeys, 6)
		if len(nm) < 2 { // not a mapping, or a key missing (reported)
			ok = false
			continue
		}
		mean, okM := l.Number(nm["mean"].Val, "`change.clinical."+key+".mean`", 7)
		sd, okS := l.Number(nm["sd"].Val, "`change.clinical."+key+".sd`", 7)
		if okS && sd <= 0 {
			l.errorf(l.pos(nm["sd"].Val), "the standard deviation of that group, from the published source", "`change.clinical.%s.sd` must be above 0, not %s", key, formatNumber(sd))
			okS = false
		}
		*dst = Norm{Mean: mean, SD: sd}
		ok = ok && okM && okS
	}
	if !ok {
		return nil
	}
	return c
}

func (l *loader) alert(e yamlpos.Entry) *Alert {
	am := l.Mapping(e.Val, "`change.alert`", alertKeys, nil, 5)
	if am == nil {
		return nil
	}
	a := &Alert{}
	for key, dst := range map[string]**float64{"below": &a.Below, "drop": &a.Drop} {
		if ve, ok := am[key]; ok {
			if v, ok := l.Number(ve.Val, "`change.alert."+key+"`", 6); ok {
				*dst = &v
			}
		}
	}
	if a.Drop != nil && *a.Drop <= 0 {
		l.errorf(l.pos(am["drop"].Val), "a drop is how far the score falls since the response before, such as `drop: 2`", "`change.alert.drop` must be above 0, not %s", formatNumber(*a.Drop))
		a.Drop = nil
	}
	if a.Below == nil && a.Drop == nil {
		if len(am) == 0 {
			l.errorf(l.pos(e.Val), "write `below: N`, `drop: N` or both", "`change.alert` is empty")
		}
		return nil
	}
	return a
}

// changeRange checks a score's cut-off and alert against its possible range lo to hi: a
// cut-off outside it is never crossed.
func (l *loader) changeRange(s *Score, lo, hi float64) {
	c := s.Change
	if c == nil {
		return
	}
	check := func(v *float64, key, what string) {
		if v != nil && (*v < lo || *v > hi) {
			l.errorf(c.at[key], "check the number against the published source: it is on another scale than this score's "+formatNumber(lo)+" to "+formatRange(hi),
				"%s of score %q is %s, outside the score's range", what, s.ID, formatNumber(*v))
		}
	}
	check(c.Cutoff, "cutoff", "`change.cutoff`")
	if c.Clinical != nil {
		check(&c.Clinical.Functional.Mean, "clinical", "`change.clinical.functional.mean`")
		check(&c.Clinical.Dysfunctional.Mean, "clinical", "`change.clinical.dysfunctional.mean`")
		f, d := c.Clinical.Functional.Mean, c.Clinical.Dysfunctional.Mean
		if f == d || (f > d) != (c.Better == BetterHigher) {
			l.errorf(c.at["clinical"], "with `better: "+c.Better+"` the functional group's mean is the "+c.Better+" one; check `better` and the two groups",
				"the functional and dysfunctional means of score %q do not agree with `better: %s`", s.ID, c.Better)
		}
	}
	if c.Alert != nil {
		check(c.Alert.Below, "alert", "`change.alert.below`")
	}
}
