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
	// reader's language (docs/spec.md §14); nil is English. The bank's words come from the
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
		return fmt.Errorf("no result to summarize")
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
			return JSON(w, b, &c)
		}
		return JSON(w, b, r)
	case "", "text":
		out = summaryText(b, r, opt)
	case "markdown":
		out = summaryMarkdown(b, r, opt)
	case "html":
		out = summaryHTMLDocument(b, r, opt)
	default:
		return fmt.Errorf("unknown format %q: use text, markdown, html or json", opt.Format)
	}
	_, err := io.WriteString(w, out)
	return err
}

// JSON writes r as docs/spec.md §3 JSON: `scores`, `flags` and `warnings` are always lists, never
// null; `outcome` is null when no outcome applies; each warning is in words (Worded, with
// bank b, which may be nil).
func JSON(w io.Writer, b *questionnaire.Bank, r *scoring.Result) error {
	if r == nil {
		return fmt.Errorf("no result to write")
	}
	c := *Worded(b, r)
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

// formatDate writes a date the way people write it: "22 November 2026".
func formatDate(t time.Time) string { return t.Format("2 January 2006") }

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
	n := len(r.OutcomeOpenOn)
	title, body = "No verdict yet",
		plural(n, "Your answer to the question about your safety decides", "Your answers to the questions about your safety decide")+
			" what this summary can say, so it gives no verdict for now. Whenever you are ready, answer "+
			plural(n, "it", "them")+", and the summary will follow. Your safety matters more than anything else here."
	if opt.Counselor {
		body = plural(n, "The answer to the open safety question decides", "The answers to the open safety questions decide") +
			" the verdict, so none is given. Ask about " + plural(n, "it", "them") + " first."
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
		return "Warning signs"
	}
	return "Worth pausing on first"
}

func warningSignsIntro(r *scoring.Result, opt Options) string {
	if opt.Counselor {
		return plural(len(r.WarningSigns), "This answer is a warning sign in this questionnaire; while it stands",
			"These answers are warning signs in this questionnaire; while they stand") + ", no hopeful verdict or band is given."
	}
	return plural(len(r.WarningSigns), "One of your answers is", "A few of your answers are") +
		" worth pausing on before anything else. This is not a judgement of you: " +
		plural(len(r.WarningSigns), "it is a place", "they are places") +
		" where trust often gets stuck, so this summary keeps its more hopeful words back for now."
}

// bandWithheld stands for a hopeful band left out because one of the score's answers is a
// warning sign.
const bandWithheld = "Its usual words are left out here, because one of its answers is worth pausing on (see above)."

// fileLine is the line naming the response file, and the file: "Answers from" (Source) or
// "Your answers are saved in" (SavedTo); "" when neither is set.
func fileLine(opt Options) (lead, file string) {
	switch {
	case opt.Source != "":
		return "Answers from", opt.Source
	case opt.SavedTo != "":
		return "Your answers are saved in", opt.SavedTo
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

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// setScoresAside reports whether the summary sets scores aside: the person's own summary,
// while an urgent flag is raised.
func setScoresAside(r *scoring.Result, opt Options) bool {
	return len(r.Scores) > 0 && r.Urgent() && !opt.Counselor
}

// safetyOpen takes out of r's warnings those that name an unanswered safety question:
// summaries say them first, before the title (to the person in their own words), and not
// again with the other warnings.
func safetyOpen(b *questionnaire.Bank, r *scoring.Result, opt Options) (first, rest []string) {
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
			rest = append(rest, WarningText(b, w))
		case opt.Counselor:
			first = append(first, WarningText(b, w))
		case slices.Contains(r.Declined, q.ID) && deciding[q.ID]:
			first = append(first, fmt.Sprintf("You chose \"rather not say\" for %q. That's okay. It asks about your safety, so this summary gives no verdict; you can answer it whenever you're ready.",
				strings.TrimSpace(q.Text)))
		case slices.Contains(r.Declined, q.ID):
			first = append(first, fmt.Sprintf("You chose \"rather not say\" for %q. That's okay. It asks about your safety; you can answer it whenever you're ready.",
				strings.TrimSpace(q.Text)))
		case deciding[q.ID]:
			first = append(first, fmt.Sprintf("You have not answered %q yet. It asks about your safety, so this summary gives no verdict until you do.",
				strings.TrimSpace(q.Text)))
		default:
			first = append(first, fmt.Sprintf("You have not answered %q yet. It asks about your safety; please answer it when you can.",
				strings.TrimSpace(q.Text)))
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
			qs = append(qs, fmt.Sprintf("%q (%s)", strings.TrimSpace(q.Text), id))
		case !slices.Contains(r.UnansweredSafety, id):
			qs = append(qs, fmt.Sprintf("%q", strings.TrimSpace(q.Text)))
		}
	}
	switch {
	case len(qs) == 0:
		return ""
	case opt.Counselor:
		return "Rather not say (declined, not skipped), missing in every score: " + strings.Join(qs, ", ")
	}
	return fmt.Sprintf("You chose \"rather not say\" for %d %s, which %s as not answered here: %s",
		len(qs), plural(len(qs), "question", "questions"), plural(len(qs), "counts", "count"), strings.Join(qs, ", "))
}

