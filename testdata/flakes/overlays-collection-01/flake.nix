{
  description = ''
    A collection of nixpkgs overlays (security, pinned, tools,
    editors)
  '';

  inputs = {
    nixpkgs.url = "github:NixOS/nixpkgs/nixos-25.05";
  };

  outputs = { self, nixpkgs }:
    let
      lib = nixpkgs.lib;
    in
    {
      overlays = {
        security =
          _final: prev: {
            direnv = prev.direnv.overrideAttrs (old: {
              doCheck = false;
              meta = old.meta // { priority = 4; };
            });
          };
        pinned =
          _: prev: {
            neovim = prev.neovim.overrideAttrs (old: {
              doCheck = false;
              meta = old.meta // { priority = 4; };
            });
          };
        tools =
          final: super: {
            ripgrep-wrapped = final.writeShellScriptBin "ripgrep-wrapped" ''
              exec ${super.ripgrep}/bin/ripgrep "$@"
            '';
          };
        editors =
          final: prev: {
            git-wrapped = final.writeShellScriptBin "git-wrapped" ''
              exec ${prev.git}/bin/git "$@"
            '';
          };
        default = lib.composeManyExtensions [ self.overlays.security self.overlays.pinned self.overlays.tools self.overlays.editors ];
      };

      legacyPackages = lib.genAttrs [ "x86_64-linux" ] (system:
        import nixpkgs {
          inherit system;
          overlays = [ self.overlays.default ];
        });
    };
}
