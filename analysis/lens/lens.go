// Package lens lists the commands a flake's entries are used with, for
// code lenses: above each output the command that builds, runs or
// deploys it, above each input the command that updates it. The server
// never runs them; an editor runs one in a terminal when the user clicks.
package lens

import (
	"strings"

	"github.com/flake-lsp/flake-lsp/analysis/unit"
	"github.com/flake-lsp/flake-lsp/grammar"
	"github.com/flake-lsp/flake-lsp/syntax"
)

// Lens is one command above a place in flake.nix.
type Lens struct {
	Start, End int    // the name it stands above
	Title      string // what the editor shows
	Command    string // the shell command line
}

// Options say how commands name the flake.
type Options struct {
	// Ref is the flake as the terminal sees it: "." for the flake in the
	// terminal's directory, "./sub" for a sub-flake.
	Ref string
	// LegacyUpdate: the user's Nix is older than 2.19, whose `nix flake
	// update` takes no input names (`nix flake lock --update-input`).
	LegacyUpdate bool
}

// commands says, per output, which commands use an entry of it: verbs
// get `<ref>#<name>`; Depth is the level of the entry under the output
// (2 for per-system outputs, 1 for the others).
var commands = map[string]struct {
	Depth int
	Verbs []string // "nix build" → `nix build .#name`
	Flag  bool     // `<verb> --flake .#name` (nixos-rebuild and the like)
}{
	"packages":             {2, []string{"nix build"}, false},
	"apps":                 {2, []string{"nix run"}, false},
	"devShells":            {2, []string{"nix develop"}, false},
	"checks":               {2, []string{"nix build"}, false},
	"nixosConfigurations":  {1, []string{"nixos-rebuild build"}, true},
	"homeConfigurations":   {1, []string{"home-manager build"}, true},
	"darwinConfigurations": {1, []string{"darwin-rebuild build"}, true},
	"templates":            {1, []string{"nix flake init -t"}, false},
}

// currentSystem is the shell's way to name the system Nix runs on, for
// paths that need it (`checks.<system>.x`) where a helper supplies it.
const currentSystem = "$(nix eval --impure --raw --expr builtins.currentSystem)"

// Lenses lists the lenses of a flake.nix unit, in text order.
func Lenses(u *unit.Unit, opt Options) []Lens {
	if !u.IsFlake() {
		return nil
	}
	if opt.Ref == "" {
		opt.Ref = "."
	}
	var out []Lens
	v := u.View
	add := func(start, end int, cmd string) {
		for _, l := range out {
			if l.Start == start && l.Command == cmd {
				return
			}
		}
		out = append(out, Lens{Start: start, End: end, Title: cmd, Command: cmd})
	}

	// Inputs: the `inputs` key updates them all, each input's key itself.
	if len(u.Flake.Inputs) > 0 {
		if k, ok := inputsKey(u); ok {
			update := "nix flake update"
			if !opt.LegacyUpdate && opt.Ref != "." {
				update = "nix flake update --flake " + opt.Ref
			} else {
				update = withRef(update, opt.Ref)
			}
			add(k.Start, k.End, update)
		}
		for _, name := range u.Flake.InputOrder {
			in := u.Flake.Inputs[name]
			if in == nil || in.Key == syntax.NoNode {
				continue
			}
			cmd := "nix flake update " + name
			if opt.LegacyUpdate {
				cmd = "nix flake lock --update-input " + name
			}
			add(v.Start(in.Key), v.End(in.Key), withRef(cmd, opt.Ref))
		}
	}

	// Outputs.
	for _, e := range u.OutputEntries(3) {
		top := e.Path[0]
		if top == "checks" && len(e.Path) == 1 {
			add(e.Key.Start, e.Key.End, withRef("nix flake check", opt.Ref))
			continue
		}
		if top == "formatter" && len(e.Path) == 2 {
			add(e.Key.Start, e.Key.End, withRef("nix fmt", opt.Ref))
			continue
		}
		c, ok := commands[top]
		if !ok || len(e.Path) != c.Depth+1 || !e.Key.Static {
			continue
		}
		target := installable(e.Path, opt.Ref)
		for _, verb := range c.Verbs {
			if c.Flag {
				// nixos-rebuild, home-manager and darwin-rebuild put the
				// name in quotes themselves (nixosConfigurations."name").
				add(e.Key.Start, e.Key.End, verb+" --flake "+quoteRef(opt.Ref, e.Path[len(e.Path)-1]))
			} else {
				add(e.Key.Start, e.Key.End, verb+" "+target)
			}
		}
		if top == "packages" && hasMainProgram(u, e.Binding) {
			add(e.Key.Start, e.Key.End, "nix run "+target)
		}
	}
	return out
}

