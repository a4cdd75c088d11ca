package complete

import (
	"sort"
	"strings"

	"github.com/flake-lsp/flake-lsp/analysis/flakeref"
	"github.com/flake-lsp/flake-lsp/analysis/schema"
	"github.com/flake-lsp/flake-lsp/analysis/scope"
	"github.com/flake-lsp/flake-lsp/analysis/unit"
	"github.com/flake-lsp/flake-lsp/grammar"
	"github.com/flake-lsp/flake-lsp/syntax"
)

// topLevel are the attributes a flake.nix may have.
var topLevel = []struct{ name, doc string }{
	{"description", "A one-line description of the flake, shown by `nix flake metadata`."},
	{"inputs", "The flake's dependencies: `inputs.<name>.url = \"github:owner/repo\";`."},
	{"outputs", "A function from the inputs (and `self`) to the flake's outputs: `outputs = { self, nixpkgs, ... }: { ... };`."},
	{"nixConfig", "nix.conf settings applied when the flake is used (most ask the user first, see `accept-flake-config`)."},
}

// attributeName completes an attribute name being typed in a set; it
// reports whether the place was one it knows.
func (c *completer) attributeName() bool {
	u, p := c.u, c.p
	if !u.IsFlake() {
		return false
	}
	names, root, ok := u.SetPath(p)
	if !ok {
		return false
	}
	if p.InKey && len(p.Frames) > 0 {
		// The segments before the one under the cursor are part of the
		// path: `inputs.nixpkgs.ur|`.
		for i, s := range p.Frames[0].Path {
			if i >= p.KeyIndex {
				seg := s
				c.wordStart, c.wordEnd = seg.Start, seg.End
				break
			}
			names = append(names, s.Name)
		}
		if p.KeyIndex >= len(p.Frames[0].Path) {
			c.wordStart, c.wordEnd = c.off, c.off
		}
	}
	existing := c.existingKeys(p.Container(), names, root)
	if root == u.TopSet() {
		switch {
		case len(names) == 0:
			for _, t := range topLevel {
				if !existing[t.name] {
					c.add(Candidate{Label: t.name, Kind: Field, Doc: t.doc})
				}
			}
			return true
		case names[0] == "inputs":
			c.inputAttrs(names[1:], existing)
			return true
		case names[0] == "nixConfig" && len(names) == 1:
			for _, s := range schema.Settings {
				if !existing[s.Name] {
					c.add(Candidate{Label: s.Name, Kind: Field, Detail: settingType(s.Type), Doc: settingDoc(s)})
				}
			}
			return true
		}
		return false
	}
	if path, ok := u.OutputsPath(p); ok {
		if p.InKey && len(path) > 0 {
			path = path[:len(path)-1]
		}
		c.outputNames(path, existing)
		return true
	}
	return false
}

// existingKeys are the names already defined at this level of the set (so
// they are not offered again).
func (c *completer) existingKeys(set syntax.NodeID, names []string, root syntax.NodeID) map[string]bool {
	v := c.u.View
	out := map[string]bool{}
	if set == syntax.NoNode {
		return out
	}
	depth := 0
	if c.p.InKey && len(c.p.Frames) > 0 {
		depth = c.p.KeyIndex
	}
	for ch := v.FirstChild(set); ch != syntax.NoNode; ch = v.Next(ch) {
		if !v.Is(ch, grammar.KindBinding) {
			continue
		}
		if c.p.InKey && len(c.p.Frames) > 0 && ch == c.p.Frames[0].Binding {
			continue
		}
		ap := v.Child(ch, grammar.FieldAttrpath)
		i := 0
		for s := v.FirstChild(ap); s != syntax.NoNode; s = v.Next(s) {
			if !v.IsNamed(s) || v.IsExtra(s) {
				continue
			}
			if i == depth {
				if name, ok := unit.StaticName(v, s); ok {
					out[name] = true
				}
				break
			}
			i++
		}
	}
	return out
}

// inputAttrs: inside `inputs` (path after "inputs").
func (c *completer) inputAttrs(path []string, existing map[string]bool) {
	u := c.u
	switch len(path) {
	case 0:
		// A new input: the registry's names.
		ids := make([]string, 0, len(flakeref.Registry))
		for id := range flakeref.Registry {
			ids = append(ids, id)
		}
		sort.Strings(ids)
		for _, id := range ids {
			if !existing[id] {
				c.add(Candidate{Label: id, Kind: Module, Detail: flakeref.Registry[id], Doc: "A flake in the global registry, usually declared as `" + id + ".url = \"" + flakeref.Registry[id] + "\";`."})
			}
		}
		return
	case 1:
		typ := ""
		if in := u.Flake.Inputs[path[0]]; in != nil {
			typ = in.Attrs["type"]
			if typ == "" && in.HasRef {
				typ = in.Ref.Type
			}
		}
		for _, a := range schema.InputAttrs {
			if existing[a.Name] {
				continue
			}
			if a.Types != nil && (typ == "" || !contains(a.Types, typ)) && (typ != "" || u.Flake.Inputs[path[0]] == nil || u.Flake.Inputs[path[0]].HasRef) {
				continue
			}
			cand := Candidate{Label: a.Name, Kind: Field, Detail: a.Value, Doc: a.Doc}
			if a.Types == nil {
				cand.Sort = -1
			}
			c.add(cand)
		}
	case 2:
		if path[1] != "inputs" {
			return
		}
		// The inputs of this input, from its lock node.
		for _, name := range c.lockInputsOf(path[0]) {
			if !existing[name] {
				c.add(Candidate{Label: name, Kind: Module, Detail: "input of " + path[0], Doc: "Override it, usually with `" + name + ".follows = \"...\";`."})
			}
		}
	case 3:
		if path[1] != "inputs" {
			return
		}
		for _, name := range []string{"follows", "url", "flake", "inputs"} {
			if !existing[name] {
				a, _ := schema.InputAttrByName(name)
				c.add(Candidate{Label: name, Kind: Field, Detail: a.Value, Doc: a.Doc})
			}
		}
	}
}

