{
  description = "Bob's MacBook: nix-darwin + home-manager";

  inputs = {
    nixpkgs.url = "github:NixOS/nixpkgs/nixpkgs-24.11-darwin";
    nix-darwin = {
      url = "github:nix-darwin/nix-darwin/nix-darwin-24.11";
      inputs.nixpkgs.follows = "nixpkgs";
    };
    home-manager = {
      url = "github:nix-community/home-manager/release-24.11";
      inputs.nixpkgs.follows = "nixpkgs";
    };
  };

  outputs = inputs@{ self, nix-darwin, nixpkgs, home-manager }:
    let
      configuration = { pkgs, ... }: {
        environment.systemPackages = [ pkgs.vim pkgs.git pkgs.jq ];
        nix.settings.experimental-features = "nix-command flakes";
        programs.zsh.enable = true;
        system.configurationRevision = self.rev or self.dirtyRev or null;
        system.stateVersion = 5;
        nixpkgs.hostPlatform = "aarch64-darwin";
        security.pam.enableSudoTouchIdAuth = true;
        users.users.bob.home = "/Users/bob";
      };
    in
    {
      darwinConfigurations."Bobs-MacBook-Pro" = nix-darwin.lib.darwinSystem {
        modules = [
          configuration
          home-manager.darwinModules.home-manager
          {
            home-manager.useGlobalPkgs = true;
            home-manager.useUserPackages = true;
            home-manager.users.bob = { pkgs, ... }: {
              home.stateVersion = "24.11";
              programs.direnv.enable = true;
              programs.direnv.nix-direnv.enable = true;
            };
          }
        ];
      };

      darwinPackages = self.darwinConfigurations."Bobs-MacBook-Pro".pkgs;
    };
}
