package complete

import (
	"strings"

	"github.com/flake-lsp/flake-lsp/analysis/env"
	"github.com/flake-lsp/flake-lsp/analysis/modules"
	"github.com/flake-lsp/flake-lsp/analysis/nixpkgs"
	"github.com/flake-lsp/flake-lsp/analysis/options"
	"github.com/flake-lsp/flake-lsp/grammar"
	"github.com/flake-lsp/flake-lsp/syntax"
)

// maxPackages bounds the packages offered at once (the client asks again
// as the word grows: the list is marked incomplete).
const maxPackages = 200

// nixpkgsMember completes `lib.`, `pkgs.`, `nixpkgs.lib.` and the like
// from the indexes of the nixpkgs input's source (analysis/env).
func (c *completer) nixpkgsMember(chain []string, dot int) bool {
	e := c.u.Env
	if e == nil {
		return false
	}
	if chain[0] == "config" && len(chain) > 1 || len(chain) == 1 && chain[0] == "config" {
		if c.configMember(chain[1:], dot) {
			return true
		}
	}
	target, rest := env.Chain(c.u, chain, dot)
	switch {
	case target == env.Lib && e.Lib != nil:
		entries := e.Lib.Children(rest)
		if len(entries) == 0 {
			return false
		}
		for _, ent := range entries {
			c.add(libCandidate(e.Lib, ent))
		}
		return true
	case target == env.Pkgs && e.Packages != nil && len(rest) == 0:
		c.packages(e.Packages, 0)
		if e.Lib != nil {
			c.add(Candidate{Label: "lib", Kind: Module, Detail: "nixpkgs lib", Sort: 1})
		}
		return true
	}
	return false
}

func libCandidate(l *nixpkgs.Lib, ent nixpkgs.LibEntry) Candidate {
	ent = l.Resolve(ent)
	name := ent.Path[len(ent.Path)-1]
	cand := Candidate{Label: name, Kind: Function, Detail: "lib." + strings.Join(ent.Path, "."), Doc: env.LibMarkdown(&ent)}
	switch ent.Kind {
	case nixpkgs.Set:
		cand.Kind = Module
	case nixpkgs.Value:
		cand.Kind = Constant
	}
	if ent.Type != "" {
		cand.Detail = ent.Type
	}
	return cand
}

// packages offers the packages whose names start with the word typed.
func (c *completer) packages(p *nixpkgs.Packages, sort int) {
	prefix := string(c.u.Src[c.wordStart:c.off])
	list := p.WithPrefix(prefix, maxPackages+1)
	if len(list) > maxPackages {
		list = list[:maxPackages]
		c.incomplete = true
	}
	for _, pkg := range list {
		cand := Candidate{Label: pkg.Name, Kind: Value, Detail: "package", Sort: sort}
		switch {
		case pkg.Alias && pkg.Message != "":
			cand.Deprecated = true
			cand.Detail = "removed: " + truncate(pkg.Message, 60)
		case pkg.Alias:
			cand.Deprecated = true
			cand.Detail = "alias"
		case pkg.ByName:
			cand.Detail = "package, pkgs/by-name"
		}
		c.add(cand)
	}
}

// withNixpkgs adds, in an expression under `with pkgs;` or `with lib;`,
// the names those sets supply.
func (c *completer) withNixpkgs() {
	e := c.u.Env
	if e == nil {
		return
	}
	if e.Packages != nil && env.WithPackages(c.u, c.wordStart) {
		c.packages(e.Packages, 2)
	}
	if e.Lib != nil && env.WithLib(c.u, c.wordStart) {
		for _, ent := range e.Lib.Children(nil) {
			cand := libCandidate(e.Lib, ent)
			cand.Sort = 2
			c.add(cand)
		}
	}
}

// optionName completes the name of an option being set in module code:
// the options and option sets declared under the path written so far.
func (c *completer) optionName() bool {
	u := c.u
	if u.Env == nil {
		return false
	}
	ctx, ok := modules.At(u, env.Modules(u), c.off)
	if !ok || ctx.Top {
		return false
	}
	idx := env.Options(u, ctx.Module)
	if idx == nil {
		return false
	}
	if ctx.InKey && ctx.KeyIndex < len(ctx.Keys) {
		k := ctx.Keys[ctx.KeyIndex]
		if c.off >= k.Start {
			c.wordStart, c.wordEnd = k.Start, k.End
		} else {
			c.wordStart, c.wordEnd = c.off, c.off
		}
	}
	parent := ctx.Parent()
	children := idx.Children(parent)
	if len(children) == 0 {
		return false
	}
	for _, ch := range children {
		if options.IsWildcard(ch.Name) {
			continue
		}
		cand := Candidate{Label: ch.Name, Kind: Module, Detail: "options of " + strings.Join(append(parent, ch.Name), "."), Sort: 0}
		if d := ch.Decl; d != nil {
			if d.Internal {
				continue
			}
			path := append(append([]string(nil), parent...), ch.Name)
			cand.Kind = Field
			cand.Detail = d.Type
			cand.Doc = env.OptionMarkdown(d, path)
			switch d.Kind {
			case options.Renamed:
				cand.Deprecated = !d.Alias
				cand.Detail = "renamed to " + strings.Join(d.To, ".")
				if d.Alias {
					cand.Detail = "another name for " + strings.Join(d.To, ".")
				}
			case options.Removed:
				cand.Deprecated = true
				cand.Detail = "removed"
			}
		}
		if !syntax.PlainName(ch.Name) {
			cand.NewText = `"` + ch.Name + `"`
		}
		c.add(cand)
	}
	return true
}

