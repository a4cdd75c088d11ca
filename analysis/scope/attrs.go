package scope

import (
	"fmt"

	"github.com/flake-lsp/flake-lsp/analysis"
	"github.com/flake-lsp/flake-lsp/syntax"
)

// The attribute sets of let, rec { }, { } and let { } are assembled the
// way Nix's parser does it (addAttr in parser.y), because which names a
// scope has, which values see them and what is a duplicate all follow
// from that:
//
//   - `a.b = 1; a.c = 2;` makes one attribute a, a set made by the paths;
//   - a path may go through an attribute whose value is a set literal
//     (`a = { b = 1; }; a.c = 2;`, also `rec { }`): the new attribute
//     joins that literal, and its value is bound where the literal's
//     values are (so in `a = rec { b = 1; }; a.c = b;`, b is a's b);
//   - a set literal given to an attribute that is already a set
//     (`a.b = 1; a = { c = 2; };`) has its attributes moved into it: its
//     `rec` is lost and its dynamic attributes are dropped (Nix 2.8 never
//     looks at them);
//   - anything else defined twice is an error, as is going through an
//     attribute that is not a set literal (`a = 1; a.b = 2;`) or was
//     inherited.

type inheritKind uint8

const (
	notInherited inheritKind = iota
	inheritPlain             // inherit x;
	inheritFrom              // inherit (e) x;
)

// attrSet is one attribute set as Nix's parser builds it.
type attrSet struct {
	node  NodeID // the literal; NoNode for sets made by attribute paths
	kind  nodeKind
	rec   bool // values see the set's own names (rec { }, let { })
	defs  []*attrDef
	index map[string]*attrDef // for large sets
	dyn   []dynDef
	// merged is set on a literal whose attributes were moved into
	// another set; the literal itself is then never bound.
	merged bool
	// quiet lists nodes Nix never binds (dropped dynamic attributes,
	// values of duplicates, error nodes): visited without diagnostics,
	// so that go-to-definition still works in them.
	quiet []NodeID
	// quietReads are names of duplicate `inherit x;` entries.
	quietReads []NodeID
	body       NodeID // let: the body
}

// attrDef is one static attribute.
type attrDef struct {
	name    string
	keys    []NodeID // the name at each definition: first, then each path that extends it
	def     NodeID   // the binding or inherit node of the first definition
	inherit inheritKind
	source  NodeID // inherit (e): e
	shared  bool   // inherit (e) a b: the source belongs to several names
	value   NodeID // the value expression; NoNode for inherits and path-made sets
	nested  *attrSet
	binding *Binding // let and rec: the scope's binding for it
	key0    [1]NodeID
}

// newAttrDef makes a definition whose keys are key alone: the key is
// held in the definition itself (keys of most attributes are never
// extended), saving an allocation per attribute.
func newAttrDef(d attrDef, key NodeID) *attrDef {
	p := &d
	p.key0[0] = key
	p.keys = p.key0[:1:1]
	return p
}

// dynDef is a dynamic attribute: ${e} = v, or ${e}.b = v (nested set).
type dynDef struct {
	key    NodeID
	value  NodeID
	nested *attrSet
}

func (s *attrSet) find(name string) *attrDef {
	if s.index != nil {
		return s.index[name]
	}
	for _, d := range s.defs {
		if d.name == name {
			return d
		}
	}
	return nil
}

func (s *attrSet) add(d *attrDef) {
	s.defs = append(s.defs, d)
	if s.index != nil {
		s.index[d.name] = d
	} else if len(s.defs) > 12 {
		s.index = make(map[string]*attrDef, 2*len(s.defs))
		for _, x := range s.defs {
			s.index[x.name] = x
		}
	}
}

// literalSet returns the assembled set of an attribute-set literal (in
// parentheses or not), nil for any other expression. Sets assigned to
// attributes are assembled before their parent binds them, because later
// bindings may extend them.
func (a *analyzer) literalSet(value NodeID) *attrSet {
	n := a.unparen(value)
	if n == syntax.NoNode {
		return nil
	}
	switch a.kind(n) {
	case kAttrset, kRecAttrset:
		if s := a.sets[n]; s != nil {
			return s
		}
		s := a.buildSet(n)
		a.sets[n] = s
		return s
	}
	return nil
}

