package ask

import (
	"errors"
	"strconv"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/candor-app/candor/questionnaire"
)

var fixed = time.Date(2026, 11, 22, 9, 0, 0, 0, time.UTC)

func loadBank(t *testing.T, name string) *questionnaire.Bank {
	t.Helper()
	b, ds := questionnaire.LoadFile("testdata/" + name)
	require.NotNil(t, b, "%v", ds)
	require.False(t, ds.HasErrors(), "%v", ds)
	return b
}

// newSession starts a session over the steps bank that counts its saves.
func newSession(t *testing.T, resp *questionnaire.Response) (*Session, *int) {
	t.Helper()
	b := loadBank(t, "steps.yaml")
	if resp == nil {
		resp = questionnaire.NewResponse(b, fixed)
	}
	saves := 0
	s := NewSession(b, resp, Options{Now: func() time.Time { return fixed }, Save: func(*questionnaire.Response) error {
		saves++
		return nil
	}})
	return s, &saves
}

// problem returns err's code, or fails.
func problem(t *testing.T, err error) ProblemCode {
	t.Helper()
	var p *Problem
	require.True(t, errors.As(err, &p), "want a *Problem, got %v", err)
	assert.NotEmpty(t, p.Code)
	return p.Code
}

func at(t *testing.T, s *Session, id string, number, total int) Step {
	t.Helper()
	st := s.Current()
	require.NotNil(t, st.Question, "done too early")
	assert.Equal(t, id, st.Question.ID)
	assert.Equal(t, number, st.Number, "number of %s", id)
	assert.Equal(t, total, st.Total, "total at %s", id)
	return st
}

// TestSessionWalkthrough drives every kind of step through the step API: an info statement,
// every question type, back, skip, progress as `when`s (of a question and of a section)
// change what is asked, flags shown at once, the review list and GoTo.
func TestSessionWalkthrough(t *testing.T) {
	s, saves := newSession(t, nil)

	st := at(t, s, "welcome", 0, 2) // the `more` section waits for safe == true
	assert.True(t, st.Info)
	assert.Equal(t, InfoOnly, problem(t, s.Answer("ok")))
	require.NoError(t, s.Continue())
	at(t, s, "safe", 1, 2)
	require.NoError(t, s.Back())
	at(t, s, "welcome", 0, 2)
	assert.Equal(t, AtFirst, problem(t, s.Back()))
	require.NoError(t, s.Answer("")) // an empty answer moves on from a statement
	assert.Equal(t, NeedsAnswer, problem(t, s.Answer("")))
	assert.Equal(t, CannotSkip, problem(t, s.Skip()))
	assert.Equal(t, 0, *saves, "nothing recorded, nothing saved")

	require.NoError(t, s.Answer("Yes"))
	assert.Equal(t, 1, *saves)
	at(t, s, "colour", 2, 7) // the section is asked now
	require.NoError(t, s.Answer("light  BLUE"))
	at(t, s, "helps", 3, 7) // why_red is not asked
	require.NoError(t, s.Back())
	st = at(t, s, "colour", 2, 7)
	assert.True(t, st.HasAnswer)
	assert.Equal(t, "light_blue", st.Answer)
	assert.Equal(t, "Light blue", st.AnswerText)
	require.NoError(t, s.Answer("1")) // red, by its number
	st = at(t, s, "why_red", 3, 8)
	assert.False(t, st.Optional)
	assert.Equal(t, CannotSkip, problem(t, s.Skip()))
	require.NoError(t, s.Answer("  it is warm  "))

	at(t, s, "helps", 4, 8)
	assert.Empty(t, s.PendingAtOnce())
	assert.Equal(t, NotAnAnswer, problem(t, s.Answer("1, 9")))
	require.NoError(t, s.Answer("music, going for walks"))
	flags := s.PendingAtOnce()
	require.Len(t, flags, 1, "show: at_once is shown the moment it is raised")
	assert.Equal(t, "much_support", flags[0].ID)
	assert.Equal(t, questionnaire.NoteLvl, flags[0].Level)
	s.AckAtOnce()
	assert.Empty(t, s.PendingAtOnce())

	at(t, s, "hope", 5, 8)
	assert.Equal(t, questionnaire.InProgress, s.Response().Status)
	require.NoError(t, s.Answer("completely"))
	at(t, s, "hours", 6, 8)
	require.NoError(t, s.Answer("3"))
	assert.Empty(t, s.PendingAtOnce(), "a warning is kept for the summary")
	at(t, s, "since", 7, 8)
	assert.Equal(t, NotAnAnswer, problem(t, s.Answer("2031-01-01")))
	assert.Equal(t, NotAnAnswer, problem(t, s.Answer("last week")))
	require.NoError(t, s.Answer("2024-02-29"))
	st = at(t, s, "note", 8, 8)
	assert.True(t, st.Optional)
	assert.Equal(t, questionnaire.Completed, s.Response().Status, "every required question has an answer")
	require.NoError(t, s.Skip())
	assert.True(t, s.Done())
	assert.Nil(t, s.Current().Question)
	place, total := s.Progress()
	assert.Equal(t, []int{0, 8}, []int{place, total})
	assert.Equal(t, questionnaire.Completed, s.Response().Status)
	assert.Equal(t, []string{"note"}, s.Response().Skipped)
	assert.Equal(t, 9, *saves, "one save per answer or skip")

	assert.Equal(t, questionnaire.Answers{
		"safe": true, "colour": "red", "why_red": "it is warm", "helps": []any{"walks", "music"},
		"hope": 7.0, "hours": 3.0, "since": "2024-02-29",
	}, s.Answers())

	review := s.Review()
	require.Len(t, review, 8, "every asked question, not the statement")
	var got []string
	for _, it := range review {
		got = append(got, strconv.Itoa(it.Number)+" "+it.Question.ID+": "+it.AnswerText)
	}
	assert.Equal(t, []string{"1 safe: Yes", "2 colour: Red", "3 why_red: it is warm",
		"4 helps: Going for walks, Music", "5 hope: 7 (Completely)", "6 hours: 3", "7 since: 2024-02-29", "8 note: "}, got)
	assert.True(t, review[7].Skipped)
	assert.False(t, review[6].Skipped)

	// Back from the end goes to the last question; GoTo changes one answer.
	require.NoError(t, s.Back())
	at(t, s, "note", 8, 8)
	require.NoError(t, s.GoTo("safe"))
	require.NoError(t, s.Answer("n"))
	flags = s.PendingAtOnce()
	require.Len(t, flags, 1)
	assert.Equal(t, "not_safe", flags[0].ID)
	at(t, s, "colour", 2, 3) // the `more` section is no longer asked
	assert.Equal(t, NotAsked, problem(t, s.GoTo("hope")))
	assert.Equal(t, NotAsked, problem(t, s.GoTo("no_such_question")))
	assert.Equal(t, 7.0, s.Answers()["hope"], "an answer no longer asked is kept")
}

