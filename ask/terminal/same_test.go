package terminal

import (
	"bytes"
	"context"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/candor-app/candor/ask"
	"github.com/candor-app/candor/questionnaire"
)

// driveSteps feeds typed lines to the step API as a front end would: statements are read
// and passed, b goes back, s skips, ? changes nothing, anything else is an answer. At the
// review (Done), b goes back to the last question, a number revises, Enter or q ends.
func driveSteps(s *ask.Session, lines []string) {
	for _, l := range lines {
		for !s.Done() && s.Current().Info {
			_ = s.Continue()
		}
		if s.Done() {
			l = strings.ToLower(strings.TrimSpace(l))
			if n, err := strconv.Atoi(l); err == nil {
				_ = s.Revise(n)
				continue
			}
			switch l {
			case "b":
				_ = s.Back()
			case "", "q":
				return
			}
			continue
		}
		switch strings.ToLower(strings.TrimSpace(l)) {
		case "?":
		case "b":
			_ = s.Back()
		case "s":
			_ = s.Skip()
		default:
			_ = s.Answer(l)
		}
		s.AckAtOnce()
	}
}

// TestTerminalAndStepsGiveTheSameAnswers: the terminal view and the step API, given the
// same typed lines, record the same answers, skips and status and save the same file.
func TestTerminalAndStepsGiveTheSameAnswers(t *testing.T) {
	kinds := loadKinds(t)
	steps, ds := questionnaire.LoadFile("../testdata/steps.yaml")
	require.NotNil(t, steps, "%v", ds)
	scripts := []struct {
		name  string
		bank  *questionnaire.Bank
		lines []string
	}{
		{"every kind", kinds, allAnswers},
		{"back and change", kinds, []string{"y", "1", "red", "warm", "b", "b", "2", "1", "4", "8", "s"}},
		{"bad answers and help", kinds, []string{"maybe", "?", "y", "7", "0", "purple", "LIGHT  BLUE", "9", "1 2", "8", "5", "25", "7", ""}},
		{"skip and required", kinds, []string{"s", "", "y", "", "0", "1", "x", "b", "", "", "1", "3", "3", "s"}},
		{"not safe", kinds, []string{"n", "2", "2", "3", "1", "0"}},
		{"statements, sections and dates", steps, []string{"y", "red", "warm", "1 2", "3", "2", "1999-01-01", "2020-01-01", ""}},
		{"a section turned off", steps, []string{"n", "2", "b", "b", "y", "2", "2", "3", "4", "2020-02-02", "s"}},
		{"stopped early", steps, []string{"y", "1"}},
	}
	for _, sc := range scripts {
		t.Run(sc.name, func(t *testing.T) {
			b := sc.bank
			var viewSaved, stepSaved []byte
			save := func(into *[]byte) func(*questionnaire.Response) error {
				return func(r *questionnaire.Response) error {
					data, err := r.Marshal(b)
					*into = data
					return err
				}
			}
			now := func() time.Time { return fixed }

			viewResp := questionnaire.NewResponse(b, fixed)
			in := Lines(append([]string(nil), sc.lines...))
			view := New(b, viewResp, &in, &bytes.Buffer{}, Options{Save: save(&viewSaved), Now: now})
			_, err := view.Run(context.Background())
			require.NoError(t, err)

			stepResp := questionnaire.NewResponse(b, fixed)
			s := ask.NewSession(b, stepResp, ask.Options{Save: save(&stepSaved), Now: now})
			driveSteps(s, sc.lines)
			require.NoError(t, s.Save())

			assert.Equal(t, view.Answers(), s.Answers())
			assert.Equal(t, viewResp.Skipped, stepResp.Skipped)
			assert.Equal(t, viewResp.Status, stepResp.Status)
			assert.Equal(t, string(viewSaved), string(stepSaved))
			assert.NotEmpty(t, s.Answers())
		})
	}
}

// TestStatementsAndDatesAtTheTerminal: an info statement is shown in its place, waits for
// Enter on a terminal and not off one; a date question says how to write a date.
func TestStatementsAndDatesAtTheTerminal(t *testing.T) {
	b, ds := questionnaire.LoadFile("../testdata/steps.yaml")
	require.NotNil(t, b, "%v", ds)
	st, out, s := runWith(t, b, Options{}, "y", "red", "warm", "1 2", "3", "2", "last week", "2020-01-01", "q")
	assert.Equal(t, Quit, st)
	assert.Contains(t, out, "Take your time with these.\n\nQuestion 1 of 2\nDo you feel safe?")
	assert.NotContains(t, out, "Press Enter to go on")
	assert.Contains(t, strings.Join(strings.Fields(out), " "), "Type a date as year-month-day, like 2026-11-27, from 2000-01-01 to 2030-12-31 (? for help)")
	assert.Contains(t, out, `Please type a date as year-month-day, like 2026-11-27 ("last week" isn't one).`)
	assert.Equal(t, "2020-01-01", s.Answers()["since"])
	assert.Contains(t, out, "Good to have\nThose sound like good supports.", "a show: at_once flag is shown")

	st, out, s = runWith(t, b, Options{Terminal: true}, "x", "", "y", "q")
	assert.Equal(t, Quit, st)
	assert.Contains(t, out, "Press Enter to go on (b goes back, q stops).")
	assert.Contains(t, out, "There's nothing to answer here.")
	assert.Equal(t, true, s.Answers()["safe"])
}
