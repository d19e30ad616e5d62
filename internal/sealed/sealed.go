// Package sealed reads and writes responses encrypted with age (filippo.io/age): X25519
// recipients, the binary format or its ASCII armor. Decryption happens in memory only: nothing
// here writes a file.
//
// Errors carry codes (ErrNoIdentity, ErrNotForYou, ErrDamaged, ErrTooLarge, ErrPassphrase),
// tested with errors.Is; the words for people are chosen by the commands.
package sealed

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"sync"
	"time"

	"filippo.io/age"
	"filippo.io/age/armor"
)

// The codes of the errors Open, NewReader and the parsers return.
var (
	// ErrNoIdentity: the file is encrypted and no identity was given to open it.
	ErrNoIdentity = errors.New("sealed: no identity")
	// ErrNotForYou: none of the identities opens the file (encrypted for someone else, or
	// a wrong passphrase).
	ErrNotForYou = errors.New("sealed: no identity matches")
	// ErrDamaged: the file is not a whole age file (cut short, changed, junk in its armor,
	// a header over age's limits: 2 MiB, 1,024 recipients).
	ErrDamaged = errors.New("sealed: damaged")
	// ErrTooLarge: what is inside is larger than the limit given.
	ErrTooLarge = errors.New("sealed: too large")
	// ErrWrongPassphrase: the file is encrypted with a passphrase, and the one given is not it.
	ErrWrongPassphrase = errors.New("sealed: wrong passphrase")
	// ErrPassphrase: the file is encrypted with a passphrase and there is no way to ask one.
	ErrPassphrase = errors.New("sealed: needs a passphrase")
	// ErrRecipient: a recipient is not an age X25519 public key (age1…).
	ErrRecipient = errors.New("sealed: not a recipient")
	// ErrIdentity: an identity file holds no X25519 secret key, or a malformed one.
	ErrIdentity = errors.New("sealed: not an identity")
)

// intro is the first line of a binary age file.
const intro = "age-encryption.org/v1\n"

// maxLeadingSpace is how much white space armor.NewReader accepts before its first line.
const maxLeadingSpace = 1024

// Is reports whether src (its start is enough: 1,100 bytes) is an age file: the binary
// header, or the armor's first line after at most 1,024 bytes of white space.
func Is(src []byte) bool {
	if bytes.HasPrefix(src, []byte(intro)) {
		return true
	}
	return isArmor(src)
}

func isArmor(src []byte) bool {
	rest := bytes.TrimLeft(src[:min(len(src), maxLeadingSpace+len(armor.Header)+2)], " \t\r\n")
	return bytes.HasPrefix(rest, []byte(armor.Header+"\n")) || bytes.HasPrefix(rest, []byte(armor.Header+"\r\n"))
}

// NewReader returns a reader of what the age file r holds, decrypted as it is read with the
// first of ids that opens it. Reading it returns ErrDamaged for a file cut short or changed.
func NewReader(r io.Reader, ids []age.Identity) (io.Reader, error) {
	if len(ids) == 0 {
		return nil, ErrNoIdentity
	}
	br := bufio.NewReaderSize(r, 4096)
	head, _ := br.Peek(maxLeadingSpace + len(armor.Header) + 2)
	var src io.Reader = br
	if isArmor(head) {
		src = armor.NewReader(br)
	}
	out, err := age.Decrypt(src, ids...)
	if err != nil {
		return nil, classify(err)
	}
	return damagedReader{out}, nil
}

// Open decrypts the age file src in memory, refusing what is inside when it is larger than
// limit bytes.
func Open(src []byte, limit int64, ids []age.Identity) ([]byte, error) {
	r, err := NewReader(bytes.NewReader(src), ids)
	if err != nil {
		return nil, err
	}
	out, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(out)) > limit {
		clear(out)
		return nil, ErrTooLarge
	}
	return out, nil
}

// classify turns age's errors into the codes above.
func classify(err error) error {
	var noMatch *age.NoIdentityMatchError
	switch {
	case errors.Is(err, ErrPassphrase), errors.Is(err, ErrNoIdentity):
		return err
	case errors.As(err, &noMatch) && slices.Equal(noMatch.StanzaTypes, []string{"scrypt"}):
		return wrap(ErrWrongPassphrase, err)
	case errors.As(err, &noMatch):
		return wrap(ErrNotForYou, err)
	}
	return wrap(ErrDamaged, err)
}

// damagedReader turns every error but io.EOF into ErrDamaged.
type damagedReader struct{ r io.Reader }

func (d damagedReader) Read(p []byte) (int, error) {
	n, err := d.r.Read(p)
	if err != nil && err != io.EOF {
		err = wrap(ErrDamaged, err)
	}
	return n, err
}

