# Using the primitive `derivation` builtin directly, without stdenv.
let
  system = builtins.currentSystem;
  bash = /bin/sh;

  writeText = name: text: derivation {
    inherit name system text;
    builder = bash;
    args = [ "-c" "echo \"$text\" > $out" ];
    passAsFile = [ "text" ];
  };

  hello = derivation {
    name = "hello-raw";
    inherit system;
    builder = bash;
    args = [
      "-c"
      ''
        mkdir -p $out/bin
        printf '#!/bin/sh\necho "hello, $1"\n' > $out/bin/hello
      ''
    ];
    outputs = [ "out" ];
    __structuredAttrs = false;
    preferLocalBuild = true;
    allowSubstitutes = false;
  };
in
{
  inherit hello;
  readme = writeText "README" "built at ${toString builtins.currentTime}";
}
