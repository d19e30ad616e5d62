package terminal

import (
	"bytes"
	"context"
	"errors"
	"io"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/candor-app/candor/ask"
	"github.com/candor-app/candor/ask/askwords"
	"github.com/candor-app/candor/internal/text"
	"github.com/candor-app/candor/questionnaire"
	"github.com/candor-app/candor/words"
)

func loadKinds(t *testing.T) *questionnaire.Bank {
	t.Helper()
	b, ds := questionnaire.LoadFile("../testdata/kinds.yaml")
	require.NotNil(t, b, "%v", ds)
	return b
}

var fixed = time.Date(2026, 11, 22, 9, 0, 0, 0, time.UTC)

// run drives a session over the kinds bank with the given lines and returns its status,
// what it printed, the response and every saved copy.
type runResult struct {
	status Status
	out    string
	resp   *questionnaire.Response
	saves  []map[string]any
	sess   *Session
}

func run(t *testing.T, b *questionnaire.Bank, resp *questionnaire.Response, lines ...string) runResult {
	t.Helper()
	if resp == nil {
		resp = questionnaire.NewResponse(b, fixed)
	}
	var out bytes.Buffer
	var saves []map[string]any
	in := Lines(lines)
	s := New(b, resp, &in, &out, Options{Width: 80, Now: func() time.Time { return fixed }, Save: func(r *questionnaire.Response) error {
		cp := map[string]any{}
		for k, v := range r.Answers {
			cp[k] = v
		}
		saves = append(saves, cp)
		return nil
	}})
	st, err := s.Run(context.Background())
	require.NoError(t, err)
	return runResult{st, out.String(), resp, saves, s}
}

var allAnswers = []string{"y", "2", "red", "Because it is warm", "1, 3", "5", "7.5", "nothing more"}

func TestEveryKindOfQuestion(t *testing.T) {
	b := loadKinds(t)
	r := run(t, b, nil, allAnswers...)
	assert.Equal(t, Finished, r.status)
	assert.Equal(t, questionnaire.Answers{
		"safe": true, "mood": 2.0, "colour": "red", "why_red": "Because it is warm",
		"helps": []any{"walks", "music"}, "hope": 5.0, "hours": 7.5, "note": "nothing more",
	}, r.sess.Answers())
	assert.Equal(t, questionnaire.Completed, r.resp.Status)
	// Saved after every answer (plus once at the start and once at the end).
	require.GreaterOrEqual(t, len(r.saves), len(allAnswers)+1)
	assert.Len(t, r.saves[0], 0)
	assert.Len(t, r.saves[1], 1)

	for _, want := range []string{
		"Every kind of question", "A short bank with one question of each kind.",
		"The first part", "Yes or no, and choices.", "The second part",
		"There are about 7 questions; a few depend on your answers.",
		"Question 1 of 7", "Question 3 of 7", "Question 4 of 8", "Question 8 of 8 (optional)",
		"(y/n, ? for help)", "(? for help)",
		"  0  Not at all", "  2  Nearly every day", // own numbers for 0-2 values
		"  1  Red", "  2  Light blue", // positions for id values
		"1 = Not at all, 7 = Completely",
		"Type a number from 0 to 24",
		"separated by commas or spaces",
		"or press Enter to skip",
		"That's every question.",
	} {
		assert.Contains(t, r.out, want)
	}
}

func TestWhenIsReevaluatedAndProgressCountsAskedQuestions(t *testing.T) {
	b := loadKinds(t)
	// Light blue: "why red" is not asked, so there are 7 questions.
	r := run(t, b, nil, "y", "0", "light blue", "walks", "1", "0", "")
	assert.Equal(t, Finished, r.status)
	assert.Contains(t, r.out, "1 of 7")
	assert.NotContains(t, r.out, "Why red?")
	assert.Equal(t, []any{"walks"}, r.sess.Answers()["helps"])
	assert.Equal(t, []string{"note"}, r.resp.Skipped, "an empty line skips an optional question")
}

func TestGoingBackChangesWhatIsAsked(t *testing.T) {
	b := loadKinds(t)
	// Answer red and why, go back twice to the colour, change it: "why red" is no longer
	// asked, its answer stays in the file, and the total drops to 7.
	r := run(t, b, nil, "y", "1", "red", "warm", "b", "b", "2", "1", "4", "8", "s")
	assert.Equal(t, Finished, r.status)
	assert.Equal(t, "light_blue", r.sess.Answers()["colour"])
	assert.Equal(t, "warm", r.resp.Answers["why_red"], "the answer is kept in the file")
	assert.Contains(t, r.out, "Your answer so far: Red. Press Enter to keep it")
	assert.Contains(t, r.out, "5 of 7")
	assert.Equal(t, questionnaire.Completed, r.resp.Status)
}

