// Package ask is the interactive session behind `candor take`: one question at a time, with
// help, going back, skipping and stopping, saving after every answer.
package ask

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/candor-app/candor/questionnaire"
	"github.com/candor-app/candor/render"
	"github.com/candor-app/candor/scoring"
)

// Options adjust a session.
type Options struct {
	// Width wraps text; 0 means 80.
	Width int
	// Color makes question text bold (on a terminal only).
	Color bool
	// Terminal is true when the person types at a terminal, which echoes what they type.
	// Off a terminal the session ends each prompt line itself and draws nothing else.
	Terminal bool
	// Resumed is true when the response already holds answers from an earlier session.
	Resumed bool
	// Save writes the response; it is called after every change. Nil saves nothing.
	Save func(*questionnaire.Response) error
	// SavedTo is the file Save writes, named after an urgent flag so the person knows
	// what to delete if someone else uses this computer. Empty says nothing.
	SavedTo string
	// Now is the clock (time.Now when nil).
	Now func() time.Time
}

// Status is how a session ended.
type Status int

// How a session ends.
const (
	// Finished: every question that is asked has been answered or skipped.
	Finished Status = iota
	// Quit: the person typed q.
	Quit
	// EndOfInput: the input ended before the last question.
	EndOfInput
	// Interrupted: the context ended (Ctrl-C, SIGTERM).
	Interrupted
)

func (s Status) String() string {
	switch s {
	case Finished:
		return "finished"
	case Quit:
		return "quit"
	case EndOfInput:
		return "end of input"
	}
	return "interrupted"
}

// Session asks a bank's questions and records the answers in a response.
type Session struct {
	bank    *questionnaire.Bank
	resp    *questionnaire.Response
	answers questionnaire.Answers
	in      Prompter
	out     io.Writer
	opt     Options

	lastSection *questionnaire.Section
	introShown  map[*questionnaire.Section]bool
	urgentShown map[string]bool
}

// New starts a session over bank b that records into resp. answers are resp's answers
// already checked against b (questionnaire.Response.Resolve); nil means none.
func New(b *questionnaire.Bank, resp *questionnaire.Response, answers questionnaire.Answers, in Prompter, out io.Writer, opt Options) *Session {
	if answers == nil {
		answers = questionnaire.Answers{}
	}
	if opt.Width <= 0 {
		opt.Width = 80
	}
	if opt.Now == nil {
		opt.Now = time.Now
	}
	return &Session{bank: b, resp: resp, answers: answers, in: in, out: out, opt: opt,
		introShown: map[*questionnaire.Section]bool{}, urgentShown: map[string]bool{}}
}

// Answers are the answers given so far, normalized, including answers to questions that are
// no longer asked (scoring ignores those).
func (s *Session) Answers() questionnaire.Answers { return s.answers }

// errStop ends the question loop with a status.
type errStop struct{ status Status }

func (e *errStop) Error() string { return e.status.String() }

// Run asks questions until every asked question is answered or skipped, the person quits,
// the input ends or ctx is done. Every answer is saved (Options.Save) as soon as it is given.
// An error means an answer could not be saved, or the input failed.
func (s *Session) Run(ctx context.Context) (Status, error) {
	s.updateStatus()
	cur := s.firstOpen()
	if s.opt.Resumed {
		s.welcomeBack(cur)
	} else {
		s.intro()
	}
	if err := s.save(); err != nil {
		return Interrupted, err
	}
	if err := s.showUrgent(ctx); err != nil {
		return stopStatus(err)
	}
	for {
		if cur == nil {
			cur = s.firstOpen()
			if cur == nil {
				break
			}
			s.say("There's a question still open, so here it is again.")
		}
		next, err := s.ask(ctx, cur)
		if err != nil {
			return stopStatus(err)
		}
		cur = next
	}
	s.updateStatus()
	if err := s.save(); err != nil {
		return Interrupted, err
	}
	s.blank()
	s.say("That's every question. Thank you for taking the time.")
	return Finished, nil
}

// stopStatus turns the error that ended the question loop into how the session ended.
func stopStatus(err error) (Status, error) {
	var st *errStop
	if errors.As(err, &st) {
		return st.status, nil
	}
	return Interrupted, err
}

