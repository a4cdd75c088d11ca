// Package hover describes, in Markdown, what is under the cursor: flake
// inputs (the reference in words, what the lock pins and when, what a
// follows resolves to), attributes of the flake schema (top level, input
// attributes, outputs, nixConfig), builtins, and local names with their
// definition.
package hover

import (
	"bytes"
	"fmt"
	"strings"
	"time"

	"github.com/flake-lsp/flake-lsp/analysis/builtins"
	"github.com/flake-lsp/flake-lsp/analysis/flake"
	"github.com/flake-lsp/flake-lsp/analysis/flakeref"
	"github.com/flake-lsp/flake-lsp/analysis/lockfile"
	"github.com/flake-lsp/flake-lsp/analysis/navigate"
	"github.com/flake-lsp/flake-lsp/analysis/schema"
	"github.com/flake-lsp/flake-lsp/analysis/scope"
	"github.com/flake-lsp/flake-lsp/analysis/unit"
	"github.com/flake-lsp/flake-lsp/grammar"
	"github.com/flake-lsp/flake-lsp/syntax"
)

// Result is a hover: Markdown and the range it describes.
type Result struct {
	Markdown   string
	Start, End int
}

// Hover describes what is at off; ok is false when there is nothing to
// say. now dates the lock's "age".
func Hover(u *unit.Unit, off int, now time.Time) (Result, bool) {
	if u.View == nil {
		return Result{}, false
	}
	h := &hoverer{u: u, off: off, now: now}
	return h.run()
}

type hoverer struct {
	u   *unit.Unit
	off int
	now time.Time
}

func (h *hoverer) run() (Result, bool) {
	u := h.u
	if r, ok := h.indexed(); ok {
		return r, true
	}
	p := u.At(h.off)
	if u.IsFlake() {
		if name, ok := navigate.InputAt(u, h.off); ok && !inURL(u, p) {
			start, end := wordSpan(u.Src, h.off)
			return Result{InputMarkdown(u, name, h.now), start, end}, true
		}
		if r, ok := h.flakeString(p); ok {
			return r, true
		}
		if r, ok := h.overrideKey(p); ok {
			return r, true
		}
		if r, ok := h.schemaKey(p); ok {
			return r, true
		}
	}
	if r, ok := h.dependencyMember(); ok {
		return r, true
	}
	if r, ok := h.builtinMember(); ok {
		return r, true
	}
	if u.Scope != nil {
		for _, ref := range u.Scope.RefsAt(h.off) {
			if ref.Implicit {
				continue
			}
			if ref.Binding == nil {
				if ref.With != nil {
					var from []string
					for _, w := range ref.Withs() {
						env := strings.TrimSpace(u.View.Text(w.Env))
						from = append(from, fmt.Sprintf("`with %s;` (line %d)", truncate(env, 40), lineOf(u.Src, u.View.Start(w.Node))+1))
					}
					md := fmt.Sprintf("`%s`: not bound here; it comes from %s", u.Src[ref.Start:ref.End], from[0])
					if len(from) > 1 {
						md = fmt.Sprintf("`%s`: not bound here; it comes from one of %s (the innermost that has it)", u.Src[ref.Start:ref.End], strings.Join(from, ", "))
					}
					return Result{md, ref.Start, ref.End}, true
				}
				return Result{}, false
			}
			return Result{h.binding(ref.Binding), ref.Start, ref.End}, true
		}
	}
	return Result{}, false
}

func inURL(u *unit.Unit, p *unit.Place) bool { return p.String != syntax.NoNode }

func wordSpan(src []byte, off int) (int, int) {
	isWord := func(b byte) bool {
		return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' || b == '_' || b == '-' || b == '\''
	}
	start, end := off, off
	for start > 0 && isWord(src[start-1]) {
		start--
	}
	for end < len(src) && isWord(src[end]) {
		end++
	}
	return start, end
}

func lineOf(src []byte, off int) int { return bytes.Count(src[:off], []byte("\n")) }