// Seal encrypts plain to recipients, as armored text.
func Seal(plain []byte, recipients []age.Recipient) ([]byte, error) {
	if len(recipients) == 0 {
		return nil, ErrRecipient
	}
	var buf bytes.Buffer
	a := armor.NewWriter(&buf)
	w, err := age.Encrypt(a, recipients...)
	if err != nil {
		return nil, err
	}
	if _, err := w.Write(plain); err != nil {
		return nil, err
	}
	if err := w.Close(); err != nil {
		return nil, err
	}
	if err := a.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// RecipientError is a recipient that is not an age X25519 public key: the Index-th given,
// or the one on Line of a recipients file (1-based; 0 when not from a file).
type RecipientError struct {
	Index int
	Line  int
	Value string
	Err   error
}

func (e *RecipientError) Error() string {
	return fmt.Sprintf("recipient %q: %v", e.Value, e.Err)
}

func (e *RecipientError) Unwrap() []error { return []error{ErrRecipient, e.Err} }

// ParseRecipient parses one age X25519 recipient (age1…), with white space around it.
func ParseRecipient(s string) (*age.X25519Recipient, error) {
	r, err := age.ParseX25519Recipient(strings.TrimSpace(s))
	if err != nil {
		return nil, &RecipientError{Value: s, Err: err}
	}
	return r, nil
}

// ParseRecipients parses each of ss (ParseRecipient); the error names the first bad one by
// its index.
func ParseRecipients(ss []string) ([]age.Recipient, error) {
	out := make([]age.Recipient, 0, len(ss))
	for i, s := range ss {
		r, err := ParseRecipient(s)
		if err != nil {
			err.(*RecipientError).Index = i
			return nil, err
		}
		out = append(out, r)
	}
	return out, nil
}

// ParseRecipientsFile reads a recipients file as age does: one recipient a line, blank lines
// and lines starting with # left out. It returns them as written (trimmed).
func ParseRecipientsFile(src []byte) ([]string, error) {
	var out []string
	for i, line := range strings.Split(string(src), "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if _, err := ParseRecipient(line); err != nil {
			re := err.(*RecipientError)
			re.Index, re.Line = len(out), i+1
			return nil, re
		}
		out = append(out, line)
	}
	return out, nil
}

// NewIdentity makes an X25519 identity: the file to keep (in age-keygen's format, which the
// age tool reads with -i) and the recipient to hand out.
func NewIdentity(now time.Time) (file []byte, recipient string, err error) {
	id, err := age.GenerateX25519Identity()
	if err != nil {
		return nil, "", err
	}
	recipient = id.Recipient().String()
	file = fmt.Appendf(nil, "# created: %s\n# public key: %s\n%s\n", now.UTC().Format(time.RFC3339), recipient, id.String())
	return file, recipient, nil
}

// ParseIdentities reads an identity file (age-keygen's format: AGE-SECRET-KEY-1… lines,
// comments). Only X25519 identities are kept; anything else is ErrIdentity.
func ParseIdentities(src []byte) ([]*age.X25519Identity, error) {
	ids, err := age.ParseIdentities(bytes.NewReader(src))
	if err != nil {
		return nil, wrap(ErrIdentity, redact(err))
	}
	out := make([]*age.X25519Identity, 0, len(ids))
	for _, id := range ids {
		x, ok := id.(*age.X25519Identity)
		if !ok {
			return nil, wrap(ErrIdentity, "only X25519 keys (AGE-SECRET-KEY-1…) are read")
		}
		out = append(out, x)
	}
	return out, nil
}

// redact keeps a secret key out of an error message: age quotes a malformed line.
func redact(err error) string {
	s := err.Error()
	if strings.Contains(strings.ToUpper(s), "AGE-SECRET-KEY-") {
		return "a malformed secret key"
	}
	return s
}

// Recipients returns the recipients of ids, as age1… text.
func Recipients(ids []*age.X25519Identity) []string {
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = id.Recipient().String()
	}
	return out
}

// Passphrase is an identity for passphrase-encrypted files (age's scrypt recipient). It asks
// for the passphrase, through ask, only when a file is encrypted with one; a nil ask makes
// such a file ErrPassphrase. Asks are one at a time.
func Passphrase(ask func() ([]byte, error)) age.Identity {
	return &passphrase{ask: ask}
}

type passphrase struct {
	ask func() ([]byte, error)
}

// askMu keeps two files' questions from running at once.
var askMu sync.Mutex

func (p *passphrase) Unwrap(stanzas []*age.Stanza) ([]byte, error) {
	if len(stanzas) != 1 || stanzas[0].Type != "scrypt" {
		return nil, age.ErrIncorrectIdentity
	}
	if p.ask == nil {
		return nil, ErrPassphrase
	}
	askMu.Lock()
	defer askMu.Unlock()
	pass, err := p.ask()
	if err != nil {
		return nil, wrap(ErrPassphrase, err)
	}
	id, err := age.NewScryptIdentity(string(pass))
	clear(pass)
	if err != nil {
		return nil, wrap(ErrPassphrase, err)
	}
	return id.Unwrap(stanzas)
}

// codeError is one of the codes with what age said.
type codeError struct {
	code   error
	detail string
}

func (e *codeError) Error() string { return e.code.Error() + ": " + e.detail }
func (e *codeError) Unwrap() error { return e.code }

func wrap(code error, detail any) error {
	return &codeError{code: code, detail: fmt.Sprint(detail)}
}

// Detail is what age said of an error with a code (its message without the code), or the
// error's message.
func Detail(err error) string {
	var ce *codeError
	if errors.As(err, &ce) {
		return ce.detail
	}
	return err.Error()
}
