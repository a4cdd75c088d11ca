{
  description = "app of the wrong type";
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
      apps.x86_64-linux.default = { type = "derivation"; program = "/bin/sh"; };
    };
}