// TestEveryQuestionType: one typed answer per row, at the question it answers.
func TestEveryQuestionType(t *testing.T) {
	tests := []struct {
		id, typed string
		want      any
		code      ProblemCode
	}{
		{"safe", "y", true, ""},
		{"safe", "NO", false, ""},
		{"safe", "maybe", nil, NotAnAnswer},
		{"colour", "2", "light_blue", ""},
		{"colour", "red", "red", ""},
		{"colour", "Light Blue", "light_blue", ""},
		{"colour", "3", nil, NotAnAnswer},
		{"why_red", "because", "because", ""},
		{"helps", "1 3", []any{"walks", "music"}, ""},
		{"helps", "friends, going for walks", []any{"walks", "friends"}, ""},
		{"helps", "2 2", []any{"friends"}, ""},
		{"helps", ",", nil, NotAnAnswer},
		{"hope", "4", 4.0, ""},
		{"hope", "not at all", 1.0, ""},
		{"hope", "4.5", nil, NotAnAnswer},
		{"hope", "8", nil, NotAnAnswer},
		{"hours", "7.5", 7.5, ""},
		{"hours", "25", nil, NotAnAnswer},
		{"since", "2001-01-01", "2001-01-01", ""},
		{"since", "1999-12-31", nil, NotAnAnswer},
		{"since", "2024-02-30", nil, NotAnAnswer},
		{"note", "anything", "anything", ""},
	}
	for _, tt := range tests {
		t.Run(tt.id+"="+tt.typed, func(t *testing.T) {
			s, _ := newSession(t, nil)
			require.NoError(t, s.Continue())
			require.NoError(t, s.Answer("y"))
			require.NoError(t, s.Answer("red"))
			require.NoError(t, s.GoTo(tt.id))
			err := s.Answer(tt.typed)
			if tt.code != "" {
				assert.Equal(t, tt.code, problem(t, err))
				assert.Equal(t, tt.id, s.Current().Question.ID, "the question stays")
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.want, s.Answers()[tt.id])
			assert.Equal(t, tt.want, s.Response().Answers[tt.id], "recorded in the response")
		})
	}
}

