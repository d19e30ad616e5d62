package engine

import (
	"fmt"
	"math"
	"strings"

	"github.com/candor-app/candor/ask/askwords"
	"github.com/candor-app/candor/internal/text"
	"github.com/candor-app/candor/questionnaire"
	"github.com/candor-app/candor/render"
	"github.com/candor-app/candor/words"
)

// View is one screen, everything the page needs to draw it. Text from the bank is sanitized
// (text.Clean); fields ending in HTML are escaped HTML, ready to insert.
type View struct {
	Screen string `json:"screen"`
	// Answered is how many of the Total questions asked now have an answer.
	Answered int `json:"answered"`
	Total    int `json:"total"`

	Intro    *IntroView    `json:"intro,omitempty"`
	Question *QuestionView `json:"question,omitempty"`
	Flags    []FlagView    `json:"flags,omitempty"`
	Review   []ReviewItem  `json:"review,omitempty"`
	End      *EndView      `json:"end,omitempty"`
}

// IntroView opens the questionnaire.
type IntroView struct {
	Title     string `json:"title"`
	For       string `json:"for,omitempty"`
	IntroHTML string `json:"introHTML,omitempty"`
	// Questions is how many questions there are as things stand, and Exact whether that is
	// so whatever the answers (ask.Session.Count): the page says it in its words.
	Questions int  `json:"questions"`
	Exact     bool `json:"exact,omitempty"`
	// Count says it in the page's language ("There are 5 questions."): the page shows it
	// before its engine has started.
	Count string `json:"count"`
	// Resumed is set when answers were loaded from a file: Answered of Total are answered.
	Resumed bool `json:"resumed,omitempty"`
	// Done is set when every question already has its answer.
	Done bool `json:"done,omitempty"`
	// Differs says how the answers file loaded differs from these questions, when it does:
	// the page says so in its own words (as take --resume does in the terminal).
	Differs *Differences `json:"differs,omitempty"`
	// Lang is the language the questions are in now, and RTL whether it is written right to
	// left: the page's lang and dir follow it.
	Lang string `json:"lang,omitempty"`
	RTL  bool   `json:"rtl,omitempty"`
	// Languages are the bank's languages (BCP 47 tags), when it is written in more than one
	// and none is answered yet: the page offers them by name, and "lang" switches to one.
	Languages []string `json:"languages,omitempty"`
}

// Differences between an answers file that loaded and the bank of the page, none of which
// stops it from loading.
type Differences struct {
	// Version is the bank version the answers were given to, when it is not BankVersion.
	Version     string `json:"version,omitempty"`
	BankVersion string `json:"bankVersion,omitempty"`
	// Changed is set when the version is the same but the bank's content (its digest) is
	// not: the questions changed, or the file was edited.
	Changed bool `json:"changed,omitempty"`
	// Unknown are the ids of answers to questions this bank does not have: not counted.
	Unknown []string `json:"unknown,omitempty"`
}

// QuestionView is one question with its place and its answer so far.
type QuestionView struct {
	ID       string `json:"id"`
	Number   int    `json:"number"`
	Total    int    `json:"total"`
	Optional bool   `json:"optional"`
	// Type is yesno, choice, multi, scale, number, text, date or info (a statement to read,
	// which takes no answer and has no number); a scale with too many points for buttons is
	// shown as a number.
	Type     string `json:"type"`
	Text     string `json:"text"`
	HelpHTML string `json:"helpHTML,omitempty"`
	// Section is the question's section title; SectionIntroHTML its intro, on the first
	// question of the section.
	Section          string `json:"section,omitempty"`
	SectionIntroHTML string `json:"sectionIntroHTML,omitempty"`
	// Options are the choices (yes/no, choice, multi, and each point of a scale).
	Options []OptionView `json:"options,omitempty"`
	// Range says which numbers or dates are taken ("from 1 to 10"), for number and date
	// questions.
	Range string `json:"range,omitempty"`
	// Answer is the answer so far as text to put in a field (number, text); HasAnswer
	// says whether there is an answer.
	Answer    string `json:"answer,omitempty"`
	HasAnswer bool   `json:"hasAnswer"`
	// Reopened: the question comes round again, still without the answer it needs.
	Reopened bool `json:"reopened,omitempty"`
	// CanDecline: the question may be answered "I'd rather not answer" (the "decline"
	// call); Declined: it was.
	CanDecline bool `json:"canDecline,omitempty"`
	Declined   bool `json:"declined,omitempty"`
	// MaxLength bounds a text answer.
	MaxLength int `json:"maxLength,omitempty"`
}

