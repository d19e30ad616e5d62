package questionnaire

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math"
	"regexp"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/candor-app/candor/internal/text"
)

// Limits that keep a hostile file from exhausting time or memory.
const (
	// MaxFileSize is the largest bank or response file read, in bytes.
	MaxFileSize = 4 << 20
	// maxNodes bounds the YAML nodes visited, aliases expanded (billion laughs).
	maxNodes = 200_000
	// maxDepth bounds nesting.
	maxDepth = 64
)

// sizeHint goes with every "too large" message: a bank or a response is never near the limits.
const sizeHint = "candor's banks and responses are a few hundred lines; check that this is the file you meant"

var yamlLineRE = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// parseYAML parses src into its document's root node, or reports a syntax error.
func parseYAML(d *diags, src []byte) *yaml.Node {
	// Parsing builds every value in memory, a few hundred bytes each, and takes seconds for
	// a few hundred thousand: refuse a file with far more lines and list items than any bank
	// or response (a bank of 5000 questions has well under 100000) before parsing it.
	if n := syntaxCount(src); n > maxNodes {
		d.errorf(Pos{Line: 1, Col: 1}, sizeHint,
			"the file has more than %d lines, commas and brackets, far more than any bank or response", maxNodes)
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
			p := Pos{Line: max(next.Line, 1), Col: max(next.Column, 1)}
			if len(next.Content) > 0 {
				p = Pos{Line: max(next.Content[0].Line-1, 1), Col: 1}
			}
			d.errorf(p, "a bank is one YAML document: remove the `---` line and what follows, or put it in a file of its own", "the file holds more than one YAML document")
			return nil
		}
	}
	if err != nil {
		msg := err.Error()
		p := Pos{Line: 1, Col: 1}
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
		text := sourceLine(src, p.Line)
		if text == "" {
			p.Line = max(1, p.Line-1)
			text = sourceLine(src, p.Line)
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
		hint := yamlHint(msg, sourceLine(src, p.Line))
		if blockStart > 0 {
			hint = fmt.Sprintf("this line is not indented like the others of the list or mapping that starts on line %d", blockStart)
		}
		d.errorf(p, hint, "YAML syntax: %s", msg)
		return nil
	}
	if doc.Kind == 0 || len(doc.Content) == 0 {
		d.errorf(Pos{Line: 1, Col: 1}, "a bank starts with `candor: 1`", "the file is empty")
		d.coded(CodeEmptyBank)
		return nil
	}
	root := doc.Content[0]
	if !checkShape(d, root) {
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

// checkShape refuses a document whose aliases expand to more than maxNodes nodes (a "billion
// laughs") or that nests deeper than maxDepth, before anything walks it. Sizes and heights are
// computed once per node, so the check itself is linear in the file.
func checkShape(d *diags, root *yaml.Node) bool {
	// Most files have no aliases: count and measure them in one pass without maps. Anything
	// else (an alias, or a file over a limit) is measured below, which also says what is wrong.
	if count, height, plain := plainShape(root, 1, 0); plain && count <= maxNodes && height <= maxDepth {
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
		if depth > 10*maxDepth {
			return 1, depth // deeper than any limit; stop here
		}
		size[n], height[n], text[n] = 1, 1, len(n.Value) // an alias back into itself (not valid YAML) counts once
		s, h, t := 1, 0, len(n.Value)
		for _, c := range n.Content {
			cs, ch := measure(c, depth+1)
			s = min(s+cs, maxNodes+1)
			h = max(h, ch)
			t = min(t+text[resolveAlias(c)], MaxFileSize+1)
		}
		size[n], height[n], text[n] = s, h+1, t
		return s, h + 1
	}
	total, deepest := measure(root, 0)
	written := 0 // values written out, aliases not expanded
	var count func(n *yaml.Node, depth int)
	count = func(n *yaml.Node, depth int) {
		written++
		if depth < 10*maxDepth {
			for _, c := range n.Content {
				count(c, depth+1)
			}
		}
	}
	count(root, 0)
	resolve := resolveAlias
	pos := func(n *yaml.Node) Pos { return Pos{Line: n.Line, Col: n.Column} }
	if written > maxNodes {
		d.errorf(pos(root), sizeHint, "the file has more than %d YAML values", maxNodes)
		return false
	}
	if total > maxNodes {
		// Point at the smallest part that is too large: where the repetition explodes.
		n := root
	descend:
		for {
			for _, c := range n.Content {
				if c := resolve(c); size[c] > maxNodes {
					n = c
					continue descend
				}
			}
			break
		}
		d.errorf(pos(n), "aliases (`*name`) that repeat aliases multiply: write the parts out; "+sizeHint,
			"the file's aliases expand to more than %d YAML values", maxNodes)
		return false
	}
	if text[root] > MaxFileSize {
		// Point at the smallest part that is too large, as above.
		n := root
	descendText:
		for {
			for _, c := range n.Content {
				if c := resolve(c); text[c] > MaxFileSize {
					n = c
					continue descendText
				}
			}
			break
		}
		d.errorf(pos(n), "aliases (`*name`) repeat their text wherever they are used: write it out once; "+sizeHint,
			"the file's aliases expand to more than %d MiB of text, past what candor reads", MaxFileSize>>20)
		return false
	}
	if deepest > maxDepth {
		n := root
		for depth := 1; depth <= maxDepth; depth++ {
			for _, c := range n.Content {
				if c := resolve(c); height[c] == height[n]-1 {
					n = c
					break
				}
			}
		}
		d.errorf(pos(n), "a question bank needs only a few levels; check the brackets and the indentation", "the file nests more than %d levels deep", maxDepth)
		return false
	}
	return true
}

// resolveAlias is the node an alias stands for, or n itself.
func resolveAlias(n *yaml.Node) *yaml.Node {
	if n.Kind == yaml.AliasNode && n.Alias != nil {
		return n.Alias
	}
	return n
}

// plainShape returns how many values the tree under n holds (count: those before it) and
// its height (1 for a scalar), stopping once past maxNodes values or maxDepth levels; plain is
// false when the tree has an alias.
func plainShape(n *yaml.Node, depth, count int) (total, height int, plain bool) {
	if n.Kind == yaml.AliasNode {
		return 0, 0, false
	}
	total, height = count+1, 1
	if depth > maxDepth || total > maxNodes {
		return total, depth, true // over a limit: measured again, and reported, by the caller
	}
	for _, c := range n.Content {
		var h int
		total, h, plain = plainShape(c, depth+1, total)
		if !plain {
			return 0, 0, false
		}
		height = max(height, h+1)
		if total > maxNodes || height > maxDepth {
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

// walker visits nodes with a budget, expanding aliases safely.
type walker struct {
	*diags
	visited  int
	exceeded bool
}

func (w *walker) pos(n *yaml.Node) Pos { return Pos{File: w.file, Line: n.Line, Col: n.Column} }

// resolve follows an alias and charges the node against the budget. It returns nil once the
// file is too large or too deep, after reporting it once.
func (w *walker) resolve(n *yaml.Node, depth int) *yaml.Node {
	if n == nil || w.exceeded {
		return nil
	}
	for i := 0; n.Kind == yaml.AliasNode; i++ {
		if n.Alias == nil || i > maxDepth {
			return nil
		}
		n = n.Alias
	}
	w.visited += countNodes(n, maxNodes-w.visited+1, 0)
	if w.visited > maxNodes || depth > maxDepth {
		w.exceeded = true
		what := fmt.Sprintf("too large: reading it means visiting more than %d YAML values, counting what aliases repeat", maxNodes)
		if depth > maxDepth {
			what = fmt.Sprintf("nested more than %d levels deep", maxDepth)
		}
		w.errorf(w.pos(n), sizeHint, "the file is %s", what)
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

type entry struct {
	key, val *yaml.Node
}

// mapping checks that n is a mapping with only known keys and all required keys, and returns
// its entries by key.
func (w *walker) mapping(n *yaml.Node, what string, known, required []string, depth int) map[string]entry {
	n = w.resolve(n, depth)
	if n == nil {
		return nil
	}
	isFlag := what == "a flag" // named before its id is added
	if n.Kind != yaml.MappingNode {
		w.errorf(w.pos(n), "", "%s must be a mapping of `key: value` lines, not %s", what, kindName(n))
		return nil
	}
	what = nameByID(n, what)
	out := make(map[string]entry, len(n.Content)/2)
	// suggested holds the keys offered for misspelt ones: a missing required key that was
	// offered is not reported again.
	suggested := map[string]bool{}
	merged := false
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if k.Kind != yaml.ScalarNode {
			w.errorf(w.pos(k), "", "a key in %s must be a plain word", what)
			continue
		}
		if k.Value == "<<" {
			merged = true
			w.errorf(w.pos(k), "write the keys out; a bank is read more often than it is written", "merge keys (`<<`) are not supported in %s", what)
			continue
		}
		if !contains(known, k.Value) {
			w.unknownKey(n, i, what, known, suggested)
			continue
		}
		if prev, dup := out[k.Value]; dup {
			w.errorf(w.pos(k), fmt.Sprintf("the first is on line %d", prev.key.Line), "key `%s` appears twice in %s", k.Value, what)
			continue
		}
		out[k.Value] = entry{k, v}
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
func (w *walker) unknownKey(n *yaml.Node, i int, what string, known []string, suggested map[string]bool) {
	k, v := n.Content[i], n.Content[i+1]
	hint := "valid keys here: " + strings.Join(known, ", ")
	if s := nearest(k.Value, known); s != "" {
		hint = suggest(s)
		suggested[s] = true
	} else if n.Style&yaml.FlowStyle != 0 && v.Kind == yaml.ScalarNode && v.Tag == "!!null" && v.Value == "" && i > 0 {
		// `{title: Keep talking, gently}`: the comma ended the title.
		hint = fmt.Sprintf("in `{...}` a comma ends a value: put quotes around text with a comma in it, such as `%s: \"...%s\"`", n.Content[i-2].Value, truncate(k.Value, 20))
	}
	w.errorf(w.pos(k), hint, "unknown key `%s` in %s", k.Value, what)
}

// missingKeys reports the required keys mapping n lacks, but those offered for a misspelt key.
func (w *walker) missingKeys(n *yaml.Node, what string, isFlag bool, out map[string]entry, required []string, suggested map[string]bool) {
	var missing []string
	for _, r := range required {
		if _, ok := out[r]; !ok && !suggested[r] {
			missing = append(missing, "`"+r+"`")
		}
	}
	hint := ""
	if isFlag && contains(missing, "`when`") {
		hint = "a flag needs a condition, such as `feel_safe == false`"
	}
	switch len(missing) {
	case 0:
	case 1:
		w.errorf(w.pos(n), hint, "%s is missing the required key %s", what, missing[0])
	default:
		w.errorf(w.pos(n), hint, "%s is missing the required keys %s and %s", what, strings.Join(missing[:len(missing)-1], ", "), missing[len(missing)-1])
	}
}

// misspelt reports whether mapping n has an unknown key that looks like a typo of key.
func misspelt(n *yaml.Node, key string, known []string) bool {
	for i := 0; n != nil && n.Kind == yaml.AliasNode && i < maxDepth; i++ {
		n = n.Alias
	}
	if n == nil || n.Kind != yaml.MappingNode {
		return false
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if k := n.Content[i].Value; !contains(known, k) && nearest(k, known) == key {
			return true
		}
	}
	return false
}

// sequence checks that n is a list and returns its items.
func (w *walker) sequence(n *yaml.Node, what string, depth int) []*yaml.Node {
	n = w.resolve(n, depth)
	if n == nil {
		return nil
	}
	if n.Kind != yaml.SequenceNode {
		w.errorf(w.pos(n), "write it as a list, one `- item` per line", "%s must be a list, not %s", what, kindName(n))
		return nil
	}
	if n.Content == nil {
		// An empty list is not a missing one: callers tell them apart by nil.
		return []*yaml.Node{}
	}
	return n.Content
}

// list is sequence for lists other than questions: more than maxListLen items are reported
// and cut off.
func (w *walker) list(n *yaml.Node, what string, depth int) []*yaml.Node {
	items := w.sequence(n, what, depth)
	if len(items) > maxListLen {
		w.errorf(w.pos(items[maxListLen]), "a bank this large cannot be answered; split it", "%s has more than %d items", what, maxListLen)
		items = items[:maxListLen]
	}
	return items
}

// scalar returns n resolved when it is a scalar, reporting otherwise.
func (w *walker) scalar(n *yaml.Node, what string, depth int) *yaml.Node {
	n = w.resolve(n, depth)
	if n == nil {
		return nil
	}
	if n.Kind != yaml.ScalarNode {
		w.errorf(w.pos(n), "", "%s must be a single value, not %s", what, kindName(n))
		return nil
	}
	return n
}

func (w *walker) str(n *yaml.Node, what string, depth int) (string, bool) {
	n = w.scalar(n, what, depth)
	if n == nil {
		return "", false
	}
	if n.Tag == "!!null" {
		w.errorf(w.pos(n), "", "%s is empty", what)
		return "", false
	}
	return n.Value, true
}

func (w *walker) boolean(n *yaml.Node, what string, depth int) (bool, bool) {
	n = w.scalar(n, what, depth)
	if n == nil {
		return false, false
	}
	if n.Tag != "!!bool" {
		w.errorf(w.pos(n), "write true or false", "%s must be true or false, not %q", what, n.Value)
		return false, false
	}
	b, _ := strconv.ParseBool(strings.ToLower(n.Value))
	return b, true
}

func (w *walker) number(n *yaml.Node, what string, depth int) (float64, bool) {
	n = w.scalar(n, what, depth)
	if n == nil {
		return 0, false
	}
	f, ok := numberValue(n)
	if !ok {
		w.errorf(w.pos(n), "", "%s must be a number, not %q", what, n.Value)
	}
	return f, ok
}

func (w *walker) integer(n *yaml.Node, what string, depth int) (int, bool) {
	n = w.scalar(n, what, depth)
	if n == nil {
		return 0, false
	}
	f, ok := numberValue(n)
	if !ok || f != math.Trunc(f) {
		w.errorf(w.pos(n), "", "%s must be a whole number, not %q", what, n.Value)
		return 0, false
	}
	if math.Abs(f) > 1e9 {
		w.errorf(w.pos(n), "use a whole number between -1000000000 and 1000000000", "%s is out of range: %s", what, n.Value)
		return 0, false
	}
	return int(f), true
}

// numberValue reads an int or float scalar; infinities and NaN are refused.
func numberValue(n *yaml.Node) (float64, bool) {
	if n.Tag != "!!int" && n.Tag != "!!float" {
		return 0, false
	}
	var f float64
	if err := n.Decode(&f); err != nil || math.IsInf(f, 0) || math.IsNaN(f) {
		return 0, false
	}
	return f, true
}

func kindName(n *yaml.Node) string {
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

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
