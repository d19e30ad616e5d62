package engine

import (
	"encoding/json"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/candor-app/candor/data"
	"github.com/candor-app/candor/questionnaire"
	"github.com/candor-app/candor/scoring"
)

var now = func() time.Time { return time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC) }

func newEngine(t *testing.T, id string, opt Options) *Engine {
	t.Helper()
	raw, ok := data.Source(id)
	require.True(t, ok)
	e, err := New(id+".yaml", raw, opt, now)
	require.NoError(t, err)
	return e
}

// call runs a method as the page does, through JSON.
func call(t *testing.T, e *Engine, method string, arg any) Reply {
	t.Helper()
	var raw []byte
	if arg != nil {
		var err error
		raw, err = json.Marshal(arg)
		require.NoError(t, err)
	}
	var r Reply
	require.NoError(t, json.Unmarshal(e.Call(method, raw, nil), &r))
	return r
}

func TestWalkThroughABank(t *testing.T) {
	e := newEngine(t, "trust-readiness", Options{Respondent: "Sam"})
	r := call(t, e, "view", nil)
	require.Equal(t, ScreenIntro, r.View.Screen)
	assert.Equal(t, "Am I ready to start trusting again?", r.View.Intro.Title)
	assert.Equal(t, 5, r.View.Intro.Questions)
	assert.True(t, r.View.Intro.Exact, "no question depends on a when")

	r = call(t, e, "begin", nil)
	q := r.View.Question
	require.NotNil(t, q)
	assert.Equal(t, "feel_safe", q.ID)
	assert.Equal(t, []OptionView{{Label: "Yes", Send: "yes"}, {Label: "No", Send: "no"}}, q.Options)

	// Nothing chosen on a required question is a problem; the question stays.
	r = call(t, e, "answer", map[string]string{"text": ""})
	require.NotNil(t, r.Problem)
	assert.Equal(t, "needs-answer", r.Problem.Code)
	assert.Equal(t, "feel_safe", r.View.Question.ID)

	// An urgent flag comes at once, before the next question.
	r = call(t, e, "answer", map[string]string{"text": "no"})
	require.Equal(t, ScreenFlags, r.View.Screen)
	require.Len(t, r.View.Flags, 1)
	assert.True(t, r.View.Flags[0].Urgent)
	assert.Contains(t, r.View.Flags[0].TextHTML, "<p>")
	r = call(t, e, "ack", nil)
	require.Equal(t, 2, r.View.Question.Number)

	for _, send := range []string{"yes", "1", "3", "2"} {
		r = call(t, e, "answer", map[string]string{"text": send})
		if r.View.Screen == ScreenFlags {
			r = call(t, e, "ack", nil)
		}
	}
	require.Equal(t, ScreenReview, r.View.Screen)
	require.Len(t, r.View.Review, 5)
	assert.Equal(t, "No", r.View.Review[0].Answer)

	// Changing an answer from the review comes back to the review.
	r = call(t, e, "goto", map[string]string{"id": "feel_safe"})
	require.Equal(t, "feel_safe", r.View.Question.ID)
	assert.True(t, r.View.Question.Options[1].Selected)
	r = call(t, e, "answer", map[string]string{"text": "yes"})
	require.Equal(t, ScreenReview, r.View.Screen)
	assert.Equal(t, "Yes", r.View.Review[0].Answer)

	r = call(t, e, "summary", nil)
	require.Equal(t, ScreenEnd, r.View.Screen)
	require.Equal(t, ScreenReview, call(t, e, "back", nil).View.Screen, "back from the summary is the review")
	require.Equal(t, "could_survive", call(t, e, "back", nil).View.Question.ID, "and then the last question")
	r = call(t, e, "summary", nil)
	assert.Contains(t, r.View.End.SummaryHTML, `<article class="candor-summary">`)
	assert.Contains(t, r.View.End.SummaryHTML, "Answered by Sam on 27 November 2026.")

	// The file is the response `take` writes, and scores as the page did.
	f := call(t, e, "download", nil).File
	require.NotNil(t, f)
	assert.Equal(t, "candor-answers-20261127.yaml", f.Name)
	resp, ds := questionnaire.ReadResponse(f.Name, []byte(f.Text))
	require.NotNil(t, resp, "%v", ds)
	assert.Equal(t, "Sam", resp.Respondent)
	assert.Equal(t, questionnaire.Completed, resp.Status)
	assert.Equal(t, e.Bank().Digest, resp.Bank.Digest)
	answers, rds := resp.Resolve(e.Bank())
	require.False(t, rds.HasErrors())
	res := scoring.Score(e.Bank(), answers, scoring.Options{})
	var fromPage scoring.Result
	require.NoError(t, json.Unmarshal([]byte(call(t, e, "result", map[string]string{"format": "json"}).Text), &fromPage))
	assert.Equal(t, res.Outcome.ID, fromPage.Outcome.ID)
}

