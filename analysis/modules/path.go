package modules

import (
	"github.com/flake-lsp/flake-lsp/analysis/unit"
	"github.com/flake-lsp/flake-lsp/grammar"
	"github.com/flake-lsp/flake-lsp/syntax"
)

// Key is one name of a binding's attribute path, where it is written.
type Key struct {
	Name       string
	Start, End int
}

// Setting is one binding of a module's settings: `services.openssh.
// enable = true;` inside `config = mkIf c { ... }` of a module.
type Setting struct {
	Path    []string // the whole option path (Prefix + the binding's own names)
	Keys    []Key    // the binding's own names, as written
	Binding syntax.NodeID
	Value   syntax.NodeID
}

// Settings calls f for each setting of m, outermost first; f returns
// whether to go on into the setting's value (when it is a set of
// settings, directly or through mkIf, mkMerge and the like). Bindings
// with a computed name are not reported and not entered.
func Settings(v *syntax.View, m Module, f func(Setting) bool) {
	if m.Body == syntax.NoNode {
		return
	}
	w := walker{v: v, f: f}
	for b := v.FirstChild(m.Body); b != syntax.NoNode; b = v.Next(b) {
		if !v.Is(b, grammar.KindBinding) {
			continue
		}
		keys, ok := keysOf(v, v.Child(b, grammar.FieldAttrpath))
		if !ok || len(keys) == 0 {
			continue
		}
		if m.Explicit {
			if keys[0].Name != "config" {
				continue
			}
			keys = keys[1:]
		} else if reserved[keys[0].Name] {
			continue
		}
		if len(keys) == 0 {
			w.sets(v.Child(b, grammar.FieldValue), nil, 0)
			continue
		}
		w.binding(b, keys, nil, 0)
	}
}

type walker struct {
	v *syntax.View
	f func(Setting) bool
}

func (w *walker) binding(b syntax.NodeID, keys []Key, prefix []string, depth int) {
	path := make([]string, 0, len(prefix)+len(keys))
	path = append(path, prefix...)
	for _, k := range keys {
		path = append(path, k.Name)
	}
	val := w.v.Child(b, grammar.FieldValue)
	if !w.f(Setting{Path: path, Keys: keys, Binding: b, Value: val}) {
		return
	}
	w.sets(val, path, depth+1)
}

// sets visits the settings of the sets value e stands for.
func (w *walker) sets(e syntax.NodeID, prefix []string, depth int) {
	v := w.v
	if depth > 200 {
		return
	}
	for _, set := range settingSets(v, e) {
		for b := v.FirstChild(set); b != syntax.NoNode; b = v.Next(b) {
			if !v.Is(b, grammar.KindBinding) {
				continue
			}
			if keys, ok := keysOf(v, v.Child(b, grammar.FieldAttrpath)); ok && len(keys) > 0 {
				w.binding(b, keys, prefix, depth)
			}
		}
	}
}

// settingSets are the set literals an expression's settings are written
// in: the set itself, or the sets of `mkIf c { }`, `mkMerge [ { } { } ]`,
// `a // b`, `if c then { } else { }`, `let ... in { }`.
func settingSets(v *syntax.View, e syntax.NodeID) []syntax.NodeID {
	var out []syntax.NodeID
	var visit func(e syntax.NodeID, depth int)
	visit = func(e syntax.NodeID, depth int) {
		e = unparen(v, e)
		if e == syntax.NoNode || depth > 32 {
			return
		}
		switch {
		case isSet(v, e):
			out = append(out, e)
		case v.Is(e, grammar.KindApply):
			fn := v.Child(e, grammar.FieldFunction)
			for v.Is(unparen(v, fn), grammar.KindApply) {
				fn = v.Child(unparen(v, fn), grammar.FieldFunction)
			}
			if wrappers[lastName(v, fn)] {
				visit(v.Child(e, grammar.FieldArgument), depth+1)
			}
		case v.Is(e, grammar.KindList):
			for c := v.FirstChild(e); c != syntax.NoNode; c = v.Next(c) {
				if v.IsNamed(c) && !v.IsExtra(c) {
					visit(c, depth+1)
				}
			}
		case v.Is(e, grammar.KindBinary) && v.Text(v.Child(e, grammar.FieldOperator)) == "//":
			visit(v.Child(e, grammar.FieldLeft), depth+1)
			visit(v.Child(e, grammar.FieldRight), depth+1)
		case v.Is(e, grammar.KindIf):
			visit(v.Child(e, grammar.FieldConsequence), depth+1)
			visit(v.Child(e, grammar.FieldAlternative), depth+1)
		case v.Is(e, grammar.KindLet), v.Is(e, grammar.KindWith), v.Is(e, grammar.KindAssert):
			visit(v.Child(e, grammar.FieldBody), depth+1)
		}
	}
	visit(e, 0)
	return out
}

