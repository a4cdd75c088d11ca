// Package outline lists a document's symbols (the tree an editor's
// outline shows) and links (flake references to their web pages, path
// literals to files, flake.lock entries to the locked commit).
package outline

import (
	"os"
	"path/filepath"
	"strings"

	"github.com/flake-lsp/flake-lsp/analysis/flake"
	"github.com/flake-lsp/flake-lsp/analysis/flakeref"
	"github.com/flake-lsp/flake-lsp/analysis/lockfile"
	"github.com/flake-lsp/flake-lsp/analysis/schema"
	"github.com/flake-lsp/flake-lsp/analysis/unit"
	"github.com/flake-lsp/flake-lsp/grammar"
	"github.com/flake-lsp/flake-lsp/syntax"
)

// Kind is a symbol's kind (the server maps it to LSP's SymbolKind).
type Kind int

const (
	Namespace Kind = iota + 1
	Module
	Function
	Variable
	Field
	String
	Package
)

// Symbol is one entry of the outline.
type Symbol struct {
	Name, Detail     string
	Kind             Kind
	Start, End       int // the whole definition
	SelStart, SelEnd int // the name
	Children         []Symbol
}

// maxDepth bounds the outline of deeply nested sets.
const maxDepth = 6

// Symbols returns the outline of a Nix file. In flake.nix, inputs carry
// their reference as detail and outputs are grouped as Nix sees them.
func Symbols(u *unit.Unit) []Symbol {
	v := u.View
	if v == nil || v.Root() == syntax.NoNode {
		return nil
	}
	o := &outliner{u: u, v: v}
	return o.expr(v.Child(v.Root(), grammar.FieldExpression), 0)
}

type outliner struct {
	u *unit.Unit
	v *syntax.View
}

// expr outlines an expression: the bindings of sets and lets, and what
// functions and calls contain.
func (o *outliner) expr(n syntax.NodeID, depth int) []Symbol {
	v := o.v
	if n == syntax.NoNode || depth > maxDepth {
		return nil
	}
	switch {
	case v.Is(n, grammar.KindAttrset), v.Is(n, grammar.KindRecAttrset), v.Is(n, grammar.KindLegacyLet):
		return o.bindings(n, depth, Field)
	case v.Is(n, grammar.KindLet):
		out := o.bindings(n, depth, Variable)
		return append(out, o.expr(v.Child(n, grammar.FieldBody), depth)...)
	case v.Is(n, grammar.KindLambda), v.Is(n, grammar.KindWith), v.Is(n, grammar.KindAssert):
		return o.expr(v.Child(n, grammar.FieldBody), depth)
	case v.Is(n, grammar.KindParenthesized):
		return o.expr(v.Child(n, grammar.FieldExpression), depth)
	case v.Is(n, grammar.KindApply):
		// f { ... } (x: { ... }): outline the arguments.
		var out []Symbol
		for a := n; a != syntax.NoNode && v.Is(a, grammar.KindApply); a = v.Child(a, grammar.FieldFunction) {
			out = append(o.expr(v.Child(a, grammar.FieldArgument), depth), out...)
		}
		return out
	case v.Is(n, grammar.KindBinary):
		return append(o.expr(v.Child(n, grammar.FieldLeft), depth), o.expr(v.Child(n, grammar.FieldRight), depth)...)
	}
	return nil
}

func (o *outliner) bindings(set syntax.NodeID, depth int, kind Kind) []Symbol {
	v := o.v
	var out []Symbol
	for c := v.FirstChild(set); c != syntax.NoNode; c = v.Next(c) {
		switch {
		case v.Is(c, grammar.KindBinding):
			out = append(out, o.binding(c, depth, kind))
		case v.Is(c, grammar.KindInherit):
			for a := v.FirstChild(c); a != syntax.NoNode; a = v.Next(a) {
				if v.FieldName(a) == grammar.FieldAttribute {
					out = append(out, Symbol{Name: v.Text(a), Detail: "inherit", Kind: kind,
						Start: v.Start(a), End: v.End(a), SelStart: v.Start(a), SelEnd: v.End(a)})
				}
			}
		}
	}
	return out
}

