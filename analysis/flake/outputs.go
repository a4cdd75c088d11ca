package flake

import (
	"strings"

	sitter "github.com/smacker/go-tree-sitter"

	"github.com/flake-lsp/flake-lsp/analysis"
	"github.com/flake-lsp/flake-lsp/analysis/schema"
	"github.com/flake-lsp/flake-lsp/grammar"
)

// outputSet is the attribute set the outputs function returns, when it can
// be seen without evaluation: an attribute-set literal, possibly under
// `let`/`with` and merged with `//`. complete is false when part of it is
// computed (a `//` with a function call), so absent names prove nothing.
func (a *analyzer) outputSet() (set *attrSet, complete bool) {
	if a.flake.Outputs == nil {
		return nil, false
	}
	set, complete = newAttrSet(), true
	var visit func(n *sitter.Node) bool
	visit = func(n *sitter.Node) bool {
		n = unwrap(n)
		if n == nil {
			return false
		}
		switch n.Type() {
		case grammar.KindLet, grammar.KindWith:
			return visit(n.ChildByFieldName(grammar.FieldBody))
		case grammar.KindAttrset, grammar.KindRecAttrset:
			collectBindings(set, n, a.src)
			return true
		case grammar.KindBinary:
			if op := n.ChildByFieldName(grammar.FieldOperator); op != nil && op.Type() == "//" {
				l := visit(n.ChildByFieldName(grammar.FieldLeft))
				r := visit(n.ChildByFieldName(grammar.FieldRight))
				if !l || !r {
					complete = false
				}
				return l || r
			}
		}
		return false
	}
	if !visit(a.flake.Outputs.ChildByFieldName(grammar.FieldBody)) {
		return nil, false
	}
	return set, complete && len(set.dynamic) == 0
}

// eachSystemHelpers are flake-utils' functions that call a function once
// per system and key what it returns by system.
var eachSystemHelpers = map[string]bool{
	"eachDefaultSystem": true, "eachSystem": true, "eachDefaultSystemMap": false, "eachSystemMap": false,
}

// perSystemSets finds `flake-utils.lib.eachDefaultSystem (system: { ... })`
// (also eachSystem [...] (system: ...)) in the outputs, and returns the
// attribute sets the per-system functions return.
func (a *analyzer) perSystemSets() []perSystem {
	if a.flake.Outputs == nil {
		return nil
	}
	var sets []perSystem
	var visit func(n *sitter.Node)
	visit = func(n *sitter.Node) {
		n = unwrap(n)
		if n == nil {
			return
		}
		switch n.Type() {
		case grammar.KindLet, grammar.KindWith:
			visit(n.ChildByFieldName(grammar.FieldBody))
		case grammar.KindBinary:
			if op := n.ChildByFieldName(grammar.FieldOperator); op != nil && op.Type() == "//" {
				visit(n.ChildByFieldName(grammar.FieldLeft))
				visit(n.ChildByFieldName(grammar.FieldRight))
			}
		case grammar.KindApply:
			fn, arg := n.ChildByFieldName(grammar.FieldFunction), unwrap(n.ChildByFieldName(grammar.FieldArgument))
			// The helper is the innermost function: eachSystem systems f.
			head := fn
			for head != nil && head.Type() == grammar.KindApply {
				head = head.ChildByFieldName(grammar.FieldFunction)
			}
			name := ""
			if head != nil {
				text := head.Content(a.src)
				name = text[strings.LastIndexByte(text, '.')+1:]
			}
			if name == "mkFlake" && arg != nil && arg.Type() == grammar.KindAttrset {
				a.flakeParts(arg, &sets)
				return
			}
			if keyed, ok := eachSystemHelpers[name]; !ok || !keyed || arg == nil || arg.Type() != grammar.KindLambda {
				return
			}
			if set, _ := a.resultSet(arg); set != nil {
				sets = append(sets, perSystem{set: set})
			}
		}
	}
	visit(a.flake.Outputs.ChildByFieldName(grammar.FieldBody))
	return sets
}

