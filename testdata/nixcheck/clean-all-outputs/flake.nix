{
  description = "every standard output kind, for two systems";

  inputs.dep.url = "path:./dep";
  inputs.data = {
    url = "path:./data";
    flake = false;
  };

  nixConfig.bash-prompt = "[all]$ ";

  outputs = { self, dep, data, ... }:
    let
      systems = [ "x86_64-linux" "aarch64-linux" ];
      forAll = f: builtins.listToAttrs (map (system: { name = system; value = f system; }) systems);
      drv = system: name: builtins.derivation {
        inherit name system;
        builder = "/bin/sh";
        args = [ "-c" "echo ok > $out" ];
      };
    in
    {
      packages = forAll (s: { default = drv s "hello"; hello = drv s "hello"; });
      devShells = forAll (s: { default = drv s "shell"; });
      checks = forAll (s: { build = self.packages.${s}.default; });
      apps = forAll (s: {
        default = {
          type = "app";
          program = "${self.packages.${s}.default}/bin/hello";
          meta.description = "run hello";
        };
      });
      formatter = forAll (s: drv s "fmt");
      legacyPackages = forAll (s: { hello = drv s "hello"; });
      bundlers = forAll (s: { default = d: d; });
      overlays.default = final: prev: { };
      nixosModules.default = { ... }: { };
      templates.default = { path = ./tmpl; description = "a template"; };
      hydraJobs.hello = forAll (s: drv s "hello");
    };
}
