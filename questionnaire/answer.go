package questionnaire

import (
	"errors"
	"fmt"
	"maps"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/candor-app/candor/internal/yamlpos"
	"go.yaml.in/yaml/v3"
)

// Answers maps question ids to normalized answers: bool (yesno), float64 (scale, number,
// numeric choice), string (text, id choice), []any of option values (multi).
type Answers map[string]any

// MaxTextAnswer is the longest text answer kept, in characters.
const MaxTextAnswer = 10000

// ParseNode reads an answer written in YAML (a response file or a test). A null is nil.
func (q *Question) ParseNode(n *yaml.Node) (any, error) {
	for i := 0; n != nil && n.Kind == yaml.AliasNode && i < 8; i++ {
		n = n.Alias
	}
	if n == nil || (n.Kind == yaml.ScalarNode && n.Tag == "!!null") {
		return nil, nil
	}
	switch n.Kind {
	case yaml.ScalarNode:
		return q.ParseValue(scalarValue(n))
	case yaml.SequenceNode:
		if q.Type != Multi {
			return nil, answerError(q, AnswerList, nil)
		}
		var vals []any
		for _, c := range n.Content {
			if c.Kind != yaml.ScalarNode {
				return nil, answerError(q, AnswerNotScalar, nil)
			}
			vals = append(vals, scalarValue(c))
		}
		return q.ParseValue(vals)
	}
	return nil, answerError(q, AnswerShape, nil)
}

// scalarValue decodes a scalar node into bool, float64 or string.
func scalarValue(n *yaml.Node) any {
	switch n.Tag {
	case "!!bool":
		b, _ := strconv.ParseBool(strings.ToLower(n.Value))
		return b
	case "!!int", "!!float":
		if f, ok := yamlpos.NumberValue(n); ok {
			return f
		}
	}
	return n.Value
}

// ParseValue normalizes an answer given as a Go value (bool, a number, string, or a list for
// multi). Strings are read as a person would type them: "yes", "2", an option's label.
func (q *Question) ParseValue(v any) (any, error) {
	switch x := v.(type) {
	case int:
		v = float64(x)
	case int64:
		v = float64(x)
	}
	switch q.Type {
	case YesNo:
		switch x := v.(type) {
		case bool:
			return x, nil
		case string:
			if b, ok := ParseYesNo(x); ok {
				return b, nil
			}
		}
		return nil, answerError(q, AnswerNotYesNo, v)
	case Choice:
		o := q.findOption(v)
		if b, ok := v.(bool); ok && o == nil {
			o = q.YesNoOption(b) // true/false, as an older yes/no version of the question stored it
		}
		if o == nil {
			return nil, &OptionError{Question: q.ID, Value: v}
		}
		return o.Value, nil
	case Multi:
		return q.parseMultiValue(v)
	case Scale, Number:
		return q.parseNumberValue(v)
	case Date:
		return q.parseDateAnswer(v)
	case Info:
		return nil, answerError(q, AnswerInfo, v)
	case Text:
		return q.parseTextValue(v)
	}
	return nil, answerError(q, AnswerUnknownType, v)
}

// parseMultiValue reads a multi answer: a list of options, one option, or text.
func (q *Question) parseMultiValue(v any) (any, error) {
	if s, ok := v.(string); ok {
		// Written as text ("walks, music"), it reads as it would be typed.
		return q.parseMulti(s, false)
	}
	list, ok := v.([]any)
	if !ok {
		list = []any{v}
	}
	out := make([]any, 0, len(list))
	chosen := make([]*Option, 0, len(list))
	for _, item := range list {
		o := q.findOption(item)
		if o == nil {
			return nil, &OptionError{Question: q.ID, Value: item}
		}
		for _, prev := range out {
			if prev == o.Value {
				return nil, answerError(q, AnswerChosenTwice, item)
			}
		}
		out = append(out, o.Value)
		chosen = append(chosen, o)
	}
	if err := q.checkExclusive(chosen); err != nil {
		return nil, err
	}
	return out, nil
}

