package questionnaire

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// declineBank allows declining by default; `plain` says no, and `note` is a statement.
const declineBank = `candor: 1
id: decline-test
version: 1.0.0
title: Decline
decline: true
questions:
  - {id: note, type: info, text: "Take your time."}
  - {id: safe, text: "Safe?"}
  - {id: mood, text: "Mood?", min: 1, max: 5}
  - {id: plain, text: "Plain?", decline: false}
  - {id: words, type: text, text: "Anything else?", required: false}
`

func loadDecline(t *testing.T, src string) (*Bank, Diagnostics) {
	t.Helper()
	b, ds := Load("decline.yaml", []byte(src))
	require.NotNil(t, b, "%v", ds)
	return b, ds
}

func TestDeclineKey(t *testing.T) {
	b, ds := loadDecline(t, declineBank)
	require.Empty(t, ds)
	assert.True(t, b.Decline)
	assert.False(t, b.Question("note").Decline, "a statement takes no answer")
	assert.True(t, b.Question("safe").Decline, "the bank's default")
	assert.True(t, b.Question("mood").Decline)
	assert.False(t, b.Question("plain").Decline, "the question's own `decline: false`")
	assert.True(t, b.AllowsDecline())

	// Without the bank's default, only a question that says so.
	b, ds = loadDecline(t, "candor: 1\nid: d\nversion: 1.0.0\ntitle: D\nquestions:\n  - {id: a, text: A}\n  - {id: b, text: B, decline: true}\n")
	require.Empty(t, ds)
	assert.False(t, b.Question("a").Decline)
	assert.True(t, b.Question("b").Decline)
	b, _ = loadDecline(t, "candor: 1\nid: d\nversion: 1.0.0\ntitle: D\nquestions:\n  - {id: a, text: A}\n")
	assert.False(t, b.AllowsDecline())
}

func TestDeclineKeyProblems(t *testing.T) {
	for _, tc := range []struct {
		name, src, want string
		err             bool
	}{
		{"on a statement", "candor: 1\nid: d\nversion: 1.0.0\ntitle: D\nquestions:\n  - {id: a, type: info, text: A, decline: true}\n",
			`decline.yaml:6:34: info statement "a" takes no answer, so it cannot be declined`, true},
		{"not a boolean", "candor: 1\nid: d\nversion: 1.0.0\ntitle: D\ndecline: sometimes\nquestions:\n  - {id: a, text: A}\n",
			"decline.yaml:5:10: ", true},
		{"an option that declines", "candor: 1\nid: d\nversion: 1.0.0\ntitle: D\nquestions:\n  - id: a\n    text: A\n    decline: true\n    choices: [{value: 1, label: Yes}, {value: 2, label: Prefer not to say}]\n",
			`decline.yaml:8:5: warning: option "Prefer not to say" of question "a" says the same as declining`, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, ds := Load("decline.yaml", []byte(tc.src))
			require.NotEmpty(t, ds)
			assert.Equal(t, tc.err, ds.HasErrors())
			assert.Contains(t, ds[0].Error(), tc.want)
		})
	}
}

func TestDeclineText(t *testing.T) {
	for _, s := range []string{"declined", "DECLINED", " decline ", "asked-declined", "rather not say", "Rather not answer.",
		"I'd rather not say", "I’d rather not answer", "i would rather not say", "prefer not to say", "I prefer not to answer!"} {
		assert.True(t, DeclineText(s), "%q declines", s)
	}
	for _, s := range []string{"", "s", "skip", "no", "not sure", "rather", "I'd rather not say what happened, but it hurt", "3", "pass"} {
		assert.False(t, DeclineText(s), "%q does not decline", s)
	}
	b, _ := loadDecline(t, declineBank)
	assert.True(t, b.Question("safe").Declines("rather not say"))
	assert.False(t, b.Question("plain").Declines("rather not say"), "only where declining is allowed")
	assert.True(t, b.Question("words").Declines("declined"), "at a text question too: the word is checked first")
}

// TestDeclinedRoundTrip: a declined question is written under `declined`, apart from
// `skipped`, and read back so.
func TestDeclinedRoundTrip(t *testing.T) {
	b, _ := loadDecline(t, declineBank)
	r := NewResponse(b, time.Date(2026, 12, 6, 9, 0, 0, 0, time.UTC))
	r.SetAnswer("mood", 3.0)
	r.SetDeclined("safe", true)
	r.SetSkipped("words", true)
	r.SetDeclined("plain", true)
	r.SetDeclined("plain", false)
	out, err := r.Marshal(b)
	require.NoError(t, err)
	assert.Contains(t, string(out), "answers:\n  mood: 3\nskipped: [words]\ndeclined: [safe]\n")

	back, ds := ReadResponse("r.yaml", out)
	require.Empty(t, ds)
	assert.Equal(t, []string{"safe"}, back.Declined)
	assert.Equal(t, []string{"words"}, back.Skipped)
	answers, rds := back.Resolve(b)
	require.Empty(t, rds)
	assert.Equal(t, Answers{"mood": 3.0}, answers, "a declined question has no answer")
}

// TestDeclinedInAnswersFile: an answers file writes `declined` (or the typed words) as the
// answer; it becomes a declined question, saved under `declined`. At a question that does not
// allow declining the word is an answer that does not fit.
func TestDeclinedInAnswersFile(t *testing.T) {
	b, _ := loadDecline(t, declineBank)
	r, ds := ReadAnswers("a.yaml", []byte("safe: declined\nmood: Rather not say\nplain: yes\nwords: declined\n"), b)
	require.Empty(t, ds)
	answers, rds := r.Resolve(b)
	require.Empty(t, rds)
	assert.Equal(t, Answers{"plain": true}, answers)
	assert.Equal(t, []string{"safe", "mood", "words"}, r.Declined)
	out, err := r.Marshal(b)
	require.NoError(t, err)
	assert.Contains(t, string(out), "answers:\n  plain: \"yes\"\ndeclined: [safe, mood, words]\n")

	r, _ = ReadAnswers("a.yaml", []byte("safe: yes\nplain: declined\n"), b)
	_, rds = r.Resolve(b)
	require.True(t, rds.HasErrors())
	assert.Contains(t, rds[0].Error(), "a.yaml:2:8: ")
}

func TestDeclinedChecked(t *testing.T) {
	b, _ := loadDecline(t, declineBank)
	src := "candor: 1\nkind: response\nbank: {id: decline-test, version: 1.0.0}\nanswers: {safe: true}\ndeclined: [safe, gone]\n"
	r, ds := ReadResponse("r.yaml", []byte(src))
	require.Empty(t, ds)
	_, rds := r.Resolve(b)
	require.Len(t, rds, 2)
	assert.Contains(t, rds[0].Error(), `r.yaml:5:12: question "safe" is both answered and declined`)
	assert.Contains(t, rds[1].Error(), `r.yaml:5:18: warning: declined question "gone", which bank "decline-test" does not have`)
}
