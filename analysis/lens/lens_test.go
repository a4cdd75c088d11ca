package lens_test

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/flake-lsp/flake-lsp/analysis/lens"
	"github.com/flake-lsp/flake-lsp/analysis/unit"
	"github.com/flake-lsp/flake-lsp/check"
	"github.com/flake-lsp/flake-lsp/internal/golden"
)

var update = flag.Bool("update", false, "rewrite the golden file")

// analyse makes the unit of a flake.nix as the server does.
func analyse(t testing.TB, path string) *unit.Unit {
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	in := check.Input{Path: path, Src: src, Flake: true}
	lockPath := filepath.Join(filepath.Dir(path), "flake.lock")
	if lockSrc, err := os.ReadFile(lockPath); err == nil {
		in.LockPath, in.LockSrc = lockPath, lockSrc
	}
	return check.Analyze(in).Unit(in)
}

// TestRealisticFlakes: the lenses of every realistic flake, as a golden
// file (`go test ./analysis/lens -update` rewrites it; review the diff).
func TestRealisticFlakes(t *testing.T) {
	files, _ := filepath.Glob("../../testdata/flakes/*/flake.nix")
	sort.Strings(files)
	if len(files) < 50 {
		t.Fatalf("only %d flakes", len(files))
	}
	var b strings.Builder
	for _, f := range files {
		u := analyse(t, f)
		rel, _ := filepath.Rel("../../testdata", f)
		fmt.Fprintf(&b, "== %s\n", rel)
		for _, l := range lens.Lenses(u, lens.Options{Ref: "."}) {
			line := strings.Count(string(u.Src[:l.Start]), "\n") + 1
			fmt.Fprintf(&b, "%d %s: %s\n", line, u.Src[l.Start:l.End], l.Command)
		}
	}
	goldenPath := "../../testdata/golden/lens.txt"
	golden.Check(t, goldenPath, b.String(), *update)
}

func TestCommands(t *testing.T) {
	src := `{
  inputs.nixpkgs.url = "github:NixOS/nixpkgs";
  inputs.flake-utils.url = "github:numtide/flake-utils";
  outputs = { self, nixpkgs, flake-utils }:
    flake-utils.lib.eachDefaultSystem (system: {
      packages.hello = nixpkgs.legacyPackages.${system}.writeShellScriptBin "hello" "echo hi";
      devShells.default = nixpkgs.legacyPackages.${system}.mkShell { };
      checks.fmt = self.packages.${system}.hello;
    }) // {
      nixosConfigurations."my host" = nixpkgs.lib.nixosSystem { modules = [ ]; };
      packages.aarch64-linux.tool = nixpkgs.legacyPackages.aarch64-linux.hello;
      templates.default = { path = ./t; description = "t"; };
    };
}
`
	dir := t.TempDir()
	path := filepath.Join(dir, "flake.nix")
	if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	u := analyse(t, path)
	got := map[string]bool{}
	for _, l := range lens.Lenses(u, lens.Options{Ref: "./sub", LegacyUpdate: true}) {
		got[string(u.Src[l.Start:l.End])+": "+l.Command] = true
	}
	for _, l := range lens.Lenses(u, lens.Options{Ref: "./sub"}) {
		got["new "+string(u.Src[l.Start:l.End])+": "+l.Command] = true
	}
	for _, want := range []string{
		"inputs: nix flake update ./sub",
		"nixpkgs: nix flake lock ./sub --update-input nixpkgs",
		"hello: nix build ./sub#hello",
		"hello: nix run ./sub#hello",
		"default: nix develop ./sub#default",
		"checks: nix flake check ./sub",
		`fmt: nix build "./sub#checks.$(nix eval --impure --raw --expr builtins.currentSystem).fmt"`,
		`"my host": nixos-rebuild build --flake './sub#my host'`,
		"tool: nix build ./sub#packages.aarch64-linux.tool",
		"default: nix flake init -t ./sub#default",
		"new inputs: nix flake update --flake ./sub",
		"new nixpkgs: nix flake update nixpkgs --flake ./sub",
	} {
		if !got[want] {
			t.Errorf("missing lens %q; have %v", want, got)
		}
	}
}
