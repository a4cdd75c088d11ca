package flake

import (
	"fmt"
	"strings"
	"sync"

	"github.com/flake-lsp/flake-lsp/analysis"
	"github.com/flake-lsp/flake-lsp/analysis/schema"
	"github.com/flake-lsp/flake-lsp/grammar"
	"github.com/flake-lsp/flake-lsp/syntax"
)

// outputSet is the attribute set the outputs function returns, when it can
// be seen without evaluation: an attribute-set literal, possibly under
// `let`/`with` and merged with `//`. complete is false when part of it is
// computed (a `//` with a function call), so absent names prove nothing.
func (a *analyzer) outputSet() (set *attrSet, complete bool) {
	if a.flake.Outputs == none {
		return nil, false
	}
	v := a.v
	set, complete = newAttrSet(), true
	var visit func(n syntax.NodeID) bool
	visit = func(n syntax.NodeID) bool {
		n = unwrap(v, n)
		if n == none {
			return false
		}
		switch v.Kind(n) {
		case grammar.KindLet, grammar.KindWith:
			return visit(v.ChildByField(n, fieldBody))
		case grammar.KindAttrset, grammar.KindRecAttrset:
			collectBindings(v, set, n)
			return true
		case grammar.KindBinary:
			if op := v.ChildByField(n, fieldOperator); op != none && v.Kind(op) == "//" {
				l := visit(v.ChildByField(n, fieldLeft))
				r := visit(v.ChildByField(n, fieldRight))
				if !l || !r {
					complete = false
				}
				return l || r
			}
		}
		return false
	}
	if !visit(v.ChildByField(a.flake.Outputs, fieldBody)) {
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
	if a.flake.Outputs == none {
		return nil
	}
	v := a.v
	var sets []perSystem
	var visit func(n syntax.NodeID)
	visit = func(n syntax.NodeID) {
		n = unwrap(v, n)
		if n == none {
			return
		}
		switch v.Kind(n) {
		case grammar.KindLet, grammar.KindWith:
			visit(v.ChildByField(n, fieldBody))
		case grammar.KindBinary:
			if op := v.ChildByField(n, fieldOperator); op != none && v.Kind(op) == "//" {
				visit(v.ChildByField(n, fieldLeft))
				visit(v.ChildByField(n, fieldRight))
			}
		case grammar.KindApply:
			fn, arg := v.ChildByField(n, fieldFunction), unwrap(v, v.ChildByField(n, fieldArgument))
			// The helper is the innermost function: eachSystem systems f.
			head := fn
			for head != none && v.Kind(head) == grammar.KindApply {
				head = v.ChildByField(head, fieldFunction)
			}
			name := ""
			if head != none {
				text := v.Text(head)
				name = text[strings.LastIndexByte(text, '.')+1:]
			}
			if name == "mkFlake" && arg != none && v.Kind(arg) == grammar.KindAttrset {
				a.flakeParts(arg, &sets)
				return
			}
			if keyed, ok := eachSystemHelpers[name]; !ok || !keyed || arg == none || v.Kind(arg) != grammar.KindLambda {
				return
			}
			if set, _ := a.resultSet(arg); set != nil {
				sets = append(sets, perSystem{set: set})
			}
		}
	}
	visit(v.ChildByField(a.flake.Outputs, fieldBody))
	return sets
}

// resultSet is the attribute-set literal a function literal returns
// (through let and with), with its node; nil when it is not one.
func (a *analyzer) resultSet(fn syntax.NodeID) (*attrSet, syntax.NodeID) {
	v := a.v
	if fn == none || v.Kind(fn) != grammar.KindLambda {
		return nil, none
	}
	body := unwrap(v, v.ChildByField(fn, fieldBody))
	for body != none && (v.Kind(body) == grammar.KindLet || v.Kind(body) == grammar.KindWith) {
		body = unwrap(v, v.ChildByField(body, fieldBody))
	}
	if body == none || v.Kind(body) != grammar.KindAttrset {
		return nil, none
	}
	set := newAttrSet()
	collectBindings(v, set, body)
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
func (a *analyzer) flakeParts(module syntax.NodeID, sets *[]perSystem) {
	v := a.v
	m := newAttrSet()
	collectBindings(v, m, module)
	if ps := m.get("perSystem"); ps != nil && ps.value != none {
		if set, _ := a.resultSet(unwrap(v, ps.value)); set != nil {
			*sets = append(*sets, perSystem{set: set, flakeParts: true})
		}
	}
	if f := m.get("flake"); f != nil && f.children != nil {
		a.flakePartsOutputs = f.children
	}
	if sys := m.get("systems"); sys != nil && sys.value != none {
		if list := unwrap(v, sys.value); v.Kind(list) == grammar.KindList {
			var els [16]syntax.NodeID
			for _, el := range namedKids(v, list, els[:0]) {
				el = unwrap(v, el)
				if s, ok := stringText(v, el); ok && !strings.Contains(s, "-") {
					a.report(el, analysis.Error, "outputs-bad-system", "'%s' is not a valid system type (systems look like x86_64-linux)", s)
				}
			}
		}
	}
}

// checkOutputs checks the outputs it can see against the schema.
func (a *analyzer) checkOutputs() {
	if a.flake.Outputs == none {
		return
	}
	for _, ps := range a.perSystemSets() {
		for _, at := range ps.set.list {
			name := at.name
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
				a.checkSystemLevel(out, at, name+".<system>", ps.flakeParts)
			}
		}
	}
	if body := unwrap(a.v, a.v.ChildByField(a.flake.Outputs, fieldBody)); body != none && isLiteral(a.v.Kind(body)) && a.v.Kind(body) != grammar.KindAttrset {
		a.report(body, analysis.Error, "outputs-bad-shape", "the outputs function must return an attribute set, not %s (Nix: value is %s while a set was expected)", a.nixType(body), a.nixType(body))
		return
	}
	set, _ := a.outputSet()
	flakeParts := false
	if set == nil {
		set, flakeParts = a.flakePartsOutputs, true
	}
	if set == nil {
		return
	}
	for _, at := range set.list {
		name := at.name
		out, known := schema.OutputByName(name)
		if !known {
			a.unknownOutput(at)
			continue
		}
		if out.Deprecated != "" {
			a.report(at.key, analysis.Warning, "outputs-deprecated",
				"flake output attribute '%s' is deprecated; use '%s' instead", name, out.Deprecated)
		}
		a.checkOutput(out, at, flakeParts)
	}
}

// outputNames are the known outputs' names, for suggestions.
var outputNames = sync.OnceValue(func() []string {
	var known []string
	for _, o := range schema.Outputs {
		known = append(known, o.Name)
	}
	return known
})

func (a *analyzer) unknownOutput(at *attr) {
	d := a.report(at.key, analysis.Warning, "outputs-unknown",
		"unknown flake output '%s' (Nix: unknown flake output); `nix flake check` warns and nothing uses it", at.name)
	if best := analysis.Closest(at.name, outputNames()); best != "" {
		d.Message += "; did you mean '" + best + "'?"
		d.Fix = &analysis.Fix{Title: "Rename to " + best, Start: d.Start, End: d.End, Replacement: best}
	}
}

// checkOutput checks one output; flakeParts: it is the `flake` attribute
// of a flake-parts module, whose options wrap some values (overlays).
func (a *analyzer) checkOutput(out schema.Output, at *attr, flakeParts bool) {
	if out.Shape.Checked() {
		if val := a.attrValue(at); val.kind == vThrow {
			a.reportThrow(at, val, out.Name)
			return
		}
	}
	if !out.PerSystem {
		a.checkSystemLevel(out, at, out.Name, flakeParts)
		return
	}
	if v := unwrap(a.v, at.value); v != none {
		switch val := a.eval(v); {
		case val.isDerivation():
			// Nix takes the derivation's attributes for systems.
			a.report(v, analysis.Error, "outputs-bad-system",
				"'%s' is keyed by system, but this is a derivation, whose attributes (type, name, ...) are not systems (Nix: 'type' is not a valid system type); write `%s.x86_64-linux = ...` for each system, or use forAllSystems", out.Name, out.Name)
			return
		case val.kind != vUnknown && val.kind != vSet:
			a.report(v, analysis.Error, "outputs-bad-shape", "'%s' must be an attribute set keyed by system (x86_64-linux, ...), not %s", out.Name, val.describe())
			return
		}
		if a.v.Kind(v) == grammar.KindApply {
			// forAllSystems (system: { ... }), lib.genAttrs systems (system: ...):
			// the function's result is what each system holds.
			if set, body := a.resultSet(unwrap(a.v, a.v.ChildByField(v, fieldArgument))); set != nil {
				a.checkSystemLevel(out, &attr{name: "<system>", key: body, value: body, children: set}, out.Name+".<system>", flakeParts)
			}
			return
		}
	}
	for _, child := range list(at.children) {
		sys := child.name
		if !strings.Contains(sys, "-") {
			d := a.report(child.key, analysis.Error, "outputs-bad-system",
				"'%s' is not a valid system type (Nix: systems look like x86_64-linux); '%s' expects '%s.<system>'", sys, out.Name, out.Name)
			if sys == "default" || !out.Named {
				d.Message += "; per-system outputs need the system first"
			}
			continue
		}
		a.checkSystemLevel(out, child, out.Name+"."+sys, flakeParts)
	}
}

// checkSystemLevel checks what an output holds for one system (or, for
// outputs not keyed by system, the whole output); path names it.
func (a *analyzer) checkSystemLevel(out schema.Output, at *attr, path string, flakeParts bool) {
	if v := unwrap(a.v, at.value); out.Named && v != none {
		val := a.eval(v)
		switch {
		case val.kind == vThrow:
			if out.Shape.Checked() {
				a.reportThrow(at, val, path)
			}
			return
		case val.kind != vUnknown && val.kind != vSet:
			a.report(v, analysis.Error, "outputs-bad-shape", "'%s' holds named entries (%s.<name>), so it must be an attribute set, not %s (Nix: value is %s while a set was expected)", out.Name, out.Name, val.describe(), val.describe())
			return
		case val.isDerivation():
			// Nix would check each attribute of the derivation as an entry.
			a.report(v, analysis.Error, "outputs-bad-shape", "'%s' holds named entries (%s.<name>), so it must be an attribute set of them, not a derivation itself; write `%s.default = ...`", path, path, path)
			return
		}
	}
	if !out.Named {
		if at.value != none || at.children != nil {
			a.checkShape(out, at, path, "", flakeParts)
		}
		return
	}
	for _, entry := range list(at.children) {
		if n := entry.name; entry.value != none || entry.children != nil {
			a.checkShape(out, entry, path, n, flakeParts)
		}
	}
}

// list is the attributes of s, none if s is nil.
func list(s *attrSet) []*attr {
	if s == nil {
		return nil
	}
	return s.list
}

// isLiteral: a value whose type is known without evaluation.
func isLiteral(kind string) bool {
	switch kind {
	case grammar.KindInteger, grammar.KindFloat, grammar.KindString, grammar.KindIndentedString,
		grammar.KindPath, grammar.KindList, grammar.KindAttrset, grammar.KindLambda, grammar.KindUri:
		return true
	}
	return false
}

// site is where a diagnostic about an attribute's value goes: the value
// as written in the outputs, or the name when it is only given through
// nested bindings (`a.b = ...`).
func (a *analyzer) site(at *attr) syntax.NodeID {
	if v := unwrap(a.v, at.value); v != none {
		return v
	}
	return at.key
}

// reportThrow: a value that is `throw "..."` (or abort, or a call of a
// function that throws) fails wherever Nix evaluates it.
func (a *analyzer) reportThrow(at *attr, val value, path string) {
	what := "an error"
	if arg := a.v.ChildByField(val.node, fieldArgument); arg != none {
		if s, ok := stringText(a.v, unwrap(a.v, arg)); ok {
			what = fmt.Sprintf("the error %q", s)
		}
	}
	a.report(a.site(at), analysis.Error, "outputs-throws",
		"'%s' always fails: `nix flake check` evaluates it and gets %s (so does everything that uses it); give it a real value or remove it", path, what)
}

// checkShape checks an entry of an output, named parent.name (parent
// when name is ""): the name is only joined for a value that shows its kind,
// as most (package calls) do not.
func (a *analyzer) checkShape(out schema.Output, at *attr, parent, name string, flakeParts bool) {
	val := a.attrValue(at)
	if val.kind == vUnknown {
		return
	}
	path := parent
	if name != "" {
		path += "." + name
	}
	if val.kind == vThrow {
		if out.Shape.Checked() {
			a.reportThrow(at, val, path)
		}
		return
	}
	v := a.site(at)
	switch out.Shape {
	case schema.Derivation:
		if val.notDerivation() {
			a.report(v, analysis.Error, "outputs-not-derivation", "'%s' must be a derivation, not %s (Nix: flake attribute '%s' is not a derivation)", path, val.describe(), path)
		}
	case schema.Function:
		if val.kind != vFunction {
			a.report(v, analysis.Error, "outputs-bad-shape", "a bundler must be a function that takes a derivation and returns one (`drv: ...`), not %s (Nix: bundler must be a function)", val.describe())
		}
	case schema.Module:
		switch val.kind {
		case vString, vInt, vFloat, vBool, vNull, vList:
			a.report(v, analysis.Error, "outputs-bad-shape", "a module must be a function or an attribute set (or a path to a file holding one), not %s (Nix: module must be a function or an attribute set)", val.describe())
		case vFunction:
			a.checkModuleArgs(val.node)
		}
	case schema.Overlay:
		a.checkOverlay(at, val, flakeParts)
	case schema.System:
		a.checkSystemConfig(out, at, val, path)
	case schema.Jobs:
		a.checkJobs(at, path, true)
	case schema.Template:
		a.checkTemplate(v, val)
	case schema.App:
		a.checkApp(v, val, flakeParts)
	}
}

// moduleArgs are the arguments the module system (lib.evalModules) always
// passes to a module function, with more (pkgs, modulesPath, ...).
var moduleArgs = [...]string{"config", "options", "lib"}

// checkModuleArgs: a module function with a set pattern must end in `...`,
// or the module system's call fails (called with unexpected argument).
// Nix 2.8's `nix flake check` rejects such modules too; newer Nix only
// evaluates the module to a function.
func (a *analyzer) checkModuleArgs(lam syntax.NodeID) {
	v := a.v
	f := v.ChildByField(lam, fieldFormals)
	if f == none {
		return
	}
	last := none
	var have [len(moduleArgs)]bool
	for c := v.FirstChild(f); c != none; c = v.Next(c) {
		if !content(v, c) {
			continue
		}
		switch v.Kind(c) {
		case grammar.KindEllipsis:
			return
		case grammar.KindFormal:
			last = c
			if n := v.ChildByField(c, fieldName); n != none {
				for i, arg := range moduleArgs {
					if textIs(v, n, arg) {
						have[i] = true
					}
				}
			}
		}
	}
	for i, arg := range moduleArgs {
		if have[i] {
			continue
		}
		d := a.report(f, analysis.Error, "outputs-module-args",
			"a module function must accept any argument, `{ config, lib, ... }:`: the module system calls it with config, options, lib, pkgs and more, so without `...` it fails when it is used (called with unexpected argument '%s'); Nix 2.8's `nix flake check` rejects it too (module must match an open attribute set)", arg)
		if last != none {
			d.Fix = &analysis.Fix{Title: "Add ...", Start: v.End(last), End: v.End(last), Replacement: ", ..."}
		} else {
			d.Fix = &analysis.Fix{Title: "Add ...", Start: d.Start, End: d.End, Replacement: "{ ... }"}
		}
		return
	}
}

// checkOverlay: `nix flake check` wants `final: prev: ...`. Every Nix
// checks the first argument's name; Nix 2.21 and older also the second's
// (its argument must be a lambda literal named prev, `_` or `_prev`).
func (a *analyzer) checkOverlay(at *attr, val value, flakeParts bool) {
	if val.kind != vFunction {
		a.report(a.site(at), analysis.Error, "outputs-overlay", "an overlay is a function `final: prev: { ... }`, not %s (Nix: overlay is not a function; before 2.17: overlay does not take an argument named 'final')", val.describe())
		return
	}
	lam := val.node
	// flake-parts wraps each overlay in `final: prev: f final prev`, so
	// only the arity matters there.
	if !flakeParts {
		if d := a.overlayArgument(lam, "final", analysis.Error); d != nil {
			a.relateOverlay(d, at, lam)
			return
		}
	}
	body := unwrap(a.v, a.v.ChildByField(lam, fieldBody))
	if body == none {
		return
	}
	if bv := a.eval(body); bv.kind != vUnknown && bv.kind != vFunction && bv.kind != vThrow {
		a.report(body, analysis.Error, "outputs-overlay",
			"an overlay takes two arguments, `final: prev: { ... }`, but this one returns %s after its first, so nixpkgs fails when it applies the overlay (attempt to call something which is not a function); Nix 2.21 and older reject it in `nix flake check` (overlay does not take an argument named 'prev')", bv.describe())
		return
	}
	if flakeParts {
		return
	}
	if a.v.Kind(body) != grammar.KindLambda {
		a.report(body, analysis.Warning, "outputs-overlay-prev",
			"Nix 2.21 and older want an overlay written out as `final: prev: ...`, and here the second argument is not a function literal (Nix: overlay does not take an argument named 'prev'); newer Nix accepts it. Write `final: prev: ...` to support older Nix")
		return
	}
	if d := a.overlayArgument(body, "prev", analysis.Warning); d != nil {
		a.relateOverlay(d, at, lam)
	}
}

// relateOverlay points a diagnostic about a lambda defined elsewhere (in a
// let, or returned by a helper) at the output that uses it.
func (a *analyzer) relateOverlay(d *analysis.Diagnostic, at *attr, lam syntax.NodeID) {
	v := a.v
	use := a.site(at)
	if v.Start(lam) >= v.Start(use) && v.End(lam) <= v.End(use) {
		return
	}
	d.Related = append(d.Related, analysis.Related{File: a.opts.File, Start: v.Start(use), End: v.End(use), Message: "the overlay is used here"})
}

// overlayArgument checks that lam's argument is a plain name that Nix
// accepts in the place of want (want, `_` or `_want`), and reports it if
// not (returning the diagnostic): for `final` an error (every Nix), for
// `prev` a warning (2.21 and older only).
func (a *analyzer) overlayArgument(lam syntax.NodeID, want string, sev analysis.Severity) *analysis.Diagnostic {
	code, versions := "outputs-overlay", "Nix"
	if want == "prev" {
		code, versions = "outputs-overlay-prev", "Nix 2.21 and older"
	}
	p := a.v.ChildByField(lam, fieldParameter)
	if f := a.v.ChildByField(lam, fieldFormals); f != none || p == none {
		return a.report(f, sev, code, "`nix flake check` wants an overlay's %s argument to be a plain name `%s` (or `_`, `_%s`), not a set pattern (%s: overlay does not take an argument named '%s')", ordinal(want), want, want, versions, want)
	}
	name := a.v.Text(p)
	if name == want || name == "_" || name == "_"+want {
		return nil
	}
	d := a.report(p, sev, code, "`nix flake check` wants an overlay's %s argument named `%s` (or `_`, `_%s`), not '%s' (%s: overlay does not take an argument named '%s')", ordinal(want), want, want, name, versions, want)
	if want == "prev" {
		d.Message += "; newer Nix accepts any name"
	}
	if start, end, text, ok := a.renameParameter(lam, name, want); ok {
		d.Fix = &analysis.Fix{Title: "Rename " + name + " to " + want, Start: start, End: end, Replacement: text}
	}
	return d
}

func ordinal(want string) string {
	if want == "final" {
		return "first"
	}
	return "second"
}

// renameParameter renames the argument of lam, and every use of it, to
// newName: one replacement of the lambda's text. ok is false when that
// could change the meaning: newName already occurs in the lambda, or the
// argument is inherited (`inherit super;` names an attribute too).
func (a *analyzer) renameParameter(lam syntax.NodeID, oldName, newName string) (start, end int, text string, ok bool) {
	v := a.v
	var edits []syntax.NodeID
	safe := true
	var walk func(n syntax.NodeID)
	walk = func(n syntax.NodeID) {
		if !safe {
			return
		}
		for c := v.FirstChild(n); c != none; c = v.Next(c) {
			if !content(v, c) {
				continue
			}
			switch v.Kind(c) {
			case grammar.KindIdentifier, grammar.KindAttribute:
				switch {
				case textIs(v, c, newName):
					safe = false
				case textIs(v, c, oldName):
					if v.Kind(c) == grammar.KindAttribute {
						if v.Kind(v.Parent(c)) == grammar.KindInherit {
							safe = false
						}
						continue
					}
					if scope, _ := a.scopeOf(c); scope == lam {
						edits = append(edits, c)
					}
				}
			default:
				walk(c)
			}
		}
	}
	walk(lam)
	if !safe {
		return 0, 0, "", false
	}
	var b strings.Builder
	pos := v.Start(lam)
	for _, e := range edits {
		b.Write(a.src[pos:v.Start(e)])
		b.WriteString(newName)
		pos = v.End(e)
	}
	b.Write(a.src[pos:v.End(lam)])
	return v.Start(lam), v.End(lam), b.String(), true
}

// checkSystemConfig: `nix flake check` evaluates the entry's toplevel
// attribute path (config.system.build.toplevel), which must lead through
// sets to a derivation, as `nixpkgs.lib.nixosSystem { ... }` makes.
func (a *analyzer) checkSystemConfig(out schema.Output, at *attr, val value, path string) {
	if len(out.Toplevel) == 0 {
		return
	}
	sel := strings.Join(out.Toplevel, ".")
	build := "`nixpkgs.lib.nixosSystem { modules = [ ./configuration.nix ]; }`"
	cur := val
	for i, name := range out.Toplevel {
		switch {
		case cur.kind == vUnknown, cur.kind == vThrow:
			return
		case cur.kind != vSet:
			if i == 0 {
				a.report(a.site(at), analysis.Error, "outputs-nixos-configuration", "'%s' must be a NixOS system made by %s, not %s (Nix: the expression selected by the selection path '%s' should be a set but is %s)", path, build, cur.describe(), sel, cur.describe())
			} else {
				a.report(a.site(at), analysis.Error, "outputs-nixos-configuration", "'%s.%s' is %s, where `nix flake check` needs a set leading to the system's derivation '%s'; make '%s' with %s", path, strings.Join(out.Toplevel[:i], "."), cur.describe(), sel, path, build)
			}
			return
		case cur.attrs == nil || len(cur.attrs.dynamic) > 0:
			return
		}
		child := cur.attrs.get(name)
		if child == nil {
			a.report(a.site(at), analysis.Error, "outputs-nixos-configuration", "'%s' has no '%s', so it is not a NixOS system; make it with %s (Nix: attribute '%s' in selection path '%s' not found)", path, strings.Join(out.Toplevel[:i+1], "."), build, name, sel)
			return
		}
		cur = a.attrValue(child)
	}
	if cur.notDerivation() {
		a.report(a.site(at), analysis.Error, "outputs-nixos-configuration", "'%s.%s' must be a derivation, not %s; make '%s' with %s (Nix: attribute '%s' is not a derivation)", path, sel, cur.describe(), path, build, sel)
	}
}

// checkJobs: Hydra jobs are sets nested as deep as one likes, with
// derivations at the leaves; Nix forces every other node to a set and
// rejects a derivation at the top.
func (a *analyzer) checkJobs(at *attr, path string, top bool) {
	val := a.attrValue(at)
	switch {
	case val.kind == vUnknown:
	case val.kind == vThrow:
		a.reportThrow(at, val, path)
	case val.kind != vSet:
		a.report(a.site(at), analysis.Error, "outputs-hydra-jobs", "'%s' is %s, but Hydra jobs are derivations, grouped in attribute sets (hydraJobs.<job>.<system> = derivation) (Nix: value is %s while a set was expected)", path, val.describe(), val.describe())
	case val.drv == yes:
		if top {
			a.report(a.site(at), analysis.Error, "outputs-hydra-jobs", "hydraJobs must be an attribute set of jobs, not a derivation itself (Nix: jobset should not be a derivation at top-level); write `hydraJobs.<job>.<system> = ...`")
		}
	case val.drv == no && val.attrs != nil:
		for _, at := range val.attrs.list {
			a.checkJobs(at, path+"."+at.name, false)
		}
	}
}

// checkTemplate: `{ path = ./dir; description = "..."; welcomeText? }`.
func (a *analyzer) checkTemplate(v syntax.NodeID, val value) {
	if val.kind != vSet {
		a.report(v, analysis.Error, "outputs-template", "a template is `{ path = ./dir; description = \"...\"; }`, not %s", val.describe())
		return
	}
	attrs := val.attrs
	if attrs == nil || len(attrs.dynamic) > 0 {
		return
	}
	for _, req := range []string{"path", "description"} {
		if attrs.get(req) == nil {
			a.report(v, analysis.Error, "outputs-template", "template lacks attribute '%s' (Nix: template lacks attribute '%s')", req, req)
		}
	}
	for _, at := range attrs.list {
		if n := at.name; n != "path" && n != "description" && n != "welcomeText" {
			a.report(at.key, analysis.Error, "outputs-template", "template has unsupported attribute '%s'; it takes path, description and welcomeText", n)
		}
	}
	if p := attrs.get("path"); p != nil && p.value != none {
		pv := unwrap(a.v, p.value)
		// A string works only if it is a store path ("${self}/t" is one).
		s, plain := stringText(a.v, pv)
		if k := a.eval(pv).kind; k != vUnknown && k != vPath && k != vThrow && (k != vString || plain && !strings.HasPrefix(s, "/nix/store/")) {
			a.report(pv, analysis.Error, "outputs-template", "a template's path must be a path value like ./template, not %s (Nix: template has a bad 'path' attribute)", a.eval(pv).describe())
		}
	}
	if d := attrs.get("description"); d != nil && d.value != none {
		if dv := a.eval(d.value); dv.kind != vUnknown && dv.kind != vString && dv.kind != vThrow {
			a.report(unwrap(a.v, d.value), analysis.Error, "outputs-template", "a template's description must be a string, not %s", dv.describe())
		}
	}
}

// checkApp: `{ type = "app"; program = "..."; meta? }` (checked by Nix
// 2.25+; `nix run` needs it in every version). In flake-parts' perSystem
// an app is a module whose type defaults to "app" (and whose program may
// be a derivation), so there only program is required.
func (a *analyzer) checkApp(v syntax.NodeID, val value, flakeParts bool) {
	if val.kind != vSet {
		a.report(v, analysis.Error, "outputs-app", "an app is `{ type = \"app\"; program = \"${drv}/bin/x\"; }`, not %s", val.describe())
		return
	}
	attrs := val.attrs
	if attrs == nil || len(attrs.dynamic) > 0 {
		return
	}
	for _, req := range []string{"type", "program"} {
		if attrs.get(req) == nil && !(flakeParts && req == "type") {
			a.report(v, analysis.Error, "outputs-app", "app lacks attribute '%s' (checked by Nix 2.25+; `nix run` needs it)", req)
		}
	}
	if t := attrs.get("type"); t != nil && t.value != none {
		if s, ok := stringText(a.v, unwrap(a.v, t.value)); ok && s != "app" {
			a.report(t.value, analysis.Error, "outputs-app", "an app's type must be \"app\", not %q", s)
		}
	}
	for _, at := range attrs.list {
		if n := at.name; n != "type" && n != "program" && n != "meta" {
			a.report(at.key, analysis.Warning, "outputs-app", "app has unsupported attribute '%s': Nix 2.25 and newer reject it in `nix flake check` (app has unsupported attribute '%s'), older versions accept it; an app takes type, program and meta", n, n)
		}
	}
}
