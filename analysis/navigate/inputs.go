package navigate

import (
	"bytes"
	"sort"
	"strings"

	"github.com/flake-lsp/flake-lsp/analysis/scope"
	"github.com/flake-lsp/flake-lsp/analysis/unit"
	"github.com/flake-lsp/flake-lsp/grammar"
	"github.com/flake-lsp/flake-lsp/syntax"
)

// inputRef is one place in flake.nix that names a top-level input.
type inputRef struct {
	Name       string
	Start, End int
	Write      bool // the declaration (`inputs.<name>...`)
	// Formal: the outputs function's formal; its uses are found through
	// the scope analysis.
	Formal bool
	// Inherit: the name in `inherit (inputs) <name>;`, which also defines
	// a name.
	Inherit bool
}

// InputAt is the top-level input the name at off refers to (see inputAt).
func InputAt(u *unit.Unit, off int) (string, bool) { return inputAt(u, off) }

// inputAt is the input the name at off refers to, if any: a declaration
// key, the outputs formal or a use of it, `inputs.<name>` through the @
// name or the outputs parameter, `inherit (inputs) <name>`, or the first
// segment of a follows string.
func inputAt(u *unit.Unit, off int) (string, bool) {
	refs := inputRefs(u)
	// The refs are sorted by start and never overlap: the one at off is
	// the last starting at or before it.
	i := sort.Search(len(refs), func(i int) bool { return refs[i].Start > off })
	for j := i - 1; j >= 0 && j >= i-2; j-- {
		if r := refs[j]; r.Start <= off && off <= r.End {
			return r.Name, true
		}
	}
	return "", false
}

// inputRefs lists every place flake.nix names a declared input (or a
// formal of the outputs function, declared or not), in source order.
func inputRefs(u *unit.Unit) []inputRef {
	if !u.IsFlake() {
		return nil
	}
	return u.Memo(inputRefsKey{}, func() any { return findInputRefs(u) }).([]inputRef)
}

type inputRefsKey struct{}

func findInputRefs(u *unit.Unit) []inputRef {
	v := u.View
	var out []inputRef
	top := u.TopSet()
	// Declarations: `inputs.<name>...` and `inputs = { <name> ... }`, and
	// follows strings anywhere under inputs.
	for _, b := range bindingsOf(v, top) {
		path := segments(v, b)
		if len(path) == 0 || path[0].Name != "inputs" {
			continue
		}
		if len(path) >= 2 {
			out = append(out, inputRef{Name: path[1].Name, Start: path[1].Start, End: path[1].End, Write: true})
			out = append(out, followsRefs(u, b, path)...)
			continue
		}
		val := unparen(v, v.Child(b, grammar.FieldValue))
		for _, ib := range bindingsOf(v, val) {
			ip := segments(v, ib)
			if len(ip) == 0 {
				continue
			}
			out = append(out, inputRef{Name: ip[0].Name, Start: ip[0].Start, End: ip[0].End, Write: true})
			out = append(out, followsRefs(u, ib, append([]unit.Segment{path[0]}, ip...))...)
		}
	}
	// The outputs function: formals, their uses, and inputs.<name>.
	fn := u.Flake.Outputs
	if fn != syntax.NoNode && u.Scope != nil {
		for name, node := range u.Flake.Formals {
			if name == "self" {
				continue
			}
			out = append(out, inputRef{Name: name, Start: v.Start(node), End: v.End(node), Formal: true})
			if b := u.Scope.DefinitionAt(v.Start(node)); b != nil {
				for _, r := range u.Scope.References(b) {
					if r.Kind == scope.Read && !r.Implicit {
						out = append(out, inputRef{Name: name, Start: r.Start, End: r.End})
					}
				}
			}
		}
		// The whole-argument names: `inputs: ...` or `{ ... }@inputs:`.
		for _, b := range u.Scope.Bindings {
			if (b.Kind != scope.KindAt && b.Kind != scope.KindParam) || b.Def != fn {
				continue
			}
			for _, r := range u.Scope.References(b) {
				if r.Kind != scope.Read || r.Implicit {
					continue
				}
				if seg, ok := memberAfter(v, r.Node); ok && seg.Name != "self" {
					out = append(out, inputRef{Name: seg.Name, Start: seg.Start, End: seg.End})
				}
				out = append(out, inheritedFrom(v, r.Node)...)
			}
		}
	}
	sortRefs(out)
	return out
}

