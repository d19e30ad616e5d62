package scoring

import (
	"encoding/json"

	"github.com/candor-app/candor/questionnaire"
)

// WarningCode names the kind of a result's warning. Scoring says what it found in codes and
// data; render and the commands choose the words (docs/spec.md §3, "Warnings").
type WarningCode string

const (
	// SafetyUnanswered: question ID could raise an urgent flag and has no answer.
	SafetyUnanswered WarningCode = "safety-unanswered"
	// TooCostly: the `when` of What ("section", "question", "flag" or "outcome") ID takes
	// more work to decide than candor allows, so it was taken as not holding.
	TooCostly WarningCode = "too-costly"
	// StatusClaim: the response's file claims status Claimed, but its answers give Status:
	// Missing lists the required questions asked without an answer, and Untouched says that
	// nothing was answered or skipped (neither: every required question has an answer).
	StatusClaim WarningCode = "status-claim"
	// FromFile: found while reading the response (a changed bank, answers to questions it no
	// longer has): Text says it, in the words of the diagnostic (Diagnostic is its code).
	FromFile WarningCode = "file"
)

// Warning is one thing worth saying about a result: a code and the data to say it with.
type Warning struct {
	Code WarningCode `json:"code"`
	// ID is the question, section, flag or outcome the warning is about.
	ID string `json:"id,omitempty"`
	// What is the kind of thing ID names (TooCostly).
	What string `json:"what,omitempty"`
	// Claimed and Status are the status a file claims and the one its answers give, Missing
	// and Untouched why (StatusClaim).
	Claimed   questionnaire.Status `json:"claimed,omitempty"`
	Status    questionnaire.Status `json:"status,omitempty"`
	Missing   []string             `json:"missing,omitempty"`
	Untouched bool                 `json:"untouched,omitempty"`
	// Diagnostic is the code of the diagnostic a FromFile warning comes from ("" for none).
	Diagnostic string `json:"diagnostic,omitempty"`
	// Text is the warning in words: set for FromFile, and by whatever writes the result
	// (render.Worded) for the rest. JSON writes a warning as its Text (docs/spec.md §3).
	Text string `json:"-"`
}

// FileWarning is the FromFile warning for diagnostic d, found while reading a response.
func FileWarning(d questionnaire.Diagnostic) Warning {
	return Warning{Code: FromFile, Diagnostic: d.Code, Text: d.Summary}
}

// MarshalJSON writes w as its words (Text), as every result candor writes has them; a
// warning no one has put in words yet is written as its code and data instead.
func (w Warning) MarshalJSON() ([]byte, error) {
	if w.Text != "" {
		return json.Marshal(w.Text)
	}
	return json.Marshal(warningData(w))
}

// warningData is a Warning without its JSON methods: its code and data.
type warningData Warning

// UnmarshalJSON reads a warning as MarshalJSON writes it: words (a result candor wrote,
// which keeps only its words: Code is then empty) or its code and data.
func (w *Warning) UnmarshalJSON(b []byte) error {
	var text string
	if err := json.Unmarshal(b, &text); err == nil {
		*w = Warning{Text: text}
		return nil
	}
	return json.Unmarshal(b, (*warningData)(w))
}
