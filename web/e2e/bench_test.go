package e2e

import (
	"os"
	"sort"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/require"

	"github.com/candor-app/candor/web"
)

// BenchmarkFormOpen measures the page of `candor form trust-readiness` in headless
// Chromium: its size, and the time from the start of navigation to the intro on screen
// ("intro": made when the page was written, shown before the engine starts), to the engine
// started and Begin working ("ready"), and to the first question after Begin
// ("first-question"), as the page's own clock measures them; and the median of each step
// after the intro: the engine's text decoded ("decode": 7 bits a character, web/packed.go),
// unpacked ("inflate"), compiled ("compile"), Go's runtime and package initialisation ("init"), the bank loaded and the session started
// ("start"), and the buttons enabled ("draw"). Each iteration opens
// the page in a new tab. Run: bench/form.sh (go test -run '^$' -bench FormOpen -benchtime 20x
// ./web/e2e/).
func BenchmarkFormOpen(b *testing.B) { formOpen(b, 1) }

// BenchmarkFormOpenPhone is BenchmarkFormOpen with Chromium's CPU throttled 4x
// (emulation.SetCPUThrottlingRate), as DevTools emulates a mid-range phone (issue 24).
func BenchmarkFormOpenPhone(b *testing.B) { formOpen(b, 4) }

// formOpen opens the page b.N times, the CPU slowed down rate times (1: not at all).
func formOpen(b *testing.B, rate float64) {
	br := NewBrowser(b)
	url := formPage(b, "trust-readiness", web.Options{})
	st, err := os.Stat(strings.TrimPrefix(url, "file://"))
	require.NoError(b, err)
	var open, first []float64
	phases := map[string][]float64{}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		ctx := br.Tab(b)
		if rate > 1 {
			_, err := chromedp.Call(ctx, emulation.SetCPUThrottlingRate, emulation.SetCPUThrottlingRateParams{Rate: rate})
			require.NoError(b, err)
		}
		require.NoError(b, chromedp.Do(ctx, chromedp.Navigate(url), chromedp.WaitReady(chromedp.CSS(`body.ready`))))
		open = append(open, eval[float64](b, ctx, `window.candorReadyAt`))
		t := eval[map[string]float64](b, ctx, `window.candorTimes`)
		phases["intro"] = append(phases["intro"], t["shown"])
		phases["decode"] = append(phases["decode"], t["decoded"]-t["shown"])
		phases["inflate"] = append(phases["inflate"], t["inflated"]-t["decoded"])
		phases["compile"] = append(phases["compile"], t["compiled"]-t["inflated"])
		phases["init"] = append(phases["init"], t["ran"]-t["compiled"])
		phases["start"] = append(phases["start"], t["started"]-t["ran"])
		phases["draw"] = append(phases["draw"], t["ready"]-t["started"])
		ms := eval[float64](b, ctx, `(() => {
		  const t0 = performance.now();
		  Array.from(document.querySelectorAll('main button')).find(b => b.textContent === 'Begin').click();
		  if (!document.querySelector('main legend')) throw new Error('no question');
		  return window.candorReadyAt + (performance.now() - t0);
		})()`)
		first = append(first, ms)
		_ = chromedp.Cancel(ctx)
	}
	b.StopTimer()
	b.ReportMetric(float64(st.Size()), "page-bytes")
	b.ReportMetric(median(open), "ready-ms-median")
	b.ReportMetric(median(first), "first-question-ms-median")
	b.ReportMetric(maxOf(open), "ready-ms-max")
	for name, xs := range phases {
		b.ReportMetric(median(xs), name+"-ms-median")
	}
}

func median(xs []float64) float64 {
	s := append([]float64(nil), xs...)
	sort.Float64s(s)
	if len(s) == 0 {
		return 0
	}
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}

func maxOf(xs []float64) float64 {
	m := 0.0
	for _, x := range xs {
		m = max(m, x)
	}
	return m
}
