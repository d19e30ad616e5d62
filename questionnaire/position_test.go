package questionnaire

import (
	"fmt"
	"strings"
	"testing"

	"github.com/rivo/uniseg"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestRawControlCharacterPosition: a character YAML does not allow (ESC, a C1 control,
// U+FFFE, DEL) anywhere in a bank, a response or an answers file is reported at its own line
// and column (#12 defect 10: it was reported at 1:1, where yaml.v3 puts it).
func TestRawControlCharacterPosition(t *testing.T) {
	bank, ds := Load("b.yaml", []byte(respBank))
	require.False(t, ds.HasErrors(), "%v", ds)
	for _, c := range []struct {
		name string
		r    string
	}{{"ESC", "\x1b"}, {"C1 CSI", "\u009b"}, {"U+FFFE", "\ufffe"}, {"DEL", "\x7f"}, {"BEL", "\a"}} {
		// Line 4, after three CJK characters and a space: column 13 in characters.
		response := "candor: 1\nbank: {id: every-type, version: 2.0.0}\nstatus: in_progress\nrespondent: 信頼は " + c.r + "[2J\nanswers: {}\n"
		bankSrc := strings.Replace(respBank, "title: Every type", "title: 信頼は "+c.r+"[2J", 1)
		readers := map[string]func() Diagnostics{
			"bank":     func() Diagnostics { _, ds := Load("x.yaml", []byte(bankSrc)); return ds },
			"response": func() Diagnostics { _, ds := ReadResponse("x.yaml", []byte(response)); return ds },
			"answers":  func() Diagnostics { _, ds := ReadAnswers("x.yaml", []byte(response), bank); return ds },
		}
		require.Equal(t, 3, strings.Count(bankSrc[:strings.Index(bankSrc, "title:")], "\n"), "the bank's title is on line 4")
		for what, read := range readers {
			t.Run(c.name+"/"+what, func(t *testing.T) {
				ds := read()
				require.True(t, ds.HasErrors())
				d := ds[0]
				wantCol := len([]rune("respondent: 信頼は ")) + 1
				if what == "bank" {
					wantCol = len([]rune("title: 信頼は ")) + 1
				}
				assert.Equal(t, fmt.Sprintf("x.yaml:4:%d", wantCol), d.Pos.String(), "%s", d.Summary)
				assert.Contains(t, d.Summary, fmt.Sprintf("%U", []rune(c.r)[0]))
			})
		}
	}
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
