package flake

import (
	"github.com/flake-lsp/flake-lsp/grammar"
	"github.com/flake-lsp/flake-lsp/syntax"
)

// valueKind is the type of a value, as far as it is known without
// evaluation.
type valueKind int

const (
	vUnknown valueKind = iota // computed: anything
	vString
	vInt
	vFloat
	vBool
	vNull
	vPath
	vList
	vSet
	vFunction
	vThrow // always fails when forced (throw, abort)
)

// tri is a yes/no that may be unknown.
type tri int

const (
	maybe tri = iota
	yes
	no
)

// value is what flake-lsp knows of an expression's value.
type value struct {
	kind valueKind
	// node is the expression that shows the kind: the literal, the lambda
	// (for a function, the lambda that a call leaves, with its argument
	// names), the call of throw or derivation. Unset (0) for vUnknown.
	node syntax.NodeID
	// attrs: the attributes of a set literal; nil when they are not all
	// known (`//`, a derivation). complete is false when some names are
	// computed (`${...}` keys).
	attrs *attrSet
	// drv: whether a set is a derivation (its `type` is "derivation").
	drv tri
}

// isDerivation: certainly a derivation.
func (v value) isDerivation() bool { return v.kind == vSet && v.drv == yes }

// notDerivation: certainly not a derivation (or a throw, which fails
// anyway and is reported as such).
func (v value) notDerivation() bool {
	switch v.kind {
	case vUnknown, vThrow:
		return false
	case vSet:
		return v.drv == no
	}
	return true
}

// describe names the kind as Nix's error messages do.
func (v value) describe() string {
	switch v.kind {
	case vString:
		return "a string"
	case vInt:
		return "an integer"
	case vFloat:
		return "a float"
	case vBool:
		return "a Boolean"
	case vNull:
		return "null"
	case vPath:
		return "a path"
	case vList:
		return "a list"
	case vSet:
		if v.drv == yes {
			return "a derivation"
		}
		return "a set"
	case vFunction:
		return "a function"
	}
	return "a computed value"
}

// maxDepth bounds how many variables and calls eval follows (let a = b;
// b = a; must not loop).
const maxDepth = 12

// eval finds the kind of n without evaluating Nix: literals; true, false
// and null; calls of throw, abort and derivation; variables bound by let
// or rec to such expressions; and calls of functions defined by a lambda
// in the same file, whose result is the lambda's body. Everything else is
// vUnknown, so that computed values are never reported.
func (a *analyzer) eval(n syntax.NodeID) value {
	return a.evalDepth(n, 0)
}

func (a *analyzer) evalDepth(n syntax.NodeID, depth int) value {
	v := a.v
	n = unwrap(v, n)
	if n == none || depth > maxDepth {
		return value{}
	}
	switch v.Kind(n) {
	case grammar.KindString, grammar.KindIndentedString, grammar.KindUri:
		return value{kind: vString, node: n}
	case grammar.KindInteger:
		return value{kind: vInt, node: n}
	case grammar.KindFloat:
		return value{kind: vFloat, node: n}
	case grammar.KindPath:
		return value{kind: vPath, node: n}
	case grammar.KindList:
		return value{kind: vList, node: n}
	case grammar.KindLambda:
		return value{kind: vFunction, node: n}
	case grammar.KindAttrset, grammar.KindRecAttrset:
		// A set bound once (let common = { ... }) is often used many times.
		set := a.literalSets[n]
		if set == nil {
			set = newAttrSet()
			collectBindings(v, set, n)
			if a.literalSets == nil {
				a.literalSets = map[syntax.NodeID]*attrSet{}
			}
			a.literalSets[n] = set
		}
		return a.setValue(n, set)
	case grammar.KindLet, grammar.KindWith, grammar.KindAssert:
		return a.evalDepth(v.ChildByField(n, fieldBody), depth+1)
	case grammar.KindUnary:
		if op := v.ChildByField(n, fieldOperator); op != none && v.Kind(op) == "!" {
			return value{kind: vBool, node: n}
		}
	case grammar.KindHasAttr:
		return value{kind: vBool, node: n}
	case grammar.KindBinary:
		op := v.ChildByField(n, fieldOperator)
		if op == none {
			break
		}
		switch v.Kind(op) {
		case "==", "!=", "<", "<=", ">", ">=", "&&", "||", "->":
			return value{kind: vBool, node: n}
		case "++":
			return value{kind: vList, node: n}
		case "//":
			return value{kind: vSet, node: n, drv: maybe}
		}
	case grammar.KindIdentifier:
		if b, bound := a.lookup(n); bound {
			if b == none {
				return value{} // a function argument, inherit, a.b = ...
			}
			return a.evalDepth(b, depth+1)
		}
		switch {
		case textIs(v, n, "true"), textIs(v, n, "false"):
			return value{kind: vBool, node: n}
		case textIs(v, n, "null"):
			return value{kind: vNull, node: n}
		}
	case grammar.KindApply:
		return a.evalCall(n, depth)
	}
	return value{}
}

