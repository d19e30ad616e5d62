package sealed

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"time"

	"filippo.io/age"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const plain = "candor: 1\nkind: response\nanswers:\n  feel_safe: false\n"

func newID(t *testing.T) *age.X25519Identity {
	t.Helper()
	id, err := age.GenerateX25519Identity()
	require.NoError(t, err)
	return id
}

func binary(t *testing.T, plain []byte, rs ...age.Recipient) []byte {
	t.Helper()
	var buf bytes.Buffer
	w, err := age.Encrypt(&buf, rs...)
	require.NoError(t, err)
	_, err = w.Write(plain)
	require.NoError(t, err)
	require.NoError(t, w.Close())
	return buf.Bytes()
}

func TestSealOpensWithTheIdentity(t *testing.T) {
	id := newID(t)
	sealed, err := Seal([]byte(plain), []age.Recipient{id.Recipient()})
	require.NoError(t, err)
	assert.True(t, strings.HasPrefix(string(sealed), "-----BEGIN AGE ENCRYPTED FILE-----\n"))
	assert.NotContains(t, string(sealed), "feel_safe")
	assert.True(t, Is(sealed))
	got, err := Open(sealed, 1<<20, []age.Identity{newID(t), id})
	require.NoError(t, err)
	assert.Equal(t, plain, string(got))

	bin := binary(t, []byte(plain), id.Recipient())
	assert.True(t, Is(bin))
	got, err = Open(bin, 1<<20, []age.Identity{id})
	require.NoError(t, err)
	assert.Equal(t, plain, string(got))
}

func TestIs(t *testing.T) {
	for _, c := range []struct {
		src  string
		want bool
	}{
		{"age-encryption.org/v1\n-> X25519 abc\n", true},
		{"-----BEGIN AGE ENCRYPTED FILE-----\nYWdl\n", true},
		{"\n\n  \r\n-----BEGIN AGE ENCRYPTED FILE-----\r\nYWdl\n", true},
		{strings.Repeat(" ", 2000) + "\n-----BEGIN AGE ENCRYPTED FILE-----\n", false},
		{"candor: 1\nkind: response\n", false},
		{"age-encryption.org/v2\n", false},
		{"", false},
		{"# -----BEGIN AGE ENCRYPTED FILE-----\n", false},
	} {
		assert.Equal(t, c.want, Is([]byte(c.src)), "%q", c.src)
	}
}

