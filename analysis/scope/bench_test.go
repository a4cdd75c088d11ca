package scope

import (
	"bytes"
	"fmt"
	"testing"

	"github.com/flake-lsp/flake-lsp/syntax"
)

// packageSet writes a nixpkgs-style package set of at least size bytes:
// a function of the usual arguments returning one large attribute set of
// callPackage calls, overrides with local lets, inherits from pkgs, a with
// and a rec set here and there; the shape of all-packages.nix.
func packageSet(size int) []byte {
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

func TestPackageSetIsClean(t *testing.T) {
	src := packageSet(20_000)
	tree := syntax.Parse(src)
	defer tree.Close()
	if errs := tree.Errors(src); len(errs) > 0 {
		t.Fatalf("syntax error: %s", errs[0].Message)
	}
	res := Analyze(syntax.NewView(tree, src), Options{})
	for _, d := range res.Diagnostics {
		t.Errorf("%d: %s [%s]", d.Start, d.Message, d.Code)
	}
}

var benchSizes = []struct {
	name string
	size int
}{{"20KB", 20_000}, {"160KB", 160_000}, {"650KB", 650_000}}

// BenchmarkAnalyze is scope analysis alone, on a View made beforehand.
func BenchmarkAnalyze(b *testing.B) {
	for _, s := range benchSizes {
		b.Run(s.name, func(b *testing.B) {
			src := packageSet(s.size)
			tree := syntax.Parse(src)
			v := syntax.NewView(tree, src)
			tree.Close()
			b.SetBytes(int64(len(src)))
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				Analyze(v, Options{})
			}
		})
	}
}

// BenchmarkView is the View construction (one cgo call) that Analyze
// needs, for the same inputs.
func BenchmarkView(b *testing.B) {
	for _, s := range benchSizes {
		b.Run(s.name, func(b *testing.B) {
			src := packageSet(s.size)
			tree := syntax.Parse(src)
			defer tree.Close()
			b.SetBytes(int64(len(src)))
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				syntax.NewView(tree, src)
			}
		})
	}
}
