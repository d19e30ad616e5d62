package fhir_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/candor-app/candor/interop/fhir"
	"github.com/candor-app/candor/questionnaire"
)

// Files that are odd but Questionnaires: each imports into a bank that loads without errors,
// or is refused with an Error, never a bank candor then refuses.
func TestImportOddFilesGiveValidBanks(t *testing.T) {
	many := func(n int, item string) string {
		parts := make([]string, n)
		for i := range parts {
			parts[i] = fmt.Sprintf(item, i)
		}
		return strings.Join(parts, ",")
	}
	opts := func(n int) string {
		return many(n, `{"valueCoding":{"code":"c%d","display":"Same"}}`)
	}
	tests := map[string]string{
		"duplicate linkIds":          `{"linkId":"a","type":"boolean","text":"A"},{"linkId":"a","type":"boolean","text":"B"}`,
		"reserved words":             `{"linkId":"and","type":"boolean","text":"A"},{"linkId":"sum","type":"boolean","text":"B"},{"linkId":"len","type":"boolean","text":"C"}`,
		"no linkId":                  `{"type":"boolean","text":"A"}`,
		"unicode linkId":             `{"linkId":"größe","type":"integer","text":"A"}`,
		"self condition":             `{"linkId":"a","type":"boolean","text":"A","enableWhen":[{"question":"a","operator":"exists","answerBoolean":true}]}`,
		"same labels":                `{"linkId":"a","type":"choice","text":"A","answerOption":[` + opts(3) + `]}`,
		"duplicate codes":            `{"linkId":"a","type":"choice","text":"A","answerOption":[{"valueCoding":{"code":"x","display":"X"}},{"valueCoding":{"code":"x","display":"Y"}}]}`,
		"empty codes":                `{"linkId":"a","type":"choice","text":"A","answerOption":[{"valueCoding":{"display":"X"}},{"valueCoding":{"display":"Y"}}]}`,
		"mixed values":               `{"linkId":"a","type":"choice","text":"A","answerOption":[{"valueInteger":1},{"valueString":"two"}]}`,
		"negative and decimal codes": `{"linkId":"a","type":"choice","text":"A","answerOption":[{"valueCoding":{"code":"-1"}},{"valueCoding":{"code":"2.5"}}]}`,
		"true as a code":             `{"linkId":"a","type":"choice","text":"A","answerOption":[{"valueString":"true"},{"valueString":"false"}]}`,
		"duplicate scores":           `{"linkId":"a","type":"choice","text":"A","answerOption":[{"valueCoding":{"code":"x"},"extension":[{"url":"http://hl7.org/fhir/StructureDefinition/ordinalValue","valueDecimal":1}]},{"valueCoding":{"code":"y"},"extension":[{"url":"http://hl7.org/fhir/StructureDefinition/ordinalValue","valueDecimal":1}]}]}`,
		"an option with no value":    `{"linkId":"a","type":"choice","text":"A","answerOption":[{},{"valueString":"b"}]}`,
		"one option":                 `{"linkId":"a","type":"choice","text":"A","answerOption":[{"valueString":"only"}]}`,
		"many options":               `{"linkId":"a","type":"choice","text":"A","answerOption":[` + opts(1200) + `]}`,
		"min over max":               `{"linkId":"a","type":"integer","text":"A","extension":[{"url":"http://hl7.org/fhir/StructureDefinition/minValue","valueInteger":9},{"url":"http://hl7.org/fhir/StructureDefinition/maxValue","valueInteger":1}]}`,
		"date bound not a date":      `{"linkId":"a","type":"date","text":"A","extension":[{"url":"http://hl7.org/fhir/StructureDefinition/minValue","valueDate":"2026"}]}`,
		"integer bound on a date":    `{"linkId":"a","type":"date","text":"A","extension":[{"url":"http://hl7.org/fhir/StructureDefinition/minValue","valueInteger":3}]}`,
		"date bound on a number":     `{"linkId":"a","type":"decimal","text":"A","extension":[{"url":"http://hl7.org/fhir/StructureDefinition/minValue","valueDate":"2026-01-01"}]}`,
		"empty group":                `{"linkId":"g","type":"group","text":"G"},{"linkId":"a","type":"boolean","text":"A"}`,
		"group of displays":          `{"linkId":"g","type":"group","item":[{"linkId":"d","type":"display","text":"D"}]}`,
		"only displays":              `{"linkId":"d","type":"display","text":"D"}`,
		"long text":                  `{"linkId":"a","type":"boolean","text":"` + strings.Repeat("word ", 20000) + `"}`,
		"total of nothing":           `{"linkId":"a","type":"string","text":"A"},{"linkId":"t","type":"integer","text":"T","calculationMethod":{"name":"TOTALSCORE"}}`,
		"total over a text":          `{"linkId":"a","type":"string","text":"A"},{"linkId":"t","type":"decimal","text":"T","extension":[{"url":"http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-calculatedExpression","valueExpression":{"language":"text/fhirpath","expression":"%resource.item.where(linkId='a').answer.value.ordinal()"}}]}`,
		"condition on a total":       `{"linkId":"a","type":"integer","text":"A"},{"linkId":"t","type":"integer","text":"T","calculationMethod":{"name":"TOTALSCORE"}},{"linkId":"b","type":"boolean","text":"B","enableWhen":[{"question":"t","operator":">","answerInteger":1}]}`,
		"many questions":             many(5100, `{"linkId":"q%d","type":"boolean","text":"Q"}`),
		"many groups":                many(1100, `{"linkId":"g%d","type":"group","item":[{"linkId":"q%d","type":"boolean","text":"Q"}]}`),
		"condition on a display":     `{"linkId":"d","type":"display","text":"D"},{"linkId":"a","type":"boolean","text":"A","enableWhen":[{"question":"d","operator":"exists","answerBoolean":true}]}`,
		"a string compared in order": `{"linkId":"a","type":"string","text":"A"},{"linkId":"b","type":"boolean","text":"B","enableWhen":[{"question":"a","operator":">","answerString":"m"}]}`,
		"a date in a bad shape":      `{"linkId":"a","type":"date","text":"A"},{"linkId":"b","type":"boolean","text":"B","enableWhen":[{"question":"a","operator":">","answerDate":"2026"}]}`,
		"a choice compared as int":   `{"linkId":"a","type":"choice","text":"A","answerOption":[{"valueInteger":1},{"valueInteger":2}]},{"linkId":"b","type":"boolean","text":"B","enableWhen":[{"question":"a","operator":">","answerInteger":1}]}`,
		"an id choice in order":      `{"linkId":"a","type":"choice","text":"A","answerOption":[{"valueString":"x"},{"valueString":"y"}]},{"linkId":"b","type":"boolean","text":"B","enableWhen":[{"question":"a","operator":">=","answerString":"x"}]}`,
		"a bool compared in order":   `{"linkId":"a","type":"boolean","text":"A"},{"linkId":"b","type":"boolean","text":"B","enableWhen":[{"question":"a","operator":">","answerBoolean":true}]}`,
		"nested group conditions":    `{"linkId":"a","type":"boolean","text":"A"},{"linkId":"g","type":"group","enableWhen":[{"question":"a","operator":"exists","answerBoolean":true}],"item":[{"linkId":"h","type":"group","enableWhen":[{"question":"a","operator":"=","answerBoolean":true}],"item":[{"linkId":"b","type":"boolean","text":"B","enableWhen":[{"question":"a","operator":"=","answerBoolean":false}],"enableBehavior":"any"}]}]}`,
		"bad candor extensions":      `{"linkId":"a","type":"boolean","text":"A","extension":[{"url":"https://candor-app.github.io/candor/fhir/StructureDefinition/when","valueString":"nope ="},{"url":"https://candor-app.github.io/candor/fhir/StructureDefinition/warning-sign","valueString":"[3]"}]}`,
	}
	for name, items := range tests {
		t.Run(name, func(t *testing.T) {
			src := []byte(`{"resourceType":"Questionnaire","title":"T","status":"active","item":[` + items + `]}`)
			b, _, err := fhir.Import(src)
			if err != nil {
				var fe *fhir.Error
				require.ErrorAs(t, err, &fe)
				return
			}
			y, err := b.Marshal()
			require.NoError(t, err)
			_, ds := questionnaire.Load("odd.yaml", y)
			require.False(t, ds.HasErrors(), "%v", ds.Errors())
		})
	}
}

