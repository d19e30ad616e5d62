// Package e2e tests the page `candor form` writes in a real browser: headless Chromium,
// driven from Go with chromedp. Without a browser the tests skip, except under CI=true,
// where they fail (.ci/run installs the Debian chromium package).
package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/require"

	"github.com/candor-app/candor/data"
	"github.com/candor-app/candor/questionnaire"
	"github.com/candor-app/candor/web"
	"github.com/candor-app/candor/web/enginebuild"
)

// chromiumPath finds the browser: $CANDOR_CHROMIUM, or a chromium or chrome on the PATH.
func chromiumPath() string {
	if p := os.Getenv("CANDOR_CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// needBrowser skips the test without a browser, or fails it under CI.
func needBrowser(t testing.TB) string {
	t.Helper()
	p := chromiumPath()
	if p == "" {
		if os.Getenv("CI") != "" {
			t.Fatal("no Chromium found, and CI is set: install the chromium package (.ci/run does)")
		}
		t.Skip("no Chromium found (set CANDOR_CHROMIUM, or install chromium); these tests run under CI")
	}
	return p
}

// Flags for Chromium run as root in a container, with nothing phoning out.
func allocatorOptions(exe, profile string) []chromedp.ExecAllocatorOption {
	return []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(exe),
		chromedp.UserDataDir(profile),
		chromedp.Flag("headless", true),
		chromedp.Flag("no-sandbox", true),
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("no-first-run", true),
		chromedp.Flag("no-default-browser-check", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-extensions", true),
		chromedp.Flag("disable-default-apps", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.Flag("mute-audio", true),
		chromedp.WindowSize(1024, 768),
	}
}

// Browser is one Chromium with a fresh profile.
type Browser struct {
	ctx     context.Context
	cancel  func()
	Profile string
}

// NewBrowser starts Chromium with a fresh profile in a temporary folder.
func NewBrowser(t testing.TB) *Browser {
	if name, _, _ := strings.Cut(t.Name(), "/"); testing.Short() && strings.HasPrefix(name, "Test") && !shortChecks[name] {
		t.Skip("a browser check of the full run (go test ./web/e2e, and CI); -short keeps only " + strings.Join(slices.Sorted(maps.Keys(shortChecks)), " and "))
	}
	exe := needBrowser(t)
	profile := t.TempDir()
	actx, acancel := chromedp.NewExecAllocator(context.Background(), allocatorOptions(exe, filepath.Join(profile, "profile"))...)
	bctx, bcancel := chromedp.NewContext(actx)
	// Start the browser now, so that a failure shows here.
	require.NoError(t, chromedp.Do(bctx), "starting %s", exe)
	b := &Browser{ctx: bctx, cancel: func() { bcancel(); acancel() }, Profile: profile}
	t.Cleanup(b.cancel)
	return b
}

// Tab opens a new tab; it closes when the test ends.
func (b *Browser) Tab(t testing.TB) context.Context {
	ctx, cancel := chromedp.NewContext(b.ctx)
	ctx, cancel2 := context.WithTimeout(ctx, 3*time.Minute)
	t.Cleanup(func() { cancel2(); cancel() })
	return ctx
}

// everyKind is the bank `candor init` writes: every question type, optional and conditional
// questions, a conditional section, an info statement, a date, flags and scores.
const everyKind = "every-kind"

// sectionWhen is a bank whose only `when` is a section's (web/engine/testdata): the intro's
// count is "about", and changing the first answer from the review opens the section.
const sectionWhen = "section-when"

// arabic is a short bank written in Arabic (web/engine/testdata), shown right to left.
const arabic = "arabic"

// pages caches the page of each bank, written once per test binary.
var (
	pagesMu  sync.Mutex
	pages    = map[string]string{}
	pagesDir string
)

// workDir is a folder that lasts as long as the test binary.
func workDir(t testing.TB) string {
	t.Helper()
	if pagesDir == "" {
		d, err := os.MkdirTemp("", "candor-e2e-")
		require.NoError(t, err)
		pagesDir = d
	}
	return pagesDir
}

// bankFor returns a bank (a built-in id, everyKind, sectionWhen or arabic), its exact bytes, and how
// to name it to the command line.
func bankFor(t testing.TB, name string) (*questionnaire.Bank, []byte, string) {
	t.Helper()
	var path string
	var raw []byte
	switch name {
	case everyKind:
		raw = data.Template(everyKind, "Every kind of question")
		path = filepath.Join(workDir(t), everyKind+".yaml")
		require.NoError(t, os.WriteFile(path, raw, 0o644))
	case sectionWhen, arabic:
		var err error
		path, err = filepath.Abs(filepath.Join("..", "engine", "testdata", name+".yaml"))
		require.NoError(t, err)
		raw, err = os.ReadFile(path)
		require.NoError(t, err)
	default:
		b, ds := data.LoadBank(name)
		require.NotNil(t, b, "%v", ds)
		raw, ok := data.Source(name)
		require.True(t, ok)
		return b, raw, name
	}
	b, ds := questionnaire.Load(path, raw)
	require.NotNil(t, b, "%v", ds)
	return b, raw, path
}

// formPage writes the page of a bank (as `candor form` does) and returns its file URL.
func formPage(t testing.TB, name string, opt web.Options) string {
	t.Helper()
	pagesMu.Lock()
	defer pagesMu.Unlock()
	key := fmt.Sprintf("%s-%v-%s-%d%s", name, opt.NoSummary, opt.Respondent, len(opt.Translations), opt.Lang)
	if u, ok := pages[key]; ok {
		return u
	}
	b, raw, _ := bankFor(t, name)
	path := filepath.Join(workDir(t), key+".html")
	f, err := os.Create(path)
	require.NoError(t, err)
	require.NoError(t, web.Write(f, b, raw, opt, pageEngine(t)))
	require.NoError(t, f.Close())
	pages[key] = "file://" + path
	return pages[key]
}

var (
	engineOnce sync.Once
	engine     web.Engine
	engineErr  error
)

// shortChecks are the browser tests go test -short runs, so that the quick run stays quick
// and still opens the page and compares it with the command line (a few walks); the full run
// and CI run every one.
var shortChecks = map[string]bool{"TestPageOpensAtTheIntro": true, "TestPageAgreesWithTheCommandLine": true}

// pageEngine is the page engine of this source tree: the page under test runs the code
// under test, never the last release's engine (docs/release.md). It is built once for each
// state of the sources and kept in the user's cache, as `candor form` keeps it.
func pageEngine(t testing.TB) web.Engine {
	t.Helper()
	engineOnce.Do(func() {
		var a *enginebuild.Artifacts
		if a, engineErr = enginebuild.CachedTree("."); engineErr == nil {
			engine = web.Built(a)
		}
	})
	require.NoError(t, engineErr)
	return engine
}

var (
	candorOnce sync.Once
	candorBin  string
	candorErr  error
)

// candor runs the candor command line (built once from this module) and returns its stdout
// and stderr.
func candor(t testing.TB, stdin string, args ...string) (string, string) {
	t.Helper()
	candorOnce.Do(func() {
		bin := filepath.Join(workDir(t), "candor")
		out, err := exec.Command("go", "build", "-o", bin, "github.com/candor-app/candor/cmd/candor").CombinedOutput()
		if err != nil {
			candorErr = fmt.Errorf("go build: %v\n%s", err, out)
		}
		candorBin = bin
	})
	require.NoError(t, candorErr)
	cmd := exec.Command(candorBin, args...)
	cmd.Dir = workDir(t)
	cmd.Env = append(os.Environ(), "NO_COLOR=1", "HOME="+workDir(t), "XDG_DATA_HOME="+filepath.Join(workDir(t), "data"))
	cmd.Stdin = strings.NewReader(stdin)
	var stdout, stderr strings.Builder
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	require.NoError(t, err, "candor %v: %s", args, stderr.String())
	return stdout.String(), stderr.String()
}

func TestMain(m *testing.M) {
	code := m.Run()
	if pagesDir != "" {
		os.RemoveAll(pagesDir)
	}
	os.Exit(code)
}

// eval runs JavaScript in the page, awaiting a promise, and returns its value.
func eval[T any](t testing.TB, ctx context.Context, js string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](js, chromedp.EvalAwaitPromise))
	require.NoError(t, err, "evaluating %.200s", js)
	return v
}

// open loads url and waits for the first screen.
func open(t testing.TB, ctx context.Context, url string) {
	t.Helper()
	require.NoError(t, chromedp.Do(ctx,
		chromedp.Navigate(url),
		chromedp.WaitReady(chromedp.CSS(`body.ready`)),
	))
}

// screen is what the page shows now, read from the DOM.
type screen struct {
	H1       []string `json:"h1"`
	Progress string   `json:"progress"`
	Buttons  []string `json:"buttons"`
	Legend   string   `json:"legend"`
	Labels   []string `json:"labels"`
	Inputs   []string `json:"inputs"`
	Main     string   `json:"main"`
	Status   string   `json:"status"`
	Problem  string   `json:"problem"`
}

const readScreen = `(() => {
  const t = (e) => e ? e.textContent.trim().replace(/\s+/g, ' ') : '';
  const all = (s) => Array.from(document.querySelectorAll(s));
  return {
    h1: all('main h1').map(t),
    progress: t(document.getElementById('progress')),
    buttons: all('button').map(t),
    legend: t(document.querySelector('main legend')),
    labels: all('main label').map(t),
    inputs: all('main input, main textarea').map(i => i.type),
    main: t(document.getElementById('main')),
    status: t(document.getElementById('status')),
    problem: t(document.getElementById('problem')),
  };
})()`

func read(t testing.TB, ctx context.Context) screen {
	t.Helper()
	return eval[screen](t, ctx, readScreen)
}

// click presses the button whose name (text, without visually hidden parts) is name,
// within main unless it is one of the page's own tools.
func click(t testing.TB, ctx context.Context, name string) {
	t.Helper()
	js := fmt.Sprintf(`(() => {
	  const want = %s;
	  const bs = Array.from(document.querySelectorAll('main button, header button')).filter(b => {
	    const c = b.cloneNode(true); c.querySelectorAll('.visually-hidden').forEach(x => x.remove());
	    return c.textContent.trim() === want;
	  });
	  if (bs.length === 0) return false;
	  bs[0].click();
	  return true;
	})()`, jsString(name))
	ok := eval[bool](t, ctx, js)
	require.True(t, ok, "no button %q on the screen: %+v", name, read(t, ctx))
}

func jsString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// TestPageOpensAtTheIntro: the page starts its engine and shows the bank's intro with
// Begin; Begin shows the first question, numbered, as a fieldset whose legend is the question.
func TestPageOpensAtTheIntro(t *testing.T) {
	b := NewBrowser(t)
	ctx := b.Tab(t)
	open(t, ctx, formPage(t, "trust-readiness", web.Options{}))
	s := read(t, ctx)
	require.Equal(t, []string{"Am I ready to start trusting again?"}, s.H1)
	require.Contains(t, s.Buttons, "Begin")
	require.Contains(t, s.Buttons, "Continue from an answers file")
	require.Contains(t, s.Buttons, "Leave this page")
	require.Contains(t, s.Buttons, "Download my answers")
	click(t, ctx, "Begin")
	s = read(t, ctx)
	require.Equal(t, "Question 1 of 5", s.Progress)
	require.True(t, strings.HasPrefix(s.Legend, "Do you feel safe with your partner"), s.Legend)
	require.Equal(t, []string{"Yes", "No"}, s.Labels)
	require.Equal(t, []string{"radio", "radio"}, s.Inputs)
	focused := eval[string](t, ctx, `document.activeElement ? document.activeElement.textContent : ''`)
	require.Equal(t, s.Legend, focused, "focus moves to the new question")
	live := eval[string](t, ctx, `(() => { const p = document.getElementById('progress'); return p.getAttribute('role') + ' ' + p.getAttribute('aria-live'); })()`)
	require.Equal(t, "status polite", live, "progress is said in a live region")
	require.Equal(t, "Questions", eval[string](t, ctx, `document.title`), "the tab's title says nothing of the topic")
}
