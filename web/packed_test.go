package web

import (
	"bytes"
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// unpack reads packed text back, as page.js does (its unpack), here to test pack: the JS one
// is tested by every browser test, whose page starts only if the engine unpacks whole.
func unpack(t testing.TB, text string, n int) []byte {
	t.Helper()
	out := make([]byte, 0, n)
	var acc uint32
	bits := 0
	push := func(g byte) {
		acc = acc<<7 | uint32(g)
		bits += 7
		if bits >= 8 {
			bits -= 8
			out = append(out, byte(acc>>bits))
			acc &= 1<<bits - 1
		}
	}
	for _, r := range text {
		switch {
		case r < 0x80:
			push(byte(r))
		case r >= escapeBase && r < escapeBase+128*rune(len(escaped)):
			push(escaped[(r-escapeBase)/128])
			push(byte((r - escapeBase) % 128))
		default:
			t.Fatalf("a character pack does not write: %U", r)
		}
	}
	require.GreaterOrEqual(t, len(out), n, "cut short")
	return out[:n]
}

// TestPackRoundTrips: whatever the bytes, pack writes text that unpacks to exactly them, holds
// no NUL, CR or < (which a script element would change or end on), is valid UTF-8, and is at
// most 8/7 of them and a character.
func TestPackRoundTrips(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	cases := [][]byte{{}, {0}, {0xff}, {0, 0}, []byte("<"), []byte("\r\n"), bytes.Repeat([]byte{0}, 70), bytes.Repeat([]byte{0x3c}, 71)}
	// Every value in every position of a group, the escaped ones last in the input too.
	for n := 1; n <= 16; n++ {
		for _, v := range []byte{0x00, 0x0d, 0x3c, 0x78, 0x1e, 0x01, 0x80, 0xff} {
			cases = append(cases, bytes.Repeat([]byte{v}, n))
		}
	}
	for range 300 {
		b := make([]byte, rng.IntN(200))
		for i := range b {
			b[i] = byte(rng.IntN(256))
		}
		cases = append(cases, b)
	}
	big := make([]byte, 1<<20)
	for i := range big {
		big[i] = byte(rng.Uint32())
	}
	cases = append(cases, big)
	for _, b := range cases {
		p := pack(b)
		assert.Equal(t, len(b), p.Bytes)
		assert.True(t, utf8.ValidString(p.Text))
		assert.False(t, strings.ContainsAny(p.Text, escaped), "% x", b[:min(len(b), 16)])
		assert.Equal(t, b, unpack(t, p.Text, len(b)), "% x", b[:min(len(b), 16)])
		assert.LessOrEqual(t, len(p.Text), (len(b)*8+6)/7+1, "bytes of text for %d bytes", len(b))
	}
	// Random bytes are 8/7 of them in text, within a few bytes: a third of base64's cost.
	p := pack(big)
	assert.InDelta(t, float64(len(big))*8/7, float64(len(p.Text)), 8)
}

// TestPackEscapes: each escaped value is one two-byte character with the group after it.
func TestPackEscapes(t *testing.T) {
	// 0x00 0x00: groups 0000000 0000000 00(00000): NUL with the next, then NUL, the last.
	assert.Equal(t, "\u00a0\u00a0", pack([]byte{0, 0}).Text)
	// '<' is 0111100: the byte 0x78 = 0111100 0 starts with it, then 0 and padding.
	assert.Equal(t, string(rune(0xa0+2*128+0)), pack([]byte{0x78}).Text)
	// 0x1b 0x06 = 0001101 1000001 10(00000): CR with 'A', then '@'.
	assert.Equal(t, string(rune(0xa0+128+'A'))+"@", pack([]byte{0x1b, 0x06}).Text)
	// Nothing escaped: 1000001 1000001 10(00000) is "AA@".
	assert.Equal(t, "AA@", pack([]byte{0x83, 0x06}).Text)
}
