package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"filippo.io/age"
	"github.com/spf13/cobra"

	"github.com/candor-app/candor/internal/sealed"
	"github.com/candor-app/candor/internal/text"
	"github.com/candor-app/candor/questionnaire"
)

// identityEnv names a key file when --identity is not given.
const identityEnv = "CANDOR_IDENTITY"

// identityFlag adds --identity: the key files that open encrypted responses.
func identityFlag(cmd *cobra.Command, paths *[]string) {
	cmd.Flags().StringArrayVar(paths, "identity", nil, "")
	sharedFlagWords(cmd, nil)
}

// opener reads the files responses come from, opening encrypted ones (age, binary or armored,
// told by their content) in memory with the keys of --identity or CANDOR_IDENTITY. Nothing
// decrypted is ever written to disk.
type opener struct {
	f   *Factory
	ids []age.Identity
}

// newOpener reads the key files (paths, or CANDOR_IDENTITY's); a file that is not a key ends
// the command.
func newOpener(f *Factory, paths []string) (*opener, error) {
	if len(paths) == 0 && f.IO.Getenv != nil {
		if p := f.IO.Getenv(identityEnv); p != "" {
			paths = []string{p}
		}
	}
	o := &opener{f: f}
	for _, p := range paths {
		ids, err := readIdentityFile(f.Words(), p)
		if err != nil {
			return nil, err
		}
		for _, id := range ids {
			o.ids = append(o.ids, id)
		}
	}
	return o, nil
}

// startsSealed reports whether the file at path begins as an encrypted response does.
func startsSealed(path string) bool {
	f, err := questionnaire.OpenFile(path)
	if err != nil {
		return false
	}
	defer f.Close()
	head := make([]byte, 4096)
	n, _ := io.ReadFull(f, head)
	return sealed.Is(head[:n])
}

// read reads a response file whole (questionnaire.ReadFileLimited), opening it when it is
// encrypted. The error says what is wrong, without the file's name.
func (o *opener) read(path string) ([]byte, error) {
	raw, err := questionnaire.ReadFileUpTo(path, questionnaire.MaxSealedFileSize)
	var fe *questionnaire.FileError
	switch {
	case errors.As(err, &fe) && fe.Code == questionnaire.FileTooLarge && !startsSealed(path):
		return nil, questionnaire.ErrTooLarge // a plain file: its limit is a plain response's
	case err != nil:
		return nil, err
	case !sealed.Is(raw) && len(raw) > questionnaire.MaxFileSize:
		return nil, questionnaire.ErrTooLarge
	case !sealed.Is(raw):
		return raw, nil
	}
	plain, err := sealed.Open(raw, questionnaire.MaxFileSize, o.identities(path))
	if err != nil {
		return nil, o.problem(err)
	}
	return plain, nil
}

// reader returns what r (the file path, a table) holds, decrypted as it is read when it is
// encrypted.
func (o *opener) reader(path string, r io.Reader) (io.Reader, error) {
	head := make([]byte, 1100)
	n, err := io.ReadFull(r, head)
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) && !errors.Is(err, io.EOF) {
		return nil, err
	}
	r = io.MultiReader(bytes.NewReader(head[:n]), r)
	if !sealed.Is(head[:n]) {
		return r, nil
	}
	plain, err := sealed.NewReader(r, o.identities(path))
	if err != nil {
		return nil, o.problem(err)
	}
	return problemReader{o: o, r: plain}, nil
}

// problemReader says the errors of reading an encrypted file in words.
type problemReader struct {
	o *opener
	r io.Reader
}

func (p problemReader) Read(b []byte) (int, error) {
	n, err := p.r.Read(b)
	if err != nil && err != io.EOF {
		err = p.o.problem(err)
	}
	return n, err
}

// identities are the keys, and a passphrase asked at the terminal for a file encrypted with
// one (never read from a flag or a pipe).
func (o *opener) identities(path string) []age.Identity {
	var ask func() ([]byte, error)
	if o.canAsk() {
		ask = func() ([]byte, error) {
			o.f.Words().Tw(o.f.IO.ErrOut, "%s is locked with a passphrase. Type it (it is not shown) and press Enter: ", text.Sanitize(path))
			p, err := o.f.IO.ReadPassword()
			fmt.Fprintln(o.f.IO.ErrOut)
			return p, err
		}
	}
	return append(slices.Clone(o.ids), sealed.Passphrase(ask))
}

