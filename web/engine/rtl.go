package engine

import "github.com/candor-app/candor/questionnaire"

// RightToLeft reports whether a BCP 47 language tag is written right to left
// (questionnaire.RightToLeft, which the HTML documents of render use too).
func RightToLeft(tag string) bool { return questionnaire.RightToLeft(tag) }
