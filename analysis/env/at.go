package env

import (
	"path/filepath"
	"strings"

	"github.com/flake-lsp/flake-lsp/analysis/modules"
	"github.com/flake-lsp/flake-lsp/analysis/nixpkgs"
	"github.com/flake-lsp/flake-lsp/analysis/options"
	"github.com/flake-lsp/flake-lsp/analysis/scope"
	"github.com/flake-lsp/flake-lsp/analysis/unit"
	"github.com/flake-lsp/flake-lsp/grammar"
	"github.com/flake-lsp/flake-lsp/syntax"
)

// Modules are the modules of the unit's file (memoised): by the system
// the flake's module graph gives the file, or by its shape.
func Modules(u *unit.Unit) *modules.Found {
	if u == nil || u.View == nil {
		return nil
	}
	return u.Memo(foundKey{}, func() any {
		sys, certain := modules.System(""), false
		if u.Env != nil && u.Env.System != "" {
			sys, certain = modules.System(u.Env.System), true
		}
		return modules.Find(u.View, sys, certain, u.IsFlake())
	}).(*modules.Found)
}

type foundKey struct{}

// Options is the option index for a module's system (nil if unknown). A
// module whose system is guessed uses NixOS's.
func Options(u *unit.Unit, m modules.Module) *options.Index {
	if u.Env == nil {
		return nil
	}
	return u.Env.Options[string(m.System)]
}

// RefKind says what a Ref is.
type RefKind uint8

const (
	RefLib RefKind = iota + 1
	RefPackage
	RefOption
)

// Ref is what the indexes say a name at an offset is.
type Ref struct {
	Kind       RefKind
	Start, End int // the name
	Lib        *nixpkgs.LibEntry
	LibRoot    string
	Package    *nixpkgs.Package
	PkgRoot    string
	Option     *options.Decl
	Index      *options.Index
	Path       []string // the option path, or lib path
	Module     modules.Module
}

// File is where the thing is declared, as a path on this disk ("" if
// unknown), and the byte range there (-1 when the whole file).
func (r Ref) File() (string, int, int) {
	switch r.Kind {
	case RefLib:
		return filepath.Join(r.LibRoot, filepath.FromSlash(r.Lib.File)), r.Lib.Start, r.Lib.End
	case RefPackage:
		if r.Package.Start == 0 && r.Package.End == 0 {
			return filepath.Join(r.PkgRoot, filepath.FromSlash(r.Package.File)), -1, -1
		}
		return filepath.Join(r.PkgRoot, filepath.FromSlash(r.Package.File)), r.Package.Start, r.Package.End
	case RefOption:
		return r.Index.Abs(r.Option), r.Option.Start, r.Option.End
	}
	return "", 0, 0
}

// At is what the name at off is: a lib function (`lib.mkIf`), a package
// (`pkgs.hello`, `with pkgs; [ hello ]`), an option being set in module
// code.
func At(u *unit.Unit, off int) (Ref, bool) {
	if u == nil || u.View == nil || u.Env == nil {
		return Ref{}, false
	}
	if chain, idx, start, end, ok := MemberAt(u.View, off); ok {
		target, rest := Chain(u, chain[:idx+1], start)
		switch {
		case target == Lib && u.Env.Lib != nil && len(rest) > 0:
			if e, ok := u.Env.Lib.Lookup(rest); ok {
				// An inherit's alias leads to what it re-exports.
				if len(e.AliasOf) > 0 {
					if t, ok := u.Env.Lib.Lookup(e.AliasOf); ok && t.File != "" {
						e.File, e.Start, e.End = t.File, t.Start, t.End
					}
				}
				return Ref{Kind: RefLib, Start: start, End: end, Lib: e, LibRoot: u.Env.Lib.Root, Path: rest}, true
			}
		case target == Pkgs && u.Env.Packages != nil && len(rest) == 1:
			if p, ok := u.Env.Packages.Lookup(rest[0]); ok {
				return Ref{Kind: RefPackage, Start: start, End: end, Package: p, PkgRoot: u.Env.PackageRoot}, true
			}
		case target == None && idx > 0 && chain[0] == "config":
			// config.services.openssh.enable in a module: the option.
			if m, ok := ModuleAt(u, start); ok && ConfigBinding(u, start) {
				if oi := Options(u, m); oi != nil {
					path := chain[1 : idx+1]
					if d, ok := oi.Lookup(path); ok {
						return Ref{Kind: RefOption, Start: start, End: end, Option: d, Index: oi, Path: path, Module: m}, true
					}
				}
			}
		case target == None && idx == 0 && len(chain) >= 1 && u.Env.Packages != nil && WithPackages(u, start):
			if p, ok := u.Env.Packages.Lookup(chain[0]); ok && unbound(u, chain[0], start) {
				return Ref{Kind: RefPackage, Start: start, End: end, Package: p, PkgRoot: u.Env.PackageRoot}, true
			}
		}
	}
	if r, ok := inheritedAt(u, off); ok {
		return r, true
	}
	f := Modules(u)
	if c, ok := modules.At(u, f, off); ok && c.InKey && !c.Top {
		idx := Options(u, c.Module)
		if idx == nil || c.KeyIndex >= len(c.Keys) {
			return Ref{}, false
		}
		path := c.Path()
		if d, ok := idx.Lookup(path); ok {
			k := c.Keys[c.KeyIndex]
			return Ref{Kind: RefOption, Start: k.Start, End: k.End, Option: d, Index: idx, Path: path, Module: c.Module}, true
		}
	}
	return Ref{}, false
}

