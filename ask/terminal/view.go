package terminal

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/candor-app/candor/ask"
	"github.com/candor-app/candor/internal/text"
	"github.com/candor-app/candor/questionnaire"
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
		t.say("For " + text.Clean(b.For) + ".")
	}
	if strings.TrimSpace(b.Intro) != "" {
		t.blank()
		t.sayBank(b.Intro, "")
	}
	t.blank()
	how := " Answer by typing a number or a word and pressing Enter."
	if allYesNo(b) {
		how = " Answer by typing y for yes or n for no and pressing Enter."
	}
	t.say(countWords(t.step.Count()) + how + " Type ? for help with a question, b to go back, " + t.quitWords() + ". Take your time.")
}

// countWords says how many questions there are (ask.Session.Count): exactly, or about as
// many when some depend on the answers.
func countWords(total int, exact bool) string {
	switch {
	case exact && total == 1:
		return "There is 1 question."
	case exact:
		return fmt.Sprintf("There are %d questions.", total)
	case total == 1:
		return "There is 1 question for now; the number may change with your answers."
	}
	return fmt.Sprintf("There are about %d questions; a few depend on your answers.", total)
}

// quitWords says what q does: it saves only when answers are being saved (not --no-save).
func (t *Session) quitWords() string {
	if t.opt.Save == nil {
		return "q to stop"
	}
	return "q to save and stop"
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
	t.say("Welcome back.")
	if t.step.Done() {
		t.say("Every question already has an answer.")
		return
	}
	_, total := t.step.Progress()
	t.say(fmt.Sprintf("You've answered %d of %d questions. Let's carry on where you left off. "+
		"Type ? for help, b to go back, %s.", t.step.Answered(), total, t.quitWords()))
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
	progress := fmt.Sprintf("Question %d of %d", st.Number, st.Total)
	if st.Optional {
		progress += " (optional)"
	}
	t.say(progress)
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
					parts = append(parts, fmt.Sprintf("%d = %s", p, text.Clean(l)))
				}
			}
			t.sayLabel(strings.Join(parts, ", "), "  ")
		}
	}
	if st.HasAnswer {
		t.say(fmt.Sprintf("Your answer so far: %s. Press Enter to keep it, or type a new one.", describeAnswer(q, st.AnswerText)))
	} else if st.Declined {
		t.say("Your answer so far: " + ratherNotSay + ". Press Enter to keep it, or type an answer.")
	}
	t.say(hint(q))
}

// describeAnswer shows a stored answer, in words, as the person would recognize it.
func describeAnswer(q *questionnaire.Question, words string) string {
	shown := text.Sanitize(words)
	if q.Type == questionnaire.Text {
		return strconv.Quote(ask.Short(shown))
	}
	return shown
}

// ratherNotSay is a declined answer ("I'd rather not answer"), in the terminal's words.
const ratherNotSay = "rather not say"

// hint says how to answer q, and that ? gives help; r declines where q allows it.
func hint(q *questionnaire.Question) string {
	var h string
	switch q.Type {
	case questionnaire.YesNo:
		h = "(y/n, "
		if !q.Required {
			h += "Enter to skip, "
		}
		if q.Decline {
			h += "r for " + ratherNotSay + ", "
		}
		return h + "? for help)"
	case questionnaire.Choice:
		h = "Type " + ask.ChoiceRange(q)
	case questionnaire.Multi:
		h = "Type the numbers of all that fit, separated by commas or spaces"
	case questionnaire.Scale:
		h = fmt.Sprintf("Type a number from %s to %s", questionnaire.FormatNumber(q.Min), questionnaire.FormatNumber(q.Max))
	case questionnaire.Number:
		h = "Type a number" + ask.NumberRange(q)
	case questionnaire.Date:
		h = "Type a date as year-month-day, like 2026-11-27"
		if r := q.DateRangeText(); r != "any date" {
			h += ", " + r
		}
	default:
		h = "Type your answer on one line"
	}
	switch {
	case !q.Required && q.Decline:
		h += ", press Enter to skip, or r for " + ratherNotSay
	case !q.Required:
		h += ", or press Enter to skip"
	case q.Decline:
		h += ", or r for " + ratherNotSay
	}
	return h + " (? for help)"
}

// help shows the question's help and the keys.
func (t *Session) help(q *questionnaire.Question) {
	t.blank()
	if strings.TrimSpace(q.Help) != "" {
		t.sayBank(q.Help, "  ")
	} else {
		t.say("  There's no extra explanation for this question; answer in whatever way feels true for you today.")
	}
	t.blank()
	var how string
	switch q.Type {
	case questionnaire.YesNo:
		how = "y for yes or n for no"
	case questionnaire.Choice:
		how = "the number of a choice, or its words"
	case questionnaire.Multi:
		how = "the numbers of every choice that fits, like 1, 3 or 1 3"
	case questionnaire.Scale:
		how = fmt.Sprintf("a whole number from %s to %s", questionnaire.FormatNumber(q.Min), questionnaire.FormatNumber(q.Max))
	case questionnaire.Number:
		how = "a number"
	case questionnaire.Date:
		how = "a date as year-month-day (YYYY-MM-DD)"
	default:
		how = "a line of text"
	}
	quit := "q saves your answers and stops"
	if t.opt.Save == nil {
		quit = "q stops"
	}
	keys := "To answer, type " + how + ", then press Enter. b goes back to the question before, " + quit
	if q.Required {
		keys += "."
	} else {
		keys += ", s or an empty line skips this question (it's optional)."
	}
	t.say(keys)
	if q.Decline {
		t.say("If you'd rather not answer this one, type r (or \"rather not say\"). That's okay: it counts as no answer.")
	}
	t.say(hint(q))
}

// reviewKeys names the keys of the review besides a number and Enter.
func (t *Session) reviewKeys() string {
	return "Type b to go back to the last question, " + t.quitWords() + ", or ? for help."
}

// reviewHelp explains the review: what a number, Enter, b and q do there.
func (t *Session) reviewHelp(first, last int) {
	t.blank()
	quit := "q saves your answers and stops; you can come back to them later"
	if t.opt.Save == nil {
		quit = "q stops"
	}
	t.say(fmt.Sprintf("  This is every answer you gave. To change one, type its number (%d to %d) and press Enter: "+
		"the question comes back with your answer so far, and this list comes back after it. "+
		"Press Enter to see your summary. b goes back to the last question; %s.", first, last, quit))
	t.blank()
}
