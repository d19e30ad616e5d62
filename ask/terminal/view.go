package terminal

import (
	"fmt"
	"strings"

	"github.com/candor-app/candor/ask"
	"github.com/candor-app/candor/ask/askwords"
	"github.com/candor-app/candor/internal/text"
	"github.com/candor-app/candor/questionnaire"
	"github.com/candor-app/candor/render"
)

// What the terminal session draws: the intro, each question, help, and candor's own words.

func (t *Session) blank() { fmt.Fprintln(t.out) }

// say writes a message of candor's own, wrapped by display width as the summary is.
func (t *Session) say(msg string) {
	for _, l := range text.Wrap(msg, t.opt.Width) {
		fmt.Fprintln(t.out, l)
	}
}

// sayBold writes a line of text from the bank (a title, a question), sanitized, wrapped
// and then made bold, so the escape codes never count towards the width.
func (t *Session) sayBold(line string) {
	for _, l := range text.Wrap(text.Clean(line), t.opt.Width) {
		fmt.Fprintln(t.out, t.bold(l))
	}
}

// sayIndented writes text from elsewhere (a file name), sanitized, wrapped with indent.
func (t *Session) sayIndented(s, indent string) {
	for _, l := range text.WrapIndent(text.Clean(s), t.opt.Width, "", indent) {
		fmt.Fprintln(t.out, l)
	}
}

// sayBank writes prose from the bank laid out as the summary lays it out: sanitized, the
// YAML author's line breaks joined into paragraphs (a blank line between them, none
// between list items), wrapped by display width with indent.
func (t *Session) sayBank(prose, indent string) {
	prevItem := false
	for i, p := range text.Paragraphs(text.Clean(prose)) {
		item := p.Marker != ""
		if i > 0 && !(item && prevItem) {
			fmt.Fprintln(t.out)
		}
		var lines []string
		if item {
			lines = text.WrapIndent(p.Text, t.opt.Width, indent+p.Marker+" ", indent+strings.Repeat(" ", text.Width(p.Marker)+1))
		} else {
			lines = text.WrapIndent(p.Text, t.opt.Width, "", indent)
		}
		for _, l := range lines {
			fmt.Fprintln(t.out, l)
		}
		prevItem = item
	}
}

// sayLabel writes one choice's label after its number, later lines lined up under the
// label's first word.
func (t *Session) sayLabel(label, first string) {
	indent := strings.Repeat(" ", text.Width(first))
	for _, l := range text.WrapIndent(text.Clean(label), t.opt.Width, first, indent) {
		fmt.Fprintln(t.out, l)
	}
}

func (t *Session) bold(text string) string {
	if !t.opt.Color {
		return text
	}
	return "\x1b[1m" + text + "\x1b[0m"
}

func (t *Session) prompt() { fmt.Fprint(t.out, "> ") }

func (t *Session) intro() {
	b := t.step.Bank()
	t.sayBold(b.Title)
	if b.For != "" {
		t.say(t.w.T("For %s.", text.Clean(b.For)))
	}
	if strings.TrimSpace(b.Intro) != "" {
		t.blank()
		t.sayBank(b.Intro, "")
	}
	t.blank()
	how := t.w.T("Answer by typing a number or a word and pressing Enter.")
	if allYesNo(b) {
		how = t.w.T("Answer by typing y for yes or n for no and pressing Enter.")
	}
	keys := t.w.T("Type ? for help with a question, b to go back, q to save and stop. Take your time.")
	if t.opt.Save == nil {
		keys = t.w.T("Type ? for help with a question, b to go back, q to stop. Take your time.")
	}
	n, exact := t.step.Count()
	t.say(askwords.Count(t.w, n, exact) + " " + how + " " + keys)
}

// allYesNo reports whether every question of the bank is a yes/no question.
func allYesNo(b *questionnaire.Bank) bool {
	for _, q := range b.Questions {
		if q.Type != questionnaire.YesNo {
			return false
		}
	}
	return len(b.Questions) > 0
}