// unbound: no lexical scope binds name at off (a with may supply it).
func unbound(u *unit.Unit, name string, off int) bool {
	if u.Scope == nil {
		return true
	}
	for _, b := range u.Scope.VisibleAt(off) {
		if b.Name == name {
			return false
		}
	}
	return true
}

// WithPackages reports whether a `with pkgs;` (or another package set)
// encloses off.
func WithPackages(u *unit.Unit, off int) bool {
	if u.Scope == nil {
		return false
	}
	for _, w := range u.Scope.WithsAt(off) {
		if chain := ChainOf(u.View, w.Env); chain != nil {
			if t, rest := Chain(u, chain, u.View.Start(w.Node)); t == Pkgs && len(rest) == 0 {
				return true
			}
		}
	}
	return false
}

// WithLib reports whether a `with lib;` encloses off.
func WithLib(u *unit.Unit, off int) bool {
	if u.Scope == nil {
		return false
	}
	for _, w := range u.Scope.WithsAt(off) {
		if chain := ChainOf(u.View, w.Env); chain != nil {
			if t, rest := Chain(u, chain, u.View.Start(w.Node)); t == Lib && len(rest) == 0 {
				return true
			}
		}
	}
	return false
}

// ChainOf reads `a` or `a.b.c` (names only); nil for anything else.
func ChainOf(v *syntax.View, e syntax.NodeID) []string {
	for v.Is(e, grammar.KindParenthesized) {
		e = v.Child(e, grammar.FieldExpression)
	}
	switch {
	case v.Is(e, grammar.KindIdentifier):
		return []string{v.Text(e)}
	case v.Is(e, grammar.KindSelect):
		if v.Child(e, grammar.FieldDefault) != syntax.NoNode {
			return nil
		}
		base := ChainOf(v, v.Child(e, grammar.FieldExpression))
		if base == nil {
			return nil
		}
		ap := v.Child(e, grammar.FieldAttrpath)
		for c := v.FirstChild(ap); c != syntax.NoNode; c = v.Next(c) {
			if !v.IsNamed(c) || v.IsExtra(c) {
				continue
			}
			if !v.Is(c, grammar.KindAttribute) {
				return nil
			}
			base = append(base, v.Text(c))
		}
		return base
	}
	return nil
}

