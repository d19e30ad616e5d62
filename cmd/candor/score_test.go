package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"testing"

	"github.com/rivo/uniseg"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/candor-app/candor/internal/batch"
	"github.com/candor-app/candor/internal/iostreams"
)

// writeResponses writes n responses to trust-readiness in dir, some of them broken, and
// returns the CSV rows and the stderr file names expected, in name order.
func writeResponses(t *testing.T, dir string, n int) (rows, broken []string) {
	t.Helper()
	for i := range n {
		name := filepath.Join(dir, fmt.Sprintf("r%04d.yaml", i))
		yes := func(k int) string { return map[bool]string{true: "yes", false: "no"}[i&(1<<k) != 0] }
		answers := fmt.Sprintf("{feel_safe: true, could_say_no: true, want_to_trust: %s, love_outweighs_pain: %s, could_survive: %s}", yes(0), yes(1), yes(2))
		if i%17 == 5 {
			answers = "{feel_safe: perhaps}"
			broken = append(broken, name)
		}
		src := "candor: 1\nkind: response\nbank: {id: trust-readiness, version: 2.0.0}\nstatus: completed\nrespondent: p" + fmt.Sprint(i) + "\nanswers: " + answers + "\n"
		require.NoError(t, os.WriteFile(name, []byte(src), 0o600))
		if i%17 != 5 {
			want, love, survive := i&1 == 1, i>>1&1 == 1, i>>2&1 == 1
			v := (i & 1) + (i >> 1 & 1) + (i >> 2 & 1)
			band := []string{"None yet", "One of three", "Two of three", "All three"}[v]
			// trust-readiness: a "no" to surviving it raises hard_to_go_on; the first "no"
			// (want, survive, love) names the outcome, all three "no" their own.
			flag, outcome := "", "ready"
			if !survive {
				flag = "hard_to_go_on"
			}
			switch {
			case v == 0:
				outcome = "not_yet_none"
			case !want:
				outcome = "not_yet_want"
			case !survive:
				outcome = "not_yet_survive"
			case !love:
				outcome = "not_yet_love"
			}
			rows = append(rows, fmt.Sprintf("%s,p%d,,,completed,%d,%s,%s,%s,", name, i, v, band, flag, outcome))
		}
	}
	return rows, broken
}

// Results come out in the order given, whatever order the workers finish in, for any
// number of workers and batch size (0: chosen from the count); broken files are reported in
// their place and the run goes on.
func TestScoreOrderWithWorkers(t *testing.T) {
	dir := t.TempDir()
	rows, broken := writeResponses(t, dir, 300)
	for _, tc := range []struct{ workers, batch int }{{1, 0}, {3, 0}, {8, 0}, {64, 0}, {2, 1}, {3, 7}, {2, 32}, {4, 1000}} {
		t.Run(fmt.Sprintf("%d-workers-batch-%d", tc.workers, tc.batch), func(t *testing.T) {
			io, _, out, errOut := iostreams.Test()
			f := NewFactory(io)
			err := scoreRun(f, &ScoreOptions{Responses: []string{dir}, Format: "csv", Workers: tc.workers, batchSize: tc.batch})
			assert.Equal(t, errSilent1, err, "broken files make exit 1")
			lines := strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n")
			require.Equal(t, "file,respondent,started,updated,status,readiness_value,readiness_band,flags,outcome,unanswered_safety", lines[0])
			assert.Equal(t, rows, lines[1:])
			var reported []string
			for _, l := range strings.Split(errOut.String(), "\n") {
				if name, _, ok := strings.Cut(l, ":6:"); ok && strings.Contains(l, "error:") {
					reported = append(reported, name)
				}
			}
			assert.Equal(t, broken, reported, "each broken file once, in order")
		})
	}
}

// JSON Lines for a batch: one object per response, in order, with file and respondent.
func TestScoreJSONLinesOrder(t *testing.T) {
	dir := t.TempDir()
	rows, _ := writeResponses(t, dir, 40)
	io, _, out, _ := iostreams.Test()
	_ = scoreRun(NewFactory(io), &ScoreOptions{Responses: []string{dir}, Format: "json", Workers: 5})
	lines := strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n")
	require.Len(t, lines, len(rows))
	for i, l := range lines {
		file, _, _ := strings.Cut(rows[i], ",")
		assert.True(t, strings.HasPrefix(l, `{"file":"`+file+`","respondent":"p`), l)
	}
}

