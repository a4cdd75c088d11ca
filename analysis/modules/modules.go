// Package modules finds module-system code in a Nix file, statically:
// which expressions are modules (NixOS, home-manager or nix-darwin ones),
// and, at an offset in one, the option path being set (the attribute path
// under the module's config, through mkIf, mkMerge, mkDefault and the
// like). The option indexes (analysis/options) say what those paths
// mean; this package only says where they are.
//
// Which system a module belongs to is read from where the flake puts it:
// the modules of a nixosSystem, darwinSystem or homeManagerConfiguration
// call, the values of nixosModules, darwinModules and homeModules
// outputs, a NixOS module's home-manager.users.<name>, and whatever those
// import. A file no flake reaches is a module by its shape only, with a
// guessed system (Certain false): good enough to complete, never to
// claim an option is unknown.
package modules

import (
	"github.com/flake-lsp/flake-lsp/grammar"
	"github.com/flake-lsp/flake-lsp/syntax"
)

// System is a module system, named as the option indexes name their
// layouts.
type System string

const (
	NixOS       System = "nixos"
	HomeManager System = "home-manager"
	Darwin      System = "nix-darwin"
)

// Calls that take a `modules` list, by the last name of the function.
var systemCalls = map[string]System{
	"nixosSystem":              NixOS,
	"darwinSystem":             Darwin,
	"homeManagerConfiguration": HomeManager,
}

// Flake outputs whose attributes are modules (one level down) or which
// are a module themselves (the singular, older names).
var moduleOutputs = map[string]System{
	"nixosModules":       NixOS,
	"darwinModules":      Darwin,
	"homeManagerModules": HomeManager,
	"homeModules":        HomeManager,
}

var moduleOutput = map[string]System{
	"nixosModule":       NixOS,
	"darwinModule":      Darwin,
	"homeManagerModule": HomeManager,
}

// nested are option paths whose values are modules of another (or the
// same) system: "*" matches any name. list: the value is a list of them.
type nested struct {
	in   []System
	path []string
	sys  System
	list bool
}

var nestedModules = []nested{
	{in: []System{NixOS, Darwin}, path: []string{"home-manager", "users", "*"}, sys: HomeManager},
	{in: []System{NixOS, Darwin}, path: []string{"home-manager", "sharedModules"}, sys: HomeManager, list: true},
	{in: []System{NixOS}, path: []string{"specialisation", "*", "configuration"}, sys: NixOS},
	{in: []System{NixOS}, path: []string{"containers", "*", "config"}, sys: NixOS},
}

// reserved are a module's own top-level keys, which are not options.
var reserved = map[string]bool{
	"imports": true, "_file": true, "key": true, "disabledModules": true,
	"_class": true, "require": true, "freeformType": true,
}

// wrappers are the functions whose last argument is (a set of) the
// settings of the option being set: `mkIf cond { ... }`.
var wrappers = map[string]bool{
	"mkIf": true, "mkMerge": true, "mkDefault": true, "mkForce": true,
	"mkOverride": true, "mkBefore": true, "mkAfter": true, "mkOrder": true,
	"mkVMOverride": true, "mkOptionDefault": true, "mkImageMediaOverride": true,
	"optionalAttrs": true, "mkFixStrictness": true,
}

// Module is a module expression's body: the attribute set its settings
// (or options and config) are written in.
type Module struct {
	Body   syntax.NodeID
	System System
	// Certain: the system is known from where the flake puts the module.
	Certain bool
	// Explicit: the body has `config` or `options` at its top: settings
	// are under config.
	Explicit bool
	// File is set for a module written in another file (a path in a
	// modules or imports list), with Body NoNode.
	File string
}

// FileRef is a module in another file, as written: the path literal.
type FileRef struct {
	Path   string // as written (./hosts/box.nix)
	Node   syntax.NodeID
	System System
}

// Found is what Find finds in a file.
type Found struct {
	Modules []Module  // bodies in this file, outermost first
	Files   []FileRef // modules that are other files
	byBody  map[syntax.NodeID]int
}

// Module is the module whose body is n.
func (f *Found) Module(n syntax.NodeID) (Module, bool) {
	if f == nil {
		return Module{}, false
	}
	i, ok := f.byBody[n]
	if !ok {
		return Module{}, false
	}
	return f.Modules[i], true
}

// Find finds the modules in the file v is the tree of. self is what is
// known of the file itself: a System when the file is a module some
// flake puts into a system ("" otherwise), certain telling whether that
// is known or guessed. flake: the file is a flake.nix (its outputs and
// system calls are read).
func Find(v *syntax.View, self System, certain, flake bool) *Found {
	f := &finder{v: v, out: &Found{byBody: map[syntax.NodeID]int{}}}
	if v == nil || v.Root() == syntax.NoNode {
		return f.out
	}
	top := v.Child(v.Root(), grammar.FieldExpression)
	if flake {
		f.flakeModules(v.Root())
	} else if self != "" {
		f.module(top, self, certain, false)
	} else if sys, ok := Shaped(v, top); ok {
		f.module(top, sys, false, false)
	}
	return f.out
}

