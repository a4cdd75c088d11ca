// Package schema is what flake-lsp knows about the shape of a flake, as
// data: the flake outputs Nix and the community use. Diagnostics,
// completion and hover all read these tables.
package schema

// Shape is what an output (or each entry of it) must be.
type Shape int

const (
	Anything Shape = iota
	Derivation
	App      // { type = "app"; program = "..."; meta? }
	Function // bundlers
	Overlay  // final: prev: { ... }
	Module   // a NixOS/home-manager/darwin module: function, attrset or path
	Template // { path; description; welcomeText? }
	System   // nixosConfigurations: nixpkgs.lib.nixosSystem { ... }
	Nested   // legacyPackages: nested package sets, only system names checked
	Jobs     // hydraJobs: nested sets with derivations at the leaves
	Attrs    // lib: anything
)

// Checked reports whether `nix flake check` evaluates each entry of an
// output of this shape (so an entry that always throws fails the check).
// legacyPackages, lib and the community outputs are not evaluated.
func (s Shape) Checked() bool {
	return s != Anything && s != Nested && s != Attrs
}

// Output describes one flake output.
type Output struct {
	Name string
	// PerSystem: the output is keyed by system (`packages.<system>...`).
	PerSystem bool
	// Named: the output (after the system, if any) is keyed by names
	// (`packages.<system>.<name>`), rather than being one value
	// (`formatter.<system>`, `overlay`).
	Named bool
	Shape Shape
	// Deprecated names the replacement, as Nix's warning does.
	Deprecated string
	// Since is the Nix version that knows the output (empty: 2.4).
	Since string
	// Community: a convention of other tools that Nix tolerates.
	Community bool
	// Toplevel is the attribute path, in each entry, that `nix flake
	// check` requires to be a derivation (nixosConfigurations:
	// config.system.build.toplevel, what `nixpkgs.lib.nixosSystem` makes).
	Toplevel []string
	Doc      string
}

// Outputs lists the outputs flake-lsp knows.
var Outputs = []Output{
	{Name: "packages", PerSystem: true, Named: true, Shape: Derivation, Doc: "Packages, one derivation per name: `nix build .#<name>`; `default` is what `nix build` builds."},
	{Name: "legacyPackages", PerSystem: true, Shape: Nested, Doc: "A nixpkgs-style nested package set; only its system names are checked."},
	{Name: "devShells", PerSystem: true, Named: true, Shape: Derivation, Doc: "Development environments for `nix develop .#<name>` (usually `pkgs.mkShell`)."},
	{Name: "checks", PerSystem: true, Named: true, Shape: Derivation, Doc: "Derivations `nix flake check` builds for the local system."},
	{Name: "apps", PerSystem: true, Named: true, Shape: App, Doc: "Programs for `nix run .#<name>`: `{ type = \"app\"; program = \"${drv}/bin/x\"; }`."},
	{Name: "formatter", PerSystem: true, Shape: Derivation, Doc: "The formatter `nix fmt` runs: one derivation per system, `formatter.<system> = pkgs.nixfmt-rfc-style;`."},
	{Name: "bundlers", PerSystem: true, Named: true, Shape: Function, Doc: "Functions from a derivation to a derivation, for `nix bundle`."},
	{Name: "overlays", Named: true, Shape: Overlay, Doc: "nixpkgs overlays `final: prev: { ... }`: `nix flake check` wants the first argument named `final` (or `_`, `_final`); Nix 2.21 and older also want the second written `prev` (or `_`, `_prev`)."},
	{Name: "nixosModules", Named: true, Shape: Module, Doc: "NixOS modules for other flakes' configurations."},
	{Name: "nixosConfigurations", Named: true, Shape: System, Toplevel: []string{"config", "system", "build", "toplevel"}, Doc: "NixOS systems (`nixpkgs.lib.nixosSystem { ... }`), for `nixos-rebuild --flake .#<host>`; `nix flake check` evaluates each one's `config.system.build.toplevel`."},
	{Name: "hydraJobs", Shape: Jobs, Doc: "Hydra jobs: attribute sets nested as deep as you like (conventionally `hydraJobs.<job>.<system>`) with derivations at the leaves; the top level must not be a derivation."},
	{Name: "templates", Named: true, Shape: Template, Doc: "Templates for `nix flake init -t`: `{ path = ./dir; description = \"...\"; }`."},
	{Name: "lib", Shape: Attrs, Since: "2.13", Doc: "A library of functions for other flakes (warned about as unknown before Nix 2.13)."},
	{Name: "darwinConfigurations", Named: true, Community: true, Since: "2.13", Doc: "nix-darwin systems."},
	{Name: "darwinModules", Named: true, Shape: Module, Community: true, Since: "2.13", Doc: "nix-darwin modules."},
	{Name: "homeConfigurations", Named: true, Community: true, Since: "2.13", Doc: "Home Manager configurations."},
	{Name: "homeModules", Named: true, Shape: Module, Community: true, Since: "2.24", Doc: "Home Manager modules."},
	{Name: "homeModule", Shape: Module, Community: true, Since: "2.24", Doc: "A Home Manager module."},
	{Name: "flakeModule", Community: true, Since: "2.13", Doc: "A flake-parts module."},
	{Name: "flakeModules", Named: true, Community: true, Since: "2.13", Doc: "flake-parts modules."},
	{Name: "herculesCI", Community: true, Since: "2.13", Doc: "Hercules CI configuration."},
	{Name: "nixopsConfigurations", Named: true, Community: true, Since: "2.13", Doc: "NixOps deployments."},
	{Name: "defaultPackage", PerSystem: true, Shape: Derivation, Deprecated: "packages.<system>.default", Doc: "Deprecated: use packages.<system>.default."},
	{Name: "devShell", PerSystem: true, Shape: Derivation, Deprecated: "devShells.<system>.default", Doc: "Deprecated: use devShells.<system>.default."},
	{Name: "defaultApp", PerSystem: true, Shape: App, Deprecated: "apps.<system>.default", Doc: "Deprecated: use apps.<system>.default."},
	{Name: "defaultTemplate", Shape: Template, Deprecated: "templates.default", Doc: "Deprecated: use templates.default."},
	{Name: "defaultBundler", PerSystem: true, Shape: Function, Deprecated: "bundlers.<system>.default", Doc: "Deprecated: use bundlers.<system>.default."},
	{Name: "overlay", Shape: Overlay, Deprecated: "overlays.default", Doc: "Deprecated: use overlays.default."},
	{Name: "nixosModule", Shape: Module, Deprecated: "nixosModules.default", Doc: "Deprecated: use nixosModules.default."},
}

// OutputByName returns the output called name.
func OutputByName(name string) (Output, bool) {
	for _, o := range Outputs {
		if o.Name == name {
			return o, true
		}
	}
	return Output{}, false
}

// Systems lists the common system strings (nixpkgs' flake-exposed
// systems), for completion and for hints about typos.
var Systems = []string{
	"x86_64-linux", "aarch64-linux", "x86_64-darwin", "aarch64-darwin",
	"armv6l-linux", "armv7l-linux", "i686-linux", "powerpc64le-linux", "riscv64-linux", "x86_64-freebsd",
}