// OptionView is one choice. Send is what the page sends as the answer when it is picked
// (for multi, the Sends of the picked options joined with ", ").
type OptionView struct {
	Label    string `json:"label"`
	Send     string `json:"send"`
	Selected bool   `json:"selected"`
	// Anchor is a scale point's label ("Not at all"), if it has one.
	Anchor string `json:"anchor,omitempty"`
}

// FlagView is a flag shown the moment an answer raises it.
type FlagView struct {
	ID       string `json:"id"`
	Urgent   bool   `json:"urgent"`
	Title    string `json:"title"`
	TextHTML string `json:"textHTML"`
}

// ReviewItem is one asked question and its answer, on the review screen.
type ReviewItem struct {
	ID       string `json:"id"`
	Number   int    `json:"number"`
	Text     string `json:"text"`
	Answer   string `json:"answer"`
	Answered bool   `json:"answered"`
	Skipped  bool   `json:"skipped"`
	// Declined: answered "I'd rather not answer" (no answer, and not a skip).
	Declined bool `json:"declined"`
	Optional bool `json:"optional"`
}

// EndView is the last screen: the summary, or a thank-you without it (--no-summary).
type EndView struct {
	SummaryHTML string `json:"summaryHTML,omitempty"`
	NoSummary   bool   `json:"noSummary,omitempty"`
	// Private is set when the answers raise a flag that may be private (scoring's
	// Result.Private): the page keeps nothing, but a downloaded file would sit in the
	// Downloads folder, so the page says so and does not press the download.
	Private bool `json:"private,omitempty"`
}

// maxScalePoints is the most points a scale shows as buttons; a longer one takes a number.
const maxScalePoints = 21

func (e *Engine) view() *View {
	if e.sess == nil {
		return nil
	}
	st := e.sess.Current()
	v := &View{Screen: string(e.sess.Screen()), Answered: e.sess.Answered(), Total: st.Total}
	if v.Screen == ScreenQuestion && st.Question == nil {
		v.Screen = ScreenReview // never so (ask.Session.Screen); drawn safely all the same
	}
	switch v.Screen {
	case ScreenIntro:
		v.Intro = e.introView()
	case ScreenQuestion:
		v.Question = e.questionView()
	case ScreenFlags:
		for _, f := range e.sess.PendingAtOnce() {
			v.Flags = append(v.Flags, FlagView{ID: f.ID, Urgent: f.Level == questionnaire.Urgent,
				Title: clean(f.Title), TextHTML: render.ProseHTML(f.Text)})
		}
	case ScreenReview:
		for _, it := range e.sess.Review() {
			v.Review = append(v.Review, ReviewItem{ID: it.Question.ID, Number: it.Number,
				Text: clean(it.Question.Text), Answer: clean(reviewAnswer(e.w(), it.Question, it.Answer)), Answered: it.Answer != nil,
				Skipped: it.Skipped, Declined: it.Declined, Optional: !it.Question.Required})
		}
	case ScreenEnd:
		r := e.score()
		v.End = &EndView{NoSummary: e.opt.NoSummary, Private: r.Private(e.bank)}
		if !e.opt.NoSummary {
			// The page opens nothing: a source's address is text to copy, not a link.
			opt := e.renderOptions()
			opt.NoLinks = true
			v.End.SummaryHTML = render.SummaryHTML(e.bank, r, opt)
		}
	}
	return v
}

// clean is text from the bank or the answers on one line, sanitized as every renderer does.
func clean(s string) string { return strings.Join(strings.Fields(text.Clean(s)), " ") }

func (e *Engine) introView() *IntroView {
	b := e.bank
	iv := &IntroView{Title: clean(b.Title), For: clean(b.For), IntroHTML: render.ProseHTML(b.Intro),
		Resumed: e.sess.Resumed(), Done: e.sess.Done(), Differs: e.differs}
	iv.Questions, iv.Exact = e.sess.Count()
	iv.Count = askwords.Count(e.w(), iv.Questions, iv.Exact)
	iv.Lang = e.bank.Language
	iv.RTL = questionnaire.RightToLeft(iv.Lang)
	if len(e.all.Languages) > 1 && e.languageOpen() {
		iv.Languages = e.all.Languages
	}
	return iv
}

