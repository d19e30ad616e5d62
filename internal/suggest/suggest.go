// Package suggest finds the name a mistyped one most likely meant: every "did you mean" in
// candor comes from here.
package suggest

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// DidYouMean is the hint for a mistyped name: "did you mean `x`?" when one of the candidates is
// close enough to be a typo of s (see Nearest), or otherwise.
func DidYouMean(s string, candidates []string, otherwise string) string {
	if near := Nearest(s, candidates); near != "" {
		return Hint(near)
	}
	return otherwise
}

// Hint is the "did you mean" sentence for names already found: "did you mean `x`?", or "did
// you mean one of `x`, `y`?" for several.
func Hint(near ...string) string {
	if len(near) > 1 {
		return "did you mean one of `" + strings.Join(near, "`, `") + "`?"
	}
	return fmt.Sprintf("did you mean `%s`?", strings.Join(near, ""))
}

// Nearest returns the candidate closest to s by edit distance, if close enough to be a typo
// (one letter off in a short word, two in a longer one, a third of a long one), or "".
func Nearest(s string, candidates []string) string {
	best, bestD := "", 1<<30
	low := strings.ToLower(s)
	n := utf8.RuneCountInString(s)
	for _, c := range candidates {
		// Only a candidate of about the same length can be close enough; skip the rest cheaply.
		if diff := utf8.RuneCountInString(c) - n; diff > max(2, n/3) || -diff > max(2, n/3) {
			continue
		}
		if d := levenshtein(low, c); d < bestD {
			best, bestD = c, d
		}
	}
	if bestD <= 1 && n > 1 || bestD <= 2 && n >= 4 || bestD <= n/3 {
		return best
	}
	return ""
}

func levenshtein(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	if len(ra) > 64 || len(rb) > 64 {
		return 1 << 20
	}
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