func (o *outliner) binding(b syntax.NodeID, depth int, kind Kind) Symbol {
	v := o.v
	ap := v.Child(b, grammar.FieldAttrpath)
	val := v.Child(b, grammar.FieldValue)
	name := strings.Join(strings.Fields(v.Text(ap)), "")
	s := Symbol{Name: name, Kind: kind, Start: v.Start(b), End: v.End(b), SelStart: v.Start(ap), SelEnd: v.End(ap)}
	if name == "" {
		s.Name = "?"
	}
	inner := val
	for inner != syntax.NoNode && v.Is(inner, grammar.KindParenthesized) {
		inner = v.Child(inner, grammar.FieldExpression)
	}
	switch {
	case inner == syntax.NoNode:
	case v.Is(inner, grammar.KindString), v.Is(inner, grammar.KindIndentedString):
		if text, ok := unit.StringValue(v, inner); ok && v.Is(inner, grammar.KindString) {
			s.Detail = truncate(oneLine(text), 60)
		} else {
			s.Detail = truncate(oneLine(v.Text(inner)), 60)
		}
		if s.Kind == Field {
			s.Kind = String
		}
	case v.Is(inner, grammar.KindLambda):
		s.Kind = Function
		s.Detail = "function"
	case v.Is(inner, grammar.KindInteger), v.Is(inner, grammar.KindFloat), v.Is(inner, grammar.KindPath), v.Is(inner, grammar.KindIdentifier):
		s.Detail = truncate(v.Text(inner), 60)
	}
	if o.u.IsFlake() && depth == 0 {
		o.flakeTop(&s, name, inner)
		if s.Children != nil {
			return s
		}
	}
	s.Children = o.expr(val, depth+1)
	if o.u.IsFlake() && depth == 1 && strings.HasPrefix(o.parentName(b), "inputs") {
		s.Kind = Module
	}
	return s
}

func (o *outliner) parentName(b syntax.NodeID) string {
	v := o.v
	set := v.Parent(b)
	up := v.Parent(set)
	if up != syntax.NoNode && v.Is(up, grammar.KindBinding) {
		return v.Text(v.Child(up, grammar.FieldAttrpath))
	}
	return ""
}

// flakeTop gives the top-level attributes of flake.nix their flake
// meaning: inputs with their references, outputs as a function.
func (o *outliner) flakeTop(s *Symbol, name string, val syntax.NodeID) {
	f := o.u.Flake
	switch {
	case name == "inputs":
		s.Kind = Namespace
		s.Children = []Symbol{}
		for _, in := range f.InputOrder {
			input := f.Inputs[in]
			key := input.Key
			sym := Symbol{Name: in, Kind: Module, Start: o.v.Start(key), End: o.v.End(key), SelStart: o.v.Start(key), SelEnd: o.v.End(key)}
			// The whole declaration: every binding naming the input.
			o.extendToBindings(&sym, key)
			sym.Detail = inputDetail(input)
			s.Children = append(s.Children, sym)
		}
	case strings.HasPrefix(name, "inputs."):
		// inputs.x.url = ...: shown under a synthetic "inputs" by the
		// caller would reorder; keep it flat with the reference.
		s.Kind = Module
		s.Name = strings.TrimPrefix(name, "inputs.")
		if in := f.Inputs[strings.Split(s.Name, ".")[0]]; in != nil {
			s.Detail = inputDetail(in)
		}
		s.Children = []Symbol{}
	case name == "outputs":
		s.Kind = Function
		s.Children = []Symbol{}
		if fn := f.Outputs; fn != syntax.NoNode {
			v := o.v
			if body := v.Child(fn, grammar.FieldBody); body != syntax.NoNode {
				s.Detail = truncate(strings.Join(strings.Fields(strings.TrimSuffix(strings.TrimSpace(string(v.Src[v.Start(fn):v.Start(body)])), ":")), " "), 60)
				// The let bindings on the way to the result, then the
				// outputs by output, system and name.
				for n := body; n != syntax.NoNode; {
					n = unparenthesize(v, n)
					switch {
					case v.Is(n, grammar.KindLet):
						s.Children = append(s.Children, o.bindings(n, 1, Variable)...)
						n = v.Child(n, grammar.FieldBody)
						continue
					case v.Is(n, grammar.KindWith), v.Is(n, grammar.KindAssert):
						n = v.Child(n, grammar.FieldBody)
						continue
					}
					break
				}
			}
		}
		s.Children = append(s.Children, o.outputsTree()...)
	case name == "description":
		s.Kind = String
	case name == "nixConfig":
		s.Kind = Namespace
	}
}