func (e *Engine) questionView() *QuestionView {
	st := e.sess.Current()
	q := st.Question
	qv := &QuestionView{ID: q.ID, Number: st.Number, Total: st.Total, Optional: st.Optional,
		Type: string(q.Type), Text: clean(q.Text), HasAnswer: st.HasAnswer, Reopened: st.Reopened,
		CanDecline: st.CanDecline, Declined: st.Declined}
	if strings.TrimSpace(q.Help) != "" {
		qv.HelpHTML = render.ProseHTML(q.Help)
	}
	if sec := q.Section; sec != nil {
		qv.Section = clean(sec.Title)
		if st.FirstOfSection && strings.TrimSpace(sec.Intro) != "" {
			qv.SectionIntroHTML = render.ProseHTML(sec.Intro)
		}
	}
	switch q.Type {
	case questionnaire.YesNo:
		qv.Options = []OptionView{
			{Label: e.w().T("Yes"), Send: "yes", Selected: st.Answer == true},
			{Label: e.w().T("No"), Send: "no", Selected: st.Answer == false},
		}
	case questionnaire.Choice, questionnaire.Multi:
		picked := map[any]bool{}
		switch a := st.Answer.(type) {
		case []any:
			for _, x := range a {
				picked[x] = true
			}
		case nil:
		default:
			picked[a] = true
		}
		nums := q.OptionNumbers()
		for i, o := range q.Options {
			qv.Options = append(qv.Options, OptionView{Label: clean(o.Label), Send: nums[i], Selected: picked[o.Value]})
		}
	case questionnaire.Scale:
		if q.Max-q.Min+1 <= maxScalePoints {
			for p := int(q.Min); p <= int(q.Max); p++ {
				f := float64(p)
				qv.Options = append(qv.Options, OptionView{Label: questionnaire.FormatNumber(f),
					Send: questionnaire.FormatNumber(f), Selected: st.Answer == f, Anchor: clean(q.Labels[p])})
			}
			break
		}
		qv.Type = string(questionnaire.Number)
		qv.Range = e.numberRange(q)
		qv.Answer = answerField(st.Answer)
	case questionnaire.Number:
		if q.HasMin || q.HasMax {
			qv.Range = e.numberRange(q)
		}
		qv.Answer = answerField(st.Answer)
	case questionnaire.Text:
		qv.Answer = answerField(st.Answer)
		qv.MaxLength = questionnaire.MaxTextAnswer
	case questionnaire.Date:
		qv.Answer = answerField(st.Answer)
		qv.Range = e.dateRange(q)
	case questionnaire.Info:
		// no step of their own here (listed for the exhaustive check)
	}
	return qv
}

// reviewAnswer is an answer on the review, in the page's language (render.AnswerWords, as
// take's review says it); "" for none.
func reviewAnswer(p *words.Printer, q *questionnaire.Question, v any) string {
	if v == nil {
		return ""
	}
	return render.AnswerWords(p, q, v)
}

// numberRange is "from 1 to 10", "at least 0" or "at most 10", in the page's language.
func (e *Engine) numberRange(q *questionnaire.Question) string {
	p := e.w()
	lo, hi := render.Number(p, q.Min), render.Number(p, q.Max)
	switch {
	case q.HasMin && q.HasMax:
		return p.T("from %s to %s", lo, hi)
	case q.HasMin:
		return p.T("at least %s", lo)
	case q.HasMax:
		return p.T("at most %s", hi)
	}
	return p.T("any number")
}

// dateRange is "from 2026-01-01 to today", "no earlier than …" or "no later than …" as
// take says it (askwords.DateRange: the dates as they are typed, YYYY-MM-DD), else "any
// date", in the page's language.
func (e *Engine) dateRange(q *questionnaire.Question) string {
	if s := askwords.DateRange(e.w(), q); s != "" {
		return s
	}
	return e.w().T("any date")
}

// answerField is an answer as text to put back in a field.
func answerField(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case float64:
		if math.IsInf(x, 0) || math.IsNaN(x) {
			return ""
		}
		return questionnaire.FormatNumber(x)
	case string:
		return x
	}
	return fmt.Sprint(v)
}
