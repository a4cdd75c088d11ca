// Package scope binds the names of a Nix file as Nix does: which
// definition every variable refers to, which `with` may supply the names
// that no definition binds, and the diagnostics that follow (undefined
// variables, duplicate attributes and formals, unused bindings). It reads
// the tree through syntax.View and knows nothing of LSP; the language
// server and `flake-lsp check` both use it.
//
// The rules are Nix's (libexpr's parser and bindVars), including the ways
// Nix 2.8 merges attribute paths with attribute-set literals; see
// docs/diagnostics.md, section "Names and scopes".
package scope

import (
	"sort"

	"github.com/flake-lsp/flake-lsp/analysis"
	"github.com/flake-lsp/flake-lsp/analysis/builtins"
	"github.com/flake-lsp/flake-lsp/syntax"
)

// NodeID is a node of the syntax.View the analysis was made from.
type NodeID = syntax.NodeID

// Kind says what defines a Binding.
type Kind uint8

const (
	// KindLet: `let x = ...; in`, also `let { x = ...; }` and `inherit`
	// inside a let.
	KindLet Kind = iota + 1
	// KindRecAttr: an attribute of `rec { }`.
	KindRecAttr
	// KindFormal: `{ x, y ? d }: ...`.
	KindFormal
	// KindParam: `x: ...`.
	KindParam
	// KindAt: the name of the whole argument, `args@{ ... }:` or
	// `{ ... }@args:`.
	KindAt
	// KindBuiltin: the global scope (map, toString, __add, true, ...).
	KindBuiltin
)

func (k Kind) String() string {
	switch k {
	case KindLet:
		return "let binding"
	case KindRecAttr:
		return "rec attribute"
	case KindFormal:
		return "formal"
	case KindParam:
		return "lambda parameter"
	case KindAt:
		return "@ name"
	case KindBuiltin:
		return "builtin"
	}
	return "unknown"
}

// Binding is one name a scope defines.
type Binding struct {
	Name string
	Kind Kind
	// Start, End: the byte range of the name where it is (first) defined;
	// -1 for builtins.
	Start, End int
	// Node is the name's node (identifier, attribute, string or
	// interpolation); syntax.NoNode for builtins.
	Node NodeID
	// Def is the construct that defines it: the binding, inherit or
	// formal node, or the lambda for parameters and @ names.
	Def NodeID
	// Value is the expression the name is bound to: the binding's value,
	// a formal's default; NoNode for parameters, formals without default,
	// `inherit x;`, and attributes assembled from attribute paths
	// (`a.b = 1; a.c = 2;`).
	Value NodeID
	// Inherited is set for names defined by `inherit`; Source is the
	// expression of `inherit (e) x;` (the value is e.x).
	Inherited bool
	Source    NodeID
	// Scope is where the name is bound.
	Scope *Scope
	// Builtin describes a KindBuiltin binding.
	Builtin *builtins.Builtin

	reads int32 // Read references (only counted for the file's own bindings)
	defs  int32 // places that define it (a.b = ...; a.c = ...; is two)
	quiet bool  // defined inside a syntax error: never reported
}

// ScopeKind says what introduces a Scope.
type ScopeKind uint8

const (
	ScopeGlobal ScopeKind = iota + 1
	ScopeLet
	ScopeLegacyLet // let { ...; body = ...; }
	ScopeRec
	ScopeLambda
	// ScopeWith binds nothing itself: names that no lexical scope binds
	// may come from its environment.
	ScopeWith
)

// Scope is a set of names visible in a region of the file.
type Scope struct {
	Kind ScopeKind
	// Node introduces the scope (let, legacy_let, rec_attrset, lambda,
	// with); NoNode for the global scope. For a rec set other literals
	// were merged into, it is the first literal.
	Node NodeID
	// Parent is the enclosing scope (nil for the global scope).
	Parent *Scope
	// Bindings in order of definition; names defined twice (an error)
	// keep their first definition.
	Bindings []*Binding
	// With is set for ScopeWith.
	With *With

	names      map[string]*Binding // for large scopes; small ones are searched linearly
	innerStart int                 // the scope covers the node's text from here on
	current    *Binding            // while binding a let: the binding whose value is visited
	edges      []edge              // let: which bindings' values use which bindings
}