// MemberAt reads the member chain a name at off belongs to: `lib.
// strings.concatStringsSep` with the cursor on strings gives the chain,
// idx 1 and the span of strings. A plain variable is a chain of one.
func MemberAt(v *syntax.View, off int) (chain []string, idx, start, end int, ok bool) {
	n := v.At(off)
	if n == syntax.NoNode || !(v.Is(n, grammar.KindIdentifier) || v.Is(n, grammar.KindAttribute)) {
		return nil, 0, 0, 0, false
	}
	p := v.Parent(n)
	switch {
	case v.Is(p, grammar.KindSelect) && v.Child(p, grammar.FieldExpression) == n:
		chain = ChainOf(v, p)
		if chain == nil {
			return nil, 0, 0, 0, false
		}
		return chain, 0, v.Start(n), v.End(n), true
	case v.Is(p, grammar.KindAttrpath) && v.Is(v.Parent(p), grammar.KindSelect):
		sel := v.Parent(p)
		chain = ChainOf(v, sel)
		if chain == nil {
			return nil, 0, 0, 0, false
		}
		// The index of n: the names before it in the attrpath, after the
		// base's.
		after := 0
		for c := v.FirstChild(p); c != syntax.NoNode && c != n; c = v.Next(c) {
			if v.IsNamed(c) && !v.IsExtra(c) {
				after++
			}
		}
		base := len(chain) - countNames(v, p)
		return chain, base + after, v.Start(n), v.End(n), true
	case v.Is(n, grammar.KindIdentifier) && !v.Is(p, grammar.KindAttrpath) && !v.Is(p, grammar.KindFormal):
		return []string{v.Text(n)}, 0, v.Start(n), v.End(n), true
	}
	return nil, 0, 0, 0, false
}

func countNames(v *syntax.View, ap syntax.NodeID) int {
	n := 0
	for c := v.FirstChild(ap); c != syntax.NoNode; c = v.Next(c) {
		if v.IsNamed(c) && !v.IsExtra(c) {
			n++
		}
	}
	return n
}

// OptionMarkdown describes an option for hover and completion.
func OptionMarkdown(d *options.Decl, path []string) string {
	var b strings.Builder
	b.WriteString("```\n" + strings.Join(path, ".") + "\n```\n")
	switch d.Kind {
	case options.Renamed:
		if d.Alias {
			b.WriteString("\nAnother name for `" + strings.Join(d.To, ".") + "`.")
			return b.String()
		}
		b.WriteString("\n**Renamed** to `" + strings.Join(d.To, ".") + "`.")
		if d.Message != "" {
			b.WriteString(" " + d.Message)
		}
		return b.String()
	case options.Removed:
		b.WriteString("\n**Removed**.")
		if d.Message != "" {
			b.WriteString(" " + d.Message)
		}
		return b.String()
	}
	if d.Description != "" {
		b.WriteString("\n" + d.Description + "\n")
	}
	if d.Type != "" {
		b.WriteString("\n*Type:* " + d.Type + "\n")
	}
	if d.Default != "" {
		b.WriteString("\n*Default:* `" + oneLine(d.Default) + "`\n")
	}
	if d.Example != "" {
		b.WriteString("\n*Example:* `" + oneLine(d.Example) + "`\n")
	}
	if d.ReadOnly {
		b.WriteString("\n*Read-only.*\n")
	}
	return strings.TrimRight(b.String(), "\n")
}

// LibMarkdown describes a lib entry.
func LibMarkdown(e *nixpkgs.LibEntry) string {
	var b strings.Builder
	sig := "lib." + strings.Join(e.Path, ".")
	if e.Type != "" {
		sig = e.Type
	} else if len(e.Args) > 0 {
		sig += " " + strings.Join(e.Args, " ")
	}
	b.WriteString("```\n" + sig + "\n```\n")
	if len(e.AliasOf) > 0 {
		b.WriteString("\nAlias of `" + strings.Join(e.AliasOf, ".") + "`.\n")
	}
	if e.Doc != "" {
		b.WriteString("\n" + e.Doc + "\n")
	}
	return strings.TrimRight(b.String(), "\n")
}

// PackageMarkdown describes a package (its description read now, from
// its file).
func PackageMarkdown(root string, p *nixpkgs.Package) string {
	var b strings.Builder
	b.WriteString("```\npkgs." + p.Name + "\n```\n")
	if p.Alias {
		if p.Message != "" {
			b.WriteString("\n**Removed:** " + p.Message + "\n")
			return strings.TrimRight(b.String(), "\n")
		}
		b.WriteString("\nAn alias (pkgs/top-level/aliases.nix).\n")
	}
	if d := nixpkgs.Describe(root, p); d != "" {
		b.WriteString("\n" + d + "\n")
	}
	b.WriteString("\nDefined in `" + p.File + "`.")
	return b.String()
}

