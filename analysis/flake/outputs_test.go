package flake

import (
	"sort"
	"strings"
	"testing"

	"github.com/flake-lsp/flake-lsp/analysis"
	"github.com/flake-lsp/flake-lsp/syntax"
)

func analyze(t *testing.T, src string) []analysis.Diagnostic {
	t.Helper()
	tree := syntax.Parse([]byte(src))
	defer tree.Close()
	if errs := tree.Errors([]byte(src)); len(errs) > 0 {
		t.Fatalf("syntax error in test flake: %s\n%s", errs[0].Message, src)
	}
	return Analyze(syntax.NewView(tree, []byte(src)), Options{File: "flake.nix"}).Diagnostics
}

// outputsFlake wraps outputs in a flake with a local derivation helper,
// as the nixcheck cases are written.
func outputsFlake(outputs string) string {
	return `{
  outputs = { self }:
    let
      drv = name: builtins.derivation { inherit name; system = "x86_64-linux"; builder = "/bin/sh"; };
    in
    ` + outputs + `;
}`
}

func codes(diags []analysis.Diagnostic) string {
	var out []string
	for _, d := range diags {
		out = append(out, d.Code)
	}
	sort.Strings(out)
	return strings.Join(out, " ")
}

// Values whose kind shows without evaluation are checked; computed ones
// are never reported.
func TestOutputValues(t *testing.T) {
	cases := []struct{ name, outputs, want string }{
		// bundlers must be functions
		{"bundler is a derivation", `{ bundlers.x86_64-linux.default = drv "b"; }`, "outputs-bad-shape"},
		{"bundler is a string", `{ bundlers.x86_64-linux.default = "b"; }`, "outputs-bad-shape"},
		{"bundler is a function", `{ bundlers.x86_64-linux.default = d: d; }`, ""},
		{"bundler from a curried helper", `let mk = n: d: d; in { bundlers.x86_64-linux.default = mk "x"; }`, ""},
		{"bundler from an imported helper", `let mk = import ./b.nix; in { bundlers.x86_64-linux.default = mk "x"; }`, ""},
		{"more arguments than lambdas", `let f = x: g; g = import ./g.nix; in { bundlers.x86_64-linux.default = f 1 2; }`, ""},
		{"variables that refer to each other", `let a = b; b = a; in { bundlers.x86_64-linux.default = a; }`, ""},
		// derivations
		{"check is a Boolean", `{ checks.x86_64-linux.test = true; }`, "outputs-not-derivation"},
		{"check is null", `{ checks.x86_64-linux.test = null; }`, "outputs-not-derivation"},
		{"check is a Boolean through let", `let t = true; in { checks.x86_64-linux.test = t; }`, "outputs-not-derivation"},
		{"with does not shadow true", `with { true = drv "x"; }; { checks.x86_64-linux.test = true; }`, "outputs-not-derivation"},
		{"let shadows true", `let true = drv "x"; in { checks.x86_64-linux.test = true; }`, ""},
		{"set typed as another thing", `{ packages.x86_64-linux.a = { type = "app"; }; }`, "outputs-not-derivation"},
		{"set typed as a derivation", `{ packages.x86_64-linux.a = { type = "derivation"; name = "a"; }; }`, ""},
		{"helper returning a set", `let mk = n: { name = n; }; in { packages.x86_64-linux.a = mk "a"; }`, "outputs-not-derivation"},
		{"derivation helper", `{ packages.x86_64-linux.a = drv "a"; devShells.x86_64-linux.default = derivation { name = "s"; }; }`, ""},
		{"computed package", `let pkgs = import ./nixpkgs.nix; in { packages.x86_64-linux.a = pkgs.hello; checks.x86_64-linux.b = pkgs.hello // { }; }`, ""},
		{"named entries in a derivation", `{ packages.x86_64-linux = drv "a"; }`, "outputs-bad-shape"},
		// formatter is per system
		{"formatter without system", `{ formatter = drv "fmt"; }`, "outputs-bad-system"},
		{"formatter per system", `{ formatter.x86_64-linux = drv "fmt"; }`, ""},
		{"formatter through forAllSystems", `let forAllSystems = f: (import ./lib.nix).genAttrs [ "x86_64-linux" ] f; in { formatter = forAllSystems (system: drv "fmt"); }`, ""},
		{"formatter with names", `{ formatter.x86_64-linux.default = drv "fmt"; }`, "outputs-not-derivation"},
		// hydraJobs
		{"jobset is a derivation", `{ hydraJobs = drv "job"; }`, "outputs-hydra-jobs"},
		{"job leaf is an integer", `{ hydraJobs.build.x86_64-linux = 1; }`, "outputs-hydra-jobs"},
		{"job is a function", `{ hydraJobs.build = x: x; }`, "outputs-hydra-jobs"},
		{"jobs nested", `{ hydraJobs = { build.x86_64-linux = drv "b"; tests.a.b.c = drv "t"; }; }`, ""},
		{"jobs computed", `{ hydraJobs = { inherit (self) packages; build = (import ./lib.nix).genAttrs [ "x86_64-linux" ] (s: drv "b"); }; }`, ""},
		{"job typed as a derivation is a leaf", `{ hydraJobs.a = { type = "derivation"; name = 1; }; }`, ""},
		// nixosConfigurations
		{"configuration is an empty set", `{ nixosConfigurations.host = { }; }`, "outputs-nixos-configuration"},
		{"configuration is an integer", `{ nixosConfigurations.host = 1; }`, "outputs-nixos-configuration"},
		{"configuration lacks system", `{ nixosConfigurations.host = { config = { }; }; }`, "outputs-nixos-configuration"},
		{"toplevel is not a derivation", `{ nixosConfigurations.host.config.system.build.toplevel = 1; }`, "outputs-nixos-configuration"},
		{"toplevel is a derivation", `{ nixosConfigurations.host.config.system.build.toplevel = drv "sys"; }`, ""},
		{"configuration from a builder", `let nixpkgs = import ./n.nix; mkHost = name: nixpkgs.lib.nixosSystem { modules = [ ]; }; in { nixosConfigurations.a = nixpkgs.lib.nixosSystem { modules = [ ]; }; nixosConfigurations.b = mkHost "b"; }`, ""},
		// throw
		{"module throws", `{ nixosModules.default = throw "broken"; }`, "outputs-throws"},
		{"package aborts", `{ packages.x86_64-linux.a = builtins.abort "no"; }`, "outputs-throws"},
		{"helper throws", `let no = msg: throw msg; in { overlays.default = no "x"; }`, "outputs-throws"},
		{"shadowed throw", `let throw = drv; in { packages.x86_64-linux.a = throw "x"; }`, ""},
		{"legacyPackages are not evaluated", `{ legacyPackages.x86_64-linux = throw "x"; lib.a = throw "x"; }`, ""},
		// overlays
		{"overlay takes one argument", `{ overlays.default = final: { }; }`, "outputs-overlay"},
		{"overlay takes one argument, under let", `{ overlays.default = final: let x = 1; in { inherit x; }; }`, "outputs-overlay"},
		{"overlay with super", `{ overlays.default = final: super: { }; }`, "outputs-overlay-prev"},
		{"overlay second argument a pattern", `{ overlays.default = final: { lib, ... }: { }; }`, "outputs-overlay-prev"},
		{"overlay second argument under let", `{ overlays.default = final: let x = 1; in prev: { }; }`, "outputs-overlay-prev"},
		{"overlay second part computed", `{ overlays.default = final: (import ./o.nix) final; }`, "outputs-overlay-prev"},
		{"overlay self super", `{ overlays.default = self: super: { }; }`, "outputs-overlay"},
		{"overlay through let", `let o = self: super: { }; in { overlays.default = o; }`, "outputs-overlay"},
		{"overlay fine", `{ overlays.a = final: prev: { }; overlays.b = _: _prev: { }; overlays.c = _final: _: import ./o.nix; }`, ""},
		{"overlay computed", `{ overlays.default = (import ./lib.nix).composeManyExtensions [ ]; }`, ""},
		// modules
		{"module is a path", `{ nixosModules.default = ./module.nix; }`, ""},
		{"module is a list", `{ nixosModules.default = [ ./module.nix ]; }`, "outputs-bad-shape"},
		{"module with a closed pattern", `{ nixosModules.default = { config }: { }; homeModules.default = args@{ lib }: { }; }`, "outputs-module-args outputs-module-args"},
		{"module with an open pattern", `{ nixosModules.a = { config, ... }: { }; nixosModules.b = args: { }; nixosModules.c = { config, options, lib }: { }; }`, ""},
		// templates
		{"template path under the flake", `{ templates.default = { path = "${self}/t"; description = "d"; }; }`, ""},
		{"template path a plain string", `{ templates.default = { path = "./t"; description = "d"; }; }`, "outputs-template"},
		{"template given by nested bindings", `{ templates.default.path = ./t; }`, "outputs-template"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := codes(analyze(t, outputsFlake(c.outputs))); got != c.want {
				t.Errorf("got [%s], want [%s]\n%s", got, c.want, c.outputs)
			}
		})
	}
}

