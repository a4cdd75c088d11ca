{
  description = "plain lambda";
  inputs.a.url = "path:./dep";
  outputs = inputs: {
    checks.x86_64-linux.a = builtins.derivation {
      name = "a-check";
      system = "x86_64-linux";
      builder = "/bin/sh";
      args = [ "-c" "echo ${inputs.a.narHash} > $out" ];
    };
  };
}