// readLine reads one typed line; it ends the session (errStop) when the input ends or ctx
// is done.
func (s *Session) readLine(ctx context.Context) (string, error) {
	s.prompt()
	raw, err := s.in.ReadLine(ctx)
	if !s.opt.Terminal {
		// Nothing echoed the typed line, so end the prompt's line here.
		fmt.Fprintln(s.out)
	}
	switch {
	case err == nil:
		return strings.TrimSpace(raw), nil
	case ctx.Err() != nil:
		return "", &errStop{Interrupted}
	case errors.Is(err, io.EOF):
		return "", &errStop{EndOfInput}
	}
	return "", fmt.Errorf("cannot read your answer: %w", err)
}

// quit saves and ends the session as the person asked.
func (s *Session) quit() error {
	s.updateStatus()
	if err := s.save(); err != nil {
		return err
	}
	return &errStop{Quit}
}

// ask shows q and reads until it is answered, skipped or left; it returns the question to
// ask next (nil after the last).
func (s *Session) ask(ctx context.Context, q *questionnaire.Question) (*questionnaire.Question, error) {
	s.showQuestion(q)
	for {
		in, err := s.readLine(ctx)
		if err != nil {
			return nil, err
		}
		switch strings.ToLower(in) {
		case "?":
			s.help(q)
			continue
		case "b":
			prev := s.prev(q)
			if prev == nil {
				s.say("This is the first question, so there's nothing to go back to. Take your time.")
				continue
			}
			return prev, nil
		case "q":
			return nil, s.quit()
		case "s":
			if q.Required {
				s.say("This question needs an answer to go on, so it can't be skipped. Type ? for help, or b to go back.")
				continue
			}
			return s.record(ctx, q, nil, true)
		case "":
			if _, has := s.answers[q.ID]; has {
				return s.next(q), nil // keep the answer given before
			}
			if !q.Required {
				return s.record(ctx, q, nil, true)
			}
			s.say("This question needs an answer. Take your time; type ? if you'd like help.")
			continue
		}
		v, msg := parse(q, in)
		if msg != "" {
			s.say(msg)
			continue
		}
		return s.record(ctx, q, v, false)
	}
}

// record stores an answer (or a skip), saves, and returns the next question.
func (s *Session) record(ctx context.Context, q *questionnaire.Question, v any, skipped bool) (*questionnaire.Question, error) {
	if v == nil {
		delete(s.answers, q.ID)
	} else {
		s.answers[q.ID] = v
	}
	s.resp.SetAnswer(q.ID, v)
	s.resp.SetSkipped(q.ID, skipped)
	s.updateStatus()
	if err := s.save(); err != nil {
		return nil, err
	}
	if err := s.showUrgent(ctx); err != nil {
		return nil, err
	}
	return s.next(q), nil
}

func (s *Session) save() error {
	s.resp.Updated = s.opt.Now().UTC().Truncate(time.Second)
	if s.opt.Save == nil {
		return nil
	}
	if err := s.opt.Save(s.resp); err != nil {
		return fmt.Errorf("your last answer could not be saved: %w", err)
	}
	return nil
}

// updateStatus marks the response completed when every asked, required question has an
// answer.
func (s *Session) updateStatus() {
	asked := scoring.Asked(s.bank, s.answers, nil)
	for _, q := range s.bank.Questions {
		if asked[q.ID] && q.Required && s.answers[q.ID] == nil {
			s.resp.Status = questionnaire.InProgress
			return
		}
	}
	s.resp.Status = questionnaire.Completed
}

// asked lists the questions asked with the answers given so far, in order.
func (s *Session) asked() []*questionnaire.Question {
	set := scoring.Asked(s.bank, s.answers, nil)
	out := make([]*questionnaire.Question, 0, len(set))
	for _, q := range s.bank.Questions {
		if set[q.ID] {
			out = append(out, q)
		}
	}
	return out
}

// firstOpen is the first asked question that is neither answered nor skipped, or a required
// one left unanswered.
func (s *Session) firstOpen() *questionnaire.Question {
	skipped := map[string]bool{}
	for _, id := range s.resp.Skipped {
		skipped[id] = true
	}
	for _, q := range s.asked() {
		if s.answers[q.ID] != nil {
			continue
		}
		if q.Required || !skipped[q.ID] {
			return q
		}
	}
	return nil
}