func truncate(s string, n int) string {
	if len(s) > n {
		return s[:n] + "…"
	}
	return s
}

// binding describes a name: a builtin's documentation, or a local name's
// kind and the line that defines it.
func (h *hoverer) binding(b *scope.Binding) string {
	if b.Kind == scope.KindBuiltin && b.Builtin != nil {
		return BuiltinMarkdown(b.Builtin)
	}
	src := h.u.Src
	line := lineOf(src, b.Start)
	text := lineText(src, b.Start)
	md := fmt.Sprintf("**%s** `%s`, line %d\n\n```nix\n%s\n```", b.Kind, b.Name, line+1, text)
	if b.Kind == scope.KindParam {
		if fn := h.u.SystemHelper(b.Def); fn != "" && unit.PassesSystem(fn) {
			md += fmt.Sprintf("\n\n`%s` calls this function once per system, with the system (`\"x86_64-linux\"`, ...).", fn)
		} else if fn != "" {
			md += fmt.Sprintf("\n\n`%s` calls this function once per system; what it passes (the system, packages for it ...) is in its definition.", fn)
		}
	}
	if b.Inherited && b.Source != syntax.NoNode {
		md += fmt.Sprintf("\n\nInherited: `%s.%s`.", truncate(strings.TrimSpace(h.u.View.Text(b.Source)), 40), b.Name)
	}
	if u := h.u; u.IsFlake() && b.Kind == scope.KindFormal && u.Flake.Formals[b.Name] == b.Node {
		if u.Flake.Inputs[b.Name] != nil {
			md += "\n\n" + InputMarkdown(u, b.Name, h.now)
		}
	}
	return md
}

func lineText(src []byte, off int) string {
	start := bytes.LastIndexByte(src[:off], '\n') + 1
	end := bytes.IndexByte(src[off:], '\n')
	if end < 0 {
		end = len(src) - off
	}
	return strings.TrimSpace(string(src[start : off+end]))
}

// BuiltinMarkdown documents a builtin.
func BuiltinMarkdown(b *builtins.Builtin) string {
	var sb strings.Builder
	fmt.Fprintf(&sb, "```nix\n%s\n```\n\n%s", b.Signature(), b.Doc)
	if b.Global == b.Name {
		sb.WriteString("\n\nAlso available without `builtins.`.")
	}
	if b.Since != "" {
		fmt.Fprintf(&sb, "\n\nSince Nix %s.", b.Since)
	}
	if b.Requires != "" {
		fmt.Fprintf(&sb, "\n\nRequires `%s`.", b.Requires)
	}
	return sb.String()
}

// builtinMember: `builtins.x` with the cursor on x.
func (h *hoverer) builtinMember() (Result, bool) {
	v := h.u.View
	n := v.At(h.off)
	if n == syntax.NoNode || !v.Is(n, grammar.KindAttribute) {
		return Result{}, false
	}
	ap := v.Parent(n)
	sel := v.Parent(ap)
	if sel == syntax.NoNode || !v.Is(sel, grammar.KindSelect) {
		return Result{}, false
	}
	e := v.Child(sel, grammar.FieldExpression)
	if v.Text(e) != "builtins" || v.FirstChild(ap) != n {
		return Result{}, false
	}
	if h.u.Scope != nil {
		if b := h.u.Scope.DefinitionAt(v.Start(e)); b != nil && b.Kind != scope.KindBuiltin {
			return Result{}, false
		}
	}
	b := builtins.Lookup(v.Text(n))
	if b == nil {
		return Result{}, false
	}
	return Result{BuiltinMarkdown(b), v.Start(n), v.End(n)}, true
}

