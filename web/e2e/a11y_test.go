package e2e

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/candor-app/candor/web"
)

// axeSource is axe-core, installed from web/e2e/package-lock.json by `npm ci` (.ci/run does).
func axeSource(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("node_modules", "axe-core", "axe.min.js"))
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("axe-core is missing (%v): run npm ci in web/e2e (.ci/run does)", err)
		}
		t.Skipf("axe-core is missing: run npm ci in web/e2e (%v)", err)
	}
	return string(b)
}

// axeCheck runs axe-core on the screen shown and fails on any serious or critical violation.
func axeCheck(t *testing.T, ctx context.Context, axe, what string) {
	t.Helper()
	if !eval[bool](t, ctx, `typeof window.axe !== 'undefined'`) {
		// DevTools evaluation is not subject to the page's script policy.
		_, err := chromedp.Run(ctx, chromedp.Evaluate[chromedp.Void](axe))
		require.NoError(t, err)
	}
	found := eval[[]string](t, ctx, `axe.run(document, {resultTypes: ['violations']}).then(r => r.violations
	  .filter(v => v.impact === 'serious' || v.impact === 'critical')
	  .map(v => v.impact + ' ' + v.id + ': ' + v.help + ' at ' + v.nodes.map(n => n.target.join(' ')).join(', ')))`)
	assert.Empty(t, found, "axe-core on %s", what)
}

// TestAccessibility: axe-core finds no serious or critical problem on the intro, a question
// of each type, a statement, the urgent message, the review, the summary and the thank-you
// of --no-summary, in light and dark mode.
func TestAccessibility(t *testing.T) {
	axe := axeSource(t)
	br := NewBrowser(t)
	for _, dark := range []bool{false, true} {
		mode := map[bool]string{false: "light", true: "dark"}[dark]
		t.Run(mode, func(t *testing.T) {
			ctx := br.Tab(t)
			if dark {
				_, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: "dark"}}})
				require.NoError(t, err)
			}
			open(t, ctx, formPage(t, everyKind, web.Options{}))
			axeCheck(t, ctx, axe, "the intro")
			click(t, ctx, "Begin")
			seen := walkEveryKind(t, ctx, func(what string) {
				axeCheck(t, ctx, axe, what)
				if strings.HasSuffix(what, " question") {
					eval[bool](t, ctx, `(() => { const d = document.querySelector('main details'); if (d) d.open = true; return true })()`)
					axeCheck(t, ctx, axe, what+" with its help open")
				}
			})
			for _, kind := range []string{"yesno", "choice", "multi", "scale", "number", "text", "date", "info"} {
				assert.True(t, seen[kind], "a %s question was checked", kind)
			}
			axeCheck(t, ctx, axe, "the review")
			click(t, ctx, "Show my summary")
			axeCheck(t, ctx, axe, "the summary")

			urgent := br.Tab(t)
			opt := withTranslations(t, "trust-readiness")
			opt.NoSummary = true
			open(t, urgent, formPage(t, "trust-readiness", opt))
			axeCheck(t, urgent, axe, "the intro with its languages")
			click(t, urgent, "Español")
			axeCheck(t, urgent, axe, "the intro in Español")
			click(t, urgent, "English")
			click(t, urgent, "Begin")
			pick(t, urgent, "No")
			axeCheck(t, urgent, axe, "the urgent message")
			click(t, urgent, "Continue")
			for eval[string](t, urgent, `document.getElementById('main').dataset.screen`) == "question" {
				pick(t, urgent, "Yes")
			}
			click(t, urgent, "Finish")
			axeCheck(t, urgent, axe, "the thank-you of --no-summary")
		})
	}
}

// TestAccessibilityCheckCanFail: the check reports a planted problem (a field without a
// label), so a clean report means something.
func TestAccessibilityCheckCanFail(t *testing.T) {
	axe := axeSource(t)
	ctx := NewBrowser(t).Tab(t)
	open(t, ctx, formPage(t, "trust-readiness", web.Options{}))
	eval[bool](t, ctx, `(() => { document.getElementById('main').appendChild(document.createElement('input')); return true })()`)
	_, err := chromedp.Run(ctx, chromedp.Evaluate[chromedp.Void](axe))
	require.NoError(t, err)
	found := eval[[]string](t, ctx, `axe.run(document).then(r => r.violations.filter(v => v.impact === 'critical').map(v => v.id))`)
	assert.Contains(t, found, "label")
}

// walkEveryKind answers the every-kind bank from its first question to the review, calling
// visit on each message shown at once ("a message shown at once") and on the first question
// of each kind ("a KIND question"), and returns the kinds seen. Every question and the
// statement are asked.
func walkEveryKind(t *testing.T, ctx context.Context, visit func(what string)) map[string]bool {
	t.Helper()
	seen := map[string]bool{}
	for i := 0; ; i++ {
		require.Less(t, i, 60)
		screen := eval[string](t, ctx, `document.getElementById('main').dataset.screen`)
		if screen == "flags" {
			visit("a message shown at once")
			click(t, ctx, "Continue")
			continue
		}
		if screen != "question" {
			return seen
		}
		kind := eval[string](t, ctx, `document.getElementById('question').dataset.type`)
		if !seen[kind] {
			seen[kind] = true
			visit("a " + kind + " question")
		}
		answerToAskAll(t, ctx, kind)
	}
}

// answerToAskAll answers the question shown so that every question of the every-kind bank
// is asked: yes where a yes opens more, else any answer.
func answerToAskAll(t *testing.T, ctx context.Context, kind string) {
	t.Helper()
	switch question(t, ctx) {
	case "want_to_rebuild", "seeing_counselor":
		pick(t, ctx, "Yes")
	default:
		answerAny(t, ctx, kind)
	}
}

// answerAny gives the question shown a plain answer and presses Next.
func answerAny(t *testing.T, ctx context.Context, kind string) {
	t.Helper()
	switch kind {
	case "number":
		fill(t, ctx, "12")
	case "text":
		fill(t, ctx, "Some words of my own.")
	case "date":
		fill(t, ctx, "2026-01-15")
	case "info":
		click(t, ctx, "Next")
	default:
		eval[bool](t, ctx, `(() => { document.getElementById('option-0').click(); return true })()`)
		click(t, ctx, "Next")
	}
}
