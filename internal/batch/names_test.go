package batch

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Names kept front-coded in sorted runs come back in the order sort.Strings gives, whatever
// their count (across several runs), lengths, shared prefixes and characters.
func TestNameListOrder(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	word := func() string {
		const letters = "ab-_.0é9Zz"
		b := []rune{}
		for range rng.IntN(12) {
			b = append(b, []rune(letters)[rng.IntN(len([]rune(letters)))])
		}
		return string(b)
	}
	for _, n := range []int{0, 1, 2, runLen - 1, runLen, runLen + 1, 3*runLen + 17} {
		t.Run(fmt.Sprint(n), func(t *testing.T) {
			seen := map[string]bool{}
			var names []string
			for len(names) < n {
				var name string
				switch rng.IntN(3) {
				case 0: // as take names them: long shared prefixes
					name = fmt.Sprintf("candor-2026%04d-%06d.yaml", rng.IntN(1300), rng.IntN(1000000))
				case 1: // a name that is a prefix of others
					name = "trust-readiness"
				default:
					name = word() + word() + ".yml"
				}
				if !seen[name] {
					seen[name] = true
					names = append(names, name)
				}
			}
			l := &Names{}
			for _, name := range names {
				l.add(name)
			}
			l.done()
			assert.Equal(t, n, l.count)
			assert.Len(t, l.runs, (n+runLen-1)/runLen)
			got := slices.Collect(l.All())
			want := slices.Clone(names)
			slices.Sort(want)
			if n == 0 {
				assert.Empty(t, got)
				return
			}
			assert.Equal(t, want, got)
			// Stopping early is allowed.
			for name := range l.All() {
				assert.Equal(t, want[0], name)
				break
			}
		})
	}
}

// A folder lists the files that match, not folders or other files.
func TestReadDir(t *testing.T) {
	isYAML := func(name string) bool {
		ext := strings.ToLower(filepath.Ext(name))
		return ext == ".yaml" || ext == ".yml"
	}
	dir := t.TempDir()
	for _, n := range []string{"b.yaml", "a.YML", "c.yml", "notes.txt", "yaml", "d.yaml.bak"} {
		require.NoError(t, os.WriteFile(filepath.Join(dir, n), nil, 0o600))
	}
	require.NoError(t, os.Mkdir(filepath.Join(dir, "sub.yaml"), 0o700))
	l, err := ReadDir(dir, isYAML)
	require.NoError(t, err)
	assert.Equal(t, []string{"a.YML", "b.yaml", "c.yml"}, slices.Collect(l.All()))
	assert.Equal(t, 3, l.Len())
	_, err = ReadDir(filepath.Join(dir, "missing"), isYAML)
	assert.Error(t, err)
}