func TestBackAtTheFirstQuestionIsGentle(t *testing.T) {
	b := loadKinds(t)
	r := run(t, b, nil, "b", "y", "b", "", "q")
	assert.Contains(t, r.out, "This is the first question, so there's nothing to go back to. Take your time.")
	assert.Contains(t, r.out, "Your answer so far: Yes.")
	assert.Equal(t, Quit, r.status)
	assert.Equal(t, true, r.sess.Answers()["safe"], "Enter keeps the earlier answer")
	assert.Equal(t, questionnaire.InProgress, r.resp.Status)
}

func TestHelpSkipAndRequired(t *testing.T) {
	b := loadKinds(t)
	r := run(t, b, nil, "?", "s", "", "y", "q")
	assert.Contains(t, r.out, "Safety comes first.")
	assert.Contains(t, r.out, "b goes back")
	assert.Contains(t, r.out, "can't be skipped")
	assert.Contains(t, r.out, "This question needs an answer.")
	assert.Equal(t, Quit, r.status)
	assert.Equal(t, true, r.sess.Answers()["safe"])

	// Help on a question without help text still helps.
	r = run(t, b, nil, "y", "?", "q")
	assert.Contains(t, r.out, "There's no extra explanation")
}

func TestBadAnswersAreExplainedAndAskedAgain(t *testing.T) {
	b := loadKinds(t)
	tests := []struct {
		name   string
		lines  []string
		expect string
		id     string
		want   any
	}{
		{"yesno", []string{"purple", "yes"}, `Please type y for yes or n for no ("purple" isn't one of those).`, "safe", true},
		{"yesno not sure", []string{"not sure", "yes"}, `It's okay not to be sure. Please type y for yes or n for no`, "safe", true},
		{"choice by number", []string{"y", "7", "nearly EVERY day"}, `"7" isn't one of the choices. Please type a number from 0 to 2.`, "mood", 2.0},
		{"choice by label", []string{"y", "0", "purple", "LIGHT BLUE"}, `"purple" isn't one of the choices. Please type a number from 1 to 2.`, "colour", "light_blue"},
		{"multi", []string{"y", "0", "2", "1 9", "friends music"}, `"9" isn't one of the choices.`, "helps", []any{"friends", "music"}},
		{"multi labels", []string{"y", "0", "2", "going for walks, music"}, "", "helps", []any{"walks", "music"}},
		{"scale", []string{"y", "0", "2", "1", "8", "3.5", "completely"}, `Please type a whole number from 1 to 7 ("8" isn't one).`, "hope", 7.0},
		{"number", []string{"y", "0", "2", "1", "1", "25", "lots", "8"}, `Please type a number from 0 to 24 ("25" is outside that).`, "hours", 8.0},
		{"number out of range is sanitized", []string{"y", "0", "2", "1", "1", "1e9\u202e9", "8"}, `Please type a number, like 3 or 2.5 ("1e9\u202e9" isn't one).`, "hours", 8.0},
		{"number words", []string{"y", "0", "2", "1", "1", "lots", "8"}, `Please type a number, like 3 or 2.5 ("lots" isn't one).`, "hours", 8.0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := run(t, b, nil, append(tt.lines, "q")...)
			assert.Contains(t, r.out, tt.expect)
			assert.Equal(t, tt.want, r.sess.Answers()[tt.id])
		})
	}
}

func TestEndOfInputAndInterrupt(t *testing.T) {
	b := loadKinds(t)
	r := run(t, b, nil, "y", "1")
	assert.Equal(t, EndOfInput, r.status)
	assert.Equal(t, map[string]any{"safe": true, "mood": 1.0}, r.saves[len(r.saves)-1])

	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var out bytes.Buffer
	in := Lines{"y"}
	s := New(b, questionnaire.NewResponse(b, fixed), &in, &out, Options{})
	st, err := s.Run(ctx)
	require.NoError(t, err)
	assert.Equal(t, Interrupted, st)
}