// configMember completes `config.` and deeper in a module: the options
// and option sets declared there (what the module reads of the
// configuration).
func (c *completer) configMember(path []string, dot int) bool {
	u := c.u
	m, ok := env.ModuleAt(u, dot)
	if !ok || !env.ConfigBinding(u, dot) {
		return false
	}
	idx := env.Options(u, m)
	if idx == nil {
		return false
	}
	children := idx.Children(path)
	if len(children) == 0 {
		return false
	}
	for _, ch := range children {
		if options.IsWildcard(ch.Name) || ch.Decl != nil && ch.Decl.Internal {
			continue
		}
		cand := Candidate{Label: ch.Name, Kind: Module, Detail: "options of " + strings.Join(append(append([]string(nil), path...), ch.Name), ".")}
		if d := ch.Decl; d != nil {
			cand.Kind = Field
			cand.Detail = d.Type
			cand.Doc = env.OptionMarkdown(d, append(append([]string(nil), path...), ch.Name))
			cand.Deprecated = d.Kind != options.Option && !d.Alias
		}
		if !syntax.PlainName(ch.Name) {
			cand.NewText = `"` + ch.Name + `"`
		}
		c.add(cand)
	}
	return true
}

// inheritNames completes the names of `inherit (lib) |` from what the
// source expression is in nixpkgs (lib's members, packages).
func (c *completer) inheritNames() bool {
	u := c.u
	e := u.Env
	if e == nil {
		return false
	}
	v := u.View
	inh := syntax.NoNode
	for m, depth := c.p.Node, 0; m != syntax.NoNode && depth < 3; m, depth = v.Parent(m), depth+1 {
		if v.Is(m, grammar.KindInherit) {
			inh = m
			break
		}
	}
	if inh == syntax.NoNode {
		return false
	}
	src := v.Child(inh, grammar.FieldSource)
	if src == syntax.NoNode || c.off <= v.End(src) {
		return false
	}
	chain := env.ChainOf(v, src)
	if chain == nil {
		return false
	}
	target, rest := env.Chain(u, chain, v.Start(src))
	switch {
	case target == env.Lib && e.Lib != nil:
		for _, ent := range e.Lib.Children(rest) {
			c.add(libCandidate(e.Lib, ent))
		}
		return true
	case target == env.Pkgs && e.Packages != nil && len(rest) == 0:
		c.packages(e.Packages, 0)
		return true
	}
	return false
}

// optionValue completes, in the string value of an option set in module
// code, the values its type allows when they are listed (`types.enum`):
// `PermitRootLogin = "|"` gives yes, no, prohibit-password.
func (c *completer) optionValue() bool {
	d, ok := c.valueOption()
	if !ok {
		return false
	}
	values := enumValues(d.Type)
	for _, v := range values {
		c.add(Candidate{Label: v, Kind: Value, Detail: d.Type})
	}
	return len(values) > 0
}

// enumValues reads the strings of a rendered enum type: `one of "a",
// "b"` (also after `null or `); nil for any other type.
func enumValues(typ string) []string {
	typ = strings.TrimPrefix(typ, "null or ")
	rest, ok := strings.CutPrefix(typ, "one of ")
	if !ok {
		return nil
	}
	var out []string
	for _, part := range strings.Split(rest, ", ") {
		if len(part) < 2 || part[0] != '"' || part[len(part)-1] != '"' {
			return nil // not all literal strings
		}
		out = append(out, part[1:len(part)-1])
	}
	return out
}

// valueOption is the option whose value the offset is in, in module code.
func (c *completer) valueOption() (*options.Decl, bool) {
	u := c.u
	if u.Env == nil {
		return nil, false
	}
	ctx, ok := modules.At(u, env.Modules(u), c.off)
	if !ok || !ctx.InValue || ctx.Top {
		return nil, false
	}
	idx := env.Options(u, ctx.Module)
	if idx == nil {
		return nil, false
	}
	d, ok := idx.Lookup(ctx.Path())
	if !ok || d.Kind != options.Option {
		return nil, false
	}
	return d, true
}

// booleanValue puts true and false first in the value of a boolean
// option.
func (c *completer) booleanValue() {
	d, ok := c.valueOption()
	if !ok || strings.TrimPrefix(d.Type, "null or ") != "boolean" {
		return
	}
	for _, v := range []string{"true", "false"} {
		c.add(Candidate{Label: v, Kind: Constant, Detail: d.Type, Sort: -1})
	}
}