func TestNoSummary(t *testing.T) {
	e := newEngine(t, "trust-readiness", Options{NoSummary: true})
	r := call(t, e, "summary", nil)
	require.Equal(t, ScreenEnd, r.View.Screen)
	assert.True(t, r.View.End.NoSummary)
	assert.Empty(t, r.View.End.SummaryHTML)
}

func TestContinueFromAFile(t *testing.T) {
	e := newEngine(t, "trust-readiness", Options{})
	call(t, e, "begin", nil)
	call(t, e, "answer", map[string]string{"text": "yes"})
	f := call(t, e, "download", nil).File

	e2 := newEngine(t, "trust-readiness", Options{})
	var r Reply
	require.NoError(t, json.Unmarshal(e2.Call("load", []byte(`{"name":"a.yaml"}`), []byte(f.Text)), &r))
	require.Empty(t, r.Error)
	assert.True(t, r.View.Intro.Resumed)
	assert.Equal(t, 1, r.View.Answered)
	r = call(t, e2, "begin", nil)
	assert.Equal(t, 2, r.View.Question.Number)

	// A plain mapping works as for take --answers; files that are not answers, or answer
	// another bank, are refused in words.
	for _, c := range []struct{ file, want string }{
		{"feel_safe: no\n", ""},
		{"- a\n- list\n", "cannot be read as answers"},
		{"candor: 1\nkind: response\nbank: {id: accountability, version: 1.0.0}\nanswers: {}\n", "another questionnaire"},
		{"feel_safe: sometimes\n", "do not fit these questions"},
	} {
		e3 := newEngine(t, "trust-readiness", Options{})
		require.NoError(t, json.Unmarshal(e3.Call("load", []byte(`{"name":"f.yaml"}`), []byte(c.file)), &r))
		if c.want == "" {
			assert.Empty(t, r.Error, c.file)
			r = call(t, e3, "begin", nil)
			assert.Equal(t, ScreenFlags, r.View.Screen, "a file that raises an urgent flag shows it first")
			continue
		}
		assert.Contains(t, r.Error, c.want, c.file)
	}
}

func TestForgetDropsTheAnswers(t *testing.T) {
	e := newEngine(t, "trust-readiness", Options{})
	call(t, e, "begin", nil)
	call(t, e, "answer", map[string]string{"text": "yes"})
	call(t, e, "forget", nil)
	assert.Nil(t, e.sess)
	assert.Nil(t, e.resp)
	r := call(t, e, "download", nil)
	assert.Nil(t, r.File)
	assert.NotEmpty(t, r.Error)
}

func TestBadCalls(t *testing.T) {
	e := newEngine(t, "trust-readiness", Options{})
	assert.Contains(t, call(t, e, "nonsense", nil).Error, `unknown call "nonsense"`)
	var r Reply
	require.NoError(t, json.Unmarshal(e.Call("answer", []byte("{"), nil), &r))
	assert.Contains(t, r.Error, "bad argument")
	_, err := New("bad.yaml", []byte("candor: 1\nid: x\n"), Options{}, now)
	assert.ErrorContains(t, err, "cannot be read")
}

// The page's summary gives no verdict while the safety question decides it, and names the
// question (issue 21: trust-readiness, three yeses, the safety question skipped).
func TestPageGivesNoVerdictWhileSafetyIsOpen(t *testing.T) {
	e := newEngine(t, "trust-readiness", Options{})
	var r Reply
	require.NoError(t, json.Unmarshal(e.Call("load", []byte(`{"name":"a.yaml"}`),
		[]byte("could_say_no: yes\nwant_to_trust: yes\nlove_outweighs_pain: yes\ncould_survive: yes\n")), &r))
	require.Empty(t, r.Error)
	r = call(t, e, "summary", nil)
	require.Equal(t, ScreenEnd, r.View.Screen)
	html := r.View.End.SummaryHTML
	assert.Contains(t, html, `<section class="candor-outcome candor-no-verdict">`)
	assert.Contains(t, html, "<h2>No verdict yet</h2>")
	assert.Contains(t, html, "You have not answered &#34;Do you feel safe with your partner")
	assert.NotContains(t, html, "You are ready to begin")
	assert.NotContains(t, html, "Some questions are still open")
	var res scoring.Result
	require.NoError(t, json.Unmarshal([]byte(call(t, e, "result", map[string]string{"format": "json"}).Text), &res))
	assert.Nil(t, res.Outcome)
	assert.Equal(t, []string{"feel_safe"}, res.OutcomeOpenOn)
}