// schemaKey documents attribute names the flake schema knows.
func (h *hoverer) schemaKey(p *unit.Place) (Result, bool) {
	u := h.u
	if !p.InKey || len(p.Frames) == 0 || p.KeyIndex >= len(p.Frames[0].Path) {
		return Result{}, false
	}
	seg := p.Frames[0].Path[p.KeyIndex]
	names, root, ok := u.KeyPath(p)
	if !ok {
		return Result{}, false
	}
	doc := ""
	if root == u.TopSet() {
		switch {
		case len(names) == 1:
			for _, t := range topLevelDocs {
				if t[0] == names[0] {
					doc = fmt.Sprintf("**%s**\n\n%s", t[0], t[1])
				}
			}
		case names[0] == "inputs" && (len(names) == 3 || len(names) == 5 && names[2] == "inputs"):
			if a, ok := schema.InputAttrByName(names[len(names)-1]); ok {
				doc = fmt.Sprintf("**input attribute `%s`** (%s)\n\n%s", a.Name, a.Value, a.Doc)
				if a.Types != nil {
					doc += "\n\nFor inputs of type " + strings.Join(a.Types, ", ") + "."
				}
			}
		case names[0] == "nixConfig" && len(names) == 2:
			if s, ok := schema.SettingByName(names[1]); ok {
				doc = fmt.Sprintf("**nixConfig `%s`** (%s)\n\n%s", names[1], s.TypeName(), s.Doc)
				if s.Name != names[1] {
					doc += fmt.Sprintf("\n\nThe `extra-` form adds to `%s` instead of replacing it.", s.Name)
				}
				doc += "\n\n" + s.TrustNote()
			} else {
				doc = fmt.Sprintf("**nixConfig `%s`**\n\nNot a setting flake-lsp knows; Nix warns about unknown settings when it applies them.", names[1])
			}
		}
	} else if op, ok := u.OutputsAt(p); ok && len(op.Path) > 0 {
		out := op.Path
		o, known := schema.OutputByName(out[0])
		switch {
		case op.PartsModule:
			for _, po := range schema.PartsOptions {
				if len(out) == 1 && po.Name == out[0] {
					doc = fmt.Sprintf("**`%s`**\n\n%s", po.Name, po.Doc)
				}
			}
		case !known:
		case len(out) == 1:
			doc = OutputMarkdown(o)
		case len(out) == 2 && o.PerSystem && out[1] != unit.SystemSlot:
			doc = fmt.Sprintf("**system `%s`** of `%s`: `%s.%s` is what Nix uses on %s.", out[1], o.Name, o.Name, out[1], out[1])
		case len(out) == 2 && o.Named && !o.PerSystem && out[1] == "default",
			len(out) == 3 && o.Named && o.PerSystem && out[2] == "default":
			doc = fmt.Sprintf("**`default`** of `%s`\n\n%s", o.Name, defaultDoc(o.Name))
		}
	}
	if doc == "" {
		return Result{}, false
	}
	start, end := seg.Start, seg.End
	return Result{doc, start, end}, true
}

// defaultDoc says what the default entry of an output is for.
func defaultDoc(output string) string {
	cmd := map[string]string{"packages": "nix build", "devShells": "nix develop", "apps": "nix run", "templates": "nix flake init",
		"bundlers": "nix bundle", "checks": "nix flake check", "formatter": "nix fmt"}[output]
	if cmd != "" {
		return fmt.Sprintf("The entry `%s` uses when no name is given (`%s .` means `%s .#default`).", cmd, cmd, cmd)
	}
	return fmt.Sprintf("By convention, the `%s` entry other flakes use when they do not pick one by name.", output)
}

var topLevelDocs = [][2]string{
	{"description", "A one-line description of the flake, shown by `nix flake metadata` and `nix flake show`. Must be a string literal."},
	{"inputs", "The flake's dependencies. Nix reads them without evaluating: each must be written literally."},
	{"outputs", "A function from the inputs (and `self`) to the outputs: packages, dev shells, NixOS configurations..."},
	{"nixConfig", "nix.conf settings used with this flake; most need `accept-flake-config` or a confirmation."},
}

