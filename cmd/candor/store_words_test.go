package main

import (
	"errors"
	"os"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/candor-app/candor/store"
	"github.com/candor-app/candor/words"
)

// TestStoreWords: each code the store reports is said in the words of the place it happens;
// the codes no place has words of its own for are said the same everywhere.
func TestStoreWords(t *testing.T) {
	cause := errors.New("permission denied")
	e := func(c store.Code) *store.Error {
		return &store.Error{Code: c, Path: "r.yaml", Err: cause, Bank: "other", Other: "/data/r.yaml"}
	}
	var en *words.Printer // English
	save := func(err error) error { return saveError(en, err, "trust-readiness") }
	seal := func(err error) error { return sealError(en, err, "r.yaml") }
	newFile := func(err error) error { return newFileError(en, err) }
	resume := func(err error) error { return resumeError(en, err) }
	list := func(err error) error { return listError(en, err) }
	find := func(err error) error { return findError(en, err) }
	for _, tc := range []struct {
		name string
		said func(error) error
		code store.Code
		want string
	}{
		{"save folder", save, store.IsFolder, "r.yaml is a folder; --save needs a file name, such as r.yaml/trust-readiness.yaml"},
		{"save device", save, store.NotRegular, "r.yaml is not a regular file; --save needs a file name, such as trust-readiness.yaml"},
		{"save other bank", save, store.OtherBank, `r.yaml holds answers to "other"; candor won't write answers to "trust-readiness" over them. Choose another name.`},
		{"save not a response", save, store.NotResponse, "r.yaml already exists and is not a candor response (it cannot be read); candor won't write over it. Choose another name."},
		{"save holds answers", save, store.HoldsAnswers, "r.yaml already holds answers to \"trust-readiness\"; candor won't write over them. To start afresh, choose another name. To continue them, type:\n  candor take --resume r.yaml"},
		{"save locked", save, store.Locked, "r.yaml is open in another 'candor take' right now. Finish or stop that one first, so no answer is lost."},
		{"save unreadable", save, store.Unreadable, "cannot read r.yaml: permission denied"},
		{"save failed", save, store.Failed, "permission denied"},
		{"new, no data folder", newFile, store.NoDataDir, "cannot find your home folder to save answers in; use --save FILE"},
		{"new, data folder unusable", newFile, store.DataDirUnusable, "permission denied; use --save FILE to save elsewhere"},
		{"new, no free name", newFile, store.NoFreeName, "cannot find a free file name in r.yaml; use --save FILE"},
		{"resume missing", resume, store.NotFound, "r.yaml: no such file, so there is nothing to resume"},
		{"resume folder", resume, store.IsFolder, "r.yaml is a folder; --resume needs a response file"},
		{"resume device", resume, store.NotRegular, "r.yaml is not a regular file; --resume needs the response file candor take saved"},
		{"resume locked", resume, store.Locked, "r.yaml is open in another 'candor take' right now. Finish or stop that one first, so no answer is lost."},
		{"seal unreadable", seal, store.Unreadable, "could not read r.yaml to make the copy for your counselor: permission denied; your answers are still in it"},
		{"seal not sealed", seal, store.NotSealed, "could not encrypt the copy for your counselor: permission denied; your answers are still in r.yaml"},
		{"seal not written", func(err error) error {
			return sealError(en, &store.Error{Code: store.Failed, Path: "r.age", Err: cause}, "r.yaml")
		}, store.Failed, "could not write the copy for your counselor to r.age: permission denied; your answers are still in r.yaml"},
		{"list unreadable", list, store.Unreadable, "cannot read your data folder r.yaml: permission denied"},
		{"delete ambiguous", find, store.Ambiguous, "r.yaml is both in this folder and in your data folder (/data/r.yaml); say which with its path, such as ./r.yaml or /data/r.yaml. Nothing was deleted."},
		{"delete missing", find, store.NotFound, "r.yaml: no such file; nothing was deleted"},
		{"delete unreadable", find, store.Unreadable, "cannot read r.yaml: permission denied; nothing was deleted"},
		{"delete device", find, store.NotRegular, "r.yaml is not a regular file; candor deletes only the answer files it saved. Nothing was deleted."},
		{"delete not a response", find, store.NotResponse, "r.yaml is not a candor answers file; candor deletes only the answer files it saved. Nothing was deleted."},
		{"delete not held", find, store.Failed, "cannot delete r.yaml: permission denied; nothing was deleted"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.said(e(tc.code))
			var ee *exitError
			if assert.ErrorAs(t, err, &ee) {
				assert.Equal(t, exitBadInput, ee.code)
				assert.Equal(t, tc.want, ee.msg)
			}
		})
	}
	assert.Equal(t, "other trouble", saveError(en, errors.New("other trouble"), "x").Error(), "an error not the store's is said as it is")
}

func TestDeleteWords(t *testing.T) {
	for _, tc := range []struct {
		err  error
		want string
	}{
		{nil, "Deleted r.yaml\n"},
		{&store.Error{Code: store.Locked, Path: "r.yaml"}, "candor: r.yaml is open in a 'candor take' right now; it was not deleted. Finish or stop that one first.\n"},
		{&store.Error{Code: store.Changed, Path: "r.yaml"}, "candor: r.yaml was not deleted: it changed or moved while candor was asking, so it was left alone.\n"},
		{&store.Error{Code: store.Failed, Path: "r.yaml", Err: os.ErrPermission}, "candor: could not delete r.yaml: permission denied\n"},
		{errors.New("odd"), "candor: could not delete r.yaml: odd\n"},
	} {
		assert.Equal(t, tc.want, deleteWords(nil, "r.yaml", tc.err))
	}
}

func TestFolderProblem(t *testing.T) {
	assert.Equal(t, "the folder holds no response files (*.yaml, *.yml, *.age)", folderProblem(nil, &store.Error{Code: store.Empty}))
	assert.Equal(t, "cannot read the folder: permission denied", folderProblem(nil, &store.Error{Code: store.Unreadable, Err: os.ErrPermission}))
	assert.Equal(t, "cannot read the folder: too many links", folderProblem(nil, &store.Error{Code: store.Unreadable, Err: errors.New("too many links")}))
}

// TestStoreWordsInSpanish: the store's codes are said in the person's language.
func TestStoreWordsInSpanish(t *testing.T) {
	es := words.For("es")
	cause := errors.New("permission denied")
	for _, tc := range []struct {
		err  error
		want string
	}{
		{resumeError(es, &store.Error{Code: store.NotFound, Path: "r.yaml"}), "r.yaml: no existe ese archivo, así que no hay nada que continuar"},
		{resumeError(es, &store.Error{Code: store.Locked, Path: "r.yaml"}), "r.yaml está abierto ahora mismo en otro 'candor take'. Termina o detén ese primero, para que no se pierda ninguna respuesta."},
		{newFileError(es, &store.Error{Code: store.NoDataDir}), "no se encuentra tu carpeta personal para guardar las respuestas; usa --save ARCHIVO"},
		{saveError(es, &store.Error{Code: store.Unreadable, Path: "r.yaml", Err: cause}, "b"), "no se puede leer r.yaml: permission denied"},
	} {
		var ee *exitError
		if assert.ErrorAs(t, tc.err, &ee) {
			assert.Equal(t, tc.want, ee.msg)
		}
	}
	assert.Equal(t, "Borrado: r.yaml\n", deleteWords(es, "r.yaml", nil))
}
