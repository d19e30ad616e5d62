package e2e

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/candor-app/candor/data"
	"github.com/candor-app/candor/questionnaire"
	"github.com/candor-app/candor/render"
	"github.com/candor-app/candor/scoring"
)

// twelveWeeks is a 12-week history of the example outcome measure (render's test bank, whose
// `change:` numbers are illustrative): distress falls and trust rises, with one week answered
// not safe (week 5) and one hard week (week 9).
func twelveWeeks(t *testing.T) (*questionnaire.Bank, []render.HistoryEntry) {
	b, ds := questionnaire.LoadFile(filepath.Join("..", "..", "render", "testdata", "banks", "outcome-measure.yaml"))
	require.NotNil(t, b, "%v", ds)
	weeks := [][7]float64{ // safe, worry, sleep, alone, tense, count_on, honest
		{1, 4, 3, 3, 4, 2, 3}, {1, 3, 3, 3, 3, 3, 3}, {1, 3, 3, 2, 3, 3, 4}, {1, 3, 2, 2, 3, 4, 4},
		{0, 1, 0, 0, 1, 7, 7}, {1, 2, 2, 2, 2, 4, 5}, {1, 2, 1, 2, 2, 5, 5}, {1, 2, 1, 1, 2, 5, 6},
		{1, 3, 3, 2, 3, 3, 4}, {1, 1, 1, 1, 1, 5, 6}, {1, 1, 0, 1, 1, 6, 6}, {1, 0, 1, 0, 1, 6, 7},
	}
	var out []render.HistoryEntry
	for i, w := range weeks {
		a := questionnaire.Answers{"feel_safe": w[0] == 1, "worry": w[1], "sleep": w[2], "alone": w[3], "tense": w[4], "count_on": w[5], "honest": w[6]}
		d := time.Date(2026, 9, 1, 9, 0, 0, 0, time.UTC).AddDate(0, 0, 7*i)
		out = append(out, render.HistoryEntry{
			Response: &questionnaire.Response{Respondent: "Sam", Started: d, Updated: d, Status: questionnaire.Completed},
			Result:   scoring.Score(b, a, scoring.Options{}),
		})
	}
	return b, out
}

// reportPage writes an HTML report to a file and returns its URL.
func reportPage(t *testing.T, name string, write func(*bytes.Buffer) error) string {
	var buf bytes.Buffer
	require.NoError(t, write(&buf))
	path := filepath.Join(t.TempDir(), name)
	require.NoError(t, os.WriteFile(path, buf.Bytes(), 0o600))
	return "file://" + path
}

// openReport loads a report and returns what its console said: a report has no script, so
// anything there (a CSP refusal, an error) is a fault.
func openReport(t *testing.T, ctx context.Context, url string) func() []string {
	lctx, stop := context.WithCancel(ctx)
	var mu sync.Mutex
	var said []string
	done := make(chan struct{})
	msgs := chromedp.Console(lctx)
	go func() {
		defer close(done)
		for m, err := range msgs {
			if err != nil {
				return
			}
			if m.Type == chromedp.ConsoleError || m.Type == chromedp.ConsoleWarning || m.IsException() {
				mu.Lock()
				said = append(said, m.String())
				mu.Unlock()
			}
		}
	}()
	require.NoError(t, chromedp.Do(ctx, chromedp.Navigate(url), chromedp.WaitReady(chromedp.CSS(`main`))))
	return func() []string {
		time.Sleep(200 * time.Millisecond) // let late messages arrive
		stop()
		<-done
		mu.Lock()
		defer mu.Unlock()
		return said
	}
}

// TestHistoryAndCompareReports: `history --format html` of twelve weeks and `compare
// --format html` open with nothing in the console, and axe-core finds no serious or critical
// problem, in light and dark mode. With CANDOR_REPORT=FILE the history page is also saved
// there (docs/screenshot.sh takes docs/history-12-weeks.png of it).
func TestHistoryAndCompareReports(t *testing.T) {
	axe := axeSource(t)
	br := NewBrowser(t)
	b, entries := twelveWeeks(t)
	history := reportPage(t, "history.html", func(w *bytes.Buffer) error {
		return render.History(w, b, entries, render.HistoryOptions{Format: "html"})
	})
	if out := os.Getenv("CANDOR_REPORT"); out != "" {
		raw, err := os.ReadFile(strings.TrimPrefix(history, "file://"))
		require.NoError(t, err)
		require.NoError(t, os.WriteFile(out, raw, 0o644))
	}
	sc, ds := data.LoadBank("session-check")
	require.NotNil(t, sc, "%v", ds)
	side := func(name string, v float64) render.CompareSide {
		a := questionnaire.Answers{"feel_safe": true, "heard": v, "goals": v + 1, "approach": v, "overall": v}
		return render.CompareSide{Name: name, Answers: a, Result: scoring.Score(sc, a, scoring.Options{})}
	}
	compare := reportPage(t, "compare.html", func(w *bytes.Buffer) error {
		return render.Compare(w, sc, side("Sam", 5), side("Alex", 9), render.CompareOptions{Format: "html"})
	})
	for _, dark := range []bool{false, true} {
		mode := map[bool]string{false: "light", true: "dark"}[dark]
		t.Run(mode, func(t *testing.T) {
			for _, pg := range []struct{ what, url string }{{"the 12-week history", history}, {"the comparison", compare}} {
				ctx := br.Tab(t)
				if dark {
					_, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: "dark"}}})
					require.NoError(t, err)
				}
				said := openReport(t, ctx, pg.url)
				assert.Positive(t, eval[int](t, ctx, `document.querySelectorAll('figure svg[role=img]').length`), "%s has a chart", pg.what)
				axeCheck(t, ctx, axe, pg.what+" ("+mode+")")
				assert.Empty(t, said(), "the console of %s", pg.what)
			}
		})
	}
}
