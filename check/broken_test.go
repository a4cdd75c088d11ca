package check

import (
	"strings"
	"testing"

	"github.com/flake-lsp/flake-lsp/analysis"
)

// A flake with one syntax error keeps its other findings: the analyses
// read the text with the error repaired in place, and only findings next
// to the error are withheld.
func TestBrokenFlakeKeepsItsFindings(t *testing.T) {
	src := `{
  inputs = {
    nixpkgs.url = "github:NixOS/nixpkgs/nixos-unstable";
    home-manager = {
      url = "github:nix-community/home-manager";
      inputs.nixpkgs.follows = "nixpkgs"
    };
    stylix.urll = "github:danth/stylix";
  };
  outputs = { self, nixpkgs, ... }@inputs: {
    packages.x86_64-linux.default = let unused = 1; in nixpkgs.legacyPackages.x86_64-linux.hello;
  };
}
`
	out := Analyze(Input{Path: "flake.nix", Src: []byte(src), Flake: true})
	lineOf := func(d analysis.Diagnostic) int { return strings.Count(src[:d.Start], "\n") + 1 }
	got := map[string]int{}
	for _, d := range out.Diagnostics {
		got[d.Code] = lineOf(d)
	}
	if line, ok := got["syntax-error"]; !ok || line != 6 {
		t.Errorf("syntax error at line %d, want 6 (after \"nixpkgs\"): %v", line, out.Diagnostics)
	}
	// The misspelt input attribute two lines below the error, and the
	// unused let binding further down, are still reported.
	var flakeCode, scopeCode string
	for code, line := range got {
		if line == 8 && code != "syntax-error" {
			flakeCode = code
		}
		if line == 11 && strings.Contains(code, "unused") {
			scopeCode = code
		}
	}
	if flakeCode == "" || scopeCode == "" {
		t.Errorf("findings away from the error are missing (flake %q, scope %q): %v", flakeCode, scopeCode, out.Diagnostics)
	}
	// The View the analyses read is the repaired text, with the same length.
	if len(out.View.Src) != len(src) || string(out.View.Src) == src {
		t.Errorf("the analysed View is not the repaired text")
	}

	// A mistake that cannot be repaired in place withholds the flake
	// findings, as before: `"` swallows the rest of the file.
	broken := strings.Replace(src, `url = "github:nix-community/home-manager";`, `url = "github:nix-community/home-manager;`, 1)
	out = Analyze(Input{Path: "flake.nix", Src: []byte(broken), Flake: true})
	for _, d := range out.Diagnostics {
		if strings.HasPrefix(d.Code, "input-") || strings.HasPrefix(d.Code, "flake-") {
			t.Errorf("flake finding on an unrepaired file: %v", d)
		}
	}
}

// A misspelt scheme is said once, by the URL's own error: the lock,
// made for the right scheme, is not called stale for it.
func TestSchemeTypoIsSaidOnce(t *testing.T) {
	src := "{\n  inputs.nixpkgs.url = \"githib:NixOS/nixpkgs/nixos-25.05\";\n  outputs = { self, nixpkgs }: { };\n}\n"
	lock := `{"nodes": {"nixpkgs": {"locked": {"lastModified": 1, "narHash": "sha256-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=", "owner": "NixOS", "repo": "nixpkgs", "rev": "0000000000000000000000000000000000000000", "type": "github"}, "original": {"owner": "NixOS", "ref": "nixos-25.05", "repo": "nixpkgs", "type": "github"}}, "root": {"inputs": {"nixpkgs": "nixpkgs"}}}, "root": "root", "version": 7}`
	out := Analyze(Input{Path: "flake.nix", Src: []byte(src), Flake: true, LockPath: "flake.lock", LockSrc: []byte(lock)})
	var codes []string
	for _, d := range out.Diagnostics {
		codes = append(codes, d.Code+": "+d.Message)
		if d.Code == "lock-stale-input" {
			t.Errorf("stale-lock noise beside the scheme error: %s", d.Message)
		}
	}
	if !strings.Contains(strings.Join(codes, "\n"), "url-scheme-typo") {
		t.Errorf("no scheme error: %v", codes)
	}
}
