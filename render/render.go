// Package render turns scored results into what a person reads: plain text, markdown or
// JSON (docs/spec.md §3).
package render

import (
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/candor-app/candor/internal/text"
	"github.com/candor-app/candor/questionnaire"
	"github.com/candor-app/candor/scoring"
	"github.com/candor-app/candor/words"
)

// Options control a rendering.
type Options struct {
	// Words says candor's own words (headings, notes, the fixed parts of sentences) in the
	// reader's language (docs/spec.md §4, "candor's own words"); nil is English. The bank's words come from the
	// bank, in the language it was loaded in.
	Words *words.Printer
	// Format is "text" (also ""), "markdown", "html" (a complete document; SummaryHTML
	// is the summary alone) or "json".
	Format string
	// Width wraps text; 0 means 80. Lines never exceed it (nor MaxWidth, for reading
	// comfort); below MinWidth the layout is MinWidth wide.
	Width int
	// Color adds ANSI colors (text on a terminal only). Without it, no escape code is
	// written.
	Color bool
	// ASCII draws bars and frames without block or box-drawing characters.
	ASCII bool
	// Date is when the answers were given (shown in text and markdown); zero leaves it out.
	Date time.Time
	// SavedTo is where the response is saved, if anywhere: printed as "Your answers are
	// saved in FILE", for the person who just answered.
	SavedTo string
	// Source is the response file read, for someone reading another person's answers (a
	// counselor running `candor score`): printed as "Answers from FILE" instead of SavedTo
	// when set.
	Source string
	// Counselor is set for a counselor's view of someone's answers (`candor score`): every
	// score is shown, after the urgent flags, never set aside. The person's own summary
	// (`take`) sets scores aside while an urgent flag is raised.
	Counselor bool
	// Respondent names who answered, if known.
	Respondent string
	// NoLinks writes a web address in HTML as its words and the address as plain text to
	// copy, "Title (address: URL)", not as a link: for a page that opens nothing
	// (web/engine's summary screen).
	NoLinks bool
}

// Summary writes the readiness summary of result r for bank b: the bank gives the closing
// line and the sources, and may be nil. Text from the bank, the result and the options is
// made safe for a terminal in text, markdown and HTML (text.Sanitize, and escaped in
// HTML), never in JSON.
func Summary(w io.Writer, b *questionnaire.Bank, r *scoring.Result, opt Options) error {
	if r == nil {
		return fmt.Errorf("no result to summarize") // words:none: a caller's mistake, for developers
	}
	var out string
	switch opt.Format {
	case "json":
		if setScoresAside(r, opt) {
			// The text summary sets the scores aside; the data keeps them, but without the
			// band texts and highlights, which read as a verdict.
			c := *r
			c.ScoresSetAside = true
			c.Scores = slices.Clone(r.Scores)
			for i := range c.Scores {
				c.Scores[i].BandText, c.Scores[i].Highlights = "", nil
			}
			return JSON(w, opt.Words, b, &c)
		}
		return JSON(w, opt.Words, b, r)
	case "", "text":
		out = summaryText(b, r, opt)
	case "markdown":
		out = summaryMarkdown(b, r, opt)
	case "html":
		out = summaryHTMLDocument(b, r, opt)
	default:
		return fmt.Errorf("unknown format %q: use text, markdown, html or json", opt.Format) // words:none: the commands check --format first; for developers
	}
	_, err := io.WriteString(w, out)
	return err
}