// inputDetail is an input's reference in one line: its URL, what it
// follows, or its attribute form written as a URL.
func inputDetail(in *flake.Input) string {
	switch {
	case in.URL != "":
		return in.URL
	case in.HasFoll:
		return "follows " + strings.Join(in.Follows, "/")
	case in.Attrs["type"] != "":
		a := in.Attrs
		switch a["type"] {
		case "github", "gitlab", "sourcehut":
			d := a["type"] + ":" + a["owner"] + "/" + a["repo"]
			if a["ref"] != "" || a["rev"] != "" {
				d += "/" + a["ref"] + a["rev"]
			}
			if a["host"] != "" {
				d += "?host=" + a["host"]
			}
			return d
		case "path":
			return "path:" + a["path"]
		case "indirect":
			return a["id"]
		}
		if a["url"] != "" {
			return a["type"] + "+" + a["url"]
		}
		return "type " + a["type"]
	}
	return ""
}

func unparenthesize(v *syntax.View, n syntax.NodeID) syntax.NodeID {
	for n != syntax.NoNode && v.Is(n, grammar.KindParenthesized) {
		n = v.Child(n, grammar.FieldExpression)
	}
	return n
}

// outputsTree outlines what the outputs define, by output, system and
// name (a system a helper supplies has no level of its own).
func (o *outliner) outputsTree() []Symbol {
	v := o.v
	type tnode struct {
		sym  *Symbol
		kids []*tnode
		idx  map[string]*tnode
	}
	root := &tnode{idx: map[string]*tnode{}}
	for _, e := range o.u.OutputEntries(3) {
		if e.Path[0] == "_module" {
			continue // flake-parts' module arguments, not an output
		}
		cur := root
		levels := 0
		for i, name := range e.Path {
			if name == unit.SystemSlot {
				continue
			}
			levels++
			last := i == len(e.Path)-1
			next := cur.idx[name]
			if next == nil {
				if !last {
					// A level an earlier entry should have made; the
					// entries list every prefix, so this is a slot
					// before the name.
					continue
				}
				sym := &Symbol{Name: name, Kind: Field, Start: v.Start(e.Binding), End: v.End(e.Binding), SelStart: e.Key.Start, SelEnd: e.Key.End}
				if levels == 1 {
					sym.Kind = Namespace
					if out, ok := schema.OutputByName(name); ok && out.Deprecated != "" {
						sym.Detail = "deprecated: " + out.Deprecated
					}
				} else if val := unparenthesize(v, v.Child(e.Binding, grammar.FieldValue)); val != syntax.NoNode && v.Is(val, grammar.KindLambda) && o.lastSegment(e.Binding) == e.Key.Node {
					sym.Kind = Function
				}
				next = &tnode{sym: sym, idx: map[string]*tnode{}}
				cur.idx[name] = next
				cur.kids = append(cur.kids, next)
			} else if last {
				// Another binding extends it (packages.a = ...; packages.b = ...;).
				next.sym.Start = min(next.sym.Start, v.Start(e.Binding))
				next.sym.End = max(next.sym.End, v.End(e.Binding))
			}
			cur = next
		}
	}
	var build func(t *tnode) []Symbol
	build = func(t *tnode) []Symbol {
		out := []Symbol{}
		for _, k := range t.kids {
			sym := *k.sym
			sym.Children = build(k)
			for _, c := range sym.Children {
				sym.Start = min(sym.Start, c.Start)
				sym.End = max(sym.End, c.End)
			}
			out = append(out, sym)
		}
		return out
	}
	return build(root)
}

