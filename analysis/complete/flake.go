package complete

import (
	"sort"
	"strings"

	"github.com/flake-lsp/flake-lsp/analysis/deps"
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
	var prefix []string // the names before the one typed, in its binding
	if p.InKey && len(p.Frames) > 0 {
		// The segments before the one under the cursor are part of the
		// path: `inputs.nixpkgs.ur|`.
		for i, s := range p.Frames[0].Path {
			if i >= p.KeyIndex {
				c.wordStart, c.wordEnd = s.Start, s.End
				break
			}
			prefix = append(prefix, s.Name)
		}
		if p.KeyIndex >= len(p.Frames[0].Path) || p.KeyGap {
			c.wordStart, c.wordEnd = c.off, c.off
		}
	}
	names = append(names, prefix...)
	existing := c.existingKeys(p.Container(), prefix)
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
					c.add(Candidate{Label: s.Name, Kind: Field, Detail: s.TypeName(), Doc: settingDoc(s)})
				}
				if s.Type == schema.StringsSetting && !existing["extra-"+s.Name] {
					c.add(Candidate{Label: "extra-" + s.Name, Kind: Field, Detail: s.TypeName() + ", appended", Sort: 1,
						Doc: "Appends to `" + s.Name + "` instead of replacing it.\n\n" + settingDoc(s)})
				}
			}
			return true
		}
		return false
	}
	op, ok := u.OutputsAt(p)
	if !ok {
		return false
	}
	path := op.Path
	if p.InKey && !p.KeyGap && len(path) > 0 {
		path = path[:len(path)-1]
	}
	if op.PartsModule {
		if len(path) == 0 {
			for _, o := range schema.PartsOptions {
				if !existing[o.Name] {
					c.add(Candidate{Label: o.Name, Kind: Field, Detail: "flake-parts", Doc: o.Doc})
				}
			}
		}
		return true
	}
	if len(path) == 0 && !op.PerSystem {
		// An output defined elsewhere in the outputs (the other side of
		// a `//`, flake-parts' perSystem) would be replaced here.
		for _, e := range u.OutputEntries(1) {
			existing[e.Path[0]] = true
		}
	}
	c.outputNames(path, existing, op.PerSystem)
	return true
}

// existingKeys are the names already defined in set after the names
// prefix (so they are not offered again); the binding being typed does
// not count.
func (c *completer) existingKeys(set syntax.NodeID, prefix []string) map[string]bool {
	v := c.u.View
	out := map[string]bool{}
	if set == syntax.NoNode {
		return out
	}
	for ch := v.FirstChild(set); ch != syntax.NoNode; ch = v.Next(ch) {
		if !v.Is(ch, grammar.KindBinding) {
			if v.Is(ch, grammar.KindInherit) && len(prefix) == 0 {
				for a := v.FirstChild(ch); a != syntax.NoNode; a = v.Next(a) {
					if v.FieldName(a) == grammar.FieldAttribute {
						out[v.Text(a)] = true
					}
				}
			}
			continue
		}
		if c.p.InKey && !c.p.KeyGap && len(c.p.Frames) > 0 && ch == c.p.Frames[0].Binding {
			continue
		}
		i := 0
		for s := v.FirstChild(v.Child(ch, grammar.FieldAttrpath)); s != syntax.NoNode; s = v.Next(s) {
			if !v.IsNamed(s) || v.IsExtra(s) {
				continue
			}
			name, ok := unit.StaticName(v, s)
			if !ok {
				break
			}
			if i == len(prefix) {
				out[name] = true
				break
			}
			if name != prefix[i] {
				break
			}
			i++
		}
	}
	return out
}

// urlTypes are the input types whose attribute form has a `url`.
var urlTypes = []string{"git", "hg", "tarball", "file"}

