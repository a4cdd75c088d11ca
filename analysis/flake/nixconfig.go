package flake

import (
	"fmt"

	"github.com/flake-lsp/flake-lsp/analysis"
	"github.com/flake-lsp/flake-lsp/analysis/schema"
	"github.com/flake-lsp/flake-lsp/grammar"
	"github.com/flake-lsp/flake-lsp/syntax"
)

// checkNixConfig checks nixConfig's values as Nix reads them: literals
// only (string, integer, Boolean, path, list of strings).
func (a *analyzer) checkNixConfig(at *attr) {
	set := unwrap(a.v, at.value)
	if set != none && !isSetLiteral(a.v, set) {
		a.report(set, analysis.Error, "nixconfig-bad-value", "nixConfig must be an attribute set literal (Nix: expected a set but got %s)", a.nixType(set))
		return
	}
	recChildren(a.v, at)
	for _, x := range list(at.children) {
		name := x.name
		if x.value == none || isSetLiteral(a.v, unwrap(a.v, x.value)) {
			a.report(x.key, analysis.Error, "nixconfig-bad-value", "flake configuration setting '%s' is a set; settings are strings, numbers, Booleans or lists of strings", name)
			continue
		}
		if a.recSetting(set, x.value, name) {
			continue
		}
		v := a.trivial(x.value)
		setting, known := schema.SettingByName(name)
		switch t := a.v.Kind(v); {
		case t == grammar.KindString, t == grammar.KindIndentedString, t == grammar.KindUri:
			s, ok := stringText(a.v, v)
			if !ok {
				a.report(v, analysis.Error, "nixconfig-bad-value", "flake configuration setting '%s' is a thunk: %s%s", name, notEvaluated, a.pieces(v))
				continue
			}
			if known && setting.Type == schema.BoolSetting && s != "true" && s != "false" {
				// No Boolean setting is applied without being accepted:
				// until then Nix ignores it, so whether the flake fails
				// depends on the user's configuration.
				a.report(v, analysis.Warning, "nixconfig-bad-value", "Boolean setting '%s' has invalid value '%s'; write true or false (Nix fails with this once the setting is accepted, with --accept-flake-config; until then it ignores the setting)", name, s)
			}
		case t == grammar.KindIdentifier && (textIs(a.v, v, "true") || textIs(a.v, v, "false")):
		case t == grammar.KindIdentifier && textIs(a.v, v, "null"):
			a.report(v, analysis.Error, "nixconfig-bad-value", "flake configuration setting '%s' is null", name)
		case t == grammar.KindInteger, t == grammar.KindPath:
		case t == grammar.KindFloat:
			a.report(v, analysis.Error, "nixconfig-bad-value", "flake configuration setting '%s' is a float; use an integer or a string", name)
		case t == grammar.KindList:
			var els [16]syntax.NodeID
			for _, el := range namedKids(a.v, v, els[:0]) {
				el = a.recElement(set, el)
				if _, ok := stringText(a.v, el); !ok {
					a.report(el, analysis.Error, "nixconfig-bad-value", "list element in flake configuration setting '%s' is %s while a string is expected", name, a.nixType(el))
				}
			}
		default:
			a.report(v, analysis.Error, "nixconfig-bad-value", "flake configuration setting '%s' is %s: %s", name, a.nixType(v), notEvaluated)
			continue
		}
		ask := fmt.Sprintf("Nix applies '%s' only after asking, or with --accept-flake-config / accept-flake-config = true; otherwise it prints \"ignoring untrusted flake configuration setting '%s'\"", name, name)
		if known && setting.Risk != "" && !setting.Substituter && (setting.Unsafe == "" || a.literalValue(v) == setting.Unsafe) {
			a.report(x.key, analysis.Warning, "nixconfig-unsafe", "once accepted (--accept-flake-config), '%s': %s. %s", name, setting.Risk, ask)
			continue
		}
		switch {
		case known && setting.Substituter:
			a.report(x.key, analysis.Warning, "nixconfig-substituters",
				"once accepted (--accept-flake-config), '%s': %s. %s. Even then, on multi-user installs the Nix daemon uses these substituters only for trusted users, or if the system lists them in trusted-substituters", name, setting.Risk, ask)
		case !known || setting.Trusted == "":
			a.report(x.key, analysis.Information, "nixconfig-needs-accept", "%s", ask)
		}
	}
}

// recSetting reports a setting in `nixConfig = rec { ... }` that is a variable
// naming another setting of the same set. Whether Nix sees that value
// evaluated or as a thunk depends on how Nix reads the flake, not on the
// flake: Nix 2.8 rejects `rec { a = [ ... ]; b = a; }` from a Git tree
// with uncommitted changes (flake configuration setting 'b' is a thunk)
// and accepts it committed or as a path: flake (testdata/nixcheck/
// nixconfig-rec-reference*). So it is a warning.
func (a *analyzer) recSetting(set, n syntax.NodeID, name string) bool {
	n = unwrap(a.v, n)
	if set == none || n == none || a.v.Kind(set) != grammar.KindRecAttrset || a.v.Kind(n) != grammar.KindIdentifier {
		return false
	}
	scope, val := a.scopeOf(n)
	if scope != set {
		return false
	}
	d := a.report(n, analysis.Warning, "nixconfig-rec-reference",
		"'%s' refers to the setting '%s' through `rec`; Nix may reject this (flake configuration setting '%s' is a thunk): whether the reference is already evaluated when Nix reads nixConfig depends on how Nix reads the flake, not on the flake (Nix 2.8 rejects it from a Git tree with uncommitted changes, and accepts it committed or as a path: flake). Write the value out", name, a.v.Text(n), name)
	if v := unwrap(a.v, val); v != none {
		d.Fix = &analysis.Fix{Title: "Write the value out", Start: d.Start, End: d.End, Replacement: a.v.Text(v)}
	}
	return true
}

// recElement is what an element of a list setting in `nixConfig = rec
// { ... }` holds: Nix evaluates the list after the set is built, so a
// variable naming another setting is that setting's value, accepted when
// it is a string literal.
func (a *analyzer) recElement(set, el syntax.NodeID) syntax.NodeID {
	el = unwrap(a.v, el)
	if set == none || el == none || a.v.Kind(set) != grammar.KindRecAttrset || a.v.Kind(el) != grammar.KindIdentifier {
		return el
	}
	if scope, val := a.scopeOf(el); scope == set {
		if v := unwrap(a.v, val); v != none {
			if _, ok := stringText(a.v, v); ok {
				return v
			}
		}
	}
	return el
}

// literalValue is a setting's value as nix.conf would read it, for
// Booleans and strings written as literals ("" when computed).
func (a *analyzer) literalValue(v syntax.NodeID) string {
	t := a.v.Text(v)
	switch t {
	case "true", "false":
		return t
	}
	if len(t) >= 2 && t[0] == '"' && t[len(t)-1] == '"' {
		return t[1 : len(t)-1]
	}
	return ""
}
