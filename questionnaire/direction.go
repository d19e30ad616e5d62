package questionnaire

import "strings"

// rtlLanguages are the primary language subtags written right to left.
var rtlLanguages = map[string]bool{
	"ar": true, "arc": true, "ckb": true, "dv": true, "fa": true, "he": true,
	"iw": true, "ji": true, "ks": true, "ps": true, "sd": true, "syr": true,
	"ug": true, "ur": true, "yi": true,
}

// rtlScripts are the script subtags written right to left (as in "ku-Arab" or "pa-Arab").
var rtlScripts = map[string]bool{"arab": true, "hebr": true, "thaa": true, "syrc": true, "nkoo": true, "adlm": true, "rohg": true}

// RightToLeft reports whether a BCP 47 language tag is written right to left: its script
// subtag says so, or else its language does (ar, he, fa, ur, …). The page and the HTML
// documents render writes both set `dir` by it.
func RightToLeft(tag string) bool {
	parts := strings.Split(strings.ToLower(strings.ReplaceAll(tag, "_", "-")), "-")
	for _, p := range parts[1:] {
		if len(p) == 4 {
			return rtlScripts[p]
		}
	}
	return rtlLanguages[parts[0]]
}
