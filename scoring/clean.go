package scoring

// Clean drops float noise from a value worked out from scores (0.1+0.2 is
// 0.30000000000000004; 2.4-2.1 is 0.2999999999999998) and negative zero: it keeps the
// noisePlaces decimals the engine keeps before rounding and banding, so a difference shown
// next to two scores reads the way the scores do.
func Clean(f float64) float64 {
	f = roundTo(f, noisePlaces)
	if f == 0 {
		return 0 // no negative zero
	}
	return f
}