// TestEachAnswerIsSavedBeforeAnythingIsEvaluated: when Save runs, the answer just given is
// in the response, and neither the `when`s it changes nor the flags it raises have been
// evaluated yet: a slow condition can never lose it.
func TestEachAnswerIsSavedBeforeAnythingIsEvaluated(t *testing.T) {
	b := loadBank(t, "steps.yaml")
	resp := questionnaire.NewResponse(b, fixed)
	var s *Session
	type seen struct {
		answer         any
		total, pending int
	}
	var saves []seen
	s = NewSession(b, resp, Options{Save: func(r *questionnaire.Response) error {
		_, total := s.Progress()
		saves = append(saves, seen{r.Answers["safe"], total, len(s.PendingAtOnce())})
		return nil
	}})
	require.NoError(t, s.Continue())
	require.NoError(t, s.Answer("n"))
	require.NotEmpty(t, saves)
	assert.Equal(t, seen{false, 2, 0}, saves[0], "saved with the questions and flags of before the answer")
	assert.Len(t, s.PendingAtOnce(), 1, "then the urgent flag is raised")

	// safe == true turns a section on, which makes the response in progress again: saved
	// a second time with the status the new questions give.
	saves = nil
	require.NoError(t, s.GoTo("safe"))
	require.NoError(t, s.Answer("y"))
	require.Len(t, saves, 1)
	assert.Equal(t, seen{true, 2, 1}, saves[0])
	require.NoError(t, s.Answer("red"))
	assert.Equal(t, questionnaire.InProgress, resp.Status)
}

func TestSaveFailureKeepsTheQuestion(t *testing.T) {
	b := loadBank(t, "steps.yaml")
	s := NewSession(b, questionnaire.NewResponse(b, fixed), Options{Save: func(*questionnaire.Response) error {
		return errors.New("disk full")
	}})
	require.NoError(t, s.Continue())
	err := s.Answer("y")
	require.Error(t, err)
	var p *Problem
	assert.False(t, errors.As(err, &p), "a failed save is not a problem with the answer")
	var se *SaveError
	require.ErrorAs(t, err, &se)
	assert.True(t, se.Answer, "the last answer's save")
	assert.EqualError(t, se.Err, "disk full")
	assert.Equal(t, "safe", s.Current().Question.ID, "the session stays at the question")
	assert.Equal(t, true, s.Answers()["safe"], "the answer is kept, to save again")
}

// TestResumeStartsAtTheFirstOpenQuestion: a response with answers starts where it was left,
// shows the flags its answers raise, and ignores answers that do not fit.
func TestResumeStartsAtTheFirstOpenQuestion(t *testing.T) {
	b := loadBank(t, "steps.yaml")
	resp := questionnaire.NewResponse(b, fixed)
	resp.SetAnswer("safe", false)
	resp.SetAnswer("colour", "purple") // does not fit: left in the file, not an answer
	s, _ := newSession(t, resp)
	at(t, s, "colour", 2, 2)
	require.Len(t, s.PendingAtOnce(), 1)
	s.Begin()
	assert.Equal(t, ScreenFlags, s.Screen(), "the flags first")
	require.NoError(t, s.Back(), "going back waits until they are read")
	assert.Equal(t, ScreenFlags, s.Screen())
	s.AckAtOnce()
	assert.Equal(t, ScreenQuestion, s.Screen())
	assert.Equal(t, 1, s.Answered())
	assert.Equal(t, "purple", s.Response().Answers["colour"])

	// A required question left open comes round again after the last one.
	require.NoError(t, s.GoTo("safe"))
	require.NoError(t, s.Answer(""))
	at(t, s, "colour", 2, 2)
	require.NoError(t, s.Back())
	require.NoError(t, s.Back())
	require.NoError(t, s.Continue())
	require.NoError(t, s.Continue()) // safe keeps its answer
	st := at(t, s, "colour", 2, 2)
	assert.False(t, st.Reopened)
	require.NoError(t, s.Answer("2"))
	assert.True(t, s.Done())

	// Nothing open: done from the start.
	s, _ = newSession(t, s.Response())
	assert.True(t, s.Done())
	assert.Equal(t, NoQuestion, problem(t, s.Answer("y")))
}

