package fhir_test

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/candor-app/candor/internal/testutil"
	"github.com/candor-app/candor/interop/fhir"
	"github.com/candor-app/candor/questionnaire"
	"github.com/candor-app/candor/scoring"
)

// importFile imports a file of testdata and loads the bank it gives, which must have no
// errors.
func importFile(t *testing.T, name string) (*questionnaire.Bank, []byte, []fhir.Warning) {
	t.Helper()
	src, err := os.ReadFile(filepath.Join("testdata", name))
	require.NoError(t, err)
	return importBytes(t, src)
}

func importBytes(t *testing.T, src []byte) (*questionnaire.Bank, []byte, []fhir.Warning) {
	t.Helper()
	f, ws, err := fhir.Import(src)
	require.NoError(t, err)
	y, err := f.Marshal()
	require.NoError(t, err)
	b, ds := questionnaire.Load("imported.yaml", y)
	require.False(t, ds.HasErrors(), "%v\n%s", ds, y)
	return b, y, ws
}

func warningLines(ws []fhir.Warning) string {
	var sb strings.Builder
	for _, w := range ws {
		fmt.Fprintf(&sb, "%s %s %s\n", w.Pointer, w.Code, w.Detail)
	}
	return sb.String()
}

// The published LOINC PHQ-9 and GAD-7 (reconstructed from their LOINC structure, see
// testdata/README.md) import into the banks of the golden files, with these warnings.
func TestImportPublishedInstruments(t *testing.T) {
	for _, name := range []string{"phq-9", "gad-7"} {
		t.Run(name, func(t *testing.T) {
			_, y, ws := importFile(t, name+".json")
			testutil.Golden(t, filepath.Join("testdata", "import", name+".yaml"), y)
			testutil.Golden(t, filepath.Join("testdata", "import", name+".warnings"), []byte(warningLines(ws)))
		})
	}
}

// paperValue is how the paper PHQ-9 and GAD-7 score each answer to an item (the same four
// answers, LOINC answer list LL358-3, 0 to 3); the total is their sum, 0 to 27 for the
// PHQ-9's nine items, 0 to 21 for the GAD-7's seven.
var paperValue = map[string]float64{
	"Not at all": 0, "Several days": 1, "More than half the days": 2, "Nearly every day": 3,
}

// paperByLOINC is paperValue by the answers' LOINC codes.
var paperByLOINC = map[string]float64{"LA6568-5": 0, "LA6569-3": 1, "LA6570-1": 2, "LA6571-9": 3}

// paperTotal is the total the paper instrument gives answers, each a key of values.
func paperTotal(t *testing.T, values map[string]float64, answers []string) float64 {
	t.Helper()
	var sum float64
	for _, a := range answers {
		v, ok := values[a]
		require.True(t, ok, "the paper form has no answer %s", a)
		sum += v
	}
	return sum
}

// The imported PHQ-9 and GAD-7 (the reconstructions) score a set of cases exactly as the
// paper instruments do: each answer chosen by its LOINC code, the total the paper's sum.
func TestImportedInstrumentsScoreAsOnPaper(t *testing.T) {
	const (
		none  = "LA6568-5"
		some  = "LA6569-3"
		half  = "LA6570-1"
		daily = "LA6571-9"
	)
	cases := map[string][][]string{
		"phq-9": {
			{none, none, none, none, none, none, none, none, none},
			{daily, daily, daily, daily, daily, daily, daily, daily, daily},
			{some, half, none, daily, some, none, half, some, none},
			{half, half, half, half, some, some, some, none, daily},
		},
		"gad-7": {
			{none, none, none, none, none, none, none},
			{daily, daily, daily, daily, daily, daily, daily},
			{some, half, none, daily, some, none, half},
		},
	}
	for name, sets := range cases {
		b, _, _ := importFile(t, name+".json")
		require.Len(t, b.Scores, 1, name)
		total := b.Scores[0]
		for i, codes := range sets {
			t.Run(fmt.Sprintf("%s/%d", name, i), func(t *testing.T) {
				require.Len(t, total.Items, len(codes))
				answers := questionnaire.Answers{}
				for j, q := range total.Items {
					answers[q.ID] = optionByCode(t, q, codes[j]).Value
				}
				r := scoring.Score(b, answers, scoring.Options{})
				require.NotNil(t, r.Scores[0].Value)
				assert.Equal(t, paperTotal(t, paperByLOINC, codes), *r.Scores[0].Value)
			})
		}
	}
}