func (c *completer) lockInputsOf(input string) []string {
	lf := c.u.Lock
	if lf == nil {
		return nil
	}
	n, err := lf.Resolve([]string{input})
	if err != nil || n == nil {
		return nil
	}
	var out []string
	for _, e := range n.Inputs {
		out = append(out, e.Name)
	}
	return out
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func settingType(t schema.SettingType) string {
	switch t {
	case schema.BoolSetting:
		return "bool"
	case schema.IntSetting:
		return "integer"
	case schema.StringsSetting:
		return "list of strings"
	}
	return "string"
}

func settingDoc(s schema.Setting) string {
	doc := s.Doc
	if s.Trusted != "" {
		doc += "\n\nApplied without asking (since Nix " + s.Trusted + ")."
	} else {
		doc += "\n\nNix asks before applying it unless `accept-flake-config` is set."
	}
	if s.Substituter {
		doc += " Only takes effect for users the daemon trusts, or for caches the system lists in `trusted-substituters`."
	}
	return doc
}

// outputNames completes inside the outputs at path.
func (c *completer) outputNames(path []string, existing map[string]bool) {
	if len(path) == 0 {
		for _, o := range schema.Outputs {
			if existing[o.Name] {
				continue
			}
			cand := Candidate{Label: o.Name, Kind: Field, Doc: o.Doc, Deprecated: o.Deprecated != ""}
			switch {
			case o.Deprecated != "":
				cand.Detail = "deprecated: " + o.Deprecated
				cand.Sort = 3
			case o.Community:
				cand.Detail = "community output"
				cand.Sort = 1
			case o.PerSystem:
				cand.Detail = "per system"
			}
			c.add(cand)
		}
		return
	}
	out, ok := schema.OutputByName(path[0])
	if !ok {
		return
	}
	level := path[1:]
	if out.PerSystem {
		if len(level) == 0 {
			for _, s := range schema.Systems {
				if !existing[s] {
					c.add(Candidate{Label: s, Kind: Value, Detail: "system"})
				}
			}
			return
		}
		level = level[1:]
	}
	switch {
	case len(level) == 0 && out.Named:
		if !existing["default"] {
			c.add(Candidate{Label: "default", Kind: Field, Doc: "The default " + path[0] + " entry, used when no name is given."})
		}
	case len(level) == 1 && out.Shape == schema.App:
		for _, a := range []struct{ n, d string }{{"type", "Must be `\"app\"`."}, {"program", "The absolute store path of the program to run, e.g. `\"${pkg}/bin/x\"` or `lib.getExe pkg`."}, {"meta", "Metadata, e.g. `meta.description`."}} {
			if !existing[a.n] {
				c.add(Candidate{Label: a.n, Kind: Field, Doc: a.d})
			}
		}
	case len(level) == 1 && out.Shape == schema.Template:
		for _, a := range []struct{ n, d string }{{"path", "The directory copied by `nix flake init -t`."}, {"description", "A one-line description, shown by `nix flake show`."}, {"welcomeText", "Markdown printed after the template is copied."}} {
			if !existing[a.n] {
				c.add(Candidate{Label: a.n, Kind: Field, Doc: a.d})
			}
		}
	}
}

// inOutputsFormals completes `{ self, | }:` of the outputs function:
// declared inputs not yet listed, self and `...`.
func (c *completer) inOutputsFormals() bool {
	u := c.u
	v := u.View
	fn := u.Flake.Outputs
	if fn == syntax.NoNode {
		return false
	}
	formals := v.Child(fn, grammar.FieldFormals)
	if formals == syntax.NoNode || c.off <= v.Start(formals) || c.off >= v.End(formals) {
		return false
	}
	// Not inside a default value.
	for n := v.At(c.off); n != syntax.NoNode && n != formals; n = v.Parent(n) {
		if v.FieldName(n) == grammar.FieldDefault {
			return false
		}
	}
	for _, name := range u.Flake.InputOrder {
		if _, listed := u.Flake.Formals[name]; !listed || c.u.Src[c.wordStart:c.wordEnd] != nil && name == string(c.u.Src[c.wordStart:c.wordEnd]) {
			c.add(Candidate{Label: name, Kind: Module, Detail: "input " + inputDetail(u, name)})
		}
	}
	if _, ok := u.Flake.Formals["self"]; !ok {
		c.add(Candidate{Label: "self", Kind: Module, Detail: "this flake", Doc: "The flake itself: its outputs and source (`self.outPath`, `self.rev`).", Sort: -1})
	}
	if !u.Flake.HasEllipsis {
		c.add(Candidate{Label: "...", Kind: Keyword, Doc: "Accept inputs not listed here (they are then reachable only through an `@` name).", Sort: 2})
	}
	return true
}

func inputDetail(u *unit.Unit, name string) string {
	in := u.Flake.Inputs[name]
	if in == nil {
		return ""
	}
	if in.URL != "" {
		return in.URL
	}
	if in.HasFoll {
		return "follows " + strings.Join(in.Follows, "/")
	}
	return ""
}

// flakeMember completes after `x.` in flake.nix: `inputs.`, an input's
// attributes, `self.`, an input's packages.<system>.
func (c *completer) flakeMember(chain []string, dot int) bool {
	u := c.u
	if u.Scope == nil {
		return false
	}
	var base *scope.Binding
	for _, b := range u.Scope.VisibleAt(dot) {
		if b.Name == chain[0] {
			base = b
			break
		}
	}
	if base == nil || u.Flake.Outputs == syntax.NoNode {
		return false
	}
	fromOutputs := base.Def == u.Flake.Outputs || isInside(u.View, base.Node, u.Flake.Outputs) && u.Flake.Formals[base.Name] == base.Node
	if !fromOutputs {
		return false
	}
	rest := chain[1:]
	input := ""
	switch {
	case base.Kind == scope.KindAt || base.Kind == scope.KindParam:
		if len(rest) == 0 {
			for _, name := range u.Flake.InputOrder {
				c.add(Candidate{Label: name, Kind: Module, Detail: "input " + inputDetail(u, name)})
			}
			c.add(Candidate{Label: "self", Kind: Module, Detail: "this flake"})
			return true
		}
		input, rest = rest[0], rest[1:]
	case base.Kind == scope.KindFormal:
		input = base.Name
	default:
		return false
	}
	if len(rest) == 0 {
		if input == "self" {
			for _, name := range c.selfOutputs() {
				c.add(Candidate{Label: name, Kind: Field, Detail: "output of this flake"})
			}
		}
		isFlake := true
		if in := u.Flake.Inputs[input]; in != nil && !in.Flake {
			isFlake = false
		}
		for _, a := range schema.InputValueAttrs {
			if !isFlake && !a.Source {
				continue
			}
			c.add(Candidate{Label: a.Name, Kind: Field, Doc: a.Doc, Sort: 2})
		}
		if isFlake && input != "self" {
			for _, o := range schema.Outputs {
				if o.Deprecated == "" {
					c.add(Candidate{Label: o.Name, Kind: Field, Detail: "output", Doc: o.Doc, Sort: 1})
				}
			}
		}
		return true
	}
	if len(rest) == 1 {
		if o, ok := schema.OutputByName(rest[0]); ok && (o.PerSystem || o.Name == "legacyPackages") {
			for _, s := range schema.Systems {
				c.add(Candidate{Label: s, Kind: Value, Detail: "system"})
			}
			return true
		}
	}
	return false
}

// selfOutputs lists the top-level names of this flake's outputs.
func (c *completer) selfOutputs() []string {
	u := c.u
	v := u.View
	var out []string
	var visit func(n syntax.NodeID, depth int)
	visit = func(n syntax.NodeID, depth int) {
		if n == syntax.NoNode || depth > 8 {
			return
		}
		switch {
		case v.Is(n, grammar.KindParenthesized):
			visit(v.Child(n, grammar.FieldExpression), depth+1)
		case v.Is(n, grammar.KindLet), v.Is(n, grammar.KindWith):
			visit(v.Child(n, grammar.FieldBody), depth+1)
		case v.Is(n, grammar.KindBinary):
			visit(v.Child(n, grammar.FieldLeft), depth+1)
			visit(v.Child(n, grammar.FieldRight), depth+1)
		case v.Is(n, grammar.KindAttrset), v.Is(n, grammar.KindRecAttrset):
			for ch := v.FirstChild(n); ch != syntax.NoNode; ch = v.Next(ch) {
				if v.Is(ch, grammar.KindBinding) {
					ap := v.Child(ch, grammar.FieldAttrpath)
					for s := v.FirstChild(ap); s != syntax.NoNode; s = v.Next(s) {
						if v.IsNamed(s) {
							if name, ok := unit.StaticName(v, s); ok {
								out = append(out, name)
							}
							break
						}
					}
				}
			}
		}
	}
	visit(v.Child(u.Flake.Outputs, grammar.FieldBody), 0)
	return out
}
