{
  description = "nested package set";
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
      packages.x86_64-linux.tools = { a = drv "a"; b = drv "b"; };
    };
}
