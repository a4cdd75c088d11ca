{
  description = "A collection of nixpkgs overlays (pinned, security, shells)";

  inputs = {
    nixpkgs.url = "github:NixOS/nixpkgs/nixos-24.11";
  };

  outputs = { self, nixpkgs }:
    let
      lib = nixpkgs.lib;
    in
    {
      overlays = {
        pinned =
          final: super: {
            hello-wrapped = final.writeShellScriptBin "hello-wrapped" ''
              exec ${super.hello}/bin/hello "$@"
            '';
          };
        security =
          final: prev: {
            direnv-wrapped = final.writeShellScriptBin "direnv-wrapped" ''
              exec ${prev.direnv}/bin/direnv "$@"
            '';
          };
        shells =
          _final: prev: {
            neovim = prev.neovim.overrideAttrs (old: {
              doCheck = false;
              meta = old.meta // { priority = 4; };
            });
          };
        default = lib.composeManyExtensions [ self.overlays.pinned self.overlays.security self.overlays.shells ];
      };

      legacyPackages = lib.genAttrs [ "x86_64-linux" "aarch64-linux" "x86_64-darwin" "aarch64-darwin" ] (system:
        import nixpkgs {
          inherit system;
          overlays = [ self.overlays.default ];
        });

      lib.overlayNames = builtins.attrNames self.overlays;
    };
}
