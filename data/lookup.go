package data

import (
	"fmt"
	"path"
	"sync"

	"github.com/candor-app/candor/questionnaire"
)

// Builtin loads the built-in bank id straight from the embedded banks: a file in the current
// folder that happens to share the id's name is never the built-in bank. An id that is not
// built in is an error. Each call loads afresh; a Finder loads each bank once.
func Builtin(id string) (*questionnaire.Bank, questionnaire.Diagnostics) {
	if !IsBuiltin(id) {
		return nil, questionnaire.Diagnostics{{
			Severity: questionnaire.Error,
			Pos:      questionnaire.Pos{File: id},
			Summary:  fmt.Sprintf("%q is not a built-in bank", id),
		}}
	}
	return questionnaire.LoadFS(banks, path.Join("banks", id+".yaml"))
}

// Codes of the diagnostics of finding a bank (questionnaire.Diagnostic.Code), after which a
// command may say what to type (docs/spec.md §3, "Diagnostic codes").
const (
	// CodeUnknownBank: a BANK argument that is neither a file nor a built-in bank's id.
	CodeUnknownBank = "unknown-bank"
	// CodeBankNotFound: a response to a bank that is not built in, whose file is not known
	// (Finder without Bank or Hint). Data: "bank", the id of the bank it answers.
	CodeBankNotFound = "bank-not-found"
)

// Finder finds the bank each response is read with. It is the one lookup every command uses
// ("response -> its bank"; LoadBank is "BANK argument -> bank"):
//
//   - Bank, when set (the user's --bank, or take's BANK), is used for every response;
//
//   - otherwise the built-in bank the response names, from the embedded banks, whatever files
//     the current folder holds;
//
//   - otherwise it is an error that asks for the bank's file.
//
//   - a response that records where its bank file is (`bank: {file: …}`, docs/spec.md §2) is
//     read with that file when it holds the same bank id (a changed digest is Resolve's
//     warning, as for any changed bank); otherwise the error says where it looked.
//
// The zero value is ready to use. A Finder is safe for concurrent use and loads each built-in
// bank once.
type Finder struct {
	// Bank is the bank to read every response with; nil means the one each response names.
	Bank *questionnaire.Bank
	// Hint is the hint for a response to a bank that is not built in, e.g. how to name the
	// bank's file on this command's line; nil gives none (the diagnostic's code,
	// CodeBankNotFound, lets the command say it).
	Hint func(r *questionnaire.Response) string

	loaded sync.Map // id -> *builtinOnce
}

// builtinOnce is one built-in bank, loaded the first time a response names it.
type builtinOnce struct {
	once sync.Once
	bank *questionnaire.Bank
	ds   questionnaire.Diagnostics
}

// ForResponse returns the bank to read r with, and the diagnostics of finding it: with no
// bank, at least one error; with one, any warnings of loading it, which the caller shows (they
// are never dropped). Built-in banks load clean, so in practice only errors come back.
func (f *Finder) ForResponse(r *questionnaire.Response) (*questionnaire.Bank, questionnaire.Diagnostics) {
	switch {
	case f.Bank != nil:
		return f.Bank, nil
	case IsBuiltin(r.Bank.ID):
		e := f.entry(r.Bank.ID)
		e.once.Do(func() { e.bank, e.ds = Builtin(r.Bank.ID) })
		return e.bank, e.ds
	}
	looked := ""
	if r.Bank.File != "" {
		b, ds := f.recorded(r.Bank.File)
		switch {
		case b != nil && b.ID == r.Bank.ID:
			return b, ds.Warnings()
		case b != nil:
			looked = fmt.Sprintf("; it was answered from %s, which now holds bank %q", r.Bank.File, b.ID)
		default:
			looked = fmt.Sprintf("; it was answered from %s, which cannot be read now (%s)", r.Bank.File, firstProblem(ds))
		}
	}
	pos := r.BankPos
	if pos.File == "" {
		pos.File = r.File
	}
	hint := ""
	if f.Hint != nil {
		hint = f.Hint(r)
	}
	return nil, questionnaire.Diagnostics{{
		Severity: questionnaire.Error, Pos: pos,
		Summary: fmt.Sprintf("this response answers bank %q, which is not built in%s", r.Bank.ID, looked),
		Hint:    hint,
		Code:    CodeBankNotFound,
		Data:    map[string]string{"bank": r.Bank.ID},
	}}
}

// recorded loads the bank file a response records, once per path.
func (f *Finder) recorded(path string) (*questionnaire.Bank, questionnaire.Diagnostics) {
	e := f.entry("file:" + path)
	e.once.Do(func() {
		e.bank, e.ds = questionnaire.LoadFile(path)
		if e.ds.HasErrors() {
			e.bank = nil
		}
	})
	return e.bank, e.ds
}

// firstProblem is the first error among ds, in words.
func firstProblem(ds questionnaire.Diagnostics) string {
	if e := ds.Errors(); len(e) > 0 {
		return e[0].Summary
	}
	return "it is not a bank"
}

// entry is id's bank, loaded or not; after the first response to a bank, a read without a lock.
func (f *Finder) entry(id string) *builtinOnce {
	if e, ok := f.loaded.Load(id); ok {
		return e.(*builtinOnce)
	}
	e, _ := f.loaded.LoadOrStore(id, &builtinOnce{})
	return e.(*builtinOnce)
}