// buildSet assembles the attributes of a let, let { }, rec { } or { }.
func (a *analyzer) buildSet(n NodeID) *attrSet {
	k := a.kind(n)
	s := &attrSet{node: n, kind: k, rec: k == kRecAttrset || k == kLegacyLet, body: syntax.NoNode}
	// Room for a definition per binding or inherit (the common case),
	// and the index of a large set made at once rather than grown.
	count := 0
	for c := a.first(n); c != syntax.NoNode; c = a.next(c) {
		if k := a.kind(c); k == kBinding || k == kInherit {
			count++
		}
	}
	if count > 0 {
		s.defs = make([]*attrDef, 0, count)
	}
	if count > 12 {
		s.index = make(map[string]*attrDef, count)
	}
	for c := a.first(n); c != syntax.NoNode; c = a.next(c) {
		switch a.kind(c) {
		case kBinding:
			a.addBinding(s, c)
		case kInherit:
			a.addInherit(s, c)
		case kError:
			s.quiet = append(s.quiet, c)
		default:
			if a.nodes[c].Field == fBody {
				s.body = c
			} else if a.kind(c) != kAnon && a.kind(c) != kComment {
				s.quiet = append(s.quiet, c)
			}
		}
	}
	return s
}

func (a *analyzer) addBinding(s *attrSet, b NodeID) {
	path, value := a.child(b, fAttrpath), a.child(b, fValue)
	if value != syntax.NoNode && a.missing(value) {
		value = syntax.NoNode
	}
	var comps []NodeID
	if path != syntax.NoNode {
		for c := a.first(path); c != syntax.NoNode; c = a.next(c) {
			if k := a.kind(c); k != kAnon && k != kComment {
				comps = append(comps, c)
			}
		}
	}
	if len(comps) == 0 {
		if value != syntax.NoNode {
			s.quiet = append(s.quiet, value)
		}
		return
	}
	cur := s
	for i, comp := range comps {
		last := i == len(comps)-1
		name, st := a.keyName(comp)
		if st == keyDynamic {
			if cur == s && s.kind == kLet {
				a.report(a.start(comp), a.end(comp), analysis.Error, CodeDynamicLet,
					"dynamic attribute in let: a let binding needs a fixed name; use an attribute set instead, or write the name out")
			}
			d := dynDef{key: comp, value: syntax.NoNode}
			if last {
				d.value = value
			} else {
				d.nested = &attrSet{node: syntax.NoNode, kind: kAttrset}
			}
			cur.dyn = append(cur.dyn, d)
			if last {
				return
			}
			cur = d.nested
			continue
		}
		var existing *attrDef
		if st == keyStatic {
			existing = cur.find(name)
		}
		if !last {
			if existing == nil {
				nd := newAttrDef(attrDef{name: name, def: b, value: syntax.NoNode, source: syntax.NoNode,
					nested: &attrSet{node: syntax.NoNode, kind: kAttrset}}, comp)
				if st == keyStatic {
					cur.add(nd)
				} else {
					s.quiet = append(s.quiet, comp)
				}
				cur = nd.nested
				continue
			}
			if existing.nested == nil {
				a.duplicate(comps[:i+1], comps, existing, "")
				if value != syntax.NoNode {
					s.quiet = append(s.quiet, value)
				}
				return
			}
			existing.keys = append(existing.keys, comp)
			cur = existing.nested
			continue
		}
		lit := a.literalSet(value)
		if existing == nil {
			d := newAttrDef(attrDef{name: name, def: b, value: value, nested: lit, source: syntax.NoNode}, comp)
			if st == keyStatic {
				cur.add(d)
			} else if value != syntax.NoNode {
				// A name we cannot spell (rare): bind its value, no clashes.
				cur.dyn = append(cur.dyn, dynDef{key: syntax.NoNode, value: value})
			}
			return
		}
		if existing.nested != nil && lit != nil {
			existing.keys = append(existing.keys, comp)
			a.merge(existing.nested, lit, comps)
			return
		}
		a.duplicate(comps, comps, existing, "")
		if value != syntax.NoNode {
			s.quiet = append(s.quiet, value)
		}
		return
	}
}

// merge moves the attributes of literal lit into set into, as Nix does
// for `a.b = 1; a = { c = 2; };`.
func (a *analyzer) merge(into, lit *attrSet, path []NodeID) {
	lit.merged = true
	for _, d := range lit.defs {
		if x := into.find(d.name); x != nil {
			a.duplicate([]NodeID{d.keys[0]}, []NodeID{d.keys[0]}, x, fmt.Sprintf(" (merging the attribute set given to '%s')", a.pathText(path)))
			switch {
			case d.value != syntax.NoNode:
				into.quiet = append(into.quiet, d.value)
			case d.inherit == inheritPlain:
				into.quietReads = append(into.quietReads, d.keys[0])
			case d.source != syntax.NoNode:
				into.quiet = append(into.quiet, d.source)
			}
			continue
		}
		into.add(d)
	}
	for _, d := range lit.dyn {
		if d.key != syntax.NoNode {
			into.quiet = append(into.quiet, d.key)
		}
		if d.value != syntax.NoNode {
			into.quiet = append(into.quiet, d.value)
		}
		if d.nested != nil {
			into.quiet = append(into.quiet, d.nested.allNodes()...)
		}
	}
	into.quiet = append(into.quiet, lit.quiet...)
	into.quietReads = append(into.quietReads, lit.quietReads...)
}

