package questionnaire

import (
	"fmt"
	"sort"
	"strings"
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
	// Code names the kind of problem for callers that group or count them (the table
	// reader's Code* constants); empty for most.
	Code string `json:"code,omitempty"`
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

// Codes of diagnostics a command acts on by kind, not by wording or place in a list.
const (
	// CodeOtherBank: a response read with another bank than the one it answers.
	CodeOtherBank = "other-bank"
	// CodeBankDrift: a response given to another version, or other content, of its bank.
	CodeBankDrift = "bank-drift"
)

// coded gives the diagnostic just added the code c (none was added once any was dropped: the
// list is full).
func (d *diags) coded(c string) {
	if d.dropped == 0 && len(d.list) > 0 {
		d.list[len(d.list)-1].Code = c
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
