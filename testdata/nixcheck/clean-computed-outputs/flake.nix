{
  description = "outputs computed by local helpers";
  outputs = { self }:
    let
      drv = name: builtins.derivation {
        inherit name;
        system = "x86_64-linux";
        builder = "/bin/sh";
        args = [ "-c" "echo ok > $out" ];
      };
      mkBundler = name: d: d;
      mkOverlay = pkgName: final: prev: { ${pkgName} = drv pkgName; };
      forSystems = f: { x86_64-linux = f "x86_64-linux"; };
      throw = name: drv name;
    in
    {
      bundlers.x86_64-linux.default = mkBundler "b";
      overlays.default = mkOverlay "hello";
      packages = forSystems (system: { default = drv "p"; });
      checks.x86_64-linux.thrown = throw "c";
      hydraJobs.build = forSystems (system: drv "b");
      templates.default = { path = "${self}/tmpl"; description = "a template"; };
      formatter = forSystems (system: drv "fmt");
    };
}