type edge struct{ from, to *Binding }

// Lookup finds a name defined in this scope itself.
func (s *Scope) Lookup(name string) *Binding {
	if s.names != nil {
		return s.names[name]
	}
	for _, b := range s.Bindings {
		if b.Name == name {
			return b
		}
	}
	return nil
}

func (s *Scope) add(b *Binding) {
	if s.Lookup(b.Name) != nil {
		return // a duplicate, reported elsewhere; the first definition wins
	}
	s.Bindings = append(s.Bindings, b)
	if s.names != nil {
		s.names[b.Name] = b
	} else if len(s.Bindings) > 12 {
		s.names = make(map[string]*Binding, 2*len(s.Bindings))
		for _, x := range s.Bindings {
			s.names[x.Name] = x
		}
	}
}

// With is one `with e; body`.
type With struct {
	Node, Env, Body NodeID
	// Outer is the enclosing with, if any: a name not found in this
	// one's environment is looked up there.
	Outer *With
	// Uses are the names in Body that no lexical scope binds: each comes
	// from this with or an outer one (innermost first, decided at
	// evaluation).
	Uses []Ref
}

// Used reports whether some name under the with may come from it.
func (w *With) Used() bool { return len(w.Uses) > 0 }

// RefKind tells reads from definitions.
type RefKind uint8

const (
	// Read: the name is used as a variable (also `inherit x;`, which
	// reads x from the enclosing scope).
	Read RefKind = iota + 1
	// Write: the name is defined here (a let or rec binding, including
	// each `a.x = ...;` that extends it, a formal, a parameter).
	Write
)

// Ref is one occurrence of a name.
type Ref struct {
	Start, End int
	Node       NodeID
	Kind       RefKind
	// Binding is what the name refers to; nil for a read that no scope
	// binds (it comes from a with, or is undefined).
	Binding *Binding
	// With, for a read with no Binding, is the innermost with that may
	// supply it (see Withs); nil when the variable is undefined.
	With *With
	// Implicit marks reads that do not appear in the text: `<nixpkgs>`
	// reads __findFile and __nixPath.
	Implicit bool
}

// Withs lists the withs that may supply an unbound read, innermost first.
func (r Ref) Withs() []*With {
	var out []*With
	for w := r.With; w != nil; w = w.Outer {
		out = append(out, w)
	}
	return out
}

// Options configure Analyze.
type Options struct {
	// File is the path put in diagnostics.
	File string
	// Flake marks a flake.nix: the arguments of its top-level outputs
	// function are not reported unused (the flake analysis reports unused
	// inputs).
	Flake bool
}

// Result is the analysis of one file. It is immutable and safe for
// concurrent use.
type Result struct {
	Diagnostics []analysis.Diagnostic
	// Bindings defined in the file, in the order they were bound.
	Bindings []*Binding
	// Refs: every occurrence of a name, sorted by Start.
	Refs []Ref
	// Withs in the order they were met.
	Withs []*With
	// Global is the scope of the builtins, the parent of every other.
	Global *Scope

	view       *syntax.View
	envOf      map[NodeID]*Scope // nodes whose environment differs from their parent's
	introduced map[NodeID]*Scope // the scope each scope-introducing node makes
}

// RefsAt returns the references whose name contains the offset (or ends
// at it, so that a cursor just after a name finds it).
func (r *Result) RefsAt(off int) []Ref {
	i := sort.Search(len(r.Refs), func(i int) bool { return r.Refs[i].Start > off })
	var strict, touching []Ref
	for j := i - 1; j >= 0 && j >= i-8; j-- {
		ref := r.Refs[j]
		if ref.Start <= off && off < ref.End {
			strict = append(strict, ref)
		} else if ref.End == off {
			touching = append(touching, ref)
		}
	}
	if strict != nil {
		return reverse(strict)
	}
	return reverse(touching)
}

func reverse(refs []Ref) []Ref {
	for i, j := 0, len(refs)-1; i < j; i, j = i+1, j-1 {
		refs[i], refs[j] = refs[j], refs[i]
	}
	return refs
}