// OutputMarkdown documents a flake output.
func OutputMarkdown(o schema.Output) string {
	var sb strings.Builder
	fmt.Fprintf(&sb, "**output `%s`**", o.Name)
	switch {
	case o.PerSystem && o.Named:
		fmt.Fprintf(&sb, " — `%s.<system>.<name>`", o.Name)
	case o.PerSystem:
		fmt.Fprintf(&sb, " — `%s.<system>`", o.Name)
	case o.Named:
		fmt.Fprintf(&sb, " — `%s.<name>`", o.Name)
	}
	if o.Deprecated == "" || !strings.HasPrefix(o.Doc, "Deprecated") {
		sb.WriteString("\n\n" + o.Doc)
	}
	if o.Deprecated != "" {
		fmt.Fprintf(&sb, "\n\nDeprecated: use `%s`.", o.Deprecated)
	}
	if o.Community {
		sb.WriteString("\n\nA community convention: Nix does not check it")
		if o.Since != "" {
			fmt.Fprintf(&sb, " (and warns about it as unknown before Nix %s)", o.Since)
		}
		sb.WriteString(".")
	}
	return sb.String()
}

// flakeString describes the url string of an input (or a follows).
func (h *hoverer) flakeString(p *unit.Place) (Result, bool) {
	u := h.u
	if p.String == syntax.NoNode {
		return Result{}, false
	}
	names, root, ok := u.ValuePath(p)
	if !ok || root != u.TopSet() || len(names) < 3 || names[0] != "inputs" {
		return Result{}, false
	}
	start, end := u.View.Start(p.String), u.View.End(p.String)
	switch names[len(names)-1] {
	case "url":
		if len(names) == 3 {
			return Result{InputMarkdown(u, names[1], h.now), start, end}, true
		}
		s, _ := unit.StringValue(u.View, p.String)
		ref, _ := flakeref.Parse(s, true)
		md := "**" + DescribeRef(ref) + "**"
		if dep, ok := unit.DepPath(names[:len(names)-1]); ok {
			md = fmt.Sprintf("**input `%s` of `%s`** — %s", dep[len(dep)-1], strings.Join(dep[:len(dep)-1], "/"), DescribeRef(ref))
			md += h.lockedDep(dep)
		}
		return Result{md, start, end}, true
	case "follows":
		s, _ := unit.StringValue(u.View, p.String)
		md := fmt.Sprintf("**follows `%s`**", s)
		if s == "" {
			md += "\n\nThe input is left out."
		} else if lf := u.Lock; lf != nil {
			if n, err := lf.Resolve(strings.Split(s, "/")); err == nil && n != nil {
				md += fmt.Sprintf("\n\nResolves to flake.lock node `%s`: %s", n.Key, lockedWords(n, h.now))
			}
		}
		return Result{md, start, end}, true
	}
	return Result{}, false
}

// lockedDep says what the lock has for an input path.
func (h *hoverer) lockedDep(dep []string) string {
	lf := h.u.Lock
	if lf == nil {
		return ""
	}
	n, err := lf.Resolve(dep)
	if err != nil || n == nil {
		return "\n\nNot in flake.lock: `nix flake lock` updates it."
	}
	return fmt.Sprintf("\n\nLocked (flake.lock node `%s`): %s", n.Key, lockedWords(n, h.now))
}

// overrideKey describes the name of a dependency's input in an override
// (`inputs.a.inputs.<b>.follows = ...`): what this flake makes of it and
// what the lock has.
func (h *hoverer) overrideKey(p *unit.Place) (Result, bool) {
	u := h.u
	if !p.InKey || p.KeyGap || len(p.Frames) == 0 || p.KeyIndex >= len(p.Frames[0].Path) {
		return Result{}, false
	}
	names, root, ok := u.KeyPath(p)
	if !ok || root != u.TopSet() {
		return Result{}, false
	}
	dep, ok := unit.DepPath(names)
	if !ok {
		return Result{}, false
	}
	var sb strings.Builder
	fmt.Fprintf(&sb, "**input `%s` of `%s`**", dep[len(dep)-1], strings.Join(dep[:len(dep)-1], "/"))
	in := u.Flake.Inputs[dep[0]]
	for _, name := range dep[1:] {
		if in != nil {
			in = in.Inputs[name]
		}
	}
	switch {
	case in != nil && in.HasFoll && len(in.Follows) == 0:
		sb.WriteString(" — left out (`follows = \"\"`)")
	case in != nil && in.HasFoll:
		fmt.Fprintf(&sb, " — follows `%s`", strings.Join(in.Follows, "/"))
	case in != nil && in.HasRef:
		sb.WriteString(" — overridden: " + DescribeRef(in.Ref))
	}
	sb.WriteString(h.lockedDep(dep))
	seg := p.Frames[0].Path[p.KeyIndex]
	return Result{sb.String(), seg.Start, seg.End}, true
}

