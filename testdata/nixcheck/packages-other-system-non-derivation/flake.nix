{
  description = "bad package for another system";
  outputs = { self }:
    let
      drv = name: builtins.derivation {
        inherit name;
        system = "x86_64-linux";
        builder = "/bin/sh";
        args = [ "-c" "echo ok > $out" ];
      };
    in
    {
      packages.x86_64-linux.default = drv "hello";
      packages.aarch64-darwin.a = 1;
    };
}