// An export edited so that candor's own extensions no longer make a valid bank imports as a
// file from any other tool, with a warning that says why.
func TestImportIgnoresBrokenOwnExtensions(t *testing.T) {
	src := []byte(`{"resourceType":"Questionnaire","title":"T","status":"active",
	  "extension":[{"url":"https://candor-app.github.io/candor/fhir/StructureDefinition/flags","valueString":"[{\"id\":\"f\",\"when\":\"nope ==\",\"title\":\"F\"}]"}],
	  "item":[{"linkId":"a","type":"boolean","text":"A","required":true}]}`)
	b, ws, err := fhir.Import(src)
	require.NoError(t, err)
	require.Empty(t, b.Flags)
	require.Len(t, b.Questions, 1)
	require.NotEmpty(t, ws)
	last := ws[len(ws)-1]
	require.Equal(t, fhir.WarnOwn, last.Code)
	require.Contains(t, last.Detail, "flag \"f\"")
}

// The same holds for candor's own extensions on an item alone (an export of a bank with no
// scores, flags or outcomes has none at the top): a broken `when` there is left out, warned.
func TestImportIgnoresBrokenOwnItemExtensions(t *testing.T) {
	src := []byte(`{"resourceType":"Questionnaire","title":"T","status":"active","item":[
	  {"linkId":"a","type":"boolean","text":"A","required":true},
	  {"linkId":"b","type":"boolean","text":"B",
	   "extension":[{"url":"https://candor-app.github.io/candor/fhir/StructureDefinition/when","valueString":"nosuch == true"}]}]}`)
	b, ws, err := fhir.Import(src)
	require.NoError(t, err)
	require.Len(t, b.Questions, 2)
	require.Empty(t, b.Questions[1].When)
	require.NotEmpty(t, ws)
	last := ws[len(ws)-1]
	require.Equal(t, fhir.WarnOwn, last.Code)
	require.Contains(t, last.Detail, "nosuch")
}

// Bounds of the wrong kind, or the wrong way round, are not kept, with a warning.
func TestImportBounds(t *testing.T) {
	src := []byte(`{"resourceType":"Questionnaire","title":"T","status":"active","item":[
	  {"linkId":"a","type":"integer","text":"A","extension":[{"url":"http://hl7.org/fhir/StructureDefinition/minValue","valueInteger":9},{"url":"http://hl7.org/fhir/StructureDefinition/maxValue","valueInteger":1}]},
	  {"linkId":"b","type":"integer","text":"B","extension":[{"url":"http://hl7.org/fhir/StructureDefinition/minValue","valueInteger":1},{"url":"http://hl7.org/fhir/StructureDefinition/maxValue","valueInteger":9}]}]}`)
	b, ws, err := fhir.Import(src)
	require.NoError(t, err)
	require.Nil(t, b.Questions[0].Min)
	require.Equal(t, 1.0, b.Questions[1].Min)
	require.Equal(t, []fhir.Warning{{Code: fhir.WarnVersion, Pointer: "/version", Detail: "1.0.0"}, {Code: fhir.WarnBounds, Pointer: "/item/0"}}, ws)
}
