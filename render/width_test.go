package render

import (
	"bytes"
	"strings"
	"testing"

	"github.com/rivo/uniseg"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/candor-app/candor/questionnaire"
	"github.com/candor-app/candor/scoring"
)

// wideBank's urgent flag, question and outcome are written with characters a terminal draws
// two columns wide (emoji made pictures by U+FE0F, CJK, a ZWJ sequence) and characters it
// draws in none (combining marks).
const wideBank = `candor: 1
id: wide
version: 1.0.0
title: "信頼 ❤️ ☺️ ✌️ 👩‍💻 e\u0301e\u0301"
questions:
  - id: safe
    type: yesno
    text: "Do you feel safe? ❤️"
flags:
  - id: unsafe
    when: safe == false
    level: urgent
    title: "❤️ ❤️ ❤️ Your safety comes first ☺️ ☺️ ☺️ ✌️ ✌️ ✌️ ❤️ ❤️ ❤️ ☺️ ☺️ ☺️ ✌️ ✌️ ✌️ ❤️ ❤️ ❤️"
    text: >-
      ❤️❤️❤️❤️❤️❤️❤️❤️❤️❤️❤️❤️❤️❤️❤️❤️❤️❤️❤️❤️❤️❤️❤️❤️❤️❤️❤️❤️❤️❤️❤️❤️❤️❤️❤️❤️❤️❤️❤️❤️
      ☺️ ☺️ ☺️ ☺️ ☺️ ☺️ ☺️ ☺️ ☺️ ☺️ ☺️ ☺️ ☺️ ☺️ ☺️ ☺️ ☺️ ☺️ ☺️ ☺️ ☺️ ☺️ ☺️ ☺️ ☺️ ☺️ ☺️ ☺️ ☺️ ☺️ ☺️
      あなたの安全が第一です。危険を感じたら、地域の緊急番号に電話してください。あなたの安全が第一です。
      Cafe\u0301 cafe\u0301 cafe\u0301 cafe\u0301 cafe\u0301 cafe\u0301 cafe\u0301 cafe\u0301 cafe\u0301 cafe\u0301 cafe\u0301
      👩‍💻👩‍💻👩‍💻👩‍💻👩‍💻👩‍💻👩‍💻👩‍💻👩‍💻👩‍💻👩‍💻👩‍💻👩‍💻👩‍💻👩‍💻👩‍💻👩‍💻👩‍💻👩‍💻👩‍💻👩‍💻👩‍💻👩‍💻👩‍💻👩‍💻👩‍💻👩‍💻👩‍💻👩‍💻👩‍💻👩‍💻👩‍💻👩‍💻👩‍💻👩‍💻👩‍💻👩‍💻👩‍💻
outcomes:
  - id: any
    when: "true"
    title: "✌️ 信頼 ✌️"
    text: "☺️ ☺️ ☺️"
`

// TestFramedUrgentMessageFitsTheWidth: every line of a summary whose urgent flag is written
// with wide emoji (U+FE0F), CJK, ZWJ sequences and combining marks stays within the width, as
// the terminal counts columns (#12 defect 11: a VS16 emoji was counted one column, and the
// safety frame at width 80 had lines of 90). Columns are measured with uniseg, independently
// of the code under test.
func TestFramedUrgentMessageFitsTheWidth(t *testing.T) {
	b, ds := questionnaire.Load("wide.yaml", []byte(strings.ReplaceAll(wideBank, `\u0301`, "\u0301")))
	require.False(t, ds.HasErrors(), "%v", ds)
	r := scoring.Score(b, questionnaire.Answers{"safe": false}, scoring.Options{})
	require.NotEmpty(t, r.Flags)
	for _, width := range []int{80, 61, 40, 30, 29, 20} {
		for _, opt := range []Options{{Width: width}, {Width: width, Color: true}, {Width: width, ASCII: true}} {
			var buf bytes.Buffer
			opt.Date = fixedDate
			require.NoError(t, Summary(&buf, b, r, opt))
			out := buf.String()
			assert.Contains(t, out, "👩\u200d💻", "the emoji sequence is shown whole")
			lines := strings.Split(strings.TrimRight(out, "\n"), "\n")
			framed := 0
			for i, l := range lines {
				plain := sgr.ReplaceAllString(l, "")
				w := uniseg.StringWidth(plain)
				assert.LessOrEqual(t, w, width, "width %d, line %d is %d columns: %q", width, i+1, w, plain)
				if width >= 30 && (strings.HasPrefix(plain, "│") || strings.HasPrefix(plain, "|")) {
					framed++
					assert.Equal(t, width, w, "width %d: the frame's right side is straight: %q", width, plain)
				}
			}
			if width >= 30 {
				assert.Greater(t, framed, 5, "the urgent message is framed")
			}
		}
	}
}