// lastSegment is the last name of a binding's attribute path.
func (o *outliner) lastSegment(b syntax.NodeID) syntax.NodeID {
	v := o.v
	names := v.NamedChildren(v.Child(b, grammar.FieldAttrpath), nil)
	if len(names) == 0 {
		return syntax.NoNode
	}
	return names[len(names)-1]
}

func (o *outliner) extendToBindings(sym *Symbol, key syntax.NodeID) {
	v := o.v
	for n := key; n != syntax.NoNode; n = v.Parent(n) {
		if v.Is(n, grammar.KindBinding) {
			if v.Start(n) < sym.Start {
				sym.Start = v.Start(n)
			}
			if v.End(n) > sym.End {
				sym.End = v.End(n)
			}
			return
		}
	}
}

func oneLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i] + "…"
	}
	return s
}

func truncate(s string, n int) string {
	if len(s) > n {
		return s[:n] + "…"
	}
	return s
}

// Link is a range of the document that leads somewhere: Target is a URL,
// or an absolute file path when IsFile.
type Link struct {
	Start, End int
	Target     string
	IsFile     bool
	Tooltip    string
}

// Links finds the links of a Nix file: flake references of inputs (in
// flake.nix) and path literals to existing files.
func Links(u *unit.Unit) []Link {
	var out []Link
	v := u.View
	if v == nil {
		return nil
	}
	if u.IsFlake() {
		for _, name := range u.Flake.InputOrder {
			in := u.Flake.Inputs[name]
			if in.HasRef && in.URLNode != syntax.NoNode {
				if url := WebURL(in.Ref); url != "" {
					out = append(out, Link{Start: v.Start(in.URLNode) + 1, End: v.End(in.URLNode) - 1, Target: url, Tooltip: "Open " + url})
				}
				continue
			}
			// The attribute form of a forge reference: the repo string.
			a := in.Attrs
			if a["type"] != "github" && a["type"] != "gitlab" && a["type"] != "sourcehut" {
				continue
			}
			url := WebURL(flakeref.Ref{Type: a["type"], Owner: a["owner"], Repo: a["repo"], Host: a["host"], Ref: a["ref"], Rev: a["rev"]})
			if repo := attrString(u, in.Key, "repo"); url != "" && repo != syntax.NoNode {
				out = append(out, Link{Start: v.Start(repo) + 1, End: v.End(repo) - 1, Target: url, Tooltip: "Open " + url})
			}
		}
	}
	if u.Path != "" {
		dir := filepath.Dir(u.Path)
		for i := range v.Nodes {
			n := syntax.NodeID(i)
			if !v.Is(n, grammar.KindPath) || len(v.NamedChildren(n, nil)) > 0 {
				continue
			}
			text := v.Text(n)
			if !strings.HasPrefix(text, "./") && !strings.HasPrefix(text, "../") {
				continue
			}
			target := filepath.Join(dir, text)
			if info, err := os.Stat(target); err == nil {
				if info.IsDir() {
					if _, err := os.Stat(filepath.Join(target, "default.nix")); err == nil {
						target = filepath.Join(target, "default.nix")
					}
				}
				out = append(out, Link{Start: v.Start(n), End: v.End(n), Target: target, IsFile: true})
			}
		}
	}
	return out
}

// forges: where each forge type's repositories are on the web, and the
// path to a branch or commit.
var forges = map[string]struct{ host, tree string }{
	"github":    {"github.com", "/tree/"},
	"gitlab":    {"gitlab.com", "/-/tree/"},
	"sourcehut": {"git.sr.ht", "/tree/"},
}