// canAsk reports whether a passphrase can be asked: at a terminal only.
func (o *opener) canAsk() bool {
	return o.f.IO.PasswordReader != nil || o.f.IO.IsStdinTTY()
}

// problem says in words why an encrypted file cannot be opened.
func (o *opener) problem(err error) error {
	w := o.f.Words()
	switch {
	case len(o.ids) == 0 && (errors.Is(err, sealed.ErrNotForYou) || errors.Is(err, sealed.ErrNoIdentity)):
		return errors.New(w.T("the file is encrypted; give the key that opens it with --identity FILE (or %s=FILE)", identityEnv))
	case errors.Is(err, sealed.ErrNotForYou):
		return errors.New(w.T("the file is encrypted for someone else: none of the keys given opens it"))
	case errors.Is(err, sealed.ErrWrongPassphrase):
		return errors.New(w.T("the file is locked with a passphrase, and the one typed does not open it"))
	case errors.Is(err, sealed.ErrPassphrase) && o.canAsk():
		return errors.New(w.T("the file is locked with a passphrase, and none was typed"))
	case errors.Is(err, sealed.ErrPassphrase):
		return errors.New(w.T("the file is locked with a passphrase; candor asks for it at a terminal only (never from a flag or a pipe): run this at a terminal"))
	case errors.Is(err, sealed.ErrTooLarge):
		return errors.New(w.T("what the encrypted file holds is larger than %d MiB; candor reads responses of at most that size", questionnaire.MaxFileSize>>20))
	case errors.Is(err, sealed.ErrDamaged):
		return errors.New(w.T("the file is encrypted but damaged or cut short, so it cannot be opened (age: %s); ask for it to be sent again", sealed.Detail(err)))
	}
	return err
}

// checkRecipients checks --to: each an age public key.
func checkRecipients(to []string) error {
	if _, err := sealed.ParseRecipients(to); err != nil {
		var re *sealed.RecipientError
		errors.As(err, &re)
		return usageErrorKey("--to %q is not an age public key: give the key your counselor handed out, starting with age1", text.Sanitize(re.Value)) // words:key
	}
	return nil
}

// recipientKeys are the keys of every list, each once, in order.
func recipientKeys(lists ...[]string) []string {
	var all []string
	for _, r := range slices.Concat(lists...) {
		if r = strings.TrimSpace(r); !slices.Contains(all, r) {
			all = append(all, r)
		}
	}
	return all
}

// recipientsFor are --to's keys and the bank's, each once.
func recipientsFor(to []string, b *questionnaire.Bank) ([]age.Recipient, error) {
	return sealed.ParseRecipients(recipientKeys(to, b.Recipients))
}

// sealCopy writes, at the end of a finished session, a copy of the saved response encrypted
// for the counselors (armored age, 0600, atomic), and says where it is. It reports whether it
// wrote one.
func (t *taker) sealCopy() (bool, error) {
	rs := t.recipients
	e := t.f.IO.ErrOut
	w := t.f.Words()
	if len(rs) == 0 {
		return false, nil
	}
	if t.path == "" {
		w.Tw(e, "\nNothing was saved (--no-save), so no copy for your counselor was made either.\n")
		return false, nil
	}
	dst, err := t.file.SealCopy(rs)
	if err != nil {
		return false, sealError(t.words(), err, t.path)
	}
	fmt.Fprintln(e)
	width := min(t.width, text.MaxWidth)
	for _, l := range text.Wrap(w.T("A copy of your answers for your counselor is in this file, encrypted so that only your counselor can open it:"), width) {
		fmt.Fprintln(e, l)
	}
	fmt.Fprintf(e, "  %s\n", text.Sanitize(dst))
	for _, l := range text.Wrap(w.T("Send them this file (or paste its text into a message)."), width) {
		fmt.Fprintln(e, l)
	}
	return true, nil
}
