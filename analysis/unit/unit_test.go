package unit

import (
	"strings"
	"testing"

	"github.com/flake-lsp/flake-lsp/analysis/flake"
	"github.com/flake-lsp/flake-lsp/syntax"
)

// load parses a flake.nix whose cursor is marked with `|`.
func load(t *testing.T, text string) (*Unit, int) {
	t.Helper()
	off := strings.Index(text, "|")
	if off < 0 {
		t.Fatal("no cursor")
	}
	src := []byte(text[:off] + text[off+1:])
	tree := syntax.Parse(src)
	v := syntax.NewView(tree, src)
	tree.Close()
	res := flake.Analyze(v, flake.Options{File: "flake.nix"})
	return &Unit{Path: "flake.nix", Src: src, View: v, Flake: res.Flake}, off
}

func TestPlaces(t *testing.T) {
	cases := []struct {
		text    string
		key     string // KeyPath when InKey
		value   string // ValuePath when in a value
		set     string // SetPath when in a set body
		outputs string // OutputsPath, "-" when not in the outputs
		str     bool
	}{
		{text: "{ desc|ription = \"x\"; outputs = _: { }; }", key: "description", outputs: "-"},
		{text: "{ description = \"x|\"; outputs = _: { }; }", value: "description", outputs: "-", str: true},
		{text: "{ inputs.nixpkgs.url = \"github:|\"; outputs = _: { }; }", value: "inputs.nixpkgs.url", outputs: "-", str: true},
		{text: "{ inputs = { nixpkgs = { u|rl = \"x\"; }; }; outputs = _: { }; }", key: "inputs.nixpkgs.url", outputs: "-"},
		{text: "{ inputs = { nixpkgs = { | }; }; outputs = _: { }; }", set: "inputs.nixpkgs", outputs: "-"},
		{text: "{ | outputs = _: { }; }", set: "", outputs: "-"},
		{text: "{ outputs = { self }: { packages.x86_64-linux.de|fault = 1; }; }", key: "packages.x86_64-linux.default", outputs: "packages.x86_64-linux.default"},
		{text: "{ outputs = { self }: let x = 1; in { | }; }", set: "", outputs: ""},
		{text: "{ outputs = { self }: { packages = { | }; } // { }; }", set: "packages", outputs: "packages"},
		{text: "{ outputs = { self, flake-utils }: flake-utils.lib.eachDefaultSystem (system: { packages = { | }; }); }", set: "packages", outputs: "packages.<system>"},
		{text: "{ outputs = { self, nixpkgs }: { packages = nixpkgs.lib.genAttrs [ \"x86_64-linux\" ] (system: { | }); }; }", set: "", outputs: "packages.<system>"},
		{text: "{ outputs = inputs: inputs.flake-parts.lib.mkFlake { inherit inputs; } { perSystem = { pkgs, ... }: { packages.| }; flake = { }; }; }", outputs: "-"},
		{text: "{ outputs = inputs: inputs.flake-parts.lib.mkFlake { inherit inputs; } { perSystem = { pkgs, ... }: { devShells = { | }; }; }; }", set: "devShells", outputs: "devShells.<system>"},
		{text: "{ outputs = inputs: inputs.flake-parts.lib.mkFlake { inherit inputs; } { flake = { nixosModules = { | }; }; }; }", set: "flake.nixosModules", outputs: "nixosModules"},
		{text: "{ outputs = { self }: { packages.x86_64-linux.default = f { a = |; }; }; }", outputs: "-"},
		{text: "let x = { a = \"é😀|\"; }; in x", value: "a", outputs: "-", str: true},
	}
	for _, c := range cases {
		u, off := load(t, c.text)
		p := u.At(off)
		if p.String != syntax.NoNode != c.str {
			t.Errorf("%s: in string %v", c.text, p.String != syntax.NoNode)
		}
		switch {
		case c.key != "":
			names, _, ok := u.KeyPath(p)
			if !p.InKey || !ok || strings.Join(names, ".") != c.key {
				t.Errorf("%s: key path %v (in key %v, ok %v), want %s", c.text, names, p.InKey, ok, c.key)
			}
		case c.value != "":
			names, _, ok := u.ValuePath(p)
			if !ok || strings.Join(names, ".") != c.value {
				t.Errorf("%s: value path %v (%v), want %s", c.text, names, ok, c.value)
			}
		case c.set != "" || p.InSetBody:
			names, _, ok := u.SetPath(p)
			if !p.InSetBody || !ok || strings.Join(names, ".") != c.set {
				t.Errorf("%s: set path %v (in set %v, ok %v), want %s", c.text, names, p.InSetBody, ok, c.set)
			}
		}
		out, ok := u.OutputsPath(p)
		got := strings.Join(out, ".")
		if !ok {
			got = "-"
		}
		if got != c.outputs {
			t.Errorf("%s: outputs path %q, want %q", c.text, got, c.outputs)
		}
	}
}