func TestSaveFailureIsAnError(t *testing.T) {
	b := loadKinds(t)
	var out bytes.Buffer
	in := Lines{"y"}
	n := 0
	s := New(b, questionnaire.NewResponse(b, fixed), &in, &out, Options{Save: func(*questionnaire.Response) error {
		n++
		if n > 1 {
			return errors.New("disk full")
		}
		return nil
	}})
	_, err := s.Run(context.Background())
	var se *ask.SaveError
	require.ErrorAs(t, err, &se)
	assert.True(t, se.Answer, "the answer's save failed")
	assert.EqualError(t, se.Err, "disk full")
}

func TestUrgentFlagIsShownAtOnce(t *testing.T) {
	b := loadKinds(t)
	r := run(t, b, nil, "n", "q")
	i := strings.Index(r.out, "Your safety comes first")
	j := strings.Index(r.out, "How often have you felt low?")
	require.True(t, i >= 0 && j > i, "the safety message comes before the next question:\n%s", r.out)
	assert.Contains(t, r.out, "Please reach out to someone who can help.")
}

func TestResumeStartsAtFirstOpenQuestion(t *testing.T) {
	b := loadKinds(t)
	resp := questionnaire.NewResponse(b, fixed)
	resp.SetAnswer("safe", true)
	resp.SetAnswer("mood", 1.0)
	var out bytes.Buffer
	in := Lines{"b", "", "1", "q"}
	saved := ask.Adopt(b, resp, "", fixed)
	require.False(t, saved.Diagnostics.HasErrors())
	s := New(b, nil, &in, &out, Options{Saved: saved})
	st, err := s.Run(context.Background())
	require.NoError(t, err)
	assert.Equal(t, Quit, st)
	assert.Contains(t, out.String(), "Every kind of question\nWelcome back.")
	assert.Contains(t, out.String(), "You've answered 2 of 7 questions.")
	assert.Contains(t, out.String(), "3 of 7")
	assert.Contains(t, out.String(), "4 of 8")
	assert.Equal(t, "red", s.Answers()["colour"])
}

func TestOffATerminalEachPromptEndsItsLine(t *testing.T) {
	b := loadKinds(t)
	r := run(t, b, nil, "y", "q")
	assert.Contains(t, r.out, "> \n\nQuestion 2 of 7")
	assert.NotContains(t, r.out, "\x1b", "no escape codes off a terminal")

	var out bytes.Buffer
	in := Lines{"y", "q"}
	s := New(b, questionnaire.NewResponse(b, fixed), &in, &out, Options{Terminal: true, Color: true})
	_, err := s.Run(context.Background())
	require.NoError(t, err)
	assert.Contains(t, out.String(), "> \nQuestion 2 of 7", "a terminal echoes the typed line and its newline itself")
	assert.Contains(t, out.String(), "\x1b[1mDo you feel safe?\x1b[0m")
}

func TestBankTextIsSanitized(t *testing.T) {
	b := loadKinds(t)
	b.Questions[0].Text = "Safe?\x1b[2J"
	r := run(t, b, nil, "q")
	assert.NotContains(t, r.out, "\x1b")
	assert.Contains(t, r.out, "Safe?^[[2J")
}

func TestLineReader(t *testing.T) {
	pr, pw := io.Pipe()
	lr := NewLineReader(pr)
	go func() {
		io.WriteString(pw, "one\r\ntwo\x1b[A\tthree\n"+strings.Repeat("x", MaxLine+10)+"\nlast")
		pw.Close()
	}()
	ctx := context.Background()
	got := []string{}
	for {
		l, err := lr.ReadLine(ctx)
		if err != nil {
			assert.ErrorIs(t, err, io.EOF)
			break
		}
		got = append(got, l)
	}
	require.Len(t, got, 4)
	assert.Equal(t, "one", got[0])
	assert.Equal(t, "two[A three", got[1])
	assert.Len(t, got[2], MaxLine)
	assert.Equal(t, "last", got[3])
	_, err := lr.ReadLine(ctx)
	assert.ErrorIs(t, err, io.EOF)
}

func TestLineReaderIsInterruptible(t *testing.T) {
	pr, pw := io.Pipe()
	defer pw.Close()
	lr := NewLineReader(pr)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error)
	go func() {
		_, err := lr.ReadLine(ctx)
		done <- err
	}()
	cancel()
	assert.ErrorIs(t, <-done, context.Canceled)
}

// runWith drives a session over b with opt (Width 80 and a fixed clock unless set).
func runWith(t *testing.T, b *questionnaire.Bank, opt Options, lines ...string) (Status, string, *Session) {
	t.Helper()
	var out bytes.Buffer
	in := Lines(lines)
	if opt.Width == 0 {
		opt.Width = 80
	}
	opt.Now = func() time.Time { return fixed }
	s := New(b, questionnaire.NewResponse(b, fixed), &in, &out, opt)
	st, err := s.Run(context.Background())
	require.NoError(t, err)
	return st, out.String(), s
}

