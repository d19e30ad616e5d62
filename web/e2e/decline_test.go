package e2e

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/candor-app/candor/questionnaire"
	"github.com/candor-app/candor/web"
)

const declinePageBank = `candor: 1
id: decline-page
version: 1.0.0
title: Declining
questions:
  - {id: feel_safe, text: "Do you feel safe at home?", decline: true}
  - {id: slept, text: "Did you sleep well?"}
flags:
  - {id: unsafe, when: feel_safe == false, level: urgent, title: Your safety comes first, text: Please reach out.}
  - {id: tired, when: slept == false, level: note, title: Rest, text: Sleep matters.}
outcomes:
  - {id: unsafe_first, when: unsafe, title: Safety first, text: Safety first.}
  - {id: fine, title: Thank you, text: Thank you.}
`

// declinePage writes the page of declinePageBank.
func declinePage(t *testing.T) string {
	t.Helper()
	raw := []byte(declinePageBank)
	b, ds := questionnaire.Load("decline-page.yaml", raw)
	require.NotNil(t, b, "%v", ds)
	path := filepath.Join(t.TempDir(), "decline.html")
	f, err := os.Create(path)
	require.NoError(t, err)
	require.NoError(t, web.Write(f, b, raw, web.Options{}, pageEngine(t)))
	require.NoError(t, f.Close())
	return "file://" + path
}

// TestDeclineButton: "I'd rather not say" is offered only where the question allows it,
// and the review says so, apart from a skip.
func TestDeclineButton(t *testing.T) {
	ctx := NewBrowser(t).Tab(t)
	open(t, ctx, declinePage(t))
	click(t, ctx, "Begin")
	assert.Contains(t, read(t, ctx).Buttons, "I\u2019d rather not say")
	click(t, ctx, "I\u2019d rather not say")
	assert.Equal(t, "slept", question(t, ctx))
	assert.NotContains(t, read(t, ctx).Buttons, "I\u2019d rather not say", "only where allowed")
	pick(t, ctx, "Yes")
	s := read(t, ctx)
	assert.Equal(t, []string{"Check your answers"}, s.H1)
	assert.Contains(t, s.Main, "1. Do you feel safe at home?Rather not say")

	// Back to it: it says so, and Next keeps it.
	click(t, ctx, "Back")
	click(t, ctx, "Back")
	assert.Equal(t, "feel_safe", question(t, ctx))
	assert.Contains(t, read(t, ctx).Main, "Your answer so far: rather not say.")
	click(t, ctx, "Next")
	assert.Equal(t, "slept", question(t, ctx))
}

// TestPrivateEndScreen: after a private flag the end says calmly where a download would sit
// and does not press it; with nothing private the download is the main button.
func TestPrivateEndScreen(t *testing.T) {
	ctx := NewBrowser(t).Tab(t)
	open(t, ctx, declinePage(t))
	click(t, ctx, "Begin")
	pick(t, ctx, "No")
	s := read(t, ctx)
	assert.Contains(t, s.Main, "Take all the time you need.")
	assert.NotContains(t, s.Main, "download", "the flags screen does not suggest downloading")
	click(t, ctx, "Continue")
	pick(t, ctx, "Yes")
	click(t, ctx, "Show my summary")
	s = read(t, ctx)
	assert.Contains(t, s.Main, "you don\u2019t need to download anything")
	assert.Contains(t, s.Main, "Downloads folder, where anyone who uses this device could open it")
	assert.Equal(t, "", eval[string](t, ctx, `Array.from(document.querySelectorAll('main button')).find(b => b.textContent === 'Download my answers').className`))

	// A note kept for the end is not private.
	open(t, ctx, declinePage(t))
	click(t, ctx, "Begin")
	pick(t, ctx, "Yes")
	pick(t, ctx, "No")
	click(t, ctx, "Show my summary")
	s = read(t, ctx)
	assert.NotContains(t, s.Main, "Downloads folder")
	assert.Equal(t, "primary", eval[string](t, ctx, `Array.from(document.querySelectorAll('main button')).find(b => b.textContent === 'Download my answers').className`))
}
