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
	if v := unwrap(a.v, at.value); v != none && a.v.Kind(v) != grammar.KindAttrset {
		a.report(v, analysis.Error, "nixconfig-bad-value", "nixConfig must be an attribute set literal (Nix: expected a set but got %s)", a.nixType(v))
		return
	}
	for _, x := range list(at.children) {
		name := x.name
		if x.value == none || a.v.Kind(unwrap(a.v, x.value)) == grammar.KindAttrset {
			a.report(x.key, analysis.Error, "nixconfig-bad-value", "flake configuration setting '%s' is a set; settings are strings, numbers, Booleans or lists of strings", name)
			continue
		}
		v := a.trivial(x.value)
		setting, known := schema.SettingByName(name)
		switch t := a.v.Kind(v); {
		case t == grammar.KindString:
			s, ok := stringText(a.v, v)
			if !ok {
				a.report(v, analysis.Error, "nixconfig-bad-value", "flake configuration setting '%s' is a thunk: %s", name, notEvaluated)
				continue
			}
			if known && setting.Type == schema.BoolSetting && s != "true" && s != "false" {
				d := a.report(v, analysis.Error, "nixconfig-bad-value", "Boolean setting '%s' has invalid value '%s'; write true or false", name, s)
				if setting.Trusted == "" {
					// Nix ignores untrusted settings unless they are accepted.
					d.Message += " (Nix fails with this once the setting is accepted, with --accept-flake-config; until then it ignores the setting)"
				}
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
				el = unwrap(a.v, el)
				if _, ok := stringText(a.v, el); !ok {
					a.report(el, analysis.Error, "nixconfig-bad-value", "list element in flake configuration setting '%s' is %s while a string is expected", name, a.nixType(el))
				}
			}
		default:
			a.report(v, analysis.Error, "nixconfig-bad-value", "flake configuration setting '%s' is %s: %s", name, a.nixType(v), notEvaluated)
			continue
		}
		ask := fmt.Sprintf("Nix applies '%s' only after asking, or with --accept-flake-config / accept-flake-config = true; otherwise it prints \"ignoring untrusted flake configuration setting '%s'\"", name, name)
		switch {
		case known && setting.Substituter:
			a.report(x.key, analysis.Information, "nixconfig-substituters",
				"%s. Even then, on multi-user installs the Nix daemon uses these substituters only for trusted users, or if the system lists them in trusted-substituters", ask)
		case !known || setting.Trusted == "":
			a.report(x.key, analysis.Information, "nixconfig-needs-accept", "%s", ask)
		}
	}
}