// followsRefs finds, in the binding b (whose path is given), follows
// strings and returns the first segment of each as a reference to that
// top-level input.
func followsRefs(u *unit.Unit, b syntax.NodeID, path []unit.Segment) []inputRef {
	v := u.View
	var out []inputRef
	var visit func(b syntax.NodeID, path []unit.Segment)
	visit = func(b syntax.NodeID, path []unit.Segment) {
		val := unparen(v, v.Child(b, grammar.FieldValue))
		if len(path) > 0 && path[len(path)-1].Name == "follows" && v.Is(val, grammar.KindString) {
			if s, ok := unit.StringValue(v, val); ok && s != "" {
				first, _, _ := strings.Cut(s, "/")
				start := v.Start(val) + 1
				if first != "" && bytes.HasPrefix(v.Src[start:], []byte(first)) {
					out = append(out, inputRef{Name: first, Start: start, End: start + len(first)})
				}
			}
			return
		}
		for _, ib := range bindingsOf(v, val) {
			visit(ib, append(append([]unit.Segment{}, path...), segments(v, ib)...))
		}
	}
	visit(b, path)
	return out
}

// memberAfter is the attribute selected right after the variable n
// (`inputs.nixpkgs` for n = inputs).
func memberAfter(v *syntax.View, n syntax.NodeID) (unit.Segment, bool) {
	sel := v.Parent(n)
	if sel == syntax.NoNode || !v.Is(sel, grammar.KindSelect) || v.Child(sel, grammar.FieldExpression) != n {
		return unit.Segment{}, false
	}
	ap := v.Child(sel, grammar.FieldAttrpath)
	for c := v.FirstChild(ap); c != syntax.NoNode; c = v.Next(c) {
		if v.IsNamed(c) && !v.IsExtra(c) {
			name, static := unit.StaticName(v, c)
			if !static {
				return unit.Segment{}, false
			}
			start, end := v.Start(c), v.End(c)
			if v.Is(c, grammar.KindString) {
				start, end = start+1, end-1
			}
			return unit.Segment{Name: name, Start: start, End: end, Node: c, Static: true}, true
		}
	}
	return unit.Segment{}, false
}

// inheritedFrom: `inherit (inputs) a b;` names inputs a and b when n is
// the source expression.
func inheritedFrom(v *syntax.View, n syntax.NodeID) []inputRef {
	src := n
	up := v.Parent(src)
	for up != syntax.NoNode && v.Is(up, grammar.KindParenthesized) {
		src, up = up, v.Parent(up)
	}
	if up == syntax.NoNode || !v.Is(up, grammar.KindInherit) || v.Child(up, grammar.FieldSource) != src {
		return nil
	}
	var out []inputRef
	for c := v.FirstChild(up); c != syntax.NoNode; c = v.Next(c) {
		if v.FieldName(c) == grammar.FieldAttribute {
			if name, ok := unit.StaticName(v, c); ok {
				out = append(out, inputRef{Name: name, Start: v.Start(c), End: v.End(c), Inherit: true})
			}
		}
	}
	return out
}

func bindingsOf(v *syntax.View, set syntax.NodeID) []syntax.NodeID {
	if set == syntax.NoNode || !(v.Is(set, grammar.KindAttrset) || v.Is(set, grammar.KindRecAttrset)) {
		return nil
	}
	var out []syntax.NodeID
	for c := v.FirstChild(set); c != syntax.NoNode; c = v.Next(c) {
		if v.Is(c, grammar.KindBinding) {
			out = append(out, c)
		}
	}
	return out
}

func segments(v *syntax.View, b syntax.NodeID) []unit.Segment {
	ap := v.Child(b, grammar.FieldAttrpath)
	var out []unit.Segment
	for c := v.FirstChild(ap); c != syntax.NoNode; c = v.Next(c) {
		if v.IsNamed(c) && !v.IsExtra(c) {
			name, static := unit.StaticName(v, c)
			start, end := v.Start(c), v.End(c)
			if v.Is(c, grammar.KindString) && static {
				start, end = start+1, end-1
			}
			out = append(out, unit.Segment{Name: name, Start: start, End: end, Node: c, Static: static})
		}
	}
	return out
}

func unparen(v *syntax.View, n syntax.NodeID) syntax.NodeID {
	for n != syntax.NoNode && v.Is(n, grammar.KindParenthesized) {
		n = v.Child(n, grammar.FieldExpression)
	}
	return n
}
