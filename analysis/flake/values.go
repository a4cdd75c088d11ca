package flake

import (
	sitter "github.com/smacker/go-tree-sitter"

	"github.com/flake-lsp/flake-lsp/grammar"
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
	// names), the call of throw or derivation.
	node *sitter.Node
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
func (a *analyzer) eval(n *sitter.Node) value {
	return a.evalDepth(n, 0)
}

func (a *analyzer) evalDepth(n *sitter.Node, depth int) value {
	n = unwrap(n)
	if n == nil || depth > maxDepth {
		return value{}
	}
	switch n.Type() {
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
		set := newAttrSet()
		collectBindings(set, n, a.src)
		return a.setValue(n, set)
	case grammar.KindLet, grammar.KindWith, grammar.KindAssert:
		return a.evalDepth(n.ChildByFieldName(grammar.FieldBody), depth+1)
	case grammar.KindUnary:
		if op := n.ChildByFieldName(grammar.FieldOperator); op != nil && op.Type() == "!" {
			return value{kind: vBool, node: n}
		}
	case grammar.KindHasAttr:
		return value{kind: vBool, node: n}
	case grammar.KindBinary:
		op := n.ChildByFieldName(grammar.FieldOperator)
		if op == nil {
			break
		}
		switch op.Type() {
		case "==", "!=", "<", "<=", ">", ">=", "&&", "||", "->":
			return value{kind: vBool, node: n}
		case "++":
			return value{kind: vList, node: n}
		case "//":
			return value{kind: vSet, node: n, drv: maybe}
		}
	case grammar.KindIdentifier:
		name := n.Content(a.src)
		if b, bound := a.lookup(n); bound {
			if b == nil {
				return value{} // a function argument, inherit, a.b = ...
			}
			return a.evalDepth(b, depth+1)
		}
		switch name {
		case "true", "false":
			return value{kind: vBool, node: n}
		case "null":
			return value{kind: vNull, node: n}
		}
	case grammar.KindApply:
		return a.evalCall(n, depth)
	}
	return value{}
}

// setValue is the value of an attribute-set literal with attributes set.
func (a *analyzer) setValue(n *sitter.Node, set *attrSet) value {
	v := value{kind: vSet, node: n, attrs: set, drv: no}
	if len(set.dynamic) > 0 {
		v.drv = maybe // a computed name may be `type`
	}
	if t := set.get("type"); t != nil {
		v.drv = maybe
		if s, _, ok := stringValue(unwrap(t.value), a.src); ok {
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
	if at.value != nil {
		if v := unwrap(at.value); v.Type() == grammar.KindAttrset && at.children != nil {
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
func (a *analyzer) evalCall(n *sitter.Node, depth int) value {
	var args []*sitter.Node
	head := n
	for head != nil && head.Type() == grammar.KindApply {
		args = append([]*sitter.Node{head.ChildByFieldName(grammar.FieldArgument)}, args...)
		head = unwrap(head.ChildByFieldName(grammar.FieldFunction))
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
	if fn.kind != vFunction || fn.node.Type() != grammar.KindLambda {
		return value{}
	}
	lam := fn.node
	for i := range args {
		body := unwrap(lam.ChildByFieldName(grammar.FieldBody))
		if i == len(args)-1 {
			return a.evalDepth(body, depth+1)
		}
		if body == nil || body.Type() != grammar.KindLambda {
			return value{} // more arguments than the lambdas show
		}
		lam = body
	}
	return value{}
}

// builtinName is "throw", "abort" or "derivation" when n names that
// builtin (directly or as builtins.<name>) and no variable of the file
// shadows it. `with` never shadows builtins: lexical names win.
func (a *analyzer) builtinName(n *sitter.Node) string {
	if n == nil {
		return ""
	}
	name := ""
	switch n.Type() {
	case grammar.KindIdentifier:
		name = n.Content(a.src)
		if _, bound := a.lookup(n); bound {
			return ""
		}
	case grammar.KindSelect:
		e := unwrap(n.ChildByFieldName(grammar.FieldExpression))
		path := n.ChildByFieldName(grammar.FieldAttrpath)
		if e == nil || path == nil || n.ChildByFieldName(grammar.FieldDefault) != nil ||
			e.Type() != grammar.KindIdentifier || e.Content(a.src) != "builtins" || path.NamedChildCount() != 1 {
			return ""
		}
		if _, bound := a.lookup(e); bound {
			return ""
		}
		name = path.NamedChild(0).Content(a.src)
	}
	switch name {
	case "throw", "abort", "derivation":
		return name
	}
	return ""
}

// lookup finds the variable id refers to in the file: bound reports
// whether a let, rec set or function binds it, and value is the bound
// expression when there is one (nil for function arguments, inherit and
// names defined by several `x.y = ...` bindings).
func (a *analyzer) lookup(id *sitter.Node) (val *sitter.Node, bound bool) {
	scope, val := a.scopeOf(id)
	return val, scope != nil
}

// scopeOf is the let, rec set or lambda that binds the variable id, and
// the bound expression when there is one; nil when nothing in the file
// binds it (a builtin, or a name from `with`).
func (a *analyzer) scopeOf(id *sitter.Node) (scope, val *sitter.Node) {
	name := id.Content(a.src)
	for n := id.Parent(); n != nil; n = n.Parent() {
		switch n.Type() {
		case grammar.KindLet, grammar.KindRecAttrset, grammar.KindLegacyLet:
			if v, ok := a.boundIn(n, name); ok {
				return n, v
			}
		case grammar.KindLambda:
			if p := n.ChildByFieldName(grammar.FieldParameter); p != nil && p.Content(a.src) == name {
				return n, nil
			}
			if f := n.ChildByFieldName(grammar.FieldFormals); f != nil {
				for i := 0; i < int(f.NamedChildCount()); i++ {
					c := f.NamedChild(i)
					if nm := c.ChildByFieldName(grammar.FieldName); c.Type() == grammar.KindFormal && nm != nil && nm.Content(a.src) == name {
						return n, nil
					}
				}
			}
		}
	}
	return nil, nil
}

// boundIn looks for name among the bindings of a let or rec set.
func (a *analyzer) boundIn(scope *sitter.Node, name string) (*sitter.Node, bool) {
	items, _ := children(scope)
	for _, c := range items {
		switch c.Type() {
		case grammar.KindBinding:
			path := c.ChildByFieldName(grammar.FieldAttrpath)
			if path == nil || path.NamedChildCount() == 0 {
				continue
			}
			if first, ok := staticName(path.NamedChild(0), a.src); ok && first == name {
				if path.NamedChildCount() == 1 {
					return c.ChildByFieldName(grammar.FieldValue), true
				}
				return nil, true
			}
		case grammar.KindInherit:
			parts, fields := children(c)
			for i, p := range parts {
				if fields[i] == grammar.FieldAttribute && p.Content(a.src) == name {
					return nil, true
				}
			}
		}
	}
	return nil, false
}
