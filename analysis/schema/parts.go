package schema

// PartsOption is an option of the module flake-parts' mkFlake takes.
type PartsOption struct{ Name, Doc string }

// PartsOptions are the options every flake-parts flake has (its own
// modules and imported ones add more).
var PartsOptions = []PartsOption{
	{"systems", "flake-parts: the systems `perSystem` is evaluated for, e.g. `[ \"x86_64-linux\" \"aarch64-darwin\" ]` or `import inputs.systems`."},
	{"perSystem", "flake-parts: a module evaluated once per system, `{ pkgs, system, self', inputs', ... }: { packages.default = ...; }`; what it defines becomes `<output>.<system>.<name>`."},
	{"flake", "flake-parts: outputs as they are, not per system (`nixosModules`, `overlays`, `lib`, ...)."},
	{"imports", "flake-parts: modules to import, such as other flakes' `flakeModules`."},
	{"debug", "flake-parts: expose `debug` and `allSystems` in the outputs, for `nix repl`."},
}
