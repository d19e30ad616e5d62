package questionnaire

import (
	"fmt"
	"sort"
	"strings"

	"github.com/candor-app/candor/internal/yamlpos"
)

// Severity says how serious a diagnostic is. Only errors make a bank unusable.
type Severity int

const (
	// Error makes the bank (or response) unusable.
	Error Severity = iota
	// Warning is shown but does not fail validation.
	Warning
)

func (s Severity) String() string {
	if s == Warning {
		return "warning"
	}
	return "error"
}

// MarshalText makes a Severity read as "error" or "warning" in JSON.
func (s Severity) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// Pos is a place in a source file. Line and Col count from 1; zero means unknown.
type Pos struct {
	File string `json:"file"`
	Line int    `json:"line"`
	Col  int    `json:"col"`
}

func (p Pos) String() string {
	switch {
	case p.Line == 0:
		return p.File
	case p.Col == 0:
		return fmt.Sprintf("%s:%d", p.File, p.Line)
	}
	return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Col)
}

// Diagnostic is one problem found in a file: where, what, and what to do.
type Diagnostic struct {
	Severity Severity `json:"severity"`
	Pos      Pos      `json:"pos"`
	Summary  string   `json:"summary"`
	// Hint says what to do about it; may be empty.
	Hint string `json:"hint,omitempty"`
	// Code names the kind of problem for callers that group, count or act on them (the Code*
	// constants here and in the table reader; docs/spec.md §3, "Diagnostic codes"); empty
	// for most. A command may say more after a coded diagnostic (what to run, which flag to
	// give): this package says only what is wrong and where.
	Code string `json:"code,omitempty"`
	// Data is what a caller needs to say more about a coded diagnostic in its own words, such
	// as the bank id a response answers (as hcl's Diagnostic.Extra); nil for most.
	Data map[string]string `json:"data,omitempty"`
}

func (d Diagnostic) Error() string {
	s := d.Pos.String() + ": " + d.Summary
	if d.Severity == Warning {
		s = d.Pos.String() + ": warning: " + d.Summary
	}
	return s
}

// Diagnostics is a list of problems; it is an error when it holds at least one error.
type Diagnostics []Diagnostic

// HasErrors reports whether any diagnostic is an error.
func (ds Diagnostics) HasErrors() bool {
	for _, d := range ds {
		if d.Severity == Error {
			return true
		}
	}
	return false
}

// Errors returns the error diagnostics only.
func (ds Diagnostics) Errors() Diagnostics { return ds.filter(Error) }

// Warnings returns the warning diagnostics only.
func (ds Diagnostics) Warnings() Diagnostics { return ds.filter(Warning) }

func (ds Diagnostics) filter(s Severity) Diagnostics {
	var out Diagnostics
	for _, d := range ds {
		if d.Severity == s {
			out = append(out, d)
		}
	}
	return out
}

// Error joins every diagnostic, one per line.
func (ds Diagnostics) Error() string {
	lines := make([]string, len(ds))
	for i, d := range ds {
		lines[i] = d.Error()
	}
	return strings.Join(lines, "\n")
}

// Err returns ds as an error when it has errors, or nil.
func (ds Diagnostics) Err() error {
	if ds.HasErrors() {
		return ds
	}
	return nil
}

// Sort orders diagnostics by file, line and column, keeping the order of equal positions.
func (ds Diagnostics) Sort() {
	sort.SliceStable(ds, func(i, j int) bool {
		a, b := ds[i].Pos, ds[j].Pos
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Col < b.Col
	})
}

// maxCollected bounds how many diagnostics are kept while loading, so that a hostile file
// cannot fill memory with them; Load prints at most maxDiagnostics of them anyway.
const maxCollected = 5 * maxDiagnostics

// diags collects diagnostics while loading.
type diags struct {
	list Diagnostics
	file string
	// dropped counts diagnostics past maxCollected; droppedErr says whether one was an error.
	dropped    int
	droppedErr bool
}

// busy reports whether more diagnostics were found than are shown: costly hints may be
// skipped then.
func (d *diags) busy() bool { return len(d.list) >= maxDiagnostics }

// full reports whether no more diagnostics are kept; costly hints can be skipped then.
func (d *diags) full() bool { return len(d.list) >= maxCollected }

func (d *diags) errorf(p Pos, hint, format string, args ...any) {
	d.add(Error, p, hint, format, args...)
}

func (d *diags) warnf(p Pos, hint, format string, args ...any) {
	d.add(Warning, p, hint, format, args...)
}

// Codes of diagnostics a command acts on by kind, not by wording or place in a list, and
// after which it may say what to run or type (docs/spec.md §3, "Diagnostic codes").
const (
	// CodeOtherBank: a response read with another bank than the one it answers. Data:
	// "bank", the id of the bank it answers; "read_with", the id of the bank given.
	CodeOtherBank = "other-bank"
	// CodeFile: a file that could not be read; Data is its FileError's (problem, path, and
	// limit or error).
	CodeFile = "file"
	// CodeBankDrift: a response given to another version, or other content, of its bank.
	CodeBankDrift = "bank-drift"
	// CodeWebPage: a web page (HTML, such as the page `candor form` writes) where a YAML
	// file was expected.
	CodeWebPage = "web-page"
	// CodeResponseNotBank: a response where a bank was expected.
	CodeResponseNotBank = "response-not-bank"
	// CodeBankNotResponse: a bank where a response was expected.
	CodeBankNotResponse = "bank-not-response"
	// CodeAnswersNotResponse: a plain answers file where a saved response was expected.
	CodeAnswersNotResponse = "answers-not-response"
	// CodeEmptyBank: a bank file that holds nothing (or only comments).
	CodeEmptyBank = yamlpos.CodeEmpty
	// CodeRecipient: a bank's recipient that is not an age public key.
	CodeRecipient = "recipient"
	// CodePlaceholder: placeholder text the starting template (`candor init`) left in a bank.
	CodePlaceholder = "placeholder"
)

// coded gives the diagnostic just added the code c and the data of the key and value pairs
// kv (none was added once any was dropped: the list is full).
func (d *diags) coded(c string, kv ...string) {
	if d.dropped == 0 && len(d.list) > 0 {
		last := &d.list[len(d.list)-1]
		last.Code = c
		for i := 0; i+1 < len(kv); i += 2 {
			if last.Data == nil {
				last.Data = map[string]string{}
			}
			last.Data[kv[i]] = kv[i+1]
		}
	}
}

func (d *diags) add(s Severity, p Pos, hint, format string, args ...any) {
	if d.full() {
		d.dropped++
		d.droppedErr = d.droppedErr || s == Error
		return
	}
	if p.File == "" {
		p.File = d.file
	}
	if p.Line > 0 && p.Col < 1 {
		p.Col = 1
	}
	d.list = append(d.list, Diagnostic{Severity: s, Pos: p, Summary: fmt.Sprintf(format, args...), Hint: hint})
}
