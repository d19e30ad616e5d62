package engine

import (
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/candor-app/candor/questionnaire"
	"github.com/candor-app/candor/words"
)

// A bank written in Arabic is shown right to left; its number ranges and the page's words
// are English there (candor's interface does not speak Arabic), and in Spanish for a bank
// written in Spanish.
func TestRightToLeftBank(t *testing.T) {
	raw, err := os.ReadFile("testdata/arabic.yaml")
	require.NoError(t, err)
	e, err := New("arabic.yaml", raw, Options{}, now)
	require.NoError(t, err)
	intro := call(t, e, "view", nil).View.Intro
	assert.Equal(t, "ar", intro.Lang)
	assert.True(t, intro.RTL)
	assert.Equal(t, "هل أنا مستعد للثقة من جديد؟", intro.Title)
	call(t, e, "begin", nil)
	for _, a := range []string{"yes", "2", "4"} {
		require.Nil(t, call(t, e, "answer", map[string]string{"text": a}).Problem, a)
	}
	q := call(t, e, "view", nil).View.Question
	require.Equal(t, "months", q.ID)
	assert.Equal(t, "from 0 to 120", q.Range)
	assert.Equal(t, "en", words.For(e.bank.Language).Lang())

	// Words written right to left are an answer like any other, kept as written.
	const said = "أريد أن أتكلم بصراحة عن الثقة، 3 مرات."
	require.Nil(t, call(t, e, "answer", map[string]string{"text": "12"}).Problem)
	r := call(t, e, "answer", map[string]string{"text": said})
	require.Nil(t, r.Problem)
	require.Equal(t, ScreenReview, r.View.Screen)
	assert.Equal(t, said, r.View.Review[4].Answer)
	f := call(t, e, "download", nil).File
	require.NotNil(t, f)
	resp, ds := questionnaire.ReadResponse(f.Name, []byte(f.Text))
	require.NotNil(t, resp, "%v", ds)
	assert.Equal(t, said, resp.Answers["note"])
}
