package questionnaire

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const verdictBank = `candor: 1
id: verdicts
version: 1.0.0
title: Verdicts
%s
choices:
  agree:
    - {value: 1, label: Disagree, score: 1}
    - {value: 2, label: Agree, score: 2}
questions:
  - {id: safe, text: "Safe?"}
  - {id: blame, text: Blame., choices: agree%s}
  - {id: ways, text: Ways., type: multi, choices: [{value: phone, label: Phone, score: 1}, {value: talk, label: Talk, score: 0}]%s}
  - {id: rate, text: Rate., min: 1, max: 7%s}
  - {id: note, text: Note., type: text, required: false%s}
scores:
  - id: s
    label: S
    items: [blame, rate]
    bands:
      - {max: 5, label: Low, together: true}
      - {label: High, hopeful: true}
flags:
  - {id: talky, when: blame == 2, title: Talk, text: Talk to them., together: true%s}
outcomes:
  - {id: good, when: blame == 1, title: Good, hopeful: true, together: true}
  - {id: other, title: Other}
`

func loadVerdictBank(t *testing.T, top, blame, ways, rate, note, flag string) (*Bank, Diagnostics) {
	t.Helper()
	return Load("v.yaml", []byte(fmt.Sprintf(verdictBank, top, blame, ways, rate, note, flag)))
}

// warning_sign, hopeful, together, an outro in parts and safety_open load into the model
// (docs/spec.md §1).
func TestVerdictKeysLoad(t *testing.T) {
	b, ds := loadVerdictBank(t, `outro:
  - First part.
  - {text: Together part., together: true}
  - text: |
      Last part,
      on two lines.
safety_open: {title: Wait, text: Answer the safety question first.}`,
		", warning_sign: [Agree]", ", warning_sign: [phone]", ", warning_sign: [6, 7]", "", "")
	require.NotNil(t, b, "%v", ds)
	require.False(t, ds.HasErrors(), "%v", ds)
	assert.Equal(t, []Value{2.0}, b.Question("blame").WarningSign, "a label reads as its value")
	assert.Equal(t, []Value{"phone"}, b.Question("ways").WarningSign)
	assert.Equal(t, []Value{6.0, 7.0}, b.Question("rate").WarningSign)
	assert.True(t, b.Question("ways").RaisesWarning([]any{"talk", "phone"}))
	assert.False(t, b.Question("ways").RaisesWarning([]any{"talk"}))
	assert.False(t, b.Question("rate").RaisesWarning(nil))
	assert.True(t, b.Outcome("good").Hopeful)
	assert.True(t, b.Outcome("good").Together)
	assert.False(t, b.Outcome("other").Hopeful)
	assert.True(t, b.Flag("talky").Together)
	assert.True(t, b.Score("s").Bands[0].Together)
	assert.True(t, b.Score("s").Bands[1].Hopeful)
	require.Len(t, b.OutroParts, 3)
	assert.True(t, b.OutroParts[1].Together)
	assert.Equal(t, "First part.\nTogether part.\nLast part,\non two lines.", b.Outro)
	assert.Equal(t, "First part.\nLast part,\non two lines.", b.OutroFor(true))
	require.NotNil(t, b.SafetyOpen)
	assert.Equal(t, "Wait", b.SafetyOpen.Title)
	assert.Equal(t, "Answer the safety question first.", b.SafetyOpen.Text)

	b, ds = loadVerdictBank(t, "outro: Plain closing words.", "", "", "", "", "")
	require.NotNil(t, b, "%v", ds)
	require.Len(t, b.OutroParts, 1)
	assert.Equal(t, "Plain closing words.", b.OutroFor(true))
	assert.Nil(t, b.SafetyOpen)
}

// A warning sign that is not one of the question's answers, or on a question without
// answers to choose, is an error at its place; a bad outro part or safety_open too.
func TestVerdictKeysErrors(t *testing.T) {
	for _, tc := range []struct {
		name                               string
		top, blame, ways, rate, note, flag string
		want                               string
		line                               int
	}{
		{name: "no such option", blame: ", warning_sign: [3]", want: "`warning_sign` of question \"blame\": \"3\" is not one of its answers", line: 12},
		{name: "no such multi option", ways: ", warning_sign: [mail]", want: "`warning_sign` of question \"ways\": \"mail\" is not one of its answers", line: 13},
		{name: "off the scale", rate: ", warning_sign: [8]", want: "`warning_sign` of question \"rate\": \"8\" is not one of its answers", line: 14},
		{name: "text question", note: ", warning_sign: [x]", want: "question \"note\" is a text question and cannot have a `warning_sign`", line: 15},
		{name: "a list inside", blame: ", warning_sign: [[2]]", want: "each `warning_sign` of question \"blame\" must be one answer", line: 12},
		{name: "hopeful not a boolean", flag: ", hopeful: yes", want: "unknown key `hopeful` in flag \"talky\"", line: 24},
		{name: "outro part without text", top: "outro:\n  - {together: true}", want: "missing the required key `text`", line: 6},
		{name: "outro part with an unknown key", top: "outro:\n  - {text: a, toghether: true}", want: "unknown key `toghether`", line: 6},
		{name: "safety_open without text", top: "safety_open: {title: Wait}", want: "missing the required key `text`", line: 5},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, ds := loadVerdictBank(t, tc.top, tc.blame, tc.ways, tc.rate, tc.note, tc.flag)
			require.True(t, ds.HasErrors(), "%v", ds)
			var found *Diagnostic
			for i, d := range ds {
				if d.Severity == Error && strings.Contains(d.Summary, tc.want) {
					found = &ds[i]
				}
			}
			require.NotNil(t, found, "no error %q in %v", tc.want, ds)
			assert.Equal(t, tc.line, found.Pos.Line, "%v", found)
		})
	}
}

// validate warns about a hopeful outcome nothing can hold back: no warning sign, no urgent
// flag (docs/spec.md §1).
func TestUnblockedHopefulOutcomeWarns(t *testing.T) {
	const bank = `candor: 1
id: hopeful
version: 1.0.0
title: Hopeful
questions:
  - {id: a, text: "A?"%s}
flags:
  - {id: f, when: a == false, level: %s, title: F, text: f}
outcomes:
  - {id: good, when: a == true, title: Good, hopeful: true}
  - {id: other, title: Other}
`
	for _, tc := range []struct {
		sign, level string
		warns       bool
	}{
		{"", "warning", true},
		{", warning_sign: [false]", "warning", false},
		{"", "urgent", false},
	} {
		b, ds := Load("h.yaml", []byte(fmt.Sprintf(bank, tc.sign, tc.level)))
		require.NotNil(t, b, "%v", ds)
		var found []Diagnostic
		for _, d := range ds {
			if d.Severity == Warning && strings.Contains(d.Summary, "hopeful outcome") {
				found = append(found, d)
			}
		}
		if !tc.warns {
			assert.Empty(t, found, "%+v", tc)
			continue
		}
		require.Len(t, found, 1, "%v", ds)
		assert.Equal(t, `hopeful outcome "good" can be chosen whatever the answers: no warning sign or urgent flag can hold it back`, found[0].Summary)
		assert.Equal(t, 10, found[0].Pos.Line)
	}
}
