{
  description = "legacyPackages with arbitrary nesting";
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
      legacyPackages.x86_64-linux = {
        hello = drv "hello";
        nested.set.value = 1;
        notADerivation = "just a string";
      };
    };
}
