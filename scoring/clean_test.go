package scoring

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestClean(t *testing.T) {
	for _, tt := range []struct{ in, want float64 }{
		{0.1 + 0.2, 0.3},
		{2.4 - 2.1, 0.3},
		{-(0.1 + 0.2), -0.3},
		{3, 3},
		{1.0000000004, 1},
		{1.0000000005, 1.000000001},
		{1e-10, 0},
	} {
		assert.Equal(t, tt.want, Clean(tt.in), "%v", tt.in)
	}
	z := Clean(-1e-12)
	assert.False(t, math.Signbit(z), "no negative zero")
	assert.True(t, math.IsNaN(Clean(math.NaN())))
}
