package unit

import (
	"strings"
	"testing"

	"github.com/flake-lsp/flake-lsp/analysis/flake"
	"github.com/flake-lsp/flake-lsp/analysis/scope"
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
	sc := scope.Analyze(v, scope.Options{File: "flake.nix", Flake: true})
	return &Unit{Path: "flake.nix", Src: src, View: v, Flake: res.Flake, Scope: sc}, off
}

func TestPlaces(t *testing.T) {
	cases := []struct {
		text    string
		key     string // KeyPath when InKey
		value   string // ValuePath when in a value
		set     string // SetPath when in a set body
		outputs string // OutputsPath, "-" when not in the outputs
		str     bool
		// perSystem: OutputsAt says the set is per system; parts: "." and
		// the path in flake-parts' module when the offset is in it.
		perSystem bool
		parts     string
		gap       bool
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
		{text: "{ outputs = { self, flake-utils }: flake-utils.lib.eachDefaultSystem (system: { packages = { | }; }); }", set: "packages", outputs: "packages.<system>", perSystem: true},
		{text: "{ outputs = { self, nixpkgs }: { packages = nixpkgs.lib.genAttrs [ \"x86_64-linux\" ] (system: { | }); }; }", set: "", outputs: "packages.<system>"},
		{text: "{ outputs = { self, nixpkgs }: let forEachSupportedSystem = f: nixpkgs.lib.genAttrs [ \"x86_64-linux\" ] (system: f { pkgs = nixpkgs.legacyPackages.${system}; }); in { devShells = forEachSupportedSystem ({ pkgs }: { | }); }; }", set: "", outputs: "devShells.<system>"},
		// Local helpers built on genAttrs, whatever their names, found by
		// their definitions; a local function that is not one stays unknown.
		{text: "{ outputs = { self, nixpkgs }: let eachArch = f: nixpkgs.lib.genAttrs [ \"x86_64-linux\" ] (s: f nixpkgs.legacyPackages.${s}); in { packages = eachArch (pkgs: { | }); }; }", set: "", outputs: "packages.<system>"},
		{text: "{ outputs = { self, nixpkgs }: let perArch = nixpkgs.lib.genAttrs [ \"x86_64-linux\" ]; in { packages = perArch (s: { | }); }; }", set: "", outputs: "packages.<system>"},
		{text: "{ outputs = { self, nixpkgs }: let perArch = nixpkgs.lib.genAttrs [ ]; each = f: perArch (s: f s); in { packages = each (s: { | }); }; }", set: "", outputs: "packages.<system>"},
		{text: "{ outputs = { self, nixpkgs }: let mk = f: f 1; in { packages = mk (x: { | }); }; }", set: "", outputs: "-"},
		{text: "{ outputs = inputs: inputs.flake-parts.lib.mkFlake { inherit inputs; } { perSystem = { pkgs, ... }: { packages.| }; flake = { }; }; }", outputs: "-", gap: true},
		{text: "{ outputs = inputs: inputs.flake-parts.lib.mkFlake { inherit inputs; } { perSystem = { pkgs, ... }: { devShells = { | }; }; }; }", set: "devShells", outputs: "devShells.<system>", perSystem: true},
		{text: "{ outputs = inputs: inputs.flake-parts.lib.mkFlake { inherit inputs; } { flake = { nixosModules = { | }; }; }; }", set: "flake.nixosModules", outputs: "nixosModules"},
		{text: "{ outputs = { self }: { packages.x86_64-linux.default = f { a = |; }; }; }", outputs: "-"},
		{text: "let x = { a = \"é😀|\"; }; in x", value: "a", outputs: "-", str: true},
		// The output name itself, in a per-system set, has no system level.
		{text: "{ outputs = { self, flake-utils }: flake-utils.lib.eachDefaultSystem (system: { pack|ages = { }; }); }", key: "packages", outputs: "packages", perSystem: true},
		{text: "{ outputs = { self, flake-utils }: flake-utils.lib.eachDefaultSystem (system: { packages.de|fault = 1; }); }", key: "packages.default", outputs: "packages.<system>.default", perSystem: true},
		{text: "{ outputs = { self, flake-utils }: flake-utils.lib.eachDefaultSystem (system: { | }); }", set: "", outputs: "", perSystem: true},
		// flake-parts' module written as a function.
		{text: "{ outputs = inputs: inputs.flake-parts.lib.mkFlake { inherit inputs; } ({ withSystem, ... }: { flake = { nixosModules = { | }; }; }); }", set: "flake.nixosModules", outputs: "nixosModules"},
		{text: "{ outputs = inputs: inputs.flake-parts.lib.mkFlake { inherit inputs; } ({ withSystem, ... }: { perSystem = { pkgs, ... }: { packages = { | }; }; }); }", set: "packages", outputs: "packages.<system>", perSystem: true},
		{text: "{ outputs = inputs: inputs.flake-parts.lib.mkFlake { inherit inputs; } ({ withSystem, ... }: let x = 1; in { per|System = { }; }); }", key: "perSystem", outputs: "-", parts: ".perSystem"},
		{text: "{ outputs = inputs: inputs.flake-parts.lib.mkFlake { inherit inputs; } { systems = [ ]; | }; }", set: "", outputs: "-", parts: "."},
		{text: "{ outputs = inputs: inputs.flake-parts.lib.mkFlake { inherit inputs; } { perSystem = { packages = { | }; }; }; }", set: "perSystem.packages", outputs: "packages.<system>", perSystem: true},
		// A set merged with `//` in a binding's value.
		{text: "{ outputs = { self }: { packages.x86_64-linux = self.x // { def|ault = 1; }; }; }", key: "packages.x86_64-linux.default", outputs: "packages.x86_64-linux.default"},
		// `packages.` at the end of a line: the parser joins the next
		// line's name to the path; the cursor is in the gap before it.
		{text: "{ outputs = { self }: { packages.|\n  lib = 1; }; }", key: "packages.lib", outputs: "packages", gap: true},
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
		op, ok := u.OutputsAt(p)
		if ok && op.PerSystem != c.perSystem {
			t.Errorf("%s: per system %v", c.text, op.PerSystem)
		}
		parts := "-"
		if ok && op.PartsModule {
			parts = "." + strings.Join(op.Path, ".")
		}
		if c.parts == "" {
			c.parts = "-"
		}
		if parts != c.parts {
			t.Errorf("%s: flake-parts module %v at %q, want %q", c.text, op.PartsModule, parts, c.parts)
		}
		if p.KeyGap != c.gap {
			t.Errorf("%s: key gap %v", c.text, p.KeyGap)
		}
	}
}

