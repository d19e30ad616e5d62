package ask

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/candor-app/candor/questionnaire"
)

// answerAll gives the steps bank's answers in order, from the start: the `more` section is
// asked (safe), the colour is light blue (why_red is not asked), the note is skipped.
func answerAll(t *testing.T, s *Session) {
	t.Helper()
	for _, in := range []string{"", "y", "2", "1", "5", "8", "2020-01-01", ""} {
		require.NoError(t, s.Answer(in), in)
		s.AckAtOnce()
	}
	require.True(t, s.Done())
}

// TestScreensFromTheIntroToTheEnd: the session says which screen to show, from the intro
// through the questions and the flags to the review and the end, and back.
func TestScreensFromTheIntroToTheEnd(t *testing.T) {
	s, _ := newSession(t, nil)
	assert.Equal(t, ScreenIntro, s.Screen())
	s.Begin()
	assert.Equal(t, ScreenQuestion, s.Screen())
	at(t, s, "welcome", 0, 2)
	assert.Equal(t, AtFirst, problem(t, s.Back()), "without BackToIntro the intro is not shown again")
	require.NoError(t, s.Continue())
	require.NoError(t, s.Answer("n"))
	assert.Equal(t, ScreenFlags, s.Screen(), "an urgent flag before the next question")
	require.NoError(t, s.Back(), "going back waits until it is read")
	assert.Equal(t, ScreenFlags, s.Screen())
	s.AckAtOnce()
	assert.Equal(t, ScreenQuestion, s.Screen())
	at(t, s, "colour", 2, 2)
	require.NoError(t, s.Answer("2"))
	assert.Equal(t, ScreenReview, s.Screen(), "done: the review")
	assert.True(t, s.Done())

	s.Finish()
	assert.Equal(t, ScreenEnd, s.Screen())
	require.NoError(t, s.Back())
	assert.Equal(t, ScreenReview, s.Screen(), "back from the end: the review")
	require.NoError(t, s.Back())
	assert.Equal(t, ScreenQuestion, s.Screen(), "back from the review: the last question")
	at(t, s, "colour", 2, 2)
	require.NoError(t, s.Answer(""))
	assert.Equal(t, ScreenReview, s.Screen(), "its answer kept: the review again")
}

// TestBackToIntro: a front end that can show the intro again (the page) gets it from the
// first question, a statement or not.
func TestBackToIntro(t *testing.T) {
	b := loadBank(t, "steps.yaml")
	s := NewSession(b, questionnaire.NewResponse(b, fixed), Options{BackToIntro: true})
	s.Begin()
	require.NoError(t, s.Back())
	assert.Equal(t, ScreenIntro, s.Screen())
	assert.Equal(t, AtFirst, problem(t, s.Back()), "nothing before the intro")
	s.Begin()
	require.NoError(t, s.Continue())
	require.NoError(t, s.Back())
	at(t, s, "welcome", 0, 2)
	assert.Equal(t, ScreenQuestion, s.Screen())
}

// TestChangeFromTheReviewAsksWhatItOpened: a change made from the review goes to the
// question, then to any question the new answer opened, then back to the review; a change
// that opens nothing, or closes questions, goes straight back.
func TestChangeFromTheReviewAsksWhatItOpened(t *testing.T) {
	s, _ := newSession(t, nil)
	answerAll(t, s)
	require.Equal(t, ScreenReview, s.Screen())

	require.NoError(t, s.Change("colour"))
	assert.Equal(t, ScreenQuestion, s.Screen())
	at(t, s, "colour", 2, 7)
	require.NoError(t, s.Answer("red"))
	st := at(t, s, "why_red", 3, 8)
	assert.False(t, st.Reopened, "asked for the first time")
	assert.Equal(t, ScreenQuestion, s.Screen(), "the question the change opened, before the review")
	require.NoError(t, s.Answer("warm"))
	assert.Equal(t, ScreenReview, s.Screen())
	assert.True(t, s.Done())

	// Kept as it was: straight back.
	require.NoError(t, s.Change("hope"))
	require.NoError(t, s.Answer(""))
	assert.Equal(t, ScreenReview, s.Screen())

	// Closing a section: straight back, with fewer questions.
	require.NoError(t, s.Change("safe"))
	require.NoError(t, s.Answer("n"))
	assert.Equal(t, ScreenFlags, s.Screen(), "the flag first")
	s.AckAtOnce()
	assert.Equal(t, ScreenReview, s.Screen(), "then the review")
	assert.Len(t, s.Review(), 3)

	// Opening it again: its answers were kept, so nothing is open.
	require.NoError(t, s.Revise(1))
	require.NoError(t, s.Answer("y"))
	assert.Equal(t, ScreenReview, s.Screen(), "its answers were kept: nothing is open")
	assert.Len(t, s.Review(), 8)

	assert.Equal(t, NotAsked, problem(t, s.Change("no_such_question")))
	require.NoError(t, s.Change("safe"))
	require.NoError(t, s.Answer("n"))
	s.AckAtOnce()
	assert.Equal(t, NotAsked, problem(t, s.Change("hope")), "not asked now")
}

