package scope

import (
	"sort"
	"sync"

	"github.com/flake-lsp/flake-lsp/analysis"
	"github.com/flake-lsp/flake-lsp/analysis/builtins"
	"github.com/flake-lsp/flake-lsp/grammar"
	"github.com/flake-lsp/flake-lsp/syntax"
)

// globalScope is shared by every Result: it is never modified after it is
// built, and builtins' reads are not counted.
var globalScope = sync.OnceValue(func() *Scope {
	s := &Scope{Kind: ScopeGlobal, Node: syntax.NoNode}
	for _, b := range builtins.Globals() {
		s.add(&Binding{Name: b.Global, Kind: KindBuiltin, Start: -1, End: -1, Node: syntax.NoNode,
			Def: syntax.NoNode, Value: syntax.NoNode, Source: syntax.NoNode, Scope: s, Builtin: b})
	}
	return s
})

// GlobalScope is the scope of the builtins reachable without `builtins.`.
func GlobalScope() *Scope { return globalScope() }

type analyzer struct {
	v     *syntax.View
	nodes []grammar.FlatNode
	src   []byte
	opts  Options
	res   *Result

	intern map[string]string
	env    *Scope // the environment of the node being visited
	// quiet > 0 inside syntax errors and code Nix never binds: names are
	// resolved (for go-to-definition) but nothing is reported.
	quiet int
	// errWords are the words inside syntax errors: a name among them may
	// be defined or used in the unparsed text, so it is never reported
	// undefined or unused.
	errWords map[string]bool
	regions  [][2]int            // see collectErrorRegions
	sets     map[NodeID]*attrSet // literals assembled ahead of binding
	sources  map[NodeID]bool     // inherit (e) sources already visited
	outputs  NodeID              // flake.nix: the outputs function
	withs    []withInfo
	recs     []*Scope
}

type withInfo struct {
	w     *With
	quiet bool
}

// Analyze binds every name of the file in v.
func Analyze(v *syntax.View, opts Options) *Result {
	if v == nil || v.Root() == syntax.NoNode {
		return &Result{Global: globalScope(), view: v, envOf: map[NodeID]*Scope{}, introduced: map[NodeID]*Scope{}}
	}
	// Maps sized from the node count (a 650 KB package set: 150,000 to
	// 190,000 nodes, 5,500 to 6,900 distinct names, up to 4,800 scopes):
	// growing them rehashed every entry several times.
	n := len(v.Nodes)
	res := &Result{Global: globalScope(), view: v, envOf: make(map[NodeID]*Scope, n/64), introduced: make(map[NodeID]*Scope, n/64)}
	a := &analyzer{v: v, nodes: v.Nodes, src: v.Src, opts: opts, res: res,
		intern: make(map[string]string, max(256, n/32)), sets: map[NodeID]*attrSet{}, outputs: syntax.NoNode}
	res.Refs = make([]Ref, 0, len(v.Nodes)/8)
	a.collectErrorRegions()
	if opts.Flake {
		a.outputs = a.outputsFunction()
	}
	a.env = res.Global
	a.visit(v.Root(), res.Global)
	a.finish()
	sort.SliceStable(res.Refs, func(i, j int) bool { return res.Refs[i].Start < res.Refs[j].Start })
	sort.SliceStable(res.Diagnostics, func(i, j int) bool { return res.Diagnostics[i].Start < res.Diagnostics[j].Start })
	return res
}

func (a *analyzer) visit(n NodeID, env *Scope) {
	if n == syntax.NoNode {
		return
	}
	if env != a.env {
		// Record where the environment changes, for ScopeAt.
		a.res.envOf[n] = env
		prev := a.env
		a.env = env
		a.visitNode(n, env)
		a.env = prev
		return
	}
	a.visitNode(n, env)
}

func (a *analyzer) visitQuiet(n NodeID, env *Scope) {
	a.quiet++
	a.visit(n, env)
	a.quiet--
}