func (s *Session) next(q *questionnaire.Question) *questionnaire.Question {
	for _, a := range s.asked() {
		if a.Index > q.Index {
			return a
		}
	}
	return nil
}

func (s *Session) prev(q *questionnaire.Question) *questionnaire.Question {
	var p *questionnaire.Question
	for _, a := range s.asked() {
		if a.Index >= q.Index {
			break
		}
		p = a
	}
	return p
}

// Output.

func (s *Session) blank() { fmt.Fprintln(s.out) }

// say writes a message of candor's own, wrapped by display width as the summary is.
func (s *Session) say(text string) {
	for _, l := range render.Wrap(text, s.opt.Width) {
		fmt.Fprintln(s.out, l)
	}
}

// sayBold writes a line of text from the bank (a title, a question), sanitized, wrapped
// and then made bold, so the escape codes never count towards the width.
func (s *Session) sayBold(text string) {
	for _, l := range render.Wrap(render.Clean(text), s.opt.Width) {
		fmt.Fprintln(s.out, s.bold(l))
	}
}

// sayBank writes prose from the bank laid out as the summary lays it out: sanitized, the
// YAML author's line breaks joined into paragraphs (a blank line between them, none
// between list items), wrapped by display width with indent.
func (s *Session) sayBank(text, indent string) {
	prevItem := false
	for i, p := range render.Paragraphs(render.Clean(text)) {
		item := p.Marker != ""
		if i > 0 && !(item && prevItem) {
			fmt.Fprintln(s.out)
		}
		var lines []string
		if item {
			lines = render.WrapIndent(p.Text, s.opt.Width, indent+p.Marker+" ", indent+strings.Repeat(" ", render.Width(p.Marker)+1))
		} else {
			lines = render.WrapIndent(p.Text, s.opt.Width, "", indent)
		}
		for _, l := range lines {
			fmt.Fprintln(s.out, l)
		}
		prevItem = item
	}
}

// sayLabel writes one choice's label after its number, later lines lined up under the
// label's first word.
func (s *Session) sayLabel(label, first string) {
	indent := strings.Repeat(" ", render.Width(first))
	for _, l := range render.WrapIndent(render.Clean(label), s.opt.Width, first, indent) {
		fmt.Fprintln(s.out, l)
	}
}

func (s *Session) bold(text string) string {
	if !s.opt.Color {
		return text
	}
	return "\x1b[1m" + text + "\x1b[0m"
}

func (s *Session) prompt() { fmt.Fprint(s.out, "> ") }

func (s *Session) intro() {
	b := s.bank
	s.sayBold(b.Title)
	if b.For != "" {
		s.say("For " + render.Clean(b.For) + ".")
	}
	if strings.TrimSpace(b.Intro) != "" {
		s.blank()
		s.sayBank(b.Intro, "")
	}
	s.blank()
	count := fmt.Sprintf("There are %d questions.", len(s.asked()))
	for _, q := range b.Questions {
		if q.When != nil {
			count = fmt.Sprintf("There are about %d questions; a few depend on your answers.", len(s.asked()))
			break
		}
	}
	how := " Answer by typing a number or a word and pressing Enter."
	if s.allYesNo() {
		how = " Answer by typing y for yes or n for no and pressing Enter."
	}
	s.say(count + how + " Type ? for help with a question, b to go back, " + s.quitWords() + ". Take your time.")
}

// quitWords says what q does: it saves only when answers are being saved (not --no-save).
func (s *Session) quitWords() string {
	if s.opt.Save == nil {
		return "q to stop"
	}
	return "q to save and stop"
}

// allYesNo reports whether every question of the bank is a yes/no question.
func (s *Session) allYesNo() bool {
	for _, q := range s.bank.Questions {
		if q.Type != questionnaire.YesNo {
			return false
		}
	}
	return len(s.bank.Questions) > 0
}

