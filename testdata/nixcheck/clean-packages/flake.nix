{
  description = "packages for two systems";
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
      packages.x86_64-linux.hello = drv "hello";
      packages.aarch64-linux.default = builtins.derivation {
        name = "hello";
        system = "aarch64-linux";
        builder = "/bin/sh";
        args = [ "-c" "echo ok > $out" ];
      };
    };
}
