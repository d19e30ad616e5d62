// Package agekey checks the text of an age X25519 public key (age1…, Bech32 with the type
// "age" and 32 bytes of key) without filippo.io/age, which brings every cipher and curve it
// knows. The bank loader checks a bank's `recipients` with it, so the page engine of a page
// without keys links no encryption (web/enginebuild builds that engine without age).
// Encrypting for a key is package internal/sealed's; it accepts exactly the keys Check does
// (agekey_test.go compares the two).
package agekey

import (
	"errors"
	"strings"
)

// The reasons Check gives.
var (
	ErrMixedCase = errors.New("mixed case")
	ErrShape     = errors.New("not of the form age1 and the key")
	ErrCharacter = errors.New("a character that is not in Bech32's alphabet")
	ErrChecksum  = errors.New("a wrong checksum (a character changed, left out or added)")
	ErrType      = errors.New("not an age X25519 public key (its type is not age)")
	ErrLength    = errors.New("not 32 bytes of key")
)

// charset is Bech32's alphabet: a character's index is its value (5 bits).
const charset = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"

// keySize is the size of an X25519 public key.
const keySize = 32

// Check returns nil when s (without white space around it) is an age X25519 public key as
// age.ParseX25519Recipient reads one, or else why it is not.
func Check(s string) error {
	if strings.ToLower(s) != s && strings.ToUpper(s) != s {
		return ErrMixedCase
	}
	sep := strings.LastIndexByte(s, '1')
	if sep < 1 || sep+7 > len(s) {
		return ErrShape
	}
	hrp := s[:sep]
	for _, c := range hrp {
		if c < 33 || c > 126 {
			return ErrCharacter
		}
	}
	values := make([]byte, 0, len(hrp)*2+1+len(s)-sep-1)
	lower := strings.ToLower(hrp)
	for _, c := range []byte(lower) {
		values = append(values, c>>5)
	}
	values = append(values, 0)
	for _, c := range []byte(lower) {
		values = append(values, c&31)
	}
	data := make([]byte, 0, len(s)-sep-1)
	for _, c := range s[sep+1:] {
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		d := strings.IndexRune(charset, c)
		if d < 0 {
			return ErrCharacter
		}
		data = append(data, byte(d))
	}
	if polymod(append(values, data...)) != 1 {
		return ErrChecksum
	}
	if hrp != "age" { // as age: "AGE1…" in capitals has the right checksum and the wrong type
		return ErrType
	}
	// The key: the data less its 6 checksum values, 5 bits each, in 8-bit bytes; the bits
	// left over are padding, fewer than 5 and all zero.
	var acc uint32
	var bits, n int
	for _, v := range data[:len(data)-6] {
		acc = acc<<5 | uint32(v)
		bits += 5
		for bits >= 8 {
			bits -= 8
			n++
		}
	}
	if bits >= 5 || acc&(1<<bits-1) != 0 {
		return ErrShape
	}
	if n != keySize {
		return ErrLength
	}
	return nil
}

// polymod is Bech32's checksum over values (BIP 173).
func polymod(values []byte) uint32 {
	generator := [5]uint32{0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3}
	chk := uint32(1)
	for _, v := range values {
		top := chk >> 25
		chk = (chk&0x1ffffff)<<5 ^ uint32(v)
		for i, g := range generator {
			if top>>i&1 == 1 {
				chk ^= g
			}
		}
	}
	return chk
}