// keysOf reads a binding's attrpath; ok is false when a name is computed.
func keysOf(v *syntax.View, ap syntax.NodeID) ([]Key, bool) {
	if ap == syntax.NoNode {
		return nil, false
	}
	var out []Key
	for c := v.FirstChild(ap); c != syntax.NoNode; c = v.Next(c) {
		if !v.IsNamed(c) || v.IsExtra(c) {
			continue
		}
		name, ok := attrName(v, c)
		if !ok {
			return nil, false
		}
		out = append(out, Key{Name: name, Start: v.Start(c), End: v.End(c)})
	}
	return out, true
}

// Context is where an offset is in a module's settings.
type Context struct {
	Module Module
	// Prefix is the option path of the set holding the offset's binding
	// (or, in a set body, of that set).
	Prefix []string
	// InKey: the offset is on Keys[KeyIndex] of the binding's path
	// (KeyIndex == len(Keys) just after the last). Keys are the binding's
	// names after the module's own `config.`.
	InKey    bool
	Keys     []Key
	KeyIndex int
	// InSetBody: the offset is where a new binding would go.
	InSetBody bool
	// InValue: the offset is in the binding's value (Keys are its names).
	InValue bool
	// Top: the set is an explicit module's body itself (config, options,
	// imports go there; not options).
	Top bool
}

// Path is the option path the offset names: Prefix and the binding's
// names up to the one under the offset (all of them in a value).
func (c *Context) Path() []string {
	n := len(c.Keys)
	if c.InKey {
		n = min(c.KeyIndex+1, len(c.Keys))
	}
	out := append([]string(nil), c.Prefix...)
	for _, k := range c.Keys[:n] {
		out = append(out, k.Name)
	}
	return out
}

// Parent is the option path whose children complete the name under the
// offset: Prefix and the names before it.
func (c *Context) Parent() []string {
	out := append([]string(nil), c.Prefix...)
	if c.InKey {
		for _, k := range c.Keys[:min(c.KeyIndex, len(c.Keys))] {
			out = append(out, k.Name)
		}
	}
	return out
}