func (a *analyzer) visitNode(n NodeID, env *Scope) {
	switch a.kind(n) {
	case kIdentifier:
		a.use(n, env)
	case kLambda:
		a.lambda(n, env)
	case kLet:
		a.let(n, env)
	case kAttrset, kRecAttrset, kLegacyLet:
		a.setLiteral(n, env)
	case kWith:
		a.with(n, env)
	case kSearchPath:
		// <p> is __findFile __nixPath "p" to Nix: both can be rebound.
		a.read(n, "__findFile", env, true)
		a.read(n, "__nixPath", env, true)
	case kUri:
		a.urlLiteral(n)
	case kError, kBinding, kInherit:
		// Bindings and inherits outside a set only occur in error recovery.
		a.quiet++
		a.children(n, env)
		a.quiet--
	case kAttribute, kAnon, kComment, kStringFragment, kEscape:
	default:
		a.children(n, env)
	}
}

func (a *analyzer) children(n NodeID, env *Scope) {
	for c := a.first(n); c != syntax.NoNode; c = a.next(c) {
		if k := a.kind(c); k != kAnon && k != kComment {
			a.visit(c, env)
		}
	}
}

// use is a variable.
func (a *analyzer) use(n NodeID, env *Scope) {
	if a.missing(n) {
		return
	}
	name := a.name(n)
	if name == "__curPos" {
		return // Nix's parser turns it into the current position, never a variable
	}
	a.read(n, name, env, false)
}

// read resolves name as Nix's ExprVar::bindVars does: the innermost
// lexical definition wins, whatever withs lie in between; only a name no
// scope (the global one included) defines comes from a with.
func (a *analyzer) read(n NodeID, name string, env *Scope, implicit bool) {
	start, end := a.start(n), a.end(n)
	var with *With
	for s := env; s != nil; s = s.Parent {
		if s.Kind == ScopeWith {
			if with == nil {
				with = s.With
			}
			continue
		}
		if b := s.Lookup(name); b != nil {
			a.res.Refs = append(a.res.Refs, Ref{Start: start, End: end, Node: n, Kind: Read, Binding: b, Implicit: implicit})
			if b.Kind != KindBuiltin {
				b.reads++
				if s.Kind == ScopeLet || s.Kind == ScopeLegacyLet {
					s.edges = append(s.edges, edge{s.current, b})
				}
			}
			return
		}
	}
	ref := Ref{Start: start, End: end, Node: n, Kind: Read, With: with, Implicit: implicit}
	a.res.Refs = append(a.res.Refs, ref)
	if with != nil {
		for w := with; w != nil; w = w.Outer {
			w.Uses = append(w.Uses, ref)
		}
		return
	}
	if a.quiet == 0 && !a.errWords[name] && !a.inErrorRegion(start) {
		a.undefined(n, name, env)
	}
}

// define adds a binding to s, with a Write reference at its name.
func (a *analyzer) define(s *Scope, name string, nameNode NodeID, kind Kind, def, value NodeID) *Binding {
	b := &Binding{Name: name, Kind: kind, Start: a.start(nameNode), End: a.end(nameNode), Node: nameNode,
		Def: def, Value: value, Source: syntax.NoNode, Scope: s, quiet: a.quiet > 0, defs: 1}
	s.add(b)
	a.res.Bindings = append(a.res.Bindings, b)
	a.res.Refs = append(a.res.Refs, Ref{Start: b.Start, End: b.End, Node: nameNode, Kind: Write, Binding: b})
	return b
}

