// Package yamlpos reads YAML with positions and within limits, for the readers of candor's
// files (banks, responses, answers): parsing with a syntax error put at the line that causes
// it, refusing documents too large or too deep (aliases expanded) before anything walks them,
// a walk that checks each value's shape (a mapping of known keys, a list, a word, a number) and
// reports what is wrong at its line and column, and finding a place inside a scalar's value in
// the file (Place). It knows nothing of what the files mean: the messages name what the caller
// says a value is.
package yamlpos

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/candor-app/candor/internal/suggest"
	"github.com/candor-app/candor/internal/text"
)

// Reporter receives what reading finds wrong: a summary at a line and column of the file
// (from 1; 0 when not known), with a hint saying what to do (may be empty).
type Reporter interface {
	Errorf(line, col int, hint, format string, args ...any)
	// ErrorCode is Errorf for a problem of a kind the caller may act on or say more about
	// (CodeEmpty): code names the kind.
	ErrorCode(code string, line, col int, hint, format string, args ...any)
}

// Codes of the problems Parse reports with Reporter.ErrorCode.
const (
	// CodeEmpty: a file that holds no YAML document (nothing, or only comments).
	CodeEmpty = "empty-bank"
)

// Limits that keep a hostile file from exhausting time or memory.
const (
	// MaxFileSize is the largest bank or response file read, in bytes.
	MaxFileSize = 4 << 20
	// MaxNodes bounds the YAML nodes visited, aliases expanded (billion laughs), and the
	// lines, commas and brackets of a file (SyntaxCount).
	MaxNodes = 200_000
	// MaxDepth bounds nesting.
	MaxDepth = 64
	// MaxListLen bounds a list read with Walker.List (every list of a bank but its questions).
	MaxListLen = 1000
)

// SyntaxCount is what Parse counts before parsing: lines, commas and brackets.
func SyntaxCount(src []byte) int {
	return bytes.Count(src, []byte("\n")) + bytes.Count(src, []byte(",")) + bytes.Count(src, []byte("[")) + bytes.Count(src, []byte("{"))
}

// sizeHint goes with every "too large" message: a bank or a response is never near the limits.
const sizeHint = "candor's banks and responses are a few hundred lines; check that this is the file you meant"

