package env

import (
	"regexp"
	"strings"

	"github.com/flake-lsp/flake-lsp/analysis/scope"
	"github.com/flake-lsp/flake-lsp/analysis/unit"
	"github.com/flake-lsp/flake-lsp/grammar"
	"github.com/flake-lsp/flake-lsp/syntax"
)

// Target is what the head of a member chain is in nixpkgs.
type Target uint8

const (
	None Target = iota
	Lib         // nixpkgs' lib
	Pkgs        // a package set: import nixpkgs { }, legacyPackages.<system>, a module's pkgs
)

// Chain says what a member chain written at off denotes, statically, by
// the names flakes and modules use: `lib.x` (a lib formal or a name bound
// to `<something>.lib`), `pkgs.x` (a pkgs formal, `pkgs = import nixpkgs
// { ... }`), `nixpkgs.lib.x`, `pkgs.lib.x`, `inputs.nixpkgs.lib.x`,
// `nixpkgs.legacyPackages.<system>.x`, an overlay's `final`/`prev`. rest
// are the names after that head. A name bound to something else (an
// attribute-set literal, another import) is not taken for nixpkgs.
func Chain(u *unit.Unit, chain []string, off int) (Target, []string) {
	if len(chain) == 0 {
		return None, nil
	}
	var b *scope.Binding
	if u.Scope != nil {
		for _, vb := range u.Scope.VisibleAt(off) {
			if vb.Name == chain[0] {
				b = vb
				break
			}
		}
	}
	head, rest := chain[0], chain[1:]
	switch {
	case head == "lib" && libBinding(u, b):
		return Lib, rest
	case (head == "pkgs" || (head == "final" || head == "prev") && b != nil && b.Kind == scope.KindParam) && pkgsBinding(u, b):
		return pkgsRest(rest)
	case head == "inputs" && len(rest) > 0 && isNixpkgsInput(u, rest[0]):
		return inputRest(rest[1:])
	case isNixpkgsInput(u, head) && (b == nil || b.Kind == scope.KindFormal || b.Kind == scope.KindBuiltin):
		return inputRest(rest)
	case b != nil && b.Value != syntax.NoNode && u.View != nil && packageSetValue(u, u.View.Text(b.Value)):
		// pkgsFor = import nixpkgs { ... }; p = nixpkgs.legacyPackages.${system};
		return pkgsRest(rest)
	}
	return None, nil
}

// importNixpkgs matches `import <input> ...` and `<input>.legacyPackages.<system>`
// (also through `inputs.`), the input named by group 1 or 2.
var importNixpkgs = regexp.MustCompile(`^\(?\s*(?:import\s+(?:inputs\.)?([A-Za-z_][\w'-]*)\b|(?:inputs\.)?([A-Za-z_][\w'-]*)\.legacyPackages\.(?:[\w-]+|\$\{[^}]*\}|"[^"]*")\s*$)`)

// packageSetValue: a name bound to this text is a nixpkgs package set.
func packageSetValue(u *unit.Unit, text string) bool {
	m := importNixpkgs.FindStringSubmatch(text)
	if m == nil {
		return false
	}
	name := m[1]
	if name == "" {
		name = m[2]
	}
	return isNixpkgsInput(u, name)
}

// pkgsRest: `pkgs.x` is a package, `pkgs.lib.x` is lib.
func pkgsRest(rest []string) (Target, []string) {
	if len(rest) > 0 && rest[0] == "lib" {
		return Lib, rest[1:]
	}
	return Pkgs, rest
}

// inputRest: after a nixpkgs input, `.lib.x` and `.legacyPackages.<s>.x`.
func inputRest(rest []string) (Target, []string) {
	switch {
	case len(rest) >= 1 && rest[0] == "lib":
		return Lib, rest[1:]
	case len(rest) >= 2 && rest[0] == "legacyPackages":
		return pkgsRest(rest[2:])
	}
	return None, nil
}

// libValue matches what a name called lib is bound to when it is
// nixpkgs' lib: `nixpkgs.lib`, `pkgs.lib`, `inputs.nixpkgs.lib`, with
// `.extend ...` or `// { ... }` after it.
var libValue = regexp.MustCompile(`^\(?\s*[A-Za-z_][\w'-]*(\.[A-Za-z_][\w'-]*)*\.lib\b`)

func libBinding(u *unit.Unit, b *scope.Binding) bool {
	switch {
	case b == nil, b.Kind == scope.KindBuiltin:
		return true // free: a with's, or a module's argument the parse lost
	case b.Kind == scope.KindFormal, b.Kind == scope.KindParam, b.Kind == scope.KindAt:
		return true
	case b.Inherited:
		return true // inherit (nixpkgs) lib;
	case b.Value != syntax.NoNode && u.View != nil:
		return libValue.MatchString(u.View.Text(b.Value))
	}
	return false
}

func pkgsBinding(u *unit.Unit, b *scope.Binding) bool {
	switch {
	case b == nil, b.Kind == scope.KindBuiltin:
		return true
	case b.Kind == scope.KindFormal, b.Kind == scope.KindParam, b.Kind == scope.KindAt, b.Inherited:
		return true
	case b.Value != syntax.NoNode && u.View != nil:
		v := u.View
		val := b.Value
		for v.Is(val, grammar.KindParenthesized) {
			val = v.Child(val, grammar.FieldExpression)
		}
		if v.Is(val, grammar.KindAttrset) || v.Is(val, grammar.KindRecAttrset) {
			return false
		}
		t := v.Text(val)
		return strings.HasPrefix(t, "import ") || strings.Contains(t, "legacyPackages") || strings.Contains(t, "pkgs")
	}
	return false
}

// isNixpkgsInput: the flake input called name is nixpkgs (by its
// reference, or by its name when the reference says nothing).
func isNixpkgsInput(u *unit.Unit, name string) bool {
	if u.Flake != nil {
		if in := u.Flake.Inputs[name]; in != nil && !in.HasFoll {
			r := in.Ref
			if r.Type == "indirect" {
				return r.ID == "nixpkgs"
			}
			if r.Repo != "" {
				return r.Repo == "nixpkgs"
			}
		}
	}
	return name == "nixpkgs" || strings.HasPrefix(name, "nixpkgs-") || strings.HasPrefix(name, "nixpkgs_")
}