func (t *Session) welcomeBack() {
	t.sayBold(t.step.Bank().Title)
	t.say(t.w.T("Welcome back."))
	if t.step.Done() {
		t.say(t.w.T("Every question already has an answer."))
		return
	}
	_, total := t.step.Progress()
	keys := t.w.T("Type ? for help, b to go back, q to save and stop.")
	if t.opt.Save == nil {
		keys = t.w.T("Type ? for help, b to go back, q to stop.")
	}
	t.say(t.w.T("You've answered %d of %d questions.", t.step.Answered(), total) + " " +
		t.w.T("Let's carry on where you left off.") + " " + keys)
}

// showQuestion draws a step: its section's title (and intro, at the section's first
// question, once), where it stands, the question, its choices, the answer so far and how
// to answer.
func (t *Session) showQuestion(st ask.Step) {
	q := st.Question
	if sec := q.Section; sec != nil && sec != t.lastSection {
		t.blank()
		t.sayBold(sec.Title)
		if st.FirstOfSection && !t.introShown[sec] && strings.TrimSpace(sec.Intro) != "" {
			t.sayBank(sec.Intro, "")
			t.introShown[sec] = true
		}
	}
	t.lastSection = q.Section
	t.blank()
	if st.Info {
		t.sayBold(q.Text)
		if strings.TrimSpace(q.Help) != "" {
			t.sayBank(q.Help, "")
		}
		return
	}
	if st.Optional {
		t.say(t.w.T("Question %d of %d (optional)", st.Number, st.Total))
	} else {
		t.say(t.w.T("Question %d of %d", st.Number, st.Total))
	}
	t.sayBold(q.Text)
	switch q.Type {
	case questionnaire.Choice, questionnaire.Multi:
		nums := q.OptionNumbers()
		w := 0
		for _, n := range nums {
			w = max(w, len(n))
		}
		for i, o := range q.Options {
			pad := strings.Repeat(" ", w-len(nums[i]))
			t.sayLabel(o.Label, "  "+pad+nums[i]+"  ")
		}
	case questionnaire.Scale:
		if len(q.Labels) > 0 {
			var parts []string
			for p := int(q.Min); p <= int(q.Max); p++ {
				if l, ok := q.Labels[p]; ok {
					parts = append(parts, fmt.Sprintf("%d = %s", p, text.Clean(l))) // words:none: a point of the scale and its label
				}
			}
			t.sayLabel(strings.Join(parts, ", "), "  ")
		}
	case questionnaire.YesNo, questionnaire.Number, questionnaire.Text, questionnaire.Date, questionnaire.Info:
		// no step of their own here (listed for the exhaustive check)
	}
	if st.HasAnswer {
		t.say(t.w.T("Your answer so far: %s. Press Enter to keep it, or type a new one.", t.describeAnswer(q, st.Answer)))
	} else if st.Declined {
		t.say(t.w.T("Your answer so far: %s. Press Enter to keep it, or type an answer.", t.ratherNotSay()))
	}
	t.say(t.hint(q))
}

// describeAnswer shows a stored answer (normalized), in words, as the person would
// recognize it.
func (t *Session) describeAnswer(q *questionnaire.Question, v any) string {
	shown := text.Sanitize(render.AnswerWords(t.w, q, v))
	if q.Type == questionnaire.Text {
		return askwords.Quote(t.w, ask.Short(shown))
	}
	return shown
}

// ratherNotSay is a declined answer ("I'd rather not answer"), in the terminal's words:
// words that decline when typed (questionnaire.DeclineText).
func (t *Session) ratherNotSay() string { return t.w.T("rather not say") }

