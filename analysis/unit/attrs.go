package unit

import (
	"github.com/flake-lsp/flake-lsp/grammar"
	"github.com/flake-lsp/flake-lsp/syntax"
)

// LiteralSet is the attribute-set literal (plain or rec) the expression
// n is, through parentheses; NoNode when it is something else.
func (u *Unit) LiteralSet(n syntax.NodeID) syntax.NodeID {
	v := u.View
	for n != syntax.NoNode && v.Is(n, grammar.KindParenthesized) {
		n = v.Child(n, grammar.FieldExpression)
	}
	if n != syntax.NoNode && isSet(v, n) {
		return n
	}
	return syntax.NoNode
}

// AttrsAt lists the names the set literal defines at the attribute path
// names inside it (`{ a.b = 1; a.c = { d = 2; }; }` has b and c at
// ["a"]), each with the segment that first defines it, following nested
// set literals. Names of computed attributes are left out.
func (u *Unit) AttrsAt(set syntax.NodeID, names []string) []Segment {
	var out []Segment
	seen := map[string]bool{}
	u.walkAttrs(set, names, 0, func(s Segment) {
		if !seen[s.Name] {
			seen[s.Name] = true
			out = append(out, s)
		}
	})
	return out
}

// AttrDefinition is where the set literal defines the attribute path
// names: the segment of its last name (the first definition when several
// bindings extend it).
func (u *Unit) AttrDefinition(set syntax.NodeID, names []string) (Segment, bool) {
	if len(names) == 0 {
		return Segment{}, false
	}
	last := names[len(names)-1]
	var found Segment
	ok := false
	u.walkAttrs(set, names[:len(names)-1], 0, func(s Segment) {
		if !ok && s.Name == last {
			found, ok = s, true
		}
	})
	return found, ok
}

// walkAttrs calls f with each name defined at path names in set.
func (u *Unit) walkAttrs(set syntax.NodeID, names []string, depth int, f func(Segment)) {
	v := u.View
	if set == syntax.NoNode || depth > 16 {
		return
	}
	for c := v.FirstChild(set); c != syntax.NoNode; c = v.Next(c) {
		switch {
		case v.Is(c, grammar.KindBinding):
			path := u.segments(v.Child(c, grammar.FieldAttrpath))
			i := 0
			for ; i < len(path) && i < len(names); i++ {
				if !path[i].Static || path[i].Name != names[i] {
					break
				}
			}
			switch {
			case i < len(names) && i < len(path):
				// A different name on the way.
			case i == len(names) && i < len(path):
				if path[i].Static {
					f(path[i])
				}
			default:
				// The binding's value continues the path.
				u.walkAttrs(u.LiteralSet(v.Child(c, grammar.FieldValue)), names[len(path):], depth+1, f)
			}
		case v.Is(c, grammar.KindInherit) && len(names) == 0:
			for a := v.FirstChild(c); a != syntax.NoNode; a = v.Next(a) {
				if v.FieldName(a) != grammar.FieldAttribute {
					continue
				}
				if name, ok := StaticName(v, a); ok {
					f(Segment{Name: name, Start: v.Start(a), End: v.End(a), Node: a, Static: true})
				}
			}
		}
	}
}