// published is HL7's SDC PHQ-9, as published (testdata/published/README.md).
const published = "published/Questionnaire-questionnaire-sdc-profile-example-PHQ9.json"

// fileWeights reads the answers' weights the published PHQ-9 gives, label by label, from
// its contained ValueSet's expansion.
func fileWeights(t *testing.T) map[string]float64 {
	t.Helper()
	src, err := os.ReadFile(filepath.Join("testdata", published))
	require.NoError(t, err)
	var doc struct {
		Contained []struct {
			Expansion struct {
				Contains []struct {
					Display   string
					Extension []struct {
						Extension []struct {
							URL          string
							ValueCode    string
							ValueDecimal *float64
						}
					}
				}
			}
		}
	}
	require.NoError(t, json.Unmarshal(src, &doc))
	require.Len(t, doc.Contained, 1)
	weights := map[string]float64{}
	for _, c := range doc.Contained[0].Expansion.Contains {
		for _, e := range c.Extension {
			for _, sub := range e.Extension {
				if sub.ValueDecimal != nil {
					weights[c.Display] = *sub.ValueDecimal
				}
			}
		}
	}
	require.Len(t, weights, 4)
	return weights
}

// HL7's published SDC PHQ-9 imports (its answers from its contained ValueSet, its total from
// its calculatedExpression) into a bank that passes validation, and scores a set of cases as
// its own weights say: as the paper PHQ-9 does for every answer but "Nearly every day", which
// the file weighs 4 where the paper scores 3 (testdata/published/README.md). Import keeps the
// file's scores; it corrects none.
func TestPublishedInstruments(t *testing.T) {
	b, y, ws := importFile(t, published)
	testutil.Golden(t, filepath.Join("testdata", "import", "sdc-phq-9.yaml"), y)
	testutil.Golden(t, filepath.Join("testdata", "import", "sdc-phq-9.warnings"), []byte(warningLines(ws)))
	require.Len(t, b.Scores, 1)
	total := b.Scores[0]
	require.NotNil(t, total.Code)
	assert.Equal(t, "44261-6", total.Code.Code)
	require.Len(t, total.Items, 9)

	weights := fileWeights(t)
	var differ []string
	for label, v := range paperValue {
		if weights[label] != v {
			differ = append(differ, label)
		}
	}
	assert.Equal(t, []string{"Nearly every day"}, differ, "the answers the published file scores otherwise than the paper")

	const (
		none  = "Not at all"
		some  = "Several days"
		half  = "More than half the days"
		daily = "Nearly every day"
	)
	cases := [][]string{
		{none, none, none, none, none, none, none, none, none},
		{some, some, some, some, some, some, some, some, some},
		{half, half, half, half, half, half, half, half, half},
		{some, half, none, none, some, none, half, some, none},
		{daily, daily, daily, daily, daily, daily, daily, daily, daily},
		// the answers of the package's QuestionnaireResponse example
		{none, none, none, some, half, some, daily, half, some},
	}
	for i, labels := range cases {
		t.Run(strconv.Itoa(i), func(t *testing.T) {
			answers := questionnaire.Answers{}
			for j, q := range total.Items {
				answers[q.ID] = optionByLabel(t, q, labels[j]).Value
			}
			r := scoring.Score(b, answers, scoring.Options{})
			require.NotNil(t, r.Scores[0].Value)
			got := *r.Scores[0].Value
			assert.Equal(t, paperTotal(t, weights, labels), got, "the file's own total")
			if !slices.Contains(labels, daily) {
				assert.Equal(t, paperTotal(t, paperValue, labels), got, "the paper PHQ-9's total")
			} else {
				assert.Greater(t, got, paperTotal(t, paperValue, labels), "the file weighs %q above the paper", daily)
			}
		})
	}
}

func optionByLabel(t *testing.T, q *questionnaire.Question, label string) *questionnaire.Option {
	t.Helper()
	for _, o := range q.Options {
		if o.Label == label {
			return o
		}
	}
	t.Fatalf("question %s has no option %q", q.ID, label)
	return nil
}