func (s *Session) welcomeBack(cur *questionnaire.Question) {
	s.sayBold(s.bank.Title)
	s.say("Welcome back.")
	asked := s.asked()
	answered := 0
	for _, q := range asked {
		if s.answers[q.ID] != nil {
			answered++
		}
	}
	if cur == nil {
		s.say("Every question already has an answer.")
		return
	}
	s.say(fmt.Sprintf("You've answered %d of %d questions. Let's carry on where you left off. "+
		"Type ? for help, b to go back, %s.", answered, len(asked), s.quitWords()))
}

// showUrgent shows an urgent flag the moment an answer raises it: safety comes before any
// further question. On a terminal it then waits for Enter, so the message stays on the
// screen until the person has read it; off a terminal every line read is an answer, so it
// does not wait.
func (s *Session) showUrgent(ctx context.Context) error {
	r := scoring.Score(s.bank, s.answers, scoring.Options{})
	shown := false
	for _, f := range r.Flags {
		if f.Level != questionnaire.Urgent || s.urgentShown[f.ID] {
			continue
		}
		s.urgentShown[f.ID] = true
		shown = true
		s.blank()
		s.sayBold(f.Title)
		s.sayBank(f.Text, "")
	}
	if !shown {
		return nil
	}
	s.blank()
	if s.opt.Save != nil && s.opt.SavedTo != "" {
		s.say("Your answers are kept in this file:")
		for _, l := range render.WrapIndent(render.Clean(s.opt.SavedTo), s.opt.Width, "", "  ") {
			fmt.Fprintln(s.out, l)
		}
		s.say("If someone else can use this computer, you may want to delete it when you're done. " +
			"Next time, 'candor take --no-save' keeps nothing at all.")
	}
	if !s.opt.Terminal {
		s.say("You can go on when you're ready, or type q to stop here.")
		return nil
	}
	s.say("Press Enter when you're ready to go on, or q to stop.")
	for {
		in, err := s.readLine(ctx)
		if err != nil {
			return err
		}
		switch strings.ToLower(in) {
		case "":
			return nil
		case "q":
			return s.quit()
		}
		s.say("Take all the time you need. Press Enter to go on, or type q to stop.")
	}
}

func (s *Session) showQuestion(q *questionnaire.Question) {
	if sec := q.Section; sec != nil && sec != s.lastSection {
		s.blank()
		s.sayBold(sec.Title)
		if !s.introShown[sec] && strings.TrimSpace(sec.Intro) != "" {
			s.sayBank(sec.Intro, "")
		}
		s.introShown[sec] = true
	}
	s.lastSection = q.Section
	asked := s.asked()
	pos := len(asked)
	for i, a := range asked {
		if a == q {
			pos = i + 1
		}
	}
	s.blank()
	progress := fmt.Sprintf("Question %d of %d", pos, len(asked))
	if !q.Required {
		progress += " (optional)"
	}
	s.say(progress)
	s.sayBold(q.Text)
	switch q.Type {
	case questionnaire.Choice, questionnaire.Multi:
		nums := numbers(q)
		w := 0
		for _, n := range nums {
			w = max(w, len(n))
		}
		for i, o := range q.Options {
			pad := strings.Repeat(" ", w-len(nums[i]))
			s.sayLabel(o.Label, "  "+pad+nums[i]+"  ")
		}
	case questionnaire.Scale:
		if len(q.Labels) > 0 {
			var parts []string
			for p := int(q.Min); p <= int(q.Max); p++ {
				if l, ok := q.Labels[p]; ok {
					parts = append(parts, fmt.Sprintf("%d = %s", p, render.Clean(l)))
				}
			}
			s.sayLabel(strings.Join(parts, ", "), "  ")
		}
	}
	if v, ok := s.answers[q.ID]; ok {
		s.say(fmt.Sprintf("Your answer so far: %s. Press Enter to keep it, or type a new one.", describeAnswer(q, v)))
	}
	s.say(hint(q))
}