// inputAttrs: inside `inputs` (path after "inputs").
func (c *completer) inputAttrs(path []string, existing map[string]bool) {
	u := c.u
	switch {
	case len(path) == 0:
		// A new input: the registry's names.
		ids := make([]string, 0, len(flakeref.Registry))
		for id := range flakeref.Registry {
			ids = append(ids, id)
		}
		sort.Strings(ids)
		for _, id := range ids {
			if !existing[id] && u.Flake.Inputs[id] == nil {
				c.add(Candidate{Label: id, Kind: Module, Detail: flakeref.Registry[id], Doc: "A flake in the global registry, usually declared as `" + id + ".url = \"" + flakeref.Registry[id] + "\";`."})
			}
		}
	case len(path)%2 == 1 && (len(path) == 1 || path[len(path)-2] == "inputs"):
		// The attributes of an input (or of an override of a
		// dependency's input, path [x inputs y]).
		in := u.Flake.Inputs[path[0]]
		for i := 2; in != nil && i < len(path); i += 2 {
			in = in.Inputs[path[i]]
		}
		typ, hasURL, hasFollows := "", existing["url"], existing["follows"]
		if in != nil {
			typ = in.Attrs["type"]
			hasURL = hasURL || in.URL != "" || in.HasRef && typ == ""
			hasFollows = hasFollows || in.HasFoll
		}
		if existing["type"] && typ == "" {
			typ = "?"
		}
		for _, a := range schema.InputAttrs {
			if existing[a.Name] {
				continue
			}
			switch a.Name {
			case "flake", "inputs":
			case "url":
				// With `type`, only the fetchers that take a URL.
				if hasFollows || typ != "" && !contains(urlTypes, typ) {
					continue
				}
			case "type":
				if hasFollows || hasURL || len(path) > 1 {
					continue
				}
			case "follows":
				if hasURL || typ != "" {
					continue
				}
			default:
				// The attribute form: only next to `type` (next to a
				// `url` without `type` Nix rejects them: unexpected flake
				// input attribute).
				if typ == "" || typ != "?" && !contains(a.Types, typ) {
					continue
				}
			}
			cand := Candidate{Label: a.Name, Kind: Field, Detail: a.Value, Doc: a.Doc}
			if a.Types == nil {
				cand.Sort = -1
			}
			c.add(cand)
		}
	case path[len(path)-1] == "inputs":
		// The inputs of this input (or of a dependency's input), from the
		// lock.
		var dep []string
		for i := 0; i < len(path); i += 2 {
			dep = append(dep, path[i])
		}
		for _, name := range c.lockInputsOf(dep) {
			if !existing[name] {
				c.add(Candidate{Label: name, Kind: Module, Detail: "input of " + strings.Join(dep, "/") + ", from flake.lock",
					Doc: "Override it, usually with `" + name + ".follows = \"...\";` naming one of this flake's inputs."})
			}
		}
	}
}