func (a *analyzer) lambda(n NodeID, env *Scope) {
	s := &Scope{Kind: ScopeLambda, Node: n, Parent: env, innerStart: a.start(n)}
	a.res.introduced[n] = s
	param, formals, body := syntax.NoNode, syntax.NoNode, syntax.NoNode
	var extra []NodeID
	for c := a.first(n); c != syntax.NoNode; c = a.next(c) {
		switch a.nodes[c].Field {
		case fParameter:
			param = c
		case fFormals:
			formals = c
		case fBody:
			body = c
		default:
			if k := a.kind(c); k != kAnon && k != kComment {
				extra = append(extra, c)
			}
		}
	}
	if param != syntax.NoNode && (a.missing(param) || a.kind(param) != kIdentifier) {
		extra = append(extra, param)
		param = syntax.NoNode
	}
	if formals == syntax.NoNode {
		if param != syntax.NoNode {
			b := a.define(s, a.name(param), param, KindParam, n, syntax.NoNode)
			a.shadows(b)
		}
	} else {
		var at *Binding
		if param != syntax.NoNode {
			at = a.define(s, a.name(param), param, KindAt, n, syntax.NoNode)
			a.shadows(at)
		}
		var defaults []NodeID
		for f := a.first(formals); f != syntax.NoNode; f = a.next(f) {
			switch a.kind(f) {
			case kFormal:
				name, def := a.child(f, fName), a.child(f, fDefault)
				if def != syntax.NoNode && !a.missing(def) {
					defaults = append(defaults, def)
				}
				if name == syntax.NoNode || a.missing(name) {
					continue
				}
				text := a.name(name)
				if prev := s.Lookup(text); prev != nil && a.quiet == 0 {
					if prev.Kind == KindAt {
						a.reportRelated(at.Start, at.End, analysis.Error, CodeDuplicateAtName,
							"'"+text+"' names both the whole argument and one of its attributes (Nix: duplicate formal function argument); rename the @ name",
							name, "the formal")
					} else {
						a.reportRelated(a.start(name), a.end(name), analysis.Error, CodeDuplicateFormal,
							"duplicate formal '"+text+"': the function already takes an argument of that name; remove one",
							prev.Node, "first declared here")
					}
				}
				value := syntax.NoNode
				if def != syntax.NoNode && !a.missing(def) {
					value = def
				}
				b := a.define(s, text, name, KindFormal, f, value)
				a.shadows(b)
			case kError:
				extra = append(extra, f)
			}
		}
		// Defaults see every formal and the @ name.
		for _, d := range defaults {
			a.visit(d, s)
		}
	}
	a.visit(body, s)
	for _, e := range extra {
		a.visitQuiet(e, s)
	}
}

func (a *analyzer) let(n NodeID, env *Scope) {
	set := a.buildSet(n)
	s := &Scope{Kind: ScopeLet, Node: n, Parent: env, innerStart: a.start(n) + len("let")}
	a.res.introduced[n] = s
	a.defineSet(set, s, KindLet)
	a.bindValues(set, env, s, s)
	if set.body != syntax.NoNode {
		a.visit(set.body, s)
	}
}

func (a *analyzer) setLiteral(n NodeID, env *Scope) {
	set := a.sets[n]
	if set == nil {
		set = a.buildSet(n)
	}
	if set.merged {
		// Nix moved its attributes into another set, which binds them.
		return
	}
	a.bindSet(set, env)
}

// bindSet binds the values of an assembled set evaluated in env.
func (a *analyzer) bindSet(set *attrSet, env *Scope) {
	if !set.rec {
		a.bindValues(set, env, env, nil)
		return
	}
	kind, bkind := ScopeRec, KindRecAttr
	if set.kind == kLegacyLet {
		kind, bkind = ScopeLegacyLet, KindLet
		a.legacyLet(set.node)
	}
	s := &Scope{Kind: kind, Node: set.node, Parent: env, innerStart: a.openBrace(set.node)}
	a.res.introduced[set.node] = s
	a.defineSet(set, s, bkind)
	if kind == ScopeRec && a.quiet == 0 {
		a.recs = append(a.recs, s)
	}
	a.bindValues(set, env, s, s)
}

// openBrace is the offset just after the `{` of a set literal.
func (a *analyzer) openBrace(n NodeID) int {
	for c := a.first(n); c != syntax.NoNode; c = a.next(c) {
		if a.kind(c) == kAnon && a.src[a.start(c)] == '{' {
			return a.end(c)
		}
	}
	return a.start(n)
}