// flake-parts wraps overlays in `final: prev:`, so names do not matter
// there; the arity still does.
func TestFlakePartsOverlays(t *testing.T) {
	src := `{
  inputs.flake-parts.url = "github:hercules-ci/flake-parts";
  outputs = inputs@{ flake-parts, ... }:
    flake-parts.lib.mkFlake { inherit inputs; } {
      systems = [ "x86_64-linux" ];
      flake.overlays.a = self: super: { };
      flake.overlays.b = final: { };
    };
}`
	if got := codes(analyze(t, src)); got != "outputs-overlay" {
		t.Errorf("got [%s], want [outputs-overlay]", got)
	}
}

// The rename fixes rename the argument and what refers to it, and only
// when that cannot capture another variable.
func TestOverlayRenameFix(t *testing.T) {
	cases := []struct{ overlay, fixed string }{
		{`self: super: { a = self.b; c = super.d; s = x: self; }`, `final: super: { a = final.b; c = super.d; s = x: final; }`},
		{`final: super: { a = super.hello; b = "${super.x}"; c = super: super; }`, `final: prev: { a = prev.hello; b = "${prev.x}"; c = super: super; }`},
		{`final: super: let prev = 1; in { a = super; }`, ""},
		{`final: super: { inherit super; }`, ""},
	}
	for _, c := range cases {
		diags := analyze(t, outputsFlake(`{ overlays.default = `+c.overlay+`; }`))
		if len(diags) != 1 {
			t.Fatalf("%s: %v", c.overlay, diags)
		}
		src := outputsFlake(`{ overlays.default = ` + c.overlay + `; }`)
		fix := diags[0].Fix
		switch {
		case c.fixed == "" && fix != nil:
			t.Errorf("%s: unsafe fix %q", c.overlay, fix.Replacement)
		case c.fixed != "" && fix == nil:
			t.Errorf("%s: no fix", c.overlay)
		case c.fixed != "":
			if got := src[:fix.Start] + fix.Replacement + src[fix.End:]; got != outputsFlake(`{ overlays.default = `+c.fixed+`; }`) {
				t.Errorf("%s: fixed to\n%s", c.overlay, got)
			}
		}
	}
}

