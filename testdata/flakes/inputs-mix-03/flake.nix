{
  description = ''
    Flake with many kinds of inputs: mirror, pinned, gl-lib,
    local-tools
  '';

  inputs = {
    nixpkgs.url = github:NixOS/nixpkgs/nixos-24.11;
    mirror = {
      url = "git+ssh://ssh.example.org/infra/mirror.git";
    };
    pinned.url = "github:NixOS/nixpkgs/69e5988d89ecae7ec599dac1abc48cd4c365a08d";
    gl-lib.url = "gitlab:veloren%2Fdev/nix-utils";
    local-tools.url = "path:./tools";
  };

  outputs = { self, nixpkgs, ... }@inputs:
    let
      system = "x86_64-linux";
      pkgs = nixpkgs.legacyPackages.${system};
    in
    {
      packages.${system}.sources = pkgs.linkFarm "sources" [
        { name = "mirror"; path = inputs.mirror; }
        { name = "pinned"; path = inputs.pinned; }
        { name = "gl-lib"; path = inputs.gl-lib; }
        { name = "local-tools"; path = inputs.local-tools; }
      ];

      devShells.${system}.default = pkgs.mkShell {
        packages = [ pkgs.ripgrep pkgs.tmux ];
      };
    };
}