// resultSet is the attribute-set literal a function literal returns
// (through let and with), with its node; nil when it is not one.
func (a *analyzer) resultSet(fn *sitter.Node) (*attrSet, *sitter.Node) {
	if fn == nil || fn.Type() != grammar.KindLambda {
		return nil, nil
	}
	body := unwrap(fn.ChildByFieldName(grammar.FieldBody))
	for body != nil && (body.Type() == grammar.KindLet || body.Type() == grammar.KindWith) {
		body = unwrap(body.ChildByFieldName(grammar.FieldBody))
	}
	if body == nil || body.Type() != grammar.KindAttrset {
		return nil, nil
	}
	set := newAttrSet()
	collectBindings(set, body, a.src)
	return set, body
}

// perSystem is what a per-system function returns; in flake-parts it is a
// module, whose other attributes are options of imported modules.
type perSystem struct {
	set        *attrSet
	flakeParts bool
}

// flakeParts reads the module given to flake-parts' mkFlake: `perSystem`
// returns per-system outputs, `flake` plain ones, `systems` lists systems.
func (a *analyzer) flakeParts(module *sitter.Node, sets *[]perSystem) {
	m := newAttrSet()
	collectBindings(m, module, a.src)
	if ps := m.get("perSystem"); ps != nil && ps.value != nil {
		if set, _ := a.resultSet(unwrap(ps.value)); set != nil {
			*sets = append(*sets, perSystem{set: set, flakeParts: true})
		}
	}
	if f := m.get("flake"); f != nil && f.children != nil {
		a.flakePartsOutputs = f.children
	}
	if sys := m.get("systems"); sys != nil && sys.value != nil {
		if list := unwrap(sys.value); list.Type() == grammar.KindList {
			for i := 0; i < int(list.NamedChildCount()); i++ {
				el := unwrap(list.NamedChild(i))
				if v, _, ok := stringValue(el, a.src); ok && !strings.Contains(v, "-") {
					a.report(el, analysis.Error, "outputs-bad-system", "'%s' is not a valid system type (systems look like x86_64-linux)", v)
				}
			}
		}
	}
}

// checkOutputs checks the outputs it can see against the schema.
func (a *analyzer) checkOutputs() {
	if a.flake.Outputs == nil {
		return
	}
	for _, ps := range a.perSystemSets() {
		for _, name := range ps.set.names {
			at := ps.set.attrs[name]
			out, known := schema.OutputByName(name)
			switch {
			case !known && ps.flakeParts:
				// An option of a flake-parts module (treefmt, pre-commit, ...).
			case !known:
				a.unknownOutput(at)
			case !out.PerSystem:
				a.report(at.key, analysis.Warning, "outputs-not-per-system",
					"'%s' is not a per-system output, but it is defined per system here (it would become %s.<system>...): define it with the flake's other outputs (outside eachDefaultSystem, or in flake-parts' `flake`)", name, name)
			default:
				if out.Deprecated != "" {
					a.report(at.key, analysis.Warning, "outputs-deprecated",
						"flake output attribute '%s' is deprecated; use '%s' instead", name, out.Deprecated)
				}
				a.checkSystemLevel(out, at)
			}
		}
	}
	if body := unwrap(a.flake.Outputs.ChildByFieldName(grammar.FieldBody)); body != nil && isLiteral(body) && body.Type() != grammar.KindAttrset {
		a.report(body, analysis.Error, "outputs-bad-shape", "the outputs function must return an attribute set, not %s (Nix: value is %s while a set was expected)", nixType(body), nixType(body))
		return
	}
	set, _ := a.outputSet()
	if set == nil {
		set = a.flakePartsOutputs
	}
	if set == nil {
		return
	}
	for _, name := range set.names {
		at := set.attrs[name]
		out, known := schema.OutputByName(name)
		if !known {
			a.unknownOutput(at)
			continue
		}
		if out.Deprecated != "" {
			a.report(at.key, analysis.Warning, "outputs-deprecated",
				"flake output attribute '%s' is deprecated; use '%s' instead", name, out.Deprecated)
		}
		a.checkOutput(out, at)
	}
}

