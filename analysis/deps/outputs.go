package deps

import (
	"path/filepath"
	"strings"

	"github.com/flake-lsp/flake-lsp/analysis/scope"
	"github.com/flake-lsp/flake-lsp/analysis/unit"
	"github.com/flake-lsp/flake-lsp/grammar"
	"github.com/flake-lsp/flake-lsp/syntax"
)

// maxHops bounds how many aliases (`lib = nixpkgs.lib;`) are followed
// from one dependency into its inputs.
const maxHops = 4

// Target is where a dependency's outputs define an attribute path.
type Target struct {
	// Dep is the dependency whose flake.nix defines it (the one asked
	// about, or an input of it an alias leads to).
	Dep *unit.Dependency
	// Path is the attribute path in Dep's outputs.
	Path []string
	// Entry is the definition (Entry.Key in Dep.Unit's flake.nix).
	Entry unit.OutputEntry
}

// SplitInputs reads a member chain after an input into the input path
// and the output path: ["inputs", "nixpkgs", "lib"] after home-manager
// is input path [home-manager, nixpkgs] and output path [lib].
func SplitInputs(input string, rest []string) (dep, out []string) {
	dep = []string{input}
	for len(rest) >= 2 && rest[0] == "inputs" {
		dep = append(dep, rest[1])
		rest = rest[2:]
	}
	return dep, rest
}

// Find is where the outputs of the input at dep (an input path of u's
// flake) define the attribute path out, following an output that is an
// input's attribute (`lib = nixpkgs.lib;`, `lib = inputs.nixpkgs.lib;`)
// into that input. The Target's Dep is set whenever the first dependency
// is known, ok only when the definition was found.
func Find(u *unit.Unit, dep, out []string) (Target, bool) {
	d := u.Dependency(dep)
	if d == nil {
		return Target{}, false
	}
	return find(u, d, out, 0)
}

func find(u *unit.Unit, d *unit.Dependency, out []string, hops int) (Target, bool) {
	t := Target{Dep: d, Path: out}
	if d.Unit == nil || len(out) == 0 {
		return t, false
	}
	entries := allEntries(d.Unit, len(out))
	for _, e := range entries {
		if len(e.Path) == len(out) && matches(d.Unit, e.Path, out) {
			t.Entry = e
			return t, true
		}
	}
	// A shorter path may be an alias of an input's attribute.
	if hops >= maxHops {
		return t, false
	}
	for k := len(out) - 1; k >= 1; k-- {
		for _, e := range entries {
			if len(e.Path) != k || !matches(d.Unit, e.Path, out[:k]) {
				continue
			}
			if next, at, ok := alias(u, d, e); ok {
				return find(u, next, append(at, out[k:]...), hops+1)
			}
		}
	}
	return t, false
}

// Next is where the value of a found definition that is an input's
// attribute (`lib = nixpkgs.lib;`, `inherit (nixpkgs.lib) genAttrs;`)
// is defined in that input; ok is false for any other value, or when
// that input's flake does not show it.
func Next(u *unit.Unit, t Target) (Target, bool) {
	if t.Dep == nil || t.Dep.Unit == nil {
		return Target{}, false
	}
	next, at, ok := alias(u, t.Dep, t.Entry)
	if !ok {
		return Target{}, false
	}
	return find(u, next, at, 1)
}