// Shaped reports whether e (a file's expression) looks like a module
// when nothing says it is one: a function of a formals set naming
// config, lib, pkgs, options or modulesPath, returning an attribute set.
// The system is a guess: home-manager when it takes osConfig, NixOS
// otherwise.
func Shaped(v *syntax.View, e syntax.NodeID) (System, bool) {
	e = unparen(v, e)
	if !v.Is(e, grammar.KindLambda) {
		return "", false
	}
	fs := v.Child(e, grammar.FieldFormals)
	if fs == syntax.NoNode {
		return "", false
	}
	module, sys := false, NixOS
	for c := v.FirstChild(fs); c != syntax.NoNode; c = v.Next(c) {
		if !v.Is(c, grammar.KindFormal) {
			continue
		}
		switch v.Text(v.Child(c, grammar.FieldName)) {
		case "config", "lib", "pkgs", "options", "modulesPath":
			module = true
		case "osConfig", "nixosConfig":
			module, sys = true, HomeManager
		}
	}
	if !module {
		return "", false
	}
	if body := bodyOf(v, e); body == syntax.NoNode {
		return "", false
	}
	return sys, true
}

type finder struct {
	v     *syntax.View
	out   *Found
	depth int
}

// module records the module expression e (a set, a function returning
// one, a path to a file) of system sys, and the modules nested in it.
func (f *finder) module(e syntax.NodeID, sys System, certain, inList bool) {
	v := f.v
	e = unparen(v, e)
	if e == syntax.NoNode || f.depth > 64 {
		return
	}
	switch {
	case v.Is(e, grammar.KindPath):
		f.out.Files = append(f.out.Files, FileRef{Path: v.Text(e), Node: e, System: sys})
		return
	case v.Is(e, grammar.KindApply):
		// import ./file.nix
		fn, arg := v.Child(e, grammar.FieldFunction), unparen(v, v.Child(e, grammar.FieldArgument))
		if v.Is(fn, grammar.KindIdentifier) && v.Text(fn) == "import" && v.Is(arg, grammar.KindPath) {
			f.out.Files = append(f.out.Files, FileRef{Path: v.Text(arg), Node: arg, System: sys})
		}
		return
	}
	body := bodyOf(v, e)
	if body == syntax.NoNode {
		return
	}
	if _, seen := f.out.byBody[body]; seen {
		return
	}
	m := Module{Body: body, System: sys, Certain: certain, Explicit: explicit(v, body)}
	f.out.byBody[body] = len(f.out.Modules)
	f.out.Modules = append(f.out.Modules, m)
	f.depth++
	defer func() { f.depth-- }()
	// imports = [ ... ]: modules of the same system.
	for b := v.FirstChild(body); b != syntax.NoNode; b = v.Next(b) {
		if !v.Is(b, grammar.KindBinding) {
			continue
		}
		names := staticPath(v, v.Child(b, grammar.FieldAttrpath))
		if len(names) == 1 && names[0] == "imports" {
			f.list(v.Child(b, grammar.FieldValue), sys, certain)
		}
	}
	// Nested modules (home-manager.users.<name>, ...).
	Settings(v, m, func(s Setting) bool {
		for _, n := range nestedModules {
			if !contains(n.in, sys) || !match(n.path, s.Path) {
				continue
			}
			if n.list {
				f.list(s.Value, n.sys, certain)
			} else {
				f.module(s.Value, n.sys, certain, false)
			}
			return false
		}
		return true
	})
}

// list records the modules of a list expression (`[ a b ] ++ [ c ]`).
func (f *finder) list(e syntax.NodeID, sys System, certain bool) {
	v := f.v
	e = unparen(v, e)
	switch {
	case v.Is(e, grammar.KindList):
		for c := v.FirstChild(e); c != syntax.NoNode; c = v.Next(c) {
			if v.IsNamed(c) && !v.IsExtra(c) {
				f.module(c, sys, certain, true)
			}
		}
	case v.Is(e, grammar.KindBinary) && v.Text(v.Child(e, grammar.FieldOperator)) == "++":
		f.list(v.Child(e, grammar.FieldLeft), sys, certain)
		f.list(v.Child(e, grammar.FieldRight), sys, certain)
	}
}