func (a *analyzer) unknownOutput(at *attr) {
	d := a.report(at.key, analysis.Warning, "outputs-unknown",
		"unknown flake output '%s' (Nix: unknown flake output); `nix flake check` warns and nothing uses it", at.name)
	var known []string
	for _, o := range schema.Outputs {
		known = append(known, o.Name)
	}
	if best := analysis.Closest(at.name, known); best != "" {
		d.Message += "; did you mean '" + best + "'?"
		d.Fix = &analysis.Fix{Title: "Rename to " + best, Start: d.Start, End: d.End, Replacement: best}
	}
}

func (a *analyzer) checkOutput(out schema.Output, at *attr) {
	if out.PerSystem {
		if v := unwrap(at.value); v != nil && isLiteral(v) && v.Type() != grammar.KindAttrset {
			a.report(v, analysis.Error, "outputs-bad-shape", "'%s' must be an attribute set keyed by system (x86_64-linux, ...)", out.Name)
			return
		}
		if v := unwrap(at.value); v != nil && v.Type() == grammar.KindApply {
			// forAllSystems (system: { ... }), lib.genAttrs systems (system: ...):
			// the function's result is what each system holds.
			if set, body := a.resultSet(unwrap(v.ChildByFieldName(grammar.FieldArgument))); set != nil {
				a.checkSystemLevel(out, &attr{name: "<system>", key: body, value: body, children: set})
			}
			return
		}
		for _, sys := range names(at.children) {
			child := at.children.attrs[sys]
			if !strings.Contains(sys, "-") {
				d := a.report(child.key, analysis.Error, "outputs-bad-system",
					"'%s' is not a valid system type (Nix: systems look like x86_64-linux); '%s' expects '%s.<system>'", sys, out.Name, out.Name)
				if sys == "default" || !out.Named {
					d.Message += "; per-system outputs need the system first"
				}
				continue
			}
			a.checkSystemLevel(out, child)
		}
		return
	}
	a.checkSystemLevel(out, at)
}

// checkSystemLevel checks what an output holds for one system (or, for
// outputs not keyed by system, the whole output).
func (a *analyzer) checkSystemLevel(out schema.Output, at *attr) {
	if v := unwrap(at.value); out.Named && v != nil && isLiteral(v) && v.Type() != grammar.KindAttrset {
		a.report(v, analysis.Error, "outputs-bad-shape", "'%s' holds named entries (%s.<name>), so it must be an attribute set, not %s (Nix: value is %s while a set was expected)", out.Name, out.Name, nixType(v), nixType(v))
		return
	}
	if !out.Named {
		if at.value != nil {
			a.checkShape(out, at)
		}
		return
	}
	for _, n := range names(at.children) {
		if entry := at.children.attrs[n]; entry.value != nil {
			a.checkShape(out, entry)
		}
	}
}

func names(s *attrSet) []string {
	if s == nil {
		return nil
	}
	return s.names
}

// isLiteral: a value whose type is known without evaluation.
func isLiteral(n *sitter.Node) bool {
	if n.Type() == grammar.KindIdentifier {
		// true, false and null, unless shadowed (rare enough in flakes).
		return false
	}
	switch n.Type() {
	case grammar.KindInteger, grammar.KindFloat, grammar.KindString, grammar.KindIndentedString,
		grammar.KindPath, grammar.KindList, grammar.KindAttrset, grammar.KindLambda, grammar.KindUri:
		return true
	}
	return false
}

