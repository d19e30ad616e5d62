package data_test

import (
	"os"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/candor-app/candor/data"
	"github.com/candor-app/candor/questionnaire"
)

const impostor = `candor: 1
id: trust-readiness
version: 1.0.0
title: IMPOSTOR
questions:
  - id: feel_safe
    type: yesno
    text: Impostor?
`

// plantImpostor makes the test's working folder hold files named like the default bank.
func plantImpostor(t *testing.T) {
	t.Chdir(t.TempDir())
	for _, name := range []string{data.DefaultBank, data.DefaultBank + ".yaml"} {
		require.NoError(t, os.WriteFile(name, []byte(impostor), 0o600))
	}
}

func TestFinderNeverReadsTheWorkingFolder(t *testing.T) {
	plantImpostor(t)
	resp := &questionnaire.Response{Bank: questionnaire.BankRef{ID: data.DefaultBank}, File: "r.yaml"}
	b, ds := (&data.Finder{}).ForResponse(resp)
	require.NotNil(t, b, "%v", ds)
	assert.Empty(t, ds)
	assert.NotEqual(t, "IMPOSTOR", b.Title)
	b, _ = data.Builtin(data.DefaultBank)
	require.NotNil(t, b)
	assert.NotEqual(t, "IMPOSTOR", b.Title)

	// The BANK argument names the file on purpose: that is the file (so the impostor loads).
	b, ds = data.LoadBank(data.DefaultBank)
	require.NotNil(t, b, "%v", ds)
	assert.Equal(t, "IMPOSTOR", b.Title)
}

func TestFinderUsesTheBankGiven(t *testing.T) {
	own := &questionnaire.Bank{ID: "own"}
	resp := &questionnaire.Response{Bank: questionnaire.BankRef{ID: data.DefaultBank}}
	b, ds := (&data.Finder{Bank: own}).ForResponse(resp)
	assert.Same(t, own, b)
	assert.Empty(t, ds)
}

func TestFinderAsksForTheFileOfABankNotBuiltIn(t *testing.T) {
	resp := &questionnaire.Response{Bank: questionnaire.BankRef{ID: "mine"}, File: "r.yaml",
		BankPos: questionnaire.Pos{File: "r.yaml", Line: 3, Col: 12}}
	b, ds := (&data.Finder{}).ForResponse(resp)
	assert.Nil(t, b)
	require.Len(t, ds, 1)
	assert.Equal(t, questionnaire.Pos{File: "r.yaml", Line: 3, Col: 12}, ds[0].Pos)
	assert.Equal(t, `this response answers bank "mine", which is not built in`, ds[0].Summary)
	assert.Empty(t, ds[0].Hint, "the command says how to name the file")
	assert.Equal(t, data.CodeBankNotFound, ds[0].Code)
	assert.Equal(t, map[string]string{"bank": "mine"}, ds[0].Data)

	f := &data.Finder{Hint: func(r *questionnaire.Response) string { return "bank for " + r.File }}
	_, ds = f.ForResponse(resp)
	require.Len(t, ds, 1)
	assert.Equal(t, "bank for r.yaml", ds[0].Hint)

	// No position: the response's file.
	_, ds = (&data.Finder{}).ForResponse(&questionnaire.Response{Bank: questionnaire.BankRef{ID: "../x"}, File: "q.yaml"})
	require.Len(t, ds, 1)
	assert.Equal(t, "q.yaml", ds[0].Pos.File)
}

func TestFinderLoadsEachBuiltinBankOnce(t *testing.T) {
	f := &data.Finder{}
	ids := data.IDs()
	got := make([][]*questionnaire.Bank, 8)
	var wg sync.WaitGroup
	for g := range got {
		wg.Go(func() {
			for _, id := range ids {
				b, ds := f.ForResponse(&questionnaire.Response{Bank: questionnaire.BankRef{ID: id}})
				assert.Empty(t, ds, id)
				got[g] = append(got[g], b)
			}
		})
	}
	wg.Wait()
	for g := range got {
		for i, id := range ids {
			require.NotNil(t, got[g][i], id)
			assert.Equal(t, id, got[g][i].ID)
			assert.Same(t, got[0][i], got[g][i], "%s loaded twice", id)
		}
	}
}

func TestBuiltinRefusesAnIDNotBuiltIn(t *testing.T) {
	for _, id := range []string{"mine", "../banks/trust-readiness", "Trust-Readiness"} {
		b, ds := data.Builtin(id)
		assert.Nil(t, b, id)
		assert.True(t, ds.HasErrors(), id)
	}
}