// JSON writes r as docs/spec.md §3 JSON: `scores`, `flags` and `warnings` are always lists, never
// null; `outcome` is null when no outcome applies; each warning is in p's words (Worded, with
// bank b, which may be nil). Numbers and dates stay as programs read them.
func JSON(w io.Writer, p *words.Printer, b *questionnaire.Bank, r *scoring.Result) error {
	if r == nil {
		return fmt.Errorf("no result to write") // words:none: a caller's mistake, for developers
	}
	c := *Worded(p, b, r)
	if c.Scores == nil {
		c.Scores = []scoring.ScoreResult{}
	}
	if c.Flags == nil {
		c.Flags = []scoring.FlagResult{}
	}
	if c.Warnings == nil {
		c.Warnings = []scoring.Warning{}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(&c)
}

// formatDate writes a date the way people write it, in p's language: "22 November 2026".
func formatDate(p *words.Printer, t time.Time) string { return p.LongDate(t) }

// split sorts r's raised flags into urgent ones, which open the summary, and the rest.
// Whether safety comes first is r.Urgent(), which decides; the scoring engine sorts urgent
// flags first, and the urgent ones are its leading flags of that level.
func split(r *scoring.Result) (urgent, other []scoring.FlagResult) {
	if !r.Urgent() {
		return nil, r.Flags
	}
	for _, f := range r.Flags {
		if f.Level == questionnaire.Urgent {
			urgent = append(urgent, f)
		} else {
			other = append(other, f)
		}
	}
	return urgent, other
}

// ownWord is one free-text answer: the question asked and what the person wrote.
type ownWord struct {
	Question, Answer string
}

// ownWords lists r's answered text questions, in the bank's order. They are the person's
// own words, and stay in the summary while an urgent flag is raised: nothing in them reads
// as a verdict, and leaving them out would hide what the person chose to say.
func ownWords(b *questionnaire.Bank, r *scoring.Result) []ownWord {
	if b == nil || r.Env == nil {
		return nil
	}
	var out []ownWord
	for _, q := range b.Questions {
		if q.Type != questionnaire.Text {
			continue
		}
		v, ok := r.Env[q.ID].(string)
		if !ok || strings.TrimSpace(v) == "" {
			continue
		}
		out = append(out, ownWord{Question: q.Text, Answer: q.AnswerText(v)})
	}
	return out
}

// outro is the bank's closing words that end the summary: none while an urgent flag is
// raised, when the safety messages frame the summary and close it, and none of the parts
// marked `together` while a safety question is open (docs/spec.md §1).
func outro(b *questionnaire.Bank, r *scoring.Result) string {
	if b == nil || r.Urgent() {
		return ""
	}
	return strings.TrimSpace(b.OutroFor(r.Unsafe()))
}

// noVerdict is what stands in the outcome's place when open safety questions decide it
// (docs/spec.md §1): the bank's `safety_open` title and text, or candor's own words. The
// deciding questions are named once, before the title (safetyOpen). ok is false when there
// is an outcome or nothing decides it.
func noVerdict(b *questionnaire.Bank, r *scoring.Result, opt Options) (title, body string, ok bool) {
	if r.Outcome != nil || len(r.OutcomeOpenOn) == 0 {
		return "", "", false
	}
	p, n := opt.Words, len(r.OutcomeOpenOn)
	title = p.T("No verdict yet")
	body = p.T("Your answers to the questions about your safety decide what this summary can say, so it gives no verdict for now. Whenever you are ready, answer them, and the summary will follow. Your safety matters more than anything else here.", n)
	if opt.Counselor {
		body = p.T("The answers to the open safety questions decide the verdict, so none is given. Ask about them first.", n)
	}
	if b != nil && b.SafetyOpen != nil {
		if t := strings.TrimSpace(b.SafetyOpen.Title); t != "" {
			title = t
		}
		body = b.SafetyOpen.Text
	}
	return title, body, true
}

// warningSignsHeading and warningSignsIntro introduce the answers the bank marks as warning
// signs, named first in the summary, each with the statement and the person's answer.
func warningSignsHeading(opt Options) string {
	if opt.Counselor {
		return opt.Words.T("Warning signs")
	}
	return opt.Words.T("Worth pausing on first")
}

func warningSignsIntro(r *scoring.Result, opt Options) string {
	n := len(r.WarningSigns)
	if opt.Counselor {
		return opt.Words.T("These answers are warning signs in this questionnaire; while they stand, no hopeful verdict or band is given.", n)
	}
	return opt.Words.T("A few of your answers are worth pausing on before anything else. This is not a judgement of you: they are places where trust often gets stuck, so this summary keeps its more hopeful words back for now.", n)
}

// bandWithheld stands for a hopeful band left out because one of the score's answers is a
// warning sign.
func bandWithheld(p *words.Printer) string {
	return p.T("Its usual words are left out here, because one of its answers is worth pausing on (see above).")
}

// youAnswered leads the person's answer under a statement the summary quotes; answer may be
// markup (the caller's).
func youAnswered(p *words.Printer, answer string) string { return p.T("You answered: %s", answer) }

// fileLine is the line naming the response file, and the file: "Answers from" (Source) or
// "Your answers are saved in" (SavedTo); "" when neither is set.
func fileLine(opt Options) (lead, file string) {
	switch {
	case opt.Source != "":
		return opt.Words.T("Answers from"), opt.Source
	case opt.SavedTo != "":
		return opt.Words.T("Your answers are saved in"), opt.SavedTo
	}
	return "", ""
}

// bankTitle is the title to head the summary with.
func bankTitle(b *questionnaire.Bank, r *scoring.Result) string {
	if r.Bank.Title != "" {
		return r.Bank.Title
	}
	if b != nil {
		return b.Title
	}
	return ""
}

// setScoresAside reports whether the summary sets scores aside: the person's own summary,
// while an urgent flag is raised.
func setScoresAside(r *scoring.Result, opt Options) bool {
	return len(r.Scores) > 0 && r.Urgent() && !opt.Counselor
}

// safetyOpen takes out of r's warnings those that name an unanswered safety question:
// summaries say them first, before the title (to the person in their own words), and not
// again with the other warnings. They are in opt.Words' language.
func safetyOpen(b *questionnaire.Bank, r *scoring.Result, opt Options) (first, rest []string) {
	p := opt.Words
	deciding := map[string]bool{}
	if r.Outcome == nil {
		for _, id := range r.OutcomeOpenOn {
			deciding[id] = true
		}
	}
	for _, w := range r.Warnings {
		q := bankQuestion(b, w.ID)
		switch {
		case w.Code != scoring.SafetyUnanswered || q == nil:
			rest = append(rest, WarningText(p, b, w))
		case opt.Counselor:
			first = append(first, WarningText(p, b, w))
		case slices.Contains(r.Declined, q.ID) && deciding[q.ID]:
			first = append(first, p.T("You chose \"rather not say\" for %s. That's okay. It is one of the safety questions, so this summary gives no verdict; you can answer it whenever you're ready.",
				quote(p, q.Text)))
		case slices.Contains(r.Declined, q.ID):
			first = append(first, p.T("You chose \"rather not say\" for %s. That's okay. It is one of the safety questions; you can answer it whenever you're ready.",
				quote(p, q.Text)))
		case deciding[q.ID]:
			first = append(first, p.T("You have not answered %s yet. It is one of the safety questions, so this summary gives no verdict until you do.",
				quote(p, q.Text)))
		default:
			first = append(first, p.T("You have not answered %s yet. It is one of the safety questions; please answer it when you can.",
				quote(p, q.Text)))
		}
	}
	if d := declinedNote(b, r, opt); d != "" {
		rest = append(rest, d)
	}
	return first, rest
}

// declinedNote names the questions answered "rather not say" (declined, not skipped), for
// the notes at the end of a summary; "" when there are none. The person's own summary leaves
// out a safety question it named at the top.
func declinedNote(b *questionnaire.Bank, r *scoring.Result, opt Options) string {
	if b == nil || len(r.Declined) == 0 {
		return ""
	}
	var qs []string
	for _, id := range r.Declined {
		q := b.Question(id)
		switch {
		case q == nil:
		case opt.Counselor:
			qs = append(qs, opt.Words.T("%s (%s)", quote(opt.Words, q.Text), id))
		case !slices.Contains(r.UnansweredSafety, id):
			qs = append(qs, quote(opt.Words, q.Text))
		}
	}
	switch {
	case len(qs) == 0:
		return ""
	case opt.Counselor:
		return opt.Words.T("Rather not say (declined, not skipped), missing in every score: %s", strings.Join(qs, ", "))
	}
	return opt.Words.T("You chose \"rather not say\" for %d questions, which count as not answered here: %s", len(qs), strings.Join(qs, ", "))
}

// notEnough explains why a score has no value: that it does not apply, or how many of its
// questions were answered and how many it needs.
func notEnough(p *words.Printer, s scoring.ScoreResult) string {
	if !s.Applies {
		return p.T("This does not apply: none of its questions was asked.")
	}
	n, a, k := s.Items, s.Answered, s.Needed
	switch {
	case a >= k && n > 0:
		return p.T("This one could not be worked out from your answers (%d of its %d questions).", a, n)
	case n <= 1:
		return p.T("Not enough answers yet: its question has no answer so far.")
	// From here on the score has two questions or more.
	case a == 0 && k >= n && n == 2:
		return p.T("Not enough answers yet. None of its %d questions has an answer so far, and it needs both.", n)
	case a == 0 && k >= n:
		return p.T("Not enough answers yet. None of its %d questions has an answer so far, and it needs all %d.", n, n)
	case a == 0:
		return p.T("Not enough answers yet. None of its %d questions has an answer so far, and it needs at least %d.", n, k)
	case k >= n && n == 2:
		return p.T("Not enough answers yet. You answered %d of its %d questions, and it needs both.", a, n)
	case k >= n:
		return p.T("Not enough answers yet. You answered %d of its %d questions, and it needs all %d.", a, n, n)
	}
	return p.T("Not enough answers yet. You answered %d of its %d questions, and it needs at least %d.", a, n, k)
}

// reminder points back to the urgent messages at the top of a text summary.
func reminder(p *words.Printer, urgent []scoring.FlagResult) string {
	var titles []string
	for _, f := range urgent {
		titles = append(titles, quote(p, text.Clean(f.Title)))
	}
	list := p.List(titles...)
	return p.T("Please read %[1]s at the top of this summary. They matter more than anything else here.", list, len(titles))
}

// quote is words from a bank (a question, a title) quoted in a sentence of p's language:
// "Do you feel safe?", «¿Te sientes a salvo?».
func quote(p *words.Printer, s string) string { return p.T("\"%s\"", strings.TrimSpace(s)) }

// setAside stands in for the scores while an urgent flag is raised.
func setAside(opt Options) string {
	if opt.SavedTo != "" && opt.Source == "" {
		return opt.Words.T("Your scores are set aside here for now, because safety comes first. They are kept with your answers, for when you want to look at them.")
	}
	return opt.Words.T("Your scores are set aside here for now, because safety comes first.")
}

// filledLowest says that a score counted its unanswered questions as their lowest answer.
func filledLowest(p *words.Printer, s scoring.ScoreResult) string {
	return p.T("%d of its %d questions have no answer and count as the lowest answer.", s.FilledLowest, s.Items)
}

// highlightHeading introduces the statements a score's `highlight` picks.
func highlightHeading(p *words.Printer, s scoring.ScoreResult) string {
	if s.Score != nil && s.Score.Highlight != nil && s.Score.Highlight.Which == questionnaire.HighlightHighest {
		return p.T("Where your answers sit highest:")
	}
	return p.T("Where your answers sit lowest:")
}

// prorated says how a score with a few unanswered questions was worked out.
func prorated(p *words.Printer, s scoring.ScoreResult) string {
	return p.T("Worked out from the %[1]d of %[2]d questions you answered; the ones without an answer are estimated from your other answers.",
		s.Answered, s.Items, s.Items-s.Answered)
}

// progress says the summary rests on the answers so far.
func progress(p *words.Printer, r *scoring.Result) string {
	return p.T("This summary is based on the answers you have given so far: %d of %d questions.", r.Answered, r.Asked)
}

// credit is a source as one line: title, by author. title and author are as the caller
// made them (escaped, for markdown or HTML).
func credit(p *words.Printer, title, author string) string {
	if author == "" {
		return title
	}
	return p.T("%s, by %s", title, author)
}

// answeredLine says who answered and when, or "" when neither is known.
func answeredLine(opt Options) string {
	p := opt.Words
	who, when := text.Clean(opt.Respondent), ""
	if !opt.Date.IsZero() {
		when = formatDate(p, opt.Date)
	}
	switch {
	case who != "" && when != "":
		return p.T("Answered by %s on %s.", who, when)
	case who != "":
		return p.T("Answered by %s.", who)
	case when != "":
		return p.T("Answered on %s.", when)
	}
	return ""
}