func (a *analyzer) checkShape(out schema.Output, at *attr) {
	v := unwrap(at.value)
	if v == nil || !isLiteral(v) {
		return
	}
	kind := v.Type()
	switch out.Shape {
	case schema.Derivation:
		if kind != grammar.KindAttrset || at.children.get("type") == nil {
			a.report(v, analysis.Error, "outputs-not-derivation", "'%s' must be a derivation, not %s (Nix: flake attribute is not a derivation)", out.Name, nixType(v))
		}
	case schema.Function:
		if kind != grammar.KindLambda {
			a.report(v, analysis.Error, "outputs-bad-shape", "a bundler must be a function from a derivation to a derivation, not %s (Nix: bundler must be a function)", nixType(v))
		}
	case schema.Module:
		if kind != grammar.KindLambda && kind != grammar.KindAttrset && kind != grammar.KindPath {
			a.report(v, analysis.Error, "outputs-bad-shape", "a module must be a function or an attribute set, not %s (Nix: module must be a function or an attribute set)", nixType(v))
		}
	case schema.Overlay:
		if kind != grammar.KindLambda {
			a.report(v, analysis.Error, "outputs-overlay", "an overlay is a function `final: prev: { ... }`, not %s (Nix: overlay is not a function)", nixType(v))
			return
		}
		p := v.ChildByFieldName(grammar.FieldParameter)
		if v.ChildByFieldName(grammar.FieldFormals) != nil || p == nil {
			a.report(v, analysis.Error, "outputs-overlay", "an overlay's first argument must be a plain name `final` (or `_`, `_final`), not a set pattern (Nix: overlay does not take an argument named 'final')")
			return
		}
		if name := p.Content(a.src); name != "final" && name != "_" && name != "_final" {
			d := a.report(p, analysis.Error, "outputs-overlay", "`nix flake check` wants an overlay's first argument named `final` (or `_`, `_final`), not '%s' (Nix: overlay does not take an argument named 'final')", name)
			d.Fix = &analysis.Fix{Title: "Rename to final", Start: d.Start, End: d.End, Replacement: "final"}
		}
	case schema.Template:
		if kind != grammar.KindAttrset {
			a.report(v, analysis.Error, "outputs-template", "a template is `{ path = ./dir; description = \"...\"; }`, not %s", nixType(v))
			return
		}
		for _, req := range []string{"path", "description"} {
			if at.children.get(req) == nil {
				a.report(v, analysis.Error, "outputs-template", "template lacks attribute '%s' (Nix: template lacks attribute '%s')", req, req)
			}
		}
		for _, n := range names(at.children) {
			if n != "path" && n != "description" && n != "welcomeText" {
				a.report(at.children.attrs[n].key, analysis.Error, "outputs-template", "template has unsupported attribute '%s'; it takes path, description and welcomeText", n)
			}
		}
		if p := at.children.get("path"); p != nil && p.value != nil {
			if v := unwrap(p.value); isLiteral(v) && v.Type() != grammar.KindPath {
				a.report(v, analysis.Error, "outputs-template", "a template's path must be a path value like ./template, not %s (Nix: template has a bad 'path' attribute)", nixType(v))
			}
		}
		if d := at.children.get("description"); d != nil && d.value != nil {
			if t := unwrap(d.value).Type(); isLiteral(unwrap(d.value)) && t != grammar.KindString && t != grammar.KindIndentedString {
				a.report(d.value, analysis.Error, "outputs-template", "a template's description must be a string, not %s", nixType(unwrap(d.value)))
			}
		}
	case schema.App:
		if kind != grammar.KindAttrset {
			a.report(v, analysis.Error, "outputs-app", "an app is `{ type = \"app\"; program = \"${drv}/bin/x\"; }`, not %s", nixType(v))
			return
		}
		for _, req := range []string{"type", "program"} {
			if at.children.get(req) == nil {
				a.report(v, analysis.Error, "outputs-app", "app lacks attribute '%s' (checked by Nix 2.25+; `nix run` needs it)", req)
			}
		}
		if t := at.children.get("type"); t != nil && t.value != nil {
			if s, _, ok := stringValue(unwrap(t.value), a.src); ok && s != "app" {
				a.report(t.value, analysis.Error, "outputs-app", "an app's type must be \"app\", not %q", s)
			}
		}
		for _, n := range names(at.children) {
			if n != "type" && n != "program" && n != "meta" {
				a.report(at.children.attrs[n].key, analysis.Error, "outputs-app", "app has unsupported attribute '%s' (Nix 2.25+); it takes type, program and meta", n)
			}
		}
	}
}
