package flake

import (
	"fmt"
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
				a.checkSystemLevel(out, at, name+".<system>", false)
			}
		}
	}
	if body := unwrap(a.flake.Outputs.ChildByFieldName(grammar.FieldBody)); body != nil && isLiteral(body) && body.Type() != grammar.KindAttrset {
		a.report(body, analysis.Error, "outputs-bad-shape", "the outputs function must return an attribute set, not %s (Nix: value is %s while a set was expected)", nixType(body), nixType(body))
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
		a.checkOutput(out, at, flakeParts)
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
	if v := unwrap(at.value); v != nil {
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
		if v.Type() == grammar.KindApply {
			// forAllSystems (system: { ... }), lib.genAttrs systems (system: ...):
			// the function's result is what each system holds.
			if set, body := a.resultSet(unwrap(v.ChildByFieldName(grammar.FieldArgument))); set != nil {
				a.checkSystemLevel(out, &attr{name: "<system>", key: body, value: body, children: set}, out.Name+".<system>", flakeParts)
			}
			return
		}
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
		a.checkSystemLevel(out, child, out.Name+"."+sys, flakeParts)
	}
}

// checkSystemLevel checks what an output holds for one system (or, for
// outputs not keyed by system, the whole output); path names it.
func (a *analyzer) checkSystemLevel(out schema.Output, at *attr, path string, flakeParts bool) {
	if v := unwrap(at.value); out.Named && v != nil {
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
		if at.value != nil || at.children != nil {
			a.checkShape(out, at, path, flakeParts)
		}
		return
	}
	for _, n := range names(at.children) {
		if entry := at.children.attrs[n]; entry.value != nil || entry.children != nil {
			a.checkShape(out, entry, path+"."+n, flakeParts)
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
	switch n.Type() {
	case grammar.KindInteger, grammar.KindFloat, grammar.KindString, grammar.KindIndentedString,
		grammar.KindPath, grammar.KindList, grammar.KindAttrset, grammar.KindLambda, grammar.KindUri:
		return true
	}
	return false
}

// site is where a diagnostic about an attribute's value goes: the value
// as written in the outputs, or the name when it is only given through
// nested bindings (`a.b = ...`).
func site(at *attr) *sitter.Node {
	if v := unwrap(at.value); v != nil {
		return v
	}
	return at.key
}

// reportThrow: a value that is `throw "..."` (or abort, or a call of a
// function that throws) fails wherever Nix evaluates it.
func (a *analyzer) reportThrow(at *attr, val value, path string) {
	what := "an error"
	if arg := val.node.ChildByFieldName(grammar.FieldArgument); arg != nil {
		if s, _, ok := stringValue(unwrap(arg), a.src); ok {
			what = fmt.Sprintf("the error %q", s)
		}
	}
	a.report(site(at), analysis.Error, "outputs-throws",
		"'%s' always fails: `nix flake check` evaluates it and gets %s (so does everything that uses it); give it a real value or remove it", path, what)
}

func (a *analyzer) checkShape(out schema.Output, at *attr, path string, flakeParts bool) {
	val := a.attrValue(at)
	if val.kind == vUnknown {
		return
	}
	if val.kind == vThrow {
		if out.Shape.Checked() {
			a.reportThrow(at, val, path)
		}
		return
	}
	v := site(at)
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
		a.checkApp(v, val)
	}
}

// moduleArgs are the arguments the module system (lib.evalModules) always
// passes to a module function, with more (pkgs, modulesPath, ...).
var moduleArgs = []string{"config", "options", "lib"}

// checkModuleArgs: a module function with a set pattern must end in `...`,
// or the module system's call fails (called with unexpected argument).
// Nix 2.8's `nix flake check` rejects such modules too; newer Nix only
// evaluates the module to a function.
func (a *analyzer) checkModuleArgs(lam *sitter.Node) {
	f := lam.ChildByFieldName(grammar.FieldFormals)
	if f == nil {
		return
	}
	var last *sitter.Node
	have := map[string]bool{}
	kids, _ := children(f)
	for _, c := range kids {
		switch c.Type() {
		case grammar.KindEllipsis:
			return
		case grammar.KindFormal:
			last = c
			if n := c.ChildByFieldName(grammar.FieldName); n != nil {
				have[n.Content(a.src)] = true
			}
		}
	}
	for _, arg := range moduleArgs {
		if have[arg] {
			continue
		}
		d := a.report(f, analysis.Error, "outputs-module-args",
			"a module function must accept any argument, `{ config, lib, ... }:`: the module system calls it with config, options, lib, pkgs and more, so without `...` it fails when it is used (called with unexpected argument '%s'); Nix 2.8's `nix flake check` rejects it too (module must match an open attribute set)", arg)
		if last != nil {
			d.Fix = &analysis.Fix{Title: "Add ...", Start: int(last.EndByte()), End: int(last.EndByte()), Replacement: ", ..."}
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
		a.report(site(at), analysis.Error, "outputs-overlay", "an overlay is a function `final: prev: { ... }`, not %s (Nix: overlay is not a function; before 2.17: overlay does not take an argument named 'final')", val.describe())
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
	body := unwrap(lam.ChildByFieldName(grammar.FieldBody))
	if body == nil {
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
	if body.Type() != grammar.KindLambda {
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
func (a *analyzer) relateOverlay(d *analysis.Diagnostic, at *attr, lam *sitter.Node) {
	use := site(at)
	if lam.StartByte() >= use.StartByte() && lam.EndByte() <= use.EndByte() {
		return
	}
	d.Related = append(d.Related, analysis.Related{File: a.opts.File, Start: int(use.StartByte()), End: int(use.EndByte()), Message: "the overlay is used here"})
}

// overlayArgument checks that lam's argument is a plain name that Nix
// accepts in the place of want (want, `_` or `_want`), and reports it if
// not (returning the diagnostic): for `final` an error (every Nix), for
// `prev` a warning (2.21 and older only).
func (a *analyzer) overlayArgument(lam *sitter.Node, want string, sev analysis.Severity) *analysis.Diagnostic {
	code, versions := "outputs-overlay", "Nix"
	if want == "prev" {
		code, versions = "outputs-overlay-prev", "Nix 2.21 and older"
	}
	p := lam.ChildByFieldName(grammar.FieldParameter)
	if f := lam.ChildByFieldName(grammar.FieldFormals); f != nil || p == nil {
		return a.report(f, sev, code, "`nix flake check` wants an overlay's %s argument to be a plain name `%s` (or `_`, `_%s`), not a set pattern (%s: overlay does not take an argument named '%s')", ordinal(want), want, want, versions, want)
	}
	name := p.Content(a.src)
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
func (a *analyzer) renameParameter(lam *sitter.Node, oldName, newName string) (start, end int, text string, ok bool) {
	var edits []*sitter.Node
	safe := true
	var walk func(n *sitter.Node)
	walk = func(n *sitter.Node) {
		if !safe {
			return
		}
		kids, _ := children(n)
		for _, c := range kids {
			switch c.Type() {
			case grammar.KindIdentifier, grammar.KindAttribute:
				switch c.Content(a.src) {
				case newName:
					safe = false
				case oldName:
					if c.Type() == grammar.KindAttribute {
						if c.Parent().Type() == grammar.KindInherit {
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
	pos := lam.StartByte()
	for _, e := range edits {
		b.Write(a.src[pos:e.StartByte()])
		b.WriteString(newName)
		pos = e.EndByte()
	}
	b.Write(a.src[pos:lam.EndByte()])
	return int(lam.StartByte()), int(lam.EndByte()), b.String(), true
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
				a.report(site(at), analysis.Error, "outputs-nixos-configuration", "'%s' must be a NixOS system made by %s, not %s (Nix: the expression selected by the selection path '%s' should be a set but is %s)", path, build, cur.describe(), sel, cur.describe())
			} else {
				a.report(site(at), analysis.Error, "outputs-nixos-configuration", "'%s.%s' is %s, where `nix flake check` needs a set leading to the system's derivation '%s'; make '%s' with %s", path, strings.Join(out.Toplevel[:i], "."), cur.describe(), sel, path, build)
			}
			return
		case cur.attrs == nil || len(cur.attrs.dynamic) > 0:
			return
		}
		child := cur.attrs.get(name)
		if child == nil {
			a.report(site(at), analysis.Error, "outputs-nixos-configuration", "'%s' has no '%s', so it is not a NixOS system; make it with %s (Nix: attribute '%s' in selection path '%s' not found)", path, strings.Join(out.Toplevel[:i+1], "."), build, name, sel)
			return
		}
		cur = a.attrValue(child)
	}
	if cur.notDerivation() {
		a.report(site(at), analysis.Error, "outputs-nixos-configuration", "'%s.%s' must be a derivation, not %s; make '%s' with %s (Nix: attribute '%s' is not a derivation)", path, sel, cur.describe(), path, build, sel)
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
		a.report(site(at), analysis.Error, "outputs-hydra-jobs", "'%s' is %s, but Hydra jobs are derivations, grouped in attribute sets (hydraJobs.<job>.<system> = derivation) (Nix: value is %s while a set was expected)", path, val.describe(), val.describe())
	case val.drv == yes:
		if top {
			a.report(site(at), analysis.Error, "outputs-hydra-jobs", "hydraJobs must be an attribute set of jobs, not a derivation itself (Nix: jobset should not be a derivation at top-level); write `hydraJobs.<job>.<system> = ...`")
		}
	case val.drv == no && val.attrs != nil:
		for _, n := range val.attrs.names {
			a.checkJobs(val.attrs.attrs[n], path+"."+n, false)
		}
	}
}

// checkTemplate: `{ path = ./dir; description = "..."; welcomeText? }`.
func (a *analyzer) checkTemplate(v *sitter.Node, val value) {
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
	for _, n := range attrs.names {
		if n != "path" && n != "description" && n != "welcomeText" {
			a.report(attrs.attrs[n].key, analysis.Error, "outputs-template", "template has unsupported attribute '%s'; it takes path, description and welcomeText", n)
		}
	}
	if p := attrs.get("path"); p != nil && p.value != nil {
		pv := unwrap(p.value)
		// A string works only if it is a store path ("${self}/t" is one).
		s, _, plain := stringValue(pv, a.src)
		if k := a.eval(pv).kind; k != vUnknown && k != vPath && k != vThrow && (k != vString || plain && !strings.HasPrefix(s, "/nix/store/")) {
			a.report(pv, analysis.Error, "outputs-template", "a template's path must be a path value like ./template, not %s (Nix: template has a bad 'path' attribute)", a.eval(pv).describe())
		}
	}
	if d := attrs.get("description"); d != nil && d.value != nil {
		if dv := a.eval(d.value); dv.kind != vUnknown && dv.kind != vString && dv.kind != vThrow {
			a.report(unwrap(d.value), analysis.Error, "outputs-template", "a template's description must be a string, not %s", dv.describe())
		}
	}
}

// checkApp: `{ type = "app"; program = "..."; meta? }` (checked by Nix
// 2.25+; `nix run` needs it in every version).
func (a *analyzer) checkApp(v *sitter.Node, val value) {
	if val.kind != vSet {
		a.report(v, analysis.Error, "outputs-app", "an app is `{ type = \"app\"; program = \"${drv}/bin/x\"; }`, not %s", val.describe())
		return
	}
	attrs := val.attrs
	if attrs == nil || len(attrs.dynamic) > 0 {
		return
	}
	for _, req := range []string{"type", "program"} {
		if attrs.get(req) == nil {
			a.report(v, analysis.Error, "outputs-app", "app lacks attribute '%s' (checked by Nix 2.25+; `nix run` needs it)", req)
		}
	}
	if t := attrs.get("type"); t != nil && t.value != nil {
		if s, _, ok := stringValue(unwrap(t.value), a.src); ok && s != "app" {
			a.report(t.value, analysis.Error, "outputs-app", "an app's type must be \"app\", not %q", s)
		}
	}
	for _, n := range attrs.names {
		if n != "type" && n != "program" && n != "meta" {
			a.report(attrs.attrs[n].key, analysis.Error, "outputs-app", "app has unsupported attribute '%s' (Nix 2.25+); it takes type, program and meta", n)
		}
	}
}
