package testutil

import (
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// fakeT records failures instead of ending the test.
type fakeT struct {
	testing.TB
	failed, fatal bool
}

func (f *fakeT) Helper()                      {}
func (f *fakeT) Errorf(string, ...any)        { f.failed = true }
func (f *fakeT) Fatalf(string, ...any)        { f.failed, f.fatal = true, true; panic(f) }
func (f *fakeT) FailNow()                     { f.failed, f.fatal = true, true; panic(f) }
func (f *fakeT) Logf(format string, a ...any) {}

// run calls fn with a fakeT and returns it, stopping at a fatal failure.
func run(t *testing.T, fn func(t *fakeT)) (ft *fakeT) {
	ft = &fakeT{TB: t}
	defer func() {
		if r := recover(); r != nil && r != any(ft) {
			panic(r)
		}
	}()
	fn(ft)
	return ft
}

func TestGolden(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "sub", "x.golden")
	assert.True(t, run(t, func(ft *fakeT) { Golden(ft, path, []byte("a")) }).fatal, "a missing file fails")

	*update = true
	ft := run(t, func(ft *fakeT) { Golden(ft, path, []byte("hello\n")) })
	*update = false
	require.False(t, ft.failed)
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	assert.Equal(t, "hello\n", string(b), "-update writes it")
	assert.True(t, Update() == false)

	assert.False(t, run(t, func(ft *fakeT) { Golden(ft, path, []byte("hello\n")) }).failed, "the same passes")
	assert.True(t, run(t, func(ft *fakeT) { Golden(ft, path, []byte("hello")) }).failed, "a difference fails")
}

func TestSyncBuffer(t *testing.T) {
	var b SyncBuffer
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for range 100 {
				_, _ = b.Write([]byte("ab"))
				_ = b.String()
			}
		})
	}
	wg.Wait()
	assert.Len(t, b.String(), 8*100*2)
}

func TestEventually(t *testing.T) {
	n := 0
	ft := run(t, func(ft *fakeT) { Eventually(ft, "three", func() bool { n++; return n == 3 }, nil) })
	assert.False(t, ft.failed)
	assert.Equal(t, 3, n)
}
