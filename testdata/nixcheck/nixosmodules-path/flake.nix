{
  description = "nixosModules given as a path to a module file";
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
      nixosModules.file = ./module.nix;
    };
}