// InputMarkdown describes an input: its reference in words, what the
// lock pins, what a follows resolves to.
func InputMarkdown(u *unit.Unit, name string, now time.Time) string {
	in := u.Flake.Inputs[name]
	var sb strings.Builder
	fmt.Fprintf(&sb, "**input `%s`**", name)
	if in == nil {
		if _, ok := u.Flake.Formals[name]; ok {
			fmt.Fprintf(&sb, "\n\nNot declared in `inputs`: Nix looks `%s` up in the flake registry.", name)
			if url, ok := flakeref.Registry[name]; ok {
				fmt.Fprintf(&sb, " The default registry maps it to `%s`.", url)
			}
			if lf := u.Lock; lf != nil {
				if n, err := lf.Resolve([]string{name}); err == nil && n != nil {
					sb.WriteString("\n\nLocked: " + lockedWords(n, now))
				}
			}
			if src := sourceMarkdown(u, name); src != "" {
				sb.WriteString("\n\n" + src)
			}
		}
		return sb.String()
	}
	switch {
	case in.HasRef:
		sb.WriteString(" — " + DescribeRef(in.Ref))
	case in.HasFoll:
		fmt.Fprintf(&sb, " — follows `%s`", strings.Join(in.Follows, "/"))
	case in.Attrs["type"] != "":
		sb.WriteString(" — " + describeAttrs(in))
	}
	if !in.Flake {
		sb.WriteString("\n\nNot a flake (`flake = false`): only its source is used.")
	}
	if lf := u.Lock; lf != nil {
		path := []string{name}
		root := lf.Nodes[lf.Root]
		if n, err := lf.Resolve(path); err == nil && n != nil {
			sb.WriteString("\n\nLocked: " + lockedWords(n, now))
		} else if root != nil && root.Input(name) == nil {
			sb.WriteString("\n\nNot in flake.lock yet: `nix flake lock` adds it.")
		}
	}
	if src := sourceMarkdown(u, name); src != "" {
		sb.WriteString("\n\n" + src)
	}
	if len(in.Inputs) > 0 {
		sb.WriteString("\n\nOverrides:")
		for _, sub := range sortedNames(in.Inputs) {
			o := in.Inputs[sub]
			if o.HasFoll {
				fmt.Fprintf(&sb, "\n- `%s` follows `%s`", sub, strings.Join(o.Follows, "/"))
			} else if o.URL != "" {
				fmt.Fprintf(&sb, "\n- `%s` = `%s`", sub, o.URL)
			}
		}
	}
	return sb.String()
}

func sortedNames(m map[string]*flake.Input) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && out[j] < out[j-1]; j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}

func describeAttrs(in *flake.Input) string {
	a := in.Attrs
	switch a["type"] {
	case "github", "gitlab", "sourcehut":
		return DescribeRef(flakeref.Ref{Type: a["type"], Owner: a["owner"], Repo: a["repo"], Ref: a["ref"], Rev: a["rev"], Host: a["host"], Dir: a["dir"]})
	case "git", "hg", "tarball", "file":
		return DescribeRef(flakeref.Ref{Type: a["type"], URL: a["url"], Ref: a["ref"], Rev: a["rev"], Dir: a["dir"]})
	case "path":
		return DescribeRef(flakeref.Ref{Type: "path", Path: a["path"]})
	case "indirect":
		return DescribeRef(flakeref.Ref{Type: "indirect", ID: a["id"], Ref: a["ref"], Rev: a["rev"]})
	}
	return schema.InputTypes[a["type"]]
}

