package main

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/candor-app/candor/data"
	"github.com/candor-app/candor/questionnaire"
	"github.com/candor-app/candor/questionnaire/table"
	"github.com/candor-app/candor/words"
)

// advisedIn returns ds with what the command line adds to coded diagnostics, in w's
// language: the command to run or the flag to give. The packages below say only what is
// wrong and where, with a code (docs/spec.md §3, "Diagnostic codes"); the words about
// candor's commands are chosen here. ds itself is not changed (a data.Finder hands the same
// diagnostics to every caller).
func advisedIn(w *words.Printer, ds questionnaire.Diagnostics) questionnaire.Diagnostics {
	var out questionnaire.Diagnostics
	for i, d := range ds {
		hint := advice(w, d)
		if hint == d.Hint && d.Code != questionnaire.CodeFile && d.Code != data.CodeUnknownBank {
			continue
		}
		if out == nil {
			out = append(questionnaire.Diagnostics(nil), ds...)
		}
		out[i].Hint = hint
		switch d.Code {
		case questionnaire.CodeFile:
			out[i].Summary = fileProblemWords(w, d.Data) // a file that could not be read
		case data.CodeUnknownBank:
			out[i].Summary = w.T("no such file, and no built-in bank of that name")
		}
	}
	if out == nil {
		return ds
	}
	return out
}

// advice is the hint of d as the command line gives it, in w's language. The diagnostic's
// own hint (d.Hint, a bank file's diagnostic) stays as it is; candor's advice is added to it.
func advice(w *words.Printer, d questionnaire.Diagnostic) string {
	switch d.Code {
	case questionnaire.CodeWebPage:
		return w.T("a page made by `candor form` is answered in a browser (open it with a double-click); candor reads the YAML files: the bank it was made from, and the answers downloaded from it")
	case questionnaire.CodeResponseNotBank:
		return w.T("a response holds someone's answers; to see its summary, run `candor score FILE`")
	case questionnaire.CodeBankNotResponse:
		return joinHint(d.Hint, w.T("banks go to `candor take`, `candor validate` or `candor score --bank`; a response is the file `candor take` saves"))
	case questionnaire.CodeAnswersNotResponse:
		return w.T("give it to `candor take BANK --answers FILE`, which saves a response; a response is the file `candor take` saves")
	case questionnaire.CodeEmptyBank:
		return joinHint(d.Hint, w.T("`candor init FILE` writes one to start from"))
	case questionnaire.CodeRecipient:
		return w.T("a recipient is the public key `candor keys new` prints, starting with age1 (`candor keys show FILE` prints it again)")
	case questionnaire.CodePlaceholder:
		return joinHint(w.T("`candor init` put it there to start from"), d.Hint)
	case data.CodeUnknownBank:
		hint := d.Hint
		if d.Data["builtin"] != "" {
			hint = unknownBankHint(w, d.Data)
		}
		return addHint(hint, " ", w.T("(`candor list` describes them)"))
	case data.CodeBankNotFound:
		if d.Hint == "" {
			return w.T("name the bank's file with --bank FILE")
		}
	case table.CodeSameQuestion:
		return addHint(d.Hint, ", ", w.T("or leave one out with --ignore-columns"))
	case table.CodeColumn:
		return joinHint(d.Hint, w.T("map other headers with --columns, or leave the column out with --ignore-columns"))
	}
	return d.Hint
}

// joinHint puts more after hint: a new sentence after a question or a full stop, else after
// a semicolon. When one holds the other already (advised twice), that one is the hint.
func joinHint(hint, more string) string {
	switch {
	case hint == "", containsFold(more, hint):
		return more
	case containsFold(hint, more):
		return hint
	case strings.HasSuffix(hint, "?"), strings.HasSuffix(hint, "."):
		r, n := utf8.DecodeRuneInString(more)
		return hint + " " + string(unicode.ToUpper(r)) + more[n:]
	}
	return hint + "; " + more
}

// addHint puts more after hint, separated by sep, once: a hint that has it already (advised
// twice) is kept as it is.
func addHint(hint, sep, more string) string {
	if containsFold(hint, more) {
		return hint
	}
	return hint + sep + more
}

func containsFold(s, sub string) bool {
	return strings.Contains(strings.ToLower(s), strings.ToLower(sub))
}

// mismatchHintIn is the hint for a response to bank id read with another bank (score,
// compare or history given --bank), in w's language: leave --bank out for a built-in bank,
// which is found by itself; otherwise give --bank that bank's file.
func mismatchHintIn(w *words.Printer, id string) string {
	if data.IsBuiltin(id) {
		return w.T("leave out --bank: %q is built in, and candor finds it by itself", id)
	}
	return w.T("give --bank the file of the bank it answers, whose id is %q", id)
}

// resumeHintIn is the hint for resuming a response to bank id with another bank, in w's
// language: take it with its own bank (by id when built in, else by its file).
func resumeHintIn(w *words.Printer, id, file string) string {
	if data.IsBuiltin(id) {
		return w.T("resume it with its own bank: candor take %s --resume %s", id, file)
	}
	return w.T("resume it with its own bank's file (id %q): candor take BANK-FILE --resume %s", id, file)
}

// unknownBankHint names the built-in banks a mistyped BANK may have meant (data's
// CodeUnknownBank): "did you mean `x`? built-in banks: …", in w's language.
func unknownBankHint(w *words.Printer, data map[string]string) string {
	near := strings.Fields(data["near"])
	all := w.T("built-in banks: %s", strings.Join(strings.Fields(data["builtin"]), ", "))
	switch len(near) {
	case 0:
		return all
	case 1:
		return w.T("did you mean `%s`?", near[0]) + " " + all
	}
	return w.T("did you mean one of %s?", "`"+strings.Join(near, "`, `")+"`")
}
