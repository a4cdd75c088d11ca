package check

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/flake-lsp/flake-lsp/analysis"
	"github.com/flake-lsp/flake-lsp/analysis/scope"
)

// Outputs behind flake-utils, flake-parts and forAllSystems helpers are
// analysed; flake-parts module options are not mistaken for outputs.
func TestOutputHelpers(t *testing.T) {
	cases := []struct {
		name, nix string
		codes     []string
	}{
		{"flake-utils", `{
  inputs.flake-utils.url = "github:numtide/flake-utils";
  outputs = { self, flake-utils }:
    flake-utils.lib.eachDefaultSystem (system: let x = 1; in {
      packages.default = "not a derivation";
      overlays.default = final: prev: { };
      devShell = self;
    }) // { overlay = self: super: { }; };
}`, []string{"outputs-deprecated", "outputs-deprecated", "outputs-not-derivation", "outputs-not-per-system", "outputs-overlay"}},
		{"flake-parts", `{
  inputs.flake-parts.url = "github:hercules-ci/flake-parts";
  outputs = inputs@{ flake-parts, ... }:
    flake-parts.lib.mkFlake { inherit inputs; } {
      systems = [ "x86_64-linux" "darwin" ];
      perSystem = { pkgs, ... }: {
        packages.default = pkgs.hello;
        treefmt.programs.nixfmt.enable = true;
      };
      flake.templates.default = { path = ./t; };
    };
}`, []string{"outputs-bad-system", "outputs-template"}},
		{"forAllSystems", `{
  inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-unstable";
  outputs = { self, nixpkgs }:
    let forAllSystems = nixpkgs.lib.genAttrs [ "x86_64-linux" ];
    in {
      packages = forAllSystems (system: { default = 42; });
      devShells = forAllSystems (system: { default = nixpkgs.legacyPackages.${system}.mkShell { }; });
    };
}`, []string{"outputs-not-derivation"}},
	}
	for _, c := range cases {
		dir := t.TempDir()
		if err := os.WriteFile(filepath.Join(dir, "flake.nix"), []byte(c.nix), 0o644); err != nil {
			t.Fatal(err)
		}
		diags, err := File(filepath.Join(dir, "flake.nix"), map[string][]byte{})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, d := range diags {
			if scopeWarning(d) {
				continue // unused names of the examples are not what this tests
			}
			got = append(got, d.Code)
		}
		sort.Strings(got)
		if strings.Join(got, " ") != strings.Join(c.codes, " ") {
			t.Errorf("%s: got %v, want %v", c.name, got, c.codes)
		}
	}
}

// scopeWarning reports a warning or hint of the scope analysis, which
// also runs on flake.nix.
func scopeWarning(d analysis.Diagnostic) bool {
	if d.Severity == analysis.Error {
		return false
	}
	for _, c := range scope.Codes {
		if d.Code == c {
			return true
		}
	}
	return false
}
