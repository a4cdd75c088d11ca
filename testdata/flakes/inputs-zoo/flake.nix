{
  description = "Workstation config pulling inputs from many kinds of sources";

  inputs = {
    # GitHub, branch / exact revision / pull request / subdirectory
    nixpkgs.url = "github:NixOS/nixpkgs/nixos-24.11";
    nixpkgs-pinned.url = "github:NixOS/nixpkgs/3f0a8ac25fb674611b98089ca3a5dd6480175751";
    nixpkgs-pr.url = "github:NixOS/nixpkgs/pull/349351/head";
    nixpkgs-lib.url = "github:NixOS/nixpkgs/nixos-unstable?dir=lib";

    # plain git over https and ssh
    company-modules.url = "git+https://git.example.com/infra/nix-modules.git?ref=main";
    private-overlay.url = "git+ssh://git@github.com/acme-corp/private-overlay.git";
    firmware-blobs = {
      url = "git+https://github.com/acme-corp/firmware-blobs?submodules=1&ref=stable";
      flake = false;
    };

    # other forges
    nix-matlab = {
      url = "gitlab:doronbehar/nix-matlab";
      inputs.nixpkgs.follows = "nixpkgs";
    };
    nmd = {
      url = "sourcehut:~rycee/nmd";
      flake = false;
    };

    # local checkout and tarballs
    secrets.url = "path:/home/dana/src/secrets-flake";
    wallpapers = {
      url = "tarball+https://files.example.org/dana/wallpapers/latest";
      flake = false;
    };
    nixos-channel = {
      url = "https://nixos.org/channels/nixos-24.11/nixexprs.tar.xz";
      flake = false;
    };
  };

  outputs = inputs@{ self, nixpkgs, ... }: {
    nixosConfigurations.workstation = nixpkgs.lib.nixosSystem {
      system = "x86_64-linux";
      specialArgs = { inherit inputs; };
      modules = [
        inputs.company-modules.nixosModules.base
        inputs.private-overlay.nixosModules.default
        inputs.secrets.nixosModules.default
        ({ pkgs, ... }: {
          nixpkgs.overlays = [
            (final: prev: {
              inherit (inputs.nixpkgs-pr.legacyPackages.${prev.system}) zed-editor;
              inherit (inputs.nixpkgs-pinned.legacyPackages.${prev.system}) postgresql_13;
            })
          ];
          hardware.firmware = [
            (pkgs.runCommand "acme-firmware" { } ''
              mkdir -p $out/lib/firmware
              cp -r ${inputs.firmware-blobs}/blobs/* $out/lib/firmware/
            '')
          ];
          environment.systemPackages = [ inputs.nix-matlab.packages.x86_64-linux.matlab ];
          environment.etc."wallpapers".source = inputs.wallpapers;
          nix.nixPath = [ "nixpkgs=${inputs.nixos-channel}" ];
          documentation.nixos.extraModuleSources = [ "${inputs.nmd}" ];
          boot.loader.grub.device = "/dev/sda";
          fileSystems."/" = { device = "/dev/sda1"; fsType = "ext4"; };
          system.stateVersion = "24.11";
        })
      ];
    };

    lib = import ./lib.nix { lib = inputs.nixpkgs-lib.lib; };
  };
}