// installable names an output entry for the command line: `.#name` where
// Nix finds it by name for the current system (packages, apps, devShells
// and the per-flake outputs), the whole path where the system is spelled
// out or Nix does not look (checks).
func installable(path []string, ref string) string {
	top, name := path[0], path[len(path)-1]
	if len(path) == 2 {
		return quoteRef(ref, attrName(name))
	}
	sys := path[1]
	if strings.Contains(sys, "${") || strings.Contains(sys, "$") {
		// `packages.${system}.x`: the system is computed; Nix picks it.
		sys = unit.SystemSlot
	}
	switch {
	case top == "checks" && sys == unit.SystemSlot:
		return `"` + ref + "#checks." + currentSystem + "." + attrName(name) + `"`
	case sys == unit.SystemSlot:
		return quoteRef(ref, attrName(name))
	}
	return quoteRef(ref, top+"."+attrName(sys)+"."+attrName(name))
}

// quoteRef writes ref#attr, quoted for the shell when it needs to be.
func quoteRef(ref, attr string) string {
	s := ref + "#" + attr
	if strings.ContainsAny(s, " \"'$`\\!*?[]{}()<>|&;~") {
		return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
	}
	return s
}

// attrName quotes an attribute name that is not a plain identifier, as
// Nix's installable syntax wants it.
func attrName(s string) string {
	plain := s != ""
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-' || c == '\'') {
			plain = false
		}
	}
	if plain {
		return s
	}
	return `"` + s + `"`
}

// withRef adds the flake reference to a command about the whole flake,
// unless it is the flake in the terminal's directory. Since Nix 2.19
// `nix flake update` takes input names and `--flake`; before, it took
// the flake, and `nix flake lock --update-input` one input.
func withRef(cmd, ref string) string {
	if ref == "." {
		return cmd
	}
	switch {
	case strings.HasPrefix(cmd, "nix flake lock "):
		return "nix flake lock " + ref + strings.TrimPrefix(cmd, "nix flake lock")
	case strings.HasPrefix(cmd, "nix flake update ") && !strings.HasPrefix(cmd, "nix flake update --"):
		return cmd + " --flake " + ref
	}
	return cmd + " " + ref
}

// hasMainProgram: the package is something `nix run` can start, as far
// as the text shows: it sets meta.mainProgram, or is made by a builder of
// executables.
func hasMainProgram(u *unit.Unit, b syntax.NodeID) bool {
	v := u.View
	val := v.Child(b, grammar.FieldValue)
	if val == syntax.NoNode {
		return false
	}
	text := v.Text(val)
	for _, marker := range []string{"mainProgram", "writeShellScriptBin", "writeShellApplication", "writeScriptBin", "writers.writeBashBin", "writers.writePython3Bin", "buildGoModule", "rustPlatform.buildRustPackage", "buildRustPackage", "buildGoApplication"} {
		if strings.Contains(text, marker) {
			return true
		}
	}
	return false
}

// inputsKey finds the `inputs` name of the top-level set.
func inputsKey(u *unit.Unit) (unit.Segment, bool) {
	v := u.View
	top := v.Child(v.Root(), grammar.FieldExpression)
	for top != syntax.NoNode && v.Is(top, grammar.KindParenthesized) {
		top = firstNamed(v, top)
	}
	if top == syntax.NoNode || !(v.Is(top, grammar.KindAttrset) || v.Is(top, grammar.KindRecAttrset)) {
		return unit.Segment{}, false
	}
	for b := v.FirstChild(top); b != syntax.NoNode; b = v.Next(b) {
		if !v.Is(b, grammar.KindBinding) {
			continue
		}
		ap := v.Child(b, grammar.FieldAttrpath)
		first := firstNamed(v, ap)
		if first != syntax.NoNode && v.Text(first) == "inputs" {
			return unit.Segment{Name: "inputs", Start: v.Start(first), End: v.End(first), Node: first, Static: true}, true
		}
	}
	return unit.Segment{}, false
}

func firstNamed(v *syntax.View, n syntax.NodeID) syntax.NodeID {
	if n == syntax.NoNode {
		return n
	}
	if kids := v.NamedChildren(n, nil); len(kids) > 0 {
		return kids[0]
	}
	return syntax.NoNode
}
