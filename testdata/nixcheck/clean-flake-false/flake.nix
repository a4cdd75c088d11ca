{
  description = "non-flake input used as a source path";
  inputs.data = {
    url = "path:./data";
    flake = false;
  };
  outputs = { self, data }: {
    checks.x86_64-linux.data = builtins.derivation {
      name = "data-check";
      system = "x86_64-linux";
      builder = "/bin/sh";
      args = [ "-c" "cat ${data}/value.txt > $out" ];
    };
  };
}