func TestARequiredQuestionLeftOpenComesRoundAgain(t *testing.T) {
	s, _ := newSession(t, nil)
	require.NoError(t, s.Continue())
	require.NoError(t, s.Answer("y"))
	require.NoError(t, s.GoTo("hope")) // leaves safe's section partly open
	for !s.Done() {
		st := s.Current()
		if st.Reopened {
			assert.Equal(t, "colour", st.Question.ID)
			break
		}
		require.NoError(t, s.Answer(map[string]string{"hope": "3", "hours": "8", "since": "2020-01-01", "note": ""}[st.Question.ID]))
	}
	assert.True(t, s.Current().Reopened)
}

// TestAWhenNamingAScoreFollowsItsItems: an answer to an item of a score that a `when` names
// re-evaluates what is asked.
func TestAWhenNamingAScoreFollowsItsItems(t *testing.T) {
	b, ds := questionnaire.Load("score-when.yaml", []byte(`candor: 1
id: score-when
version: 1.0.0
title: A when on a score
questions:
  - id: a
    type: multi
    text: Which?
    choices:
      - {value: x, label: X, score: 1}
      - {value: y, label: Y, score: 1}
  - id: b
    type: yesno
    text: Both?
    when: s != nil and s >= 2
scores:
  - id: s
    label: S
    items: [a]
`))
	require.NotNil(t, b, "%v", ds)
	s := NewSession(b, questionnaire.NewResponse(b, fixed), Options{})
	at(t, s, "a", 1, 1)
	require.NoError(t, s.Answer("1 2"))
	at(t, s, "b", 2, 2)
	require.NoError(t, s.Back())
	require.NoError(t, s.Answer("1"))
	assert.True(t, s.Done())
	_, total := s.Progress()
	assert.Equal(t, 1, total)
}

// TestTypedAndFileAnswersMatchTheSameWords: questionnaire's one matcher reads the same
// words as the same answer whether they are typed at the session or written in an answers
// file (`candor take --answers`).
func TestTypedAndFileAnswersMatchTheSameWords(t *testing.T) {
	b := loadBank(t, "steps.yaml")
	tests := []struct {
		id, words string
		want      any // nil: refused by both
	}{
		{"safe", "Yes", true},
		{"safe", " n ", false},
		{"safe", "nope", false},
		{"safe", "Yeah.", true},
		{"safe", "nein", nil},
		{"colour", "light  blue", "light_blue"},
		{"colour", "LIGHT BLUE", "light_blue"},
		{"colour", " Light\tblue ", "light_blue"},
		{"colour", "light_blue", "light_blue"},
		{"colour", "RED", "red"},
		{"colour", "purple", nil},
		{"helps", "going  for walks", []any{"walks"}},
		{"helps", "music, friends", []any{"friends", "music"}},
		{"helps", "friends music", []any{"friends", "music"}},
		{"helps", "friends, nothing", nil},
		{"hope", "not  AT all", 1.0},
		{"hope", "5", 5.0},
		{"hope", "5.5", nil},
		{"hours", "8", 8.0},
		{"hours", "eight", nil},
		{"since", "2020-05-06", "2020-05-06"},
		{"since", "06/05/2020", nil},
		{"note", "as it comes", "as it comes"},
	}
	for _, tt := range tests {
		t.Run(tt.id+"="+tt.words, func(t *testing.T) {
			// Typed.
			s, _ := newSession(t, nil)
			require.NoError(t, s.Continue())
			require.NoError(t, s.Answer("y"))
			require.NoError(t, s.GoTo(tt.id))
			typedErr := s.Answer(tt.words)
			// From a file.
			resp, ds := questionnaire.ReadAnswers("answers.yaml", []byte(tt.id+": "+strconv.Quote(tt.words)+"\n"), b)
			require.NotNil(t, resp, "%v", ds)
			answers, ds := resp.Resolve(b)
			if tt.want == nil {
				assert.Error(t, typedErr, "typed")
				assert.True(t, ds.HasErrors(), "from a file")
				return
			}
			require.NoError(t, typedErr, "typed")
			require.False(t, ds.HasErrors(), "from a file: %v", ds)
			assert.Equal(t, tt.want, s.Answers()[tt.id], "typed")
			assert.Equal(t, tt.want, answers[tt.id], "from a file")
		})
	}
}

