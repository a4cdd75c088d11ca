{
  description = "template with an extra attribute";
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
      templates.default = { path = ./tmpl; description = "a template"; foo = 1; };
    };
}
