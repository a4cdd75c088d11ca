{
  description = "hydraJobs nested job/system";
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
      hydraJobs.build.x86_64-linux = drv "build";
      hydraJobs.tests.unit.x86_64-linux = drv "unit";
    };
}
