package agekey

import (
	"strings"
	"testing"

	"filippo.io/age"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A key made by age, and its text changed in each way a person or a tool could change it:
// Check accepts exactly what age.ParseX25519Recipient accepts.
func TestCheckAgreesWithAge(t *testing.T) {
	id, err := age.GenerateX25519Identity()
	require.NoError(t, err)
	key := id.Recipient().String()
	// A valid Bech32 string of another type and length, made by age's own encoder through
	// an identity (AGE-SECRET-KEY-1…).
	secret := id.String()
	cases := map[string]error{
		key: nil,
		"age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p": nil,
		strings.ToUpper(key):      ErrType,
		"Age1" + key[4:]:          ErrMixedCase,
		key[:len(key)-1]:          ErrChecksum,
		key + "q":                 ErrChecksum,
		key[:10] + "b" + key[11:]: ErrCharacter,
		flip(key, 20):             ErrChecksum,
		"age1":                    ErrShape,
		"1qqqqqqq":                ErrShape,
		"ag\x7fe1qqqqqqqq":        ErrCharacter,
		secret:                    ErrType,
		"age1qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqq": ErrChecksum,
		encode("age", make([]byte, 50)):                                ErrLength, // 250 bits: 31 bytes
		encode("age", make([]byte, 53)):                                ErrLength, // 265 bits: 33 bytes
		encode("age", append(make([]byte, 51), 1)):                     ErrShape,  // 32 bytes, and a bit set in the padding
		encode("age", make([]byte, 1)):                                 ErrShape,  // 5 bits: padding as long as a value
		encode("age", make([]byte, 52)):                                nil,       // 32 zero bytes
		encode("agf", make([]byte, 52)):                                ErrType,
	}
	for s, want := range cases {
		err := Check(s)
		_, ageErr := age.ParseX25519Recipient(s)
		assert.ErrorIs(t, err, want, "%q", s)
		assert.Equal(t, ageErr == nil, err == nil, "%q: age says %v, Check %v", s, ageErr, err)
	}
}

// Keys made by age, many of them: Check accepts every one.
func TestCheckAcceptsAgeKeys(t *testing.T) {
	for range 200 {
		id, err := age.GenerateX25519Identity()
		require.NoError(t, err)
		require.NoError(t, Check(id.Recipient().String()))
	}
}

// encode is Bech32 of 5-bit values, with its checksum (BIP 173).
func encode(hrp string, values []byte) string {
	var ex []byte
	for _, c := range []byte(hrp) {
		ex = append(ex, c>>5)
	}
	ex = append(ex, 0)
	for _, c := range []byte(hrp) {
		ex = append(ex, c&31)
	}
	mod := polymod(append(append(ex, values...), 0, 0, 0, 0, 0, 0)) ^ 1
	out := hrp + "1"
	for _, v := range values {
		out += string(charset[v])
	}
	for i := range 6 {
		out += string(charset[mod>>(5*(5-i))&31])
	}
	return out
}

// flip changes the character at i to the next one of the alphabet.
func flip(s string, i int) string {
	j := strings.IndexByte(charset, s[i])
	return s[:i] + string(charset[(j+1)%len(charset)]) + s[i+1:]
}

// FuzzCheck: whatever the text, Check and age agree on whether it is a key.
func FuzzCheck(f *testing.F) {
	id, err := age.GenerateX25519Identity()
	require.NoError(f, err)
	f.Add(id.Recipient().String())
	f.Add("age1qyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqs4w5hs3")
	f.Fuzz(func(t *testing.T, s string) {
		_, ageErr := age.ParseX25519Recipient(s)
		err := Check(s)
		if (ageErr == nil) != (err == nil) {
			t.Fatalf("%q: age says %v, Check %v", s, ageErr, err)
		}
	})
}
