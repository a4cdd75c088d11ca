package navigate

import (
	"github.com/flake-lsp/flake-lsp/analysis/deps"
	"github.com/flake-lsp/flake-lsp/analysis/unit"
)

// dependencyDefinition: an output of an input (`home-manager.nixosModules.
// default`) leads into the input's flake.nix, where its outputs define
// it (through an alias into one of its inputs, that input's), when the
// source is on this disk; an output whose value is a file
// (`./module.nix`, `import ./module.nix`) leads on to that file. An
// input of an input (`home-manager.inputs.<nixpkgs>`) leads to its
// declaration in that input's flake.nix.
func dependencyDefinition(u *unit.Unit, off int) ([]Location, bool) {
	dep, out, _, _, ok := deps.MemberAt(u, off)
	if !ok {
		return nil, false
	}
	if len(out) == 0 {
		// An input of an input: where that input's flake.nix declares it.
		parent := u.Dependency(dep[:len(dep)-1])
		if parent == nil || parent.Unit == nil {
			return nil, false
		}
		if loc, ok := InputDeclaration(parent.Unit, dep[len(dep)-1]); ok {
			return []Location{loc}, true
		}
		return nil, true
	}
	t, found := deps.Find(u, dep, out)
	if !found {
		return nil, t.Dep != nil && t.Dep.Unit != nil
	}
	if file, ok := deps.FileOf(t); ok {
		return []Location{{Path: file, Start: -1, End: -1}}, true
	}
	key := t.Entry.Key
	return []Location{{Path: t.Dep.Unit.Path, Start: key.Start, End: key.End}}, true
}
