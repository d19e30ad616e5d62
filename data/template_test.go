package data_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/candor-app/candor/data"
	"github.com/candor-app/candor/questionnaire"
	"github.com/candor-app/candor/scoring"
)

// The starter bank must load without errors and pass its own tests. Its one warning is the
// placeholder source left for the counselor to fill in.
func TestTemplateValidatesAndPassesItsTests(t *testing.T) {
	b, ds := questionnaire.Load("template.yaml", data.Template("", ""))
	require.NotNil(t, b, "diagnostics: %v", ds)
	require.Len(t, ds, 1, "the template should load without errors, with one warning")
	assert.Equal(t, questionnaire.Warning, ds[0].Severity)
	assert.Contains(t, ds[0].Summary, "placeholder text")
	assert.Equal(t, questionnaire.CodePlaceholder, ds[0].Code)
	results := scoring.RunTests(b)
	require.NotEmpty(t, results)
	for _, r := range results {
		assert.True(t, r.Pass, "test %q: %v", r.Name, r.Failures)
	}
}

// The template shows every feature a counselor may want to copy.
func TestTemplateShowsEveryFeature(t *testing.T) {
	b, _ := questionnaire.Load("template.yaml", data.Template("", ""))
	require.NotNil(t, b)
	assert.NotEmpty(t, b.Intro)
	assert.NotEmpty(t, b.Outro)
	assert.NotEmpty(t, b.Sources)
	assert.NotEmpty(t, b.Choices)
	assert.NotEmpty(t, b.Sections)

	types := map[questionnaire.QuestionType]bool{}
	var help, when, optional, reverse, labels, sectionWhen, dateBound bool
	for _, sec := range b.Sections {
		sectionWhen = sectionWhen || sec.When != nil
	}
	for _, q := range b.Questions {
		types[q.Type] = true
		help = help || q.Help != ""
		when = when || q.When != nil
		optional = optional || !q.Required
		reverse = reverse || q.Reverse
		labels = labels || len(q.Labels) > 0
		dateBound = dateBound || q.MaxDate != "" || q.MinDate != ""
	}
	assert.True(t, sectionWhen, "no section with `when`")
	assert.True(t, dateBound, "no date with `min` or `max`")
	for _, ty := range []questionnaire.QuestionType{questionnaire.YesNo, questionnaire.Choice, questionnaire.Multi, questionnaire.Scale, questionnaire.Number, questionnaire.Text, questionnaire.Date, questionnaire.Info} {
		assert.True(t, types[ty], "no %s question", ty)
	}
	assert.True(t, help, "no help text")
	assert.True(t, when, "no conditional question")
	assert.True(t, optional, "no optional question")
	assert.True(t, reverse, "no reverse-keyed question")
	assert.True(t, labels, "no scale labels")

	methods := map[string]bool{}
	var weights, maxMissing, round, highlight, theme bool
	for _, s := range b.Scores {
		highlight = highlight || s.Highlight != nil
		theme = theme || s.Theme != ""
		methods[string(s.Method)] = true
		weights = weights || len(s.Weights) > 0
		maxMissing = maxMissing || s.MaxMissing > 0
		round = round || s.Round >= 0
		assert.NotEmpty(t, s.Bands, "score %s has no bands", s.ID)
	}
	for _, m := range []string{"sum", "mean", "percent"} {
		assert.True(t, methods[m], "no score with method %s", m)
	}
	assert.True(t, weights, "no weights")
	assert.True(t, maxMissing, "no max_missing")
	assert.True(t, round, "no round")
	assert.True(t, highlight, "no highlight")
	assert.True(t, theme, "no theme")

	levels := map[questionnaire.Level]bool{}
	for _, f := range b.Flags {
		levels[f.Level] = true
	}
	for _, l := range []questionnaire.Level{questionnaire.Urgent, questionnaire.Warn, questionnaire.NoteLvl} {
		assert.True(t, levels[l], "no %s flag", l)
	}
	require.NotEmpty(t, b.Outcomes)
	urgent := map[string]bool{}
	for _, f := range b.Flags {
		urgent[f.ID] = f.Level == questionnaire.Urgent
	}
	assert.True(t, scoring.NamesAny(b.Outcomes[0], urgent), "the first outcome should be the safety outcome")
	assert.Nil(t, b.Outcomes[len(b.Outcomes)-1].When, "the last outcome should be the fallback")

	// The tests cover every outcome and every flag.
	outcomes, flags := map[string]bool{}, map[string]bool{}
	for _, tc := range b.Tests {
		outcomes[tc.Expect.Outcome] = true
		for _, f := range tc.Expect.Flags {
			flags[f] = true
		}
	}
	for _, o := range b.Outcomes {
		assert.True(t, outcomes[o.ID], "no test expects outcome %s", o.ID)
	}
	for _, f := range b.Flags {
		assert.True(t, flags[f.ID], "no test raises flag %s", f.ID)
	}
}

func TestTemplateFillsInIDAndTitle(t *testing.T) {
	tests := []struct {
		name, id, title string
		wantID          string
		wantTitle       string
	}{
		{"defaults", "", "", "my-bank", "A check-in on rebuilding trust"},
		{"id only", "couples-week-one", "", "couples-week-one", "A check-in on rebuilding trust"},
		{"title with quotes and colons", "", `Week 1: "how are you?" & more`, "my-bank", `Week 1: "how are you?" & more`},
		{"both", "x", "Ünïcode title", "x", "Ünïcode title"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			b, ds := questionnaire.Load("t.yaml", data.Template(tc.id, tc.title))
			require.NotNil(t, b, "%v", ds)
			assert.Equal(t, tc.wantID, b.ID)
			assert.Equal(t, tc.wantTitle, b.Title)
		})
	}
}
