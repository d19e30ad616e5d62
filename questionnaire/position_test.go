package questionnaire

import (
	"fmt"
	"strings"
	"testing"

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