var yamlLineRE = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// Parse parses src into its document's root node, or reports a syntax error, a second
// document, an empty one, or one past the limits (MaxNodes, MaxDepth, MaxFileSize of text
// with aliases repeated) and returns nil.
func Parse(r Reporter, src []byte) *yaml.Node {
	// Parsing builds every value in memory, a few hundred bytes each, and takes seconds for
	// a few hundred thousand: refuse a file with far more lines and list items than any bank
	// or response (a bank of 5000 questions has well under 100000) before parsing it.
	if n := SyntaxCount(src); n > MaxNodes {
		r.Errorf(1, 1, sizeHint,
			"the file has more than %d lines, commas and brackets, far more than any bank or response", MaxNodes)
		return nil
	}
	var doc yaml.Node
	dec := yaml.NewDecoder(bytes.NewReader(src))
	err := dec.Decode(&doc)
	if errors.Is(err, io.EOF) {
		err = nil
	}
	if err == nil && doc.Kind != 0 {
		// A second document is refused: only the first would be read.
		var next yaml.Node
		if dec.Decode(&next) == nil {
			line, col := max(next.Line, 1), max(next.Column, 1)
			if len(next.Content) > 0 {
				line, col = max(next.Content[0].Line-1, 1), 1
			}
			r.Errorf(line, col, "a bank is one YAML document: remove the `---` line and what follows, or put it in a file of its own", "the file holds more than one YAML document")
			return nil
		}
	}
	if err != nil {
		msg := err.Error()
		p := struct{ Line, Col int }{1, 1}
		if m := yamlLineRE.FindStringSubmatch(msg); m != nil {
			p.Line, _ = strconv.Atoi(m[1])
			msg = m[2]
		} else {
			msg = strings.TrimPrefix(msg, "yaml: ")
		}
		blockStart := 0
		if strings.HasPrefix(msg, "did not find expected") {
			// The YAML parser reports these at the line before the list or mapping that
			// was not finished (it counts lines from 0 there): its start.
			p.Line++
			if misplacedItem(msg) {
				// Point at the line that breaks the list or mapping, not at its start.
				if l := firstFailingLine(src, p.Line); l > 0 {
					blockStart, p.Line = p.Line, l
				}
			}
		}
		text := SourceLine(src, p.Line)
		if text == "" {
			p.Line = max(1, p.Line-1)
			text = SourceLine(src, p.Line)
		}
		p.Col = len([]rune(text)) - len([]rune(strings.TrimLeft(text, " \t"))) + 1
		at := func(i int) {
			if i >= 0 {
				p.Col = len([]rune(text[:i])) + 1
			}
		}
		switch {
		case strings.Contains(msg, "expected ',' or"):
			at(strings.IndexAny(text, "{["))
		case strings.Contains(msg, "unexpected end of stream"):
			at(strings.IndexAny(text, "\"'"))
		case strings.Contains(msg, "mapping values are not allowed"):
			if i := strings.Index(text, ": "); i >= 0 {
				if j := strings.Index(text[i+2:], ": "); j >= 0 {
					at(i + 2 + j)
				}
			}
		}
		hint := yamlHint(msg, SourceLine(src, p.Line))
		if blockStart > 0 {
			hint = fmt.Sprintf("this line is not indented like the others of the list or mapping that starts on line %d", blockStart)
		}
		r.Errorf(p.Line, p.Col, hint, "YAML syntax: %s", msg)
		return nil
	}
	if doc.Kind == 0 || len(doc.Content) == 0 {
		r.ErrorCode(CodeEmpty, 1, 1, "a bank starts with `candor: 1`", "the file is empty")
		return nil
	}
	root := doc.Content[0]
	if !checkShape(r, root) {
		return nil
	}
	return root
}

// misplacedItem reports a YAML error about a list or mapping left unfinished by a line
// indented unlike its items, which the parser reports at the start of that list or mapping.
func misplacedItem(msg string) bool {
	return strings.Contains(msg, "did not find expected '-' indicator") || strings.Contains(msg, "did not find expected key")
}

// firstFailingLine finds the line that makes src fail to parse, after line from: the first
// line n such that the lines up to n fail as YAML (other than by ending too early, inside a
// quoted text or a bracket) and the lines before it do not. It returns 0 when there is no
// such line. A binary search: a broken structure stays broken as lines are added.
func firstFailingLine(src []byte, from int) int {
	var ends []int // ends[n-1] is the offset just past line n
	for i, c := range src {
		if c == '\n' {
			ends = append(ends, i+1)
		}
	}
	if len(ends) == 0 || ends[len(ends)-1] != len(src) {
		ends = append(ends, len(src))
	}
	fails := func(n int) bool {
		var doc yaml.Node
		err := yaml.Unmarshal(src[:ends[n-1]], &doc)
		return err != nil && !strings.Contains(err.Error(), "end of stream")
	}
	lo, hi := from, len(ends) // the lines up to lo parse; up to hi they fail
	if lo < 1 || lo >= hi || fails(lo) || !fails(hi) {
		return 0
	}
	for hi-lo > 1 {
		mid := lo + (hi-lo)/2
		if fails(mid) {
			hi = mid
		} else {
			lo = mid
		}
	}
	return hi
}

