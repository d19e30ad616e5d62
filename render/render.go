// Package render turns scored results into what a person reads: plain text, markdown or
// JSON (SPEC §3).
package render

import (
	"encoding/json"
	"fmt"
	"io"
	"time"

	"github.com/candor-app/candor/questionnaire"
	"github.com/candor-app/candor/scoring"
)

// Options control a rendering.
type Options struct {
	// Format is "text", "markdown" or "json".
	Format string
	// Width wraps text; 0 means 80.
	Width int
	// Color adds ANSI colors (text on a terminal only).
	Color bool
	// ASCII draws bars without block characters.
	ASCII bool
	// Date is when the answers were given (shown in text and markdown).
	Date time.Time
	// SavedTo is where the response is saved, if anywhere.
	SavedTo string
	// Respondent names who answered, if known.
	Respondent string
}

// Summary writes the readiness summary of result r for bank b.
// PLACEHOLDER for text and markdown: replaced by the real renderer.
func Summary(w io.Writer, b *questionnaire.Bank, r *scoring.Result, opt Options) error {
	if opt.Format == "json" {
		return JSON(w, r)
	}
	if r.Outcome != nil {
		fmt.Fprintf(w, "%s\n\n%s\n", r.Outcome.Title, r.Outcome.Text)
	}
	for _, s := range r.Scores {
		if s.Value != nil {
			fmt.Fprintf(w, "%s: %s\n", s.Label, questionnaire.FormatNumber(*s.Value))
		}
	}
	return nil
}

// JSON writes r as SPEC §3 JSON.
func JSON(w io.Writer, r *scoring.Result) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(r)
}
