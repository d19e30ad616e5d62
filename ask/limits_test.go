package ask

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/candor-app/candor/questionnaire"
)

// TestAnswerThatWouldMakeTheFileUnreadable (issue #12 defect 2): Answer refuses, as a
// TooLarge problem that changes nothing, the text answer with which the saved file would pass
// what candor reads back; every answer before it was saved and reads back.
func TestAnswerThatWouldMakeTheFileUnreadable(t *testing.T) {
	var src strings.Builder
	src.WriteString("candor: 1\nid: texts\nversion: 1.0.0\ntitle: Texts\nquestions:\n")
	for i := 1; i <= 45; i++ {
		fmt.Fprintf(&src, "  - {id: t%d, type: text, text: \"Say?\"}\n", i)
	}
	b, ds := questionnaire.Load("texts.yaml", []byte(src.String()))
	require.NotNil(t, b, "%v", ds)
	var saved []byte
	s := NewSession(b, questionnaire.NewResponse(b, fixed), Options{Now: func() time.Time { return fixed }, Save: func(r *questionnaire.Response) error {
		out, err := r.Marshal(b)
		saved = out
		return err
	}})
	answer := strings.Repeat("a,", questionnaire.MaxTextAnswer/2-1) + "a"
	answered := 0
	for ; answered < 45; answered++ {
		if err := s.Answer(answer); err != nil {
			assert.Equal(t, TooLarge, problem(t, err))
			break
		}
	}
	require.Less(t, answered, 45, "the answers past the limit are refused")
	assert.Len(t, s.Answers(), answered, "the refused answer is not recorded")
	r, rds := questionnaire.ReadResponse("r.yaml", saved)
	require.NotNil(t, r, "%v", rds)
	assert.Len(t, r.Answers, answered)
}