func TestOpenRefuses(t *testing.T) {
	id := newID(t)
	other := newID(t)
	armored, err := Seal([]byte(plain), []age.Recipient{id.Recipient()})
	require.NoError(t, err)
	bin := binary(t, []byte(plain), id.Recipient())
	scrypt, err := age.NewScryptRecipient("correct horse")
	require.NoError(t, err)
	scrypt.SetWorkFactor(10)
	byPass := binary(t, []byte(plain), scrypt)

	var many []age.Recipient
	for range 1025 {
		many = append(many, newID(t).Recipient())
	}
	tooMany := binary(t, []byte(plain), append(many, id.Recipient())...)
	fine := binary(t, []byte(plain), append(many[:1000], id.Recipient())...)

	huge := []byte("age-encryption.org/v1\n-> X25519 " + strings.Repeat("A", 43) + "\n" +
		strings.Repeat(strings.Repeat("A", 64)+"\n", 40000) + "\n--- AAAA\n")

	lines := strings.Split(string(armored), "\n")
	for _, c := range []struct {
		name string
		src  []byte
		ids  []age.Identity
		want error
	}{
		{"no identity", armored, nil, ErrNoIdentity},
		{"someone else's", armored, []age.Identity{other}, ErrNotForYou},
		{"someone else's, binary", bin, []age.Identity{other}, ErrNotForYou},
		{"truncated", bin[:len(bin)-10], []age.Identity{id}, ErrDamaged},
		{"truncated header", bin[:40], []age.Identity{id}, ErrDamaged},
		{"truncated armor", []byte(strings.Join(lines[:len(lines)-3], "\n")), []age.Identity{id}, ErrDamaged},
		{"junk after the armor", append(bytes.Clone(armored), "thanks, Sam\n"...), []age.Identity{id}, ErrDamaged},
		{"junk inside the armor", []byte(strings.Replace(string(armored), "\n", "\n!!junk!!\n", 2)), []age.Identity{id}, ErrDamaged},
		{"a changed byte", flip(bin, len(bin)-5), []age.Identity{id}, ErrDamaged},
		{"a changed header MAC", flip(bin, bytes.Index(bin, []byte("\n--- "))+8), []age.Identity{id}, ErrDamaged},
		{"more than 1,024 recipients", tooMany, []age.Identity{id}, ErrDamaged},
		{"a header over 2 MiB", huge, []age.Identity{id}, ErrDamaged},
		{"a passphrase, no way to ask", byPass, []age.Identity{id, Passphrase(nil)}, ErrPassphrase},
		{"a wrong passphrase", byPass, []age.Identity{Passphrase(func() ([]byte, error) { return []byte("wrong"), nil })}, ErrWrongPassphrase},
		{"the passphrase not given", byPass, []age.Identity{Passphrase(func() ([]byte, error) { return nil, errors.New("no terminal") })}, ErrPassphrase},
		{"too large inside", binary(t, bytes.Repeat([]byte("a"), 2000), id.Recipient()), []age.Identity{id}, ErrTooLarge},
	} {
		t.Run(c.name, func(t *testing.T) {
			got, err := Open(c.src, 1000, c.ids)
			assert.ErrorIs(t, err, c.want)
			assert.Nil(t, got)
		})
	}

	got, err := Open(fine, 1000, []age.Identity{id})
	require.NoError(t, err, "1,001 recipients are within age's limits")
	assert.Equal(t, plain, string(got))
	got, err = Open(byPass, 1000, []age.Identity{id, Passphrase(func() ([]byte, error) { return []byte("correct horse"), nil })})
	require.NoError(t, err)
	assert.Equal(t, plain, string(got))
}

func flip(b []byte, i int) []byte {
	b = bytes.Clone(b)
	b[i] ^= 1
	return b
}

func TestNewIdentityAndRecipients(t *testing.T) {
	file, rcpt, err := NewIdentity(time.Date(2026, 12, 6, 21, 0, 0, 0, time.UTC))
	require.NoError(t, err)
	assert.True(t, strings.HasPrefix(rcpt, "age1"))
	assert.Contains(t, string(file), "# created: 2026-12-06T21:00:00Z\n# public key: "+rcpt+"\nAGE-SECRET-KEY-1")
	ids, err := ParseIdentities(file)
	require.NoError(t, err)
	assert.Equal(t, []string{rcpt}, Recipients(ids))

	_, err = ParseIdentities([]byte("AGE-SECRET-KEY-1NOTAKEY\n"))
	assert.ErrorIs(t, err, ErrIdentity)
	assert.NotContains(t, err.Error(), "NOTAKEY", "a secret key is never echoed")
	_, err = ParseIdentities([]byte("# nothing\n"))
	assert.ErrorIs(t, err, ErrIdentity)

	rs, err := ParseRecipientsFile([]byte("# counselor\n\n " + rcpt + " \n"))
	require.NoError(t, err)
	assert.Equal(t, []string{rcpt}, rs)
	_, err = ParseRecipientsFile([]byte(rcpt + "\n\nage1nope\n"))
	var re *RecipientError
	require.ErrorAs(t, err, &re)
	assert.Equal(t, 3, re.Line)
	assert.Equal(t, 1, re.Index)
	assert.ErrorIs(t, err, ErrRecipient)
	_, err = ParseRecipients([]string{rcpt, "ssh-ed25519 AAAA"})
	require.ErrorAs(t, err, &re)
	assert.Equal(t, 1, re.Index)
}