// DefinitionAt is the binding the name at off refers to: for a variable,
// what it is bound to; for a definition, the binding it defines; for the
// name in `inherit x;`, the outer x it reads. Nil when there is no name
// at off, or it is not bound lexically (from a with, or undefined).
func (r *Result) DefinitionAt(off int) *Binding {
	var write *Binding
	for _, ref := range r.RefsAt(off) {
		switch {
		case ref.Kind == Read && ref.Binding != nil && (!ref.Implicit || ref.Binding.Kind != KindBuiltin):
			return ref.Binding
		case ref.Kind == Write && write == nil:
			write = ref.Binding
		}
	}
	return write
}

// References returns every occurrence of b, definitions included, in
// source order.
func (r *Result) References(b *Binding) []Ref {
	var out []Ref
	for _, ref := range r.Refs {
		if ref.Binding == b {
			out = append(out, ref)
		}
	}
	return out
}

// ScopeAt is the innermost scope at an offset: the environment an
// expression typed there would be evaluated in.
func (r *Result) ScopeAt(off int) *Scope {
	v := r.view
	if v == nil || v.Root() == syntax.NoNode {
		return r.Global
	}
	n := v.At(off)
	if off > 0 && off <= len(v.Src) && isNameByte(v.Src[off-1]) {
		// Just after a name (`f acc|)`): the name is where the cursor is,
		// not the token that starts at the offset.
		n = v.At(off - 1)
	} else if v.FirstChild(n) != syntax.NoNode {
		// The offset is in the space between tokens (as while typing
		// `in |`): the token before it tells where the cursor is.
		p := off
		for p > 0 && p <= len(v.Src) && isSpace(v.Src[p-1]) {
			p--
		}
		if p > 0 {
			n = v.At(p - 1)
		}
	}
	for ; n != syntax.NoNode; n = v.Parent(n) {
		if s, ok := r.introduced[n]; ok && off >= s.innerStart {
			return s
		}
		if s, ok := r.envOf[n]; ok {
			return s
		}
	}
	return r.Global
}

func isNameByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '\'' || c == '-'
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// VisibleAt lists the bindings visible at an offset, innermost first,
// each name once (inner definitions hide outer ones), builtins last.
// Names a with may supply are not listed: see WithsAt.
func (r *Result) VisibleAt(off int) []*Binding {
	var out []*Binding
	seen := map[string]bool{}
	for s := r.ScopeAt(off); s != nil; s = s.Parent {
		for _, b := range s.Bindings {
			if !seen[b.Name] {
				seen[b.Name] = true
				out = append(out, b)
			}
		}
	}
	return out
}

// WithsAt lists the withs whose body contains the offset, innermost first:
// their environments may supply names VisibleAt does not list.
func (r *Result) WithsAt(off int) []*With {
	var out []*With
	for s := r.ScopeAt(off); s != nil; s = s.Parent {
		if s.Kind == ScopeWith {
			out = append(out, s.With)
		}
	}
	return out
}

// Unused reports whether the analysis found no use of b (what the unused
// diagnostics are based on; for let bindings, uses from other unused
// bindings of the same let do not count).
func (r *Result) Unused(b *Binding) bool {
	if b.Kind == KindBuiltin {
		return false
	}
	if b.Kind == KindLet {
		return !b.Scope.live()[b]
	}
	return b.reads == 0
}

// live returns the let bindings reachable from the let's body (or, for a
// legacy let, from its body attribute).
func (s *Scope) live() map[*Binding]bool {
	live := map[*Binding]bool{}
	var queue []*Binding
	mark := func(b *Binding) {
		if !live[b] {
			live[b] = true
			queue = append(queue, b)
		}
	}
	if s.Kind == ScopeLegacyLet {
		if b := s.Lookup("body"); b != nil {
			mark(b)
		}
	}
	next := map[*Binding][]*Binding{}
	for _, e := range s.edges {
		if e.from == nil {
			mark(e.to)
		} else {
			next[e.from] = append(next[e.from], e.to)
		}
	}
	for len(queue) > 0 {
		b := queue[len(queue)-1]
		queue = queue[:len(queue)-1]
		for _, to := range next[b] {
			mark(to)
		}
	}
	return live
}