// flakeModules finds, anywhere in a flake.nix, the modules lists of
// system calls and the module outputs.
func (f *finder) flakeModules(root syntax.NodeID) {
	v := f.v
	end := v.SubtreeEnd(root)
	for n := root; n != end && n != syntax.NoNode; n++ {
		switch {
		case v.Is(n, grammar.KindApply):
			sys, ok := systemCalls[lastName(v, v.Child(n, grammar.FieldFunction))]
			if !ok {
				continue
			}
			arg := unparen(v, v.Child(n, grammar.FieldArgument))
			if !isSet(v, arg) {
				continue
			}
			for b := v.FirstChild(arg); b != syntax.NoNode; b = v.Next(b) {
				if v.Is(b, grammar.KindBinding) {
					if names := staticPath(v, v.Child(b, grammar.FieldAttrpath)); len(names) == 1 && names[0] == "modules" {
						f.list(v.Child(b, grammar.FieldValue), sys, true)
					}
				}
			}
		case v.Is(n, grammar.KindBinding):
			names := staticPath(v, v.Child(n, grammar.FieldAttrpath))
			if len(names) == 0 {
				continue
			}
			val := v.Child(n, grammar.FieldValue)
			last := names[len(names)-1]
			if sys, ok := moduleOutput[last]; ok {
				f.module(val, sys, true, false)
				continue
			}
			if sys, ok := moduleOutputs[last]; ok {
				// nixosModules = { a = ...; b = ...; }
				if set := unparen(v, val); isSet(v, set) {
					for b := v.FirstChild(set); b != syntax.NoNode; b = v.Next(b) {
						if v.Is(b, grammar.KindBinding) && len(staticPath(v, v.Child(b, grammar.FieldAttrpath))) == 1 {
							f.module(v.Child(b, grammar.FieldValue), sys, true, false)
						}
					}
				}
				continue
			}
			if len(names) >= 2 {
				if sys, ok := moduleOutputs[names[len(names)-2]]; ok {
					f.module(val, sys, true, false)
				}
			}
		}
	}
}

// bodyOf is the attribute set a module expression evaluates to: through
// functions, let, with, assert and parentheses.
func bodyOf(v *syntax.View, e syntax.NodeID) syntax.NodeID {
	for i := 0; i < 16; i++ {
		e = unparen(v, e)
		switch {
		case e == syntax.NoNode:
			return syntax.NoNode
		case isSet(v, e):
			return e
		case v.Is(e, grammar.KindLambda), v.Is(e, grammar.KindLet), v.Is(e, grammar.KindWith), v.Is(e, grammar.KindAssert):
			e = v.Child(e, grammar.FieldBody)
		default:
			return syntax.NoNode
		}
	}
	return syntax.NoNode
}

// explicit: the body sets `config` or `options` at its top.
func explicit(v *syntax.View, body syntax.NodeID) bool {
	for b := v.FirstChild(body); b != syntax.NoNode; b = v.Next(b) {
		if !v.Is(b, grammar.KindBinding) {
			continue
		}
		if names := staticPath(v, v.Child(b, grammar.FieldAttrpath)); len(names) > 0 && (names[0] == "config" || names[0] == "options") {
			return true
		}
	}
	return false
}

func unparen(v *syntax.View, e syntax.NodeID) syntax.NodeID {
	for e != syntax.NoNode && v.Is(e, grammar.KindParenthesized) {
		e = v.Child(e, grammar.FieldExpression)
	}
	return e
}

func isSet(v *syntax.View, n syntax.NodeID) bool {
	return v.Is(n, grammar.KindAttrset) || v.Is(n, grammar.KindRecAttrset)
}

// lastName is the name a function expression ends with: `f`, `a.b.f`.
func lastName(v *syntax.View, fn syntax.NodeID) string {
	fn = unparen(v, fn)
	switch {
	case v.Is(fn, grammar.KindIdentifier):
		return v.Text(fn)
	case v.Is(fn, grammar.KindSelect):
		names := staticPath(v, v.Child(fn, grammar.FieldAttrpath))
		if len(names) > 0 {
			return names[len(names)-1]
		}
	}
	return ""
}

// staticPath reads an attrpath's names; nil when one is not static.
func staticPath(v *syntax.View, ap syntax.NodeID) []string {
	if ap == syntax.NoNode {
		return nil
	}
	var out []string
	for c := v.FirstChild(ap); c != syntax.NoNode; c = v.Next(c) {
		if !v.IsNamed(c) || v.IsExtra(c) {
			continue
		}
		name, ok := attrName(v, c)
		if !ok {
			return nil
		}
		out = append(out, name)
	}
	return out
}

// attrName is a plain or quoted attribute's name.
func attrName(v *syntax.View, c syntax.NodeID) (string, bool) {
	switch {
	case v.Is(c, grammar.KindAttribute), v.Is(c, grammar.KindIdentifier):
		return v.Text(c), true
	case v.Is(c, grammar.KindString):
		t := v.Text(c)
		if len(t) >= 2 && t[0] == '"' && t[len(t)-1] == '"' {
			inner := t[1 : len(t)-1]
			for i := 0; i < len(inner); i++ {
				if inner[i] == '\\' || inner[i] == '$' && i+1 < len(inner) && inner[i+1] == '{' {
					return "", false
				}
			}
			return inner, true
		}
	}
	return "", false
}

func contains(ss []System, s System) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

// match: path starts with pattern ("*" matches any name) and is as long.
func match(pattern, path []string) bool {
	if len(pattern) != len(path) {
		return false
	}
	for i, p := range pattern {
		if p != "*" && p != path[i] {
			return false
		}
	}
	return true
}