func optionByCode(t *testing.T, q *questionnaire.Question, code string) *questionnaire.Option {
	t.Helper()
	for _, o := range q.Options {
		if o.Code != nil && o.Code.Code == code {
			return o
		}
	}
	t.Fatalf("question %s has no option coded %s", q.ID, code)
	return nil
}

// questionnaire wraps items (JSON) in a Questionnaire.
func questionnaireOf(items string) []byte {
	return []byte(`{"resourceType":"Questionnaire","id":"t","title":"T","version":"1.0.0","status":"active","item":[` + items + `]}`)
}

const (
	yesNo    = `{"linkId":"a","text":"A?","type":"boolean","required":true}`
	num      = `{"linkId":"n","text":"N?","type":"integer","required":true}`
	pick     = `{"linkId":"c","text":"C?","type":"choice","required":true,"answerOption":[{"valueCoding":{"code":"x","display":"X"}},{"valueCoding":{"code":"y","display":"Y"}}]}`
	picks    = `{"linkId":"m","text":"M?","type":"choice","repeats":true,"required":true,"answerOption":[{"valueString":"red"},{"valueString":"blue"}]}`
	dateItem = `{"linkId":"d","text":"D?","type":"date","required":true}`
)

func follow(cond string) string {
	return `{"linkId":"f","text":"F?","type":"string",` + cond + `}`
}

// Every enableWhen operator, and enableBehavior all and any, become the `when` shown; what
// cannot be said is warned about.
func TestImportEnableWhen(t *testing.T) {
	tests := []struct {
		name, items, when, warn string
	}{
		{"exists", yesNo + `,` + follow(`"enableWhen":[{"question":"a","operator":"exists","answerBoolean":true}]`), "a != nil", ""},
		{"not exists", yesNo + `,` + follow(`"enableWhen":[{"question":"a","operator":"exists","answerBoolean":false}]`), "a == nil", ""},
		{"boolean =", yesNo + `,` + follow(`"enableWhen":[{"question":"a","operator":"=","answerBoolean":false}]`), "a == false", ""},
		{"boolean !=", yesNo + `,` + follow(`"enableWhen":[{"question":"a","operator":"!=","answerBoolean":true}]`), "a != true", ""},
		{"integer >", num + `,` + follow(`"enableWhen":[{"question":"n","operator":">","answerInteger":3}]`), "n > 3", ""},
		{"integer <", num + `,` + follow(`"enableWhen":[{"question":"n","operator":"<","answerInteger":3}]`), "n < 3", ""},
		{"decimal >=", num + `,` + follow(`"enableWhen":[{"question":"n","operator":">=","answerDecimal":2.5}]`), "n >= 2.5", ""},
		{"decimal <=", num + `,` + follow(`"enableWhen":[{"question":"n","operator":"<=","answerDecimal":2.5}]`), "n <= 2.5", ""},
		{"coding =", pick + `,` + follow(`"enableWhen":[{"question":"c","operator":"=","answerCoding":{"code":"y"}}]`), `c == "y"`, ""},
		{"string in multi", picks + `,` + follow(`"enableWhen":[{"question":"m","operator":"=","answerString":"blue"}]`), `"blue" in m`, ""},
		{"string not in multi", picks + `,` + follow(`"enableWhen":[{"question":"m","operator":"!=","answerString":"blue"}]`), `not ("blue" in m)`, ""},
		{"date", dateItem + `,` + follow(`"enableWhen":[{"question":"d","operator":">","answerDate":"2026-01-01"}]`), `d > date("2026-01-01")`, ""},
		{"all", yesNo + `,` + num + `,` + follow(`"enableWhen":[{"question":"a","operator":"=","answerBoolean":true},{"question":"n","operator":">","answerInteger":1}],"enableBehavior":"all"`), "(a == true) and (n > 1)", ""},
		{"any", yesNo + `,` + num + `,` + follow(`"enableWhen":[{"question":"a","operator":"=","answerBoolean":true},{"question":"n","operator":">","answerInteger":1}],"enableBehavior":"any"`), "(a == true) or (n > 1)", ""},
		{"unknown question", yesNo + `,` + follow(`"enableWhen":[{"question":"zz","operator":"exists","answerBoolean":true}]`), "", "/item/1/enableWhen/0 condition unknown-question"},
		{"later question", follow(`"enableWhen":[{"question":"a","operator":"exists","answerBoolean":true}]`) + `,` + yesNo, "", "/item/0/enableWhen/0 condition unknown-question"},
		{"not an option", pick + `,` + follow(`"enableWhen":[{"question":"c","operator":"=","answerCoding":{"code":"nope"}}]`), "", "/item/1/enableWhen/0 condition answer"},
		{"order on a choice of ids", pick + `,` + follow(`"enableWhen":[{"question":"c","operator":">","answerCoding":{"code":"x"}}]`), "", "/item/1/enableWhen/0 condition operator"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, _, ws := importBytes(t, questionnaireOf(tt.items))
			q := b.Question("f")
			require.NotNil(t, q)
			if tt.when == "" {
				assert.Nil(t, q.When)
			} else {
				require.NotNil(t, q.When)
				assert.Equal(t, tt.when, q.When.Source)
			}
			got := warningLines(ws)
			if tt.warn != "" {
				assert.Contains(t, got, tt.warn+"\n")
			} else {
				assert.NotContains(t, got, " condition ")
			}
		})
	}
}