func oneLine(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) > 200 {
		s = s[:200] + "…"
	}
	return s
}

// ModuleAt is the innermost module whose body holds off.
func ModuleAt(u *unit.Unit, off int) (modules.Module, bool) {
	f := Modules(u)
	if f == nil {
		return modules.Module{}, false
	}
	var best modules.Module
	found := false
	for _, m := range f.Modules {
		if m.Body == syntax.NoNode || off < u.View.Start(m.Body) || off > u.View.End(m.Body) {
			continue
		}
		if !found || u.View.Start(m.Body) >= u.View.Start(best.Body) {
			best, found = m, true
		}
	}
	if !found && len(f.Modules) > 0 && u.Env != nil && u.Env.System != "" {
		// The module's function arguments and let bindings are outside
		// its body, but in the file of one module.
		return f.Modules[0], true
	}
	return best, found
}

// ConfigBinding: `config` at off is a module's argument (a formal), not
// some other name.
func ConfigBinding(u *unit.Unit, off int) bool {
	if u.Scope == nil {
		return true
	}
	for _, b := range u.Scope.VisibleAt(off) {
		if b.Name == "config" {
			return b.Kind == scope.KindFormal
		}
	}
	return false
}

// inheritedAt: a name of `inherit (lib) mkIf types;`, a use of a name so
// inherited, or a name under `with lib;` / `with pkgs;` that no scope
// binds: what lib or the package set has under that name.
func inheritedAt(u *unit.Unit, off int) (Ref, bool) {
	v := u.View
	n := v.At(off)
	if n == syntax.NoNode || !(v.Is(n, grammar.KindIdentifier) || v.Is(n, grammar.KindAttribute)) {
		return Ref{}, false
	}
	name, start, end := v.Text(n), v.Start(n), v.End(n)
	var source syntax.NodeID
	switch p := v.Parent(n); {
	case v.Is(p, grammar.KindInherit) && v.FieldName(n) == grammar.FieldAttribute:
		source = v.Child(p, grammar.FieldSource)
	case v.Is(n, grammar.KindIdentifier) && !v.Is(p, grammar.KindAttrpath) && !v.Is(p, grammar.KindFormal) && !v.Is(p, grammar.KindSelect):
		// A variable (the head of a chain is At's MemberAt's).
		if u.Scope == nil {
			return Ref{}, false
		}
		var b *scope.Binding
		for _, vb := range u.Scope.VisibleAt(start) {
			if vb.Name == name {
				b = vb
				break
			}
		}
		switch {
		case b != nil && b.Inherited && b.Source != syntax.NoNode:
			source = b.Source
		case b == nil || b.Kind == scope.KindBuiltin:
			// Free: a with may supply it.
			if u.Env.Lib != nil && WithLib(u, start) {
				if e, ok := u.Env.Lib.Lookup([]string{name}); ok {
					return libRef(u, e, start, end, []string{name}), true
				}
			}
			return Ref{}, false
		default:
			return Ref{}, false
		}
	default:
		return Ref{}, false
	}
	chain := ChainOf(v, source)
	if chain == nil {
		return Ref{}, false
	}
	target, rest := Chain(u, chain, v.Start(source))
	path := append(append([]string(nil), rest...), name)
	switch {
	case target == Lib && u.Env.Lib != nil:
		if e, ok := u.Env.Lib.Lookup(path); ok {
			return libRef(u, e, start, end, path), true
		}
	case target == Pkgs && u.Env.Packages != nil && len(rest) == 0:
		if p, ok := u.Env.Packages.Lookup(name); ok {
			return Ref{Kind: RefPackage, Start: start, End: end, Package: p, PkgRoot: u.Env.PackageRoot}, true
		}
	}
	return Ref{}, false
}

// libRef is a Ref to a lib entry, located where an alias's target is.
func libRef(u *unit.Unit, e *nixpkgs.LibEntry, start, end int, path []string) Ref {
	if len(e.AliasOf) > 0 {
		if t, ok := u.Env.Lib.Lookup(e.AliasOf); ok && t.File != "" {
			e.File, e.Start, e.End = t.File, t.Start, t.End
		}
	}
	return Ref{Kind: RefLib, Start: start, End: end, Lib: e, LibRoot: u.Env.Lib.Root, Path: path}
}