// DescribeRef says a flake reference in words: "GitHub NixOS/nixpkgs,
// branch nixos-unstable".
func DescribeRef(r flakeref.Ref) string {
	var s string
	switch r.Type {
	case "github", "gitlab", "sourcehut":
		forge := map[string]string{"github": "GitHub", "gitlab": "GitLab", "sourcehut": "sourcehut"}[r.Type]
		s = fmt.Sprintf("%s %s/%s", forge, strings.ReplaceAll(r.Owner, "%2F", "/"), r.Repo)
		if r.Host != "" {
			s += " on " + r.Host
		}
	case "git":
		s = "Git repository " + FullURL(r)
	case "hg":
		s = "Mercurial repository " + FullURL(r)
	case "path":
		s = "directory " + r.Path
	case "tarball":
		s = "archive " + FullURL(r)
	case "file":
		s = "file " + FullURL(r)
	case "indirect":
		s = "registry entry " + r.ID
		if url, ok := flakeref.Registry[r.ID]; ok {
			s += " (default registry: " + url + ")"
		}
	default:
		return r.Raw
	}
	if r.Ref != "" {
		s += ", branch or tag " + r.Ref
	}
	if r.Rev != "" {
		s += ", commit " + r.Rev
	}
	if r.Dir != "" {
		s += ", directory " + r.Dir
	}
	return s
}

// FullURL is the location of a git, hg, tarball or file reference with
// its transport: `git+https://host/x` gives `https://host/x`.
func FullURL(r flakeref.Ref) string {
	u := r.URL
	if !strings.HasPrefix(u, "//") {
		return u
	}
	scheme := r.Scheme
	if i := strings.IndexByte(scheme, '+'); i >= 0 {
		scheme = scheme[i+1:]
	}
	if scheme == "" {
		scheme = "https"
	}
	return scheme + ":" + u
}

// LockedWords describes a lock node in Markdown: what it locks, its
// revision, date and age, and narHash.
func LockedWords(n *lockfile.Node, now time.Time) string { return lockedWords(n, now) }

// lockedWords describes a lock node: revision, date and age, narHash.
func lockedWords(n *lockfile.Node, now time.Time) string {
	l := n.Locked
	if l == nil {
		return "the root"
	}
	var parts []string
	get := func(k string) string {
		if v := l.Get(k); v != nil {
			if v.Raw != "" {
				return v.Raw
			}
			return v.Str
		}
		return ""
	}
	if t := get("type"); t != "" {
		switch t {
		case "github", "gitlab", "sourcehut":
			parts = append(parts, fmt.Sprintf("%s/%s", get("owner"), get("repo")))
		case "path":
			parts = append(parts, get("path"))
		default:
			if u := get("url"); u != "" {
				parts = append(parts, u)
			}
		}
	}
	if rev := get("rev"); rev != "" {
		parts = append(parts, "commit `"+rev[:min(12, len(rev))]+"`")
	}
	if lm := l.Get("lastModified"); lm != nil && lm.Num > 0 {
		t := time.Unix(int64(lm.Num), 0).UTC()
		parts = append(parts, fmt.Sprintf("from %s (%s)", t.Format("2006-01-02"), age(now.Sub(t))))
	}
	s := strings.Join(parts, ", ")
	if nh := get("narHash"); nh != "" {
		s += "\n\nnarHash `" + nh + "`"
	}
	return s
}

func age(d time.Duration) string {
	switch a := ShortAge(d); a {
	case "today":
		return a
	case "future":
		return "in the future"
	default:
		return a + " ago"
	}
}

