package hover

import (
	"fmt"
	"strings"

	"github.com/flake-lsp/flake-lsp/analysis/deps"
	"github.com/flake-lsp/flake-lsp/analysis/schema"
	"github.com/flake-lsp/flake-lsp/analysis/unit"
)

// dependencyMember describes an output of an input, from the input's own
// flake.nix when its source is on this disk: the input's description,
// what the output is, where it is defined.
func (h *hoverer) dependencyMember() (Result, bool) {
	u := h.u
	dep, out, start, end, ok := deps.MemberAt(u, h.off)
	if !ok {
		return Result{}, false
	}
	d := u.Dependency(dep)
	if len(out) == 0 {
		return h.dependencyInput(dep, d, start, end)
	}
	if d == nil || d.Unit == nil && d.Problem != "absent" {
		return Result{}, false
	}
	name := strings.Join(dep, "/")
	var sb strings.Builder
	fmt.Fprintf(&sb, "**`%s.%s`** — ", strings.Join(dep, ".inputs."), strings.Join(out, "."))
	if len(out) == 1 {
		fmt.Fprintf(&sb, "output of input `%s`", name)
	} else {
		fmt.Fprintf(&sb, "in output `%s` of input `%s`", out[0], name)
	}
	if d.Unit == nil {
		// The source is not here: what the schema says, and how to get it.
		if o, ok := schema.OutputByName(out[0]); ok {
			sb.WriteString("\n\n" + OutputMarkdown(o))
		}
		fmt.Fprintf(&sb, "\n\nWhat `%s` defines is not known here: its source is not on this disk (looked for `%s`); `nix flake archive` fetches it.", name, d.Source.OnDisk)
		return Result{sb.String(), start, end}, true
	}
	if desc := d.Unit.Flake.Description; desc != "" {
		fmt.Fprintf(&sb, "\n\n`%s`: %s", name, desc)
	}
	if o, ok := schema.OutputByName(out[0]); ok {
		if len(out) == 1 {
			sb.WriteString("\n\n" + OutputMarkdown(o))
		} else if len(out) == 2 && (o.PerSystem || o.Name == "legacyPackages") {
			fmt.Fprintf(&sb, "\n\nSystem `%s` of `%s`.", out[1], o.Name)
		} else {
			fmt.Fprintf(&sb, "\n\nAn entry of `%s`: %s", o.Name, firstSentence(o.Doc))
		}
	}
	t, found := deps.Find(u, dep, out)
	if !found {
		fmt.Fprintf(&sb, "\n\nNot defined in `%s` as far as its text shows (it may be computed).", d.Unit.Path)
		return Result{sb.String(), start, end}, true
	}
	du := t.Dep.Unit
	if t.Dep != d {
		fmt.Fprintf(&sb, "\n\nFrom input `%s`", strings.Join(t.Dep.Path, "/"))
		if desc := du.Flake.Description; desc != "" {
			fmt.Fprintf(&sb, " (%s)", desc)
		}
		sb.WriteString(", which `" + name + "` passes on.")
	}
	keyStart := t.Entry.Key.Start
	fmt.Fprintf(&sb, "\n\nDefined in `%s`, line %d:\n\n```nix\n%s\n```", du.Path, lineOf(du.Src, keyStart)+1, truncate(lineText(du.Src, keyStart), 120))
	if next, ok := deps.Next(u, t); ok && next.Dep.Unit != nil {
		fmt.Fprintf(&sb, "\n\nThat is `%s` of input `%s`, defined in `%s`, line %d.", strings.Join(next.Path, "."), strings.Join(next.Dep.Path, "/"),
			next.Dep.Unit.Path, lineOf(next.Dep.Unit.Src, next.Entry.Key.Start)+1)
	}
	if file, ok := deps.FileOf(t); ok {
		fmt.Fprintf(&sb, "\n\nIts value is the file `%s`.", file)
	}
	return Result{sb.String(), start, end}, true
}

// firstSentence is the text up to its first ". ".
func firstSentence(s string) string {
	if i := strings.Index(s, ". "); i >= 0 {
		return s[:i+1]
	}
	return s
}

// dependencyInput describes an input of an input
// (`home-manager.inputs.<nixpkgs>`): what it follows or is locked to,
// and where its source is.
func (h *hoverer) dependencyInput(dep []string, d *unit.Dependency, start, end int) (Result, bool) {
	u := h.u
	var sb strings.Builder
	fmt.Fprintf(&sb, "**input `%s` of `%s`**", dep[len(dep)-1], strings.Join(dep[:len(dep)-1], "/"))
	in := u.Flake.Inputs[dep[0]]
	for _, name := range dep[1:] {
		if in != nil {
			in = in.Inputs[name]
		}
	}
	if in != nil && in.HasFoll {
		fmt.Fprintf(&sb, " — follows `%s` here", strings.Join(in.Follows, "/"))
	}
	if d == nil {
		sb.WriteString("\n\nNot in flake.lock (as far as flake-lsp follows it: four inputs deep).")
		return Result{sb.String(), start, end}, true
	}
	if d.Node != nil {
		fmt.Fprintf(&sb, "\n\nLocked (flake.lock node `%s`): %s", d.Node.Key, lockedWords(d.Node, h.now))
	}
	if src := dependencySource(d); src != "" {
		sb.WriteString("\n\n" + src)
	}
	return Result{sb.String(), start, end}, true
}

// sourceMarkdown says where a top-level input's source is on this disk,
// or how to get it.
func sourceMarkdown(u *unit.Unit, name string) string {
	return dependencySource(u.Dependency([]string{name}))
}

// dependencySource says where a dependency's source is on this disk, or
// how to get it.
func dependencySource(d *unit.Dependency) string {
	if d == nil {
		return ""
	}
	src := d.Source
	switch {
	case d.Dir != "" && src.LocalDir != "" && strings.HasPrefix(d.Dir, src.LocalDir):
		s := fmt.Sprintf("Source: the directory `%s`, read as it is now.", d.Dir)
		return s + dependencyNote(d)
	case d.Dir != "":
		s := fmt.Sprintf("Source: `%s`, in the Nix store.", d.Dir)
		return s + dependencyNote(d)
	case src.StorePath != "" && src.OnDisk == "":
		return fmt.Sprintf("Source: `%s`, in a store that is not on this disk.", src.StorePath)
	case src.StorePath != "":
		where := src.OnDisk
		return fmt.Sprintf("Source: not on this disk (looked for `%s`). `nix flake archive` in this flake's directory fetches the sources of all its inputs; so does any build or `nix flake metadata` that uses this one.", where)
	case d.Problem != "" && d.Problem != "absent":
		return "Source: " + d.Problem + "."
	}
	return ""
}

// dependencyNote adds what reading the input's flake found.
func dependencyNote(d *unit.Dependency) string {
	switch {
	case d.Unit != nil && d.Unit.Flake.Description != "":
		return "\n\n" + d.Unit.Flake.Description
	case d.Unit == nil && d.Problem != "" && d.Node != nil && d.Node.Flake:
		return " Its flake.nix was not read: " + d.Problem + "."
	}
	return ""
}
