package batch

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"runtime"
	"runtime/debug"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// count yields 0, 1, ..., n-1 and counts how many were taken.
func count(n int, taken *atomic.Int64) func(yield func(int) bool) {
	return func(yield func(int) bool) {
		for i := range n {
			if taken != nil {
				taken.Add(1)
			}
			if !yield(i) {
				return
			}
		}
	}
}

// Results come in the order of the items, whatever order the workers finish in, for any
// number of workers and batch size.
func TestOrderedKeepsTheOrder(t *testing.T) {
	for _, tc := range []struct{ n, workers, size, count int }{
		{0, 2, 0, 0}, {1, 1, 0, 1}, {300, 1, 0, 300}, {300, 3, 0, 300}, {300, 64, 0, 300},
		{300, 2, 1, 0}, {300, 3, 7, 0}, {1000, 4, 0, 1000}, {50, 4, 1000, 0}, {5000, 2, 0, 0},
	} {
		t.Run(fmt.Sprintf("%d-items-%d-workers-size-%d", tc.n, tc.workers, tc.size), func(t *testing.T) {
			var got []string
			err := Ordered(count(tc.n, nil), func(i int) string {
				if rand.IntN(4) == 0 {
					runtime.Gosched() // finish out of order
				}
				return fmt.Sprint(i * i)
			}, func(s string) error {
				got = append(got, s)
				return nil
			}, Options{Workers: tc.workers, Size: tc.size, Count: tc.count})
			require.NoError(t, err)
			want := make([]string, tc.n)
			for i := range want {
				want[i] = fmt.Sprint(i * i)
			}
			if tc.n == 0 {
				assert.Empty(t, got)
				return
			}
			assert.Equal(t, want, got)
		})
	}
}

// Work runs on several goroutines at once.
func TestOrderedWorksInParallel(t *testing.T) {
	var running, most atomic.Int64
	release := make(chan struct{})
	go func() {
		for running.Load() < 3 {
			runtime.Gosched()
		}
		close(release)
	}()
	err := Ordered(count(3, nil), func(i int) int {
		most.Store(max(most.Load(), running.Add(1)))
		<-release // every worker waits until all three run
		return i
	}, func(int) error { return nil }, Options{Workers: 3, Size: 1})
	require.NoError(t, err)
	assert.Equal(t, int64(3), most.Load())
}

// An error from emit stops the run: it is returned, nothing more is emitted, and the items
// are not all read.
func TestOrderedStopsAtAnEmitError(t *testing.T) {
	var taken atomic.Int64
	var emitted []int
	stop := errors.New("disk full")
	err := Ordered(count(1_000_000, &taken), func(i int) int { return i }, func(i int) error {
		emitted = append(emitted, i)
		if i == 10 {
			return stop
		}
		return nil
	}, Options{Workers: 2, Size: 4})
	assert.ErrorIs(t, err, stop)
	assert.Equal(t, []int{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, emitted)
	assert.Less(t, taken.Load(), int64(1000), "reading stops soon after the error")
}

// Wait is called when the next result is not ready, and its error stops the run.
func TestOrderedWait(t *testing.T) {
	gate := make(chan struct{})
	waits := 0
	var emitted []int
	err := Ordered(count(5, nil), func(i int) int {
		if i == 3 {
			<-gate // not ready until Wait has been called
		}
		return i
	}, func(i int) error {
		emitted = append(emitted, i)
		return nil
	}, Options{Workers: 2, Size: 1, Wait: func() error {
		if waits++; waits == 1 {
			close(gate)
		}
		return nil
	}})
	require.NoError(t, err)
	assert.Equal(t, []int{0, 1, 2, 3, 4}, emitted)
	assert.GreaterOrEqual(t, waits, 1)

	failed := errors.New("flush failed")
	block := make(chan struct{})
	var once sync.Once
	err = Ordered(count(5, nil), func(i int) int {
		if i == 2 {
			<-block
		}
		return i
	}, func(int) error { return nil }, Options{Workers: 2, Size: 1, Wait: func() error {
		once.Do(func() { close(block) })
		return failed
	}})
	assert.ErrorIs(t, err, failed)
}

// The batch size: as given, else from the count, one to maxSize.
func TestOptionsSize(t *testing.T) {
	assert.Equal(t, 7, Options{Size: 7, Count: 100000}.size(2))
	assert.Equal(t, 1, Options{}.size(2), "unknown count: one at a time")
	assert.Equal(t, 1, Options{Count: 10}.size(2))
	assert.Equal(t, 3, Options{Count: 100}.size(2))
	assert.Equal(t, maxSize, Options{Count: 100000}.size(2))
}

// TuneGC changes the setting for a large batch only, never against GOGC, and puts it back.
func TestTuneGC(t *testing.T) {
	old := debug.SetGCPercent(77)
	defer debug.SetGCPercent(old)
	current := func() int {
		v := debug.SetGCPercent(100)
		debug.SetGCPercent(v)
		return v
	}
	for _, tc := range []struct {
		gogc  string
		count int
		want  int
	}{{"", GCBatch, GCPercent}, {"", GCBatch - 1, 77}, {"50", 100000, 77}} {
		t.Run(fmt.Sprint(tc.gogc, tc.count), func(t *testing.T) {
			t.Setenv("GOGC", tc.gogc)
			restore := TuneGC(tc.count)
			assert.Equal(t, tc.want, current())
			restore()
			assert.Equal(t, 77, current())
		})
	}
}