// setValue is the value of an attribute-set literal with attributes set.
func (a *analyzer) setValue(n syntax.NodeID, set *attrSet) value {
	v := value{kind: vSet, node: n, attrs: set, drv: no}
	if len(set.dynamic) > 0 {
		v.drv = maybe // a computed name may be `type`
	}
	if t := set.get("type"); t != nil {
		v.drv = maybe
		if s, ok := stringText(a.v, unwrap(a.v, t.value)); ok {
			v.drv = no
			if s == "derivation" {
				v.drv = yes
			}
		}
	}
	return v
}

// attrValue is the value of an attribute of a set literal: its value, or
// the set its nested bindings (`a.b = ...`) make.
func (a *analyzer) attrValue(at *attr) value {
	if at.value != none {
		if v := unwrap(a.v, at.value); a.v.Kind(v) == grammar.KindAttrset && at.children != nil {
			// `a = { ... }; a.x = ...;` merge: the children have both.
			return a.setValue(v, at.children)
		}
		return a.eval(at.value)
	}
	if at.children != nil {
		return a.setValue(at.key, at.children)
	}
	return value{}
}

// evalCall: `throw "..."`, `abort "..."`, `derivation { ... }` (also
// through builtins), and calls of lambdas bound in the file.
func (a *analyzer) evalCall(n syntax.NodeID, depth int) value {
	v := a.v
	// args are the arguments, last first.
	var argBuf [8]syntax.NodeID
	args := argBuf[:0]
	head := n
	for head != none && v.Kind(head) == grammar.KindApply {
		args = append(args, v.ChildByField(head, fieldArgument))
		head = unwrap(v, v.ChildByField(head, fieldFunction))
	}
	switch a.builtinName(head) {
	case "throw", "abort":
		return value{kind: vThrow, node: n}
	case "derivation":
		if len(args) == 1 {
			return value{kind: vSet, node: n, drv: yes}
		}
		return value{}
	}
	fn := a.evalDepth(head, depth+1)
	if fn.kind == vThrow {
		return fn
	}
	if fn.kind != vFunction || v.Kind(fn.node) != grammar.KindLambda {
		return value{}
	}
	lam := fn.node
	for i := range args {
		body := unwrap(v, v.ChildByField(lam, fieldBody))
		if i == len(args)-1 {
			return a.evalDepth(body, depth+1)
		}
		if body == none || v.Kind(body) != grammar.KindLambda {
			return value{} // more arguments than the lambdas show
		}
		lam = body
	}
	return value{}
}

// builtinName is "throw", "abort" or "derivation" when n names that
// builtin (directly or as builtins.<name>) and no variable of the file
// shadows it. `with` never shadows builtins: lexical names win.
func (a *analyzer) builtinName(n syntax.NodeID) string {
	v := a.v
	if n == none {
		return ""
	}
	name := none
	switch v.Kind(n) {
	case grammar.KindIdentifier:
		if !isSpecialBuiltin(v, n) {
			return "" // not one of them, bound or not
		}
		if _, bound := a.lookup(n); bound {
			return ""
		}
		name = n
	case grammar.KindSelect:
		e := unwrap(v, v.ChildByField(n, fieldExpression))
		path := v.ChildByField(n, fieldAttrpath)
		if e == none || path == none || v.ChildByField(n, fieldDefault) != none ||
			v.Kind(e) != grammar.KindIdentifier || !textIs(v, e, "builtins") {
			return ""
		}
		first, count := firstNamed(v, path)
		if count != 1 || !isSpecialBuiltin(v, first) {
			return ""
		}
		if _, bound := a.lookup(e); bound {
			return ""
		}
		name = first
	default:
		return ""
	}
	return v.Text(name)
}

