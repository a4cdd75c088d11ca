package unit

import (
	"github.com/flake-lsp/flake-lsp/analysis/lockfile"
	"github.com/flake-lsp/flake-lsp/analysis/store"
)

// Sources finds the flakes a flake's locked inputs are (package
// analysis/deps implements it). Unit.Sources is nil when nothing is
// looked up (a file that is not a flake.nix, a flake without a lock, a
// unit built for a test).
type Sources interface {
	// Dependency is the locked input at the input path from this flake
	// (["home-manager"], or ["home-manager", "nixpkgs"] for one of its
	// inputs, follows respected); nil when the lock does not have it.
	Dependency(path []string) *Dependency
}

// Dependency is a locked input and, when its source is on this disk, its
// flake.nix as analysed.
type Dependency struct {
	Path []string       // the input path from the flake being edited
	Node *lockfile.Node // its flake.lock node
	// Source says where its files are (the store path made from the
	// lock's narHash, whether it is present, a `path:` input's
	// directory).
	Source store.Source
	// Dir is the directory of its flake.nix on this disk ("" when the
	// source is absent).
	Dir string
	// Unit is its flake.nix, parsed and analysed with its own flake.lock
	// (nil when absent, not a flake, too large or unreadable: see
	// Problem). It is shared: read it, never change it.
	Unit *Unit
	// Problem says why Unit is nil.
	Problem string
}

// Dependency is s.Sources.Dependency(path), nil without Sources.
func (u *Unit) Dependency(path []string) *Dependency {
	if u == nil || u.Sources == nil || len(path) == 0 {
		return nil
	}
	return u.Sources.Dependency(path)
}
