// Package benchdata generates the inputs the benchmarks share: a
// realistic 300-line flake with its lock, and nixpkgs-style package sets of
// any size.
package benchdata

import (
	"bytes"
	"fmt"
	"strings"
)

// Flake300 is a 300-line flake with 12 inputs, nested follows, outputs
// for four systems and a matching version 7 lock.
func Flake300() (nix, lock []byte) {
	var b strings.Builder
	b.WriteString("{\n  description = \"A flake of realistic size for benchmarks\";\n\n  inputs = {\n")
	var nodes, root []string
	for i := 0; i < 12; i++ {
		fmt.Fprintf(&b, "    dep%d.url = \"github:example/dep%d/release-24.%02d\";\n", i, i, i)
		if i > 0 {
			fmt.Fprintf(&b, "    dep%d.inputs.dep0.follows = \"dep0\";\n", i)
		}
		inputs := ""
		if i > 0 {
			inputs = `"inputs": {"dep0": ["dep0"]}, `
		}
		nodes = append(nodes, fmt.Sprintf(`"dep%d": {%s"locked": {"lastModified": 1700000000, "narHash": "sha256-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=", "owner": "example", "repo": "dep%d", "rev": "%040d", "type": "github"}, "original": {"owner": "example", "ref": "release-24.%02d", "repo": "dep%d", "type": "github"}}`, i, inputs, i, i, i, i))
		root = append(root, fmt.Sprintf(`"dep%d": "dep%d"`, i, i))
	}
	b.WriteString("  };\n\n  nixConfig = {\n    extra-substituters = [ \"https://example.cachix.org\" ];\n    extra-trusted-public-keys = [ \"example.cachix.org-1:AAAA=\" ];\n  };\n\n")
	b.WriteString("  outputs = { self, dep0, ... }@inputs:\n    let\n      pkgsFor = system: dep0.legacyPackages.${system};\n    in\n    {\n")
	for _, sys := range []string{"x86_64-linux", "aarch64-linux", "x86_64-darwin", "aarch64-darwin"} {
		fmt.Fprintf(&b, "      packages.%s =\n        let callPackage = (pkgsFor \"%s\").callPackage; in\n        {\n", sys, sys)
		for p := 0; p < 60; p++ {
			fmt.Fprintf(&b, "        tool%d = callPackage ./pkgs/tool%d { };\n", p, p)
		}
		b.WriteString("      };\n")
	}
	b.WriteString("      overlays.default = _final: prev: { tools = self.packages.${prev.system}; };\n      nixosModules.default = import ./module.nix;\n    };\n}\n")
	lockJSON := "{\n  \"nodes\": {\n    " + strings.Join(nodes, ",\n    ") + ",\n    \"root\": {\"inputs\": {" + strings.Join(root, ", ") + "}}\n  },\n  \"root\": \"root\",\n  \"version\": 7\n}\n"
	return []byte(b.String()), []byte(lockJSON)
}

// PackageSet builds a nixpkgs-style package set of at least size bytes: one
// flat attribute set of callPackage calls, overrides and inherits, the
// shape of the largest Nix files people edit.
func PackageSet(size int) []byte {
	var out bytes.Buffer
	out.WriteString("{ lib, callPackage, stdenv, pkgs }:\n\n{\n")
	for i := 0; out.Len() < size; i++ {
		switch i % 5 {
		case 0, 1, 2:
			fmt.Fprintf(&out, "  package_%d = callPackage ../development/libraries/package-%d { };\n", i, i)
		case 3:
			fmt.Fprintf(&out, "  package_%d = callPackage ../tools/misc/package-%d {\n    inherit (pkgs) openssl zlib;\n    stdenv = if stdenv.isDarwin then pkgs.clangStdenv else stdenv;\n  };\n", i, i)
		default:
			fmt.Fprintf(&out, "  package_%d_full = pkgs.package_%d.override { withFeature = true; version = \"1.%d.0\"; };\n", i, i-1, i)
		}
	}
	out.WriteString("}\n")
	return out.Bytes()
}

// ScopedPackageSet writes a nixpkgs-style package set of at least size bytes:
// a function of the usual arguments returning one large attribute set of
// callPackage calls, overrides with local lets, inherits from pkgs, a with
// and a rec set here and there; the shape of all-packages.nix.
func ScopedPackageSet(size int) []byte {
	var b bytes.Buffer
	b.WriteString("{ lib, config, stdenv, callPackage, fetchurl, pkgs, overrides ? { } }:\n\nlet\n")
	b.WriteString("  inherit (lib) optional optionals recurseIntoAttrs;\n  isDarwin = stdenv.hostPlatform.isDarwin;\nin\n{\n")
	for i := 0; b.Len() < size; i++ {
		switch i % 8 {
		case 0, 1, 2:
			fmt.Fprintf(&b, "  pkg%d = callPackage ../development/libraries/pkg%d { };\n", i, i)
		case 3:
			fmt.Fprintf(&b, "  pkg%d = callPackage ../tools/pkg%d {\n    inherit (pkgs) openssl zlib;\n    stdenv = if isDarwin then pkgs.clangStdenv else stdenv;\n  };\n", i, i)
		case 4:
			fmt.Fprintf(&b, "  pkg%d_full = pkgs.pkg%d.override { withFeature = true; version = \"1.%d.0\"; };\n", i, i-1, i)
		case 5:
			fmt.Fprintf(&b, "  pkg%d = let\n      version = \"2.%d\";\n      src = fetchurl { url = \"https://example.org/pkg-${version}.tar.gz\"; hash = lib.fakeHash; };\n    in callPackage ../servers/pkg%d { inherit version src; };\n", i, i, i)
		case 6:
			fmt.Fprintf(&b, "  pkg%dPackages = recurseIntoAttrs (with pkgs; {\n    a = callPackage ../a%d { inherit zlib; };\n    b = optional config.allowUnfree unfreeThing;\n  });\n", i, i)
		default:
			fmt.Fprintf(&b, "  pkg%dSet = rec {\n    base = callPackage ../base%d { };\n    extended = base.overrideAttrs (old: { patches = (old.patches or [ ]) ++ optionals isDarwin [ ./darwin.patch ]; });\n  };\n", i, i)
		}
	}
	b.WriteString("} // overrides\n")
	return b.Bytes()
}