// At says where offset off of the unit is in the settings of one of the
// modules f found; ok is false outside module settings (in `options`, a
// let, a function's arguments, a value that is not a set of settings).
func At(u *unit.Unit, f *Found, off int) (*Context, bool) {
	if f == nil || len(f.Modules) == 0 || u.View == nil {
		return nil, false
	}
	v := u.View
	p := u.At(off)
	c := &Context{}
	var set syntax.NodeID
	switch {
	case p.InSetBody:
		c.InSetBody, set = true, p.Set
	case len(p.Frames) > 0:
		fr := p.Frames[0]
		for _, s := range fr.Path {
			if !s.Static {
				return nil, false
			}
			c.Keys = append(c.Keys, Key{Name: s.Name, Start: s.Start, End: s.End})
		}
		if p.InKey {
			c.InKey, c.KeyIndex = true, p.KeyIndex
		} else {
			// In the value: only a value that is itself the settings of
			// the path (a set) is not asked about here.
			c.InValue = true
		}
		set = fr.Holder
	default:
		return nil, false
	}
	if !isSet(v, set) {
		return nil, false
	}
	var rev [][]string
	for depth := 0; depth < 256; depth++ {
		if m, ok := f.Module(set); ok {
			c.Module = m
			if m.Explicit {
				if len(rev) == 0 {
					// The module's own top level: `config.services.x = ...`
					// sets options, anything else is the module's.
					if len(c.Keys) > 0 && c.Keys[0].Name == "config" && (!c.InKey || c.KeyIndex > 0) {
						c.Keys = c.Keys[1:]
						c.KeyIndex--
						return c, true
					}
					c.Top = true
					return c, true
				}
				top := rev[len(rev)-1]
				if top[0] != "config" {
					return nil, false
				}
				rev[len(rev)-1] = top[1:]
			} else if len(rev) > 0 && reserved[rev[len(rev)-1][0]] || len(rev) == 0 && len(c.Keys) > 0 && reserved[c.Keys[0].Name] {
				return nil, false
			}
			for i := len(rev) - 1; i >= 0; i-- {
				c.Prefix = append(c.Prefix, rev[i]...)
			}
			return c, true
		}
		b := bindingAbove(v, set)
		if b == syntax.NoNode {
			return nil, false
		}
		keys, ok := keysOf(v, v.Child(b, grammar.FieldAttrpath))
		if !ok || len(keys) == 0 {
			return nil, false
		}
		names := make([]string, len(keys))
		for i, k := range keys {
			names[i] = k.Name
		}
		rev = append(rev, names)
		set = v.Parent(b)
		if !isSet(v, set) {
			return nil, false
		}
	}
	return nil, false
}

// bindingAbove is the binding whose value the set is, through the
// wrappers settingSets looks through; NoNode when there is none.
func bindingAbove(v *syntax.View, cur syntax.NodeID) syntax.NodeID {
	for i := 0; i < 64; i++ {
		p := v.Parent(cur)
		switch {
		case p == syntax.NoNode:
			return syntax.NoNode
		case v.Is(p, grammar.KindParenthesized):
		case v.Is(p, grammar.KindApply):
			if v.Child(p, grammar.FieldArgument) != cur {
				return syntax.NoNode
			}
			fn := v.Child(p, grammar.FieldFunction)
			for v.Is(unparen(v, fn), grammar.KindApply) {
				fn = v.Child(unparen(v, fn), grammar.FieldFunction)
			}
			if !wrappers[lastName(v, fn)] {
				return syntax.NoNode
			}
		case v.Is(p, grammar.KindList):
			// Only a list mkMerge takes.
			up := v.Parent(p)
			for v.Is(up, grammar.KindParenthesized) {
				up = v.Parent(up)
			}
			if !v.Is(up, grammar.KindApply) || lastName(v, v.Child(up, grammar.FieldFunction)) != "mkMerge" {
				return syntax.NoNode
			}
		case v.Is(p, grammar.KindBinary):
			if v.Text(v.Child(p, grammar.FieldOperator)) != "//" {
				return syntax.NoNode
			}
		case v.Is(p, grammar.KindIf):
			if v.Child(p, grammar.FieldCondition) == cur {
				return syntax.NoNode
			}
		case v.Is(p, grammar.KindLet), v.Is(p, grammar.KindWith), v.Is(p, grammar.KindAssert):
			if v.Child(p, grammar.FieldBody) != cur {
				return syntax.NoNode
			}
		case v.Is(p, grammar.KindBinding):
			if v.Child(p, grammar.FieldValue) != cur {
				return syntax.NoNode
			}
			return p
		default:
			return syntax.NoNode
		}
		cur = p
	}
	return syntax.NoNode
}