// Files, folders and a folder without responses, in batches: every result and error comes
// in the order of the arguments.
func TestScoreMixedArgumentsInBatches(t *testing.T) {
	a, b, empty := t.TempDir(), t.TempDir(), t.TempDir()
	rowsA, _ := writeResponses(t, a, 5)
	rowsB, _ := writeResponses(t, b, 4)
	single := filepath.Join(a, "r0001.yaml")
	for _, batch := range []int{1, 3, 100} {
		t.Run(fmt.Sprint(batch), func(t *testing.T) {
			io, _, out, errOut := iostreams.Test()
			err := scoreRun(NewFactory(io), &ScoreOptions{
				Responses: []string{a, empty, single, filepath.Join(b, "missing.yaml"), b},
				Format:    "csv", Workers: 2, batchSize: batch,
			})
			assert.Equal(t, errSilent1, err)
			want := append(append(append([]string{}, rowsA...), rowsA[1]), rowsB...)
			lines := strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n")
			assert.Equal(t, want, lines[1:])
			stderr := errOut.String()
			i, j := strings.Index(stderr, empty+": error: the folder holds no response files"), strings.Index(stderr, "missing.yaml: error: no such file")
			assert.True(t, i >= 0 && j > i, stderr)
		})
	}
}

// gcSpy is standard output that notes the collector's setting at every write, that is while
// score runs.
type gcSpy struct {
	io.Writer
	seen map[int]bool
}

func (w *gcSpy) Write(p []byte) (int, error) {
	v := debug.SetGCPercent(100)
	debug.SetGCPercent(v)
	w.seen[v] = true
	return w.Writer.Write(p)
}

// A large batch tunes the garbage collector while score runs (GOGC unset), a small one does
// not, and the old setting is back after either.
func TestScoreTunesGCForALargeBatchOnly(t *testing.T) {
	t.Setenv("GOGC", "")
	old := debug.SetGCPercent(77)
	defer debug.SetGCPercent(old)
	for _, tc := range []struct {
		n    int
		want int
	}{{batch.GCBatch, batch.GCPercent}, {10, 77}} {
		t.Run(fmt.Sprint(tc.n), func(t *testing.T) {
			dir := t.TempDir()
			writeResponses(t, dir, tc.n)
			io, _, out, _ := iostreams.Test()
			spy := &gcSpy{Writer: out, seen: map[int]bool{}}
			io.Out = spy
			_ = scoreRun(NewFactory(io), &ScoreOptions{Responses: []string{dir}, Format: "csv"})
			assert.Equal(t, map[int]bool{tc.want: true}, spy.seen, "the setting while scoring")
			assert.Equal(t, 77, debug.SetGCPercent(77), "the setting after")
		})
	}
}

// TestScoreSeparatorFitsTheWidth: the rule that names each response in `score` text output
// is as wide as the layout, whatever the file name is written in (it counted characters, so a
// CJK name made it wider than the width).
func TestScoreSeparatorFitsTheWidth(t *testing.T) {
	dir := t.TempDir()
	var names []string
	for _, n := range []string{"信頼の記録.yaml", "plain.yaml"} {
		src := "candor: 1\nkind: response\nbank: {id: trust-readiness, version: 2.0.0}\nstatus: completed\nanswers: {feel_safe: true, want_to_trust: true, love_outweighs_pain: true, could_survive: true}\n"
		require.NoError(t, os.WriteFile(filepath.Join(dir, n), []byte(src), 0o600))
		names = append(names, filepath.Join(dir, n))
	}
	width := 40 + len(dir) // wide enough for the folder, which is in the name
	r := runCandor(t, dir, "", append([]string{"score", "--width", fmt.Sprint(width)}, names...)...)
	require.Equal(t, 0, r.code, r.errOut)
	seps := 0
	for _, l := range strings.Split(r.out, "\n") {
		if strings.Contains(l, ".yaml ─") || strings.Contains(l, ".yaml -") {
			seps++
			assert.Equal(t, width, uniseg.StringWidth(l), "%q", l)
		}
	}
	assert.Equal(t, 2, seps, r.out)
}