// parseNumberValue reads a scale or number answer: a number (or a scale point's label).
func (q *Question) parseNumberValue(v any) (any, error) {
	f, ok := v.(float64)
	if s, isStr := v.(string); isStr {
		if p, err := strconv.ParseFloat(strings.TrimSpace(s), 64); err == nil {
			f, ok = p, true
		} else if q.Type == Scale {
			points := slices.Sorted(maps.Keys(q.Labels))
			labels := make([]string, len(points))
			for i, p := range points {
				labels[i] = q.Labels[p]
				if sameWords(s, labels[i]) {
					f, ok = float64(p), true
				}
			}
			if i := saidAs(s, labels); !ok && i >= 0 {
				f, ok = float64(points[i]), true
			}
		}
	}
	if !ok || math.IsNaN(f) || math.IsInf(f, 0) {
		return nil, answerError(q, AnswerNotNumber, v)
	}
	if q.Type == Scale && f != math.Trunc(f) {
		return nil, answerError(q, AnswerNotWhole, f)
	}
	if (q.HasMin && f < q.Min) || (q.HasMax && f > q.Max) {
		return nil, answerError(q, AnswerOutOfRange, f)
	}
	return f, nil
}

// parseTextValue reads a text answer: text, or a number or yes/no a file wrote unquoted.
func (q *Question) parseTextValue(v any) (any, error) {
	var s string
	switch x := v.(type) {
	case string:
		s = x
	case float64:
		s = formatNumber(x)
	case bool:
		s = strconv.FormatBool(x)
	default:
		return nil, answerError(q, AnswerNotText, v)
	}
	if len([]rune(s)) > MaxTextAnswer {
		return nil, answerError(q, AnswerTooLong, nil)
	}
	return s, nil
}

// findOption matches an option by value, or by text as a person writes it (matchOption).
func (q *Question) findOption(v any) *Option {
	if o := q.Option(v); o != nil {
		return o
	}
	if s, ok := v.(string); ok {
		return q.matchOption(s, false)
	}
	return nil
}

// ParseText reads an answer written as text, the way a person writes it: typed at
// `candor take`'s prompt (numbered true) or given as text in an answers file (numbered
// false). It is the one matcher for both, so the same words give the same answer:
//
//   - yes/no: y, yes, yeah, yep, true, n, no, nope, nah, false, in any case, with trailing
//     punctuation (ParseYesNo);
//   - choice: an option's value, or its label in any case and with any spacing; with
//     numbered, also the number shown before the option (OptionNumbers); y/yes/n/no pick
//     the one option labelled "Yes"/"No" (YesNoOption);
//   - multi: one option as for choice, or several separated by commas (or by spaces and
//     semicolons), in the bank's order, each once;
//   - scale: a whole number in range, or a point's label; number: a number in range;
//   - text: the text itself, at most MaxTextAnswer characters.
//
// An option that does not match is an *OptionError naming the part that did not.
func (q *Question) ParseText(s string, numbered bool) (any, error) {
	switch q.Type {
	case Choice:
		if o := q.matchOption(s, numbered); o != nil {
			return o.Value, nil
		}
		return nil, &OptionError{Question: q.ID, Value: strings.TrimSpace(s)}
	case Multi:
		return q.parseMulti(s, numbered)
	case YesNo, Scale, Number, Text, Date, Info:
		// no step of their own here (listed for the exhaustive check)
	}
	return q.ParseValue(s)
}

// OptionError says that a written answer names no option of a choice or multi question.
type OptionError struct {
	// Question is the question's id; Value the answer, or the part of it, that names no
	// option (a string when the answer was written as text).
	Question string
	Value    any
}

func (e *OptionError) Error() string {
	return fmt.Sprintf("%q has no option %s", e.Question, describe(e.Value))
}

// ErrNoOption is a multi answer written as text that names no option at all (",").
var ErrNoOption = errors.New("no option is named")