// ShortAge is a duration as a short age: `today`, `3 days`, `21 months`,
// `4 years` (`future` for a negative one).
func ShortAge(d time.Duration) string {
	days := int(d.Hours() / 24)
	switch {
	case d < 0:
		return "future"
	case days == 0:
		return "today"
	case days == 1:
		return "1 day"
	case days < 60:
		return fmt.Sprintf("%d days", days)
	case days < 730:
		return fmt.Sprintf("%d months", days/30)
	}
	return fmt.Sprintf("%d years", days/365)
}

// LockHover describes the name at off in a flake.lock (u) with the
// flake.nix beside it (flakeUnit, may be nil): an input of the root as
// flake.nix declares it, any other node by the input path that reaches
// it, what it locks and what it was locked from.
func LockHover(u, flakeUnit *unit.Unit, off int, now time.Time) (Result, bool) {
	it, ok := navigate.LockItemAt(u, off)
	if !ok {
		return Result{}, false
	}
	lf := u.Lock
	root := lf.Nodes[lf.Root]
	if flakeUnit != nil && flakeUnit.IsFlake() && len(it.Path) == 1 && root != nil && root.Input(it.Path[0]) != nil &&
		(it.Edge == nil || it.OnEdgeKey && it.Owner == root) {
		name := it.Path[0]
		if _, formal := flakeUnit.Flake.Formals[name]; flakeUnit.Flake.Inputs[name] != nil || formal {
			return Result{InputMarkdown(flakeUnit, name, now), it.Start, it.End}, true
		}
	}
	var sb strings.Builder
	switch {
	case it.Edge != nil && it.OnEdgeKey:
		fmt.Fprintf(&sb, "**input `%s` of flake.lock node `%s`**", it.Edge.Name, it.Owner.Key)
		if it.Edge.IsFollows {
			fmt.Fprintf(&sb, " — follows `%s`", strings.Join(it.Edge.Follows, "/"))
		}
	case it.Node != nil:
		fmt.Fprintf(&sb, "**flake.lock node `%s`**", it.Node.Key)
	default:
		fmt.Fprintf(&sb, "**`%s`**: not a node of this lock", u.Src[it.Start:it.End])
		return Result{sb.String(), it.Start, it.End}, true
	}
	n := it.Node
	if n == nil {
		sb.WriteString("\n\nThe path does not resolve in this lock.")
		return Result{sb.String(), it.Start, it.End}, true
	}
	if n.Key == lf.Root {
		sb.WriteString("\n\nThe root: the flake itself.")
		return Result{sb.String(), it.Start, it.End}, true
	}
	if p, ok := lf.Paths()[n.Key]; ok && len(p) > 0 {
		fmt.Fprintf(&sb, "\n\nInput `%s`", strings.Join(p, "/"))
		if len(p) > 1 {
			fmt.Fprintf(&sb, " (an input of `%s`)", strings.Join(p[:len(p)-1], "/"))
		}
		sb.WriteString(".")
	}
	if ref, ok := originalRef(n.Original); ok {
		sb.WriteString("\n\nFrom " + DescribeRef(ref) + ".")
	}
	sb.WriteString("\n\nLocked: " + lockedWords(n, now))
	if !n.Flake {
		sb.WriteString("\n\nNot a flake (`flake = false`).")
	}
	return Result{sb.String(), it.Start, it.End}, true
}

// originalRef reads a lock node's "original" (the reference as written).
func originalRef(v *lockfile.Value) (flakeref.Ref, bool) {
	if v == nil {
		return flakeref.Ref{}, false
	}
	get := func(k string) string {
		if x := v.Get(k); x != nil {
			if x.Raw != "" {
				return x.Raw
			}
			return x.Str
		}
		return ""
	}
	r := flakeref.Ref{Type: get("type"), Owner: get("owner"), Repo: get("repo"), Ref: get("ref"), Rev: get("rev"),
		Host: get("host"), URL: get("url"), Path: get("path"), ID: get("id"), Dir: get("dir")}
	if r.Type == "" {
		return r, false
	}
	return r, true
}
