package terminal

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/candor-app/candor/questionnaire"
)

// TestDeclineAtTheTerminal: r (or the words) declines where a question allows it, and only
// there the hint and help mention it; the review says "(rather not say)", apart from a skip.
func TestDeclineAtTheTerminal(t *testing.T) {
	b, ds := questionnaire.LoadFile("../testdata/decline.yaml")
	require.NotNil(t, b, "%v", ds)
	res := run(t, b, nil, "?", "r", "Prefer not to say", "?", "r", "y", "s", "")
	require.Equal(t, Finished, res.status)
	out := res.out
	assert.Contains(t, out, "(y/n, r for rather not say, ? for help)")
	flat := strings.Join(strings.Fields(out), " ")
	assert.Contains(t, flat, "If you'd rather not answer this one, type r (or \"rather not say\"). That's okay: it counts as no answer.")
	assert.Contains(t, out, "Type a number from 1 to 5, or r for rather not say (? for help)")
	// Where declining is not allowed: no mention, and r is an answer that does not fit.
	assert.Contains(t, out, "Did you sleep?\n(y/n, ? for help)\n")
	assert.Equal(t, 1, strings.Count(out, "If you'd rather not answer this one"), "help mentions it only where allowed")
	assert.Contains(t, out, `Please type y for yes or n for no ("r" isn't one of those).`)
	assert.Contains(t, flat, "Type your answer on one line, press Enter to skip, or r for rather not say (? for help)")

	assert.Contains(t, out, "  1  Do you feel safe at home?\n     (rather not say)\n")
	assert.Contains(t, out, "  2  How is your mood?\n     (rather not say)\n")
	assert.Contains(t, out, "  4  Anything else?\n     (skipped)\n")
	assert.Equal(t, []string{"safe", "mood"}, res.resp.Declined)
	assert.Equal(t, []string{"words"}, res.resp.Skipped)
	assert.Equal(t, questionnaire.Completed, res.resp.Status)
}

// TestDeclinedShownAgain: going back to a declined question says so, and Enter keeps it.
func TestDeclinedShownAgain(t *testing.T) {
	b, ds := questionnaire.LoadFile("../testdata/decline.yaml")
	require.NotNil(t, b, "%v", ds)
	res := run(t, b, nil, "r", "b", "", "3", "n", "s", "")
	require.Equal(t, Finished, res.status)
	assert.Contains(t, res.out, "Your answer so far: rather not say. Press Enter to keep it, or type an answer.")
	assert.Equal(t, []string{"safe"}, res.resp.Declined)
}
