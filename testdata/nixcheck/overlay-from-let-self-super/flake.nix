{
  description = "overlay from a let-bound function";
  outputs = { self }:
    let
      drv = name: builtins.derivation {
        inherit name;
        system = "x86_64-linux";
        builder = "/bin/sh";
        args = [ "-c" "echo ok > $out" ];
      };
      overlay = self: super: { };
    in
    {
      overlays.default = overlay;
    };
}
