{
  description = "check from a let-bound Boolean";
  outputs = { self }:
    let
      drv = name: builtins.derivation {
        inherit name;
        system = "x86_64-linux";
        builder = "/bin/sh";
        args = [ "-c" "echo ok > $out" ];
      };
      enabled = true;
    in
    {
      checks.x86_64-linux.test = enabled;
    };
}