func saveNothing(*questionnaire.Response) error { return nil }

func TestUrgentFlagWaitsForEnterOnATerminal(t *testing.T) {
	b := loadKinds(t)
	// On a terminal the next line read after the flag is "go on", not the next answer.
	st, out, s := runWith(t, b, Options{Terminal: true}, "n", "", "1", "q")
	assert.Equal(t, Quit, st)
	assert.Contains(t, out, "Press Enter when you're ready to go on, or q to stop.")
	i := strings.Index(out, "Press Enter when you're ready")
	j := strings.Index(out, "How often have you felt low?")
	require.True(t, i >= 0 && j > i, "the pause comes before the next question:\n%s", out)
	assert.Equal(t, 1.0, s.Answers()["mood"], "the line after the pause answers the next question")

	// q at the pause stops, saving.
	st, _, s = runWith(t, b, Options{Terminal: true}, "n", "q")
	assert.Equal(t, Quit, st)
	assert.Equal(t, false, s.Answers()["safe"])

	// Off a terminal there is no pause: every line is an answer.
	st, out, s = runWith(t, b, Options{}, "n", "1", "q")
	assert.Equal(t, Quit, st)
	assert.NotContains(t, out, "Press Enter when you're ready")
	assert.Equal(t, 1.0, s.Answers()["mood"])
}

func TestUrgentFlagSaysWhereTheAnswersAre(t *testing.T) {
	b := loadKinds(t)
	_, out, _ := runWith(t, b, Options{Save: saveNothing, SavedTo: "/home/sam/answers.yaml"}, "n", "q")
	assert.Contains(t, out, "\n  /home/sam/answers.yaml\n")
	assert.Contains(t, strings.Join(strings.Fields(out), " "), "If someone else can use this computer, you may want to delete it")
	assert.Contains(t, out, "--no-save")

	// Nothing saved: nothing to delete, so nothing said.
	_, out, _ = runWith(t, b, Options{}, "n", "q")
	assert.NotContains(t, out, "If someone else can use this computer")
}

func TestChoiceNumbersFollowTheValuesOnlyWhenTheyCountUp(t *testing.T) {
	opts := func(vals ...float64) *questionnaire.Question {
		q := &questionnaire.Question{Type: questionnaire.Choice}
		for i, v := range vals {
			q.Options = append(q.Options, &questionnaire.Option{Value: v, Label: strconv.Itoa(i)})
		}
		return q
	}
	tests := []struct {
		name  string
		q     *questionnaire.Question
		nums  []string
		rng   string
		typed string
		want  any
	}{
		{"0 to 3", opts(0, 1, 2, 3), []string{"0", "1", "2", "3"}, "a number from 0 to 3", "0", 0.0},
		{"1 to 5", opts(1, 2, 3, 4, 5), []string{"1", "2", "3", "4", "5"}, "a number from 1 to 5", "5", 5.0},
		{"counting down", opts(2, 1, 0), []string{"1", "2", "3"}, "a number from 1 to 3", "1", 2.0},
		{"gaps", opts(0, 5, 10), []string{"1", "2", "3"}, "a number from 1 to 3", "2", 5.0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.nums, tt.q.OptionNumbers())
			assert.Equal(t, tt.rng, askwords.ChoiceRange(nil, tt.q))
			v, err := tt.q.ParseText(tt.typed, true)
			require.NoError(t, err)
			assert.Equal(t, tt.want, v)
		})
	}
}

func TestIntroSaysYOrNWhenEveryQuestionIsYesNo(t *testing.T) {
	b, ds := questionnaire.Load("yn.yaml", []byte(`candor: 1
id: yn
version: 1.0.0
title: Yes or no
questions:
  - id: a
    text: Is it so?
  - id: b
    text: And this?
`))
	require.NotNil(t, b, "%v", ds)
	_, out, _ := runWith(t, b, Options{}, "q")
	assert.Contains(t, out, "Answer by typing y for yes or n for no")
	assert.NotContains(t, out, "a number or a word")

	_, out, _ = runWith(t, loadKinds(t), Options{}, "q")
	assert.Contains(t, strings.Join(strings.Fields(out), " "), "a number or a word")
}