// allNodes lists the keys and values under a path-made set, for quiet
// visits of dropped attributes.
func (s *attrSet) allNodes() []NodeID {
	var out []NodeID
	for _, d := range s.defs {
		if d.value != syntax.NoNode {
			out = append(out, d.value)
		}
		if d.source != syntax.NoNode {
			out = append(out, d.source)
		}
		if d.nested != nil && d.value == syntax.NoNode {
			out = append(out, d.nested.allNodes()...)
		}
	}
	for _, d := range s.dyn {
		if d.key != syntax.NoNode {
			out = append(out, d.key)
		}
		if d.value != syntax.NoNode {
			out = append(out, d.value)
		}
		if d.nested != nil {
			out = append(out, d.nested.allNodes()...)
		}
	}
	return append(out, s.quiet...)
}

func (a *analyzer) addInherit(s *attrSet, n NodeID) {
	source := a.child(n, fSource)
	kind := inheritPlain
	if source != syntax.NoNode {
		kind = inheritFrom
		if a.missing(source) {
			source = syntax.NoNode
		}
	}
	var attrs []NodeID
	for c := a.first(n); c != syntax.NoNode; c = a.next(c) {
		if a.nodes[c].Field == fAttribute {
			attrs = append(attrs, c)
		} else if a.kind(c) == kError {
			s.quiet = append(s.quiet, c)
		}
	}
	if len(attrs) == 0 {
		if a.quiet == 0 && !a.hasError(n) {
			a.emptyInherit(n)
		}
		if source != syntax.NoNode {
			s.quiet = append(s.quiet, source) // Nix never binds it
		}
		return
	}
	added := false
	for _, attr := range attrs {
		name, st := a.keyName(attr)
		switch st {
		case keyDynamic:
			a.report(a.start(attr), a.end(attr), analysis.Error, CodeDynamicInherit,
				"dynamic attribute in inherit: inherit takes fixed names; write `name = expr;` instead")
			s.quiet = append(s.quiet, attr)
			continue
		case keyUnknown:
			continue
		}
		if x := s.find(name); x != nil {
			a.duplicate([]NodeID{attr}, []NodeID{attr}, x, "")
			if kind == inheritPlain {
				// Still read the name (quietly): the author meant to use it.
				s.quietReads = append(s.quietReads, attr)
			}
			continue
		}
		added = true
		s.add(newAttrDef(attrDef{name: name, def: n, inherit: kind, source: source,
			shared: len(attrs) > 1, value: syntax.NoNode}, attr))
	}
	if source != syntax.NoNode && !added {
		// Every name was a duplicate or dynamic: Nix binds no source.
		s.quiet = append(s.quiet, source)
	}
}

// duplicate reports a second definition. shown is the part of the path
// the range covers, full the whole path for the message.
func (a *analyzer) duplicate(shown, full []NodeID, first *attrDef, note string) {
	start, end := a.start(shown[0]), a.end(shown[len(shown)-1])
	if a.quiet > 0 || a.inErrorRegion(start) {
		return
	}
	what := a.pathText(full)
	var msg string
	switch {
	case len(shown) < len(full) && first.inherit != notInherited:
		msg = fmt.Sprintf("duplicate attribute '%s': '%s' is inherited, so '%s' cannot extend it; define it in one place",
			what, a.pathText(shown), what)
	case len(shown) < len(full):
		msg = fmt.Sprintf("duplicate attribute '%s': '%s' is already defined, and not as an attribute set literal that '%s' could extend; merge the definitions into one",
			what, a.pathText(shown), what)
	default:
		msg = fmt.Sprintf("duplicate attribute '%s'%s: it is already defined; remove or rename one of the definitions", what, note)
	}
	d := analysis.Diagnostic{File: a.opts.File, Start: start, End: end, Severity: analysis.Error, Code: CodeDuplicateAttribute, Message: msg}
	if len(first.keys) > 0 {
		k := first.keys[0]
		d.Related = []analysis.Related{{File: a.opts.File, Start: a.start(k), End: a.end(k), Message: "first defined here"}}
	}
	a.res.Diagnostics = append(a.res.Diagnostics, d)
}
