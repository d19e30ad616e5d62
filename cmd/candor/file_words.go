package main

import (
	"errors"
	"strconv"

	"github.com/candor-app/candor/questionnaire"
	"github.com/candor-app/candor/words"
)

// fileProblem says in w's words why a file could not be read (a *questionnaire.FileError),
// or err as it is.
func fileProblem(w *words.Printer, err error) string {
	var fe *questionnaire.FileError
	if errors.As(err, &fe) {
		return fileProblemWords(w, fe.Data())
	}
	return err.Error()
}

// fileProblemWords says a FileError's data (a CodeFile diagnostic's) in w's words.
func fileProblemWords(w *words.Printer, data map[string]string) string {
	switch questionnaire.FileProblem(data["problem"]) {
	case questionnaire.FileNotFound:
		return w.T("no such file")
	case questionnaire.FileForbidden:
		return w.T("permission denied: candor may not read this file")
	case questionnaire.FileNotRegular:
		return w.T("%s is not a regular file (it is a device, pipe or socket); candor reads banks and responses from files", data["path"])
	case questionnaire.FileIsFolder:
		return w.T("%s is a folder, not a file", data["path"])
	case questionnaire.FileTooLarge:
		limit, _ := strconv.Atoi(data["limit"])
		if data["sealed"] != "" {
			return w.T("the file is larger than %d MiB; candor reads encrypted responses of at most that size", limit)
		}
		return w.T("the file is larger than %d MiB; candor reads banks and responses of at most that size", limit)
	case questionnaire.FileUnreadable:
	}
	return w.T("cannot read the file: %s", data["error"])
}