// hint says how to answer q, and that ? gives help.
func hint(q *questionnaire.Question) string {
	var h string
	switch q.Type {
	case questionnaire.YesNo:
	case questionnaire.Choice:
		h = "Type " + choiceRange(q)
	case questionnaire.Multi:
		h = "Type the numbers of all that fit, separated by commas or spaces"
	case questionnaire.Scale:
		h = fmt.Sprintf("Type a number from %s to %s", num(q.Min), num(q.Max))
	case questionnaire.Number:
		h = "Type a number" + numberRange(q)
	default:
		h = "Type your answer on one line"
	}
	if q.Type == questionnaire.YesNo {
		if !q.Required {
			return "(y/n, Enter to skip, ? for help)"
		}
		return "(y/n, ? for help)"
	}
	if !q.Required {
		h += ", or press Enter to skip"
	}
	return h + " (? for help)"
}

// help shows the question's help and the keys.
func (s *Session) help(q *questionnaire.Question) {
	s.blank()
	if strings.TrimSpace(q.Help) != "" {
		s.sayBank(q.Help, "  ")
	} else {
		s.say("  There's no extra explanation for this question; answer in whatever way feels true for you today.")
	}
	s.blank()
	var how string
	switch q.Type {
	case questionnaire.YesNo:
		how = "y for yes or n for no"
	case questionnaire.Choice:
		how = "the number of a choice, or its words"
	case questionnaire.Multi:
		how = "the numbers of every choice that fits, like 1, 3 or 1 3"
	case questionnaire.Scale:
		how = fmt.Sprintf("a whole number from %s to %s", num(q.Min), num(q.Max))
	case questionnaire.Number:
		how = "a number"
	default:
		how = "a line of text"
	}
	keys := "To answer, type " + how + ", then press Enter. b goes back to the question before, q saves your answers and stops"
	if q.Required {
		keys += "."
	} else {
		keys += ", s or an empty line skips this question (it's optional)."
	}
	s.say(keys)
	s.say(hint(q))
}

// numbers are the numbers shown before each option: the options' own values when they are
// whole numbers counting up by one in the order shown (so a 0-3 scale reads 0-3),
// otherwise 1, 2, 3...
func numbers(q *questionnaire.Question) []string {
	out := make([]string, len(q.Options))
	if ownNumbers(q) {
		for i, o := range q.Options {
			out[i] = num(o.Value.(float64))
		}
		return out
	}
	for i := range q.Options {
		out[i] = strconv.Itoa(i + 1)
	}
	return out
}

// ownNumbers reports whether the options' values can stand for them on screen: whole
// numbers, each one more than the one before (0, 1, 2, 3 or 1 to 5). Values in any other
// order (2, 1, 0 for Yes, Not sure yet, No) would read backwards, so the options are
// numbered 1, 2, 3 instead.
func ownNumbers(q *questionnaire.Question) bool {
	for i, o := range q.Options {
		f, ok := o.Value.(float64)
		if !ok || f != math.Trunc(f) || math.Abs(f) > 1e9 {
			return false
		}
		if i > 0 && f != q.Options[i-1].Value.(float64)+1 {
			return false
		}
	}
	return len(q.Options) > 0
}

// choiceRange says which numbers pick a choice: "a number from 1 to 5".
func choiceRange(q *questionnaire.Question) string {
	if !ownNumbers(q) {
		return fmt.Sprintf("a number from 1 to %d", len(q.Options))
	}
	lo, hi := q.Options[0].Value.(float64), q.Options[len(q.Options)-1].Value.(float64)
	return fmt.Sprintf("a number from %s to %s", num(lo), num(hi))
}

// numberRange is " from 1 to 10", " of at least 0", " up to 10" or "".
func numberRange(q *questionnaire.Question) string {
	switch {
	case q.HasMin && q.HasMax:
		return " from " + q.RangeText() // "from 1 to 7"
	case q.HasMin || q.HasMax:
		return " of " + q.RangeText() // "of at least 0", "of at most 10"
	}
	return ""
}

func num(f float64) string { return questionnaire.FormatNumber(f) }

