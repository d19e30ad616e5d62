package engine

import (
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// sectionWhen is a bank whose only `when` is a section's: yes to the first question asks
// the section "Together now" (two questions).
func sectionWhen(t *testing.T) *Engine {
	t.Helper()
	raw, err := os.ReadFile("testdata/section-when.yaml")
	require.NoError(t, err)
	e, err := New("section-when.yaml", raw, Options{}, now)
	require.NoError(t, err)
	return e
}

// TestChangeFromTheReviewAsksWhatItOpened: on the page as at the terminal, an answer
// changed from the review that opens questions asks them before the review comes back.
func TestChangeFromTheReviewAsksWhatItOpened(t *testing.T) {
	e := sectionWhen(t)
	r := call(t, e, "view", nil)
	assert.Equal(t, 3, r.View.Intro.Questions)
	assert.False(t, r.View.Intro.Exact, "a section's when makes the count not exact")

	r = call(t, e, "begin", nil)
	require.Equal(t, "together", r.View.Question.ID)
	require.Equal(t, ScreenIntro, call(t, e, "back", nil).View.Screen, "back from the first question: the intro")
	call(t, e, "begin", nil)
	for _, send := range []string{"no", "3", ""} {
		r = call(t, e, "answer", map[string]string{"text": send})
	}
	require.Equal(t, ScreenReview, r.View.Screen)
	require.Len(t, r.View.Review, 3)

	r = call(t, e, "goto", map[string]string{"id": "together"})
	require.Equal(t, "together", r.View.Question.ID)
	r = call(t, e, "answer", map[string]string{"text": "yes"})
	require.Equal(t, ScreenQuestion, r.View.Screen, "the question the change opened, not the review")
	q := r.View.Question
	assert.Equal(t, "talk", q.ID)
	assert.Equal(t, 3, q.Number)
	assert.Equal(t, 5, q.Total)
	assert.False(t, q.Reopened)
	assert.Contains(t, q.SectionIntroHTML, "A few questions about the two of you.", "the first of its section")
	r = call(t, e, "answer", map[string]string{"text": "2"})
	require.Equal(t, "hope", r.View.Question.ID)
	assert.Empty(t, r.View.Question.SectionIntroHTML)
	r = call(t, e, "answer", map[string]string{"text": "5"})
	require.Equal(t, ScreenReview, r.View.Screen, "then the review")
	assert.Len(t, r.View.Review, 5)
	for _, it := range r.View.Review {
		assert.True(t, it.Answered || it.Skipped, "%s has its answer", it.ID)
	}
}

// TestReviewBeforeTheEndReturnsThere: "Review my answers" before the end, a change, and
// Back: the question the person left.
func TestReviewBeforeTheEndReturnsThere(t *testing.T) {
	e := sectionWhen(t)
	call(t, e, "begin", nil)
	call(t, e, "answer", map[string]string{"text": "yes"})
	require.Equal(t, "mood", call(t, e, "view", nil).View.Question.ID)
	r := call(t, e, "review", nil)
	require.Equal(t, ScreenReview, r.View.Screen)
	r = call(t, e, "goto", map[string]string{"id": "together"})
	require.Equal(t, "together", r.View.Question.ID)
	r = call(t, e, "answer", map[string]string{"text": "yes"})
	require.Equal(t, ScreenReview, r.View.Screen, "nothing opened: the review")
	r = call(t, e, "back", nil)
	require.Equal(t, ScreenQuestion, r.View.Screen)
	assert.Equal(t, "mood", r.View.Question.ID, "back to the question left for the review")
}
