package unit

import (
	"github.com/flake-lsp/flake-lsp/analysis/nixpkgs"
	"github.com/flake-lsp/flake-lsp/analysis/options"
)

// Env is what the sources of the flake's locked inputs tell about the
// code of this file (package analysis/env builds it): nixpkgs' lib and
// package set, and the option indexes of the module systems the flake
// uses (merged with the options the flake's own modules declare). A nil
// field is not known: no such input, its source is not on this disk, or
// its index is still being built (Pending says which).
type Env struct {
	Lib         *nixpkgs.Lib
	Packages    *nixpkgs.Packages
	PackageRoot string // the nixpkgs tree Packages is of
	// Options by module system ("nixos", "home-manager", "nix-darwin").
	Options map[string]*options.Index
	// System is the module system the flake's modules put this file in
	// ("" when none does); Certain is false for a guess from its shape.
	System string
	// Pending names the indexes being built; Absent says why nixpkgs
	// is not known ("" when it is, or when no input is nixpkgs).
	Pending []string
	Absent  string
}

// OptionsFor is the option index of a module system, nil if unknown.
func (e *Env) OptionsFor(system string) *options.Index {
	if e == nil {
		return nil
	}
	return e.Options[system]
}
