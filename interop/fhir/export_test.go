package fhir_test

import (
	"bytes"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/candor-app/candor/data"
	"github.com/candor-app/candor/internal/testutil"
	"github.com/candor-app/candor/interop/fhir"
	"github.com/candor-app/candor/questionnaire"
	"github.com/candor-app/candor/scoring"
)

// r4Schema is the official FHIR R4 JSON schema, the part of it these resources use
// (testdata/schema/README.md).
var r4Schema = sync.OnceValues(func() (*jsonschema.Schema, error) {
	f, err := os.Open(filepath.Join("testdata", "schema", "fhir-r4-subset.schema.json"))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		return nil, err
	}
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft6)
	if err := c.AddResource("fhir.schema.json", doc); err != nil {
		return nil, err
	}
	return c.Compile("fhir.schema.json")
})

// validR4 fails the test unless src passes the R4 schema, and has what R4 requires and the
// schema does not check (testdata/schema/README.md): a status on every resource, a linkId
// on every item, a type on every Questionnaire item, a Bundle's type, and an R4 status.
func validR4(t *testing.T, src []byte) {
	t.Helper()
	sch, err := r4Schema()
	require.NoError(t, err)
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(src))
	require.NoError(t, err)
	assert.NoError(t, sch.Validate(doc))
	requiredR4(t, doc, "")
}

func requiredR4(t *testing.T, x any, resource string) {
	t.Helper()
	switch x := x.(type) {
	case []any:
		for _, y := range x {
			requiredR4(t, y, resource)
		}
	case map[string]any:
		if rt, ok := x["resourceType"].(string); ok {
			resource = rt
			switch rt {
			case "Bundle":
				assert.NotEmpty(t, x["type"], "a Bundle's type")
			default:
				assert.Contains(t, []any{"draft", "active", "retired", "unknown", "in-progress", "completed", "amended", "entered-in-error", "stopped"}, x["status"], "%s's status", rt)
			}
		}
		if items, ok := x["item"].([]any); ok {
			for _, it := range items {
				m := it.(map[string]any)
				assert.NotEmpty(t, m["linkId"], "an item's linkId")
				if resource == "Questionnaire" {
					assert.NotEmpty(t, m["type"], "an item's type")
				}
			}
		}
		for k, v := range x {
			if k != "extension" {
				requiredR4(t, v, resource)
			}
		}
	}
}

// The schema is not a stub: it refuses what R4 refuses.
func TestR4SchemaRefuses(t *testing.T) {
	sch, err := r4Schema()
	require.NoError(t, err)
	for _, src := range []string{
		`{"resourceType":"Questionnaire","status":"maybe"}`,                                            // not a status
		`{"resourceType":"Questionnaire","status":"active","item":[{"linkId":1,"type":"boolean"}]}`,    // linkId not a string
		`{"resourceType":"Questionnaire","status":"active","item":[{"linkId":"a","type":"yesno"}]}`,    // not a type
		`{"resourceType":"Questionnaire","status":"active","tags":[]}`,                                 // not a member
		`{"resourceType":"QuestionnaireResponse","status":"done"}`,                                     // not a status
		`{"resourceType":"Bundle","type":"collection","entry":[{"resource":{"resourceType":"Nope"}}]}`, // not a resource
	} {
		doc, err := jsonschema.UnmarshalJSON(bytes.NewReader([]byte(src)))
		require.NoError(t, err)
		assert.Error(t, sch.Validate(doc), src)
	}
}

// bankSkip are the parts of a loaded bank that depend on its file, not on what it says (its
// Languages, on the translations beside it).
var bankSkip = []string{"Pos", "Src", "File", "Digest", "Section", "Languages"}

// Every built-in bank exports to a Questionnaire that passes the R4 schema, and importing it
// gives back the same bank, which passes its own tests.
func TestExportRoundTripsEveryBuiltinBank(t *testing.T) {
	for _, id := range data.IDs() {
		t.Run(id, func(t *testing.T) {
			b, ds := data.LoadBank(id)
			require.False(t, ds.HasErrors(), "%v", ds)
			out, err := fhir.Export(b)
			require.NoError(t, err)
			validR4(t, out)
			f, ws, err := fhir.Import(out)
			require.NoError(t, err)
			assert.Empty(t, ws)
			y, err := f.Marshal()
			require.NoError(t, err)
			again, ds := questionnaire.Load(id+".yaml", y)
			require.False(t, ds.HasErrors(), "%v\n%s", ds, y)
			assert.Equal(t, testutil.Plain(b, bankSkip...), testutil.Plain(again, bankSkip...))
			for _, r := range scoring.RunTests(again) {
				assert.True(t, r.Pass, "test %q: %v", r.Name, r.Failures)
			}
		})
	}
}

// An export of trust-readiness, as the golden file shows it.
func TestExportGolden(t *testing.T) {
	b, ds := data.LoadBank("trust-readiness")
	require.False(t, ds.HasErrors())
	out, err := fhir.Export(b)
	require.NoError(t, err)
	testutil.Golden(t, filepath.Join("testdata", "export", "trust-readiness.json"), out)
}

// The imported PHQ-9 and GAD-7 export again to valid R4.
func TestExportImportedInstruments(t *testing.T) {
	for _, name := range []string{"phq-9.json", "gad-7.json"} {
		b, _, _ := importFile(t, name)
		out, err := fhir.Export(b)
		require.NoError(t, err)
		validR4(t, out)
	}
}
