package questionnaire

import (
	"math"
	"strconv"
)

// formatNumber prints a number the shortest way: 3, 2.5, 0.333.
func formatNumber(f float64) string {
	if f == math.Trunc(f) && math.Abs(f) < 1e15 {
		return strconv.FormatInt(int64(f), 10)
	}
	return strconv.FormatFloat(f, 'f', -1, 64)
}

// FormatNumber prints a number the shortest way, as candor does everywhere.
func FormatNumber(f float64) string { return formatNumber(f) }
