package web

import "strings"

// packed is how the page carries bytes (the engine, the bank) as text in an HTML file: 7 bits
// a character, where base64 carries 6, so the page is 8/7 of the bytes instead of 4/3 (for
// the engine, about 450 KB less). The bytes are read as a stream of bits, 7 at a time (the
// last group filled with zero bits). A group is written as the ASCII character of that value,
// except the three values HTML would not keep in a script element as they are: NUL
// (replaced by U+FFFD), CR (turned into LF) and < (which could end the element). Such a group
// is written with the group after it (or 0 after the last) as one character of two UTF-8
// bytes, U+00A0 + 128×k + next, where k is its place in escaped (U+00A0 to U+021F): 14 bits in
// two bytes, 7 a byte as everywhere else. The page (page.js, unpack) reads it back, given
// the number of bytes (the data-bytes attribute of its element).
type packed struct {
	Text  string
	Bytes int
}

// escaped are the group values written as two-byte characters, in order.
const escaped = "\x00\r<"

// escapeBase is the first of the two-byte characters.
const escapeBase = 0xA0

// pack packs b into text (packed).
func pack(b []byte) packed {
	groups := make([]byte, 0, (len(b)*8+6)/7)
	var acc uint16
	bits := 0
	for _, x := range b {
		acc = acc<<8 | uint16(x)
		bits += 8
		for bits >= 7 {
			bits -= 7
			groups = append(groups, byte(acc>>bits)&0x7f)
		}
		acc &= 1<<bits - 1
	}
	if bits > 0 {
		groups = append(groups, byte(acc<<(7-bits))&0x7f)
	}
	var sb strings.Builder
	sb.Grow(len(groups) + len(groups)/32)
	for i := 0; i < len(groups); i++ {
		k := strings.IndexByte(escaped, groups[i])
		if k < 0 {
			sb.WriteByte(groups[i])
			continue
		}
		var next byte
		if i+1 < len(groups) {
			i++
			next = groups[i]
		}
		sb.WriteRune(rune(escapeBase + 128*k + int(next)))
	}
	return packed{Text: sb.String(), Bytes: len(b)}
}
