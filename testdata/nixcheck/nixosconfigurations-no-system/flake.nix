{
  description = "nixosConfiguration with an empty config";
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
      nixosConfigurations.host = { config = { }; };
    };
}
