{
  description = "app with an extra attribute";
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
      apps.x86_64-linux.default = { type = "app"; program = "/bin/sh"; args = [ "-c" "true" ]; };
    };
}