// defineSet makes the bindings of a let or rec set's attributes.
func (a *analyzer) defineSet(set *attrSet, s *Scope, kind Kind) {
	if n := len(set.defs); n > 0 && s.Bindings == nil {
		s.Bindings = make([]*Binding, 0, n)
		if n > 12 {
			s.names = make(map[string]*Binding, n)
		}
	}
	for _, d := range set.defs {
		key := d.keys[0]
		b := &Binding{Name: d.name, Kind: kind, Start: a.start(key), End: a.end(key), Node: key, Def: d.def,
			Value: d.value, Source: d.source, Inherited: d.inherit != notInherited, Scope: s, quiet: a.quiet > 0,
			defs: int32(len(d.keys))}
		s.add(b)
		a.res.Bindings = append(a.res.Bindings, b)
		d.binding = b
		for _, k := range d.keys {
			a.res.Refs = append(a.res.Refs, Ref{Start: a.start(k), End: a.end(k), Node: k, Kind: Write, Binding: b})
		}
		// Re-exporting a builtin under its own name is no shadowing.
		if kind == KindLet && (d.inherit == notInherited || d.inherit == inheritFrom && !a.isBuiltinsVar(d.source)) {
			a.shadows(b)
		}
	}
}

func (a *analyzer) isBuiltinsVar(n NodeID) bool {
	n = a.unparen(n)
	return n != syntax.NoNode && a.kind(n) == kIdentifier && a.name(n) == "builtins"
}

// bindValues binds what a set's attributes contain. outer is the set's
// environment (where `inherit x;` looks x up), valEnv the one its values
// see, s the set's own scope (let and rec) or nil.
func (a *analyzer) bindValues(set *attrSet, outer, valEnv, s *Scope) {
	for _, d := range set.defs {
		if s != nil {
			s.current = d.binding
		}
		switch {
		case d.inherit == inheritPlain:
			a.read(d.keys[0], d.name, outer, false)
		case d.inherit == inheritFrom:
			if d.source != syntax.NoNode && !a.sources[d.source] {
				if a.sources == nil {
					a.sources = map[NodeID]bool{}
				}
				a.sources[d.source] = true
				if d.shared && s != nil {
					s.current = nil // the source serves several names: count it as used
				}
				a.visit(d.source, valEnv)
			}
		case d.value == syntax.NoNode && d.nested != nil:
			a.bindSet(d.nested, valEnv)
		case d.value != syntax.NoNode:
			a.visit(d.value, valEnv)
		}
	}
	if s != nil {
		s.current = nil
	}
	if set.kind == kLet {
		a.quiet++ // dynamic let attributes: Nix rejects the let before binding them
	}
	for _, d := range set.dyn {
		a.visit(d.key, valEnv)
		if d.nested != nil {
			a.bindSet(d.nested, valEnv)
		} else {
			a.visit(d.value, valEnv)
		}
	}
	if set.kind == kLet {
		a.quiet--
	}
	for _, q := range set.quiet {
		a.visitQuiet(q, valEnv)
	}
	a.quiet++
	for _, q := range set.quietReads {
		if name, st := a.keyName(q); st == keyStatic {
			a.read(q, name, outer, false)
		}
	}
	a.quiet--
}

func (a *analyzer) with(n NodeID, env *Scope) {
	envExpr, body := a.child(n, fEnvironment), a.child(n, fBody)
	a.visit(envExpr, env)
	w := &With{Node: n, Env: envExpr, Body: body}
	for s := env; s != nil; s = s.Parent {
		if s.Kind == ScopeWith {
			w.Outer = s.With
			break
		}
	}
	s := &Scope{Kind: ScopeWith, Node: n, Parent: env, With: w, innerStart: a.end(n)}
	for c := a.first(n); c != syntax.NoNode; c = a.next(c) {
		if a.kind(c) == kAnon && a.src[a.start(c)] == ';' {
			s.innerStart = a.end(c)
		}
	}
	a.res.introduced[n] = s
	a.res.Withs = append(a.res.Withs, w)
	a.withs = append(a.withs, withInfo{w, a.quiet > 0})
	a.visit(body, s)
	for c := a.first(n); c != syntax.NoNode; c = a.next(c) {
		if c != envExpr && c != body && a.kind(c) == kError {
			a.visitQuiet(c, s)
		}
	}
}