// checkShape refuses a document whose aliases expand to more than MaxNodes nodes (a "billion
// laughs") or that nests deeper than MaxDepth, before anything walks it. Sizes and heights are
// computed once per node, so the check itself is linear in the file.
func checkShape(r Reporter, root *yaml.Node) bool {
	// Most files have no aliases: count and measure them in one pass without maps. Anything
	// else (an alias, or a file over a limit) is measured below, which also says what is wrong.
	if count, height, plain := plainShape(root, 1, 0); plain && count <= MaxNodes && height <= MaxDepth {
		return true
	}
	size := map[*yaml.Node]int{}
	height := map[*yaml.Node]int{}
	// text is the bytes of text under a node, counting what aliases repeat: a few values
	// repeating a long text are as costly to print or save as that much text written out.
	text := map[*yaml.Node]int{}
	var measure func(n *yaml.Node, depth int) (int, int)
	measure = func(n *yaml.Node, depth int) (int, int) {
		if n.Kind == yaml.AliasNode && n.Alias != nil {
			n = n.Alias
		}
		if s, ok := size[n]; ok {
			return s, height[n]
		}
		if depth > 10*MaxDepth {
			return 1, depth // deeper than any limit; stop here
		}
		size[n], height[n], text[n] = 1, 1, len(n.Value) // an alias back into itself (not valid YAML) counts once
		s, h, t := 1, 0, len(n.Value)
		for _, c := range n.Content {
			cs, ch := measure(c, depth+1)
			s = min(s+cs, MaxNodes+1)
			h = max(h, ch)
			t = min(t+text[Resolve(c)], MaxFileSize+1)
		}
		size[n], height[n], text[n] = s, h+1, t
		return s, h + 1
	}
	total, deepest := measure(root, 0)
	written := 0 // values written out, aliases not expanded
	var count func(n *yaml.Node, depth int)
	count = func(n *yaml.Node, depth int) {
		written++
		if depth < 10*MaxDepth {
			for _, c := range n.Content {
				count(c, depth+1)
			}
		}
	}
	count(root, 0)
	resolve := Resolve
	if written > MaxNodes {
		r.Errorf(root.Line, root.Column, sizeHint, "the file has more than %d YAML values", MaxNodes)
		return false
	}
	if total > MaxNodes {
		// Point at the smallest part that is too large: where the repetition explodes.
		n := smallestOver(root, func(c *yaml.Node) bool { return size[c] > MaxNodes })
		r.Errorf(n.Line, n.Column, "aliases (`*name`) that repeat aliases multiply: write the parts out; "+sizeHint,
			"the file's aliases expand to more than %d YAML values", MaxNodes)
		return false
	}
	if text[root] > MaxFileSize {
		// Point at the smallest part that is too large, as above.
		n := smallestOver(root, func(c *yaml.Node) bool { return text[c] > MaxFileSize })
		r.Errorf(n.Line, n.Column, "aliases (`*name`) repeat their text wherever they are used: write it out once; "+sizeHint,
			"the file's aliases expand to more than %d MiB of text, past what candor reads", MaxFileSize>>20)
		return false
	}
	if deepest > MaxDepth {
		n := root
		for depth := 1; depth <= MaxDepth; depth++ {
			for _, c := range n.Content {
				if c := resolve(c); height[c] == height[n]-1 {
					n = c
					break
				}
			}
		}
		r.Errorf(n.Line, n.Column, "a question bank needs only a few levels; check the brackets and the indentation", "the file nests more than %d levels deep", MaxDepth)
		return false
	}
	return true
}

// smallestOver descends from root, which is over a limit, through the children (aliases
// resolved) that are over it too, and returns the last: the smallest part over the limit.
func smallestOver(root *yaml.Node, over func(*yaml.Node) bool) *yaml.Node {
	n := root
descend:
	for {
		for _, c := range n.Content {
			if c := Resolve(c); over(c) {
				n = c
				continue descend
			}
		}
		return n
	}
}

// Resolve is the node an alias stands for, or n itself.
func Resolve(n *yaml.Node) *yaml.Node {
	if n.Kind == yaml.AliasNode && n.Alias != nil {
		return n.Alias
	}
	return n
}

// plainShape returns how many values the tree under n holds (count: those before it) and
// its height (1 for a scalar), stopping once past MaxNodes values or MaxDepth levels; plain is
// false when the tree has an alias.
func plainShape(n *yaml.Node, depth, count int) (total, height int, plain bool) {
	if n.Kind == yaml.AliasNode {
		return 0, 0, false
	}
	total, height = count+1, 1
	if depth > MaxDepth || total > MaxNodes {
		return total, depth, true // over a limit: measured again, and reported, by the caller
	}
	for _, c := range n.Content {
		var h int
		total, h, plain = plainShape(c, depth+1, total)
		if !plain {
			return 0, 0, false
		}
		height = max(height, h+1)
		if total > MaxNodes || height > MaxDepth {
			return total, height, true
		}
	}
	return total, height, true
}