// option finds the option the person meant by t: its shown number, its value or its label
// (any case).
func option(q *questionnaire.Question, t string) *questionnaire.Option {
	t = strings.TrimSpace(t)
	if t == "" {
		return nil
	}
	if !ownNumbers(q) {
		if i, err := strconv.Atoi(t); err == nil {
			if i >= 1 && i <= len(q.Options) {
				return q.Options[i-1]
			}
			return nil
		}
	}
	f, ferr := strconv.ParseFloat(t, 64)
	for _, o := range q.Options {
		switch v := o.Value.(type) {
		case float64:
			if ferr == nil && f == v {
				return o
			}
		case string:
			if v == t || v == strings.ToLower(t) {
				return o
			}
		}
	}
	words := strings.Join(strings.Fields(t), " ")
	for _, o := range q.Options {
		if strings.EqualFold(strings.Join(strings.Fields(o.Label), " "), words) {
			return o
		}
	}
	return nil
}

// parse reads a typed answer; msg explains in one line why it is not one.
func parse(q *questionnaire.Question, in string) (v any, msg string) {
	quoted := strconv.Quote(short(in))
	switch q.Type {
	case questionnaire.YesNo:
		if b, ok := questionnaire.ParseYesNo(in); ok {
			return b, ""
		}
		return nil, fmt.Sprintf("Please type y for yes or n for no (%s isn't one of those).", quoted)
	case questionnaire.Choice:
		if o := option(q, in); o != nil {
			return o.Value, ""
		}
		return nil, fmt.Sprintf("%s isn't one of the choices. Please type %s.", quoted, choiceRange(q))
	case questionnaire.Multi:
		return parseMulti(q, in)
	case questionnaire.Scale:
		if v, err := q.ParseValue(in); err == nil {
			return v, ""
		}
		return nil, fmt.Sprintf("Please type a whole number from %s to %s (%s isn't one).", num(q.Min), num(q.Max), quoted)
	case questionnaire.Number:
		if v, err := q.ParseValue(in); err == nil {
			return v, ""
		}
		if _, err := strconv.ParseFloat(in, 64); err == nil {
			return nil, fmt.Sprintf("Please type a number%s (%s is outside that).", numberRange(q), quoted)
		}
		return nil, fmt.Sprintf("Please type a number, like 3 or 2.5 (%s isn't one).", quoted)
	default:
		if len([]rune(in)) > questionnaire.MaxTextAnswer {
			return nil, fmt.Sprintf("That's longer than %d characters; please keep it to one shorter line.", questionnaire.MaxTextAnswer)
		}
		return in, ""
	}
}

// parseMulti reads choices separated by commas or spaces; a label with spaces works too.
func parseMulti(q *questionnaire.Question, in string) (any, string) {
	try := func(parts []string) ([]*questionnaire.Option, string) {
		var chosen []*questionnaire.Option
		for _, p := range parts {
			p = strings.TrimSpace(p)
			if p == "" {
				continue
			}
			o := option(q, p)
			if o == nil {
				return nil, p
			}
			chosen = append(chosen, o)
		}
		return chosen, ""
	}
	var chosen []*questionnaire.Option
	var bad string
	if o := option(q, in); o != nil {
		chosen = []*questionnaire.Option{o}
	} else if chosen, bad = try(strings.Split(in, ",")); bad != "" {
		chosen, bad = try(strings.FieldsFunc(in, func(r rune) bool { return r == ',' || r == ' ' || r == ';' }))
	}
	if bad != "" {
		nums := numbers(q)
		return nil, fmt.Sprintf("%s isn't one of the choices. Type the numbers of the ones that fit, like %s.",
			strconv.Quote(short(bad)), example(nums))
	}
	if len(chosen) == 0 {
		return nil, "Please type the numbers of the choices that fit."
	}
	picked := map[*questionnaire.Option]bool{}
	for _, o := range chosen {
		picked[o] = true
	}
	out := []any{}
	for _, o := range q.Options {
		if picked[o] {
			out = append(out, o.Value)
		}
	}
	return out, ""
}

func example(nums []string) string {
	if len(nums) >= 3 {
		return nums[0] + ", " + nums[2]
	}
	return nums[0]
}

func short(s string) string {
	r := []rune(s)
	if len(r) > 30 {
		return string(r[:29]) + "…"
	}
	return s
}

// describeAnswer shows a stored answer as the person would recognize it.
func describeAnswer(q *questionnaire.Question, v any) string {
	text := questionnaire.Sanitize(q.AnswerText(v))
	if q.Type == questionnaire.Text {
		return strconv.Quote(short(text))
	}
	return text
}