// TestReviewBeforeTheEnd: the review shown before the questions are done (the page's
// "Review my answers") returns to the question the person left, and a change made from it
// asks only what the change opened, not the questions not reached yet.
func TestReviewBeforeTheEnd(t *testing.T) {
	b := loadBank(t, "steps.yaml")
	s := NewSession(b, questionnaire.NewResponse(b, fixed), Options{BackToIntro: true})
	s.Begin()
	require.NoError(t, s.Continue())
	require.NoError(t, s.Answer("y"))
	at(t, s, "colour", 2, 7)
	s.ShowReview()
	assert.Equal(t, ScreenReview, s.Screen())
	require.NoError(t, s.Back())
	at(t, s, "colour", 2, 7)
	assert.Equal(t, ScreenQuestion, s.Screen())

	require.NoError(t, s.Answer("1"))
	at(t, s, "why_red", 3, 8)
	s.ShowReview()
	require.NoError(t, s.Change("colour"))
	require.NoError(t, s.Answer("2"))
	assert.Equal(t, ScreenReview, s.Screen(), "the change closed why_red and opened nothing")
	assert.False(t, s.Done())
	require.NoError(t, s.Back())
	at(t, s, "helps", 3, 7) // why_red is gone: the first question still open

	s.ShowReview()
	require.NoError(t, s.Change("safe"))
	require.NoError(t, s.Answer(""))
	assert.Equal(t, ScreenReview, s.Screen(), "the questions not reached yet wait")
	require.NoError(t, s.Back())
	at(t, s, "helps", 3, 7)
}

// TestCountSaysWhetherItIsExact: the intro's count is exact only when no question that
// takes an answer depends on a `when`, its own or its section's.
func TestCountSaysWhetherItIsExact(t *testing.T) {
	for _, tt := range []struct {
		name, when, sectionWhen string
		total                   int
		exact                   bool
	}{
		{"no when", "", "", 3, true},
		{"a question's when", "opening == true", "", 2, false},
		{"a section's when", "", "opening == true", 2, false},
		{"a statement's when", "info", "", 3, true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			yaml := "candor: 1\nid: count\nversion: 1.0.0\ntitle: Count\nsections:\n" +
				"  - id: a\n    title: A\n    questions:\n" +
				"      - {id: opening, type: yesno, text: 'First'}\n" +
				"      - {id: second, type: yesno, text: 'Second'"
			switch tt.when {
			case "info":
				yaml += "}\n      - {id: note, type: info, text: A note., when: opening == true}\n"
			case "":
				yaml += "}\n"
			default:
				yaml += ", when: " + tt.when + "}\n"
			}
			yaml += "  - id: b\n    title: B\n"
			if tt.sectionWhen != "" {
				yaml += "    when: " + tt.sectionWhen + "\n"
			}
			yaml += "    questions:\n      - {id: third, type: yesno, text: 'Third'}\n"
			b, ds := questionnaire.Load("count.yaml", []byte(yaml))
			require.NotNil(t, b, "%v", ds)
			require.False(t, ds.HasErrors(), "%v", ds)
			s := NewSession(b, questionnaire.NewResponse(b, fixed), Options{})
			total, exact := s.Count()
			assert.Equal(t, tt.total, total)
			assert.Equal(t, tt.exact, exact)
		})
	}
}

// TestFirstOfSection: the first question asked in a section, a statement too, is where its
// intro goes; a section whose first question is not asked starts at the next one.
func TestFirstOfSection(t *testing.T) {
	s, _ := newSession(t, nil)
	first := map[string]bool{}
	for !s.Done() {
		st := s.Current()
		first[st.Question.ID] = st.FirstOfSection
		in := map[string]string{"safe": "y", "colour": "2", "helps": "1", "hope": "5", "hours": "8", "since": "2020-01-01"}[st.Question.ID]
		require.NoError(t, s.Answer(in))
		s.AckAtOnce()
	}
	assert.Equal(t, map[string]bool{"welcome": true, "safe": false, "colour": false,
		"helps": true, "hope": false, "hours": false, "since": false, "note": false}, first)
}

// TestAdoptResolvesOnce: a saved response is resolved once, made the bank's (a plain
// mapping too), given the respondent and its answers written as §2 writes them; Resume
// continues it where it was left. One that does not fit is left as it was.
func TestAdoptResolvesOnce(t *testing.T) {
	b := loadBank(t, "steps.yaml")
	resp, ds := questionnaire.ReadAnswers("answers.yaml", []byte("safe: yes\ncolour: Light blue\n"), b)
	require.NotNil(t, resp, "%v", ds)
	saved := Adopt(b, resp, "Sam", fixed)
	require.False(t, saved.Diagnostics.HasErrors(), "%v", saved.Diagnostics)
	assert.Equal(t, b.ID, resp.Bank.ID)
	assert.Equal(t, b.Digest, resp.Bank.Digest)
	assert.Equal(t, fixed, resp.Started)
	assert.Equal(t, "Sam", resp.Respondent)
	assert.Equal(t, map[string]any{"safe": true, "colour": "light_blue"}, resp.Answers, "as §2 writes them")
	assert.Equal(t, questionnaire.Answers{"safe": true, "colour": "light_blue"}, saved.Answers)

	s := Resume(b, saved, Options{Now: func() time.Time { return fixed }})
	assert.True(t, s.Resumed())
	assert.Equal(t, ScreenIntro, s.Screen())
	s.Begin()
	at(t, s, "helps", 3, 7)
	assert.Equal(t, 2, s.Answered())
	assert.False(t, NewSession(b, questionnaire.NewResponse(b, fixed), Options{}).Resumed())

	other := questionnaire.NewResponse(b, fixed)
	other.Bank.ID = "another"
	other.Respondent = "Kim"
	saved = Adopt(b, other, "Sam", fixed)
	assert.True(t, saved.Diagnostics.HasErrors())
	assert.Equal(t, "Kim", other.Respondent, "left as it was")
}