// yamlHint says what usually causes a YAML syntax error, given the line it is on.
func yamlHint(msg, line string) string {
	switch {
	case strings.HasPrefix(line, "\t") || strings.Contains(msg, "tab"):
		return "indent with spaces; YAML does not allow tabs for indentation"
	case strings.Contains(msg, "did not find expected ',' or"):
		return "in a `{...}` or `[...]` written on one line, put quotes around text that has `?`, `:`, `,` or `#` in it, such as `text: \"Do you feel safe?\"`"
	case strings.Contains(msg, "did not find expected '-'"), strings.Contains(msg, "did not find expected key"):
		return "a line below this one is not indented like the others of its list or mapping"
	case strings.Contains(msg, "unexpected end of stream"), strings.Contains(msg, "found unexpected end"):
		return "a quote, `[` or `{` opened here is never closed"
	case strings.Contains(msg, "mapping values are not allowed"):
		return "put quotes around a value that has `: ` in it"
	case strings.Contains(msg, "already defined"):
		return "each key may appear once; remove or rename one of them"
	}
	return "check the indentation and quoting on this line and the one before it"
}

// Walker visits nodes with a budget, expanding aliases safely, and checks the shape of each
// value it reads, reporting what is wrong to its Reporter.
type Walker struct {
	r        Reporter
	visited  int
	exceeded bool
}

// NewWalker is a walker that reports to r.
func NewWalker(r Reporter) *Walker { return &Walker{r: r} }

// Exceeded reports whether the walk went past the limits (reported once): nothing more is
// read then.
func (w *Walker) Exceeded() bool { return w.exceeded }

// errorf reports a problem at node n.
func (w *Walker) errorf(n *yaml.Node, hint, format string, args ...any) {
	w.r.Errorf(n.Line, n.Column, hint, format, args...)
}

// Resolve follows an alias and charges the node against the budget. It returns nil once the
// file is too large or too deep, after reporting it once.
func (w *Walker) Resolve(n *yaml.Node, depth int) *yaml.Node {
	if n == nil || w.exceeded {
		return nil
	}
	for i := 0; n.Kind == yaml.AliasNode; i++ {
		if n.Alias == nil || i > MaxDepth {
			return nil
		}
		n = n.Alias
	}
	w.visited += countNodes(n, MaxNodes-w.visited+1, 0)
	if w.visited > MaxNodes || depth > MaxDepth {
		w.exceeded = true
		what := fmt.Sprintf("too large: reading it means visiting more than %d YAML values, counting what aliases repeat", MaxNodes)
		if depth > MaxDepth {
			what = fmt.Sprintf("nested more than %d levels deep", MaxDepth)
		}
		w.errorf(n, sizeHint, "the file is %s", what)
		return nil
	}
	return n
}

// countNodes counts n and its direct children (not grandchildren: those are charged as they
// are visited), stopping at limit.
func countNodes(n *yaml.Node, limit, depth int) int {
	c := 1 + len(n.Content)
	if c > limit {
		return limit
	}
	return c
}

// Entry is a key of a mapping and its value.
type Entry struct {
	Key, Val *yaml.Node
}

