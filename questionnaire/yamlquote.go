package questionnaire

import (
	"regexp"
	"strings"

	"go.yaml.in/yaml/v3"
)

// yaml11Number matches what a YAML 1.1 reader (PyYAML, many spreadsheet importers) takes for
// a number: digits with `_`, `.`, `:` (base 60: 11:11), an exponent, octal 0777, hex 0x1F,
// binary 0b101, infinities and not-a-number.
var yaml11Number = regexp.MustCompile(`^[-+]?([0-9][0-9_]*|([0-9][0-9_]*)?\.[0-9_]*([eE][-+]?[0-9]+)?|[0-9][0-9_]*[eE][-+]?[0-9]+|[0-9][0-9_]*(:[0-5]?[0-9])+(\.[0-9_]*)?|0[xX][0-9a-fA-F_]+|0[bB][01_]+|0[oO][0-7_]+|\.(inf|Inf|INF))$|^\.(nan|NaN|NAN)$`)

// yaml11Date matches what a YAML 1.1 reader takes for a date or a timestamp.
var yaml11Date = regexp.MustCompile(`^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([Tt \t].*)?$`)

// yaml11Words are the plain words a YAML 1.1 reader takes for a yes/no value or for nothing.
var yaml11Words = map[string]bool{
	"y": true, "n": true, "yes": true, "no": true, "true": true, "false": true, "on": true, "off": true,
	"null": true, "~": true, "": true,
}

// misread reports whether a YAML 1.1 reader would read plain text s as something other than
// text: a yes/no, nothing, a number or a date. Such text is written in quotes.
func misread(s string) bool {
	t := strings.TrimSpace(s)
	return t != s || yaml11Words[strings.ToLower(s)] || yaml11Number.MatchString(s) || yaml11Date.MatchString(s) ||
		s == "=" || s == "<<"
}

// textNode is a YAML scalar holding text, quoted when any YAML reader, 1.1 or 1.2, would read
// it as something else.
func textNode(s string) *yaml.Node {
	n := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s}
	if misread(s) {
		n.Style = yaml.DoubleQuotedStyle
	}
	return n
}
