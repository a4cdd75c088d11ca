package flake

import (
	"testing"

	"github.com/flake-lsp/flake-lsp/syntax"
)

// Comments are named nodes in the tree; the analysis must read through
// them wherever it walks children (lists, attribute paths, sets).
func TestCommentsAreIgnored(t *testing.T) {
	src := []byte(`{
  description = /* why */ "with comments";
  inputs./* the main one */nixpkgs.url = "github:NixOS/nixpkgs/nixos-unstable";
  inputs = { # more
    utils.url = "github:numtide/flake-utils"; # trailing
  };
  nixConfig = {
    extra-substituters = [
      # the project's cache
      "https://example.cachix.org"
    ];
  };
  outputs = { self, nixpkgs, utils /* last */ }: {
    packages.x86_64-linux = { # per system
      default = nixpkgs.legacyPackages.x86_64-linux.hello;
    };
    lib.x = utils;
  };
}
`)
	tree := syntax.Parse(src)
	defer tree.Close()
	if errs := tree.Errors(src); len(errs) > 0 {
		t.Fatal(errs[0].Message)
	}
	res := Analyze(syntax.NewView(tree, src), Options{File: "flake.nix"})
	for _, d := range res.Diagnostics {
		switch d.Code {
		case "nixconfig-substituters", "nixconfig-needs-accept":
		default:
			t.Errorf("%s at %d: %s", d.Code, d.Start, d.Message)
		}
	}
	if len(res.Flake.Inputs) != 2 {
		t.Errorf("inputs %v", res.Flake.InputOrder)
	}
}