// WebURL is the web page of a flake reference: the repository at its
// branch or commit for forges, the location itself for git/https.
func WebURL(r flakeref.Ref) string {
	if f, ok := forges[r.Type]; ok {
		host := r.Host
		if host == "" {
			host = f.host
		}
		u := "https://" + host + "/" + strings.ReplaceAll(r.Owner, "%2F", "/") + "/" + r.Repo
		switch {
		case r.Rev != "":
			u += f.tree + r.Rev
		case r.Ref != "":
			u += f.tree + r.Ref
		}
		return u
	}
	switch r.Type {
	case "git", "hg", "tarball", "file":
		url := r.URL
		if strings.HasPrefix(url, "//") {
			scheme := r.Scheme
			if i := strings.IndexByte(scheme, '+'); i >= 0 {
				scheme = scheme[i+1:]
			}
			url = scheme + ":" + url
		}
		switch {
		case strings.HasPrefix(url, "https://") || strings.HasPrefix(url, "http://"):
			return url
		case strings.HasPrefix(url, "ssh://"):
			// git+ssh://git@github.com/o/r.git: the forge's page.
			rest := strings.TrimPrefix(url, "ssh://")
			if at := strings.IndexByte(rest, '@'); at >= 0 && at < strings.IndexByte(rest+"/", '/') {
				rest = rest[at+1:]
			}
			host, path, _ := strings.Cut(rest, "/")
			switch host {
			case "github.com", "gitlab.com", "codeberg.org", "git.sr.ht":
				return "https://" + host + "/" + strings.TrimSuffix(path, ".git")
			}
		}
	case "indirect":
		if target, ok := flakeref.Registry[r.ID]; ok {
			if ref, _ := flakeref.Parse(target, true); ref.Type == "github" {
				return WebURL(ref)
			}
		}
	}
	return ""
}

// attrString is the string value of attribute name in the input
// declared at key (`corp = { type = "gitlab"; repo = "x"; }`), NoNode if
// there is no such literal.
func attrString(u *unit.Unit, key syntax.NodeID, name string) syntax.NodeID {
	v := u.View
	b := key
	for b != syntax.NoNode && !v.Is(b, grammar.KindBinding) {
		b = v.Parent(b)
	}
	if b == syntax.NoNode {
		return syntax.NoNode
	}
	// `x = { repo = ...; }`: the set is the value; `x.repo = ...;`
	// bindings are siblings of b.
	var sets []syntax.NodeID
	if set := u.LiteralSet(v.Child(b, grammar.FieldValue)); set != syntax.NoNode {
		sets = append(sets, set)
	}
	sets = append(sets, v.Parent(b))
	for _, set := range sets {
		for c := v.FirstChild(set); c != syntax.NoNode; c = v.Next(c) {
			if !v.Is(c, grammar.KindBinding) {
				continue
			}
			names := v.NamedChildren(v.Child(c, grammar.FieldAttrpath), nil)
			if len(names) == 0 || v.Text(names[len(names)-1]) != name {
				continue
			}
			if set == v.Parent(b) && (len(names) < 2 || v.Text(names[len(names)-2]) != v.Text(key)) {
				continue
			}
			if val := v.Child(c, grammar.FieldValue); val != syntax.NoNode && v.Is(val, grammar.KindString) {
				return val
			}
		}
	}
	return syntax.NoNode
}

// LockLinks links each locked revision in flake.lock to its commit page.
func LockLinks(lf *lockfile.LockFile) []Link {
	if lf == nil {
		return nil
	}
	var out []Link
	for _, key := range lf.Keys {
		n := lf.Nodes[key]
		if n == nil || n.Locked == nil {
			continue
		}
		get := func(k string) string {
			if v := n.Locked.Get(k); v != nil {
				return v.Str
			}
			return ""
		}
		rev := n.Locked.Get("rev")
		if rev == nil {
			continue
		}
		r := flakeref.Ref{Type: get("type"), Owner: get("owner"), Repo: get("repo"), Host: get("host"), URL: get("url")}
		base := WebURL(r)
		if base == "" {
			continue
		}
		target := base + "/commit/" + rev.Str
		if r.Type == "gitlab" {
			target = base + "/-/commit/" + rev.Str
		}
		if r.Type == "git" {
			continue // no general commit URL for arbitrary hosts
		}
		out = append(out, Link{Start: rev.Start + 1, End: rev.End - 1, Target: target, Tooltip: "Open the locked commit"})
	}
	return out
}
