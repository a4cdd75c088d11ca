package analysis

import "strings"

// maxSuggestDistance: candidates further than this are not suggested.
const maxSuggestDistance = 2

// Closest returns the candidate nearest to name (case-insensitively)
// within two edits, or "" when none is that close: the "did you mean"
// of diagnostics. It is called for every undefined name against every
// name in scope, so it skips candidates whose length alone rules them
// out and reuses its buffers.
func Closest(name string, candidates []string) string {
	lname := strings.ToLower(name)
	best, bestDist := "", maxSuggestDistance+1
	var buf [3][]int
	for _, c := range candidates {
		if diff := len(c) - len(name); diff > maxSuggestDistance || diff < -maxSuggestDistance {
			continue
		}
		if d := distanceBuf(lname, strings.ToLower(c), &buf); d < bestDist {
			best, bestDist = c, d
		}
	}
	return best
}

// distanceBuf is the optimal string alignment distance: insertions,
// deletions, substitutions and swaps of neighbours (githbu) count one;
// computed with three rows (two back, for swaps) kept in buf.
func distanceBuf(a, b string, buf *[3][]int) int {
	n := len(b) + 1
	for i := range buf {
		if cap(buf[i]) < n {
			buf[i] = make([]int, n)
		}
		buf[i] = buf[i][:n]
	}
	prev2, prev, cur := buf[0], buf[1], buf[2]
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j < n; j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[n-1]
}