func TestBankProseIsReflowedByDisplayWidth(t *testing.T) {
	b := loadKinds(t)
	// Line breaks as an editor left them, a list, and wide characters.
	b.Intro = "This intro was wrapped\nby the author's editor\nat a narrow width.\n\n- one item\n- 信頼を取り戻すための質問です信頼を取り戻すための質問です"
	_, out, _ := runWith(t, b, Options{Width: 30}, "q")
	assert.Contains(t, out, "This intro was wrapped by the\nauthor's editor at a narrow\nwidth.\n\n- one item\n- ")
	for _, l := range strings.Split(out, "\n") {
		assert.LessOrEqual(t, text.Width(l), 30, "%q", l)
	}
}

// q saves only when answers are being saved: under --no-save the intro does not promise it.
func TestIntroSaysWhatQDoes(t *testing.T) {
	b := loadKinds(t)
	_, saving, _ := runWith(t, b, Options{Save: saveNothing}, "q")
	assert.Contains(t, saving, "q to save and stop")
	_, notSaving, _ := runWith(t, b, Options{}, "q")
	assert.Contains(t, notSaving, "q to stop")
	assert.NotContains(t, notSaving, "q to save and stop")
}

// TestReviewKeys: the review names b, q and ?, and each works there: ? explains the review,
// b goes back to the last question (whose answer brings the review back), q stops, saved.
func TestReviewKeys(t *testing.T) {
	b := loadKinds(t)
	last := b.Questions[len(b.Questions)-1].ID
	r := run(t, b, nil, append(append([]string(nil), allAnswers...), "?", "B", "something else", "")...)
	assert.Equal(t, Finished, r.status)
	flat := strings.Join(strings.Fields(r.out), " ")
	assert.Contains(t, flat, "To change an answer, type its number. Press Enter to see your summary. Type b to go back to the last question, q to save and stop, or ? for help.")
	assert.Contains(t, flat, "This is every answer you gave. To change one, type its number (1 to ")
	assert.Contains(t, flat, "b goes back to the last question; q saves your answers and stops")
	assert.NotContains(t, flat, "Please type a number from 1 to", "b and ? are understood at the review")
	assert.Equal(t, 2, strings.Count(r.out, "Here are your answers:"), "the review comes back after the last question")
	assert.Equal(t, "something else", r.resp.Answers[last])

	r = run(t, b, nil, append(append([]string(nil), allAnswers...), "q")...)
	assert.Equal(t, Quit, r.status)
	assert.Equal(t, "nothing more", r.resp.Answers[last])
}

// TestAChangeFromTheReviewAsksWhatItOpened: a number at the review changes that answer; a
// question the new answer opened is asked next, as a new question, and the review comes
// back after it.
func TestAChangeFromTheReviewAsksWhatItOpened(t *testing.T) {
	b := loadKinds(t)
	answers := []string{"y", "2", "light blue", "1, 3", "5", "7.5", "nothing more"}
	r := run(t, b, nil, append(answers, "3", "red", "warm", "")...)
	assert.Equal(t, Finished, r.status)
	assert.Equal(t, "warm", r.sess.Answers()["why_red"])
	review := strings.LastIndex(r.out, "Here are your answers:")
	why := strings.LastIndex(r.out, "Question 4 of 8\nWhy red?")
	require.True(t, why >= 0 && review > why, "why red is asked before the review comes back:\n%s", r.out)
	assert.NotContains(t, r.out, "still open", "a question the change opened is new, not asked again")
	assert.Equal(t, 2, strings.Count(r.out, "Here are your answers:"))
}

// TestIntroCount: the intro says how many questions there are, with a singular, and "about"
// when a `when` (a question's or a section's) may change the number.
func TestIntroCount(t *testing.T) {
	for _, tt := range []struct {
		lang  string
		total int
		exact bool
		want  string
	}{
		{"en", 1, true, "There is 1 question."},
		{"en", 5, true, "There are 5 questions."},
		{"en", 1, false, "There is 1 question for now; the number may change with your answers."},
		{"en", 7, false, "There are about 7 questions; a few depend on your answers."},
		{"es", 1, true, "Hay 1 pregunta."},
		{"es", 5, true, "Hay 5 preguntas."},
		{"es", 1, false, "Hay 1 pregunta por ahora; el número puede cambiar según tus respuestas."},
		{"es", 7, false, "Hay unas 7 preguntas; algunas dependen de tus respuestas."},
	} {
		assert.Equal(t, tt.want, askwords.Count(words.For(tt.lang), tt.total, tt.exact), "%s %d", tt.lang, tt.total)
	}
}
