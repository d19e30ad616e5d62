package data

import (
	_ "embed"
	"encoding/json"
	"strings"
)

//go:embed template/bank.yaml
var template []byte

// TemplateID is the template's own bank id, kept when no other is given.
const TemplateID = "my-bank"

// Template lines that `candor init` fills in.
const (
	templateIDLine    = "\nid: " + TemplateID + "\n"
	templateTitleLine = "\ntitle: \"A check-in on rebuilding trust\"\n"
)

// Template returns the commented starter bank `candor init` writes. A non-empty id or title
// replaces the template's own; the id must already be a valid bank id (kebab-case).
func Template(id, title string) []byte {
	out := string(template)
	if id != "" {
		out = strings.Replace(out, templateIDLine, "\nid: "+id+"\n", 1)
	}
	if title != "" {
		out = strings.Replace(out, templateTitleLine, "\ntitle: "+yamlQuote(title)+"\n", 1)
	}
	return []byte(out)
}

// yamlQuote writes s as a YAML double-quoted scalar (JSON strings are valid YAML).
func yamlQuote(s string) string {
	var b strings.Builder
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(s)
	return strings.TrimSuffix(b.String(), "\n")
}