// notApplies is what stands for a score none of whose questions was asked.
const notApplies = "This does not apply: none of its questions was asked."

// notEnough explains why a score has no value: that it does not apply, or how many of its
// questions were answered and how many it needs.
func notEnough(s scoring.ScoreResult) string {
	if !s.Applies {
		return notApplies
	}
	n, a, k := s.Items, s.Answered, s.Needed
	q := plural(n, "question", "questions")
	if a >= k && n > 0 {
		return fmt.Sprintf("This one could not be worked out from your answers (%d of its %d %s).", a, n, q)
	}
	if n <= 1 {
		return "Not enough answers yet: its question has no answer so far."
	}
	var have string
	switch a {
	case 0:
		have = fmt.Sprintf("None of its %d %s has an answer so far", n, q)
	default:
		have = fmt.Sprintf("You answered %d of its %d %s", a, n, q)
	}
	need := fmt.Sprintf("it needs at least %d", k)
	switch {
	case k >= n && n == 2:
		need = "it needs both"
	case k >= n:
		need = fmt.Sprintf("it needs all %d", n)
	}
	return "Not enough answers yet. " + have + ", and " + need + "."
}

// reminder points back to the urgent messages at the top of a text summary.
func reminder(urgent []scoring.FlagResult) string {
	var titles []string
	for _, f := range urgent {
		titles = append(titles, `"`+text.Clean(strings.TrimSpace(f.Title))+`"`)
	}
	list := titles[0]
	if n := len(titles); n > 1 {
		list = strings.Join(titles[:n-1], ", ") + " and " + titles[n-1]
	}
	return "Please read " + list + " at the top of this summary. " +
		plural(len(titles), "It matters", "They matter") + " more than anything else here."
}

// setAside stands in for the scores while an urgent flag is raised.
func setAside(opt Options) string {
	s := "Your scores are set aside here for now, because safety comes first."
	if opt.SavedTo != "" && opt.Source == "" {
		s += " They are kept with your answers, for when you want to look at them."
	}
	return s
}

// filledLowest says that a score counted its unanswered questions as their lowest answer.
func filledLowest(s scoring.ScoreResult) string {
	n := s.FilledLowest
	return fmt.Sprintf("%d of its %d questions %s no answer and %s as the lowest answer.",
		n, s.Items, plural(n, "has", "have"), plural(n, "counts", "count"))
}

// highlightHeading introduces the statements a score's `highlight` picks.
func highlightHeading(s scoring.ScoreResult) string {
	if s.Score != nil && s.Score.Highlight != nil && s.Score.Highlight.Which == questionnaire.HighlightHighest {
		return "Where your answers sit highest:"
	}
	return "Where your answers sit lowest:"
}

// prorated says how a score with a few unanswered questions was worked out.
func prorated(s scoring.ScoreResult) string {
	missing := s.Items - s.Answered
	return fmt.Sprintf("Worked out from the %d of %d questions you answered; the %s without an answer %s estimated from your other answers.",
		s.Answered, s.Items, plural(missing, "one", "ones"), plural(missing, "is", "are"))
}

// progress says the summary rests on the answers so far.
func progress(r *scoring.Result) string {
	return fmt.Sprintf("This summary is based on the answers you have given so far: %d of %d %s.",
		r.Answered, r.Asked, plural(r.Asked, "question", "questions"))
}

// credit is a source as one line: title, by author.
func credit(s *questionnaire.Source) string {
	t := s.Title
	if s.Author != "" {
		t += ", by " + s.Author
	}
	return t
}

// answeredLine says who answered and when, or "" when neither is known.
func answeredLine(opt Options) string {
	who, when := text.Clean(opt.Respondent), ""
	if !opt.Date.IsZero() {
		when = formatDate(opt.Date)
	}
	switch {
	case who != "" && when != "":
		return "Answered by " + who + " on " + when + "."
	case who != "":
		return "Answered by " + who + "."
	case when != "":
		return "Answered on " + when + "."
	}
	return ""
}