// Mapping checks that n is a mapping with only known keys and all required keys, and returns
// its entries by key.
func (w *Walker) Mapping(n *yaml.Node, what string, known, required []string, depth int) map[string]Entry {
	n = w.Resolve(n, depth)
	if n == nil {
		return nil
	}
	isFlag := what == "a flag" // named before its id is added
	if n.Kind != yaml.MappingNode {
		w.errorf(n, "", "%s must be a mapping of `key: value` lines, not %s", what, KindName(n))
		return nil
	}
	what = nameByID(n, what)
	out := make(map[string]Entry, len(n.Content)/2)
	// suggested holds the keys offered for misspelt ones: a missing required key that was
	// offered is not reported again.
	suggested := map[string]bool{}
	merged := false
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if k.Kind != yaml.ScalarNode {
			w.errorf(k, "", "a key in %s must be a plain word", what)
			continue
		}
		if k.Value == "<<" {
			merged = true
			w.errorf(k, "write the keys out; a bank is read more often than it is written", "merge keys (`<<`) are not supported in %s", what)
			continue
		}
		if !slices.Contains(known, k.Value) {
			w.unknownKey(n, i, what, known, suggested)
			continue
		}
		if prev, dup := out[k.Value]; dup {
			w.errorf(k, fmt.Sprintf("the first is on line %d", prev.Key.Line), "key `%s` appears twice in %s", k.Value, what)
			continue
		}
		out[k.Value] = Entry{k, v}
	}
	if !merged { // the merge key is reported; what it would have given is not missing
		w.missingKeys(n, what, isFlag, out, required, suggested)
	}
	return out
}

// nameByID names a mapping by its id where it has one: `question "feel_safe"` for what "a question".
func nameByID(n *yaml.Node, what string) string {
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if (k.Value == "id" || k.Value == "name") && v.Kind == yaml.ScalarNode && v.Value != "" {
			return fmt.Sprintf("%s %q", strings.TrimPrefix(strings.TrimPrefix(strings.TrimPrefix(what, "the "), "a "), "an "), truncate(v.Value, 40))
		}
	}
	return what
}

// unknownKey reports the unknown key n.Content[i], with the known key it most likely meant
// (remembered in suggested) or why a `{...}` line may have gone wrong.
func (w *Walker) unknownKey(n *yaml.Node, i int, what string, known []string, suggested map[string]bool) {
	k, v := n.Content[i], n.Content[i+1]
	hint := "valid keys here: " + strings.Join(known, ", ")
	if s := suggest.Nearest(k.Value, known); s != "" {
		hint = suggest.Hint(s)
		suggested[s] = true
	} else if n.Style&yaml.FlowStyle != 0 && v.Kind == yaml.ScalarNode && v.Tag == "!!null" && v.Value == "" && i > 0 {
		// `{title: Keep talking, gently}`: the comma ended the title.
		hint = fmt.Sprintf("in `{...}` a comma ends a value: put quotes around text with a comma in it, such as `%s: \"...%s\"`", n.Content[i-2].Value, truncate(k.Value, 20))
	}
	w.errorf(k, hint, "unknown key `%s` in %s", k.Value, what)
}

// missingKeys reports the required keys mapping n lacks, but those offered for a misspelt key.
func (w *Walker) missingKeys(n *yaml.Node, what string, isFlag bool, out map[string]Entry, required []string, suggested map[string]bool) {
	var missing []string
	for _, r := range required {
		if _, ok := out[r]; !ok && !suggested[r] {
			missing = append(missing, "`"+r+"`")
		}
	}
	hint := ""
	if isFlag && slices.Contains(missing, "`when`") {
		hint = "a flag needs a condition, such as `feel_safe == false`"
	}
	switch len(missing) {
	case 0:
	case 1:
		w.errorf(n, hint, "%s is missing the required key %s", what, missing[0])
	default:
		w.errorf(n, hint, "%s is missing the required keys %s and %s", what, strings.Join(missing[:len(missing)-1], ", "), missing[len(missing)-1])
	}
}

// Misspelt reports whether mapping n has an unknown key that looks like a typo of key.
func Misspelt(n *yaml.Node, key string, known []string) bool {
	for i := 0; n != nil && n.Kind == yaml.AliasNode && i < MaxDepth; i++ {
		n = n.Alias
	}
	if n == nil || n.Kind != yaml.MappingNode {
		return false
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if k := n.Content[i].Value; !slices.Contains(known, k) && suggest.Nearest(k, known) == key {
			return true
		}
	}
	return false
}