// Each item type, the answers' scores (R4 ordinalValue, R5 itemWeight), totals (variables,
// direct sums, TOTALSCORE) and what is not kept, as the golden bank and warnings say.
func TestImportMappings(t *testing.T) {
	entries, err := os.ReadDir(filepath.Join("testdata", "mappings"))
	require.NoError(t, err)
	for _, e := range entries {
		name, ok := strings.CutSuffix(e.Name(), ".json")
		if !ok {
			continue
		}
		t.Run(name, func(t *testing.T) {
			_, y, ws := importFile(t, filepath.Join("mappings", e.Name()))
			testutil.Golden(t, filepath.Join("testdata", "mappings", name+".yaml"), y)
			testutil.Golden(t, filepath.Join("testdata", "mappings", name+".warnings"), []byte(warningLines(ws)))
		})
	}
}

// Bad input is one error each, with its pointer.
func TestImportRefuses(t *testing.T) {
	deep := strings.Repeat(`{"item":[`, 60) + strings.Repeat(`]}`, 60)
	tests := []struct {
		name, src string
		want      fhir.Error
	}{
		{"not json", `{"resourceType": "Questionnaire",`, fhir.Error{Code: fhir.ErrNotJSON}},
		{"yaml", "resourceType: Questionnaire\n", fhir.Error{Code: fhir.ErrNotJSON}},
		{"a patient", `{"resourceType":"Patient"}`, fhir.Error{Code: fhir.ErrNotQuestionnaire, Pointer: "/resourceType", Detail: "Patient"}},
		{"no resourceType", `{"item":[]}`, fhir.Error{Code: fhir.ErrNotQuestionnaire, Pointer: "/resourceType"}},
		{"a bundle", `{"resourceType":"Bundle","entry":[{"resource":{"resourceType":"Questionnaire"}},{"resource":{"resourceType":"Patient"}}]}`,
			fhir.Error{Code: fhir.ErrBundle, Detail: "Questionnaire, Patient"}},
		{"deep", `{"resourceType":"Questionnaire","item":[` + deep + `]}`, fhir.Error{Code: fhir.ErrTooDeep}},
		{"required as text", `{"resourceType":"Questionnaire","item":[{"linkId":"a","type":"boolean","required":"yes"}]}`,
			fhir.Error{Code: fhir.ErrShape, Pointer: "/item/0/required", Detail: "true or false"}},
		{"item not a list", `{"resourceType":"Questionnaire","item":{"linkId":"a"}}`, fhir.Error{Code: fhir.ErrShape, Pointer: "/item", Detail: "a list"}},
		{"no questions", `{"resourceType":"Questionnaire","item":[{"linkId":"a","type":"attachment"}]}`, fhir.Error{Code: fhir.ErrNoQuestions, Pointer: "/item"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, _, err := fhir.Import([]byte(tt.src))
			assert.Nil(t, b)
			var fe *fhir.Error
			require.ErrorAs(t, err, &fe)
			assert.Equal(t, tt.want.Code, fe.Code)
			if tt.want.Code == fhir.ErrTooDeep || tt.want.Code == fhir.ErrNotJSON {
				return
			}
			assert.Equal(t, tt.want.Pointer, fe.Pointer)
			assert.Equal(t, tt.want.Detail, fe.Detail)
		})
	}
}
