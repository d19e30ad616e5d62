package main

import (
	"errors"
	"os"
	"path/filepath"

	"github.com/candor-app/candor/internal/text"
	"github.com/candor-app/candor/questionnaire"
	"github.com/candor-app/candor/store"
	"github.com/candor-app/candor/words"
)

// The words for what the store of saved responses (package store) reports, in each place a
// command uses it, in the person's language (w).

// storeError is err in words: said says the codes particular to the place (nil when there
// are none); the rest are said the same everywhere. An error that is not the store's is said
// as it is.
func storeError(w *words.Printer, err error, said func(*store.Error) error) error {
	var e *store.Error
	if !errors.As(err, &e) {
		return badInput("%v", err)
	}
	if said != nil {
		if out := said(e); out != nil {
			return out
		}
	}
	switch e.Code {
	case store.NoDataDir:
		return badInput("%s", w.T("cannot find your home folder to save answers in; use --save FILE"))
	case store.Locked:
		return badInput("%s", w.T("%s is open in another 'candor take' right now. Finish or stop that one first, so no answer is lost.", e.Path))
	case store.Unreadable:
		return badInput("%s", w.T("cannot read %s: %s", e.Path, fileProblem(w, e.Err)))
	}
	return badInput("%v", e.Err)
}

// saveError says why --save FILE cannot hold a new response to bankID.
func saveError(w *words.Printer, err error, bankID string) error {
	return storeError(w, err, func(e *store.Error) error {
		switch e.Code {
		case store.IsFolder:
			return badInput("%s", w.T("%s is a folder; --save needs a file name, such as %s", e.Path, filepath.Join(e.Path, bankID+".yaml")))
		case store.NotRegular:
			return badInput("%s", w.T("%s is not a regular file; --save needs a file name, such as %s", e.Path, bankID+".yaml"))
		case store.NotResponse:
			return badInput("%s", w.T("%s already exists and is not a candor response (%s); candor won't write over it. Choose another name.", e.Path, firstSummary(w, e.Diags)))
		case store.OtherBank:
			return badInput("%s", w.T("%s holds answers to %q; candor won't write answers to %q over them. Choose another name.", e.Path, e.Bank, bankID))
		case store.HoldsAnswers:
			return badInput("%s", w.T("%s already holds answers to %q; candor won't write over them. To start afresh, choose another name. To continue them, type:\n  %s", e.Path, bankID, selfCommand()+" take --resume "+shellQuote(e.Path)))
		}
		return nil
	})
}

// firstSummary is the first error among ds, in the words its summary gives.
func firstSummary(w *words.Printer, ds questionnaire.Diagnostics) string {
	if e := ds.Errors(); len(e) > 0 {
		return e[0].Summary
	}
	return w.T("it cannot be read")
}

// newFileError says why no new file can be saved in the data folder.
func newFileError(w *words.Printer, err error) error {
	return storeError(w, err, func(e *store.Error) error {
		switch e.Code {
		case store.DataDirUnusable:
			return badInput("%s", w.T("%v; use --save FILE to save elsewhere", e.Err))
		case store.NoFreeName:
			return badInput("%s", w.T("cannot find a free file name in %s; use --save FILE", e.Path))
		}
		return nil
	})
}

// resumeError says why --resume FILE cannot be continued.
func resumeError(w *words.Printer, err error) error {
	return storeError(w, err, func(e *store.Error) error {
		switch e.Code {
		case store.NotFound:
			return badInput("%s", w.T("%s: no such file, so there is nothing to resume", e.Path))
		case store.IsFolder:
			return badInput("%s", w.T("%s is a folder; --resume needs a response file", e.Path))
		case store.NotRegular:
			// A pipe would block the open for ever, past Ctrl-C; answers are saved back to a file.
			return badInput("%s", w.T("%s is not a regular file; --resume needs the response file candor take saved", e.Path))
		}
		return nil
	})
}

// sealError says why the copy of the answers in path for the counselor was not made.
func sealError(w *words.Printer, err error, path string) error {
	return storeError(w, err, func(e *store.Error) error {
		switch e.Code {
		case store.Unreadable:
			return badInput("%s", w.T("could not read %s to make the copy for your counselor: %s; your answers are still in it", e.Path, fileProblem(w, e.Err)))
		case store.NotSealed:
			return badInput("%s", w.T("could not encrypt the copy for your counselor: %v; your answers are still in %s", e.Err, path))
		case store.Failed:
			return badInput("%s", w.T("could not write the copy for your counselor to %s: %v; your answers are still in %s", e.Path, e.Err, path))
		}
		return nil
	})
}

// listError says why the saved responses cannot be listed.
func listError(w *words.Printer, err error) error {
	return storeError(w, err, func(e *store.Error) error {
		if e.Code == store.Unreadable {
			return badInput("%s", w.T("cannot read your data folder %s: %v", e.Path, e.Err))
		}
		return nil
	})
}

// findError says why a file named to 'answers delete' is not deleted.
func findError(w *words.Printer, err error) error {
	return storeError(w, err, func(e *store.Error) error {
		switch e.Code {
		case store.Ambiguous:
			return badInput("%s", w.T("%s is both in this folder and in your data folder (%s); say which with its path, such as ./%s or %s. Nothing was deleted.",
				e.Path, text.Sanitize(e.Other), e.Path, text.Sanitize(e.Other)))
		case store.NotFound:
			return badInput("%s", w.T("%s: no such file; nothing was deleted", e.Path))
		case store.Unreadable:
			return badInput("%s", w.T("cannot read %s: %s; nothing was deleted", e.Path, fileProblem(w, e.Err)))
		case store.NotRegular:
			return badInput("%s", w.T("%s is not a regular file; candor deletes only the answer files it saved. Nothing was deleted.", e.Path))
		case store.NotResponse:
			return badInput("%s", w.T("%s is not a candor answers file; candor deletes only the answer files it saved. Nothing was deleted.", e.Path))
		case store.Failed:
			return badInput("%s", w.T("cannot delete %s: %v; nothing was deleted", e.Path, e.Err))
		}
		return nil
	})
}

// deleteWords say what became of one file 'answers delete' deleted (err nil) or not.
func deleteWords(w *words.Printer, path string, err error) string {
	p := text.Sanitize(path)
	var e *store.Error
	errors.As(err, &e)
	switch {
	case err == nil:
		return w.T("Deleted %s\n", p)
	case e != nil && e.Code == store.Locked:
		return w.T("candor: %s is open in a 'candor take' right now; it was not deleted. Finish or stop that one first.\n", p)
	case e != nil && e.Code == store.Changed:
		return w.T("candor: %s was not deleted: it changed or moved while candor was asking, so it was left alone.\n", p)
	case e != nil && e.Err != nil:
		err = e.Err
	}
	return w.T("candor: could not delete %s: %v\n", p, err)
}

// folderProblem says why a folder gives no responses (store.Folder's error).
func folderProblem(w *words.Printer, err error) string {
	var e *store.Error
	if errors.As(err, &e) && e.Code == store.Empty {
		return w.T("the folder holds no response files (*.yaml, *.yml, *.age)")
	}
	return w.T("cannot read the folder: %s", describeDirError(w, errors.Unwrap(err)))
}

func describeDirError(w *words.Printer, err error) string {
	if os.IsPermission(err) {
		return w.T("permission denied")
	}
	return err.Error()
}