// matchOption finds the option text t names: with numbered, the number shown before it;
// its value written as text; or its label, in any case and with any spacing.
func (q *Question) matchOption(t string, numbered bool) *Option {
	t = strings.TrimSpace(t)
	if t == "" {
		return nil
	}
	if numbered && !q.ownNumbers() {
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
	for _, o := range q.Options {
		if sameWords(o.Label, t) {
			return o
		}
	}
	if b, ok := ParseYesNo(t); ok {
		return q.YesNoOption(b)
	}
	labels := make([]string, len(q.Options))
	for i, o := range q.Options {
		labels[i] = o.Label
	}
	if i := saidAs(t, labels); i >= 0 {
		return q.Options[i]
	}
	return nil
}

// notSureWords say "I don't know": they name a "Not sure yet" option (saidAs). Matched as
// whole words, apostrophes dropped.
var notSureWords = []string{"not sure", "unsure", "not certain", "uncertain", "idk", "dont know", "do not know", "dunno", "no idea",
	// Spanish (a bank's translation): "no estoy seguro", "no sé", "ni idea".
	"no estoy seguro", "no estoy segura", "no sé", "no se", "no lo sé", "no lo se", "ni idea"}

// uncertainWords are what people type when they don't know, or know only in part: the words
// of notSureWords and these.
var uncertainWords = append([]string{"maybe", "perhaps", "possibly", "hard to say", "it depends",
	"sometimes", "kind of", "kinda", "sort of", "sorta", "partly", "both",
	"quizá", "quizás", "tal vez", "a lo mejor", "depende", "a veces", "más o menos", "en parte"}, notSureWords...)

// Uncertain reports whether typed words say the person isn't sure ("not sure", "idk",
// "maybe", "sometimes", "I don't know."): at a yes/no question they are met warmly, not as a
// wrong answer.
func Uncertain(in string) bool { return hasWords(in, uncertainWords) }

// notSure reports whether typed words say "I don't know" (notSureWords).
func notSure(in string) bool { return hasWords(in, notSureWords) }

// hasWords reports whether in holds one of phrases as whole words (any case, apostrophes
// dropped).
func hasWords(in string, phrases []string) bool {
	padded := " " + wordsKey(in) + " "
	for _, w := range phrases {
		if strings.Contains(padded, " "+w+" ") {
			return true
		}
	}
	return false
}

// sameAs are other words people write for the start of an option's label: "neutral" for
// "Neither agree nor disagree".
var sameAs = map[string]string{"neutral": "neither"}

// tooShortToName are words that alone name no option, though a label may start with them:
// "not" is not "Not sure yet", and may have meant "no".
var tooShortToName = map[string]bool{"not": true, "no": true, "yes": true, "a": true, "an": true, "the": true, "i": true, "very": true, "quite": true, "somewhat": true}

// saidAs is the one label in labels that t names the way people shorten it: t's words (or
// the words sameAs gives for them) are the first whole words of that label and of no other
// ("not sure" for "Not sure yet", "neither" for "Neither agree nor disagree", "not at all" for
// "Not at all true this week"); failing that, words that say "I don't know" ("unsure", "I
// don't know", "no sé") name the one label starting "not sure", or else the one label that
// says so itself ("Todavía no lo sé"). -1 when none, or more than one, reads so.
func saidAs(t string, labels []string) int {
	if i := startsOneLabel(t, labels); i >= 0 || !notSure(t) {
		return i
	}
	if i := startsOneLabel("not sure", labels); i >= 0 {
		return i
	}
	// In any language: the one label that itself says "I don't know" ("Todavía no lo sé").
	found := -1
	for i, l := range labels {
		if notSure(l) {
			if found >= 0 {
				return -1
			}
			found = i
		}
	}
	return found
}

// startsOneLabel is saidAs without the words of uncertainty.
func startsOneLabel(t string, labels []string) int {
	words := strings.Fields(strings.ToLower(strings.TrimRight(strings.TrimSpace(t), ".!?")))
	if len(words) == 0 {
		return -1
	}
	if alias, ok := sameAs[strings.Join(words, " ")]; ok {
		words = strings.Fields(alias)
	}
	if len(words) == 1 && tooShortToName[words[0]] {
		return -1
	}
	found := -1
	for i, label := range labels {
		lw := strings.Fields(strings.ToLower(label))
		if len(lw) < len(words) || strings.Join(lw[:len(words)], " ") != strings.Join(words, " ") {
			continue
		}
		if found >= 0 {
			return -1
		}
		found = i
	}
	return found
}

// YesNoOption is the option a plain yes (or no) picks in a choice list: the one option whose
// label is the word "Yes" or "Sí" ("No"), alone or followed by more words ("Yes, mostly"), so that
// y, yes, n and no answer a "Yes / Not sure yet / No" question as they answer a yes/no one.
// It is nil when no option, or more than one, reads so.
func (q *Question) YesNoOption(yes bool) *Option {
	words := []string{"no"}
	if yes {
		words = []string{"yes", "sí", "si"}
	}
	var found *Option
	for _, o := range q.Options {
		if !slices.ContainsFunc(words, func(w string) bool { return labelStartsWithWord(o.Label, w) }) {
			continue
		}
		if found != nil {
			return nil
		}
		found = o
	}
	return found
}

// labelStartsWithWord reports whether label begins with word (any case) as a whole word.
func labelStartsWithWord(label, word string) bool {
	label = strings.TrimSpace(label)
	if len(label) < len(word) || !strings.EqualFold(label[:len(word)], word) {
		return false
	}
	rest := label[len(word):]
	if rest == "" {
		return true
	}
	r, _ := utf8.DecodeRuneInString(rest)
	return !unicode.IsLetter(r) && !unicode.IsDigit(r)
}

// sameWords reports whether a and b are the same words, in any case and with any spacing.
func sameWords(a, b string) bool {
	return strings.EqualFold(strings.Join(strings.Fields(a), " "), strings.Join(strings.Fields(b), " "))
}

// parseMulti reads choices written as text: the whole text as one option (a label may hold
// commas or spaces), else parts separated by commas, else by commas, spaces and semicolons.
func (q *Question) parseMulti(in string, numbered bool) (any, error) {
	try := func(parts []string) ([]*Option, string) {
		var chosen []*Option
		for _, p := range parts {
			p = strings.TrimSpace(p)
			if p == "" {
				continue
			}
			o := q.matchOption(p, numbered)
			if o == nil {
				return nil, p
			}
			chosen = append(chosen, o)
		}
		return chosen, ""
	}
	var chosen []*Option
	var bad string
	if o := q.matchOption(in, numbered); o != nil {
		chosen = []*Option{o}
	} else if chosen, bad = try(strings.Split(in, ",")); bad != "" {
		chosen, bad = try(strings.FieldsFunc(in, func(r rune) bool { return r == ',' || r == ' ' || r == ';' }))
	}
	if bad != "" {
		return nil, &OptionError{Question: q.ID, Value: bad}
	}
	if len(chosen) == 0 {
		return nil, fmt.Errorf("%q: %w", q.ID, ErrNoOption)
	}
	picked := map[*Option]bool{}
	for _, o := range chosen {
		picked[o] = true
	}
	if err := q.checkExclusive(chosen); err != nil {
		return nil, err
	}
	out := []any{}
	for _, o := range q.Options {
		if picked[o] {
			out = append(out, o.Value)
		}
	}
	return out, nil
}

// ExclusiveError says that an option which stands alone (`exclusive: true`) was chosen
// together with another.
type ExclusiveError struct {
	Question string
	// Alone is the exclusive option's label; With the label of another option chosen.
	Alone, With string
}

func (e *ExclusiveError) Error() string {
	return fmt.Sprintf("%q: option %q stands alone (exclusive), so it cannot be chosen with %q", e.Question, e.Alone, e.With)
}

// checkExclusive refuses an exclusive option chosen with another (distinct) option.
func (q *Question) checkExclusive(chosen []*Option) error {
	if len(chosen) < 2 {
		return nil
	}
	for _, o := range chosen {
		if !o.Exclusive {
			continue
		}
		for _, other := range chosen {
			if other != o {
				return &ExclusiveError{Question: q.ID, Alone: o.Label, With: other.Label}
			}
		}
	}
	return nil
}

// OptionNumbers are the numbers shown before a choice or multi question's options, which
// pick them when typed: the options' own values when they are whole numbers counting up by
// one in the order shown (so a 0-3 scale reads 0-3), otherwise 1, 2, 3...
func (q *Question) OptionNumbers() []string {
	out := make([]string, len(q.Options))
	own := q.ownNumbers()
	for i, o := range q.Options {
		if own {
			out[i] = formatNumber(o.Value.(float64))
		} else {
			out[i] = strconv.Itoa(i + 1)
		}
	}
	return out
}

// ownNumbers reports whether the options' values can stand for them on screen: whole
// numbers, each one more than the one before (0, 1, 2, 3 or 1 to 5). Values in any other
// order (2, 1, 0 for Yes, Not sure yet, No) would read backwards, so the options are
// numbered 1, 2, 3 instead.
func (q *Question) ownNumbers() bool {
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

// ParseYesNo reads yes/no as a person or a file may write it: y, yes, yeah, yep, yup, true,
// and in Spanish sí (or si); n, no, nope, nah, false; in any case, with trailing punctuation ("Yes.", "no!"). It is the
// one reading of yes and no, for the prompt and for files alike.
func ParseYesNo(s string) (bool, bool) {
	w := strings.ToLower(strings.TrimSpace(s))
	w = strings.TrimRightFunc(w, func(r rune) bool { return unicode.IsPunct(r) || unicode.IsSpace(r) })
	switch w {
	case "y", "yes", "yeah", "yep", "yup", "true", "sí", "si":
		return true, true
	case "n", "no", "nope", "nah", "false":
		return false, true
	}
	return false, false
}

func describe(v any) string {
	switch x := v.(type) {
	case nil:
		return "an empty answer"
	case string:
		return strconv.Quote(truncate(x, 40))
	case float64:
		return formatNumber(x)
	case bool:
		if x {
			return "true"
		}
		return "false"
	case []any:
		return "a list"
	}
	return fmt.Sprint(v)
}

// RangeText says which numbers a number question takes: "0 to 10", "at least 0", "at most
// 10" or "any number".
func (q *Question) RangeText() string {
	switch {
	case q.HasMin && q.HasMax:
		return fmt.Sprintf("%s to %s", formatNumber(q.Min), formatNumber(q.Max))
	case q.HasMin:
		return fmt.Sprintf("at least %s", formatNumber(q.Min))
	case q.HasMax:
		return fmt.Sprintf("at most %s", formatNumber(q.Max))
	}
	return "any number"
}

// Allowed says in a few words what answers the question takes.
func (q *Question) Allowed() string {
	switch q.Type {
	case YesNo:
		return "answer yes or no"
	case Choice, Multi:
		parts := make([]string, 0, len(q.Options))
		for _, o := range q.Options {
			parts = append(parts, fmt.Sprintf("%s (%s)", formatValue(o.Value), o.Label))
		}
		prefix := "one of: "
		if q.Type == Multi {
			prefix = "any of: "
		}
		return prefix + strings.Join(parts, ", ")
	case Scale:
		return fmt.Sprintf("a whole number from %s to %s", formatNumber(q.Min), formatNumber(q.Max))
	case Number:
		return "a number, " + q.RangeText()
	case Date:
		return "a date written YYYY-MM-DD, " + q.DateRangeText()
	case Info:
		return "nothing: it is a statement to read"
	case Text:
		// no step of their own here (listed for the exhaustive check)
	}
	return "a line of text"
}

// ItemScore is the score an answer gives, with reverse keying applied. ok is false when the
// answer is missing or the question has no score.
func (q *Question) ItemScore(answer any) (float64, bool) {
	if answer == nil || !q.Scorable() {
		return 0, false
	}
	var x float64
	switch q.Type {
	case YesNo:
		b, ok := answer.(bool)
		if !ok {
			return 0, false
		}
		if b {
			x = 1
		}
	case Scale, Number:
		f, ok := answer.(float64)
		if !ok {
			return 0, false
		}
		x = f
	case Choice:
		o := q.Option(answer)
		if o == nil {
			return 0, false
		}
		x = o.Score
	case Multi:
		list, ok := answer.([]any)
		if !ok {
			return 0, false
		}
		for _, v := range list {
			if o := q.Option(v); o != nil {
				x += o.Score
			}
		}
	case Text, Date, Info:
		fallthrough // as the default (listed for the exhaustive check)
	default:
		return 0, false
	}
	if q.Reverse {
		lo, hi, _ := q.ScoreRange()
		x = lo + hi - x
	}
	return x, true
}