// TestReviseReturnsToTheEnd: from the review, a question is changed by its number and the
// session goes back to the end, or to a question the new answer opened; the same answer
// again changes nothing and saves nothing.
func TestReviseReturnsToTheEnd(t *testing.T) {
	s, saves := newSession(t, nil)
	for _, in := range []string{"", "y", "2", "1", "5", "8", "2020-01-01", ""} {
		require.NoError(t, s.Answer(in), in)
	}
	require.True(t, s.Done())
	assert.True(t, s.Changed())
	n := *saves

	// Numbered as the review lists them: 2 is the colour.
	assert.Equal(t, NotAsked, problem(t, s.Revise(99)))
	assert.Equal(t, NotAsked, problem(t, s.Revise(0)))
	require.NoError(t, s.Revise(2))
	st := at(t, s, "colour", 2, 7)
	assert.Equal(t, "Light blue", st.AnswerText)
	require.NoError(t, s.Answer("light blue"))
	assert.True(t, s.Done(), "the same answer: back to the end")
	assert.Equal(t, n, *saves, "the same answer is not saved again")

	// Keeping it with Enter goes back to the end too.
	require.NoError(t, s.Revise(1))
	require.NoError(t, s.Answer(""))
	assert.True(t, s.Done())

	// A new answer that opens a question goes there, then to the end.
	require.NoError(t, s.Revise(2))
	require.NoError(t, s.Answer("red"))
	assert.Greater(t, *saves, n)
	st = at(t, s, "why_red", 3, 8)
	assert.False(t, st.Reopened, "asked for the first time")
	assert.Equal(t, ScreenQuestion, s.Screen())
	require.NoError(t, s.Answer("warm"))
	assert.True(t, s.Done())

	// Back from a question being revised, then on: still back to the end after it.
	require.NoError(t, s.Revise(4))
	require.NoError(t, s.Back())
	at(t, s, "why_red", 3, 8)
	require.NoError(t, s.Answer("warmer"))
	assert.True(t, s.Done())
}

// TestChangedOnlyByADifferentAnswer: a finished response looked over is left as it was.
func TestChangedOnlyByADifferentAnswer(t *testing.T) {
	b := loadBank(t, "steps.yaml")
	resp := questionnaire.NewResponse(b, fixed)
	resp.SetAnswer("safe", false)
	resp.SetAnswer("colour", "red")
	resp.SetAnswer("why_red", "warm")
	s := NewSession(b, resp, Options{Now: func() time.Time { return fixed }})
	require.True(t, s.Done())
	require.NoError(t, s.Revise(1))
	require.NoError(t, s.Answer("no"))
	assert.False(t, s.Changed())
	require.NoError(t, s.Revise(1))
	require.NoError(t, s.Answer("nope"))
	assert.False(t, s.Changed())
	require.NoError(t, s.Revise(3))
	require.NoError(t, s.Answer("cold"))
	assert.True(t, s.Changed())
}

// TestYesPicksTheSuggestion: right after "Did you mean 2 (Light blue)?", a yes picks the
// option suggested; any other answer is read as usual, and the suggestion is forgotten once
// anything else is typed or the session moves.
func TestYesPicksTheSuggestion(t *testing.T) {
	s, _ := newSession(t, nil)
	require.NoError(t, s.Continue()) // the welcome statement
	require.NoError(t, s.Answer("y"))
	at(t, s, "colour", 2, 7)
	err := s.Answer("ligth blue")
	require.Equal(t, NotAnAnswer, problem(t, err))
	var p *Problem
	require.ErrorAs(t, err, &p)
	assert.Equal(t, "2", p.Suggestion)
	assert.Equal(t, "Light blue", p.SuggestionLabel)
	require.NoError(t, s.Answer("Yes."))
	assert.Equal(t, "light_blue", s.Answers()["colour"])

	s, _ = newSession(t, nil)
	require.NoError(t, s.Continue())
	require.NoError(t, s.Answer("y"))
	require.Equal(t, NotAnAnswer, problem(t, s.Answer("ligth blue")))
	require.Equal(t, NotAnAnswer, problem(t, s.Answer("zzzzzzzz")), "another answer is read as usual")
	require.Equal(t, NotAnAnswer, problem(t, s.Answer("y")), "the suggestion is forgotten")

	require.Equal(t, NotAnAnswer, problem(t, s.Answer("ligth blue")))
	require.NoError(t, s.Back())
	require.NoError(t, s.Answer("")) // keeps safe: back at colour
	at(t, s, "colour", 2, 7)
	require.Equal(t, NotAnAnswer, problem(t, s.Answer("y")), "going back forgets it")
}
