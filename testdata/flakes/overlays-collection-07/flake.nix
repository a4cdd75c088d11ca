{
  description = "A collection of nixpkgs overlays (pinned, shells, security)";

  inputs = {
    nixpkgs.url = "github:NixOS/nixpkgs/nixos-25.05";
  };

  outputs = { self, nixpkgs }:
    let
      lib = nixpkgs.lib;
    in
    {
      overlays = {
        pinned =
          _final: prev: {
            fd = prev.fd.overrideAttrs (old: {
              doCheck = false;
              meta = old.meta // { priority = 4; };
            });
          };
        shells =
          final: super: {
            ripgrep-wrapped = final.writeShellScriptBin "ripgrep-wrapped" ''
              exec ${super.ripgrep}/bin/ripgrep "$@"
            '';
          };
        security =
          final: prev: {
            htop-wrapped = final.writeShellScriptBin "htop-wrapped" ''
              exec ${prev.htop}/bin/htop "$@"
            '';
          };
        default = lib.composeManyExtensions [ self.overlays.pinned self.overlays.shells self.overlays.security ];
      };

      legacyPackages = lib.genAttrs [ "x86_64-linux" "aarch64-linux" "x86_64-darwin" "aarch64-darwin" ] (system:
        import nixpkgs {
          inherit system;
          overlays = [ self.overlays.default ];
        });

      lib.overlayNames = builtins.attrNames self.overlays;
    };
}