// isSpecialBuiltin: n's text is throw, abort or derivation.
func isSpecialBuiltin(v *syntax.View, n syntax.NodeID) bool {
	return textIs(v, n, "throw") || textIs(v, n, "abort") || textIs(v, n, "derivation")
}

// lookup finds the variable id refers to in the file: bound reports
// whether a let, rec set or function binds it, and value is the bound
// expression when there is one (none for function arguments, inherit and
// names defined by several `x.y = ...` bindings).
func (a *analyzer) lookup(id syntax.NodeID) (val syntax.NodeID, bound bool) {
	scope, val := a.scopeOf(id)
	return val, scope != none
}

// scopeOf is the let, rec set or lambda that binds the variable id, and
// the bound expression when there is one; none when nothing in the file
// binds it (a builtin, or a name from `with`).
func (a *analyzer) scopeOf(id syntax.NodeID) (scope, val syntax.NodeID) {
	v := a.v
	name := v.Src[v.Nodes[id].Start:v.Nodes[id].End]
	for n := v.Parent(id); n != none; n = v.Parent(n) {
		switch v.Kind(n) {
		case grammar.KindLet, grammar.KindRecAttrset, grammar.KindLegacyLet:
			if b, ok := a.bindings(n)[string(name)]; ok {
				return n, b
			}
		case grammar.KindLambda:
			if p := v.ChildByField(n, fieldParameter); p != none && string(v.Src[v.Nodes[p].Start:v.Nodes[p].End]) == string(name) {
				return n, none
			}
			if f := v.ChildByField(n, fieldFormals); f != none {
				for c := v.FirstChild(f); c != none; c = v.Nodes[c].Next {
					if !content(v, c) {
						continue
					}
					if nm := v.ChildByField(c, fieldName); v.Kind(c) == grammar.KindFormal && nm != none && string(v.Src[v.Nodes[nm].Start:v.Nodes[nm].End]) == string(name) {
						return n, none
					}
				}
			}
		}
	}
	return none, none
}

// bindings are the names a let or rec set binds, each with the bound
// expression when there is one (none for inherit and `x.y = ...`), as
// boundIn finds them; made once per scope, since every variable under it
// looks there.
func (a *analyzer) bindings(scope syntax.NodeID) map[string]syntax.NodeID {
	if m, ok := a.scopes[scope]; ok {
		return m
	}
	v := a.v
	m := map[string]syntax.NodeID{}
	add := func(name string, val syntax.NodeID) {
		if _, seen := m[name]; !seen { // the first binding wins
			m[name] = val
		}
	}
	for c := v.FirstChild(scope); c != none; c = v.Nodes[c].Next {
		if !content(v, c) {
			continue
		}
		switch v.Kind(c) {
		case grammar.KindBinding:
			path := v.ChildByField(c, fieldAttrpath)
			if path == none {
				continue
			}
			first, count := firstNamed(v, path)
			if count == 0 {
				continue
			}
			if name, ok := staticName(v, first); ok {
				if count == 1 {
					add(name, v.ChildByField(c, fieldValue))
				} else {
					add(name, none)
				}
			}
		case grammar.KindInherit:
			for p := v.FirstChild(c); p != none; p = v.Nodes[p].Next {
				if content(v, p) && v.Nodes[p].Field == fieldAttribute {
					add(v.Text(p), none)
				}
			}
		}
	}
	if a.scopes == nil {
		a.scopes = map[syntax.NodeID]map[string]syntax.NodeID{}
	}
	a.scopes[scope] = m
	return m
}
