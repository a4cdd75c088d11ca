package outline

import (
	"bytes"
	"sort"

	"github.com/flake-lsp/flake-lsp/analysis/unit"
	"github.com/flake-lsp/flake-lsp/grammar"
	"github.com/flake-lsp/flake-lsp/syntax"
)

// Fold is a foldable region, in byte offsets: from the end of the line
// that opens it to the start of the line that closes it, so the opening
// and closing lines stay visible.
type Fold struct {
	Start, End int
	Comment    bool
}

// foldable are the constructs that fold when they span lines.
var foldable = map[string]bool{
	grammar.KindAttrset: true, grammar.KindRecAttrset: true, grammar.KindLegacyLet: true,
	grammar.KindLet: true, grammar.KindList: true, grammar.KindParenthesized: true,
	grammar.KindIndentedString: true, grammar.KindFormals: true, grammar.KindString: true,
}

// Folds lists the foldable regions: sets, lets, lists, parentheses,
// formals and strings that span lines, block comments, and runs of line
// comments.
func Folds(u *unit.Unit) []Fold {
	v := u.View
	if v == nil {
		return nil
	}
	src := v.Src
	var out []Fold
	lastComment := -1 // end of the previous `#` comment in a run
	runStart := -1
	flushRun := func() {
		if runStart >= 0 && lastComment > runStart && bytes.IndexByte(src[runStart:lastComment], '\n') >= 0 {
			out = append(out, Fold{Start: runStart, End: lastComment, Comment: true})
		}
		runStart, lastComment = -1, -1
	}
	for i := range v.Nodes {
		n := syntax.NodeID(i)
		kind := v.Kind(n)
		start, end := v.Start(n), v.End(n)
		if v.Is(n, grammar.KindComment) {
			if src[start] == '#' {
				// Consecutive line comments (nothing but space between)
				// fold as one.
				if lastComment >= 0 && len(bytes.TrimSpace(src[lastComment:start])) == 0 && bytes.Count(src[lastComment:start], []byte{'\n'}) == 1 {
					lastComment = end
					continue
				}
				flushRun()
				runStart, lastComment = start, end
				continue
			}
			if bytes.IndexByte(src[start:end], '\n') >= 0 {
				out = append(out, Fold{Start: start, End: end, Comment: true})
			}
			continue
		}
		if !v.IsNamed(n) || !foldable[kind] {
			continue
		}
		if kind == grammar.KindLet {
			// Fold the bindings, up to `in`.
			if body := v.Child(n, grammar.FieldBody); body != syntax.NoNode {
				end = v.Start(body)
			}
		}
		if bytes.IndexByte(src[start:end], '\n') >= 0 {
			out = append(out, Fold{Start: start, End: end})
		}
	}
	flushRun()
	sort.Slice(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	return out
}

// SelectionRanges lists, for offset, the ranges an "expand selection"
// goes through: the innermost node at the offset, then each enclosing
// node with a larger range, up to the whole file.
func SelectionRanges(u *unit.Unit, off int) [][2]int {
	v := u.View
	if v == nil || v.Root() == syntax.NoNode {
		return nil
	}
	var out [][2]int
	for n := v.At(off); n != syntax.NoNode; n = v.Parent(n) {
		r := [2]int{v.Start(n), v.End(n)}
		if len(out) > 0 && out[len(out)-1] == r {
			continue
		}
		if r[0] > off || r[1] < off {
			continue // a node after the cursor (the offset is between tokens)
		}
		out = append(out, r)
	}
	if len(out) == 0 || out[len(out)-1] != [2]int{0, len(v.Src)} {
		out = append(out, [2]int{0, len(v.Src)})
	}
	return out
}