// outputsFunction finds the function of `outputs = ...;` at the top of a
// flake.nix.
func (a *analyzer) outputsFunction() NodeID {
	root := a.v.Root()
	top := a.unparen(a.child(root, fExpression))
	if top == syntax.NoNode || a.kind(top) != kAttrset && a.kind(top) != kRecAttrset {
		return syntax.NoNode
	}
	for c := a.first(top); c != syntax.NoNode; c = a.next(c) {
		if a.kind(c) != kBinding {
			continue
		}
		path := a.child(c, fAttrpath)
		if path == syntax.NoNode {
			continue
		}
		comp := a.first(path)
		if comp == syntax.NoNode || a.next(comp) != syntax.NoNode || a.kind(comp) != kAttribute || a.name(comp) != "outputs" {
			continue
		}
		if v := a.unparen(a.child(c, fValue)); v != syntax.NoNode && a.kind(v) == kLambda {
			return v
		}
	}
	return syntax.NoNode
}

// collectErrorRegions finds where syntax errors make the tree
// unreliable. Error recovery may attach the text around an error to the
// wrong construct (after a lost `;`, a binding is read as an argument, a
// list as the environment of a with), anywhere up to the brackets that
// enclose the error; so the region of an error is the innermost
// bracketed construct around it whose brackets are both real (or the
// whole file). Nothing in a region is reported undefined or duplicate,
// and no binding whose scope lies in one is reported unused. The words
// inside ERROR nodes are kept too: names there may be uses.
func (a *analyzer) collectErrorRegions() {
	var seen map[NodeID]bool
	for i := 0; i < len(a.nodes); i++ {
		n := NodeID(i)
		k := a.kind(n)
		switch {
		case k == kError, a.missing(n), k == kInvalid:
		case (k == kIdentifier || k == kAttribute) && a.isKeyword(n):
			// syntax.Errors reports these; the tree around them is
			// what error recovery made of a keyword.
		default:
			continue
		}
		r := a.nodes[n].Parent
		for r != syntax.NoNode && !a.closedBrackets(r) {
			r = a.nodes[r].Parent
		}
		// The construct the brackets belong to (the function they are the
		// formals of, the call they are the argument of, the binding they
		// are the value of) is suspect too.
		if r == syntax.NoNode {
			r = a.v.Root()
		} else if p := a.nodes[r].Parent; p != syntax.NoNode {
			r = p
		}
		if seen == nil {
			seen = map[NodeID]bool{}
		}
		if !seen[r] {
			seen[r] = true
			a.regions = append(a.regions, [2]int{a.start(r), a.end(r)})
		}
	}
	// A definition inside a region may have been lost to error recovery:
	// its name is not reported undefined anywhere.
	for _, r := range a.regions {
		if a.errWords == nil {
			a.errWords = map[string]bool{}
		}
		a.words(a.src[r[0]:r[1]])
	}
}

var keywords = map[string]bool{"assert": true, "else": true, "if": true, "in": true, "inherit": true,
	"let": true, "rec": true, "then": true, "with": true}

// isKeyword reports a name that is a keyword (`or` is a valid name).
func (a *analyzer) isKeyword(n NodeID) bool {
	l := a.end(n) - a.start(n)
	return l >= 2 && l <= 7 && keywords[string(a.src[a.start(n):a.end(n)])]
}

// closedBrackets reports whether n is a bracketed construct whose
// closing bracket was really written.
func (a *analyzer) closedBrackets(n NodeID) bool {
	switch a.kind(n) {
	case kAttrset, kRecAttrset, kLegacyLet, kList, kParenthesized, kFormals:
	default:
		return false
	}
	last := syntax.NoNode
	for c := a.first(n); c != syntax.NoNode; c = a.next(c) {
		last = c
	}
	return last != syntax.NoNode && a.kind(last) == kAnon && !a.missing(last)
}

// inErrorRegion reports whether an offset is in a region a syntax error
// makes unreliable.
func (a *analyzer) inErrorRegion(off int) bool {
	for _, r := range a.regions {
		if r[0] <= off && off < r[1] {
			return true
		}
	}
	return false
}

func (a *analyzer) words(text []byte) {
	for j := 0; j < len(text); {
		if !wordStart(text[j]) {
			j++
			continue
		}
		k := j + 1
		for k < len(text) && wordPart(text[k]) {
			k++
		}
		a.errWords[a.internBytes(text[j:k])] = true
		j = k
	}
}

func wordStart(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' }

func wordPart(c byte) bool { return wordStart(c) || c >= '0' && c <= '9' || c == '\'' || c == '-' }