// TestLoadSaysWhatDiffers: an answers file that loads, but was given to another version of
// the bank, to changed content (same version), or answers questions the bank does not have,
// says so in the intro's data; a file that matches says nothing.
func TestLoadSaysWhatDiffers(t *testing.T) {
	e := newEngine(t, "trust-readiness", Options{})
	call(t, e, "begin", nil)
	call(t, e, "answer", map[string]string{"text": "yes"})
	f := call(t, e, "download", nil).File.Text
	version := regexp.MustCompile(`(version: )([^,}]+)`)
	digest := regexp.MustCompile(`(digest: )("[^"]+")`)
	require.Regexp(t, version, f)
	require.Regexp(t, digest, f)
	bankVersion := version.FindStringSubmatch(f)[2]
	for _, c := range []struct {
		name string
		file string
		want *Differences
	}{
		{"the same", f, nil},
		{"another version", version.ReplaceAllString(f, "${1}0.9.0"), &Differences{Version: "0.9.0", BankVersion: bankVersion}},
		{"changed content", digest.ReplaceAllString(f, `${1}"sha256:`+strings.Repeat("0", 64)+`"`), &Differences{Changed: true}},
		{"unknown ids", strings.Replace(f, "answers:\n", "answers:\n  not_a_question: yes\n", 1), &Differences{Unknown: []string{"not_a_question"}}},
	} {
		t.Run(c.name, func(t *testing.T) {
			e2 := newEngine(t, "trust-readiness", Options{})
			var r Reply
			require.NoError(t, json.Unmarshal(e2.Call("load", []byte(`{"name":"a.yaml"}`), []byte(c.file)), &r))
			require.Empty(t, r.Error, c.file)
			assert.Equal(t, c.want, r.View.Intro.Differs, c.file)
			call(t, e2, "forget", nil)
		})
	}
}

// TestLoadKeepsTheCounselorsVersionWarningOut: the intro tells the person in plain words that
// their answers were given to another version; the counselor's wording of it ("the response
// was given to version …") does not reach the person's summary, as take leaves it out too.
func TestLoadKeepsTheCounselorsVersionWarningOut(t *testing.T) {
	e := newEngine(t, "trust-readiness", Options{})
	call(t, e, "begin", nil)
	call(t, e, "answer", map[string]string{"text": "yes"})
	f := regexp.MustCompile(`(version: )([^,}]+)`).ReplaceAllString(call(t, e, "download", nil).File.Text, "${1}0.9.0")
	e2 := newEngine(t, "trust-readiness", Options{})
	var r Reply
	require.NoError(t, json.Unmarshal(e2.Call("load", []byte(`{"name":"a.yaml"}`), []byte(f)), &r))
	require.Empty(t, r.Error)
	require.NotNil(t, r.View.Intro.Differs)
	html := call(t, e2, "summary", nil).View.End.SummaryHTML
	assert.NotContains(t, html, "the response was given to version")
}

// The summary on the page opens nothing: a source's web address is its words and the
// address as text to copy (issue 24 point 10), while the HTML result, the one the command
// line writes, keeps the link.
func TestPageSummaryHasNoLinks(t *testing.T) {
	bank := []byte(`candor: 1
id: linked
version: 1.0.0
title: Linked
questions:
  - {id: ok, text: "Are you okay?", type: yesno}
sources:
  - {title: Read more, url: "https://example.org/more"}
`)
	e, err := New("linked.yaml", bank, Options{}, now)
	require.NoError(t, err)
	var r Reply
	require.NoError(t, json.Unmarshal(e.Call("load", []byte(`{"name":"a.yaml"}`), []byte("ok: yes\n")), &r))
	require.Empty(t, r.Error)
	html := call(t, e, "summary", nil).View.End.SummaryHTML
	assert.NotContains(t, html, "<a ")
	assert.Contains(t, html, `Read more (address: <span class="address">https://example.org/more</span>)`)
	assert.Contains(t, call(t, e, "result", map[string]string{"format": "html"}).Text, `<a href="https://example.org/more"`)
}