// Sequence checks that n is a list and returns its items.
func (w *Walker) Sequence(n *yaml.Node, what string, depth int) []*yaml.Node {
	n = w.Resolve(n, depth)
	if n == nil {
		return nil
	}
	if n.Kind != yaml.SequenceNode {
		w.errorf(n, "write it as a list, one `- item` per line", "%s must be a list, not %s", what, KindName(n))
		return nil
	}
	if n.Content == nil {
		// An empty list is not a missing one: callers tell them apart by nil.
		return []*yaml.Node{}
	}
	return n.Content
}

// List is Sequence for lists other than questions: more than MaxListLen items are reported
// and cut off.
func (w *Walker) List(n *yaml.Node, what string, depth int) []*yaml.Node {
	items := w.Sequence(n, what, depth)
	if len(items) > MaxListLen {
		w.errorf(items[MaxListLen], "a bank this large cannot be answered; split it", "%s has more than %d items", what, MaxListLen)
		items = items[:MaxListLen]
	}
	return items
}

// Scalar returns n resolved when it is a scalar, reporting otherwise.
func (w *Walker) Scalar(n *yaml.Node, what string, depth int) *yaml.Node {
	n = w.Resolve(n, depth)
	if n == nil {
		return nil
	}
	if n.Kind != yaml.ScalarNode {
		w.errorf(n, "", "%s must be a single value, not %s", what, KindName(n))
		return nil
	}
	return n
}

// Str reads a scalar that is not empty (null), as written; what names it in messages.
func (w *Walker) Str(n *yaml.Node, what string, depth int) (string, bool) {
	n = w.Scalar(n, what, depth)
	if n == nil {
		return "", false
	}
	if n.Tag == "!!null" {
		w.errorf(n, "", "%s is empty", what)
		return "", false
	}
	return n.Value, true
}

// Bool reads true or false.
func (w *Walker) Bool(n *yaml.Node, what string, depth int) (bool, bool) {
	n = w.Scalar(n, what, depth)
	if n == nil {
		return false, false
	}
	if n.Tag != "!!bool" {
		w.errorf(n, "write true or false", "%s must be true or false, not %q", what, n.Value)
		return false, false
	}
	b, _ := strconv.ParseBool(strings.ToLower(n.Value))
	return b, true
}

// Number reads a number (NumberValue).
func (w *Walker) Number(n *yaml.Node, what string, depth int) (float64, bool) {
	n = w.Scalar(n, what, depth)
	if n == nil {
		return 0, false
	}
	f, ok := NumberValue(n)
	if !ok {
		w.errorf(n, "", "%s must be a number, not %q", what, n.Value)
	}
	return f, ok
}

// Integer reads a whole number of at most a billion either way.
func (w *Walker) Integer(n *yaml.Node, what string, depth int) (int, bool) {
	n = w.Scalar(n, what, depth)
	if n == nil {
		return 0, false
	}
	f, ok := NumberValue(n)
	if !ok || f != math.Trunc(f) {
		w.errorf(n, "", "%s must be a whole number, not %q", what, n.Value)
		return 0, false
	}
	if math.Abs(f) > 1e9 {
		w.errorf(n, "use a whole number between -1000000000 and 1000000000", "%s is out of range: %s", what, n.Value)
		return 0, false
	}
	return int(f), true
}

// NumberValue reads an int or float scalar; infinities and NaN are refused.
func NumberValue(n *yaml.Node) (float64, bool) {
	if n.Tag != "!!int" && n.Tag != "!!float" {
		return 0, false
	}
	var f float64
	if err := n.Decode(&f); err != nil || math.IsInf(f, 0) || math.IsNaN(f) {
		return 0, false
	}
	return f, true
}

// KindName names what n is, for a message: "a mapping", "a list", "empty", "the value \"x\"".
func KindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		if n.Tag == "!!null" {
			return "empty"
		}
		return fmt.Sprintf("the value %q", truncate(n.Value, 40))
	}
	return "something else"
}

// truncate cuts a value quoted in a message to n columns and "…".
func truncate(s string, n int) string { return text.Truncate(s, n+1) }