// lockInputsOf lists the inputs of the lock node the input path
// resolves to.
func (c *completer) lockInputsOf(path []string) []string {
	lf := c.u.Lock
	if lf == nil {
		return nil
	}
	n, err := lf.Resolve(path)
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

func settingDoc(s schema.Setting) string { return s.Doc + "\n\n" + s.TrustNote() }

// outputNames completes inside the outputs at path; perSystem: the top
// level is a per-system set, where only per-system outputs go.
func (c *completer) outputNames(path []string, existing map[string]bool, perSystem bool) {
	if len(path) == 0 {
		for _, o := range schema.Outputs {
			if existing[o.Name] || perSystem && !o.PerSystem {
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
			case o.PerSystem && !perSystem:
				cand.Detail = "per system"
			case perSystem:
				cand.Detail = "per system (the system is supplied)"
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
			c.add(Candidate{Label: "default", Kind: Field, Detail: path[0] + " entry", Doc: "The default " + path[0] + " entry, used when no name is given."})
		}
	case len(level) == 1 && out.Shape == schema.App:
		for _, a := range []struct{ n, d string }{{"type", "Must be `\"app\"`."}, {"program", "The absolute store path of the program to run, e.g. `\"${pkg}/bin/x\"` or `lib.getExe pkg`."}, {"meta", "Metadata, e.g. `meta.description`."}} {
			if !existing[a.n] {
				c.add(Candidate{Label: a.n, Kind: Field, Detail: "app attribute", Doc: a.d})
			}
		}
	case len(level) == 1 && out.Shape == schema.Template:
		for _, a := range []struct{ n, d string }{{"path", "The directory copied by `nix flake init -t`."}, {"description", "A one-line description, shown by `nix flake show`."}, {"welcomeText", "Markdown printed after the template is copied."}} {
			if !existing[a.n] {
				c.add(Candidate{Label: a.n, Kind: Field, Detail: "template attribute", Doc: a.d})
			}
		}
	}
}

// inOutputsFormals completes `{ self, | }:` of the outputs function:
// declared inputs not yet listed, self and `...`. A list still being
// typed (`outputs = { self, nix|`), which does not parse, is read from
// the text.
func (c *completer) inOutputsFormals() bool {
	u := c.u
	v := u.View
	word := string(u.Src[c.wordStart:c.wordEnd])
	listed, ellipsis := map[string]bool{}, false
	fn := u.Flake.Outputs
	formals := syntax.NoNode
	if fn != syntax.NoNode {
		formals = v.Child(fn, grammar.FieldFormals)
	}
	if formals != syntax.NoNode && c.off > v.Start(formals) && c.off < v.End(formals) {
		// Not inside a default value.
		for n := v.At(c.off); n != syntax.NoNode && n != formals; n = v.Parent(n) {
			if v.FieldName(n) == grammar.FieldDefault {
				return false
			}
		}
		for name := range u.Flake.Formals {
			listed[name] = true
		}
		ellipsis = u.Flake.HasEllipsis
	} else {
		var ok bool
		if listed, ellipsis, ok = formalsText(u.Src, c.wordStart, c.wordEnd); !ok {
			return false
		}
	}
	for _, name := range u.Flake.InputOrder {
		if !listed[name] || name == word {
			c.add(Candidate{Label: name, Kind: Module, Detail: "input " + inputDetail(u, name)})
		}
	}
	if !listed["self"] || word == "self" {
		c.add(Candidate{Label: "self", Kind: Module, Detail: "this flake", Doc: "The flake itself: its outputs and source (`self.outPath`, `self.rev`).", Sort: -1})
	}
	if !ellipsis {
		c.add(Candidate{Label: "...", Kind: Keyword, Doc: "Accept inputs not listed here (they are then reachable only through an `@` name).", Sort: 2})
	}
	return true
}

// formalsText reads a formals list being typed around the word
// [start, end): `outputs = { self, nix|` or `outputs = inputs@{ |`. It
// returns the names listed (the word excluded) and whether `...` is.
func formalsText(src []byte, start, end int) (map[string]bool, bool, bool) {
	i := start
	for i > 0 && (isWord(src[i-1]) || isSpace(src[i-1]) || src[i-1] == ',' || src[i-1] == '.') {
		i--
	}
	if i == 0 || src[i-1] != '{' {
		return nil, false, false
	}
	open := i - 1
	j := open
	skip := func() {
		for j > 0 && isSpace(src[j-1]) {
			j--
		}
	}
	skip()
	if j > 0 && src[j-1] == '@' {
		j--
		skip()
		for j > 0 && isWord(src[j-1]) {
			j--
		}
		skip()
	}
	if j == 0 || src[j-1] != '=' {
		return nil, false, false
	}
	j--
	skip()
	k := j
	for k > 0 && isWord(src[k-1]) {
		k--
	}
	if string(src[k:j]) != "outputs" {
		return nil, false, false
	}
	close := end
	for close < len(src) && (isWord(src[close]) || isSpace(src[close]) || src[close] == ',' || src[close] == '.') {
		close++
	}
	listed, ellipsis := map[string]bool{}, false
	for _, part := range []string{string(src[open+1 : start]), string(src[end:close])} {
		for _, f := range strings.FieldsFunc(part, func(r rune) bool { return r == ',' || r == ' ' || r == '\t' || r == '\n' || r == '\r' }) {
			if f == "..." {
				ellipsis = true
			} else {
				listed[f] = true
			}
		}
	}
	return listed, ellipsis, true
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
func (c *completer) flakeMember(chain []string, dot int) {
	u := c.u
	input, rest, ok := c.memberBase(chain, dot)
	if !ok {
		return
	}
	if input == "" {
		for _, name := range u.Flake.InputOrder {
			c.add(Candidate{Label: name, Kind: Module, Detail: "input " + inputDetail(u, name)})
		}
		c.add(Candidate{Label: "self", Kind: Module, Detail: "this flake"})
		return
	}
	isFlake := true
	if in := u.Flake.Inputs[input]; in != nil && !in.Flake {
		isFlake = false
	}
	if isFlake && input != "self" && c.dependencyMember(input, rest) {
		return
	}
	source := func() {
		for _, a := range schema.InputValueAttrs {
			if a.Source {
				c.add(Candidate{Label: a.Name, Kind: Field, Detail: "source attribute", Doc: a.Doc, Sort: 2})
			}
		}
	}
	switch {
	case len(rest) == 0:
		if input == "self" {
			seen := map[string]bool{}
			for _, e := range u.OutputEntries(1) {
				if !seen[e.Path[0]] {
					seen[e.Path[0]] = true
					c.add(Candidate{Label: e.Path[0], Kind: Field, Detail: "output of this flake, line " + itoa(lineOf(u.Src, e.Key.Start)+1)})
				}
			}
		}
		for _, a := range schema.InputValueAttrs {
			if !isFlake && !a.Source {
				continue
			}
			detail := "source attribute"
			if !a.Source {
				detail = "flake attribute"
			}
			c.add(Candidate{Label: a.Name, Kind: Field, Detail: detail, Doc: a.Doc, Sort: 2})
		}
		if isFlake && input != "self" {
			for _, o := range schema.Outputs {
				if o.Deprecated == "" {
					c.add(Candidate{Label: o.Name, Kind: Field, Detail: "output", Doc: o.Doc, Sort: 1})
				}
			}
		}
	case len(rest) == 1 && rest[0] == "sourceInfo":
		source()
	case len(rest) == 1 && rest[0] == "inputs" && isFlake:
		if input == "self" {
			for _, name := range u.Flake.InputOrder {
				c.add(Candidate{Label: name, Kind: Module, Detail: "input " + inputDetail(u, name)})
			}
			return
		}
		for _, name := range c.lockInputsOf([]string{input}) {
			c.add(Candidate{Label: name, Kind: Module, Detail: "input of " + input + ", from flake.lock"})
		}
	case input == "self":
		// This flake's own outputs: the names it defines there.
		want := append(append([]string{}, rest...), "")
		seen := map[string]bool{}
		for _, e := range u.OutputEntries(len(want)) {
			if len(e.Path) != len(want) || !samePath(e.Path[:len(rest)], rest) || seen[e.Key.Name] || e.Path[len(rest)] == unit.SystemSlot {
				continue
			}
			seen[e.Key.Name] = true
			c.add(Candidate{Label: e.Key.Name, Kind: Field, Detail: "defined at line " + itoa(lineOf(u.Src, e.Key.Start)+1)})
		}
		if len(rest) == 1 {
			if o, ok := schema.OutputByName(rest[0]); ok && (o.PerSystem || o.Name == "legacyPackages") {
				for _, s := range schema.Systems {
					c.add(Candidate{Label: s, Kind: Value, Detail: "system", Sort: 1})
				}
			}
		}
	case len(rest) == 1 && rest[0] == "lib" && isFlakeUtils(u, input):
		for _, f := range flakeUtilsLib {
			c.add(Candidate{Label: f.name, Kind: Function, Detail: "flake-utils", Doc: f.doc})
		}
	case len(rest) == 1 && isFlake:
		if o, ok := schema.OutputByName(rest[0]); ok && (o.PerSystem || o.Name == "legacyPackages") {
			for _, s := range schema.Systems {
				c.add(Candidate{Label: s, Kind: Value, Detail: "system"})
			}
		}
	}
}

// samePath compares paths, a SystemSlot in a matching any system.
func samePath(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] && a[i] != unit.SystemSlot {
			return false
		}
	}
	return true
}

// memberBase resolves the head of a member chain to the outputs
// function's inputs: ("", rest) for the set of all inputs (the outputs'
// parameter or @ name), (name, rest) for one input (a formal, or
// `inputs.<name>`). When the parse is too broken to see the outputs
// function, the names decide: self, a declared input, inputs.
func (c *completer) memberBase(chain []string, dot int) (string, []string, bool) {
	u := c.u
	var base *scope.Binding
	if u.Scope != nil {
		for _, b := range u.Scope.VisibleAt(dot) {
			if b.Name == chain[0] {
				base = b
				break
			}
		}
	}
	fn := u.Flake.Outputs
	whole := false
	input := ""
	switch {
	case base != nil && fn != syntax.NoNode && base.Def == fn && (base.Kind == scope.KindAt || base.Kind == scope.KindParam):
		whole = true
	case base != nil && fn != syntax.NoNode && base.Kind == scope.KindFormal && isInside(u.View, base.Node, fn) && u.Flake.Formals[base.Name] == base.Node:
		input = base.Name
	case base != nil && base.Kind != scope.KindBuiltin && fn != syntax.NoNode:
		return "", nil, false // some other variable
	case chain[0] == "self" || u.Flake.Inputs[chain[0]] != nil:
		input = chain[0]
	case chain[0] == "inputs" || chain[0] == u.Flake.AtName && chain[0] != "":
		whole = true
	default:
		return "", nil, false
	}
	rest := chain[1:]
	if whole {
		if len(rest) == 0 {
			return "", nil, true
		}
		input, rest = rest[0], rest[1:]
	}
	return input, rest, true
}

// flakeUtilsLib is numtide/flake-utils' lib, which most flakes that take
// it call as `flake-utils.lib.<f>`.
var flakeUtilsLib = []struct{ name, doc string }{
	{"eachDefaultSystem", "`eachDefaultSystem (system: { packages.default = ...; })`: calls the function for each default system and puts the system under each output: `packages.<system>.default`."},
	{"eachSystem", "`eachSystem [ \"x86_64-linux\" ] (system: { ... })`: eachDefaultSystem for the systems given."},
	{"eachDefaultSystemPassThrough", "Like eachDefaultSystem, but the outputs are merged without a system level."},
	{"eachSystemPassThrough", "Like eachSystem, but the outputs are merged without a system level."},
	{"eachDefaultSystemMap", "`eachDefaultSystemMap (system: value)`: an attribute set of value by default system (for one output)."},
	{"eachSystemMap", "`eachSystemMap systems (system: value)`: an attribute set of value by system."},
	{"defaultSystems", "The systems eachDefaultSystem uses (from the `systems` input)."},
	{"allSystems", "Every system nixpkgs knows."},
	{"system", "An attribute set of system names (`system.x86_64-linux`), to avoid typos."},
	{"flattenTree", "Flattens a nested set of derivations into `a/b/c` names, as `packages` needs."},
	{"filterPackages", "`filterPackages system packages`: only the packages available on system."},
	{"mkApp", "`mkApp { drv = ...; name ? ...; exePath ? ...; }`: an app for `apps.<system>.<name>`."},
	{"simpleFlake", "Builds the outputs of a simple flake from an overlay and a package name (old style, deprecated outputs)."},
}

// isFlakeUtils: the input is numtide/flake-utils.
func isFlakeUtils(u *unit.Unit, input string) bool {
	in := u.Flake.Inputs[input]
	if in == nil || in.HasFoll {
		return input == "flake-utils"
	}
	return in.Ref.Owner == "numtide" && in.Ref.Repo == "flake-utils" || in.Ref.Type == "indirect" && in.Ref.ID == "flake-utils"
}

// dependencyMember completes after `<input>.` and deeper from what the
// input's own flake.nix defines, when its source is on this disk (see
// analysis/deps): its outputs, their names, the systems of per-system
// outputs; `<input>.inputs.<name>.` goes on into that input's flake. It
// reports false when the flake was not read (absent, not a flake) or
// shows nothing there, so that the lock's and the schema's answers
// apply.
func (c *completer) dependencyMember(input string, rest []string) bool {
	u := c.u
	depPath, out := deps.SplitInputs(input, rest)
	switch {
	case len(out) > 0 && out[0] == "sourceInfo", len(depPath) == 1 && len(out) == 1 && out[0] == "inputs":
		return false // the lock's and the schema's answers
	case len(out) == 1 && out[0] == "inputs":
		for _, name := range c.lockInputsOf(depPath) {
			c.add(Candidate{Label: name, Kind: Module, Detail: "input of " + strings.Join(depPath, "/") + ", from flake.lock"})
		}
		return true
	}
	members, ok := deps.Members(u, depPath, out)
	if !ok || len(members) == 0 {
		// Not read, or computed where the text does not show it.
		return false
	}
	name := strings.Join(depPath, "/")
	perSystem := func(output string) bool {
		o, ok := schema.OutputByName(output)
		return ok && (o.PerSystem || o.Name == "legacyPackages")
	}
	for _, m := range members {
		cand := Candidate{Label: m.Name, Kind: Field}
		where := ""
		if t := m.Target; t.Dep != nil && t.Dep.Unit != nil {
			where = "line " + itoa(lineOf(t.Dep.Unit.Src, t.Entry.Key.Start)+1) + " of " + strings.Join(t.Dep.Path, "/") + "'s flake.nix"
		}
		switch {
		case m.System:
			cand.Kind, cand.Detail = Value, "system"
		case len(out) == 0:
			cand.Detail = "output of " + name
			if t := m.Target; t.Dep != nil && t.Dep.Unit != nil {
				cand.Detail += " (line " + itoa(lineOf(t.Dep.Unit.Src, t.Entry.Key.Start)+1) + " of its flake.nix)"
			}
			if o, ok := schema.OutputByName(m.Name); ok {
				cand.Doc = o.Doc
			}
		case len(m.Target.Path) == 2 && perSystem(m.Target.Path[0]):
			cand.Kind, cand.Detail = Value, "system, "+where
		default:
			cand.Detail = where
		}
		c.add(cand)
	}
	if len(out) == 0 {
		for _, a := range schema.InputValueAttrs {
			detail := "source attribute"
			if !a.Source {
				detail = "flake attribute"
			}
			c.add(Candidate{Label: a.Name, Kind: Field, Detail: detail, Doc: a.Doc, Sort: 2})
		}
	}
	return true
}
