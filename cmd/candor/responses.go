package main

import (
	"github.com/candor-app/candor/questionnaire"
	"github.com/candor-app/candor/scoring"
	"github.com/candor-app/candor/words"
)

// scoreResponse resolves resp's answers against bank b and scores them. The diagnostics
// are Resolve's (print them; with errors there is no result). Every warning among them (a
// changed bank version or digest, answers to questions the bank no longer has) is copied
// into the result's warnings, so it is reported with the result, never silently dropped
// (docs/spec.md §2).
func scoreResponse(w *words.Printer, b *questionnaire.Bank, resp *questionnaire.Response) (questionnaire.Answers, *scoring.Result, questionnaire.Diagnostics) {
	answers, ds := resp.Resolve(b)
	if ds.HasErrors() {
		for i, d := range ds {
			if d.Code == questionnaire.CodeOtherBank {
				ds[i].Hint = mismatchHintIn(w, d.Data["bank"]) // on these commands, it is --bank that chose b
			}
		}
		return nil, nil, ds
	}
	r := scoring.Score(b, answers, scoring.Options{Status: resp.ClaimedStatus(), Skipped: resp.Skipped, Declined: resp.Declined})
	addWarnings(r, ds)
	return answers, r, ds
}

// addWarnings copies the warnings among ds into r's warnings (scoring.FileWarning), once each.
func addWarnings(r *scoring.Result, ds questionnaire.Diagnostics) {
	if len(ds) == 0 {
		return
	}
	have := make(map[string]bool, len(r.Warnings))
	for _, w := range r.Warnings {
		if w.Code == scoring.FromFile {
			have[w.Text] = true
		}
	}
	for _, d := range ds.Warnings() {
		if !have[d.Summary] {
			have[d.Summary] = true
			r.Warnings = append(r.Warnings, scoring.FileWarning(d))
		}
	}
}