// hint says how to answer q, and that ? gives help; r declines where q allows it.
func (t *Session) hint(q *questionnaire.Question) string {
	w := t.w
	var h string
	switch q.Type {
	case questionnaire.YesNo:
		switch {
		case !q.Required && q.Decline:
			return w.T("(y/n, Enter to skip, r for %s, ? for help)", t.ratherNotSay())
		case !q.Required:
			return w.T("(y/n, Enter to skip, ? for help)")
		case q.Decline:
			return w.T("(y/n, r for %s, ? for help)", t.ratherNotSay())
		}
		return w.T("(y/n, ? for help)")
	case questionnaire.Choice:
		h = w.T("Type %s", askwords.ChoiceRange(w, q))
	case questionnaire.Multi:
		h = w.T("Type the numbers of all that fit, separated by commas or spaces")
	case questionnaire.Scale:
		h = w.T("Type a number from %s to %s", render.Number(w, q.Min), render.Number(w, q.Max))
	case questionnaire.Number:
		h = w.T("Type %s", askwords.NumberRange(w, q))
	case questionnaire.Date:
		h = w.T("Type a date as year-month-day, like 2026-11-27")
		if r := askwords.DateRange(w, q); r != "" {
			h = w.T("Type a date as year-month-day, like 2026-11-27, %s", r)
		}
	case questionnaire.Text, questionnaire.Info:
		fallthrough // as the default (listed for the exhaustive check)
	default:
		h = w.T("Type your answer on one line")
	}
	switch {
	case !q.Required && q.Decline:
		return w.T("%s, press Enter to skip, or r for %s (? for help)", h, t.ratherNotSay())
	case !q.Required:
		return w.T("%s, or press Enter to skip (? for help)", h)
	case q.Decline:
		return w.T("%s, or r for %s (? for help)", h, t.ratherNotSay())
	}
	return w.T("%s (? for help)", h)
}

// help shows the question's help and the keys.
func (t *Session) help(q *questionnaire.Question) {
	t.blank()
	if strings.TrimSpace(q.Help) != "" {
		t.sayBank(q.Help, "  ")
	} else {
		t.say(t.w.T("  There's no extra explanation for this question; answer in whatever way feels true for you today."))
	}
	t.blank()
	w := t.w
	var how string
	switch q.Type {
	case questionnaire.YesNo:
		how = w.T("y for yes or n for no")
	case questionnaire.Choice:
		how = w.T("the number of a choice, or its words")
	case questionnaire.Multi:
		how = w.T("the numbers of every choice that fits, like 1, 3 or 1 3")
	case questionnaire.Scale:
		how = w.T("a whole number from %s to %s", render.Number(w, q.Min), render.Number(w, q.Max))
	case questionnaire.Number:
		how = w.T("a number")
	case questionnaire.Date:
		how = w.T("a date as year-month-day (YYYY-MM-DD)")
	case questionnaire.Text, questionnaire.Info:
		fallthrough // as the default (listed for the exhaustive check)
	default:
		how = w.T("a line of text")
	}
	var keys string
	switch saves := t.opt.Save != nil; {
	case saves && q.Required:
		keys = w.T("To answer, type %s, then press Enter. b goes back to the question before, q saves your answers and stops.", how)
	case q.Required:
		keys = w.T("To answer, type %s, then press Enter. b goes back to the question before, q stops.", how)
	case saves:
		keys = w.T("To answer, type %s, then press Enter. b goes back to the question before, q saves your answers and stops, s or an empty line skips this question (it's optional).", how)
	default:
		keys = w.T("To answer, type %s, then press Enter. b goes back to the question before, q stops, s or an empty line skips this question (it's optional).", how)
	}
	t.say(keys)
	if q.Decline {
		t.say(w.T("If you'd rather not answer this one, type r (or \"rather not say\"). That's okay: it counts as no answer."))
	}
	t.say(t.hint(q))
}

// reviewKeys names the keys of the review besides a number and Enter.
func (t *Session) reviewKeys() string {
	if t.opt.Save == nil {
		return t.w.T("Type b to go back to the last question, q to stop, or ? for help.")
	}
	return t.w.T("Type b to go back to the last question, q to save and stop, or ? for help.")
}

// reviewHelp explains the review: what a number, Enter, b and q do there.
func (t *Session) reviewHelp(first, last int) {
	t.blank()
	if t.opt.Save == nil {
		t.say(t.w.T("  This is every answer you gave. To change one, type its number (%d to %d) and press Enter: the question comes back with your answer so far, and this list comes back after it. Press Enter to see your summary. b goes back to the last question; q stops.", first, last))
	} else {
		t.say(t.w.T("  This is every answer you gave. To change one, type its number (%d to %d) and press Enter: the question comes back with your answer so far, and this list comes back after it. Press Enter to see your summary. b goes back to the last question; q saves your answers and stops; you can come back to them later.", first, last))
	}
	t.blank()
}
