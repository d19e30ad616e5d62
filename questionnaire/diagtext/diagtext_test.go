package diagtext

import (
	"strings"
	"testing"

	"github.com/candor-app/candor/questionnaire"
	"github.com/rivo/uniseg"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestExcerpt(t *testing.T) {
	short, col := excerpt("short line", 3, 74)
	assert.Equal(t, "short line", short)
	assert.Equal(t, 3, col)

	long := strings.Repeat("a", 50) + "X" + strings.Repeat("b", 100)
	shown, col := excerpt(long, 51, 74)
	assert.LessOrEqual(t, len([]rune(shown)), 74)
	assert.Equal(t, "X", string([]rune(shown)[col-1]), "the caret still points at the column")

	_, col = excerpt("abc", 10, 74)
	assert.Zero(t, col, "a column past the end of the line gets no caret")
}

// TestCaretCountsDisplayColumns: the caret under a source line stands under the fault's
// display column, after wide characters and escaped control characters too (#12 defect 10:
// it counted characters, and stood left of the fault after CJK).
func TestCaretCountsDisplayColumns(t *testing.T) {
	tests := []struct {
		name, line string
		col        int
		shown      string
		caret      int
	}{
		{"ASCII", "  text: a: b", 10, "  text: a: b", 10},
		{"after CJK", "信頼は: x: y", 8, "信頼は: x: y", 11},
		{"after an emoji with VS16", "❤️ a: b", 5, "❤️ a: b", 5},
		{"after combining marks", "e\u0301e\u0301: x", 5, "e\u0301e\u0301: x", 3},
		{"after a control character", "a\x1bb: c", 4, "a^[b: c", 5},
		{"after a tab", "\ta: b", 3, " a: b", 3},
		{"past the end", "ab", 9, "ab", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			shown, caret := excerpt(tt.line, tt.col, 74)
			assert.Equal(t, tt.shown, shown)
			assert.Equal(t, tt.caret, caret)
		})
	}
	// A long line is cut around the fault; the caret still stands under it.
	long := strings.Repeat("信", 60) + "X" + strings.Repeat("頼", 60)
	shown, caret := excerpt(long, 61, 74)
	require.Greater(t, caret, 0)
	assert.LessOrEqual(t, uniseg.StringWidth(shown), 74, "%q", shown)
	assert.Equal(t, "X", clusterAtColumn(shown, caret), "%q caret %d", shown, caret)
}

// clusterAtColumn is the grapheme cluster of s drawn at the 1-based display column col.
func clusterAtColumn(s string, col int) string {
	pos, state := 0, -1
	for s != "" {
		var c string
		var w int
		c, s, w, state = uniseg.FirstGraphemeClusterInString(s, state)
		if pos+1 <= col && col <= pos+w {
			return c
		}
		pos += w
	}
	return ""
}

// Write prints each diagnostic as a compiler does: the place and severity, the source line
// with a caret under the column, the hint wrapped to the width; colors only when asked; a file
// it was not given the text of is named without a source line.
func TestWrite(t *testing.T) {
	ds := questionnaire.Diagnostics{
		{Severity: questionnaire.Error, Pos: questionnaire.Pos{File: "b.yaml", Line: 2, Col: 7}, Summary: "unknown key `titel`", Hint: "did you mean `title`?"},
		{Severity: questionnaire.Warning, Pos: questionnaire.Pos{File: "other.yaml", Line: 1, Col: 1}, Summary: "a warning\x1b[2J", Hint: strings.Repeat("word ", 20)},
	}
	src := map[string][]byte{"b.yaml": []byte("candor: 1\n  x: titel: T\n")}
	var out strings.Builder
	require.NoError(t, Write(&out, ds, src, Options{Width: 40}))
	assert.Equal(t, `b.yaml:2:7: error: unknown key `+"`titel`"+`
    2 |   x: titel: T
      |       ^
      = did you mean `+"`title`"+`?
other.yaml:1:1: warning: a warning^[[2J
      = word word word word word word
        word word word word word word
        word word word word word word
        word word
`, out.String())

	out.Reset()
	require.NoError(t, Write(&out, ds[:1], src, Options{Color: true}))
	assert.Contains(t, out.String(), "\x1b[1;31merror\x1b[0m")
	assert.Contains(t, out.String(), "\x1b[1;32m^\x1b[0m")
}
