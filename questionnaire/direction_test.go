package questionnaire

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestRightToLeft: a language written right to left is known by its language subtag, unless
// a script subtag names how it is written; case and "_" do not matter.
func TestRightToLeft(t *testing.T) {
	rtl := []string{"ar", "he", "fa-IR", "ur", "yi", "AR_eg", "ku-Arab", "pa-Arab-PK", "dv", "syr"}
	ltr := []string{"az-Latn", "ar-Latn", "en", "es", "fr-CA", "", "zh-Hant-TW", "-", "arab"}
	for _, tag := range rtl {
		assert.True(t, RightToLeft(tag), tag)
	}
	for _, tag := range ltr {
		assert.False(t, RightToLeft(tag), tag)
	}
}