// matches compares an entry's path with a wanted one; a SystemSlot in the
// entry matches the systems the flake's text lists (any name when it
// lists none), and a wanted SystemSlot any name.
func matches(du *unit.Unit, entry, want []string) bool {
	if len(entry) != len(want) {
		return false
	}
	for i := range entry {
		switch {
		case entry[i] == want[i] || want[i] == unit.SystemSlot:
		case entry[i] == unit.SystemSlot:
			if systems, listed := systemsOf(du); listed && !contains(systems, want[i]) {
				return false
			}
		default:
			return false
		}
	}
	return true
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// alias reads the value of an output entry that is an attribute of one
// of the dependency's inputs (`nixpkgs.lib`, `inputs.nixpkgs.lib`), and
// returns that input and the path in it.
func alias(u *unit.Unit, d *unit.Dependency, e unit.OutputEntry) (*unit.Dependency, []string, bool) {
	du := d.Unit
	v := du.View
	val := valueOf(du, e)
	inherit := e.Binding != syntax.NoNode && v.Is(e.Binding, grammar.KindInherit)
	if inherit {
		// `inherit (src) name;` is `name = src.name;`.
		val = unparen(v, v.Child(e.Binding, grammar.FieldSource))
	}
	if val == syntax.NoNode {
		return nil, nil, false
	}
	var head syntax.NodeID
	var names []string
	switch {
	case v.Is(val, grammar.KindSelect):
		head = v.Child(val, grammar.FieldExpression)
		ap := v.Child(val, grammar.FieldAttrpath)
		for c := v.FirstChild(ap); c != syntax.NoNode; c = v.Next(c) {
			if !v.IsNamed(c) || v.IsExtra(c) {
				continue
			}
			name, ok := unit.StaticName(v, c)
			if !ok {
				return nil, nil, false
			}
			names = append(names, name)
		}
		if v.Child(val, grammar.FieldDefault) != syntax.NoNode {
			return nil, nil, false // `a.b or c`
		}
	case v.Is(val, grammar.KindIdentifier):
		head = val
	default:
		return nil, nil, false
	}
	if inherit {
		names = append(names, e.Key.Name)
	}
	if head == syntax.NoNode || !v.Is(head, grammar.KindIdentifier) || du.Scope == nil || du.Flake.Outputs == syntax.NoNode {
		return nil, nil, false
	}
	b := du.Scope.DefinitionAt(v.Start(head))
	if b == nil {
		return nil, nil, false
	}
	input := ""
	switch {
	case b.Kind == scope.KindFormal && du.Flake.Formals[b.Name] == b.Node && b.Name != "self":
		input = b.Name
	case (b.Kind == scope.KindAt || b.Kind == scope.KindParam) && b.Def == du.Flake.Outputs && len(names) > 0 && names[0] != "self":
		input, names = names[0], names[1:]
	default:
		return nil, nil, false
	}
	next := u.Dependency(append(append([]string{}, d.Path...), input))
	if next == nil {
		return nil, nil, false
	}
	return next, names, true
}

// valueOf is the expression an output entry's binding gives its key
// (NoNode when the key is not the last of the binding's path: the value
// is then deeper). For `inherit (src) name;` it is a select made of src
// and name, which alias reads from the inherit itself.
func valueOf(du *unit.Unit, e unit.OutputEntry) syntax.NodeID {
	v := du.View
	b := e.Binding
	if b == syntax.NoNode || !v.Is(b, grammar.KindBinding) {
		return syntax.NoNode
	}
	ap := v.Child(b, grammar.FieldAttrpath)
	last := syntax.NoNode
	for c := v.FirstChild(ap); c != syntax.NoNode; c = v.Next(c) {
		if v.IsNamed(c) && !v.IsExtra(c) {
			last = c
		}
	}
	if last != e.Key.Node {
		return syntax.NoNode
	}
	return unparen(v, v.Child(b, grammar.FieldValue))
}

// Member is a name a dependency's outputs define at some path.
type Member struct {
	Name string
	// Target is its definition; Target.Entry.Binding is NoNode for a
	// system offered where a helper supplies the system.
	Target Target
	// System: a system name at a per-system level.
	System bool
}

// Members lists the names the outputs of the input at dep define at
// the output path out (the dependency's output names for an empty out),
// following aliases into its inputs. ok is false when the dependency's
// flake was not read.
func Members(u *unit.Unit, dep, out []string) ([]Member, bool) {
	d := u.Dependency(dep)
	if d == nil || d.Unit == nil {
		return nil, false
	}
	return members(u, d, out, 0), true
}

func members(u *unit.Unit, d *unit.Dependency, out []string, hops int) []Member {
	if len(out) > 0 {
		// Without an entry of its own, the path may still have names
		// below it (`packages.aarch64-darwin` made by genAttrs).
		if t, ok := find(u, d, out, 0); ok {
			d, out = t.Dep, t.Path
			// The entry itself may be an alias: its members are the input's.
			if hops < maxHops {
				if next, at, ok := alias(u, d, t.Entry); ok && next.Unit != nil {
					return members(u, next, at, hops+1)
				}
			}
		}
	}
	var list []Member
	seen := map[string]bool{}
	slot := false
	// One level deeper than the names: a system level a helper supplies
	// shows only in the paths below it.
	for _, e := range allEntries(d.Unit, len(out)+2) {
		if len(e.Path) <= len(out) || !matches(d.Unit, e.Path[:len(out)], out) {
			continue
		}
		if len(e.Path) == len(out)+1 {
			name := e.Path[len(out)]
			if !seen[name] && e.Key.Static {
				seen[name] = true
				list = append(list, Member{Name: name, Target: Target{Dep: d, Path: e.Path, Entry: e}})
			}
			continue
		}
		if e.Path[len(out)] == unit.SystemSlot {
			slot = true
		}
	}
	if slot {
		for _, s := range Systems(d.Unit) {
			if !seen[s] {
				seen[s] = true
				list = append(list, Member{Name: s, System: true, Target: Target{Dep: d, Path: append(append([]string{}, out...), s)}})
			}
		}
	}
	return list
}

// defaultSystems are flake-utils' default systems (eachDefaultSystem),
// offered when a flake's own list of systems cannot be read.
var defaultSystems = []string{"x86_64-linux", "aarch64-linux", "x86_64-darwin", "aarch64-darwin"}

// Systems are the systems a flake's per-system outputs are made for, as
// far as its text shows them: the string literals of its lists whose
// elements are all system names (`genAttrs [ "x86_64-linux" ... ]`,
// `systems = [ ... ];`), in order; flake-utils' default systems when it
// has none.
func Systems(du *unit.Unit) []string {
	systems, _ := systemsOf(du)
	return systems
}

type systemsKey struct{}

type systemsList struct {
	names  []string
	listed bool
}

// systemsOf is Systems and whether the list was read from the text.
func systemsOf(du *unit.Unit) ([]string, bool) {
	l := du.Memo(systemsKey{}, func() any {
		names := systemsInText(du)
		return systemsList{names, len(names) > 0}
	}).(systemsList)
	if !l.listed {
		return defaultSystems, false
	}
	return l.names, true
}

// systemsInText lists the systems of the flake's lists of systems.
func systemsInText(du *unit.Unit) []string {
	v := du.View
	var out []string
	seen := map[string]bool{}
	for i := range v.Nodes {
		n := syntax.NodeID(i)
		if !v.Is(n, grammar.KindList) {
			continue
		}
		var names []string
		all := true
		for _, c := range v.NamedChildren(n, nil) {
			if v.IsExtra(c) {
				continue
			}
			s, ok := "", v.Is(c, grammar.KindString)
			if ok {
				s, ok = unit.StringValue(v, c)
			}
			if !ok || !isSystem(s) {
				all = false
				break
			}
			names = append(names, s)
		}
		if !all {
			continue
		}
		for _, s := range names {
			if !seen[s] {
				seen[s] = true
				out = append(out, s)
			}
		}
	}
	return out
}

// isSystem: "<cpu>-<kernel>" as Nix writes systems.
func isSystem(s string) bool {
	cpu, kernel, ok := strings.Cut(s, "-")
	if !ok || cpu == "" {
		return false
	}
	switch kernel {
	case "linux", "darwin", "freebsd", "netbsd", "openbsd", "windows", "cygwin", "none", "wasi", "redox", "genode":
		return true
	}
	return false
}

// FileOf is the file an output's value names, when it is a relative
// path literal (`./modules/hm.nix`) or its import (`import ./x.nix`,
// `import ./x.nix { ... }`): the file in the dependency's source
// (default.nix for a directory).
func FileOf(t Target) (string, bool) {
	if t.Dep == nil || t.Dep.Unit == nil {
		return "", false
	}
	du := t.Dep.Unit
	v := du.View
	val := valueOf(du, t.Entry)
	if val == syntax.NoNode {
		return "", false
	}
	if v.Is(val, grammar.KindApply) {
		// import ./x.nix [args...]: the innermost application's argument.
		fn := val
		for v.Is(fn, grammar.KindApply) {
			inner := v.Child(fn, grammar.FieldFunction)
			if !v.Is(inner, grammar.KindApply) {
				break
			}
			fn = inner
		}
		if v.Text(v.Child(fn, grammar.FieldFunction)) != "import" {
			return "", false
		}
		val = unparen(v, v.Child(fn, grammar.FieldArgument))
	}
	if val == syntax.NoNode || !v.Is(val, grammar.KindPath) || len(v.NamedChildren(val, nil)) > 0 {
		return "", false
	}
	text := v.Text(val)
	if !strings.HasPrefix(text, "./") && !strings.HasPrefix(text, "../") {
		return "", false
	}
	p := filepath.Join(filepath.Dir(du.Path), text)
	if isDir(p) {
		p = filepath.Join(p, "default.nix")
	}
	return p, true
}

func unparen(v *syntax.View, n syntax.NodeID) syntax.NodeID {
	for n != syntax.NoNode && v.Is(n, grammar.KindParenthesized) {
		n = v.Child(n, grammar.FieldExpression)
	}
	return n
}

// MemberAt reads, in flake.nix, an attribute selected from an input
// (`home-manager.nixosModules.default`, `inputs.x.packages.<system>`,
// `inherit (home-manager.lib) hm;`) with the offset on one of the names
// after the input: the input path
// (["home-manager"], or longer through `.inputs.<name>`), the output path
// up to the name under the offset, and that name's range. The output
// path is empty when the name is an input of the input
// (`home-manager.inputs.<nixpkgs>`).
func MemberAt(u *unit.Unit, off int) (dep, out []string, start, end int, ok bool) {
	if !u.IsFlake() || u.Scope == nil || u.Flake.Outputs == syntax.NoNode {
		return nil, nil, 0, 0, false
	}
	v := u.View
	n := v.At(off)
	if n == syntax.NoNode || !(v.Is(n, grammar.KindAttribute) || v.Is(n, grammar.KindString) || v.Is(n, grammar.KindStringFragment)) {
		return nil, nil, 0, 0, false
	}
	if v.Is(n, grammar.KindStringFragment) {
		n = v.Parent(n)
	}
	// selected reads the names of a select's attribute path, up to the
	// name `upTo` (all without it).
	selected := func(ap, upTo syntax.NodeID) []string {
		var names []string
		for c := v.FirstChild(ap); c != syntax.NoNode; c = v.Next(c) {
			if !v.IsNamed(c) || v.IsExtra(c) {
				continue
			}
			name, static := unit.StaticName(v, c)
			if !static {
				name = unit.SystemSlot // ${system}
			}
			names = append(names, name)
			if c == upTo {
				break
			}
		}
		return names
	}
	var base syntax.NodeID
	var names []string
	ap := v.Parent(n)
	switch up := v.Parent(ap); {
	case ap != syntax.NoNode && v.Is(ap, grammar.KindAttrpath) && up != syntax.NoNode && v.Is(up, grammar.KindSelect) && v.Child(up, grammar.FieldAttrpath) == ap:
		base, names = v.Child(up, grammar.FieldExpression), selected(ap, n)
	case ap != syntax.NoNode && v.Is(ap, grammar.KindInherit) && v.FieldName(n) == grammar.FieldAttribute:
		// inherit (home-manager.lib) <name>;
		src := unparen(v, v.Child(ap, grammar.FieldSource))
		if src != syntax.NoNode && v.Is(src, grammar.KindSelect) {
			if v.Child(src, grammar.FieldDefault) != syntax.NoNode {
				return nil, nil, 0, 0, false
			}
			base, names = v.Child(src, grammar.FieldExpression), selected(v.Child(src, grammar.FieldAttrpath), syntax.NoNode)
		} else {
			base = src
		}
		name, static := unit.StaticName(v, n)
		if !static {
			return nil, nil, 0, 0, false
		}
		names = append(names, name)
	default:
		return nil, nil, 0, 0, false
	}
	start, end = v.Start(n), v.End(n)
	if base == syntax.NoNode || !v.Is(base, grammar.KindIdentifier) {
		return nil, nil, 0, 0, false
	}
	b := u.Scope.DefinitionAt(v.Start(base))
	if b == nil {
		return nil, nil, 0, 0, false
	}
	fn := u.Flake.Outputs
	input := ""
	switch {
	case b.Kind == scope.KindFormal && u.Flake.Formals[b.Name] == b.Node && b.Name != "self":
		input = b.Name
	case (b.Kind == scope.KindAt || b.Kind == scope.KindParam) && b.Def == fn && len(names) > 1 && names[0] != "self":
		input, names = names[0], names[1:]
	default:
		return nil, nil, 0, 0, false
	}
	dep, out = SplitInputs(input, names)
	switch {
	case len(out) == 0 && len(dep) == 1, len(out) > 0 && out[0] == "inputs":
		// The input itself (its uses are the input's), or `inputs`.
		return nil, nil, 0, 0, false
	}
	return dep, out, start, end, true
}

// allEntries is OutputEntries with the names `inherit` defines in the
// sets the entries show (`lib = { inherit (nixpkgs.lib) genAttrs; };`):
// those have the inherit as their Binding.
func allEntries(du *unit.Unit, maxDepth int) []unit.OutputEntry {
	entries := du.OutputEntries(maxDepth)
	v := du.View
	type holder struct {
		set  syntax.NodeID
		path []string
	}
	var holders []holder
	seen := map[syntax.NodeID]bool{}
	add := func(set syntax.NodeID, path []string) {
		if set == syntax.NoNode || seen[set] || !(v.Is(set, grammar.KindAttrset) || v.Is(set, grammar.KindRecAttrset)) || len(path) >= maxDepth {
			return
		}
		seen[set] = true
		holders = append(holders, holder{set, path})
	}
	for _, e := range entries {
		if e.Binding == syntax.NoNode || !v.Is(e.Binding, grammar.KindBinding) {
			continue
		}
		// The set holding the binding, when the key is the binding's
		// first name; the set the key's value is.
		ap := v.Child(e.Binding, grammar.FieldAttrpath)
		for c := v.FirstChild(ap); c != syntax.NoNode; c = v.Next(c) {
			if v.IsNamed(c) && !v.IsExtra(c) {
				if c == e.Key.Node {
					add(v.Parent(e.Binding), e.Path[:len(e.Path)-1])
				}
				break
			}
		}
		add(valueOf(du, e), e.Path)
	}
	out := entries
	for _, h := range holders {
		for c := v.FirstChild(h.set); c != syntax.NoNode; c = v.Next(c) {
			if !v.Is(c, grammar.KindInherit) {
				continue
			}
			for a := v.FirstChild(c); a != syntax.NoNode; a = v.Next(a) {
				if v.FieldName(a) != grammar.FieldAttribute {
					continue
				}
				if name, ok := unit.StaticName(v, a); ok {
					path := append(append([]string{}, h.path...), name)
					out = append(out, unit.OutputEntry{Path: path, Key: unit.Segment{Name: name, Start: v.Start(a), End: v.End(a), Node: a, Static: true}, Binding: c})
				}
			}
		}
	}
	return out
}
