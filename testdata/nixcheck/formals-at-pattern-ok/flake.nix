{
  description = "at-pattern";
  inputs.a.url = "path:./dep";
  outputs = inputs@{ self, ... }: {
    checks.x86_64-linux.a = builtins.derivation {
      name = "a-check";
      system = "x86_64-linux";
      builder = "/bin/sh";
      args = [ "-c" "echo ${inputs.a.narHash} > $out" ];
    };
  };
}
