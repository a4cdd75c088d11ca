{
  description = "overlays with _ and _prev argument names";
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
      overlays.default = _: _prev: { };
      overlays.other = _final: prev: { };
    };
}
