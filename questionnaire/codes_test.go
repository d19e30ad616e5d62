package questionnaire

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestDiagnosticCodes: the diagnostics after which a command says what to run or type carry
// a code (and the data to say it), so that the command finds them by kind, never by their
// words or their place in a list (docs/spec.md §3, "Diagnostic codes").
func TestDiagnosticCodes(t *testing.T) {
	const bank = "candor: 1\nid: b\nversion: 1.0.0\ntitle: B\nquestions:\n  - {id: q, type: yesno, text: \"Q?\"}\n"
	loadBank := func(src string) Diagnostics { _, ds := Load("b.yaml", []byte(src)); return ds }
	readResponse := func(src string) Diagnostics { _, ds := ReadResponse("r.yaml", []byte(src)); return ds }
	cases := []struct {
		name string
		ds   Diagnostics
		code string
		data map[string]string
	}{
		{"a web page for a bank", loadBank("<!DOCTYPE html>\n<html></html>\n"), CodeWebPage, nil},
		{"a web page for a response", readResponse("<html><body></body></html>\n"), CodeWebPage, nil},
		{"a response for a bank", loadBank("candor: 1\nkind: response\nbank: {id: b}\nanswers: {q: true}\n"), CodeResponseNotBank, nil},
		{"an empty bank", loadBank("# nothing yet\n"), CodeEmptyBank, nil},
		{"a recipient that is no key", loadBank(bank + "recipients: [age1nope]\n"), CodeRecipient, nil},
		{"a bank for a response", readResponse(bank), CodeBankNotResponse, nil},
		{"a response of kind bank", readResponse("candor: 1\nkind: bank\nbank: {id: b}\nanswers: {}\n"), CodeBankNotResponse, nil},
		{"an answers file for a response", readResponse("q: yes\n"), CodeAnswersNotResponse, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			require.True(t, c.ds.HasErrors(), "%v", c.ds)
			assert.Equal(t, c.code, c.ds.Errors()[0].Code, "%v", c.ds)
			assert.Equal(t, c.data, c.ds.Errors()[0].Data)
		})
	}

	b, ds := Load("b.yaml", []byte(bank))
	require.NotNil(t, b, "%v", ds)
	resp, ds := ReadResponse("r.yaml", []byte("candor: 1\nkind: response\nbank: {id: other}\nanswers: {q: true}\n"))
	require.NotNil(t, resp, "%v", ds)
	_, ds = resp.Resolve(b)
	require.Len(t, ds, 1)
	assert.Equal(t, CodeOtherBank, ds[0].Code)
	assert.Equal(t, map[string]string{"bank": "other", "read_with": "b"}, ds[0].Data)
}
