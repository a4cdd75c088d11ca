{
  description = "package from a helper that throws";
  outputs = { self }:
    let
      drv = name: builtins.derivation {
        inherit name;
        system = "x86_64-linux";
        builder = "/bin/sh";
        args = [ "-c" "echo ok > $out" ];
      };
      unsupported = msg: throw msg;
    in
    {
      packages.x86_64-linux.a = unsupported "not supported here";
    };
}