// A variable of a rec top level that names a literal is what Nix reads:
// accepted, with a note, and the literal is checked as usual.
func TestRecTopLevel(t *testing.T) {
	cases := []struct{ src, want string }{
		{`rec {
  description = "path:./dep";
  inputs.a.url = description;
  outputs = { self, a }: { lib.a = a; };
}`, "flake-rec-reference input-path-missing"},
		{`rec {
  description = "github:NixOS";
  inputs.a.url = description;
  outputs = { self, a }: { lib.a = a; };
}`, "flake-rec-reference url-invalid-forge-path"},
		{`rec {
  description = "x${"y"}";
  inputs.a.url = description;
  outputs = { self, a }: { lib.a = a; };
}`, "flake-not-literal flake-not-literal"},
		{`{
  description = "path:./dep";
  inputs.a.url = description;
  outputs = { self, a }: { lib.a = a; };
}`, "flake-not-literal"},
		{`rec {
  description = "x";
  nixConfig.bash-prompt = description;
  outputs = { self }: { };
}`, "flake-rec-reference"},
	}
	for _, c := range cases {
		if got := codes(analyze(t, c.src)); got != c.want {
			t.Errorf("got [%s], want [%s]\n%s", got, c.want, c.src)
		}
	}
}

// An overlay defined in a let is reported where it is defined, with the
// output that uses it as related information.
func TestOverlayRelated(t *testing.T) {
	src := outputsFlake(`let o = self: super: { }; in { overlays.default = o; overlays.b = self: super: { }; }`)
	diags := analyze(t, src)
	if len(diags) != 2 {
		t.Fatalf("%v", diags)
	}
	for _, d := range diags {
		inLet := src[d.Start:d.End] == "self" && d.Start < strings.Index(src, " in {")
		if inLet != (len(d.Related) == 1) {
			t.Errorf("%s at %d: related %v", d.Code, d.Start, d.Related)
		}
		if inLet && src[d.Related[0].Start:d.Related[0].End] != "o" {
			t.Errorf("related points at %q", src[d.Related[0].Start:d.Related[0].End])
		}
	}
}

// The fix of a closed module pattern adds `...`.
func TestModuleArgsFix(t *testing.T) {
	for pattern, fixed := range map[string]string{"{ config }": "{ config, ... }", "{ }": "{ ... }", "{ pkgs ? null }": "{ pkgs ? null, ... }"} {
		src := outputsFlake(`{ nixosModules.default = ` + pattern + `: { }; }`)
		diags := analyze(t, src)
		if len(diags) != 1 || diags[0].Fix == nil {
			t.Fatalf("%s: %v", pattern, diags)
		}
		fix := diags[0].Fix
		if got := src[:fix.Start] + fix.Replacement + src[fix.End:]; got != outputsFlake(`{ nixosModules.default = `+fixed+`: { }; }`) {
			t.Errorf("%s: fixed to\n%s", pattern, got)
		}
	}
}