func TestOutputEntries(t *testing.T) {
	cases := []struct{ text, want string }{
		{"{ outputs = { self }: { packages.x86_64-linux.default = 1; lib = { f = 1; }; }; }|",
			"packages packages.x86_64-linux packages.x86_64-linux.default lib lib.f"},
		{"{ outputs = { self, flake-utils }: flake-utils.lib.eachDefaultSystem (system: { packages.default = 1; devShells = { a = 1; }; }) // { overlays.default = 1; }; }|",
			"packages packages.<system>.default devShells devShells.<system>.a overlays overlays.default"},
		{"{ outputs = { self, nixpkgs }: let forAllSystems = nixpkgs.lib.genAttrs [ ]; in { packages = forAllSystems (system: { x = 1; }); }; }|",
			"packages packages.<system>.x"},
		{"{ outputs = inputs: inputs.flake-parts.lib.mkFlake { inherit inputs; } ({ ... }: { systems = [ ]; flake.lib.a = 1; perSystem = { pkgs, ... }: { packages.p = 1; }; }); }|",
			"lib lib.a packages packages.<system>.p"},
	}
	for _, c := range cases {
		u, _ := load(t, c.text)
		var got []string
		for _, e := range u.OutputEntries(3) {
			got = append(got, strings.Join(e.Path, "."))
			if e.Key.Name != e.Path[len(e.Path)-1] {
				t.Errorf("%s: key %q for %v", c.text, e.Key.Name, e.Path)
			}
		}
		if strings.Join(got, " ") != c.want {
			t.Errorf("%s:\n got %s\nwant %s", c.text, strings.Join(got, " "), c.want)
		}
	}
}

func TestAttrs(t *testing.T) {
	u, _ := load(t, `let x = { a.b = 1; a.c = { d = 2; }; inherit y; "q" = 3; ${z} = 4; }; in x|`)
	v := u.View
	set := syntax.NoNode
	for i := range v.Nodes {
		if n := syntax.NodeID(i); isSet(v, n) {
			set = n
			break
		}
	}
	names := func(path ...string) string {
		var out []string
		for _, s := range u.AttrsAt(set, path) {
			out = append(out, s.Name)
		}
		return strings.Join(out, " ")
	}
	if got := names(); got != "a y q" {
		t.Errorf("top: %s", got)
	}
	if got := names("a"); got != "b c" {
		t.Errorf("a: %s", got)
	}
	if got := names("a", "c"); got != "d" {
		t.Errorf("a.c: %s", got)
	}
	if s, ok := u.AttrDefinition(set, []string{"a", "c", "d"}); !ok || v.Text(s.Node) != "d" {
		t.Errorf("a.c.d: %v %v", s, ok)
	}
	if _, ok := u.AttrDefinition(set, []string{"nope"}); ok {
		t.Errorf("nope found")
	}
}

func TestDepPath(t *testing.T) {
	for in, want := range map[string]string{
		"inputs.a.inputs.b":          "a/b",
		"inputs.a.inputs.b.inputs.c": "a/b/c",
		"inputs.a":                   "-",
		"inputs.a.url":               "-",
		"inputs.a.inputs.b.url":      "-",
		"inputs.a.x.b":               "-",
	} {
		dep, ok := DepPath(strings.Split(in, "."))
		got := strings.Join(dep, "/")
		if !ok {
			got = "-"
		}
		if got != want {
			t.Errorf("%s: %s, want %s", in, got, want)
		}
	}
}

func TestSystemHelper(t *testing.T) {
	for text, want := range map[string]string{
		"{ outputs = { self, flake-utils }: flake-utils.lib.eachDefaultSystem (sys|tem: { }); }":                                     "flake-utils.lib.eachDefaultSystem",
		"{ outputs = { self, nixpkgs }: { packages = nixpkgs.lib.genAttrs [ \"x86_64-linux\" ] (sys|tem: { }); }; }":                 "nixpkgs.lib.genAttrs",
		"{ outputs = { self }: { lib.f = x|: x; }; }":                                                                                "",
		"{ outputs = { self, nixpkgs }: let eachArch = f: nixpkgs.lib.genAttrs [ ] f; in { packages = eachArch (sys|tem: { }); }; }": "eachArch",
	} {
		u, off := load(t, text)
		v := u.View
		n := v.At(off)
		for n != syntax.NoNode && !v.Is(n, "lambda") {
			n = v.Parent(n)
		}
		if got := u.SystemHelper(n); got != want {
			t.Errorf("%s: %q, want %q", text, got, want)
		}
	}
}
